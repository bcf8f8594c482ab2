//! Parser for the backtracking regex dialects found in code (JavaScript, Python `re`, Java,
//! PCRE/PHP, Ruby, .NET) and the linear ones (Go, Rust), into [`Node`].
//!
//! It is lenient where engines differ harmlessly (named-group spellings are accepted in every
//! flavor) and strict where a pattern is plainly malformed (unbalanced parentheses, a quantifier
//! with nothing to repeat, ranges out of order), reporting the byte offset.

use std::collections::HashMap;

use crate::ast::{Assertion, Greed, Node};
use crate::charset::{CharSet, MAX_CP};
use crate::error::RegexError;
use crate::Flavor;

/// Mode flags that change how the pattern reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mode {
    pub ignore_case: bool,
    pub multi_line: bool,
    pub dot_all: bool,
    pub extended: bool,
}

/// A parsed pattern and what the parser had to approximate.
#[derive(Debug)]
pub struct Parsed {
    pub node: Node,
    pub groups: u32,
    pub notes: Vec<String>,
}

const MAX_DEPTH: usize = 200;
const MAX_REPEAT: u32 = 100_000;

pub fn parse(pattern: &str, flavor: Flavor, mode: Mode) -> Result<Parsed, RegexError> {
    let mut p = Parser {
        src: pattern,
        pos: 0,
        flavor,
        mode,
        groups: 0,
        total_groups: count_groups(pattern),
        names: HashMap::new(),
        notes: Vec::new(),
        depth: 0,
    };
    let node = p.parse_alt()?;
    if p.pos < p.src.len() {
        return Err(RegexError::UnmatchedParen { offset: p.pos });
    }
    Ok(Parsed {
        node,
        groups: p.groups,
        notes: p.notes,
    })
}

/// Counts capturing groups ahead of parsing so `\10` can be told apart from an octal escape.
fn count_groups(src: &str) -> u32 {
    let b = src.as_bytes();
    let (mut i, mut n, mut in_class) = (0, 0u32, false);
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' => in_class = true,
            b']' => in_class = false,
            b'(' if !in_class => {
                let rest = &b[i + 1..];
                let named = rest.starts_with(b"?<")
                    && !rest.starts_with(b"?<=")
                    && !rest.starts_with(b"?<!")
                    || rest.starts_with(b"?P<")
                    || rest.starts_with(b"?'");
                if !rest.starts_with(b"?") && !rest.starts_with(b"*") || named {
                    n += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    n
}

fn fold(set: CharSet, mode: Mode) -> CharSet {
    if mode.ignore_case {
        set.case_fold()
    } else {
        set
    }
}

pub fn digit() -> CharSet {
    CharSet::range('0' as u32, '9' as u32)
}

pub fn word() -> CharSet {
    CharSet::from_ranges(vec![
        ('0' as u32, '9' as u32),
        ('A' as u32, 'Z' as u32),
        ('_' as u32, '_' as u32),
        ('a' as u32, 'z' as u32),
    ])
}

pub fn space() -> CharSet {
    CharSet::from_ranges(vec![
        (9, 13),
        (0x20, 0x20),
        (0x85, 0x85),
        (0xA0, 0xA0),
        (0x1680, 0x1680),
        (0x2000, 0x200A),
        (0x2028, 0x2029),
        (0x202F, 0x202F),
        (0x205F, 0x205F),
        (0x3000, 0x3000),
        (0xFEFF, 0xFEFF),
    ])
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    flavor: Flavor,
    mode: Mode,
    groups: u32,
    total_groups: u32,
    names: HashMap<String, u32>,
    notes: Vec<String>,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.src[self.pos..].chars().next()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.src[self.pos..].chars().nth(k)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn eat_str(&mut self, s: &str) -> bool {
        if self.src[self.pos..].starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn note(&mut self, s: &str) {
        if !self.notes.iter().any(|n| n == s) {
            self.notes.push(s.to_string());
        }
    }

    /// Go's and Rust's engines have no lookarounds, backreferences or atomic groups.
    fn require_backtracking(&self, offset: usize, what: &str) -> Result<(), RegexError> {
        if self.flavor.is_linear() {
            return Err(RegexError::BadGroup {
                offset,
                detail: format!(
                    "{what} is not supported by the {:?} regex engine",
                    self.flavor
                ),
            });
        }
        Ok(())
    }

    fn is_js(&self) -> bool {
        self.flavor == Flavor::JavaScript
    }

    fn possessive_allowed(&self) -> bool {
        matches!(
            self.flavor,
            Flavor::Java | Flavor::Pcre | Flavor::Ruby | Flavor::Python
        )
    }

    fn skip_extended(&mut self) {
        if !self.mode.extended {
            return;
        }
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                }
                Some('#') => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn parse_alt(&mut self) -> Result<Node, RegexError> {
        let saved = self.mode;
        let mut alts = Vec::new();
        let mut seq: Vec<Node> = Vec::new();
        loop {
            self.skip_extended();
            match self.peek() {
                None | Some(')') => break,
                Some('|') => {
                    self.bump();
                    alts.push(concat(std::mem::take(&mut seq)));
                }
                Some(_) => {
                    let start = self.pos;
                    if let Some(atom) = self.parse_atom()? {
                        let atom = self.parse_quantifiers(atom)?;
                        seq.push(atom);
                    } else if self.pos == start {
                        return Err(RegexError::BadGroup {
                            offset: start,
                            detail: "parser made no progress".into(),
                        });
                    }
                }
            }
        }
        self.mode = saved;
        alts.push(concat(seq));
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    /// Tries to read `{n}`, `{n,}`, `{n,m}` (and `{,m}` where the flavor has it) at the cursor.
    fn try_counted(&mut self) -> Result<Option<(u32, Option<u32>)>, RegexError> {
        let start = self.pos;
        let rest = &self.src[self.pos..];
        let Some(close) = rest.find('}') else {
            return self.bad_brace(start);
        };
        let body = &rest[1..close];
        let num = |s: &str| -> Option<u64> {
            if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
                None
            } else {
                s.parse().ok()
            }
        };
        let (min, max) = match body.split_once(',') {
            None => match num(body) {
                Some(n) => (n, Some(n)),
                None => return self.bad_brace(start),
            },
            Some((a, b)) => {
                let a = if a.is_empty() && matches!(self.flavor, Flavor::Python | Flavor::Ruby) {
                    Some(0)
                } else {
                    num(a)
                };
                let Some(a) = a else {
                    return self.bad_brace(start);
                };
                if b.is_empty() {
                    (a, None)
                } else {
                    match num(b) {
                        Some(b) => (a, Some(b)),
                        None => return self.bad_brace(start),
                    }
                }
            }
        };
        if min > MAX_REPEAT as u64 || max.is_some_and(|m| m > MAX_REPEAT as u64) {
            return Err(RegexError::BadRepeat {
                offset: start,
                detail: format!("bound larger than {MAX_REPEAT}"),
            });
        }
        if let Some(m) = max {
            if m < min {
                return Err(RegexError::BadRepeat {
                    offset: start,
                    detail: format!("{{{min},{m}}} has min > max"),
                });
            }
        }
        self.pos += close + 1;
        Ok(Some((min as u32, max.map(|m| m as u32))))
    }

    fn bad_brace(&self, start: usize) -> Result<Option<(u32, Option<u32>)>, RegexError> {
        if self.flavor == Flavor::Java {
            Err(RegexError::BadRepeat {
                offset: start,
                detail: "`{` does not start a valid {n,m} repetition (escape it as `\\{`)".into(),
            })
        } else {
            Ok(None)
        }
    }

    fn parse_quantifiers(&mut self, mut atom: Node) -> Result<Node, RegexError> {
        let mut quantified = false;
        loop {
            self.skip_extended();
            let qstart = self.pos;
            let (min, max) = match self.peek() {
                Some('*') => {
                    self.bump();
                    (0, None)
                }
                Some('+') => {
                    self.bump();
                    (1, None)
                }
                Some('?') => {
                    self.bump();
                    (0, Some(1))
                }
                Some('{') => match self.try_counted()? {
                    Some(b) => b,
                    None => return Ok(atom),
                },
                _ => return Ok(atom),
            };
            if quantified && self.flavor != Flavor::Ruby {
                return Err(RegexError::NestedQuantifier { offset: qstart });
            }
            let greed = if self.eat('?') {
                Greed::Lazy
            } else if self.peek() == Some('+') {
                if !self.possessive_allowed() {
                    return Err(RegexError::NestedQuantifier { offset: self.pos });
                }
                self.bump();
                Greed::Possessive
            } else {
                Greed::Greedy
            };
            atom = Node::Repeat {
                node: Box::new(atom),
                min,
                max,
                greed,
            };
            quantified = true;
        }
    }

    fn parse_atom(&mut self) -> Result<Option<Node>, RegexError> {
        let start = self.pos;
        let Some(c) = self.bump() else {
            return Ok(None);
        };
        let node = match c {
            '(' => return self.parse_group(start),
            '[' => Node::Set(self.parse_class(start)?),
            '.' => Node::Set(self.dot()),
            '^' => Node::Assert(if self.mode.multi_line || self.flavor == Flavor::Ruby {
                Assertion::StartLine
            } else {
                Assertion::StartText
            }),
            '$' => Node::Assert(if self.mode.multi_line || self.flavor == Flavor::Ruby {
                Assertion::EndLine
            } else if matches!(self.flavor, Flavor::JavaScript | Flavor::Go | Flavor::Rust) {
                Assertion::EndText
            } else {
                Assertion::EndTextNewline
            }),
            '\\' => return self.parse_escape(start).map(Some),
            '*' | '+' | '?' => return Err(RegexError::NothingToRepeat { offset: start }),
            '{' => {
                self.pos = start;
                if self.try_counted()?.is_some() {
                    return Err(RegexError::NothingToRepeat { offset: start });
                }
                self.pos = start + 1;
                self.literal('{')
            }
            c => self.literal(c),
        };
        Ok(Some(node))
    }

    fn literal(&self, c: char) -> Node {
        Node::Set(fold(CharSet::single(c), self.mode))
    }

    fn dot(&self) -> CharSet {
        if self.mode.dot_all {
            return CharSet::full();
        }
        let excluded: &[char] = match self.flavor {
            Flavor::JavaScript => &['\n', '\r', '\u{2028}', '\u{2029}'],
            Flavor::Java => &['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}'],
            _ => &['\n'],
        };
        CharSet::from_chars(excluded).negate()
    }

    fn read_name(&mut self, close: char, start: usize) -> Result<String, RegexError> {
        let name_start = self.pos;
        while let Some(c) = self.peek() {
            if c == close {
                let name = self.src[name_start..self.pos].to_string();
                self.bump();
                if name.is_empty() {
                    return Err(RegexError::BadGroup {
                        offset: start,
                        detail: "empty group name".into(),
                    });
                }
                return Ok(name);
            }
            if !(c.is_alphanumeric() || c == '_' || c == '-' || c == '+') {
                break;
            }
            self.bump();
        }
        Err(RegexError::BadGroup {
            offset: start,
            detail: format!("group name must end with `{close}`"),
        })
    }

    fn capture(&mut self, start: usize, name: Option<String>) -> Result<Option<Node>, RegexError> {
        self.groups += 1;
        let index = self.groups;
        if let Some(name) = name {
            self.names.insert(name, index);
        }
        let body = self.group_body(start)?;
        Ok(Some(Node::Group {
            node: Box::new(body),
            index,
        }))
    }

    fn group_body(&mut self, start: usize) -> Result<Node, RegexError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(RegexError::TooDeep {
                offset: start,
                limit: MAX_DEPTH,
            });
        }
        let body = self.parse_alt()?;
        self.depth -= 1;
        if !self.eat(')') {
            return Err(RegexError::UnclosedGroup { offset: start });
        }
        Ok(body)
    }

    fn named_backref(&mut self, name: &str, start: usize) -> Result<Node, RegexError> {
        self.require_backtracking(start, "a backreference")?;
        if let Ok(n) = name.parse::<i64>() {
            let idx = if n < 0 { self.groups as i64 + 1 + n } else { n };
            if idx >= 1 && idx <= self.total_groups.max(self.groups) as i64 {
                self.note("backreference treated as matching a copy of its group");
                return Ok(Node::Backref(idx as u32));
            }
        } else if let Some(&i) = self.names.get(name) {
            self.note("backreference treated as matching a copy of its group");
            return Ok(Node::Backref(i));
        }
        Err(RegexError::UndefinedGroup {
            offset: start,
            name: name.to_string(),
        })
    }

    fn parse_group(&mut self, start: usize) -> Result<Option<Node>, RegexError> {
        if self.src[self.pos..].starts_with('*') {
            return Err(RegexError::Unsupported {
                offset: start,
                what: "PCRE verb `(*...)`".into(),
            });
        }
        if !self.eat('?') {
            return self.capture(start, None);
        }
        let lookaround =
            |p: &mut Self, ahead: bool, negate: bool| -> Result<Option<Node>, RegexError> {
                p.require_backtracking(start, "a lookaround")?;
                p.note("lookaround treated as always true (its contents are not analyzed)");
                let body = p.group_body(start)?;
                Ok(Some(Node::Look {
                    node: Box::new(body),
                    ahead,
                    negate,
                }))
            };
        if self.eat(':') || self.eat('|') {
            return self.group_body(start).map(Some);
        }
        if self.eat('=') {
            return lookaround(self, true, false);
        }
        if self.eat('!') {
            return lookaround(self, true, true);
        }
        if self.eat_str("<=") {
            return lookaround(self, false, false);
        }
        if self.eat_str("<!") {
            return lookaround(self, false, true);
        }
        if self.eat('>') {
            self.require_backtracking(start, "an atomic group")?;
            let body = self.group_body(start)?;
            return Ok(Some(Node::Atomic(Box::new(body))));
        }
        if self.eat('#') {
            while let Some(c) = self.bump() {
                if c == ')' {
                    return Ok(None);
                }
            }
            return Err(RegexError::UnclosedGroup { offset: start });
        }
        if self.eat('<') {
            let name = self.read_name('>', start)?;
            return self.capture(start, Some(name));
        }
        if self.eat('\'') {
            let name = self.read_name('\'', start)?;
            return self.capture(start, Some(name));
        }
        if self.eat_str("P<") {
            let name = self.read_name('>', start)?;
            return self.capture(start, Some(name));
        }
        if self.eat_str("P=") {
            let name = self.read_name(')', start)?;
            return self.named_backref(&name, start).map(Some);
        }
        match self.peek() {
            Some('(') => {
                return Err(RegexError::Unsupported {
                    offset: start,
                    what: "conditional group `(?(...)...)`".into(),
                })
            }
            Some('R' | '0'..='9' | '&' | '+') | Some('P') => {
                return Err(RegexError::Unsupported {
                    offset: start,
                    what: "recursion or subroutine call".into(),
                })
            }
            _ => {}
        }
        // Inline flags: (?imsx-imsx) or (?imsx-imsx:...)
        let mut mode = self.mode;
        let mut on = true;
        loop {
            let Some(c) = self.bump() else {
                return Err(RegexError::UnclosedGroup { offset: start });
            };
            match c {
                '-' => on = false,
                '^' => mode = Mode::default(),
                'i' => mode.ignore_case = on,
                'm' if self.flavor == Flavor::Ruby => mode.dot_all = on,
                'm' => mode.multi_line = on,
                's' => mode.dot_all = on,
                'x' => mode.extended = on,
                'u' | 'a' | 'L' | 'n' | 'U' | 'J' | 'd' => {}
                ')' => {
                    self.mode = mode;
                    return Ok(None);
                }
                ':' => {
                    let saved = self.mode;
                    self.mode = mode;
                    let body = self.group_body(start)?;
                    self.mode = saved;
                    return Ok(Some(body));
                }
                other => {
                    return Err(RegexError::BadGroup {
                        offset: start,
                        detail: format!("unknown group syntax or flag {other:?} after `(?`"),
                    })
                }
            }
        }
    }

    fn hex_digits(&mut self, max: usize, start: usize) -> Result<u32, RegexError> {
        let s = self.pos;
        let mut v: u32 = 0;
        let mut n = 0;
        while n < max {
            match self.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    v = v.saturating_mul(16).saturating_add(d);
                    self.bump();
                    n += 1;
                }
                None => break,
            }
        }
        if n == 0 {
            self.pos = s;
            return Err(RegexError::BadEscape {
                offset: start,
                detail: "expected hexadecimal digits".into(),
            });
        }
        Ok(v)
    }

    fn braced_hex(&mut self, start: usize) -> Result<u32, RegexError> {
        let v = self.hex_digits(8, start)?;
        if !self.eat('}') {
            return Err(RegexError::BadEscape {
                offset: start,
                detail: "missing `}` after hexadecimal code point".into(),
            });
        }
        if v > MAX_CP {
            return Err(RegexError::BadEscape {
                offset: start,
                detail: format!("code point {v:#x} is beyond U+10FFFF"),
            });
        }
        Ok(v)
    }

    /// Escapes that stand for one character or a set of them; shared by atoms and classes.
    /// Returns `None` when the escape is not of that kind.
    fn set_escape(
        &mut self,
        c: char,
        start: usize,
        in_class: bool,
    ) -> Result<Option<CharSet>, RegexError> {
        let one = |cp: u32| Ok(Some(CharSet::range(cp, cp)));
        match c {
            'd' => Ok(Some(digit())),
            'D' => Ok(Some(digit().negate())),
            'w' => Ok(Some(word())),
            'W' => Ok(Some(word().negate())),
            's' => Ok(Some(space())),
            'S' => Ok(Some(space().negate())),
            'h' if self.flavor == Flavor::Ruby => Ok(Some(CharSet::from_ranges(vec![
                (0x30, 0x39),
                (0x41, 0x46),
                (0x61, 0x66),
            ]))),
            'h' if matches!(self.flavor, Flavor::Pcre | Flavor::Java) => {
                Ok(Some(CharSet::from_chars(&[' ', '\t', '\u{a0}'])))
            }
            'n' => one(10),
            'r' => one(13),
            't' => one(9),
            'f' => one(12),
            'v' => one(11),
            'a' => one(7),
            'e' => one(27),
            'b' if in_class => one(8),
            'x' => {
                if self.eat('{') {
                    let v = self.braced_hex(start)?;
                    return one(v);
                }
                let save = self.pos;
                match self.hex_digits(2, start) {
                    Ok(v) if self.pos - save == 2 || !self.is_js() => one(v),
                    _ => {
                        self.pos = save;
                        if self.is_js() {
                            one('x' as u32)
                        } else {
                            Err(RegexError::BadEscape {
                                offset: start,
                                detail: "`\\x` needs two hexadecimal digits".into(),
                            })
                        }
                    }
                }
            }
            'u' => {
                if self.eat('{') {
                    let v = self.braced_hex(start)?;
                    return one(v);
                }
                let save = self.pos;
                match self.hex_digits(4, start) {
                    Ok(v) if self.pos - save == 4 => one(v),
                    _ => {
                        self.pos = save;
                        if self.is_js() {
                            one('u' as u32)
                        } else {
                            Err(RegexError::BadEscape {
                                offset: start,
                                detail: "`\\u` needs four hexadecimal digits".into(),
                            })
                        }
                    }
                }
            }
            'U' if self.flavor == Flavor::Python => {
                let save = self.pos;
                let v = self.hex_digits(8, start)?;
                if self.pos - save != 8 || v > MAX_CP {
                    return Err(RegexError::BadEscape {
                        offset: start,
                        detail: "`\\U` needs eight hexadecimal digits of a valid code point".into(),
                    });
                }
                one(v)
            }
            'c' => match self.peek() {
                Some(l) if l.is_ascii_alphabetic() => {
                    self.bump();
                    one(l.to_ascii_uppercase() as u32 ^ 0x40)
                }
                _ => one('c' as u32),
            },
            'p' | 'P' => {
                let name = if self.eat('{') {
                    let s = self.pos;
                    while self.peek().is_some_and(|c| c != '}') {
                        self.bump();
                    }
                    let name = self.src[s..self.pos].to_string();
                    if !self.eat('}') {
                        return Err(RegexError::BadEscape {
                            offset: start,
                            detail: "missing `}` after property name".into(),
                        });
                    }
                    name
                } else {
                    match self.bump() {
                        Some(l) if l.is_ascii_alphabetic() => l.to_string(),
                        _ => {
                            return Err(RegexError::BadEscape {
                                offset: start,
                                detail: "`\\p` needs a property name".into(),
                            })
                        }
                    }
                };
                let set = property(&name);
                self.note(
                    "Unicode properties approximated by their ASCII and common non-ASCII ranges",
                );
                Ok(Some(if c == 'P' { set.negate() } else { set }))
            }
            '0' => {
                let mut v = 0u32;
                let mut n = 0;
                while n < 2 {
                    match self.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.bump();
                            n += 1;
                        }
                        None => break,
                    }
                }
                one(v)
            }
            _ => Ok(None),
        }
    }

    fn parse_escape(&mut self, start: usize) -> Result<Node, RegexError> {
        let Some(c) = self.bump() else {
            return Err(RegexError::TrailingBackslash { offset: start });
        };
        if let Some(set) = self.set_escape(c, start, false)? {
            return Ok(Node::Set(fold(set, self.mode)));
        }
        let node = match c {
            'b' => Node::Assert(Assertion::WordBoundary),
            'B' => Node::Assert(Assertion::NotWordBoundary),
            'A' => Node::Assert(Assertion::StartText),
            'G' => Node::Assert(Assertion::StartText),
            'z' => Node::Assert(Assertion::EndText),
            'Z' => Node::Assert(if self.flavor == Flavor::Python {
                Assertion::EndText
            } else {
                Assertion::EndTextNewline
            }),
            'K' => {
                self.note("`\\K` treated as empty");
                Node::Empty
            }
            'R' => Node::Set(CharSet::from_ranges(vec![
                (10, 13),
                (0x85, 0x85),
                (0x2028, 0x2029),
            ])),
            'N' if !self.is_js() => Node::Set(CharSet::single('\n').negate()),
            'X' => Node::Set(CharSet::full()),
            'Q' => {
                let s = self.pos;
                let end = self.src[s..].find("\\E").map_or(self.src.len(), |e| s + e);
                let lits: Vec<Node> = self.src[s..end].chars().map(|c| self.literal(c)).collect();
                self.pos = if end < self.src.len() { end + 2 } else { end };
                concat(lits)
            }
            'k' => {
                let close = match self.bump() {
                    Some('<') => '>',
                    Some('\'') => '\'',
                    Some('{') => '}',
                    _ if self.is_js() => return Ok(self.literal('k')),
                    _ => {
                        return Err(RegexError::BadEscape {
                            offset: start,
                            detail: "`\\k` needs a group name in <>".into(),
                        })
                    }
                };
                let name = self.read_name(close, start)?;
                self.named_backref(&name, start)?
            }
            'g' if !self.is_js() => {
                let name = if self.eat('{') {
                    self.read_name('}', start)?
                } else if self.eat('<') {
                    return Err(RegexError::Unsupported {
                        offset: start,
                        what: "subroutine call `\\g<...>`".into(),
                    });
                } else {
                    let s = self.pos;
                    if self.peek() == Some('-') {
                        self.bump();
                    }
                    while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                        self.bump();
                    }
                    self.src[s..self.pos].to_string()
                };
                self.named_backref(&name, start)?
            }
            '1'..='9' => {
                let s = self.pos - 1;
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.bump();
                }
                let digits = &self.src[s..self.pos];
                let n: u64 = digits.parse().unwrap_or(u64::MAX);
                if n <= self.total_groups as u64 {
                    self.require_backtracking(start, "a backreference")?;
                    self.note("backreference treated as matching a copy of its group");
                    return Ok(Node::Backref(n as u32));
                }
                // Not a group: an octal escape where the flavor has them, else an error.
                self.pos = s;
                let mut v = 0u32;
                let mut k = 0;
                while k < 3 {
                    match self.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) if v * 8 + d <= 0o377 => {
                            v = v * 8 + d;
                            self.bump();
                            k += 1;
                        }
                        _ => break,
                    }
                }
                if k == 0 || self.flavor == Flavor::Python && k < 3 {
                    return Err(RegexError::UndefinedGroup {
                        offset: start,
                        name: digits.to_string(),
                    });
                }
                Node::Set(fold(CharSet::range(v, v), self.mode))
            }
            c if c.is_ascii_alphanumeric() => {
                if matches!(
                    self.flavor,
                    Flavor::JavaScript | Flavor::Pcre | Flavor::Ruby
                ) {
                    self.literal(c)
                } else {
                    return Err(RegexError::BadEscape {
                        offset: start,
                        detail: format!("unknown escape `\\{c}`"),
                    });
                }
            }
            c => self.literal(c),
        };
        Ok(node)
    }

    /// Parses a class after its `[`; `start` is the offset of the `[`.
    fn parse_class(&mut self, start: usize) -> Result<CharSet, RegexError> {
        let negated = self.eat('^');
        let mut set = CharSet::empty();
        let mut first = true;
        let nested = matches!(self.flavor, Flavor::Java | Flavor::Ruby);
        loop {
            let item_start = self.pos;
            let Some(c) = self.bump() else {
                return Err(RegexError::UnterminatedClass { offset: start });
            };
            match c {
                ']' if !first || self.is_js() => break,
                '[' if self.peek() == Some(':') => {
                    let rest = &self.src[self.pos..];
                    if let Some(end) = rest.find(":]") {
                        let name = &rest[1..end];
                        let (neg, name) = match name.strip_prefix('^') {
                            Some(n) => (true, n),
                            None => (false, name),
                        };
                        let s = posix(name).ok_or_else(|| RegexError::BadEscape {
                            offset: item_start,
                            detail: format!("unknown POSIX class [:{name}:]"),
                        })?;
                        self.pos += end + 2;
                        set = set.union(&if neg { s.negate() } else { s });
                    } else {
                        set = set.union(&CharSet::single('['));
                    }
                }
                '[' if nested => {
                    let inner = self.parse_class(item_start)?;
                    set = set.union(&inner);
                }
                '&' if nested && self.peek() == Some('&') => {
                    self.bump();
                    let rhs = self.parse_class_inner(start)?;
                    set = set.intersect(&rhs);
                    break;
                }
                _ => {
                    let lo = if c == '\\' {
                        let Some(e) = self.bump() else {
                            return Err(RegexError::UnterminatedClass { offset: start });
                        };
                        match self.set_escape(e, item_start, true)? {
                            Some(s) => s,
                            None if e.is_ascii_alphanumeric()
                                && !matches!(
                                    self.flavor,
                                    Flavor::JavaScript | Flavor::Pcre | Flavor::Ruby
                                ) =>
                            {
                                return Err(RegexError::BadEscape {
                                    offset: item_start,
                                    detail: format!("unknown escape `\\{e}` in class"),
                                })
                            }
                            None => CharSet::single(e),
                        }
                    } else {
                        CharSet::single(c)
                    };
                    let single = lo.ranges().len() == 1 && lo.ranges()[0].0 == lo.ranges()[0].1;
                    if single
                        && self.peek() == Some('-')
                        && self.peek_at(1).is_some_and(|n| n != ']')
                    {
                        let dash = self.pos;
                        self.bump();
                        let hi_start = self.pos;
                        let hc = self.bump().unwrap_or(']');
                        let hi = if hc == '\\' {
                            let Some(e) = self.bump() else {
                                return Err(RegexError::UnterminatedClass { offset: start });
                            };
                            self.set_escape(e, hi_start, true)?
                                .unwrap_or_else(|| CharSet::single(e))
                        } else if hc == '[' && nested {
                            self.pos = dash + 1;
                            set = set.union(&lo).union(&CharSet::single('-'));
                            first = false;
                            continue;
                        } else {
                            CharSet::single(hc)
                        };
                        let hsingle =
                            hi.ranges().len() == 1 && hi.ranges()[0].0 == hi.ranges()[0].1;
                        if !hsingle {
                            // `[a-\d]`: the dash is literal where engines allow it.
                            set = set.union(&lo).union(&CharSet::single('-')).union(&hi);
                        } else {
                            let (a, b) = (lo.ranges()[0].0, hi.ranges()[0].0);
                            if a > b {
                                return Err(RegexError::BadRange {
                                    offset: item_start,
                                    lo: char::from_u32(a).unwrap_or('?'),
                                    hi: char::from_u32(b).unwrap_or('?'),
                                });
                            }
                            set = set.union(&CharSet::range(a, b));
                        }
                    } else {
                        set = set.union(&lo);
                    }
                }
            }
            first = false;
        }
        let set = fold(set, self.mode);
        Ok(if negated { set.negate() } else { set })
    }

    /// The operand after `&&` up to the class's closing `]`, which it consumes.
    fn parse_class_inner(&mut self, start: usize) -> Result<CharSet, RegexError> {
        let save_mode = self.mode;
        self.mode.ignore_case = false;
        let r = if self.peek() == Some(']') {
            self.bump();
            Ok(CharSet::empty())
        } else {
            self.parse_class(start)
        };
        self.mode = save_mode;
        r
    }
}

fn concat(mut v: Vec<Node>) -> Node {
    match v.len() {
        0 => Node::Empty,
        1 => v.pop().unwrap_or(Node::Empty),
        _ => Node::Concat(v),
    }
}

fn posix(name: &str) -> Option<CharSet> {
    let r = |v: Vec<(char, char)>| {
        CharSet::from_ranges(v.into_iter().map(|(a, b)| (a as u32, b as u32)).collect())
    };
    Some(match name {
        "alpha" => r(vec![('a', 'z'), ('A', 'Z')]),
        "digit" => digit(),
        "alnum" => r(vec![('a', 'z'), ('A', 'Z'), ('0', '9')]),
        "upper" => r(vec![('A', 'Z')]),
        "lower" => r(vec![('a', 'z')]),
        "space" => space(),
        "blank" => r(vec![(' ', ' '), ('\t', '\t')]),
        "punct" => r(vec![('!', '/'), (':', '@'), ('[', '`'), ('{', '~')]),
        "xdigit" => r(vec![('0', '9'), ('a', 'f'), ('A', 'F')]),
        "word" => word(),
        "cntrl" => r(vec![('\0', '\x1f'), ('\x7f', '\x7f')]),
        "print" => r(vec![(' ', '~')]),
        "graph" => r(vec![('!', '~')]),
        "ascii" => r(vec![('\0', '\x7f')]),
        _ => return None,
    })
}

/// A rough version of a Unicode property: exact on ASCII, broad ranges beyond.
fn property(name: &str) -> CharSet {
    let name = name.split(['=', ':']).next_back().unwrap_or(name);
    let letters_hi = vec![
        (0xAA, 0xAA),
        (0xB5, 0xB5),
        (0xBA, 0xBA),
        (0xC0, 0xD6),
        (0xD8, 0xF6),
        (0xF8, 0x2FF),
        (0x370, 0x3FF),
        (0x400, 0x52F),
        (0x531, 0x1FFF),
        (0x2C00, 0x2DFF),
        (0x3040, 0x9FFF),
        (0xAC00, 0xD7A3),
        (0xF900, 0xFAFF),
    ];
    let ascii = |v: Vec<(char, char)>| {
        v.into_iter()
            .map(|(a, b)| (a as u32, b as u32))
            .collect::<Vec<_>>()
    };
    match name {
        "L" | "Letter" | "Alpha" | "Alphabetic" | "IsAlphabetic" | "IsLetter" | "Latin"
        | "IsLatin" => {
            let mut v = ascii(vec![('a', 'z'), ('A', 'Z')]);
            v.extend(letters_hi);
            CharSet::from_ranges(v)
        }
        "Lu" | "Upper" | "Uppercase" | "IsUppercase" | "Lt" => {
            CharSet::from_ranges(vec![(0x41, 0x5A), (0xC0, 0xDE)])
        }
        "Ll" | "Lower" | "Lowercase" | "IsLowercase" => {
            CharSet::from_ranges(vec![(0x61, 0x7A), (0xDF, 0xFF)])
        }
        "N" | "Nd" | "Digit" | "IsDigit" | "Number" => CharSet::from_ranges(vec![
            (0x30, 0x39),
            (0x660, 0x669),
            (0x6F0, 0x6F9),
            (0x966, 0x96F),
            (0xFF10, 0xFF19),
        ]),
        "P" | "Punct" | "Punctuation" | "IsPunctuation" => {
            CharSet::from_ranges(ascii(vec![('!', '/'), (':', '@'), ('[', '`'), ('{', '~')]))
        }
        "Z" | "Zs" | "Space" | "White_Space" | "IsWhite_Space" => space(),
        "ASCII" | "IsASCII" | "InBasicLatin" => CharSet::range(0, 0x7F),
        "Any" => CharSet::full(),
        _ => {
            // Unknown property: any character except ASCII punctuation and controls.
            CharSet::range(0x80, MAX_CP).union(&CharSet::from_ranges(ascii(vec![
                ('a', 'z'),
                ('A', 'Z'),
                ('0', '9'),
            ])))
        }
    }
}
