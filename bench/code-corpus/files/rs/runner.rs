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
