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
        rules.push(rule_json(r, lookup(&r.rule)));
    }
    let results: Vec<Value> = records
        .iter()
        .map(|r| {
            let mut props = json!({
                "kind": r.kind,
                "confidence": r.confidence,
                "box": r.box_level,
                "secret": r.secret,
            });
            if let Some(c) = &r.commit {
                props["commit"] = json!(c);
            }
            json!({
                "ruleId": r.rule,
                "ruleIndex": rule_index[r.rule.as_str()],
                "level": r.severity.sarif_level(),
                "message": { "text": format!("{} ({}), {}", r.title, r.secret, r.box_level) },
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
                "partialFingerprints": { "airlockSecret/v1": r.fingerprint },
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

fn rule_json(r: &Record, spec: Option<&RuleSpec>) -> Value {
    let cwe: Cwe = r.kind.cwe();
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
            "tags": ["security", "secret", r.kind.as_str(), cwe.to_string()],
            "precision": match r.confidence {
                airlock_types::Confidence::High => "high",
                airlock_types::Confidence::Medium => "medium",
                airlock_types::Confidence::Low => "low",
            },
            "security-severity": match r.severity {
                airlock_types::Severity::Critical => "9.5",
                airlock_types::Severity::High => "8.0",
                airlock_types::Severity::Medium => "5.5",
                airlock_types::Severity::Low => "3.0",
            },
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
