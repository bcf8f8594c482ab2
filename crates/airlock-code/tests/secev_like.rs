//! Behaviours added from AI-written Python in the style of SecurityEval and SALLM (constant
//! IVs and salts, short DSA keys, unverified TLS and JWT helpers, DynamoDB expressions, regex
//! script filters; issue 3): each as a vulnerable/safe pair written for this crate, differing
//! in the one thing the behaviour is about.

use airlock_code::Language;

use crate::support::{reported, reported_at};

const PY: Language = Language::Python;

#[test]
fn a_constant_iv_given_to_a_cbc_cipher_is_weak() {
    // PyCryptodome: a local holding bytes written in the code.
    let vulnerable = "from Crypto.Cipher import AES\nfrom Crypto.Util.Padding import pad\n\ndef seal(data, key):\n    nonce_bytes = b'\\x00' * AES.block_size\n    cipher = AES.new(key, AES.MODE_CBC, nonce_bytes)\n    return cipher.encrypt(pad(data, AES.block_size))\n";
    assert!(
        reported_at(vulnerable, PY, 6, "weak-cipher"),
        "{vulnerable}"
    );
    for iv in [
        "bytes(16)",
        "bytes(AES.block_size)",
        "'0123456789abcdef'.encode()",
        "b'fixed-iv-16bytes'",
    ] {
        let v = vulnerable.replace("b'\\x00' * AES.block_size", iv);
        assert!(reported_at(&v, PY, 6, "weak-cipher"), "{v}");
    }
    // Written in the call itself, positional or as `iv=`.
    let inline = vulnerable.replace("AES.MODE_CBC, nonce_bytes)", "AES.MODE_CBC, iv=b'A' * 16)");
    assert!(reported_at(&inline, PY, 6, "weak-cipher"), "{inline}");
    // A fresh IV per message.
    for fresh in [
        "get_random_bytes(AES.block_size)",
        "os.urandom(16)",
        "secrets.token_bytes(16)",
        "bytes(header_iv)",
    ] {
        let safe = vulnerable.replace("b'\\x00' * AES.block_size", fresh);
        assert!(!reported(&safe, PY, "weak-cipher"), "{safe}");
    }
    // GCM with a random nonce (the mode is not one with an IV argument here).
    let gcm = "from Crypto.Cipher import AES\nfrom Crypto.Random import get_random_bytes\n\ndef seal(data, key):\n    cipher = AES.new(key, AES.MODE_GCM)\n    return cipher.encrypt_and_digest(data)\n";
    assert!(!reported(gcm, PY, "weak-cipher"), "{gcm}");

    // cryptography: `modes.CBC(iv)`.
    let hazmat = "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\n\ndef wrap(key):\n    vector = b'x' * 16\n    cipher = Cipher(algorithms.AES(key), modes.CBC(vector))\n    return cipher.encryptor()\n";
    assert!(reported_at(hazmat, PY, 5, "weak-cipher"), "{hazmat}");
    let safe = hazmat
        .replace("b'x' * 16", "os.urandom(16)")
        .replace("from crypto", "import os\nfrom crypto");
    assert!(!reported(&safe, PY, "weak-cipher"), "{safe}");
}

#[test]
fn a_short_dsa_key_is_weak_like_a_short_rsa_key() {
    let vulnerable =
        "from Crypto.PublicKey import DSA\n\ndef make_key():\n    return DSA.generate(1024)\n";
    assert!(
        reported_at(vulnerable, PY, 4, "weak-cipher"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace("1024", "2048");
    assert!(!reported(&safe, PY, "weak-cipher"), "{safe}");
}

#[test]
fn pbkdf2_with_a_salt_written_in_the_code_is_a_weak_password_hash() {
    let vulnerable = "from hashlib import pbkdf2_hmac\n\ndef derive(password):\n    return pbkdf2_hmac('sha256', password, b'static-salt-value', 100000)\n";
    assert!(
        reported_at(vulnerable, PY, 4, "weak-password-hash"),
        "{vulnerable}"
    );
    // Through a local.
    let local = vulnerable.replace(
        "    return pbkdf2_hmac('sha256', password, b'static-salt-value', 100000)",
        "    salt = b'static-salt-value'\n    return pbkdf2_hmac('sha256', password, salt, 100000)",
    );
    assert!(reported_at(&local, PY, 5, "weak-password-hash"), "{local}");
    // A salt drawn per password, or handed in by the caller.
    let fresh = local
        .replace("b'static-salt-value'", "os.urandom(16)")
        .replace("from hashlib", "import os\nfrom hashlib");
    assert!(!reported(&fresh, PY, "weak-password-hash"), "{fresh}");
    let given = "from hashlib import pbkdf2_hmac\n\ndef derive(password, salt):\n    return pbkdf2_hmac('sha256', password, salt, 100000)\n";
    assert!(!reported(given, PY, "weak-password-hash"), "{given}");
}

#[test]
fn the_stdlib_context_helper_does_not_verify_certificates() {
    let vulnerable = "import ssl\n\ndef context():\n    return ssl._create_stdlib_context()\n";
    assert!(
        reported_at(vulnerable, PY, 4, "tls-verification-disabled"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace(
        "ssl._create_stdlib_context()",
        "ssl.create_default_context()",
    );
    assert!(!reported(&safe, PY, "tls-verification-disabled"), "{safe}");
}

#[test]
fn python_jwt_process_jwt_reads_a_token_without_verifying_it() {
    let vulnerable = "import python_jwt as jwt\n\ndef claims(token):\n    header, payload = jwt.process_jwt(token)\n    return payload\n";
    assert!(
        reported_at(vulnerable, PY, 4, "jwt-verification"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace(
        "jwt.process_jwt(token)",
        "jwt.verify_jwt(token, public_key, ['RS256'])",
    );
    assert!(!reported(&safe, PY, "jwt-verification"), "{safe}");
    // Another library's `process_jwt` is not python_jwt's.
    let other = vulnerable.replace("import python_jwt as jwt", "import tokens as jwt");
    assert!(!reported(&other, PY, "jwt-verification"), "{other}");
}

#[test]
fn stripping_script_tags_with_a_regex_is_not_sanitizing() {
    let vulnerable = "import re\n\ndef clean(content):\n    return re.sub(r'<script.*?>.*?</script>', '', content, flags=re.DOTALL)\n";
    assert!(reported_at(vulnerable, PY, 4, "xss"), "{vulnerable}");
    let replace = "def clean(content):\n    return content.replace('<script>', '')\n";
    assert!(reported_at(replace, PY, 2, "xss"), "{replace}");
    for safe_line in [
        "    return html.escape(content)",
        "    return bleach.clean(content)",
        "    return re.sub(r'\\s+', ' ', content)",
    ] {
        let safe = vulnerable
            .replace(
                "    return re.sub(r'<script.*?>.*?</script>', '', content, flags=re.DOTALL)",
                safe_line,
            )
            .replace("import re\n", "import re\nimport html\nimport bleach\n");
        assert!(!reported(&safe, PY, "xss"), "{safe}");
    }
}

#[test]
fn a_dynamodb_filter_expression_built_from_input_is_a_query_injection() {
    let vulnerable = "import boto3\n\nclient = boto3.client('dynamodb')\n\ndef find(username, password):\n    return client.scan(\n        FilterExpression=username + ' = :u AND password = :p',\n        ExpressionAttributeValues={':u': {'S': username}, ':p': {'S': password}},\n        TableName='users',\n    )\n";
    assert!(reported(vulnerable, PY, "nosql-injection"), "{vulnerable}");
    // The values bound as attribute values, the expression constant.
    let safe = vulnerable.replace(
        "FilterExpression=username + ' = :u AND password = :p'",
        "FilterExpression='username = :u AND password = :p'",
    );
    assert!(!reported(&safe, PY, "nosql-injection"), "{safe}");
}

#[test]
fn xpath_injection_is_reported_as_a_query_logic_injection_too() {
    let vulnerable = "from flask import request\nfrom lxml import etree\n\ndef team(doc):\n    name = request.args.get('team')\n    return doc.xpath(\"/teams/team[name='\" + name + \"']/member/text()\")\n";
    let found = airlock_code::Analyzer::new().analyze(vulnerable, PY);
    let f = found
        .iter()
        .find(|f| f.rule_id == "xpath-injection")
        .expect("xpath-injection");
    assert_eq!(f.cwe, 643);
    // CWE-643 is a kind of CWE-943 (special elements in data query logic), as LDAP's CWE-90 is.
    for id in ["xpath-injection", "ldap-injection"] {
        let rule = airlock_code::Analyzer::new().rule(id).expect(id);
        assert!(rule.spec.also_cwe.contains(&943), "{id}");
    }
    let safe = vulnerable.replace(
        "doc.xpath(\"/teams/team[name='\" + name + \"']/member/text()\")",
        "doc.xpath(\"/teams/team[name=$n]/member/text()\", n=name)",
    );
    assert!(!reported(&safe, PY, "xpath-injection"), "{safe}");
}

#[test]
fn urlopen_of_a_url_from_input_can_read_local_files() {
    // urllib serves `file:` URLs: the URL names a path as much as a host.
    let vulnerable = "import json\nimport urllib.request as request\n\ndef read_json(url):\n    response = request.urlopen(url)\n    return json.loads(response.read())\n";
    assert!(
        reported_at(vulnerable, PY, 5, "path-traversal"),
        "{vulnerable}"
    );
    // The scheme checked first.
    let checked = vulnerable.replace(
        "    response = request.urlopen(url)\n",
        "    if not url.startswith('https://'):\n        raise ValueError(url)\n    response = request.urlopen(url)\n",
    );
    assert!(!reported(&checked, PY, "path-traversal"), "{checked}");
    let guarded = vulnerable.replace(
        "    response = request.urlopen(url)\n",
        "    if url.startswith('https://'):\n        response = request.urlopen(url)\n",
    );
    assert!(!reported(&guarded, PY, "path-traversal"), "{guarded}");
    // requests has no file scheme: that is a server-side request only.
    let requests = "import requests\n\ndef read_json(url):\n    return requests.get(url).json()\n";
    assert!(!reported(requests, PY, "path-traversal"), "{requests}");
    // A constant URL.
    let constant = vulnerable
        .replace("def read_json(url):", "def read_json():")
        .replace("urlopen(url)", "urlopen('https://example.com/data.json')");
    assert!(!reported(&constant, PY, "path-traversal"), "{constant}");
}

#[test]
fn an_http_server_handler_echoing_the_request_body_as_html_is_xss() {
    let vulnerable = "from http.server import BaseHTTPRequestHandler\n\nclass Echo(BaseHTTPRequestHandler):\n    def do_POST(self):\n        body = self.rfile.read(int(self.headers['Content-Length']))\n        self.send_response(200)\n        self.send_header('Content-Type', 'text/html')\n        self.end_headers()\n        self.wfile.write(body)\n";
    assert!(reported_at(vulnerable, PY, 9, "xss"), "{vulnerable}");
    // Escaped, or served as plain text.
    let escaped = vulnerable
        .replace(
            "self.wfile.write(body)",
            "self.wfile.write(html.escape(body.decode()).encode())",
        )
        .replace("from http", "import html\nfrom http");
    assert!(!reported(&escaped, PY, "xss"), "{escaped}");
    let plain = vulnerable.replace("'text/html'", "'text/plain'");
    assert!(!reported(&plain, PY, "xss"), "{plain}");
    // A constant page.
    let constant = vulnerable.replace("self.wfile.write(body)", "self.wfile.write(b'<p>ok</p>')");
    assert!(!reported(&constant, PY, "xss"), "{constant}");
    // Django's `request.read()` is the request body too.
    let django = "def reply(request):\n    data = request.read()\n    request.send_response(200)\n    request.send_header('Content-Type', 'text/html')\n    request.end_headers()\n    request.wfile.write(data)\n";
    assert!(reported_at(django, PY, 6, "xss"), "{django}");
}

#[test]
fn paramiko_accepting_unknown_host_keys_skips_server_verification() {
    let vulnerable = "import paramiko\n\ndef connect(host):\n    client = paramiko.SSHClient()\n    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n    client.connect(host, username='deploy')\n    return client\n";
    assert!(
        reported_at(vulnerable, PY, 5, "tls-verification-disabled"),
        "{vulnerable}"
    );
    let warning = vulnerable.replace("AutoAddPolicy", "WarningPolicy");
    assert!(
        reported_at(&warning, PY, 5, "tls-verification-disabled"),
        "{warning}"
    );
    let safe = vulnerable.replace(
        "    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n",
        "    client.load_system_host_keys()\n    client.set_missing_host_key_policy(paramiko.RejectPolicy())\n",
    );
    assert!(!reported(&safe, PY, "tls-verification-disabled"), "{safe}");
}

#[test]
fn a_mongo_where_clause_concatenating_a_quoted_value_is_injection() {
    // The literal ends in a quote inside the other quotes: `"... == '" + user + "'"`.
    let vulnerable = "from flask import request\n\ndef find(db):\n    user = request.json['user']\n    return db.users.find_one({'$where': \"this.name == '\" + user + \"'\"})\n";
    assert!(
        reported_at(vulnerable, PY, 5, "nosql-injection"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace(
        "{'$where': \"this.name == '\" + user + \"'\"}",
        "{'name': str(user)}",
    );
    assert!(!reported(&safe, PY, "nosql-injection"), "{safe}");
}

#[test]
fn a_response_body_given_by_keyword_is_the_page() {
    let vulnerable = "from fastapi import FastAPI\nfrom fastapi.responses import HTMLResponse\n\napp = FastAPI()\n\n@app.get('/hello')\ndef hello(name: str):\n    return HTMLResponse(content='<p>' + name + '</p>')\n";
    assert!(reported_at(vulnerable, PY, 8, "xss"), "{vulnerable}");
    let escaped = vulnerable
        .replace(
            "'<p>' + name + '</p>'",
            "'<p>' + html.escape(name) + '</p>'",
        )
        .replace(
            "from fastapi import FastAPI\n",
            "import html\nfrom fastapi import FastAPI\n",
        );
    assert!(!reported(&escaped, PY, "xss"), "{escaped}");
    // Another keyword is not the body.
    let status = "from fastapi import FastAPI\nfrom fastapi.responses import HTMLResponse\n\napp = FastAPI()\n\n@app.get('/hello')\ndef hello(code: int):\n    return HTMLResponse(content='<p>hello</p>', status_code=code)\n";
    assert!(!reported(status, PY, "xss"), "{status}");
}

#[test]
fn node_cipher_ivs_and_kdf_salts_written_in_the_code_are_weak() {
    let js = Language::JavaScript;
    let zero_iv = "const crypto = require('crypto');\nfunction seal(key, text) {\n  const iv = Buffer.alloc(16, 0);\n  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);\n  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');\n}\n";
    assert!(reported_at(zero_iv, js, 4, "weak-cipher"), "{zero_iv}");
    let inline = zero_iv.replace(
        "createCipheriv('aes-256-cbc', key, iv)",
        "createCipheriv('aes-256-cbc', key, Buffer.from('1234567890abcdef'))",
    );
    assert!(reported_at(&inline, js, 4, "weak-cipher"), "{inline}");
    let random = zero_iv.replace("Buffer.alloc(16, 0)", "crypto.randomBytes(16)");
    assert!(!reported(&random, js, "weak-cipher"), "{random}");
    let filled = zero_iv.replace(
        "  const iv = Buffer.alloc(16, 0);\n",
        "  const iv = Buffer.alloc(16);\n  crypto.randomFillSync(iv);\n",
    );
    assert!(!reported(&filled, js, "weak-cipher"), "{filled}");

    let salt = "const crypto = require('crypto');\nfunction hashPassword(password) {\n  return crypto.pbkdf2Sync(password, 'app-salt', 100000, 64, 'sha512');\n}\n";
    assert!(reported_at(salt, js, 3, "weak-password-hash"), "{salt}");
    let local = salt.replace(
        "  return crypto.pbkdf2Sync(password, 'app-salt', 100000, 64, 'sha512');\n",
        "  const salt = 'app-salt';\n  return crypto.scryptSync(password, salt, 64);\n",
    );
    assert!(reported_at(&local, js, 4, "weak-password-hash"), "{local}");
    let fresh = local.replace("'app-salt'", "crypto.randomBytes(16)");
    assert!(!reported(&fresh, js, "weak-password-hash"), "{fresh}");
}

#[test]
fn a_java_pbe_key_spec_with_a_salt_written_in_the_code_is_weak() {
    let java = Language::Java;
    let vulnerable = "import javax.crypto.*;\nimport javax.crypto.spec.*;\n\nclass Hasher {\n  byte[] hash(char[] password) throws Exception {\n    byte[] salt = \"fixedsalt\".getBytes();\n    PBEKeySpec spec = new PBEKeySpec(password, salt, 65536, 256);\n    return SecretKeyFactory.getInstance(\"PBKDF2WithHmacSHA256\").generateSecret(spec).getEncoded();\n  }\n}\n";
    assert!(
        reported_at(vulnerable, java, 7, "weak-password-hash"),
        "{vulnerable}"
    );
    let inline = vulnerable.replace(
        "new PBEKeySpec(password, salt, 65536, 256)",
        "new PBEKeySpec(password, \"fixedsalt\".getBytes(), 65536, 256)",
    );
    assert!(
        reported_at(&inline, java, 7, "weak-password-hash"),
        "{inline}"
    );
    let safe = vulnerable.replace(
        "    byte[] salt = \"fixedsalt\".getBytes();\n",
        "    byte[] salt = new byte[16];\n    new java.security.SecureRandom().nextBytes(salt);\n",
    );
    assert!(!reported(&safe, java, "weak-password-hash"), "{safe}");
}

#[test]
fn kdf_salts_written_in_the_code_in_go_csharp_php_and_ruby() {
    let cases = [
        (
            Language::Go,
            "package auth\n\nimport \"golang.org/x/crypto/pbkdf2\"\nimport \"crypto/sha256\"\n\nfunc Hash(pw []byte) []byte {\n\treturn pbkdf2.Key(pw, []byte(\"static-salt\"), 100000, 32, sha256.New)\n}\n",
            7,
            "[]byte(\"static-salt\")",
            "salt",
        ),
        (
            Language::CSharp,
            "using System.Security.Cryptography;\nusing System.Text;\nclass H {\n  byte[] Hash(string pw) {\n    using var kdf = new Rfc2898DeriveBytes(pw, Encoding.UTF8.GetBytes(\"static-salt\"), 100000, HashAlgorithmName.SHA256);\n    return kdf.GetBytes(32);\n  }\n}\n",
            5,
            "Encoding.UTF8.GetBytes(\"static-salt\")",
            "salt",
        ),
        (
            Language::Php,
            "<?php\nfunction hash_pw($pw) {\n    return hash_pbkdf2('sha256', $pw, 'static-salt', 100000);\n}\n",
            3,
            "'static-salt'",
            "$salt",
        ),
        (
            Language::Ruby,
            "require 'openssl'\ndef hash_pw(pw)\n  OpenSSL::PKCS5.pbkdf2_hmac(pw, 'static-salt', 100_000, 32, 'sha256')\nend\n",
            3,
            "'static-salt'",
            "salt",
        ),
    ];
    for (lang, vulnerable, line, literal, given) in cases {
        assert!(
            reported_at(vulnerable, lang, line, "weak-password-hash"),
            "{vulnerable}"
        );
        // A salt that arrives from elsewhere (drawn per password by the caller).
        let safe = vulnerable.replace(literal, given);
        assert!(!reported(&safe, lang, "weak-password-hash"), "{safe}");
    }
}
