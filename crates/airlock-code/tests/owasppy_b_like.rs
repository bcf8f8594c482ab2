//! Behaviours added from OWASP Benchmark for Python (path traversal, XSS, weak random; issue 3):
//! each as a vulnerable/safe pair written for this crate, differing in the one thing the
//! behaviour is about.

use airlock_code::Language;

use crate::support::{reported, reported_at};

#[test]
fn a_flask_view_returning_request_text_is_xss_without_tags() {
    // The returned string is the page (`text/html`), even when it holds no tag and is a variable.
    let vulnerable = "from flask import Flask, request\napp = Flask(__name__)\n\n@app.route('/greet', methods=['POST'])\ndef greet():\n    out = ''\n    name = request.form.get('name', '')\n    out += f'Hello {name}'\n    return out\n";
    assert!(
        reported_at(vulnerable, Language::Python, 9, "xss"),
        "{vulnerable}"
    );
    for safe_line in [
        "    out += f'Hello {html.escape(name)}'",
        "    out += 'Hello visitor'",
    ] {
        let safe = vulnerable
            .replace("    out += f'Hello {name}'", safe_line)
            .replace("from flask", "import html\nfrom flask");
        assert!(!reported(&safe, Language::Python, "xss"), "{safe}");
    }
    // A function that is not a view returns text to its caller, not to the browser.
    let helper = vulnerable.replace("@app.route('/greet', methods=['POST'])\n", "");
    assert!(!reported(&helper, Language::Python, "xss"), "{helper}");
    // Not Flask: FastAPI sends a returned string as JSON.
    let fastapi = vulnerable
        .replace(
            "from flask import Flask, request",
            "from fastapi import FastAPI, Request",
        )
        .replace("app = Flask(__name__)", "app = FastAPI()")
        .replace(
            "@app.route('/greet', methods=['POST'])",
            "@app.post('/greet')",
        );
    assert!(!reported(&fastapi, Language::Python, "xss"), "{fastapi}");
    // The framework's own response builders are left to their sinks.
    let json = vulnerable.replace("    return out\n", "    return jsonify(msg=out)\n");
    assert!(!reported(&json, Language::Python, "xss"), "{json}");
    // What a file named by the request holds is the file's (a path question, not XSS).
    let file = vulnerable.replace("    return out\n", "    return open(name, 'rb').read()\n");
    assert!(!reported(&file, Language::Python, "xss"), "{file}");
}

#[test]
fn make_response_with_a_tuple_renders_only_its_body() {
    let safe = "from flask import request, make_response\n\ndef view():\n    v = request.args.get('v', '')\n    return make_response(('stored in a header', {'X-Value': v}))\n";
    assert!(!reported(safe, Language::Python, "xss"), "{safe}");
    let vulnerable = "from flask import request, make_response\n\ndef view():\n    v = request.args.get('v', '')\n    return make_response((f'<p>{v}</p>', {'X-Value': 'fixed'}))\n";
    assert!(
        reported_at(vulnerable, Language::Python, 5, "xss"),
        "{vulnerable}"
    );
}

#[test]
fn pathlib_slash_joins_and_existence_probes_are_path_sinks() {
    let vulnerable = "import pathlib\nfrom flask import request\n\ndef view():\n    name = request.args.get('f', '')\n    base = pathlib.Path('/srv/files')\n    p = base / name\n    if p.exists():\n        return 'yes'\n    return 'no'\n";
    assert!(
        reported_at(vulnerable, Language::Python, 8, "path-traversal"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace("p = base / name", "p = base / 'index.txt'");
    assert!(
        !reported(&safe, Language::Python, "path-traversal"),
        "{safe}"
    );
    // `/` between numbers is a division: its result is a number.
    let division = "from flask import request\n\ndef view():\n    n = request.args.get('n', '')\n    half = n / 2\n    return open(f'/srv/{half}.txt').read()\n";
    assert!(
        !reported(division, Language::Python, "path-traversal"),
        "{division}"
    );
    let probe = "import os\nfrom flask import request\n\ndef view():\n    name = request.args.get('f', '')\n    if os.path.exists(f'/srv/files/{name}'):\n        return 'yes'\n    return 'no'\n";
    assert!(
        reported_at(probe, Language::Python, 6, "path-traversal"),
        "{probe}"
    );
    let fixed = probe.replace("f'/srv/files/{name}'", "'/srv/files/index.txt'");
    assert!(
        !reported(&fixed, Language::Python, "path-traversal"),
        "{fixed}"
    );
}

#[test]
fn random_distributions_are_not_secret_generators() {
    let vulnerable = "import random\n\ndef remember_me():\n    cookie_value = str(random.normalvariate())[2:]\n    return cookie_value\n";
    assert!(
        reported_at(vulnerable, Language::Python, 4, "insecure-random"),
        "{vulnerable}"
    );
    let safe = "import secrets\n\ndef remember_me():\n    cookie_value = str(secrets.randbits(64))\n    return cookie_value\n";
    assert!(
        !reported(safe, Language::Python, "insecure-random"),
        "{safe}"
    );
}
