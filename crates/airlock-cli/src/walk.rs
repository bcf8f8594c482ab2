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
        let mut buf = ReadBuf::default();
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
            match buf.read(path) {
                Ok(Read::Content(content)) => {
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
                Ok(Read::TooLarge(len)) => skipped(path, Skip::TooLarge(len)),
                Err(e) => skipped(path, Skip::Unreadable(e.to_string())),
            }
            WalkState::Continue
        })
    });
}

/// What reading one file gave.
enum Read<'a> {
    Content(&'a [u8]),
    TooLarge(u64),
}

/// A walker thread's read buffer. Its bytes stay initialized from one file to the next
/// (no zeroing, no reallocation once it is large enough); a file's content is exactly the
/// bytes read for it, the start of the buffer up to `filled`.
#[derive(Default)]
struct ReadBuf {
    buf: Vec<u8>,
}

impl ReadBuf {
    /// Reads the file at `path`: one `open`, one `fstat` for the size, then reads into the
    /// buffer until end of file (the size only sizes the buffer: a file that grows meanwhile
    /// is still read to its end). `std::fs::read` and `read_to_end` cost a `stat` by path
    /// and an `lseek` more per file, a tenth of the system calls of the scan.
    fn read(&mut self, path: &Path) -> std::io::Result<Read<'_>> {
        use std::io::Read as _;
        let mut file = std::fs::File::open(path)?;
        let len = file.metadata()?.len();
        if len > MAX_FILE {
            return Ok(Read::TooLarge(len));
        }
        // Shrink after an unusually large file rather than hold its size for the rest of
        // the walk.
        if self.buf.len() > 64 << 20 && len < 64 << 20 {
            self.buf = Vec::new();
        }
        // Room for the whole file and one byte more, so that end of file shows as a read
        // of 0 bytes without growing the buffer first.
        let want = len as usize + 1;
        if self.buf.len() < want {
            self.buf.resize(want.max(1 << 16), 0);
        }
        let mut filled = 0;
        loop {
            if filled == self.buf.len() {
                if filled as u64 > MAX_FILE {
                    return Ok(Read::TooLarge(filled as u64));
                }
                self.buf.resize(filled * 2, 0);
            }
            match file.read(&mut self.buf[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(Read::Content(&self.buf[..filled]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A buffer reused across files gives each file exactly its own bytes: a shorter file
    /// after a longer one carries nothing of it, an empty file is empty, a file larger
    /// than the buffer's first size is read whole, and the first and last bytes are there.
    #[test]
    fn reused_read_buffer_gives_each_file_its_own_bytes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let big: Vec<u8> = (0..200_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        let files: Vec<(&str, Vec<u8>)> = vec![
            ("long", b"first line\nsecond line\nthird\n".repeat(100)),
            ("short", b"xy".to_vec()),
            ("empty", Vec::new()),
            ("big", big.clone()),
            ("after-big", b"tail without newline".to_vec()),
            ("exact", vec![b'z'; 1 << 16]),
        ];
        let mut buf = ReadBuf::default();
        for (name, bytes) in &files {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).expect("write");
            match buf.read(&path).expect("read") {
                Read::Content(c) => assert_eq!(c, &bytes[..], "{name}"),
                Read::TooLarge(n) => panic!("{name}: too large ({n})"),
            }
        }
        // Again in the other order, with the buffer now at its largest.
        for (name, bytes) in files.iter().rev() {
            match buf.read(&dir.path().join(name)).expect("read") {
                Read::Content(c) => assert_eq!(c, &bytes[..], "{name}"),
                Read::TooLarge(n) => panic!("{name}: too large ({n})"),
            }
        }
        assert!(buf.read(&dir.path().join("missing")).is_err());
    }

    /// Every scannable file of a tree is visited once with its exact content.
    #[test]
    fn walk_visits_every_file_with_its_content() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        let files: Vec<(PathBuf, Vec<u8>)> = (0..40)
            .map(|i| {
                let sub = if i % 2 == 0 { "sub/" } else { "" };
                let body = format!("file {i}\n").repeat(i * 37 + 1).into_bytes();
                (dir.path().join(format!("{sub}f{i}.txt")), body)
            })
            .collect();
        for (p, b) in &files {
            std::fs::write(p, b).expect("write");
        }
        let seen = std::sync::Mutex::new(Vec::new());
        walk(
            &[dir.path().to_path_buf()],
            &Progress::default(),
            |p, c| {
                seen.lock()
                    .expect("lock")
                    .push((p.to_path_buf(), c.to_vec()))
            },
            |p, why| panic!("skipped {}: {why:?}", p.display()),
        );
        let mut seen = seen.into_inner().expect("lock");
        seen.sort();
        let mut want = files.clone();
        want.sort();
        assert_eq!(seen, want);
    }
}
