//! The documentation of each rule, for `airlock explain` and the rule docs: what it finds, why
//! it matters, a bad and a good example. The examples carry what the registry answers for each
//! name, and a test runs every one of them against a fake registry.

use crate::RuleId;

/// What the registry answers in an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistryAnswer {
    /// The package exists; published this many days ago.
    Exists {
        age_days: u32,
    },
    Missing,
    /// The registry does not answer (server error).
    Down,
}

/// A manifest snippet and what the registry says about each name in it.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    pub file: &'static str,
    pub content: &'static str,
    pub registry: &'static [(&'static str, RegistryAnswer)],
    /// Checker option needed for the rule to report (unverified findings are opt-in).
    pub report_unverified: bool,
}

/// A rule's documentation.
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc {
    pub id: RuleId,
    pub summary: &'static str,
    pub why: &'static str,
    pub fix: &'static str,
    /// Fires.
    pub bad: Example,
    /// Stays quiet.
    pub good: Example,
}

use RegistryAnswer::*;

impl RuleId {
    pub fn doc(self) -> RuleDoc {
        match self {
            RuleId::HallucinatedPackage => RuleDoc {
                id: self,
                summary: "A dependency or import names a package that does not exist in its registry.",
                why: "Code assistants invent plausible package names. Anyone can register such a name \
                      (\"slopsquatting\"), and the next `pip install` or `npm install` then runs their code \
                      on developer machines and in CI.",
                fix: "Remove the dependency or replace it with the real package that provides the \
                      functionality; check the name on the registry before installing it.",
                bad: Example {
                    file: "requirements.txt",
                    content: "flask==3.0.0\nflask-jwt-authx==1.2.0\n",
                    registry: &[("flask", Exists { age_days: 5000 }), ("flask-jwt-authx", Missing)],
                    report_unverified: false,
                },
                good: Example {
                    file: "requirements.txt",
                    content: "flask==3.0.0\nflask-jwt-extended==4.6.0\n",
                    registry: &[("flask", Exists { age_days: 5000 }), ("flask-jwt-extended", Exists { age_days: 3000 })],
                    report_unverified: false,
                },
            },
            RuleId::TyposquatPackage => RuleDoc {
                id: self,
                summary: "A dependency's name is one edit (or a separator, or a look-alike character) \
                          away from a popular package.",
                why: "Typosquatters publish packages under names one keystroke away from popular ones \
                      and wait for a typo; a newly published look-alike is the usual pattern of a \
                      malicious package.",
                fix: "Use the popular package's exact name if that is what was meant; otherwise find out \
                      who publishes the look-alike before installing it.",
                bad: Example {
                    file: "package.json",
                    content: "{\n  \"dependencies\": {\n    \"expresss\": \"^1.0.0\"\n  }\n}\n",
                    registry: &[("expresss", Exists { age_days: 3 })],
                    report_unverified: false,
                },
                good: Example {
                    file: "package.json",
                    content: "{\n  \"dependencies\": {\n    \"express\": \"^4.19.2\"\n  }\n}\n",
                    registry: &[("express", Exists { age_days: 5000 })],
                    report_unverified: false,
                },
            },
            RuleId::UnverifiedPackage => RuleDoc {
                id: self,
                summary: "The registry could not be asked whether a dependency exists (offline, \
                          timeout, server error). Reported only when asked for.",
                why: "An unverified name is neither known to be missing nor known to be real; \
                      reviewing it by hand closes the gap the check could not.",
                fix: "Run the check again with network access, or confirm the package on its registry.",
                bad: Example {
                    file: "Cargo.toml",
                    content: "[dependencies]\nserde = \"1\"\n",
                    registry: &[("serde", Down)],
                    report_unverified: true,
                },
                good: Example {
                    file: "Cargo.toml",
                    content: "[dependencies]\nserde = \"1\"\n",
                    registry: &[("serde", Exists { age_days: 4000 })],
                    report_unverified: true,
                },
            },
        }
    }
}
