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

/// Walks `roots` and calls `visit(path, content)` for every scannable file, in parallel,
/// with the file's whole content. Skipped files (binary, minified, over [`MAX_FILE`],
/// unreadable) are passed to `skipped`.
pub fn walk<F, S>(roots: &[PathBuf], progress: &Progress, visit: F, skipped: S)
where
    F: Fn(&Path, &[u8]) + Sync,
    S: Fn(&Path, Skip) + Sync,
{
    walk_with(
        roots,
        progress,
        None,
        |p, part| visit(p, part.content),
        skipped,
    )
}

/// Files larger than this are handed to [`walk_parts`]'s visitor in windows of this size, so
/// that a walker thread never holds more than this of a file (8 MiB).
pub const WINDOW: usize = 8 << 20;

/// How much consecutive windows share (256 KiB). A window reports the findings that start
/// in its own stretch, which ends half-way into this overlap, so every finding shorter than
/// half of it is seen whole, with at least as much context before it, by the window that
/// reports it.
pub const OVERLAP: usize = 256 << 10;

/// One piece of a file handed to a [`walk_parts`] visitor: the whole file, or one window of
/// a file larger than [`WINDOW`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part<'a> {
    /// The bytes of this piece.
    pub content: &'a [u8],
    /// How many lines of the file come before `content` (0 for the whole file).
    pub line_offset: usize,
    /// Where in `content` the findings this piece reports start; findings that start
    /// elsewhere belong to the window before or after, which sees them whole.
    pub owns: (usize, usize),
    /// Whether `content` is the whole file.
    pub whole: bool,
}

impl<'a> Part<'a> {
    /// A whole file's content as one piece.
    pub fn whole(content: &'a [u8]) -> Part<'a> {
        Part {
            content,
            line_offset: 0,
            owns: (0, content.len()),
            whole: true,
        }
    }

    /// Whether a finding starting at `at` (an offset in `content`) is this piece's to report.
    pub fn owns_offset(&self, at: usize) -> bool {
        (self.owns.0..self.owns.1).contains(&at)
    }

    /// Whether this is the file's first piece (or its only one). A later window owns from
    /// half-way into the bytes it shares with the one before, so its stretch never starts
    /// at 0 when no line ends before it.
    pub fn is_first(&self) -> bool {
        self.line_offset == 0 && self.owns.0 == 0
    }
}

/// Like [`walk`], but a file larger than [`WINDOW`] is read and visited window by window
/// (overlapping by [`OVERLAP`], cut at line ends) instead of whole, and no file is too
/// large: memory stays bounded whatever the file sizes.
pub fn walk_parts<F, S>(roots: &[PathBuf], progress: &Progress, visit: F, skipped: S)
where
    F: Fn(&Path, Part<'_>) + Sync,
    S: Fn(&Path, Skip) + Sync,
{
    walk_with(roots, progress, Some(WINDOW), visit, skipped)
}

fn walk_with<F, S>(
    roots: &[PathBuf],
    progress: &Progress,
    window: Option<usize>,
    visit: F,
    skipped: S,
) where
    F: Fn(&Path, Part<'_>) + Sync,
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
            let result = buf.read(path, window, &mut |part| {
                if part.is_first() {
                    // The file's first (or only) piece decides whether it is scanned.
                    if is_binary(part.content) {
                        skipped(path, Skip::Binary);
                        return false;
                    }
                    if is_minified(path, part.content) {
                        skipped(path, Skip::Minified);
                        return false;
                    }
                }
                visit(path, part);
                true
            });
            match result {
                Ok(Read::Content(len)) => {
                    progress.files.fetch_add(1, Ordering::Relaxed);
                    progress.bytes.fetch_add(len, Ordering::Relaxed);
                }
                Ok(Read::TooLarge(len)) => skipped(path, Skip::TooLarge(len)),
                Err(e) => skipped(path, Skip::Unreadable(e.to_string())),
            }
            WalkState::Continue
        })
    });
}

/// What reading one file gave.
enum Read {
    /// The file was read (and its pieces visited, unless the visitor stopped early); this
    /// many bytes.
    Content(u64),
    TooLarge(u64),
}

/// A walker thread's read buffer. Its bytes stay initialized from one file to the next
/// (no zeroing, no reallocation once it is large enough); a piece's content is exactly the
/// bytes read for it, the start of the buffer up to what was filled.
#[derive(Default)]
struct ReadBuf {
    buf: Vec<u8>,
}

impl ReadBuf {
    /// Reads the file at `path` and hands it to `visit`: whole when it fits in `window` (or
    /// no window is given), else window by window. One `open` and one `fstat` for the size;
    /// the size only sizes the buffer: a file that grows meanwhile is still read to its end.
    /// (`std::fs::read` and `read_to_end` cost a `stat` by path and an `lseek` more per
    /// file, a tenth of the system calls of the scan.) `visit` returns false to stop.
    fn read(
        &mut self,
        path: &Path,
        window: Option<usize>,
        visit: &mut dyn FnMut(Part<'_>) -> bool,
    ) -> std::io::Result<Read> {
        let mut file = std::fs::File::open(path)?;
        let len = file.metadata()?.len();
        match window {
            Some(w) if len as usize >= w => self.read_windows(&mut file, w, visit),
            _ => {
                if len > MAX_FILE {
                    return Ok(Read::TooLarge(len));
                }
                let content = match self.read_whole(&mut file, len)? {
                    Ok(content) => content,
                    Err(too_large) => return Ok(Read::TooLarge(too_large)),
                };
                let n = content.len() as u64;
                visit(Part::whole(content));
                Ok(Read::Content(n))
            }
        }
    }

    /// The whole file, or `Err(size)` when it grew past [`MAX_FILE`] while being read.
    fn read_whole(
        &mut self,
        file: &mut std::fs::File,
        len: u64,
    ) -> std::io::Result<Result<&[u8], u64>> {
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
                    return Ok(Err(filled as u64));
                }
                self.buf.resize(filled * 2, 0);
            }
            match read_some(file, &mut self.buf[filled..])? {
                0 => break,
                n => filled += n,
            }
        }
        Ok(Ok(&self.buf[..filled]))
    }

    /// Reads `file` in windows of `window` bytes that end at a line end where there is one,
    /// each next window starting at a line start [`OVERLAP`] bytes or so before the last
    /// one ended. The buffer never grows past `window`.
    fn read_windows(
        &mut self,
        file: &mut std::fs::File,
        window: usize,
        visit: &mut dyn FnMut(Part<'_>) -> bool,
    ) -> std::io::Result<Read> {
        let overlap = OVERLAP.min(window / 4);
        if self.buf.len() > window {
            self.buf.truncate(window);
            self.buf.shrink_to_fit();
        }
        if self.buf.len() < window {
            self.buf.resize(window, 0);
        }
        let buf = &mut self.buf[..window];
        let mut total = 0u64;
        // Bytes in the buffer, lines of the file before it, and where the findings of the
        // next piece start.
        let (mut filled, mut line_offset, mut own_start) = (0usize, 0usize, 0usize);
        loop {
            let mut eof = false;
            while filled < window {
                match read_some(file, &mut buf[filled..])? {
                    0 => {
                        eof = true;
                        break;
                    }
                    n => {
                        filled += n;
                        total += n as u64;
                    }
                }
            }
            if eof {
                let last = Part {
                    content: &buf[..filled],
                    line_offset,
                    owns: (own_start, filled),
                    whole: false,
                };
                // The last piece is the whole file when it is also the first (the file
                // shrank below a window while it was read).
                visit(Part {
                    whole: last.is_first(),
                    ..last
                });
                return Ok(Read::Content(total));
            }
            // This window ends after its last full line in its second half (a line longer
            // than half a window is cut where the window ends), so that each window moves
            // on by at least a quarter of one.
            let half = window / 2;
            let end = memchr::memrchr(b'\n', &buf[half..filled]).map_or(filled, |i| half + i + 1);
            // The next starts at the first line start in the last `overlap` bytes, and
            // this one reports what starts before the half-way point of the bytes they
            // share.
            let from = end - overlap;
            let next = memchr::memchr(b'\n', &buf[from..end]).map_or(from, |i| from + i + 1);
            let boundary = (next + (end - next) / 2).max(own_start);
            let go_on = visit(Part {
                content: &buf[..end],
                line_offset,
                owns: (own_start, boundary),
                whole: false,
            });
            if !go_on {
                return Ok(Read::Content(total));
            }
            line_offset += memchr::memchr_iter(b'\n', &buf[..next]).count();
            own_start = boundary - next;
            buf.copy_within(next..filled, 0);
            filled -= next;
        }
    }
}

/// One `read`, retried when interrupted.
fn read_some(file: &mut std::fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    use std::io::Read as _;
    loop {
        match file.read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            r => return r,
        }
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
        let read_whole = |buf: &mut ReadBuf, path: &Path| {
            let mut got = Vec::new();
            let r = buf.read(path, None, &mut |part| {
                assert!(part.whole && part.line_offset == 0);
                assert_eq!(part.owns, (0, part.content.len()));
                got.push(part.content.to_vec());
                true
            });
            (r, got)
        };
        for (name, bytes) in &files {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).expect("write");
            match read_whole(&mut buf, &path) {
                (Ok(Read::Content(n)), got) => {
                    assert_eq!(got, vec![bytes.clone()], "{name}");
                    assert_eq!(n, bytes.len() as u64);
                }
                (r, _) => panic!("{name}: {:?}", r.map(|_| ())),
            }
        }
        // Again in the other order, with the buffer now at its largest.
        for (name, bytes) in files.iter().rev() {
            match read_whole(&mut buf, &dir.path().join(name)) {
                (Ok(Read::Content(_)), got) => assert_eq!(got, vec![bytes.clone()], "{name}"),
                (r, _) => panic!("{name}: {:?}", r.map(|_| ())),
            }
        }
        assert!(read_whole(&mut buf, &dir.path().join("missing")).0.is_err());
    }

    /// A file read in windows: each window is the file's bytes at its place, starts on a
    /// line start, knows how many lines come before it; the stretches the windows own tile
    /// the file with no gap and no overlap; and a window owns nothing it does not also see
    /// followed by half the overlap (less one line), so that short findings are seen whole.
    /// Also a file of one long line, a file that ends in a newline right at a window's
    /// end, and the same file read whole when it fits.
    #[test]
    fn windows_tile_the_file_on_line_starts() {
        let dir = tempfile::tempdir().expect("temp dir");
        let window = 4096;
        let overlap = OVERLAP.min(window / 4);
        let mut text = Vec::new();
        let mut line_starts = Vec::new();
        for n in 0..2000usize {
            line_starts.push(text.len());
            let pad = (n * 37) % 90;
            text.extend_from_slice(format!("L{n:06} {}\n", "x".repeat(pad)).as_bytes());
        }
        text.extend_from_slice(b"last line without newline");
        // One line with no repeated stretch, so that each window's place is unambiguous.
        let long_line: Vec<u8> = (0..)
            .flat_map(|i| format!("{i:07}").into_bytes())
            .take(3 * window + 123)
            .collect();
        // Lines of 8 bytes: a window's end falls right after a newline.
        let exact: Vec<u8> = (0..window / 8 * 3)
            .flat_map(|i| format!("{i:07}\n").into_bytes())
            .collect();
        let mut buf = ReadBuf::default();
        for (name, bytes, lines) in [
            ("lines", &text, Some(&line_starts)),
            ("one-line", &long_line, None),
            ("exact", &exact, None),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).expect("write");
            type Seen = (Vec<u8>, usize, (usize, usize), bool);
            let mut parts: Vec<Seen> = Vec::new();
            let mut file = std::fs::File::open(&path).expect("open");
            let r = buf
                .read_windows(&mut file, window, &mut |p| {
                    assert!(p.content.len() <= window, "{name}: window too big");
                    parts.push((p.content.to_vec(), p.line_offset, p.owns, p.whole));
                    true
                })
                .expect("read");
            assert!(matches!(r, Read::Content(n) if n == bytes.len() as u64));
            assert!(parts.len() > 2, "{name}: {} parts", parts.len());
            // Where each window starts in the file: found by its content, checked against
            // the line count for the numbered file.
            let mut owned_to = 0;
            let mut search_from = 0;
            for (i, (content, line_offset, (from, to), whole)) in parts.iter().enumerate() {
                assert!(!whole);
                let start = (search_from..=bytes.len() - content.len())
                    .find(|&s| bytes[s..s + content.len()] == content[..])
                    .expect("window is a slice of the file");
                if name != "one-line" {
                    assert!(
                        start == 0 || bytes[start - 1] == b'\n',
                        "{name}: mid-line start"
                    );
                }
                assert_eq!(
                    *line_offset,
                    bytes[..start].iter().filter(|&&b| b == b'\n').count(),
                    "{name}: line offset"
                );
                if let Some(starts) = lines {
                    assert!(starts.binary_search(&start).is_ok() || start == 0);
                }
                assert_eq!(
                    start + from,
                    owned_to,
                    "{name}: part {i} leaves a gap or overlaps"
                );
                owned_to = start + to;
                if i + 1 < parts.len() {
                    // Half the overlap, less at most one line (lines here are under 100 bytes).
                    assert!(content.len() - to + 50 >= overlap / 2, "{name}: short tail");
                } else {
                    assert_eq!(start + content.len(), bytes.len());
                }
                search_from = start + 1;
            }
            assert_eq!(owned_to, bytes.len(), "{name}: end not owned");
        }
        // A file that fits the window is one whole piece.
        let path = dir.path().join("small");
        std::fs::write(&path, &text[..1000]).expect("write");
        let mut n = 0;
        buf.read(&path, Some(window), &mut |p| {
            assert!(p.whole && p.content == &text[..1000]);
            n += 1;
            true
        })
        .expect("read");
        assert_eq!(n, 1);
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
