//! airlock's supply-chain checks for AI-written code: dependencies and imports that do not
//! exist in their registry (hallucinated packages) or sit one edit away from a popular package
//! (typosquats).
//!
//! [`parse_manifest`] reads requirements files, pyproject.toml, package.json, Cargo.toml,
//! go.mod and Gemfiles; [`import_to_package`] maps an import to the package it needs;
//! [`Checker`] asks the registries (with a local cache and an offline mode) and returns
//! [`DepFinding`]s.
//!
//! ```no_run
//! use airlock_deps::{read_manifest, Checker, CheckerConfig, Dependency};
//!
//! let manifest = read_manifest("requirements.txt".as_ref())?.expect("a manifest");
//! let mut cfg = CheckerConfig::from_env(); // AIRLOCK_OFFLINE, AIRLOCK_PYPI_URL, ...
//! cfg.allow.extend(manifest.first_party_names());
//! let checker = Checker::new(cfg);
//! let mut deps = manifest.dependencies.clone();
//! // `import yaml` on line 3, column 8 of app.py needs PyYAML.
//! deps.extend(Dependency::from_import("python", "yaml", "app.py", 3, 8));
//! for f in checker.check(&deps) {
//!     println!("{}:{}:{}: {}: {} ({})", f.file.display(), f.line, f.column, f.rule, f.message, f.fix);
//! }
//! # Ok::<(), airlock_deps::ManifestError>(())
//! ```

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
    parse_manifest, parse_manifest_as, parse_manifest_full, parse_npmrc, read_manifest, Dependency,
    Include, ManifestError, ManifestKind, Npmrc, ParsedManifest, Skipped, Source,
};
pub use registry::{Lookup, PackageFacts, RegistryClient, RegistryConfig};
