//! The `airlock` binary: argument parsing, dispatch to one module per subcommand, and the
//! mapping of outcomes to exit codes (0 nothing found / allowed, 1 findings / blocked,
//! 2 usage or I/O error). The work itself happens in the library crates.

mod commands;
mod context;
mod git;
mod input;
mod report;
mod walk;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "airlock",
    version,
    about = "Keep secrets and sensitive data out of AI assistants, prompts and commits",
    long_about = "airlock finds credentials, private keys, personal data and internal details in \
code and text, places content in one of three boxes (1 safe to share, 2 share with caution, \
3 never share), redacts it reversibly, and blocks what the policy forbids.\n\n\
Exit codes: 0 nothing found / allowed, 1 findings / blocked, 2 error."
)]
struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
pub struct GlobalArgs {
    /// Policy file (default: the nearest airlock.toml above the working directory,
    /// else built-in defaults).
    #[arg(long, global = true, env = "AIRLOCK_POLICY")]
    policy: Option<PathBuf>,
    /// Never color output.
    #[arg(long, global = true)]
    no_color: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Scan files, folders, the git index or history for secrets and sensitive data.
    Scan(commands::scan::ScanArgs),
    /// Security review of code: injection, weak crypto, secrets in logs, ReDoS, hallucinated
    /// packages... for files, a git change (--diff, --staged) or a snippet on stdin.
    Review(commands::review::ReviewArgs),
    /// The paste guard: print the box of some content and why; exit 1 when it is box 3.
    Check(commands::check::CheckArgs),
    /// Print the content with every finding replaced by a typed placeholder.
    Redact(commands::redact::RedactArgs),
    /// Put reversible values (personal data, hostnames, codenames) back using a map file.
    Restore(commands::redact::RestoreArgs),
    /// The three-box view of a tree: each file's box and why.
    Classify(commands::classify::ClassifyArgs),
    /// Write a baseline of current findings, so that only new ones are reported.
    Baseline(commands::baseline::BaselineArgs),
    /// Install airlock as a git pre-commit hook.
    #[command(subcommand)]
    Hook(commands::hook::HookCommand),
    /// List or check detection rules.
    #[command(subcommand)]
    Rules(commands::rules::RulesCommand),
    /// Show a rule's documentation.
    Explain(commands::rules::ExplainArgs),
    /// Create, validate or render the policy file.
    #[command(subcommand)]
    Policy(commands::policy::PolicyCommand),
    /// Query and export the gateway's audit log, or verify its hash chain (`audit verify`).
    Audit(commands::audit::AuditArgs),
    /// Create, list or revoke gateway API keys.
    #[command(subcommand)]
    Keys(commands::keys::KeysCommand),
    /// Run the gateway between coding assistants and model providers (`gateway setup`
    /// prints each assistant's settings).
    Gateway(commands::gateway::GatewayArgs),
}

/// Output formats shared by the reporting commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scan(a) => commands::scan::run(&cli.global, a),
        Command::Review(a) => commands::review::run(&cli.global, a),
        Command::Check(a) => commands::check::run(&cli.global, a),
        Command::Redact(a) => commands::redact::run_redact(&cli.global, a),
        Command::Restore(a) => commands::redact::run_restore(a),
        Command::Classify(a) => commands::classify::run(&cli.global, a),
        Command::Baseline(a) => commands::baseline::run(&cli.global, a),
        Command::Hook(c) => commands::hook::run(c),
        Command::Rules(c) => commands::rules::run(&cli.global, c),
        Command::Explain(a) => commands::rules::explain(&cli.global, a),
        Command::Policy(c) => commands::policy::run(&cli.global, c),
        Command::Audit(a) => commands::audit::run(a),
        Command::Keys(c) => commands::keys::run(c),
        Command::Gateway(a) => commands::gateway::run(&cli.global, a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("airlock: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
