//! A small language-independent model of a parsed file: functions with their parameters,
//! assignments, calls with their arguments, and string literals. Rules and the dataflow
//! pass work on this model instead of on each grammar's node kinds.

use std::sync::LazyLock;

use regex::Regex;
use tree_sitter::{Node, Tree};

/// Parameter annotations by which frameworks bind request data.
static REQUEST_PARAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"@(?:RequestParam|PathVariable|RequestBody|RequestHeader|CookieValue|QueryParam|PathParam|FormParam|HeaderParam|Query|Param|Body|Headers)\b|\[From(?:Query|Body|Route|Form|Header)\]|^(?:mut\s+)?(?:Path|Query|Json|Form|web::Path|web::Query|web::Json|web::Form|axum::extract::\w+)\s*[(<]|^(?:mut\s+)?\w+\s*:\s*(?:actix_web::)?(?:web::|axum::extract::|extract::)?(?:Path|Query|Json|Form|RawQuery)\s*<|^\{[^{}]*\}\s*:\s*(?:express\.)?Request\b",
    )
    .expect("request param regex")
});

/// Decorators and attributes of request handlers.
static ROUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"@\w+(?:\.\w+)*\.(?:get|post|put|delete|patch|route|api_route|websocket)\s*\(|@(?:api_view|require_http_methods|require_GET|require_POST)\b|\[Http(?:Get|Post|Put|Delete|Patch)\b|@(?:Get|Post|Put|Delete|Patch|Request)Mapping\b|@(?:GET|POST|PUT|DELETE|PATCH)\b|#\[(?:actix_web::|rocket::)?(?:get|post|put|delete|patch)\s*\(",
    )
    .expect("route regex")
});

/// A typed segment of a route path (Flask and Werkzeug converters): `<int:id>`, `<uuid:key>`.
static TYPED_ROUTE_PARAM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(?:int|float|uuid):(\w+)>").expect("typed route param regex"));

/// `const x = require('fs')`: a local name for a Node module whose calls rules name by the
/// module (`fs.readFile`, `child_process.exec`).
static JS_REQUIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?m)(?:^|[\s,(;])([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"](fs|fs/promises|child_process|crypto|vm|path)['"]\s*\)"#)
        .expect("require regex")
});

/// `run = require('child_process').execSync`: a local name for one of a module's functions.
static JS_REQUIRE_MEMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?m)(?:^|[\s,(;])([A-Za-z_$][\w$]*)\s*=\s*require\(\s*['"](fs|fs/promises|child_process|crypto|vm|path)['"]\s*\)\s*\.\s*([A-Za-z_$][\w$]*)"#)
        .expect("require member regex")
});

/// `{ execSync: run } = require('child_process')`, `import { execSync as run } from
/// 'child_process'`, `import * as cp from 'child_process'`: local names bound by
/// destructuring and ES imports.
static JS_IMPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:\{([^{}]*)\}\s*=\s*require\(\s*|\bimport\s*\{([^{}]*)\}\s*from\s*|\bimport\s+(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)\s+from\s*)['"](fs|fs/promises|child_process|crypto|vm|path)['"]"#)
        .expect("import regex")
});

/// `import os as o`, `from subprocess import Popen as pop`: Python's local names for modules
/// and their functions.
/// C/C++ object-like macros whose body is one name or one string literal: `#define SYSTEM
/// system`, `#define COMMAND_ARG3 data`, `#define FULL_COMMAND L"ls "`.
static C_DEFINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?m)^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)[ \t]+((?:[A-Za-z_][\w:]*)|(?:L|u8|u|U)?"(?:[^"\\\n]|\\.)*")[ \t]*(?:/[*/].*)?$"#)
        .expect("define regex")
});

static PY_IMPORT_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*(?:from\s+([\w.]+)\s+)?import\s+([\w.]+)\s+as\s+(\w+)\s*$")
        .expect("import-as regex")
});

/// `from pickle import loads, dumps`: bare names for functions of the modules whose calls the
/// rules name with their module (`pickle.loads`). Other modules' functions keep their bare name
/// (rules match `send_file` as written).
static PY_FROM_IMPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*from\s+(pickle|cPickle|_pickle|marshal|shelve|dill|jsonpickle|yaml|subprocess|hashlib|random|commands)\s+import\s+\(?([\w\s,]+?)\)?\s*$")
        .expect("from-import regex")
});

/// `mrand "math/rand"` inside an import block or `import mrand "math/rand"`: Go's local names
/// for packages.
static GO_IMPORT_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?m)^\s*(?:import\s+)?([A-Za-z_]\w*)\s+"([\w./-]+)"\s*$"#)
        .expect("go import regex")
});

static GO_CRYPTO_RAND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?m)^\s*(?:import\s+)?"crypto/rand"\s*$"#).expect("go crypto/rand regex")
});

/// Parameters of handlers that are framework objects, not request values.
static NOT_REQUEST_DATA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:self|cls|request|req|res|response|db|session|conn|cursor|background_tasks|current_user|user|ctx|context|w|r|next|model|form|logger|settings|config|service|repo|repository)$")
        .expect("not-request regex")
});

/// A parameter declaration with a numeric, boolean or id type (`long id`, `id: Int`,
/// `n int64`, `page: u32`).
static NUMERIC_TYPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:^|[\s:(<])(?:int|long|short|byte|float|double|bool|boolean|char|Integer|Long|Short|Double|Float|Boolean|Int|Int32|Int64|UInt\w*|uint\w*|int8|int16|int32|int64|i8|i16|i32|i64|i128|isize|u8|u16|u32|u64|u128|usize|f32|f64|size_t|ssize_t|unsigned|decimal|Decimal|UUID|Guid|number|bigint|float64|float32)\b(?:\s*[\w$]+)?\s*(?:=.*)?$",
    )
    .expect("numeric type regex")
});

/// A parameter declaration whose type is a framework or database object (the request, the
/// response, a session, a connection): a handle, not a value that could be injected.
static OBJECT_TYPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:final\s+)?(?:[\w.]+\.)?(?:HttpServletRequest|HttpServletResponse|ServletRequest|ServletResponse|HttpSession|ServletContext|FilterChain|Model|ModelMap|RedirectAttributes|BindingResult|Principal|Authentication|Connection|Statement|DataSource|JdbcTemplate|EntityManager|Logger|HttpContext|ResponseWriter)\s+[\w$]+$
        |:\s*(?:\*?http\.)?(?:ResponseWriter|HttpServletRequest|HttpServletResponse)$
        |^\w+\s+(?:\*?http\.(?:Request|ResponseWriter)|\*?gin\.Context|echo\.Context|\*?fiber\.Ctx|\*?sql\.DB|\*?sql\.Tx)$
        |^(?:mut\s+)?\w+\s*:\s*&?\s*(?:mut\s+)?(?:[\w:]+::)?(?:Data|State|Extension|PgPool|SqlitePool|MySqlPool|Pool|DbPool|DbConn|Connection|Client|Sender)\s*(?:<|$)",
    )
    .expect("object type regex")
});

use crate::lang::Language;

/// A function, method, lambda or block with parameters.
#[derive(Debug, Clone)]
pub struct Function {
    pub name: String,
    pub params: Vec<String>,
    /// Parameters declared with a numeric or boolean type, or a framework object type
    /// (`HttpServletRequest request`): not injectable data themselves.
    pub numeric_params: Vec<String>,
    /// Parameters a web framework fills from the request (`@RequestParam`, `[FromQuery]`,
    /// a FastAPI route's arguments, axum's `Query(..)`): sources, not mere parameters.
    pub request_params: Vec<String>,
    /// Decorators, attributes and annotations written on the function, as text
    /// (`@app.route("/a")`, `[HttpGet]`, `@GetMapping`).
    pub decorations: String,
    pub start: usize,
    pub end: usize,
}

/// `target = value` in any of its spellings.
#[derive(Debug, Clone)]
pub struct Assign<'t> {
    pub target: String,
    pub value: Node<'t>,
    /// Where the assignment takes effect: later uses see it.
    pub at: usize,
    /// The innermost function holding it, if any.
    pub func: Option<usize>,
    /// `+=` and friends keep what was there.
    pub augmented: bool,
}

/// One argument of a call; `name` for keyword arguments.
#[derive(Debug, Clone)]
pub struct Arg<'t> {
    pub name: Option<String>,
    pub node: Node<'t>,
}

/// A call, method call, constructor call, macro or shell command.
#[derive(Debug, Clone)]
pub struct Call<'t> {
    pub node: Node<'t>,
    /// The object a method is called on, when the grammar says so.
    pub receiver: Option<Node<'t>>,
    /// The callee as written, without whitespace or `new`: `cursor.execute`,
    /// `Runtime.getRuntime().exec`, `$db->query`.
    pub callee: String,
    pub args: Vec<Arg<'t>>,
    pub func: Option<usize>,
}

/// Everything the rules look at in one file.
pub struct Model<'t> {
    pub lang: Language,
    pub src: &'t str,
    pub functions: Vec<Function>,
    pub assigns: Vec<Assign<'t>>,
    pub calls: Vec<Call<'t>>,
    /// The source with comments (and docstrings) blanked to spaces; same length and lines.
    pub masked: String,
    /// Keys with values in object, dict, hash and array literals, keyword arguments and
    /// `#define`s: judged like assignments by name rules, but never aliased as variables.
    pub pairs: Vec<Assign<'t>>,
    /// Values returned from functions (`return x`, Ruby's and Rust's last expression,
    /// Kotlin's `= expr` bodies), with the function they leave.
    pub returns: Vec<(Node<'t>, Option<usize>)>,
    /// Regex literals (`/a+/g` in JavaScript, `/a+/` and `%r{a+}` in Ruby).
    pub regexes: Vec<(usize, usize)>,
    /// Default values of parameters (`def f(cmd="ls")`, `function f(cmd = "ls")`): the
    /// function's index, the parameter, the value.
    pub defaults: Vec<(usize, String, Node<'t>)>,
    /// Local names of modules and imported functions, with the name rules know them by
    /// (`fileSystem` -> `fs`, `pop` -> `Popen`): callees are written with the latter.
    aliases: Vec<(String, String)>,
    /// Calls made through an alias, by index in `calls`, each with its text written as the
    /// module's own call (`pkl.loads(x)` -> `pickle.loads(x)`), for the pattern rules.
    pub aliased_calls: Vec<(usize, String)>,
    /// C/C++ object-like macros with a one-token body (a name or a string literal), in
    /// source order; a name defined once per platform branch has several entries.
    pub macros: Vec<(String, String)>,
    /// Index in `macros` of each name's first definition.
    macro_index: std::collections::HashMap<String, usize>,
    /// Class declarations (Python, JavaScript/TypeScript, Java...) with their names.
    pub classes: Vec<(String, Node<'t>)>,
    /// Ids of value nodes that one assignment gives to several targets (`a, b = f()`,
    /// `[x, ...rest] = arr`).
    pub shared_values: std::collections::HashSet<usize>,
}

impl<'t> Model<'t> {
    pub fn build(lang: Language, src: &'t str, tree: &'t Tree) -> Model<'t> {
        let mut m = Model {
            lang,
            src,
            functions: Vec::new(),
            assigns: Vec::new(),
            calls: Vec::new(),
            masked: String::new(),
            regexes: Vec::new(),
            pairs: Vec::new(),
            defaults: Vec::new(),
            returns: Vec::new(),
            aliases: module_aliases(lang, src),
            aliased_calls: Vec::new(),
            macros: c_macros(lang, src),
            macro_index: std::collections::HashMap::new(),
            classes: Vec::new(),
            shared_values: std::collections::HashSet::new(),
        };
        for (i, (name, _)) in m.macros.iter().enumerate() {
            m.macro_index.entry(name.clone()).or_insert(i);
        }
        let mut blank: Vec<(usize, usize)> = Vec::new();
        let mut stack: Vec<usize> = Vec::new();
        let mut cursor = tree.walk();
        'walk: loop {
            let node = cursor.node();
            // Leave functions we have walked out of.
            while let Some(&f) = stack.last() {
                if node.start_byte() >= m.functions[f].end {
                    stack.pop();
                } else {
                    break;
                }
            }
            m.visit(node, &mut stack, &mut blank);
            if cursor.goto_first_child() {
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    break 'walk;
                }
            }
        }
        m.masked = mask(src, &blank);
        if lang == Language::CSharp {
            m.bound_properties();
        }
        if !m.aliases.is_empty() || !m.macros.is_empty() {
            m.aliased_calls = m
                .calls
                .iter()
                .enumerate()
                .filter_map(|(i, call)| {
                    let written = m.text(call.node);
                    let open = written.find('(')?;
                    let callee: String = written[..open]
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect();
                    (callee != call.callee)
                        .then(|| (i, format!("{}{}", call.callee, &written[open..])))
                })
                .collect();
        }
        m
    }

    /// ASP.NET Core: a property marked `[BindProperty]` (or any public property of a class
    /// marked `[BindProperties]`) is filled from the request before a page or controller
    /// handler runs, so its methods read request data through it.
    fn bound_properties(&mut self) {
        static BOUND: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"\[(?:\w+\s*,\s*)*BindProperty\b[^\]]*\]\s*(?:\[[^\]]*\]\s*)*public\s+[\w<>\[\]?,. ]+?\s+(\w+)\s*\{",
            )
            .expect("bound property regex")
        });
        static ALL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"public\s+[\w<>\[\]?,. ]+?\s+(\w+)\s*\{\s*get\s*;\s*set\s*;")
                .expect("public property regex")
        });
        let mut names: Vec<String> = BOUND
            .captures_iter(&self.masked)
            .map(|c| c[1].to_string())
            .collect();
        if self.masked.contains("[BindProperties]") {
            names.extend(ALL.captures_iter(&self.masked).map(|c| c[1].to_string()));
        }
        if names.is_empty() {
            return;
        }
        for f in &mut self.functions {
            for n in &names {
                if !f.params.contains(n) && !f.request_params.contains(n) {
                    f.request_params.push(n.clone());
                }
            }
        }
    }

    pub fn text(&self, n: Node<'_>) -> &'t str {
        &self.src[n.start_byte()..n.end_byte()]
    }

    fn visit(&mut self, n: Node<'t>, stack: &mut Vec<usize>, blank: &mut Vec<(usize, usize)>) {
        let kind = n.kind();
        if kind.contains("comment") {
            blank.push((n.start_byte(), n.end_byte()));
            return;
        }
        let func = stack.last().copied();
        if matches!(kind, "class_definition" | "class_declaration" | "class") {
            if let Some(name) = n.child_by_field_name("name") {
                self.classes.push((self.text(name).trim().to_string(), n));
            }
        }
        if kind == "regex" {
            self.regexes.push((n.start_byte(), n.end_byte()));
        }
        if self.lang == Language::Python
            && kind == "expression_statement"
            && n.named_child_count() == 1
        {
            if let Some(c) = n.named_child(0) {
                if c.kind() == "string" {
                    blank.push((c.start_byte(), c.end_byte()));
                }
            }
        }
        // Named nodes only: JavaScript's `function` keyword token has the kind of a function
        // expression.
        if n.is_named() && is_function(self.lang, kind) {
            let name = n
                .child_by_field_name("name")
                .map(|x| self.text(x).to_string())
                .or_else(|| self.enclosing_binding_name(n))
                .or_else(|| {
                    let d = n.child_by_field_name("declarator")?;
                    let t = self.text(d);
                    Some(
                        t.split('(')
                            .next()
                            .unwrap_or(t)
                            .trim()
                            .trim_start_matches('*')
                            .to_string(),
                    )
                })
                .unwrap_or_default();
            let mut params = Vec::new();
            let mut numeric_params = Vec::new();
            let param_list = params_node(self.lang, n);
            if let Some(p) = param_list {
                collect_param_names(self, p, &mut params);
                let mut c = p.walk();
                for child in p.named_children(&mut c) {
                    let decl = self.text(child);
                    if NUMERIC_TYPE.is_match(decl) || OBJECT_TYPE.is_match(decl.trim()) {
                        let mut names = Vec::new();
                        collect_param_names(self, child, &mut names);
                        numeric_params.extend(names);
                    }
                }
            }
            // Route converters (`@app.route("/item/<int:item_id>")`) admit only numbers.
            let decorations = self.decorations(n);
            for cap in TYPED_ROUTE_PARAM.captures_iter(&decorations) {
                numeric_params.push(cap[1].to_string());
            }
            let mut request_params = Vec::new();
            if let Some(p) = param_list {
                // A function a web framework routes requests to, judged by its decorators
                // or attributes: its parameters come from the request.
                let route = ROUTE.is_match(&decorations);
                let mut c = p.walk();
                for child in p.named_children(&mut c) {
                    let t = self.text(child);
                    if route || REQUEST_PARAM.is_match(t) {
                        let mut names = Vec::new();
                        collect_param_names(self, child, &mut names);
                        // `({ params, session }: Request)`: the fields taken out of the
                        // request object that are server state (`session`, `user`) are
                        // neither request data nor values a caller passes.
                        if t.trim_start().starts_with('{') {
                            params.retain(|p| !(names.contains(p) && NOT_REQUEST_DATA.is_match(p)));
                        }
                        request_params
                            .extend(names.into_iter().filter(|n| !NOT_REQUEST_DATA.is_match(n)));
                    }
                }
            }
            if let Some(p) = param_list {
                let fi = self.functions.len();
                let mut c = p.walk();
                for child in p.named_children(&mut c) {
                    let (name, value) = match child.kind() {
                        // Python, Ruby
                        "default_parameter" | "typed_default_parameter" | "optional_parameter" => (
                            child.child_by_field_name("name"),
                            child.child_by_field_name("value"),
                        ),
                        // JavaScript / TypeScript
                        "assignment_pattern" => (
                            child.child_by_field_name("left"),
                            child.child_by_field_name("right"),
                        ),
                        "required_parameter" | "optional_parameter_declaration" => (
                            child.child_by_field_name("pattern"),
                            child.child_by_field_name("value"),
                        ),
                        // PHP
                        "simple_parameter" => (
                            child.child_by_field_name("name"),
                            child.child_by_field_name("default_value"),
                        ),
                        // PHP 8's `__construct(private string $value)` declares the property
                        // and stores the argument in it: `$this->value = $value`.
                        "property_promotion_parameter" => {
                            if let Some(v) = child.child_by_field_name("name") {
                                self.assigns.push(Assign {
                                    target: format!("this.{}", normalize_name(self.text(v))),
                                    value: v,
                                    at: child.end_byte(),
                                    func: Some(fi),
                                    augmented: false,
                                });
                            }
                            (None, None)
                        }
                        _ => (None, None),
                    };
                    if let (Some(name), Some(value)) = (name, value) {
                        if matches!(name.kind(), "identifier" | "variable_name") {
                            self.defaults
                                .push((fi, normalize_name(self.text(name)), value));
                        }
                    }
                }
            }
            self.functions.push(Function {
                name,
                params,
                numeric_params,
                request_params,
                decorations,
                start: n.start_byte(),
                end: n.end_byte(),
            });
            stack.push(self.functions.len() - 1);
            return;
        }
        if matches!(kind, "return_statement" | "return" | "return_expression")
            || kind == "jump_expression" && self.text(n).starts_with("return")
        {
            if let Some(v) = n.named_child(0) {
                self.returns.push((v, func));
            } else if self.lang == Language::Go && kind == "return_statement" {
                // A bare `return` hands back the named results: the statement stands for them.
                self.returns.push((n, func));
            }
        }
        // The last expression of a Ruby block or method, and of a Rust function body.
        if matches!(kind, "do_block" | "body_statement" | "block")
            && matches!(self.lang, Language::Ruby | Language::Rust)
        {
            let c = n.named_child_count();
            if let Some(last) = (c > 0).then(|| n.named_child((c - 1) as u32)).flatten() {
                if !last.kind().contains("statement")
                    && !last.kind().contains("comment")
                    && last.kind() != "block_body"
                {
                    self.returns.push((last, func));
                }
            }
        }
        // A C# expression-bodied method (`bool AcceptAll(..) => true;`) returns its expression.
        if self.lang == Language::CSharp
            && kind == "arrow_expression_clause"
            && n.parent().is_some_and(|p| {
                matches!(p.kind(), "method_declaration" | "local_function_statement")
            })
        {
            if let Some(v) = n.named_child(0) {
                self.returns.push((v, func));
            }
        }
        if is_call(self.lang, kind) {
            if let Some(call) = self.call_of(n, func) {
                // `sprintf(buf, fmt, x)`, `strcat(buf, x)`: the first argument receives
                // what the call builds.
                if matches!(self.lang, Language::C | Language::Cpp) {
                    let c = call.callee.as_str();
                    let builds = c_writes_first_arg(c);
                    self.read_into(&call, n, func);
                    self.copied_literal(&call, n);
                    let appends =
                        matches!(c, "strcat" | "strncat" | "wcscat" | "wcsncat" | "strlcat");
                    if builds || appends {
                        if let Some(first) = call.args.first() {
                            let target = c_buffer_target(self.text(first.node));
                            if !target.is_empty() {
                                self.assigns.push(Assign {
                                    target,
                                    value: n,
                                    at: n.end_byte(),
                                    func,
                                    augmented: appends,
                                });
                            }
                        }
                    }
                }
                // Rust `write!(&mut buf, "..", x)`: the buffer now holds what was written.
                if self.lang == Language::Rust
                    && matches!(
                        call.callee.trim_end_matches('!'),
                        "write" | "writeln" | "std::write" | "std::writeln"
                    )
                {
                    // The tokens before the format string: `&`, `mut`, the buffer's name.
                    let buffer = call
                        .args
                        .iter()
                        .take_while(|a| !a.node.kind().contains("string"))
                        .find(|a| a.node.kind() == "identifier");
                    if let Some(buffer) = buffer {
                        self.assigns.push(Assign {
                            target: normalize_name(self.text(buffer.node)),
                            value: n,
                            at: n.end_byte(),
                            func,
                            augmented: true,
                        });
                    }
                }
                // `args.add(x)`, `map.put(k, x)`, `sb.append(x)`, `items.push(x)`: the
                // container now holds what went in.
                if let Some(r) = call.receiver.filter(|r| r.kind() == "identifier") {
                    let method = call.callee.rsplit(['.', ':', '>']).next().unwrap_or("");
                    if matches!(
                        method,
                        "add"
                            | "addAll"
                            | "put"
                            | "putAll"
                            | "append"
                            | "push"
                            | "push_str"
                            | "unshift"
                            | "insert"
                            | "offer"
                            | "extend"
                            | "update"
                            | "setdefault"
                            | "addElement"
                            | "Add"
                            | "AddRange"
                            | "Append"
                            | "Insert"
                    ) && !call.args.is_empty()
                    {
                        self.assigns.push(Assign {
                            target: normalize_name(self.text(r)),
                            value: n,
                            at: n.end_byte(),
                            func,
                            augmented: true,
                        });
                    }
                }
                // C#: `Request.Query.TryGetValue("q", out var v)`: the `out` variable receives
                // an element of the receiver.
                if self.lang == Language::CSharp && call.callee.ends_with(".TryGetValue") {
                    if let (Some(r), Some(out)) = (
                        call.receiver,
                        call.args.iter().find_map(|a| {
                            let t = self.text(a.node).trim();
                            let whole = a.node.parent().map_or(t, |p| self.text(p).trim());
                            let name = t.rsplit([' ', '\t']).next().unwrap_or(t);
                            (whole.starts_with("out ") && is_ident(name)).then_some(name)
                        }),
                    ) {
                        self.assigns.push(Assign {
                            target: out.to_string(),
                            value: r,
                            at: n.end_byte(),
                            func,
                            augmented: false,
                        });
                    }
                }
                if self.lang == Language::Php {
                    self.php_call_stores(&call, n, func);
                }
                self.calls.push(call);
            }
            return;
        }
        if let Some(call) = self.constructor_declaration(n, func) {
            self.calls.push(call);
        }
        self.stream_extraction(n, func);
        self.assign_of(n, func);
    }

    /// What PHP calls store: `define('DB_PASSWORD', 'v')` names a constant holding `'v'`;
    /// `array_push($a, $x)` / `array_unshift($a, $x)` add `$x` to `$a`; `preg_match($re, $s,
    /// $m)` fills `$m` with pieces of `$s`.
    fn php_call_stores(&mut self, call: &Call<'t>, n: Node<'t>, func: Option<usize>) {
        let unwrap = |x: Node<'t>| {
            if x.kind() == "argument" {
                x.named_child(0).unwrap_or(x)
            } else {
                x
            }
        };
        let args: Vec<Node<'t>> = call.args.iter().map(|a| unwrap(a.node)).collect();
        let (target, value, augmented) =
            match (call.callee.to_ascii_lowercase().as_str(), args.as_slice()) {
                ("define", [name, value, ..])
                    if matches!(name.kind(), "string" | "encapsed_string") =>
                {
                    let key = self
                        .text(*name)
                        .trim()
                        .trim_matches(['"', '\''])
                        .to_string();
                    (key, *value, false)
                }
                ("array_push" | "array_unshift", [arr, _, ..]) if arr.kind() == "variable_name" => {
                    (normalize_name(self.text(*arr)), n, true)
                }
                ("preg_match" | "preg_match_all", [_, subject, out, ..])
                    if out.kind() == "variable_name" =>
                {
                    (normalize_name(self.text(*out)), *subject, false)
                }
                _ => return,
            };
        if !target.is_empty() && is_ident(&target) {
            self.assigns.push(Assign {
                target,
                value,
                at: n.end_byte(),
                func,
                augmented,
            });
        }
    }

    /// `fgets(buf, n, stdin)`, `scanf("%s", name)`, `recv(s, buf, n, 0)`, `getline(cin, s)`:
    /// the buffers passed in receive what the call reads, from the call itself (a source
    /// by its name) or from the stream it reads.
    fn read_into(&mut self, call: &Call<'t>, n: Node<'t>, func: Option<usize>) {
        let arg = |i: usize| call.args.get(i).map(|a| a.node);
        let (targets, value): (Vec<Node<'t>>, Option<Node<'t>>) = match call.callee.as_str() {
            "fgets" | "fgetws" | "gets" | "gets_s" => (arg(0).into_iter().collect(), Some(n)),
            "recv" | "recvfrom" => (arg(1).into_iter().collect(), Some(n)),
            // `fread(buf, size, count, stream)`: the stream's bytes (a file's: see SOURCE).
            "fread" => (arg(0).into_iter().collect(), Some(n)),
            "scanf" | "wscanf" => (call.args.iter().skip(1).map(|a| a.node).collect(), Some(n)),
            "fscanf" | "fwscanf" => (call.args.iter().skip(2).map(|a| a.node).collect(), arg(0)),
            // POSIX `getline(&line, &len, stream)`; C++ `std::getline(stream, line)`.
            "getline" | "getdelim" | "std::getline"
                if call.args.len() >= 3 && self.text(call.args[0].node).starts_with('&') =>
            {
                (
                    arg(0).into_iter().collect(),
                    call.args.last().map(|a| a.node),
                )
            }
            "getline" | "std::getline" => (arg(1).into_iter().collect(), arg(0)),
            _ => return,
        };
        let Some(value) = value else { return };
        for t in targets {
            let target = buffer_name(self.text(t));
            if !target.is_empty() {
                self.assigns.push(Assign {
                    target,
                    value,
                    at: n.end_byte(),
                    func,
                    augmented: false,
                });
            }
        }
    }

    /// `strcpy(password, "s3cr3t")`, `wcscpy(key, KEY)` with `#define KEY L"..."`: a literal
    /// copied into a buffer, judged by name rules like an assignment (see `pairs`).
    fn copied_literal(&mut self, call: &Call<'t>, n: Node<'t>) {
        let from = match call.callee.as_str() {
            "strcpy" | "wcscpy" | "strncpy" | "wcsncpy" | "strlcpy" | "_tcscpy" | "_mbscpy"
            | "lstrcpyA" | "lstrcpyW" | "lstrcpy" | "StringCchCopyA" | "StringCchCopyW" => 1,
            "strcpy_s" | "wcscpy_s" | "strncpy_s" | "wcsncpy_s" => 2,
            _ => return,
        };
        let (Some(to), Some(value)) = (call.args.first(), call.args.get(from)) else {
            return;
        };
        let v = self.text(value.node).trim();
        let literal = value.node.kind() == "string_literal"
            || value.node.kind() == "concatenated_string"
            || self
                .macros
                .iter()
                .any(|(name, body)| name == v && body.ends_with('"'));
        let target = buffer_name(self.text(to.node));
        if literal && !target.is_empty() {
            self.pairs.push(Assign {
                target,
                value: value.node,
                at: n.end_byte(),
                func: call.func,
                augmented: false,
            });
        }
    }

    /// C++ `std::cin >> a >> b;`: each operand on the right receives input.
    fn stream_extraction(&mut self, n: Node<'t>, func: Option<usize>) {
        if self.lang != Language::Cpp || n.kind() != "binary_expression" {
            return;
        }
        let op = n.child_by_field_name("operator").map(|o| self.text(o));
        let (Some(">>"), Some(right)) = (op, n.child_by_field_name("right")) else {
            return;
        };
        let mut left = n.child_by_field_name("left");
        while let Some(l) = left.filter(|l| l.kind() == "binary_expression") {
            left = l.child_by_field_name("left");
        }
        let Some(stream) = left.filter(|l| matches!(self.text(*l), "cin" | "std::cin")) else {
            return;
        };
        let target = buffer_name(self.text(right));
        if !target.is_empty() {
            self.assigns.push(Assign {
                target,
                value: stream,
                at: n.end_byte(),
                func,
                augmented: false,
            });
        }
    }

    /// C++ `std::ifstream in(path);`, `std::regex re{pattern};`: a declaration that calls the
    /// type's constructor, seen as a call of the type with those arguments.
    fn constructor_declaration(&self, n: Node<'t>, func: Option<usize>) -> Option<Call<'t>> {
        if self.lang != Language::Cpp {
            return None;
        }
        let (ty, args) = match n.kind() {
            "init_declarator" => {
                let value = n.child_by_field_name("value")?;
                if !matches!(value.kind(), "argument_list" | "initializer_list") {
                    return None;
                }
                let mut c = value.walk();
                let args: Vec<Arg<'t>> = value
                    .named_children(&mut c)
                    .filter(|a| !a.kind().contains("comment"))
                    .map(|a| self.arg_of(a))
                    .collect();
                (n.parent()?.child_by_field_name("type")?, args)
            }
            // `std::ifstream in(path);` in a function body parses as the declaration of a
            // function `in` taking a `path`: with names only and no parameter types, it is a
            // constructor call.
            "declaration" if func.is_some() => {
                let ty = n.child_by_field_name("type")?;
                let d = n.child_by_field_name("declarator")?;
                if ty.kind() == "primitive_type" || d.kind() != "function_declarator" {
                    return None;
                }
                let params = d.child_by_field_name("parameters")?;
                let mut c = params.walk();
                let mut args = Vec::new();
                for p in params.named_children(&mut c) {
                    let name = p.child_by_field_name("type")?;
                    let only_name = p.kind() == "parameter_declaration"
                        && name.kind() == "type_identifier"
                        && p.named_child_count() <= 2
                        && p.child_by_field_name("declarator")
                            .is_none_or(|x| x.kind() == "abstract_array_declarator");
                    if !only_name {
                        return None;
                    }
                    args.push(Arg {
                        name: None,
                        node: if p.named_child_count() == 1 { name } else { p },
                    });
                }
                (ty, args)
            }
            _ => return None,
        };
        let callee: String = self
            .text(ty)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        Some(Call {
            node: n,
            receiver: None,
            callee,
            args,
            func,
        })
    }

    /// The decorators, attributes and annotations written before a function.
    fn decorations(&self, n: Node<'t>) -> String {
        let mut prefix = String::new();
        if let Some(p) = n.parent() {
            if p.kind() == "decorated_definition" {
                prefix = self.text(p)[..n.start_byte() - p.start_byte()].to_string();
            }
        }
        // Attributes and annotations written right before the function (C#, Java, TS).
        let mut sib = n.prev_named_sibling();
        for _ in 0..3 {
            match sib {
                Some(s)
                    if s.kind().contains("attribute")
                        || s.kind().contains("annotation")
                        || s.kind() == "decorator" =>
                {
                    prefix.push_str(self.text(s));
                    sib = s.prev_named_sibling();
                }
                _ => break,
            }
        }
        let mut c = n.walk();
        for child in n.children(&mut c) {
            let k = child.kind();
            if k == "modifiers" || k.contains("attribute_list") || k == "decorator" {
                prefix.push_str(self.text(child));
            }
        }
        prefix
    }

    /// `const handler = (req, res) => ...`: the name a lambda is bound to.
    fn enclosing_binding_name(&self, n: Node<'t>) -> Option<String> {
        let p = n.parent()?;
        let name = p
            .child_by_field_name("name")
            .or_else(|| p.child_by_field_name("left"))?;
        Some(self.text(name).to_string())
    }

    fn call_of(&self, n: Node<'t>, func: Option<usize>) -> Option<Call<'t>> {
        if self.lang == Language::Shell {
            let name = n.child_by_field_name("name")?;
            let mut args = Vec::new();
            let mut c = n.walk();
            for a in n.children_by_field_name("argument", &mut c) {
                args.push(Arg {
                    name: None,
                    node: a,
                });
            }
            return Some(Call {
                node: n,
                receiver: None,
                callee: self.text(name).to_string(),
                args,
                func,
            });
        }
        // Ruby's backticks and `%x(...)` run their text through the shell: a call of "`"
        // whose one argument is the interpolated command line.
        if n.kind() == "subshell" {
            return Some(Call {
                node: n,
                receiver: None,
                callee: "`".to_string(),
                args: vec![Arg {
                    name: None,
                    node: n,
                }],
                func,
            });
        }
        // PHP's `exit("message")` prints its string argument before it stops.
        if n.kind() == "exit_statement" {
            let mut c = n.walk();
            let args: Vec<Arg<'t>> = n
                .named_children(&mut c)
                .map(|a| Arg {
                    name: None,
                    node: a,
                })
                .collect();
            return Some(Call {
                node: n,
                receiver: None,
                callee: "exit".to_string(),
                args,
                func,
            });
        }
        if matches!(n.kind(), "echo_statement" | "print_intrinsic") {
            let mut c = n.walk();
            let args = n
                .named_children(&mut c)
                .map(|a| Arg {
                    name: None,
                    node: a,
                })
                .collect();
            let callee = if n.kind() == "echo_statement" {
                "echo"
            } else {
                "print"
            };
            return Some(Call {
                node: n,
                receiver: None,
                callee: callee.to_string(),
                args,
                func,
            });
        }
        let args_node = args_node(n);
        let callee_end = args_node.map(|a| a.start_byte()).unwrap_or(n.end_byte());
        let callee_src = &self.src[n.start_byte()..callee_end.max(n.start_byte())];
        let mut callee: String = callee_src.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(rest) = callee.strip_prefix("new") {
            if n.kind().contains("new") || n.kind().contains("creation") {
                callee = rest.to_string();
            }
        }
        // Rust macros: `format!`; generic calls: `jwtDecode<Claims>`.
        let mut callee = callee.trim_end_matches(['(', '!']).to_string();
        if callee.ends_with('>') {
            if let Some(i) = callee.find('<') {
                callee.truncate(i);
            }
        }
        let callee = self.unalias(callee.trim_end_matches("::"));
        // `#define SYSTEM system`, `#define POPEN _popen`: the macro names the function.
        let callee = match self.macro_name(&callee) {
            Some(body) => body.to_string(),
            None => callee,
        };
        let mut args = Vec::new();
        if let Some(a) = args_node {
            let mut c = a.walk();
            for child in a.named_children(&mut c) {
                if child.kind().contains("comment") {
                    continue;
                }
                args.push(self.arg_of(child));
            }
        }
        let receiver = n
            .child_by_field_name("receiver")
            .or_else(|| n.child_by_field_name("object"))
            .or_else(|| {
                n.child_by_field_name("function")
                    .and_then(|f| f.child_by_field_name("object"))
            })
            .or_else(|| {
                n.child_by_field_name("function")
                    .and_then(|f| f.child_by_field_name("operand"))
            })
            .or_else(|| {
                n.child_by_field_name("function")
                    .and_then(|f| f.child_by_field_name("expression"))
            })
            .or_else(|| {
                // Kotlin `recv.method(..)`: a navigation expression, without field names.
                n.named_child(0)
                    .filter(|f| f.kind() == "navigation_expression")
                    .and_then(|f| f.named_child(0))
            })
            .or_else(|| {
                // Rust `recv.method(..)`: a field expression's `value`.
                n.child_by_field_name("function")
                    .filter(|f| f.kind() == "field_expression")
                    .and_then(|f| f.child_by_field_name("value"))
            });
        Some(Call {
            node: n,
            receiver,
            callee,
            args,
            func,
        })
    }

    /// The callee with a module alias replaced by the module's own name.
    fn unalias(&self, callee: &str) -> String {
        for (alias, name) in &self.aliases {
            if callee == alias {
                return name.clone();
            }
            if let Some(rest) = callee.strip_prefix(alias.as_str()) {
                if rest.starts_with('.') {
                    return format!("{name}{rest}");
                }
            }
        }
        callee.to_string()
    }

    fn arg_of(&self, child: Node<'t>) -> Arg<'t> {
        match child.kind() {
            "keyword_argument" => Arg {
                name: child
                    .child_by_field_name("name")
                    .map(|x| self.text(x).to_string()),
                node: child.child_by_field_name("value").unwrap_or(child),
            },
            "pair" => Arg {
                name: child
                    .child_by_field_name("key")
                    .map(|x| self.text(x).trim_end_matches(':').to_string()),
                node: child.child_by_field_name("value").unwrap_or(child),
            },
            "argument" | "value_argument" => {
                let count = child.named_child_count();
                let last = child
                    .named_child(count.saturating_sub(1) as u32)
                    .unwrap_or(child);
                let name = child
                    .child_by_field_name("name")
                    .or_else(|| {
                        (0..count)
                            .filter_map(|i| child.named_child(i as u32))
                            .find(|c| c.kind() == "name_colon")
                    })
                    .map(|x| self.text(x).trim_end_matches(':').trim().to_string())
                    .or_else(|| {
                        // Kotlin `name = value`.
                        let t = self.text(child);
                        let (l, _) = t.split_once('=')?;
                        let l = l.trim();
                        (count >= 2 && is_ident(l) && !t.contains("==")).then(|| l.to_string())
                    });
                Arg { name, node: last }
            }
            _ => Arg {
                name: None,
                node: child,
            },
        }
    }

    fn assign_of(&mut self, n: Node<'t>, func: Option<usize>) {
        let kind = n.kind();
        // `for (Cookie c : cookies)`, `for x in xs`, `for (const x of xs)`, `for _, x :=
        // range xs`, `foreach (var x in xs)`: the loop variable holds an element of the
        // collection from the start of the body.
        if matches!(
            kind,
            "enhanced_for_statement"
                | "for_statement"
                | "for_in_statement"
                | "range_clause"
                | "foreach_statement"
                | "for_expression"
        ) {
            let mut target = n
                .child_by_field_name("name")
                .or_else(|| n.child_by_field_name("left"))
                .or_else(|| n.child_by_field_name("pattern"));
            let mut value = n
                .child_by_field_name("value")
                .or_else(|| n.child_by_field_name("right"));
            // PHP's `foreach ($rows as $row)` / `foreach ($rows as $k => $row)` labels
            // neither part: the collection comes first, then the loop variable (or the pair
            // whose value is).
            if self.lang == Language::Php && kind == "foreach_statement" && target.is_none() {
                value = n.named_child(0);
                target = n.named_child(1).and_then(|t| {
                    if t.kind() == "pair" {
                        let c = t.named_child_count();
                        t.named_child(c.checked_sub(1)? as u32)
                    } else {
                        Some(t)
                    }
                });
                // `foreach ($rows as &$row)`: the variable behind the reference.
                target = target.map(|t| {
                    if t.kind() == "by_ref" {
                        t.named_child(0).unwrap_or(t)
                    } else {
                        t
                    }
                });
            }
            if let (Some(t), Some(v)) = (target, value) {
                for t in list_items(t) {
                    let target = target_name(self.text(t).trim());
                    if !target.is_empty() && is_ident(&target) {
                        self.assigns.push(Assign {
                            target,
                            value: v,
                            at: v.end_byte(),
                            func,
                            augmented: false,
                        });
                    }
                }
            }
            return;
        }
        if matches!(
            kind,
            "pair"
                | "keyword_argument"
                | "array_element_initializer"
                | "preproc_def"
                | "keyed_element"
                | "property_assignment"
        ) {
            let key = n
                .child_by_field_name("key")
                .or_else(|| n.child_by_field_name("name"))
                .or_else(|| n.named_child(0));
            let value = n.child_by_field_name("value").or_else(|| {
                let c = n.named_child_count();
                (c >= 2).then(|| n.named_child((c - 1) as u32)).flatten()
            });
            if let (Some(k), Some(v)) = (key, value) {
                if k.id() != v.id() {
                    let key = self
                        .text(k)
                        .trim()
                        .trim_matches(|c| matches!(c, '"' | '\'' | ':' | '`' | '$'))
                        .to_string();
                    if !key.is_empty() {
                        self.pairs.push(Assign {
                            target: key,
                            value: v,
                            at: n.end_byte(),
                            func,
                            augmented: false,
                        });
                    }
                }
            }
            return;
        }
        let (targets, values, augmented): (Vec<Node<'t>>, Vec<Node<'t>>, bool) = match kind {
            "assignment"
            | "assignment_expression"
            | "assignment_statement"
            | "short_var_declaration"
            | "augmented_assignment"
            | "augmented_assignment_expression"
            | "operator_assignment"
            | "compound_assignment_expr" => {
                let l = n.child_by_field_name("left").or_else(|| n.named_child(0));
                let r = n
                    .child_by_field_name("right")
                    .or_else(|| n.child_by_field_name("value"))
                    .or_else(|| {
                        let c = n.named_child_count();
                        (c >= 2).then(|| n.named_child((c - 1) as u32)).flatten()
                    });
                let (Some(l), Some(r)) = (l, r) else { return };
                let aug = kind.contains("augmented")
                    || kind.contains("operator")
                    || kind.contains("compound")
                    || {
                        let between = &self.src[l.end_byte()..r.start_byte().max(l.end_byte())];
                        let b = between.trim();
                        b.len() == 2
                            && b.ends_with('=')
                            && !matches!(b, "==" | ":=" | "!=" | "<=" | ">=")
                    };
                (list_items(l), list_items(r), aug)
            }
            "variable_declarator"
            | "init_declarator"
            | "var_spec"
            | "const_spec"
            | "let_declaration"
            | "variable_assignment"
            | "property_declaration"
            | "const_declaration"
            | "static_item"
            | "const_item" => {
                let target = n
                    .child_by_field_name("name")
                    .or_else(|| n.child_by_field_name("declarator"))
                    .or_else(|| n.child_by_field_name("pattern"))
                    .or_else(|| n.named_child(0));
                let value = n.child_by_field_name("value").or_else(|| {
                    // A C# property's last child is its accessors (`{ get; set; }`), not a
                    // value: only an initializer (`= x;`) assigns it.
                    if kind == "property_declaration" && self.lang == Language::CSharp {
                        return None;
                    }
                    // C#: `x = value` sits in the declarator's last child; Kotlin: the expression
                    // after `=`.
                    let c = n.named_child_count();
                    (c >= 2).then(|| n.named_child((c - 1) as u32)).flatten()
                });
                let (Some(t), Some(v)) = (target, value) else {
                    return;
                };
                if t.id() == v.id() {
                    return;
                }
                // `let n: u32 = input.parse()?`: a number, whatever text it came from; the
                // name holds the type, not the text (a shadowed request parameter included).
                let numeric = |ty: Node<'t>| {
                    matches!(
                        self.text(ty),
                        "i8" | "i16"
                            | "i32"
                            | "i64"
                            | "i128"
                            | "isize"
                            | "u8"
                            | "u16"
                            | "u32"
                            | "u64"
                            | "u128"
                            | "usize"
                            | "f32"
                            | "f64"
                            | "bool"
                    )
                };
                let v = match n.child_by_field_name("type") {
                    Some(ty) if kind == "let_declaration" && numeric(ty) => ty,
                    _ => v,
                };
                let v = if v.kind() == "equals_value_clause" {
                    v.named_child(0).unwrap_or(v)
                } else {
                    v
                };
                (list_items(t), list_items(v), false)
            }
            _ => return,
        };
        let at = n.end_byte();
        let single = values.len() == 1;
        if single
            && (targets.len() > 1
                || targets
                    .first()
                    .is_some_and(|t| self.text(*t).trim_start().starts_with(['{', '[', '('])))
        {
            self.shared_values.insert(values[0].id());
        }
        for (i, t) in targets.iter().enumerate() {
            let value = if single {
                values[0]
            } else {
                values.get(i).copied().unwrap_or(values[0])
            };
            let text = self.text(*t).trim();
            // `{ pathname, query } = ...`, `[a, b] = ...`, `(a, b) = ...`: each name takes
            // (a part of) the value.
            let names: Vec<String> = if text.starts_with(['{', '[', '(']) && !text.starts_with("(*")
            {
                text.trim_matches(|c| matches!(c, '{' | '}' | '[' | ']' | '(' | ')'))
                    .split(',')
                    .map(|part| {
                        let part = part.rsplit(':').next().unwrap_or(part);
                        let part = part.split('=').next().unwrap_or(part);
                        normalize_name(part.trim().trim_start_matches("..."))
                    })
                    .filter(|n| is_ident(n))
                    .collect()
            } else if let Some(slot) = self.slot_target(*t) {
                vec![slot]
            } else {
                vec![target_name(text)]
            };
            // C/C++ `buf[n] = '\0'` writes one element: the rest of the buffer keeps what
            // it held.
            let element = matches!(self.lang, Language::C | Language::Cpp) && text.contains('[');
            for target in names {
                if target.is_empty() {
                    continue;
                }
                self.assigns.push(Assign {
                    target,
                    value,
                    at,
                    func,
                    augmented: augmented || element,
                });
            }
        }
    }

    /// `s[1] = v`, `arr[i + 1] = v` outside C/C++: a store into one slot, named `s[1]`, so
    /// that it neither replaces the whole collection nor passes for a field. `None` for
    /// quoted and name keys (`target_name` names those `m.key`).
    fn slot_target(&self, t: Node<'t>) -> Option<String> {
        if matches!(self.lang, Language::C | Language::Cpp) {
            return None;
        }
        if !matches!(
            t.kind(),
            "subscript" | "subscript_expression" | "index_expression" | "array_access"
        ) {
            return None;
        }
        let object = t
            .child_by_field_name("value")
            .or_else(|| t.child_by_field_name("object"))
            .or_else(|| t.child_by_field_name("operand"))
            .or_else(|| t.child_by_field_name("array"))?;
        let index = t
            .child_by_field_name("subscript")
            .or_else(|| t.child_by_field_name("index"))?;
        let key = self.text(index).trim();
        let base = normalize_name(self.text(object));
        if key.is_empty()
            || key.starts_with(['"', '\'', '`', ':'])
            || is_ident(key)
            || base.is_empty()
            || base.contains(['(', '[', ' ', '\n'])
        {
            return None;
        }
        Some(format!("{base}[{key}]"))
    }

    /// The function holding byte `at`, innermost first.
    pub fn function_at(&self, at: usize) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, f) in self.functions.iter().enumerate() {
            if f.start <= at
                && at < f.end
                && best.is_none_or(|b| self.functions[b].start <= f.start)
            {
                best = Some(i);
            }
        }
        best
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, at: usize) -> (usize, usize) {
        let before = &self.src.as_bytes()[..at.min(self.src.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        (line, col)
    }
}

fn mask(src: &str, blank: &[(usize, usize)]) -> String {
    let mut bytes = src.as_bytes().to_vec();
    for &(s, e) in blank {
        for b in &mut bytes[s..e] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Blanking whole comment nodes keeps UTF-8 valid: only complete code points go.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Module aliases declared in a file (see [`JS_REQUIRE`] and [`PY_IMPORT_AS`]); an alias that
/// is the module's own name is left out.
fn module_aliases(lang: Language, src: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    match lang {
        Language::JavaScript | Language::TypeScript | Language::Tsx => {
            for c in JS_REQUIRE.captures_iter(src) {
                // `x = require('vm').runInNewContext` names the function (below).
                let end = c.get(0).map_or(0, |m| m.end());
                if src[end..].trim_start().starts_with('.') {
                    continue;
                }
                let name = match &c[2] {
                    "fs/promises" => "fsp",
                    m => m,
                };
                out.push((c[1].to_string(), name.to_string()));
            }
            let module = |m: &str| {
                if m == "fs/promises" {
                    "fsp".to_string()
                } else {
                    m.to_string()
                }
            };
            for c in JS_REQUIRE_MEMBER.captures_iter(src) {
                out.push((c[1].to_string(), format!("{}.{}", module(&c[2]), &c[3])));
            }
            for c in JS_IMPORT.captures_iter(src) {
                let m = module(&c[4]);
                if let Some(name) = c.get(3) {
                    if name.as_str() != m {
                        out.push((name.as_str().to_string(), m.clone()));
                    }
                    continue;
                }
                let list = c.get(1).or(c.get(2)).map_or("", |l| l.as_str());
                for item in list.split(',') {
                    let (f, local) = match item.split_once(':').or_else(|| item.split_once(" as "))
                    {
                        Some((f, local)) => (f.trim(), local.trim()),
                        None => (item.trim(), item.trim()),
                    };
                    if is_ident(f) && is_ident(local) {
                        out.push((local.to_string(), format!("{m}.{f}")));
                    }
                }
            }
        }
        Language::Python => {
            for c in PY_IMPORT_AS.captures_iter(src) {
                // `import os.path as p` names `os.path`; `from os import popen as p` names
                // `os.popen`.
                let name = match c.get(1) {
                    Some(module) => format!("{}.{}", module.as_str(), &c[2]),
                    None => c[2].to_string(),
                };
                out.push((c[3].to_string(), name));
            }
            for c in PY_FROM_IMPORT.captures_iter(src) {
                for f in c[2].split(',').map(str::trim) {
                    // `from random import random` would turn `random.choice` into
                    // `random.random.choice`: a name equal to its module stays as it is.
                    if is_ident(f) && f != &c[1] {
                        out.push((f.to_string(), format!("{}.{f}", &c[1])));
                    }
                }
            }
        }
        Language::Go => {
            for c in GO_IMPORT_AS.captures_iter(src) {
                // The package's own name is its path's last element (`math/rand/v2` is
                // `rand`); `crypto/rand` is called `cryptorand` so that it is never taken for
                // `math/rand`.
                // Only the standard library's packages (no domain in the path) are the
                // names rules know; `exec "golang.org/x/sys/execabs"` stays `exec`.
                let path = &c[2];
                if path
                    .split('/')
                    .next()
                    .is_some_and(|first| first.contains('.'))
                {
                    continue;
                }
                let mut parts = path.rsplit('/');
                let mut name = parts.next().unwrap_or(path);
                if name.len() > 1
                    && name.starts_with('v')
                    && name[1..].bytes().all(|b| b.is_ascii_digit())
                {
                    name = parts.next().unwrap_or(name);
                }
                let name = if path == "crypto/rand" {
                    "cryptorand"
                } else {
                    name
                };
                if &c[1] != "_" {
                    out.push((c[1].to_string(), name.to_string()));
                }
            }
            // With `crypto/rand` imported under its own name, `rand.` is that package.
            if GO_CRYPTO_RAND.is_match(src) {
                out.push(("rand".to_string(), "cryptorand".to_string()));
            }
        }
        _ => {}
    }
    out.retain(|(a, n)| a != n);
    out
}

/// C functions that write what they build into their first argument, overwriting it.
pub fn c_writes_first_arg(callee: &str) -> bool {
    matches!(
        callee,
        "sprintf"
            | "snprintf"
            | "vsprintf"
            | "vsnprintf"
            | "swprintf"
            | "asprintf"
            | "strcpy"
            | "strncpy"
            | "wcscpy"
            | "wcsncpy"
            | "strlcpy"
            | "_snprintf"
            | "_snwprintf"
            | "memcpy"
    )
}

/// The one-token object-like macros of a C or C++ file (see [`C_DEFINE`]).
fn c_macros(lang: Language, src: &str) -> Vec<(String, String)> {
    if !matches!(lang, Language::C | Language::Cpp) || !src.contains("define") {
        return Vec::new();
    }
    C_DEFINE
        .captures_iter(src)
        .filter(|c| c[1] != c[2])
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect()
}

impl Model<'_> {
    /// The string literal a one-token macro stands for (`#define KEY "k3y"`), when `n` is
    /// such a macro's name.
    pub fn macro_literal(&self, n: tree_sitter::Node<'_>) -> Option<&str> {
        let t = self.text(n).trim();
        self.macro_index.get(t)?;
        self.macros
            .iter()
            .find(|(name, body)| name == t && body.ends_with('"'))
            .map(|(_, b)| b.as_str())
    }

    /// The body of the macro `name` when it is one name (`#define COMMAND_ARG3 data`).
    pub fn macro_name(&self, name: &str) -> Option<&str> {
        self.macro_index.get(name)?;
        self.macros
            .iter()
            .find(|(n, b)| n == name && is_ident(b))
            .map(|(_, b)| b.as_str())
    }

    /// `text` with each one-token macro replaced by its body (the first definition), for
    /// rules that read a call's text: `EXECL(COMMAND_INT_PATH, COMMAND_ARG1, ...)` reads as
    /// `execl("/bin/sh", "-c", ...)`. None when no macro occurs in it.
    pub fn expand_macros(&self, text: &str) -> Option<String> {
        if self.macros.is_empty() {
            return None;
        }
        let mut out = String::with_capacity(text.len() + 16);
        let mut changed = false;
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_alphabetic() || c == b'_' {
                let mut j = i + 1;
                while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                    j += 1;
                }
                let word = &text[i..j];
                match self.macro_index.get(word).map(|&k| &self.macros[k]) {
                    Some((_, body)) if i == 0 || b[i - 1] != b'.' => {
                        out.push_str(body);
                        changed = true;
                    }
                    _ => out.push_str(word),
                }
                i = j;
            } else if c == b'"' {
                // Leave string literals as written.
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                let j = (j + 1).min(b.len());
                out.push_str(&text[i..j]);
                i = j;
            } else {
                let ch = text[i..].chars().next().unwrap_or(' ');
                out.push(ch);
                i += ch.len_utf8();
            }
        }
        changed.then_some(out)
    }
}

/// The one expression of a one-item expression list (Go's `c := Config{..}`), else `n`.
pub fn sole_item(n: Node<'_>) -> Node<'_> {
    if n.kind() == "expression_list" && n.named_child_count() == 1 {
        n.named_child(0).unwrap_or(n)
    } else {
        n
    }
}

/// What a Go `literal_element` wraps (keys and values of composite literals), else `n`.
pub fn element_value(n: Node<'_>) -> Node<'_> {
    if n.kind() == "literal_element" {
        n.named_child(0).unwrap_or(n)
    } else {
        n
    }
}

pub fn is_ident(s: &str) -> bool {
    let mut c = s.chars();
    matches!(c.next(), Some(f) if f.is_alphabetic() || f == '_' || f == '$')
        && c.all(|ch| ch.is_alphanumeric() || ch == '_' || ch == '$')
}

/// `self.x`, `$x`, `*p`, `buf[10]`, `let mut x: T` -> a comparable variable name.
pub fn target_name(t: &str) -> String {
    let t = t.trim();
    // `app.config['SECRET_KEY']`, `settings[:password]`: the key names the value.
    if let Some(i) = t.find('[') {
        let key = t[i + 1..]
            .trim_end_matches(']')
            .trim()
            .trim_start_matches(':');
        let quoted = key.len() >= 2
            && (key.starts_with('"') && key.ends_with('"')
                || key.starts_with('\'') && key.ends_with('\''));
        let key = key.trim_matches(|c| c == '"' || c == '\'' || c == '`');
        if !key.is_empty() && is_ident(key) {
            return format!("{}.{key}", normalize_name(&t[..i]));
        }
        // `m['keyB-1'] = v`: a store under a constant key that is not a name, kept apart from
        // the other keys (the dataflow reads it back as `m['keyB-1']`).
        if quoted
            && !key.is_empty()
            && !key.contains(['"', '\'', '\\', '{', '}', '$', '[', ']'])
            && is_ident(t[..i].trim())
        {
            return format!("{}['{key}']", normalize_name(&t[..i]));
        }
    }
    // `(*p).f = x` in Go and C assigns `p.f`.
    let stripped;
    let t = if t.starts_with("(*") {
        stripped = normalize_name(t);
        stripped.as_str()
    } else {
        t
    };
    // `document.getElementById("x").innerHTML`: what is assigned is the last member.
    let t = match t.rfind(')') {
        Some(i) if t[i + 1..].starts_with('.') => &t[i + 1..],
        _ => t,
    };
    let t = t.split([':', '[', '(']).next().unwrap_or(t).trim();
    let t = t.trim_start_matches(['*', '&']).trim();
    let t = t.strip_prefix("mut ").unwrap_or(t).trim();
    let t = t.rsplit(' ').next().unwrap_or(t);
    normalize_name(t)
}

/// The variable a C buffer argument writes to: `buf`, `&line`, `data + len`, `(char *)data`.
fn buffer_name(t: &str) -> String {
    let mut t = t.trim();
    // Casts: `(char *)(data)`, `(void *) buf`.
    while let Some(rest) = t.strip_prefix('(') {
        match rest.find(')') {
            Some(i)
                if rest[..i].contains(['*', ' '])
                    && rest[..i]
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '*' | ' ' | ':')) =>
            {
                t = rest[i + 1..].trim()
            }
            _ => break,
        }
    }
    t.trim_start_matches(['&', '*', '(', ' '])
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The variable `sprintf`/`strcat` write to: as an assignment target, except that pointer
/// arithmetic and casts (`data + len`, `(char *)buf`) still write to the buffer itself.
fn c_buffer_target(t: &str) -> String {
    if t.contains('+') || t.trim_start().starts_with('(') {
        buffer_name(t)
    } else {
        target_name(t)
    }
}

/// Variable names as compared: PHP's `$` dropped, `this.` / `self.` / `@` kept so that
/// fields do not alias locals.
pub fn normalize_name(t: &str) -> String {
    let t = t.trim();
    // Go and C: `(*p).f` is `p.f`.
    let deref = t
        .strip_prefix("(*")
        .and_then(|r| r.split_once(')'))
        .filter(|(p, _)| is_ident(p.trim()));
    let t = match deref {
        Some((p, rest)) => std::borrow::Cow::Owned(format!("{}{rest}", p.trim())),
        None => std::borrow::Cow::Borrowed(t),
    };
    t.trim_start_matches('$')
        .replace("->", ".")
        .replace("?.", ".")
}

fn list_items(n: Node<'_>) -> Vec<Node<'_>> {
    match n.kind() {
        "expression_list"
        | "pattern_list"
        | "tuple_pattern"
        | "left_assignment_list"
        | "right_assignment_list" => {
            let mut c = n.walk();
            let v: Vec<Node<'_>> = n.named_children(&mut c).collect();
            if v.is_empty() {
                vec![n]
            } else {
                v
            }
        }
        _ => vec![n],
    }
}

fn is_call(lang: Language, kind: &str) -> bool {
    use Language::*;
    match lang {
        Python => kind == "call",
        JavaScript | TypeScript | Tsx => matches!(kind, "call_expression" | "new_expression"),
        Java => matches!(kind, "method_invocation" | "object_creation_expression"),
        Go | C | Cpp | Kotlin => kind == "call_expression",
        Php => matches!(
            kind,
            "echo_statement"
                | "print_intrinsic"
                | "exit_statement"
                | "function_call_expression"
                | "member_call_expression"
                | "scoped_call_expression"
                | "object_creation_expression"
                | "nullsafe_member_call_expression"
        ),
        Ruby => matches!(kind, "call" | "subshell"),
        CSharp => matches!(kind, "invocation_expression" | "object_creation_expression"),
        Rust => matches!(kind, "call_expression" | "macro_invocation"),
        Shell => kind == "command",
    }
}

fn is_function(lang: Language, kind: &str) -> bool {
    use Language::*;
    match lang {
        Python => matches!(kind, "function_definition" | "lambda"),
        JavaScript | TypeScript | Tsx => matches!(
            kind,
            "function_declaration"
                | "function_expression"
                | "arrow_function"
                | "method_definition"
                | "function"
                | "generator_function_declaration"
        ),
        Java => matches!(
            kind,
            "method_declaration" | "constructor_declaration" | "lambda_expression"
        ),
        Go => matches!(
            kind,
            "function_declaration" | "method_declaration" | "func_literal"
        ),
        Php => matches!(
            kind,
            "function_definition" | "method_declaration" | "anonymous_function" | "arrow_function"
        ),
        Ruby => matches!(kind, "method" | "singleton_method" | "block" | "do_block"),
        CSharp => matches!(
            kind,
            "method_declaration"
                | "local_function_statement"
                | "lambda_expression"
                | "constructor_declaration"
        ),
        C | Cpp => matches!(kind, "function_definition" | "lambda_expression"),
        Rust => matches!(kind, "function_item" | "closure_expression"),
        Kotlin => matches!(
            kind,
            "function_declaration" | "lambda_literal" | "anonymous_function"
        ),
        Shell => kind == "function_definition",
    }
}

fn params_node(lang: Language, n: Node<'_>) -> Option<Node<'_>> {
    if let Some(p) = n
        .child_by_field_name("parameters")
        .or_else(|| n.child_by_field_name("parameter"))
    {
        return Some(p);
    }
    if matches!(lang, Language::C | Language::Cpp) {
        // function_definition -> declarator: function_declarator -> parameters
        let mut d = n.child_by_field_name("declarator");
        while let Some(x) = d {
            if let Some(p) = x.child_by_field_name("parameters") {
                return Some(p);
            }
            d = x.child_by_field_name("declarator");
        }
    }
    let mut c = n.walk();
    let found = n.named_children(&mut c).find(|x| {
        let k = x.kind();
        k.contains("parameters")
            || k == "block_parameters"
            || k == "lambda_parameters"
            || k == "parameter_list"
    });
    found
}

fn collect_param_names(m: &Model<'_>, p: Node<'_>, out: &mut Vec<String>) {
    if matches!(
        p.kind(),
        "identifier" | "simple_identifier" | "variable_name"
    ) {
        out.push(normalize_name(m.text(p)));
        return;
    }
    let mut c = p.walk();
    for child in p.named_children(&mut c) {
        let k = child.kind();
        if k.contains("comment") || k.contains("type") && !k.contains("parameter") {
            continue;
        }
        if matches!(k, "identifier" | "simple_identifier" | "variable_name") {
            out.push(normalize_name(m.text(child)));
            continue;
        }
        if matches!(k, "object_pattern" | "array_pattern") {
            destructured_names(m, child, out);
            continue;
        }
        let mut names = Vec::new();
        {
            let mut cc = child.walk();
            for n in child.children_by_field_name("name", &mut cc) {
                names.push(n);
            }
        }
        if names.is_empty() {
            if let Some(x) = child
                .child_by_field_name("pattern")
                .or_else(|| child.child_by_field_name("declarator"))
            {
                names.push(x);
            }
        }
        if names.is_empty() {
            if let Some(x) = first_identifier(child) {
                names.push(x);
            }
        }
        for n in names {
            // JavaScript / TypeScript `({ command, opts: { dir } }) => ..`, `([a, b]) => ..`:
            // each name the pattern binds is a parameter.
            if matches!(n.kind(), "object_pattern" | "array_pattern") {
                destructured_names(m, n, out);
                continue;
            }
            // Rust `Path(name): Path<String>`: the binding is inside the pattern.
            if n.kind() == "tuple_struct_pattern" {
                let mut cc = n.walk();
                let inner: Vec<Node<'_>> = n.named_children(&mut cc).skip(1).collect();
                for i in inner {
                    if let Some(id) = first_identifier(i) {
                        out.push(target_name(m.text(id)));
                    }
                }
                continue;
            }
            let n = if matches!(
                n.kind(),
                "identifier" | "variable_name" | "simple_identifier"
            ) {
                n
            } else {
                first_identifier(n).unwrap_or(n)
            };
            let t = target_name(m.text(n));
            if !t.is_empty() && is_ident(&t) {
                out.push(t);
            }
        }
    }
}

/// The names a JavaScript / TypeScript destructuring pattern binds: shorthand properties,
/// the values of renamed ones (`{ a: b }` binds `b`), array elements, defaults and rests.
fn destructured_names(m: &Model<'_>, n: Node<'_>, out: &mut Vec<String>) {
    match n.kind() {
        "shorthand_property_identifier_pattern" | "identifier" => {
            out.push(normalize_name(m.text(n)));
        }
        "pair_pattern" => {
            if let Some(v) = n.child_by_field_name("value") {
                destructured_names(m, v, out);
            }
        }
        "object_assignment_pattern" | "assignment_pattern" => {
            if let Some(l) = n.child_by_field_name("left") {
                destructured_names(m, l, out);
            }
        }
        "object_pattern" | "array_pattern" | "rest_pattern" => {
            let mut c = n.walk();
            for ch in n.named_children(&mut c) {
                destructured_names(m, ch, out);
            }
        }
        _ => {}
    }
}

fn first_identifier(n: Node<'_>) -> Option<Node<'_>> {
    if matches!(
        n.kind(),
        "identifier" | "simple_identifier" | "variable_name"
    ) {
        return Some(n);
    }
    let mut c = n.walk();
    let children: Vec<Node<'_>> = n.named_children(&mut c).collect();
    children.into_iter().find_map(first_identifier)
}

fn args_node(n: Node<'_>) -> Option<Node<'_>> {
    if let Some(a) = n.child_by_field_name("arguments") {
        return Some(a);
    }
    let mut c = n.walk();
    let children: Vec<Node<'_>> = n.named_children(&mut c).collect();
    for ch in &children {
        match ch.kind() {
            "value_arguments" | "argument_list" | "arguments" | "token_tree" => return Some(*ch),
            "call_suffix" => {
                let mut cc = ch.walk();
                let inner = ch
                    .named_children(&mut cc)
                    .find(|x| x.kind() == "value_arguments");
                if inner.is_some() {
                    return inner;
                }
            }
            _ => {}
        }
    }
    None
}
