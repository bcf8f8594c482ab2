use tracing::{info, warn};

pub fn on_login(username: &str, password: &str) {
    info!("login attempt user={} password={}", username, password);
}

pub fn on_login_safe(username: &str) {
    info!(user = %username, "login attempt");
}

pub fn on_token(token: &str) {
    warn!(%token, "token refresh failed");
}
