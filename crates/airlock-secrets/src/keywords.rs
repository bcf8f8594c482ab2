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

    /// The [`Automaton`] of the same keywords: the same matches, built in milliseconds,
    /// faster per byte. (The keywords are kept in lower case; both ignore ASCII case.)
    pub fn automaton(&self) -> Result<Automaton, String> {
        Automaton::new(&self.patterns)
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
/// single search runs at the latency of that load. Long inputs are cut into [`STREAMS`]
/// parts searched in one loop, a step of each per iteration: their look-ups are
/// independent, and the processor overlaps them. Each part after the first starts
/// `max_pattern_len` bytes early, so its automaton is in the right state when it reaches
/// its own bytes (the state after any text is the longest suffix of it that begins a
/// keyword, never longer than the longest keyword); a match is reported only by the part
/// its last byte belongs to.
///
/// The DFA is aho-corasick's, copied into a table made for this loop: bytes that occur in
/// no keyword share one class, every keyword byte (both cases of a letter together) has
/// its own, states are 16-bit and the match states are numbered after the others, from a
/// power of two, so a step is a class look-up, a shift and add, one 16-bit load and one
/// compare. The table is allocated
/// for every 16-bit state and class, so that the compiler can see each index is in bounds
/// and drops the checks; only the rows of real states are ever written or read (the rest
/// is never touched, so never made resident). About half the instructions of stepping
/// aho-corasick's DFA through its generic interface, and rows half the size (~700 KB for
/// the ~900 built-in keywords, against 2.6 MB).
pub struct Automaton {
    /// aho-corasick's DFA: which keywords a match state holds.
    dfa: aho_corasick::dfa::DFA,
    /// Each byte's class.
    classes: [u16; 256],
    /// log2 of the classes per state (a power of two).
    shift: u32,
    /// `table[(s << shift) + class]`: the state after `s` reads a byte of `class`.
    /// [`table_len`]`(shift)` long.
    table: Box<[u16]>,
    /// The states that hold matches are numbered from this power of two up, the others
    /// below it: four states are tested at once by or-ing them.
    matching: u32,
    /// The start state.
    start: u16,
    /// aho-corasick's id of each state.
    ids: Box<[aho_corasick::automaton::StateID]>,
}

/// The length of a table of `1 << shift` classes: room for every 16-bit state and class
/// index, `(s << shift) + c`.
const fn table_len(shift: u32) -> usize {
    (65_536 << shift) + 65_536
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
            .field("states", &self.ids.len())
            .field("classes", &(1usize << self.shift))
            .finish()
    }
}

impl Automaton {
    /// Builds the automaton. Keywords must not be empty, and the states must fit 16-bit
    /// numbers with the gap [`Automaton::matching`] leaves (some 32,000 states, about that
    /// many keyword bytes; [`KeywordSet`] finds the same matches for any number).
    pub fn new<I, P>(keywords: I) -> Result<Automaton, String>
    where
        I: IntoIterator<Item = P>,
        P: AsRef<[u8]>,
    {
        use aho_corasick::automaton::Automaton as _;
        use aho_corasick::Anchored;
        let keywords: Vec<P> = keywords.into_iter().collect();
        let dfa = aho_corasick::dfa::DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::Standard)
            .start_kind(aho_corasick::StartKind::Unanchored)
            .prefilter(false)
            .build(&keywords)
            .map_err(|e| e.to_string())?;
        if dfa.min_pattern_len() == 0 {
            return Err("empty keyword".into());
        }
        // Class 0: the bytes of no keyword. Each keyword byte gets its own class, shared
        // by the two cases of a letter. `first[c]` is a byte of class `c`.
        let mut classes = [0u16; 256];
        let mut first: Vec<u8> = Vec::new();
        for k in &keywords {
            for &b in k.as_ref() {
                if classes[usize::from(b)] == 0 {
                    let c = first.len() as u16 + 1;
                    classes[usize::from(b.to_ascii_lowercase())] = c;
                    classes[usize::from(b.to_ascii_uppercase())] = c;
                    first.push(b);
                }
            }
        }
        match (0..=255u8).find(|&b| classes[usize::from(b)] == 0) {
            Some(other) => first.insert(0, other),
            // Every byte is some keyword's: no class 0.
            None => classes.iter_mut().for_each(|c| *c -= 1),
        }
        // At least 16 classes: the search has one loop for each table width from 16 up.
        let shift = first.len().next_power_of_two().trailing_zeros().max(4);
        // Every state reachable from the start, numbered in the order found (`found`,
        // indexed by aho-corasick's id), with its transitions in those numbers.
        let start = dfa.start_state(Anchored::No).map_err(|e| e.to_string())?;
        let mut found: Vec<u32> = Vec::new();
        let mut number = |sid: aho_corasick::automaton::StateID, order: &mut Vec<_>| {
            let k = sid.as_usize();
            if found.len() <= k {
                found.resize(k + 1, u32::MAX);
            }
            if found[k] == u32::MAX {
                found[k] = order.len() as u32;
                order.push(sid);
            }
            found[k]
        };
        let mut order = Vec::new();
        number(start, &mut order);
        let mut moves: Vec<u32> = Vec::new();
        let mut at = 0;
        while at < order.len() {
            let sid = order[at];
            at += 1;
            for &b in &first {
                moves.push(number(dfa.next_state(Anchored::No, sid, b), &mut order));
            }
        }
        let hits = order.iter().filter(|&&sid| dfa.is_match(sid)).count();
        let others = order.len() - hits;
        let matching = others.next_power_of_two();
        if matching + hits > 1 << 16 {
            return Err(format!(
                "the keywords make {} automaton states; about 32,000 are supported",
                order.len()
            ));
        }
        // Final numbers: the others from 0, the match states from `matching`; the gap
        // between them is never reached.
        let mut renumber = vec![0u16; order.len()];
        let mut ids = vec![start; matching + hits];
        let (mut other, mut hit) = (0, matching);
        for (i, &sid) in order.iter().enumerate() {
            let n = if dfa.is_match(sid) {
                &mut hit
            } else {
                &mut other
            };
            renumber[i] = *n as u16;
            ids[*n] = sid;
            *n += 1;
        }
        let mut table = vec![0u16; table_len(shift)].into_boxed_slice();
        for (i, row) in moves.chunks(first.len()).enumerate() {
            let base = usize::from(renumber[i]) << shift;
            for (c, &next) in row.iter().enumerate() {
                table[base + c] = renumber[next as usize];
            }
        }
        Ok(Automaton {
            classes,
            shift,
            table,
            matching: matching as u32,
            start: renumber[0],
            ids: ids.into_boxed_slice(),
            dfa,
        })
    }

    /// The state after `s` reads `b`, for tables of `1 << SHIFT` classes.
    #[inline(always)]
    fn step<const SHIFT: u32, const LEN: usize>(&self, table: &[u16; LEN], s: u32, b: u8) -> u32 {
        // Both are below 65,536: the index is below `table_len(SHIFT)`.
        let c = u32::from(self.classes[usize::from(b)]);
        u32::from(table[((s << SHIFT) + c) as usize])
    }

    /// Every match in `content`, appended to `out` in the order of [`KeywordSet::find_all`]
    /// (by end, then by start, then by keyword index).
    pub fn find_all(&self, content: &[u8], out: &mut Vec<Hit>) {
        // The shift is a constant in each copy of the loop: a shift by a register would
        // tie up one more of the registers the four streams need.
        match self.shift {
            4 => self.find_all_in::<4, { table_len(4) }>(content, out),
            5 => self.find_all_in::<5, { table_len(5) }>(content, out),
            6 => self.find_all_in::<6, { table_len(6) }>(content, out),
            7 => self.find_all_in::<7, { table_len(7) }>(content, out),
            _ => self.find_all_in::<8, { table_len(8) }>(content, out),
        }
    }

    fn find_all_in<const SHIFT: u32, const LEN: usize>(&self, content: &[u8], out: &mut Vec<Hit>) {
        use aho_corasick::automaton::Automaton as _;
        let first = out.len();
        let n = content.len();
        let table: &[u16; LEN] = self.table.first_chunk().expect("table of its width");
        let matching = self.matching;
        if n < MIN_STREAMED {
            self.run::<SHIFT, LEN>(table, content, 0, n, 0, u32::from(self.start), out);
        } else {
            let part = n / STREAMS;
            let overlap = self.dfa.max_pattern_len();
            // Part j reports the matches whose last byte is in report[j]..report[j + 1];
            // it reads from from[j].
            let report: [usize; STREAMS] = std::array::from_fn(|j| j * part);
            let from: [usize; STREAMS] = std::array::from_fn(|j| report[j].saturating_sub(overlap));
            let (a, b, c, d) = (
                &content[from[0]..from[0] + part],
                &content[from[1]..from[1] + part],
                &content[from[2]..from[2] + part],
                &content[from[3]..from[3] + part],
            );
            let start = u32::from(self.start);
            let (mut s0, mut s1, mut s2, mut s3) = (start, start, start, start);
            // Every part is at least `part` bytes long: they all step together that far.
            for t in 0..part {
                s0 = self.step::<SHIFT, LEN>(table, s0, a[t]);
                s1 = self.step::<SHIFT, LEN>(table, s1, b[t]);
                s2 = self.step::<SHIFT, LEN>(table, s2, c[t]);
                s3 = self.step::<SHIFT, LEN>(table, s3, d[t]);
                // The states below `matching` (a power of two) hold no match: or-ed, they
                // stay below it.
                if s0 | s1 | s2 | s3 >= matching {
                    for (j, s) in [s0, s1, s2, s3].into_iter().enumerate() {
                        let i = from[j] + t;
                        if s >= matching && i >= report[j] {
                            self.emit(s, i, out);
                        }
                    }
                }
            }
            for (j, s) in [s0, s1, s2, s3].into_iter().enumerate() {
                let end = if j + 1 == STREAMS { n } else { report[j + 1] };
                self.run::<SHIFT, LEN>(table, content, from[j] + part, end, report[j], s, out);
            }
        }
        let found = &mut out[first..];
        if found.len() > 1 {
            found.sort_unstable_by_key(|h| (h.end, h.start, h.pattern));
        }
    }

    /// Searches `content[from..to]` from state `sid`, reporting the matches whose last
    /// byte is at `report` or later.
    #[allow(clippy::too_many_arguments)]
    fn run<const SHIFT: u32, const LEN: usize>(
        &self,
        table: &[u16; LEN],
        content: &[u8],
        from: usize,
        to: usize,
        report: usize,
        mut sid: u32,
        out: &mut Vec<Hit>,
    ) {
        let matching = self.matching;
        for (i, &b) in content.iter().enumerate().take(to).skip(from) {
            sid = self.step::<SHIFT, LEN>(table, sid, b);
            if sid >= matching && i >= report {
                self.emit(sid, i, out);
            }
        }
    }

    /// The matches of state `sid`, reached on the byte at `i`.
    #[inline(never)]
    fn emit(&self, sid: u32, i: usize, out: &mut Vec<Hit>) {
        use aho_corasick::automaton::Automaton as _;
        let sid = self.ids[sid as usize];
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

    /// Few and many keywords over few and many bytes: tables of 16 (the narrowest), 64, 128
    /// and 256 classes, including the case
    /// where every byte value is some keyword's (no class is left for other bytes).
    #[test]
    fn streams_same_as_the_automaton_with_wide_tables() {
        let mut state: u64 = 0x0123_4567_89ab_cdef;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for distinct in [2usize, 40, 100, 200, 256] {
            // Keywords drawn from the first `distinct` byte values (and one keyword holding
            // them all), texts drawn from every byte value.
            let mut keywords: Vec<Vec<u8>> = (0..150)
                .map(|_| {
                    let len = 1 + (next() % 6) as usize;
                    (0..len).map(|_| (next() % distinct as u64) as u8).collect()
                })
                .collect();
            keywords.push((0..distinct).map(|b| b as u8).collect());
            let a = Automaton::new(&keywords).unwrap();
            let ac = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&keywords)
                .unwrap();
            for len in [0, 7, 500, MIN_STREAMED + 1, 6000] {
                let text: Vec<u8> = (0..len)
                    .map(|_| (next() % distinct.max(64) as u64) as u8)
                    .collect();
                let mut found = Vec::new();
                a.find_all(&text, &mut found);
                let want: Vec<Hit> = ac
                    .find_overlapping_iter(&text)
                    .map(|m| Hit {
                        pattern: m.pattern().as_u32(),
                        start: m.start(),
                        end: m.end(),
                    })
                    .collect();
                assert_eq!(found, want, "{distinct} byte values, {len} bytes");
            }
        }
    }

    /// More states than 16-bit numbers hold: an error (the detector then uses the set).
    #[test]
    fn too_many_states_is_an_error() {
        let mut state: u64 = 0x5555_0123_4567_89ab;
        let keywords: Vec<Vec<u8>> = (0..9000)
            .map(|_| {
                (0..8)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        b'a' + (state % 26) as u8
                    })
                    .collect()
            })
            .collect();
        let err = Automaton::new(&keywords).unwrap_err();
        assert!(err.contains("automaton states"), "{err}");
        assert!(KeywordSet::new(&keywords).is_ok());
    }

    #[test]
    fn empty_keyword_is_an_error() {
        assert!(Automaton::new(["a", ""]).is_err());
        assert!(KeywordSet::new(["a", ""]).is_err());
    }
}
