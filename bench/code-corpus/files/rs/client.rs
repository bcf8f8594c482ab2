use reqwest::Client;
use std::time::Duration;

pub fn insecure_client() -> reqwest::Result<Client> {
    Client::builder()
        .danger_accept_invalid_certs(true)
        .timeout(Duration::from_secs(10))
        .build()
}

pub fn client() -> reqwest::Result<Client> {
    Client::builder()
        .https_only(true)
        .timeout(Duration::from_secs(10))
        .build()
}

pub fn hostname_skip() -> reqwest::Result<Client> {
    Client::builder().danger_accept_invalid_hostnames(true).build()
}
