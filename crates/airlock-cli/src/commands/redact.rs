//! `airlock redact` and `airlock restore`: typed placeholders in, reversible values back.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use airlock_secrets::{redact, restore, RedactionMap};
use anyhow::{Context as _, Result};
use clap::Args;

use crate::context::Context;
use crate::input;
use crate::GlobalArgs;

#[derive(Args)]
pub struct RedactArgs {
    /// The content to redact: a file, or `-` / nothing for standard input.
    pub file: Option<PathBuf>,
    /// Save the placeholder mapping here (created with mode 0600) for `airlock restore`.
    /// An existing map is extended, so placeholders stay stable across calls.
    #[arg(long)]
    pub map: Option<PathBuf>,
}

#[derive(Args)]
pub struct RestoreArgs {
    /// The content to restore: a file, or `-` / nothing for standard input.
    pub file: Option<PathBuf>,
    /// The map written by `airlock redact --map`.
    #[arg(long)]
    pub map: PathBuf,
}

pub fn run_redact(global: &GlobalArgs, args: RedactArgs) -> Result<ExitCode> {
    let ctx = Context::load(global)?;
    let (input, mut findings) = ctx.scan_input(args.file.as_deref())?;
    // Only what the policy does not allow as-is is replaced (box 1 kinds stay).
    findings.retain(|f| ctx.policy.box_for_kind(f.kind) > airlock_types::BoxLevel::Safe);
    let mut map = match &args.map {
        Some(p) if p.exists() => load_map(p)?,
        _ => RedactionMap::default(),
    };
    let r = redact(&input.bytes, &findings, &mut map);
    let mut out = std::io::stdout().lock();
    out.write_all(&r.output)?;
    out.flush()?;
    if let Some(p) = &args.map {
        save_map(p, &map)?;
    }
    eprintln!(
        "airlock: redacted {} value{}",
        r.replaced,
        if r.replaced == 1 { "" } else { "s" }
    );
    Ok(ExitCode::SUCCESS)
}

pub fn run_restore(args: RestoreArgs) -> Result<ExitCode> {
    let map = load_map(&args.map)?;
    let input = input::read(args.file.as_deref())?;
    let (output, n) = restore(&input.bytes, &map);
    let mut out = std::io::stdout().lock();
    out.write_all(&output)?;
    out.flush()?;
    eprintln!(
        "airlock: restored {n} value{}",
        if n == 1 { "" } else { "s" }
    );
    Ok(ExitCode::SUCCESS)
}

fn load_map(path: &std::path::Path) -> Result<RedactionMap> {
    input::read_json(path, "map", "not a redaction map", "")
}

fn save_map(path: &std::path::Path, map: &RedactionMap) -> Result<()> {
    let text = serde_json::to_string_pretty(map)? + "\n";
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(path)
        .with_context(|| format!("cannot write map {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    f.write_all(text.as_bytes())?;
    Ok(())
}
