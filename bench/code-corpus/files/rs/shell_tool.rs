use std::process::Command;

pub fn ping(host: &str) -> std::io::Result<std::process::Output> {
    Command::new("bash").args(["-c", &format!("ping -c 1 {}", host)]).output()
}

pub fn ping_safe(host: &str) -> std::io::Result<std::process::Output> {
    Command::new("ping").arg("-c").arg("1").arg(host).output()
}

pub async fn ping_handler(axum::extract::Path(host): axum::extract::Path<String>) -> String {
    ping(&host).map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default()
}
