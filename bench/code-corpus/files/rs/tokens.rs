use rand::distributions::Alphanumeric;
use rand::rngs::{OsRng, SmallRng};
use rand::{Rng, RngCore, SeedableRng};

pub fn session_token() -> String {
    let mut rng = SmallRng::seed_from_u64(std::process::id() as u64);
    (0..32).map(|_| rng.sample(Alphanumeric) as char).collect()
}

pub fn session_token_secure() -> String {
    let mut key = [0u8; 32];
    OsRng.fill_bytes(&mut key);
    hex::encode(key)
}
