//! Integration tests of the code analyzer: every rule's documented examples, the rule
//! registry's guarantees, snippets with syntax errors, and Markdown answers.

mod ai_style;
mod codeql_like;
mod cpp_like;
mod dataflow;
mod examples;
mod generalization;
mod juliet_like;
mod owaspj_like;
mod owasppy_a_like;
mod owasppy_b_like;
mod registry;
mod rustkt_like;
mod secev_like;
mod snippets;
mod support;
mod xast_like;
