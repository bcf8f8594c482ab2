//! Prints the syntax tree of a file, for writing rules: `cargo run --example dump -- LANG FILE`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang = airlock_code::Language::from_name(&args[1]).expect("language");
    let src = std::fs::read_to_string(&args[2]).expect("file");
    let mut p = tree_sitter::Parser::new();
    p.set_language(&lang.grammar()).unwrap();
    let tree = p.parse(&src, None).unwrap();
    let mut c = tree.walk();
    let mut depth = 0;
    loop {
        let n = c.node();
        let text: String = n
            .utf8_text(src.as_bytes())
            .unwrap_or("")
            .chars()
            .take(50)
            .collect();
        let field = c.field_name().map(|f| format!("{f}: ")).unwrap_or_default();
        if n.is_named() {
            println!(
                "{}{}{} {:?}",
                "  ".repeat(depth),
                field,
                n.kind(),
                text.replace('\n', "⏎")
            );
        }
        if c.goto_first_child() {
            depth += 1;
            continue;
        }
        while !c.goto_next_sibling() {
            if !c.goto_parent() {
                return;
            }
            depth -= 1;
        }
    }
}
