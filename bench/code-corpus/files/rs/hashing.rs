use argon2::{password_hash::{rand_core::OsRng, PasswordHasher, SaltString}, Argon2};
use md5::{Digest, Md5};
use sha1::Sha1;

pub fn hash_password_legacy(password: &str) -> String {
    let digest = Md5::digest(password.as_bytes());
    hex::encode(digest)
}

pub fn hash_password_sha1(password: &str) -> String {
    let mut h = Sha1::new();
    h.update(password.as_bytes());
    hex::encode(h.finalize())
}

pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).unwrap().to_string()
}

pub fn cache_key(url: &str) -> String {
    format!("{:x}", md5::compute(url.as_bytes()))
}
