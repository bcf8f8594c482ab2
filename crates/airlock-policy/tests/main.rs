//! Integration tests of the policy: the template, errors people read, classification,
//! the organization's detection rules, and the rendered policy.

mod classify;
mod errors;
mod gateway;
mod org_rules;
mod parse;
mod render;
