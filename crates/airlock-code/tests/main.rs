//! Integration tests of the code analyzer: every rule's documented examples, the rule
//! registry's guarantees, snippets with syntax errors, and Markdown answers.

mod codeql_like;
mod dataflow;
mod examples;
mod generalization;
mod registry;
mod snippets;
