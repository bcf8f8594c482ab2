//! Embeds every `rules/*.toml` file into the library, so adding a rule file needs no code.
//!
//! Each file is embedded twice: as TOML, for error messages that point at a file and line,
//! and pre-converted to JSON, which parses several times faster at start-up (the paste
//! guard's whole run must fit in a few milliseconds).

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
    let out_dir = env::var("OUT_DIR").expect("OUT_DIR");
    let mut out = String::from(
        "/// Built-in rule files: (file name, TOML text, the same as JSON).\npub static BUILTIN_RULE_FILES: &[(&str, &str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed=rules/{f}");
        let path = dir.join(f);
        let text = fs::read_to_string(&path).expect("rule file");
        // A rule file that is not even TOML fails the build here; schema errors (unknown
        // keys, bad values) are reported by the library's own parser and tests.
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("rules/{f} is not valid TOML: {e}"));
        let json = serde_json::to_string(&value).expect("rule file as JSON");
        let json_name = format!("{f}.json");
        fs::write(Path::new(&out_dir).join(&json_name), json).expect("write JSON");
        let abs = fs::canonicalize(&path).expect("rule file path");
        out.push_str(&format!(
            "    ({f:?}, include_str!({:?}), include_str!(concat!(env!(\"OUT_DIR\"), \"/{json_name}\"))),\n",
            abs.display().to_string()
        ));
    }
    out.push_str("];\n");
    fs::write(Path::new(&out_dir).join("builtin_rules.rs"), out).expect("write builtin_rules.rs");
}
