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

/// A Python handler around the shell helper `run_tool`, with `body` (4-space indented) in it.
fn py_handler(body: &str) -> String {
    format!(
        "import os\n\ndef run_tool(cmd):\n    os.system(cmd)\n\ndef handle(user_value):\n{body}"
    )
}

/// A JavaScript handler around the shell helper `runTool`, with `body` in it.
fn js_handler(body: &str) -> String {
    format!(
        "const {{ execSync }} = require('child_process');\n\nfunction runTool(cmd) {{\n  execSync(cmd);\n}}\n\nfunction handle(userValue) {{\n{body}}}\n"
    )
}

/// A Go handler around the shell helper `runTool`, with `body` in it and `decls` before it.
fn go_handler(decls: &str, body: &str) -> String {
    format!(
        "package main\n\nimport \"os/exec\"\n\nfunc runTool(cmd string) {{\n\t_ = exec.Command(\"sh\", \"-c\", cmd).Run()\n}}\n\n{decls}\nfunc Handle(userValue string) {{\n{body}}}\n"
    )
}

/// A field of an object built by a constructor of this file holds what that constructor
/// stored there, through chains of objects; another field's value does not leak into it.
#[test]
fn object_fields_hold_what_their_constructor_stored() {
    let py = |read: &str| {
        py_handler(&format!(
            "    class Inner:\n        def __init__(self, raw):\n            self.raw = raw\n            self.label = 'status'\n\n    class Outer:\n        def __init__(self, raw):\n            self.inner = Inner(raw)\n\n    job = Outer(user_value)\n    run_tool({read})\n"
        ))
    };
    assert!(reported(&py("job.inner.raw"), Language::Python, CMDI));
    assert!(!reported(&py("job.inner.label"), Language::Python, CMDI));

    let js = |read: &str| {
        js_handler(&format!(
            "  class Inner {{\n    constructor(raw) {{\n      this.raw = raw;\n      this.label = 'status';\n    }}\n  }}\n  class Outer {{\n    constructor(raw) {{\n      this.inner = new Inner(raw);\n    }}\n  }}\n  const job = new Outer(userValue);\n  runTool({read});\n"
        ))
    };
    assert!(reported(&js("job.inner.raw"), Language::JavaScript, CMDI));
    assert!(!reported(
        &js("job.inner.label"),
        Language::JavaScript,
        CMDI
    ));

    // `setattr(self, 'label', ..)` in the constructor stores like `self.label = ..`.
    let set = |value: &str| {
        py_handler(&format!(
            "    class Job:\n        def __init__(self, raw):\n            setattr(self, 'label', {value})\n            self.raw = raw\n\n    job = Job(user_value)\n    run_tool(job.label)\n"
        ))
    };
    assert!(reported(&set("raw"), Language::Python, CMDI));
    assert!(!reported(&set("'status'"), Language::Python, CMDI));
}

/// An object of a class of this file passed whole holds what its constructor stored: built
/// from constants it is constant, built from the input it is not.
#[test]
fn an_object_passed_whole_holds_what_it_was_built_from() {
    let py = |arg: &str| {
        format!(
            "import os\n\nclass Job:\n    def __init__(self, cmd):\n        self.cmd = cmd\n\nclass NightlyJob(Job):\n    pass\n\ndef run_job(job):\n    os.system(job.cmd)\n\ndef handle(user_value):\n    run_job(NightlyJob({arg}))\n"
        )
    };
    assert!(reported(&py("user_value"), Language::Python, CMDI));
    assert!(!reported(&py("'uptime'"), Language::Python, CMDI));
}

/// Go struct literals: a field read gives that field's value (a field left out is its zero
/// value), and a struct of constants passed whole is constant.
#[test]
fn go_struct_literal_fields() {
    let decls = "type Job struct {\n\tCmd  string\n\tMode string\n}\n";
    let field = |read: &str| {
        go_handler(
            decls,
            &format!("\tjob := Job{{Cmd: userValue, Mode: \"fast\"}}\n\trunTool({read})\n"),
        )
    };
    assert!(reported(&field("job.Cmd"), Language::Go, CMDI));
    assert!(!reported(&field("job.Mode"), Language::Go, CMDI));

    let whole = |cmd: &str| {
        format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"os/exec\"\n)\n\n{decls}\nfunc runJob(o interface{{}}) {{\n\t_ = exec.Command(\"sh\", \"-c\", fmt.Sprintf(\"%v\", o)).Run()\n}}\n\nfunc Handle(userValue string) {{\n\tjob := Job{{Cmd: {cmd}}}\n\trunJob(job)\n}}\n"
        )
    };
    assert!(reported(&whole("userValue"), Language::Go, CMDI));
    assert!(!reported(&whole("\"uptime\""), Language::Go, CMDI));
}

/// `a, b := f(x, "ls")`: each target takes the value at its position of what `f` returns.
#[test]
fn tuple_returns_are_told_apart_by_position() {
    let go = |order: &str| {
        go_handler(
            &format!("func pair(a string, b string) (string, string) {{\n\treturn {order}\n}}\n"),
            "\tfirst, second := pair(userValue, \"ls\")\n\t_ = first\n\trunTool(second)\n",
        )
    };
    assert!(reported(&go("b, a"), Language::Go, CMDI));
    assert!(!reported(&go("a, b"), Language::Go, CMDI));

    let py = |order: &str| {
        py_handler(&format!(
            "    def pair(a, b):\n        return {order}\n    first, second = pair(user_value, 'ls')\n    run_tool(second)\n"
        ))
    };
    assert!(reported(&py("b, a"), Language::Python, CMDI));
    assert!(!reported(&py("a, b"), Language::Python, CMDI));
}

/// `a, b, *rest = [..]`: `rest[i]` is the item `i` places after the named ones.
#[test]
fn a_rest_target_starts_after_the_named_ones() {
    let py = |read: &str| {
        py_handler(&format!(
            "    first, second, *others = ['a', 'b', user_value, 'ls']\n    run_tool({read})\n"
        ))
    };
    assert!(reported(&py("others[0]"), Language::Python, CMDI));
    assert!(!reported(&py("others[1]"), Language::Python, CMDI));

    let js = |read: &str| {
        js_handler(&format!(
            "  const [first, second, ...others] = ['a', 'b', userValue, 'ls'];\n  runTool({read});\n"
        ))
    };
    assert!(reported(&js("others[0]"), Language::JavaScript, CMDI));
    assert!(!reported(&js("others[1]"), Language::JavaScript, CMDI));
}

/// A store into one slot (`s[1] = v`) changes that slot only: the rest of the collection
/// keeps what it held, and a store under a key held in a variable is read with that key.
#[test]
fn a_slot_store_changes_one_slot() {
    let py = |first: &str| {
        py_handler(&format!(
            "    parts = [{first}, 'b']\n    parts[1] = '-l'\n    run_tool(' '.join(parts))\n"
        ))
    };
    assert!(reported(&py("user_value"), Language::Python, CMDI));
    assert!(!reported(&py("'ls'"), Language::Python, CMDI));

    let go = |read: &str| {
        go_handler(
            "",
            &format!("\tvar parts [2]string\n\tslot := 0\n\tparts[slot] = userValue\n\tslot = 1\n\tparts[slot] = \"ls\"\n\trunTool({read})\n"),
        )
    };
    assert!(reported(&go("parts[0]"), Language::Go, CMDI));
    assert!(!reported(&go("parts[1]"), Language::Go, CMDI));
}

/// A loop whose condition is false on entry never runs its body: what the body assigns does
/// not reach past it (Go `for`, Python `for .. in range(0)`, Python `while .. else`).
#[test]
fn a_loop_that_never_runs_assigns_nothing() {
    let go = |bound: &str| {
        go_handler(
            "",
            &format!("\tcmd := \"ls\"\n\tfor i := 0; i < {bound}; i++ {{\n\t\tcmd = userValue\n\t}}\n\trunTool(cmd)\n"),
        )
    };
    assert!(reported(&go("1"), Language::Go, CMDI));
    assert!(!reported(&go("0"), Language::Go, CMDI));

    let py = |count: &str| {
        py_handler(&format!(
            "    cmd = 'ls'\n    for _ in range({count}):\n        cmd = user_value\n    run_tool(cmd)\n"
        ))
    };
    assert!(reported(&py("1"), Language::Python, CMDI));
    assert!(!reported(&py("0"), Language::Python, CMDI));

    // `while .. else`: the `else` runs after a body that may not have run.
    let py_else = |start: &str| {
        py_handler(&format!(
            "    i = {start}\n    cmd = 'ls'\n    while i < 3:\n        cmd = user_value\n        break\n    else:\n        run_tool(cmd)\n"
        ))
    };
    assert!(reported(&py_else("0"), Language::Python, CMDI));
    assert!(!reported(&py_else("7"), Language::Python, CMDI));
}

/// A map whose values are all constants gives a constant whatever the key; its keys are
/// constants when every key stored is.
#[test]
fn a_map_of_constants_yields_constants() {
    let py = |store: &str, read: &str| {
        py_handler(&format!(
            "    table = {{}}\n    {store}\n    table['other'] = 'pwd'\n    run_tool({read})\n"
        ))
    };
    assert!(reported(
        &py("table['main'] = user_value", "table.get(user_value)"),
        Language::Python,
        CMDI
    ));
    assert!(!reported(
        &py("table[user_value] = 'ls'", "table.get(user_value)"),
        Language::Python,
        CMDI
    ));
    assert!(reported(
        &py("table[user_value] = 'ls'", "' '.join(table.keys())"),
        Language::Python,
        CMDI
    ));
    assert!(!reported(
        &py("table['main'] = user_value", "' '.join(table.keys())"),
        Language::Python,
        CMDI
    ));

    let js = |store: &str| {
        js_handler(&format!(
            "  const table = new Map();\n  {store}\n  runTool(table.keys());\n"
        ))
    };
    assert!(reported(
        &js("table.set(userValue, 'ls');"),
        Language::JavaScript,
        CMDI
    ));
    assert!(!reported(
        &js("table.set('main', userValue);"),
        Language::JavaScript,
        CMDI
    ));
}

/// A `switch` on a constant runs the matching case (and what it falls through to): an
/// assignment in a case that never runs does not reach the sink (JavaScript, Go).
#[test]
fn a_switch_on_a_constant_runs_one_case() {
    let js = |label: &str| {
        js_handler(&format!(
            "  let cmd = 'ls';\n  switch (2) {{\n    case {label}:\n      cmd = userValue;\n      break;\n    default:\n      runTool(cmd);\n  }}\n  runTool(cmd);\n"
        ))
    };
    assert!(reported(&js("2"), Language::JavaScript, CMDI));
    assert!(!reported(&js("1"), Language::JavaScript, CMDI));

    let go = |label: &str| {
        go_handler(
            "",
            &format!("\tcmd := \"ls\"\n\tswitch 2 {{\n\tcase {label}:\n\t\tcmd = userValue\n\tdefault:\n\t}}\n\trunTool(cmd)\n"),
        )
    };
    assert!(reported(&go("2"), Language::Go, CMDI));
    assert!(!reported(&go("1"), Language::Go, CMDI));
}

/// `obj.method()` on an object built by a class of this file runs that class's method (or
/// the one it inherits), not any method of the same name.
#[test]
fn a_method_call_runs_the_class_actually_built() {
    let js = |built: &str| {
        js_handler(&format!(
            "  class Base {{}}\n  class Loud extends Base {{\n    value() {{\n      return userValue;\n    }}\n  }}\n  class Quiet extends Base {{\n    value() {{\n      return 'ls';\n    }}\n  }}\n  const job = new {built}();\n  runTool(job.value());\n"
        ))
    };
    assert!(reported(&js("Loud"), Language::JavaScript, CMDI));
    assert!(!reported(&js("Quiet"), Language::JavaScript, CMDI));
}

/// An assignment after a `break` of its block never runs (Go labeled `break`).
#[test]
fn an_assignment_after_break_never_runs() {
    let go = |jump: &str| {
        go_handler(
            "",
            &format!("\tcmd := \"ls\"\nouter:\n\tfor i := 0; i < 2; i++ {{\n\t\t{jump}\n\t\tcmd = userValue\n\t}}\n\trunTool(cmd)\n"),
        )
    };
    assert!(reported(&go("_ = i"), Language::Go, CMDI));
    assert!(!reported(&go("break outer"), Language::Go, CMDI));
}

/// Entries through a dict spread, a slice and a `len()`-based index.
#[test]
fn entries_through_spreads_slices_and_lengths() {
    for (make, bad, good) in [
        (
            "    base = {'id': user_value, 'name': 'ls'}\n    merged = {'score': '1', **base}\n",
            "merged['id']",
            "merged['name']",
        ),
        (
            "    rows = [[user_value, 'a'], ['ls', 'b']]\n",
            "rows[0:][0][0]",
            "rows[1:][0][0]",
        ),
        (
            "    items = ['ls', user_value]\n    n = len(items)\n",
            "items[n - 1]",
            "items[n - 2]",
        ),
        (
            "    table = {0: 'ls', 1: user_value}\n    n = len(table)\n",
            "table[n - 1]",
            "table[n - 2]",
        ),
    ] {
        let vulnerable = py_handler(&format!("{make}    run_tool({bad})\n"));
        assert!(
            reported(&vulnerable, Language::Python, CMDI),
            "{vulnerable}"
        );
        let safe = py_handler(&format!("{make}    run_tool({good})\n"));
        assert!(!reported(&safe, Language::Python, CMDI), "{safe}");
    }
    let go = |read: &str| {
        go_handler(
            "",
            &format!("\tarr := [3]string{{userValue, \"ls\", \"pwd\"}}\n\ttail := arr[1:]\n\trunTool({read})\n"),
        )
    };
    assert!(reported(&go("arr[0]"), Language::Go, CMDI));
    assert!(!reported(&go("tail[0]"), Language::Go, CMDI));
}

/// A helper reading one field of the object it is given: when every caller passes an object
/// whose field is a constant, the read is constant; another field stays the callers' data.
#[test]
fn a_field_of_a_parameter_is_decided_by_what_callers_pass() {
    let py = |field: &str| {
        format!(
            "import os\n\nclass Job:\n    def __init__(self, src):\n        self.src = src\n        self.tool = 'convert'\n\ndef run_job(job):\n    os.system(job.{field} + ' -resize 64x64')\n\ndef handle(user_value):\n    job = Job(user_value)\n    run_job(job)\n"
        )
    };
    assert!(reported(&py("src"), Language::Python, CMDI));
    assert!(!reported(&py("tool"), Language::Python, CMDI));
}

/// A function of this file that stores into the map it is given changes the caller's map.
#[test]
fn a_callee_store_into_a_passed_map_counts() {
    let go = |value: &str, start: &str| {
        go_handler(
            &format!("func fill(opts map[string]string, v string) {{\n\topts[\"cmd\"] = {value}\n}}\n"),
            &format!("\topts := map[string]string{{\"cmd\": {start}}}\n\tfill(opts, userValue)\n\trunTool(opts[\"cmd\"])\n"),
        )
    };
    assert!(reported(&go("v", "\"ls\""), Language::Go, CMDI));
    assert!(!reported(&go("\"ls\"", "userValue"), Language::Go, CMDI));
}

/// Go's bare `return` hands back the named results as they are at that point.
#[test]
fn go_named_results_come_back_from_a_bare_return() {
    let go = |value: &str| {
        go_handler(
            &format!(
                "func pick(a string, b string) (out string) {{\n\tout = {value}\n\treturn\n}}\n"
            ),
            "\trunTool(pick(userValue, \"ls\"))\n",
        )
    };
    assert!(reported(&go("a"), Language::Go, CMDI));
    assert!(!reported(&go("b"), Language::Go, CMDI));
}
