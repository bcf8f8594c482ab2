//! Behaviours added from held-out Rust, Kotlin and shell test material (issue 3): each as a
//! vulnerable/safe pair that differ in the one thing the behaviour is about.

use airlock_code::Language;

use crate::support::{reported, reported_at};

/// An actix handler taking the query string as a map, then `body` as the handler's code.
fn actix(body: &str) -> String {
    format!(
        "use actix_web::{{web, HttpResponse}};\nuse std::collections::HashMap;\n\nasync fn lookup(q: web::Query<HashMap<String, String>>) -> HttpResponse {{\n    let item = q.get(\"item\").cloned().unwrap_or_default();\n{body}\n    HttpResponse::Ok().finish()\n}}\n"
    )
}

#[test]
fn actix_query_map_parameters_are_request_data() {
    let vulnerable = actix(
        "    let sql = format!(\"SELECT * FROM stock WHERE item = '{}'\", item);\n    sqlx::query(&sql).execute(&pool);",
    );
    assert!(
        reported_at(&vulnerable, Language::Rust, 7, "sql-injection"),
        "{vulnerable}"
    );
    let safe = actix(
        "    let sql = \"SELECT * FROM stock WHERE item = $1\";\n    sqlx::query(sql).bind(&item).execute(&pool);",
    );
    assert!(!reported(&safe, Language::Rust, "sql-injection"), "{safe}");
}

#[test]
fn application_state_parameters_are_not_request_data() {
    let handler = |ty: &str| {
        format!(
            "#[get(\"/report\")]\nasync fn report(cfg: {ty}) -> String {{\n    let sql = format!(\"SELECT * FROM {{}}\", cfg.table);\n    conn.execute(&sql, []).unwrap();\n    String::new()\n}}\n"
        )
    };
    let vulnerable = handler("String");
    assert!(
        reported_at(&vulnerable, Language::Rust, 4, "sql-injection"),
        "{vulnerable}"
    );
    let safe = handler("web::Data<AppConfig>");
    assert!(!reported(&safe, Language::Rust, "sql-injection"), "{safe}");
}

#[test]
fn mysql_crate_query_methods_take_sql_text() {
    for method in [
        "query_drop",
        "query_first",
        "query_iter",
        "query_map",
        "prep",
    ] {
        let vulnerable = actix(&format!(
            "    let sql = format!(\"DELETE FROM stock WHERE item = '{{}}'\", item);\n    conn.{method}(sql.as_str());"
        ));
        assert!(
            reported_at(&vulnerable, Language::Rust, 7, "sql-injection"),
            "{vulnerable}"
        );
        let safe = actix(&format!(
            "    let sql = String::from(\"DELETE FROM stock WHERE item = 'none'\");\n    conn.{method}(sql.as_str());"
        ));
        assert!(!reported(&safe, Language::Rust, "sql-injection"), "{safe}");
    }
}

#[test]
fn a_fetched_response_body_is_untrusted() {
    let program = |use_of: &str| {
        format!(
            "fn sync_rows(conn: &Connection) {{\n    let body = reqwest::blocking::get(\"https://feed.example/rows\").unwrap().text().unwrap();\n{use_of}\n}}\n"
        )
    };
    let vulnerable = program(
        "    let sql = String::from(\"INSERT INTO feed VALUES ('\") + &body + \"')\";\n    conn.execute(sql.as_str(), []).unwrap();",
    );
    assert!(
        reported_at(&vulnerable, Language::Rust, 4, "sql-injection"),
        "{vulnerable}"
    );
    let safe = program(
        "    let n = body.trim().parse::<i64>().unwrap_or(0);\n    let sql = format!(\"INSERT INTO feed VALUES ({})\", n);\n    conn.execute(sql.as_str(), []).unwrap();",
    );
    assert!(!reported(&safe, Language::Rust, "sql-injection"), "{safe}");
}

#[test]
fn a_program_chosen_by_request_data_is_command_injection() {
    let vulnerable = actix("    std::process::Command::new(&item).output().unwrap();");
    assert!(
        reported_at(&vulnerable, Language::Rust, 6, "command-injection"),
        "{vulnerable}"
    );
    let safe = actix("    std::process::Command::new(\"convert\").arg(&item).output().unwrap();");
    assert!(
        !reported(&safe, Language::Rust, "command-injection"),
        "{safe}"
    );
}

#[test]
fn a_shell_chain_over_lines_is_reported_at_the_value() {
    let vulnerable = actix(
        "    Command::new(\"bash\")\n        .arg(\"-c\")\n        .arg(item.as_str())\n        .status()\n        .unwrap();",
    );
    assert!(
        reported_at(&vulnerable, Language::Rust, 8, "command-injection"),
        "{vulnerable}"
    );
    let safe = actix(
        "    Command::new(\"bash\")\n        .arg(\"-c\")\n        .arg(\"uptime\")\n        .status()\n        .unwrap();",
    );
    assert!(
        !reported(&safe, Language::Rust, "command-injection"),
        "{safe}"
    );
}

#[test]
fn push_str_builds_the_string() {
    let program = |pushed: &str| {
        actix(&format!(
            "    let mut line = String::from(\"tar czf /tmp/out.tgz \");\n    line.push_str({pushed});\n    Command::new(\"sh\").arg(\"-c\").arg(&line).status().unwrap();"
        ))
    };
    let vulnerable = program("&item");
    assert!(
        reported_at(&vulnerable, Language::Rust, 8, "command-injection"),
        "{vulnerable}"
    );
    let safe = program("\"/srv/data\"");
    assert!(
        !reported(&safe, Language::Rust, "command-injection"),
        "{safe}"
    );
}

#[test]
fn a_number_typed_let_holds_no_text() {
    let program = |ty: &str| {
        actix(&format!(
            "    let n: {ty} = item.parse().unwrap_or_default();\n    let body = std::fs::read_to_string(format!(\"/srv/pages/{{}}.html\", n)).unwrap();"
        ))
    };
    let vulnerable = program("String");
    assert!(
        reported_at(&vulnerable, Language::Rust, 7, "path-traversal"),
        "{vulnerable}"
    );
    let safe = program("u32");
    assert!(!reported(&safe, Language::Rust, "path-traversal"), "{safe}");
}

#[test]
fn pathbuf_from_keeps_the_path() {
    let program = |from: &str| {
        format!(
            "async fn page(Query(name): Query<String>) -> String {{\n    let p = std::path::PathBuf::from({from});\n    std::fs::read_to_string(p).unwrap()\n}}\n"
        )
    };
    let vulnerable = program("name");
    assert!(
        reported_at(&vulnerable, Language::Rust, 3, "path-traversal"),
        "{vulnerable}"
    );
    let safe = program("\"/srv/index.html\"");
    assert!(!reported(&safe, Language::Rust, "path-traversal"), "{safe}");
}

#[test]
fn html_typed_responses_are_xss_sinks() {
    for wrap in ["Html", "Html::new", "RawHtml", "warp::reply::html"] {
        let vulnerable = actix(&format!(
            "    let page = format!(\"<h1>{{}}</h1>\", item);\n    let _r = {wrap}(page);"
        ));
        assert!(
            reported_at(&vulnerable, Language::Rust, 7, "xss"),
            "{vulnerable}"
        );
        let safe = actix(&format!(
            "    let page = format!(\"<h1>{{}}</h1>\", html_escape::encode_text(&item));\n    let _r = {wrap}(page);"
        ));
        assert!(!reported(&safe, Language::Rust, "xss"), "{safe}");
    }
}

#[test]
fn rust_block_ciphers_of_the_broken_families() {
    for ctor in [
        "Rc2::new(key.into())",
        "Rc4::<U16>::new(key.into())",
        "TdesEee3::new_from_slice(key).unwrap()",
        "RC5_32_12_16::new(key.into())",
        "cbc::Encryptor::<des::Des>::new(key.into(), iv.into())",
    ] {
        let vulnerable = format!("fn seal(key: &[u8], iv: &[u8]) {{\n    let c = {ctor};\n}}\n");
        assert!(
            reported_at(&vulnerable, Language::Rust, 2, "weak-cipher"),
            "{vulnerable}"
        );
    }
    let safe = "fn seal(key: &[u8], iv: &[u8]) {\n    let c = cbc::Encryptor::<aes::Aes256>::new(key.into(), iv.into());\n    let d = Aes128::new_from_slice(key).unwrap();\n}\n";
    assert!(!reported(safe, Language::Rust, "weak-cipher"), "{safe}");
}

#[test]
fn md5_hasher_with_a_prefix_is_md5() {
    let vulnerable = "fn tag(secret: &str) -> Vec<u8> {\n    md5::Md5::new_with_prefix(secret).finalize().to_vec()\n}\n";
    assert!(
        reported_at(vulnerable, Language::Rust, 2, "weak-hash"),
        "{vulnerable}"
    );
    let safe = "fn tag(secret: &str) -> Vec<u8> {\n    sha2::Sha256::new_with_prefix(secret).finalize().to_vec()\n}\n";
    assert!(!reported(safe, Language::Rust, "weak-hash"), "{safe}");
}

#[test]
fn a_flag_passed_to_danger_accept_invalid_certs() {
    let client = |arg: &str| {
        format!(
            "fn client(insecure: bool) -> reqwest::Client {{\n    reqwest::Client::builder()\n        .danger_accept_invalid_certs({arg})\n        .build()\n        .unwrap()\n}}\n"
        )
    };
    let vulnerable = client("insecure");
    assert!(
        reported_at(&vulnerable, Language::Rust, 3, "tls-verification-disabled"),
        "{vulnerable}"
    );
    let safe = client("false");
    assert!(
        !reported(&safe, Language::Rust, "tls-verification-disabled"),
        "{safe}"
    );
}

#[test]
fn rust_log_secret_through_format_names_aliases_and_panics() {
    let pairs = [
        (
            "    log::info!(\"login {password}\");",
            "    log::info!(\"login {username}\");",
        ),
        (
            "    log::debug!(\"login {password:?}\");",
            "    log::debug!(\"login {username:?}\");",
        ),
        (
            "    let line = format!(\"{} / {}\", username, password);\n    log::info!(\"{}\", line);",
            "    let line = format!(\"{}\", username);\n    log::info!(\"{}\", line);",
        ),
        (
            "    let shown = &password;\n    log::warn!(\"{}\", shown);",
            "    let shown = &username;\n    log::warn!(\"{}\", shown);",
        ),
        (
            "    let s = password.as_str();\n    log::warn!(\"{}\", s);",
            "    let s = username.as_str();\n    log::warn!(\"{}\", s);",
        ),
        (
            "    unreachable!(\"bad login {}\", password);",
            "    unreachable!(\"bad login {}\", username);",
        ),
        (
            "    std::io::stdout().write_all(format!(\"{}\\n\", password).as_bytes()).unwrap();",
            "    std::io::stdout().write_all(format!(\"{}\\n\", username).as_bytes()).unwrap();",
        ),
    ];
    for (bad, good) in pairs {
        let vulnerable = format!("fn login(username: String, password: String) {{\n{bad}\n}}\n");
        assert!(
            reported(&vulnerable, Language::Rust, "log-secret"),
            "{vulnerable}"
        );
        let safe = format!("fn login(username: String, password: String) {{\n{good}\n}}\n");
        assert!(!reported(&safe, Language::Rust, "log-secret"), "{safe}");
    }
}

#[test]
fn ktor_headers_and_cookies_are_request_data() {
    for read in [
        "call.request.headers[\"X-Team\"]",
        "call.request.cookies[\"team\"]",
    ] {
        let vulnerable = format!(
            "suspend fun team(call: ApplicationCall) {{\n    val team = {read}\n    conn.createStatement().executeQuery(\"SELECT * FROM teams WHERE name = '$team'\")\n}}\n"
        );
        assert!(
            reported_at(&vulnerable, Language::Kotlin, 3, "sql-injection"),
            "{vulnerable}"
        );
    }
    let safe = "suspend fun team(call: ApplicationCall) {\n    val team = \"core\"\n    conn.createStatement().executeQuery(\"SELECT * FROM teams WHERE name = '$team'\")\n}\n";
    assert!(!reported(safe, Language::Kotlin, "sql-injection"), "{safe}");
}

#[test]
fn ktor_html_escaped_through_a_variable() {
    let page = |value: &str| {
        format!(
            "suspend fun show(call: ApplicationCall) {{\n    val title = call.parameters[\"title\"]\n    val shown = {value}\n    call.respondText(\"<h1>$shown</h1>\", ContentType.Text.Html)\n}}\n"
        )
    };
    let vulnerable = page("title");
    assert!(
        reported_at(&vulnerable, Language::Kotlin, 4, "xss"),
        "{vulnerable}"
    );
    let safe = page("StringEscapeUtils.escapeHtml4(title)");
    assert!(!reported(&safe, Language::Kotlin, "xss"), "{safe}");
}

#[test]
fn shell_eval_of_downloaded_text() {
    let vulnerable =
        "#!/bin/sh\nsetup=$(curl -fsSL https://get.example.com/env)\neval \"$setup\"\n";
    assert!(
        reported_at(vulnerable, Language::Shell, 3, "code-injection"),
        "{vulnerable}"
    );
    let safe = "#!/bin/sh\nsetup=$(printf 'export MODE=%s' prod)\neval \"$setup\"\n";
    assert!(!reported(safe, Language::Shell, "code-injection"), "{safe}");
}

#[test]
fn a_prepared_statement_takes_values_not_sql() {
    let program = |receiver: &str| {
        actix(&format!(
            "    let sql = format!(\"SELECT * FROM stock WHERE item = '{{}}'\", item);\n    let mut stmt = {receiver};\n    stmt.query_map(sql.as_str(), |r| r.get(0));"
        ))
    };
    let vulnerable = program("pool.get_conn().unwrap()");
    assert!(
        reported_at(&vulnerable, Language::Rust, 8, "sql-injection"),
        "{vulnerable}"
    );
    let safe = program("conn.prepare(\"SELECT * FROM stock WHERE item = ?1\").unwrap()");
    assert!(!reported(&safe, Language::Rust, "sql-injection"), "{safe}");
}

#[test]
fn the_name_of_a_secrets_variable_is_not_the_secret() {
    let vulnerable =
        "fn start(api_secret: &str) {\n    eprintln!(\"starting with {api_secret}\");\n}\n";
    assert!(
        reported_at(vulnerable, Language::Rust, 2, "log-secret"),
        "{vulnerable}"
    );
    let safe =
        "fn start(api_secret_env: &str) {\n    eprintln!(\"{api_secret_env} is not set\");\n}\n";
    assert!(!reported(safe, Language::Rust, "log-secret"), "{safe}");
}

#[test]
fn an_assertion_prints_its_message_arguments() {
    let vulnerable = "fn check(password: &str, n: usize) {\n    assert!(n > 0, \"bad login for {}\", password);\n}\n";
    assert!(
        reported_at(vulnerable, Language::Rust, 2, "log-secret"),
        "{vulnerable}"
    );
    let safe =
        "fn check(token: &str, n: usize) {\n    assert_eq!(token.len(), n, \"token length\");\n}\n";
    assert!(!reported(safe, Language::Rust, "log-secret"), "{safe}");
}

#[test]
fn a_writer_bound_to_stdout() {
    let program = |writer: &str| {
        format!("fn show(password: &str) {{\n    let mut out = {writer};\n    out.write_all(format!(\"{{}}\\n\", password).as_bytes()).unwrap();\n}}\n")
    };
    let vulnerable = program("std::io::stdout().lock()");
    assert!(
        reported_at(&vulnerable, Language::Rust, 3, "log-secret"),
        "{vulnerable}"
    );
    let safe = program("Vec::new()");
    assert!(!reported(&safe, Language::Rust, "log-secret"), "{safe}");
}

#[test]
fn assertion_operands_are_not_printed_unless_in_the_message() {
    for safe in [
        "fn check(token: &Token) {\n    assert_eq!(token.kind(), Kind::Ident);\n}\n",
        "fn check(s: &str) {\n    assert!(\"/*/\".parse::<TokenStream>().is_err());\n}\n",
        "fn check(secret: &[u8], k: &[u8]) {\n    assert_eq!(k, secret, \"keys differ\");\n}\n",
    ] {
        assert!(!reported(safe, Language::Rust, "log-secret"), "{safe}");
    }
    let vulnerable = "fn check(secret: &[u8], k: &[u8]) {\n    assert_eq!(k, secret, \"expected {:?}\", secret);\n}\n";
    assert!(
        reported_at(vulnerable, Language::Rust, 2, "log-secret"),
        "{vulnerable}"
    );
}

/// Rust `write!`/`writeln!` into a buffer: the buffer then holds what was written, so
/// logging it logs the secret; a buffer written only harmless values is quiet.
#[test]
fn rust_write_macro_fills_its_buffer() {
    let code = |value: &str, mac: &str| {
        format!(
            "use std::fmt::Write;\n\nfn login(user: &str, password: &str) {{\n    let mut line = String::new();\n    {mac}!(&mut line, \"login {{}}\", {value}).unwrap();\n    log::info!(\"{{}}\", line);\n}}\n"
        )
    };
    for mac in ["write", "writeln"] {
        let vulnerable = code("password", mac);
        assert!(
            reported_at(&vulnerable, Language::Rust, 6, "log-secret"),
            "{vulnerable}"
        );
        let safe = code("user", mac);
        assert!(!reported(&safe, Language::Rust, "log-secret"), "{safe}");
    }
}

/// A Rust tuple logged whole prints every element (`{:?}`): with a password in it, the
/// password is logged; `t.1` logs only that element, so the harmless one is quiet.
#[test]
fn rust_tuple_elements_are_told_apart() {
    let code = |logged: &str| {
        format!(
            "fn login(user: String, password: String) {{\n    let pair = (user, password);\n    log::info!(\"login {{:?}}\", {logged});\n}}\n"
        )
    };
    for logged in ["pair", "pair.1"] {
        let vulnerable = code(logged);
        assert!(
            reported_at(&vulnerable, Language::Rust, 3, "log-secret"),
            "{vulnerable}"
        );
    }
    let safe = code("pair.0");
    assert!(!reported(&safe, Language::Rust, "log-secret"), "{safe}");
}
