//! `airlock hook install`: a git pre-commit hook that scans what is staged (the index, not
//! the working tree), stops the commit when it holds a secret or insecure code, and names
//! who must review the change under the policy's `[[review]]` rules.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};
use clap::Subcommand;

use crate::git;

#[derive(Subcommand)]
pub enum HookCommand {
    /// Install the pre-commit hook in the current repository.
    Install {
        /// Replace an existing pre-commit hook that airlock did not write.
        #[arg(long)]
        force: bool,
    },
}

const MARKER: &str = "# installed by airlock hook install";

pub fn run(cmd: HookCommand) -> Result<ExitCode> {
    let HookCommand::Install { force } = cmd;
    let cwd = std::env::current_dir()?;
    let top = git::toplevel(&cwd)?;
    let out = std::process::Command::new("git")
        .current_dir(&top)
        .args(["rev-parse", "--git-path", "hooks"])
        .output()
        .context("cannot run git")?;
    let hooks = top.join(String::from_utf8_lossy(&out.stdout).trim());
    std::fs::create_dir_all(&hooks)
        .with_context(|| format!("cannot create {}", hooks.display()))?;
    let hook = hooks.join("pre-commit");
    if hook.exists() {
        let existing = std::fs::read_to_string(&hook).unwrap_or_default();
        if !existing.contains(MARKER) && !force {
            bail!(
                "{} already exists and was not written by airlock; re-run with --force to replace it, \
or call `airlock scan --staged` from it",
                hook.display()
            );
        }
    }
    let exe = std::env::current_exe().context("cannot locate the airlock binary")?;
    let script = format!(
        "#!/bin/sh\n{MARKER}\n# Scans the staged content (the git index) for secrets; a finding stops the commit.\n\
# Accept a finding with an `airlock:allow` comment on its line or `airlock baseline`;\n\
# skip once with `git commit --no-verify`.\n\
if command -v airlock >/dev/null 2>&1; then AIRLOCK=airlock; else AIRLOCK='{}'; fi\n\
\"$AIRLOCK\" scan --staged --no-progress || exit $?\n\
# Who must review this change under the policy's [[review]] rules (information only).\n\
\"$AIRLOCK\" review --staged --offline --no-deps --format json 2>&1 >/dev/null | grep '^airlock: review required' >&2\n\
exit 0\n",
        exe.display().to_string().replace('\'', "'\\''")
    );
    let mut f =
        std::fs::File::create(&hook).with_context(|| format!("cannot write {}", hook.display()))?;
    f.write_all(script.as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755))?;
    }
    eprintln!("airlock: installed {}", hook.display());
    Ok(ExitCode::SUCCESS)
}
