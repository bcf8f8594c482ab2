//! The generic detector: a secret-looking value assigned to a secret-looking name, in any
//! syntax (code, YAML, JSON, .env, properties, XML, INI, shell flags, Terraform).
//!
//! It starts from keyword hits found by the detector's automaton (`pass`, `secret`,
//! `token`, `key`, ...), widens each to the whole name, reads the separator and the value
//! after it, and then decides from the name and the value together: a `password` may be
//! short and word-like, a `token` must look random; environment lookups, template
//! expressions, placeholders, hashes under hash-like names, and ids are left alone.

use airlock_types::{Confidence, Kind, Severity, Span};

use crate::engine::Candidate;
use crate::heuristics::{
    classes, entropy, is_hex, is_uuid, looks_fake, looks_like_words, looks_random,
    variable_reference,
};

/// What a name says its value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameClass {
    Password,
    Secret,
    Token,
    Key,
    Credential,
}

/// The rule id the generic detector reports under.
pub const RULE_ID: &str = "generic-secret-assignment";
/// Its title and documentation, for `rules list`, `explain` and SARIF.
pub const TITLE: &str = "Secret-looking value assigned to a secret-looking name";
pub const DESCRIPTION: &str = "A password, secret, token, key or credential written as a literal \
value: `password = \"...\"`, `API_KEY=...`, `\"client_secret\": \"...\"`, `<password>...</password>`, \
`--password ...`, in code of any language, YAML, JSON, .env, properties, XML, INI, shell and \
Terraform. Passwords may be short; tokens and keys must look random. Environment lookups, \
template expressions, placeholders, hashes under hash-like names and identifiers are not reported. \
Move the value to the environment or a secret manager and rotate it: it is in history now.";

pub struct Generic {
    keywords: Vec<&'static str>,
}

const KEYWORDS: &[&str] = &[
    "pass",
    "pwd",
    "pw",
    // Abbreviations without the `pass`: `PSWD`, `PSSWRD`, `PASWORD`.
    "psw",
    "pssw",
    "pasw",
    "secret",
    "token",
    "key",
    "cred",
    "auth",
    "private",
    "salt",
    "signature",
];

/// Whole words that contain a keyword but say nothing about secrets.
const NOT_SECRET_WORDS: &[&str] = &[
    "bypass",
    "compass",
    "passport",
    "passenger",
    "passage",
    "passive",
    "passthrough",
    "passthru",
    "passed",
    "passes",
    "passing",
    "passover",
    "monkey",
    "turkey",
    "hockey",
    "jockey",
    "donkey",
    "whiskey",
    "keyboard",
    "keyword",
    "keynote",
    "keyframe",
    "keystroke",
    "keypress",
    "keydown",
    "keyup",
    "keycode",
    "keychain",
    "keyspace",
    "keyset",
    "keymap",
    "keybind",
    "hotkey",
    "turnkey",
    "tokenize",
    "tokenizer",
    "tokenise",
    "tokeniser",
    "tokenized",
    "author",
    "authority",
    "authorities",
    "authored",
    "authors",
    "pwdlen",
    "keys",
    "tokens",
    "secrets",
    "credentials_file",
    "privateer",
    "spw",
    "pwm",
    "pwa",
    "saltstack",
    "keyed",
    "keyof",
    "jsonwebtoken",
    "webtoken",
];

/// Name parts after which the value is not the secret itself.
const NOT_SECRET_PARTS: &[&str] = &[
    "length",
    "len",
    "size",
    "count",
    "type",
    "name",
    "names",
    "file",
    "filename",
    "filepath",
    "path",
    "dir",
    "directory",
    "url",
    "uri",
    "endpoint",
    "field",
    "fields",
    "label",
    "hint",
    "policy",
    "prompt",
    "regex",
    "regexp",
    "pattern",
    "format",
    "max",
    "min",
    "timeout",
    "expiry",
    "expires",
    "expiration",
    "expire",
    "ttl",
    "header",
    "param",
    "column",
    "col",
    "class",
    "mode",
    "enabled",
    "enable",
    "disabled",
    "required",
    "reset",
    "hash",
    "hashed",
    "digest",
    "checksum",
    "id",
    "ids",
    "public",
    "pub",
    "placeholder",
    "validator",
    "validation",
    "strength",
    "rotation",
    "version",
    "limit",
    "algorithm",
    "algo",
    "alg",
    "provider",
    "manager",
    "store",
    "ref",
    "reference",
    "env",
    "var",
    "mask",
    "masked",
    "encrypted",
    "usage",
    "input",
    "form",
    "error",
    "errors",
    "message",
    "msg",
    "title",
    "desc",
    "description",
    "text",
    "link",
    "button",
    "btn",
    "icon",
    "color",
    "style",
    "width",
    "height",
    "visible",
    "show",
    "toggle",
    "dialog",
    "location",
    "loc",
    "index",
    "idx",
    "prefix",
    "suffix",
    "separator",
    "delimiter",
    "char",
    "chars",
    "number",
    "num",
    "template",
    "key_id",
    "kid",
    "fingerprint",
    "thumbprint",
    "method",
    "scheme",
    "flow",
    "grant",
    "scope",
    "scopes",
    "audience",
    "issuer",
    "callback",
    "redirect",
    "request",
    "response",
    "status",
    "state",
    "result",
    "valid",
    "invalid",
    "check",
    "verify",
    "verified",
    "confirm",
    "changed",
    "change",
    "updated",
    "created",
    "date",
    "time",
    "timestamp",
    "at",
    "age",
    "lifetime",
    "duration",
    "interval",
    "period",
    "retry",
    "retries",
    "attempts",
    "source",
    "sources",
    "target",
    "holder",
    "owner",
    "user",
    "username",
    "login",
    "email",
    "mail",
    "host",
    "hostname",
    "server",
    "port",
    "region",
    "bucket",
    "table",
    "database",
    "db_name",
    "schema",
    "sequence",
    "sort",
    "partition",
    "primary",
    "foreign",
    "unique",
    "lookup",
    "map",
    "mapping",
    "dict",
    "cache",
    "row",
    "entry",
    "item",
    "attr",
    "attribute",
    "event",
    "metric",
    "i18n",
    "translation",
    "lang",
    "locale",
    "test",
    "tests",
    "mock",
    "example",
    "sample",
    "default",
    "defaults",
    "policy",
    "file_path",
    "kms",
    "arn",
    "secretsmanager",
    "vault_path",
    "helper",
    "util",
    "utils",
    "handler",
    "service",
    "factory",
    "builder",
    "parser",
    "encoder",
    "decoder",
    "generator",
    "length_min",
    "pair",
    "keypair",
    "ring",
    "keyring",
    "storage_class",
    "spec",
    "ssm",
    "parameter",
    "binding",
    "mount",
    "volume",
    "selector",
    "annotation",
    "annotations",
    "sign",
    "cert",
    "certificate",
    "chain",
    "pem_path",
    "location",
    "len_max",
];

/// Words before `key` that make it a secret key (`api_key`, `STRIPE_SECRET_KEY`).
const SECRET_KEY_QUALIFIERS: &[&str] = &[
    "api",
    "apikey",
    "access",
    "secret",
    "private",
    "priv",
    "auth",
    "client",
    "app",
    "application",
    "master",
    "encryption",
    "enc",
    "encrypt",
    "decrypt",
    "decryption",
    "signing",
    "sign",
    "license",
    "licence",
    "account",
    "service",
    "storage",
    "shared",
    "crypto",
    "hmac",
    "jwt",
    "session",
    "consumer",
    "bot",
    "admin",
    "root",
    "write",
    "read",
    "deploy",
    "ingest",
    "ingestion",
    "sdk",
    "integration",
    "project",
    "personal",
    "live",
    "prod",
    "production",
    "server",
    "subscription",
    "webhook",
    "dev",
    "developer",
    "user",
    "aes",
    "des",
    "cipher",
    "rsa",
    "ssh",
    "gpg",
    "pgp",
    "otp",
    "totp",
    "mfa",
    "recovery",
    "backup",
    "cookie",
    "csrf",
    "xsrf",
    "django",
    "flask",
    "rails",
    "laravel",
    "symfony",
    "wp",
    "firebase",
    "openai",
    "anthropic",
    "stripe",
    "twilio",
    "sendgrid",
    "mailgun",
    "algolia",
    "pusher",
    "mapbox",
    "google",
    "gcp",
    "azure",
    "aws",
    "s3",
    "x",
    "rest",
    "auth_",
    "ocp",
    "apim",
    "primary_",
];

impl Default for Generic {
    fn default() -> Self {
        Generic::new()
    }
}

impl Generic {
    pub fn new() -> Generic {
        Generic {
            keywords: KEYWORDS.to_vec(),
        }
    }

    pub fn keywords(&self) -> &[&'static str] {
        &self.keywords
    }

    /// Examines each keyword hit `(start, end)`, emitting candidates through `emit`.
    pub fn scan(&self, content: &[u8], hits: &[(usize, usize)], emit: &mut dyn FnMut(Candidate)) {
        let mut last_name_start = usize::MAX;
        for &(start, end) in hits {
            let (ns, ne) = widen_name(content, start, end);
            if ns == last_name_start {
                continue;
            }
            last_name_start = ns;
            // `${DB_PASSWORD:?set it}`, `${TOKEN:-x}`: a shell parameter expansion names a
            // variable; what follows the `:` is a message or a default, not its value.
            if content[..ns].ends_with(b"${") {
                continue;
            }
            // Reading the value is cheaper than judging the name, and most keyword hits
            // in code (`for key in keys`) have no value after them.
            let Some((vs, ve, quoted)) =
                read_value(content, ns, ne).or_else(|| name_value_pair(content, ns, ne))
            else {
                continue;
            };
            // `TOKEN=ops_eyJzaWdu...`: an elided value, shown in part on purpose.
            if content[ve..].starts_with(b"...") || content[ve..].starts_with("\u{2026}".as_bytes())
            {
                continue;
            }
            // `password.equals("...")`: a comparison with a literal; the name is what
            // comes before the method.
            let name_end = comparison_name_end(content, ns, ne);
            let compound = with_qualifier(content, ns, name_end);
            let name: &[u8] = compound.as_deref().unwrap_or(&content[ns..name_end]);
            // A name whose last part is not a secret word but which holds one
            // (`todo_secret_do_not_commit`): only a strongly random value will do.
            let (class, strict) = match classify_name(name) {
                Some(class) => (class, false),
                None if embeds_secret_word(name) => (NameClass::Secret, true),
                None => continue,
            };
            let (mut vs, mut ve) = (vs, ve);
            let line = !quoted && line_assignment(content, ns);
            let mut verdict = judge(class, name, &content[vs..ve], quoted, line);
            if verdict.is_none() {
                if let Some((fs, fe, fq)) = fallback_literal(content, ne, ve) {
                    verdict = judge(class, name, &content[fs..fe], fq, false);
                    if verdict.is_some() {
                        (vs, ve) = (fs, fe);
                    }
                }
            }
            // `{box AQAAABAAA 4kQ...}`, `Token 4kQ...`: a scheme or label word, then the
            // secret; the value as a whole reads as words, the random one is the credential.
            if verdict.is_none() {
                if let Some((ws, we)) = random_word(content, vs, ve) {
                    verdict = judge(class, name, &content[ws..we], true, false);
                    if verdict.is_some() {
                        (vs, ve) = (ws, we);
                    }
                }
            }
            if strict {
                let v = &content[vs..ve];
                if v.len() < 20 || !looks_random(v, 20) || entropy(v) < 4.0 {
                    verdict = None;
                }
            }
            if let Some(confidence) = verdict {
                let (kind, title, placeholder) = match class {
                    NameClass::Password => (Kind::Password, "Hardcoded password", "PASSWORD"),
                    NameClass::Secret => (Kind::Password, "Hardcoded secret", "SECRET"),
                    NameClass::Token => (Kind::Password, "Hardcoded token", "TOKEN"),
                    NameClass::Key => (Kind::Password, "Hardcoded API or secret key", "SECRET_KEY"),
                    NameClass::Credential => (Kind::Password, "Hardcoded credential", "CREDENTIAL"),
                };
                emit(Candidate {
                    rule_id: RULE_ID.to_string(),
                    title: title.to_string(),
                    kind,
                    severity: Severity::High,
                    confidence,
                    span: Span::new(vs, ve),
                    placeholder: placeholder.to_string(),
                    specific: false,
                });
            }
        }
    }
}

/// Words that, written before `key`, `token`, `password` with a space (`SECRET KEY: ...`,
/// `Initial Password: ...`), say what kind of key it is.
const SPACED_QUALIFIERS: &[&str] = &[
    "secret",
    "access",
    "api",
    "private",
    "auth",
    "authentication",
    "client",
    "app",
    "master",
    "encryption",
    "signing",
    "license",
    "admin",
    "root",
    "db",
    "database",
    "user",
    "account",
    "service",
    "bot",
    "personal",
    "initial",
    "new",
    "old",
    "default",
    "current",
    "wifi",
    "ssh",
    "login",
    "bearer",
    "refresh",
    "session",
    "server",
    "shared",
    "temporary",
    "one-time",
    // `public key: age1...`: the name then says the value is public (see `classify_name`).
    "public",
];

/// The name with the qualifier word before it, `secret_KEY` for `secret KEY`, when there
/// is one.
fn with_qualifier(content: &[u8], ns: usize, ne: usize) -> Option<Vec<u8>> {
    if ns < 2 || content[ns - 1] != b' ' {
        return None;
    }
    let end = ns - 1;
    let mut start = end;
    while start > 0
        && (content[start - 1].is_ascii_alphabetic() || content[start - 1] == b'-')
        && end - start < 20
    {
        start -= 1;
    }
    let word = std::str::from_utf8(&content[start..end])
        .ok()?
        .to_ascii_lowercase();
    if !SPACED_QUALIFIERS.contains(&word.as_str()) {
        return None;
    }
    let mut out = content[start..end].to_vec();
    out.push(b'_');
    out.extend_from_slice(&content[ns..ne]);
    Some(out)
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.'
}

/// Widens a keyword hit to the whole name around it.
fn widen_name(content: &[u8], start: usize, end: usize) -> (usize, usize) {
    let mut s = start;
    while s > 0 && is_name_byte(content[s - 1]) && start - s < 80 {
        s -= 1;
    }
    let mut e = end;
    while e < content.len() && is_name_byte(content[e]) && e - end < 80 {
        e += 1;
    }
    while s < e && matches!(content[s], b'.' | b'-') {
        s += 1;
    }
    while e > s && matches!(content[e - 1], b'.' | b'-') {
        e -= 1;
    }
    (s, e)
}

/// Splits a name into lower-case parts at `_ - .` and lower-to-upper case changes.
fn name_parts(name: &[u8]) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for &b in name {
        if matches!(b, b'_' | b'-' | b'.') {
            if !cur.is_empty() {
                parts.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if b.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
        }
        prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
        cur.push(b.to_ascii_lowercase() as char);
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}

fn classify_name(name: &[u8]) -> Option<NameClass> {
    if name.len() > 60 {
        return None;
    }
    let parts = name_parts(name);
    if parts.is_empty() {
        return None;
    }
    // The last part carries the meaning (`password_length` is a length). Allow a few
    // neutral suffixes such as `_value`, `_str`, `_b64`.
    let mut meaningful: Vec<&str> = parts.iter().map(String::as_str).collect();
    while meaningful.len() > 1
        && meaningful
            .last()
            .unwrap()
            .bytes()
            .all(|b| b.is_ascii_digit())
    {
        meaningful.pop();
    }
    while meaningful.len() > 1
        && matches!(
            *meaningful.last().unwrap(),
            "value"
                | "val"
                | "str"
                | "string"
                | "raw"
                | "b64"
                | "base64"
                | "plain"
                | "plaintext"
                | "clear"
                | "cleartext"
                | "txt"
                | "data"
                | "literal"
                | "hex"
                | "bytes"
                // Rails' `secret_key_base`: the key material itself.
                | "base"
        )
    {
        meaningful.pop();
    }
    let mut last = *meaningful.last().unwrap();
    // A numbered secret word: `VisionKey2`, `api_token1`, `password2` (the digits stay
    // on the part, `key2`, since a lower-case letter and a digit do not split).
    let stem = last.trim_end_matches(|c: char| c.is_ascii_digit());
    if stem.len() < last.len()
        && ["key", "token", "secret", "password", "passwd", "pwd"]
            .iter()
            .any(|w| stem.ends_with(w))
    {
        last = stem;
    }
    if NOT_SECRET_PARTS.contains(&last) || NOT_SECRET_WORDS.contains(&last) {
        return None;
    }
    if parts
        .iter()
        .any(|p| matches!(p.as_str(), "public" | "pub" | "publishable"))
    {
        return None;
    }
    let strip = |p: &str| -> String {
        let mut s = p.to_string();
        for w in NOT_SECRET_WORDS {
            if s.contains(w) {
                s = s.replace(w, " ");
            }
        }
        s
    };
    let last_s = strip(last);
    let whole: String = meaningful
        .iter()
        .map(|p| strip(p))
        .collect::<Vec<_>>()
        .join("_");
    let has = |w: &str| whole.contains(w);
    if last_s.contains("password")
        || is_password_abbreviation(&last_s)
        || last_s.contains("passwd")
        || last_s.contains("passphrase")
        || last_s.ends_with("pwd")
        || last_s == "pass"
        || last_s.ends_with("pass")
        || last == "pw"
        || last_s.ends_with("_pw")
    {
        return Some(NameClass::Password);
    }
    if last_s.contains("secret") || (has("secret") && matches!(last, "key" | "token" | "value")) {
        return Some(NameClass::Secret);
    }
    if last_s.contains("token")
        || last_s.contains("bearer")
        || last_s.ends_with("authorization")
        || last_s.ends_with("authentication")
    {
        return Some(NameClass::Token);
    }
    if last_s.contains("cred") {
        return Some(NameClass::Credential);
    }
    if last_s.contains("salt")
        || last_s == "signature"
        || last_s.ends_with("auth")
        || (last_s == "private" && meaningful.len() >= 2)
    {
        return Some(NameClass::Key);
    }
    if last_s.ends_with("key") || last_s.ends_with("apikey") {
        if last_s.len() > 3 && last_s != "key" {
            // `apikey`, `secretkey`, `stripekey`: a compound ending in key.
            let stem = last_s.trim_end_matches("key").trim_end_matches('_');
            if NOT_SECRET_PARTS.contains(&stem) {
                return None;
            }
            return Some(NameClass::Key);
        }
        if meaningful.len() >= 2 {
            let before = meaningful[meaningful.len() - 2];
            if NOT_SECRET_PARTS.contains(&before) {
                return None;
            }
            if SECRET_KEY_QUALIFIERS.contains(&before) {
                return Some(NameClass::Key);
            }
            // `STRIPE_KEY`, `openai_key`: a provider name before key.
            return Some(NameClass::Key);
        }
        // A bare `key`: only a strongly random value will do (checked in `judge`).
        return Some(NameClass::Key);
    }
    None
}

/// Where the name ends when it is the receiver of an equality method
/// (`password.equals`, `token.equalsIgnoreCase`, `Password.Equals`); else `ne`.
fn comparison_name_end(content: &[u8], ns: usize, ne: usize) -> usize {
    let name = &content[ns..ne];
    for m in [
        &b".equals"[..],
        b".equalsIgnoreCase",
        b".Equals",
        b".contentEquals",
    ] {
        if name.len() > m.len() && name.ends_with(m) && content.get(ne) == Some(&b'(') {
            return ne - m.len();
        }
    }
    ne
}

/// Words that make a name a secret's wherever they stand in it.
const EMBEDDED_SECRET_WORDS: &[&str] = &["secret", "password", "passwd", "token", "apikey"];

/// A name that holds a secret word followed by parts that do not say the value is
/// something else (`todo_secret_do_not_commit`, `password_for_admin`): none of the parts
/// after the word is a known non-secret part (`token_url`, `secret_arn`, `password_length`).
fn embeds_secret_word(name: &[u8]) -> bool {
    // Most names reach here without any of the words: skip splitting them.
    let has_word = EMBEDDED_SECRET_WORDS
        .iter()
        .any(|w| crate::heuristics::contains_ci(name, w.as_bytes()));
    if !has_word {
        return false;
    }
    let parts = name_parts(name);
    if parts.len() < 2 || parts.len() > 6 {
        return false;
    }
    let Some(at) = parts
        .iter()
        .position(|p| EMBEDDED_SECRET_WORDS.contains(&p.as_str()))
    else {
        return false;
    };
    if parts
        .iter()
        .any(|p| matches!(p.as_str(), "public" | "pub" | "publishable"))
    {
        return false;
    }
    parts[at + 1..].iter().all(|p| {
        let p = p.as_str();
        !NOT_SECRET_PARTS.contains(&p) && !NOT_SECRET_WORDS.contains(&p)
    })
}

/// `pswd`, `psswrd`, `pasword`, `dbpswd`: password spelled without some of its letters.
fn is_password_abbreviation(part: &str) -> bool {
    const FORMS: &[&str] = &[
        "pswd", "psswd", "pswrd", "psword", "psswrd", "pssword", "paswd", "paswrd", "pasword",
        "passwrd",
    ];
    FORMS.iter().any(|f| part.ends_with(f))
}

/// Whether the name `content[ns..ne]` follows a directive that assigns by position rather
/// than with an operator: `#define NAME value` (C preprocessor), `%define NAME value`,
/// `%global NAME value` (RPM spec macros), `set NAME value` (Tcl, SQL*Plus, CMake-like
/// scripts), `ENV NAME value` (a Dockerfile's older form). The directive must open the line.
fn after_positional_directive(content: &[u8], ns: usize) -> bool {
    let mut k = ns;
    while k > 0 && matches!(content[k - 1], b' ' | b'\t') {
        k -= 1;
    }
    if k == ns {
        return false;
    }
    let mut ws = k;
    while ws > 0
        && (content[ws - 1].is_ascii_alphabetic() || matches!(content[ws - 1], b'#' | b'%'))
    {
        ws -= 1;
    }
    let word = &content[ws..k];
    let directive = [&b"#define"[..], b"%define", b"%global", b"set", b"ENV"]
        .iter()
        .any(|d| word.eq_ignore_ascii_case(d));
    if !directive {
        return false;
    }
    let mut ls = ws;
    while ls > 0 && matches!(content[ls - 1], b' ' | b'\t') {
        ls -= 1;
    }
    // `aws configure set aws_secret_access_key ...`: the AWS CLI's own `set`.
    if word.eq_ignore_ascii_case(b"set") && content[..ls].ends_with(b"configure") {
        return true;
    }
    ls == 0 || content[ls - 1] == b'\n'
}

/// Reads the separator and value after the name `content[ns..ne]`. Returns the value's
/// span and whether it was quoted.
fn read_value(content: &[u8], ns: usize, ne: usize) -> Option<(usize, usize, bool)> {
    let n = content.len();
    let mut i = ne;
    let before = if ns > 0 { content[ns - 1] } else { b'\n' };
    // A quoted name: `"password": ...`, `ENV['X']`, and JSON inside a string literal or a
    // log line, its quotes escaped: `"{\"password\": \"...\"}"`.
    if i < n && matches!(content[i], b'"' | b'\'' | b'`') {
        i += 1;
    } else if let Some(q) = escaped_quote(content, i) {
        i = q + 1;
    }
    if i < n && content[i] == b']' {
        i += 1;
    }
    // Markdown emphasis around the name: `**Password**: ...`, `__token__: ...`.
    if content[i..].starts_with(b"**") || content[i..].starts_with(b"__") {
        let open = ns >= 2 && content[ns - 2..ns] == content[i..i + 2];
        if open {
            i += 2;
        }
    }
    let skip_ws = |mut i: usize| {
        while i < n && (content[i] == b' ' || content[i] == b'\t') {
            i += 1;
        }
        i
    };
    i = skip_ws(i);
    if i >= n {
        return None;
    }
    // A Terraform variable block: `variable "db_password" {` ... `default = "v"` ... `}`.
    if content[i] == b'{' && matches!(before, b'"') && terraform_variable(content, ns) {
        return terraform_default(content, i + 1);
    }
    let is_flag = matches!(before, b'-') || content[ns] == b'-';
    // XML element: <password>value</password>, and an element whose key attribute names
    // the secret: <entry key="password">value</entry>, <string name="api_key">value</string>.
    if (before == b'<' || (matches!(before, b'"' | b'\'') && key_attribute(content, ns)))
        && content[i] == b'>'
    {
        let vs = i + 1;
        let ve = vs + memchr::memchr(b'<', &content[vs..(vs + 300).min(n)])?;
        if content.get(ve + 1) != Some(&b'/') {
            return None;
        }
        // Element text is a literal, never a reference: judge it as a quoted value.
        return trim_value(content, vs, ve, true);
    }
    // XML attribute pair: key="password" value="...", and an element named for the secret
    // with its value in an attribute: <Password value="..."/>.
    if matches!(before, b'"' | b'\'' | b'<') && content[i..].starts_with(b"value=") {
        i += 6;
        return quoted_value(content, i);
    }
    let ops: &[&[u8]] = &[
        b":=", b"::=", b"=>", b"===", b"!==", b"==", b"!=", b"?=", b"||", b"=", b":", b",", b"->",
        // R's assignment arrows.
        b"<<-", b"<-", b"(",
    ];
    let mut matched = None;
    for op in ops {
        if content[i..].starts_with(op) {
            matched = Some(*op);
            break;
        }
    }
    match matched {
        Some(op) => {
            // `password: str` and `fn f(password: &str)` are type annotations, handled as
            // bare identifiers below; a `(` must be followed by a quoted literal.
            i += op.len();
            // `a::b` is a path, not an assignment.
            if op == b":" && content.get(i) == Some(&b':') {
                return None;
            }
            // `"password" -> "x"` (Scala, Kotlin pairs), not `pKey->eType` (C, PHP).
            // A command-line option's default: `add_argument("--password", default="v")`,
            // `click.option("--token", default="v")`.
            let mut option_default = false;
            if op == b"," && is_flag {
                let j = skip_ws(i);
                if content[j..].starts_with(b"default=") {
                    i = j + b"default=".len();
                    option_default = true;
                }
            }
            if op == b"(" || op == b"," || op == b"->" {
                let j = skip_ws(i);
                if j >= n || !matches!(content[j], b'"' | b'\'') {
                    return None;
                }
            }
            // `set("password", "v")`, not a list of strings `["password", "other"]`: the
            // quoted name must open a call. An Erlang or Elixir tuple `{password, "v"}` is
            // a pair too.
            if op == b"," && !option_default && !(before == b'{' && content.get(ne) == Some(&b','))
            {
                let q = ns.checked_sub(1)?;
                if !matches!(content[q], b'"' | b'\'') {
                    return None;
                }
                let mut k = q;
                while k > 0 && matches!(content[k - 1], b' ' | b'\t') {
                    k -= 1;
                }
                if (k == 0 || content[k - 1] != b'(') && !gradle_field(content, q) {
                    return None;
                }
            }
        }
        None => {
            // `--password hunter2`, `password is hunter2`, `#define PASSWORD "hunter2"` // airlock:allow synthetic test value
            if (is_flag || after_positional_directive(content, ns)) && i > ne {
            } else if content[i..].len() > 3 && content[i..i + 3].eq_ignore_ascii_case(b"is ") {
                i += 3;
            } else if content[i..].len() > 3 && content[i..i + 3].eq_ignore_ascii_case(b"is:") {
                // `The password is: ...`
                i += 3;
            } else if i > ne && is_dash_separator(content, i) {
                // `Ldap password ---- ...`, `Password - ...`, `password — ...`: a dash set off
                // by spaces, as in notes and tables.
                i += content[i..].iter().take_while(|&&b| b != b' ').count();
            } else if let Some(after) = prose_owner(content, i) {
                // `password for root: ...`: whose password, then the value.
                i = after;
            } else if i > ne && matches!(content[i], b'"' | b'\'') && dsl_statement(content, ns, i)
            {
                // `storePassword "..."` (Gradle, Groovy and Ruby DSLs), `(setq password "...")`.
            } else if before == b':'
                && i > ne
                && matches!(content[i], b'"' | b'\'')
                && lisp_keyword(content, ns)
            {
                // `{:password "..."}`, `(:password "...")`: a Clojure, EDN or Lisp keyword
                // and its value.
            } else if let Some(q) = typed_declaration(content, ns, i) {
                // `var apiToken string = "..."` (Go), `Dim password As String = "..."` (VB).
                return quoted_value(content, q);
            } else {
                return None;
            }
        }
    }
    i = skip_ws(i);
    // A YAML block scalar holding one line: `password: |` then the value, indented.
    if matches!(content.get(i), Some(b'|' | b'>')) {
        return block_scalar(content, ns, i);
    }
    // `new String("...")`, `SecretStr("...")`, `b"..."`, `r"..."`
    let mut j = i;
    while j < n
        && j - i < 24
        && (content[j].is_ascii_alphanumeric()
            || content[j] == b'_'
            || content[j] == b'.'
            || content[j] == b' ')
    {
        j += 1;
    }
    if j < n && j > i && content[j] == b'(' {
        let k = skip_ws(j + 1);
        if k < n && matches!(content[k], b'"' | b'\'') {
            return quoted_value(content, k);
        }
        return None;
    }
    if i + 1 < n
        && matches!(content[i], b'b' | b'r' | b'u' | b'f' | b'@')
        && matches!(content[i + 1], b'"' | b'\'')
    {
        if content[i] == b'f' {
            // An f-string is a literal only when it interpolates nothing.
            let (vs, ve, q) = quoted_value(content, i + 1)?;
            return (!content[vs..ve].contains(&b'{')).then_some((vs, ve, q));
        }
        i += 1;
    }
    if i < n && matches!(content[i], b'"' | b'\'' | b'`') {
        return quoted_value(content, i);
    }
    if let Some(q) = escaped_quote(content, i) {
        return escaped_quoted_value(content, q);
    }
    // HTML-escaped quotes: `token=&quot;value&quot;`.
    if content[i..].starts_with(b"&quot;") {
        let vs = i + 6;
        let end = memchr::memmem::find(&content[vs..(vs + 300).min(n)], b"&quot;")?;
        return trim_value(content, vs, vs + end, true);
    }
    // A type annotation, then the value: `val password: String = "x"`,
    // `passwd: str = "x"`, `password: &str = "x"`.
    {
        let mut k = i;
        while k < n
            && (content[k].is_ascii_alphanumeric()
                || matches!(content[k], b'_' | b'&' | b'[' | b']' | b'.' | b'<' | b'>'))
            && k - i < 40
        {
            k += 1;
        }
        // Swift and Kotlin optionals: `String?`, `UITextField!`.
        while k > i && k < n && matches!(content[k], b'?' | b'!') && k - i < 41 {
            k += 1;
        }
        let t = skip_ws(k);
        if k > i && t < n && content[t] == b'=' && content.get(t + 1) != Some(&b'=') {
            let v = skip_ws(t + 1);
            if v < n && matches!(content[v], b'"' | b'\'') {
                return quoted_value(content, v);
            }
            // `var field: UITextField! = nil`: a type, then an expression. (`key: dGVzdA==`
            // is a base64 value: no space before its `=`.)
            if t > k {
                return None;
            }
        }
    }
    // Bare value, up to a delimiter.
    let vs = i;
    let mut ve = i;
    // A whole-line assignment (`.env`, shell `export`, properties, a YAML plain scalar, a
    // compose `- NAME=value` item) has no expression syntax around its value: it runs to
    // the next space, so `Copper&Granite4730` or a Django key with `)` is read whole.
    let whole_line = !matches!(before, b'"' | b'\'' | b'`') && line_assignment(content, ns);
    while ve < n && ve - vs < 300 {
        let b = content[ve];
        if b.is_ascii_whitespace()
            || matches!(b, b'"' | b'\'' | b'`')
            || b == b'<'
            || (!whole_line && matches!(b, b';' | b',' | b')' | b']' | b'}' | b'&'))
        {
            break;
        }
        ve += 1;
    }
    // A statement or item separator after the value: `pass: someVar,`, `export X=v;`.
    while whole_line && ve > vs && matches!(content[ve - 1], b',' | b';') {
        ve -= 1;
    }
    trim_value(content, vs, ve, false)
}

/// A variable given as a `name`/`value` pair, as Kubernetes, ECS task definitions, Helm
/// values and CI tools write environment variables:
///
/// ```text
/// - name: DB_PASSWORD            {"name": "API_TOKEN", "value": "..."}
///   value: "..."
/// ```
///
/// `ns..ne` is the variable's name; it must be the value of a `name` key, and the next
/// key (on the same line or the next) must be `value`.
fn name_value_pair(content: &[u8], ns: usize, ne: usize) -> Option<(usize, usize, bool)> {
    let n = content.len();
    // Before the name: `name:` / `"name":` / `name=`, then an optional quote.
    let line_start = line_start(content, ns);
    let mut k = ns;
    if k > line_start && matches!(content[k - 1], b'"' | b'\'') {
        k -= 1;
    }
    while k > line_start && matches!(content[k - 1], b' ' | b'\t') {
        k -= 1;
    }
    if k == line_start || !matches!(content[k - 1], b':' | b'=') {
        return None;
    }
    k -= 1;
    while k > line_start && matches!(content[k - 1], b' ' | b'\t' | b'"' | b'\'') {
        k -= 1;
    }
    if k < line_start + 4 || !content[k - 4..k].eq_ignore_ascii_case(b"name") {
        return None;
    }
    if k - 4 > line_start && (content[k - 5].is_ascii_alphanumeric() || content[k - 5] == b'_') {
        return None;
    }
    // After the name: its closing quote, a `,`, then `value` here or on the next line.
    let mut i = ne;
    if i < n && matches!(content[i], b'"' | b'\'') {
        i += 1;
    }
    let skip = |mut i: usize| {
        while i < n && matches!(content[i], b' ' | b'\t' | b',' | b'\r') {
            i += 1;
        }
        i
    };
    i = skip(i);
    if i < n && content[i] == b'\n' {
        i = skip(i + 1);
        if i < n && content[i] == b'-' {
            // `- name: A` followed by `- name: B`: a list of names, no value here.
            return None;
        }
    }
    if i < n && matches!(content[i], b'"' | b'\'') {
        i += 1;
    }
    if !content.get(i..i + 5)?.eq_ignore_ascii_case(b"value") {
        return None;
    }
    i += 5;
    if i < n && matches!(content[i], b'"' | b'\'') {
        i += 1;
    }
    i = skip(i);
    if i >= n || !matches!(content[i], b':' | b'=') {
        return None;
    }
    i = skip(i + 1);
    if i >= n {
        return None;
    }
    if matches!(content[i], b'"' | b'\'') {
        return quoted_value(content, i);
    }
    let end = content[i..]
        .iter()
        .position(|&b| matches!(b, b'\n' | b'\r' | b',' | b'}' | b' ' | b'#'))
        .map_or(n, |p| i + p);
    (end > i).then_some((i, end, false))
}

/// Whether the quoted name at `ns` is the value of a `key=`, `name=` or `id=` attribute of
/// an XML element (`<entry key="password">`): the element's text is then its value.
fn key_attribute(content: &[u8], ns: usize) -> bool {
    let Some(eq) = ns.checked_sub(2) else {
        return false;
    };
    if content[eq] != b'=' {
        return false;
    }
    let mut s = eq;
    while s > 0 && content[s - 1].is_ascii_alphabetic() && eq - s < 5 {
        s -= 1;
    }
    let attr = &content[s..eq];
    let known = [&b"key"[..], b"name", b"id"]
        .iter()
        .any(|a| attr.eq_ignore_ascii_case(a));
    known && s > 0 && matches!(content[s - 1], b' ' | b'\t')
}

/// A run of dashes (or one en or em dash) followed by a space at `i`.
fn is_dash_separator(content: &[u8], i: usize) -> bool {
    let rest = &content[i..];
    let dashes = rest.iter().take_while(|&&b| b == b'-').count();
    let run = if dashes > 0 {
        dashes
    } else if rest.starts_with("\u{2014}".as_bytes()) || rest.starts_with("\u{2013}".as_bytes()) {
        3
    } else {
        return false;
    };
    rest.get(run) == Some(&b' ')
}

/// `for root:`, `for the admin account:` after a password's name: the words say whose
/// password it is and the colon opens the value. Returns where the value starts.
fn prose_owner(content: &[u8], i: usize) -> Option<usize> {
    if !content[i..].starts_with(b"for ") {
        return None;
    }
    let rest = &content[i + 4..];
    let end = rest
        .iter()
        .take(40)
        .position(|&b| b == b':' || b == b'\n')?;
    if rest[end] != b':' || end == 0 {
        return None;
    }
    let words = &rest[..end];
    let ok = words
        .split(|&b| b == b' ')
        .filter(|w| !w.is_empty())
        .count()
        <= 3
        && words
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'_' | b'-' | b'@'));
    let after = i + 4 + end + 1;
    // `password for root: x` and `password for root:x`, not `for host:5432/db`.
    let value_follows = match content.get(after) {
        Some(b' ') => true,
        Some(b) if b.is_ascii_alphabetic() => !content[after..]
            .iter()
            .take_while(|b| !b.is_ascii_whitespace())
            .any(|&b| b == b'/' || b == b':'),
        _ => false,
    };
    (ok && value_follows).then_some(after)
}

/// A statement that gives a name its value by position, the name opening the line (or a
/// block) and one quoted literal ending it: `storePassword "..."` in a Gradle signing
/// config, `password "..."` in a Ruby or Groovy DSL, `(setq my-password "...")` in Lisp.
fn dsl_statement(content: &[u8], ns: usize, q: usize) -> bool {
    let ls = line_start(content, ns);
    let head = content[ls..ns].trim_ascii();
    let opens = head.is_empty()
        || head.ends_with(b"{")
        || [
            &b"(setq"[..],
            b"(setf",
            b"(defvar",
            b"(defconst",
            b"(define",
            b"(def",
        ]
        .iter()
        .any(|d| head.eq_ignore_ascii_case(d));
    if !opens {
        return false;
    }
    let quote = content[q];
    let le = memchr::memchr(b'\n', &content[q..]).map_or(content.len(), |p| q + p);
    let Some(close) = memchr::memchr(quote, &content[q + 1..le]).map(|p| q + 1 + p) else {
        return false;
    };
    content[close + 1..le]
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b';' | b'}' | b')' | b','))
}

/// Whether the name at `ns`, after a `:`, is a keyword of Clojure, EDN or Lisp: the colon
/// opens a word, after a bracket or a space.
fn lisp_keyword(content: &[u8], ns: usize) -> bool {
    ns >= 2 && matches!(content[ns - 2], b'{' | b'(' | b'[' | b' ' | b'\t' | b',')
}

/// `var NAME TYPE = "..."` (Go) and `Dim NAME As TYPE = "..."` (Visual Basic): a declaration
/// keyword opens the line, and a string type (or VB's `As` and a type) stands between the
/// name and `=`. `i` is where the type starts; returns where the literal's quote stands.
fn typed_declaration(content: &[u8], ns: usize, i: usize) -> Option<usize> {
    let n = content.len();
    let type_start = |w: &[u8]| content[i..].starts_with(w);
    if !(type_start(b"string")
        || type_start(b"[]")
        || type_start(b"*string")
        || content
            .get(i..i + 3)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"as ")))
    {
        return None;
    }
    let ls = line_start(content, ns);
    let head = content[ls..ns].trim_ascii_start();
    let first = head.split(|b| *b == b' ').next().unwrap_or(b"");
    let declared = [
        &b"var"[..],
        b"const",
        b"dim",
        b"private",
        b"public",
        b"friend",
        b"static",
    ]
    .iter()
    .any(|k| first.eq_ignore_ascii_case(k));
    if !declared {
        return None;
    }
    let word = |k: usize| {
        let mut e = k;
        while e < n
            && (content[e].is_ascii_alphanumeric()
                || matches!(content[e], b'_' | b'[' | b']' | b'*'))
        {
            e += 1;
        }
        e
    };
    let mut k = i;
    let mut e = word(k);
    if content[k..e].eq_ignore_ascii_case(b"as") && content.get(e) == Some(&b' ') {
        k = e + 1;
        e = word(k);
        if e == k {
            return None;
        }
    } else if !matches!(
        &content[k..e],
        b"string" | b"[]byte" | b"*string" | b"[]rune"
    ) {
        return None;
    }
    let mut t = e;
    while t < n && matches!(content[t], b' ' | b'\t') {
        t += 1;
    }
    if t >= n || content[t] != b'=' || content.get(t + 1) == Some(&b'=') {
        return None;
    }
    let mut v = t + 1;
    while v < n && matches!(content[v], b' ' | b'\t') {
        v += 1;
    }
    (v < n && matches!(content[v], b'"' | b'\'')).then_some(v)
}

/// The value of a YAML block scalar (`|`, `>-`, ...) at `i` when it holds a single line,
/// indented deeper than the name's line. Longer blocks (keys, certificates) are left to the
/// rules that know their shape.
fn block_scalar(content: &[u8], ns: usize, i: usize) -> Option<(usize, usize, bool)> {
    let n = content.len();
    let mut k = i + 1;
    while k < n && matches!(content[k], b'-' | b'+' | b'1'..=b'9') {
        k += 1;
    }
    while k < n && matches!(content[k], b' ' | b'\t' | b'\r') {
        k += 1;
    }
    if k >= n || content[k] != b'\n' {
        return None;
    }
    let indent = |from: usize| content[from..].iter().take_while(|&&b| b == b' ').count();
    let name_line = line_start(content, ns);
    let base = indent(name_line);
    let ls = k + 1;
    let depth = indent(ls);
    if depth <= base {
        return None;
    }
    let le = memchr::memchr(b'\n', &content[ls..]).map_or(n, |p| ls + p);
    if le < n && le + 1 < n {
        let next = le + 1;
        let blank = content[next..]
            .iter()
            .take_while(|&&b| b != b'\n')
            .all(|b| b.is_ascii_whitespace());
        if !blank && indent(next) >= depth {
            return None;
        }
    }
    trim_value(content, ls + depth, le, true)
}

/// Whether the name at `ns` opens its line, after indentation and at most one of `export `,
/// `set `, `- ` (a YAML list item): the line is one assignment.
fn line_assignment(content: &[u8], ns: usize) -> bool {
    let ls = line_start(content, ns);
    let head = content[ls..ns].trim_ascii_start();
    head.is_empty() || head == b"export " || head == b"set " || head == b"- "
}

/// Whether the quoted name whose opening quote is at `q` follows `variable ` at the start
/// of its line (Terraform, OpenTofu).
fn terraform_variable(content: &[u8], ns: usize) -> bool {
    let q = ns - 1;
    let line_start = line_start(content, q);
    let head = content[line_start..q].trim_ascii();
    head == b"variable"
}

/// The quoted `default = "..."` of the block opened just before `from`, up to its `}`.
fn terraform_default(content: &[u8], from: usize) -> Option<(usize, usize, bool)> {
    let end = (from + 600).min(content.len());
    let block = &content[from..end];
    let close = memchr::memchr(b'}', block).unwrap_or(block.len());
    let at = memchr::memmem::find(&block[..close], b"default")?;
    let mut i = from + at + b"default".len();
    while i < content.len() && matches!(content[i], b' ' | b'\t') {
        i += 1;
    }
    if content.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    while i < content.len() && matches!(content[i], b' ' | b'\t') {
        i += 1;
    }
    (i < content.len() && content[i] == b'"')
        .then(|| quoted_value(content, i))
        .flatten()
}

/// Whether the quoted name at `q` is the field name of an Android Gradle
/// `buildConfigField "String", "API_KEY", "\"value\""` (or `resValue`) on the same line.
fn gradle_field(content: &[u8], q: usize) -> bool {
    let line_start = line_start(content, q);
    let head = &content[line_start..q];
    memchr::memmem::find(head, b"buildConfigField").is_some()
        || memchr::memmem::find(head, b"resValue").is_some()
}

/// Where the quote of an escaped quote (`\"`, `\\\"`) starting at `i` stands.
fn escaped_quote(content: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    while j < content.len() && content[j] == b'\\' && j - i < 8 {
        j += 1;
    }
    (j > i && j < content.len() && matches!(content[j], b'"' | b'\'')).then_some(j)
}

/// The value of `\"...\"`, opened by the escaped quote whose quote is `content[q]`: up to
/// the next backslash-escaped quote of the same kind.
fn escaped_quoted_value(content: &[u8], q: usize) -> Option<(usize, usize, bool)> {
    let quote = content[q];
    let vs = q + 1;
    let limit = (vs + 500).min(content.len());
    let mut i = vs;
    while i < limit {
        match content[i] {
            b'\n' => return None,
            b'\\' => {
                if escaped_quote(content, i).is_some_and(|e| content[e] == quote) {
                    return trim_value(content, vs, i, true);
                }
                i += 1;
            }
            b if b == quote => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether a quoted value is the host code's concatenation seen from inside a string:
/// `"... AND pw='" + password + "'"` puts `'"+password+"'` after `pw=`, and what the single
/// quotes enclose closes the host string, adds a variable and opens the next one.
fn concatenation_fragment(v: &[u8]) -> bool {
    let n = v.len();
    if n < 4 || !matches!(v[0], b'"' | b'\'' | b'`') || v[n - 1] != v[0] {
        return false;
    }
    let inner = v[1..n - 1].trim_ascii();
    inner.len() >= 3 && inner[0] == b'+' && inner[inner.len() - 1] == b'+'
}

fn quoted_value(content: &[u8], q_at: usize) -> Option<(usize, usize, bool)> {
    let q = content[q_at];
    if closes_a_string(content, q_at) {
        return None;
    }
    let mut vs = q_at + 1;
    // A triple-quoted string (Python, Kotlin, TOML): the value starts after the third quote.
    if content.get(vs) == Some(&q) && content.get(vs + 1) == Some(&q) {
        vs += 2;
    }
    let limit = (vs + 500).min(content.len());
    let mut i = vs;
    while i < limit {
        let b = content[i];
        // A backslash before the line's end continues the string on the next line.
        if b == b'\\' && !matches!(content.get(i + 1), Some(b'\n' | b'\r')) {
            i += 2;
            continue;
        }
        if b == q {
            if concatenation_fragment(&content[vs..i]) {
                return None;
            }
            return trim_value(content, vs, i, true);
        }
        if b == b'\n' || b == b'\\' {
            // An unterminated quote: a multi-line string or a continued line. The
            // value is what this line holds, less a trailing continuation.
            let mut e = i;
            while e > vs && matches!(content[e - 1], b'\\' | b'\r' | b' ' | b'+') {
                e -= 1;
            }
            return (e - vs >= 16)
                .then_some(())
                .and_then(|_| trim_value(content, vs, e, true));
        }
        i += 1;
    }
    None
}

/// Whether the quote at `q_at` closes a string opened earlier on its line: the name was
/// inside a literal (`"Password: " + get()`, `'password = '.$p[...]`,
/// `label:"Password:",next:"..."`), so what follows the quote is code, not a value. Counts
/// the unescaped quotes of the same kind before it on the line, leaving out apostrophes
/// between letters (`don't`).
fn closes_a_string(content: &[u8], q_at: usize) -> bool {
    let q = content[q_at];
    let line_start = line_start(content, q_at);
    let line = &content[line_start..q_at];
    let mut count = 0usize;
    let mut i = 0;
    while i < line.len() {
        let b = line[i];
        if b == b'\\' {
            i += 2;
            continue;
        }
        if b == q {
            let apostrophe = q == b'\''
                && i > 0
                && line[i - 1].is_ascii_alphabetic()
                && (line.get(i + 1).is_some_and(u8::is_ascii_alphabetic));
            if !apostrophe {
                count += 1;
            }
        }
        i += 1;
    }
    count % 2 == 1
}

/// The one random word of a value made of two to four words, wrapped or not in one pair
/// of braces (a Jenkins `credentials.xml` `<secret>{...}</secret>`, a `Token xyz` scheme):
/// the other words short labels, the random one at least 20 token characters. A public key
/// (`ssh-ed25519 AAAA... user@host`) and a labelled digest (`sha256 3fa9...`) are not
/// secrets. Returns the word's span.
fn random_word(content: &[u8], vs: usize, ve: usize) -> Option<(usize, usize)> {
    let (mut s, mut e) = (vs, ve);
    if e - s >= 2 && content[s] == b'{' && content[e - 1] == b'}' {
        (s, e) = (s + 1, e - 1);
    }
    let v = &content[s..e];
    if !v.contains(&b' ') || v.len() > 300 {
        return None;
    }
    let mut words = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if v[i] == b' ' || v[i] == b'\t' {
            i += 1;
            continue;
        }
        let start = i;
        while i < v.len() && v[i] != b' ' && v[i] != b'\t' {
            i += 1;
        }
        words.push((start, i));
    }
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    let token_byte =
        |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'_' | b'-' | b'.');
    let mut found = None;
    for &(ws, we) in &words {
        let w = &v[ws..we];
        if w.len() >= 20 {
            if found.is_some()
                || !w.iter().all(token_byte)
                || w.starts_with(b"AAAA")
                || !looks_random(w, 20)
                || entropy(w) < 3.5
            {
                return None;
            }
            found = Some((ws, we));
        } else {
            let lower = w.to_ascii_lowercase();
            if w.len() > 12
                || !w
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b':'))
                || lower.starts_with(b"ssh-")
                || lower.starts_with(b"ecdsa-")
                || lower.starts_with(b"sha")
                || lower.starts_with(b"md5")
            {
                return None;
            }
        }
    }
    found.map(|(ws, we)| (s + ws, s + we))
}

/// A literal fallback after a lookup: `os.environ.get("X") or "v"`, `env.X || "v"`,
/// `getenv("X", "v")`, `${X:-v}` is left to the shell. Returns the literal's span.
fn fallback_literal(content: &[u8], ns: usize, ve: usize) -> Option<(usize, usize, bool)> {
    let le = memchr::memchr(b'\n', &content[ve..])
        .map_or(content.len(), |i| ve + i)
        .min(ve + 200);
    let rest = &content[ve..le];
    let mut i = 0;
    while i < rest.len() && matches!(rest[i], b'"' | b'\'' | b')' | b']' | b' ' | b'\t') {
        i += 1;
    }
    let after = &rest[i..];
    let seps: &[&[u8]] = &[b"or ", b"|| ", b"||", b"?? ", b"??", b"?: ", b", ", b","];
    let sep = seps.iter().find(|s| after.starts_with(s))?;
    if sep.starts_with(b",") {
        // Only the default argument of an environment lookup.
        let head = content[ns..ve].to_ascii_lowercase();
        if memchr::memmem::find(&head, b"env").is_none()
            && memchr::memmem::find(&head, b"get(").is_none()
        {
            return None;
        }
    }
    let mut j = ve + i + sep.len();
    while j < le && matches!(content[j], b' ' | b'\t') {
        j += 1;
    }
    if j < le && matches!(content[j], b'"' | b'\'') {
        quoted_value(content, j)
    } else {
        None
    }
}

fn trim_value(
    content: &[u8],
    mut vs: usize,
    mut ve: usize,
    quoted: bool,
) -> Option<(usize, usize, bool)> {
    while vs < ve && content[vs].is_ascii_whitespace() {
        vs += 1;
    }
    while ve > vs
        && (content[ve - 1].is_ascii_whitespace()
            || (!quoted && matches!(content[ve - 1], b'.' | b':')))
    {
        ve -= 1;
    }
    (ve > vs).then_some((vs, ve, quoted))
}

/// Values that stand for "no secret here".
const PLACEHOLDER_VALUES: &[&str] = &[
    "password",
    "passwd",
    "secret",
    "token",
    "key",
    "apikey",
    "api_key",
    "none",
    "null",
    "nil",
    "undefined",
    "true",
    "false",
    "yes",
    "no",
    "on",
    "off",
    "required",
    "optional",
    "string",
    "str",
    "int",
    "bool",
    "boolean",
    "text",
    "empty",
    "default",
    "test",
    "testing",
    "example",
    "changeme",
    "change_me",
    "changeit",
    "secret123",
    "password123",
    "mypassword",
    "mysecret",
    "yourpassword",
    "your_password",
    "pass",
    "pwd",
    "admin",
    "root",
    "user",
    "username",
    "guest",
    "demo",
    "foo",
    "bar",
    "baz",
    "foobar",
    "abc",
    "abc123",
    "xxx",
    "todo",
    "tbd",
    "na",
    "n/a",
    "unknown",
    "hidden",
    "redacted",
    "masked",
    "encrypted",
    "secure",
    "private",
    "public",
    "dummy",
    "sample",
    "value",
    "placeholder",
    "notset",
    "not_set",
    "unset",
    "mytoken",
    "yourtoken",
    "your_token",
    "your_api_key",
    "yourapikey",
    "my_api_key",
    "api-key",
    "secretkey",
    "secret_key",
    "access_token",
    "auth_token",
    "bearer",
    "basic",
    "self",
    "this",
    "object",
    "any",
    "unicode",
    "bytes",
    "optional[str]",
    "sensitive",
    "os.environ",
    "process.env",
    "env",
    "environ",
    "getenv",
    "config",
    "settings",
    "props",
    "options",
    "opts",
    "args",
    "params",
    "data",
    "form",
    "request",
    "req",
    "input",
];

/// Prefixes of values that are lookups or templates, not literals.
const INDIRECT_PREFIXES: &[&str] = &[
    "$",
    "%",
    "{",
    "<",
    "[",
    "(",
    "@",
    "#{",
    "&",
    "*",
    "!ref",
    "!sub",
    "!getatt",
    "!join",
    "!vault",
    // SOPS ciphertext: `ENC[AES256_GCM,data:...,iv:...,tag:...,type:str]`.
    "enc[",
    "!secret",
    "!env",
    "!include",
    "~",
    "/",
    "./",
    "../",
    "process.env",
    "os.environ",
    "os.getenv",
    "getenv",
    "env(",
    "env.",
    "env[",
    "system.getenv",
    "config.",
    "config[",
    "settings.",
    "secrets.",
    "vars.",
    "var.",
    "local.",
    "data.",
    "module.",
    "self.",
    "this.",
    "props.",
    "params.",
    "request.",
    "req.",
    "args.",
    "opts.",
    "options.",
    "ctx.",
    "context.",
    "input.",
    "form.",
    "vault:",
    "ref+",
    "arn:",
    "secret:",
    "sm://",
    "op://",
    "keyvault",
    "http://",
    "https://",
    "file:",
    "function",
    "lambda",
    "fn ",
    "new ",
    "await ",
    "import",
    "require",
    "none",
    "null",
    "nil",
    "true",
    "false",
    "undefined",
];

/// `line`: the value is the whole right side of a one-line assignment (`.env`, YAML), where
/// brackets are characters of the value, not the syntax of an expression.
fn judge(
    class: NameClass,
    name: &[u8],
    value: &[u8],
    quoted: bool,
    line: bool,
) -> Option<Confidence> {
    let mut v = value;
    // Quotes inside quotes: `"'$PRECOMPILE_PASSWORD'"` in a shell `echo`; judge what they hold.
    loop {
        if v.len() >= 2 && matches!(v[0], b'"' | b'\'') && v[v.len() - 1] == v[0] {
            v = &v[1..v.len() - 1];
        } else if v.len() >= 4 && v.starts_with(b"\\\"") && v.ends_with(b"\\\"") {
            // `"\"value\""`: a Gradle string field holding a Java string literal.
            v = &v[2..v.len() - 2];
        } else {
            break;
        }
    }
    // `${20FCC725-...}`: a literal in expansion braces (no variable name starts with a
    // digit); what they hold is the value.
    if v.len() > 3 && v.starts_with(b"${") && v.ends_with(b"}") && !variable_reference(v) {
        v = &v[2..v.len() - 1];
    }
    let lower = String::from_utf8_lossy(v).to_ascii_lowercase();
    // Long values are text, except one base64 token under a key or token name (an Aiven
    // token is 372 characters, a service-account key in base64 longer still, a Wrike
    // permanent token several base64url pieces joined by dots).
    let long_token = v.len() <= 2000
        && class != NameClass::Password
        && v.iter().all(|&b| {
            b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_' | b'.')
        });
    if (v.len() > 200 && !long_token) || v.contains(&b'\n') {
        return None;
    }
    if PLACEHOLDER_VALUES.contains(&lower.as_str()) {
        return None;
    }
    // A long quoted value dense with every kind of character (a WordPress salt, a Django
    // key) is random: a `%`, `{{` or `${` in it is chance, not a template.
    // Words and sequences (`example`, `abcdefgh`) still make it a sample.
    let dense = quoted && v.len() >= 32 && {
        let (lo, up, dg, other) = classes(v);
        let words: Vec<u8> = v
            .iter()
            .copied()
            .filter(|b| !matches!(b, b'{' | b'}' | b'$' | b'%' | b'*' | b'.'))
            .collect();
        lo > 0 && up > 0 && dg > 0 && other >= 4 && entropy(v) >= 4.8 && !looks_fake(&words)
    };
    if !dense && INDIRECT_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return None;
    }
    if !dense
        && (variable_reference(v)
            || lower.contains("{{")
            || lower.contains("}}")
            || lower.contains("%("))
    {
        return None;
    }
    // A format string: `"prefix_{}".format(x)`, `"{0}:{1}"`, `f"{host}:{port}"`.
    if !dense
        && (v.windows(2).any(|w| w == b"{}")
            || v.windows(3)
                .any(|w| w[0] == b'{' && w[1].is_ascii_digit() && w[2] == b'}'))
    {
        return None;
    }
    if looks_fake(v) && !dense {
        return None;
    }
    // A masked value: `********`, `••••••••`, `xxxx`.
    if std::str::from_utf8(v).is_ok_and(|s| {
        s.chars()
            .all(|c| matches!(c, '*' | 'x' | 'X' | '.' | '•' | '●' | '·' | '∙' | '⋅' | '◦'))
    }) {
        return None;
    }
    // A user-interface label in a translation file: `"login.password": "Passwort"`,
    // `"settings.api_key": "API-Schlüssel"`.
    if ui_label(class, v) {
        return None;
    }
    // The name of an environment variable (`os.environ.get("DB_PASSWORD")`,
    // `os.Getenv("SMTP_PASSWORD")`) or a prompt (`getpass("Admin password: ")`).
    let env_name = v.len() >= 4
        && v.first().is_some_and(|b| b.is_ascii_uppercase())
        && v.contains(&b'_')
        && v.iter()
            .all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    let prompt =
        v.contains(&b' ') && (v.ends_with(b": ") || v.ends_with(b":") || v.ends_with(b"? "));
    // A passphrase may well be a sentence.
    let phrase_name = crate::heuristics::contains_ci(name, b"phrase");
    if env_name || prompt || (!phrase_name && ui_text(v)) {
        return None;
    }
    // The value repeats the name: `password = "password"`, `API_KEY=api_key`.
    let name_l = String::from_utf8_lossy(name).to_ascii_lowercase();
    if name_l.contains(&lower) || lower.contains(&name_l) && lower.len() < name_l.len() + 4 {
        return None;
    }
    // The same, spelled with other separators: `addPassword = "#add-password"` (a selector).
    let alnum = |s: &str| -> String { s.chars().filter(char::is_ascii_alphanumeric).collect() };
    let (name_a, value_a) = (alnum(&name_l), alnum(&lower));
    if value_a.len() >= 4 && (name_a.contains(&value_a) || value_a == name_a) {
        return None;
    }
    let (lo, up, dg, other) = classes(v);
    let letters = lo + up;
    // A shell command substitution: `password=`cat /run/secrets/pw``.
    if quoted_with_backtick_or_subshell(v) {
        return None;
    }
    // An expression, not a literal: `provider["password"]`, `t.Optional[str]`, `f(x)`.
    if !quoted
        && v.iter().any(|&b| matches!(b, b'[' | b'(' | b'{'))
        && !(line && looks_random(v, 16))
    {
        return None;
    }
    // An email address where a password was expected: a sample login, not a secret.
    if class == NameClass::Password
        && v.contains(&b'@')
        && v.iter().filter(|&&b| b == b'.').count() >= 1
    {
        let at = v.iter().position(|&b| b == b'@').unwrap_or(0);
        if at > 0
            && v[at + 1..].contains(&b'.')
            && v[at + 1..]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
        {
            return None;
        }
    }
    // A bare identifier in code: `password = get_password`, `key = X25519.secret_length`.
    if !quoted {
        let ident = v
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
            && v.first()
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_');
        // A dotted path is a reference (`config.db_password`) unless it is made of random
        // pieces, not words (`token: s.` and 24 random characters).
        let named = |seg: &[u8]| {
            looks_like_words(seg)
                || seg.iter().all(|b| b.is_ascii_lowercase() || *b == b'_')
                || seg.iter().all(|b| b.is_ascii_uppercase() || *b == b'_')
        };
        // A password is often shorter than a token (14 characters in two random pieces).
        let min = if class == NameClass::Password { 12 } else { 20 };
        let random_part = || {
            v.split(|&b| b == b'.')
                .all(|seg| seg.len() <= 3 || !named(seg))
                && looks_random(v, min)
        };
        // Without digits a bare word is a reference (`key: playbook_on_start_msg`), unless it
        // mixes cases at random: in YAML, .env, shell and properties files an unquoted value
        // is a literal (`apikey: YXNkZm...` in whispers' tests).
        let random_word = lo > 0 && up > 0 && looks_random(v, 16);
        if ident && ((v.contains(&b'.') && !random_part()) || (dg == 0 && !random_word)) {
            return None;
        }
        if v.ends_with(b"(") {
            return None;
        }
        // A member access or path in code: `p->pNext`, `Foo::BAR`.
        if v.windows(2).any(|w| w == b"->" || w == b"::") {
            return None;
        }
        // A machine-word numeric literal: `#define SQLITE_2NDPASS 0x0004`, `0xFFFFUL`
        // (a 32-byte `0x...` value in a .env is a private key, and is kept).
        let digits_end = v
            .iter()
            .rposition(|b| !matches!(b, b'u' | b'U' | b'l' | b'L'))
            .map_or(0, |i| i + 1);
        let body = &v[..digits_end];
        if (3..=18).contains(&body.len())
            && (body.starts_with(b"0x") || body.starts_with(b"0X"))
            && body[2..].iter().all(u8::is_ascii_hexdigit)
        {
            return None;
        }
    }
    // Numbers alone: ports, counts, ids.
    if letters == 0 && other == 0 && v.len() < 12 {
        return None;
    }
    // A long random number under a token, secret or key name is a numeric credential;
    // shorter ones are ports, counts, ids, timestamps.
    if letters == 0 && other == 0 && dg == v.len() {
        let bare = name_parts(name).len() == 1;
        return (dg >= 16
            && !bare
            && matches!(class, NameClass::Secret | NameClass::Token | NameClass::Key)
            && entropy(v) >= 2.5)
            .then_some(Confidence::Medium);
    }
    // Version strings and dotted numbers.
    if v.iter().all(|&b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let e = entropy(v);
    match class {
        NameClass::Password => {
            if v.len() < 4 {
                return None;
            }
            // Prose or a slug (`doesnt start right`, `shorter-version`): lower-case
            // letters and separators only, reading as words.
            let seps = v
                .iter()
                .filter(|b| matches!(b, b' ' | b'-' | b'_' | b'.'))
                .count();
            if dg == 0
                && up == 0
                && lo + seps == v.len()
                && (seps > 0 || looks_like_words(v))
                && !(quoted && passphrase(v))
            {
                return None;
            }
            if v.contains(&b' ')
                && dg == 0
                && other == seps.min(other)
                && v.iter().filter(|b| **b == b' ').count() >= 2
            {
                return None;
            }
            // Hashes of passwords (bcrypt, argon2, sha) are not the password.
            if lower.starts_with("$2")
                || lower.starts_with("$argon")
                || (is_hex(v) && v.len() >= 32)
            {
                return None;
            }
            // A word alone, lower-case, is more often a label than a password; a mix of
            // classes or symbols is a password.
            let kinds = (lo > 0) as u8 + (up > 0) as u8 + (dg > 0) as u8 + (other > 0) as u8;
            if kinds >= 2 || v.len() >= 12 {
                if !quoted && kinds < 2 && looks_like_words(v) {
                    return None;
                }
                Some(if kinds >= 3 {
                    Confidence::High
                } else {
                    Confidence::Medium
                })
            } else if quoted && v.len() >= 6 && !looks_like_words(v) {
                Some(Confidence::Medium)
            } else {
                None
            }
        }
        NameClass::Secret | NameClass::Token | NameClass::Key | NameClass::Credential => {
            let bare_key =
                class == NameClass::Key && name_parts(name).len() == 1 && name_l == "key";
            let min = if bare_key { 20 } else { 12 };
            if dotted_words(v) || has_version(v) {
                return None;
            }
            // UUIDs are identifiers far more often than secrets (request ids, tenant ids,
            // sample tokens in docs); `T-<uuid>` and `<uuid>` alike.
            // A provider's name in the variable (`sendbird_token`, `WAKATIME_API_KEY`)
            // is what makes a UUID-shaped value a credential.
            if v.len() >= 36
                && v.len() <= 40
                && is_uuid(&v[v.len() - 36..])
                && !names_a_provider(name)
            {
                return None;
            }
            if !dense && !looks_random(v, min) {
                // Secrets and tokens may be long hex without letters of both cases.
                if !(v.len() >= 16 && is_hex(v) && e >= 3.0 && !bare_key) {
                    return None;
                }
            }
            if bare_key && e < 3.8 {
                return None;
            }
            Some(if e >= 4.0 && v.len() >= 20 {
                Confidence::High
            } else {
                Confidence::Medium
            })
        }
    }
}

/// "Password" and "key" in the languages of user interfaces: a value that starts with one
/// (and has no digit) is a label in a translation file, not a credential.
const LABEL_WORDS: &[&str] = &[
    "passwort",
    "kennwort",
    "contraseña",
    "mot de passe",
    "wachtwoord",
    "senha",
    "parola",
    "hasło",
    "lösenord",
    "salasana",
    "heslo",
    "jelszó",
    "adgangskode",
    "passord",
    "пароль",
    "密码",
    "パスワード",
    "비밀번호",
    "schlüssel",
    "clé",
    "clave",
    "chiave",
    "sleutel",
];

fn ui_label(class: NameClass, v: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(v) else {
        return false;
    };
    if s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let lower = s.to_lowercase();
    // `Passwort`, `Mot de passe`, `Passwort vergessen?`; in English only a phrase
    // (`Forgot password?`): `Password!` alone may be one.
    let foreign = LABEL_WORDS.iter().any(|l| lower.starts_with(l));
    let phrase = lower.contains(' ')
        && lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "password" || LABEL_WORDS.contains(&w));
    if foreign || phrase {
        return true;
    }
    // Machine-made keys and tokens are ASCII: a value with accented letters is text.
    class != NameClass::Password && s.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// Text for people in a user interface or a message catalogue rather than a password: a
/// label that ends in a colon (`Engangskode:`), a sentence (three words or more ending in
/// `.`, `!` or `?`, or with a `, ` or `. ` inside: `Lag et nytt passord. Minst 6 tegn.`), or
/// a capitalised phrase of lower-case words (`Send engangskode`, `Ugyldig engangskode`).
fn ui_text(v: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(v) else {
        return false;
    };
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    // `Engangskode:`: a word and a colon.
    if s.len() >= 4
        && s.ends_with(':')
        && s[..s.len() - 1]
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ')
    {
        return true;
    }
    if words.len() < 2 || letters * 10 < s.chars().count() * 6 {
        return false;
    }
    let sentence_end = s.ends_with(['.', '!', '?']);
    let inner_stop = s.contains(", ") || s.contains(". ");
    if words.len() >= 3 && (sentence_end || inner_stop) {
        return true;
    }
    // `Send engangskode`: a capital, then lower-case letters and spaces only.
    let mut chars = s.chars();
    let first_cap = chars.next().is_some_and(char::is_uppercase);
    first_cap
        && words.iter().all(|w| w.chars().count() >= 2)
        && chars.all(|c| c == ' ' || (c.is_alphabetic() && c.is_lowercase()))
}

/// Words that name a field, a type or a rule rather than being a password: a value made
/// of them (`password_confirmation`, `hash_password`, `new password`) points elsewhere.
const FIELD_WORDS: &[&str] = &[
    "pass", "pwd", "secret", "token", "key", "hash", "field", "input", "confirm", "label", "type",
    "user", "name", "email", "login", "required", "reset", "value", "form", "old", "new",
    "current", "enter", "your", "plain", "text", "string", "not", "null", "auth", "example",
    "sample", "default", "test", "dummy", "none", "empty", "column", "param", "repeat", "retype",
    "verify", "show", "hide", "forgot", "change", "update", "invalid",
];

/// A lower-case passphrase written out as a password (`"open sesame"`,
/// `"thisismypassword"`): two words joined by one space, or one run of 13 letters or more
/// (longer than nearly every single word used as a type, rule or label). Quoted values
/// only: unquoted words in YAML or properties are too often enum values; and not two
/// words joined by `_`, which name a field (`'password', 'credit_card'`).
fn passphrase(v: &[u8]) -> bool {
    let s = String::from_utf8_lossy(v);
    let parts: Vec<&str> = s.split(' ').collect();
    match parts.as_slice() {
        [one] => {
            one.len() >= 13
                && one.bytes().all(|b| b.is_ascii_lowercase())
                && !FIELD_WORDS.iter().any(|w| one.starts_with(w))
        }
        [a, b] => {
            a.len() >= 3
                && b.len() >= 3
                && [a, b].iter().all(|p| {
                    p.bytes().all(|c| c.is_ascii_lowercase())
                        && !FIELD_WORDS.iter().any(|w| p.contains(w))
                })
        }
        _ => false,
    }
}

/// Name parts that say nothing about whose credential it is.
const GENERIC_NAME_PARTS: &[&str] = &[
    "api",
    "access",
    "auth",
    "request",
    "session",
    "csrf",
    "xsrf",
    "refresh",
    "id",
    "user",
    "client",
    "app",
    "bearer",
    "my",
    "your",
    "test",
    "sample",
    "default",
    "new",
    "old",
    "the",
    "token",
    "key",
    "secret",
    "password",
    "passwd",
    "pwd",
    "pass",
    "credential",
    "credentials",
    "creds",
    "value",
    "private",
    "public",
    "personal",
    "service",
    "account",
    "admin",
    "root",
    "dev",
    "prod",
    "live",
    "local",
    "env",
    "config",
    "settings",
    "ansible",
    "var",
    "vars",
    "get",
    "set",
    "x",
    "tmp",
    "temp",
    "example",
    "demo",
    "cur",
    "current",
    "next",
    "last",
    "first",
];

/// Whether the name carries a word beyond the generic vocabulary: a provider, product or
/// system name.
fn names_a_provider(name: &[u8]) -> bool {
    name_parts(name).iter().any(|p| {
        // Letters, or letters and digits (`ai21`, `web3`): not a number or a version.
        p.len() >= 3
            && p.bytes().all(|b| b.is_ascii_alphanumeric())
            && p.bytes().filter(u8::is_ascii_alphabetic).count() >= 2
            && p.as_bytes()[0].is_ascii_alphabetic()
            && !GENERIC_NAME_PARTS.contains(&p.as_str())
            && !["token", "key", "secret", "password"]
                .iter()
                .any(|w| p.ends_with(w) && p.len() == w.len())
    })
}

fn quoted_with_backtick_or_subshell(v: &[u8]) -> bool {
    v.windows(2).any(|w| w == b"$(")
        || (v.contains(&b' ') && v.iter().any(|&b| b == b'/' || b == b'|'))
}

/// `jetbrains.mps.v8_elimination`, `db.example.internal`: dot-separated words, a package,
/// property or host name rather than a token.
fn dotted_words(v: &[u8]) -> bool {
    if !v.contains(&b'.') {
        return false;
    }
    v.split(|&b| b == b'.').all(|seg| {
        seg.is_empty()
            || seg.len() <= 3
            || looks_like_words(seg)
            || seg
                .iter()
                .all(|b| b.is_ascii_lowercase() || *b == b'-' || *b == b'_')
    })
}

/// A version number such as `0.11.2` inside the value.
fn has_version(v: &[u8]) -> bool {
    let mut i = 0;
    while i < v.len() {
        if v[i].is_ascii_digit() {
            let s = i;
            let mut dots = 0;
            while i < v.len()
                && (v[i].is_ascii_digit()
                    || (v[i] == b'.' && i + 1 < v.len() && v[i + 1].is_ascii_digit()))
            {
                dots += (v[i] == b'.') as usize;
                i += 1;
            }
            if dots >= 2 && i - s >= 5 {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Where the line holding byte `at` starts.
fn line_start(content: &[u8], at: usize) -> usize {
    memchr::memrchr(b'\n', &content[..at]).map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests_support {
    use super::*;

    pub fn find(text: &str) -> Vec<String> {
        let g = Generic::new();
        let ac = aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(g.keywords())
            .unwrap();
        let hits: Vec<(usize, usize)> = ac
            .find_overlapping_iter(text.as_bytes())
            .map(|m| (m.start(), m.end()))
            .collect();
        let mut out = Vec::new();
        g.scan(text.as_bytes(), &hits, &mut |c| {
            out.push(text[c.span.start..c.span.end].to_string())
        });
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::find;

    #[test]
    fn continued_and_triple_quoted_strings_and_prose_without_a_space() {
        // A string continued on the next line by a backslash, and a triple-quoted one.
        assert_eq!(
            find("signing_key = 'Qm7vK2xLp9RtZw4Nc8Hj\\\n    Fd3Sb6Gy'"), // airlock:allow synthetic test value
            ["Qm7vK2xLp9RtZw4Nc8Hj"]
        );
        assert_eq!(
            find("signing_key = '''Qm7vK2xLp9RtZw4Nc8Hj\nFd3Sb6Gy'''"), // airlock:allow synthetic test value
            ["Qm7vK2xLp9RtZw4Nc8Hj"]
        );
        assert_eq!(find("password for admin:Xk9mQ2vLp7"), ["Xk9mQ2vLp7"]); // airlock:allow synthetic test value
        assert!(find("password for db:5432/app").is_empty());
    }

    #[test]
    fn a_query_string_concatenating_the_password_holds_no_value() {
        // `pw='" + password + "'` inside a SQL string: the single quotes enclose the host
        // code's concatenation, not a password.
        assert!(
            find(r#"q = "SELECT id FROM t WHERE uid=" + uid + " AND pw='"+password+"'""#)
                .is_empty()
        );
        assert!(find(r#"q = "SELECT id FROM t WHERE pass='" + pw + "'""#).is_empty());
        // A value that merely contains a plus is still a value.
        assert_eq!(find(r#"pw = 'Xk9+mQ2v+Lp7'"#), ["Xk9+mQ2v+Lp7"]); // airlock:allow synthetic test value
    }

    #[test]
    fn a_query_bind_parameter_is_no_password() {
        // `password=:password` in a query: the driver binds the value; only a real one is.
        assert!(find(r#"q = "UPDATE users SET password=:newPassword WHERE id=:id""#).is_empty());
        assert!(find(r#"sql = "SELECT 1 WHERE password = @Password""#).is_empty());
        assert_eq!(
            find("DB_PASSWORD=:Xk9vQ2mPz7"), // airlock:allow synthetic test value
            [":Xk9vQ2mPz7"]
        );
    }

    #[test]
    fn finds_assignments_in_many_syntaxes() {
        assert_eq!(find(r#"db_password = "Xk9#mQ2vLp""#), ["Xk9#mQ2vLp"]); // airlock:allow synthetic test value
        assert_eq!(find("DB_PASSWORD=Xk9mQ2vLp7"), ["Xk9mQ2vLp7"]); // airlock:allow synthetic test value
        assert_eq!(
            find(r#""client_secret": "6da89121079f83b2eb6acccf8219ea98""#), // airlock:allow synthetic test value
            ["6da89121079f83b2eb6acccf8219ea98"]
        );
        assert_eq!(
            find("  api_key: aB3dE5fG7hJ9kL1mN3pQ5r"), // airlock:allow synthetic test value
            ["aB3dE5fG7hJ9kL1mN3pQ5r"]
        );
        assert_eq!(
            find(r#"String twitterToken = "jscfr5ehe4aaehbkl6703kqfc";"#), // airlock:allow synthetic test value
            ["jscfr5ehe4aaehbkl6703kqfc"]
        );
        assert_eq!(
            find("<password>Tr0ub4dor&amp;3</password>"), // airlock:allow synthetic test value
            ["Tr0ub4dor&amp;3"]
        );
        assert_eq!(
            find(r#"<add key="ClearTextPassword" value="33f!!lloppa" />"#), // airlock:allow synthetic test value
            ["33f!!lloppa"]
        );
        assert_eq!(
            find("mysql --password=Sup3rS3cret! -u root"), // airlock:allow synthetic test value
            ["Sup3rS3cret!"]
        );
    }

    #[test]
    fn lower_case_passphrases_are_passwords_field_names_are_not() {
        // A passphrase written out: two words, or one long run of letters.
        assert_eq!(
            find("password = 'lantern harbor'"), // airlock:allow synthetic test value
            ["lantern harbor"]
        );
        assert_eq!(
            find(r#"private const string PfxPassword = "quietlanternharbor";"#), // airlock:allow synthetic test value
            ["quietlanternharbor"]
        );
        assert_eq!(
            find(r#""AdminPassword" : "bluelanternharbor""#), // airlock:allow synthetic test value
            ["bluelanternharbor"]
        );
        // Field names, types, labels and lists of them stay quiet.
        assert!(find("@sensitive_variables('user', 'password', 'credit_card')").is_empty());
        assert!(find(r#"password = "password_confirmation""#).is_empty());
        assert!(find(r#"password: "new password""#).is_empty());
        assert!(find(r#"'password' => 'required'"#).is_empty());
        assert!(find(r#""password": "authenticated""#).is_empty());
        assert!(find(r#"password: "confirmpassword""#).is_empty());
        assert!(find("password = lantern harbor").is_empty());
    }

    #[test]
    fn finds_positional_definitions_abbreviations_and_numeric_tokens() {
        assert_eq!(find(r#"#define DB_PASSWORD "Xk9mQ2vLp7""#), ["Xk9mQ2vLp7"]); // airlock:allow synthetic test value
        assert_eq!(find(r#"%global password "Xk9mQ2vLp7""#), ["Xk9mQ2vLp7"]); // airlock:allow synthetic test value
        assert_eq!(find(r#"set password "Xk9mQ2vLp7""#), ["Xk9mQ2vLp7"]); // airlock:allow synthetic test value
        assert_eq!(find("X3_PSWD:=Xk9mQ2vLp7"), ["Xk9mQ2vLp7"]); // airlock:allow synthetic test value
        assert_eq!(find("db_pswrd = Xk9mQ2vLp7"), ["Xk9mQ2vLp7"]); // airlock:allow synthetic test value
        assert_eq!(
            find("token: s.Xk9mQ2vLp7Rt5Wz8Yb3Nc6Df"), // airlock:allow synthetic test value
            ["s.Xk9mQ2vLp7Rt5Wz8Yb3Nc6Df"]
        );
        assert_eq!(find("asana_token: 4829105736284915"), ["4829105736284915"]); // airlock:allow synthetic test value
        assert_eq!(
            find("passwd = Xk9mQ2vL.p7Rt5Wz8Yb3.Nc6Df"), // airlock:allow synthetic test value
            ["Xk9mQ2vL.p7Rt5Wz8Yb3.Nc6Df"]
        );
        assert_eq!(
            find(r#"body = "{\"user\": \"admin\", \"password\": \"Xk9mQ2vLp7\"}""#), // airlock:allow synthetic test value
            ["Xk9mQ2vLp7"]
        );
        assert_eq!(
            find(r#"gitter_token = "qjzvkx4wpt9bnm2rclxh7fyd""#), // airlock:allow synthetic test value
            ["qjzvkx4wpt9bnm2rclxh7fyd"]
        );
    }

    #[test]
    fn leaves_positional_prose_numbers_and_references_alone() {
        for text in [
            "set password for the new account",
            "#define PASSWORD_LENGTH 12",
            "#define PASSWORD_PROMPT \"Password: \"",
            "token: 1700000000000",
            "session_token_ttl = 86400000000000000",
            "api_token = settings.api_token",
            "secret_key = app.config.SECRET_KEY",
            "key = X25519.secret_length",
            "token = response.json.access_token",
            "upswing = 4",
            "for(pFKey=pFKey->pNextFrom){",
            "#define SQLITE_BLDF2_2NDPASS  0x0004",
            "if( pKey->eType==FTSQUERY_NEAR ){",
            r#"printf("Enter password\n");"#,
            r#"msg = "{\"password\": \"${DB_PASSWORD}\"}""#,
        ] {
            assert!(find(text).is_empty(), "{text}: {:?}", find(text));
        }
    }

    #[test]
    fn leaves_lookups_and_placeholders_alone() {
        for text in [
            "password = os.environ['DB_PASSWORD']",
            "password = os.environ.get(\"REDIS_PASSWORD\")",
            "var DBPassword = os.Getenv(\"DB_PASSWORD\")",
            "String pw = System.getenv(\"SMTP_PASSWORD\");",
            "password = getpass.getpass(\"Admin password: \")",
            "password = ${DB_PASSWORD}",
            "password: {{ .Values.password }}",
            "api_key = \"<your-api-key>\"",
            "token = \"changeme\"",
            "secret_length = X25519.secret_length",
            "password_length = 12",
            "passwordHash = \"5f4dcc3b5aa765d61d8327deb882cf99\"",
            "keyboard = \"Xk9mQ2vLp7\"",
            "def login(password: str):",
            "token = get_token()",
            "sequenceKey = \"18\"",
            "schemaKey = 'DOC_Vector_5_32'",
            "public_key = \"aB3dE5fG7hJ9kL1mN3pQ5r\"",
            "password = \"\"",
        ] {
            assert!(find(text).is_empty(), "{text}: {:?}", find(text));
        }
    }

    #[test]
    fn a_name_inside_a_string_literal_has_no_value() {
        // The quote after the name closes the literal that holds it: code follows.
        for text in [
            r#"sb.append("MasterUserPassword: " + getMasterUserPassword() + ",");"#, // airlock:allow the raw string adds a quote
            r#"labels = {passwordLabel:"Password:",rememberLabel:"Remember me:"}"#, // airlock:allow the raw string adds a quote
            r#"echo 'password = '.$p['config']['daemon_password']."\n";"#,
        ] {
            assert!(find(text).is_empty(), "{text}: {:?}", find(text));
        }
        // Its twins: the same names before a real literal are found, and an apostrophe in
        // prose before the name does not open a string.
        const PW: &str = "Xk9#mQ2vLp"; // airlock:allow synthetic test value
        assert_eq!(find(&format!(r#""MasterUserPassword": "{PW}""#)), [PW]);
        assert_eq!(find(&format!("# don't commit: password = '{PW}'")), [PW]);
    }

    #[test]
    fn nested_quotes_and_selectors_are_judged_for_what_they_hold() {
        assert!(
            find(r#"echo 'export DATABASE_PASSWORD="'$PRECOMPILE_PASSWORD'"' >> .env"#).is_empty()
        );
        assert!(find(r##"this.addPassword = "#add-password";"##).is_empty());
        const PW: &str = "Xk9#mQ2vLp"; // airlock:allow synthetic test value
        let quoted = format!("'{PW}'");
        assert_eq!(
            find(&format!(r#"export DATABASE_PASSWORD="{quoted}""#)),
            [quoted]
        );
    }

    #[test]
    fn terraform_variable_defaults_and_gradle_fields() {
        const TOKEN: &str = "Fx7Qe2LpZ9_AirlockSynthetic-k3"; // airlock:allow synthetic test value
        let tf = format!(
            "variable \"okta_api_token\" {{\n  type    = string\n  default = \"{TOKEN}\"\n}}\n"
        );
        assert_eq!(find(&tf), [TOKEN]);
        // Twins: no default, or a variable whose name is not a secret's.
        assert!(find("variable \"okta_api_token\" {\n  type = string\n}\n").is_empty());
        let region = format!("variable \"region\" {{\n  default = \"{TOKEN}\"\n}}\n");
        assert!(find(&region).is_empty());
        let gradle = format!("buildConfigField 'String', 'API_KEY', '\"{TOKEN}\"'");
        assert_eq!(find(&gradle), [format!("\"{TOKEN}\"")]);
        let escaped = format!(r#"buildConfigField "String", "API_KEY", "\"{TOKEN}\"""#);
        assert_eq!(find(&escaped), [format!(r#"\"{TOKEN}\""#)]);
        // A list of strings is not a field definition.
        assert!(find(&format!("keys = ['API_KEY', '{TOKEN}']")).is_empty());
    }

    #[test]
    fn provider_names_with_digits_and_long_tokens() {
        // A UUID is a credential when the name says whose (`ai21_key`), not under `api_key`.
        let uuid = "5c1f0a3e-7d2b-4c8e-9a61-2f4b8c0d7e19";
        assert_eq!(find(&format!("ai21_key: {uuid}")), [uuid]);
        assert!(find(&format!("api_key: {uuid}")).is_empty());
        // One long base64 token under a key name is kept; long prose is not.
        let long = "AirlockSyntheticFixture0q9W8e7R6t5Y4u3I2o1P".repeat(6);
        assert_eq!(
            find(&format!("AIVEN_API_KEY = \"{long}\"")),
            [long.as_str()]
        );
        let prose = "the key rotates every night ".repeat(9);
        assert!(find(&format!("api_key = \"{prose}\"")).is_empty());
    }

    #[test]
    fn declarations_dsls_and_markup_across_languages() {
        const PW: &str = "Xk9mQ2vLp7Rt"; // airlock:allow synthetic test value
        const TOKEN: &str = "q8TvZ3mK9wRx2LpN7cYb4HsJ"; // airlock:allow synthetic test value
        for text in [
            format!("var apiToken string = \"{TOKEN}\""),
            format!("Dim password As String = \"{PW}\""),
            format!("password <- \"{PW}\""),
            format!("{{:password \"{PW}\"}}"),
            format!("<entry key=\"password\">{PW}</entry>"),
            format!("<Password value=\"{PW}\"/>"),
            format!("NSString *apiKey = @\"{TOKEN}\";"),
            format!("ENV API_KEY {TOKEN}"),
            format!("db:\n  password: |\n    {PW}\n  user: app\n"),
            format!("if (password.equals(\"{PW}\")) {{"),
            format!("todo_secret_do_not_commit = {TOKEN}"),
            format!("    storePassword \"{PW}\""),
            format!("(setq my-password \"{PW}\")"),
            format!("The password is: {PW}"),
            format!("password for root: {PW}"),
            format!("- **Password**: `{PW}`"),
            format!("{{password, \"{PW}\"}}"),
            format!("parser.add_argument(\"--password\", default=\"{PW}\")"),
            format!("Ldap password      ----   {PW}"),
            format!("* password \u{2014} {PW}"),
            format!("aws configure set aws_secret_access_key {TOKEN}"),
        ] {
            let found = find(&text);
            assert!(
                found.iter().any(|f| f == PW || f == TOKEN),
                "{text}: {found:?}"
            );
        }
        // Their twins: references, other names, several lines, prose, no literal.
        for text in [
            "var apiToken string = os.Getenv(\"API_TOKEN\")".to_string(),
            "192.0.2.3 ansible_ssh_pass=password ansible_remote_tmp=\"C:\\\\Users\\\\fixture\\\\tmp\"".to_string(),
            "token <- readline()".to_string(),
            "{:password password}".to_string(),
            format!("<entry key=\"password_hint\">{PW}</entry>"),
            format!("password: |\n  {PW}\n  second line of prose\n"),
            format!("todo_secret_url = \"https://fixture.example/{TOKEN}\""),
            "secret_do_not_commit = \"Xk9mQ2\"".to_string(),
            "    storePassword System.getenv(\"STORE_PASSWORD\")".to_string(),
            format!("- **ise_password**: Password for the nodes. Default: `{PW}x`"),
            "parser.add_argument(\"--password\", default=None)".to_string(),
            "password - the one you chose at sign-up".to_string(),
            "new_password = old_password - 1".to_string(),
            "aws configure set region eu-west-1".to_string(),
        ] {
            assert!(find(&text).is_empty(), "{text}: {:?}", find(&text));
        }
    }
}
