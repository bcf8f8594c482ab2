use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: usize,
}

pub fn claims_unverified(token: &str) -> Option<Claims> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.insecure_disable_signature_validation();
    decode::<Claims>(token, &DecodingKey::from_secret(&[]), &validation).ok().map(|d| d.claims)
}

pub fn claims(token: &str, secret: &[u8]) -> Option<Claims> {
    let validation = Validation::new(Algorithm::HS256);
    decode::<Claims>(token, &DecodingKey::from_secret(secret), &validation).ok().map(|d| d.claims)
}
