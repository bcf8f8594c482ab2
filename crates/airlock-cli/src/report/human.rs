//! Human output, modelled on rustc's diagnostics: what was found, where, the line with the
//! secret masked, and what to do.

use std::io::{IsTerminal, Write};

use anyhow::Result;

use super::Record;

pub struct Style {
    color: bool,
}

impl Style {
    pub fn detect(no_color: bool) -> Style {
        Style {
            color: !no_color
                && std::env::var_os("NO_COLOR").is_none()
                && std::io::stdout().is_terminal(),
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

pub fn write(out: &mut dyn Write, records: &[Record], style: &Style) -> Result<()> {
    for r in records {
        let level = match r.severity {
            airlock_types::Severity::Critical | airlock_types::Severity::High => {
                style.paint("1;31", "error")
            }
            airlock_types::Severity::Medium => style.paint("1;33", "warning"),
            airlock_types::Severity::Low => style.paint("1;36", "note"),
        };
        writeln!(
            out,
            "{level}[{}]: {}",
            style.paint("1", &r.rule),
            style.paint("1", &r.title)
        )?;
        let width = r.line.to_string().len();
        let pad = " ".repeat(width);
        writeln!(
            out,
            "{pad}{} {}:{}:{}",
            style.paint("1;34", "-->"),
            r.path,
            r.line,
            r.column
        )?;
        if let Some(c) = &r.commit {
            let short = &c.commit[..c.commit.len().min(12)];
            writeln!(
                out,
                "{pad}  = commit {short} by {} <{}> on {}",
                c.author, c.email, c.date
            )?;
        }
        writeln!(out, "{pad} {}", style.paint("1;34", "|"))?;
        writeln!(
            out,
            "{} {} {}",
            style.paint("1;34", &r.line.to_string()),
            style.paint("1;34", "|"),
            r.line_text
        )?;
        let eq = style.paint("1;34", "=");
        match (&r.code, r.kind, r.box_level, &r.secret) {
            (Some(c), _, _, _) => {
                writeln!(out, "{pad} {eq} {}", c.message)?;
                writeln!(
                    out,
                    "{pad} {eq} {}, {} severity, confidence {}",
                    c.cwe.join(", "),
                    r.severity.as_str(),
                    r.confidence.as_str()
                )?;
                writeln!(out, "{pad} {eq} {} {}", style.paint("1", "fix:"), c.fix)?;
            }
            (None, Some(kind), Some(level), Some(secret)) => {
                writeln!(
                    out,
                    "{pad} {eq} {kind}, {level}, confidence {}, value {secret}",
                    r.confidence.as_str()
                )?;
            }
            _ => {}
        }
        writeln!(out)?;
    }
    Ok(())
}
