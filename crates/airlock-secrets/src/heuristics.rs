//! Cheap tests of what a value looks like: random, a placeholder, a hash, an identifier.
//!
//! These decide most false positives, so each is written to be conservative: a random
//! 32-character token passes every one of them with overwhelming probability.

/// Shannon entropy in bits per byte.
pub fn entropy(value: &[u8]) -> f64 {
    if value.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in value {
        counts[b as usize] += 1;
    }
    let n = value.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

/// The longest run of one repeated byte.
pub fn longest_run(value: &[u8]) -> usize {
    let mut best = 0;
    let mut run = 0;
    let mut prev = None;
    for &b in value {
        if Some(b) == prev {
            run += 1;
        } else {
            run = 1;
            prev = Some(b);
        }
        best = best.max(run);
    }
    best
}

/// Whether `hay` holds `needle`, ASCII case ignored.
pub(crate) fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Words that mark a value as an example or a stand-in rather than a real secret.
const FAKE_MARKERS: &[&[u8]] = &[
    b"example",
    b"xxxx",
    b"your_",
    b"your-",
    b"yourkey",
    b"yourtoken",
    b"yoursecret",
    b"<your",
    b"placeholder",
    b"redacted",
    b"changeme",
    b"change_me",
    b"replace_me",
    b"replaceme",
    b"insert_",
    b"dummy",
    b"fake",
    b"sample",
    b"put_your",
    b"goes_here",
    b"here_",
    b"_here",
    b"notreal",
    b"not_real",
    b"not-a-real",
    b"abcdefgh",
    b"12345678",
    b"00000000",
    b"*****",
    b"....",
    b"{{",
    b"%s",
];

/// Markers that stand for "put the real value here", whatever the value's shape.
const PLACEHOLDER_MARKERS: &[&[u8]] = &[
    b"example",
    b"xxxx",
    b"your_",
    b"your-",
    b"<your",
    b"yourkey",
    b"yourtoken",
    b"placeholder",
    b"redacted",
    b"changeme",
    b"change_me",
    b"replace_me",
    b"insert_",
    b"put_your",
    b"goes_here",
    b"replace_with",
    b"replace-with",
    b"*****",
    b"{{",
    b"_here",
    b"configure_me",
];

/// Values that name the secret instead of being one: `mysql -ppassword`.
const NAME_WORDS: &[&[u8]] = &[b"password", b"passwd", b"pass", b"pwd", b"secret", b"token"];

/// Template syntax alone, filled in by code: a masked `**`, a format verb (`%s`,
/// `%(password)s`), a query's bind parameter (`:password`, `@Password`, `$1`), one braced name, index or expression (`{0}`, `{password}`,
/// `{PASSWORD_HERE}`, `{configuration["DbPassword"]}`). A brace around random characters
/// (a Maven `{...}` encrypted password) or around JSON is not one.
fn template_only(value: &[u8]) -> bool {
    if !value.is_empty() && value.iter().all(|&b| b == b'*') {
        return true;
    }
    // `%NAME%`: a Windows environment variable (`%DB_PASSWORD%`), also the variable syntax of
    // batch files and several template engines. Percent-encoding never yields this shape: a
    // name starts with a letter or `_` and a lone closing `%` is not an escape.
    if let Some(inner) = value.strip_prefix(b"%").and_then(|v| v.strip_suffix(b"%")) {
        if is_identifier(inner) {
            return true;
        }
    }
    if let Some(rest) = value.strip_prefix(b"%") {
        let rest = match rest.strip_prefix(b"(") {
            Some(r) => match r.iter().position(|&b| b == b')') {
                Some(close)
                    if r[..close]
                        .iter()
                        .all(|&b| b.is_ascii_alphanumeric() || b == b'_') =>
                {
                    &r[close + 1..]
                }
                _ => return false,
            },
            None => rest,
        };
        return rest.len() == 1 && rest[0].is_ascii_alphabetic();
    }
    // A named bind parameter of a query (`password=:password`, `@Password`, `$1`), which
    // the driver fills in: a marker and a name made of words, or a position.
    if let Some((&marker, name)) = value.split_first() {
        let words = |n: &[u8]| {
            is_identifier(n)
                && (looks_like_words(n)
                    || n.iter().all(|&b| b.is_ascii_lowercase() || b == b'_')
                    || n.iter().all(|&b| b.is_ascii_uppercase() || b == b'_'))
        };
        let position = !name.is_empty() && name.len() <= 3 && name.iter().all(u8::is_ascii_digit);
        if (matches!(marker, b':' | b'@') && words(name)) || (marker == b'$' && position) {
            return true;
        }
    }
    let Some(inner) = value.strip_prefix(b"{").and_then(|v| v.strip_suffix(b"}")) else {
        return false;
    };
    let ident_len = inner
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
        .count();
    let (ident, rest) = inner.split_at(ident_len);
    let named = ident.iter().all(u8::is_ascii_digit)
        || looks_like_words(ident)
        || ident
            .iter()
            .all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        || ident.iter().all(|&b| b.is_ascii_lowercase() || b == b'_');
    let indexed = rest.first() == Some(&b'[') && rest.last() == Some(&b']');
    !ident.is_empty() && named && (rest.is_empty() || indexed)
}

/// A name as most languages spell one: a letter or `_`, then letters, digits and `_`.
fn is_identifier(name: &[u8]) -> bool {
    name.first()
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        && name.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Whether `value` refers to a variable with `${...}` (shell, Compose, Terraform, GitHub
/// Actions `${{ }}`, Groovy and JavaScript templates). A variable's name never starts with a
/// digit unless it is positional (`${1}`): `${20FCC725-C7FF-...}` holds a literal written in
/// braces (Yarn reads it as one), not a reference.
pub(crate) fn variable_reference(value: &[u8]) -> bool {
    memchr::memmem::find_iter(value, b"${").any(|at| {
        let inner = &value[at + 2..];
        let close = inner.iter().position(|&b| b == b'}').unwrap_or(inner.len());
        let body = &inner[..close];
        !body.first().is_some_and(u8::is_ascii_digit) || body.iter().all(u8::is_ascii_digit)
    })
}

/// Published documentation examples, and values derived from them by changing the end
/// (`...bPxRfiCYESAMPLEKEY`): AWS's example secret access key; the fixed account keys of
/// Microsoft's local emulators (Azurite and the storage emulator, the Cosmos DB emulator),
/// published in their documentation and identical on every machine.
const DOCUMENTED_EXAMPLES: &[&[u8]] = &[
    b"wJalrXUtnFEMI/K7MDENG",
    b"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsu",
    b"C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nD",
];

/// How much of the value is made of runs of four or more of one character.
fn run_share(value: &[u8]) -> f64 {
    let mut covered = 0;
    let mut i = 0;
    while i < value.len() {
        let mut j = i;
        while j < value.len() && value[j] == value[i] {
            j += 1;
        }
        if j - i >= 4 {
            covered += j - i;
        }
        i = j;
    }
    covered as f64 / value.len().max(1) as f64
}

/// The longest part of a token of several parts (split at `-`, `_`, `.`, `:`), when it is
/// long enough (16 bytes) to be the secret part; else the whole value.
fn longest_part(value: &[u8]) -> &[u8] {
    value
        .split(|b| matches!(b, b'-' | b'_' | b'.' | b':'))
        .max_by_key(|p| p.len())
        .filter(|p| p.len() >= 16)
        .unwrap_or(value)
}

/// The entropy a rule's `min_entropy` is held to: of the whole value, or of its longest
/// part if that is higher, so that invented ids beside a random secret
/// (`xoxa-2-511111111-...-e039d02840a0b9379c`) do not hide the secret.
pub fn token_entropy(value: &[u8]) -> f64 {
    let part = longest_part(value);
    let whole = entropy(value);
    if part.len() < value.len() {
        whole.max(entropy(part))
    } else {
        whole
    }
}

/// A value whose provider-specific shape is right but which is evidently a stand-in:
/// mostly runs of one character (`AKIAXXXXXXXXXXXXXXXX`), or a marker such as `EXAMPLE`,
/// `xxxx`, `<your-token>`, template syntax. Lenient on purpose: a token with the right
/// prefix and length that merely looks unlikely (`abc123...`) is still reported, since a
/// redactor that lets it through would be the worse mistake.
pub fn looks_placeholder(value: &[u8]) -> bool {
    // A token of several parts (`xoxa-2-<team>-<user>-<id>-<secret>`) is judged by its
    // longest part when that is long enough to be the secret: made-up ids beside a random
    // secret still make a secret; a run of `x` where the secret goes does not.
    let part = longest_part(value);
    let runs = if part.len() < value.len() {
        run_share(part) >= 0.35 || longest_run(part) >= 8
    } else {
        run_share(value) >= 0.35
    };
    if value.len() >= 8 && (runs || longest_run(value) * 2 >= value.len()) {
        return true;
    }
    if template_only(value) || NAME_WORDS.iter().any(|w| value.eq_ignore_ascii_case(w)) {
        return true;
    }
    if variable_reference(value) {
        return true;
    }
    PLACEHOLDER_MARKERS.iter().any(|m| contains_ci(value, m))
        || DOCUMENTED_EXAMPLES
            .iter()
            .any(|m| value.windows(m.len()).any(|w| w == *m))
}

/// A value that is evidently not a real secret, judged strictly (for the generic
/// detector, where the name alone says little): a placeholder, a long run of one
/// character, sequences like `12345678`, or words such as `dummy` and `sample`.
pub fn looks_fake(value: &[u8]) -> bool {
    if looks_placeholder(value) || (value.len() >= 8 && longest_run(value) >= 5) {
        return true;
    }
    FAKE_MARKERS.iter().any(|m| contains_ci(value, m))
}

/// Hexadecimal digits only.
pub fn is_hex(value: &[u8]) -> bool {
    !value.is_empty() && value.iter().all(u8::is_ascii_hexdigit)
}

/// A canonical UUID (8-4-4-4-12 hex).
pub fn is_uuid(value: &[u8]) -> bool {
    value.len() == 36
        && value.iter().enumerate().all(|(i, &b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// Counts of character classes: (lower, upper, digit, other).
pub fn classes(value: &[u8]) -> (usize, usize, usize, usize) {
    let mut c = (0, 0, 0, 0);
    for &b in value {
        if b.is_ascii_lowercase() {
            c.0 += 1
        } else if b.is_ascii_uppercase() {
            c.1 += 1
        } else if b.is_ascii_digit() {
            c.2 += 1
        } else {
            c.3 += 1
        }
    }
    c
}

/// Whether a value reads like words or an identifier (`DOC_Vector_5_32`, `sales-results`,
/// `getPagesInConfluenceSpace`) rather than a random token. The value is cut into words at
/// non-letters and case changes; a word counts when it is pronounceable (a vowel, no long
/// consonant cluster) or a short acronym. Random strings fall apart into fragments.
pub fn looks_like_words(value: &[u8]) -> bool {
    let letters = value.iter().filter(|b| b.is_ascii_alphabetic()).count();
    if letters < 4 || letters * 2 < value.len() {
        return false;
    }
    let digits = value.iter().filter(|b| b.is_ascii_digit()).count();
    if digits * 4 > value.len() {
        return false;
    }
    let mut good = 0;
    for word in split_words(value) {
        let n = word.len();
        let at = word.as_ptr() as usize - value.as_ptr() as usize;
        let beside_digit = (at > 0 && value[at - 1].is_ascii_digit())
            || value.get(at + n).is_some_and(u8::is_ascii_digit);
        let caps = word.iter().all(u8::is_ascii_uppercase);
        let vowel = |b: &u8| {
            matches!(
                b.to_ascii_lowercase(),
                b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
            )
        };
        let mut cluster = 0;
        let mut worst = 0;
        for b in word {
            if vowel(b) {
                cluster = 0;
            } else {
                cluster += 1;
                worst = worst.max(cluster);
            }
        }
        // Random letters fall into pronounceable pieces now and then (`xhfuuiokepk`,
        // `qareevxebmay`); from eight letters on, their letter frequencies give them away.
        let pronounceable = n >= 3
            && word.iter().any(vowel)
            && worst <= if n >= 8 { 4 } else { 3 }
            && (n < 8 || english_likeness(word) >= -0.3);
        // An acronym stands apart (`DOC_Vector`, `HTTPServer`); capitals between digits
        // (`9ZDB4`) are pieces of a random token.
        let acronym = caps && (2..=4).contains(&n) && !beside_digit;
        if pronounceable || acronym {
            good += n;
        }
    }
    good * 10 >= letters * 7
}

/// How often each letter `a..z` occurs in English text, in hundredths of a percent.
const ENGLISH_LETTER_FREQ: [u16; 26] = [
    820, 150, 280, 430, 1270, 220, 200, 610, 700, 15, 80, 400, 240, 670, 750, 190, 10, 600, 630,
    910, 280, 100, 240, 15, 200, 7,
];

/// How English the letters of `value` are, in bits per letter: the mean of
/// `log2(26 * p(letter))` under English letter frequencies. Words and identifiers score
/// about +0.3 to +0.8; letters drawn uniformly at random score about -0.9.
pub fn english_likeness(value: &[u8]) -> f64 {
    let mut sum = 0.0;
    let mut n = 0usize;
    for &b in value {
        if b.is_ascii_alphabetic() {
            let p = f64::from(ENGLISH_LETTER_FREQ[(b.to_ascii_lowercase() - b'a') as usize]);
            sum += (26.0 * p / 10_000.0).log2();
            n += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// Letter runs of `value`, also cut where case changes the way identifiers change it:
/// `getPagesHTTPServer` gives `get`, `Pages`, `HTTP`, `Server`.
fn split_words(value: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = None;
    for i in 0..=value.len() {
        let b = value.get(i).copied();
        let is_letter = b.is_some_and(|b| b.is_ascii_alphabetic());
        if let Some(s) = start {
            let boundary = !is_letter
                || (b.is_some_and(|b| b.is_ascii_uppercase()) && value[i - 1].is_ascii_lowercase())
                || (b.is_some_and(|b| b.is_ascii_lowercase())
                    && value[i - 1].is_ascii_uppercase()
                    && i >= s + 2
                    && value[i - 2].is_ascii_uppercase());
            if boundary {
                // For `HTTPServer`, the `S` starts the next word.
                let cut = if is_letter && b.is_some_and(|b| b.is_ascii_lowercase()) {
                    i - 1
                } else {
                    i
                };
                if cut > s {
                    out.push(&value[s..cut]);
                }
                start = if is_letter { Some(cut) } else { None };
            }
        } else if is_letter {
            start = Some(i);
        }
    }
    out
}

/// Whether a value looks like a randomly generated token of at least `min_len` bytes.
pub fn looks_random(value: &[u8], min_len: usize) -> bool {
    if value.len() < min_len || looks_fake(value) {
        return false;
    }
    let (lo, up, dg, _) = classes(value);
    let kinds = (lo > 0) as u8 + (up > 0) as u8 + (dg > 0) as u8;
    let e = entropy(value);
    let need = if value.len() >= 32 { 3.3 } else { 3.0 };
    if e < need {
        return false;
    }
    if kinds >= 2 || (value.len() >= 20 && e >= 3.5) {
        return !looks_like_words(value);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_of_uniform_and_constant() {
        assert_eq!(entropy(b"aaaa"), 0.0);
        assert!((entropy(b"abcd") - 2.0).abs() < 1e-9);
    }

    #[test]
    fn fake_values() {
        assert!(looks_fake(b"AKIAXXXXXXXXXXXXXXXX")); // airlock:allow synthetic test value
        assert!(looks_fake(b"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")); // airlock:allow synthetic test value
        assert!(looks_fake(b"AKIAIOSFODNN7EXAMPLE")); // airlock:allow synthetic test value

        // The AWS documentation's example secret key, also with its end changed.
        let aws_doc = b"wJalrXUtnFEMI/K7MDENG/bPxRfiCYESAMPLEKEY"; // airlock:allow synthetic test value
        assert!(looks_placeholder(aws_doc));
        assert!(looks_placeholder(b"REPLACE_WITH_PASSWORD"));
        let other = b"wJalrXUtnFEMIqK7MDENGbPxRfiCYzQ8mL2v9Kx"; // airlock:allow synthetic test value
        assert!(!looks_placeholder(other));
        assert!(!looks_fake(b"ghp_R3aLt0k3nW1thM1x3dCharsQ9zP2vL8kM4nB")); // airlock:allow synthetic test value

        // A token of parts is judged by its longest part: invented ids beside a random
        // secret still make a secret, a run where the secret goes does not.
        assert!(!looks_placeholder(
            b"xoxa-2-511111111-31111111111-3111111111111-e039d02840a0b9379c" // airlock:allow synthetic test value
        ));
        assert!(looks_placeholder(
            b"xoxb-111111111111-2222222222222-aaaaaaaaaaaaaaaaaaaaaaaa" // airlock:allow synthetic test value
        ));
        assert!(looks_placeholder(b"4111-1111-1111-1111"));

        // Template syntax and names in the place of a value.
        for v in [
            &b"**"[..],
            b"%s",
            b"%(password)s",
            b"{0}",
            b"{PASSWORD_HERE}",
            b"password",
            b"%DB_PASSWORD%",
            b"%password%",
            b":notAPassword",
            b":db_password",
            b"@Password",
            b"$1",
        ] {
            assert!(looks_placeholder(v), "{}", String::from_utf8_lossy(v));
        }
        assert!(looks_placeholder(br#"{configuration["DbPassword"]}"#));
        // Real passwords that merely hold a `%`, `*` or brace; an encrypted Maven password;
        // a JSON object (a key in JWK form).
        for v in [
            &b"P@ss%word1"[..],
            b"*Fixture9*",
            b"{Fixture9",
            b"passwords4all",
            b"%41bc%9Fx2",
            b"%Fixture9",
            b":Xk9vQ2mPz7",
            b"@7hLq9xV2",
            b"$9fQx2Lm",
            b"{vki9JTFmEYlTlCZixjz0jr5QxEXl\\}",
            br#"{"kty": "EC", "d": "slaQqyHQ"}"#,
        ] {
            assert!(!looks_placeholder(v), "{}", String::from_utf8_lossy(v));
        }
    }

    #[test]
    fn words_versus_random() {
        assert!(looks_like_words(b"DOC_Vector_5_32"));
        assert!(looks_like_words(b"getPagesInConfluenceSpace"));
        assert!(!looks_like_words(b"x6s7djtEa9Qz"));
        assert!(looks_random(b"d4e758f9df663d38da8da09c7a9179f9", 16));
        assert!(!looks_random(b"SalesResults-1.2", 16));
        assert!(!looks_like_words(b"tJ0ZF2YlZo4NiQ0vsUqadXPWai2n5d"));
        assert!(!looks_like_words(b"jscfr5ehe4aaehbkl6703kqfc"));
        // Random letters that happen to fall into pronounceable pieces.
        assert!(!looks_like_words(
            b"ujqbeux-ore6o8e8_sghdr3p7f-qareevxebmay"
        )); // airlock:allow synthetic test value
        assert!(!looks_like_words(b"WEWAFNUM9ZDB-43F5D-D1QPBX8SJ4Q5UN")); // airlock:allow synthetic test value
        assert!(looks_like_words(b"MyAppConfigurationSecret"));
        assert!(looks_like_words(b"kubernetes_dashboard"));
        assert!(looks_like_words(b"jetbrains.mps.elimination"));
        assert_eq!(
            split_words(b"getHTTPServer"),
            [&b"get"[..], b"HTTP", b"Server"]
        );
    }
}
