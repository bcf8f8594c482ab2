//! Behaviours added from NIST Juliet-style Java material (issue 3): data read from
//! another machine or from storage, servlet error pages, prefix checks that test a format,
//! and secrets or IVs written into the code and passed through a local variable. Each is a
//! vulnerable/safe pair that differ in the one thing the behaviour is about.

use airlock_code::Language;

use crate::support;

fn reported_at(src: &str, line: usize, rule: &str) -> bool {
    support::reported_at(src, Language::Java, line, rule)
}

fn reported(src: &str, rule: &str) -> bool {
    support::reported(src, Language::Java, rule)
}

/// A method that reads one line through `reader_setup` and opens it as a file.
fn open_read_line(reader_setup: &str) -> String {
    format!(
        "class Fetch {{\n    void run() throws Exception {{\n{reader_setup}        String name = in.readLine();\n        java.io.File f = new java.io.File(\"/srv/files/\" + name);\n        new java.io.FileInputStream(f).close();\n    }}\n}}\n"
    )
}

#[test]
fn a_line_read_from_a_socket_is_untrusted_but_one_read_from_the_console_is_local() {
    let socket = open_read_line(
        "        java.net.Socket s = new java.net.Socket(\"peer.example\", 9000);\n        java.io.InputStreamReader isr = new java.io.InputStreamReader(s.getInputStream(), \"UTF-8\");\n        java.io.BufferedReader in = new java.io.BufferedReader(isr);\n",
    );
    assert!(reported_at(&socket, 7, "path-traversal"), "{socket}");
    let accepted = open_read_line(
        "        java.net.ServerSocket srv = new java.net.ServerSocket(9000);\n        java.net.Socket s = srv.accept();\n        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream()));\n",
    );
    assert!(reported_at(&accepted, 7, "path-traversal"), "{accepted}");
    let url = open_read_line(
        "        java.net.URLConnection c = new java.net.URL(\"https://feed.example/list\").openConnection();\n        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(c.getInputStream()));\n",
    );
    assert!(reported_at(&url, 6, "path-traversal"), "{url}");
    // The operator typing a file name at the console of a command-line tool is not an attack.
    let console = open_read_line(
        "        java.io.InputStreamReader isr = new java.io.InputStreamReader(System.in, \"UTF-8\");\n        java.io.BufferedReader in = new java.io.BufferedReader(isr);\n",
    );
    assert!(!reported(&console, "path-traversal"), "{console}");
}

#[test]
fn a_database_column_written_to_a_page_is_stored_xss() {
    let vulnerable = "class Show {\n    void show(javax.servlet.http.HttpServletResponse response) throws Exception {\n        java.sql.Connection db = java.sql.DriverManager.getConnection(\"jdbc:h2:mem:app\");\n        java.sql.PreparedStatement ps = db.prepareStatement(\"select bio from users where id=1\");\n        java.sql.ResultSet rows = ps.executeQuery();\n        rows.next();\n        String bio = rows.getString(1);\n        response.getWriter().println(\"<p>\" + bio + \"</p>\");\n    }\n}\n";
    assert!(reported_at(vulnerable, 8, "xss"), "{vulnerable}");
    // The same getter on something that is not a query result (a message bundle) is not stored data.
    let safe = "class Show {\n    void show(javax.servlet.http.HttpServletResponse response) throws Exception {\n        java.util.ResourceBundle rows = java.util.ResourceBundle.getBundle(\"labels\");\n        String bio = rows.getString(\"bio.title\");\n        response.getWriter().println(\"<p>\" + bio + \"</p>\");\n    }\n}\n";
    assert!(!reported(safe, "xss"), "{safe}");
}

#[test]
fn a_database_column_built_into_a_command_is_second_order_injection() {
    let vulnerable = "class Job {\n    void run() throws Exception {\n        java.sql.Statement st = java.sql.DriverManager.getConnection(\"jdbc:h2:mem:app\").createStatement();\n        java.sql.ResultSet rs = st.executeQuery(\"select dir from jobs\");\n        String dir = rs.getString(\"dir\");\n        Runtime.getRuntime().exec(\"ls \" + dir);\n    }\n}\n";
    assert!(
        reported_at(vulnerable, 6, "command-injection"),
        "{vulnerable}"
    );
    let safe = "class Job {\n    void run() throws Exception {\n        java.sql.Statement st = java.sql.DriverManager.getConnection(\"jdbc:h2:mem:app\").createStatement();\n        java.sql.ResultSet rs = st.executeQuery(\"select id from jobs\");\n        int id = Integer.parseInt(rs.getString(\"id\"));\n        Runtime.getRuntime().exec(\"ls /jobs/\" + id);\n    }\n}\n";
    assert!(!reported(safe, "command-injection"), "{safe}");
}

#[test]
fn a_properties_file_entry_is_local_configuration() {
    // Configuration counts where the environment counts (a command run from it) ...
    let command = "class Cfg {\n    void run() throws Exception {\n        java.util.Properties props = new java.util.Properties();\n        props.load(new java.io.FileInputStream(\"app.properties\"));\n        String tool = props.getProperty(\"tool\");\n        Runtime.getRuntime().exec(\"sh -c \" + tool);\n    }\n}\n";
    assert!(reported_at(command, 6, "command-injection"), "{command}");
    // ... and in a page: configuration is text like any other there, and must be escaped
    // (whoever edits the file must not be able to script the site).
    let page = "class Cfg {\n    void show(javax.servlet.http.HttpServletResponse response) throws Exception {\n        java.util.Properties props = new java.util.Properties();\n        props.load(new java.io.FileInputStream(\"app.properties\"));\n        String title = props.getProperty(\"title\");\n        response.getWriter().println(\"<h1>\" + title + \"</h1>\");\n    }\n}\n";
    assert!(reported_at(page, 6, "xss"), "{page}");
    let escaped = page.replace(
        "\"<h1>\" + title",
        "\"<h1>\" + org.owasp.encoder.Encode.forHtml(title)",
    );
    assert!(!reported(&escaped, "xss"), "{escaped}");
    // `System.getProperty` style lookups on something that is not a Properties object stay unknown.
    let other = "class Cfg {\n    void run() throws Exception {\n        Settings settings = Settings.load();\n        String tool = settings.getProperty(\"tool\");\n        Runtime.getRuntime().exec(\"sh -c \" + tool);\n    }\n}\n";
    assert!(!reported(other, "command-injection"), "{other}");
}

#[test]
fn a_servlet_error_message_is_html() {
    let vulnerable = "class Err extends javax.servlet.http.HttpServlet {\n    protected void doGet(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws java.io.IOException {\n        String item = request.getParameter(\"item\");\n        response.sendError(404, \"No such item: \" + item);\n    }\n}\n";
    assert!(reported_at(vulnerable, 4, "xss"), "{vulnerable}");
    let safe = "class Err extends javax.servlet.http.HttpServlet {\n    protected void doGet(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws java.io.IOException {\n        String item = request.getParameter(\"item\");\n        response.sendError(404, \"No such item: \" + org.owasp.encoder.Encode.forHtml(item));\n    }\n}\n";
    assert!(!reported(safe, "xss"), "{safe}");
}

#[test]
fn a_prefix_test_against_a_format_does_not_validate_what_follows() {
    let vulnerable = "class Q {\n    void find(javax.servlet.http.HttpServletRequest request, java.sql.Statement st) throws Exception {\n        String key = \"\";\n        for (String part : request.getQueryString().split(\"&\")) {\n            if (part.startsWith(\"key=\")) {\n                key = part.substring(4);\n            }\n        }\n        st.executeQuery(\"select * from t where k='\" + key + \"'\");\n    }\n}\n";
    assert!(reported_at(vulnerable, 9, "sql-injection"), "{vulnerable}");
    // A check that the value stays under a base directory is still a guard.
    let guarded = "class Q {\n    static final String BASE = \"/srv/files/\";\n    void get(javax.servlet.http.HttpServletRequest request) throws Exception {\n        String p = new java.io.File(BASE, request.getParameter(\"f\")).getCanonicalPath();\n        if (!p.startsWith(BASE)) {\n            throw new SecurityException(p);\n        }\n        new java.io.FileInputStream(p).close();\n    }\n}\n";
    assert!(!reported_at(guarded, 8, "path-traversal"), "{guarded}");
}

#[test]
fn a_password_literal_kept_in_a_local_variable_is_hard_coded() {
    let vulnerable = "class Db {\n    java.sql.Connection open() throws Exception {\n        String pw;\n        pw = \"Synthetic-Pw-42\";\n        return java.sql.DriverManager.getConnection(\"jdbc:h2:mem:x\", \"app\", pw);\n    }\n}\n";
    assert!(
        reported_at(vulnerable, 4, "hardcoded-credential"),
        "{vulnerable}"
    );
    let safe = "class Db {\n    java.sql.Connection open() throws Exception {\n        String pw = \"\";\n        pw = System.getenv(\"DB_PASSWORD\");\n        return java.sql.DriverManager.getConnection(\"jdbc:h2:mem:x\", \"app\", pw);\n    }\n}\n";
    assert!(!reported(safe, "hardcoded-credential"), "{safe}");
    let kerberos = "class K {\n    Object key() {\n        String secret = \"Synthetic-Pw-42\";\n        return new javax.security.auth.kerberos.KerberosKey(new javax.security.auth.kerberos.KerberosPrincipal(\"svc\"), secret.toCharArray(), null);\n    }\n}\n";
    assert!(
        reported_at(kerberos, 3, "hardcoded-credential"),
        "{kerberos}"
    );
    let kerberos_safe = "class K {\n    Object key(char[] typed) {\n        return new javax.security.auth.kerberos.KerberosKey(new javax.security.auth.kerberos.KerberosPrincipal(\"svc\"), typed, null);\n    }\n}\n";
    assert!(
        !reported(kerberos_safe, "hardcoded-credential"),
        "{kerberos_safe}"
    );
}

#[test]
fn a_key_spec_is_judged_by_its_key_not_by_its_algorithm_name() {
    let vulnerable = "class C {\n    Object key() throws Exception {\n        String k = \"synthetic-key-16\";\n        return new javax.crypto.spec.SecretKeySpec(k.getBytes(\"UTF-8\"), \"AES\");\n    }\n}\n";
    assert!(
        reported_at(vulnerable, 3, "hardcoded-credential"),
        "{vulnerable}"
    );
    // The algorithm name is a literal too, but not a secret.
    let safe = "class C {\n    Object key(byte[] fromVault) {\n        return new javax.crypto.spec.SecretKeySpec(fromVault, \"AES\");\n    }\n}\n";
    assert!(!reported(safe, "hardcoded-credential"), "{safe}");
}

#[test]
fn an_iv_written_into_the_code_is_reported_through_its_variable() {
    let vulnerable = "class E {\n    Object iv() {\n        byte[] iv = { 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8 };\n        return new javax.crypto.spec.IvParameterSpec(iv);\n    }\n}\n";
    assert!(reported_at(vulnerable, 4, "weak-cipher"), "{vulnerable}");
    let safe = "class E {\n    Object iv() {\n        byte[] iv = new byte[16];\n        new java.security.SecureRandom().nextBytes(iv);\n        return new javax.crypto.spec.IvParameterSpec(iv);\n    }\n}\n";
    assert!(!reported(safe, "weak-cipher"), "{safe}");
}

fn reported_cs(src: &str, line: Option<usize>, rule: &str) -> bool {
    match line {
        Some(l) => support::reported_at(src, Language::CSharp, l, rule),
        None => support::reported(src, Language::CSharp, rule),
    }
}

#[test]
fn a_line_read_from_a_dotnet_tcp_connection_is_untrusted() {
    let vulnerable = "using System.IO;\nusing System.Net.Sockets;\nclass Fetch {\n    void Run() {\n        using (TcpClient conn = new TcpClient(\"peer.example\", 9000)) {\n            using (StreamReader sr = new StreamReader(conn.GetStream())) {\n                string name = sr.ReadLine();\n                File.ReadAllText(\"/srv/files/\" + name);\n            }\n        }\n    }\n}\n";
    assert!(
        reported_cs(vulnerable, Some(8), "path-traversal"),
        "{vulnerable}"
    );
    // A StreamReader over the connection's stream opens no path.
    assert!(
        !reported_cs(vulnerable, Some(6), "path-traversal"),
        "{vulnerable}"
    );
    // The same read from the console is the operator's own input.
    let console = "using System;\nusing System.IO;\nclass Fetch {\n    void Run() {\n        string name = Console.ReadLine();\n        File.ReadAllText(\"/srv/files/\" + name);\n    }\n}\n";
    assert!(!reported_cs(console, None, "path-traversal"), "{console}");
}

#[test]
fn a_dotnet_data_reader_column_is_stored_data() {
    let vulnerable = "using System.Data.SqlClient;\nusing System.Diagnostics;\nclass Job {\n    void Run() {\n        SqlCommand command = new SqlCommand(\"select dir from jobs\", new SqlConnection(\"Server=db\"));\n        using (SqlDataReader dr = command.ExecuteReader()) {\n            string dir = dr.GetString(0);\n            Process.Start(\"/bin/ls \" + dir);\n        }\n    }\n}\n";
    assert!(
        reported_cs(vulnerable, Some(8), "command-injection"),
        "{vulnerable}"
    );
    let safe = "using System.Data.SqlClient;\nusing System.Diagnostics;\nclass Job {\n    void Run() {\n        SqlCommand command = new SqlCommand(\"select dir from jobs\", new SqlConnection(\"Server=db\"));\n        using (SqlDataReader dr = command.ExecuteReader()) {\n            int id = dr.GetInt32(0);\n            Process.Start(\"/bin/ls /jobs/\" + id);\n        }\n    }\n}\n";
    assert!(!reported_cs(safe, None, "command-injection"), "{safe}");
}

#[test]
fn a_dotnet_request_named_req_is_request_data_and_resp_write_is_html() {
    let vulnerable = "using System.Web;\nclass Page {\n    public void Show(HttpResponse resp) {\n        string name = HttpContext.Current.Request.QueryString[\"name\"];\n        resp.Write(\"<p>Hello \" + name + \"</p>\");\n    }\n}\n";
    assert!(reported_cs(vulnerable, Some(5), "xss"), "{vulnerable}");
    let safe = "using System.Web;\nclass Page {\n    public void Show(HttpResponse resp) {\n        string name = HttpContext.Current.Request.QueryString[\"name\"];\n        resp.Write(\"<p>Hello \" + HttpUtility.HtmlEncode(name) + \"</p>\");\n    }\n}\n";
    assert!(!reported_cs(safe, None, "xss"), "{safe}");
    // `req.QueryString[..]` on a local request object (not a parameter) is a source too.
    let local_req = "using System.Web;\nclass Page {\n    public void Show() {\n        HttpRequest req = HttpContext.Current.Request;\n        HttpResponse resp = HttpContext.Current.Response;\n        resp.Write(\"<p>\" + req.QueryString[\"name\"] + \"</p>\");\n    }\n}\n";
    assert!(reported_cs(local_req, Some(6), "xss"), "{local_req}");
    let constant = "using System.Web;\nclass Page {\n    public void Show() {\n        HttpResponse resp = HttpContext.Current.Response;\n        resp.Write(\"<p>Hello</p>\");\n    }\n}\n";
    assert!(!reported_cs(constant, None, "xss"), "{constant}");
}
