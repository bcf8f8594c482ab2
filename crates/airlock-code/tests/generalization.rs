//! Behaviours added from held-out Go, Python and JavaScript material (issue 3): each as a
//! vulnerable/safe pair that differ in the one thing the behaviour is about.

use airlock_code::{Analyzer, Language};

use crate::support::{reported, reported_at};

#[test]
fn a_required_node_module_keeps_its_name_under_another_binding() {
    let vulnerable = "const store = require('fs');\napp.get('/f', (req, res) => {\n  store.readFile(req.query.name, (e, d) => res.end(d));\n});\n";
    assert!(
        reported_at(vulnerable, Language::JavaScript, 3, "path-traversal"),
        "{vulnerable}"
    );
    let safe = "const store = require('fs');\napp.get('/f', (req, res) => {\n  store.readFile('public/index.html', (e, d) => res.end(d));\n});\n";
    assert!(
        !reported(safe, Language::JavaScript, "path-traversal"),
        "{safe}"
    );
    // The same binding name for another module is not the file system.
    let other = "const store = require('./store');\napp.get('/f', (req, res) => {\n  store.readFile(req.query.name, (e, d) => res.end(d));\n});\n";
    assert!(
        !reported(other, Language::JavaScript, "path-traversal"),
        "{other}"
    );
}

#[test]
fn a_python_module_imported_under_another_name_keeps_its_name() {
    let vulnerable = "import os as o\nfrom flask import request\n\n@app.route('/run')\ndef run():\n    o.system('ls ' + request.args['dir'])\n";
    assert!(
        reported_at(vulnerable, Language::Python, 6, "command-injection"),
        "{vulnerable}"
    );
    let from_import = "from os import system as sh\nfrom flask import request\n\n@app.route('/run')\ndef run():\n    sh('ls ' + request.args['dir'])\n";
    assert!(
        reported_at(from_import, Language::Python, 6, "command-injection"),
        "{from_import}"
    );
    let safe = "import os as o\nfrom flask import request\n\n@app.route('/run')\ndef run():\n    o.listdir(request.args['dir'])\n";
    assert!(
        !reported(safe, Language::Python, "command-injection"),
        "{safe}"
    );
}

#[test]
fn a_closure_sees_what_its_enclosing_function_assigned() {
    let vulnerable = "package main\n\nimport (\n\t\"database/sql\"\n\t\"net/http\"\n)\n\nfunc handler(db *sql.DB, r *http.Request) {\n\tid := r.FormValue(\"id\")\n\tdel := func() {\n\t\tdb.Exec(\"DELETE FROM items WHERE id = \" + id)\n\t}\n\tdel()\n}\n";
    assert!(
        reported_at(vulnerable, Language::Go, 11, "sql-injection"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace("r.FormValue(\"id\")", "\"42\"");
    assert!(!reported(&safe, Language::Go, "sql-injection"), "{safe}");
    // A parameter of the closure (here a number) hides the outer variable.
    let shadowed = "package main\n\nimport (\n\t\"database/sql\"\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc handler(db *sql.DB, r *http.Request) {\n\tid := r.FormValue(\"id\")\n\tdel := func(id int) {\n\t\tdb.Exec(\"DELETE FROM items WHERE id = \" + fmt.Sprint(id))\n\t}\n\tdel(42)\n\t_ = id\n}\n";
    assert!(
        !reported(shadowed, Language::Go, "sql-injection"),
        "{shadowed}"
    );
}

#[test]
fn go_json_encoding_escapes_html() {
    let vulnerable = "package main\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tname := r.FormValue(\"name\")\n\tw.Write([]byte(name))\n}\n";
    assert!(reported(vulnerable, Language::Go, "xss"), "{vulnerable}");
    let safe = "package main\n\nimport (\n\t\"encoding/json\"\n\t\"net/http\"\n)\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tname := r.FormValue(\"name\")\n\tout, _ := json.Marshal(name)\n\tw.Write(out)\n}\n";
    assert!(!reported(safe, Language::Go, "xss"), "{safe}");
}

#[test]
fn lib_pq_quoting_makes_an_identifier_safe() {
    let vulnerable = "package main\n\nimport (\n\t\"database/sql\"\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc h(db *sql.DB, r *http.Request) {\n\tq := fmt.Sprintf(\"SELECT * FROM %s\", r.FormValue(\"t\"))\n\tdb.Query(q)\n}\n";
    assert!(
        reported(vulnerable, Language::Go, "sql-injection"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace(
        "r.FormValue(\"t\")",
        "pq.QuoteIdentifier(r.FormValue(\"t\"))",
    );
    assert!(!reported(&safe, Language::Go, "sql-injection"), "{safe}");
}

#[test]
fn a_logging_config_listener_needs_a_verify_callback() {
    let vulnerable =
        "import logging.config\n\nthread = logging.config.listen(9030)\nthread.start()\n";
    assert!(
        reported_at(vulnerable, Language::Python, 3, "code-injection"),
        "{vulnerable}"
    );
    let safe = "import logging.config\n\nthread = logging.config.listen(9030, verify=check_signature)\nthread.start()\n";
    assert!(
        !reported(safe, Language::Python, "code-injection"),
        "{safe}"
    );
}

#[test]
fn code_run_in_a_vm2_or_sandbox_instance_is_code_injection() {
    let vulnerable = "const { NodeVM } = require('vm2');\napp.get('/calc', (req, res) => {\n  const vm = new NodeVM({ timeout: 1000 });\n  res.send(String(vm.run('module.exports = ' + req.query.expr)));\n});\n";
    assert!(
        reported_at(vulnerable, Language::JavaScript, 4, "code-injection"),
        "{vulnerable}"
    );
    let safe = "const { NodeVM } = require('vm2');\napp.get('/calc', (req, res) => {\n  const vm = new NodeVM({ timeout: 1000 });\n  res.send(String(vm.run('module.exports = 6 * 7')));\n});\n";
    assert!(
        !reported(safe, Language::JavaScript, "code-injection"),
        "{safe}"
    );
    // `run` on something that is not a sandbox is not evaluation.
    let other = "app.get('/job', (req, res) => {\n  const job = scheduler.create();\n  job.run(req.query.name);\n});\n";
    assert!(
        !reported(other, Language::JavaScript, "code-injection"),
        "{other}"
    );
}

#[test]
fn pseudo_random_bytes_is_never_a_secure_source() {
    let vulnerable =
        "const crypto = require('crypto');\nconst salt = crypto.pseudoRandomBytes(16);\n";
    assert!(
        reported(vulnerable, Language::JavaScript, "insecure-random"),
        "{vulnerable}"
    );
    let safe = "const crypto = require('crypto');\nconst salt = crypto.randomBytes(16);\n";
    assert!(
        !reported(safe, Language::JavaScript, "insecure-random"),
        "{safe}"
    );
}

#[test]
fn javascript_templates_compiled_without_escaping() {
    let vulnerable = "const page = Handlebars.compile(source, { noEscape: true });\n";
    assert!(
        reported(vulnerable, Language::JavaScript, "xss"),
        "{vulnerable}"
    );
    let safe = "const page = Handlebars.compile(source, { noEscape: false });\n";
    assert!(!reported(safe, Language::JavaScript, "xss"), "{safe}");
}

#[test]
fn a_password_compared_with_a_literal_is_hard_coded() {
    let vulnerable = "package main\n\nfunc login(password string) bool {\n\treturn password == \"Winter2024!admin\"\n}\n";
    assert!(
        reported(vulnerable, Language::Go, "hardcoded-credential"),
        "{vulnerable}"
    );
    let safe = "package main\n\nfunc login(password string, stored string) bool {\n\treturn password == stored\n}\n";
    assert!(
        !reported(safe, Language::Go, "hardcoded-credential"),
        "{safe}"
    );
    let empty_check =
        "def login(password):\n    if password == '':\n        raise ValueError('empty')\n";
    assert!(
        !reported(empty_check, Language::Python, "hardcoded-credential"),
        "{empty_check}"
    );
}

#[test]
fn a_bearer_token_literal_is_hard_coded() {
    let vulnerable = "const headers = { Authorization: 'Bearer q8Zt3vLw0pXy7RkA2mNc' };\n";
    assert!(
        reported(vulnerable, Language::JavaScript, "hardcoded-credential"),
        "{vulnerable}"
    );
    let safe = "const headers = { Authorization: 'Bearer ' + process.env.API_TOKEN };\n";
    assert!(
        !reported(safe, Language::JavaScript, "hardcoded-credential"),
        "{safe}"
    );
}

#[test]
fn serving_the_file_system_root_over_http() {
    let vulnerable = "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.Handle(\"/\", http.FileServer(http.Dir(\"/\")))\n}\n";
    assert!(
        reported(vulnerable, Language::Go, "path-traversal"),
        "{vulnerable}"
    );
    let safe = "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.Handle(\"/\", http.FileServer(http.Dir(\"./public\")))\n}\n";
    assert!(!reported(safe, Language::Go, "path-traversal"), "{safe}");
}

#[test]
fn a_go_format_verb_that_prints_digits_carries_no_text() {
    let vulnerable = "package main\n\nimport (\n\t\"database/sql\"\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc h(db *sql.DB, r *http.Request) {\n\tq := fmt.Sprintf(\"SELECT * FROM t WHERE a = %d AND b = '%s'\", 1, r.FormValue(\"b\"))\n\tdb.Query(q)\n}\n";
    assert!(
        reported(vulnerable, Language::Go, "sql-injection"),
        "{vulnerable}"
    );
    let safe = "package main\n\nimport (\n\t\"database/sql\"\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc h(db *sql.DB, r *http.Request) {\n\tq := fmt.Sprintf(\"SELECT * FROM t WHERE a = '%s' AND b = %d\", \"x\", r.FormValue(\"b\"))\n\tdb.Query(q)\n}\n";
    assert!(!reported(safe, Language::Go, "sql-injection"), "{safe}");
}

#[test]
fn an_object_built_empty_carries_what_its_fields_were_given() {
    let vulnerable = "package main\n\nimport (\n\t\"database/sql\"\n\t\"net/http\"\n)\n\ntype Filter struct {\n\tColumn string\n}\n\nfunc newFilter(col string) *Filter {\n\tf := &Filter{}\n\tf.Column = col\n\treturn f\n}\n\nfunc h(db *sql.DB, r *http.Request) {\n\tflt := newFilter(r.FormValue(\"sort\"))\n\tdb.Query(\"SELECT * FROM items ORDER BY \" + flt.Column)\n}\n";
    assert!(
        reported_at(vulnerable, Language::Go, 20, "sql-injection"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace("f.Column = col", "f.Column = \"name\"");
    assert!(!reported(&safe, Language::Go, "sql-injection"), "{safe}");
}

#[test]
fn a_go_cipher_given_a_literal_iv_or_nonce() {
    let vulnerable = "package main\n\nimport (\n\t\"crypto/aes\"\n\t\"crypto/cipher\"\n)\n\nfunc seal(key, msg []byte) []byte {\n\tblock, _ := aes.NewCipher(key)\n\tgcm, _ := cipher.NewGCM(block)\n\treturn gcm.Seal(nil, []byte(\"fixed-nonce!\"), msg, nil)\n}\n";
    assert!(
        reported_at(vulnerable, Language::Go, 11, "weak-cipher"),
        "{vulnerable}"
    );
    let stream = "package main\n\nimport (\n\t\"crypto/aes\"\n\t\"crypto/cipher\"\n)\n\nfunc enc(key, msg []byte) {\n\tblock, _ := aes.NewCipher(key)\n\ts := cipher.NewCTR(block, []byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})\n\ts.XORKeyStream(msg, msg)\n}\n";
    assert!(
        reported_at(stream, Language::Go, 10, "weak-cipher"),
        "{stream}"
    );
    let safe = "package main\n\nimport (\n\t\"crypto/aes\"\n\t\"crypto/cipher\"\n\t\"crypto/rand\"\n)\n\nfunc seal(key, msg []byte) []byte {\n\tblock, _ := aes.NewCipher(key)\n\tgcm, _ := cipher.NewGCM(block)\n\tnonce := make([]byte, gcm.NonceSize())\n\trand.Read(nonce)\n\treturn gcm.Seal(nonce, nonce, msg, nil)\n}\n";
    assert!(!reported(safe, Language::Go, "weak-cipher"), "{safe}");
}

#[test]
fn an_iv_or_nonce_variable_given_a_literal() {
    let vulnerable = "package main\n\nimport (\n\t\"crypto/aes\"\n\t\"crypto/cipher\"\n)\n\nvar nonce = []byte(\"fixed-nonce!\")\n\nfunc seal(key, msg []byte) []byte {\n\tblock, _ := aes.NewCipher(key)\n\tgcm, _ := cipher.NewGCM(block)\n\treturn gcm.Seal(nil, nonce, msg, nil)\n}\n";
    assert!(
        reported_at(vulnerable, Language::Go, 8, "weak-cipher"),
        "{vulnerable}"
    );
    // Made empty and filled from crypto/rand before use: not a literal, not zeros.
    let safe = vulnerable
        .replace(
            "var nonce = []byte(\"fixed-nonce!\")",
            "var nonce = make([]byte, 12)",
        )
        .replace("\treturn gcm.Seal", "\trand.Read(nonce)\n\treturn gcm.Seal");
    assert!(!reported(&safe, Language::Go, "weak-cipher"), "{safe}");
    let python = "from Crypto.Cipher import AES\n\niv = b'0000000000000000'\ncipher = AES.new(key, AES.MODE_CBC, iv)\n";
    assert!(
        reported_at(python, Language::Python, 3, "weak-cipher"),
        "{python}"
    );
    let python_safe = "import os\nfrom Crypto.Cipher import AES\n\niv = os.urandom(16)\ncipher = AES.new(key, AES.MODE_CBC, iv)\n";
    assert!(
        !reported(python_safe, Language::Python, "weak-cipher"),
        "{python_safe}"
    );
}

#[test]
fn arguments_of_a_prepared_statement_are_bound() {
    let safe = "package main\n\nimport (\n\t\"database/sql\"\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc h(db *sql.DB, r *http.Request) {\n\tstmt, _ := db.Prepare(\"SELECT name FROM users WHERE id = ?\")\n\tstmt.QueryRow(fmt.Sprintf(\"%s\", r.FormValue(\"id\")))\n}\n";
    assert!(!reported(safe, Language::Go, "sql-injection"), "{safe}");
    let vulnerable = "package main\n\nimport (\n\t\"database/sql\"\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc h(db *sql.DB, r *http.Request) {\n\ttx, _ := db.Begin()\n\ttx.QueryRow(fmt.Sprintf(\"SELECT name FROM users WHERE id = '%s'\", r.FormValue(\"id\")))\n}\n";
    assert!(
        reported_at(vulnerable, Language::Go, 11, "sql-injection"),
        "{vulnerable}"
    );
}

#[test]
fn a_pattern_rule_sees_a_call_through_a_module_alias() {
    let vulnerable = "import pickle as pkl\n\ndef restore(blob):\n    return pkl.loads(blob)\n";
    assert!(
        reported_at(vulnerable, Language::Python, 4, "unsafe-deserialization"),
        "{vulnerable}"
    );
    let safe = "import json as pkl\n\ndef restore(blob):\n    return pkl.loads(blob)\n";
    assert!(
        !reported(safe, Language::Python, "unsafe-deserialization"),
        "{safe}"
    );
}

#[test]
fn deserializing_a_literal_written_in_the_code_is_not_reported() {
    let vulnerable = "import pickle\n\ndef restore(blob):\n    return pickle.loads(blob)\n";
    assert!(
        reported_at(vulnerable, Language::Python, 4, "unsafe-deserialization"),
        "{vulnerable}"
    );
    let safe = "import pickle\n\ndef restore():\n    return pickle.loads(b\"cached\")\n";
    assert!(
        !reported(safe, Language::Python, "unsafe-deserialization"),
        "{safe}"
    );
}

fn severity_at(src: &str, lang: Language, line: usize, rule: &str) -> Option<String> {
    Analyzer::new()
        .analyze(src, lang)
        .into_iter()
        .find(|f| f.line == line && f.rule_id == rule)
        .map(|f| f.severity.as_str().to_string())
}

#[test]
fn a_weak_generator_with_no_purpose_in_sight_is_reported_at_low_severity() {
    // Next to a token: high severity, as before.
    let token = "import random\ndef make_token():\n    return str(random.getrandbits(64))\n";
    assert_eq!(
        severity_at(token, Language::Python, 3, "insecure-random").as_deref(),
        Some("high"),
        "{token}"
    );
    // Nothing says what the number is for: still worth a look, at low severity.
    let bare = "import random\nvalue = random.random()\nprint(value)\n";
    assert_eq!(
        severity_at(bare, Language::Python, 2, "insecure-random").as_deref(),
        Some("low"),
        "{bare}"
    );
    let c = "int f(void) {\n    return rand();\n}\n";
    assert_eq!(
        severity_at(c, Language::C, 2, "insecure-random").as_deref(),
        Some("low"),
        "{c}"
    );
    // A use that is plainly not security stays quiet.
    for quiet in [
        "import random, time\ndef backoff(attempt):\n    time.sleep(2 ** attempt + random.random())\n",
        "import random\ndef pick_song(songs):\n    return random.choice(songs)\n",
    ] {
        assert!(
            !reported(quiet, Language::Python, "insecure-random"),
            "{quiet}"
        );
    }
    // The cryptographic generator is never reported.
    let good = "import secrets\nvalue = secrets.randbelow(100)\nprint(value)\n";
    assert!(
        !reported(good, Language::Python, "insecure-random"),
        "{good}"
    );
}

#[test]
fn go_package_aliases_name_the_standard_package() {
    // `math/rand` under another name is still math/rand ...
    let aliased = "package main\n\nimport (\n\tmrand \"math/rand\"\n)\n\nfunc main() {\n\tprintln(mrand.Int31())\n}\n";
    assert!(
        reported_at(aliased, Language::Go, 8, "insecure-random"),
        "{aliased}"
    );
    // ... and `rand` is crypto/rand when that is imported under its own name.
    let both = "package main\n\nimport (\n\t\"crypto/rand\"\n\tmrand \"math/rand\"\n)\n\nfunc main() {\n\tb := make([]byte, 16)\n\trand.Read(b)\n\tprintln(mrand.Intn(6))\n}\n";
    assert!(
        !reported_at(both, Language::Go, 10, "insecure-random"),
        "{both}"
    );
    assert!(
        reported_at(both, Language::Go, 11, "insecure-random"),
        "{both}"
    );
    // A generator made from a seed is the weak generator too.
    let seeded = "package main\n\nimport \"math/rand\"\n\nfunc main() {\n\tgen := rand.New(rand.NewSource(10))\n\tprintln(gen.Int())\n}\n";
    assert!(
        reported_at(seeded, Language::Go, 6, "insecure-random"),
        "{seeded}"
    );
    // A package outside the standard library keeps the name it is imported under.
    let execabs = "package main\n\nimport (\n\t\"os\"\n\texec \"golang.org/x/sys/execabs\"\n)\n\nfunc main() {\n\texec.Command(os.Args[1]).Run()\n}\n";
    let plain = "package main\n\nimport (\n\t\"os\"\n\t\"os/exec\"\n)\n\nfunc main() {\n\texec.Command(os.Args[1]).Run()\n}\n";
    assert_eq!(
        reported(execabs, Language::Go, "command-injection"),
        reported(plain, Language::Go, "command-injection"),
        "{execabs}"
    );
}

#[test]
fn commons_codec_digest_getters_and_php_legacy_hashing() {
    let java = "byte[] d = DigestUtils.getMd5Digest().digest(data);\n";
    assert!(reported(java, Language::Java, "weak-hash"), "{java}");
    let java_good = "byte[] d = DigestUtils.getSha256Digest().digest(data);\n";
    assert!(
        !reported(java_good, Language::Java, "weak-hash"),
        "{java_good}"
    );
    // `crypt` without a salt falls back to a weak scheme.
    let php = "<?php\n$hashed_password = crypt($password);\n";
    assert!(reported(php, Language::Php, "weak-password-hash"), "{php}");
    let php_good = "<?php\n$hashed_password = password_hash($password, PASSWORD_ARGON2ID);\n";
    assert!(
        !reported(php_good, Language::Php, "weak-password-hash"),
        "{php_good}"
    );
    let rot = "<?php\n$stored = str_rot13($card_number);\n";
    assert!(reported(rot, Language::Php, "weak-cipher"), "{rot}");
}

#[test]
fn go_tls_minimum_of_zero_and_static_rsa_suites_are_weak() {
    let zero = "package main\n\nimport \"crypto/tls\"\n\nfunc cfg() *tls.Config {\n\treturn &tls.Config{MinVersion: 0}\n}\n";
    assert!(reported_at(zero, Language::Go, 6, "weak-cipher"), "{zero}");
    let twelve = "package main\n\nimport \"crypto/tls\"\n\nfunc cfg() *tls.Config {\n\treturn &tls.Config{MinVersion: tls.VersionTLS12}\n}\n";
    assert!(!reported(twelve, Language::Go, "weak-cipher"), "{twelve}");
    let rsa = "package main\n\nimport \"crypto/tls\"\n\nvar suites = []uint16{\n\ttls.TLS_RSA_WITH_AES_128_GCM_SHA256,\n}\n";
    assert!(reported_at(rsa, Language::Go, 6, "weak-cipher"), "{rsa}");
    let ecdhe = "package main\n\nimport \"crypto/tls\"\n\nvar suites = []uint16{\n\ttls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,\n}\n";
    assert!(!reported(ecdhe, Language::Go, "weak-cipher"), "{ecdhe}");
}

#[test]
fn a_dictionary_word_is_a_password_but_a_field_name_is_not() {
    // A plain word is still a password when one is assigned or compared.
    let compare = "def check_admin(password):\n    return password == \"admin\"\n";
    assert!(
        reported_at(compare, Language::Python, 2, "hardcoded-credential"),
        "{compare}"
    );
    let assign = "def connect():\n    password = \"letmein\"\n    return db.connect(user=\"app\", password=password)\n";
    assert!(
        reported_at(assign, Language::Python, 2, "hardcoded-credential"),
        "{assign}"
    );
    // Names of other fields, modes and constants are not passwords.
    for quiet in [
        "FIELDS = {\"password\": \"controller_password\"}\n",
        "FIELDS = {\"proxy_passwd\": \"ProxyPasswd\"}\n",
        "MAP = {\"password\": \"authPassword\"}\n",
        "def sync(update_password):\n    return update_password == \"always\"\n",
        "password = \"API_PASSWORD\"\n",
    ] {
        assert!(
            !reported(quiet, Language::Python, "hardcoded-credential"),
            "{quiet}"
        );
    }
}

#[test]
fn documentation_placeholders_are_not_hard_coded_credentials() {
    // The twins: a real-looking value is reported, its documentation placeholder is not.
    let key = "client = AI21Client(api_key=\"9fQm7vXc2LpR9sKd4TzWW8nHb3Jy6Gf1A\")\n";
    assert!(
        reported(key, Language::Python, "hardcoded-credential"),
        "{key}"
    );
    let url = "const PROD_API = \"https://apiuser:r3alP4ssw0rd@api.airlock-fixture.dev/v2\";\n";
    assert!(
        reported(url, Language::JavaScript, "hardcoded-credential"),
        "{url}"
    );
    for quiet in [
        "client = AI21Client(api_key=\"your-api-key\")\n",
        "client = Cerebras(api_key=\"csk-xxxx\")\n",
    ] {
        assert!(
            !reported(quiet, Language::Python, "hardcoded-credential"),
            "{quiet}"
        );
    }
    for quiet in [
        "const DOC_URL = \"https://YOUR_USERNAME:YOUR_PASSWORD@api.service.com\";\n",
        "const GUIDE = \"mysql://admin:REPLACE_WITH_PASSWORD@mysql.server.com:3306/db\";\n",
        "const GUIDE_URL = \"https://username:mypassword@test.com/endpoint\";\n",
        "const SHORT_URL = \"https://user:abc@api.com/v1\";\n",
    ] {
        assert!(
            !reported(quiet, Language::JavaScript, "hardcoded-credential"),
            "{quiet}"
        );
    }
}

#[test]
fn python_tls_helpers_that_check_nothing_by_default() {
    let wrap = "import socket, ssl\n\ndef connect(host, port):\n    s = ssl.wrap_socket(socket.socket())\n    s.connect((host, port))\n    return s\n";
    assert!(
        reported_at(wrap, Language::Python, 4, "weak-cipher"),
        "{wrap}"
    );
    let context = "import socket, ssl\n\ndef connect(host, port):\n    ctx = ssl.create_default_context()\n    s = ctx.wrap_socket(socket.socket(), server_hostname=host)\n    s.connect((host, port))\n    return s\n";
    assert!(
        !reported(context, Language::Python, "weak-cipher"),
        "{context}"
    );
    let bare = "from OpenSSL import SSL\n\ndef get_context():\n    return SSL.Context(SSL.TLS_CLIENT_METHOD)\n";
    assert!(
        reported_at(bare, Language::Python, 4, "tls-verification-disabled"),
        "{bare}"
    );
    let verified = "from OpenSSL import SSL\n\ndef get_context():\n    ctx = SSL.Context(SSL.TLS_CLIENT_METHOD)\n    ctx.set_verify(SSL.VERIFY_PEER, lambda *a: a[-1])\n    return ctx\n";
    assert!(
        !reported(verified, Language::Python, "tls-verification-disabled"),
        "{verified}"
    );
}

#[test]
fn a_function_imported_by_name_from_a_dangerous_module_keeps_its_module() {
    let pickle = "from pickle import loads\nfrom flask import request\n\n@app.route('/load')\ndef load():\n    return loads(request.data)\n";
    assert!(
        reported_at(pickle, Language::Python, 6, "unsafe-deserialization"),
        "{pickle}"
    );
    let json = "from json import loads\nfrom flask import request\n\n@app.route('/load')\ndef load():\n    return loads(request.data)\n";
    assert!(
        !reported(json, Language::Python, "unsafe-deserialization"),
        "{json}"
    );
    // `from random import random` next to `import random` leaves `random.choice` alone.
    let both = "import random\nfrom random import random\n\ndef make_token():\n    return random.choice('abcdef0123456789')\n";
    assert!(
        reported_at(both, Language::Python, 5, "insecure-random"),
        "{both}"
    );
}

#[test]
fn a_go_nonce_that_is_never_filled_is_all_zeros() {
    let zero = "package main\n\nimport (\n\t\"crypto/aes\"\n\t\"crypto/cipher\"\n)\n\nfunc seal(key, msg []byte) []byte {\n\tblock, _ := aes.NewCipher(key)\n\tgcm, _ := cipher.NewGCM(block)\n\tnonce := make([]byte, gcm.NonceSize())\n\treturn gcm.Seal(nonce, nonce, msg, nil)\n}\n";
    assert!(reported_at(zero, Language::Go, 11, "weak-cipher"), "{zero}");
    let filled = "package main\n\nimport (\n\t\"crypto/aes\"\n\t\"crypto/cipher\"\n\t\"crypto/rand\"\n\t\"io\"\n)\n\nfunc seal(key, msg []byte) []byte {\n\tblock, _ := aes.NewCipher(key)\n\tgcm, _ := cipher.NewGCM(block)\n\tnonce := make([]byte, gcm.NonceSize())\n\tif _, err := io.ReadFull(rand.Reader, nonce); err != nil {\n\t\tpanic(err)\n\t}\n\treturn gcm.Seal(nonce, nonce, msg, nil)\n}\n";
    assert!(!reported(filled, Language::Go, "weak-cipher"), "{filled}");
}

#[test]
fn php_includes_a_file_named_by_session_or_server_data() {
    let session = "<?php\ninclude($_SESSION['page']);\n";
    assert!(
        reported_at(session, Language::Php, 2, "path-traversal"),
        "{session}"
    );
    let constant = "<?php\ninclude('templates/header.php');\n";
    assert!(
        !reported(constant, Language::Php, "path-traversal"),
        "{constant}"
    );
}

#[test]
fn go_environment_reads_are_local_sources() {
    // The environment in a shell command line is injection in Go as in the other languages.
    let env = "package main\n\nimport (\n\t\"os\"\n\t\"os/exec\"\n)\n\nfunc main() {\n\td := os.Getenv(\"DIR\")\n\texec.Command(\"sh\", \"-c\", \"ls \"+d).Run()\n}\n";
    assert!(
        reported_at(env, Language::Go, 10, "command-injection"),
        "{env}"
    );
    let looked_up = "package main\n\nimport (\n\t\"os\"\n\t\"os/exec\"\n)\n\nfunc main() {\n\td, _ := os.LookupEnv(\"DIR\")\n\texec.Command(\"bash\", \"-c\", \"ls \"+d).Run()\n}\n";
    assert!(
        reported_at(looked_up, Language::Go, 10, "command-injection"),
        "{looked_up}"
    );
    let constant = "package main\n\nimport (\n\t\"os\"\n\t\"os/exec\"\n)\n\nfunc main() {\n\t_ = os.Getenv(\"DIR\")\n\td := \"/srv\"\n\texec.Command(\"sh\", \"-c\", \"ls \"+d).Run()\n}\n";
    assert!(
        !reported(constant, Language::Go, "command-injection"),
        "{constant}"
    );
    // The environment naming the program to run is reported as argv is.
    let program = "package main\n\nimport (\n\t\"os\"\n\t\"os/exec\"\n)\n\nfunc main() {\n\texec.Command(os.Getenv(\"TOOL\"), \"5\").Run()\n}\n";
    let argv = program.replace("os.Getenv(\"TOOL\")", "os.Args[1]");
    assert!(
        reported(program, Language::Go, "command-injection"),
        "{program}"
    );
    assert!(reported(&argv, Language::Go, "command-injection"), "{argv}");
}

#[test]
fn a_path_built_then_checked_against_its_base_is_not_traversal() {
    let checked = "class D extends HttpServlet {\n    static final Path ROOT = Paths.get(\"/srv/files\").toAbsolutePath().normalize();\n    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {\n        Path p = ROOT.resolve(req.getParameter(\"f\")).normalize();\n        if (!p.startsWith(ROOT)) {\n            resp.sendError(403);\n            return;\n        }\n        resp.getOutputStream().write(Files.readAllBytes(p));\n    }\n}\n";
    assert!(
        !reported(checked, Language::Java, "path-traversal"),
        "{checked}"
    );
    let unchecked = checked.replace(
        "        if (!p.startsWith(ROOT)) {\n            resp.sendError(403);\n            return;\n        }\n",
        "",
    );
    assert!(
        reported(&unchecked, Language::Java, "path-traversal"),
        "{unchecked}"
    );
    // A check on another variable does not cover this one.
    let other = checked.replace("if (!p.startsWith(ROOT))", "if (!q.startsWith(ROOT))");
    assert!(
        reported(&other, Language::Java, "path-traversal"),
        "{other}"
    );
    // A use before the check is not covered by it.
    let early = checked.replace(
        "        Path p = ROOT.resolve(req.getParameter(\"f\")).normalize();\n",
        "        Path p = ROOT.resolve(req.getParameter(\"f\"));\n        Files.delete(p);\n        p = p.normalize();\n",
    );
    assert!(
        reported(&early, Language::Java, "path-traversal"),
        "{early}"
    );
    // Normalizing (Unicode or `..` folding) keeps a path's taint: only a check decides.
    let normalized = "class N extends HttpServlet {\n    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {\n        String name = Normalizer.normalize(req.getParameter(\"f\"), Normalizer.Form.NFKC);\n        FileInputStream in = new FileInputStream(\"/srv/files/\" + name);\n    }\n}\n";
    assert!(
        reported(normalized, Language::Java, "path-traversal"),
        "{normalized}"
    );
    let py = "from pathlib import Path\nfrom flask import request, abort\n\nBASE = Path(\"/srv/files\").resolve()\n\n@app.route(\"/f\")\ndef f():\n    p = Path(BASE, request.args[\"name\"]).resolve()\n    if not p.is_relative_to(BASE):\n        abort(403)\n    return p.read_text()\n";
    assert!(!reported(py, Language::Python, "path-traversal"), "{py}");
    let py_bad = py.replace(
        "    if not p.is_relative_to(BASE):\n        abort(403)\n",
        "",
    );
    assert!(
        reported(&py_bad, Language::Python, "path-traversal"),
        "{py_bad}"
    );
}

#[test]
fn a_secure_random_field_is_not_the_weak_generator() {
    let java = "import java.security.SecureRandom;\nimport java.util.Random;\n\nclass T {\n    private final SecureRandom random = new SecureRandom();\n\n    byte[] token() {\n        byte[] token = new byte[32];\n        random.nextBytes(token);\n        return token;\n    }\n\n    int delayMillis() {\n        return 100 + weakRandom.nextInt(50);\n    }\n\n    // Backoff only.\n    private final Random weakRandom = new Random();\n}\n";
    assert!(
        !reported_at(java, Language::Java, 9, "insecure-random"),
        "{java}"
    );
    let weak = java.replace("random.nextBytes(token)", "weakRandom.nextBytes(token)");
    assert!(
        reported_at(&weak, Language::Java, 9, "insecure-random"),
        "{weak}"
    );
    let kotlin = "import java.security.SecureRandom\n\nval rng = SecureRandom()\nval other = java.util.Random()\n\nfun sessionToken(): Long = rng.nextLong()\n";
    assert!(
        !reported_at(kotlin, Language::Kotlin, 6, "insecure-random"),
        "{kotlin}"
    );
}

#[test]
fn a_php_include_of_a_base_name_is_not_traversal() {
    let safe = "<?php\n$page = basename($_GET['page']);\ninclude __DIR__ . \"/pages/\" . $page . \".php\";\n";
    assert!(!reported(safe, Language::Php, "path-traversal"), "{safe}");
    let bad = safe.replace("basename($_GET['page'])", "$_GET['page']");
    assert!(reported(&bad, Language::Php, "path-traversal"), "{bad}");
    // Another variable reduced to a base name does not cover this one.
    let other = "<?php\n$name = basename($_GET['name']);\n$page = $_GET['page'];\ninclude __DIR__ . \"/pages/\" . $page . \".php\";\n";
    assert!(reported(other, Language::Php, "path-traversal"), "{other}");
}

#[test]
fn a_fast_hash_beside_a_password_is_not_a_password_hash_when_the_line_says_etag() {
    let php = "<?php\n$hash = password_hash($_POST['password'], PASSWORD_DEFAULT);\n$token = bin2hex(random_bytes(32));\n$etag = md5($content);\n";
    assert!(!reported(php, Language::Php, "weak-password-hash"), "{php}");
    // The line itself hashing the password is reported whatever else it says.
    let bad = "<?php\n$cache_key = md5($_POST['password']);\n";
    assert!(reported(bad, Language::Php, "weak-password-hash"), "{bad}");
    let cs = "class C {\n    IActionResult Login(string user) {\n        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));\n        var delay = new Random().Next(100, 200);\n        return Ok(token);\n    }\n}\n";
    assert!(
        !reported_at(cs, Language::CSharp, 4, "insecure-random"),
        "{cs}"
    );
    let cs_bad = cs.replace(
        "var delay = new Random().Next(100, 200)",
        "var sessionId = new Random().Next()",
    );
    assert!(
        reported_at(&cs_bad, Language::CSharp, 4, "insecure-random"),
        "{cs_bad}"
    );
}

// ---- From the CWEval held-out set (LLM benchmark tasks, secure and insecure twins) ----

#[test]
fn requests_told_verify_zero_checks_no_certificate() {
    let vulnerable =
        "import requests\n\ndef fetch(address):\n    return requests.get(address, verify=0)\n";
    assert!(
        reported_at(vulnerable, Language::Python, 4, "tls-verification-disabled"),
        "{vulnerable}"
    );
    let safe =
        "import requests\n\ndef fetch(address):\n    return requests.get(address, timeout=10)\n";
    assert!(
        !reported(safe, Language::Python, "tls-verification-disabled"),
        "{safe}"
    );
}

#[test]
fn a_salt_written_in_the_code_is_one_salt_for_every_password() {
    // Python: zero bytes repeated, the password passed through a call.
    let py = "import hashlib, os\n\ndef derive(secret):\n    pepper = b'\\x11' * 24\n    return hashlib.pbkdf2_hmac('sha512', secret.encode('utf-8'), pepper, 200000)\n";
    assert!(
        reported_at(py, Language::Python, 5, "weak-password-hash"),
        "{py}"
    );
    let py_safe = py.replace("b'\\x11' * 24", "os.urandom(24)");
    assert!(
        !reported(&py_safe, Language::Python, "weak-password-hash"),
        "{py_safe}"
    );
    // JavaScript: a hex string decoded into a buffer.
    let js = "const crypto = require('crypto');\nfunction derive(secret) {\n  const pepper = Buffer.from('00112233445566778899aabbccddeeff', 'hex');\n  return crypto.pbkdf2Sync(secret, pepper, 200000, 64, 'sha512');\n}\n";
    assert!(
        reported_at(js, Language::JavaScript, 4, "weak-password-hash"),
        "{js}"
    );
    let js_safe = js.replace(
        "Buffer.from('00112233445566778899aabbccddeeff', 'hex')",
        "crypto.randomBytes(16)",
    );
    assert!(
        !reported(&js_safe, Language::JavaScript, "weak-password-hash"),
        "{js_safe}"
    );
    // Go: a byte slice literal.
    let go = "package main\n\nimport (\n\t\"crypto/sha512\"\n\n\t\"golang.org/x/crypto/pbkdf2\"\n)\n\nfunc derive(secret string) []byte {\n\tpepper := []byte{0x10, 0x20, 0x30, 0x40}\n\treturn pbkdf2.Key([]byte(secret), pepper, 200000, 64, sha512.New)\n}\n";
    assert!(
        reported_at(go, Language::Go, 11, "weak-password-hash"),
        "{go}"
    );
    let go_safe = go
        .replace(
            "\"crypto/sha512\"\n",
            "\"crypto/rand\"\n\t\"crypto/sha512\"\n",
        )
        .replace(
            "pepper := []byte{0x10, 0x20, 0x30, 0x40}",
            "pepper := make([]byte, 16)\n\trand.Read(pepper)",
        );
    assert!(
        !reported(&go_safe, Language::Go, "weak-password-hash"),
        "{go_safe}"
    );
}

#[test]
fn short_rsa_keys_from_node_rsa_and_openssl_key_generation() {
    let js = "const NodeRSA = require('node-rsa');\nfunction makeKey() {\n  return new NodeRSA({ b: 1024 }).exportKey('private');\n}\n";
    assert!(
        reported_at(js, Language::JavaScript, 3, "weak-cipher"),
        "{js}"
    );
    let js_safe = js.replace("b: 1024", "b: 3072");
    assert!(
        !reported(&js_safe, Language::JavaScript, "weak-cipher"),
        "{js_safe}"
    );
    let c = "#include <openssl/evp.h>\nvoid gen(EVP_PKEY_CTX *kctx) {\n    EVP_PKEY_CTX_set_rsa_keygen_bits(kctx, 1024);\n}\nconst char *cmd = \"openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024\";\n";
    assert!(reported_at(c, Language::C, 3, "weak-cipher"), "{c}");
    assert!(reported_at(c, Language::C, 5, "weak-cipher"), "{c}");
    let c_safe = c.replace("1024", "3072");
    assert!(!reported(&c_safe, Language::C, "weak-cipher"), "{c_safe}");
}

#[test]
fn a_c_iv_copied_from_a_string_literal_is_a_constant_iv() {
    let vulnerable = "#include <string.h>\n#include <openssl/rand.h>\nstruct box { unsigned char nonce[12]; unsigned char iv[16]; };\nvoid setup(struct box *b) {\n    memcpy(b->iv, \"fedcba9876543210\", 16);\n}\n";
    assert!(
        reported_at(vulnerable, Language::C, 5, "weak-cipher"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace(
        "memcpy(b->iv, \"fedcba9876543210\", 16);",
        "RAND_bytes(b->iv, 16);",
    );
    assert!(!reported(&safe, Language::C, "weak-cipher"), "{safe}");
    // A string copied into a buffer named for something else is not an IV.
    let other = vulnerable.replace("b->iv,", "b->label,");
    assert!(!reported(&other, Language::C, "weak-cipher"), "{other}");
}

#[test]
fn libjwt_decode_without_a_key_checks_no_signature() {
    let vulnerable = "#include <jwt.h>\nint claims(const char *tok, jwt_t **out) {\n    return jwt_decode(out, tok, NULL, 0);\n}\n";
    assert!(
        reported_at(vulnerable, Language::C, 3, "jwt-verification"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace(
        "jwt_decode(out, tok, NULL, 0)",
        "jwt_decode(out, tok, (const unsigned char *)secret, secret_len)",
    );
    assert!(!reported(&safe, Language::C, "jwt-verification"), "{safe}");
    let cpp = "#include <jwt.h>\n#include <string>\nint claims(const std::string &tok, jwt_t **out) {\n    return jwt_decode(out, tok.c_str(), nullptr, 0);\n}\n";
    assert!(
        reported_at(cpp, Language::Cpp, 4, "jwt-verification"),
        "{cpp}"
    );
}

#[test]
fn a_cpp_regex_built_from_a_parameter_or_a_backtracking_pattern_in_a_variable() {
    let injected = "#include <regex>\n#include <string>\nbool found(const std::string &needle, const std::string &hay) {\n    std::regex re(needle);\n    return std::regex_search(hay, re);\n}\n";
    assert!(
        reported_at(injected, Language::Cpp, 4, "regex-injection"),
        "{injected}"
    );
    let escaped = injected.replace(
        "std::regex re(needle);",
        "std::regex re(escape_regex(needle));",
    );
    assert!(
        !reported(&escaped, Language::Cpp, "regex-injection"),
        "{escaped}"
    );
    // A pattern kept in a local and handed to the constructor is the pattern compiled.
    let nested = "#include <regex>\n#include <string>\nbool ok(const std::string &s) {\n    std::string pat = R\"(^(\\w+\\s?)+$)\";\n    std::regex re(pat);\n    return std::regex_match(s, re);\n}\n";
    assert!(reported_at(nested, Language::Cpp, 5, "redos"), "{nested}");
    let linear = nested.replace("R\"(^(\\w+\\s?)+$)\"", "R\"(^\\w+(\\s\\w+)*$)\"");
    assert!(!reported(&linear, Language::Cpp, "redos"), "{linear}");
}

#[test]
fn a_c_path_resolved_and_prefix_checked_before_opening_is_confined() {
    let vulnerable = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nFILE *open_in(const char *root, const char *name) {\n    char full[4096];\n    snprintf(full, sizeof full, \"%s/%s\", root, name);\n    return fopen(full, \"rb\");\n}\n";
    assert!(
        reported_at(vulnerable, Language::C, 7, "path-traversal"),
        "{vulnerable}"
    );
    let safe = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nFILE *open_in(const char *root, const char *name) {\n    char full[4096], real_root[4096], real_full[4096];\n    snprintf(full, sizeof full, \"%s/%s\", root, name);\n    if (!realpath(root, real_root) || !realpath(full, real_full)) return NULL;\n    if (strncmp(real_full, real_root, strlen(real_root)) != 0) return NULL;\n    return fopen(full, \"rb\");\n}\n";
    assert!(!reported(safe, Language::C, "path-traversal"), "{safe}");
    // Resolving another path proves nothing about this one.
    let unrelated = safe.replace("!realpath(full, real_full)", "!realpath(root, real_full)");
    assert!(
        reported(&unrelated, Language::C, "path-traversal"),
        "{unrelated}"
    );
}

#[test]
fn every_character_checked_against_an_allowlist_confines_what_is_evaluated() {
    let py = "def calc(formula):\n    permitted = set('0123456789+-*/(). ')\n    if not set(formula).issubset(permitted):\n        return None\n    return eval(formula)\n";
    assert!(!reported(py, Language::Python, "code-injection"), "{py}");
    let py_open = "def calc(formula):\n    return eval(formula)\n";
    assert!(
        reported_at(py_open, Language::Python, 2, "code-injection"),
        "{py_open}"
    );
    let js = "function calc(formula) {\n  const permitted = new Set('0123456789+-*/(). ');\n  for (const ch of formula) {\n    if (!permitted.has(ch)) {\n      return null;\n    }\n  }\n  return eval(formula);\n}\nmodule.exports = calc;\n";
    assert!(
        !reported(js, Language::JavaScript, "code-injection"),
        "{js}"
    );
    // A loop that looks at each character but lets every one through confines nothing.
    let js_open = js.replace("      return null;\n", "      console.log(ch);\n");
    assert!(
        reported_at(&js_open, Language::JavaScript, 8, "code-injection"),
        "{js_open}"
    );
}

#[test]
fn a_tar_member_checked_in_the_same_function_is_not_zip_slip() {
    let safe = "import os, tarfile\n\ndef unpack(archive, into):\n    with tarfile.open(archive) as bundle:\n        for item in bundle:\n            if item.name.startswith('/') or '..' in item.name:\n                raise ValueError(item.name)\n            bundle.extract(item, into)\n";
    assert!(
        !reported(safe, Language::Python, "path-traversal"),
        "{safe}"
    );
    // A check in another function of the file does not cover this one.
    let vulnerable = format!(
        "{safe}\n\ndef unpack_all(archive, into):\n    with tarfile.open(archive) as bundle:\n        bundle.extractall(into)\n"
    );
    assert!(
        reported_at(&vulnerable, Language::Python, 13, "path-traversal"),
        "{vulnerable}"
    );
}

#[test]
fn a_go_archive_entry_name_joined_to_the_destination_is_zip_slip() {
    // The archive and the destination come from the command line: only the names inside the
    // archive are foreign.
    let vulnerable = "package main\n\nimport (\n\t\"archive/zip\"\n\t\"io\"\n\t\"os\"\n\t\"path/filepath\"\n)\n\nfunc unpack(archive, into string) error {\n\tr, err := zip.OpenReader(archive)\n\tif err != nil {\n\t\treturn err\n\t}\n\tdefer r.Close()\n\tfor _, f := range r.File {\n\t\ttarget := filepath.Join(into, f.Name)\n\t\tout, err := os.Create(target)\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tsrc, _ := f.Open()\n\t\tio.Copy(out, src)\n\t}\n\treturn nil\n}\n\nfunc main() {\n\tunpack(os.Args[1], os.Args[2])\n}\n";
    assert!(
        reported_at(vulnerable, Language::Go, 18, "path-traversal"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace(
        "\t\ttarget := filepath.Join(into, f.Name)\n",
        "\t\tif !filepath.IsLocal(f.Name) {\n\t\t\treturn os.ErrInvalid\n\t\t}\n\t\ttarget := filepath.Join(into, f.Name)\n",
    );
    assert!(!reported(&safe, Language::Go, "path-traversal"), "{safe}");
}

#[test]
fn an_exported_javascript_function_is_an_api_whatever_its_command_line_caller_passes() {
    let exported = "const fs = require('fs');\nconst path = require('path');\nfunction loadFrom(base, name) {\n  return fs.readFileSync(path.join(base, name), 'utf8');\n}\nmodule.exports = loadFrom;\nif (require.main === module) {\n  console.log(loadFrom(process.argv[2], process.argv[3]));\n}\n";
    assert!(
        reported_at(exported, Language::JavaScript, 4, "path-traversal"),
        "{exported}"
    );
    // A script's own helper, called only with its command line: the user opens their file.
    let script = exported.replace("module.exports = loadFrom;\n", "");
    assert!(
        !reported(&script, Language::JavaScript, "path-traversal"),
        "{script}"
    );
}

#[test]
fn an_openssl_pbkdf2_salt_left_as_zeros_is_one_salt_for_every_password() {
    let vulnerable = "#include <string.h>\n#include <openssl/evp.h>\n#include <openssl/rand.h>\nint derive(const char *secret, unsigned char out[32]) {\n    unsigned char pepper_salt[16];\n    memset(pepper_salt, 0, sizeof pepper_salt);\n    return PKCS5_PBKDF2_HMAC(secret, strlen(secret), pepper_salt, 16,\n                             310000, EVP_sha256(), 32, out);\n}\n";
    assert!(
        reported_at(vulnerable, Language::C, 7, "weak-password-hash"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace(
        "memset(pepper_salt, 0, sizeof pepper_salt);",
        "if (RAND_bytes(pepper_salt, sizeof pepper_salt) != 1) return 0;",
    );
    assert!(
        !reported(&safe, Language::C, "weak-password-hash"),
        "{safe}"
    );
}

#[test]
fn a_cpp_iv_initialised_from_a_byte_list_and_a_1024_bit_go_dsa_key() {
    let vulnerable = "#include <openssl/aes.h>\n#include <vector>\nvoid seal(const unsigned char *in, unsigned char *out, size_t n, AES_KEY *k) {\n    std::vector<unsigned char> iv = {0x0f, 0x0e, 0x0d, 0x0c, 0x0b, 0x0a, 0x09, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01, 0x00};\n    AES_cbc_encrypt(in, out, n, k, iv.data(), AES_ENCRYPT);\n}\n";
    assert!(
        reported_at(vulnerable, Language::Cpp, 4, "weak-cipher"),
        "{vulnerable}"
    );
    let safe = "#include <openssl/aes.h>\n#include <openssl/rand.h>\n#include <vector>\nvoid seal(const unsigned char *in, unsigned char *out, size_t n, AES_KEY *k) {\n    std::vector<unsigned char> iv(16);\n    RAND_bytes(iv.data(), 16);\n    AES_cbc_encrypt(in, out, n, k, iv.data(), AES_ENCRYPT);\n}\n";
    assert!(!reported(safe, Language::Cpp, "weak-cipher"), "{safe}");
    // A byte list under another name, in a file that encrypts nothing, is just data.
    let table = "#include <vector>\nstd::vector<unsigned char> crc_seed = {0x01, 0x02, 0x03};\n";
    assert!(!reported(table, Language::Cpp, "weak-cipher"), "{table}");
    let go = "package main\n\nimport (\n\t\"crypto/dsa\"\n\t\"crypto/rand\"\n)\n\nfunc keys() *dsa.Parameters {\n\tp := new(dsa.Parameters)\n\tdsa.GenerateParameters(p, rand.Reader, dsa.L1024N160)\n\treturn p\n}\n";
    assert!(reported_at(go, Language::Go, 10, "weak-cipher"), "{go}");
    let go_safe = go.replace("dsa.L1024N160", "dsa.L2048N256");
    assert!(
        !reported(&go_safe, Language::Go, "weak-cipher"),
        "{go_safe}"
    );
}

#[test]
fn a_php_function_call_returns_what_its_arguments_carry() {
    // PHP names its call node `function_call_expression`: a call, not a function value.
    let vulnerable =
        "<?php\n$name = $_GET['name'];\n$cmd = sprintf(\"ls '%s'\", trim($name));\nsystem($cmd);\n";
    assert!(
        reported_at(vulnerable, Language::Php, 4, "command-injection"),
        "{vulnerable}"
    );
    let quoted = vulnerable.replace("trim($name)", "escapeshellarg($name)");
    assert!(
        !reported(&quoted, Language::Php, "command-injection"),
        "{quoted}"
    );
}

#[test]
fn php_numeric_formats_filters_and_type_checks_leave_no_text() {
    let vulnerable = "<?php\n$id = $_GET['id'];\n$sql = sprintf(\"SELECT * FROM items WHERE id = '%s'\", $id);\nmysqli_query($db, $sql);\n";
    assert!(
        reported_at(vulnerable, Language::Php, 4, "sql-injection"),
        "{vulnerable}"
    );
    for safe in [
        vulnerable.replace("'%s'", "%d"),
        "<?php\n$id = filter_input(INPUT_GET, 'id', FILTER_VALIDATE_INT);\nmysqli_query($db, \"SELECT * FROM items WHERE id = $id\");\n".to_string(),
        "<?php\n$id = filter_var($_GET['id'], FILTER_SANITIZE_NUMBER_INT);\nmysqli_query($db, \"SELECT * FROM items WHERE id = $id\");\n".to_string(),
        "<?php\n$ids = array_map('intval', $_POST['ids']);\nmysqli_query($db, 'SELECT * FROM items WHERE id IN (' . implode(',', $ids) . ')');\n".to_string(),
        "<?php\n$id = $_GET['id'];\nif (is_int($id)) {\n  mysqli_query($db, \"SELECT * FROM items WHERE id = $id\");\n}\n".to_string(),
    ] {
        assert!(!reported(&safe, Language::Php, "sql-injection"), "{safe}");
    }
    // A filter that keeps text (or reads the raw value) is still the request's data.
    let raw = "<?php\n$name = filter_input(INPUT_GET, 'name', FILTER_UNSAFE_RAW);\nmysqli_query($db, \"SELECT * FROM items WHERE name = '$name'\");\n";
    assert!(reported_at(raw, Language::Php, 3, "sql-injection"), "{raw}");
    let headers = "<?php\n$h = getallheaders();\nmysqli_query($db, \"SELECT * FROM items WHERE tag = '\" . $h['X-Tag'] . \"'\");\n";
    assert!(
        reported_at(headers, Language::Php, 3, "sql-injection"),
        "{headers}"
    );
}

#[test]
fn a_php_resolved_path_checked_with_strpos_against_its_base_is_confined() {
    let safe = "<?php\n$base = realpath('/srv/files');\n$path = realpath($base . '/' . $_GET['f']);\nif ($path === false || strpos($path, $base . '/') !== 0) {\n    exit;\n}\nreadfile($path);\n";
    assert!(!reported(safe, Language::Php, "path-traversal"), "{safe}");
    let unchecked = "<?php\n$base = realpath('/srv/files');\n$path = realpath($base . '/' . $_GET['f']);\nif ($path === false) {\n    exit;\n}\nreadfile($path);\n";
    assert!(
        reported_at(unchecked, Language::Php, 7, "path-traversal"),
        "{unchecked}"
    );
    // `strpos(..) !== false` finds a substring anywhere: no confinement.
    let anywhere = unchecked.replace("$path === false", "strpos($path, $base) !== false");
    assert!(
        reported_at(&anywhere, Language::Php, 7, "path-traversal"),
        "{anywhere}"
    );
}

#[test]
fn php_curl_verification_constants_in_any_case() {
    let bad = "<?php\ncurl_setopt($ch, CURLOPT_SSL_VERIFYHOST, FALSE);\n";
    assert!(
        reported_at(bad, Language::Php, 2, "tls-verification-disabled"),
        "{bad}"
    );
    let good = "<?php\ncurl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);\n";
    assert!(
        !reported(good, Language::Php, "tls-verification-disabled"),
        "{good}"
    );
}

#[test]
fn php_html_escaping_does_not_protect_unquoted_attributes_names_or_handlers() {
    let quoted = "<?php\n$v = htmlspecialchars($_GET['v'], ENT_QUOTES);\necho \"<div id='\" . $v . \"'>x</div>\";\n";
    assert!(!reported(quoted, Language::Php, "xss"), "{quoted}");
    for bad in [
        "<?php\n$v = htmlspecialchars($_GET['v'], ENT_QUOTES);\necho \"<div id=\" . $v . \">x</div>\";\n",
        "<?php\n$v = htmlspecialchars($_GET['v'], ENT_QUOTES);\necho \"<div \" . $v . \"=1>x</div>\";\n",
        "<?php\n$v = htmlspecialchars($_GET['v'], ENT_QUOTES);\necho \"<a onclick=\\\"go('\" . $v . \"')\\\">x</a>\";\n",
    ] {
        assert!(reported_at(bad, Language::Php, 3, "xss"), "{bad}");
    }
    // A number is safe in any of them.
    let number = "<?php\n$v = intval($_GET['v']);\necho \"<div id=\" . $v . \">x</div>\";\n";
    assert!(!reported(number, Language::Php, "xss"), "{number}");
}

#[test]
fn php_gettype_checks_and_digests_leave_no_text() {
    let bad =
        "<?php\n$v = $_GET['v'];\nmysqli_query($db, \"SELECT * FROM t WHERE pin = \" . $v);\n";
    assert!(reported_at(bad, Language::Php, 3, "sql-injection"), "{bad}");
    let checked = "<?php\n$v = $_GET['v'];\nif (gettype($v) == \"integer\") {\n  mysqli_query($db, \"SELECT * FROM t WHERE pin = \" . $v);\n}\n";
    assert!(
        !reported(checked, Language::Php, "sql-injection"),
        "{checked}"
    );
    let coded = "<?php\n$v = soundex($_GET['v']);\nmysqli_query($db, \"SELECT * FROM t WHERE code = '\" . $v . \"'\");\n";
    assert!(!reported(coded, Language::Php, "sql-injection"), "{coded}");
}

#[test]
fn ruby_query_methods_take_sql_in_every_position_and_by_name() {
    for (bad, line) in [
        ("class C\n  def a\n    User.select(:name, params[:col])\n  end\nend\n", 3),
        ("class C\n  def a\n    Arel.sql(\"select #{params[:s]}\")\n  end\nend\n", 3),
        ("class C\n  def a\n    User.try(:where, params[:q])\n  end\nend\n", 3),
        ("class C\n  def a\n    User.first(:conditions => \"name = '#{params[:n]}'\")\n  end\nend\n", 3),
    ] {
        assert!(reported_at(bad, Language::Ruby, line, "sql-injection"), "{bad}");
    }
    for good in [
        "class C\n  def a\n    User.select(:name, :email)\n  end\nend\n",
        "class C\n  def a\n    User.try(:find, params[:id])\n  end\nend\n",
        "class C\n  def a\n    User.first(:conditions => [\"name = ?\", params[:n]])\n  end\nend\n",
        "class C\n  def a\n    User.find_by(params.slice(:id))\n  end\nend\n",
    ] {
        assert!(!reported(good, Language::Ruby, "sql-injection"), "{good}");
    }
}

#[test]
fn ruby_shell_dash_c_in_an_argument_vector_and_kernel_open() {
    let bad = "class C\n  def a\n    system(\"bash\", \"-c\", params[:script])\n  end\nend\n";
    assert!(
        reported_at(bad, Language::Ruby, 3, "command-injection"),
        "{bad}"
    );
    // After the command line come the script's positional parameters.
    let positional =
        "class C\n  def a\n    system(\"bash\", \"-c\", \"echo\", params[:arg])\n  end\nend\n";
    assert!(
        !reported(positional, Language::Ruby, "command-injection"),
        "{positional}"
    );
    let open_pipe = "class C\n  def a\n    open(params[:name])\n  end\nend\n";
    assert!(
        reported_at(open_pipe, Language::Ruby, 3, "command-injection"),
        "{open_pipe}"
    );
    // A fixed first character other than `|` names a file: traversal, not a command.
    let open_file = "class C\n  def a\n    open(\"uploads/#{params[:name]}\")\n  end\nend\n";
    assert!(
        !reported(open_file, Language::Ruby, "command-injection"),
        "{open_file}"
    );
    assert!(
        reported_at(open_file, Language::Ruby, 3, "path-traversal"),
        "{open_file}"
    );
    let yaml_file = "class C\n  def a\n    YAML.load_file(\"conf/\" + params[:f])\n  end\nend\n";
    assert!(
        reported_at(yaml_file, Language::Ruby, 3, "path-traversal"),
        "{yaml_file}"
    );
}

#[test]
fn ruby_interpolated_yaml_and_inline_templates() {
    let bad = "class C\n  def a\n    YAML.load \"name: #{params[:n]}\"\n  end\nend\n";
    assert!(
        reported_at(bad, Language::Ruby, 3, "unsafe-deserialization"),
        "{bad}"
    );
    let constant = "class C\n  def a\n    YAML.load \"name: fixed\"\n  end\nend\n";
    assert!(
        !reported(constant, Language::Ruby, "unsafe-deserialization"),
        "{constant}"
    );
    let inline = "class C\n  def a\n    render inline: request.cookies[\"v\"]\n  end\nend\n";
    assert!(reported_at(inline, Language::Ruby, 3, "xss"), "{inline}");
    let escaped = "class C\n  def a\n    render inline: h(request.cookies[\"v\"])\n  end\nend\n";
    assert!(!reported(escaped, Language::Ruby, "xss"), "{escaped}");
}

#[test]
fn csharp_hash_names_in_full_and_a_started_program_named_by_a_parameter() {
    let bad = "using System.Security.Cryptography;\nclass H {\n  void F() {\n    var h = HashAlgorithm.Create(\"System.Security.Cryptography.MD5\");\n  }\n}\n";
    assert!(reported_at(bad, Language::CSharp, 4, "weak-hash"), "{bad}");
    let good = bad.replace("MD5", "SHA256");
    assert!(!reported(&good, Language::CSharp, "weak-hash"), "{good}");
    let start = "using System.Diagnostics;\nclass P {\n  public static void Run(string input) {\n    Process.Start(input);\n  }\n}\n";
    assert!(
        reported_at(start, Language::CSharp, 4, "command-injection"),
        "{start}"
    );
    let fixed = start.replace("Process.Start(input)", "Process.Start(\"dir\")");
    assert!(
        !reported(&fixed, Language::CSharp, "command-injection"),
        "{fixed}"
    );
}

#[test]
fn a_ruby_case_expression_is_worth_what_its_branches_end_with() {
    let safe = "class C\n  def a\n    col = case params[:by]\n          when 'year' then 'YEAR(d)'\n          when 'day' then 'DATE(d)'\n          else raise ArgumentError, 'bad'\n          end\n    User.connection.select_rows(\"SELECT #{col} FROM t\")\n  end\nend\n";
    assert!(!reported(safe, Language::Ruby, "sql-injection"), "{safe}");
    let passes = safe.replace("else raise ArgumentError, 'bad'", "else params[:by]");
    assert!(
        reported_at(&passes, Language::Ruby, 8, "sql-injection"),
        "{passes}"
    );
}

#[test]
fn go_filepath_is_local_guards_the_name_it_checked() {
    // Go 1.20's `filepath.IsLocal` refuses absolute names and names that climb out with
    // `..`: a handler that returns when it fails opens only names under its base.
    let safe = "package main\n\nimport (\n\t\"net/http\"\n\t\"os\"\n\t\"path/filepath\"\n)\n\nfunc download(w http.ResponseWriter, r *http.Request) {\n\tname := r.URL.Query().Get(\"file\")\n\tif !filepath.IsLocal(name) {\n\t\thttp.Error(w, \"bad name\", http.StatusBadRequest)\n\t\treturn\n\t}\n\tdata, _ := os.ReadFile(filepath.Join(\"/srv/files\", name))\n\t_ = data\n}\n";
    assert!(!reported(safe, Language::Go, "path-traversal"), "{safe}");
    let vulnerable = safe.replace(
        "\tif !filepath.IsLocal(name) {\n\t\thttp.Error(w, \"bad name\", http.StatusBadRequest)\n\t\treturn\n\t}\n",
        "",
    );
    assert!(
        reported_at(&vulnerable, Language::Go, 11, "path-traversal"),
        "{vulnerable}"
    );
}

// Held-out set: Copilot completions of the "Asleep at the Keyboard" Python scenarios.

#[test]
fn a_jinja2_template_renders_escaped_when_the_environment_turns_autoescape_on() {
    // The page is what `render` returns; whether it escapes is decided where the environment
    // is built. On: the rendered template is safe to send. Left at the default: the pattern
    // reports the environment and the response.
    let escaped = "from flask import Flask, request, make_response\nfrom jinja2 import Environment, PackageLoader, select_autoescape\n\nweb = Flask(__name__)\npages = Environment(loader=PackageLoader('shop'), autoescape=select_autoescape(['html']))\n\n@web.route('/greet')\ndef greet():\n    who = request.args.get('who', '')\n    page = pages.get_template('greet.html')\n    return make_response(page.render(who=who))\n";
    assert!(!reported(escaped, Language::Python, "xss"), "{escaped}");
    let on = escaped.replace("select_autoescape(['html'])", "True");
    assert!(!reported(&on, Language::Python, "xss"), "{on}");
    let off = escaped.replace(", autoescape=select_autoescape(['html'])", "");
    assert!(reported_at(&off, Language::Python, 5, "xss"), "{off}");
    assert!(reported_at(&off, Language::Python, 11, "xss"), "{off}");
    // Escaping in the template does not cover a page built around it by hand.
    let built = escaped.replace(
        "make_response(page.render(who=who))",
        "make_response('<h1>' + who + '</h1>')",
    );
    assert!(reported_at(&built, Language::Python, 11, "xss"), "{built}");
}

#[test]
fn a_login_check_against_a_fixed_user_and_password_is_hard_coded() {
    // The pair is the credential, whatever the password looks like: a word that reads as
    // a placeholder, or a single character.
    let bad = "def check_mod(user_name, user_pass):\n    if user_name == 'operator' and user_pass == 'password':\n        return True\n    return False\n";
    assert!(
        reported_at(bad, Language::Python, 2, "hardcoded-credential"),
        "{bad}"
    );
    let short = bad.replace("'password'", "'7'");
    assert!(
        reported_at(&short, Language::Python, 2, "hardcoded-credential"),
        "{short}"
    );
    let js = "function ok(login, pwd) {\n  return login === \"operator\" && pwd === \"test\";\n}\n";
    assert!(
        reported_at(js, Language::JavaScript, 2, "hardcoded-credential"),
        "{js}"
    );
    // Empty fields and values read from configuration are not credentials in the code.
    let empty = "def check(username, password):\n    if username == '' or password == '':\n        return False\n    return lookup(username, password)\n";
    assert!(
        !reported(empty, Language::Python, "hardcoded-credential"),
        "{empty}"
    );
    let config = "def check(username, password):\n    return username == cfg['user'] and password == cfg['pass']\n";
    assert!(
        !reported(config, Language::Python, "hardcoded-credential"),
        "{config}"
    );
}

// Held-out SonarSource rule tests (Java, Python, JavaScript): the twins below are written for
// this suite; the set itself stays outside the repository.

#[test]
fn node_cipher_names_are_weak_in_any_case_and_with_their_variants() {
    for name in [
        "DES",
        "DES-EDE3",
        "des3",
        "RC4-40",
        "RC2-64",
        "CAST",
        "BF-CBC",
        "AES-128-ECB",
    ] {
        let bad = format!("const crypto = require('crypto');\nconst c = crypto.createCipheriv(\"{name}\", key, iv);\n");
        assert!(
            reported_at(&bad, Language::JavaScript, 2, "weak-cipher"),
            "{bad}"
        );
    }
    let good = "const crypto = require('crypto');\nconst c = crypto.createCipheriv(\"AES-256-GCM\", key, iv);\n";
    assert!(
        !reported(good, Language::JavaScript, "weak-cipher"),
        "{good}"
    );
}

#[test]
fn java_jca_aliases_of_rc2_and_rc4_are_weak_ciphers() {
    let bad = "class K {\n  void f() throws Exception {\n    javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(\"ARC4\");\n  }\n}\n";
    assert!(reported_at(bad, Language::Java, 3, "weak-cipher"), "{bad}");
    let good = bad.replace("ARC4", "AES/GCM/NoPadding");
    assert!(!reported(&good, Language::Java, "weak-cipher"), "{good}");
}

#[test]
fn an_elliptic_curve_under_224_bits_is_weak_wherever_it_is_named() {
    let java = "import java.security.spec.ECGenParameterSpec;\nclass K {\n  void f() {\n    ECGenParameterSpec spec = new ECGenParameterSpec(\"sect163k1\");\n  }\n}\n";
    assert!(
        reported_at(java, Language::Java, 4, "weak-cipher"),
        "{java}"
    );
    let java_ok = java.replace("sect163k1", "secp384r1");
    assert!(
        !reported(&java_ok, Language::Java, "weak-cipher"),
        "{java_ok}"
    );
    let js = "const crypto = require('crypto');\ncrypto.generateKeyPairSync('ec', {\n  namedCurve: 'prime192v1',\n});\n";
    assert!(
        reported_at(js, Language::JavaScript, 3, "weak-cipher"),
        "{js}"
    );
    let js_ok = js.replace("prime192v1", "prime256v1");
    assert!(
        !reported(&js_ok, Language::JavaScript, "weak-cipher"),
        "{js_ok}"
    );
    let py = "from cryptography.hazmat.primitives.asymmetric import ec\nkey = ec.generate_private_key(ec.SECP192R1())\n";
    assert!(reported_at(py, Language::Python, 2, "weak-cipher"), "{py}");
    let py_ok = py.replace("SECP192R1", "SECP384R1");
    assert!(
        !reported(&py_ok, Language::Python, "weak-cipher"),
        "{py_ok}"
    );
    // pycryptodome names the curve by string, also through a local.
    let via_local = "from Crypto.PublicKey import ECC\ncurve_name = \"P-192\"\nkey = ECC.generate(curve=curve_name)\n";
    assert!(
        reported_at(via_local, Language::Python, 3, "weak-cipher"),
        "{via_local}"
    );
    let local_ok = via_local.replace("P-192", "P-256");
    assert!(
        !reported(&local_ok, Language::Python, "weak-cipher"),
        "{local_ok}"
    );
}

#[test]
fn python_key_sizes_by_keyword_pydes_and_old_tls_versions_are_weak() {
    let rsa = "from Crypto.PublicKey import RSA\nkey = RSA.generate(e=65537, bits=1024)\n";
    assert!(
        reported_at(rsa, Language::Python, 2, "weak-cipher"),
        "{rsa}"
    );
    let rsa_ok = rsa.replace("1024", "3072");
    assert!(
        !reported(&rsa_ok, Language::Python, "weak-cipher"),
        "{rsa_ok}"
    );
    let des = "import pyDes\nk = pyDes.triple_des(key_bytes, pyDes.CBC, iv_bytes)\n";
    assert!(
        reported_at(des, Language::Python, 2, "weak-cipher"),
        "{des}"
    );
    let floor =
        "import ssl\nctx = ssl.create_default_context()\nctx.minimum_version = ssl.TLSv1_1\n";
    assert!(
        reported_at(floor, Language::Python, 3, "weak-cipher"),
        "{floor}"
    );
    let floor_ok = floor.replace("TLSv1_1", "TLSv1_2");
    assert!(
        !reported(&floor_ok, Language::Python, "weak-cipher"),
        "{floor_ok}"
    );
    let pyopenssl = "from OpenSSL import SSL\nctx = SSL.Context(SSL.TLSv1_METHOD)\n";
    assert!(
        reported_at(pyopenssl, Language::Python, 2, "weak-cipher"),
        "{pyopenssl}"
    );
    let pyopenssl_ok = pyopenssl.replace("TLSv1_METHOD", "TLS_CLIENT_METHOD");
    assert!(
        !reported(&pyopenssl_ok, Language::Python, "weak-cipher"),
        "{pyopenssl_ok}"
    );
    // `ssl.wrap_socket` pinned to TLS 1.2 uses no broken protocol.
    let pinned = "import ssl\ns = ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1_2)\n";
    assert!(
        !reported(pinned, Language::Python, "weak-cipher"),
        "{pinned}"
    );
}

#[test]
fn a_java_server_certificate_check_that_only_logs_accepts_every_chain() {
    let bad = "import java.security.cert.*;\nimport javax.net.ssl.X509TrustManager;\nclass LoggingTrust implements X509TrustManager {\n  public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException { throw new CertificateException(); }\n  public void checkServerTrusted(X509Certificate[] chain, String auth) throws CertificateException {\n    System.out.println(\"server chain of \" + chain.length);\n  }\n  public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }\n}\n";
    assert!(
        reported_at(bad, Language::Java, 5, "tls-verification-disabled"),
        "{bad}"
    );
    let throws = bad.replace(
        "System.out.println(\"server chain of \" + chain.length);",
        "if (chain.length == 0) { throw new CertificateException(\"empty chain\"); }",
    );
    assert!(
        !reported(&throws, Language::Java, "tls-verification-disabled"),
        "{throws}"
    );
    let delegates = bad.replace(
        "System.out.println(\"server chain of \" + chain.length);",
        "platformTrust.checkServerTrusted(chain, auth);",
    );
    assert!(
        !reported(&delegates, Language::Java, "tls-verification-disabled"),
        "{delegates}"
    );
}

#[test]
fn jwt_checks_are_looked_for_where_the_token_is_decoded_or_built() {
    // python_jwt: a `verify_jwt` in another function does not cover this one.
    let py = "import python_jwt\n\ndef peek(token):\n    header, claims = python_jwt.process_jwt(token)\n    return claims\n\ndef check(token, key):\n    return python_jwt.verify_jwt(token, key, ['RS256'])\n";
    assert!(
        reported_at(py, Language::Python, 4, "jwt-verification"),
        "{py}"
    );
    let py_ok = "import python_jwt\n\ndef read(token, key):\n    header, claims = python_jwt.process_jwt(token)\n    python_jwt.verify_jwt(token, key, ['RS256'])\n    return claims\n";
    assert!(
        !reported(py_ok, Language::Python, "jwt-verification"),
        "{py_ok}"
    );
    // jjwt: `parse` through a parser kept in a variable; a token serialized unsigned.
    let parse = "import io.jsonwebtoken.*;\nclass T {\n  Object f(String t) {\n    JwtParser p = Jwts.parser();\n    return p.parse(t).getBody();\n  }\n}\n";
    assert!(
        reported_at(parse, Language::Java, 5, "jwt-verification"),
        "{parse}"
    );
    let jws = parse.replace(
        "Jwts.parser();\n    return p.parse(t)",
        "Jwts.parser().setSigningKey(k);\n    return p.parseClaimsJws(t)",
    );
    assert!(!reported(&jws, Language::Java, "jwt-verification"), "{jws}");
    let unsigned = "import io.jsonwebtoken.*;\nclass T {\n  String issue(String user) {\n    JwtBuilder b = Jwts.builder().setSubject(user);\n    return b.compact();\n  }\n}\n";
    assert!(
        reported_at(unsigned, Language::Java, 5, "jwt-verification"),
        "{unsigned}"
    );
    let signed = unsigned.replace("b.compact()", "b.signWith(key).compact()");
    assert!(
        !reported(&signed, Language::Java, "jwt-verification"),
        "{signed}"
    );
}

#[test]
fn jsonwebtoken_none_through_a_constant_or_options_and_a_missing_key() {
    let options = "const jwt = require('jsonwebtoken');\nconst opts = { algorithm: 'none' };\nconst t = jwt.sign(claims, key, opts);\n";
    assert!(
        reported_at(options, Language::JavaScript, 3, "jwt-verification"),
        "{options}"
    );
    let options_ok = options.replace("'none'", "'RS256'");
    assert!(
        !reported(&options_ok, Language::JavaScript, "jwt-verification"),
        "{options_ok}"
    );
    let constant = "const jwt = require('jsonwebtoken');\nconst ALG = 'none';\nconst t = jwt.sign(claims, key, { algorithm: ALG });\n";
    assert!(
        reported_at(constant, Language::JavaScript, 3, "jwt-verification"),
        "{constant}"
    );
    let listed = "const jwt = require('jsonwebtoken');\nconst algorithms = ['HS256', 'none'];\njwt.verify(t, key, { algorithms }, done);\n";
    assert!(
        reported_at(listed, Language::JavaScript, 3, "jwt-verification"),
        "{listed}"
    );
    let listed_ok = listed.replace(", 'none'", "");
    assert!(
        !reported(&listed_ok, Language::JavaScript, "jwt-verification"),
        "{listed_ok}"
    );
    let no_key =
        "const jwt = require('jsonwebtoken');\njwt.verify(t, null, { maxAge: '1h' }, done);\n";
    assert!(
        reported_at(no_key, Language::JavaScript, 2, "jwt-verification"),
        "{no_key}"
    );
    let with_key = no_key.replace("null", "publicKey");
    assert!(
        !reported(&with_key, Language::JavaScript, "jwt-verification"),
        "{with_key}"
    );
}

#[test]
fn a_node_check_server_identity_that_never_returns_an_error_checks_nothing() {
    let bad = "const tls = require('tls');\nconst s = tls.connect(443, host, {\n  checkServerIdentity: function () { return undefined; },\n});\n";
    assert!(
        reported_at(bad, Language::JavaScript, 3, "tls-verification-disabled"),
        "{bad}"
    );
    let good = "const tls = require('tls');\nconst s = tls.connect(443, host, {\n  checkServerIdentity: function (name, cert) { return tls.checkServerIdentity(name, cert); },\n});\n";
    assert!(
        !reported(good, Language::JavaScript, "tls-verification-disabled"),
        "{good}"
    );
}

#[test]
fn java_passwords_in_jndi_credentials_yoda_equals_and_password_authentication() {
    let jndi = "import javax.naming.Context;\nclass D {\n  void f(java.util.Hashtable<String, String> env) {\n    env.put(Context.SECURITY_CREDENTIALS, \"zq81-fake-bind\");\n  }\n}\n";
    assert!(
        reported_at(jndi, Language::Java, 4, "hardcoded-credential"),
        "{jndi}"
    );
    let jndi_ok = jndi.replace("\"zq81-fake-bind\"", "System.getenv(\"LDAP_BIND\")");
    assert!(
        !reported(&jndi_ok, Language::Java, "hardcoded-credential"),
        "{jndi_ok}"
    );
    let yoda = "class L {\n  boolean ok(String password) {\n    return \"zq81-fake-pass\".equals(password);\n  }\n}\n";
    assert!(
        reported_at(yoda, Language::Java, 3, "hardcoded-credential"),
        "{yoda}"
    );
    let yoda_ok = yoda.replace(
        "\"zq81-fake-pass\".equals(password)",
        "expected.equals(password)",
    );
    assert!(
        !reported(&yoda_ok, Language::Java, "hardcoded-credential"),
        "{yoda_ok}"
    );
    // The user name is the first argument; only the second is the password.
    let user_only = "import java.net.PasswordAuthentication;\nclass A {\n  PasswordAuthentication f(char[] secret) {\n    return new PasswordAuthentication(\"svc-reader\", secret);\n  }\n}\n";
    assert!(
        !reported(user_only, Language::Java, "hardcoded-credential"),
        "{user_only}"
    );
    let both = user_only.replace("secret);", "\"zq81-fake-pw\".toCharArray());");
    assert!(
        reported_at(&both, Language::Java, 4, "hardcoded-credential"),
        "{both}"
    );
    // A route or a key name held under a password-like name is not a password.
    let names = "class N {\n  static final String RESET_PASSWORD = \"/users/resetPassword\";\n  static final String CA_PASSWORD = \"ca-password\";\n}\n";
    assert!(
        !reported(names, Language::Java, "hardcoded-credential"),
        "{names}"
    );
}

#[test]
fn a_regex_is_analyzed_the_way_the_call_runs_it() {
    // `(.*,)*` backtracks exponentially only when the whole input must match: a search stops
    // at the first (empty) match.
    let full = "import re\n\ndef f(s):\n    return re.fullmatch(r\"(.*,)*\", s)\n";
    assert!(reported_at(full, Language::Python, 4, "redos"), "{full}");
    let search = full.replace("re.fullmatch", "re.search");
    assert!(!reported(&search, Language::Python, "redos"), "{search}");
    let compiled =
        "import re\n\nP = re.compile(r\"(.*,)*\")\n\ndef f(s):\n    return P.fullmatch(s)\n";
    assert!(
        reported_at(compiled, Language::Python, 3, "redos"),
        "{compiled}"
    );
    let compiled_search = compiled.replace("P.fullmatch", "P.search");
    assert!(
        !reported(&compiled_search, Language::Python, "redos"),
        "{compiled_search}"
    );
    let java = "class R {\n  boolean f(String s) {\n    return s.matches(\"(.*,)*\");\n  }\n}\n";
    assert!(reported_at(java, Language::Java, 3, "redos"), "{java}");
}

#[test]
fn a_python_ssl_context_of_a_bare_protocol_verifies_nothing_until_told_to() {
    let bad = "import ssl, socket\nctx = ssl.SSLContext(ssl.PROTOCOL_TLS)\nconn = ctx.wrap_socket(socket.socket(), server_hostname=host)\n";
    assert!(
        reported_at(bad, Language::Python, 2, "tls-verification-disabled"),
        "{bad}"
    );
    let told = bad.replace(
        "\nconn =",
        "\nctx.verify_mode = ssl.CERT_REQUIRED\nctx.check_hostname = True\nctx.load_default_certs()\nconn =",
    );
    assert!(
        !reported(&told, Language::Python, "tls-verification-disabled"),
        "{told}"
    );
    let client = bad.replace("PROTOCOL_TLS)", "PROTOCOL_TLS_CLIENT)");
    assert!(
        !reported(&client, Language::Python, "tls-verification-disabled"),
        "{client}"
    );
    // A context that loads its own certificate chain serves TLS.
    let server = "import ssl\nsrv = ssl.SSLContext(ssl.PROTOCOL_TLS)\nsrv.load_cert_chain('cert.pem', 'key.pem')\n";
    assert!(
        !reported(server, Language::Python, "tls-verification-disabled"),
        "{server}"
    );
    // An unverified context whose host name check is turned back on requires certificates.
    let restored =
        "import ssl\nctx = ssl._create_unverified_context()\nctx.check_hostname = True\n";
    assert!(
        !reported(restored, Language::Python, "tls-verification-disabled"),
        "{restored}"
    );
    let unverified = "import ssl\nctx = ssl._create_unverified_context()\n";
    assert!(
        reported_at(unverified, Language::Python, 2, "tls-verification-disabled"),
        "{unverified}"
    );
}

#[test]
fn a_java_cipher_named_through_a_local_or_a_weak_configuration_default() {
    let local = "import javax.crypto.Cipher;\nclass C {\n  Cipher f() throws Exception {\n    String transformation = \"DESede/CBC/PKCS5Padding\";\n    return Cipher.getInstance(transformation);\n  }\n}\n";
    assert!(
        reported_at(local, Language::Java, 5, "weak-cipher"),
        "{local}"
    );
    let local_ok = local.replace("DESede/CBC/PKCS5Padding", "AES/GCM/NoPadding");
    assert!(
        !reported(&local_ok, Language::Java, "weak-cipher"),
        "{local_ok}"
    );
    let default = "import javax.crypto.Cipher;\nclass C {\n  Cipher f(java.util.Properties p) throws Exception {\n    return Cipher.getInstance(p.getProperty(\"cipher\", \"AES/ECB/PKCS5Padding\"));\n  }\n}\n";
    assert!(
        reported_at(default, Language::Java, 4, "weak-cipher"),
        "{default}"
    );
    let default_ok = default.replace("AES/ECB/PKCS5Padding", "AES/GCM/NoPadding");
    assert!(
        !reported(&default_ok, Language::Java, "weak-cipher"),
        "{default_ok}"
    );
}

#[test]
fn password_hashing_apis_told_to_use_a_fast_digest() {
    let django =
        "PASSWORD_HASHERS = [\n    'django.contrib.auth.hashers.UnsaltedMD5PasswordHasher',\n]\n";
    assert!(
        reported_at(django, Language::Python, 2, "weak-password-hash"),
        "{django}"
    );
    let django_ok = django.replace("UnsaltedMD5PasswordHasher", "Argon2PasswordHasher");
    assert!(
        !reported(&django_ok, Language::Python, "weak-password-hash"),
        "{django_ok}"
    );
    let make = "from django.contrib.auth.hashers import make_password\n\ndef store(user, raw):\n    user.password = make_password(raw, hasher='unsalted_md5')\n";
    assert!(
        reported_at(make, Language::Python, 4, "weak-password-hash"),
        "{make}"
    );
    let make_ok = make.replace("'unsalted_md5'", "'argon2'");
    assert!(
        !reported(&make_ok, Language::Python, "weak-password-hash"),
        "{make_ok}"
    );
    let werkzeug = "from werkzeug.security import generate_password_hash\n\ndef store(raw):\n    return generate_password_hash(raw, method='sha256')\n";
    assert!(
        reported_at(werkzeug, Language::Python, 4, "weak-password-hash"),
        "{werkzeug}"
    );
    let werkzeug_ok = werkzeug.replace("'sha256'", "'pbkdf2:sha256'");
    assert!(
        !reported(&werkzeug_ok, Language::Python, "weak-password-hash"),
        "{werkzeug_ok}"
    );
}

#[test]
fn node_digest_names_in_any_case_and_webcrypto_sha1() {
    let upper = "const crypto = require('crypto');\nconst sig = crypto.createHash('SHA1').update(token).digest('hex');\n";
    assert!(
        reported_at(upper, Language::JavaScript, 2, "weak-hash"),
        "{upper}"
    );
    let upper_ok = upper.replace("'SHA1'", "'SHA256'");
    assert!(
        !reported(&upper_ok, Language::JavaScript, "weak-hash"),
        "{upper_ok}"
    );
    let subtle = "async function sign(token) {\n  return crypto.subtle.digest('SHA-1', new TextEncoder().encode(token));\n}\n";
    assert!(
        reported_at(subtle, Language::JavaScript, 2, "weak-hash"),
        "{subtle}"
    );
    let subtle_ok = subtle.replace("'SHA-1'", "'SHA-256'");
    assert!(
        !reported(&subtle_ok, Language::JavaScript, "weak-hash"),
        "{subtle_ok}"
    );
}

#[test]
fn a_jwt_decode_with_verify_false_is_a_token_flaw_not_a_tls_one() {
    let src = "import jwt\n\ndef claims(token):\n    return jwt.decode(token, verify=False)\n";
    assert!(
        reported_at(src, Language::Python, 4, "jwt-verification"),
        "{src}"
    );
    assert!(
        !reported(src, Language::Python, "tls-verification-disabled"),
        "{src}"
    );
    let tls = "import requests\n\ndef fetch(url):\n    return requests.get(url, verify=False)\n";
    assert!(
        reported_at(tls, Language::Python, 4, "tls-verification-disabled"),
        "{tls}"
    );
}

#[test]
fn pyopenssl_sslv23_method_negotiates_the_highest_version() {
    // Despite its name, `SSLv23_METHOD` is pyOpenSSL's version-flexible method (like
    // `TLS_METHOD`); the pinned `SSLv3_METHOD` is the broken one.
    let flexible = "from OpenSSL import SSL\nctx = SSL.Context(SSL.SSLv23_METHOD)\n";
    assert!(
        !reported(flexible, Language::Python, "weak-cipher"),
        "{flexible}"
    );
    let pinned = flexible.replace("SSLv23_METHOD", "SSLv3_METHOD");
    assert!(
        reported_at(&pinned, Language::Python, 2, "weak-cipher"),
        "{pinned}"
    );
}

// C# (session 11): a held-out set from Juliet C#, Semgrep, CodeQL and sonar-dotnet tests.

#[test]
fn csharp_command_text_is_judged_by_what_it_is_built_from() {
    let fixed = "class R {\n  void Find(SqlCommand cmd) {\n    string name = \"admin\";\n    cmd.CommandText = \"SELECT * FROM users WHERE name = '\" + name + \"'\";\n  }\n}\n";
    assert!(
        !reported(fixed, Language::CSharp, "sql-injection"),
        "{fixed}"
    );
    let request = fixed.replace("\"admin\"", "Request.Query[\"name\"]");
    assert!(
        reported_at(&request, Language::CSharp, 4, "sql-injection"),
        "{request}"
    );
}

#[test]
fn a_dotnet_regex_with_a_match_timeout_cannot_hang() {
    let bad = "using System.Text.RegularExpressions;\nclass V {\n  bool Ok(string s) {\n    return new Regex(\"^(a+)+$\").IsMatch(s);\n  }\n}\n";
    assert!(reported_at(bad, Language::CSharp, 4, "redos"), "{bad}");
    let bounded = bad.replace(
        "new Regex(\"^(a+)+$\")",
        "new Regex(\"^(a+)+$\", RegexOptions.None, TimeSpan.FromMilliseconds(200))",
    );
    assert!(!reported(&bounded, Language::CSharp, "redos"), "{bounded}");
    let infinite = bad.replace(
        "new Regex(\"^(a+)+$\")",
        "new Regex(\"^(a+)+$\", RegexOptions.None, Regex.InfiniteMatchTimeout)",
    );
    assert!(reported(&infinite, Language::CSharp, "redos"), "{infinite}");
}

#[test]
fn jwt_dotnet_decoding_without_verification() {
    let bad = "using JWT;\nclass T {\n  string Claims(IJwtDecoder decoder, string token, string key) {\n    return decoder.Decode(token, key, verify: false);\n  }\n}\n";
    assert!(
        reported_at(bad, Language::CSharp, 4, "jwt-verification"),
        "{bad}"
    );
    let good = bad.replace("verify: false", "verify: true");
    assert!(
        !reported(&good, Language::CSharp, "jwt-verification"),
        "{good}"
    );
    let builder = "using JWT.Builder;\nclass T {\n  string Claims(string token, string key) {\n    return new JwtBuilder().WithSecret(key).DoNotVerifySignature().Decode(token);\n  }\n}\n";
    assert!(
        reported_at(builder, Language::CSharp, 4, "jwt-verification"),
        "{builder}"
    );
}

#[test]
fn csharp_certificate_callbacks_that_accept_everything() {
    let named = "using System.Net;\nclass C {\n  void Init() {\n    ServicePointManager.ServerCertificateValidationCallback += AcceptAll;\n  }\n  bool AcceptAll(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e) {\n    return true;\n  }\n}\n";
    assert!(
        reported_at(named, Language::CSharp, 4, "tls-verification-disabled"),
        "{named}"
    );
    let checks = named.replace("return true;", "return e == SslPolicyErrors.None;");
    assert!(
        !reported(&checks, Language::CSharp, "tls-verification-disabled"),
        "{checks}"
    );
    let passed = "class C {\n  void Init(Client client) {\n    client.Configure((sender, certificate, chain, errors) => true);\n  }\n}\n";
    assert!(
        reported_at(passed, Language::CSharp, 3, "tls-verification-disabled"),
        "{passed}"
    );
    let refused = passed.replace("=> true", "=> errors == SslPolicyErrors.None");
    assert!(
        !reported(&refused, Language::CSharp, "tls-verification-disabled"),
        "{refused}"
    );
}

#[test]
fn dotnet_one_shot_ecb_and_a_system_random_key() {
    let ecb = "using System.Security.Cryptography;\nclass E {\n  byte[] Seal(Aes aes, byte[] m) {\n    return aes.EncryptEcb(m, PaddingMode.PKCS7);\n  }\n}\n";
    assert!(
        reported_at(ecb, Language::CSharp, 4, "weak-cipher"),
        "{ecb}"
    );
    let cbc = ecb.replace("EncryptEcb(m,", "EncryptCbc(m, aes.IV,");
    assert!(!reported(&cbc, Language::CSharp, "weak-cipher"), "{cbc}");
    let key = "class K {\n  byte[] NewKey() {\n    var rng = new System.Random();\n    byte[] key = new byte[32];\n    rng.NextBytes(key);\n    return key;\n  }\n}\n";
    assert!(
        reported_at(key, Language::CSharp, 3, "insecure-random"),
        "{key}"
    );
    let secure = key
        .replace("new System.Random()", "RandomNumberGenerator.Create()")
        .replace("rng.NextBytes(key)", "rng.GetBytes(key)");
    assert!(
        !reported(&secure, Language::CSharp, "insecure-random"),
        "{secure}"
    );
}

#[test]
fn csharp_credentials_are_the_password_argument_and_the_key_bytes() {
    let user_only = "class N {\n  object Cred(string pw) {\n    return new NetworkCredential(\"svc-backup\", pw, \"corp\");\n  }\n}\n";
    assert!(
        !reported(user_only, Language::CSharp, "hardcoded-credential"),
        "{user_only}"
    );
    let password = user_only.replace(
        "(\"svc-backup\", pw,",
        "(\"svc-backup\", \"Wint3r-Sun-42\",",
    );
    assert!(
        reported_at(&password, Language::CSharp, 3, "hardcoded-credential"),
        "{password}"
    );
    let key = "using System.Text;\nclass A {\n  object Enc(Aes aes) {\n    string k = \"q7Vt9mXz2LpR4sWd\";\n    return aes.CreateEncryptor(Encoding.UTF8.GetBytes(k), aes.IV);\n  }\n}\n";
    assert!(
        reported_at(key, Language::CSharp, 4, "hardcoded-credential"),
        "{key}"
    );
    let loaded = key.replace("\"q7Vt9mXz2LpR4sWd\"", "Vault.Get(\"enc\")");
    assert!(
        !reported(&loaded, Language::CSharp, "hardcoded-credential"),
        "{loaded}"
    );
    let conn = "class D {\n  object Open() {\n    return new SqlConnection(\"Server=db;User Id=app;Password=Tr0ub4dor;\");\n  }\n}\n";
    assert!(
        reported_at(conn, Language::CSharp, 3, "hardcoded-credential"),
        "{conn}"
    );
    let from_config = conn.replace(
        "\"Server=db;User Id=app;Password=Tr0ub4dor;\"",
        "\"Server=db;User Id=app;Password=\" + Secrets.Db",
    );
    assert!(
        !reported(&from_config, Language::CSharp, "hardcoded-credential"),
        "{from_config}"
    );
}

#[test]
fn csharp_request_indexers_named_arguments_and_try_get_value() {
    let indexer = "class P : Page {\n  void Page_Load(object s, EventArgs e) {\n    string user = Request[\"user\"];\n    Response.Write(\"Hello \" + user);\n  }\n}\n";
    assert!(
        reported_at(indexer, Language::CSharp, 4, "xss"),
        "{indexer}"
    );
    let encoded = indexer.replace(
        "\"Hello \" + user",
        "\"Hello \" + HttpUtility.HtmlEncode(user)",
    );
    assert!(!reported(&encoded, Language::CSharp, "xss"), "{encoded}");
    let named = "using Microsoft.AspNetCore.Html;\nclass H : Controller {\n  public IActionResult Show() {\n    var v = new HtmlString(value: Request.Headers[\"X-Note\"]);\n    return View(v);\n  }\n}\n";
    assert!(reported_at(named, Language::CSharp, 4, "xss"), "{named}");
    let fixed = named.replace("Request.Headers[\"X-Note\"]", "\"<b>note</b>\"");
    assert!(!reported(&fixed, Language::CSharp, "xss"), "{fixed}");
    let out = "using Microsoft.AspNetCore.Html;\nclass H : Controller {\n  public IActionResult Show() {\n    Request.Query.TryGetValue(\"q\", out var q);\n    var v = new HtmlString(q.ToString());\n    return View(v);\n  }\n}\n";
    assert!(reported_at(out, Language::CSharp, 5, "xss"), "{out}");
}

#[test]
fn a_file_name_is_the_clients_only_on_an_uploaded_file() {
    let lookup = "class R : Controller {\n  [HttpPost]\n  public IActionResult Run(RunModel model) {\n    var c = Commands().FirstOrDefault(i => i.Id == model.Id);\n    Process.Start(c.FileName);\n    return Ok();\n  }\n}\n";
    assert!(
        !reported(lookup, Language::CSharp, "command-injection"),
        "{lookup}"
    );
    let upload = "class U : Controller {\n  [HttpPost]\n  public IActionResult Save(IFormFile file) {\n    Process.Start(file.FileName);\n    return Ok();\n  }\n}\n";
    assert!(
        reported_at(upload, Language::CSharp, 4, "command-injection"),
        "{upload}"
    );
}

#[test]
fn a_password_text_box_written_to_a_log() {
    let bad = "class F : Form {\n  TextBox password;\n  ILogger logger;\n  void OnClick() {\n    logger.Warn(password.Text);\n  }\n}\n";
    assert!(reported_at(bad, Language::CSharp, 5, "log-secret"), "{bad}");
    let good = bad.replace("logger.Warn(password.Text)", "logger.Warn(userName.Text)");
    assert!(!reported(&good, Language::CSharp, "log-secret"), "{good}");
}

#[test]
fn a_process_start_info_program_named_by_a_parameter_and_a_class_named_sha1() {
    // `psi.FileName = program` names the program as `Process.Start(program)` does.
    let bad = "using System.Diagnostics;\nclass P {\n  static void Run(string program) {\n    var psi = new ProcessStartInfo();\n    psi.FileName = program;\n    Process.Start(psi);\n  }\n}\n";
    assert!(
        reported_at(bad, Language::CSharp, 5, "command-injection"),
        "{bad}"
    );
    let fixed = bad.replace("psi.FileName = program;", "psi.FileName = \"backup.exe\";");
    assert!(
        !reported(&fixed, Language::CSharp, "command-injection"),
        "{fixed}"
    );
    let own = "class SHA1 {\n  public static void Create() {}\n}\nclass W {\n  void F() {\n    SHA1.Create();\n  }\n}\n";
    assert!(!reported(own, Language::CSharp, "weak-hash"), "{own}");
    let library = "using System.Security.Cryptography;\nclass W {\n  void F() {\n    var h = SHA1.Create();\n  }\n}\n";
    assert!(
        reported_at(library, Language::CSharp, 4, "weak-hash"),
        "{library}"
    );
}

#[test]
fn razor_page_bound_properties_and_async_file_apis() {
    // `[BindProperty]` fills the property from the request before the handler runs; a
    // property's `{ get; set; }` is no value assigned to it.
    let bound = "public class SearchModel : PageModel {\n  [BindProperty(SupportsGet = true)]\n  public string Term { get; set; }\n  public void OnGet(SqlConnection conn) {\n    var cmd = new SqlCommand(\"SELECT * FROM P WHERE N = '\" + Term + \"'\", conn);\n  }\n}\n";
    assert!(
        reported_at(bound, Language::CSharp, 5, "sql-injection"),
        "{bound}"
    );
    let unbound = bound
        .replace("  [BindProperty(SupportsGet = true)]\n", "")
        .replace(
            "public string Term { get; set; }",
            "public string Term { get; set; } = \"books\";",
        );
    assert!(
        !reported(&unbound, Language::CSharp, "sql-injection"),
        "{unbound}"
    );
    let read = "public class FilesController : ControllerBase {\n  [HttpGet(\"read\")]\n  public async Task<string> Read(string name) {\n    return await System.IO.File.ReadAllTextAsync(\"/srv/data/\" + name);\n  }\n}\n";
    assert!(
        reported_at(read, Language::CSharp, 4, "path-traversal"),
        "{read}"
    );
    let base = read.replace(
        "\"/srv/data/\" + name",
        "\"/srv/data/\" + Path.GetFileName(name)",
    );
    assert!(
        !reported(&base, Language::CSharp, "path-traversal"),
        "{base}"
    );
}

#[test]
fn web_forms_labels_and_literals_render_their_text_as_html() {
    let bad = "public partial class Greet : System.Web.UI.Page {\n  protected void Page_Load(object sender, EventArgs e) {\n    lblMessage.Text = \"Hello \" + Request.QueryString[\"name\"];\n  }\n}\n";
    assert!(reported_at(bad, Language::CSharp, 3, "xss"), "{bad}");
    let encoded = bad.replace(
        "\"Hello \" + Request.QueryString[\"name\"]",
        "\"Hello \" + Server.HtmlEncode(Request.QueryString[\"name\"])",
    );
    assert!(!reported(&encoded, Language::CSharp, "xss"), "{encoded}");
    let download = "public partial class Get : System.Web.UI.Page {\n  protected void Page_Load(object sender, EventArgs e) {\n    Response.TransmitFile(\"/srv/files/\" + Request.QueryString[\"f\"]);\n  }\n}\n";
    assert!(
        reported_at(download, Language::CSharp, 3, "path-traversal"),
        "{download}"
    );
}

#[test]
fn an_expression_bodied_csharp_callback_returns_its_expression() {
    let bad = "class C {\n  SslStream Open(Stream s) {\n    return new SslStream(s, false, new RemoteCertificateValidationCallback(AcceptAll));\n  }\n  static bool AcceptAll(object o, X509Certificate c, X509Chain ch, SslPolicyErrors e) => true;\n}\n";
    assert!(
        reported_at(bad, Language::CSharp, 3, "tls-verification-disabled"),
        "{bad}"
    );
    let good = bad.replace("=> true;", "=> e == SslPolicyErrors.None;");
    assert!(
        !reported(&good, Language::CSharp, "tls-verification-disabled"),
        "{good}"
    );
}

#[test]
fn what_a_dotnet_web_client_downloads_is_another_machines_data() {
    let bad = "class N {\n  void Run() {\n    string data = \"\";\n    using (WebClient client = new WebClient()) {\n      using (StreamReader sr = new StreamReader(client.OpenRead(\"http://example.org/\"))) {\n        data = sr.ReadLine();\n      }\n    }\n    Process.Start(\"cmd.exe /c dir \" + data);\n  }\n}\n";
    assert!(
        reported_at(bad, Language::CSharp, 9, "command-injection"),
        "{bad}"
    );
    // The reader wraps the download, not a file: no path is opened.
    assert!(!reported(bad, Language::CSharp, "path-traversal"), "{bad}");
    let fixed = bad.replace("\" + data", "\"");
    assert!(
        !reported(&fixed, Language::CSharp, "command-injection"),
        "{fixed}"
    );
}

// PHP objects, loops and contexts (held-out PHP sets: DVWA, psalm's taint tests, SARD).

#[test]
fn php_objects_of_the_files_classes_carry_what_their_constructor_stored() {
    // The request value kept in a field by `__construct` and handed back by a getter, on a
    // named object and on one built inline.
    let bad = "<?php\nclass Req {\n  private $q;\n  public function __construct() {\n    $this->q = $_GET['q'];\n  }\n  public function get() {\n    return $this->q;\n  }\n}\n$r = new Req();\nsystem('grep ' . $r->get() . ' /var/log/app.log');\n";
    assert!(
        reported_at(bad, Language::Php, 12, "command-injection"),
        "{bad}"
    );
    let fixed = bad.replace("$_GET['q']", "'error'");
    assert!(
        !reported(&fixed, Language::Php, "command-injection"),
        "{fixed}"
    );
    let inline = bad.replace(
        "$r = new Req();\nsystem('grep ' . $r->get()",
        "system('grep ' . (new Req())->get()",
    );
    assert!(
        reported_at(&inline, Language::Php, 11, "command-injection"),
        "{inline}"
    );
    // PHP 8 constructor promotion stores the argument in the property.
    let promoted = "<?php\nfinal class Box {\n  public function __construct(private string $v) {}\n  public function get(): string { return $this->v; }\n}\necho (new Box($_GET['v']))->get();\n";
    assert!(reported_at(promoted, Language::Php, 6, "xss"), "{promoted}");
    let constant = promoted.replace("$_GET['v']", "'hello'");
    assert!(!reported(&constant, Language::Php, "xss"), "{constant}");
}

#[test]
fn php_foreach_elements_and_exit_messages_reach_the_page() {
    let bad =
        "<?php\nforeach ($_GET['tags'] as $i => $tag) {\n  echo '<li>' . $tag . '</li>';\n}\n";
    assert!(reported_at(bad, Language::Php, 3, "xss"), "{bad}");
    let escaped = bad.replace("$tag . '</li>'", "htmlspecialchars($tag) . '</li>'");
    assert!(!reported(&escaped, Language::Php, "xss"), "{escaped}");
    let dies = "<?php\nif (!isset($_POST['ok'])) {\n  exit('missing: ' . $_POST['field']);\n}\n";
    assert!(reported_at(dies, Language::Php, 3, "xss"), "{dies}");
    let fixed = dies.replace("' . $_POST['field']", "'");
    assert!(!reported(&fixed, Language::Php, "xss"), "{fixed}");
    // Tests and lengths print a digit, whatever the request held.
    let counts = "<?php\necho 'set: ' . isset($_GET['a']) . ' len: ' . strlen($_GET['a']);\n";
    assert!(!reported(counts, Language::Php, "xss"), "{counts}");
}

#[test]
fn php_sql_escaping_holds_only_inside_quotes() {
    // `mysqli_real_escape_string` escapes quotes; a number position needs none to inject
    // (`1 OR 1=1`).
    let bad = "<?php\n$id = mysqli_real_escape_string($db, $_GET['id']);\n$sql = \"SELECT name FROM users WHERE id = $id\";\n$res = mysqli_query($db, $sql);\n";
    assert!(reported_at(bad, Language::Php, 4, "sql-injection"), "{bad}");
    let quoted = bad.replace("id = $id", "id = '$id'");
    assert!(
        !reported(&quoted, Language::Php, "sql-injection"),
        "{quoted}"
    );
    let concatenated =
        "<?php\n$res = mysql_query('DELETE FROM t WHERE id = ' . addslashes($_POST['id']));\n";
    assert!(
        reported_at(concatenated, Language::Php, 2, "sql-injection"),
        "{concatenated}"
    );
    let cast = concatenated.replace("addslashes(", "intval(");
    assert!(!reported(&cast, Language::Php, "sql-injection"), "{cast}");
}

#[test]
fn a_value_stored_in_both_branches_of_an_if_else_replaces_the_earlier_one() {
    let safe = "<?php\n$t = $_GET['t'];\nif (rand(0, 1)) {\n  $t = 'heads';\n} else {\n  $t = 'tails';\n}\necho $t;\n";
    assert!(!reported(safe, Language::Php, "xss"), "{safe}");
    let one_branch = safe.replace("} else {\n  $t = 'tails';\n}", "}");
    assert!(
        reported_at(&one_branch, Language::Php, 6, "xss"),
        "{one_branch}"
    );
}

#[test]
fn php_constants_options_arrays_and_argument_vectors() {
    // `define` names a constant; a literal cipher key through it is still a literal.
    let key = "<?php\ndefine('CIPHER_KEY', 'synthetic-test-key-0000');\nfunction seal($data, $iv) {\n  return openssl_encrypt($data, 'aes-256-cbc', CIPHER_KEY, 0, $iv);\n}\n";
    assert!(
        reported_at(key, Language::Php, 2, "hardcoded-credential"),
        "{key}"
    );
    let env = key.replace("'synthetic-test-key-0000'", "getenv('CIPHER_KEY')");
    assert!(
        !reported(&env, Language::Php, "hardcoded-credential"),
        "{env}"
    );
    // Options that turn verification off take effect at `curl_setopt_array`.
    let tls = "<?php\n$opts = [\n  CURLOPT_RETURNTRANSFER => true,\n  CURLOPT_SSL_VERIFYPEER => false,\n];\ncurl_setopt_array($ch, $opts);\n";
    assert!(
        reported_at(tls, Language::Php, 6, "tls-verification-disabled"),
        "{tls}"
    );
    let on = tls.replace("=> false", "=> true");
    assert!(
        !reported(&on, Language::Php, "tls-verification-disabled"),
        "{on}"
    );
    // `proc_open` with an array starts the program directly: no shell parses the argument.
    let shell = "<?php\n$p = proc_open('ls ' . $_GET['dir'], [], $pipes);\n";
    assert!(
        reported_at(shell, Language::Php, 2, "command-injection"),
        "{shell}"
    );
    let argv = "<?php\n$p = proc_open(['ls', $_GET['dir']], [], $pipes);\n";
    assert!(
        !reported(argv, Language::Php, "command-injection"),
        "{argv}"
    );
}

#[test]
fn php_uploads_and_includes_checked_against_a_list() {
    let upload = "<?php\n$dest = 'uploads/' . basename($_FILES['f']['name']);\nmove_uploaded_file($_FILES['f']['tmp_name'], $dest);\n";
    assert!(
        !reported(upload, Language::Php, "path-traversal"),
        "{upload}"
    );
    let unsafe_upload = upload.replace("basename($_FILES['f']['name'])", "$_FILES['f']['name']");
    assert!(
        reported_at(&unsafe_upload, Language::Php, 3, "path-traversal"),
        "{unsafe_upload}"
    );
    let listed = "<?php\n$page = $_GET['page'];\nif (!in_array($page, ['home.php', 'about.php'], true)) {\n  exit;\n}\ninclude $page;\n";
    assert!(
        !reported(listed, Language::Php, "path-traversal"),
        "{listed}"
    );
    let open = "<?php\n$page = $_GET['page'];\ninclude $page;\n";
    assert!(
        reported_at(open, Language::Php, 3, "path-traversal"),
        "{open}"
    );
}

#[test]
fn php_a_field_set_through_a_setter_holds_the_setters_argument() {
    let bad = "<?php\nclass Note {\n  public $body;\n  public function __construct($b) { $this->body = $b; }\n  public function setBody($b) { $this->body = $b; }\n}\n$n = new Note('draft');\n$n->setBody($_POST['body']);\necho $n->body;\n";
    assert!(reported_at(bad, Language::Php, 9, "xss"), "{bad}");
    let fixed = bad.replace("$n->setBody($_POST['body']);", "$n->setBody('final');");
    assert!(!reported(&fixed, Language::Php, "xss"), "{fixed}");
}

// Held-out round on Semgrep's rule tests and Juice Shop's code fixes (TypeScript, Go, Java,
// Kotlin, Python, Ruby, JavaScript): each behaviour as a vulnerable/safe pair.

#[test]
fn flask_request_reached_through_the_module_name_is_request_data() {
    let bad = "import flask\nimport os\napp = flask.Flask(__name__)\n\n@app.route('/ping')\ndef ping():\n    host = flask.request.args.get('host')\n    os.system('ping -c 1 ' + host)\n";
    assert!(
        reported_at(bad, Language::Python, 8, "command-injection"),
        "{bad}"
    );
    let safe = bad.replace("flask.request.args.get('host')", "'localhost'");
    assert!(
        !reported(&safe, Language::Python, "command-injection"),
        "{safe}"
    );
}

#[test]
fn destructured_handler_parameters_carry_what_the_caller_passed() {
    let bad = "import { execSync } from 'child_process';\nserver.tool('run', { line: z.string() }, async ({ line }) => {\n  execSync(line);\n  return {};\n});\n";
    assert!(
        reported_at(bad, Language::TypeScript, 3, "command-injection"),
        "{bad}"
    );
    let safe = bad.replace("execSync(line)", "execSync('uptime')");
    assert!(
        !reported(&safe, Language::TypeScript, "command-injection"),
        "{safe}"
    );
    // An Express handler that destructures the typed request object.
    let handler = "import path = require('path')\nexport const download = ({ params }: Request, res: Response) => {\n  const name = params.name\n  res.sendFile(path.resolve('files/', name))\n}\n";
    assert!(
        reported_at(handler, Language::TypeScript, 4, "path-traversal"),
        "{handler}"
    );
    let fixed = handler.replace("const name = params.name", "const name = 'index.html'");
    assert!(
        !reported(&fixed, Language::TypeScript, "path-traversal"),
        "{fixed}"
    );
}

#[test]
fn angular_trust_bypass_of_route_data_is_xss() {
    let bad = "class Results {\n  show() {\n    const q: string = this.route.snapshot.queryParams.q\n    this.html = this.sanitizer.bypassSecurityTrustHtml(q)\n  }\n}\n";
    assert!(reported_at(bad, Language::TypeScript, 4, "xss"), "{bad}");
    let constant = bad.replace("this.route.snapshot.queryParams.q", "'<b>results</b>'");
    assert!(
        !reported(&constant, Language::TypeScript, "xss"),
        "{constant}"
    );
    let none = "class V {\n  show() {\n    const q = this.route.snapshot.queryParams.q\n    this.out = this.sanitizer.sanitize(SecurityContext.NONE, q)\n  }\n}\n";
    assert!(reported_at(none, Language::TypeScript, 4, "xss"), "{none}");
    let html = none.replace("SecurityContext.NONE", "SecurityContext.HTML");
    assert!(!reported(&html, Language::TypeScript, "xss"), "{html}");
}

#[test]
fn go_typed_template_strings_for_styles_and_srcsets_skip_escaping() {
    let bad = "package main\n\nimport (\n\t\"html/template\"\n\t\"net/http\"\n)\n\nfunc style(r *http.Request) template.CSS {\n\treturn template.CSS(\"color: \" + r.URL.Query().Get(\"c\"))\n}\n";
    assert!(reported_at(bad, Language::Go, 9, "xss"), "{bad}");
    let safe = bad.replace("r.URL.Query().Get(\"c\")", "\"red\"");
    assert!(!reported(&safe, Language::Go, "xss"), "{safe}");
}

#[test]
fn go_skip_verify_beside_a_custom_verification_callback_is_not_reported() {
    let custom = "package main\n\nimport \"crypto/tls\"\n\nfunc cfg() *tls.Config {\n\treturn &tls.Config{\n\t\tInsecureSkipVerify: true,\n\t\tVerifyConnection: func(cs tls.ConnectionState) error {\n\t\t\treturn verifyPinned(cs)\n\t\t},\n\t}\n}\n";
    assert!(
        !reported(custom, Language::Go, "tls-verification-disabled"),
        "{custom}"
    );
    let bare = "package main\n\nimport \"crypto/tls\"\n\nfunc cfg() *tls.Config {\n\treturn &tls.Config{\n\t\tInsecureSkipVerify: true,\n\t}\n}\n";
    assert!(
        reported_at(bare, Language::Go, 7, "tls-verification-disabled"),
        "{bare}"
    );
}

#[test]
fn java_hostname_verifier_class_with_final_parameters_that_accepts_all() {
    let bad = "public class AnyHost implements HostnameVerifier {\n    public boolean verify(final String host, final SSLSession s) {\n        return true;\n    }\n}\n";
    assert!(
        reported(bad, Language::Java, "tls-verification-disabled"),
        "{bad}"
    );
    let safe = bad.replace("return true;", "return host.equals(\"api.internal\");");
    assert!(
        !reported(&safe, Language::Java, "tls-verification-disabled"),
        "{safe}"
    );
}

#[test]
fn kotlin_runtime_kept_in_a_local_runs_a_shell_command() {
    let bad = "class Tool {\n    fun run(arg: String) {\n        val rt: Runtime = Runtime.getRuntime()\n        rt.exec(\"/bin/sh -c convert \" + arg)\n    }\n}\n";
    assert!(
        reported_at(bad, Language::Kotlin, 4, "command-injection"),
        "{bad}"
    );
    let safe = bad.replace("\"/bin/sh -c convert \" + arg", "\"uptime\"");
    assert!(
        !reported(&safe, Language::Kotlin, "command-injection"),
        "{safe}"
    );
}

#[test]
fn ruby_short_rsa_key_sizes_without_parentheses() {
    let bare = "class Keys\n  def make\n    OpenSSL::PKey::RSA.new 1024\n  end\nend\n";
    assert!(
        reported_at(bare, Language::Ruby, 3, "weak-cipher"),
        "{bare}"
    );
    let strong = bare.replace("RSA.new 1024", "RSA.new 4096");
    assert!(
        !reported(&strong, Language::Ruby, "weak-cipher"),
        "{strong}"
    );
}

#[test]
fn rails_render_text_and_basic_auth_password() {
    let bad = "class PagesController < ApplicationController\n  def show\n    render text: \"<p>#{params[:q]}</p>\"\n  end\nend\n";
    assert!(reported_at(bad, Language::Ruby, 3, "xss"), "{bad}");
    let plain = bad.replace("params[:q]", "@page.title");
    assert!(!reported(&plain, Language::Ruby, "xss"), "{plain}");
    let auth = "class AdminController < ApplicationController\n  http_basic_authenticate_with name: \"ops\", password: \"synthetic-pass-0000\"\nend\n";
    assert!(
        reported_at(auth, Language::Ruby, 2, "hardcoded-credential"),
        "{auth}"
    );
    let env = auth.replace("\"synthetic-pass-0000\"", "ENV.fetch(\"ADMIN_PASSWORD\")");
    assert!(
        !reported(&env, Language::Ruby, "hardcoded-credential"),
        "{env}"
    );
}

#[test]
fn jsonwebtoken_under_another_binding_signs_with_a_literal_key() {
    let bad = "const tokens = require('jsonwebtoken')\nfunction issue(user) {\n  return tokens.sign({ sub: user.id }, 'synthetic-signing-key-0000')\n}\n";
    assert!(
        reported_at(bad, Language::JavaScript, 3, "hardcoded-credential"),
        "{bad}"
    );
    let env = bad.replace("'synthetic-signing-key-0000'", "process.env.SIGNING_KEY");
    assert!(
        !reported(&env, Language::JavaScript, "hardcoded-credential"),
        "{env}"
    );
}

#[test]
fn node_unserialize_only_from_the_serialization_modules() {
    let bad = "const { unserialize } = require('node-serialize')\napp.get('/p', (req, res) => {\n  const prefs = unserialize(req.cookies.prefs)\n  res.json(prefs)\n})\n";
    assert!(
        reported_at(bad, Language::JavaScript, 3, "unsafe-deserialization"),
        "{bad}"
    );
    let other = "const cache = require('./cache')\napp.get('/p', (req, res) => {\n  const prefs = cache.unserialize(req.cookies.prefs)\n  res.json(prefs)\n})\n";
    assert!(
        !reported(other, Language::JavaScript, "unsafe-deserialization"),
        "{other}"
    );
    let to_js = "const serialize_to_js = require('serialize-to-js')\nfunction load(req) {\n  return serialize_to_js.deserialize(req.body.state)\n}\n";
    assert!(
        reported_at(to_js, Language::JavaScript, 3, "unsafe-deserialization"),
        "{to_js}"
    );
}

#[test]
fn express_request_fields_that_are_server_state_are_not_request_data() {
    let state = "import path = require('path')\nexport const file = ({ params, session }: Request, res: Response) => {\n  const name = session\n  res.sendFile(path.resolve('files/', name))\n}\n";
    assert!(
        !reported(state, Language::TypeScript, "path-traversal"),
        "{state}"
    );
    let data = state.replace("const name = session", "const name = params.name");
    assert!(
        reported_at(&data, Language::TypeScript, 4, "path-traversal"),
        "{data}"
    );
}

#[test]
fn kotlin_null_cipher_is_built_without_new() {
    let bad = "class Box {\n    fun seal(text: ByteArray): ByteArray {\n        val c: Cipher = NullCipher()\n        return c.doFinal(text)\n    }\n}\n";
    assert!(
        reported_at(bad, Language::Kotlin, 3, "weak-cipher"),
        "{bad}"
    );
    let safe = bad.replace("NullCipher()", "Cipher.getInstance(\"AES/GCM/NoPadding\")");
    assert!(!reported(&safe, Language::Kotlin, "weak-cipher"), "{safe}");
}

// ReDoS held-out round (CodeQL, regexploit, recheck and redos-detector test regexes).

#[test]
fn redos_a_trim_regex_on_request_data_is_reported_and_on_a_constant_is_not() {
    // Quadratic only through the start positions: reported when the attacker picks the text.
    let bad = "app.get('/t', (req, res) => {\n  const name = req.query.name;\n  res.send(name.replace(/\\s+$/, ''));\n});\n";
    assert!(reported_at(bad, Language::JavaScript, 3, "redos"), "{bad}");
    let fixed = bad.replace("name.replace", "'fixed text'.replace");
    assert!(!reported(&fixed, Language::JavaScript, "redos"), "{fixed}");
    let py = "from flask import request\n\ndef view():\n    text = request.args.get('q')\n    return re.sub(r'\\s*,\\s*$', '', text)\n";
    assert!(reported_at(py, Language::Python, 5, "redos"), "{py}");
    let py_const = py.replace("request.args.get('q')", "'a, b, c'");
    assert!(
        !reported(&py_const, Language::Python, "redos"),
        "{py_const}"
    );
}

#[test]
fn redos_anchors_in_the_middle_cut_the_ambiguity() {
    // `^` inside a loop only matches at position 0: `((;|^)a+)+$` splits runs of `a` one way.
    let safe = "const re = /((;|^)a+)+$/;\n";
    assert!(!reported(safe, Language::JavaScript, "redos"), "{safe}");
    let bad = "const re = /((;|,)?a+)+$/;\n";
    assert!(reported_at(bad, Language::JavaScript, 1, "redos"), "{bad}");
    // Nothing follows `$` in single-line mode.
    let dead = "const re = /^x$a+a+$/;\n";
    assert!(!reported(dead, Language::JavaScript, "redos"), "{dead}");
}

#[test]
fn redos_a_backreference_matches_its_group_again() {
    // `\1` is the same quote again: the loop before it fails to find it and backtracks.
    let bad = "const re = /(\"|')(\\\\?.)*?\\1/;\n";
    assert!(reported_at(bad, Language::JavaScript, 1, "redos"), "{bad}");
    // `\1` repeats a single marker character, so the spaces are split one way only.
    let safe = "import re\nRULE = re.compile(r'^([*\\-_])(?:\\s*\\1){2,}\\s*$')\n";
    assert!(!reported(safe, Language::Python, "redos"), "{safe}");
}

#[test]
fn redos_blowup_before_a_later_alternative_succeeds() {
    // The engine explores the first alternative completely before the second matches.
    let bad = "const re = /((a+)*$|[^]+)/;\n";
    assert!(reported_at(bad, Language::JavaScript, 1, "redos"), "{bad}");
    let safe = "const re = /([^]+|(a+)*$)/;\n";
    assert!(!reported(safe, Language::JavaScript, "redos"), "{safe}");
    // A trailing lookahead decides like the text it looks at.
    let look = "const re = /(x*)+(?=$)/;\n";
    assert!(
        reported_at(look, Language::JavaScript, 1, "redos"),
        "{look}"
    );
    let always = "const re = /(x*)+(?=\\s*)/;\n";
    assert!(!reported(always, Language::JavaScript, "redos"), "{always}");
}

#[test]
fn redos_flags_passed_beside_the_pattern_are_read() {
    // `(a|A)+` has one way through `aaa` as written, two with re.I.
    let bad = "import re\nNAME = re.compile(r'^(a|A)+$', re.IGNORECASE)\n";
    assert!(reported_at(bad, Language::Python, 2, "redos"), "{bad}");
    let plain = bad.replace(", re.IGNORECASE", "");
    assert!(!reported(&plain, Language::Python, "redos"), "{plain}");
    // Case-insensitive: `(foo|FOO)*` has two ways through `foo`.
    let java = "import java.util.regex.Pattern;\nclass A {\n  Pattern p = Pattern.compile(\"(foo|FOO)*bar\", Pattern.CASE_INSENSITIVE);\n}\n";
    assert!(reported_at(java, Language::Java, 3, "redos"), "{java}");
    let plain = java.replace(", Pattern.CASE_INSENSITIVE", "");
    assert!(!reported(&plain, Language::Java, "redos"), "{plain}");
}

#[test]
fn redos_java_helper_libraries_compile_their_pattern_argument() {
    // Guava's Splitter.onPattern and commons-lang3's RegExUtils take a regex, Splitter.on a
    // plain separator.
    let bad = "import com.google.common.base.Splitter;\nclass A {\n  void f(String s) {\n    Splitter.onPattern(\"(a|aa)+$\").split(s);\n  }\n}\n";
    assert!(reported_at(bad, Language::Java, 4, "redos"), "{bad}");
    let plain = bad.replace("Splitter.onPattern", "Splitter.on");
    assert!(!reported(&plain, Language::Java, "redos"), "{plain}");
    let commons = "import org.apache.commons.lang3.RegExUtils;\nclass A {\n  String f(String s) {\n    return RegExUtils.removeAll(s, \"(a|aa)+$\");\n  }\n}\n";
    assert!(
        reported_at(commons, Language::Java, 4, "redos"),
        "{commons}"
    );
}

// ---- CodeQL query tests for JavaScript, Python, Java, Go and Ruby (held-out round) ----

#[test]
fn go_certificate_checks_turned_off_only_on_a_path_the_caller_opted_into() {
    let always = "package main\n\nimport \"crypto/tls\"\n\nfunc clientConfig() *tls.Config {\n\treturn &tls.Config{InsecureSkipVerify: true}\n}\n";
    assert!(
        reported_at(always, Language::Go, 6, "tls-verification-disabled"),
        "{always}"
    );
    let opted_in = "package main\n\nimport \"crypto/tls\"\n\nfunc clientConfig(allowSelfSigned bool) *tls.Config {\n\tcfg := &tls.Config{}\n\tif allowSelfSigned {\n\t\tcfg.InsecureSkipVerify = true\n\t}\n\treturn cfg\n}\n";
    assert!(
        !reported(opted_in, Language::Go, "tls-verification-disabled"),
        "{opted_in}"
    );
    // A condition that says nothing about verification guards nothing.
    let unrelated = opted_in
        .replace("allowSelfSigned bool", "retries int")
        .replace("if allowSelfSigned {", "if retries > 2 {");
    assert!(
        reported_at(&unrelated, Language::Go, 8, "tls-verification-disabled"),
        "{unrelated}"
    );
    let named = always.replace("func clientConfig()", "func newInsecureClientConfig()");
    assert!(
        !reported(&named, Language::Go, "tls-verification-disabled"),
        "{named}"
    );
}

#[test]
fn java_a_yaml_receiver_built_with_the_default_constructor_loads_any_class() {
    let bad = "import org.yaml.snakeyaml.Yaml;\nimport org.yaml.snakeyaml.constructor.SafeConstructor;\n\nclass Settings {\n  Object trusted(String s) {\n    Yaml safe = new Yaml(new SafeConstructor());\n    return safe.load(s);\n  }\n  Object upload(java.io.InputStream body) {\n    Yaml yaml = new Yaml();\n    return yaml.load(body);\n  }\n}\n";
    assert!(
        reported_at(bad, Language::Java, 11, "unsafe-deserialization"),
        "{bad}"
    );
    let good = bad.replace(
        "Yaml yaml = new Yaml();",
        "Yaml yaml = new Yaml(new SafeConstructor());",
    );
    assert!(
        !reported(&good, Language::Java, "unsafe-deserialization"),
        "{good}"
    );
    // XStream's permissions are its own; a SafeConstructor in the file does not set them.
    let xstream = "import com.thoughtworks.xstream.XStream;\nimport org.yaml.snakeyaml.constructor.SafeConstructor;\n\nclass Import {\n  Object read(java.io.Reader body) {\n    XStream xs = new XStream();\n    return xs.fromXML(body);\n  }\n}\n";
    assert!(
        reported_at(xstream, Language::Java, 7, "unsafe-deserialization"),
        "{xstream}"
    );
    let allowed = xstream.replace(
        "    return xs.fromXML(body);",
        "    xs.allowTypes(new Class[] {Order.class});\n    return xs.fromXML(body);",
    );
    assert!(
        !reported(&allowed, Language::Java, "unsafe-deserialization"),
        "{allowed}"
    );
}

#[test]
fn js_yaml_options_with_a_function_schema_held_in_a_variable() {
    let bad = "const jsyaml = require('js-yaml');\nconst opts = { schema: jsyaml.DEFAULT_FULL_SCHEMA };\napp.post('/conf', (req, res) => {\n  const conf = jsyaml.load(req.body.text, opts);\n  res.json(conf);\n});\n";
    assert!(
        reported_at(bad, Language::JavaScript, 4, "unsafe-deserialization"),
        "{bad}"
    );
    let good = bad.replace("DEFAULT_FULL_SCHEMA", "DEFAULT_SCHEMA");
    assert!(
        !reported(&good, Language::JavaScript, "unsafe-deserialization"),
        "{good}"
    );
}

#[test]
fn loggers_named_for_where_they_write_and_python_stream_writes() {
    let ruby = "audit_logger = Logger.new(STDOUT)\n\ndef sign_in(user, password)\n  audit_logger.info \"sign in #{user} #{password}\"\nend\n";
    assert!(reported_at(ruby, Language::Ruby, 4, "log-secret"), "{ruby}");
    let ruby_ok = ruby.replace(" #{password}\"", "\"");
    assert!(
        !reported(&ruby_ok, Language::Ruby, "log-secret"),
        "{ruby_ok}"
    );
    let python = "import sys\n\ndef show(api_token, user):\n    sys.stderr.write(api_token)\n";
    assert!(
        reported_at(python, Language::Python, 4, "log-secret"),
        "{python}"
    );
    let python_ok = python.replace("write(api_token)", "write(user)");
    assert!(
        !reported(&python_ok, Language::Python, "log-secret"),
        "{python_ok}"
    );
}

#[test]
fn ruby_terrapin_command_lines_and_spel_parse_raw() {
    let bad = "class HostsController < ActionController::Base\n  def ping\n    line = Terrapin::CommandLine.new(\"ping\", \"-c 1 #{params[:host]}\")\n    line.run\n  end\nend\n";
    assert!(
        reported_at(bad, Language::Ruby, 3, "command-injection"),
        "{bad}"
    );
    let good = bad
        .replace("\"-c 1 #{params[:host]}\"", "\"-c 1 :host\"")
        .replace("line.run\n", "line.run(host: params[:host])\n");
    assert!(
        !reported(&good, Language::Ruby, "command-injection"),
        "{good}"
    );
    let spel = "import org.springframework.expression.spel.standard.SpelExpressionParser;\n\nclass Calc extends javax.servlet.http.HttpServlet {\n  protected void doGet(javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp) {\n    SpelExpressionParser parser = new SpelExpressionParser();\n    Object v = parser.parseRaw(req.getParameter(\"expr\")).getValue();\n  }\n}\n";
    assert!(
        reported_at(spel, Language::Java, 6, "code-injection"),
        "{spel}"
    );
    let constant = spel.replace("req.getParameter(\"expr\")", "\"1 + 2\"");
    assert!(
        !reported(&constant, Language::Java, "code-injection"),
        "{constant}"
    );
}

#[test]
fn java_a_variable_named_in_another_method_is_that_methods_own() {
    // Two methods each build their own `yaml`: the safe one's loads are not the other's.
    let src = "import org.yaml.snakeyaml.Yaml;\nimport org.yaml.snakeyaml.constructor.SafeConstructor;\n\nclass Loader {\n  Object open(java.io.InputStream in) {\n    Yaml yaml = new Yaml();\n    return yaml.load(in);\n  }\n  Object trusted(java.io.InputStream in) {\n    Yaml yaml = new Yaml(new SafeConstructor());\n    return yaml.load(in);\n  }\n}\n";
    assert!(
        reported_at(src, Language::Java, 7, "unsafe-deserialization"),
        "{src}"
    );
    assert!(
        !reported_at(src, Language::Java, 11, "unsafe-deserialization"),
        "{src}"
    );
}

#[test]
fn a_secret_copied_from_a_redacted_value_is_not_the_secret() {
    let redacted = "import logging\n\ndef audit(password):\n    shown = redact(password)\n    password_shown = shown\n    logging.info('pw %s', password_shown)\n";
    assert!(
        !reported(redacted, Language::Python, "log-secret"),
        "{redacted}"
    );
    let copied = redacted.replace("shown = redact(password)", "shown = password");
    assert!(
        reported_at(&copied, Language::Python, 6, "log-secret"),
        "{copied}"
    );
}

#[test]
fn js_credentials_passed_to_http_auth_helpers() {
    let bad = "const request = require('request');\nrequest.get(url).auth('deploy', 'Synthetic-pass-123');\nrequire('crypto').createHmac('sha256', 'synthetic-hmac-key-123');\n";
    assert!(
        reported_at(bad, Language::JavaScript, 2, "hardcoded-credential"),
        "{bad}"
    );
    assert!(
        reported_at(bad, Language::JavaScript, 3, "hardcoded-credential"),
        "{bad}"
    );
    let good = "const request = require('request');\nrequest.get(url).auth(process.env.API_USER, process.env.API_PASS);\nrequire('crypto').createHmac('sha256', process.env.HMAC_KEY);\n";
    assert!(
        !reported(good, Language::JavaScript, "hardcoded-credential"),
        "{good}"
    );
    let users = "const basicAuth = require('express-basic-auth');\napp.use(basicAuth({ users: { 'ops': 'Synthetic-pass-123' } }));\n";
    assert!(
        reported_at(users, Language::JavaScript, 2, "hardcoded-credential"),
        "{users}"
    );
    let from_env = users.replace("'Synthetic-pass-123'", "process.env.OPS_PASSWORD");
    assert!(
        !reported(&from_env, Language::JavaScript, "hardcoded-credential"),
        "{from_env}"
    );
    let header = "fetch(url, { headers: { Authorization: 'Basic deploy:Synthetic-pass-123' } });\n";
    assert!(
        reported_at(header, Language::JavaScript, 1, "hardcoded-credential"),
        "{header}"
    );
    let placeholder = header.replace("deploy:Synthetic-pass-123", "user:xxxxxxxx");
    assert!(
        !reported(&placeholder, Language::JavaScript, "hardcoded-credential"),
        "{placeholder}"
    );
}

#[test]
fn a_prefix_check_keeps_a_path_inside_its_base_only_once_dot_dot_is_resolved() {
    let raw = "from flask import request\n\n@app.route('/doc')\ndef doc():\n    name = request.args['name']\n    if name.startswith('docs/'):\n        return open(name).read()\n    return ''\n";
    assert!(
        reported_at(raw, Language::Python, 7, "path-traversal"),
        "{raw}"
    );
    let normalized = raw.replace(
        "name = request.args['name']",
        "name = os.path.normpath(request.args['name'])",
    );
    assert!(
        !reported(&normalized, Language::Python, "path-traversal"),
        "{normalized}"
    );
    // The same check that also refuses `..` does keep it inside.
    let refused = raw.replace(
        "if name.startswith('docs/'):",
        "if name.startswith('docs/') and '..' not in name:",
    );
    assert!(
        !reported(&refused, Language::Python, "path-traversal"),
        "{refused}"
    );
    let js = "const fs = require('fs');\napp.get('/f', (req, res) => {\n  const p = req.query.p;\n  if (p.startsWith('/srv/files/')) {\n    res.send(fs.readFileSync(p));\n  }\n});\n";
    assert!(
        reported_at(js, Language::JavaScript, 5, "path-traversal"),
        "{js}"
    );
    // A URL prefix is not a path check and keeps its meaning for the other rules.
    let url = "app.get('/go', (req, res) => {\n  const to = req.query.to;\n  if (to.startsWith('https://app.example/')) {\n    res.redirect(to);\n  }\n});\n";
    assert!(
        !reported(url, Language::JavaScript, "open-redirect"),
        "{url}"
    );
}

#[test]
fn go_a_secret_logged_only_outside_production_read_through_getenv() {
    let dev = "package main\n\nimport (\n\t\"log\"\n\t\"os\"\n)\n\nfunc start(password string) {\n\tif os.Getenv(\"APP_ENV\") != \"production\" {\n\t\tlog.Println(\"password: \" + password)\n\t}\n}\n";
    assert!(!reported(dev, Language::Go, "log-secret"), "{dev}");
    let always = dev.replace("!= \"production\"", "!= \"\"");
    assert!(
        reported_at(&always, Language::Go, 10, "log-secret"),
        "{always}"
    );
}

#[test]
fn a_literal_that_names_its_kind_is_a_placeholder_and_a_root_type_does_not_make_yaml_safe() {
    let key = "const crypto = require('crypto');\nconst mac = crypto.createHmac('sha256', 'q7Synthetic2Hmac');\n";
    assert!(
        reported_at(key, Language::JavaScript, 2, "hardcoded-credential"),
        "{key}"
    );
    let placeholder = key.replace("'q7Synthetic2Hmac'", "'SampleToken'");
    assert!(
        !reported(&placeholder, Language::JavaScript, "hardcoded-credential"),
        "{placeholder}"
    );
    // A weak real password is still a password.
    let weak = key.replace("'q7Synthetic2Hmac'", "'password'");
    assert!(
        reported_at(&weak, Language::JavaScript, 2, "hardcoded-credential"),
        "{weak}"
    );
    let rooted = "import org.yaml.snakeyaml.Yaml;\nimport org.yaml.snakeyaml.constructor.Constructor;\n\nclass Orders {\n  Object read(java.io.InputStream in) {\n    Yaml yaml = new Yaml(new Constructor(Order.class));\n    return yaml.load(in);\n  }\n}\n";
    assert!(
        reported_at(rooted, Language::Java, 7, "unsafe-deserialization"),
        "{rooted}"
    );
}

#[test]
fn ruby_a_helper_called_without_parentheses_returns_its_last_expression() {
    let bad = "class OrdersController < ApplicationController\n  def show\n    Order.find_by_sql(\"SELECT * FROM orders WHERE ref = '#{order_params[:ref]}'\")\n  end\n\n  private\n\n  def order_params\n    params.require(:order).permit(:ref)\n  end\nend\n";
    assert!(
        reported_at(bad, Language::Ruby, 3, "sql-injection"),
        "{bad}"
    );
    let fixed = bad.replace(
        "Order.find_by_sql(\"SELECT * FROM orders WHERE ref = '#{order_params[:ref]}'\")",
        "Order.find_by_sql([\"SELECT * FROM orders WHERE ref = ?\", order_params[:ref]])",
    );
    assert!(
        !reported(&fixed, Language::Ruby, "sql-injection"),
        "{fixed}"
    );
    // A helper that returns a constant carries nothing.
    let constant = bad.replace("params.require(:order).permit(:ref)", "{ ref: 'latest' }");
    assert!(
        !reported(&constant, Language::Ruby, "sql-injection"),
        "{constant}"
    );
}

#[test]
fn ruby_a_secret_appended_to_a_logger_or_set_as_its_progname() {
    let appended = "audit_logger = Logger.new(STDOUT)\n\ndef connect(api_key)\n  audit_logger << \"connecting with #{api_key}\\n\"\nend\n";
    assert!(
        reported_at(appended, Language::Ruby, 4, "log-secret"),
        "{appended}"
    );
    let plain = appended.replace("#{api_key}", "a key");
    assert!(!reported(&plain, Language::Ruby, "log-secret"), "{plain}");
    let progname = "logger = Logger.new(STDOUT)\nlogger.progname = password\n";
    assert!(
        reported_at(progname, Language::Ruby, 2, "log-secret"),
        "{progname}"
    );
    let named = progname.replace("= password", "= 'billing'");
    assert!(!reported(&named, Language::Ruby, "log-secret"), "{named}");
}
