//! airlock's detection engine: bytes in, findings out; and reversible redaction.
//!
//! No I/O happens here. [`Detector`] composes the built-in rules (data files under
//! `rules/`), any user rules, and the generic assignment detector into one pass over the
//! content. [`redact`] replaces findings with typed placeholders and leaves every other
//! byte alone.

pub mod encoded;
pub mod engine;
pub mod generic;
pub mod heuristics;
pub mod keywords;
pub mod redact;
pub mod repeat;
pub mod rule;
pub mod validate;

pub use engine::{builtin_specs, Detector, DetectorConfig, ALLOW_MARKER};
pub use redact::{redact, restore, Redaction, RedactionMap};
pub use rule::{parse_rule_file, Rule, RuleError, RuleSpec};
