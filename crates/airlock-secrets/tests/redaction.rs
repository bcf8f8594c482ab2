//! Redaction leaves every byte outside a finding untouched, never panics, and restores only
//! restorable values.

use airlock_secrets::{redact, restore, Detector, RedactionMap};
use proptest::prelude::*;

fn detector() -> &'static Detector {
    static D: std::sync::OnceLock<Detector> = std::sync::OnceLock::new();
    D.get_or_init(Detector::builtin)
}

fn check_outside_bytes_unchanged(content: &[u8]) {
    let d = detector();
    let findings = d.scan(content);
    let mut map = RedactionMap::default();
    let r = redact(content, &findings, &mut map);
    // Walk both texts: outside findings the bytes must be identical.
    let mut out_at = 0;
    let mut in_at = 0;
    for f in &findings {
        let gap = &content[in_at..f.span.start];
        assert_eq!(&r.output[out_at..out_at + gap.len()], gap);
        out_at += gap.len();
        assert_eq!(&r.output[out_at..out_at + 2], b"[[");
        let end = out_at
            + r.output[out_at..]
                .windows(2)
                .position(|w| w == b"]]")
                .unwrap()
            + 2;
        out_at = end;
        in_at = f.span.end;
    }
    assert_eq!(&r.output[out_at..], &content[in_at..]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic_and_keep_other_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_outside_bytes_unchanged(&bytes);
    }

    #[test]
    fn secrets_embedded_in_noise(prefix in "[ -~\n]{0,200}", suffix in "[ -~\n]{0,200}") {
        let text = format!("{prefix}\npassword = \"Xk9#mQ2vLp\"\n{suffix}");
        check_outside_bytes_unchanged(text.as_bytes());
    }
}

#[test]
fn same_value_same_placeholder_and_secrets_never_restored() {
    let d = detector();
    let text = b"db_password = \"Xk9#mQ2vLp\"\nbackup_password = \"Xk9#mQ2vLp\"\n";
    let findings = d.scan(text);
    assert_eq!(findings.len(), 2);
    let mut map = RedactionMap::default();
    let r = redact(text, &findings, &mut map);
    let out = String::from_utf8(r.output).unwrap();
    assert_eq!(out.matches("[[PASSWORD_1]]").count(), 2, "{out}");
    assert!(!out.contains("Xk9#mQ2vLp"));
    let (back, n) = restore(out.as_bytes(), &map);
    assert_eq!(n, 0);
    assert_eq!(back, out.as_bytes());
}
