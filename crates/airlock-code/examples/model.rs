//! Prints the functions the model sees in a file: `cargo run --example model -- LANG FILE`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang = airlock_code::Language::from_name(&args[1]).expect("language");
    let src = std::fs::read_to_string(&args[2]).expect("file");
    let mut p = tree_sitter::Parser::new();
    p.set_language(&lang.grammar()).unwrap();
    let tree = p.parse(&src, None).unwrap();
    let m = airlock_code::syntax::Model::build(lang, &src, &tree);
    for f in &m.functions {
        println!(
            "{} params={:?} numeric={:?} request={:?}",
            f.name, f.params, f.numeric_params, f.request_params
        );
    }
}
