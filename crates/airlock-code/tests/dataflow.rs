//! Dataflow across statements and functions: twins that differ only in where a value
//! comes from or which branch runs, one reported and one not.

use airlock_code::{Analyzer, Language};

/// The rules reported on `line` (1-based) of `src`.
fn rules_at(src: &str, lang: Language, line: usize) -> Vec<String> {
    Analyzer::new()
        .analyze(src, lang)
        .into_iter()
        .filter(|f| f.line == line)
        .map(|f| f.rule_id)
        .collect()
}

fn reported(src: &str, lang: Language, line: usize, rule: &str) -> bool {
    rules_at(src, lang, line).iter().any(|r| r == rule)
}

const SERVLET_HEAD: &str = "import javax.servlet.http.*;\npublic class T extends HttpServlet {\n    public void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {\n        String param = request.getParameter(\"v\");\n";

/// A servlet body after the common head; the sink is on the line `line` of the body.
fn servlet(body: &str) -> String {
    format!("{SERVLET_HEAD}{body}    }}\n}}\n")
}

const BODY_LINE: usize = 5;

#[test]
fn a_null_default_keeps_the_taint() {
    let src = servlet(
        "        if (param == null) param = \"\";\n        response.getWriter().println(param);\n",
    );
    assert!(
        reported(&src, Language::Java, BODY_LINE + 1, "xss"),
        "{src}"
    );
}

#[test]
fn a_method_called_on_a_tainted_value_is_tainted() {
    let src = servlet("        String q = param.trim().toLowerCase();\n        response.getWriter().println(q);\n");
    assert!(reported(&src, Language::Java, BODY_LINE + 1, "xss"));
}

#[test]
fn a_constant_condition_decides_which_branch_runs() {
    let taken = servlet(
        "        int num = 106;\n        String bar = (7 * 18) + num > 200 ? \"fixed\" : param;\n        response.getWriter().println(bar);\n",
    );
    assert!(!reported(&taken, Language::Java, BODY_LINE + 2, "xss"));
    let other = servlet(
        "        int num = 106;\n        String bar = (7 * 18) + num > 300 ? \"fixed\" : param;\n        response.getWriter().println(bar);\n",
    );
    assert!(reported(&other, Language::Java, BODY_LINE + 2, "xss"));
    let if_else = servlet(
        "        int num = 86;\n        String bar;\n        if ((7 * 42) - num > 200) bar = \"fixed\"; else bar = param;\n        response.getWriter().println(bar);\n",
    );
    assert!(!reported(&if_else, Language::Java, BODY_LINE + 3, "xss"));
    let unknown = servlet(
        "        String bar;\n        if (param.length() > 3) bar = \"fixed\"; else bar = param;\n        response.getWriter().println(bar);\n",
    );
    assert!(reported(&unknown, Language::Java, BODY_LINE + 2, "xss"));
}

#[test]
fn a_switch_on_a_constant_runs_one_case() {
    let switch = |pick: usize| {
        servlet(&format!(
            "        String guess = \"ABC\";\n        char target = guess.charAt({pick});\n        String bar;\n        switch (target) {{\n          case 'A': bar = param; break;\n          case 'B': bar = \"fixed\"; break;\n          default: bar = param; break;\n        }}\n        response.getWriter().println(bar);\n"
        ))
    };
    assert!(!reported(&switch(1), Language::Java, BODY_LINE + 8, "xss"));
    assert!(reported(&switch(0), Language::Java, BODY_LINE + 8, "xss"));
    assert!(reported(&switch(2), Language::Java, BODY_LINE + 8, "xss"));
}

#[test]
fn a_loop_variable_holds_elements_of_its_collection() {
    let src = "import javax.servlet.http.*;\npublic class T extends HttpServlet {\n    public void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {\n        String param = \"none\";\n        for (Cookie c : request.getCookies()) {\n            if (c.getName().equals(\"v\")) { param = c.getValue(); break; }\n        }\n        response.getWriter().println(param);\n    }\n}\n";
    assert!(reported(src, Language::Java, 8, "xss"));
}

#[test]
fn helpers_of_the_same_file_are_followed() {
    let tainted = "import javax.servlet.http.*;\npublic class T extends HttpServlet {\n    public void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {\n        String bar = new Test().doSomething(request, request.getHeader(\"X\"));\n        java.sql.Statement st = conn().createStatement();\n        st.executeQuery(\"SELECT * FROM t WHERE a = '\" + bar + \"'\");\n    }\n    private class Test {\n        public String doSomething(HttpServletRequest request, String param) {\n            String bar = param.trim();\n            return bar;\n        }\n    }\n}\n";
    assert!(reported(tainted, Language::Java, 6, "sql-injection"));
    let constant = tainted.replace("String bar = param.trim();", "String bar = \"fixed\";");
    assert!(!reported(&constant, Language::Java, 6, "sql-injection"));

    let py = "from flask import request\n\ndef build(value):\n    return \"SELECT * FROM t WHERE id = '%s'\" % value\n\ndef constant(value):\n    return \"SELECT 1\"\n\ndef view():\n    cursor.execute(build(request.args[\"id\"]))\n    cursor.execute(constant(request.args[\"id\"]))\n";
    assert!(reported(py, Language::Python, 10, "sql-injection"));
    assert!(!reported(py, Language::Python, 11, "sql-injection"));
}

#[test]
fn the_request_object_itself_is_not_data() {
    let src = "import javax.servlet.http.*;\npublic class T extends HttpServlet {\n    public void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {\n        String bar = Helper.describe(request);\n        java.sql.Statement st = conn().createStatement();\n        st.executeQuery(\"SELECT * FROM t WHERE a = '\" + bar + \"'\");\n    }\n}\n";
    assert!(
        !reported(src, Language::Java, 6, "sql-injection"),
        "{:?}",
        rules_at(src, Language::Java, 6)
    );
}

#[test]
fn runtime_exec_through_a_variable_is_a_command_not_sql() {
    let src =
        servlet("        Runtime r = Runtime.getRuntime();\n        r.exec(\"echo \" + param);\n");
    let rules = rules_at(&src, Language::Java, BODY_LINE + 1);
    assert!(rules.iter().any(|r| r == "command-injection"), "{rules:?}");
    assert!(!rules.iter().any(|r| r == "sql-injection"), "{rules:?}");
}

#[test]
fn a_shell_list_built_over_several_statements_reaches_process_builder() {
    let src = servlet("        java.util.List<String> args = new java.util.ArrayList<>();\n        args.add(\"sh\");\n        args.add(\"-c\");\n        args.add(\"echo \" + param);\n        new ProcessBuilder(args).start();\n");
    assert!(
        reported(&src, Language::Java, BODY_LINE + 4, "command-injection"),
        "{:?}",
        rules_at(&src, Language::Java, BODY_LINE + 4)
    );
}

#[test]
fn fully_qualified_file_streams_are_path_sinks() {
    let src = servlet(
        "        java.io.FileOutputStream out = new java.io.FileOutputStream(\"/srv/\" + param);\n",
    );
    assert!(reported(&src, Language::Java, BODY_LINE, "path-traversal"));
}

#[test]
fn what_callers_pass_decides_for_a_helper_parameter() {
    let helper = "import subprocess\nfrom flask import request\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n\n";
    let constant = format!("{helper}def job():\n    run(\"ls -l /srv\")\n");
    assert!(!reported(
        &constant,
        Language::Python,
        5,
        "command-injection"
    ));
    let tainted = format!("{helper}def view():\n    run(request.args[\"cmd\"])\n");
    assert!(reported(&tainted, Language::Python, 5, "command-injection"));
    // Nothing in the file calls it: its callers elsewhere decide, so it is reported.
    assert!(reported(helper, Language::Python, 5, "command-injection"));
}

/// A command list grown by many conditional `+=` (as option builders do): each read of the
/// list is resolved once, not once per path through the branches, and what went in first
/// or last still decides.
fn option_builder(first: &str, last: &str) -> String {
    let mut src = format!(
        "import subprocess\nfrom flask import request\n\ndef build(opts):\n    cmd = [{first}]\n"
    );
    for i in 0..40 {
        src.push_str(&format!(
            "    if opts.get('o{i}'):\n        cmd += ['--o{i}', 'on']\n"
        ));
    }
    src.push_str(&format!(
        "    cmd += [{last}]\n    subprocess.run(' '.join(cmd), shell=True)\n"
    ));
    src
}

#[test]
fn many_conditional_appends_are_followed_without_blowing_up() {
    let sink = 5 + 40 * 2 + 2;
    let tainted_last = option_builder("'podman'", "request.args['name']");
    assert!(
        reported(&tainted_last, Language::Python, sink, "command-injection"),
        "{tainted_last}"
    );
    let tainted_first = option_builder("request.args['prog']", "'--rm'");
    assert!(
        reported(&tainted_first, Language::Python, sink, "command-injection"),
        "{tainted_first}"
    );
    let constant = option_builder("'podman'", "'--rm'");
    assert!(
        !reported(&constant, Language::Python, sink, "command-injection"),
        "{constant}"
    );
}
