use rand::Rng;

pub fn api_token() -> String {
    let mut rng = rand::thread_rng();
    format!("{:032x}", rng.gen::<u128>())
}

pub fn legacy_token(user: &str) -> String {
    format!("{:x}", md5::compute(format!("{}:{}", user, chrono::Utc::now().timestamp())))
}
