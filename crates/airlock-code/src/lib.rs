//! airlock's code review: a multi-language static analyzer for the insecure patterns AI
//! assistants write (injection, unsafe deserialization, weak cryptography and password
//! hashing, disabled TLS checks, secrets in logs, XSS, path traversal, ReDoS...), with
//! rules that explain themselves.
//!
//! [`Analyzer::analyze`] takes source text and a [`Language`]; [`review_markdown`] takes a
//! model's answer and reviews each fenced code block. Parsing uses tree-sitter, which
//! recovers from errors, so incomplete snippets are analyzed too.

pub mod analyze;
pub mod cipher_names;
pub mod lang;
pub mod markdown;
pub mod redos;
pub mod rule;
pub mod syntax;
pub mod taint;

pub use analyze::{Analyzer, CodeFinding, MAX_SOURCE};
pub use lang::Language;
pub use markdown::{code_blocks, review_markdown, BlockFinding, CodeBlock};
pub use rule::{Rule, RuleSpec};

/// The inline suppression marker: `# airlock:allow sql-injection -- table names are constants`.
pub const ALLOW_MARKER: &str = "airlock:allow";
