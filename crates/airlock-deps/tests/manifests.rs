//! Manifest parsers: names, specs, exact positions, skipped entries, and errors with a line.

use std::path::Path;

use airlock_deps::{parse_manifest, parse_manifest_full, Ecosystem, ManifestKind};

/// (name, line, column, spec) of each dependency.
fn deps(path: &str, content: &str) -> Vec<(String, u32, u32, Option<String>)> {
    parse_manifest(Path::new(path), content)
        .unwrap_or_else(|e| panic!("{e}"))
        .expect("a manifest")
        .into_iter()
        .map(|d| (d.name, d.line, d.column, d.spec))
        .collect()
}

fn d(name: &str, line: u32, column: u32, spec: Option<&str>) -> (String, u32, u32, Option<String>) {
    (name.to_string(), line, column, spec.map(str::to_string))
}

/// The text at (line, column) starts with `name`.
fn assert_positions(content: &str, found: &[(String, u32, u32, Option<String>)]) {
    for (name, line, col, _) in found {
        let l = content.lines().nth(*line as usize - 1).unwrap();
        assert!(
            l[*col as usize - 1..].starts_with(name.as_str()),
            "{name} at {line}:{col} in {l:?}"
        );
    }
}

#[test]
fn detects_manifests_by_name() {
    for (p, kind) in [
        ("requirements.txt", Some(ManifestKind::Requirements)),
        ("requirements-dev.txt", Some(ManifestKind::Requirements)),
        ("dev-requirements.in", Some(ManifestKind::Requirements)),
        ("requirements/base.txt", Some(ManifestKind::Requirements)),
        ("constraints.txt", Some(ManifestKind::Requirements)),
        ("pyproject.toml", Some(ManifestKind::Pyproject)),
        ("web/package.json", Some(ManifestKind::PackageJson)),
        ("Cargo.toml", Some(ManifestKind::CargoToml)),
        ("go.mod", Some(ManifestKind::GoMod)),
        ("Gemfile", Some(ManifestKind::Gemfile)),
        ("notes.txt", None),
        ("Cargo.lock", None),
    ] {
        assert_eq!(ManifestKind::detect(Path::new(p)), kind, "{p}");
    }
    assert_eq!(
        parse_manifest(Path::new("README.md"), "# hi").unwrap(),
        None
    );
}

#[test]
fn requirements_txt() {
    let content = "\
# comment line
requests>=2.31  # trailing comment
  Flask[async]==3.0.0
numpy ; python_version >= \"3.9\"
-r base.txt
--constraint=constraints.txt
-e git+https://github.com/x/y.git#egg=y
git+https://github.com/x/z.git
./local/pkg
https://example.com/pkg-1.0.tar.gz
pip @ https://github.com/pypa/pip/archive/1.3.1.zip
cryptography==42.0.0 \\
    --hash=sha256:abcdef \\
    --hash=sha256:012345
urllib3==2.0.0 --hash=sha256:aa
${PRIVATE_PKG}==1.0
--extra-index-url https://private.example/simple
";
    let found = deps("requirements.txt", content);
    assert_eq!(
        found,
        vec![
            d("requests", 2, 1, Some(">=2.31")),
            d("Flask", 3, 3, Some("==3.0.0")),
            d("numpy", 4, 1, None),
            d("cryptography", 12, 1, Some("==42.0.0")),
            d("urllib3", 15, 1, Some("==2.0.0")),
        ]
    );
    assert_positions(content, &found);
    let full = parse_manifest_full(Path::new("requirements.txt"), content)
        .unwrap()
        .unwrap();
    assert_eq!(full.includes.len(), 2);
    assert_eq!(
        (
            full.includes[0].path.as_str(),
            full.includes[0].line,
            full.includes[0].constraint
        ),
        ("base.txt", 5, false)
    );
    assert_eq!(
        (full.includes[1].path.as_str(), full.includes[1].constraint),
        ("constraints.txt", true)
    );
    assert_eq!(
        full.skipped.iter().map(|s| s.line).collect::<Vec<_>>(),
        vec![7, 8, 9, 10, 11, 16]
    );
    assert_eq!(full.skipped[4].name.as_deref(), Some("pip"));
    assert!(full.alternate_index);
    assert!(full
        .dependencies
        .iter()
        .all(|d| d.ecosystem == Ecosystem::PyPI));
}

#[test]
fn a_byte_order_mark_is_ignored() {
    assert_eq!(
        deps("requirements.txt", "\u{feff}requests\n"),
        vec![d("requests", 1, 1, None)]
    );
    assert_eq!(
        deps(
            "package.json",
            "\u{feff}{\"dependencies\": {\"left-pad\": \"1\"}}"
        ),
        vec![d("left-pad", 1, 20, Some("1"))]
    );
}

#[test]
fn requirements_errors_name_the_line() {
    let err = parse_manifest(Path::new("requirements.txt"), "requests\nflask >> 2\n").unwrap_err();
    assert_eq!((err.line, err.column), (2, 7));
    assert!(
        err.to_string()
            .starts_with("requirements.txt:2:7: invalid requirement"),
        "{err}"
    );
    let err = parse_manifest(Path::new("requirements.txt"), "ok\n\n  [extra]\n").unwrap_err();
    assert_eq!(err.line, 3);
    let err = parse_manifest(Path::new("requirements.txt"), "foo[bar>=1\n").unwrap_err();
    assert_eq!(err.line, 1);
}

#[test]
fn pyproject_pep621_groups_and_poetry() {
    let content = r#"[build-system]
requires = ["hatchling>=1.18"]

[project]
name = "demo"
dependencies = [
    "httpx>=0.27",
    "pydantic[email] ~= 2.6 ; python_version >= '3.9'",
    "local @ file:///tmp/local",
]

[project.optional-dependencies]
cli = ["typer"]

[dependency-groups]
test = ["pytest>=8", {include-group = "lint"}]
lint = ["ruff"]

[tool.poetry.dependencies]
python = "^3.10"
django = "^5.0"
mylib = { path = "../mylib" }
celery = { version = "^5.3", extras = ["redis"] }
"quoted-name" = "*"

[tool.poetry.group.dev.dependencies]
black = "^24"
"#;
    let found = deps("pyproject.toml", content);
    assert_eq!(
        found,
        vec![
            d("hatchling", 2, 14, Some(">=1.18")),
            d("httpx", 7, 6, Some(">=0.27")),
            d("pydantic", 8, 6, Some("~= 2.6")),
            d("typer", 13, 9, None),
            d("pytest", 16, 10, Some(">=8")),
            d("ruff", 17, 10, None),
            d("django", 21, 1, Some("^5.0")),
            d("celery", 23, 1, Some("^5.3")),
            d("quoted-name", 24, 2, Some("*")),
            d("black", 27, 1, Some("^24")),
        ]
    );
    assert_positions(content, &found);
    let full = parse_manifest_full(Path::new("pyproject.toml"), content)
        .unwrap()
        .unwrap();
    let skipped: Vec<_> = full
        .skipped
        .iter()
        .map(|s| (s.name.clone().unwrap(), s.line))
        .collect();
    assert_eq!(
        skipped,
        vec![("local".to_string(), 9), ("mylib".to_string(), 22)]
    );
}

#[test]
fn pyproject_errors_name_the_line() {
    let err = parse_manifest(
        Path::new("pyproject.toml"),
        "[project]\nname = \"x\"\ndependencies = [\n  \"ok\",\n  \"bad name!\",\n]\n",
    )
    .unwrap_err();
    assert_eq!(err.line, 5, "{err}");
    let err = parse_manifest(
        Path::new("pyproject.toml"),
        "[project]\ndependencies = \"requests\"\n",
    )
    .unwrap_err();
    assert_eq!(err.line, 2, "{err}");
    let err = parse_manifest(Path::new("pyproject.toml"), "[project\nname = 1\n").unwrap_err();
    assert_eq!(err.line, 1, "{err}");
    assert!(err.to_string().contains("invalid TOML"), "{err}");
}

#[test]
fn package_json() {
    let content = r#"{
  "name": "demo",
  "version": "1.0.0",
  "dependencies": {
    "express": "^4.19.2",
    "@types/node": "^20.0.0",
    "my-lodash": "npm:lodash@^4.17.21",
    "scoped-alias": "npm:@babel/core@7.24.0",
    "local": "file:../local",
    "ws-pkg": "workspace:*",
    "linked": "link:../linked",
    "gitdep": "git+https://github.com/x/y.git",
    "shorthand": "user/repo#main",
    "tarball": "https://example.com/x.tgz"
  },
  "devDependencies": { "typescript": "~5.4.0" },
  "peerDependencies": {
    "react": ">=18"
  },
  "optionalDependencies": {
    "fsevents": "2.3.3"
  },
  "scripts": { "dependencies": "not a section" }
}"#;
    let found = deps("package.json", content);
    assert_eq!(
        found,
        vec![
            d("express", 5, 6, Some("^4.19.2")),
            d("@types/node", 6, 6, Some("^20.0.0")),
            d("lodash", 7, 6, Some("^4.17.21")),
            d("@babel/core", 8, 6, Some("7.24.0")),
            d("typescript", 16, 25, Some("~5.4.0")),
            d("react", 18, 6, Some(">=18")),
            d("fsevents", 21, 6, Some("2.3.3")),
        ]
    );
    let full = parse_manifest_full(Path::new("package.json"), content)
        .unwrap()
        .unwrap();
    assert_eq!(
        full.skipped.iter().map(|s| s.line).collect::<Vec<_>>(),
        vec![9, 10, 11, 12, 13, 14]
    );
}

#[test]
fn package_json_errors_name_the_line() {
    let err = parse_manifest(
        Path::new("package.json"),
        "{\n  \"dependencies\": {\n    \"a\": \"1\",\n  }\n}",
    )
    .unwrap_err();
    assert_eq!(err.line, 4, "{err}");
    let err = parse_manifest(
        Path::new("package.json"),
        "{\n  \"dependencies\": [\"a\"]\n}",
    )
    .unwrap_err();
    assert_eq!(err.line, 2, "{err}");
    let err =
        parse_manifest(Path::new("package.json"), "{\"dependencies\": {\"a\": 1}}").unwrap_err();
    assert!(err.message.contains("must be a string"), "{err}");
    assert!(parse_manifest(Path::new("package.json"), "").is_err());
}

#[test]
fn cargo_toml() {
    let content = r#"[package]
name = "demo"
version = "0.1.0"

[dependencies]
serde = { version = "1", features = ["derive"] }
tokio = "1.37"
json = { package = "serde_json", version = "1.0" }
local = { path = "../local" }
remote = { git = "https://github.com/x/y" }
shared = { workspace = true }
private = { version = "1", registry = "corp" }

[dev-dependencies]
proptest = "1"

[build-dependencies.cc]
version = "1.0"

[target.'cfg(windows)'.dependencies]
winapi = "0.3"

[workspace.dependencies]
anyhow = "1"
"#;
    let found = deps("Cargo.toml", content);
    assert_eq!(
        found,
        vec![
            d("serde", 6, 1, Some("1")),
            d("tokio", 7, 1, Some("1.37")),
            d("serde_json", 8, 1, Some("1.0")),
            d("proptest", 15, 1, Some("1")),
            d("cc", 17, 21, Some("1.0")),
            d("winapi", 21, 1, Some("0.3")),
            d("anyhow", 24, 1, Some("1")),
        ]
    );
    let full = parse_manifest_full(Path::new("Cargo.toml"), content)
        .unwrap()
        .unwrap();
    assert_eq!(full.skipped.len(), 4);
    assert!(full
        .dependencies
        .iter()
        .all(|d| d.ecosystem == Ecosystem::Crates));
}

#[test]
fn cargo_toml_errors_name_the_line() {
    let err = parse_manifest(Path::new("Cargo.toml"), "[dependencies]\nserde = 1\n").unwrap_err();
    assert_eq!(err.line, 2, "{err}");
    let err = parse_manifest(
        Path::new("Cargo.toml"),
        "[dependencies]\nserde = \"1\"\nserde = \"2\"\n",
    )
    .unwrap_err();
    assert_eq!(err.line, 3, "{err}");
}

#[test]
fn go_mod() {
    let content = "module example.com/demo

go 1.22

require github.com/gin-gonic/gin v1.9.1

require (
\tgithub.com/stretchr/testify v1.9.0 // indirect
\t\"golang.org/x/net\" v0.24.0
\texample.com/local v0.0.0
)

replace example.com/local => ../local
replace github.com/old/x => github.com/new/x v1.0.0
exclude github.com/bad/x v1.0.0
";
    let found = deps("go.mod", content);
    assert_eq!(
        found,
        vec![
            d("github.com/gin-gonic/gin", 5, 9, Some("v1.9.1")),
            d("github.com/stretchr/testify", 8, 2, Some("v1.9.0")),
            d("golang.org/x/net", 9, 3, Some("v0.24.0")),
        ]
    );
    let full = parse_manifest_full(Path::new("go.mod"), content)
        .unwrap()
        .unwrap();
    assert_eq!(full.skipped[0].name.as_deref(), Some("example.com/local"));
}

#[test]
fn go_mod_errors_name_the_line() {
    let err = parse_manifest(
        Path::new("go.mod"),
        "module x\n\nrequire (\n\tgithub.com/a/b\n)\n",
    )
    .unwrap_err();
    assert_eq!(err.line, 4, "{err}");
    let err = parse_manifest(
        Path::new("go.mod"),
        "module x\nrequire (\n\tgithub.com/a/b v1.0.0\n",
    )
    .unwrap_err();
    assert_eq!(err.line, 2, "{err}");
    let err = parse_manifest(
        Path::new("go.mod"),
        "module x\nrequires github.com/a/b v1\n",
    )
    .unwrap_err();
    assert!(err.message.contains("unknown go.mod directive"), "{err}");
}

#[test]
fn gemfile() {
    let content = r#"source "https://rubygems.org"

ruby "3.3.0"
gem "rails", "~> 7.1", ">= 7.1.3"
gem 'pg'
gem "puma", require: false # web server
gem "local_thing", path: "../local_thing"
gem "forked", git: "https://github.com/x/forked.git"
gem "old_style", :github => "x/old_style"

group :development, :test do
  gem "rspec-rails"
end

git "https://github.com/rails/rails.git" do
  gem "activesupport"
end

source "https://gems.corp.example" do
  gem "corp-secret"
end

gem "sidekiq", "7.2"
gem "bootsnap", require: false if RUBY_VERSION >= "3.0"
"#;
    let found = deps("Gemfile", content);
    assert_eq!(
        found,
        vec![
            d("rails", 4, 6, Some("~> 7.1, >= 7.1.3")),
            d("pg", 5, 6, None),
            d("puma", 6, 6, None),
            d("rspec-rails", 12, 8, None),
            d("sidekiq", 23, 6, Some("7.2")),
            d("bootsnap", 24, 6, None),
        ]
    );
    let full = parse_manifest_full(Path::new("Gemfile"), content)
        .unwrap()
        .unwrap();
    let skipped: Vec<_> = full
        .skipped
        .iter()
        .map(|s| s.name.clone().unwrap())
        .collect();
    assert_eq!(
        skipped,
        vec![
            "local_thing",
            "forked",
            "old_style",
            "activesupport",
            "corp-secret"
        ]
    );
    assert!(!full.alternate_index);
}

#[test]
fn gemfile_errors_name_the_line() {
    let err = parse_manifest(
        Path::new("Gemfile"),
        "source \"https://rubygems.org\"\ngem \"\"\n",
    )
    .unwrap_err();
    assert_eq!(err.line, 2, "{err}");
}

/// Random text built from the characters the parsers care about, multi-byte ones included:
/// every parser must return a result or an error, never panic.
#[test]
fn parsers_never_panic_on_random_text() {
    const PIECES: &[&str] = &[
        "\"",
        "'",
        "[",
        "]",
        "{",
        "}",
        "(",
        ")",
        ",",
        ":",
        ";",
        "=",
        "==",
        ">=",
        "@",
        "/",
        "\\",
        "\n",
        "\r\n",
        " ",
        "\t",
        "#",
        "-r ",
        "--hash=x",
        "npm:",
        "git+",
        "é",
        "日本",
        "\u{feff}",
        "require",
        "replace",
        "=>",
        "gem ",
        "do",
        "end",
        "dependencies",
        "[dependencies]",
        "x",
        "serde",
        "1.0",
        "v1",
        "`",
        "//",
        "\\u00e9",
        "-",
        "_",
        ".",
        "*",
        "~",
        "^",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let text: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        for name in [
            "requirements.txt",
            "pyproject.toml",
            "package.json",
            "Cargo.toml",
            "go.mod",
            "Gemfile",
        ] {
            if let Ok(Some(deps)) = parse_manifest(Path::new(name), &text) {
                for d in deps {
                    assert!(d.line >= 1 && d.column >= 1, "{name}: {text:?}");
                }
            }
        }
    }
}

#[test]
fn parsers_never_panic_on_garbage() {
    let samples = [
        "\u{0}\u{1}",
        "[[[",
        "{{{",
        "\"",
        "gem \"",
        "require (",
        "a\\\n\\",
        "-r",
        "npm:",
        "{\"dependencies\": {\"x\": \"npm:\"}}",
    ];
    for name in [
        "requirements.txt",
        "pyproject.toml",
        "package.json",
        "Cargo.toml",
        "go.mod",
        "Gemfile",
    ] {
        for s in samples {
            let _ = parse_manifest(Path::new(name), s);
        }
    }
}

#[test]
fn first_party_names() {
    let cargo = "[package]\nname = \"airlock-cli\"\n\n[dependencies]\nairlock-types = { path = \"../airlock-types\" }\nserde = \"1\"\n";
    let m = parse_manifest_full(Path::new("Cargo.toml"), cargo)
        .unwrap()
        .unwrap();
    assert_eq!(m.first_party_names(), vec!["airlock-cli", "airlock-types"]);
    let pj = "{\"name\": \"@acme/web\", \"dependencies\": {\"ui\": \"workspace:*\"}}";
    let m = parse_manifest_full(Path::new("package.json"), pj)
        .unwrap()
        .unwrap();
    assert_eq!(m.first_party_names(), vec!["@acme/web", "ui"]);
    let py = "[project]\nname = \"my-app\"\ndependencies = []\n";
    let m = parse_manifest_full(Path::new("pyproject.toml"), py)
        .unwrap()
        .unwrap();
    assert_eq!(m.own_name.as_deref(), Some("my-app"));
}

#[test]
fn read_manifest_follows_requirement_includes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("requirements")).unwrap();
    std::fs::write(
        root.join("requirements.txt"),
        "-r requirements/base.txt\n-c constraints.txt\nflask\n",
    )
    .unwrap();
    std::fs::write(
        root.join("requirements/base.txt"),
        "# base\nrequests\n-r ../requirements.txt\n--extra-index-url https://corp.example/simple\n",
    )
    .unwrap();
    std::fs::write(root.join("constraints.txt"), "urllib3<3\n").unwrap();
    let m = airlock_deps::read_manifest(&root.join("requirements.txt"))
        .unwrap()
        .unwrap();
    let got: Vec<(String, String, u32)> = m
        .dependencies
        .iter()
        .map(|d| {
            (
                d.name.clone(),
                d.file.file_name().unwrap().to_string_lossy().into_owned(),
                d.line,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("flask".to_string(), "requirements.txt".to_string(), 3),
            ("requests".to_string(), "base.txt".to_string(), 2),
        ]
    );
    // The included file's private index applies to everything installed together.
    assert!(m.alternate_index && m.dependencies.iter().all(|d| d.alternate_index));

    std::fs::write(root.join("broken.txt"), "-r missing-requirements.txt\n").unwrap();
    std::fs::rename(
        root.join("broken.txt"),
        root.join("requirements-broken.txt"),
    )
    .unwrap();
    let err = airlock_deps::read_manifest(&root.join("requirements-broken.txt")).unwrap_err();
    assert_eq!(err.line, 1);
    assert!(err.message.contains("cannot read included file"), "{err}");
    assert!(airlock_deps::read_manifest(&root.join("README.md"))
        .unwrap()
        .is_none());
}

#[test]
fn pipfile_uv_pdm_and_gemspec() {
    let pipfile = r#"[[source]]
url = "https://pypi.org/simple"
verify_ssl = true
name = "pypi"

[packages]
requests = "*"
django = {version = ">=5.0", extras = ["bcrypt"]}
mylib = {path = ".", editable = true}
records = {git = "https://github.com/kennethreitz/records.git"}

[dev-packages]
pytest = "*"
"#;
    let found = deps("Pipfile", pipfile);
    assert_eq!(
        found,
        vec![
            d("requests", 7, 1, Some("*")),
            d("django", 8, 1, Some(">=5.0")),
            d("pytest", 13, 1, Some("*"))
        ]
    );
    let m = parse_manifest_full(Path::new("Pipfile"), pipfile)
        .unwrap()
        .unwrap();
    assert!(!m.alternate_index);
    assert_eq!(m.skipped.len(), 2);
    let private = "[[source]]\nurl = \"https://pypi.corp.example/simple\"\nname = \"corp\"\n\n[packages]\nx = \"*\"\n";
    assert!(
        parse_manifest_full(Path::new("Pipfile"), private)
            .unwrap()
            .unwrap()
            .alternate_index
    );

    let uv = "[project]\nname = \"a\"\n\n[tool.uv]\ndev-dependencies = [\"pytest>=8\"]\n\n[tool.pdm.dev-dependencies]\nlint = [\"ruff\"]\n";
    assert_eq!(
        deps("pyproject.toml", uv),
        vec![d("pytest", 5, 22, Some(">=8")), d("ruff", 8, 10, None)]
    );

    let gemspec = r#"Gem::Specification.new do |spec|
  spec.name = "mygem"
  spec.add_dependency "rack", ">= 2.0", "< 4"
  spec.add_runtime_dependency 'zeitwerk'
  spec.add_development_dependency "rspec", "~> 3.12" # tests
end
"#;
    let found = deps("mygem.gemspec", gemspec);
    assert_eq!(
        found,
        vec![
            d("rack", 3, 24, Some(">= 2.0, < 4")),
            d("zeitwerk", 4, 32, None),
            d("rspec", 5, 36, Some("~> 3.12"))
        ]
    );
    assert_positions(gemspec, &found);
}

#[test]
fn npmrc_scopes() {
    let npmrc = "# company registry\n@mycorp:registry=https://npm.corp.example/\n@public:registry=https://registry.npmjs.org/\n//npm.corp.example/:_authToken=${TOKEN}\nsave-exact=true\n";
    let n = airlock_deps::parse_npmrc(npmrc);
    assert_eq!(n.private_scopes, vec!["@mycorp/*"]);
    assert!(!n.alternate_registry);
    assert!(
        airlock_deps::parse_npmrc("registry=https://mirror.corp.example/npm/\n").alternate_registry
    );
    assert!(
        !airlock_deps::parse_npmrc("registry=https://registry.npmjs.org/\n").alternate_registry
    );
}
