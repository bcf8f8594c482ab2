//! airlock's supply-chain checks for AI-written code: dependencies and imports that do not
//! exist in their registry (hallucinated packages) or sit one edit away from a popular package
//! (typosquats).
//!
//! [`parse_manifest`] reads requirements files, pyproject.toml, package.json, Cargo.toml,
//! go.mod and Gemfiles; [`import_to_package`] maps an import to the package it needs;
//! [`Checker`] asks the registries (with a local cache and an offline mode) and returns
//! [`DepFinding`]s.

pub mod cache;
pub mod check;
pub mod ecosystem;
pub mod imports;
pub mod manifest;
pub mod registry;
pub mod rules;
pub mod typosquat;

pub use check::{CheckReport, Checker, CheckerConfig, DepFinding, DepNote, RuleId};
pub use ecosystem::Ecosystem;
pub use imports::import_to_package;
pub use manifest::{
    parse_manifest, parse_manifest_as, parse_manifest_full, read_manifest, Dependency, Include,
    ManifestError, ManifestKind, ParsedManifest, Skipped, Source,
};
pub use registry::{Lookup, PackageFacts, RegistryClient, RegistryConfig};
