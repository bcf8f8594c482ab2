//! The tests' fake model provider as a process, for the Python SDK tests and the
//! benchmarks: `fake_upstream [PORT]` prints its URL on stdout and serves until killed.

#[path = "../tests/fake.rs"]
#[allow(dead_code)]
mod fake;

#[tokio::main]
async fn main() {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    let (url, _fake) = fake::start_on(port).await;
    println!("{url}");
    std::future::pending::<()>().await;
}
