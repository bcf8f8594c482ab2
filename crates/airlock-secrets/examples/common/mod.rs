//! Helpers shared by the examples (a folder, so Cargo does not build it as an example).
#![allow(dead_code)]

/// Every text file under `dir`, read into memory (files with a NUL byte in their first 8 KiB
/// are binary and left out).
pub fn walk(dir: &std::path::Path, out: &mut Vec<Vec<u8>>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if let Ok(b) = std::fs::read(&p) {
            if !b[..b.len().min(8192)].contains(&0) {
                out.push(b);
            }
        }
    }
}

/// CPU time of this thread so far (from the scheduler), less disturbed by load than wall time.
pub fn thread_cpu() -> std::time::Duration {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let ns: u64 = s
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    std::time::Duration::from_nanos(ns)
}
