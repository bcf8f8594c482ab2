//! Embeds every `rules/*.toml` file into the library, so adding a rule file needs no code.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files: Vec<String> = fs::read_dir(dir)
        .expect("rules/ directory")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    files.sort();
    let mut out = String::from("/// Built-in rule files: (file name, TOML text).\npub static BUILTIN_RULE_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed=rules/{f}");
        let abs = fs::canonicalize(dir.join(f)).expect("rule file path");
        out.push_str(&format!(
            "    ({f:?}, include_str!({:?})),\n",
            abs.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("builtin_rules.rs");
    fs::write(dest, out).expect("write builtin_rules.rs");
}
