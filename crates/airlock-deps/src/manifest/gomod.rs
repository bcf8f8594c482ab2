//! go.mod: the modules named in `require` directives (single-line and blocks). Modules replaced
//! by a local directory are skipped.

use std::collections::HashSet;

use super::{Ctx, ManifestError};

const VERBS: [&str; 10] = [
    "module",
    "go",
    "toolchain",
    "godebug",
    "require",
    "exclude",
    "replace",
    "retract",
    "tool",
    "ignore",
];

/// A token and its byte offset within the file.
type Tok<'a> = (usize, &'a str);

fn tokens(line: &str, base: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            c if c.is_ascii_whitespace() => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => break,
            q @ (b'"' | b'`') => {
                let end = line[i + 1..].find(q as char).map_or(b.len(), |e| i + 1 + e);
                out.push((base + i + 1, &line[i + 1..end]));
                i = end + 1;
            }
            _ => {
                let start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
                        break;
                    }
                    i += 1;
                }
                out.push((base + start, &line[start..i]));
            }
        }
    }
    out
}

fn is_local_path(p: &str) -> bool {
    p.starts_with("./")
        || p.starts_with("../")
        || p.starts_with('/')
        || p == "."
        || p == ".."
        || p.get(1..3) == Some(":\\")
}

pub(super) fn parse(ctx: &mut Ctx) -> Result<(), ManifestError> {
    let mut requires: Vec<(usize, String, Option<String>)> = Vec::new();
    let mut local: HashSet<String> = HashSet::new();
    let mut block: Option<(&str, usize)> = None;
    let mut offset = 0;
    let content = ctx.content;
    for raw in content.split_inclusive('\n') {
        let base = offset;
        offset += raw.len();
        let toks = tokens(raw.trim_end_matches(['\n', '\r']), base);
        if toks.is_empty() {
            continue;
        }
        let args: &[Tok] = if let Some((verb, _)) = block {
            if toks[0].1 == ")" {
                block = None;
                continue;
            }
            directive_args(ctx, verb, &toks, &mut requires, &mut local)?;
            continue;
        } else {
            &toks[1..]
        };
        let (verb_at, verb) = toks[0];
        if !VERBS.contains(&verb) {
            return Err(ctx.error_at(verb_at, format!("unknown go.mod directive `{verb}`")));
        }
        if args.len() == 1 && args[0].1 == "(" {
            block = Some((verb, verb_at));
            continue;
        }
        if args.is_empty() {
            return Err(ctx.error_at(verb_at, format!("`{verb}` needs arguments")));
        }
        if verb == "module" {
            ctx.out.own_name = Some(args[0].1.to_string());
        }
        directive_args(ctx, verb, args, &mut requires, &mut local)?;
    }
    if let Some((verb, at)) = block {
        return Err(ctx.error_at(at, format!("`{verb} (` block is never closed with `)`")));
    }
    for (at, path, version) in requires {
        if local.contains(&path) {
            ctx.skip_at(at, Some(&path), "replaced by a local directory");
        } else {
            ctx.push_at(at, &path, version);
        }
    }
    Ok(())
}

fn directive_args(
    ctx: &Ctx,
    verb: &str,
    args: &[Tok],
    requires: &mut Vec<(usize, String, Option<String>)>,
    local: &mut HashSet<String>,
) -> Result<(), ManifestError> {
    match verb {
        "require" => {
            if args.len() != 2 {
                return Err(ctx.error_at(
                    args[0].0,
                    "a requirement is `module/path vX.Y.Z`".to_string(),
                ));
            }
            requires.push((
                args[0].0,
                args[0].1.to_string(),
                Some(args[1].1.to_string()),
            ));
        }
        "replace" => {
            let Some(arrow) = args.iter().position(|t| t.1 == "=>") else {
                return Err(ctx.error_at(
                    args[0].0,
                    "a replacement is `old [version] => new [version]`",
                ));
            };
            if let Some(new) = args.get(arrow + 1) {
                if is_local_path(new.1) {
                    local.insert(args[0].1.to_string());
                }
            } else {
                return Err(ctx.error_at(args[arrow].0, "nothing after `=>` in replace"));
            }
        }
        _ => {}
    }
    Ok(())
}
