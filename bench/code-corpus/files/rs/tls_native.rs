use native_tls::TlsConnector;

pub fn connector_insecure() -> native_tls::Result<TlsConnector> {
    TlsConnector::builder().danger_accept_invalid_certs(true).build()
}

pub fn connector() -> native_tls::Result<TlsConnector> {
    TlsConnector::builder().build()
}
