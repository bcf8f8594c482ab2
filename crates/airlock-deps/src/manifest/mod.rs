//! Dependency manifests: recognise one by its file name and list the registry packages it names.
//!
//! Each parser returns the package name as the registry knows it, the version requirement as
//! written, and the 1-based line and column (in bytes) of the name, so that a finding points at
//! the right place. Dependencies that do not come from the public registry (local paths, VCS
//! URLs, workspace links, alternate registries) are left out and listed in
//! [`ParsedManifest::skipped`] with the reason.

mod cargo;
mod gemfile;
mod gomod;
mod json;
mod package_json;
mod pyproject;
mod requirements;

use std::path::{Path, PathBuf};

use airlock_types::LineIndex;
use serde::Serialize;

use crate::Ecosystem;

pub use requirements::{parse_pep508, Pep508};

/// Where a [`Dependency`] was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Declared in a dependency manifest (requirements.txt, package.json, ...).
    Manifest,
    /// Imported by source code (`import yaml`, `require("x")`, `use serde::...`).
    Import,
}

/// One package that a manifest or an import statement refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dependency {
    pub ecosystem: Ecosystem,
    /// The package name as the registry knows it (npm aliases and Cargo renames resolved).
    pub name: String,
    /// The file it came from.
    pub file: PathBuf,
    /// 1-based line of the name.
    pub line: u32,
    /// 1-based column of the name, in bytes.
    pub column: u32,
    /// The version requirement as written, if any (`>=2,<3`, `^1.2`, `v1.9.0`).
    pub spec: Option<String>,
    pub source: Source,
    /// The manifest also installs from an index other than the public registry
    /// (`--extra-index-url`, a Poetry source, ...): a name missing from the public registry may
    /// live there, which makes it a dependency-confusion target rather than a hallucination.
    pub alternate_index: bool,
}

impl Dependency {
    /// A dependency found in source code: `module` is the import as written
    /// (see [`crate::import_to_package`]). `None` when the import names no registry package
    /// (standard library, relative import, ...).
    pub fn from_import(
        language: &str,
        module: &str,
        file: impl Into<PathBuf>,
        line: u32,
        column: u32,
    ) -> Option<Dependency> {
        let (ecosystem, name) = crate::import_to_package(language, module)?;
        Some(Dependency {
            ecosystem,
            name,
            file: file.into(),
            line,
            column,
            spec: None,
            source: Source::Import,
            alternate_index: false,
        })
    }
}

/// The manifest formats airlock reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ManifestKind {
    /// pip requirements and constraints files.
    Requirements,
    Pyproject,
    Pipfile,
    PackageJson,
    CargoToml,
    GoMod,
    Gemfile,
    Gemspec,
}

impl ManifestKind {
    /// Which manifest a file is, judged by its name alone.
    pub fn detect(path: &Path) -> Option<ManifestKind> {
        let name = path.file_name()?.to_str()?;
        let lower = name.to_ascii_lowercase();
        match name {
            "pyproject.toml" => return Some(ManifestKind::Pyproject),
            "Pipfile" => return Some(ManifestKind::Pipfile),
            "package.json" => return Some(ManifestKind::PackageJson),
            "Cargo.toml" => return Some(ManifestKind::CargoToml),
            "go.mod" => return Some(ManifestKind::GoMod),
            "Gemfile" | "gems.rb" => return Some(ManifestKind::Gemfile),
            _ => {}
        }
        if lower.ends_with(".gemspec") {
            return Some(ManifestKind::Gemspec);
        }
        let text_list = lower.ends_with(".txt") || lower.ends_with(".in");
        if text_list && (lower.contains("requirements") || lower.contains("constraints")) {
            return Some(ManifestKind::Requirements);
        }
        // requirements/base.txt, requirements/dev.in
        let parent = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|p| p.to_str());
        if text_list && parent.is_some_and(|p| p.eq_ignore_ascii_case("requirements")) {
            return Some(ManifestKind::Requirements);
        }
        None
    }

    pub fn ecosystem(self) -> Ecosystem {
        match self {
            ManifestKind::Requirements | ManifestKind::Pyproject | ManifestKind::Pipfile => {
                Ecosystem::PyPI
            }
            ManifestKind::PackageJson => Ecosystem::Npm,
            ManifestKind::CargoToml => Ecosystem::Crates,
            ManifestKind::GoMod => Ecosystem::Go,
            ManifestKind::Gemfile | ManifestKind::Gemspec => Ecosystem::RubyGems,
        }
    }
}

/// Another requirements file pulled in with `-r` / `-c`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Include {
    /// The path as written, relative to the including file.
    pub path: String,
    pub line: u32,
    /// `-c` / `--constraint` (versions only, installs nothing) rather than `-r`.
    pub constraint: bool,
}

/// A dependency that was not checked because it does not come from the public registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The name if one was given.
    pub name: Option<String>,
    pub line: u32,
    pub reason: String,
}

/// Everything read from one manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedManifest {
    pub kind: ManifestKind,
    pub dependencies: Vec<Dependency>,
    pub includes: Vec<Include>,
    pub skipped: Vec<Skipped>,
    /// The manifest points its package manager at an index other than the public one
    /// (`--index-url`, `--extra-index-url`, a Gemfile `source` other than rubygems.org): a name
    /// missing from the public registry may live there, so "missing" findings are less certain.
    pub alternate_index: bool,
    /// The project's own name as the manifest declares it: the package name (pyproject.toml,
    /// package.json, Cargo.toml) or the module path (go.mod). Imports of it are first-party.
    pub own_name: Option<String>,
}

impl ParsedManifest {
    /// Names that belong to the project itself (its own name, and dependencies taken from a
    /// local path, a workspace or a VCS), as [`crate::CheckerConfig::allow`] entries, so that
    /// imports of them are not looked up in the public registry. A Go module path also allows
    /// every package below it (`module/*`).
    pub fn first_party_names(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(own) = &self.own_name {
            out.push(own.clone());
            if self.kind == ManifestKind::GoMod {
                out.push(format!("{own}/*"));
            }
        }
        out.extend(self.skipped.iter().filter_map(|s| s.name.clone()));
        out.sort();
        out.dedup();
        out
    }
}

/// What an `.npmrc` says about where packages come from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Npmrc {
    /// Scopes sent to another registry (`@mycorp:registry=https://...`), as
    /// [`crate::CheckerConfig::allow`] entries (`@mycorp/*`): their packages are not on the
    /// public registry.
    pub private_scopes: Vec<String>,
    /// The default `registry=` is not registry.npmjs.org: every package may come from a mirror
    /// or private registry (treat missing names as possible dependency confusion).
    pub alternate_registry: bool,
}

/// Reads an `.npmrc` (ini-style `key=value` lines).
pub fn parse_npmrc(npmrc: &str) -> Npmrc {
    let mut out = Npmrc::default();
    for line in npmrc.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let (key, value) = (key.trim(), value.trim().trim_matches('"'));
        if let Some(scope) = key.strip_suffix(":registry") {
            if scope.starts_with('@') && !is_public_npm(value) {
                out.private_scopes.push(format!("{scope}/*"));
            }
        } else if key == "registry" && !is_public_npm(value) {
            out.alternate_registry = true;
        }
    }
    out
}

fn is_public_npm(url: &str) -> bool {
    matches!(
        url.trim_end_matches('/'),
        "https://registry.npmjs.org" | "http://registry.npmjs.org" | "https://registry.npmjs.com"
    )
}

/// A manifest that could not be read. Displays as `file:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", file.display())]
pub struct ManifestError {
    pub file: PathBuf,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

/// Lists the registry dependencies of a manifest. `Ok(None)` means the file is not a manifest
/// this crate knows (judged by its name).
pub fn parse_manifest(
    path: &Path,
    content: &str,
) -> Result<Option<Vec<Dependency>>, ManifestError> {
    Ok(parse_manifest_full(path, content)?.map(|m| m.dependencies))
}

/// Like [`parse_manifest`], with includes, skipped entries and index information.
pub fn parse_manifest_full(
    path: &Path,
    content: &str,
) -> Result<Option<ParsedManifest>, ManifestError> {
    let Some(kind) = ManifestKind::detect(path) else {
        return Ok(None);
    };
    parse_manifest_as(kind, path, content).map(Some)
}

/// Reads a manifest from disk. Requirements files pulled in with `-r` / `-c` are read too
/// (relative to the including file, each once, at most 16 deep) and their dependencies added,
/// each with its own file and line. A missing included file is an error at the `-r` line.
pub fn read_manifest(path: &Path) -> Result<Option<ParsedManifest>, ManifestError> {
    let Some(kind) = ManifestKind::detect(path) else {
        return Ok(None);
    };
    let content = std::fs::read_to_string(path).map_err(|e| ManifestError {
        file: path.to_path_buf(),
        line: 0,
        column: 0,
        message: format!("cannot read the file: {e}"),
    })?;
    let mut top = parse_manifest_as(kind, path, &content)?;
    if top.kind != ManifestKind::Requirements {
        return Ok(Some(top));
    }
    let mut seen = std::collections::HashSet::new();
    seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()));
    let mut queue: Vec<(PathBuf, Include, usize)> = top
        .includes
        .iter()
        .map(|i| (path.to_path_buf(), i.clone(), 1))
        .collect();
    while let Some((from, include, depth)) = queue.pop() {
        let target = from.parent().unwrap_or(Path::new("")).join(&include.path);
        let key = std::fs::canonicalize(&target).unwrap_or_else(|_| target.clone());
        if depth > 16 || !seen.insert(key) {
            continue;
        }
        // airlock:allow path-traversal -- `-r other.txt` includes of the user's own requirements file are read relative to it, as pip does
        let text = std::fs::read_to_string(&target).map_err(|e| ManifestError {
            file: from.clone(),
            line: include.line,
            column: 1,
            message: format!("cannot read included file {}: {e}", target.display()),
        })?;
        let inner = parse_manifest_as(ManifestKind::Requirements, &target, &text)?;
        // A constraints file limits versions; it installs nothing.
        if !include.constraint {
            top.dependencies.extend(inner.dependencies);
            top.skipped.extend(inner.skipped);
        }
        top.alternate_index |= inner.alternate_index;
        queue.extend(
            inner
                .includes
                .into_iter()
                .map(|i| (target.clone(), i, depth + 1)),
        );
    }
    if top.alternate_index {
        for d in &mut top.dependencies {
            d.alternate_index = true;
        }
    }
    Ok(Some(top))
}

/// Parses `content` as a manifest of the given kind, whatever the file is called.
pub fn parse_manifest_as(
    kind: ManifestKind,
    path: &Path,
    content: &str,
) -> Result<ParsedManifest, ManifestError> {
    // A UTF-8 byte-order mark is invisible in editors: drop it so columns on line 1 match.
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let mut ctx = Ctx::new(kind, path, content);
    match kind {
        ManifestKind::Requirements => requirements::parse(&mut ctx)?,
        ManifestKind::Pyproject => pyproject::parse(&mut ctx)?,
        ManifestKind::Pipfile => pyproject::parse_pipfile(&mut ctx)?,
        ManifestKind::PackageJson => package_json::parse(&mut ctx)?,
        ManifestKind::CargoToml => cargo::parse(&mut ctx)?,
        ManifestKind::GoMod => gomod::parse(&mut ctx)?,
        ManifestKind::Gemfile => gemfile::parse(&mut ctx)?,
        ManifestKind::Gemspec => gemfile::parse_gemspec(&mut ctx)?,
    }
    let mut out = ctx.out;
    if out.alternate_index {
        for d in &mut out.dependencies {
            d.alternate_index = true;
        }
    }
    out.dependencies.sort_by_key(|d| (d.line, d.column));
    out.skipped.sort_by_key(|s| s.line);
    Ok(out)
}

/// Parser state shared by the format modules.
pub(crate) struct Ctx<'a> {
    pub path: &'a Path,
    pub content: &'a str,
    index: LineIndex,
    pub out: ParsedManifest,
}

impl<'a> Ctx<'a> {
    fn new(kind: ManifestKind, path: &'a Path, content: &'a str) -> Ctx<'a> {
        Ctx {
            path,
            content,
            index: LineIndex::new(content.as_bytes()),
            out: ParsedManifest {
                kind,
                dependencies: Vec::new(),
                includes: Vec::new(),
                skipped: Vec::new(),
                alternate_index: false,
                own_name: None,
            },
        }
    }

    /// 1-based (line, column) of a byte offset.
    pub fn pos(&self, offset: usize) -> (u32, u32) {
        let lc = self.index.line_col(offset.min(self.content.len()));
        (to_u32(lc.line), to_u32(lc.column))
    }

    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> ManifestError {
        let (line, column) = self.pos(offset);
        self.error(line, column, message)
    }

    pub fn error(&self, line: u32, column: u32, message: impl Into<String>) -> ManifestError {
        ManifestError {
            file: self.path.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }

    pub fn push_at(&mut self, offset: usize, name: &str, spec: Option<String>) {
        let (line, column) = self.pos(offset);
        self.push(line, column, name, spec);
    }

    pub fn push(&mut self, line: u32, column: u32, name: &str, spec: Option<String>) {
        let spec = spec.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        self.out.dependencies.push(Dependency {
            ecosystem: self.out.kind.ecosystem(),
            name: name.to_string(),
            file: self.path.to_path_buf(),
            line,
            column,
            spec,
            source: Source::Manifest,
            alternate_index: false,
        });
    }

    pub fn skip_at(&mut self, offset: usize, name: Option<&str>, reason: impl Into<String>) {
        let (line, _) = self.pos(offset);
        self.skip(line, name, reason);
    }

    pub fn skip(&mut self, line: u32, name: Option<&str>, reason: impl Into<String>) {
        self.out.skipped.push(Skipped {
            name: name.map(str::to_string),
            line,
            reason: reason.into(),
        });
    }
}

pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
