//! AI-style request handlers, one vulnerable and one safe file per language, written the way
//! assistants write them (fixtures/ai-style). In a vulnerable file every planted flaw carries
//! an `expect: rule, rule` comment on its line: the review must report exactly those rules
//! on exactly those lines. A safe file (parameterized queries, argument vectors, escaping,
//! base-directory checks, SecureRandom, bcrypt...) must draw no finding at all.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use airlock_code::{Analyzer, Language};

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ai-style")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// `(line, rule)` of every finding in `path`.
fn found(path: &Path) -> (String, BTreeSet<(usize, String)>) {
    let src = std::fs::read_to_string(path).unwrap();
    let lang = Language::from_path(path).unwrap_or_else(|| panic!("{}", path.display()));
    let got = Analyzer::new()
        .analyze(&src, lang)
        .into_iter()
        .map(|f| (f.line, f.rule_id))
        .collect();
    (src, got)
}

#[test]
fn every_planted_flaw_is_reported_and_nothing_else() {
    let files = fixtures("vulnerable");
    assert!(files.len() >= 10, "{files:?}");
    for path in files {
        let (src, got) = found(&path);
        let mut want = BTreeSet::new();
        for (i, line) in src.lines().enumerate() {
            if let Some((_, rules)) = line.rsplit_once("expect: ") {
                for r in rules.split(',') {
                    want.insert((i + 1, r.trim().to_string()));
                }
            }
        }
        assert!(want.len() >= 5, "{}: too few expectations", path.display());
        let missed: Vec<_> = want.difference(&got).collect();
        let extra: Vec<_> = got.difference(&want).collect();
        assert!(
            missed.is_empty() && extra.is_empty(),
            "{}: missed {missed:?}, not expected {extra:?}",
            path.display()
        );
    }
}

#[test]
fn safe_handlers_draw_no_finding() {
    let files = fixtures("safe");
    assert!(files.len() >= 10, "{files:?}");
    for path in files {
        let (_, got) = found(&path);
        assert!(got.is_empty(), "{}: {got:?}", path.display());
    }
}
