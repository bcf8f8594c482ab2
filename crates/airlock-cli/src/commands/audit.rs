//! `airlock audit [verify]`: read and export the gateway's audit log (table, JSON, JSON Lines,
//! CSV) with filters, and check its hash chain. Also the `--database-url` argument and its
//! precedence (flag > `AIRLOCK_DATABASE_URL` > the data folder), shared with `airlock keys`.

use std::io::Write;
use std::process::ExitCode;

use airlock_audit::time::{format_rfc3339, now_ms, parse_time};
use airlock_audit::{
    default_database_path, redact_url, AuditRecord, AuditStore, DatabaseLocation, Query,
    VerifyReport, DATABASE_URL_ENV, DECISIONS,
};
use anyhow::{bail, Context as _, Result};
use clap::{Args, Subcommand, ValueEnum};

/// Where the audit database is.
#[derive(Args, Clone, Debug)]
pub struct DatabaseArgs {
    /// The audit database: a SQLite file path, sqlite://PATH or postgres://USER@HOST/DB
    /// [default: $XDG_DATA_HOME/airlock/airlock-audit.db, else ~/.local/share/airlock/airlock-audit.db]
    #[arg(long, value_name = "URL", env = DATABASE_URL_ENV, hide_env_values = true)]
    pub database_url: Option<String>,
}

impl DatabaseArgs {
    /// The URL to open: the flag or environment variable, else the default file.
    pub fn url(&self) -> Result<String> {
        if let Some(u) = self
            .database_url
            .as_deref()
            .filter(|u| !u.trim().is_empty())
        {
            return Ok(u.to_string());
        }
        let path = default_database_path().context(
            "no data folder (neither XDG_DATA_HOME nor HOME is set); pass --database-url or set \
             AIRLOCK_DATABASE_URL",
        )?;
        Ok(path.display().to_string())
    }

    /// Opens the store. With `must_exist`, a SQLite file that is not there is an error rather
    /// than a new empty log (reading a log that does not exist is a mistake worth saying).
    pub async fn open(&self, must_exist: bool) -> Result<AuditStore> {
        let url = self.url()?;
        if must_exist {
            if let DatabaseLocation::Sqlite(path) = DatabaseLocation::parse(&url)? {
                if !path.exists() {
                    bail!(
                        "no audit database at {} (the gateway creates it on first use; pass \
                         --database-url or set {DATABASE_URL_ENV} to read another one)",
                        path.display()
                    );
                }
            }
        }
        let shown = redact_url(&url);
        AuditStore::open(&url)
            .await
            .with_context(|| format!("cannot open the audit database {shown}"))
    }
}

/// Runs a whole command on one small runtime: the CLI is synchronous, the store is async, and
/// the store's connections live on the runtime that opened it.
pub fn block_on<F: std::future::Future<Output = Result<ExitCode>>>(f: F) -> Result<ExitCode> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?
        .block_on(f)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Aligned columns for people.
    Table,
    /// One JSON array, one record per line.
    Json,
    /// JSON Lines: one record object per line, for log pipelines.
    Jsonl,
    /// RFC 4180 CSV with a header row.
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum VerifyFormat {
    Text,
    Json,
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct AuditArgs {
    #[command(subcommand)]
    command: Option<AuditCommand>,
    #[command(flatten)]
    db: DatabaseArgs,
    /// Records at or after this time: RFC 3339 (2026-01-31T09:00:00Z), a date, or a span back
    /// from now (90s, 30m, 24h, 7d, 2w).
    #[arg(long, value_name = "TIME")]
    since: Option<String>,
    /// Records before this time (same forms as --since).
    #[arg(long, value_name = "TIME")]
    until: Option<String>,
    /// Only this user.
    #[arg(long)]
    user: Option<String>,
    /// Only this team.
    #[arg(long)]
    team: Option<String>,
    /// Only this decision: allow, redact, block, reroute, refuse or error.
    #[arg(long)]
    decision: Option<String>,
    /// Only requests that asked for or used this model.
    #[arg(long)]
    model: Option<String>,
    /// At most this many records, the most recent ones (printed oldest first).
    #[arg(long)]
    limit: Option<u32>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ExportFormat,
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Check the hash chain from the first record to the head; exit 1 if it is broken.
    Verify {
        #[command(flatten)]
        db: DatabaseArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: VerifyFormat,
        /// SEQ:HASH written down from an earlier verify: record SEQ must still have HASH
        /// (detects a rewrite of the whole chain). Repeatable.
        #[arg(long, value_name = "SEQ:HASH")]
        anchor: Vec<String>,
    },
    /// Delete the oldest records, those before --before, after checking the chain; what remains
    /// still verifies. Refuses a broken chain.
    Prune {
        #[command(flatten)]
        db: DatabaseArgs,
        /// Delete records before this time: RFC 3339, a date, or a span back from now (90d).
        #[arg(long, value_name = "TIME")]
        before: String,
    },
}

pub fn run(args: AuditArgs) -> Result<ExitCode> {
    block_on(run_async(args))
}

async fn run_async(args: AuditArgs) -> Result<ExitCode> {
    match args.command {
        Some(AuditCommand::Verify { db, format, anchor }) => {
            return verify(&db, format, &anchor).await
        }
        Some(AuditCommand::Prune { db, before }) => return prune(&db, &before).await,
        None => {}
    }
    let now = now_ms();
    let time = |s: &Option<String>| s.as_deref().map(|s| parse_time(s, now)).transpose();
    if let Some(d) = args.decision.as_deref() {
        if !DECISIONS.contains(&d) {
            bail!("--decision {d:?} is not one of {}", DECISIONS.join(", "));
        }
    }
    let query = Query {
        since_ms: time(&args.since)?,
        until_ms: time(&args.until)?,
        user: args.user,
        team: args.team,
        decision: args.decision,
        model: args.model,
        limit: args.limit,
    };
    let store = args.db.open(true).await?;
    let records = store
        .query(&query)
        .await
        .context("cannot read the audit log")?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        ExportFormat::Table => write_table(&mut out, &records)?,
        ExportFormat::Json => write_json(&mut out, &records)?,
        ExportFormat::Jsonl => {
            for r in &records {
                serde_json::to_writer(&mut out, &JsonRecord::from(r))?;
                writeln!(out)?;
            }
        }
        ExportFormat::Csv => write_csv(&mut out, &records)?,
    }
    out.flush()?;
    if records.is_empty() && args.format == ExportFormat::Table {
        eprintln!("airlock: no audit records match");
    }
    Ok(ExitCode::SUCCESS)
}

async fn prune(db: &DatabaseArgs, before: &str) -> Result<ExitCode> {
    let before_ms = parse_time(before, now_ms())?;
    let store = db.open(true).await?;
    let n = store
        .prune_before(before_ms)
        .await
        .context("cannot prune the audit log")?;
    let report = store
        .verify()
        .await
        .context("cannot verify the audit log")?;
    eprintln!(
        "airlock: pruned {n} records before {}; the log keeps {} records, from record {}",
        format_rfc3339(before_ms),
        report.records,
        report.base_seq + 1
    );
    Ok(ExitCode::SUCCESS)
}

fn parse_anchor(a: &str) -> Result<(i64, String)> {
    let parsed = a.split_once(':').and_then(|(seq, hash)| {
        let ok = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
        Some((
            seq.parse::<i64>().ok().filter(|s| *s > 0)?,
            hash.to_string(),
        ))
        .filter(|_| ok)
    });
    parsed.with_context(|| {
        format!("--anchor {a:?} is not SEQ:HASH (a record number and its 64-hex-digit hash)")
    })
}

async fn verify(db: &DatabaseArgs, format: VerifyFormat, anchors: &[String]) -> Result<ExitCode> {
    let anchors = anchors
        .iter()
        .map(|a| parse_anchor(a))
        .collect::<Result<Vec<_>>>()?;
    let store = db.open(true).await?;
    let report: VerifyReport = store
        .verify_anchored(&anchors)
        .await
        .context("cannot verify the audit log")?;
    match format {
        VerifyFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        VerifyFormat::Text => match &report.broken {
            None => {
                let pruned = if report.base_seq > 0 {
                    format!(" (records 1 to {} pruned)", report.base_seq)
                } else {
                    String::new()
                };
                println!(
                    "audit log intact: {} records{pruned}, head record {} hash {}",
                    report.records, report.head_seq, report.head_hash
                );
                if report.head_seq > 0 {
                    println!(
                        "keep this anchor outside the database and check it later: \
                         --anchor {}:{}",
                        report.head_seq, report.head_hash
                    );
                }
            }
            Some(b) => println!(
                "audit log BROKEN at record {}: {} ({} records checked)",
                b.seq, b.reason, report.records
            ),
        },
    }
    Ok(if report.is_intact() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// A record for JSON output: the stored fields with the time also in RFC 3339.
#[derive(serde::Serialize)]
struct JsonRecord<'a> {
    time: String,
    #[serde(flatten)]
    record: &'a AuditRecord,
}

impl<'a> From<&'a AuditRecord> for JsonRecord<'a> {
    fn from(record: &'a AuditRecord) -> Self {
        JsonRecord {
            time: format_rfc3339(record.event.time_ms),
            record,
        }
    }
}

fn write_json(out: &mut dyn Write, records: &[AuditRecord]) -> Result<()> {
    write!(out, "[")?;
    for (i, r) in records.iter().enumerate() {
        writeln!(out, "{}", if i == 0 { "" } else { "," })?;
        serde_json::to_writer(&mut *out, &JsonRecord::from(r))?;
    }
    writeln!(out, "{}]", if records.is_empty() { "" } else { "\n" })?;
    Ok(())
}

/// Text a terminal shows as is: control characters (escape sequences from a tampered row)
/// become `?`.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

fn findings_text(r: &AuditRecord) -> String {
    r.event
        .findings
        .iter()
        .map(|(k, n)| format!("{k}={n}"))
        .collect::<Vec<_>>()
        .join(";")
}

fn opt(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

fn write_table(out: &mut dyn Write, records: &[AuditRecord]) -> Result<()> {
    const HEAD: [&str; 11] = [
        "SEQ",
        "TIME (UTC)",
        "USER",
        "TEAM",
        "DECISION",
        "BOX",
        "MODEL",
        "FINDINGS",
        "TOKENS",
        "MS",
        "STATUS",
    ];
    let rows: Vec<[String; 11]> = records
        .iter()
        .map(|r| {
            let e = &r.event;
            let t = format_rfc3339(e.time_ms);
            let model = match (&e.model_requested, &e.model_used) {
                (Some(a), Some(b)) if a != b => format!("{a}->{b}"),
                (a, b) => if opt(b).is_empty() { opt(a) } else { opt(b) }.to_string(),
            };
            let tokens = match (e.input_tokens, e.output_tokens) {
                (None, None) => String::new(),
                (i, o) => format!(
                    "{}/{}",
                    i.map_or("-".into(), |v| v.to_string()),
                    o.map_or("-".into(), |v| v.to_string())
                ),
            };
            [
                r.seq.to_string(),
                format!("{} {}", &t[..10], &t[11..19]),
                opt(&e.user).to_string(),
                opt(&e.team).to_string(),
                e.decision.clone(),
                e.box_level.to_string(),
                model,
                findings_text(r),
                tokens,
                (e.latency_us / 1000).to_string(),
                e.status.to_string(),
            ]
            .map(|c| printable(&c))
        })
        .collect();
    let mut widths = HEAD.map(str::len);
    for row in &rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(&format!("{c:<w$}  "));
            }
        }
        s.trim_end().to_string()
    };
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", line(&HEAD.map(str::to_string)))?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

/// One CSV field: quoted when needed (RFC 4180); text that a spreadsheet would run as a
/// formula (starting with = + - @) gets a leading `'`, since labels such as the client come
/// from request headers.
fn csv_field(s: &str, text: bool) -> String {
    let s = if text && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn write_csv(out: &mut dyn Write, records: &[AuditRecord]) -> Result<()> {
    writeln!(
        out,
        "seq,time,request_id,user,team,client,endpoint,model_requested,model_used,upstream,\
         decision,box,findings,redactions,fingerprints,input_tokens,output_tokens,latency_us,\
         status,error,prev_hash,hash"
    )?;
    for r in records {
        let e = &r.event;
        let num = |v: Option<u64>| v.map_or(String::new(), |v| v.to_string());
        let fields = [
            (r.seq.to_string(), false),
            (format_rfc3339(e.time_ms), false),
            (e.request_id.clone(), true),
            (opt(&e.user).to_string(), true),
            (opt(&e.team).to_string(), true),
            (opt(&e.client).to_string(), true),
            (e.endpoint.clone(), true),
            (opt(&e.model_requested).to_string(), true),
            (opt(&e.model_used).to_string(), true),
            (opt(&e.upstream).to_string(), true),
            (e.decision.clone(), true),
            (e.box_level.to_string(), false),
            (findings_text(r), true),
            (e.redactions.to_string(), false),
            (e.fingerprints.join(" "), true),
            (num(e.input_tokens), false),
            (num(e.output_tokens), false),
            (e.latency_us.to_string(), false),
            (e.status.to_string(), false),
            (opt(&e.error).to_string(), true),
            (r.prev_hash.clone(), false),
            (r.hash.clone(), false),
        ];
        let line: Vec<String> = fields.iter().map(|(f, text)| csv_field(f, *text)).collect();
        writeln!(out, "{}", line.join(","))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv_field("plain", true), "plain");
        assert_eq!(csv_field("a,b", true), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\"", true), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(1)", true), "'=HYPERLINK(1)");
        assert_eq!(csv_field("-5", false), "-5");
    }
}
