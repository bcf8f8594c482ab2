//! Import statements to registry packages: `import yaml` needs PyYAML from PyPI,
//! `require("@scope/pkg/sub")` needs `@scope/pkg` from npm, `use serde_json::Value` needs the
//! `serde_json` crate. Standard-library and relative imports name no package.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::Ecosystem;

const PYTHON_STDLIB: &str = include_str!("../data/python-stdlib.txt");
const PYTHON_IMPORT_NAMES: &str = include_str!("../data/python-import-names.txt");
const NODE_BUILTINS: &str = include_str!("../data/node-builtins.txt");

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn python_stdlib() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(PYTHON_STDLIB).collect())
}

fn python_names() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        data_lines(PYTHON_IMPORT_NAMES)
            .filter_map(|l| l.split_once(char::is_whitespace))
            .map(|(k, v)| (k, v.trim()))
            .collect()
    })
}

fn node_builtins() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(NODE_BUILTINS).collect())
}

/// The registry package an import refers to, or `None` for the standard library, relative
/// imports and anything that is not a registry package.
///
/// `language` is one of `python`/`py`, `javascript`/`js`/`jsx`/`mjs`/`cjs`,
/// `typescript`/`ts`/`tsx`, `go`, `ruby`/`rb`, `rust`/`rs` (case-insensitive); `module` is the
/// module as written in the import (`os.path`, `"@scope/pkg/sub"`, `serde::Deserialize`).
pub fn import_to_package(language: &str, module: &str) -> Option<(Ecosystem, String)> {
    let m = module
        .trim()
        .trim_matches(|c| c == '"' || c == '\'' || c == '`');
    if m.is_empty() {
        return None;
    }
    match language.to_ascii_lowercase().as_str() {
        "python" | "py" => python(m).map(|n| (Ecosystem::PyPI, n)),
        "javascript" | "js" | "jsx" | "mjs" | "cjs" | "typescript" | "ts" | "tsx" | "mts"
        | "cts" | "node" => javascript(m).map(|n| (Ecosystem::Npm, n)),
        "go" | "golang" => go(m).map(|n| (Ecosystem::Go, n)),
        "ruby" | "rb" => ruby(m).map(|n| (Ecosystem::RubyGems, n)),
        "rust" | "rs" => rust(m).map(|n| (Ecosystem::Crates, n)),
        _ => None,
    }
}

fn python(m: &str) -> Option<String> {
    if m.starts_with('.') {
        return None;
    }
    let top = m.split('.').next()?;
    if !top.chars().all(|c| c.is_alphanumeric() || c == '_') || top.is_empty() {
        return None;
    }
    if python_stdlib().contains(top) {
        return None;
    }
    // The longest listed dotted prefix wins: google.protobuf.message -> google.protobuf.
    let parts: Vec<&str> = m.split('.').collect();
    for n in (1..=parts.len()).rev() {
        let prefix = parts[..n].join(".");
        if let Some(dist) = python_names().get(prefix.as_str()) {
            return Some((*dist).to_string());
        }
    }
    // Namespace packages shared by many distributions: the top level names no single one.
    if matches!(top, "google" | "azure" | "zope" | "jaraco" | "backports") {
        return None;
    }
    // A leading underscore marks a private helper module (`_pytest`, `_cffi_backend`) whose
    // distribution is named otherwise.
    if top.starts_with('_') {
        return None;
    }
    Some(top.to_string())
}

fn javascript(m: &str) -> Option<String> {
    let m = m
        .split(['?', '#'])
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(m);
    if let Some(rest) = m.strip_prefix("npm:") {
        // Deno: npm:name@version/sub
        let name = package_part(rest)?;
        let name = match name.get(1..).and_then(|rest| rest.find('@')) {
            Some(i) => &name[..i + 1],
            None => name,
        };
        return valid_npm_name(name).then(|| name.to_string());
    }
    if m.starts_with('.')
        || m.starts_with('/')
        || m.starts_with('~')
        || m.starts_with('#')
        || m.starts_with('$')
        || m.starts_with("@/")
        || m.contains(':')
        || m.contains('\\')
    {
        return None;
    }
    let name = package_part(m)?;
    let top = name.split('/').next().unwrap_or(name);
    if node_builtins().contains(name) || node_builtins().contains(top) {
        return None;
    }
    valid_npm_name(name).then(|| name.to_string())
}

/// `@scope/pkg/sub` -> `@scope/pkg`; `pkg/sub` -> `pkg`.
fn package_part(m: &str) -> Option<&str> {
    if m.starts_with('@') {
        let mut it = m.match_indices('/');
        let (first, _) = it.next()?;
        if first + 1 >= m.len() {
            return None;
        }
        Some(match it.next() {
            Some((second, _)) => &m[..second],
            None => m,
        })
    } else {
        Some(m.split('/').next().unwrap_or(m))
    }
}

/// npm's rules for new package names: lowercase, URL-safe, no leading `.` or `_`, at most 214.
fn valid_npm_name(name: &str) -> bool {
    let body = match name.strip_prefix('@') {
        Some(scoped) => match scoped.split_once('/') {
            Some((scope, pkg)) if !scope.is_empty() && !pkg.is_empty() => {
                return valid_part(scope) && valid_part(pkg) && name.len() <= 214
            }
            _ => return false,
        },
        None => name,
    };
    valid_part(body) && !body.starts_with('.') && !body.starts_with('_') && name.len() <= 214
}

fn valid_part(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'.' | b'_' | b'~')
        })
}

fn go(m: &str) -> Option<String> {
    let first = m.split('/').next()?;
    // Standard-library paths have no dot in their first element ("fmt", "net/http"); so do
    // local packages of a GOPATH workspace and cgo's "C".
    if !first.contains('.') || m.contains("..") || m.contains(' ') {
        return None;
    }
    Some(m.trim_end_matches('/').to_string())
}

/// Gems whose `require` path does not start with the gem's name.
const RUBY_REQUIRE_NAMES: &[(&str, &str)] = &[
    ("active_support", "activesupport"),
    ("active_record", "activerecord"),
    ("active_model", "activemodel"),
    ("active_job", "activejob"),
    ("active_storage", "activestorage"),
    ("action_controller", "actionpack"),
    ("action_dispatch", "actionpack"),
    ("action_view", "actionview"),
    ("action_mailer", "actionmailer"),
    ("action_cable", "actioncable"),
    ("net/ssh", "net-ssh"),
    ("net/scp", "net-scp"),
    ("net/sftp", "net-sftp"),
    ("google/protobuf", "google-protobuf"),
    ("google/cloud/storage", "google-cloud-storage"),
    ("aws-sdk", "aws-sdk"),
    ("rspec/core", "rspec-core"),
    ("rspec/expectations", "rspec-expectations"),
    ("rspec/mocks", "rspec-mocks"),
    ("rspec/rails", "rspec-rails"),
    ("factory_bot", "factory_bot"),
    ("mini_magick", "mini_magick"),
    ("rubygems", "rubygems-update"),
];

/// Ruby's default libraries (no gem to install).
const RUBY_STDLIB: &[&str] = &[
    "English",
    "abbrev",
    "base64",
    "benchmark",
    "bigdecimal",
    "cgi",
    "coverage",
    "csv",
    "date",
    "delegate",
    "did_you_mean",
    "digest",
    "drb",
    "erb",
    "etc",
    "expect",
    "fcntl",
    "fiber",
    "fiddle",
    "fileutils",
    "find",
    "forwardable",
    "getoptlong",
    "io",
    "ipaddr",
    "irb",
    "json",
    "logger",
    "matrix",
    "minitest",
    "monitor",
    "mutex_m",
    "net",
    "nkf",
    "objspace",
    "observer",
    "open-uri",
    "open3",
    "openssl",
    "optparse",
    "ostruct",
    "pathname",
    "pp",
    "prettyprint",
    "prime",
    "pstore",
    "psych",
    "pty",
    "racc",
    "rdoc",
    "readline",
    "reline",
    "resolv",
    "ripper",
    "securerandom",
    "set",
    "shellwords",
    "singleton",
    "socket",
    "stringio",
    "strscan",
    "syslog",
    "tempfile",
    "test",
    "thread",
    "time",
    "timeout",
    "tmpdir",
    "tsort",
    "un",
    "uri",
    "weakref",
    "yaml",
    "zlib",
    "rbconfig",
    "continuation",
    "coverage",
    "ractor",
    "random",
    "enumerator",
    "bundler",
    "rubygems",
];

fn ruby(m: &str) -> Option<String> {
    if m.starts_with('.') || m.starts_with('/') || m.is_empty() {
        return None;
    }
    let path = m.trim_end_matches(".rb");
    for (prefix, gem) in RUBY_REQUIRE_NAMES {
        if path == *prefix || path.starts_with(&format!("{prefix}/")) {
            return Some((*gem).to_string());
        }
    }
    let top = path.split('/').next()?;
    if RUBY_STDLIB.contains(&top) {
        return None;
    }
    if matches!(top, "google" | "aws") {
        return None;
    }
    let ok = top
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'));
    ok.then(|| top.to_string())
}

fn rust(m: &str) -> Option<String> {
    let m = m.trim_start_matches("::");
    let m = m.strip_prefix("extern crate ").unwrap_or(m).trim();
    let top = m
        .split(|c: char| c == ':' || c == ';' || c.is_whitespace() || c == '{')
        .next()?;
    if matches!(
        top,
        "std" | "core" | "alloc" | "crate" | "self" | "super" | "Self" | "proc_macro" | "test"
    ) || top.is_empty()
    {
        return None;
    }
    let ok = top.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
        && !top.starts_with(|c: char| c.is_ascii_digit());
    // A crate name is written with `_` in code; crates.io treats `_` and `-` alike.
    ok.then(|| top.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn py(m: &str) -> Option<String> {
        import_to_package("python", m).map(|(_, n)| n)
    }

    #[test]
    fn python_mapping() {
        assert_eq!(py("yaml").as_deref(), Some("PyYAML"));
        assert_eq!(py("google.protobuf.message").as_deref(), Some("protobuf"));
        assert_eq!(py("os.path"), None);
        assert_eq!(py(".models"), None);
        assert_eq!(py("google.something_unknown"), None);
        assert_eq!(py("requests.adapters").as_deref(), Some("requests"));
    }

    #[test]
    fn js_mapping() {
        let js = |m| import_to_package("ts", m).map(|(_, n)| n);
        assert_eq!(js("@scope/pkg/sub").as_deref(), Some("@scope/pkg"));
        assert_eq!(js("lodash/merge").as_deref(), Some("lodash"));
        assert_eq!(js("node:fs"), None);
        assert_eq!(js("fs/promises"), None);
        assert_eq!(js("./x"), None);
        assert_eq!(js("@/components/x"), None);
        assert_eq!(js("npm:chalk@5/ansi").as_deref(), Some("chalk"));
        assert_eq!(js("Express"), None);
    }
}
