//! Errors for patterns that cannot be parsed, each carrying the byte offset in the pattern.

/// Why a pattern was rejected. Offsets are byte offsets into the pattern string.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegexError {
    #[error("unterminated character class opened at byte {offset}: add a closing `]`")]
    UnterminatedClass { offset: usize },
    #[error("missing `)` for the group opened at byte {offset}")]
    UnclosedGroup { offset: usize },
    #[error("unmatched `)` at byte {offset}")]
    UnmatchedParen { offset: usize },
    #[error("nothing to repeat at byte {offset}: the quantifier has no atom before it")]
    NothingToRepeat { offset: usize },
    #[error("quantifier at byte {offset} follows another quantifier")]
    NestedQuantifier { offset: usize },
    #[error("bad repetition at byte {offset}: {detail}")]
    BadRepeat { offset: usize, detail: String },
    #[error("character range out of order at byte {offset}: {lo:?}-{hi:?}")]
    BadRange { offset: usize, lo: char, hi: char },
    #[error("bad escape at byte {offset}: {detail}")]
    BadEscape { offset: usize, detail: String },
    #[error("pattern ends with a lone backslash at byte {offset}")]
    TrailingBackslash { offset: usize },
    #[error("reference to undefined group {name:?} at byte {offset}")]
    UndefinedGroup { offset: usize, name: String },
    #[error("malformed group at byte {offset}: {detail}")]
    BadGroup { offset: usize, detail: String },
    #[error("unknown flag {flag:?} in the flags argument (known: i m s x u v g y d n U a L)")]
    UnknownFlag { flag: char },
    #[error("groups nested deeper than {limit} at byte {offset}")]
    TooDeep { offset: usize, limit: usize },
    #[error("unsupported construct at byte {offset}: {what}")]
    Unsupported { offset: usize, what: String },
}

impl RegexError {
    /// Byte offset in the pattern, when the error is about a place in it.
    pub fn offset(&self) -> Option<usize> {
        use RegexError::*;
        match self {
            UnterminatedClass { offset }
            | UnclosedGroup { offset }
            | UnmatchedParen { offset }
            | NothingToRepeat { offset }
            | NestedQuantifier { offset }
            | BadRepeat { offset, .. }
            | BadRange { offset, .. }
            | BadEscape { offset, .. }
            | TrailingBackslash { offset }
            | UndefinedGroup { offset, .. }
            | BadGroup { offset, .. }
            | TooDeep { offset, .. }
            | Unsupported { offset, .. } => Some(*offset),
            UnknownFlag { .. } => None,
        }
    }
}
