//! The typosquat check on its own (no network).

use airlock_deps::typosquat::{is_popular, resembles, Confusion};
use airlock_deps::Ecosystem;

fn hit(eco: Ecosystem, name: &str) -> Option<(&'static str, Confusion)> {
    resembles(eco, name).map(|r| (r.popular, r.confusion))
}

#[test]
fn flags_one_edit_from_popular() {
    assert_eq!(
        hit(Ecosystem::PyPI, "reqeusts"),
        Some(("requests", Confusion::Transposition))
    );
    assert_eq!(
        hit(Ecosystem::PyPI, "numpyy"),
        Some(("numpy", Confusion::Insertion))
    );
    assert_eq!(
        hit(Ecosystem::PyPI, "pandsa"),
        Some(("pandas", Confusion::Transposition))
    );
    assert_eq!(
        hit(Ecosystem::PyPI, "pythondateutil"),
        Some(("python-dateutil", Confusion::Separator))
    );
    assert_eq!(
        hit(Ecosystem::Npm, "crossenv"),
        Some(("cross-env", Confusion::Separator))
    );
    assert_eq!(
        hit(Ecosystem::Npm, "expres"),
        Some(("express", Confusion::Deletion))
    );
    assert_eq!(
        hit(Ecosystem::Npm, "1odash"),
        Some(("lodash", Confusion::Homoglyph))
    );
    assert_eq!(
        hit(Ecosystem::Crates, "serde_jsno"),
        Some(("serde_json", Confusion::Transposition))
    );
    assert_eq!(
        hit(Ecosystem::RubyGems, "nokogirl"),
        Some(("nokogiri", Confusion::Homoglyph))
    );
    assert_eq!(
        hit(Ecosystem::Go, "github.com/sirupsen/logrs"),
        Some(("github.com/sirupsen/logrus", Confusion::Deletion))
    );
    // An import path inside a look-alike module.
    assert_eq!(
        hit(Ecosystem::Go, "github.com/stretchr/testfy/assert"),
        Some(("github.com/stretchr/testify", Confusion::Deletion))
    );
}

#[test]
fn popular_and_unrelated_names_pass() {
    for name in [
        "requests",
        "numpy",
        "Flask",
        "PyYAML",
        "python-dateutil",
        "python_dateutil",
        "my-company-internal-sdk",
    ] {
        assert_eq!(resembles(Ecosystem::PyPI, name), None, "{name}");
    }
    for name in ["react", "react-dom", "express", "lodash", "debug"] {
        assert_eq!(resembles(Ecosystem::Npm, name), None, "{name}");
    }
    assert_eq!(
        resembles(Ecosystem::Go, "github.com/stretchr/testify/assert"),
        None
    );
    assert_eq!(
        resembles(Ecosystem::Go, "github.com/gorilla/mux/v2/x"),
        None
    );
    // Same crate: crates.io treats `-` and `_` alike.
    assert_eq!(resembles(Ecosystem::Crates, "serde-json"), None);
    // Short names are too close to each other to judge by one edit.
    assert_eq!(resembles(Ecosystem::PyPI, "sox"), None);
    assert_eq!(
        resembles(Ecosystem::Npm, "test"),
        None,
        "one edit from `jest`, but short"
    );
    assert_eq!(
        resembles(Ecosystem::PyPI, "pytm"),
        None,
        "one edit from `pytz`, but short"
    );
    assert!(is_popular(Ecosystem::PyPI, "Requests"));
    assert!(!is_popular(Ecosystem::PyPI, "reqeusts"));
}
