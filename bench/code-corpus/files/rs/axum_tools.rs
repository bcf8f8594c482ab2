use axum::{extract::Query, response::Html};
use serde::Deserialize;
use std::process::Command;

#[derive(Deserialize)]
pub struct ToolArgs {
    tool: String,
    target: String,
}

pub async fn run_tool(Query(args): Query<ToolArgs>) -> Html<String> {
    let out = Command::new(&args.tool)
        .arg(&args.target)
        .output()
        .unwrap();
    Html(format!("<pre>{}</pre>", String::from_utf8_lossy(&out.stdout)))
}

pub async fn ping(Query(args): Query<ToolArgs>) -> Html<String> {
    let out = Command::new("ping")
        .arg("-c1")
        .arg(&args.target)
        .output()
        .unwrap();
    Html(format!("<pre>{}</pre>", html_escape::encode_text(&String::from_utf8_lossy(&out.stdout))))
}

pub async fn trace(Query(args): Query<ToolArgs>) -> Html<String> {
    let mut line = String::from("traceroute -m 8 ");
    line.push_str(&args.target);
    let out = Command::new("sh")
        .arg("-c")
        .arg(&line)
        .output()
        .unwrap();
    Html(format!("<pre>{}</pre>", String::from_utf8_lossy(&out.stdout)))
}

pub async fn greet(Query(args): Query<ToolArgs>) -> Html<String> {
    let page = format!("<h2>Results for {}</h2>", args.target);
    Html(page)
}

pub async fn greet_escaped(Query(args): Query<ToolArgs>) -> Html<String> {
    let page = format!("<h2>Results for {}</h2>", html_escape::encode_text(&args.target));
    Html(page)
}
