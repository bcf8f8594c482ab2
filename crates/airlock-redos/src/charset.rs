//! Sets of Unicode code points as sorted, disjoint, inclusive ranges.

/// The largest Unicode scalar value.
pub const MAX_CP: u32 = 0x10FFFF;

/// A set of code points kept as sorted, disjoint, non-adjacent inclusive ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CharSet {
    ranges: Vec<(u32, u32)>,
}

/// Code point blocks that contain cased letters; case folding only looks here.
const CASED_BLOCKS: &[(u32, u32)] = &[
    (0x41, 0x5A),
    (0x61, 0x7A),
    (0xB5, 0xB5),
    (0xC0, 0x24F),
    (0x370, 0x3FF),
    (0x400, 0x52F),
    (0x1E00, 0x1FFF),
    (0x2126, 0x212B),
    (0x2C00, 0x2D2F),
    (0xA640, 0xA7FF),
    (0xFF21, 0xFF5A),
    (0x10400, 0x1044F),
];

impl CharSet {
    pub fn empty() -> Self {
        CharSet { ranges: Vec::new() }
    }

    pub fn full() -> Self {
        CharSet {
            ranges: vec![(0, MAX_CP)],
        }
    }

    pub fn single(c: char) -> Self {
        CharSet {
            ranges: vec![(c as u32, c as u32)],
        }
    }

    pub fn range(lo: u32, hi: u32) -> Self {
        Self::from_ranges(vec![(lo, hi)])
    }

    pub fn from_chars(chars: &[char]) -> Self {
        Self::from_ranges(chars.iter().map(|&c| (c as u32, c as u32)).collect())
    }

    pub fn from_ranges(mut v: Vec<(u32, u32)>) -> Self {
        v.retain(|&(a, b)| a <= b);
        v.sort_unstable();
        let mut out: Vec<(u32, u32)> = Vec::with_capacity(v.len());
        for (a, b) in v {
            match out.last_mut() {
                Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
                _ => out.push((a, b)),
            }
        }
        CharSet { ranges: out }
    }

    pub fn ranges(&self) -> &[(u32, u32)] {
        &self.ranges
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    pub fn contains(&self, c: u32) -> bool {
        self.ranges
            .binary_search_by(|&(a, b)| {
                if b < c {
                    std::cmp::Ordering::Less
                } else if a > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }

    pub fn union(&self, other: &CharSet) -> CharSet {
        if other.is_empty() {
            return self.clone();
        }
        if self.is_empty() {
            return other.clone();
        }
        let mut v = self.ranges.clone();
        v.extend_from_slice(&other.ranges);
        Self::from_ranges(v)
    }

    pub fn negate(&self) -> CharSet {
        let mut out = Vec::with_capacity(self.ranges.len() + 1);
        let mut next = 0u32;
        for &(a, b) in &self.ranges {
            if a > next {
                out.push((next, a - 1));
            }
            next = b.saturating_add(1);
        }
        if next <= MAX_CP && self.ranges.last().is_none_or(|l| l.1 < MAX_CP) {
            out.push((next, MAX_CP));
        }
        CharSet { ranges: out }
    }

    pub fn intersect(&self, other: &CharSet) -> CharSet {
        let (mut i, mut j) = (0, 0);
        let mut out = Vec::new();
        while i < self.ranges.len() && j < other.ranges.len() {
            let (a1, b1) = self.ranges[i];
            let (a2, b2) = other.ranges[j];
            let lo = a1.max(a2);
            let hi = b1.min(b2);
            if lo <= hi {
                out.push((lo, hi));
            }
            if b1 < b2 {
                i += 1;
            } else {
                j += 1;
            }
        }
        CharSet { ranges: out }
    }

    pub fn minus(&self, other: &CharSet) -> CharSet {
        if other.is_empty() {
            return self.clone();
        }
        self.intersect(&other.negate())
    }

    /// Adds the simple case variants of every cased letter in the set.
    pub fn case_fold(&self) -> CharSet {
        // A set covering most cased letters (\W, \S, [^a], .) gains only the few letters it
        // lacks whose other case it has: look at those instead of at everything it holds.
        let cased = CharSet::from_ranges(CASED_BLOCKS.to_vec());
        let inside = self.intersect(&cased);
        let size = |s: &CharSet| {
            s.ranges
                .iter()
                .map(|&(a, b)| (b - a + 1) as u64)
                .sum::<u64>()
        };
        if size(&inside) * 2 > size(&cased) {
            let mut extra = Vec::new();
            for &(a, b) in &cased.minus(self).ranges {
                for cp in a..=b {
                    let Some(c) = char::from_u32(cp) else {
                        continue;
                    };
                    let variants = c.to_lowercase().chain(c.to_uppercase());
                    let has_variant = variants
                        .into_iter()
                        .any(|v| v != c && self.contains(v as u32))
                        || self.case_fold_small(cp);
                    if has_variant {
                        extra.push((cp, cp));
                    }
                }
            }
            extra.extend_from_slice(&self.ranges);
            return Self::from_ranges(extra);
        }
        self.fold_members()
    }

    /// Whether `cp` is the odd member of a case orbit (Kelvin sign, long s, ...) whose plain
    /// letter is in the set.
    fn case_fold_small(&self, cp: u32) -> bool {
        [
            (0x212A, 'k'),
            (0x17F, 's'),
            (0x212B, '\u{e5}'),
            (0x2126, '\u{3c9}'),
        ]
        .iter()
        .any(|&(odd, plain)| {
            odd == cp
                && (self.contains(plain as u32)
                    || plain.to_uppercase().any(|u| self.contains(u as u32)))
        })
    }

    fn fold_members(&self) -> CharSet {
        let mut extra = Vec::new();
        for &(a, b) in &self.ranges {
            for &(ca, cb) in CASED_BLOCKS {
                let lo = a.max(ca);
                let hi = b.min(cb);
                if lo > hi {
                    continue;
                }
                for cp in lo..=hi {
                    let Some(c) = char::from_u32(cp) else {
                        continue;
                    };
                    let mut lower = c.to_lowercase();
                    if let (Some(l), None) = (lower.next(), lower.next()) {
                        if l != c {
                            extra.push((l as u32, l as u32));
                        }
                    }
                    let mut upper = c.to_uppercase();
                    if let (Some(u), None) = (upper.next(), upper.next()) {
                        if u != c {
                            extra.push((u as u32, u as u32));
                            // Characters such as the Kelvin sign fold to a letter whose upper
                            // case is another letter: add the whole orbit.
                            let mut back = u.to_lowercase();
                            if let (Some(l2), None) = (back.next(), back.next()) {
                                extra.push((l2 as u32, l2 as u32));
                            }
                        }
                    }
                }
            }
        }
        // Characters whose lower case is an ordinary letter that does not map back to them.
        for (odd, plain) in [
            (0x212A, 'k'),
            (0x17F, 's'),
            (0x212B, '\u{e5}'),
            (0x2126, '\u{3c9}'),
        ] {
            let p = plain as u32;
            let pu = plain.to_ascii_uppercase() as u32;
            let pu = if plain.is_ascii() {
                pu
            } else {
                plain.to_uppercase().next().map_or(p, |c| c as u32)
            };
            if self.contains(p) || self.contains(pu) {
                extra.push((odd, odd));
            }
        }
        if extra.is_empty() {
            return self.clone();
        }
        extra.extend_from_slice(&self.ranges);
        Self::from_ranges(extra)
    }

    /// A readable member of the set: printable ASCII first, then anything that is a `char`.
    pub fn pick(&self) -> Option<char> {
        const PREFERRED: &str =
            "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_ !\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~\t\n\r";
        if let Some(c) = PREFERRED.chars().find(|&c| self.contains(c as u32)) {
            return Some(c);
        }
        for &(a, b) in &self.ranges {
            for cp in [a, b, 0xE000.max(a)] {
                if cp <= b {
                    if let Some(c) = char::from_u32(cp) {
                        return Some(c);
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negate_twice_is_identity() {
        let s = CharSet::from_ranges(vec![(0, 5), (10, 20), (MAX_CP, MAX_CP)]);
        assert_eq!(s.negate().negate(), s);
        assert_eq!(CharSet::empty().negate(), CharSet::full());
        assert!(CharSet::full().negate().is_empty());
    }

    #[test]
    fn intersect_and_minus() {
        let a = CharSet::range('a' as u32, 'z' as u32);
        let b = CharSet::from_chars(&['c', 'x', 'A']);
        assert_eq!(a.intersect(&b), CharSet::from_chars(&['c', 'x']));
        let m = a.minus(&b);
        assert!(!m.contains('c' as u32) && m.contains('d' as u32) && !m.contains('A' as u32));
    }

    #[test]
    fn fold_adds_other_case() {
        let s = CharSet::single('k').case_fold();
        assert!(s.contains('K' as u32) && s.contains(0x212A));
        assert_eq!(CharSet::single('1').case_fold(), CharSet::single('1'));
    }

    #[test]
    fn folding_a_large_set_agrees_with_folding_its_members() {
        for s in [
            CharSet::single('a').negate(),
            CharSet::range('a' as u32, 'z' as u32).negate(),
            CharSet::single('k').negate(),
            CharSet::from_chars(&['\n']).negate(),
        ] {
            assert_eq!(s.case_fold(), s.fold_members(), "{s:?}");
        }
    }

    #[test]
    fn pick_prefers_ascii() {
        assert_eq!(CharSet::full().pick(), Some('a'));
        assert_eq!(CharSet::range(0xD800, 0xE000).pick(), Some('\u{E000}'));
        assert_eq!(CharSet::empty().pick(), None);
    }
}
