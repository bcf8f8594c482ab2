//! Integration tests for airlock-deps: one binary, one module per area.

mod checker;
mod fake_registry;
mod imports;
mod manifests;
mod rules;
mod typosquat;
