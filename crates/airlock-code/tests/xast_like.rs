//! Behaviours added from the xAST benchmark's dataflow cases (issue 3): a shell helper whose
//! argument is decided by the layers of callers above it. Each as a vulnerable/safe pair that
//! differ in the one thing the behaviour is about; the names are our own.

use airlock_code::Language;

use crate::support::reported;

const CMDI: &str = "command-injection";

/// A shell helper called by a middle layer that forwards one of its own parameters: the
/// middle layer's callers decide which value arrives.
#[test]
fn callers_of_callers_decide_a_forwarded_parameter() {
    let py = |arg: &str| {
        format!(
            "import os\n\ndef run_tool(cmd):\n    os.system(cmd)\n\ndef relay(first, second):\n    run_tool({arg})\n\ndef handle(user_value):\n    relay(user_value, 'status')\n"
        )
    };
    assert!(reported(&py("first"), Language::Python, CMDI));
    assert!(!reported(&py("second"), Language::Python, CMDI));

    let js = |arg: &str| {
        format!(
            "const {{ execSync }} = require('child_process');\n\nfunction runTool(cmd) {{\n  execSync(cmd);\n}}\n\nfunction relay(first, second) {{\n  runTool({arg});\n}}\n\nfunction handle(userValue) {{\n  relay(userValue, 'status');\n}}\n"
        )
    };
    assert!(reported(&js("first"), Language::JavaScript, CMDI));
    assert!(!reported(&js("second"), Language::JavaScript, CMDI));

    let go = |arg: &str| {
        format!(
            "package main\n\nimport \"os/exec\"\n\nfunc runTool(cmd string) {{\n\t_ = exec.Command(\"sh\", \"-c\", cmd).Run()\n}}\n\nfunc relay(first string, second string) {{\n\trunTool({arg})\n}}\n\nfunc Handle(userValue string) {{\n\trelay(userValue, \"status\")\n}}\n"
        )
    };
    assert!(reported(&go("first"), Language::Go, CMDI));
    assert!(!reported(&go("second"), Language::Go, CMDI));
}

/// Keyword arguments line up with the parameters they name.
#[test]
fn keyword_arguments_are_matched_by_name() {
    let py = |arg: &str| {
        format!(
            "import os\n\ndef run_tool(cmd):\n    os.system(cmd)\n\ndef handle(user_value):\n    def relay(fixed, given):\n        run_tool({arg})\n    relay(fixed='status', given=user_value)\n"
        )
    };
    assert!(reported(&py("given"), Language::Python, CMDI));
    assert!(!reported(&py("fixed"), Language::Python, CMDI));
}

/// The literal a program's start-up code passes to an entry function does not make it safe:
/// the entry function serves other inputs too. A helper's direct callers still decide.
#[test]
fn start_up_literals_do_not_clear_an_entry_function() {
    let vulnerable = "import os\n\ndef run_tool(cmd):\n    os.system(cmd)\n\ndef relay(value):\n    run_tool(value)\n\ndef handle(user_value):\n    relay(user_value)\n\nif __name__ == '__main__':\n    handle('demo')\n";
    assert!(reported(vulnerable, Language::Python, CMDI));
    let go = "package main\n\nimport \"os/exec\"\n\nfunc runTool(cmd string) {\n\t_ = exec.Command(\"sh\", \"-c\", cmd).Run()\n}\n\nfunc handle(userValue string) {\n\trunTool(userValue)\n}\n\nfunc main() {\n\thandle(\"demo\")\n}\n";
    assert!(reported(go, Language::Go, CMDI));
    // Direct callers of the helper itself still decide, start-up code included.
    let safe = "import os\n\ndef run_tool(cmd):\n    os.system(cmd)\n\nif __name__ == '__main__':\n    run_tool('ls -l')\n";
    assert!(!reported(safe, Language::Python, CMDI));
}

/// JavaScript's `function` keyword is not a second function of the same name: a helper whose
/// only caller passes a literal is not reported.
#[test]
fn javascript_helper_called_with_a_literal() {
    let src = |arg: &str| {
        format!(
            "const {{ execSync }} = require('child_process');\n\nfunction runTool(cmd) {{\n  execSync(cmd);\n}}\n\nfunction handle(userValue) {{\n  runTool({arg});\n}}\n"
        )
    };
    assert!(reported(&src("userValue"), Language::JavaScript, CMDI));
    assert!(!reported(&src("'ls -l'"), Language::JavaScript, CMDI));
}

/// An entry read with a constant key is the value stored under that key, not the join of
/// the whole collection: list and dict literals, nested literals, spread lists, stores by
/// subscript and by `set`, and `get`.
#[test]
fn collection_entries_are_told_apart_by_constant_keys() {
    let py = |make: &str, read: &str| {
        format!(
            "import os\n\ndef run_tool(cmd):\n    os.system(cmd)\n\ndef handle(user_value):\n{make}    run_tool({read})\n"
        )
    };
    for (make, bad, good) in [
        ("    s = [user_value, 'ls']\n", "s[0]", "s[1]"),
        (
            "    d = {'a': {'b': user_value}, 'c': {'d': 'ls'}}\n",
            "d['a']['b']",
            "d['c']['d']",
        ),
        (
            "    d = {}\n    d['k1'] = user_value\n    d['k2'] = 'ls'\n",
            "d.get('k1')",
            "d.get('k2')",
        ),
        (
            "    head = ['ls', user_value]\n    s = ['pwd', *head]\n",
            "s[2]",
            "s[1]",
        ),
    ] {
        let vulnerable = py(make, bad);
        assert!(
            reported(&vulnerable, Language::Python, CMDI),
            "{vulnerable}"
        );
        let safe = py(make, good);
        assert!(!reported(&safe, Language::Python, CMDI), "{safe}");
    }

    let js = |read: &str| {
        format!(
            "const {{ execSync }} = require('child_process');\n\nfunction runTool(cmd) {{\n  execSync(cmd);\n}}\n\nfunction handle(userValue) {{\n  const m = new Map();\n  m.set('k1', userValue);\n  m.set('k2', 'ls');\n  const s = [userValue, 'pwd'];\n  runTool({read});\n}}\n"
        )
    };
    for (bad, good) in [("m.get('k1')", "m.get('k2')"), ("s[0]", "s[1]")] {
        assert!(reported(&js(bad), Language::JavaScript, CMDI), "{bad}");
        assert!(!reported(&js(good), Language::JavaScript, CMDI), "{good}");
    }

    let go = |read: &str| {
        format!(
            "package main\n\nimport \"os/exec\"\n\nfunc runTool(cmd string) {{\n\t_ = exec.Command(\"sh\", \"-c\", cmd).Run()\n}}\n\nfunc Handle(userValue string) {{\n\tm := make(map[string]string)\n\tm[\"k1\"] = userValue\n\tm[\"k2\"] = \"ls\"\n\ts := []string{{userValue, \"pwd\"}}\n\trunTool({read})\n}}\n"
        )
    };
    for (bad, good) in [("m[\"k1\"]", "m[\"k2\"]"), ("s[0]", "s[1]")] {
        assert!(reported(&go(bad), Language::Go, CMDI), "{bad}");
        assert!(!reported(&go(good), Language::Go, CMDI), "{good}");
    }
}

/// A loop counter stepped with `++` is not the constant it starts from: a branch on it runs.
#[test]
fn a_stepped_loop_counter_is_not_a_constant() {
    let go = |step: &str| {
        format!(
            "package main\n\nimport \"os/exec\"\n\nfunc runTool(cmd string) {{\n\t_ = exec.Command(\"sh\", \"-c\", cmd).Run()\n}}\n\nfunc Handle(userValue string) {{\n\tres := \"\"\n\tfor i := 0; i < 10; {step} {{\n\t\tif i == 3 {{\n\t\t\tres = userValue\n\t\t}}\n\t}}\n\trunTool(res)\n}}\n"
        )
    };
    assert!(reported(&go("i++"), Language::Go, CMDI));
    // Never stepped: `i == 3` is always false and the assignment never runs.
    assert!(!reported(&go("_ = i"), Language::Go, CMDI));
}

/// A call after a statement that always leaves its block (`return`, `raise`, `continue`, an
/// `if` on a constant true condition that returns) never runs: neither as a sink nor as the
/// caller that decides a helper's parameter.
#[test]
fn calls_after_a_jump_never_run() {
    let py = |body: &str| {
        format!(
            "import os\n\ndef run_tool(cmd):\n    os.system(cmd)\n\ndef handle(user_value):\n    try:\n{body}    except Exception:\n        pass\n"
        )
    };
    let vulnerable = py("        run_tool(user_value)\n        raise Exception('done')\n");
    assert!(
        reported(&vulnerable, Language::Python, CMDI),
        "{vulnerable}"
    );
    let safe = py("        raise Exception('done')\n        run_tool(user_value)\n");
    assert!(!reported(&safe, Language::Python, CMDI), "{safe}");

    let go = |cond: &str| {
        format!(
            "package main\n\nimport \"os/exec\"\n\nfunc runTool(cmd string) {{\n\t_ = exec.Command(\"sh\", \"-c\", cmd).Run()\n}}\n\nfunc Handle(userValue string) string {{\n\tif {cond} {{\n\t\treturn userValue\n\t}}\n\trunTool(userValue)\n\treturn \"\"\n}}\n"
        )
    };
    assert!(reported(&go("false"), Language::Go, CMDI));
    assert!(!reported(&go("true"), Language::Go, CMDI));

    let js = |body: &str| {
        format!(
            "const {{ execSync }} = require('child_process');\n\nfunction handle(userValue) {{\n  for (const x of [1, 2]) {{\n{body}  }}\n}}\n"
        )
    };
    assert!(reported(
        &js("    execSync(userValue);\n    continue;\n"),
        Language::JavaScript,
        CMDI
    ));
    assert!(!reported(
        &js("    continue;\n    execSync(userValue);\n"),
        Language::JavaScript,
        CMDI
    ));
}

/// A parameter the call leaves out takes its default value: a helper whose shell command
/// defaults to a literal, called without it, runs that literal; called with a value from
/// the caller's own parameter, it runs that. A call that unpacks a collection (`*args`,
/// `...rest`) may fill the parameter: undecided, so reported as before.
#[test]
fn a_parameter_left_out_takes_its_default() {
    let py = |call: &str| {
        format!(
            "import os\n\ndef handle(user_value, rest):\n    def run_tool(cmd=\"uptime\"):\n        os.system(cmd)\n    {call}\n"
        )
    };
    assert!(!reported(&py("run_tool()"), Language::Python, CMDI));
    assert!(reported(
        &py("run_tool(user_value)"),
        Language::Python,
        CMDI
    ));
    assert!(reported(&py("run_tool(*rest)"), Language::Python, CMDI));

    let js = |call: &str| {
        format!(
            "const {{ execSync }} = require('child_process');\n\nfunction runTool(cmd = 'uptime') {{\n  execSync(cmd);\n}}\n\nfunction handle(userValue, rest) {{\n  {call};\n}}\n"
        )
    };
    assert!(!reported(&js("runTool()"), Language::JavaScript, CMDI));
    assert!(reported(
        &js("runTool(userValue)"),
        Language::JavaScript,
        CMDI
    ));
    assert!(reported(
        &js("runTool(...rest)"),
        Language::JavaScript,
        CMDI
    ));
}
