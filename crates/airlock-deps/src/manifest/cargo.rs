//! Cargo.toml: `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`, their
//! `[target.'cfg(..)'.*]` forms and `[workspace.dependencies]`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::{Ctx, ManifestError};

pub(crate) type DepTable = BTreeMap<Spanned<String>, toml::Value>;

#[derive(Deserialize)]
struct Manifest {
    package: Option<Package>,
    #[serde(default)]
    dependencies: DepTable,
    #[serde(default, rename = "dev-dependencies", alias = "dev_dependencies")]
    dev: DepTable,
    #[serde(default, rename = "build-dependencies", alias = "build_dependencies")]
    build: DepTable,
    #[serde(default)]
    target: BTreeMap<String, Target>,
    workspace: Option<Workspace>,
}

#[derive(Deserialize)]
struct Package {
    name: Option<toml::Value>,
}

#[derive(Deserialize)]
struct Target {
    #[serde(default)]
    dependencies: DepTable,
    #[serde(default, rename = "dev-dependencies", alias = "dev_dependencies")]
    dev: DepTable,
    #[serde(default, rename = "build-dependencies", alias = "build_dependencies")]
    build: DepTable,
}

#[derive(Deserialize)]
struct Workspace {
    #[serde(default)]
    dependencies: DepTable,
}

/// Turns a toml error into a [`ManifestError`] at the span toml reports.
pub(crate) fn toml_error(ctx: &Ctx, e: &toml::de::Error) -> ManifestError {
    let at = e.span().map_or(0, |s| s.start);
    let msg = e.message().trim().to_string();
    ctx.error_at(at, format!("invalid TOML: {msg}"))
}

pub(super) fn parse(ctx: &mut Ctx) -> Result<(), ManifestError> {
    let m: Manifest = toml::from_str(ctx.content).map_err(|e| toml_error(ctx, &e))?;
    ctx.out.own_name = m
        .package
        .and_then(|p| p.name)
        .and_then(|n| n.as_str().map(str::to_string));
    let mut tables = vec![m.dependencies, m.dev, m.build];
    for (_, t) in m.target {
        tables.extend([t.dependencies, t.dev, t.build]);
    }
    if let Some(ws) = m.workspace {
        tables.push(ws.dependencies);
    }
    for table in &tables {
        for (key, value) in table {
            entry(ctx, key, value)?;
        }
    }
    Ok(())
}

fn entry(ctx: &mut Ctx, key: &Spanned<String>, value: &toml::Value) -> Result<(), ManifestError> {
    let at = key_offset(ctx, key);
    let name = key.get_ref();
    match value {
        toml::Value::String(v) => ctx.push_at(at, name, Some(v.clone())),
        toml::Value::Table(t) => {
            for (field, reason) in [
                ("path", "path dependency"),
                ("git", "git dependency"),
                ("registry", "alternate registry"),
                ("registry-index", "alternate registry"),
            ] {
                if t.contains_key(field) {
                    ctx.skip_at(at, Some(name), reason);
                    return Ok(());
                }
            }
            if t.get("workspace").and_then(toml::Value::as_bool) == Some(true) {
                ctx.skip_at(at, Some(name), "inherited from [workspace.dependencies]");
                return Ok(());
            }
            let real = match t.get("package") {
                None => name.as_str(),
                Some(toml::Value::String(p)) => p.as_str(),
                Some(_) => {
                    return Err(ctx.error_at(
                        at,
                        format!("`package` of dependency `{name}` must be a string"),
                    ))
                }
            };
            let version = t
                .get("version")
                .and_then(toml::Value::as_str)
                .map(str::to_string);
            ctx.push_at(at, real, version);
        }
        _ => {
            return Err(ctx.error_at(
                at,
                format!("dependency `{name}` must be a version string or a table"),
            ))
        }
    }
    Ok(())
}

/// The offset of a key's name: its span, past an opening quote.
pub(crate) fn key_offset(ctx: &Ctx, key: &Spanned<String>) -> usize {
    let start = key.span().start;
    match ctx.content.as_bytes().get(start) {
        Some(b'"' | b'\'') => start + 1,
        _ => start,
    }
}
