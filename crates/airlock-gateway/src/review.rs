//! The hook for reviewing model answers: the gateway hands each answer's Markdown to an
//! [`AnswerReviewer`] and, by policy, notes its findings after the answer or stops it.

use airlock_types::Severity;

/// One problem a reviewer found in an answer's code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerFinding {
    pub rule_id: String,
    pub title: String,
    pub cwe: Option<u32>,
    pub severity: Severity,
    /// 1-based line in the answer's Markdown.
    pub line: usize,
    pub message: String,
}

/// Reviews the code in a model's answer. Called with the whole answer so far; must be
/// cheap enough to run when each code block closes.
pub trait AnswerReviewer: Send + Sync {
    fn review(&self, answer_markdown: &str) -> Vec<AnswerFinding>;
}

/// Finds nothing: the default until a real analyzer is plugged in.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoReview;

impl AnswerReviewer for NoReview {
    fn review(&self, _answer_markdown: &str) -> Vec<AnswerFinding> {
        Vec::new()
    }
}

/// The note added after an answer, one line per finding.
pub fn annotation(findings: &[AnswerFinding]) -> String {
    let mut s = String::from("\n\n---\n[airlock] security review of the code above:\n");
    for f in findings {
        let cwe = f.cwe.map(|c| format!(" (CWE-{c})")).unwrap_or_default();
        s.push_str(&format!(
            "- line {}: {} [{}]{cwe}: {}\n",
            f.line,
            f.title,
            f.severity.as_str(),
            f.message
        ));
    }
    s
}

/// Why an answer was stopped, without quoting it.
pub fn block_reason(findings: &[AnswerFinding]) -> String {
    let names: Vec<String> = findings
        .iter()
        .map(|f| match f.cwe {
            Some(c) => format!("{} (CWE-{c}, line {})", f.rule_id, f.line),
            None => format!("{} (line {})", f.rule_id, f.line),
        })
        .collect();
    format!("the answer's code has {}", names.join(", "))
}

/// Tracks an answer as it streams, and says when a code block has just closed: the
/// moment a reviewer can look at a complete piece of code.
#[derive(Debug, Default)]
pub struct AnswerText {
    pub text: String,
    fences: usize,
    /// Where the next fence search starts; kept two bytes short of the end so that a
    /// fence split across deltas is still found, once.
    scan: usize,
}

impl AnswerText {
    /// Appends a delta; true when a code fence closed within it.
    pub fn push(&mut self, delta: &str) -> bool {
        let before = self.fences;
        self.text.push_str(delta);
        while let Some(i) = self.text[self.scan..].find("```") {
            self.fences += 1;
            self.scan += i + 3;
        }
        let mut floor = self.text.len().saturating_sub(2);
        while !self.text.is_char_boundary(floor) {
            floor -= 1;
        }
        self.scan = self.scan.max(floor);
        self.fences / 2 > before / 2
    }

    /// Whether a code block is open.
    pub fn in_code(&self) -> bool {
        self.fences % 2 == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closing_fence_is_seen_once_even_when_split() {
        let mut a = AnswerText::default();
        assert!(!a.push("Here:\n``"));
        assert!(!a.push("`py\nx = 1\n`"));
        assert!(a.push("``\nDone"));
        assert!(!a.push(" more text"));
        assert_eq!(a.text, "Here:\n```py\nx = 1\n```\nDone more text");
    }
}
