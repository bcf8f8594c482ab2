use chacha20poly1305::{aead::{Aead, KeyInit, OsRng}, AeadCore, ChaCha20Poly1305};
use sha2::{Digest, Sha256};

pub const PASSWORD_FIELD: &str = "password";

pub fn seal(key: &[u8; 32], msg: &[u8]) -> Vec<u8> {
    let cipher = ChaCha20Poly1305::new(key.into());
    let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
    let mut out = nonce.to_vec();
    out.extend(cipher.encrypt(&nonce, msg).unwrap());
    out
}

pub fn etag(body: &[u8]) -> String {
    hex::encode(Sha256::digest(body))
}

pub fn log_login(user: &str) {
    log::info!("login user={}", user);
}
