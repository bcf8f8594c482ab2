//! pyproject.toml: PEP 621 `[project]` dependencies and optional-dependencies, PEP 735
//! `[dependency-groups]`, `[build-system] requires`, Poetry's `[tool.poetry.*dependencies]`,
//! `[tool.uv] dev-dependencies` and `[tool.pdm.dev-dependencies]`; and Pipenv's Pipfile.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::cargo::{key_offset, toml_error, DepTable};
use super::requirements::parse_pep508;
use super::{Ctx, ManifestError};

#[derive(Deserialize)]
struct Pyproject {
    project: Option<Project>,
    #[serde(rename = "build-system")]
    build_system: Option<BuildSystem>,
    #[serde(default, rename = "dependency-groups")]
    groups: BTreeMap<String, Vec<Spanned<toml::Value>>>,
    tool: Option<Tool>,
}

#[derive(Deserialize)]
struct Project {
    name: Option<toml::Value>,
    #[serde(default)]
    dependencies: Vec<Spanned<String>>,
    #[serde(default, rename = "optional-dependencies")]
    optional: BTreeMap<String, Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
struct BuildSystem {
    #[serde(default)]
    requires: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
struct Tool {
    poetry: Option<Poetry>,
    uv: Option<Uv>,
    pdm: Option<Pdm>,
}

#[derive(Deserialize)]
struct Uv {
    #[serde(default, rename = "dev-dependencies")]
    dev: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
struct Pdm {
    #[serde(default, rename = "dev-dependencies")]
    dev: BTreeMap<String, Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
struct Pipfile {
    #[serde(default)]
    packages: DepTable,
    #[serde(default, rename = "dev-packages")]
    dev: DepTable,
    #[serde(default)]
    source: Vec<toml::Value>,
}

/// Pipfile: `[packages]` and `[dev-packages]`, in the same shapes as Poetry's tables.
pub(super) fn parse_pipfile(ctx: &mut Ctx) -> Result<(), ManifestError> {
    let doc: Pipfile = toml::from_str(ctx.content).map_err(|e| toml_error(ctx, &e))?;
    let public = |s: &toml::Value| {
        s.get("url")
            .and_then(toml::Value::as_str)
            .is_some_and(|u| u.trim_end_matches('/') == "https://pypi.org/simple")
    };
    if !doc.source.iter().all(public) {
        ctx.out.alternate_index = true;
    }
    for table in [&doc.packages, &doc.dev] {
        for (key, value) in table {
            poetry_entry(ctx, key, value)?;
        }
    }
    Ok(())
}

#[derive(Deserialize)]
struct Poetry {
    name: Option<toml::Value>,
    #[serde(default)]
    dependencies: DepTable,
    #[serde(default, rename = "dev-dependencies")]
    dev: DepTable,
    #[serde(default)]
    group: BTreeMap<String, PoetryGroup>,
    #[serde(default)]
    source: Vec<toml::Value>,
}

#[derive(Deserialize)]
struct PoetryGroup {
    #[serde(default)]
    dependencies: DepTable,
}

pub(super) fn parse(ctx: &mut Ctx) -> Result<(), ManifestError> {
    let doc: Pyproject = toml::from_str(ctx.content).map_err(|e| toml_error(ctx, &e))?;
    let mut strings: Vec<Spanned<String>> = Vec::new();
    if let Some(p) = doc.project {
        ctx.out.own_name = p.name.and_then(|n| n.as_str().map(str::to_string));
        strings.extend(p.dependencies);
        strings.extend(p.optional.into_values().flatten());
    }
    if let Some(b) = doc.build_system {
        strings.extend(b.requires);
    }
    for (group, items) in doc.groups {
        for item in items {
            match item.get_ref() {
                toml::Value::String(s) => strings.push(Spanned::new(item.span(), s.clone())),
                // {include-group = "other"} pulls in another group, listed on its own.
                toml::Value::Table(t) if t.contains_key("include-group") => {}
                _ => {
                    return Err(ctx.error_at(
                        item.span().start,
                        format!("dependency group `{group}`: expected a requirement string or {{include-group = \"...\"}}"),
                    ))
                }
            }
        }
    }
    let (poetry, uv, pdm) = match doc.tool {
        Some(t) => (t.poetry, t.uv, t.pdm),
        None => (None, None, None),
    };
    if let Some(uv) = uv {
        strings.extend(uv.dev);
    }
    if let Some(pdm) = pdm {
        strings.extend(pdm.dev.into_values().flatten());
    }
    for s in &strings {
        requirement(ctx, s)?;
    }
    if let Some(poetry) = poetry {
        if ctx.out.own_name.is_none() {
            ctx.out.own_name = poetry.name.and_then(|n| n.as_str().map(str::to_string));
        }
        if !poetry.source.is_empty() {
            ctx.out.alternate_index = true;
        }
        let mut tables = vec![poetry.dependencies, poetry.dev];
        tables.extend(poetry.group.into_values().map(|g| g.dependencies));
        for table in &tables {
            for (key, value) in table {
                poetry_entry(ctx, key, value)?;
            }
        }
    }
    Ok(())
}

fn requirement(ctx: &mut Ctx, s: &Spanned<String>) -> Result<(), ManifestError> {
    // The string's span includes its opening quote (or three, for a multi-line string).
    let start = s.span().start;
    let raw = &ctx.content[start..s.span().end.min(ctx.content.len())];
    let quote = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        3
    } else {
        1
    };
    let base = start + quote;
    match parse_pep508(s.get_ref()) {
        Ok(p) if p.url.is_some() => {
            ctx.skip_at(base + p.name_offset, Some(&p.name), "direct URL reference");
        }
        Ok(p) => ctx.push_at(base + p.name_offset, &p.name, p.spec),
        Err((off, msg)) => {
            return Err(ctx.error_at(
                base + off,
                format!("invalid requirement {:?}: {msg}", s.get_ref()),
            ))
        }
    }
    Ok(())
}

fn poetry_entry(
    ctx: &mut Ctx,
    key: &Spanned<String>,
    value: &toml::Value,
) -> Result<(), ManifestError> {
    let at = key_offset(ctx, key);
    let name = key.get_ref();
    if name.eq_ignore_ascii_case("python") {
        return Ok(());
    }
    let not_registry = |t: &toml::map::Map<String, toml::Value>| {
        ["path", "git", "url", "file"]
            .into_iter()
            .find(|k| t.contains_key(*k))
    };
    match value {
        toml::Value::String(v) => ctx.push_at(at, name, Some(v.clone())),
        toml::Value::Table(t) => {
            if let Some(kind) = not_registry(t) {
                ctx.skip_at(at, Some(name), format!("{kind} dependency"));
            } else {
                if t.contains_key("source") || t.contains_key("index") {
                    ctx.out.alternate_index = true;
                }
                let v = t
                    .get("version")
                    .and_then(toml::Value::as_str)
                    .map(str::to_string);
                ctx.push_at(at, name, v);
            }
        }
        // Several constraints for different markers.
        toml::Value::Array(items) => {
            let tables: Vec<_> = items.iter().filter_map(toml::Value::as_table).collect();
            if tables.len() != items.len() {
                return Err(ctx.error_at(
                    at,
                    format!(
                        "dependency `{name}`: every entry of a constraint list must be a table"
                    ),
                ));
            }
            if tables.iter().all(|t| not_registry(t).is_some()) {
                ctx.skip_at(at, Some(name), "path, git or URL dependency");
            } else {
                ctx.push_at(at, name, None);
            }
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
