//! `airlock classify`: the three-box view of a tree — each file's box and why, from path
//! rules and content findings.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;

use airlock_secrets::DetectorConfig;
use airlock_types::{BoxLevel, Finding};
use anyhow::Result;
use clap::{Args, ValueEnum};
use serde_json::json;

use crate::commands::scan::relative;
use crate::context::Context;
use crate::walk::{self, Progress, Skip};
use crate::GlobalArgs;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ClassifyFormat {
    Tree,
    Json,
}

#[derive(Args)]
pub struct ClassifyArgs {
    /// The tree (or file) to classify.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    #[arg(long, value_enum, default_value = "tree")]
    pub format: ClassifyFormat,
}

struct Entry {
    box_level: BoxLevel,
    reasons: Vec<String>,
}

pub fn run(global: &GlobalArgs, args: ClassifyArgs) -> Result<ExitCode> {
    let ctx = Context::load(global)?;
    if std::fs::symlink_metadata(&args.path).is_err() {
        anyhow::bail!("{}: no such file or directory", args.path.display());
    }
    let detector = ctx.detector(DetectorConfig::default())?;
    let root = ctx.root();
    // Each file's findings, gathered window by window for a large file (each window keeps
    // the findings it owns), then classified once.
    let found: Mutex<BTreeMap<String, (String, Vec<Finding>)>> = Mutex::new(BTreeMap::new());
    // A file that could not be read cannot be judged, so it is put in box 3 (fail closed).
    let unread: Mutex<BTreeMap<String, String>> = Mutex::new(BTreeMap::new());
    let progress = Progress::default();
    let shown = |path: &Path| path.to_string_lossy().trim_start_matches("./").to_string();
    walk::walk_parts(
        std::slice::from_ref(&args.path),
        &progress,
        |path, part| {
            let mut findings = detector.scan(part.content);
            findings.retain(|f| part.owns_offset(f.span.start));
            let mut found = found.lock().expect("lock");
            let slot = found
                .entry(shown(path))
                .or_insert_with(|| (relative(path, &root), Vec::new()));
            slot.1.extend(findings);
        },
        |path, why| {
            if let Skip::Unreadable(e) = why {
                unread.lock().expect("lock").insert(shown(path), e);
            }
        },
    );
    let mut entries: BTreeMap<String, Entry> = found
        .into_inner()
        .expect("lock")
        .into_iter()
        .map(|(shown, (rel, findings))| {
            let v = ctx.policy.classify(Some(&rel), &findings);
            let entry = Entry {
                box_level: v.box_level,
                reasons: v.reasons.iter().map(|r| r.to_string()).collect(),
            };
            (shown, entry)
        })
        .collect();
    for (shown, e) in unread.into_inner().expect("lock") {
        eprintln!("airlock: warning: cannot read {shown}: {e}; counted as box 3");
        entries.insert(
            shown,
            Entry {
                box_level: BoxLevel::Never,
                reasons: vec![format!("could not be read ({e}), so it cannot be judged")],
            },
        );
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        ClassifyFormat::Json => {
            let files: Vec<_> = entries
                .iter()
                .map(|(p, e)| json!({"path": p, "box": e.box_level, "label": e.box_level.label(), "reasons": e.reasons}))
                .collect();
            let counts = |b: BoxLevel| entries.values().filter(|e| e.box_level == b).count();
            serde_json::to_writer_pretty(
                &mut out,
                &json!({
                    "files": files,
                    "summary": {"box1": counts(BoxLevel::Safe), "box2": counts(BoxLevel::Caution), "box3": counts(BoxLevel::Never)},
                }),
            )?;
            writeln!(out)?;
        }
        ClassifyFormat::Tree => write_tree(&mut out, &entries)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_tree(out: &mut dyn Write, entries: &BTreeMap<String, Entry>) -> Result<()> {
    let mut printed_dirs: Vec<String> = Vec::new();
    for (path, e) in entries {
        let parts: Vec<&str> = path.split('/').collect();
        for depth in 0..parts.len() - 1 {
            let dir = parts[..=depth].join("/");
            if !printed_dirs.contains(&dir) {
                writeln!(out, "{}{}/", "  ".repeat(depth), parts[depth])?;
                printed_dirs.push(dir);
            }
        }
        let depth = parts.len() - 1;
        let why = if e.reasons.is_empty() {
            String::new()
        } else {
            format!("  ({})", e.reasons.join("; "))
        };
        writeln!(
            out,
            "{}[{}] {}{}",
            "  ".repeat(depth),
            e.box_level.number(),
            parts[depth],
            why
        )?;
    }
    let count = |b: BoxLevel| entries.values().filter(|e| e.box_level == b).count();
    writeln!(
        out,
        "\n{} file{}: {} in box 1 (safe to share), {} in box 2 (share with caution), {} in box 3 (never share)",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" },
        count(BoxLevel::Safe),
        count(BoxLevel::Caution),
        count(BoxLevel::Never)
    )?;
    Ok(())
}
