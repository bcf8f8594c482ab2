use log::{debug, info};

pub struct VaultLogin {
    pub role: String,
    pub approle_secret: String,
}

pub fn login(cfg: &VaultLogin, password: &str, insecure_tls: bool) -> reqwest::blocking::Client {
    info!("vault login role={} secret={}", cfg.role, cfg.approle_secret);
    let role_line = format!("role={}", cfg.role);
    debug!("using password {password:?}");
    let summary = format!("role={} pw={}", cfg.role, password);
    debug!("{}", summary);
    let started = std::time::Instant::now();
    debug!("{}", role_line);
    let attempts = 1;
    info!("vault login role={} attempts={}", cfg.role, attempts);
    reqwest::blocking::Client::builder()
        .danger_accept_invalid_certs(insecure_tls)
        .build()
        .expect("client")
}

pub fn pinned_client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .danger_accept_invalid_certs(false)
        .build()
        .expect("client")
}
