//! The package ecosystems airlock checks, and how each one spells and compares names.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A package registry and the naming rules that go with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Ecosystem {
    /// The Python Package Index.
    #[serde(rename = "pypi")]
    PyPI,
    /// The npm registry (JavaScript, TypeScript).
    #[serde(rename = "npm")]
    Npm,
    /// crates.io (Rust).
    #[serde(rename = "crates.io")]
    Crates,
    /// rubygems.org (Ruby).
    #[serde(rename = "rubygems")]
    RubyGems,
    /// Go modules, as served by the Go module proxy.
    #[serde(rename = "go")]
    Go,
}

impl Ecosystem {
    /// Every ecosystem, in a stable order.
    pub const ALL: [Ecosystem; 5] = [
        Ecosystem::PyPI,
        Ecosystem::Npm,
        Ecosystem::Crates,
        Ecosystem::RubyGems,
        Ecosystem::Go,
    ];

    /// The short identifier used in cache keys, findings and docs.
    pub fn as_str(self) -> &'static str {
        match self {
            Ecosystem::PyPI => "pypi",
            Ecosystem::Npm => "npm",
            Ecosystem::Crates => "crates.io",
            Ecosystem::RubyGems => "rubygems",
            Ecosystem::Go => "go",
        }
    }

    /// The registry's name as a person knows it.
    pub fn registry_name(self) -> &'static str {
        match self {
            Ecosystem::PyPI => "PyPI",
            Ecosystem::Npm => "the npm registry",
            Ecosystem::Crates => "crates.io",
            Ecosystem::RubyGems => "RubyGems.org",
            Ecosystem::Go => "the Go module proxy",
        }
    }

    /// The name under which the registry files a package: two spellings with the same
    /// canonical name are the same package.
    ///
    /// PyPI follows PEP 503 (lowercase, runs of `-`, `_`, `.` become one `-`); crates.io
    /// ignores case and treats `-` and `_` alike; npm, RubyGems and Go compare names exactly.
    pub fn canonical_name(self, name: &str) -> String {
        match self {
            Ecosystem::PyPI => pep503_normalize(name),
            Ecosystem::Crates => name.to_ascii_lowercase().replace('_', "-"),
            Ecosystem::Npm | Ecosystem::RubyGems | Ecosystem::Go => name.to_string(),
        }
    }
}

impl fmt::Display for Ecosystem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// PEP 503 name normalization: lowercase, and every run of `-`, `_` or `.` becomes `-`.
pub fn pep503_normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut in_sep = false;
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            if !in_sep {
                out.push('-');
            }
            in_sep = true;
        } else {
            out.extend(c.to_lowercase());
            in_sep = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pep503() {
        assert_eq!(pep503_normalize("Friendly_Bard..x"), "friendly-bard-x");
        assert_eq!(pep503_normalize("PyYAML"), "pyyaml");
        assert_eq!(pep503_normalize("zope.interface"), "zope-interface");
    }

    #[test]
    fn canonical_names() {
        assert_eq!(Ecosystem::Crates.canonical_name("Serde_JSON"), "serde-json");
        assert_eq!(
            Ecosystem::Npm.canonical_name("Lodash.Merge"),
            "Lodash.Merge"
        );
        assert_eq!(Ecosystem::PyPI.canonical_name("Flask_Cors"), "flask-cors");
    }
}
