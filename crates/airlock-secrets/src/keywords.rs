//! The keyword pass: every occurrence of every rule keyword, matched without regard to
//! ASCII case, overlapping matches included.
//!
//! It reports exactly what an Aho-Corasick automaton in standard, overlapping,
//! ASCII-case-insensitive mode reports, in the same order, but is built in microseconds
//! (the paste guard builds it for one prompt) and scans faster than the automaton over
//! source code, where keywords are rare: each position costs a few table look-ups keyed
//! by the bytes that start there, and only the ~1% of positions whose first bytes begin
//! some keyword are compared with those keywords.

use std::collections::HashMap;

/// Folds ASCII case for the filter: `b | 0x20` maps both cases of a letter to one value
/// and leaves every byte equal to itself equal. (It also folds some non-letters together,
/// `@` with `` ` `` for instance; the comparison that follows a filter hit is exact.)
const FOLD: u32 = 0x2020_2020;
/// Bits in each filter table (64 Ki bits, 8 KiB: it stays in the L1 cache).
const TABLE_BITS: u32 = 16;
const MUL4: u32 = 0x9E37_79B1;
const MUL3: u32 = 0x85EB_CA77;

/// One match: the keyword's index and its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub pattern: u32,
    pub start: usize,
    pub end: usize,
}

/// Keywords grouped by the folded value of their first bytes.
pub struct KeywordSet {
    /// The keywords, ASCII lower-cased.
    patterns: Vec<Box<[u8]>>,
    /// Keywords of 4 bytes or more, by their first four (folded).
    long: HashMap<u32, Vec<u32>>,
    /// Keywords of exactly 3, 2 and 1 bytes, by their bytes (folded).
    three: HashMap<u32, Vec<u32>>,
    two: HashMap<u32, Vec<u32>>,
    one: HashMap<u32, Vec<u32>>,
    /// Filter bits: hashed four-byte prefixes, hashed three-byte keywords, two-byte
    /// keywords (exact), one-byte keywords (exact).
    filter4: Box<[u64]>,
    filter3: Box<[u64]>,
    filter2: Box<[u64]>,
    filter1: [u64; 4],
    /// First filter: the folded first two bytes of every keyword of two bytes or more.
    pairs: Box<[u64; 1024]>,
    has1: bool,
}

impl std::fmt::Debug for KeywordSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeywordSet")
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

fn hash4(x: u32) -> usize {
    (x.wrapping_mul(MUL4) >> (32 - TABLE_BITS)) as usize
}

fn hash3(x: u32) -> usize {
    ((x & 0x00FF_FFFF).wrapping_mul(MUL3) >> (32 - TABLE_BITS)) as usize
}

fn set(bits: &mut [u64], i: usize) {
    bits[i >> 6] |= 1 << (i & 63);
}

fn test(bits: &[u64], i: usize) -> bool {
    bits[i >> 6] & (1 << (i & 63)) != 0
}

/// The first up to four bytes of `b` as a little-endian word, folded, zero-padded.
fn word(b: &[u8]) -> u32 {
    let mut w = [0u8; 4];
    let n = b.len().min(4);
    w[..n].copy_from_slice(&b[..n]);
    u32::from_le_bytes(w) | FOLD
}

impl KeywordSet {
    /// Builds the set. Keywords must not be empty.
    pub fn new<I, P>(keywords: I) -> Result<KeywordSet, String>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        let mut set_ = KeywordSet {
            patterns: Vec::new(),
            long: HashMap::new(),
            three: HashMap::new(),
            two: HashMap::new(),
            one: HashMap::new(),
            filter4: vec![0u64; 1 << (TABLE_BITS - 6)].into_boxed_slice(),
            filter3: vec![0u64; 1 << (TABLE_BITS - 6)].into_boxed_slice(),
            filter2: vec![0u64; 1 << (16 - 6)].into_boxed_slice(),
            filter1: [0; 4],
            pairs: Box::new([0; 1024]),
            has1: false,
        };
        for (i, k) in keywords.into_iter().enumerate() {
            let k = k.as_ref().to_ascii_lowercase();
            let id = u32::try_from(i).map_err(|_| "too many keywords".to_string())?;
            let w = word(&k);
            match k.len() {
                0 => return Err("empty keyword".into()),
                1 => {
                    let key = w & 0xFF;
                    set(&mut set_.filter1, key as usize);
                    set_.one.entry(key).or_default().push(id);
                }
                2 => {
                    let key = w & 0xFFFF;
                    set(&mut set_.filter2, key as usize);
                    set_.two.entry(key).or_default().push(id);
                }
                3 => {
                    let key = w & 0x00FF_FFFF;
                    set(&mut set_.filter3, hash3(key));
                    set_.three.entry(key).or_default().push(id);
                }
                _ => {
                    set(&mut set_.filter4, hash4(w));
                    set_.long.entry(w).or_default().push(id);
                }
            }
            if k.len() >= 2 {
                set(&mut set_.pairs[..], (w & 0xFFFF) as usize);
            } else {
                set_.has1 = true;
            }
            set_.patterns.push(k.into_boxed_slice());
        }
        Ok(set_)
    }

    /// Every match in `content`, appended to `out` ordered as an Aho-Corasick automaton
    /// reports overlapping matches: by end, then by start, then by keyword index.
    pub fn find_all(&self, content: &[u8], out: &mut Vec<Hit>) {
        let first = out.len();
        let n = content.len();
        let pairs = &*self.pairs;
        let body = n.saturating_sub(3);
        for (i, w) in content.windows(4).enumerate() {
            let x = u32::from_le_bytes([w[0], w[1], w[2], w[3]]) | FOLD;
            if pairs[((x & 0xFFFF) >> 6) as usize] & (1 << (x & 63)) != 0
                || self.has1 && test(&self.filter1, (x & 0xFF) as usize)
            {
                self.check(content, i, x, out);
            }
        }
        for i in body..n {
            self.check(content, i, word(&content[i..]), out);
        }
        let found = &mut out[first..];
        if found.len() > 1 {
            found.sort_unstable_by_key(|h| (h.end, h.start, h.pattern));
        }
    }

    /// The keywords starting at `i`, whose first (up to) four bytes folded are `x`.
    #[inline(never)]
    fn check(&self, content: &[u8], i: usize, x: u32, out: &mut Vec<Hit>) {
        if test(&self.filter4, hash4(x)) {
            self.verify(&self.long, x, content, i, out);
        }
        if test(&self.filter3, hash3(x)) {
            self.verify(&self.three, x & 0x00FF_FFFF, content, i, out);
        }
        if test(&self.filter2, (x & 0xFFFF) as usize) {
            self.verify(&self.two, x & 0xFFFF, content, i, out);
        }
        if test(&self.filter1, (x & 0xFF) as usize) {
            self.verify(&self.one, x & 0xFF, content, i, out);
        }
    }

    fn verify(
        &self,
        table: &HashMap<u32, Vec<u32>>,
        key: u32,
        content: &[u8],
        i: usize,
        out: &mut Vec<Hit>,
    ) {
        let Some(ids) = table.get(&key) else {
            return;
        };
        for &id in ids {
            let p = &self.patterns[id as usize];
            let end = i + p.len();
            if end <= content.len() && content[i..end].eq_ignore_ascii_case(p) {
                out.push(Hit {
                    pattern: id,
                    start: i,
                    end,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, MatchKind};

    fn automaton_hits(keywords: &[&str], text: &[u8]) -> Vec<Hit> {
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(keywords)
            .unwrap();
        ac.find_overlapping_iter(text)
            .map(|m| Hit {
                pattern: m.pattern().as_u32(),
                start: m.start(),
                end: m.end(),
            })
            .collect()
    }

    fn hits(keywords: &[&str], text: &[u8]) -> Vec<Hit> {
        let set = KeywordSet::new(keywords).unwrap();
        let mut out = Vec::new();
        set.find_all(text, &mut out);
        out
    }

    const KEYWORDS: &[&str] = &[
        "password",
        "pass",
        "word",
        "pw",
        "pwd",
        "@",
        "key",
        "token",
        "Token",
        "to",
        "o",
        "://",
        "kind: secret",
        "ass",
        "sword",
        "password=",
        "é",
        "\u{e9}t\u{e9}",
    ];

    #[test]
    fn same_as_the_automaton() {
        for text in [
            "",
            "p",
            "pw",
            "db_PASSWORD= \"x\"; token TOKEN tOkEn pwd@host://a",
            "Kind: Secret\nkind: secret",
            "passwordpassword=sword",
            "été ÉTÉ \u{e9}t\u{e9}",
            "keykeykey o",
        ] {
            assert_eq!(
                hits(KEYWORDS, text.as_bytes()),
                automaton_hits(KEYWORDS, text.as_bytes()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn same_as_the_automaton_on_noise() {
        // Deterministic pseudo-random texts over an alphabet that makes keywords likely.
        let alphabet = b"pPaAsSwWoOrRdD=:/@ kKeEyYtTnN\n\xc3\xa9\x00";
        let mut state: u64 = 0x1234_5678_9abc_def0;
        for len in 0..400 {
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[(state % alphabet.len() as u64) as usize]
                })
                .collect();
            assert_eq!(
                hits(KEYWORDS, &text),
                automaton_hits(KEYWORDS, &text),
                "{:?}",
                String::from_utf8_lossy(&text)
            );
        }
    }

    #[test]
    fn empty_keyword_is_an_error() {
        assert!(KeywordSet::new(["a", ""]).is_err());
    }
}
