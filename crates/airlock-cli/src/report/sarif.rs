//! SARIF 2.1.0 output, for code-scanning dashboards. Each rule carries its CWE as
//! `CWE-NNN` in `properties.tags` and its documentation as help text.

use std::collections::BTreeMap;
use std::io::Write;

use airlock_secrets::RuleSpec;
use airlock_types::Cwe;
use anyhow::Result;
use serde_json::{json, Value};

use super::Record;

/// Looks up a rule's documentation by id.
pub type RuleLookup<'a> = dyn Fn(&str) -> Option<&'a RuleSpec> + 'a;

pub fn write(out: &mut dyn Write, records: &[Record], lookup: &RuleLookup<'_>) -> Result<()> {
    let mut rule_index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut rules: Vec<Value> = Vec::new();
    for r in records {
        if rule_index.contains_key(r.rule.as_str()) {
            continue;
        }
        rule_index.insert(&r.rule, rules.len());
        rules.push(match &r.code {
            Some(_) => code_rule_json(r),
            None => rule_json(r, lookup(&r.rule)),
        });
    }
    let results: Vec<Value> = records
        .iter()
        .map(|r| {
            let mut props = match &r.code {
                Some(c) => json!({
                    "confidence": r.confidence,
                    "cwe": c.cwe,
                    "language": c.language,
                    "fix": c.fix,
                }),
                None => json!({
                    "kind": r.kind,
                    "confidence": r.confidence,
                    "box": r.box_level,
                    "secret": r.secret,
                }),
            };
            if let Some(c) = &r.commit {
                props["commit"] = json!(c);
            }
            let message = match &r.code {
                Some(c) => format!("{} Fix: {}", c.message, c.fix),
                None => format!(
                    "{} ({}), {}",
                    r.title,
                    r.secret.as_deref().unwrap_or(""),
                    r.box_level.map(|b| b.to_string()).unwrap_or_default()
                ),
            };
            let fingerprint_key = if r.code.is_some() {
                "airlockCode/v1"
            } else {
                "airlockSecret/v1"
            };
            json!({
                "ruleId": r.rule,
                "ruleIndex": rule_index[r.rule.as_str()],
                "level": r.severity.sarif_level(),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&r.path) },
                        "region": {
                            "startLine": r.line,
                            "startColumn": r.column,
                            "endLine": r.end_line,
                            "endColumn": r.end_column,
                        }
                    }
                }],
                "partialFingerprints": { fingerprint_key: r.fingerprint },
                "properties": props,
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "airlock",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(())
}

fn uri(path: &str) -> String {
    path.trim_start_matches("./").replace('\\', "/")
}

/// A code rule's SARIF entry, rendered from the rule file's own documentation.
fn code_rule_json(r: &Record) -> Value {
    let Some(rule) = airlock_code::Analyzer::new().rule(&r.rule) else {
        return json!({ "id": r.rule, "shortDescription": { "text": r.title } });
    };
    let s = &rule.spec;
    let cwes: Vec<String> = std::iter::once(s.cwe)
        .chain(s.also_cwe.iter().copied())
        .map(|c| Cwe(c).to_string())
        .collect();
    let help = format!("{}\n\nWhy: {}\n\nFix: {}", s.summary, s.why, s.fix);
    let mut markdown = format!(
        "**{}**\n\n{}\n\n**Why it matters.** {}\n\n**What to do.** {}",
        s.title, s.summary, s.why, s.fix
    );
    if let Some(ex) = s.example.first() {
        markdown.push_str(&format!(
            "\n\nInsecure ({lang}):\n```{lang}\n{}\n```\nInstead:\n```{lang}\n{}\n```",
            ex.bad.trim(),
            ex.good.trim(),
            lang = ex.lang
        ));
    }
    for reference in &s.references {
        markdown.push_str(&format!("\n\n- <{reference}>"));
    }
    let mut tags = vec!["security".to_string(), "code".to_string()];
    tags.extend(cwes.iter().cloned());
    json!({
        "id": s.id,
        "name": camel(&s.id),
        "shortDescription": { "text": s.title },
        "fullDescription": { "text": s.summary },
        "help": { "text": help, "markdown": markdown },
        "helpUri": s.references.first().cloned().unwrap_or_else(|| format!("https://cwe.mitre.org/data/definitions/{}.html", s.cwe)),
        "defaultConfiguration": { "level": s.severity.sarif_level() },
        "properties": {
            "tags": tags,
            "cwe": cwes,
            "precision": s.confidence.as_str(),
            "security-severity": severity_score(s.severity),
        },
    })
}

fn severity_score(s: airlock_types::Severity) -> &'static str {
    match s {
        airlock_types::Severity::Critical => "9.5",
        airlock_types::Severity::High => "8.0",
        airlock_types::Severity::Medium => "5.5",
        airlock_types::Severity::Low => "3.0",
    }
}

fn rule_json(r: &Record, spec: Option<&RuleSpec>) -> Value {
    let kind = r.kind.unwrap_or(airlock_types::Kind::Credential);
    let cwe: Cwe = kind.cwe();
    let (title, description, refs) = match spec {
        Some(s) => (s.title.clone(), s.description.clone(), s.references.clone()),
        None => (r.title.clone(), r.title.clone(), Vec::new()),
    };
    let help = format!(
        "{description}\n\nWhat to do: remove the value from the content, rotate it if it was real, \
and load it from the environment or a secret manager. To accept a known value, add \
`airlock:allow` on its line or record it with `airlock baseline`."
    );
    let mut markdown = format!("**{title}**\n\n{help}");
    for r in &refs {
        markdown.push_str(&format!("\n\n- <{r}>"));
    }
    json!({
        "id": r.rule,
        "name": camel(&r.rule),
        "shortDescription": { "text": title },
        "fullDescription": { "text": description },
        "help": { "text": help, "markdown": markdown },
        "helpUri": refs.first().cloned().unwrap_or_else(|| format!("https://cwe.mitre.org/data/definitions/{}.html", cwe.0)),
        "defaultConfiguration": { "level": r.severity.sarif_level() },
        "properties": {
            "tags": ["security", "secret", kind.as_str(), cwe.to_string()],
            "precision": match r.confidence {
                airlock_types::Confidence::High => "high",
                airlock_types::Confidence::Medium => "medium",
                airlock_types::Confidence::Low => "low",
            },
            "security-severity": severity_score(r.severity),
        },
    })
}

fn camel(id: &str) -> String {
    id.split(['-', '.', '_'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}
