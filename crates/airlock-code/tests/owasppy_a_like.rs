//! Behaviours added from OWASP Benchmark for Python's injection and deserialization tests
//! (issue 3): values that pass through a dict, a list, a configparser or a `match` whose
//! outcome the code fixes, and deserialization of data the code wrote itself. Each as a
//! vulnerable/safe pair that differ in the one thing the behaviour is about; the code and the
//! names are our own.

use airlock_code::Language;

use crate::support::reported;

const SQLI: &str = "sql-injection";
const CODE: &str = "code-injection";
const CMDI: &str = "command-injection";
const DESER: &str = "unsafe-deserialization";

/// A Flask view: `body` runs after `value` is read from the form.
fn view(body: &str) -> String {
    let mut s = String::from(
        "import base64\nimport configparser\nimport html\nimport pickle\nimport subprocess\nimport yaml\nfrom flask import request\n\n\ndef lookup(db):\n    value = request.form.get('q', '')\n",
    );
    for line in body.lines() {
        s.push_str("    ");
        s.push_str(line);
        s.push('\n');
    }
    s
}

/// Keys that are not names (`'name-2'`) keep their entries apart like keys that are: the
/// entry read back is the one stored under that key.
#[test]
fn dict_entries_under_non_name_keys_stay_apart() {
    let code = |read: &str| {
        view(&format!(
            "table = {{}}\ntable['plain-1'] = 'fixed'\ntable['user-1'] = value\nchosen = table['{read}']\ndb.execute(\"SELECT * FROM items WHERE tag = '\" + chosen + \"'\")"
        ))
    };
    assert!(reported(&code("user-1"), Language::Python, SQLI));
    assert!(!reported(&code("plain-1"), Language::Python, SQLI));

    // The last of two reads decides.
    let overwrite = |last: &str, first: &str| {
        view(&format!(
            "table = {{}}\ntable['plain-1'] = 'fixed'\ntable['user-1'] = value\nchosen = table['{first}']\nchosen = table['{last}']\neval(chosen)"
        ))
    };
    assert!(reported(
        &overwrite("user-1", "plain-1"),
        Language::Python,
        CODE
    ));
    assert!(!reported(
        &overwrite("plain-1", "user-1"),
        Language::Python,
        CODE
    ));

    // The whole dict still carries what was stored in it.
    let whole = view(
        "table = {}\ntable['user-1'] = value\ndb.execute('SELECT * FROM items WHERE tag = %s' % table)",
    );
    assert!(reported(&whole, Language::Python, SQLI));
}

/// A list filled with `append`, shifted by `pop(0)` and read by index: the item at that
/// index once the calls ran.
#[test]
fn list_read_after_append_and_pop() {
    let code = |index: &str| {
        view(&format!(
            "items = []\nitems.append('first')\nitems.append(value)\nitems.append('last')\nitems.pop(0)\npicked = items[{index}]\nsubprocess.run('echo ' + picked, shell=True)"
        ))
    };
    assert!(reported(&code("0"), Language::Python, CMDI));
    assert!(!reported(&code("1"), Language::Python, CMDI));
    assert!(!reported(&code("-1"), Language::Python, CMDI));

    // `insert` and `pop()` move the items the same way.
    let insert = |index: &str| {
        view(&format!(
            "items = ['a', 'b']\nitems.insert(1, value)\nitems.pop()\npicked = items[{index}]\neval(picked)"
        ))
    };
    assert!(reported(&insert("1"), Language::Python, CODE));
    assert!(!reported(&insert("0"), Language::Python, CODE));

    // A call we do not model in between: the list could hold anything.
    let unknown = view(
        "items = []\nitems.append(value)\nitems.append('last')\nitems.sort()\npicked = items[1]\neval(picked)",
    );
    assert!(reported(&unknown, Language::Python, CODE));

    // What `pop` takes out is the item at that end.
    let popped = |items: &str| {
        view(&format!(
            "items = [{items}]\nitems.append('extra')\nitems.pop()\npicked = items.pop()\neval(picked)"
        ))
    };
    assert!(reported(&popped("'a', value"), Language::Python, CODE));
    assert!(!reported(&popped("value, 'a'"), Language::Python, CODE));
    let first = |items: &str| {
        view(&format!(
            "items = [{items}]\npicked = items.pop(0)\neval(picked)"
        ))
    };
    assert!(reported(&first("value, 'a'"), Language::Python, CODE));
    assert!(!reported(&first("'a', value"), Language::Python, CODE));

    // JavaScript arrays with `push`, `shift` and `unshift`.
    let js = |index: usize| {
        format!(
            "const {{ execSync }} = require('child_process');\n\nfunction handle(req, res) {{\n  const parts = [];\n  parts.push('first');\n  parts.push(req.query.name);\n  parts.push('last');\n  parts.shift();\n  parts.unshift('lead');\n  execSync('echo ' + parts[{index}]);\n  res.end();\n}}\n"
        )
    };
    assert!(reported(&js(1), Language::JavaScript, CMDI));
    assert!(!reported(&js(0), Language::JavaScript, CMDI));
    assert!(!reported(&js(2), Language::JavaScript, CMDI));
    let shifted = |first: &str, second: &str| {
        format!(
            "const {{ execSync }} = require('child_process');\n\nfunction handle(req, res) {{\n  const parts = [{first}, {second}];\n  const head = parts.shift();\n  execSync('echo ' + head);\n  res.end();\n}}\n"
        )
    };
    assert!(reported(
        &shifted("req.query.name", "'x'"),
        Language::JavaScript,
        CMDI
    ));
    assert!(!reported(
        &shifted("'x'", "req.query.name"),
        Language::JavaScript,
        CMDI
    ));
}

/// `match` on a value the code fixes (`"ABC"[1]`): only the case it selects runs.
#[test]
fn match_on_a_constant_runs_one_case() {
    let code = |pick: usize| {
        view(&format!(
            "letters = 'XYZ'\nwhich = letters[{pick}]\nmatch which:\n    case 'X':\n        out = value\n    case 'Y':\n        out = 'fixed'\n    case 'Z' | 'W':\n        out = value\n    case _:\n        out = 'other'\neval(out)"
        ))
    };
    assert!(reported(&code(0), Language::Python, CODE));
    assert!(!reported(&code(1), Language::Python, CODE));
    assert!(reported(&code(2), Language::Python, CODE));

    // A subject that is not constant: any case may run.
    let open = view(
        "match value[:1]:\n    case 'Y':\n        out = 'fixed'\n    case _:\n        out = value\neval(out)",
    );
    assert!(reported(&open, Language::Python, CODE));
}

/// configparser's `set(section, option, value)` and `get(section, option)`: the option read
/// back is the one set.
#[test]
fn configparser_options_round_trip() {
    let code = |option: &str| {
        view(&format!(
            "conf = configparser.ConfigParser()\nconf.add_section('main')\nconf.set('main', 'fixed', 'plain')\nconf.set('main', 'given', value)\nsetting = conf.get('main', '{option}')\ndb.execute(f\"SELECT * FROM items WHERE tag = '{{setting}}'\")"
        ))
    };
    assert!(reported(&code("given"), Language::Python, SQLI));
    assert!(!reported(&code("fixed"), Language::Python, SQLI));
}

/// Deserializing data the dataflow traces back to a literal builds only what the code
/// wrote; request data, or data of unknown origin, is still reported.
#[test]
fn deserializing_a_constant_is_not_reported() {
    let pickled = |data: &str| {
        view(&format!(
            "blob = {data}\nobj = pickle.loads(base64.urlsafe_b64decode(blob))"
        ))
    };
    assert!(reported(&pickled("value"), Language::Python, DESER));
    assert!(!reported(
        &pickled("'gASVCAAAAAAAAACMBGRhdGGULg=='"),
        Language::Python,
        DESER
    ));
    // A constant chosen by a condition the code fixes.
    assert!(reported(
        &pickled("'fixed' if 3 * 4 > 20 else value"),
        Language::Python,
        DESER
    ));
    assert!(!reported(
        &pickled("'fixed' if 3 * 4 > 10 else value"),
        Language::Python,
        DESER
    ));

    let loaded = |data: &str| {
        view(&format!(
            "doc = {data}\nconfig = yaml.load(doc, Loader=yaml.Loader)"
        ))
    };
    assert!(reported(&loaded("value"), Language::Python, DESER));
    assert!(!reported(&loaded("'name: fixed'"), Language::Python, DESER));
    // Escaping a constant leaves a constant; escaping request data does not make it safe
    // to deserialize.
    assert!(!reported(
        &loaded("html.escape('name: fixed')"),
        Language::Python,
        DESER
    ));
    assert!(reported(
        &loaded("html.escape(value)"),
        Language::Python,
        DESER
    ));

    // A file's contents and a parameter are not constants.
    let file = "import pickle\n\ndef restore(path):\n    with open(path, 'rb') as f:\n        return pickle.load(f)\n";
    assert!(reported(file, Language::Python, DESER));
    let param = "import pickle\n\ndef restore(blob):\n    return pickle.loads(blob)\n";
    assert!(reported(param, Language::Python, DESER));
}

/// Flask's `request.path` in a view whose routes are fixed strings is one of those strings;
/// with a `<converter>` in a route, the path carries what the client sent.
#[test]
fn request_path_of_a_fixed_route_is_constant() {
    let code = |route: &str| {
        format!(
            "import subprocess\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\n\n@app.route('{route}', methods=['POST'])\ndef section():\n    part = request.path.split('/')[1]\n    subprocess.run('ls ' + part, shell=True)\n"
        )
    };
    assert!(reported(&code("/files/<name>"), Language::Python, CMDI));
    assert!(!reported(&code("/files/listing"), Language::Python, CMDI));

    // Not a route at all: whoever calls it decides.
    let plain = "import subprocess\nfrom flask import request\n\n\ndef section():\n    part = request.path.split('/')[1]\n    subprocess.run('ls ' + part, shell=True)\n";
    assert!(reported(plain, Language::Python, CMDI));
    // `full_path` carries the query string.
    let full = code("/files/listing").replace("request.path", "request.full_path");
    assert!(reported(&full, Language::Python, CMDI));
}

/// A helper object made around Flask's `request` hands out request data.
#[test]
fn request_wrapper_hands_out_request_data() {
    let code = |made: &str| {
        format!(
            "import subprocess\nfrom flask import request\nfrom app import helpers\n\n\ndef handler():\n    wrapped = {made}\n    name = wrapped.get_form_field('name')\n    subprocess.run('echo ' + name, shell=True)\n"
        )
    };
    assert!(reported(
        &code("helpers.request_wrapper(request)"),
        Language::Python,
        CMDI
    ));
    assert!(reported(
        &code("RequestWrapper(request)"),
        Language::Python,
        CMDI
    ));
    // A helper of another kind made from something else.
    assert!(!reported(
        &code("helpers.settings_store('defaults')"),
        Language::Python,
        CMDI
    ));
    // Passing the request to a helper that does not wrap it says nothing of what it returns.
    assert!(!reported(
        &code("helpers.log_visit(request)"),
        Language::Python,
        CMDI
    ));
}
