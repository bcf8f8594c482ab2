//! A plain TCP relay, the floor under the gateway's added latency in `bench/gateway.sh`:
//! `relay LISTEN_PORT UPSTREAM_PORT` copies the bytes of each connection to 127.0.0.1 at
//! the other port and back, with no HTTP, inspection or audit. Placed on the cores the
//! gateway gets, it shows what any proxy in that place costs: two more TCP hops and a
//! wake-up on another core each way.

use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let mut port = || -> u16 {
        args.next()
            .and_then(|p| p.parse().ok())
            .expect("usage: relay LISTEN_PORT UPSTREAM_PORT")
    };
    let (listen, upstream) = (port(), port());
    let listener = TcpListener::bind(("127.0.0.1", listen))
        .await
        .expect("binding the listener");
    loop {
        let Ok((mut client, _)) = listener.accept().await else {
            continue;
        };
        tokio::spawn(async move {
            let Ok(mut up) = TcpStream::connect(("127.0.0.1", upstream)).await else {
                return;
            };
            let _ = client.set_nodelay(true);
            let _ = up.set_nodelay(true);
            let _ = tokio::io::copy_bidirectional(&mut client, &mut up).await;
        });
    }
}
