//! The organization's vocabulary as detection rules: internal hostnames, codenames,
//! confidentiality markers, and the custom patterns of `[[organization.patterns]]`.

use airlock_secrets::RuleSpec;
use airlock_types::{Confidence, Kind, Severity};

use crate::{CustomPattern, Policy};

/// The rule finding hostnames under `internal_domains`.
pub const INTERNAL_HOST_RULE_ID: &str = "org-internal-host";
/// The rule finding `codenames`.
pub const CODENAME_RULE_ID: &str = "org-codename";
/// The rule finding `confidentiality_markers`.
pub const MARKER_RULE_ID: &str = "org-marker";

pub(crate) const RESERVED_RULE_IDS: [&str; 3] =
    [INTERNAL_HOST_RULE_ID, CODENAME_RULE_ID, MARKER_RULE_ID];

/// A text no organization rule finds anything in.
const NOTHING_HERE: &str = "Nothing internal is mentioned in this sentence.";

impl Policy {
    /// The organization's detection rules, ready to add to the built-in ones: one rule for
    /// internal hostnames, one for codenames, one for confidentiality markers (each only
    /// when the policy lists some), then the custom patterns as written.
    pub fn detector_rules(&self) -> Vec<RuleSpec> {
        let org = &self.organization;
        let whose = org
            .name
            .as_deref()
            .map(|n| format!("{n}'s"))
            .unwrap_or_else(|| "the organization's".into());
        let mut specs = Vec::new();
        if !org.internal_domains.is_empty() {
            specs.push(host_rule(&org.internal_domains, &whose));
        }
        if !org.codenames.is_empty() {
            let mut s = base(
                CODENAME_RULE_ID,
                "Internal codename",
                Kind::Organization,
                Severity::Medium,
                "CODENAME",
                format!(
                    "One of {whose} internal codenames (`codenames` in airlock.toml): it tells \
                     outsiders what is being worked on."
                ),
            );
            s.pattern = Some(literal_alternation(&org.codenames));
            s.keywords = org.codenames.iter().map(|c| longest_word(c)).collect();
            s.examples = org
                .codenames
                .iter()
                .flat_map(|c| {
                    [
                        format!("Status of {c}: on track."),
                        format!("see the {} notes", c.to_lowercase()),
                    ]
                })
                .collect();
            specs.push(s);
        }
        if !org.confidentiality_markers.is_empty() {
            let mut s = base(
                MARKER_RULE_ID,
                "Confidentiality marker",
                Kind::Organization,
                Severity::High,
                "MARKER",
                format!(
                    "A confidentiality marker of {whose} (`confidentiality_markers` in \
                     airlock.toml): the content around it was labelled as not to be shared."
                ),
            );
            s.pattern = Some(literal_alternation(&org.confidentiality_markers));
            s.keywords = org
                .confidentiality_markers
                .iter()
                .map(|m| longest_word(m))
                .collect();
            s.examples = org
                .confidentiality_markers
                .iter()
                .map(|m| format!("{m} - do not forward"))
                .collect();
            specs.push(s);
        }
        specs.extend(org.patterns.iter().map(custom_spec));
        specs
    }
}

/// A rule spec with the fields every organization rule shares.
fn base(
    id: &str,
    title: &str,
    kind: Kind,
    severity: Severity,
    placeholder: &str,
    description: String,
) -> RuleSpec {
    RuleSpec {
        kind,
        severity,
        confidence: Confidence::High,
        placeholder: Some(placeholder.into()),
        // Codenames and markers are ordinary words; the "looks like a placeholder"
        // heuristics meant for secrets must not drop them.
        skip_placeholders: false,
        negative_examples: vec![NOTHING_HERE.into()],
        ..RuleSpec::new(id, title, description)
    }
}

fn host_rule(domains: &[String], whose: &str) -> RuleSpec {
    let mut s = base(
        INTERNAL_HOST_RULE_ID,
        "Internal hostname",
        Kind::Infrastructure,
        Severity::Medium,
        "INTERNAL_HOST",
        format!(
            "A host under one of {whose} internal domains (`internal_domains` in airlock.toml): \
             it maps internal infrastructure."
        ),
    );
    let mut sorted: Vec<&String> = domains.iter().collect();
    sorted.sort_by_key(|d| std::cmp::Reverse(d.len()));
    let alternatives = sorted
        .iter()
        .map(|d| regex::escape(d))
        .collect::<Vec<_>>()
        .join("|");
    // The host must not continue a longer name to its left (`notcorp.acme.com`, which
    // the regex crate cannot rule out with look-behind, so the character before it is
    // matched instead), and must end at a word boundary (`corp.acme.community` is not
    // internal).
    s.pattern = Some(format!(
        r"(?im)(?:^|[^\w.\-])(?P<secret>(?:[a-z0-9](?:[a-z0-9\-]{{0,61}}[a-z0-9])?\.)*(?:{alternatives}))\b"
    ));
    s.keywords = domains.to_vec();
    s.examples = domains
        .iter()
        .flat_map(|d| {
            [
                format!("ssh deploy@db01.{d}"),
                format!("wiki: https://{d}/start"),
            ]
        })
        .collect();
    s.negative_examples
        .extend(domains.iter().map(|d| format!("mirror at not{d}")));
    s
}

/// Matches any of `literals` in any letter case, whitespace runs matching any whitespace,
/// as whole words where they start or end with a word character.
fn literal_alternation(literals: &[String]) -> String {
    let mut sorted: Vec<&String> = literals.iter().collect();
    sorted.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let alternatives = sorted
        .iter()
        .map(|l| {
            let body = l
                .split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+");
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            let start = if word(l.chars().next()) { r"\b" } else { "" };
            let end = if word(l.chars().last()) { r"\b" } else { "" };
            format!("{start}{body}{end}")
        })
        .collect::<Vec<_>>()
        .join("|");
    format!("(?i)(?P<secret>{alternatives})")
}

/// The longest word of a phrase: the keyword that gates its rule.
fn longest_word(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap_or(phrase)
        .to_string()
}

/// A custom pattern as a rule spec.
pub(crate) fn custom_spec(p: &CustomPattern) -> RuleSpec {
    let description = p.description.clone().unwrap_or_else(|| {
        format!(
            "{}: the organization's own pattern ([[organization.patterns]] in airlock.toml).",
            p.title
        )
    });
    RuleSpec {
        kind: p.kind,
        severity: p.severity,
        confidence: p.confidence,
        placeholder: p.placeholder.clone(),
        keywords: p.keywords.clone(),
        pattern: Some(p.pattern.clone()),
        examples: p.examples.clone(),
        negative_examples: p.negative_examples.clone(),
        ..RuleSpec::new(p.id.clone(), p.title.clone(), description)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_become_whole_word_alternatives() {
        let p = literal_alternation(&["Project Falcon".into(), "C++".into()]);
        assert_eq!(p, r"(?i)(?P<secret>\bProject\s+Falcon\b|\bC\+\+)");
    }

    #[test]
    fn longest_word_gates_a_phrase() {
        assert_eq!(longest_word("Project Falcon"), "Project");
        assert_eq!(longest_word("BLUEBIRD"), "BLUEBIRD");
    }
}
