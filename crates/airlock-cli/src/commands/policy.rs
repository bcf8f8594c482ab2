//! `airlock policy init|check|render`: the one policy file, written, validated, and
//! rendered as the one-page policy people read.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use airlock_policy::{Policy, DEFAULT_POLICY_TOML};
use anyhow::{bail, Context as _, Result};
use clap::{Subcommand, ValueEnum};

use crate::context::Context;
use crate::GlobalArgs;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    Markdown,
    Html,
}

#[derive(Subcommand)]
pub enum PolicyCommand {
    /// Write a commented default airlock.toml.
    Init {
        /// Where to write it.
        #[arg(default_value = "airlock.toml")]
        path: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Validate a policy file (default: the active one).
    Check { file: Option<PathBuf> },
    /// Print the one-page, human-readable policy generated from the file.
    Render {
        #[arg(long, value_enum, default_value = "markdown")]
        format: RenderFormat,
    },
}

pub fn run(global: &GlobalArgs, cmd: PolicyCommand) -> Result<ExitCode> {
    match cmd {
        PolicyCommand::Init { path, force } => {
            if path.exists() && !force {
                bail!(
                    "{} already exists; use --force to overwrite it",
                    path.display()
                );
            }
            std::fs::write(&path, DEFAULT_POLICY_TOML)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "airlock: wrote {}; edit it, then run `airlock policy check`",
                path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        PolicyCommand::Check { file } => {
            let path = match file {
                Some(f) => f,
                None => match &global.policy {
                    Some(p) => p.clone(),
                    None => {
                        let cwd = std::env::current_dir()?;
                        match airlock_policy::discover(&cwd) {
                            Some(p) => p,
                            None => bail!("no airlock.toml here or above; create one with `airlock policy init`"),
                        }
                    }
                },
            };
            let policy = Policy::load(&path).map_err(|e| anyhow::anyhow!("{e}"))?;
            // The organization's own patterns must also compile into a detector.
            let mut specs = airlock_secrets::builtin_specs()?;
            specs.extend(policy.detector_rules());
            airlock_secrets::Detector::new(
                specs,
                airlock_secrets::DetectorConfig {
                    eager: true,
                    ..airlock_secrets::DetectorConfig::default()
                },
            )
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            println!("{}: ok", path.display());
            Ok(ExitCode::SUCCESS)
        }
        PolicyCommand::Render { format } => {
            let ctx = Context::load(global)?;
            let text = match format {
                RenderFormat::Markdown => ctx.policy.render_markdown(),
                RenderFormat::Html => ctx.policy.render_html(),
            };
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
