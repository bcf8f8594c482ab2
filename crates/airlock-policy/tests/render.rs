//! The rendered policy carries every section and escapes what it prints.

use airlock_policy::Policy;

use crate::parse::{acme, ACME};

const SECTIONS: [&str; 9] = [
    "The three boxes",
    "What may leave the machine",
    "What counts as internal",
    "What happens in each box",
    "Files by path",
    "Approved models",
    "Review of AI-written code",
    "Security requirements for prompts",
    "Exceptions",
];

#[test]
fn markdown_has_every_section() {
    let md = acme().render_markdown();
    assert!(
        md.starts_with("# Acme Corp: AI assistant data policy\n"),
        "{md}"
    );
    for s in SECTIONS {
        assert!(md.contains(&format!("\n## {s}\n")), "missing {s}:\n{md}");
    }
    for needle in [
        "| **Credentials** `credential` |",
        "**Box 3, never share**",
        "| `src/auth/**` | **Box 3, never share** | authentication code |",
        "`openai/gpt-4.1*`, `anthropic/claude-*`",
        "| `src/auth/**`, `migrations/**` | @security-team | AI-written changes with findings of severity high or higher |",
        "1. Use parameterized queries for all database access.",
        "**Never scanned**: `tests/fixtures/**`",
        "**Rules turned off**: `email-address`",
        "Codenames**: Project Falcon, BLUEBIRD.",
        "`corp.acme.com`",
        "Acme employee id",
        "by `airlock policy render`",
        "cannot drift",
    ] {
        assert!(md.contains(needle), "missing {needle:?}:\n{md}");
    }
}

#[test]
fn markdown_of_the_defaults_says_what_is_absent() {
    let md = Policy::default().render_markdown();
    assert!(md.starts_with("# AI assistant data policy\n"));
    assert!(!md.contains("What counts as internal"));
    assert!(md.contains("No review rules"));
    assert!(md.contains("every file is scanned"));
    assert!(md.contains("| `.env` | **Box 3, never share** |"), "{md}");
}

#[test]
fn html_is_self_contained_and_has_every_section() {
    let html = acme().render_html();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>") && html.contains("@media print"));
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("src="));
    assert!(html.contains("<title>Acme Corp: AI assistant data policy</title>"));
    for s in SECTIONS {
        assert!(html.contains(&format!("<h2>{s}</h2>")), "missing {s}");
    }
    assert!(html.contains("<span class=\"box box3\">Box 3, never share</span>"));
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn user_text_is_escaped() {
    let text = ACME
        .replace(
            "name = \"Acme Corp\"",
            "name = \"<script>alert('x')</script> & Co | *bold*\"",
        )
        .replace(
            "reason = \"authentication code\"",
            "reason = \"auth <b>code</b> | pipes\"",
        );
    let p = Policy::parse(&text, "airlock.toml").unwrap();
    let html = p.render_html();
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"));
    assert!(html.contains("auth &lt;b&gt;code&lt;/b&gt;"));
    let md = p.render_markdown();
    assert!(md.contains(r"\<script\>"), "{md}");
    assert!(md.contains(r"auth \<b\>code\</b\> \| pipes"), "{md}");
    assert!(md.contains(r"\*bold\*"), "{md}");
}
