use rand::Rng;
use uuid::Uuid;

pub fn request_id() -> String {
    Uuid::new_v4().to_string()
}

pub fn dice() -> u8 {
    rand::thread_rng().gen_range(1..=6)
}

pub fn reset_code() -> u32 {
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u32;
    seed % 1_000_000
}
