//! Reading content out of git: the index (what is about to be committed) and the history
//! (what every commit added). git itself is run as a subprocess; its output is parsed here.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

/// Who made a commit and when.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CommitInfo {
    pub commit: String,
    pub author: String,
    pub email: String,
    pub date: String,
}

/// A piece of content to scan, with the line numbers its lines had in the original file
/// (for history, where only added lines are scanned).
pub struct Blob {
    pub path: String,
    pub content: Vec<u8>,
    /// `line_map[i]` is the file line number of content line `i + 1`; empty means identity.
    pub line_map: Vec<usize>,
    pub commit: Option<CommitInfo>,
}

fn git(repo: &Path) -> Command {
    let mut c = Command::new("git");
    c.current_dir(repo);
    c
}

fn run(repo: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let out = git(repo)
        .args(args)
        .stderr(Stdio::piped())
        .output()
        .context("cannot run git: is it installed?")?;
    if !out.status.success() {
        bail!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(out.stdout)
}

/// The top of the work tree containing `dir`.
pub fn toplevel(dir: &Path) -> Result<std::path::PathBuf> {
    let out = run(dir, &["rev-parse", "--show-toplevel"])
        .with_context(|| format!("{} is not inside a git repository", dir.display()))?;
    Ok(String::from_utf8_lossy(&out).trim().into())
}

/// Every staged file's content as it stands in the index (added, copied, modified or
/// renamed files; deletions have nothing to scan).
pub fn staged(repo: &Path) -> Result<Vec<Blob>> {
    let names = run(
        repo,
        &[
            "diff",
            "--cached",
            "--name-only",
            "-z",
            "--diff-filter=ACMR",
            "--no-renames",
        ],
    )?;
    let paths: Vec<String> = names
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = git(repo)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .context("cannot run git cat-file")?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let request: String = paths.iter().map(|p| format!(":{p}\n")).collect();
    let writer =
        std::thread::spawn(move || -> std::io::Result<()> { stdin.write_all(request.as_bytes()) });
    let mut out = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut blobs = Vec::with_capacity(paths.len());
    for path in paths {
        let mut header = String::new();
        out.read_line(&mut header)?;
        let fields: Vec<&str> = header.split_whitespace().collect();
        if fields.len() < 3 || fields[1] != "blob" {
            // A submodule or something git cannot show: nothing to scan.
            continue;
        }
        let size: usize = fields[2].parse().context("git cat-file size")?;
        let mut content = vec![0; size];
        out.read_exact(&mut content)?;
        let mut nl = [0u8; 1];
        out.read_exact(&mut nl)?;
        blobs.push(Blob {
            path,
            content,
            line_map: Vec::new(),
            commit: None,
        });
    }
    writer.join().expect("writer thread")?;
    child.wait()?;
    Ok(blobs)
}

const FIELD: char = '\u{1f}';

/// The lines each commit added, per file, for `range` (all history when `None`).
pub fn history(repo: &Path, range: Option<&str>, mut each: impl FnMut(Blob)) -> Result<()> {
    let format = format!("--format=%x1ecommit{FIELD}%H{FIELD}%an{FIELD}%ae{FIELD}%aI");
    let mut args = vec![
        "log",
        "-p",
        "-U0",
        "--no-color",
        "--no-ext-diff",
        "--no-renames",
        "--diff-filter=ACMR",
        &format,
    ];
    match range {
        Some(r) => args.push(r),
        None => args.push("--all"),
    }
    let mut child = git(repo)
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot run git log")?;
    let reader = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut commit: Option<CommitInfo> = None;
    let mut current: Option<Blob> = None;
    let mut next_line = 0usize;
    let flush = |b: Option<Blob>, each: &mut dyn FnMut(Blob)| {
        if let Some(b) = b {
            if !b.content.is_empty() {
                each(b);
            }
        }
    };
    for line in reader.split(b'\n') {
        let line = line?;
        if let Some(rest) = line.strip_prefix(b"\x1ecommit") {
            flush(current.take(), &mut each);
            let text = String::from_utf8_lossy(rest);
            let f: Vec<&str> = text.split(FIELD).collect();
            commit = Some(CommitInfo {
                commit: f.get(1).unwrap_or(&"").to_string(),
                author: f.get(2).unwrap_or(&"").to_string(),
                email: f.get(3).unwrap_or(&"").to_string(),
                date: f.get(4).unwrap_or(&"").to_string(),
            });
        } else if let Some(path) = line.strip_prefix(b"+++ ") {
            flush(current.take(), &mut each);
            let path = String::from_utf8_lossy(path);
            let path = path.strip_prefix("b/").unwrap_or(&path).to_string();
            if path != "/dev/null" {
                current = Some(Blob {
                    path,
                    content: Vec::new(),
                    line_map: Vec::new(),
                    commit: commit.clone(),
                });
            }
        } else if line.starts_with(b"@@ ") {
            // @@ -a,b +c,d @@
            let text = String::from_utf8_lossy(&line);
            next_line = text
                .split_whitespace()
                .find(|t| t.starts_with('+'))
                .and_then(|t| t[1..].split(',').next()?.parse().ok())
                .unwrap_or(0);
        } else if let Some(added) = line.strip_prefix(b"+") {
            if let Some(b) = current.as_mut() {
                b.content.extend_from_slice(added);
                b.content.push(b'\n');
                b.line_map.push(next_line);
                next_line += 1;
            }
        }
    }
    flush(current.take(), &mut each);
    let status = child.wait()?;
    if !status.success() {
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = e.read_to_string(&mut err);
        }
        bail!("git log failed: {}", err.trim());
    }
    Ok(())
}
