//! `airlock review`: the security review of AI-written code. Files and folders, the code a
//! git change adds (`--diff REV`, `--staged`), or a snippet on stdin (`--lang`); the same
//! report formats as `scan`; a baseline and inline suppressions with a reason.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use airlock_code::{Analyzer, Language};
use airlock_types::{Confidence, Finding, Kind};
use anyhow::{bail, Context as _, Result};
use clap::Args;

use crate::commands::baseline::Baseline;
use crate::commands::scan::review_file;
use crate::commands::ConfidenceArg;
use crate::report::{self, CodeInfo, Record};
use crate::{Format, GlobalArgs};

#[derive(Args)]
pub struct ReviewArgs {
    /// Files and folders to review, or `-` for a snippet on stdin (default: the working
    /// directory).
    pub paths: Vec<PathBuf>,
    /// Review only the lines added since REV (`git diff REV`), in the working tree.
    #[arg(long, value_name = "REV", conflicts_with = "staged")]
    pub diff: Option<String>,
    /// Review only the lines staged for commit.
    #[arg(long)]
    pub staged: bool,
    /// The language of a snippet on stdin (python, js, ts, java, go, php, ruby, csharp, c,
    /// cpp, rust, kotlin, shell); guessed when left out.
    #[arg(long)]
    pub lang: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Report only findings at least this confident.
    #[arg(long, value_enum, default_value = "medium")]
    pub min_confidence: ConfidenceArg,
    /// Baseline of accepted findings (default: .airlock-baseline.json if present).
    #[arg(long)]
    pub baseline: Option<PathBuf>,
    /// Ignore any baseline file.
    #[arg(long)]
    pub no_baseline: bool,
    /// Check dependencies and imports against the package registries' local cache only
    /// (also `AIRLOCK_OFFLINE=1`).
    #[arg(long)]
    pub offline: bool,
    /// Skip the dependency and import checks.
    #[arg(long)]
    pub no_deps: bool,
}

pub fn run(global: &GlobalArgs, args: ReviewArgs) -> Result<ExitCode> {
    let analyzer = Analyzer::new();
    // Secrets found in the reviewed code are masked in what is printed.
    let ctx = crate::context::Context::load(global)?;
    let detector = ctx.detector(airlock_secrets::DetectorConfig::default())?;
    let min: Confidence = args.min_confidence.into();
    let box_of = |k| ctx.policy.box_for_kind(k);
    let builder = report::RecordBuilder {
        show_secrets: false,
        box_of: &box_of,
    };
    let root = ctx.root();
    // One file: the code rules, and the hard-coded credentials the secrets engine finds
    // in a code file where no code rule saw them.
    let review_one = |path: &str, content: &[u8]| {
        let secrets = detector.scan(content);
        let mut recs = review_file(&analyzer, path, content, min, &[], None, &secrets);
        let allowed = || {
            ctx.policy
                .is_path_allowed(&crate::commands::scan::relative(Path::new(path), &root))
        };
        let code = std::str::from_utf8(content)
            .ok()
            .and_then(|t| crate::commands::scan::code_language(path, t));
        if code.is_some() && !allowed() {
            let creds = credential_records(&builder, path, content, &secrets, min, &recs);
            recs.extend(creds);
        }
        recs
    };
    // Every file the review looked at, for the policy's `[[review]]` rules.
    let mut reviewed: Vec<String> = Vec::new();
    let mut records = Vec::new();
    let mut deps = Vec::new();
    let stdin = args.paths.len() == 1 && args.paths[0] == Path::new("-");
    if stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading stdin")?;
        let text = String::from_utf8(buf).map_err(|e| {
            anyhow::anyhow!(
                "stdin is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            )
        })?;
        let lang = match &args.lang {
            Some(l) => Language::from_name(l).with_context(|| format!("unknown language `{l}`; try python, js, ts, java, go, php, ruby, csharp, c, cpp, rust, kotlin or shell"))?,
            None => Language::infer(&text).context("cannot tell the snippet's language; pass --lang")?,
        };
        let secrets = detector.scan(text.as_bytes());
        for f in analyzer
            .analyze(&text, lang)
            .iter()
            .filter(|f| f.confidence >= min)
        {
            records.push(Record::from_code(
                "<stdin>",
                &text,
                lang,
                f,
                &cwes(&analyzer, &f.rule_id, f.cwe),
                &secrets,
            ));
        }
        let creds = credential_records(
            &builder,
            "<stdin>",
            text.as_bytes(),
            &secrets,
            min,
            &records,
        );
        records.extend(creds);
    } else if args.staged || args.diff.is_some() {
        let cwd = std::env::current_dir()?;
        let repo = crate::git::toplevel(&cwd)?;
        for (path, added) in added_lines(&repo, args.diff.as_deref())? {
            let content = if args.staged {
                git_show(&repo, &format!(":{path}"))?
            } else {
                match std::fs::read(repo.join(&path)) {
                    Ok(c) => c,
                    Err(_) => continue, // deleted since
                }
            };
            let mut recs = review_one(&path, &content);
            recs.retain(|r| added.contains(&r.line));
            records.extend(recs);
            reviewed.push(path.clone());
            if !args.no_deps {
                deps.extend(
                    dependencies(&path, &content)
                        .into_iter()
                        .filter(|d| added.contains(&(d.line as usize))),
                );
            }
        }
    } else {
        let paths = if args.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            args.paths.clone()
        };
        for p in &paths {
            if std::fs::symlink_metadata(p).is_err() {
                bail!("{}: no such file or directory", p.display());
            }
        }
        let progress = crate::walk::Progress::default();
        let found = std::sync::Mutex::new((Vec::new(), Vec::new(), Vec::new()));
        crate::walk::walk(
            &paths,
            &progress,
            |path, content| {
                let shown = path.to_string_lossy();
                let shown = shown.strip_prefix("./").unwrap_or(&shown).to_string();
                let recs = review_one(&shown, content);
                let ds = if args.no_deps {
                    Vec::new()
                } else {
                    dependencies(&shown, content)
                };
                let mut g = found.lock().expect("review lock");
                g.0.extend(recs);
                g.1.extend(ds);
                g.2.push(shown);
            },
            |_, _| {},
        );
        let (r, d, seen) = found.into_inner().expect("review lock");
        records = r;
        deps = d;
        reviewed = seen;
    }
    if !deps.is_empty() {
        records.extend(check_dependencies(deps, args.offline, min));
    }
    let suppressed = Baseline::apply(&mut records, args.baseline.as_deref(), args.no_baseline)?;
    records.sort_by(|a, b| {
        (&a.path, a.line, a.column, &a.rule).cmp(&(&b.path, b.line, b.column, &b.rule))
    });
    let reviews = required_reviews(&ctx.policy, &reviewed, &records);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Human => {
            report::human::write(
                &mut out,
                &records,
                &report::human::Style::detect(global.no_color),
            )?;
            out.flush()?;
            let n = records.len();
            let mut msg = format!(
                "airlock: {n} finding{} in the reviewed code",
                if n == 1 { "" } else { "s" }
            );
            if suppressed > 0 {
                msg.push_str(&format!(", {suppressed} accepted by the baseline"));
            }
            eprintln!("{msg}");
        }
        Format::Json => report::json::write(
            &mut out,
            &records,
            report::json::Summary {
                files_scanned: 0,
                bytes_scanned: 0,
                findings: records.len(),
                suppressed_by_baseline: suppressed,
                skipped: 0,
            },
        )?,
        Format::Sarif => report::sarif::write(&mut out, &records, &|_| None)?,
    }
    out.flush()?;
    for r in &reviews {
        eprintln!(
            "airlock: review required by {} ({}): {}",
            r.reviewers.join(", "),
            r.why,
            r.paths.join(", ")
        );
    }
    Ok(if records.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The hard-coded credentials among the secrets engine's findings in reviewed code
/// (provider keys, passwords, connection strings, private keys: not personal data or
/// infrastructure detail), masked as `scan` shows them, except on lines where a code rule
/// already reported a hard-coded credential.
fn credential_records(
    builder: &report::RecordBuilder,
    path: &str,
    content: &[u8],
    secrets: &[Finding],
    min: Confidence,
    code: &[Record],
) -> Vec<Record> {
    let wanted: Vec<Finding> = secrets
        .iter()
        .filter(|f| {
            f.confidence >= min
                && matches!(
                    f.kind,
                    Kind::Credential | Kind::PrivateKey | Kind::Password | Kind::ConnectionString
                )
        })
        .cloned()
        .collect();
    let mut recs = builder.build(path, content, &wanted, &[], None);
    recs.retain(|r| {
        !code
            .iter()
            .any(|c| c.rule == "hardcoded-credential" && c.line == r.line)
    });
    recs
}

fn cwes(analyzer: &Analyzer, rule: &str, first: u32) -> Vec<u32> {
    analyzer
        .rule(rule)
        .map(|r| {
            std::iter::once(r.spec.cwe)
                .chain(r.spec.also_cwe.iter().copied())
                .collect()
        })
        .unwrap_or_else(|| vec![first])
}

/// Files changed by `git diff [--cached | REV]` with the line numbers each change adds.
fn added_lines(repo: &Path, rev: Option<&str>) -> Result<BTreeMap<String, HashSet<usize>>> {
    let mut cmd = std::process::Command::new("git");
    cmd.current_dir(repo).args([
        "diff",
        "--unified=0",
        "--no-color",
        "--no-ext-diff",
        "--diff-filter=AM",
    ]);
    match rev {
        Some(r) => {
            cmd.arg(r);
        }
        None => {
            cmd.arg("--cached");
        }
    }
    let out = cmd.output().context("running git diff")?;
    if !out.status.success() {
        bail!(
            "git diff failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let mut files: BTreeMap<String, HashSet<usize>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        if let Some(p) = line.strip_prefix("+++ b/") {
            current = Some(p.to_string());
        } else if line.starts_with("+++ ") {
            current = None;
        } else if let Some(h) = line.strip_prefix("@@ ") {
            // @@ -a,b +c,d @@
            let Some(plus) = h.split_whitespace().find(|w| w.starts_with('+')) else {
                continue;
            };
            let mut it = plus[1..].split(',');
            let start: usize = it.next().and_then(|s| s.parse().ok()).unwrap_or(0);
            let count: usize = it.next().and_then(|s| s.parse().ok()).unwrap_or(1);
            if let Some(f) = &current {
                files
                    .entry(f.clone())
                    .or_default()
                    .extend(start..start + count);
            }
        }
    }
    Ok(files)
}

fn git_show(repo: &Path, object: &str) -> Result<Vec<u8>> {
    let out = std::process::Command::new("git")
        .current_dir(repo)
        .args(["show", object])
        .output()
        .context("running git show")?;
    if !out.status.success() {
        bail!(
            "git show {object} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(out.stdout)
}

/// Dependencies declared in a manifest, or imported by a source file.
fn dependencies(path: &str, content: &[u8]) -> Vec<airlock_deps::Dependency> {
    let Ok(text) = std::str::from_utf8(content) else {
        return Vec::new();
    };
    match airlock_deps::parse_manifest(Path::new(path), text) {
        Ok(Some(deps)) => return deps,
        Ok(None) => {}
        Err(e) => {
            eprintln!("airlock: warning: {e}");
            return Vec::new();
        }
    }
    let Some(lang) = crate::commands::scan::code_language(path, text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        for (module, col) in imports(lang, line) {
            if let Some(d) = airlock_deps::Dependency::from_import(
                lang.name(),
                &module,
                Path::new(path),
                i as u32 + 1,
                col as u32 + 1,
            ) {
                out.push(d);
            }
        }
    }
    out
}

/// The modules a line imports, with their columns.
fn imports(lang: Language, line: &str) -> Vec<(String, usize)> {
    use std::sync::LazyLock;
    static PY: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^\s*(?:from\s+([A-Za-z_][\w.]*)\s+import\b|import\s+([A-Za-z_][\w.]*))")
            .expect("py import")
    });
    static JS: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"(?:\brequire\(\s*|\bfrom\s+|^\s*import\s+)['"]([^'"./][^'"]*)['"]"#)
            .expect("js import")
    });
    static RB: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"^\s*require\s+['"]([^'"./][^'"]*)['"]"#).expect("rb import")
    });
    static GO: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"^\s*(?:import\s+)?(?:[\w.]+\s+)?"([a-z0-9.-]+\.[a-z]{2,}/[^"]+)"\s*$"#)
            .expect("go import")
    });
    let re = match lang {
        Language::Python => &*PY,
        Language::JavaScript | Language::TypeScript | Language::Tsx => &*JS,
        Language::Ruby => &*RB,
        Language::Go => &*GO,
        _ => return Vec::new(),
    };
    re.captures_iter(line)
        .filter_map(|c| {
            c.iter()
                .skip(1)
                .flatten()
                .next()
                .map(|m| (m.as_str().to_string(), m.start()))
        })
        .collect()
}

/// Registry and typosquat findings for the dependencies, as records.
fn check_dependencies(
    deps: Vec<airlock_deps::Dependency>,
    offline: bool,
    min: Confidence,
) -> Vec<Record> {
    // Names that exist as files or folders next to the code are the project's own modules.
    let mut local: BTreeSet<String> = BTreeSet::new();
    // Each folder is listed once, however many dependencies it holds.
    let dirs: BTreeSet<&Path> = deps
        .iter()
        .filter_map(|d| d.file.parent())
        .map(|dir| {
            if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            }
        })
        .collect();
    for dir in dirs {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let n = e.file_name().to_string_lossy().to_string();
            local.insert(n.split('.').next().unwrap_or(&n).to_string());
        }
    }
    let deps: Vec<_> = deps
        .into_iter()
        .filter(|d| !(matches!(d.source, airlock_deps::Source::Import) && local.contains(&d.name)))
        .collect();
    let mut cfg = airlock_deps::CheckerConfig::from_env();
    cfg.offline |= offline;
    let checker = airlock_deps::Checker::new(cfg);
    checker
        .check(&deps)
        .into_iter()
        .filter(|f| f.confidence >= min)
        .map(|f| {
            let file = f.file.to_string_lossy().to_string();
            let fingerprint = airlock_types::fingerprint(
                format!("{}\n{}\n{}", f.rule, f.ecosystem.as_str(), f.package).as_bytes(),
            );
            Record {
                path: file,
                line: f.line as usize,
                column: f.column as usize,
                end_line: f.line as usize,
                end_column: f.column as usize + f.package.len(),
                rule: f.rule.as_str().to_string(),
                title: f.rule.title().to_string(),
                kind: None,
                severity: f.severity,
                confidence: f.confidence,
                box_level: None,
                secret: None,
                fingerprint,
                code: Some(CodeInfo {
                    cwe: vec![f.cwe.to_string()],
                    language: f.ecosystem.as_str(),
                    message: f.message,
                    fix: f.fix,
                }),
                line_text: String::new(),
                commit: None,
            }
        })
        .collect()
}

/// A `[[review]]` rule of the policy that applies to what was reviewed.
struct RequiredReview {
    reviewers: Vec<String>,
    why: String,
    paths: Vec<String>,
}

/// The policy's `[[review]]` rules that the reviewed files trigger: a rule without
/// `min_severity` applies to every file under its paths, one with it only to files with a
/// finding at least that severe.
fn required_reviews(
    policy: &airlock_policy::Policy,
    reviewed: &[String],
    records: &[Record],
) -> Vec<RequiredReview> {
    let mut out: Vec<RequiredReview> = Vec::new();
    let mut files: Vec<&str> = reviewed.iter().map(String::as_str).collect();
    files.extend(records.iter().map(|r| r.path.as_str()));
    files.sort_unstable();
    files.dedup();
    for path in files {
        let rel = path.strip_prefix("./").unwrap_or(path);
        for rule in policy.review_rules_for_path(rel) {
            let applies = match rule.min_severity {
                None => true,
                Some(min) => records.iter().any(|r| r.path == path && r.severity >= min),
            };
            if !applies {
                continue;
            }
            let why = match rule.min_severity {
                None => format!("changes under {}", rule.paths.join(", ")),
                Some(min) => format!("{} findings under {}", min.as_str(), rule.paths.join(", ")),
            };
            match out
                .iter_mut()
                .find(|r| r.reviewers == rule.reviewers && r.why == why)
            {
                Some(r) => r.paths.push(rel.to_string()),
                None => out.push(RequiredReview {
                    reviewers: rule.reviewers.clone(),
                    why,
                    paths: vec![rel.to_string()],
                }),
            }
        }
    }
    out
}
