//! C and C++ code often wraps its cipher in functions and macros named after the algorithm
//! (`encryptDES(buf, n)`, `DES_SET_KEY(key)`, `ENCRYPT_WITH_3DES(...)`) or picks it with a
//! constant (`set_encryption_algorithm(ALGO_DES)`, `MyEncryptor e(key, DES)`). A call whose
//! name or constant arguments name a broken cipher as a word, next to a word about
//! encryption, is reported as the weak cipher.

use crate::syntax::Model;

/// Broken or risky symmetric ciphers, as words in a name (lowercase).
const WEAK: &[&str] = &[
    "des",
    "3des",
    "des3",
    "tdes",
    "tripledes",
    "rc2",
    "rc4",
    "arcfour",
    "arc4",
];

/// Words that say the call is about encryption.
fn crypto_word(w: &str) -> bool {
    w.starts_with("encrypt")
        || w.starts_with("decrypt")
        || w.starts_with("cipher")
        || w.starts_with("crypt")
        || w.starts_with("encod")
        || w.starts_with("decod")
        || w.starts_with("algo")
        || matches!(w, "key" | "keys" | "keytype" | "ecb" | "cbc")
}

/// The words of an identifier: split at `_`, at a lower-case letter or digit followed by
/// an upper-case letter, at a letter followed by a digit that starts a new word
/// (`encrypt3DES`), and before the last capital of a run followed by a lower-case letter
/// (`DESEncrypt` -> `DES`, `Encrypt`). `TRIPLE_DES` and `TripleDES` give `triple`, `des`.
pub fn words(ident: &str) -> Vec<String> {
    let c: Vec<char> = ident.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for i in 0..c.len() {
        let ch = c[i];
        if ch == '_' || !ch.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if i > 0 && !cur.is_empty() {
            let p = c[i - 1];
            let next_lower = c.get(i + 1).is_some_and(|n| n.is_lowercase());
            let split = (p.is_lowercase() && (ch.is_uppercase() || ch.is_ascii_digit()))
                || (p.is_uppercase() && ch.is_uppercase() && next_lower)
                || (p.is_ascii_digit() && ch.is_uppercase() && next_lower);
            if split {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(ch);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    let mut out: Vec<String> = out.into_iter().map(|w| w.to_lowercase()).collect();
    // `Triple DES` as one word.
    let mut i = 0;
    while i + 1 < out.len() {
        if out[i] == "triple" && out[i + 1] == "des" {
            out[i] = "tripledes".to_string();
            out.remove(i + 1);
        }
        i += 1;
    }
    out
}

/// Comparisons and messages mention an algorithm without using it.
fn mentions_only(callee: &str) -> bool {
    let last = callee.rsplit([':', '.', '>']).next().unwrap_or(callee);
    matches!(
        last,
        "strcmp"
            | "strcasecmp"
            | "strncmp"
            | "strncasecmp"
            | "_stricmp"
            | "stricmp"
            | "wcscmp"
            | "_wcsicmp"
            | "compare"
            | "printf"
            | "fprintf"
            | "puts"
            | "printLine"
            | "perror"
            | "syslog"
            | "assert"
    ) || last.contains("log")
        || last.contains("Log")
        || last.contains("print")
}

/// `(start, end, algorithm)` of each call that names a broken cipher.
pub fn check(m: &Model<'_>) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for call in &m.calls {
        if mentions_only(&call.callee) {
            continue;
        }
        let callee_words: Vec<String> = call
            .callee
            .split([':', '.', '>', '-'])
            .flat_map(words)
            .collect();
        let mut all = callee_words.clone();
        // Constant arguments (`ALGO_DES`, `DES`, `"3DES"`) name the cipher too; the other
        // arguments' names (`key`) count as context only.
        let mut weak_arg = None;
        for a in &call.args {
            let t = m.text(a.node).trim();
            let lit = t.trim_start_matches(['L', 'u', 'U', '8']);
            if lit.starts_with('"') && lit.ends_with('"') && lit.len() >= 2 {
                let w: Vec<String> = lit[1..lit.len() - 1]
                    .split(|c: char| !c.is_alphanumeric())
                    .map(str::to_lowercase)
                    .collect();
                if w.len() <= 3 {
                    if let Some(x) = w.iter().find(|x| WEAK.contains(&x.as_str())) {
                        weak_arg = Some(x.clone());
                    }
                }
            } else if crate::syntax::is_ident(t) {
                let w = words(t);
                let constant = t
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
                if constant {
                    if let Some(x) = w.iter().find(|x| WEAK.contains(&x.as_str())) {
                        weak_arg = Some(x.clone());
                    }
                }
                all.extend(w);
            }
        }
        let weak = callee_words
            .iter()
            .find(|w| WEAK.contains(&w.as_str()))
            .cloned()
            .or(weak_arg);
        let Some(weak) = weak else { continue };
        if !all.iter().any(|w| crypto_word(w)) {
            continue;
        }
        out.push((
            call.node.start_byte(),
            call.node.end_byte(),
            format!("the call names {} as its cipher", weak.to_uppercase()),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn words_split_at_case_digits_and_underscores() {
        assert_eq!(words("encryptDES"), ["encrypt", "des"]);
        assert_eq!(words("DESEncrypt"), ["des", "encrypt"]);
        assert_eq!(words("encrypt3DES"), ["encrypt", "3des"]);
        assert_eq!(words("RC2Encrypt"), ["rc2", "encrypt"]);
        assert_eq!(
            words("ENCRYPT_WITH_TRIPLE_DES"),
            ["encrypt", "with", "tripledes"]
        );
        assert_eq!(words("DoDESEncryption"), ["do", "des", "encryption"]);
        assert_eq!(words("Desmond"), ["desmond"]);
        assert_eq!(words("DESENCRYPT"), ["desencrypt"]);
    }
}
