//! `airlock rules list`, `airlock rules check`, and `airlock explain RULE`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use airlock_secrets::{parse_rule_file, Detector, DetectorConfig, RuleSpec};
use anyhow::{Context as _, Result};
use clap::{Args, Subcommand};
use serde_json::json;

use crate::context::Context;
use crate::GlobalArgs;

#[derive(Subcommand)]
pub enum RulesCommand {
    /// List every rule: id, kind, title.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Check rule files of your own: they parse, compile, and their examples hold.
    Check {
        /// TOML rule files (same format as the built-in rules).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Args)]
pub struct ExplainArgs {
    /// The rule id, as shown in findings and `airlock rules list`.
    pub rule: String,
}

pub fn run(global: &GlobalArgs, cmd: RulesCommand) -> Result<ExitCode> {
    match cmd {
        RulesCommand::List { json } => list(global, json),
        RulesCommand::Check { files } => check(files),
    }
}

fn list(global: &GlobalArgs, as_json: bool) -> Result<ExitCode> {
    let ctx = Context::load(global)?;
    let d = ctx.detector(DetectorConfig::default())?;
    let mut specs: Vec<&RuleSpec> = d.specs().collect();
    specs.sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
    let mut out = std::io::stdout().lock();
    if as_json {
        let rows: Vec<_> = specs
            .iter()
            .map(|s| json!({"id": s.id, "title": s.title, "kind": s.kind, "severity": s.severity, "cwe": s.kind.cwe().to_string()}))
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    } else {
        let w = specs.iter().map(|s| s.id.len()).max().unwrap_or(10);
        writeln!(out, "{:w$}  {:17}  {:8}  TITLE", "ID", "KIND", "CWE")?;
        for s in &specs {
            writeln!(
                out,
                "{:w$}  {:17}  {:8}  {}",
                s.id,
                s.kind.as_str(),
                s.kind.cwe().to_string(),
                s.title
            )?;
        }
        writeln!(out, "\n{} secret rules\n", specs.len())?;
        let code = airlock_code::Analyzer::new();
        let mut rules: Vec<_> = code.rules().iter().collect();
        rules.sort_by_key(|r| (r.spec.cwe, r.spec.id.clone()));
        let w = rules
            .iter()
            .map(|r| r.spec.id.len())
            .max()
            .unwrap_or(10)
            .max(20);
        writeln!(
            out,
            "{:w$}  {:9}  {:9}  {:44}  TITLE",
            "ID", "CWE", "SEVERITY", "LANGUAGES"
        )?;
        for r in &rules {
            let langs: Vec<&str> = r.languages.iter().map(|l| l.name()).collect();
            let langs = if langs.len() >= 13 {
                "all".to_string()
            } else {
                langs.join(",")
            };
            writeln!(
                out,
                "{:w$}  {:9}  {:9}  {:44}  {}",
                r.spec.id,
                format!("CWE-{}", r.spec.cwe),
                r.spec.severity.as_str(),
                langs,
                r.spec.title
            )?;
        }
        for id in airlock_deps::RuleId::ALL {
            writeln!(
                out,
                "{:w$}  {:9}  {:9}  {:44}  {}",
                id.as_str(),
                id.cwe().to_string(),
                "high",
                "manifests and imports",
                id.title()
            )?;
        }
        writeln!(
            out,
            "\n{} code rules",
            rules.len() + airlock_deps::RuleId::ALL.len()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn check(files: Vec<PathBuf>) -> Result<ExitCode> {
    let mut failures = 0;
    for file in &files {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {}", file.display()))?;
        let specs = parse_rule_file(&file.display().to_string(), &text)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let n = specs.len();
        let d = Detector::new(
            specs,
            DetectorConfig {
                generic: false,
                ..DetectorConfig::default()
            },
        )
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        for rule in d.rules() {
            let id = &rule.spec.id;
            if rule.spec.examples.is_empty() {
                println!(
                    "{}: {id}: no examples; add `examples = [...]`",
                    file.display()
                );
                failures += 1;
            }
            for ex in &rule.spec.examples {
                if !d.scan(ex.as_bytes()).iter().any(|f| &f.rule_id == id) {
                    println!("{}: {id}: example not matched: {ex:?}", file.display());
                    failures += 1;
                }
            }
            for ex in &rule.spec.negative_examples {
                if d.scan(ex.as_bytes()).iter().any(|f| &f.rule_id == id) {
                    println!("{}: {id}: negative example matched: {ex:?}", file.display());
                    failures += 1;
                }
            }
        }
        println!("{}: {n} rules checked", file.display());
    }
    Ok(if failures == 0 {
        println!("ok");
        ExitCode::SUCCESS
    } else {
        println!("{failures} problems");
        ExitCode::from(1)
    })
}

pub fn explain(global: &GlobalArgs, args: ExplainArgs) -> Result<ExitCode> {
    let ctx = Context::load(global)?;
    let d = ctx.detector(DetectorConfig::default())?;
    if d.spec(&args.rule).is_none() {
        if let Some(r) = airlock_code::Analyzer::new().rule(&args.rule) {
            return explain_code(r);
        }
        if let Some(id) = airlock_deps::RuleId::ALL
            .into_iter()
            .find(|id| id.as_str() == args.rule)
        {
            let doc = id.doc();
            let mut out = std::io::stdout().lock();
            writeln!(
                out,
                "{} — {}\n\n{}   severity: high\n",
                id.as_str(),
                id.title(),
                id.cwe()
            )?;
            writeln!(
                out,
                "{}\n\nWhy it matters: {}\n\nWhat to do: {}\n",
                doc.summary, doc.why, doc.fix
            )?;
            writeln!(
                out,
                "Insecure ({}):\n{}\nInstead ({}):\n{}",
                doc.bad.file,
                indent(doc.bad.content),
                doc.good.file,
                indent(doc.good.content)
            )?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    let Some(s) = d.spec(&args.rule) else {
        let near: Vec<&str> = d
            .specs()
            .map(|s| s.id.as_str())
            .filter(|id| id.contains(&args.rule) || args.rule.contains(*id))
            .take(5)
            .collect();
        let hint = if near.is_empty() {
            "see `airlock rules list`".to_string()
        } else {
            format!("did you mean {}?", near.join(", "))
        };
        anyhow::bail!("no rule `{}`; {hint}", args.rule);
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{} — {}\n", s.id, s.title)?;
    writeln!(
        out,
        "kind: {}   severity: {}   {}   box: {}",
        s.kind,
        s.severity.as_str(),
        s.kind.cwe(),
        ctx.policy.box_for_kind(s.kind)
    )?;
    writeln!(
        out,
        "restored after redaction: {}\n",
        if s.kind.restorable() {
            "yes"
        } else {
            "no (secrets are never restored)"
        }
    )?;
    writeln!(out, "{}\n", s.description)?;
    if !s.examples.is_empty() {
        writeln!(out, "Found in (synthetic examples):")?;
        for e in &s.examples {
            writeln!(out, "  {e}")?;
        }
        writeln!(out)?;
    }
    if !s.negative_examples.is_empty() {
        writeln!(out, "Not reported:")?;
        for e in &s.negative_examples {
            writeln!(out, "  {e}")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "What to do: take the value out of the content, rotate it if it was ever real, and load it from the environment or a secret manager. Accept a known value with `airlock:allow` on its line or `airlock baseline`.")?;
    if !s.references.is_empty() {
        writeln!(out, "\nReferences:")?;
        for r in &s.references {
            writeln!(out, "  {r}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn indent(text: &str) -> String {
    text.trim_end()
        .lines()
        .map(|l| format!("    {l}\n"))
        .collect()
}

/// A code rule's page: what, why, fix, CWE, references, and its bad and good examples.
fn explain_code(r: &airlock_code::Rule) -> Result<ExitCode> {
    let s = &r.spec;
    let mut out = std::io::stdout().lock();
    let cwes: Vec<String> = std::iter::once(s.cwe)
        .chain(s.also_cwe.iter().copied())
        .map(|c| format!("CWE-{c}"))
        .collect();
    let langs: Vec<&str> = r.languages.iter().map(|l| l.name()).collect();
    writeln!(out, "{} — {}\n", s.id, s.title)?;
    writeln!(
        out,
        "{}   severity: {}   languages: {}\n",
        cwes.join(", "),
        s.severity.as_str(),
        langs.join(", ")
    )?;
    writeln!(
        out,
        "{}\n\nWhy it matters: {}\n\nWhat to do: {}\n",
        s.summary, s.why, s.fix
    )?;
    for e in &s.example {
        writeln!(
            out,
            "Insecure ({}):\n{}\nInstead:\n{}",
            e.lang,
            indent(&e.bad),
            indent(&e.good)
        )?;
    }
    if !s.references.is_empty() {
        writeln!(out, "References:")?;
        for reference in &s.references {
            writeln!(out, "  {reference}")?;
        }
    }
    writeln!(out, "\nSuppress one finding with a reason on its line or the line above:\n    # airlock:allow {} -- why this is safe here", s.id)?;
    Ok(ExitCode::SUCCESS)
}
