use md5::Md5;
use sha2::{Digest, Sha256};

pub fn api_key_hash(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

pub fn session_signature(secret: &str, session: &str) -> String {
    hex::encode(Md5::digest(format!("{}{}", secret, session).as_bytes()))
}
