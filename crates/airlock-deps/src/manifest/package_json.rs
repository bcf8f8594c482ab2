//! package.json: `dependencies`, `devDependencies`, `peerDependencies`, `optionalDependencies`.

use super::json::{self, Json};
use super::{Ctx, ManifestError};

const SECTIONS: [&str; 4] = [
    "dependencies",
    "devDependencies",
    "peerDependencies",
    "optionalDependencies",
];

pub(super) fn parse(ctx: &mut Ctx) -> Result<(), ManifestError> {
    let doc = json::parse(ctx.content)
        .map_err(|(at, msg)| ctx.error_at(at, format!("invalid JSON: {msg}")))?;
    let Json::Object(top) = doc.value else {
        return Err(ctx.error_at(doc.offset, "package.json must be a JSON object"));
    };
    for (key, value) in &top {
        if key.value == "name" {
            if let Json::String(n) = &value.value {
                ctx.out.own_name = Some(n.clone());
            }
        }
        if !SECTIONS.contains(&key.value.as_str()) {
            continue;
        }
        let Json::Object(deps) = &value.value else {
            return Err(ctx.error_at(
                value.offset,
                format!("\"{}\" must be an object of name -> version", key.value),
            ));
        };
        for (name, spec) in deps {
            let Json::String(spec_s) = &spec.value else {
                return Err(ctx.error_at(
                    spec.offset,
                    format!("the version of \"{}\" must be a string", name.value),
                ));
            };
            // The name starts one byte after the opening quote.
            let at = name.offset + 1;
            match classify(&name.value, spec_s) {
                Spec::Registry(real, version) => ctx.push_at(at, &real, Some(version)),
                Spec::NotRegistry(reason) => ctx.skip_at(at, Some(&name.value), reason),
            }
        }
    }
    Ok(())
}

enum Spec {
    /// From the registry: the real package name and the version range.
    Registry(String, String),
    NotRegistry(&'static str),
}

fn classify(name: &str, spec: &str) -> Spec {
    let s = spec.trim();
    if let Some(alias) = s.strip_prefix("npm:") {
        // npm:real-name@range, npm:@scope/real@range
        if alias.trim().is_empty() {
            return Spec::NotRegistry("empty npm: alias");
        }
        let (real, version) = match alias.get(1..).and_then(|rest| rest.find('@')) {
            Some(i) => (&alias[..i + 1], &alias[i + 2..]),
            None => (alias, ""),
        };
        return Spec::Registry(real.to_string(), version.to_string());
    }
    let lower = s.to_ascii_lowercase();
    for (prefix, reason) in [
        ("file:", "local path (file:)"),
        ("link:", "local link (link:)"),
        ("workspace:", "workspace package (workspace:)"),
        ("portal:", "local portal (portal:)"),
        ("patch:", "patched package (patch:)"),
        ("git+", "git URL"),
        ("git:", "git URL"),
        ("github:", "GitHub shorthand"),
        ("gitlab:", "GitLab shorthand"),
        ("bitbucket:", "Bitbucket shorthand"),
        ("gist:", "gist"),
        ("http:", "tarball URL"),
        ("https:", "tarball URL"),
        ("jsr:", "JSR package, not npm"),
    ] {
        if lower.starts_with(prefix) {
            return Spec::NotRegistry(reason);
        }
    }
    if s.starts_with('.') || s.starts_with('/') || s.starts_with("~/") {
        return Spec::NotRegistry("local path");
    }
    // `user/repo` (optionally `#ref`) is GitHub shorthand; version ranges never contain '/'.
    if s.contains('/') {
        return Spec::NotRegistry("GitHub shorthand");
    }
    Spec::Registry(name.to_string(), s.to_string())
}
