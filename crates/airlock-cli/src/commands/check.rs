//! `airlock check`: the paste guard. Prints the box of some content and why; exits 1 when
//! the content is box 3 under the active policy.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use airlock_types::BoxLevel;
use anyhow::Result;
use clap::Args;
use serde_json::json;

use crate::commands::scan::relative;
use crate::context::Context;
use crate::GlobalArgs;

#[derive(Args)]
pub struct CheckArgs {
    /// The content to check: a file, or `-` / nothing for standard input.
    pub file: Option<PathBuf>,
    /// Print the verdict as JSON.
    #[arg(long)]
    pub json: bool,
    /// Print nothing; only the exit code tells.
    #[arg(long, short)]
    pub quiet: bool,
}

pub fn run(global: &GlobalArgs, args: CheckArgs) -> Result<ExitCode> {
    let ctx = Context::load(global)?;
    let (input, findings) = ctx.scan_input(args.file.as_deref())?;
    let rel = input.path.as_deref().map(|p| relative(p, &ctx.root()));
    let verdict = ctx.policy.classify(rel.as_deref(), &findings);
    let index = airlock_types::LineIndex::new(&input.bytes);
    let mut out = std::io::stdout().lock();
    if args.json {
        let items: Vec<_> = findings
            .iter()
            .map(|f| {
                let lc = index.line_col(f.span.start);
                json!({
                    "rule": f.rule_id,
                    "title": f.title,
                    "kind": f.kind,
                    "box": ctx.policy.box_for_kind(f.kind),
                    "line": lc.line,
                    "column": lc.column,
                    "secret": f.secret.masked(),
                })
            })
            .collect();
        let reasons: Vec<String> = verdict.reasons.iter().map(|r| r.to_string()).collect();
        let doc = json!({
            "box": verdict.box_level,
            "label": verdict.box_level.label(),
            "action": ctx.policy.action(verdict.box_level).to_string(),
            "reasons": reasons,
            "findings": items,
        });
        serde_json::to_writer_pretty(&mut out, &doc)?;
        writeln!(out)?;
    } else if !args.quiet {
        writeln!(out, "{}: {}", input.name, verdict.box_level)?;
        for r in &verdict.reasons {
            writeln!(out, "  - {r}")?;
        }
        for f in &findings {
            let lc = index.line_col(f.span.start);
            writeln!(
                out,
                "  {}:{}: {} [{}] {} -> box {}",
                lc.line,
                lc.column,
                f.title,
                f.rule_id,
                f.secret.masked(),
                ctx.policy.box_for_kind(f.kind).number()
            )?;
        }
        let action = ctx.policy.action(verdict.box_level);
        writeln!(out, "policy: {action}")?;
    }
    out.flush()?;
    Ok(if verdict.box_level == BoxLevel::Never {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
