//! Path and model globs: gitignore-like path matching, and "provider/model" matching.

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};

/// What path globs accept, for error messages.
pub(crate) const PATH_GLOB_HELP: &str = "globs are relative to the directory of airlock.toml: \
`*` matches within a directory, `**` across directories, `?` one character, `[abc]` a set, \
`{a,b}` alternatives; e.g. `src/auth/**` or `*.pem`";

/// What model globs accept, for error messages.
pub(crate) const MODEL_GLOB_HELP: &str =
    "model globs match \"provider/model\", e.g. `openai/gpt-4.1*`, `anthropic/*`, or `*` for any model";

/// Compiles one path glob the way .gitignore reads it: a glob without `/` matches at any
/// depth, a leading `/` anchors it at the root, and a glob also covers everything inside
/// a directory it matches.
pub(crate) fn path_globs(glob: &str) -> Result<Vec<Glob>, String> {
    let g = glob.trim();
    let g = g.strip_prefix("./").unwrap_or(g);
    let anchored = g.starts_with('/');
    let g = g.trim_start_matches('/').trim_end_matches('/');
    if g.is_empty() {
        return Err("empty glob".into());
    }
    let g = if anchored || g.contains('/') {
        g.to_string()
    } else {
        format!("**/{g}")
    };
    let mut forms = vec![g.clone()];
    if !g.ends_with("/**") {
        forms.push(format!("{g}/**"));
    }
    forms
        .iter()
        .map(|f| {
            GlobBuilder::new(f)
                .literal_separator(true)
                .backslash_escape(true)
                .build()
                .map_err(|e| e.kind().to_string())
        })
        .collect()
}

/// Compiles one model glob, matched without regard to case.
pub(crate) fn model_glob(glob: &str) -> Result<Glob, String> {
    if glob.trim().is_empty() {
        return Err("empty glob".into());
    }
    GlobBuilder::new(glob.trim())
        .case_insensitive(true)
        .build()
        .map_err(|e| e.kind().to_string())
}

/// Paths as globs see them: forward slashes, no leading `./` or `/`.
pub(crate) fn normalize_path(rel_path: &str) -> String {
    let p = rel_path.replace('\\', "/");
    let mut s = p.as_str();
    loop {
        if let Some(rest) = s.strip_prefix("./") {
            s = rest;
        } else if let Some(rest) = s.strip_prefix('/') {
            s = rest;
        } else {
            break;
        }
    }
    s.to_string()
}

/// A set of globs, each owned by one rule; tells which rules match a path.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    set: GlobSet,
    owners: Vec<usize>,
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher {
            set: GlobSet::empty(),
            owners: Vec::new(),
        }
    }
}

impl Matcher {
    /// One matcher over `rules`, each a list of path globs.
    pub(crate) fn paths<'a>(
        rules: impl IntoIterator<Item = impl IntoIterator<Item = &'a str>>,
    ) -> Result<Matcher, String> {
        let mut builder = GlobSetBuilder::new();
        let mut owners = Vec::new();
        for (i, globs) in rules.into_iter().enumerate() {
            for g in globs {
                for glob in path_globs(g).map_err(|e| format!("`{g}`: {e}"))? {
                    builder.add(glob);
                    owners.push(i);
                }
            }
        }
        Ok(Matcher {
            set: builder.build().map_err(|e| e.to_string())?,
            owners,
        })
    }

    /// One matcher over model globs.
    pub(crate) fn models<'a>(globs: impl IntoIterator<Item = &'a str>) -> Result<Matcher, String> {
        let mut builder = GlobSetBuilder::new();
        let mut owners = Vec::new();
        for (i, g) in globs.into_iter().enumerate() {
            builder.add(model_glob(g).map_err(|e| format!("`{g}`: {e}"))?);
            owners.push(i);
        }
        Ok(Matcher {
            set: builder.build().map_err(|e| e.to_string())?,
            owners,
        })
    }

    /// The rules with a glob matching `candidate`, in order, each once.
    pub(crate) fn matching(&self, candidate: &str) -> Vec<usize> {
        let mut rules: Vec<usize> = self
            .set
            .matches(candidate)
            .into_iter()
            .map(|g| self.owners[g])
            .collect();
        rules.sort_unstable();
        rules.dedup();
        rules
    }

    pub(crate) fn is_match(&self, candidate: &str) -> bool {
        self.set.is_match(candidate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(glob: &str) -> Matcher {
        Matcher::paths([[glob]]).unwrap()
    }

    #[test]
    fn globs_read_like_gitignore() {
        assert!(m("*.pem").is_match("a/b/server.pem"));
        assert!(m("*.pem").is_match("server.pem"));
        assert!(!m("*.pem").is_match("server.pem.txt"));
        assert!(m("src/auth/**").is_match("src/auth/login/token.rs"));
        assert!(!m("src/auth/**").is_match("lib/src/auth/x.rs"));
        assert!(m("src/*.rs").is_match("src/main.rs"));
        assert!(!m("src/*.rs").is_match("src/a/main.rs"));
        assert!(m("migrations").is_match("db/migrations/001.sql"));
        assert!(m("/secrets/").is_match("secrets/prod.yaml"));
        assert!(!m("/secrets/").is_match("app/secrets/prod.yaml"));
        assert!(m("id_{rsa,ed25519}").is_match("home/.ssh/id_ed25519"));
    }

    #[test]
    fn paths_are_normalized() {
        assert_eq!(normalize_path("./src/a.rs"), "src/a.rs");
        assert_eq!(normalize_path("src\\auth\\a.rs"), "src/auth/a.rs");
        assert_eq!(normalize_path("/x"), "x");
    }

    #[test]
    fn bad_globs_are_refused() {
        assert!(path_globs("src/[a").is_err());
        assert!(path_globs("  ").is_err());
        assert!(model_glob("openai/{gpt").is_err());
    }

    #[test]
    fn model_globs_ignore_case_and_cross_slashes() {
        let m = Matcher::models(["openai/gpt-4.1*", "*"]).unwrap();
        assert_eq!(m.matching("OpenAI/gpt-4.1-mini"), vec![0, 1]);
        assert_eq!(m.matching("ollama/llama3"), vec![1]);
    }
}
