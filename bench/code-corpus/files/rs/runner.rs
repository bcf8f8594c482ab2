use std::process::Command;

pub fn run_user_command(input: &str) -> std::io::Result<String> {
    let out = Command::new("sh").arg("-c").arg(format!("grep -r {} /var/log/app", input)).output()?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn run_user_command_safe(input: &str) -> std::io::Result<String> {
    let out = Command::new("grep").args(["-r", "--", input, "/var/log/app"]).output()?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    println!("{}", run_user_command(&arg).unwrap());
}

pub async fn search_logs(axum::extract::Query(q): axum::extract::Query<std::collections::HashMap<String, String>>) -> String {
    run_user_command(q.get("q").map(String::as_str).unwrap_or("")).unwrap_or_default()
}
