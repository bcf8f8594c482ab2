//! JSON output: one document with every finding and a summary.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::Record;

#[derive(Serialize)]
struct Document<'a> {
    version: &'static str,
    findings: &'a [Record],
    summary: Summary,
}

#[derive(Serialize)]
pub struct Summary {
    pub files_scanned: u64,
    pub bytes_scanned: u64,
    pub findings: usize,
    pub suppressed_by_baseline: usize,
    pub skipped: usize,
}

pub fn write(out: &mut dyn Write, records: &[Record], summary: Summary) -> Result<()> {
    let doc = Document {
        version: env!("CARGO_PKG_VERSION"),
        findings: records,
        summary,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(())
}
