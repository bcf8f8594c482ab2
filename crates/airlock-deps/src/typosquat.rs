//! Typosquat detection: a name one edit away from a popular package of the same ecosystem.
//!
//! The popular names are data files under `data/` (one name a line, most popular first). The
//! first [`TARGETS`] entries of each list are the names a squatter would imitate; every entry
//! counts as a known, legitimate package, so a well-used package that happens to sit one edit
//! from another (`request` and `requests`) is not flagged.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Serialize;

use crate::Ecosystem;

/// How many of the most popular names in a list are typosquat targets.
pub const TARGETS: usize = 3000;

/// Targets shorter than this (in canonical form) are not used for one-edit matching: too many
/// legitimate short names sit one edit apart (`six`, `tox`, `ws`, `qs`).
pub const MIN_TARGET_LEN: usize = 5;

const PYPI: &str = include_str!("../data/pypi-popular.txt");
const NPM: &str = include_str!("../data/npm-popular.txt");
const CRATES: &str = include_str!("../data/crates-popular.txt");
const RUBYGEMS: &str = include_str!("../data/rubygems-popular.txt");
const GO: &str = include_str!("../data/go-popular.txt");

/// The kind of confusion between a name and the popular name it resembles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confusion {
    /// Same letters, different separators (`cross-env` / `crossenv`, `lodash.merge` / `lodash_merge`).
    Separator,
    /// Look-alike characters: digit for letter (`l`/`1`, `o`/`0`), `rn` for `m`, `vv` for `w`.
    Homoglyph,
    /// Two neighbouring characters swapped.
    Transposition,
    /// One character added.
    Insertion,
    /// One character left out.
    Deletion,
    /// One character replaced.
    Substitution,
}

impl Confusion {
    pub fn describe(self) -> &'static str {
        match self {
            Confusion::Separator => "differs only in separators",
            Confusion::Homoglyph => "differs only in look-alike characters",
            Confusion::Transposition => "has two adjacent characters swapped",
            Confusion::Insertion => "has one extra character",
            Confusion::Deletion => "is missing one character",
            Confusion::Substitution => "has one character changed",
        }
    }
}

/// A name that looks like a popular package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resemblance {
    /// The popular package it resembles, spelled as in the list.
    pub popular: &'static str,
    pub confusion: Confusion,
}

/// A typosquat target with its comparison forms computed once.
struct Target {
    shown: &'static str,
    canon: Vec<char>,
    collapsed: String,
    glyphs: String,
}

struct Popular {
    targets: Vec<Target>,
    /// Canonical names of every listed package.
    known: HashSet<String>,
}

fn list(eco: Ecosystem) -> &'static Popular {
    static LISTS: [OnceLock<Popular>; 5] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let (i, text) = match eco {
        Ecosystem::PyPI => (0, PYPI),
        Ecosystem::Npm => (1, NPM),
        Ecosystem::Crates => (2, CRATES),
        Ecosystem::RubyGems => (3, RUBYGEMS),
        Ecosystem::Go => (4, GO),
    };
    LISTS[i].get_or_init(|| {
        let names: Vec<&'static str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let known = names.iter().map(|n| eco.canonical_name(n)).collect();
        let targets = names
            .iter()
            .take(TARGETS)
            .map(|n| {
                let canon = eco.canonical_name(n);
                Target {
                    shown: n,
                    collapsed: collapse_separators(&canon),
                    glyphs: fold_homoglyphs(&canon),
                    canon: canon.chars().collect(),
                }
            })
            .collect();
        Popular { targets, known }
    })
}

/// Whether the name is on the ecosystem's list of popular packages.
pub fn is_popular(eco: Ecosystem, name: &str) -> bool {
    list(eco).known.contains(&eco.canonical_name(name))
}

/// The popular names of an ecosystem, most popular first.
pub fn popular_names(eco: Ecosystem) -> impl Iterator<Item = &'static str> {
    list(eco).targets.iter().map(|t| t.shown)
}

/// The popular package `name` imitates, if any. A popular name never resembles another.
///
/// A Go path is judged by its module-like prefixes too (`github.com/stretchr/testfy/assert`
/// imitates `github.com/stretchr/testify`), unless one of them is itself popular.
pub fn resembles(eco: Ecosystem, name: &str) -> Option<Resemblance> {
    if eco == Ecosystem::Go {
        let parts: Vec<&str> = name.split('/').collect();
        let prefixes: Vec<String> = (2..=parts.len()).map(|n| parts[..n].join("/")).collect();
        // Another major version of a popular module (`gopkg.in/yaml.v1`, `.../jwt/v3`) is the
        // same project, not a look-alike.
        if prefixes
            .iter()
            .any(|p| is_popular(eco, p) || go_unversioned_popular().contains(go_unversioned(p)))
        {
            return None;
        }
        return prefixes.iter().find_map(|p| resembles_one(eco, p));
    }
    resembles_one(eco, name)
}

/// A Go path without its major-version suffix: `/v2` as the last element, or `.v2` at the end
/// of a gopkg.in path.
fn go_unversioned(path: &str) -> &str {
    let strip = |s: &str, sep: char| -> Option<usize> {
        let (head, tail) = s.rsplit_once(sep)?;
        let digits = tail.strip_prefix('v')?;
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(head.len())
    };
    if let Some(n) = strip(path, '/') {
        return &path[..n];
    }
    if path.starts_with("gopkg.in/") {
        if let Some(n) = strip(path, '.') {
            return &path[..n];
        }
    }
    path
}

fn go_unversioned_popular() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        list(Ecosystem::Go)
            .known
            .iter()
            .map(|p| go_unversioned(p).to_string())
            .collect()
    })
}

fn resembles_one(eco: Ecosystem, name: &str) -> Option<Resemblance> {
    let pop = list(eco);
    let canon = eco.canonical_name(name);
    if canon.is_empty() || pop.known.contains(&canon) {
        return None;
    }
    let collapsed = collapse_separators(&canon);
    let glyphs = fold_homoglyphs(&canon);
    let chars: Vec<char> = canon.chars().collect();
    let mut best: Option<(u8, Resemblance)> = None;
    for t in &pop.targets {
        // Separator and look-alike confusions hold for names of any length; single edits only
        // for names long enough that one edit is unlikely to be a different word.
        let confusion = if t.collapsed == collapsed && collapsed.len() >= 3 {
            Some(Confusion::Separator)
        } else if t.glyphs == glyphs && t.canon.len() >= 3 {
            Some(Confusion::Homoglyph)
        } else if t.canon.len() >= MIN_TARGET_LEN && t.canon.len().abs_diff(chars.len()) <= 1 {
            one_edit_chars(&chars, &t.canon)
        } else {
            None
        };
        if let Some(c) = confusion {
            // Prefer the more specific confusion, then the more popular target (list order).
            let rank = match c {
                Confusion::Separator | Confusion::Homoglyph => 0,
                _ => 1,
            };
            if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                best = Some((
                    rank,
                    Resemblance {
                        popular: t.shown,
                        confusion: c,
                    },
                ));
            }
            if rank == 0 {
                break;
            }
        }
    }
    best.map(|(_, r)| r)
}

fn collapse_separators(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '-' | '_' | '.'))
        .collect()
}

/// Maps look-alike characters to one representative.
fn fold_homoglyphs(s: &str) -> String {
    let lower = s.to_lowercase().replace("rn", "m").replace("vv", "w");
    lower
        .chars()
        .map(|c| match c {
            '1' | 'i' | '|' => 'l',
            '0' => 'o',
            '5' => 's',
            '3' => 'e',
            _ => c,
        })
        .collect()
}

/// Whether `a` is exactly one Damerau-Levenshtein edit (adjacent transposition, insertion,
/// deletion, substitution) away from `b`, and which.
pub fn one_edit(a: &str, b: &str) -> Option<Confusion> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit_chars(&a, &b)
}

fn one_edit_chars(a: &[char], b: &[char]) -> Option<Confusion> {
    if a == b {
        return None;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return None;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if la == lb {
        let suffix_eq = |from: usize| a[from..] == b[from..];
        if suffix_eq(prefix + 1) {
            return Some(Confusion::Substitution);
        }
        if prefix + 1 < la
            && a[prefix] == b[prefix + 1]
            && a[prefix + 1] == b[prefix]
            && suffix_eq(prefix + 2)
        {
            return Some(Confusion::Transposition);
        }
        return None;
    }
    if la == lb + 1 {
        // a has one extra character at `prefix`.
        return (a[prefix + 1..] == b[prefix..]).then_some(Confusion::Insertion);
    }
    (a[prefix..] == b[prefix + 1..]).then_some(Confusion::Deletion)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits() {
        assert_eq!(
            one_edit("reqeusts", "requests"),
            Some(Confusion::Transposition)
        );
        assert_eq!(one_edit("requets", "requests"), Some(Confusion::Deletion));
        assert_eq!(
            one_edit("requestss", "requests"),
            Some(Confusion::Insertion)
        );
        assert_eq!(
            one_edit("requezts", "requests"),
            Some(Confusion::Substitution)
        );
        assert_eq!(one_edit("requests", "requests"), None);
        assert_eq!(one_edit("reqeustss", "requests"), None);
        assert_eq!(one_edit("abcd", "badc"), None);
    }

    #[test]
    fn go_versions() {
        assert_eq!(go_unversioned("gopkg.in/yaml.v3"), "gopkg.in/yaml");
        assert_eq!(
            go_unversioned("github.com/jackc/pgx/v5"),
            "github.com/jackc/pgx"
        );
        assert_eq!(go_unversioned("github.com/x/y.v2"), "github.com/x/y.v2");
        assert_eq!(go_unversioned("github.com/x/v"), "github.com/x/v");
        assert_eq!(resembles(Ecosystem::Go, "gopkg.in/yaml.v1"), None);
        assert_eq!(
            resembles(Ecosystem::Go, "github.com/golang-jwt/jwt/v3"),
            None
        );
        assert!(resembles(Ecosystem::Go, "gopkg.in/yanl.v3").is_some());
    }

    #[test]
    fn lists_load() {
        for eco in Ecosystem::ALL {
            assert!(popular_names(eco).count() >= 250, "{eco}");
        }
        assert!(is_popular(Ecosystem::PyPI, "requests"));
        assert!(is_popular(Ecosystem::PyPI, "PyYAML"));
        assert!(is_popular(Ecosystem::Npm, "react"));
        assert!(is_popular(Ecosystem::Crates, "serde_json"));
    }
}
