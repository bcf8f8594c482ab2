//! A small JSON reader that remembers where each value starts, so package.json findings can
//! point at the dependency's line. serde_json validates; this only walks and records offsets.

/// A JSON value with the byte offset where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Object(Vec<(Spanned<String>, Spanned<Json>)>),
    Array(Vec<Spanned<Json>>),
    String(String),
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Spanned<T> {
    pub offset: usize,
    pub value: T,
}

/// Reads a JSON document. On error returns the byte offset and a message.
pub(crate) fn parse(s: &str) -> Result<Spanned<Json>, (usize, String)> {
    let mut p = Parser {
        s,
        b: s.as_bytes(),
        i: 0,
        depth: 0,
    };
    p.ws();
    let v = p.value()?;
    p.ws();
    if p.i < p.b.len() {
        return Err((
            p.i,
            "unexpected text after the end of the JSON document".into(),
        ));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    depth: usize,
}

const MAX_DEPTH: usize = 256;

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn err<T>(&self, msg: impl Into<String>) -> Result<T, (usize, String)> {
        Err((self.i, msg.into()))
    }

    fn value(&mut self) -> Result<Spanned<Json>, (usize, String)> {
        let offset = self.i;
        let value = match self.b.get(self.i) {
            None => return self.err("unexpected end of file, expected a value"),
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => Json::String(self.string()?),
            Some(b't') => self.literal("true")?,
            Some(b'f') => self.literal("false")?,
            Some(b'n') => self.literal("null")?,
            Some(c) if *c == b'-' || c.is_ascii_digit() => self.number()?,
            Some(_) => {
                let c = self.s[self.i..].chars().next().unwrap_or('?');
                return self.err(format!("unexpected character {c:?}, expected a value"));
            }
        };
        Ok(Spanned { offset, value })
    }

    fn enter(&mut self) -> Result<(), (usize, String)> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.err("JSON nested too deeply");
        }
        Ok(())
    }

    fn object(&mut self) -> Result<Json, (usize, String)> {
        self.enter()?;
        self.i += 1;
        let mut members = Vec::new();
        self.ws();
        if self.b.get(self.i) == Some(&b'}') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return self.err("expected a string key in object");
            }
            let key_at = self.i;
            let key = self.string()?;
            self.ws();
            if self.b.get(self.i) != Some(&b':') {
                return self.err("expected ':' after object key");
            }
            self.i += 1;
            self.ws();
            let v = self.value()?;
            members.push((
                Spanned {
                    offset: key_at,
                    value: key,
                },
                v,
            ));
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(Json::Object(members));
                }
                _ => return self.err("expected ',' or '}' in object"),
            }
        }
    }

    fn array(&mut self) -> Result<Json, (usize, String)> {
        self.enter()?;
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.b.get(self.i) == Some(&b']') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value()?);
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(Json::Array(items));
                }
                _ => return self.err("expected ',' or ']' in array"),
            }
        }
    }

    fn string(&mut self) -> Result<String, (usize, String)> {
        let start = self.i;
        self.i += 1;
        let mut out = String::new();
        loop {
            let Some(&c) = self.b.get(self.i) else {
                return Err((start, "unterminated string".into()));
            };
            match c {
                b'"' => {
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    let Some(&e) = self.b.get(self.i + 1) else {
                        return Err((start, "unterminated string".into()));
                    };
                    self.i += 2;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hex = self.s.get(self.i..self.i + 4).unwrap_or("");
                            let Ok(code) = u32::from_str_radix(hex, 16) else {
                                return self.err("invalid \\u escape");
                            };
                            self.i += 4;
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err((self.i - 1, "invalid escape in string".into())),
                    }
                }
                c if c < 0x20 => return self.err("control character in string"),
                _ => {
                    let ch = self.s[self.i..].chars().next().unwrap_or('\u{fffd}');
                    out.push(ch);
                    self.i += ch.len_utf8();
                }
            }
        }
    }

    fn literal(&mut self, word: &str) -> Result<Json, (usize, String)> {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(Json::Other)
        } else {
            self.err(format!("invalid literal, expected {word}"))
        }
    }

    fn number(&mut self) -> Result<Json, (usize, String)> {
        let start = self.i;
        while self.i < self.b.len()
            && matches!(
                self.b[self.i],
                b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
            )
        {
            self.i += 1;
        }
        if self.s[start..self.i].parse::<f64>().is_err() {
            return Err((start, "invalid number".into()));
        }
        Ok(Json::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets() {
        let s = "{\n  \"a\": {\"b\": \"c\\u0041\"},\n  \"d\": [1, true, null]\n}";
        let v = parse(s).unwrap();
        let Json::Object(m) = v.value else { panic!() };
        assert_eq!(m[0].0.offset, 4);
        assert_eq!(m[1].0.value, "d");
        let Json::Object(inner) = &m[0].1.value else {
            panic!()
        };
        assert_eq!(inner[0].1.value, Json::String("cA".into()));
        assert!(parse("{\"a\": }").is_err());
        assert!(parse("{\"a\": 1,}").is_err());
        assert!(parse("[1] x").is_err());
        assert!(parse(&"[".repeat(1000)).is_err());
    }
}
