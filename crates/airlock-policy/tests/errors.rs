//! Every error a person can make in airlock.toml names the line and says how to fix it.

use airlock_policy::{Diagnostic, Policy};

/// Parses `text`, expecting an error; returns its diagnostic and its full text.
fn error(text: &str) -> (Diagnostic, String) {
    let e = Policy::parse(text, "airlock.toml").expect_err("the policy should be refused");
    let d = e.diagnostic().expect("a located error").clone();
    (d, e.to_string())
}

fn line(d: &Diagnostic) -> usize {
    d.location.expect("a location").line
}

#[test]
fn unknown_top_level_key_suggests_the_right_one() {
    let (d, shown) = error("version = 1\n\n[bxes]\ncredential = 3\n");
    assert_eq!(line(&d), 3);
    assert!(
        shown.starts_with("airlock.toml:3:2: unknown field `bxes`, expected one of `version`, `organization`, `boxes`"),
        "{shown}"
    );
    assert!(shown.ends_with("(did you mean `boxes`?)"), "{shown}");

    let (d, shown) = error("version = 1\nbxes = 1\n");
    assert_eq!((line(&d), d.location.unwrap().column), (2, 1));
    assert!(
        shown.starts_with("airlock.toml:2:1: unknown field `bxes`"),
        "{shown}"
    );
}

#[test]
fn unknown_key_in_a_table_suggests_the_right_one() {
    let (d, shown) = error("[organization]\nname = \"Acme\"\ncodename = [\"X\"]\n");
    assert_eq!(line(&d), 3);
    assert!(shown.contains("unknown field `codename`"), "{shown}");
    assert!(shown.contains("(did you mean `codenames`?)"), "{shown}");

    let (d, shown) = error("[allow]\nrule = []\n");
    assert_eq!(line(&d), 2);
    assert!(shown.contains("(did you mean `rules`?)"), "{shown}");
}

#[test]
fn far_off_keys_get_no_guess() {
    let (_, shown) = error("[prompts]\nzzz = 1\n");
    assert!(shown.contains("unknown field `zzz`"), "{shown}");
    assert!(!shown.contains("did you mean"), "{shown}");
}

#[test]
fn unknown_kind_in_boxes() {
    let (d, shown) = error("[boxes]\ncredential = 3\ncredentials = 3\n");
    assert_eq!(line(&d), 3);
    assert!(
        shown.contains("unknown field `credentials`, expected one of `credential`"),
        "{shown}"
    );
    assert!(shown.contains("(did you mean `credential`?)"), "{shown}");
}

#[test]
fn box_numbers_outside_one_to_three() {
    let (d, shown) = error("[boxes]\ncredential = 3\npersonal-data = 4\n");
    assert_eq!(line(&d), 3);
    assert!(
        shown.contains(
            "box must be 1 (safe to share), 2 (share with caution) or 3 (never share), not 4"
        ),
        "{shown}"
    );

    let (d, shown) = error("version = 1\n\n[[paths]]\nglob = \"a/**\"\nbox = 0\nreason = \"r\"\n");
    assert_eq!(line(&d), 5);
    assert!(shown.contains("not 0"), "{shown}");

    let (d, shown) = error("[organization]\nmarker_box = -1\n");
    assert_eq!(line(&d), 2);
    assert!(shown.contains("not -1"), "{shown}");

    let (d, shown) = error("[boxes]\ncredential = \"3\"\n");
    assert_eq!(line(&d), 2);
    assert!(
        shown.contains("expected a box number: 1, 2 or 3"),
        "{shown}"
    );
}

#[test]
fn unknown_action() {
    let (d, shown) = error("[actions]\nbox1 = \"allow\"\nbox3 = \"blok\"\n");
    assert_eq!(line(&d), 3);
    assert!(
        shown.contains("unknown variant `blok`, expected one of `allow`, `redact`, `block`"),
        "{shown}"
    );
    assert!(shown.contains("(did you mean `block`?)"), "{shown}");
}

#[test]
fn unknown_kind_of_a_pattern() {
    let text = "[[organization.patterns]]\nid = \"x\"\ntitle = \"X\"\npattern = 'X-\\d+'\nkind = \"personal_data\"\n";
    let (d, shown) = error(text);
    assert_eq!(line(&d), 5);
    assert!(shown.contains("unknown variant `personal_data`"), "{shown}");
    assert!(shown.contains("(did you mean `personal-data`?)"), "{shown}");
}

#[test]
fn invalid_path_glob_names_its_line() {
    let text = "[[paths]]\nglob = \"src/auth/**\"\nbox = 3\nreason = \"auth\"\n\n[[paths]]\nglob = \"src/[auth\"\nbox = 2\nreason = \"x\"\n";
    let (d, shown) = error(text);
    assert_eq!(line(&d), 7);
    assert!(
        shown.contains("invalid glob `src/[auth`: unclosed character class"),
        "{shown}"
    );
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .contains("`**` across directories"),
        "{shown}"
    );

    let (d, shown) = error("[allow]\npaths = [\n  \"ok/**\",\n  \"bad{\",\n]\n");
    assert_eq!(line(&d), 4);
    assert!(shown.contains("invalid glob `bad{`"), "{shown}");

    let (d, shown) = error("[[review]]\npaths = [\"a/{b\"]\nreviewers = [\"@x\"]\n");
    assert_eq!(line(&d), 2);
    assert!(shown.contains("invalid glob `a/{b`"), "{shown}");
}

#[test]
fn invalid_model_glob_names_its_line() {
    let (d, shown) = error("[models]\nbox1 = [\"*\"]\nbox2 = [\"openai/[gpt\"]\n");
    assert_eq!(line(&d), 3);
    assert!(
        shown.contains("invalid model glob `openai/[gpt`"),
        "{shown}"
    );
    assert!(
        d.help.as_deref().unwrap().contains("provider/model"),
        "{shown}"
    );
}

#[test]
fn invalid_regex_names_its_line_and_the_problem() {
    let text = "[organization]\nname = \"Acme\"\n\n[[organization.patterns]]\nid = \"acme-employee-id\"\ntitle = \"Acme employee id\"\npattern = '''\\bEMP-(\\d{6}\\b'''\nkind = \"personal-data\"\n";
    let (d, shown) = error(text);
    assert_eq!(line(&d), 7);
    assert!(
        shown.contains("invalid pattern in `acme-employee-id`: unclosed group"),
        "{shown}"
    );
    let help = d.help.as_deref().unwrap();
    assert!(help.contains("Rust regex syntax"), "{help}");
    assert!(
        help.contains('^'),
        "the help draws where the problem is: {help}"
    );

    let look_around = "[[organization.patterns]]\nid = \"x\"\ntitle = \"X\"\npattern = '(?<=a)b'\nkind = \"organization\"\n";
    let (d, shown) = error(look_around);
    assert_eq!(line(&d), 4);
    assert!(shown.contains("look-around"), "{shown}");
}

#[test]
fn duplicate_pattern_ids() {
    let text = r#"
[[organization.patterns]]
id = "acme-id"
title = "A"
pattern = 'A-\d+'
kind = "organization"

[[organization.patterns]]
id = "acme-id"
title = "B"
pattern = 'B-\d+'
kind = "organization"
"#;
    let (d, shown) = error(text);
    assert_eq!(line(&d), 9);
    assert!(shown.contains("duplicate pattern id `acme-id`"), "{shown}");
}

#[test]
fn pattern_ids_of_built_in_rules_are_taken() {
    for id in ["github-pat", "org-codename"] {
        let text = format!("[[organization.patterns]]\nid = \"{id}\"\ntitle = \"X\"\npattern = 'x'\nkind = \"credential\"\n");
        let (d, shown) = error(&text);
        assert_eq!(line(&d), 2);
        assert!(
            shown.contains(&format!("pattern id `{id}` is taken by a built-in rule")),
            "{shown}"
        );
    }
}

#[test]
fn bad_pattern_ids_and_placeholders() {
    let (d, shown) = error("[[organization.patterns]]\nid = \"Acme ID\"\ntitle = \"X\"\npattern = 'x'\nkind = \"credential\"\n");
    assert_eq!(line(&d), 2);
    assert!(shown.contains("invalid rule id `Acme ID`"), "{shown}");

    let (d, shown) = error("[[organization.patterns]]\nid = \"a\"\ntitle = \"X\"\npattern = 'x'\nkind = \"credential\"\nplaceholder = \"emp id\"\n");
    assert_eq!(line(&d), 6);
    assert!(shown.contains("invalid placeholder `emp id`"), "{shown}");
}

#[test]
fn missing_fields_point_at_their_table() {
    let (d, shown) = error("version = 1\n\n[[paths]]\nglob = \"a/**\"\nbox = 2\n");
    assert_eq!(line(&d), 3);
    assert!(shown.contains("missing field `reason`"), "{shown}");
}

#[test]
fn unsupported_version() {
    let (d, shown) = error("# policy\nversion = 2\n");
    assert_eq!(line(&d), 2);
    assert!(shown.contains("unsupported policy version 2"), "{shown}");
    assert!(
        shown.contains("help: this airlock reads version 1"),
        "{shown}"
    );
}

#[test]
fn internal_domains_are_domains() {
    let (d, shown) =
        error("[organization]\ninternal_domains = [\"acme.internal\",\n  \"*.corp.acme.com\"]\n");
    assert_eq!(line(&d), 3);
    assert!(
        shown.contains("write the domain without `*.`: `corp.acme.com`"),
        "{shown}"
    );

    let (d, shown) = error("[organization]\ninternal_domains = [\"https://corp.acme.com/\"]\n");
    assert_eq!(line(&d), 2);
    assert!(shown.contains("is not a domain"), "{shown}");

    let (_, shown) = error("[organization]\ninternal_domains = [\"acme..com\"]\n");
    assert!(shown.contains("is not a domain"), "{shown}");
}

#[test]
fn empty_entries_are_refused() {
    let (d, shown) = error("[organization]\ncodenames = [\"Falcon\", \" \"]\n");
    assert_eq!(line(&d), 2);
    assert!(shown.contains("empty codename"), "{shown}");

    let (d, shown) = error("[[review]]\npaths = [\"src/**\"]\nreviewers = []\n");
    assert_eq!(line(&d), 3);
    assert!(shown.contains("needs at least one reviewer"), "{shown}");

    let (d, shown) = error("[[paths]]\nglob = \"a\"\nbox = 3\nreason = \"\"\n");
    assert_eq!(line(&d), 4);
    assert!(shown.contains("empty reason"), "{shown}");
}

#[test]
fn syntax_errors_have_a_location() {
    let (d, shown) = error("version = 1\n[boxes\n");
    assert_eq!(line(&d), 2);
    assert!(shown.starts_with("airlock.toml:2:"), "{shown}");
}

#[test]
fn allowed_rule_ids_are_checked() {
    let (d, shown) = error("[allow]\nrules = [\"github-pat\", \"Email Address\"]\n");
    assert_eq!(line(&d), 2);
    assert!(shown.contains("invalid rule id `Email Address`"), "{shown}");
}
