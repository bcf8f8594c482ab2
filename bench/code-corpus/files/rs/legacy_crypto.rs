use cipher::{KeyInit, KeyIvInit};

pub fn legacy_seal(key: &[u8], iv: &[u8], buf: &mut [u8]) {
    let enc = cbc::Encryptor::<des::Des>::new_from_slices(key, iv).unwrap();
    let _ = enc;
}

pub fn stream_seal(key: &[u8]) {
    let rc = rc4::Rc4::<rc4::consts::U16>::new_from_slice(key).unwrap();
    let _ = rc;
}

pub fn modern_seal(key: &[u8], iv: &[u8]) {
    let enc = cbc::Encryptor::<aes::Aes256>::new_from_slices(key, iv).unwrap();
    let _ = enc;
}

pub fn token_digest(token: &str) -> Vec<u8> {
    use md5::Digest;
    md5::Md5::new_with_prefix(token.as_bytes()).finalize().to_vec()
}

pub fn token_digest_sha256(token: &str) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::new_with_prefix(token.as_bytes()).finalize().to_vec()
}
