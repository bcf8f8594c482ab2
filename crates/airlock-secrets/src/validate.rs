//! Structural checks on a matched value: checksums, number ranges, decodable parts.
//!
//! A pattern says a value has the right shape; a validator says whether it can be what the
//! rule claims. Some validators reject outright (a card number failing Luhn is not a card);
//! GitHub's checksum only lowers confidence, because test fixtures and docs are full of
//! well-formed tokens with invented checksums that a redactor should still remove.

use base64::Engine as _;
use serde::Deserialize;

/// A named structural check, referenced from rule data as `validate = "..."`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Validator {
    /// GitHub's token format: 30 random base62 characters then the CRC32 of them in six
    /// base62 digits.
    GithubChecksum,
    /// Payment card numbers: the Luhn checksum and a known issuer range.
    PaymentCard,
    /// International Bank Account Numbers: country length and the mod-97 check.
    Iban,
    /// US social security numbers: area, group and serial ranges that are never issued.
    UsSsn,
    /// JSON Web Tokens: header and payload are base64url JSON objects.
    Jwt,
    /// IPv4 addresses: four octets of at most 255.
    Ipv4,
    /// Private IPv4 ranges only (RFC 1918, loopback excluded).
    PrivateIpv4,
    /// Public (routable, non-documentation) IPv4 addresses only.
    PublicIpv4,
    /// Discord-style signed tokens (id, timestamp, HMAC): the first part is the base64 of a
    /// numeric user id; a token whose first part is not, but that is random-looking throughout,
    /// is another signed token of the same scheme and kept with lower confidence.
    SignedToken,
    /// NATS nkey seeds: base32 whose last two bytes are the CRC-16 (XMODEM) of the rest; a
    /// wrong checksum only lowers confidence, as for GitHub's tokens.
    NkeyChecksum,
}

/// What a validator made of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Structurally sound: keep, with the rule's confidence.
    Valid,
    /// Right shape but the check failed: keep with lowered confidence.
    Doubtful,
    /// Cannot be what the rule claims: drop.
    Invalid,
}

impl Validator {
    pub fn check(self, value: &[u8]) -> Verdict {
        // A checksum that fails only lowers confidence (see the module's doc).
        let checksum = |ok: bool| {
            if ok {
                Verdict::Valid
            } else {
                Verdict::Doubtful
            }
        };
        let ok = match self {
            Validator::GithubChecksum => return checksum(github_checksum_ok(value)),
            Validator::PaymentCard => payment_card_ok(value),
            Validator::Iban => iban_ok(value),
            Validator::UsSsn => us_ssn_ok(value),
            Validator::Jwt => jwt_ok(value),
            Validator::Ipv4 => parse_ipv4(value).is_some(),
            Validator::PrivateIpv4 => parse_ipv4(value).is_some_and(is_private_v4),
            Validator::PublicIpv4 => parse_ipv4(value).is_some_and(is_public_v4),
            Validator::SignedToken => return signed_token(value),
            Validator::NkeyChecksum => return checksum(nkey_checksum_ok(value)),
        };
        if ok {
            Verdict::Valid
        } else {
            Verdict::Invalid
        }
    }
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Checks the CRC32 suffix of GitHub's prefixed tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`,
/// `ghr_`): the last six characters are the base62 CRC32 of the characters before them.
pub fn github_checksum_ok(token: &[u8]) -> bool {
    let body = match token.iter().rposition(|&b| b == b'_') {
        Some(i) => &token[i + 1..],
        None => token,
    };
    if body.len() < 36 || !body.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let (random, check) = body.split_at(body.len() - 6);
    let mut crc = crc32fast::hash(random) as u64;
    let mut digits = [b'0'; 6];
    for d in digits.iter_mut().rev() {
        *d = BASE62[(crc % 62) as usize];
        crc /= 62;
    }
    crc == 0 && digits == check
}

fn digits_of(value: &[u8]) -> Vec<u8> {
    value
        .iter()
        .filter(|b| b.is_ascii_digit())
        .map(|b| b - b'0')
        .collect()
}

/// Luhn's check digit over the digits of `value` (separators ignored).
pub fn luhn_ok(value: &[u8]) -> bool {
    let digits = digits_of(value);
    if digits.len() < 2 {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = d as u32;
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn payment_card_ok(value: &[u8]) -> bool {
    let d = digits_of(value);
    if !(13..=19).contains(&d.len()) || !luhn_ok(value) {
        return false;
    }
    // A run of one digit is a test pattern, not a card.
    if d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let prefix = |n: usize| d[..n].iter().fold(0u32, |a, &x| a * 10 + x as u32);
    let len = d.len();
    let visa = d[0] == 4 && matches!(len, 13 | 16 | 19);
    let mastercard =
        len == 16 && ((51..=55).contains(&prefix(2)) || (2221..=2720).contains(&prefix(4)));
    let amex = len == 15 && matches!(prefix(2), 34 | 37);
    let discover =
        len >= 16 && (prefix(4) == 6011 || prefix(2) == 65 || (644..=649).contains(&prefix(3)));
    let diners = len == 14 && ((300..=305).contains(&prefix(3)) || matches!(prefix(2), 36 | 38));
    let jcb = len >= 16 && (3528..=3589).contains(&prefix(4));
    let unionpay = len >= 16 && prefix(2) == 62;
    let maestro = len >= 12
        && matches!(
            prefix(4),
            5018 | 5020 | 5038 | 5893 | 6304 | 6759 | 6761 | 6762 | 6763
        );
    visa || mastercard || amex || discover || diners || jcb || unionpay || maestro
}

/// IBAN: a known country's length, then the ISO 7064 mod-97 check.
pub fn iban_ok(value: &[u8]) -> bool {
    let s: Vec<u8> = value
        .iter()
        .filter(|b| !b.is_ascii_whitespace() && **b != b'-')
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if s.len() < 15 || s.len() > 34 || !s.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let country = std::str::from_utf8(&s[..2]).unwrap_or("");
    match iban_length(country) {
        Some(n) if n == s.len() => {}
        _ => return false,
    }
    let rearranged = s[4..].iter().chain(s[..4].iter());
    let mut rem: u32 = 0;
    for &c in rearranged {
        let v = if c.is_ascii_digit() {
            (c - b'0') as u32
        } else {
            (c - b'A') as u32 + 10
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem == 1
}

fn iban_length(country: &str) -> Option<usize> {
    Some(match country {
        "NO" => 15,
        "BE" => 16,
        "DK" | "FI" | "FK" | "FO" | "GL" | "NL" | "SD" => 18,
        "MK" | "SI" => 19,
        "AT" | "BA" | "EE" | "KZ" | "LT" | "LU" | "MN" | "XK" => 20,
        "CH" | "HR" | "LI" | "LV" => 21,
        "BG" | "BH" | "CR" | "DE" | "GB" | "GE" | "IE" | "ME" | "RS" | "VA" => 22,
        "AE" | "GI" | "IL" | "IQ" | "OM" | "SO" | "TL" => 23,
        "AD" | "CZ" | "ES" | "MD" | "PK" | "RO" | "SA" | "SE" | "SK" | "TN" | "VG" => 24,
        "LY" | "PT" | "ST" => 25,
        "IS" | "TR" => 26,
        "BI" | "DJ" | "FR" | "GR" | "IT" | "MC" | "MR" | "SM" => 27,
        "AL" | "AZ" | "BY" | "CY" | "DO" | "GT" | "HU" | "LB" | "NI" | "PL" | "SV" => 28,
        "BR" | "EG" | "PS" | "QA" | "UA" => 29,
        "JO" | "KW" | "MU" => 30,
        "MT" | "SC" => 31,
        "LC" => 32,
        "RU" => 33,
        _ => return None,
    })
}

/// US SSN: area not 000, 666 or 900-999; group not 00; serial not 0000; and not one of
/// the numbers published in advertising.
pub fn us_ssn_ok(value: &[u8]) -> bool {
    let d = digits_of(value);
    if d.len() != 9 {
        return false;
    }
    let n = |a: usize, b: usize| d[a..b].iter().fold(0u32, |x, &y| x * 10 + y as u32);
    let (area, group, serial) = (n(0, 3), n(3, 5), n(5, 9));
    if area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0 {
        return false;
    }
    // Widely published sample numbers.
    !matches!(n(0, 9), 78051120 | 219099999 | 123456789)
}

fn b64url_json_object(part: &[u8]) -> bool {
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let trimmed: Vec<u8> = part.iter().copied().filter(|&b| b != b'=').collect();
    match engine.decode(&trimmed) {
        Ok(bytes) => {
            let t = bytes.trim_ascii_start();
            t.first() == Some(&b'{')
        }
        Err(_) => false,
    }
}

/// A JWT's header decodes to a JSON object and it has three parts (or five for JWE); a
/// token of two parts (header and payload, no signature) needs both to be JSON objects.
pub fn jwt_ok(value: &[u8]) -> bool {
    let parts: Vec<&[u8]> = value.split(|&b| b == b'.').collect();
    if !matches!(parts.len(), 2 | 3 | 5) {
        return false;
    }
    if parts.len() == 2 {
        // No signature to vouch for the shape: the header must name its algorithm or type.
        let header = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(parts[0]);
        let names_jose = header.is_ok_and(|h| {
            memchr::memmem::find(&h, b"\"alg\"").is_some()
                || memchr::memmem::find(&h, b"\"typ\"").is_some()
        });
        return names_jose && b64url_json_object(parts[1]);
    }
    b64url_json_object(parts[0]) && (parts.len() == 5 || b64url_json_object(parts[1]))
}

/// RFC 4648 base32 (upper case, no padding); `None` on any other byte or left-over bits.
fn base32_decode(value: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(value.len() * 5 / 8);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in value {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'2'..=b'7' => b - b'2' + 26,
            _ => return None,
        };
        acc = (acc << 5) | u32::from(v);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (acc == 0).then_some(out)
}

/// CRC-16 with the CCITT polynomial, initial value 0 (the XMODEM variant).
fn crc16_xmodem(data: &[u8]) -> u16 {
    let mut crc: u16 = 0;
    for &b in data {
        crc ^= u16::from(b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// See [`Validator::NkeyChecksum`].
pub fn nkey_checksum_ok(value: &[u8]) -> bool {
    match base32_decode(value) {
        Some(raw) if raw.len() > 2 => {
            let (body, sum) = raw.split_at(raw.len() - 2);
            crc16_xmodem(body) == u16::from_le_bytes([sum[0], sum[1]])
        }
        _ => false,
    }
}

/// See [`Validator::SignedToken`].
pub fn signed_token(value: &[u8]) -> Verdict {
    let first = value.split(|&b| b == b'.').next().unwrap_or_default();
    let id = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(first);
    if id.is_ok_and(|id| (17..=20).contains(&id.len()) && id.iter().all(u8::is_ascii_digit)) {
        return Verdict::Valid;
    }
    let count = |f: fn(&u8) -> bool| value.iter().filter(|b| f(b)).count();
    let random = count(u8::is_ascii_digit) >= 4
        && count(u8::is_ascii_uppercase) >= 4
        && count(u8::is_ascii_lowercase) >= 4;
    if random {
        Verdict::Doubtful
    } else {
        Verdict::Invalid
    }
}

pub fn parse_ipv4(value: &[u8]) -> Option<[u8; 4]> {
    let s = std::str::from_utf8(value).ok()?;
    let mut out = [0u8; 4];
    let mut n = 0;
    for part in s.split('.') {
        if n == 4 || part.is_empty() || part.len() > 3 || (part.len() > 1 && part.starts_with('0'))
        {
            return None;
        }
        out[n] = part.parse().ok()?;
        n += 1;
    }
    (n == 4).then_some(out)
}

pub fn is_private_v4(ip: [u8; 4]) -> bool {
    matches!(ip, [10, ..] | [192, 168, ..])
        || (ip[0] == 172 && (16..=31).contains(&ip[1]))
        || (ip[0] == 100 && (64..=127).contains(&ip[1]))
}

pub fn is_public_v4(ip: [u8; 4]) -> bool {
    !(is_private_v4(ip)
        || ip[0] == 0
        || ip[0] == 127
        || ip[0] >= 224
        || matches!(
            ip,
            [169, 254, ..]
                | [192, 0, 2, _]
                | [198, 51, 100, _]
                | [203, 0, 113, _]
                | [255, 255, 255, 255]
        )
        || (ip[0] == 198 && (18..=19).contains(&ip[1])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nkey_checksum() {
        // The seed NATS documents in its nkeys examples (a published test value).
        assert!(nkey_checksum_ok(
            b"SUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU3VY" // airlock:allow documented example
        ));
        assert!(!nkey_checksum_ok(
            b"SUACSSL3UAHUDXKFSNVUZRF5UHPMWZ6BFDTJ7M6USDXIEDNPPQYYYCU3VZ" // airlock:allow documented example, changed
        ));
    }

    #[test]
    fn signed_tokens() {
        assert_eq!(
            signed_token(b"MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.AirlockSyntheticFixture7vRze4b7Cq4s"), // airlock:allow synthetic
            Verdict::Valid
        );
        assert_eq!(
            signed_token(b"MZ1yGvKTjE0rY0cV8i47CjAa.uRHQPq.Xb1Mk2nEhe-4iUcrGOuegj57zMC"), // airlock:allow synthetic
            Verdict::Doubtful
        );
        assert_eq!(
            signed_token(b"NetworkManagementClientX.Models.VirtualNetworkGatewayConnection"),
            Verdict::Invalid
        );
    }

    #[test]
    fn jwt_without_signature_needs_a_jose_header() {
        assert!(jwt_ok(
            b"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhaXJsb2NrLWZpeHR1cmUifQ" // airlock:allow synthetic
        ));
        // `{"x":1}` as header: JSON, but not a JOSE header.
        assert!(!jwt_ok(b"eyJ4IjoxfQ.eyJzdWIiOiJhaXJsb2NrLWZpeHR1cmUifQ"));
    }

    #[test]
    fn github_checksum() {
        // Synthetic tokens whose last six characters were computed as GitHub specifies.
        assert!(github_checksum_ok(
            b"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" // airlock:allow synthetic test value
        ));
        assert!(github_checksum_ok(
            b"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" // airlock:allow synthetic test value
        ));
        assert!(!github_checksum_ok(
            b"gho_AirlockSyntheticFixtureE4f5G6h10ayiE" // airlock:allow synthetic test value
        ));
        assert!(!github_checksum_ok(
            b"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" // airlock:allow synthetic test value
        ));
    }

    #[test]
    fn luhn_and_cards() {
        assert!(luhn_ok(b"4111 1111 1111 1111"));
        assert!(Validator::PaymentCard.check(b"4111-1111-1111-1111") == Verdict::Valid);
        assert!(Validator::PaymentCard.check(b"4111111111111112") == Verdict::Invalid);
        assert!(Validator::PaymentCard.check(b"378282246310005") == Verdict::Valid);
        assert!(Validator::PaymentCard.check(b"0000000000000000") == Verdict::Invalid);
    }

    #[test]
    fn iban() {
        assert!(iban_ok(b"GB82 WEST 1234 5698 7654 32"));
        assert!(iban_ok(b"DE89370400440532013000"));
        assert!(!iban_ok(b"DE89370400440532013001"));
        assert!(!iban_ok(b"XX89370400440532013000"));
        // Costa Rica has 22 characters since 2017; Vatican City joined the registry in 2019.
        assert!(iban_ok(b"CR92 0151 0722 0003 4123 45"));
        assert!(!iban_ok(b"CR92015107220003412345 6"));
        assert!(iban_ok(b"VA28007000000123456789"));
    }

    #[test]
    fn ssn_ranges() {
        assert!(us_ssn_ok(b"536-22-1234"));
        assert!(!us_ssn_ok(b"000-12-3456"));
        assert!(!us_ssn_ok(b"666-12-3456"));
        assert!(!us_ssn_ok(b"912-12-3456"));
        assert!(!us_ssn_ok(b"536-00-1234"));
        assert!(!us_ssn_ok(b"536-22-0000"));
    }

    #[test]
    fn jwt_structure() {
        assert!(jwt_ok(
            b"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl" // airlock:allow synthetic test value
        ));
        assert!(!jwt_ok(b"eyJhbGciOiJIUzI1NiJ9.notjson.sig"));
    }

    #[test]
    fn ipv4_ranges() {
        assert_eq!(parse_ipv4(b"10.1.2.3"), Some([10, 1, 2, 3]));
        assert_eq!(parse_ipv4(b"256.1.2.3"), None);
        assert!(is_private_v4([172, 20, 0, 1]));
        assert!(!is_private_v4([172, 32, 0, 1]));
        assert!(is_public_v4([8, 8, 8, 8]));
        assert!(!is_public_v4([192, 0, 2, 10]));
    }
}
