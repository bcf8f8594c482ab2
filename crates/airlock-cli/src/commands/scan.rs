//! `airlock scan`: files and folders, the git index (`--staged`) or history (`--git`,
//! `--since REV`), reported as human text, JSON or SARIF.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::sync::Mutex;
use std::time::Duration;

use airlock_secrets::{Detector, DetectorConfig};
use airlock_types::Confidence;
use anyhow::Result;
use clap::Args;

use crate::commands::baseline::Baseline;
use crate::commands::ConfidenceArg;
use crate::context::Context;
use crate::git;
use crate::report::{self, Record, RecordBuilder};
use crate::walk::{self, Part, Progress, Skip};
use crate::{Format, GlobalArgs};

#[derive(Args)]
pub struct ScanArgs {
    /// Files and folders to scan (default: the working directory).
    pub paths: Vec<PathBuf>,
    /// Scan what is staged for commit (the git index), not the working tree.
    #[arg(long, conflicts_with_all = ["git", "since"])]
    pub staged: bool,
    /// Scan the whole git history: every line any commit added.
    #[arg(long)]
    pub git: bool,
    /// Scan the lines added by commits after REV (REV..HEAD).
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Print secrets in full instead of masked. They will be in your terminal and logs.
    #[arg(long)]
    pub show_secrets: bool,
    /// Report only findings at least this confident (default: medium; personal data asked
    /// for with --personal-data or the policy is reported from low, as every e-mail address,
    /// phone number and IP address is a low-confidence finding).
    #[arg(long, value_enum)]
    pub min_confidence: Option<ConfidenceArg>,
    /// Baseline of accepted findings (default: .airlock-baseline.json if present).
    #[arg(long)]
    pub baseline: Option<PathBuf>,
    /// Ignore any baseline file.
    #[arg(long)]
    pub no_baseline: bool,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// Only look for secrets and sensitive data: skip the insecure-code review.
    #[arg(long)]
    pub no_code: bool,
    /// Also report personal data (emails, phone numbers, cards, IBANs, national ids, IP
    /// addresses). Off by default: in source trees these are mostly test data, and
    /// `check`, `redact` and `classify` always look for them.
    #[arg(long)]
    pub personal_data: bool,
}

impl ScanArgs {
    pub fn for_baseline(paths: Vec<PathBuf>) -> ScanArgs {
        ScanArgs {
            paths,
            staged: false,
            git: false,
            since: None,
            format: Format::Json,
            show_secrets: false,
            min_confidence: None,
            baseline: None,
            no_baseline: true,
            no_progress: false,
            no_code: false,
            personal_data: false,
        }
    }
}

/// What a scan produced.
pub struct Outcome {
    pub records: Vec<Record>,
    pub files: u64,
    pub bytes: u64,
    pub suppressed: usize,
    pub skipped: Vec<(String, Skip)>,
    pub detector: Detector,
}

pub fn run(global: &GlobalArgs, args: ScanArgs) -> Result<ExitCode> {
    let outcome = collect(global, &args)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Human => {
            report::human::write(
                &mut out,
                &outcome.records,
                &report::human::Style::detect(global.no_color),
            )?;
            out.flush()?;
            summarize(&outcome);
        }
        Format::Json => report::json::write(
            &mut out,
            &outcome.records,
            report::json::Summary {
                files_scanned: outcome.files,
                bytes_scanned: outcome.bytes,
                findings: outcome.records.len(),
                suppressed_by_baseline: outcome.suppressed,
                skipped: outcome.skipped.len(),
            },
        )?,
        Format::Sarif => {
            let d = &outcome.detector;
            report::sarif::write(&mut out, &outcome.records, &|id| d.spec(id))?
        }
    }
    out.flush()?;
    Ok(if outcome.records.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn summarize(o: &Outcome) {
    for (path, why) in &o.skipped {
        if matches!(why, Skip::Unreadable(_) | Skip::TooLarge(_)) {
            eprintln!("airlock: warning: skipped {path}: {}", describe(why));
        }
    }
    let n = o.records.len();
    let mut msg = format!(
        "airlock: {} finding{} in {} file{} ({:.1} MB)",
        n,
        if n == 1 { "" } else { "s" },
        o.files,
        if o.files == 1 { "" } else { "s" },
        o.bytes as f64 / 1e6
    );
    if o.suppressed > 0 {
        msg.push_str(&format!(", {} accepted by the baseline", o.suppressed));
    }
    eprintln!("{msg}");
}

fn describe(s: &Skip) -> String {
    match s {
        Skip::Binary => "binary".into(),
        Skip::Minified => "minified".into(),
        Skip::TooLarge(n) => format!("{n} bytes, over the {} MiB limit", walk::MAX_FILE >> 20),
        Skip::Unreadable(e) => e.clone(),
    }
}

/// Runs the scan the arguments describe and gathers its records, filtered by confidence,
/// allowlists and baseline, sorted by path and position.
pub fn collect(global: &GlobalArgs, args: &ScanArgs) -> Result<Outcome> {
    let ctx = Context::load(global)?;
    let detector = ctx.detector(DetectorConfig {
        personal_data: args.personal_data,
        ..DetectorConfig::default()
    })?;
    let min: Confidence = args
        .min_confidence
        .map_or(Confidence::Medium, Confidence::from);
    // Personal data is only reported when asked for, and most of it (addresses, phone
    // numbers, IP addresses) is low confidence: the default floor would silently drop what
    // was asked. IP addresses are infrastructure findings, found on every scan; they follow
    // the personal-data floor only when --personal-data asks for them.
    let min_personal: Confidence = args
        .min_confidence
        .map_or(Confidence::Low, Confidence::from);
    let keep = |f: &airlock_types::Finding| {
        let asked = f.kind == airlock_types::Kind::PersonalData
            || (args.personal_data && f.kind == airlock_types::Kind::Infrastructure);
        f.confidence >= if asked { min_personal } else { min }
    };
    let box_of = |k| ctx.policy.box_for_kind(k);
    let builder = RecordBuilder {
        show_secrets: args.show_secrets,
        box_of: &box_of,
    };
    let root = ctx.root();
    let records: Mutex<Vec<Record>> = Mutex::new(Vec::new());
    let skipped: Mutex<Vec<(String, Skip)>> = Mutex::new(Vec::new());
    let progress = Progress::default();
    let allowed_path = |p: &Path| ctx.policy.is_path_allowed(&relative(p, &root));

    // Only when the code review runs: the analyzer's rules compile on first use, which
    // took about as long as a tenth of the secrets scan of the bench corpus.
    let analyzer = (!args.no_code).then(airlock_code::Analyzer::new);
    let scan_one =
        |path: &str, part: Part<'_>, line_map: &[usize], commit: Option<&git::CommitInfo>| {
            let content = part.content;
            let mut findings = detector.scan(content);
            findings.retain(keep);
            // Records are built from every finding of the piece, so that each line shown masks
            // all of them, and kept for the findings the piece owns (a window of a large file
            // shares its edges with the windows beside it).
            let owned = findings.iter().map(|f| part.owns_offset(f.span.start));
            let mut recs: Vec<Record> = builder
                .build(path, content, &findings, line_map, commit)
                .into_iter()
                .zip(owned)
                .filter_map(|(mut r, own)| {
                    r.line += part.line_offset;
                    r.end_line += part.line_offset;
                    own.then_some(r)
                })
                .collect();
            // The code review reads whole files only (and none above its own size limit).
            if let (Some(analyzer), true) = (&analyzer, part.whole) {
                recs.extend(review_file(
                    analyzer, path, content, min, line_map, commit, &findings,
                ));
            }
            if !recs.is_empty() {
                records.lock().expect("records lock").extend(recs);
            }
        };

    if args.staged || args.git || args.since.is_some() {
        let cwd = std::env::current_dir()?;
        let repo = git::toplevel(&cwd)?;
        let scan_blob = |b: &git::Blob| {
            if allowed_path(&repo.join(&b.path)) {
                return;
            }
            progress.files.fetch_add(1, Ordering::Relaxed);
            progress
                .bytes
                .fetch_add(b.content.len() as u64, Ordering::Relaxed);
            if !walk::is_binary(&b.content) {
                scan_one(
                    &b.path,
                    Part::whole(&b.content),
                    &b.line_map,
                    b.commit.as_ref(),
                );
            }
        };
        if args.staged {
            git::staged(&repo)?.iter().for_each(scan_blob);
        } else {
            let range = args.since.as_ref().map(|r| format!("{r}..HEAD"));
            git::history(&repo, range.as_deref(), |b| scan_blob(&b))?;
        }
    } else {
        let paths = if args.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            args.paths.clone()
        };
        for p in &paths {
            if std::fs::symlink_metadata(p).is_err() {
                anyhow::bail!("{}: no such file or directory", p.display());
            }
        }
        let bar = progress_bar(args.no_progress);
        let done = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|s| {
            if let Some(bar) = &bar {
                let (progress, done) = (&progress, &done);
                s.spawn(move || {
                    while !done.load(Ordering::Relaxed) {
                        bar.set_message(format!(
                            "{} files, {:.1} MB",
                            progress.files.load(Ordering::Relaxed),
                            progress.bytes.load(Ordering::Relaxed) as f64 / 1e6
                        ));
                        std::thread::sleep(Duration::from_millis(100));
                    }
                });
            }
            walk::walk_parts(
                &paths,
                &progress,
                |path, part| {
                    if !allowed_path(path) {
                        scan_one(&display(path), part, &[], None)
                    }
                },
                |path, why| {
                    skipped
                        .lock()
                        .expect("skipped lock")
                        .push((display(path), why))
                },
            );
            done.store(true, Ordering::Relaxed);
        });
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
    }

    let mut records = records.into_inner().expect("records lock");
    let suppressed = Baseline::apply(&mut records, args.baseline.as_deref(), args.no_baseline)?;
    records.sort_by(|a, b| {
        (
            &a.path,
            a.commit.as_ref().map(|c| &c.commit),
            a.line,
            a.column,
        )
            .cmp(&(
                &b.path,
                b.commit.as_ref().map(|c| &c.commit),
                b.line,
                b.column,
            ))
    });
    let mut skipped = skipped.into_inner().expect("skipped lock");
    skipped.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Outcome {
        records,
        files: progress.files.load(Ordering::Relaxed),
        bytes: progress.bytes.load(Ordering::Relaxed),
        suppressed,
        skipped,
        detector,
    })
}

/// The language of a code file: by its extension, else by its `#!` line.
pub fn code_language(path: &str, text: &str) -> Option<airlock_code::Language> {
    airlock_code::Language::from_path(Path::new(path)).or_else(|| {
        text.lines()
            .next()
            .and_then(airlock_code::Language::from_shebang)
    })
}

/// The insecure-code findings of one file, when its language is one the analyzer reads.
pub fn review_file(
    analyzer: &airlock_code::Analyzer,
    path: &str,
    content: &[u8],
    min: Confidence,
    line_map: &[usize],
    commit: Option<&git::CommitInfo>,
    secrets: &[airlock_types::Finding],
) -> Vec<Record> {
    let Ok(text) = std::str::from_utf8(content) else {
        return Vec::new();
    };
    let Some(lang) = code_language(path, text) else {
        return Vec::new();
    };
    analyzer
        .analyze(text, lang)
        .iter()
        .filter(|f| f.confidence >= min)
        .map(|f| {
            let cwes: Vec<u32> = analyzer
                .rule(&f.rule_id)
                .map(|r| {
                    std::iter::once(r.spec.cwe)
                        .chain(r.spec.also_cwe.iter().copied())
                        .collect()
                })
                .unwrap_or_else(|| vec![f.cwe]);
            let mut r = Record::from_code(path, text, lang, f, &cwes, secrets);
            if !line_map.is_empty() {
                r.line = line_map.get(r.line - 1).copied().unwrap_or(r.line);
                r.end_line = line_map.get(r.end_line - 1).copied().unwrap_or(r.end_line);
            }
            r.commit = commit.cloned();
            r
        })
        .collect()
}

fn progress_bar(disabled: bool) -> Option<indicatif::ProgressBar> {
    if disabled || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} scanning: {msg} ({elapsed})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    Some(bar)
}

fn display(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

/// `path` relative to the policy's root, with `/` separators, for glob matching.
pub fn relative(p: &Path, root: &Path) -> String {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|c| c.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let rel = abs.strip_prefix(root).unwrap_or(&abs);
    let s = rel.to_string_lossy().replace('\\', "/");
    s.trim_start_matches("./").to_string()
}
