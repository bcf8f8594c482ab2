use aes_gcm::{aead::{Aead, KeyInit, OsRng}, AeadCore, Aes256Gcm};
use des::cipher::{BlockEncrypt, KeyInit as DesKeyInit};
use des::Des;

pub fn encrypt_block_des(key: &[u8; 8], block: &mut [u8; 8]) {
    let cipher = Des::new_from_slice(key).unwrap();
    cipher.encrypt_block(block.into());
}

pub fn encrypt(key: &[u8; 32], data: &[u8]) -> Vec<u8> {
    let cipher = Aes256Gcm::new(key.into());
    let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
    let mut out = nonce.to_vec();
    out.extend(cipher.encrypt(&nonce, data).unwrap());
    out
}
