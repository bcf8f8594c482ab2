//! The regex syntax tree shared by the analyzer and the validating matcher.

use crate::charset::CharSet;

/// How a quantifier backtracks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Greed {
    Greedy,
    Lazy,
    /// Never gives back what it matched (`*+`, `++`, `?+`, `{n,m}+`).
    Possessive,
}

/// Zero-width assertions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assertion {
    /// `\A`, or `^` without multi-line mode.
    StartText,
    /// `^` in multi-line mode (always in Ruby).
    StartLine,
    /// `\z`, and `$` in JavaScript without multi-line mode.
    EndText,
    /// `\Z`, and `$` without multi-line mode elsewhere: end, or before a final newline.
    EndTextNewline,
    /// `$` in multi-line mode (always in Ruby).
    EndLine,
    WordBoundary,
    NotWordBoundary,
}

/// A parsed regex. Literals, classes and `.` are all character sets, already case-folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Empty,
    Set(CharSet),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greed: Greed,
    },
    /// A capturing group with its number.
    Group {
        node: Box<Node>,
        index: u32,
    },
    /// `(?>...)`.
    Atomic(Box<Node>),
    Look {
        node: Box<Node>,
        ahead: bool,
        negate: bool,
    },
    Assert(Assertion),
    Backref(u32),
}

impl Node {
    /// Whether any node in the tree satisfies `f`.
    pub fn any(&self, f: &dyn Fn(&Node) -> bool) -> bool {
        if f(self) {
            return true;
        }
        match self {
            Node::Concat(v) | Node::Alt(v) => v.iter().any(|n| n.any(f)),
            Node::Repeat { node, .. }
            | Node::Group { node, .. }
            | Node::Atomic(node)
            | Node::Look { node, .. } => node.any(f),
            _ => false,
        }
    }
}
