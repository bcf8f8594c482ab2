//! The languages the analyzer reads: file-name mapping, tree-sitter grammars, and a
//! guess for code blocks that carry no language tag.

use std::fmt;
use std::path::Path;

/// A language the analyzer understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    Python,
    JavaScript,
    TypeScript,
    Tsx,
    Java,
    Go,
    Php,
    Ruby,
    CSharp,
    C,
    Cpp,
    Rust,
    Kotlin,
    Shell,
}

impl Language {
    pub const ALL: [Language; 14] = [
        Language::Python,
        Language::JavaScript,
        Language::TypeScript,
        Language::Tsx,
        Language::Java,
        Language::Go,
        Language::Php,
        Language::Ruby,
        Language::CSharp,
        Language::C,
        Language::Cpp,
        Language::Rust,
        Language::Kotlin,
        Language::Shell,
    ];

    /// The name used in rule files, `--lang` and reports.
    pub fn name(self) -> &'static str {
        match self {
            Language::Python => "python",
            Language::JavaScript => "javascript",
            Language::TypeScript => "typescript",
            Language::Tsx => "tsx",
            Language::Java => "java",
            Language::Go => "go",
            Language::Php => "php",
            Language::Ruby => "ruby",
            Language::CSharp => "csharp",
            Language::C => "c",
            Language::Cpp => "cpp",
            Language::Rust => "rust",
            Language::Kotlin => "kotlin",
            Language::Shell => "shell",
        }
    }

    /// Parses a language name or a common alias (`py`, `js`, `ts`, `c#`, `sh`, `bash`...),
    /// as found in `--lang` and in Markdown code-fence tags.
    pub fn from_name(name: &str) -> Option<Language> {
        let n = name.trim().to_ascii_lowercase();
        Some(match n.as_str() {
            "python" | "py" | "python3" | "py3" | "gyp" => Language::Python,
            "javascript" | "js" | "node" | "nodejs" | "jsx" | "mjs" | "cjs" => Language::JavaScript,
            "typescript" | "ts" | "mts" | "cts" => Language::TypeScript,
            "tsx" => Language::Tsx,
            "java" => Language::Java,
            "go" | "golang" => Language::Go,
            "php" => Language::Php,
            "ruby" | "rb" | "rails" => Language::Ruby,
            "csharp" | "c#" | "cs" | "dotnet" => Language::CSharp,
            "c" | "h" => Language::C,
            "cpp" | "c++" | "cc" | "cxx" | "hpp" | "hh" => Language::Cpp,
            "rust" | "rs" => Language::Rust,
            "kotlin" | "kt" | "kts" => Language::Kotlin,
            "shell" | "sh" | "bash" | "zsh" | "console" | "shell-session" | "ksh" => {
                Language::Shell
            }
            _ => return None,
        })
    }

    /// The language of a file, from its extension or well-known name.
    pub fn from_path(path: &Path) -> Option<Language> {
        let name = path.file_name()?.to_str()?;
        if matches!(name, "Rakefile" | "Gemfile" | "Vagrantfile" | "Guardfile") {
            return Some(Language::Ruby);
        }
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "py" | "pyw" | "pyi" => Language::Python,
            "js" | "jsx" | "mjs" | "cjs" => Language::JavaScript,
            "ts" | "mts" | "cts" => Language::TypeScript,
            "tsx" => Language::Tsx,
            "java" => Language::Java,
            "go" => Language::Go,
            "php" | "phtml" => Language::Php,
            "rb" | "rake" | "gemspec" | "erb" => Language::Ruby,
            "cs" => Language::CSharp,
            "c" | "h" => Language::C,
            "cc" | "cpp" | "cxx" | "hpp" | "hh" | "hxx" | "c++" => Language::Cpp,
            "rs" => Language::Rust,
            "kt" | "kts" => Language::Kotlin,
            "sh" | "bash" | "zsh" | "ksh" => Language::Shell,
            _ => return None,
        })
    }

    /// The language of an extension-less script from its `#!` line.
    pub fn from_shebang(first_line: &str) -> Option<Language> {
        let l = first_line.strip_prefix("#!")?;
        let interp = l
            .split_whitespace()
            .flat_map(|w| w.rsplit('/').next())
            .find(|w| *w != "env")?;
        let interp = interp.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
        Some(match interp {
            "python" => Language::Python,
            "node" | "nodejs" => Language::JavaScript,
            "ruby" => Language::Ruby,
            "php" => Language::Php,
            "sh" | "bash" | "zsh" | "dash" | "ksh" => Language::Shell,
            _ => return None,
        })
    }

    pub fn grammar(self) -> tree_sitter::Language {
        match self {
            Language::Python => tree_sitter_python::LANGUAGE.into(),
            Language::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            Language::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Language::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
            Language::Java => tree_sitter_java::LANGUAGE.into(),
            Language::Go => tree_sitter_go::LANGUAGE.into(),
            Language::Php => tree_sitter_php::LANGUAGE_PHP.into(),
            Language::Ruby => tree_sitter_ruby::LANGUAGE.into(),
            Language::CSharp => tree_sitter_c_sharp::LANGUAGE.into(),
            Language::C => tree_sitter_c::LANGUAGE.into(),
            Language::Cpp => tree_sitter_cpp::LANGUAGE.into(),
            Language::Rust => tree_sitter_rust::LANGUAGE.into(),
            Language::Kotlin => tree_sitter_kotlin_ng::LANGUAGE.into(),
            Language::Shell => tree_sitter_bash::LANGUAGE.into(),
        }
    }

    /// The grammar to parse `src` with: PHP without any `<?php` or `<?=` tag (a snippet, a
    /// fragment cut from a file) is parsed as PHP code, not as the HTML text around it,
    /// which would hide every call in it.
    pub fn grammar_for(self, src: &str) -> tree_sitter::Language {
        if self == Language::Php && !src.contains("<?") {
            return tree_sitter_php::LANGUAGE_PHP_ONLY.into();
        }
        self.grammar()
    }

    /// Languages whose rules also apply to this one (TypeScript code is JavaScript code).
    pub fn family(self) -> &'static [Language] {
        match self {
            Language::JavaScript | Language::TypeScript | Language::Tsx => {
                &[Language::JavaScript, Language::TypeScript, Language::Tsx]
            }
            Language::C | Language::Cpp => &[Language::C, Language::Cpp],
            Language::Java | Language::Kotlin => &[Language::Java, Language::Kotlin],
            Language::Python => &[Language::Python],
            Language::Go => &[Language::Go],
            Language::Php => &[Language::Php],
            Language::Ruby => &[Language::Ruby],
            Language::CSharp => &[Language::CSharp],
            Language::Rust => &[Language::Rust],
            Language::Shell => &[Language::Shell],
        }
    }

    /// A best guess at the language of an untagged snippet, from telltale tokens. `None`
    /// when nothing stands out (the caller then skips the block rather than guess wildly).
    pub fn infer(code: &str) -> Option<Language> {
        if let Some(first) = code.lines().next() {
            if let Some(l) = Language::from_shebang(first) {
                return Some(l);
            }
        }
        let has = |s: &str| code.contains(s);
        let scores = [
            (
                Language::Php,
                has("<?php") as i32 * 10
                    + (has("$_GET") || has("$_POST")) as i32 * 5
                    + has("->") as i32
                    + has("echo ") as i32,
            ),
            (
                Language::Go,
                (has("package main") || has(":= ")) as i32 * 3
                    + has("func ") as i32 * 2
                    + has("fmt.") as i32 * 2
                    + has("err != nil") as i32 * 4,
            ),
            (
                Language::Rust,
                has("fn ") as i32 * 2
                    + has("let mut ") as i32 * 3
                    + has("::") as i32
                    + has("println!") as i32 * 4
                    + has("-> Result<") as i32 * 2
                    + has("impl ") as i32,
            ),
            (
                Language::Java,
                has("public class ") as i32 * 4
                    + has("System.out") as i32 * 3
                    + has("import java.") as i32 * 5
                    + has("public static void") as i32 * 3
                    + has("String ") as i32,
            ),
            (
                Language::CSharp,
                has("using System") as i32 * 5
                    + has("namespace ") as i32 * 2
                    + has("Console.Write") as i32 * 4
                    + has("public async Task") as i32 * 3
                    + has("var ") as i32,
            ),
            (
                Language::Kotlin,
                has("fun ") as i32 * 3 + has("val ") as i32 * 2 + has("println(") as i32,
            ),
            (
                Language::Python,
                has("def ") as i32 * 3
                    + has("import ") as i32
                    + has("self.") as i32 * 2
                    + has("print(") as i32
                    + has("elif ") as i32 * 3
                    + has("):\n") as i32 * 2,
            ),
            (
                Language::Ruby,
                has("end\n") as i32 * 2
                    + has("puts ") as i32 * 2
                    + has("require '") as i32 * 2
                    + has("do |") as i32 * 3
                    + has("def ") as i32,
            ),
            (
                Language::JavaScript,
                has("const ") as i32 * 2
                    + has("function ") as i32 * 2
                    + has("=> ") as i32 * 2
                    + has("require(") as i32 * 2
                    + has("console.log") as i32 * 3
                    + has("let ") as i32,
            ),
            (
                Language::TypeScript,
                (has(": string") || has(": number") || has("interface ")) as i32 * 4,
            ),
            (
                Language::C,
                has("#include <") as i32 * 4
                    + has("printf(") as i32 * 2
                    + has("int main(") as i32 * 2
                    + has("malloc(") as i32 * 2,
            ),
            (
                Language::Cpp,
                has("std::") as i32 * 4
                    + has("#include <iostream>") as i32 * 4
                    + has("cout <<") as i32 * 3,
            ),
            (
                Language::Shell,
                has("#!/bin/") as i32 * 5
                    + has("echo ") as i32
                    + has("fi\n") as i32 * 3
                    + has("$(") as i32
                    + has("sudo ") as i32 * 2
                    + has("curl ") as i32
                    + has("export ") as i32,
            ),
        ];
        let (mut best, mut best_score) = (None, 2);
        for (l, s) in scores {
            if s > best_score {
                best = Some(l);
                best_score = s;
            }
        }
        // TypeScript markers come on top of JavaScript ones.
        if best == Some(Language::JavaScript) && scores[9].1 > 0 {
            best = Some(Language::TypeScript);
        }
        best
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_grammar_loads_and_parses() {
        for l in Language::ALL {
            let mut p = tree_sitter::Parser::new();
            p.set_language(&l.grammar()).unwrap();
            assert!(p.parse("x", None).is_some(), "{l}");
            assert_eq!(Language::from_name(l.name()), Some(l));
        }
    }

    #[test]
    fn infers_common_snippets() {
        assert_eq!(
            Language::infer("def f(x):\n    return x\n"),
            Some(Language::Python)
        );
        assert_eq!(
            Language::infer("<?php echo $_GET['a'];"),
            Some(Language::Php)
        );
        assert_eq!(
            Language::infer("package main\nfunc main() {\n if err != nil {}\n}"),
            Some(Language::Go)
        );
        assert_eq!(
            Language::infer("const x = require('fs');\nconsole.log(x)"),
            Some(Language::JavaScript)
        );
        assert_eq!(Language::infer("hello world"), None);
    }
}
