//! Import statements mapped to registry packages.

use airlock_deps::{import_to_package, Ecosystem};

fn map(lang: &str, m: &str) -> Option<(Ecosystem, String)> {
    import_to_package(lang, m)
}

fn some(eco: Ecosystem, name: &str) -> Option<(Ecosystem, String)> {
    Some((eco, name.to_string()))
}

#[test]
fn python() {
    for (import, dist) in [
        ("yaml", "PyYAML"),
        ("cv2", "opencv-python"),
        ("sklearn.linear_model", "scikit-learn"),
        ("PIL.Image", "Pillow"),
        ("bs4", "beautifulsoup4"),
        ("dateutil.parser", "python-dateutil"),
        ("jwt", "PyJWT"),
        ("Crypto.Cipher", "pycryptodome"),
        ("dotenv", "python-dotenv"),
        ("google.protobuf.json_format", "protobuf"),
        ("requests", "requests"),
        ("numpy.linalg", "numpy"),
    ] {
        assert_eq!(
            map("python", import),
            some(Ecosystem::PyPI, dist),
            "{import}"
        );
    }
    for stdlib in [
        "os",
        "os.path",
        "json",
        "asyncio",
        "typing",
        "collections.abc",
        "__future__",
        "tomllib",
        "sqlite3",
    ] {
        assert_eq!(map("python", stdlib), None, "{stdlib}");
    }
    assert_eq!(map("py", ".sibling"), None);
    assert_eq!(map("python", "..pkg.mod"), None);
}

#[test]
fn javascript_and_typescript() {
    assert_eq!(
        map("javascript", "express"),
        some(Ecosystem::Npm, "express")
    );
    assert_eq!(
        map("typescript", "@angular/core/testing"),
        some(Ecosystem::Npm, "@angular/core")
    );
    assert_eq!(map("tsx", "lodash/fp/get"), some(Ecosystem::Npm, "lodash"));
    assert_eq!(
        map("js", "'react-dom/client'"),
        some(Ecosystem::Npm, "react-dom")
    );
    for none in [
        "fs",
        "node:fs",
        "node:test",
        "path",
        "child_process",
        "fs/promises",
        "./util",
        "../x",
        "/abs/x",
        "@/lib/x",
        "~/x",
        "#internal",
        "https://deno.land/x/mod.ts",
    ] {
        assert_eq!(map("javascript", none), None, "{none}");
    }
}

#[test]
fn go() {
    assert_eq!(
        map("go", "github.com/gin-gonic/gin"),
        some(Ecosystem::Go, "github.com/gin-gonic/gin")
    );
    for none in ["fmt", "net/http", "encoding/json", "C", "internal/foo"] {
        assert_eq!(map("go", none), None, "{none}");
    }
}

#[test]
fn ruby() {
    assert_eq!(
        map("ruby", "nokogiri"),
        some(Ecosystem::RubyGems, "nokogiri")
    );
    assert_eq!(
        map("ruby", "active_support/core_ext"),
        some(Ecosystem::RubyGems, "activesupport")
    );
    assert_eq!(map("ruby", "net/ssh"), some(Ecosystem::RubyGems, "net-ssh"));
    assert_eq!(
        map("ruby", "sinatra/base"),
        some(Ecosystem::RubyGems, "sinatra")
    );
    for none in ["json", "net/http", "set", "securerandom", "./lib/x", "yaml"] {
        assert_eq!(map("ruby", none), None, "{none}");
    }
}

#[test]
fn rust() {
    assert_eq!(
        map("rust", "serde_json::Value"),
        some(Ecosystem::Crates, "serde_json")
    );
    assert_eq!(
        map("rust", "::tokio::sync"),
        some(Ecosystem::Crates, "tokio")
    );
    assert_eq!(
        map("rust", "extern crate rand;"),
        some(Ecosystem::Crates, "rand")
    );
    assert_eq!(
        map("rust", "tree_sitter::{Parser, Language}"),
        some(Ecosystem::Crates, "tree_sitter")
    );
    for none in [
        "std::io",
        "core::fmt",
        "alloc::vec",
        "crate::x",
        "self::y",
        "super::z",
    ] {
        assert_eq!(map("rust", none), None, "{none}");
    }
    assert_eq!(map("cobol", "x"), None);
}

#[test]
fn never_panics_on_random_modules() {
    const PIECES: &[&str] = &[
        "@", "/", ".", "..", ":", "::", "npm:", "node:", "é", "日", "a", "Z", "_", "-", "?", "#",
        "~", "$", " ", "\"", "'", "{", ";",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..5000 {
        let len = (next() % 12) as usize;
        let m: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        for lang in ["python", "javascript", "go", "ruby", "rust"] {
            if let Some((eco, name)) = import_to_package(lang, &m) {
                assert!(!name.is_empty(), "{lang} {m:?}");
                // Whatever comes out is safe to put in a registry URL, or refused there.
                let _ = airlock_deps::RegistryConfig::default().url(eco, &name);
            }
        }
    }
}
