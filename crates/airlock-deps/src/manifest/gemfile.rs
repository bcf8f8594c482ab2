//! Gemfile / gems.rb: `gem "name", "~> 1.0"` lines. Gems from git, a local path or a source
//! other than rubygems.org (options or enclosing blocks) are skipped. Also `*.gemspec`:
//! `spec.add_dependency "name", "~> 1.0"` and its runtime / development forms.

use super::{Ctx, ManifestError};

#[derive(Debug, PartialEq)]
enum Block {
    /// `git`, `path`, `github` or a non-public `source` block: its gems are not from rubygems.org.
    Elsewhere(&'static str),
    Other,
}

fn is_public_source(url: &str) -> bool {
    let u = url.trim_end_matches('/');
    matches!(
        u,
        "https://rubygems.org" | "http://rubygems.org" | "https://www.rubygems.org" | ":rubygems"
    ) || u == "rubygems"
}

/// Ruby string literals (single or double quoted) in a line, with their byte offsets, and the
/// line with any comment removed.
fn literals(line: &str) -> (Vec<(usize, String)>, &str) {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => return (out, &line[..i]),
            q @ (b'"' | b'\'') => {
                let start = i + 1;
                let mut j = start;
                while j < b.len() && b[j] != q {
                    if b[j] == b'\\' {
                        j += 1;
                    }
                    j += 1;
                }
                out.push((start, line[start..j.min(b.len())].to_string()));
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    (out, line)
}

fn opens_block(code: &str) -> bool {
    let t = code.trim_end();
    t.ends_with(" do") || t == "do" || (t.contains(" do |") && t.ends_with('|'))
}

pub(super) fn parse(ctx: &mut Ctx) -> Result<(), ManifestError> {
    let mut stack: Vec<Block> = Vec::new();
    let mut offset = 0;
    let content = ctx.content;
    for (idx, raw) in content.split_inclusive('\n').enumerate() {
        let base = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let (lits, code) = literals(line);
        let trimmed = code.trim();
        let word = trimmed
            .split(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        if trimmed == "end" || trimmed.starts_with("end ") || trimmed.starts_with("end#") {
            stack.pop();
            continue;
        }
        let first_lit = lits.first().map(|(_, s)| s.as_str()).unwrap_or("");
        match word {
            "source" => {
                let public = is_public_source(first_lit) || trimmed.contains(":rubygems");
                if opens_block(code) {
                    stack.push(if public {
                        Block::Other
                    } else {
                        Block::Elsewhere("another gem source")
                    });
                } else if !public {
                    ctx.out.alternate_index = true;
                }
                continue;
            }
            "git" | "path" | "github" if opens_block(code) => {
                stack.push(Block::Elsewhere(match word {
                    "git" => "git block",
                    "path" => "path block",
                    _ => "github block",
                }));
                continue;
            }
            "if" | "unless" | "case" | "begin" | "while" | "until" | "def" | "class" | "module" => {
                stack.push(Block::Other);
                continue;
            }
            "gem" => {}
            _ => {
                if opens_block(code) {
                    stack.push(Block::Other);
                }
                continue;
            }
        }
        let Some((name_at, name)) = lits.first() else {
            // `gem name_from_variable`: nothing literal to check.
            continue;
        };
        let name_offset = base + name_at;
        let after_name = &code[(*name_at + name.len()).min(code.len())..];
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(ctx.error_at(name_offset, format!("invalid gem name {name:?}")));
        }
        if let Some(Block::Elsewhere(reason)) = stack
            .iter()
            .rev()
            .find(|b| matches!(b, Block::Elsewhere(_)))
        {
            ctx.skip_at(name_offset, Some(name), *reason);
            continue;
        }
        let opt = |key: &str| {
            after_name.contains(&format!("{key}:"))
                || after_name.contains(&format!(":{key} =>"))
                || after_name.contains(&format!(":{key}=>"))
        };
        if let Some(k) = ["path", "git", "github", "gist", "bitbucket"]
            .into_iter()
            .find(|k| opt(k))
        {
            ctx.skip_at(name_offset, Some(name), format!("{k} gem"));
            continue;
        }
        if opt("source") {
            ctx.skip_at(name_offset, Some(name), "gem from another source");
            continue;
        }
        // Version requirements are the string literals right after the name, before options.
        let spec = versions_after(code, &lits);
        let (line_no, col) = ctx.pos(name_offset);
        debug_assert_eq!(line_no as usize, idx + 1);
        ctx.push(line_no, col, name, spec);
        if opens_block(code) {
            stack.push(Block::Other);
        }
    }
    Ok(())
}

/// Version literals right after the name literal, separated only by commas.
fn versions_after(code: &str, lits: &[(usize, String)]) -> Option<String> {
    let (name_at, name) = lits.first()?;
    let mut versions = Vec::new();
    let mut prev_end = name_at + name.len() + 1;
    for (at, lit) in lits.iter().skip(1) {
        if code.get(prev_end..at - 1).unwrap_or("").trim() != "," {
            break;
        }
        versions.push(lit.clone());
        prev_end = at + lit.len() + 1;
    }
    (!versions.is_empty()).then(|| versions.join(", "))
}

pub(super) fn parse_gemspec(ctx: &mut Ctx) -> Result<(), ManifestError> {
    let mut offset = 0;
    let content = ctx.content;
    for raw in content.split_inclusive('\n') {
        let base = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let (lits, code) = literals(line);
        let is_dep = [
            ".add_dependency",
            ".add_runtime_dependency",
            ".add_development_dependency",
        ]
        .iter()
        .any(|m| code.contains(m));
        if !is_dep {
            continue;
        }
        let Some((name_at, name)) = lits.first() else {
            continue;
        };
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(ctx.error_at(base + name_at, format!("invalid gem name {name:?}")));
        }
        let spec = versions_after(code, &lits);
        ctx.push_at(base + name_at, name, spec);
    }
    Ok(())
}
