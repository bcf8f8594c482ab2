//! Classification: which box a piece of content belongs in, and why, in words that never
//! repeat the sensitive values themselves.

use std::fmt;

use airlock_types::{BoxLevel, Finding, Kind};

use crate::Policy;

/// The box of some content and the reasons for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    pub box_level: BoxLevel,
    /// Highest box first. Empty when nothing put the content above box 1.
    pub reasons: Vec<Reason>,
}

/// Why content is in a box. Names rules, kinds, globs and the policy's own reasons;
/// never a finding's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A `[[paths]]` rule matches the file.
    Path {
        box_level: BoxLevel,
        glob: String,
        reason: String,
    },
    /// The content holds findings of one kind.
    Content {
        box_level: BoxLevel,
        kind: Kind,
        count: usize,
        /// The rules that found them, each once, in order of first finding.
        rule_ids: Vec<String>,
    },
}

impl Reason {
    pub fn box_level(&self) -> BoxLevel {
        match self {
            Reason::Path { box_level, .. } | Reason::Content { box_level, .. } => *box_level,
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Path { glob, reason, .. } => write!(f, "path matches `{glob}` ({reason})"),
            Reason::Content {
                kind,
                count,
                rule_ids,
                ..
            } => {
                let plural = if *count == 1 { "" } else { "s" };
                write!(
                    f,
                    "content: {count} {kind} finding{plural} ({})",
                    rule_ids.join(", ")
                )
            }
        }
    }
}

impl Policy {
    /// Classifies content at `rel_path` (relative to the policy's directory, if it is a
    /// file) holding `findings`: the highest of the path's box and each finding's box.
    /// Findings of rules turned off in `[allow] rules` do not count. Nothing found and no
    /// path rule: box 1.
    pub fn classify(&self, rel_path: Option<&str>, findings: &[Finding]) -> Classification {
        let mut reasons = Vec::new();
        if let Some((box_level, reason, glob)) = rel_path.and_then(|p| self.box_for_path(p)) {
            reasons.push(Reason::Path {
                box_level,
                glob: glob.to_string(),
                reason: reason.to_string(),
            });
        }
        let mut by_kind: Vec<Reason> = Vec::new();
        for f in findings
            .iter()
            .filter(|f| !self.is_rule_allowed(&f.rule_id))
        {
            let level = self.box_for_finding(f);
            let slot = by_kind
                .iter_mut()
                .find(|r| matches!(r, Reason::Content { kind, .. } if *kind == f.kind));
            match slot {
                Some(Reason::Content {
                    box_level,
                    count,
                    rule_ids,
                    ..
                }) => {
                    *box_level = (*box_level).max(level);
                    *count += 1;
                    if !rule_ids.contains(&f.rule_id) {
                        rule_ids.push(f.rule_id.clone());
                    }
                }
                _ => by_kind.push(Reason::Content {
                    box_level: level,
                    kind: f.kind,
                    count: 1,
                    rule_ids: vec![f.rule_id.clone()],
                }),
            }
        }
        reasons.extend(by_kind);
        // Stable: among equal boxes the path comes first, then kinds in order found.
        reasons.sort_by_key(|r| std::cmp::Reverse(r.box_level()));
        Classification {
            box_level: reasons
                .iter()
                .map(Reason::box_level)
                .max()
                .unwrap_or(BoxLevel::Safe),
            reasons,
        }
    }
}
