//! Walking a tree: .gitignore honoured, binaries and minified bundles skipped, files read
//! and scanned on every core.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use ignore::{WalkBuilder, WalkState};

/// Why a file was not scanned.
#[derive(Debug, Clone)]
pub enum Skip {
    Binary,
    Minified,
    TooLarge(u64),
    Unreadable(String),
}

/// Files bigger than this are reported as skipped rather than read (256 MiB).
pub const MAX_FILE: u64 = 256 << 20;

/// Counts for progress reporting.
#[derive(Default)]
pub struct Progress {
    pub files: AtomicU64,
    pub bytes: AtomicU64,
}

/// Whether content is binary: a NUL byte in its first 8 KiB.
pub fn is_binary(content: &[u8]) -> bool {
    memchr::memchr(0, &content[..content.len().min(8192)]).is_some()
}

/// Whether content is a minified bundle: a `.min.` file name, or long lines with little
/// whitespace.
pub fn is_minified(path: &Path, content: &[u8]) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if name.contains(".min.") || name.ends_with(".map") {
        return true;
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    if !matches!(ext.as_deref(), Some("js" | "mjs" | "cjs" | "css")) || content.len() < 4096 {
        return false;
    }
    let lines = memchr::memchr_iter(b'\n', content).count() + 1;
    content.len() / lines > 1000
}

/// Walks `roots` and calls `visit(path, content)` for every scannable file, in parallel.
/// Skipped files are passed to `skipped`.
pub fn walk<F, S>(roots: &[PathBuf], progress: &Progress, visit: F, skipped: S)
where
    F: Fn(&Path, &[u8]) + Sync,
    S: Fn(&Path, Skip) + Sync,
{
    let mut builder = WalkBuilder::new(&roots[0]);
    for r in &roots[1..] {
        builder.add(r);
    }
    builder
        .hidden(false)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        .follow_links(false)
        .filter_entry(|e| e.file_name() != ".git")
        .threads(std::thread::available_parallelism().map_or(2, |n| n.get()));
    builder.build_parallel().run(|| {
        let visit = &visit;
        let skipped = &skipped;
        // One read buffer per thread, reused: fewer allocations and page faults than a
        // fresh vector per file.
        let mut buf: Vec<u8> = Vec::with_capacity(1 << 16);
        Box::new(move |entry| {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let path = match &err {
                        ignore::Error::WithPath { path, .. } => path.clone(),
                        _ => PathBuf::from("?"),
                    };
                    skipped(&path, Skip::Unreadable(err.to_string()));
                    return WalkState::Continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                return WalkState::Continue;
            }
            let path = entry.path();
            let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
            if len > MAX_FILE {
                skipped(path, Skip::TooLarge(len));
                return WalkState::Continue;
            }
            buf.clear();
            if buf.capacity() > 64 << 20 {
                buf = Vec::with_capacity(1 << 16);
            }
            let read = std::fs::File::open(path).and_then(|mut f| {
                use std::io::Read;
                f.read_to_end(&mut buf)
            });
            match read {
                Ok(_) => {
                    let content = &buf[..];
                    progress.files.fetch_add(1, Ordering::Relaxed);
                    progress
                        .bytes
                        .fetch_add(content.len() as u64, Ordering::Relaxed);
                    if is_binary(content) {
                        skipped(path, Skip::Binary);
                    } else if is_minified(path, content) {
                        skipped(path, Skip::Minified);
                    } else {
                        visit(path, content);
                    }
                }
                Err(e) => skipped(path, Skip::Unreadable(e.to_string())),
            }
            WalkState::Continue
        })
    });
}
