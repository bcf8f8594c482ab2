//! End-to-end tests of the `airlock` binary: real processes, real files, real git
//! repositories in temporary directories.

mod audit_cli;
mod cli;
mod gateway_cli;
mod git_hook;
mod review;

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// A synthetic GitHub token with a valid checksum (not a real credential).
pub const GH_TOKEN: &str = "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";

pub fn airlock(dir: &Path, args: &[&str]) -> Output {
    airlock_stdin(dir, args, None)
}

pub fn airlock_stdin(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_airlock"));
    cmd.current_dir(dir)
        .args(args)
        .env_remove("AIRLOCK_POLICY")
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn airlock");
    if let Some(input) = stdin {
        use std::io::Write;
        let mut s = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = s.write_all(&input);
        });
    }
    child.wait_with_output().expect("airlock output")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
