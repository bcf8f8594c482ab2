//! Reading the content a command works on: a file, or standard input for `-` or nothing.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// Content and the name to show for it.
pub struct Input {
    pub name: String,
    pub path: Option<PathBuf>,
    pub bytes: Vec<u8>,
}

/// The largest input read into memory at once (1 GiB): past that airlock refuses rather
/// than risk exhausting memory, and says so.
pub const MAX_INPUT: u64 = 1 << 30;

pub fn read(file: Option<&Path>) -> Result<Input> {
    match file {
        None => read_stdin(),
        Some(p) if p.as_os_str() == "-" => read_stdin(),
        Some(p) => {
            let meta =
                std::fs::metadata(p).with_context(|| format!("cannot read {}", p.display()))?;
            if meta.is_dir() {
                anyhow::bail!(
                    "{} is a directory; use `airlock scan` for trees",
                    p.display()
                );
            }
            if meta.len() > MAX_INPUT {
                anyhow::bail!(
                    "{} is {} bytes, over the 1 GiB limit for a single input",
                    p.display(),
                    meta.len()
                );
            }
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            Ok(Input {
                name: p.display().to_string(),
                path: Some(p.to_path_buf()),
                bytes,
            })
        }
    }
}

fn read_stdin() -> Result<Input> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_INPUT + 1)
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    if bytes.len() as u64 > MAX_INPUT {
        anyhow::bail!("standard input is over the 1 GiB limit for a single input");
    }
    Ok(Input {
        name: "<stdin>".into(),
        path: None,
        bytes,
    })
}

/// Reads a JSON file airlock wrote (a baseline, a redaction map). `what` names it in
/// the read error; a parse error says `path:line:column: {problem}: {error}{hint}`.
pub fn read_json<T: serde::de::DeserializeOwned>(
    path: &Path,
    what: &str,
    problem: &str,
    hint: &str,
) -> Result<T> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {what} {}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "{}:{}:{}: {problem}: {e}{hint}",
            path.display(),
            e.line(),
            e.column()
        )
    })
}
