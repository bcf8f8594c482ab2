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

/// The keyword automaton for throughput: an Aho-Corasick DFA (standard semantics, every
/// overlapping match, ASCII case ignored) searched as several interleaved streams.
///
/// Each byte of a DFA search is one table look-up that depends on the previous one, so a
/// single search runs at the latency of that load (the table of ~900 keywords is 2.6 MB,
/// mostly outside the L1 cache). Long inputs are cut into [`STREAMS`] parts searched in
/// one loop, a step of each per iteration: their look-ups are independent, and the
/// processor overlaps them. Each part after the first starts `max_pattern_len` bytes
/// early, so its automaton is in the right state when it reaches its own bytes (the state
/// after any text is the longest suffix of it that begins a keyword, never longer than the
/// longest keyword); a match is reported only by the part its last byte belongs to.
pub struct Automaton {
    dfa: aho_corasick::dfa::DFA,
    start: aho_corasick::automaton::StateID,
}

/// Interleaved parts of a long input.
const STREAMS: usize = 4;
/// Inputs shorter than this are searched as one stream.
const MIN_STREAMED: usize = 1024;

impl std::fmt::Debug for Automaton {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use aho_corasick::automaton::Automaton as _;
        f.debug_struct("Automaton")
            .field("patterns", &self.dfa.patterns_len())
            .finish()
    }
}

impl Automaton {
    /// Builds the automaton. Keywords must not be empty.
    pub fn new<I, P>(keywords: I) -> Result<Automaton, String>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        use aho_corasick::automaton::Automaton as _;
        let dfa = aho_corasick::dfa::DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            .start_kind(aho_corasick::StartKind::Unanchored)
            .prefilter(false)
            .build(keywords)
            .map_err(|e| e.to_string())?;
        if dfa.min_pattern_len() == 0 {
            return Err("empty keyword".into());
        }
        let start = dfa
            .start_state(aho_corasick::Anchored::No)
            .map_err(|e| e.to_string())?;
        Ok(Automaton { dfa, start })
    }

    /// Every match in `content`, appended to `out` in the order of [`KeywordSet::find_all`]
    /// (by end, then by start, then by keyword index).
    pub fn find_all(&self, content: &[u8], out: &mut Vec<Hit>) {
        let first = out.len();
        let n = content.len();
        if n < MIN_STREAMED {
            self.run(content, 0, n, 0, self.start, out);
        } else {
            use aho_corasick::automaton::Automaton as _;
            let dfa = &self.dfa;
            let part = n / STREAMS;
            let overlap = dfa.max_pattern_len();
            // Part j reports the matches whose last byte is in report[j]..report[j + 1];
            // it reads from from[j].
            let report: [usize; STREAMS] = std::array::from_fn(|j| j * part);
            let from: [usize; STREAMS] = std::array::from_fn(|j| report[j].saturating_sub(overlap));
            let mut sid = [self.start; STREAMS];
            // Every part is at least `part` bytes long: they all step together that far.
            for t in 0..part {
                for j in 0..STREAMS {
                    let i = from[j] + t;
                    sid[j] = dfa.next_state(aho_corasick::Anchored::No, sid[j], content[i]);
                    if dfa.is_special(sid[j]) && i >= report[j] {
                        self.emit(sid[j], i, out);
                    }
                }
            }
            for j in 0..STREAMS {
                let end = if j + 1 == STREAMS { n } else { report[j + 1] };
                self.run(content, from[j] + part, end, report[j], sid[j], out);
            }
        }
        let found = &mut out[first..];
        if found.len() > 1 {
            found.sort_unstable_by_key(|h| (h.end, h.start, h.pattern));
        }
    }

    /// Searches `content[from..to]` from state `sid`, reporting the matches whose last
    /// byte is at `report` or later.
    fn run(
        &self,
        content: &[u8],
        from: usize,
        to: usize,
        report: usize,
        mut sid: aho_corasick::automaton::StateID,
        out: &mut Vec<Hit>,
    ) {
        use aho_corasick::automaton::Automaton as _;
        for (i, &b) in content.iter().enumerate().take(to).skip(from) {
            sid = self.dfa.next_state(aho_corasick::Anchored::No, sid, b);
            if self.dfa.is_special(sid) && i >= report {
                self.emit(sid, i, out);
            }
        }
    }

    /// The matches of state `sid`, reached on the byte at `i`.
    #[inline(never)]
    fn emit(&self, sid: aho_corasick::automaton::StateID, i: usize, out: &mut Vec<Hit>) {
        use aho_corasick::automaton::Automaton as _;
        if !self.dfa.is_match(sid) {
            return;
        }
        for k in 0..self.dfa.match_len(sid) {
            let p = self.dfa.match_pattern(sid, k);
            let len = self.dfa.pattern_len(p);
            out.push(Hit {
                pattern: p.as_u32(),
                start: i + 1 - len,
                end: i + 1,
            });
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

    fn streamed(keywords: &[&str], text: &[u8]) -> Vec<Hit> {
        let a = Automaton::new(keywords).unwrap();
        let mut out = Vec::new();
        a.find_all(text, &mut out);
        out
    }

    /// Pseudo-random text over an alphabet that makes keywords likely.
    fn noise(len: usize, state: &mut u64) -> Vec<u8> {
        let alphabet = b"pPaAsSwWoOrRdD=:/@ kKeEyYtTnN\n\xc3\xa9\x00";
        (0..len)
            .map(|_| {
                *state ^= *state << 13;
                *state ^= *state >> 7;
                *state ^= *state << 17;
                alphabet[(*state % alphabet.len() as u64) as usize]
            })
            .collect()
    }

    #[test]
    fn streams_same_as_the_automaton() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        // Short inputs (one stream) and long ones (interleaved parts), at sizes around the
        // threshold and with every remainder of the division into parts.
        for len in (0..300)
            .chain(MIN_STREAMED - 8..MIN_STREAMED + 8)
            .chain([5000, 20011])
        {
            let text = noise(len, &mut state);
            assert_eq!(
                streamed(KEYWORDS, &text),
                automaton_hits(KEYWORDS, &text),
                "{len} bytes"
            );
        }
    }

    #[test]
    fn streams_find_a_keyword_across_every_part_boundary() {
        // A long keyword placed across the boundary between two parts, at every offset,
        // and at the very start and end of the text: each found exactly once.
        let len = 4 * MIN_STREAMED + 3;
        let part = len / STREAMS;
        let kw = "kind: secret";
        let mut spots = vec![0, len - kw.len()];
        for j in 1..STREAMS {
            for off in 0..=kw.len() {
                spots.push(j * part - off);
            }
        }
        for at in spots {
            let mut text = vec![b'x'; len];
            text[at..at + kw.len()].copy_from_slice(b"Kind: SECRET");
            let found = streamed(KEYWORDS, &text);
            let want = automaton_hits(KEYWORDS, &text);
            assert_eq!(found, want, "keyword at {at}");
            assert_eq!(
                found
                    .iter()
                    .filter(|h| h.start == at && h.end == at + kw.len())
                    .count(),
                1,
                "keyword at {at}"
            );
        }
    }

    #[test]
    fn empty_keyword_is_an_error() {
        assert!(Automaton::new(["a", ""]).is_err());
        assert!(KeywordSet::new(["a", ""]).is_err());
    }
}
