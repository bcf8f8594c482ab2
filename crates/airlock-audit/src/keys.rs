//! Gateway keys: tokens drawn from the OS's CSPRNG, stored only as SHA-256 hashes, and a short
//! in-memory cache so that authenticating every request does not cost a database round trip.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::event::hex;
use crate::AuditError;

/// Every token starts with this, so that secret scanners (airlock's own included) can find one
/// that leaked.
pub const TOKEN_PREFIX: &str = "alk_";
/// Random base62 characters after the prefix: 40 * log2(62) = 238 bits.
pub const TOKEN_RANDOM_CHARS: usize = 40;
/// How long an authentication answer is reused. A key revoked by another gateway instance stops
/// working within this time; one revoked through the same store stops at once.
pub const AUTH_CACHE_TTL: Duration = Duration::from_secs(2);
const AUTH_CACHE_MAX: usize = 10_000;

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A gateway key, without its token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyInfo {
    /// Public id, for `airlock keys revoke ID` and the logs (`key_` + 12 base62 characters).
    pub id: String,
    /// Who the key belongs to; recorded as the audit event's user.
    pub user: String,
    /// The user's team.
    pub team: Option<String>,
    /// When it was created, ms since the Unix epoch.
    pub created_ms: i64,
    /// Revoked keys never authenticate.
    pub revoked: bool,
}

/// `n` base62 characters from the OS's CSPRNG (rejection sampling, so each is uniform).
pub(crate) fn random_base62(n: usize) -> Result<String, AuditError> {
    let mut out = String::with_capacity(n);
    let mut buf = [0u8; 64];
    while out.len() < n {
        getrandom::fill(&mut buf).map_err(|e| AuditError::Random(e.to_string()))?;
        // 248 = 4 * 62: bytes at or above it would favour the first symbols.
        for &b in buf.iter().filter(|&&b| b < 248) {
            if out.len() == n {
                break;
            }
            out.push(BASE62[(b % 62) as usize] as char);
        }
    }
    Ok(out)
}

/// A new token: `alk_` + 40 random base62 characters.
pub(crate) fn new_token() -> Result<String, AuditError> {
    Ok(format!(
        "{TOKEN_PREFIX}{}",
        random_base62(TOKEN_RANDOM_CHARS)?
    ))
}

/// A new public key id.
pub(crate) fn new_key_id() -> Result<String, AuditError> {
    Ok(format!("key_{}", random_base62(12)?))
}

/// What is stored for a token: SHA-256, hex. A token has 238 random bits, so a plain hash is
/// enough (no salt or slow hash is needed against guessing).
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Whether `token` has the shape of an airlock token (checked before any database work).
pub fn looks_like_token(token: &str) -> bool {
    token.strip_prefix(TOKEN_PREFIX).is_some_and(|r| {
        r.len() == TOKEN_RANDOM_CHARS && r.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// Checks a user or team name given to `create_key`.
pub(crate) fn check_name(what: &str, name: &str) -> Result<(), AuditError> {
    if name.trim().is_empty() || name.len() > 128 || name.chars().any(char::is_control) {
        return Err(AuditError::InvalidArgument(format!(
            "{what} must be 1 to 128 characters without control characters"
        )));
    }
    Ok(())
}

/// Recent answers of `authenticate`, keyed by token hash (never by the token).
#[derive(Default)]
pub(crate) struct AuthCache {
    map: Mutex<HashMap<String, (Instant, Option<KeyInfo>)>>,
}

impl AuthCache {
    pub(crate) fn get(&self, hash: &str) -> Option<Option<KeyInfo>> {
        let map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        match map.get(hash) {
            Some((at, info)) if at.elapsed() < AUTH_CACHE_TTL => Some(info.clone()),
            _ => None,
        }
    }

    pub(crate) fn put(&self, hash: String, info: Option<KeyInfo>) {
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= AUTH_CACHE_MAX {
            map.retain(|_, (at, _)| at.elapsed() < AUTH_CACHE_TTL);
            if map.len() >= AUTH_CACHE_MAX {
                map.clear();
            }
        }
        map.insert(hash, (Instant::now(), info));
    }

    /// Forgets everything (after a revocation through this store).
    pub(crate) fn clear(&self) {
        self.map.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_have_the_documented_shape_and_differ() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert!(looks_like_token(&a), "{a}");
        assert_ne!(a, b);
        assert!(!looks_like_token("alk_short"));
        assert!(!looks_like_token(&a.replace("alk_", "sk-_")));
        assert_eq!(token_hash(&a).len(), 64);
    }

    #[test]
    fn base62_uses_the_whole_alphabet() {
        let s = random_base62(4000).unwrap();
        for c in BASE62 {
            assert!(s.as_bytes().contains(c));
        }
    }
}
