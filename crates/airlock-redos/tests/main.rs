//! Integration tests of airlock-redos: the vulnerable-pattern corpus checked against a real
//! backtracking matcher, syntax coverage, and property tests in both directions.

mod common;
mod corpus;
mod properties;
mod syntax;
