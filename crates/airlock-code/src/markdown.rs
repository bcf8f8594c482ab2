//! Code blocks in a model's answer: fenced blocks with or without a language tag (the
//! language is inferred when absent), reviewed with line numbers in the answer.

use serde::Serialize;

use crate::analyze::{Analyzer, CodeFinding};
use crate::lang::Language;

/// A fenced code block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeBlock<'a> {
    /// The language from the fence tag, else inferred; `None` when neither says.
    pub lang: Option<Language>,
    pub code: &'a str,
    /// 1-based line of the block's first code line in the answer.
    pub first_line: usize,
    /// 0-based index of the block among the answer's blocks.
    pub index: usize,
}

/// A finding in an answer: which block, and the line in the answer.
#[derive(Debug, Clone, Serialize)]
pub struct BlockFinding {
    pub block: usize,
    pub language: &'static str,
    /// Line in the whole answer (the finding's own `line` is within the block).
    pub answer_line: usize,
    #[serde(flatten)]
    pub finding: CodeFinding,
}

/// The fenced code blocks of a Markdown text (``` or ~~~ fences, any indentation up to
/// three spaces). An unterminated fence runs to the end, as in a cut-off stream.
pub fn code_blocks(text: &str) -> Vec<CodeBlock<'_>> {
    let mut out = Vec::new();
    let mut offset = 0usize;
    let mut line_no = 0usize;
    let mut open: Option<(String, usize, usize, Option<Language>)> = None; // fence, start byte, first line, lang
    for line in text.split_inclusive('\n') {
        line_no += 1;
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let fence_char = trimmed.chars().next();
        let is_fence = indent <= 3 && matches!(fence_char, Some('`') | Some('~')) && {
            let c = fence_char.unwrap_or('`');
            trimmed.chars().take_while(|&x| x == c).count() >= 3
        };
        match &open {
            None if is_fence => {
                let c = fence_char.unwrap_or('`');
                let n = trimmed.chars().take_while(|&x| x == c).count();
                let fence: String = std::iter::repeat_n(c, n).collect();
                let info = trimmed[n..].trim();
                let tag = info
                    .split(|ch: char| ch.is_whitespace() || ch == '{' || ch == ',')
                    .next()
                    .unwrap_or("");
                open = Some((
                    fence,
                    offset + line.len(),
                    line_no + 1,
                    Language::from_name(tag),
                ));
            }
            Some((fence, start, first, lang))
                if is_fence
                    && trimmed.trim_end().starts_with(fence.as_str())
                    && trimmed.trim_end().chars().all(|x| Some(x) == fence_char) =>
            {
                let code = &text[*start..offset];
                let lang = lang.or_else(|| Language::infer(code));
                out.push(CodeBlock {
                    lang,
                    code,
                    first_line: *first,
                    index: out.len(),
                });
                open = None;
            }
            _ => {}
        }
        offset += line.len();
    }
    if let Some((_, start, first, lang)) = open {
        let code = &text[start.min(text.len())..];
        let lang = lang.or_else(|| Language::infer(code));
        out.push(CodeBlock {
            lang,
            code,
            first_line: first,
            index: out.len(),
        });
    }
    out
}

/// Reviews every code block of an answer whose language is known or can be inferred.
pub fn review_markdown(analyzer: &Analyzer, answer: &str) -> Vec<BlockFinding> {
    let mut out = Vec::new();
    for b in code_blocks(answer) {
        let Some(lang) = b.lang else { continue };
        for f in analyzer.analyze(b.code, lang) {
            out.push(BlockFinding {
                block: b.index,
                language: lang.name(),
                answer_line: b.first_line + f.line - 1,
                finding: f,
            });
        }
    }
    out
}
