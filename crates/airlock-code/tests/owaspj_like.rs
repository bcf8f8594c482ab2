//! Behaviours added from OWASP Benchmark-style Java servlets (issue 3): request data reached
//! through the names of the parameters or headers, through a getter of a request wrapper, or into
//! the environment of a command, ESAPI's encoders for SQL and the shell, constant indexes into
//! Java arrays and fixed lists, and APIs whose method names collide with a sink's. Each is a vulnerable/safe pair that differ in
//! the one thing the behaviour is about.

use airlock_code::Language;

use crate::support;

fn reported_at(src: &str, line: usize, rule: &str) -> bool {
    support::reported_at(src, Language::Java, line, rule)
}

fn reported(src: &str, rule: &str) -> bool {
    support::reported(src, Language::Java, rule)
}

/// A servlet whose `doPost` runs `body`.
fn servlet(body: &str) -> String {
    format!(
        "import javax.servlet.http.*;\n\npublic class Page extends HttpServlet {{\n    public void doPost(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {{\n{body}    }}\n}}\n"
    )
}

#[test]
fn a_parameter_name_from_the_enumeration_is_request_data() {
    // The client chooses the names of the parameters it sends as freely as their values.
    let pick = |assign: &str| {
        servlet(&format!(
            "        String chosen = \"\";\n        java.util.Enumeration<String> names = request.getParameterNames();\n        while (names.hasMoreElements()) {{\n            String name = (String) names.nextElement();\n            if (request.getParameter(name).equals(\"on\")) {{\n                chosen = {assign};\n            }}\n        }}\n        response.getWriter().print(\"<p>\" + chosen + \"</p>\");\n"
        ))
    };
    let vulnerable = pick("name");
    assert!(reported_at(&vulnerable, 13, "xss"), "{vulnerable}");
    let safe = pick("\"picked\"");
    assert!(!reported(&safe, "xss"), "{safe}");
}

#[test]
fn a_header_name_from_the_enumeration_is_request_data() {
    let open = |value: &str| {
        servlet(&format!(
            "        java.util.Enumeration<String> headers = request.getHeaderNames();\n        String first = headers.hasMoreElements() ? {value} : \"none\";\n        new java.io.FileInputStream(\"/var/cache/\" + first).close();\n"
        ))
    };
    let vulnerable = open("headers.nextElement()");
    assert!(
        reported_at(&vulnerable, 7, "path-traversal"),
        "{vulnerable}"
    );
    let safe = open("\"some\"");
    assert!(!reported(&safe, "path-traversal"), "{safe}");
}

#[test]
fn a_parameter_getter_of_a_request_wrapper_is_request_data_but_an_init_parameter_is_not() {
    let query = |setup: &str, read: &str| {
        servlet(&format!(
            "        {setup}\n        String table = {read};\n        java.sql.Connection db = java.sql.DriverManager.getConnection(\"jdbc:h2:mem:app\");\n        db.createStatement().executeQuery(\"select * from \" + table);\n"
        ))
    };
    // A class that wraps the request and hands back what `getParameter` gives.
    let wrapped = query(
        "app.web.WrappedRequest wrapper = new app.web.WrappedRequest(request);",
        "wrapper.getTheParameter(\"table\")",
    );
    assert!(reported_at(&wrapped, 8, "sql-injection"), "{wrapped}");
    // JSF: the request parameters of the external context.
    let jsf = query(
        "javax.faces.context.ExternalContext external = javax.faces.context.FacesContext.getCurrentInstance().getExternalContext();",
        "external.getRequestParameterMap().get(\"table\")",
    );
    assert!(reported_at(&jsf, 8, "sql-injection"), "{jsf}");
    // An init parameter comes from the deployment descriptor, not from the client.
    let config = query(
        "javax.servlet.ServletConfig config = getServletConfig();",
        "config.getInitParameter(\"table\")",
    );
    assert!(!reported(&config, "sql-injection"), "{config}");
}

#[test]
fn a_digest_update_is_not_a_sql_update() {
    let feed = |setup: &str, call: &str| {
        servlet(&format!(
            "        String bar = request.getParameter(\"v\");\n{setup}        {call};\n"
        ))
    };
    let spring = feed(
        "        org.springframework.jdbc.core.JdbcTemplate jdbc = app.Db.template();\n",
        "jdbc.update(\"update users set name='\" + bar + \"'\")",
    );
    assert!(reported_at(&spring, 7, "sql-injection"), "{spring}");
    let digest = feed(
        "        java.security.MessageDigest md = java.security.MessageDigest.getInstance(\"SHA-256\");\n",
        "md.update(bar.getBytes())",
    );
    assert!(!reported(&digest, "sql-injection"), "{digest}");
    let cipher = feed(
        "        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(\"AES/GCM/NoPadding\");\n",
        "c.update(bar.getBytes())",
    );
    assert!(!reported(&cipher, "sql-injection"), "{cipher}");
}

#[test]
fn request_data_in_the_environment_of_a_command_is_command_injection() {
    let run = |entry: &str| {
        servlet(&format!(
            "        String bar = request.getParameter(\"v\");\n        String[] argsEnv = {{ {entry} }};\n        Runtime r = Runtime.getRuntime();\n        Process p = r.exec(new String[] {{ \"/usr/local/bin/report\" }}, argsEnv);\n"
        ))
    };
    let vulnerable = run("bar");
    assert!(
        reported_at(&vulnerable, 8, "command-injection"),
        "{vulnerable}"
    );
    let safe = run("\"LANG=C\"");
    assert!(!reported(&safe, "command-injection"), "{safe}");
    // Passing on this process's own environment is what exec does by default.
    let inherited = run("\"PATH=\" + System.getenv(\"PATH\")");
    assert!(!reported(&inherited, "command-injection"), "{inherited}");
}

#[test]
fn esapi_encoders_for_sql_and_the_shell_sanitize_their_sinks() {
    let sql = |value: &str| {
        servlet(&format!(
            "        String bar = {value};\n        java.sql.Statement st = java.sql.DriverManager.getConnection(\"jdbc:h2:mem:app\").createStatement();\n        st.executeQuery(\"select * from users where name='\" + bar + \"'\");\n"
        ))
    };
    let raw = sql("request.getParameter(\"name\")");
    assert!(reported_at(&raw, 7, "sql-injection"), "{raw}");
    let encoded = sql(
        "org.owasp.esapi.ESAPI.encoder().encodeForSQL(new org.owasp.esapi.codecs.OracleCodec(), request.getParameter(\"name\"))",
    );
    assert!(!reported(&encoded, "sql-injection"), "{encoded}");
    let shell = |value: &str| {
        servlet(&format!(
            "        String bar = {value};\n        Runtime.getRuntime().exec(\"sh -c ls \" + bar);\n"
        ))
    };
    let raw = shell("request.getParameter(\"dir\")");
    assert!(reported_at(&raw, 6, "command-injection"), "{raw}");
    let encoded = shell(
        "org.owasp.esapi.ESAPI.encoder().encodeForOS(new org.owasp.esapi.codecs.UnixCodec(), request.getParameter(\"dir\"))",
    );
    assert!(!reported(&encoded, "command-injection"), "{encoded}");
}

#[test]
fn a_constant_index_into_a_java_array_or_fixed_list_picks_one_entry() {
    let read = |setup: &str, pick: &str| {
        servlet(&format!(
            "        String param = request.getParameter(\"v\");\n{setup}        String bar = {pick};\n        new java.io.FileInputStream(\"/srv/data/\" + bar).close();\n"
        ))
    };
    let array = "        String[] parts = { \"index.html\", param };\n";
    let vulnerable = read(array, "parts[1]");
    assert!(
        reported_at(&vulnerable, 8, "path-traversal"),
        "{vulnerable}"
    );
    let safe = read(array, "parts[0]");
    assert!(!reported(&safe, "path-traversal"), "{safe}");
    let created = "        String[] parts = new String[] { \"index.html\", param };\n";
    let safe = read(created, "parts[0]");
    assert!(!reported(&safe, "path-traversal"), "{safe}");
    let list =
        "        java.util.List<String> parts = java.util.Arrays.asList(\"index.html\", param);\n";
    let vulnerable = read(list, "parts.get(1)");
    assert!(
        reported_at(&vulnerable, 8, "path-traversal"),
        "{vulnerable}"
    );
    let safe = read(list, "parts.get(0)");
    assert!(!reported(&safe, "path-traversal"), "{safe}");
    // An entry overwritten with request data before the read is request data.
    let overwritten = read(
        "        String[] parts = { \"index.html\", \"about.html\" };\n        parts[0] = param;\n",
        "parts[0]",
    );
    assert!(reported(&overwritten, "path-traversal"), "{overwritten}");
}
