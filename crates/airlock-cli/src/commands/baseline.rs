//! `airlock baseline`: record today's findings so that only new ones are reported.
//!
//! A baseline entry is keyed by a fingerprint of the secret's value and the rule, not by
//! its line, so it survives edits, moves and merges. The file holds no secret.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::Args;
use serde::{Deserialize, Serialize};

use crate::commands::scan::{collect, ScanArgs};
use crate::GlobalArgs;

/// The default baseline file name, looked for in the working directory.
pub const DEFAULT_FILE: &str = ".airlock-baseline.json";

#[derive(Args)]
pub struct BaselineArgs {
    /// Files and folders to scan (default: the working directory).
    pub paths: Vec<PathBuf>,
    /// Where to write the baseline.
    #[arg(long, short, default_value = DEFAULT_FILE)]
    pub output: PathBuf,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rule: String,
    pub fingerprint: String,
    /// Where it was when the baseline was taken; informational only.
    pub path: String,
}

impl Baseline {
    /// Drops the records the baseline accepts: `explicit` if given, else
    /// `.airlock-baseline.json` when present, none when `disabled`. Returns how many went.
    pub fn apply(
        records: &mut Vec<crate::report::Record>,
        explicit: Option<&Path>,
        disabled: bool,
    ) -> Result<usize> {
        let path = if disabled {
            None
        } else {
            explicit.map(Path::to_path_buf).or_else(|| {
                let p = PathBuf::from(DEFAULT_FILE);
                p.exists().then_some(p)
            })
        };
        let Some(p) = path else { return Ok(0) };
        let keys = Baseline::load(&p)?.keys();
        let before = records.len();
        records.retain(|r| !keys.contains(&(r.rule.clone(), r.fingerprint.clone())));
        Ok(before - records.len())
    }

    pub fn load(path: &Path) -> Result<Baseline> {
        crate::input::read_json(
            path,
            "baseline",
            "invalid baseline",
            "; regenerate it with `airlock baseline`",
        )
    }

    pub fn keys(&self) -> BTreeSet<(String, String)> {
        self.entries
            .iter()
            .map(|e| (e.rule.clone(), e.fingerprint.clone()))
            .collect()
    }
}

pub fn run(global: &GlobalArgs, args: BaselineArgs) -> Result<ExitCode> {
    let scan = ScanArgs::for_baseline(args.paths);
    let outcome = collect(global, &scan)?;
    let mut entries: Vec<Entry> = outcome
        .records
        .iter()
        .map(|r| Entry {
            rule: r.rule.clone(),
            fingerprint: r.fingerprint.clone(),
            path: r.path.clone(),
        })
        .collect();
    entries.sort();
    entries.dedup();
    let baseline = Baseline {
        version: 1,
        entries,
    };
    let text = serde_json::to_string_pretty(&baseline)? + "\n";
    std::fs::write(&args.output, text)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!(
        "airlock: wrote {} baseline entries to {}",
        baseline.entries.len(),
        args.output.display()
    );
    Ok(ExitCode::SUCCESS)
}
