use axum::{extract::Query, response::Html};
use std::collections::HashMap;

pub async fn greet(Query(params): Query<HashMap<String, String>>) -> Html<String> {
    let name = params.get("name").cloned().unwrap_or_default();
    Html(format!("<h1>Hello, {}!</h1>", name))
}

pub async fn greet_safe(Query(params): Query<HashMap<String, String>>) -> Html<String> {
    let name = params.get("name").cloned().unwrap_or_default();
    Html(format!("<h1>Hello, {}!</h1>", html_escape::encode_text(&name)))
}
