//! Behaviours added from held-out query-test material in six languages (issue 3): each as a
//! vulnerable/safe pair that differ in the one thing the behaviour is about.

use airlock_code::Language;

use crate::support::{reported, reported_at};

#[test]
fn ruby_deserializers_are_found_without_parentheses() {
    for call in [
        "Marshal.load blob",
        "Marshal.restore blob",
        "YAML.load blob",
        "Psych.unsafe_load(blob)",
        "JSON.load blob",
        "Oj.object_load blob",
        "Ox.parse_obj blob",
        "Hash.from_trusted_xml(blob)",
        "Psych.parse(blob).to_ruby",
    ] {
        let vulnerable = format!(
            "class StateController < ApplicationController\n  def restore\n    blob = params[:state]\n    @obj = {call}\n  end\nend\n"
        );
        assert!(
            reported_at(&vulnerable, Language::Ruby, 4, "unsafe-deserialization"),
            "{vulnerable}"
        );
    }
    for call in [
        "YAML.safe_load blob",
        "JSON.parse blob",
        "Psych.parse(blob)",
        "Ox.load blob, mode: :hash",
    ] {
        let safe = format!(
            "class StateController < ApplicationController\n  def restore\n    blob = params[:state]\n    @obj = {call}\n  end\nend\n"
        );
        assert!(
            !reported(&safe, Language::Ruby, "unsafe-deserialization"),
            "{safe}"
        );
    }
}

#[test]
fn oj_load_without_a_mode_uses_the_object_mode() {
    let vulnerable = "def restore\n  data = params[:doc]\n  Oj.load data\nend\n";
    assert!(
        reported_at(vulnerable, Language::Ruby, 3, "unsafe-deserialization"),
        "{vulnerable}"
    );
    let explicit = "def restore\n  data = params[:doc]\n  Oj.load(data, mode: :object)\nend\n";
    assert!(
        reported_at(explicit, Language::Ruby, 3, "unsafe-deserialization"),
        "{explicit}"
    );
    let safe = "def restore\n  data = params[:doc]\n  Oj.load data, mode: :strict\nend\n";
    assert!(
        !reported(safe, Language::Ruby, "unsafe-deserialization"),
        "{safe}"
    );
}

#[test]
fn active_record_methods_that_take_sql_fragments() {
    for call in [
        "Order.delete_by(\"state = '#{params[:state]}'\")",
        "Order.destroy_all([\"state = '#{params[:state]}'\"])",
        "Order.find_or_create_by(\"ref = '#{params[:ref]}'\")",
        "Order.select(params[:columns])",
        "Order.rewhere(params[:filter])",
        "Order.maximum(params[:column])",
        "Order.calculate(:sum, params[:column])",
        "Order.first.reload(lock: params[:lock])",
    ] {
        let vulnerable = format!(
            "class OrdersController < ApplicationController\n  def purge\n    {call}\n  end\nend\n"
        );
        assert!(
            reported_at(&vulnerable, Language::Ruby, 3, "sql-injection"),
            "{vulnerable}"
        );
    }
    for call in [
        "Order.delete_by(state: params[:state])",
        "Order.find_or_create_by(ref: params[:ref])",
        "Order.select(:id, :total)",
        "Order.calculate(:sum, :total)",
        "Order.first.reload(lock: true)",
    ] {
        let safe = format!(
            "class OrdersController < ApplicationController\n  def purge\n    {call}\n  end\nend\n"
        );
        assert!(!reported(&safe, Language::Ruby, "sql-injection"), "{safe}");
    }
}

#[test]
fn a_go_request_named_req_is_a_source() {
    let vulnerable = "package main\n\nimport (\n\t\"database/sql\"\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc list(db *sql.DB, req *http.Request) {\n\tcat := req.URL.Query().Get(\"cat\")\n\tq := fmt.Sprintf(\"SELECT * FROM items WHERE cat = '%s'\", cat)\n\tdb.Query(q)\n}\n";
    assert!(
        reported_at(vulnerable, Language::Go, 12, "sql-injection"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace("req.URL.Query().Get(\"cat\")", "\"books\"");
    assert!(!reported(&safe, Language::Go, "sql-injection"), "{safe}");
}

#[test]
fn a_csharp_request_reached_through_the_context_is_a_source() {
    let vulnerable = "using System.IO;\nusing System.Web;\n\npublic class Download : IHttpHandler\n{\n    public void ProcessRequest(HttpContext ctx)\n    {\n        string name = ctx.Request.QueryString[\"file\"];\n        ctx.Response.Write(File.ReadAllText(\"/srv/files/\" + name));\n    }\n}\n";
    assert!(
        reported_at(vulnerable, Language::CSharp, 9, "path-traversal"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace("ctx.Request.QueryString[\"file\"]", "\"index.txt\"");
    assert!(
        !reported(&safe, Language::CSharp, "path-traversal"),
        "{safe}"
    );
}

#[test]
fn go_md4_and_ripemd160_are_weak_hashes() {
    for h in ["md4", "ripemd160"] {
        let vulnerable = format!(
            "package main\n\nimport \"golang.org/x/crypto/{h}\"\n\nfunc digestPassword(password []byte) []byte {{\n\treturn {h}.New().Sum(password)\n}}\n"
        );
        assert!(
            reported_at(&vulnerable, Language::Go, 6, "weak-hash"),
            "{vulnerable}"
        );
    }
    let safe = "package main\n\nimport \"crypto/sha256\"\n\nfunc digestPassword(password []byte) []byte {\n\treturn sha256.New().Sum(password)\n}\n";
    assert!(!reported(safe, Language::Go, "weak-hash"), "{safe}");
}

#[test]
fn go_error_results_next_to_request_data_are_not_request_data() {
    let vulnerable = "package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t\"net/url\"\n)\n\nfunc echo(w http.ResponseWriter, r *http.Request) {\n\tq, err := url.ParseQuery(r.URL.RawQuery)\n\tw.Write([]byte(fmt.Sprintf(\"<p>%v</p>\", q.Get(\"msg\"))))\n\t_ = err\n}\n";
    assert!(
        reported_at(vulnerable, Language::Go, 11, "xss"),
        "{vulnerable}"
    );
    let safe = "package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t\"net/url\"\n)\n\nfunc echo(w http.ResponseWriter, r *http.Request) {\n\tq, err := url.ParseQuery(r.URL.RawQuery)\n\tw.Write([]byte(fmt.Sprintf(\"<p>%v</p>\", err)))\n\t_ = q\n}\n";
    assert!(!reported(safe, Language::Go, "xss"), "{safe}");
}

#[test]
fn logging_a_hashed_or_encrypted_secret_is_not_logging_the_secret() {
    for name in [
        "user.hashedPassword",
        "user.encrypted_password",
        "passwordDigest",
        "password_sha256",
        "passwordMD5",
    ] {
        let safe = format!("function audit(user, passwordDigest, password_sha256, passwordMD5) {{\n  console.log({name});\n}}\n");
        assert!(
            !reported(&safe, Language::JavaScript, "log-secret"),
            "{safe}"
        );
    }
    let vulnerable = "function audit(user) {\n  console.log(user.password);\n}\n";
    assert!(
        reported_at(vulnerable, Language::JavaScript, 2, "log-secret"),
        "{vulnerable}"
    );
    // A decrypted secret is the secret again.
    let decrypted = "function audit(user) {\n  console.log(user.decrypted_password);\n}\n";
    assert!(
        reported_at(decrypted, Language::JavaScript, 2, "log-secret"),
        "{decrypted}"
    );
}

#[test]
fn a_logged_object_literal_carries_its_secret_fields() {
    let vulnerable = "function connect(host, pw) {\n  const opts = { host: host, password: pw };\n  console.log(opts);\n}\n";
    assert!(
        reported_at(vulnerable, Language::JavaScript, 3, "log-secret"),
        "{vulnerable}"
    );
    let masked = "function connect(host, pw) {\n  const opts = { host: host, password: bcrypt(pw) };\n  console.log(opts);\n}\n";
    assert!(
        !reported(masked, Language::JavaScript, "log-secret"),
        "{masked}"
    );
    let plain = "function connect(host, port) {\n  const opts = { host: host, port: port };\n  console.log(opts);\n}\n";
    assert!(
        !reported(plain, Language::JavaScript, "log-secret"),
        "{plain}"
    );
    let go = "package main\n\nimport \"log\"\n\ntype conf struct{ user, password string }\n\nfunc start(pw string) {\n\tc := conf{user: \"app\", password: pw}\n\tlog.Println(c)\n}\n";
    assert!(reported_at(go, Language::Go, 9, "log-secret"), "{go}");
    let go_safe = go.replace("password: pw", "password: hashPassword(pw)");
    assert!(!reported(&go_safe, Language::Go, "log-secret"), "{go_safe}");
}

#[test]
fn ruby_openssl_block_ciphers_in_ecb_mode() {
    for call in [
        "OpenSSL::Cipher::AES.new(128, :ecb)",
        "OpenSSL::Cipher::AES256.new 'ecb'",
        "OpenSSL::Cipher::CAST5.new 'ECB'",
        "OpenSSL::Cipher::RC2.new",
    ] {
        let vulnerable = format!("def box\n  c = {call}\n  c.encrypt\nend\n");
        assert!(
            reported_at(&vulnerable, Language::Ruby, 2, "weak-cipher"),
            "{vulnerable}"
        );
    }
    for call in [
        "OpenSSL::Cipher::AES.new(128, :gcm)",
        "OpenSSL::Cipher::AES256.new 'cbc'",
        "OpenSSL::Cipher::AES.new('256-gcm')",
    ] {
        let safe = format!("def box\n  c = {call}\n  c.encrypt\nend\n");
        assert!(!reported(&safe, Language::Ruby, "weak-cipher"), "{safe}");
    }
}

#[test]
fn pg_promise_query_methods_take_sql_first() {
    let vulnerable = "const pgp = require('pg-promise')();\nconst db = pgp(process.env.DATABASE_URL);\napp.get('/items', async (req, res) => {\n  const rows = await db.manyOrNone(\"SELECT * FROM items WHERE cat = '\" + req.query.cat + \"'\");\n  res.json(rows);\n});\n";
    assert!(
        reported_at(vulnerable, Language::JavaScript, 4, "sql-injection"),
        "{vulnerable}"
    );
    let safe = "const pgp = require('pg-promise')();\nconst db = pgp(process.env.DATABASE_URL);\napp.get('/items', async (req, res) => {\n  const rows = await db.manyOrNone('SELECT * FROM items WHERE cat = $1', [req.query.cat]);\n  res.json(rows);\n});\n";
    assert!(
        !reported(safe, Language::JavaScript, "sql-injection"),
        "{safe}"
    );
    // The same method names on an array or a non-database object are not queries.
    let other = "app.get('/items', (req, res) => {\n  const names = items.map(req.query.fn);\n  res.json(names);\n});\n";
    assert!(
        !reported(other, Language::JavaScript, "sql-injection"),
        "{other}"
    );
}

#[test]
fn request_data_choosing_the_program_of_a_python_subprocess() {
    for call in [
        "subprocess.run(tool)",
        "subprocess.check_call(tool)",
        "subprocess.Popen([tool, \"--version\"])",
    ] {
        let vulnerable = format!(
            "import subprocess\nfrom flask import request\n\n@app.route('/tool')\ndef tool():\n    tool = request.args.get('name')\n    {call}\n    return 'ok'\n"
        );
        assert!(
            reported_at(&vulnerable, Language::Python, 7, "command-injection"),
            "{vulnerable}"
        );
    }
    for call in [
        "subprocess.run([\"ls\", tool])",
        "subprocess.run(\"ls\")",
        "subprocess.check_call([sys.executable, \"-m\", tool])",
    ] {
        let safe = format!(
            "import subprocess, sys\nfrom flask import request\n\n@app.route('/tool')\ndef tool():\n    tool = request.args.get('name')\n    {call}\n    return 'ok'\n"
        );
        assert!(
            !reported(&safe, Language::Python, "command-injection"),
            "{safe}"
        );
    }
}

#[test]
fn a_web_forms_text_box_is_user_input() {
    let vulnerable = "using System.Data.SqlClient;\n\npublic partial class Search : System.Web.UI.Page\n{\n    protected void Find(SqlConnection conn)\n    {\n        var sql = \"SELECT * FROM items WHERE name = '\" + nameTextBox.Text + \"'\";\n        var cmd = new SqlCommand(sql, conn);\n        cmd.ExecuteReader();\n    }\n}\n";
    assert!(
        reported_at(vulnerable, Language::CSharp, 8, "sql-injection"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace("nameTextBox.Text", "\"books\"");
    assert!(
        !reported(&safe, Language::CSharp, "sql-injection"),
        "{safe}"
    );
}

#[test]
fn a_value_checked_equal_to_a_constant_is_that_constant() {
    let safe = "from flask import request\n\n@app.route('/calc')\ndef calc():\n    name = request.args.get('obj')\n    if name == 'foo' or name == 'bar':\n        return str(eval(name))\n    return 'no'\n";
    assert!(
        !reported(safe, Language::Python, "code-injection"),
        "{safe}"
    );
    let vulnerable = "from flask import request\n\n@app.route('/calc')\ndef calc():\n    name = request.args.get('obj')\n    if name:\n        return str(eval(name))\n    return 'no'\n";
    assert!(
        reported_at(vulnerable, Language::Python, 7, "code-injection"),
        "{vulnerable}"
    );
    // Comparing with the empty string says nothing about the value.
    let empty = vulnerable.replace("if name:", "if name != '' or name == '':");
    assert!(
        reported_at(&empty, Language::Python, 7, "code-injection"),
        "{empty}"
    );
}

#[test]
fn a_ruby_word_list_include_check_allows_only_its_words() {
    let safe = "class UsersController < ApplicationController\n  def index\n    sort = params[:sort]\n    if %w(name email created_at).include? sort\n      @users = User.order(\"#{sort} ASC\")\n    end\n  end\nend\n";
    assert!(!reported(safe, Language::Ruby, "sql-injection"), "{safe}");
    let vulnerable = "class UsersController < ApplicationController\n  def index\n    sort = params[:sort]\n    if sort.present?\n      @users = User.order(\"#{sort} ASC\")\n    end\n  end\nend\n";
    assert!(
        reported_at(vulnerable, Language::Ruby, 5, "sql-injection"),
        "{vulnerable}"
    );
}

#[test]
fn node_tls_rejection_turned_off_through_negation() {
    for v in ["!true", "!!false", "0"] {
        let vulnerable =
            format!("const https = require('https');\nconst agent = new https.Agent({{ rejectUnauthorized: {v} }});\n");
        assert!(
            reported_at(
                &vulnerable,
                Language::JavaScript,
                2,
                "tls-verification-disabled"
            ),
            "{vulnerable}"
        );
    }
    for v in ["!false", "!!true", "true"] {
        let safe =
            format!("const https = require('https');\nconst agent = new https.Agent({{ rejectUnauthorized: {v} }});\n");
        assert!(
            !reported(&safe, Language::JavaScript, "tls-verification-disabled"),
            "{safe}"
        );
    }
}

#[test]
fn node_vm_modules_compile_their_source() {
    for call in [
        "new vm.SourceTextModule(req.body.code)",
        "require('vm').runInThisContext(req.body.code)",
    ] {
        let vulnerable = format!(
            "const vm = require('vm');\napp.post('/run', (req, res) => {{\n  const out = {call};\n  res.json({{ ok: true }});\n}});\n"
        );
        assert!(
            reported_at(&vulnerable, Language::JavaScript, 3, "code-injection"),
            "{vulnerable}"
        );
        let safe = vulnerable.replace("req.body.code", "'1 + 1'");
        assert!(
            !reported(&safe, Language::JavaScript, "code-injection"),
            "{safe}"
        );
    }
}

#[test]
fn ruby_request_data_naming_a_constant_or_method() {
    for call in [
        "Object.const_get(params[:kind]).new",
        "report.send(params[:op])",
        "report.public_send(params[:op])",
    ] {
        let vulnerable = format!(
            "class ReportsController < ApplicationController\n  def show\n    report = Report.find(1)\n    @out = {call}\n  end\nend\n"
        );
        assert!(
            reported_at(&vulnerable, Language::Ruby, 4, "code-injection"),
            "{vulnerable}"
        );
    }
    for call in [
        "Object.const_get(:Report).new",
        "report.send(:summary, params[:op])",
        "report.send(\"export_#{params[:op]}\")",
    ] {
        let safe = format!(
            "class ReportsController < ApplicationController\n  def show\n    report = Report.find(1)\n    @out = {call}\n  end\nend\n"
        );
        assert!(!reported(&safe, Language::Ruby, "code-injection"), "{safe}");
    }
}

#[test]
fn an_equality_check_narrows_only_inside_its_block() {
    let outside = "class ToolsController < ApplicationController\n  def run\n    cmd = params[:cmd]\n    if cmd == \"uptime\"\n      system(cmd)\n    end\n    system(\"echo \" + cmd)\n  end\nend\n";
    assert!(
        reported_at(outside, Language::Ruby, 7, "command-injection"),
        "{outside}"
    );
    assert!(
        !reported_at(outside, Language::Ruby, 5, "command-injection"),
        "{outside}"
    );
}

#[test]
fn a_secret_converted_or_partly_replaced_is_still_the_secret() {
    for expr in [
        "password.toString()",
        "password.trim()",
        "password.replace(/foo/g, '*')",
    ] {
        let vulnerable = format!("function audit(password) {{\n  console.log('pw', {expr});\n}}\n");
        assert!(
            reported_at(&vulnerable, Language::JavaScript, 2, "log-secret"),
            "{vulnerable}"
        );
    }
    for expr in [
        "password.replace(/./g, '*')",
        "password.length",
        "name.trim()",
    ] {
        let safe = format!("function audit(password, name) {{\n  console.log('pw', {expr});\n}}\n");
        assert!(
            !reported(&safe, Language::JavaScript, "log-secret"),
            "{safe}"
        );
    }
}

#[test]
fn logging_the_whole_environment_logs_its_secrets() {
    let vulnerable = "function boot() {\n  console.log(JSON.stringify(process.env));\n}\n";
    assert!(
        reported_at(vulnerable, Language::JavaScript, 2, "log-secret"),
        "{vulnerable}"
    );
    let safe = "function boot() {\n  console.log(process.env.NODE_ENV);\n}\n";
    assert!(
        !reported(safe, Language::JavaScript, "log-secret"),
        "{safe}"
    );
}

#[test]
fn a_tool_chosen_by_the_environment_is_configuration() {
    let safe = "import os, subprocess\n\nBIN = os.environ.get('TOOL_BIN', 'tool')\n\ndef run():\n    subprocess.run([BIN, '--version'])\n";
    assert!(
        !reported(safe, Language::Python, "command-injection"),
        "{safe}"
    );
}

#[test]
fn comparing_a_member_does_not_narrow_the_object() {
    let vulnerable = "import { execSync } from \"child_process\";\n\nexport function runTool(call) {\n  if (call.name === \"run_shell\") {\n    return execSync(call.args.command);\n  }\n}\n";
    assert!(
        reported_at(vulnerable, Language::JavaScript, 5, "command-injection"),
        "{vulnerable}"
    );
    let safe = vulnerable.replace("call.name === \"run_shell\"", "call === \"run_shell\"");
    assert!(
        !reported_at(&safe, Language::JavaScript, 5, "command-injection"),
        "{safe}"
    );
}

#[test]
fn a_path_that_does_not_start_with_dots_can_still_climb() {
    let head = "using System.IO;\nusing System.Web;\npublic class H : IHttpHandler\n{\n    public void ProcessRequest(HttpContext ctx)\n    {\n        string path = ctx.Request.QueryString[\"page\"];\n";
    // A negated prefix test lets `a/../../etc` through.
    let negated = format!(
        "{head}        if (!path.StartsWith(\"../\"))\n        {{\n            File.ReadAllText(path);\n        }}\n    }}\n}}\n"
    );
    assert!(
        reported_at(&negated, Language::CSharp, 10, "path-traversal"),
        "{negated}"
    );
    // Rejecting what starts with `..` after making it relative to the base does confine it.
    let rejected = format!(
        "{head}        string full = Path.GetFullPath(Path.Combine(Base, path));\n        if (Path.GetRelativePath(Base, full).StartsWith(\"..\"))\n        {{\n            return;\n        }}\n        File.ReadAllText(full);\n    }}\n}}\n"
    );
    assert!(
        !reported(&rejected, Language::CSharp, "path-traversal"),
        "{rejected}"
    );
    // Equal to a constant, with the brace on its own line: narrowed inside the block.
    let constant = format!(
        "{head}        if (path == \"help.txt\")\n        {{\n            File.ReadAllText(path);\n        }}\n    }}\n}}\n"
    );
    assert!(
        !reported(&constant, Language::CSharp, "path-traversal"),
        "{constant}"
    );
    // `MapPath` refuses a virtual path outside the application; `File.CreateText` opens a path.
    let mapped = format!(
        "{head}        File.ReadAllText(ctx.Request.MapPath(path));\n        File.CreateText(path);\n    }}\n}}\n"
    );
    assert!(
        !reported_at(&mapped, Language::CSharp, 8, "path-traversal"),
        "{mapped}"
    );
    assert!(
        reported_at(&mapped, Language::CSharp, 9, "path-traversal"),
        "{mapped}"
    );
}

#[test]
fn a_shell_and_its_dash_c_chosen_in_variables_still_run_a_command_line() {
    let head = "var cp = require(\"child_process\");\nhttp.createServer(function(req, res) {\n    let cmd = req.query.path;\n";
    let vulnerable = format!(
        "{head}    let args = [];\n    args[0] = \"-c\";\n    args[1] = cmd;\n    cp.execFile(\"/bin/bash\", args);\n}});\n"
    );
    assert!(
        reported_at(&vulnerable, Language::JavaScript, 7, "command-injection"),
        "{vulnerable}"
    );
    let picked = format!(
        "{head}    let sh = process.platform == 'win32' ? 'cmd.exe' : '/bin/sh';\n    let flag = process.platform == 'win32' ? '/c' : '-c';\n    cp.spawn(sh, [flag, cmd]);\n}});\n"
    );
    assert!(
        reported_at(&picked, Language::JavaScript, 6, "command-injection"),
        "{picked}"
    );
    // A program run with the value as one argument, no shell in sight, is not a command line.
    let safe = format!(
        "{head}    let args = [];\n    args[0] = \"log\";\n    args[1] = cmd;\n    cp.execFile(\"git\", args);\n}});\n"
    );
    assert!(
        !reported(&safe, Language::JavaScript, "command-injection"),
        "{safe}"
    );
}

#[test]
fn ruby_backticks_follow_the_value_into_the_command_line() {
    let wrap = |body: &str| {
        format!("class ToolsController < ApplicationController\n  def run\n    name = params[:name]\n{body}\n  end\nend\n")
    };
    for body in [
        "    out = `ls #{name}`",
        "    out = %x(ls #{name})",
        "    path = \"/srv/\" + name\n    out = `cat #{path}`",
    ] {
        let src = wrap(body);
        let line = 3 + body.lines().count();
        assert!(
            reported_at(&src, Language::Ruby, line, "command-injection"),
            "{src}"
        );
    }
    for body in [
        // Quoted for the shell first.
        "    safe = Shellwords.escape(name)\n    out = `ls #{safe}`",
        "    out = `ls #{name.shellescape}`",
        // Only constants interpolated.
        "    dir = \"/srv\"\n    out = `ls #{dir}`",
        // Inside a branch taken only for literal values.
        "    case name\n    when \"a\", \"b\"\n      out = `ls #{name}`\n    end",
        "    if name == \"logs\"\n      out = `ls #{name}`\n    end",
    ] {
        let src = wrap(body);
        assert!(
            !reported(&src, Language::Ruby, "command-injection"),
            "{src}"
        );
    }
    // After the case statement the value is whatever the request sent.
    let after =
        wrap("    case name\n    when \"a\"\n      puts 1\n    end\n    out = `ls #{name}`");
    assert!(
        reported_at(&after, Language::Ruby, 8, "command-injection"),
        "{after}"
    );
    // A branch for anything else (`else`) is not narrowed.
    let other = wrap(
        "    case name\n    when \"a\"\n      puts 1\n    else\n      out = `ls #{name}`\n    end",
    );
    assert!(
        reported_at(&other, Language::Ruby, 8, "command-injection"),
        "{other}"
    );
}

#[test]
fn an_argument_vector_with_a_fixed_program_runs_without_a_shell() {
    let wrap = |call: &str| {
        format!("class ToolsController < ApplicationController\n  def run\n    name = params[:name]\n    {call}\n  end\nend\n")
    };
    for call in [
        "Open3.capture2([\"git\", \"log\", name])",
        "system([\"/usr/bin/convert\", name])",
    ] {
        let src = wrap(call);
        assert!(
            !reported(&src, Language::Ruby, "command-injection"),
            "{src}"
        );
    }
    for call in [
        // The fixed program is a shell: the next item is a command line.
        "Open3.capture2([\"sh\", \"-c\", name])",
        "system([\"/bin/bash\", \"-c\", name])",
        // The program itself comes from the request.
        "Open3.capture2([name, \"--help\"])",
        "Open3.capture2(\"git log #{name}\")",
    ] {
        let src = wrap(call);
        assert!(
            reported_at(&src, Language::Ruby, 4, "command-injection"),
            "{src}"
        );
    }
}

#[test]
fn rubys_bare_exec_runs_a_program_not_sql() {
    let src = "class ToolsController < ApplicationController\n  def run\n    exec(params[:cmd])\n    ActiveRecord::Base.connection.exec(\"SELECT * FROM t WHERE a = '#{params[:a]}'\")\n  end\nend\n";
    assert!(reported_at(src, Language::Ruby, 3, "command-injection"));
    assert!(!reported_at(src, Language::Ruby, 3, "sql-injection"));
    assert!(reported_at(src, Language::Ruby, 4, "sql-injection"));
}

#[test]
fn a_secret_named_variable_holding_a_digest_is_not_the_secret() {
    let js = |value: &str| {
        format!("function login(req) {{\n  const password = req.body.password;\n  const stored_password = {value};\n  console.log(stored_password);\n}}\n")
    };
    for value in [
        "bcrypt.hashSync(password, 12)",
        "crypt(password)",
        "sha256(password)",
    ] {
        let src = js(value);
        assert!(!reported(&src, Language::JavaScript, "log-secret"), "{src}");
    }
    for value in ["password", "password.trim()", "decrypt(blob)"] {
        let src = js(value);
        assert!(
            reported_at(&src, Language::JavaScript, 4, "log-secret"),
            "{src}"
        );
    }
    let go = "package main\n\nfunc login(pw string) {\n\tsecure_password := crypt(pw)\n\tlog.Println(secure_password)\n\tplain_password := pw\n\tlog.Println(plain_password)\n}\n";
    assert!(!reported_at(go, Language::Go, 5, "log-secret"));
    assert!(reported_at(go, Language::Go, 7, "log-secret"));
}

#[test]
fn a_response_declared_json_or_plain_text_is_not_html() {
    let py = |ret: &str| {
        format!("from flask import request, make_response\n\n@app.route('/echo')\ndef echo():\n    name = request.args.get('name')\n    {ret}\n")
    };
    for ret in [
        "return make_response(name, 200, {'Content-Type': 'application/json'})",
        "return Response(name, mimetype='text/plain')",
        "return HttpResponse(name, content_type=\"application/json\")",
    ] {
        let src = py(ret);
        assert!(!reported(&src, Language::Python, "xss"), "{src}");
    }
    for ret in [
        "return make_response(name)",
        "return Response(name, mimetype='text/html')",
    ] {
        let src = py(ret);
        assert!(reported_at(&src, Language::Python, 6, "xss"), "{src}");
    }
}

#[test]
fn a_flask_route_converter_admits_only_numbers() {
    let py = |route: &str| {
        format!("import os\nfrom flask import Flask\napp = Flask(__name__)\n\n@app.route(\"{route}\")\ndef show(item):\n    return open(os.path.join(\"/srv/items\", item)).read()\n")
    };
    let numeric = py("/items/<int:item>");
    assert!(
        !reported(&numeric, Language::Python, "path-traversal"),
        "{numeric}"
    );
    for route in [
        "/items/<item>",
        "/items/<path:item>",
        "/items/<int:other>/<item>",
    ] {
        let src = py(route);
        assert!(
            reported_at(&src, Language::Python, 7, "path-traversal"),
            "{src}"
        );
    }
}

#[test]
fn a_common_path_check_keeps_the_path_inside_its_base() {
    let py = |check: &str| {
        format!("import os\nfrom flask import request\n\n@app.route('/file')\ndef file():\n    path = os.path.join(BASE, request.args.get('name', ''))\n{check}    return open(path).read()\n")
    };
    for check in [
        "    if os.path.commonpath((os.path.realpath(path), BASE)) != BASE:\n        return 'no'\n",
        "    if os.path.commonprefix((os.path.realpath(path), BASE)) != BASE:\n        return 'no'\n",
    ] {
        let src = py(check);
        assert!(!reported(&src, Language::Python, "path-traversal"), "{src}");
    }
    let unchecked = py("");
    assert!(
        reported_at(&unchecked, Language::Python, 7, "path-traversal"),
        "{unchecked}"
    );
}

#[test]
fn a_go_query_taken_whole_from_the_request_is_injection() {
    let go = |call: &str| {
        format!("package main\n\nfunc list(db *sql.DB, r *http.Request) {{\n\t{call}\n}}\n")
    };
    for call in [
        "db.Query(r.Form[\"query\"][0])",
        "db.QueryContext(ctx, r.URL.Query().Get(\"q\"))",
    ] {
        let src = go(call);
        assert!(reported_at(&src, Language::Go, 4, "sql-injection"), "{src}");
    }
    for call in [
        // Bound parameters after the query are data, never SQL.
        "db.Query(\"SELECT * FROM t WHERE a = $1\", r.Form[\"a\"][0])",
        "db.QueryContext(ctx, \"SELECT * FROM t WHERE a = $1\", r.URL.Query().Get(\"a\"))",
    ] {
        let src = go(call);
        assert!(!reported(&src, Language::Go, "sql-injection"), "{src}");
    }
    // A helper's query parameter passed through is a wrapper, not the bug.
    let wrapper = "package main\n\nfunc run(db *sql.DB, q string) {\n\tdb.Query(q)\n}\n";
    assert!(!reported(wrapper, Language::Go, "sql-injection"));
}

#[test]
fn a_secret_logged_through_a_wrapper_in_the_same_file() {
    let js = |arg: &str| {
        format!("function myLog(msg) {{\n  console.log(msg);\n}}\n\nfunction login(user, password) {{\n  myLog({arg});\n}}\n")
    };
    let secret = js("password");
    assert!(
        reported_at(&secret, Language::JavaScript, 2, "log-secret"),
        "{secret}"
    );
    for arg in ["user", "\"login for \" + user"] {
        let src = js(arg);
        assert!(!reported(&src, Language::JavaScript, "log-secret"), "{src}");
    }
    let py = "import logging\n\nclass Audit:\n    def note(self, text):\n        logging.info(text)\n\n    def login(self, name, api_token):\n        self.note(api_token)\n";
    assert!(reported_at(py, Language::Python, 5, "log-secret"));
    let py_safe = py.replace("self.note(api_token)", "self.note(name)");
    assert!(!reported(&py_safe, Language::Python, "log-secret"));
}

#[test]
fn a_go_nonce_returned_by_a_function_literal_is_still_a_constant() {
    let go = |nonce: &str| {
        format!("package main\n\nfunc seal(aead cipher.AEAD, msg []byte) []byte {{\n\treturn aead.Seal(nil, {nonce}, msg, nil)\n}}\n")
    };
    for nonce in [
        "func() []byte { return []byte(\"fixed-nonce!\") }()",
        "func() []byte {\n\t\tif true {\n\t\t\treturn []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}\n\t\t}\n\t\treturn nil\n\t}()",
    ] {
        let src = go(nonce);
        assert!(reported_at(&src, Language::Go, 4, "weak-cipher"), "{src}");
    }
    let fresh = go("newNonce(aead)");
    assert!(!reported(&fresh, Language::Go, "weak-cipher"), "{fresh}");
    // A buffer read from crypto/rand from its first byte is random; one read only in a later
    // part keeps its zero start.
    let made = |read: &str| {
        format!("package main\n\nfunc enc(block cipher.Block) cipher.Stream {{\n\tiv := make([]byte, 16)\n\t{read}\n\treturn cipher.NewCTR(block, iv)\n}}\n")
    };
    for read in [
        "rand.Read(iv)",
        "rand.Read(iv[:16])",
        "io.ReadFull(rand.Reader, iv)",
    ] {
        let src = made(read);
        assert!(!reported(&src, Language::Go, "weak-cipher"), "{src}");
    }
    let later = made("rand.Read(iv[8:16])");
    assert!(
        reported_at(&later, Language::Go, 4, "weak-cipher"),
        "{later}"
    );
}

#[test]
fn csharp_process_start_info_properties_are_the_command() {
    let cs = |body: &str| {
        format!("using System.Diagnostics;\n\nclass Runner : Controller {{\n  public void Run() {{\n    string name = Request.Query[\"name\"];\n{body}\n  }}\n}}\n")
    };
    for (body, line) in [
        ("    var psi = new ProcessStartInfo();\n    psi.FileName = \"cmd.exe\";\n    psi.Arguments = \"/c dir \" + name;\n    Process.Start(psi);", 8),
        ("    var psi = new ProcessStartInfo { FileName = name };\n    Process.Start(psi);", 6),
    ] {
        let src = cs(body);
        assert!(reported_at(&src, Language::CSharp, line, "command-injection"), "{src}");
    }
    for body in [
        "    var psi = new ProcessStartInfo();\n    psi.FileName = \"git\";\n    psi.Arguments = \"status\";\n    Process.Start(psi);",
        "    var psi = new ProcessStartInfo();\n    psi.FileName = \"convert\";\n    psi.ArgumentList.Add(name);\n    Process.Start(psi);",
    ] {
        let src = cs(body);
        assert!(!reported(&src, Language::CSharp, "command-injection"), "{src}");
    }
    // A `FileName` in a file without processes (a download, an attachment) is not a command.
    let upload = "class Files : Controller {\n  public void Save() {\n    var f = new Attachment();\n    f.FileName = Request.Query[\"name\"];\n  }\n}\n";
    assert!(!reported(upload, Language::CSharp, "command-injection"));
}

#[test]
fn secrets_logged_only_in_test_environments_are_not_reported() {
    let js = |cond: &str| {
        format!("function login(user, password) {{\n  if ({cond}) {{\n    console.log(\"pw \" + password);\n  }}\n}}\n")
    };
    for cond in [
        "environment.isTestEnv()",
        "environment.is(TEST)",
        "!environment.isProduction()",
        "process.env.NODE_ENV === 'development'",
        "process.env.NODE_ENV !== 'production'",
    ] {
        let src = js(cond);
        assert!(!reported(&src, Language::JavaScript, "log-secret"), "{src}");
    }
    // Any other condition, a regex `test`, or the production branch: still a leak.
    for cond in ["x.test(y)", "environment.isProduction()", "user.isAdmin()"] {
        let src = js(cond);
        assert!(
            reported_at(&src, Language::JavaScript, 3, "log-secret"),
            "{src}"
        );
    }
    let otherwise = "function login(user, password) {\n  if (environment.isTestEnv()) {\n    f();\n  } else {\n    console.log(password);\n  }\n}\n";
    assert!(reported_at(
        otherwise,
        Language::JavaScript,
        5,
        "log-secret"
    ));
    let py_test = "def login(user, password):\n    if settings.is_testing():\n        logger.info(\"pw %s\", password)\n";
    assert!(!reported(py_test, Language::Python, "log-secret"));
    let py_debug = "def login(user, password):\n    if settings.DEBUG:\n        logger.info(\"pw %s\", password)\n";
    assert!(reported_at(py_debug, Language::Python, 3, "log-secret"));
}

#[test]
fn encoded_and_encrypted_secret_names_are_not_the_secret() {
    for name in ["HTML5QQ.encodedPassword", "login.encryptedPassword"] {
        let src = format!("function f() {{\n  console.log({name});\n}}\n");
        assert!(!reported(&src, Language::JavaScript, "log-secret"), "{src}");
    }
    let plain = "function f() {\n  console.log(login.password);\n}\n";
    assert!(reported_at(plain, Language::JavaScript, 2, "log-secret"));
}

#[test]
fn a_field_of_a_local_literal_holds_what_its_key_was_given() {
    let js = |logged: &str| {
        format!("function f(password, x) {{\n  var config = {{ hostname: \"tarski\", x: password }};\n  console.log({logged});\n}}\n")
    };
    assert!(reported_at(
        &js("config.x"),
        Language::JavaScript,
        3,
        "log-secret"
    ));
    for logged in ["config.hostname", "config[x]"] {
        let src = js(logged);
        assert!(!reported(&src, Language::JavaScript, "log-secret"), "{src}");
    }
    let go = |logged: &str| {
        format!("package main\n\nfunc f(password string) {{\n\tconfig := Config{{\n\t\thostname: \"tarski\",\n\t\tx:        password,\n\t}}\n\tlog.Println({logged})\n}}\n")
    };
    assert!(reported_at(&go("config.x"), Language::Go, 8, "log-secret"));
    assert!(!reported(
        &go("config.hostname"),
        Language::Go,
        "log-secret"
    ));
    // The field's own name says what it holds.
    let named = "function f(req) {\n  var temp = { encryptedPassword: req.body.password };\n  console.log(temp.encryptedPassword);\n}\n";
    assert!(!reported(named, Language::JavaScript, "log-secret"));
}

#[test]
fn go_string_method_of_a_secret_is_the_secret() {
    let src = "package main\n\nfunc f(password1 stringable) {\n\tlog.Println(\"pw \" + password1.String())\n}\n";
    assert!(reported_at(src, Language::Go, 4, "log-secret"));
    let len = "package main\n\nfunc f(password1 string) {\n\tlog.Println(len(password1))\n}\n";
    assert!(!reported(len, Language::Go, "log-secret"));
}

#[test]
fn go_field_assigned_through_an_explicit_dereference() {
    let go = |value: &str, read: &str| {
        format!("package main\n\nfunc h(db *sql.DB, req *http.Request) {{\n\tp := &Req{{}}\n\t(*p).Category = {value}\n\tq := fmt.Sprintf(\"SELECT * FROM t WHERE c='%s'\", {read})\n\tdb.Query(q)\n}}\n")
    };
    for read in ["p.Category", "(*p).Category"] {
        let src = go("req.URL.Query()[\"category\"]", read);
        assert!(reported_at(&src, Language::Go, 7, "sql-injection"), "{src}");
        let fixed = go("\"books\"", read);
        assert!(!reported(&fixed, Language::Go, "sql-injection"), "{fixed}");
    }
}

#[test]
fn csharp_text_of_a_declared_text_box_is_user_input() {
    let cs = |decl: &str| {
        format!("class Orders {{\n    {decl}\n    void Load(SqlConnection connection) {{\n        var q = \"SELECT * FROM t WHERE c='\" + box1.Text + \"'\";\n        var cmd = new SqlCommand(q, connection);\n    }}\n}}\n")
    };
    for decl in [
        "System.Windows.Forms.TextBox box1;",
        "private TextBox box1 = new TextBox();",
    ] {
        let src = cs(decl);
        assert!(
            reported_at(&src, Language::CSharp, 5, "sql-injection"),
            "{src}"
        );
    }
    // A label's text, or a box named like the field of another type, is the program's own.
    for decl in ["Label box1;", "TextBox box2;"] {
        let src = cs(decl);
        assert!(!reported(&src, Language::CSharp, "sql-injection"), "{src}");
    }
}

#[test]
fn javascript_functions_bound_from_modules_under_other_names() {
    let js = |bind: &str, call: &str| {
        format!(
            "{bind}\napp.get('/a', (req, res) => {{\n  {call}(\"ls \" + req.query.dir);\n}});\n"
        )
    };
    for (bind, call) in [
        ("const run = require('child_process').execSync;", "run"),
        ("const { execSync: ex } = require('child_process');", "ex"),
        ("import { execSync as ex } from 'child_process';", "ex"),
        ("import * as proc from 'child_process';", "proc.execSync"),
    ] {
        let src = js(bind, call);
        assert!(
            reported_at(&src, Language::JavaScript, 3, "command-injection"),
            "{src}"
        );
    }
    // The same names bound to something else run nothing.
    for (bind, call) in [
        ("const run = require('path').join;", "run"),
        ("const { join: ex } = require('path');", "ex"),
    ] {
        let src = js(bind, call);
        assert!(
            !reported(&src, Language::JavaScript, "command-injection"),
            "{src}"
        );
    }
    let vm = "const runC = require(\"vm\").runInNewContext;\napp.get('/a', (req, res) => {\n  runC(\"return \" + req.query.code);\n});\n";
    assert!(reported_at(vm, Language::JavaScript, 3, "code-injection"));
}

#[test]
fn java_servlet_output_stream_writes_are_html() {
    let java = |value: &str| {
        format!("public class P extends HttpServlet {{\n  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {{\n    response.getOutputStream().write({value}.getBytes());\n  }}\n}}\n")
    };
    assert!(reported_at(
        &java("request.getPathInfo()"),
        Language::Java,
        3,
        "xss"
    ));
    assert!(!reported(&java("\"not found\""), Language::Java, "xss"));
}

#[test]
fn tls_switches_set_through_a_local_follow_what_it_may_hold() {
    let js = |value: &str| {
        format!("const https = require('https');\nlet check = {value};\nnew https.Agent({{\n  rejectUnauthorized: check\n}});\n")
    };
    assert!(reported_at(
        &js("false"),
        Language::JavaScript,
        4,
        "tls-verification-disabled"
    ));
    assert!(!reported(
        &js("true"),
        Language::JavaScript,
        "tls-verification-disabled"
    ));
    let unknown =
        "const https = require('https');\nnew https.Agent({ rejectUnauthorized: opts.verify });\n";
    assert!(!reported(
        unknown,
        Language::JavaScript,
        "tls-verification-disabled"
    ));
    let rust = |decl: &str| {
        format!("fn client(flag: bool) {{\n    {decl}\n    let c = reqwest::Client::builder().danger_accept_invalid_certs(accept).build();\n}}\n")
    };
    for decl in [
        "let accept = true;",
        "let mut accept = true;\n    if rand::random() { accept = false; }",
        "let accept = flag;",
    ] {
        let src = rust(decl);
        assert!(
            reported(&src, Language::Rust, "tls-verification-disabled"),
            "{src}"
        );
    }
    let never = rust("let accept = false;");
    assert!(
        !reported(&never, Language::Rust, "tls-verification-disabled"),
        "{never}"
    );
}

#[test]
fn a_check_whose_block_does_nothing_guards_nothing() {
    let py = |body: &str| {
        format!("from flask import request\nimport os\n\ndef read():\n    filename = request.args.get('filename', '')\n    npath = os.path.normpath(os.path.join(STATIC_DIR, filename))\n    if npath.startswith(STATIC_DIR):\n        {body}\n    f = open(npath)\n")
    };
    let src = py("pass");
    assert!(
        reported_at(&src, Language::Python, 9, "path-traversal"),
        "{src}"
    );
    let guarded = "from flask import request\nimport os\n\ndef read():\n    filename = request.args.get('filename', '')\n    npath = os.path.normpath(os.path.join(STATIC_DIR, filename))\n    if npath.startswith(STATIC_DIR):\n        f = open(npath)\n";
    assert!(
        !reported(guarded, Language::Python, "path-traversal"),
        "{guarded}"
    );
    let js = "const path = require('path');\nfunction r(req, res) {\n  const p = path.join(BASE, req.query.f);\n  if (p.startsWith(BASE)) {}\n  res.sendFile(p);\n}\n";
    assert!(
        reported_at(js, Language::JavaScript, 5, "path-traversal"),
        "{js}"
    );
}

#[test]
fn a_field_its_class_constructor_sets_to_a_literal_is_that_literal() {
    let py = |read: &str| {
        format!("import os\nfrom flask import request\n\nclass Job:\n    def __init__(self, name):\n        self.name = name\n        self.cmd = 'uptime'\n\ndef run():\n    job = Job(request.args.get('n'))\n    os.system('echo ' + {read})\n")
    };
    assert!(!reported(
        &py("job.cmd"),
        Language::Python,
        "command-injection"
    ));
    assert!(reported_at(
        &py("job.name"),
        Language::Python,
        11,
        "command-injection"
    ));
    let js = |read: &str| {
        format!("const {{ execSync }} = require('child_process');\nclass Job {{\n  constructor(name) {{\n    this.name = name;\n    this.cmd = \"uptime\";\n  }}\n}}\napp.get('/j', (req, res) => {{\n  const job = new Job(req.query.n);\n  execSync('echo ' + {read});\n}});\n")
    };
    assert!(!reported(
        &js("job.cmd"),
        Language::JavaScript,
        "command-injection"
    ));
    assert!(reported_at(
        &js("job.name"),
        Language::JavaScript,
        10,
        "command-injection"
    ));
}
