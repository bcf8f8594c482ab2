//! Dataflow within a function: where a value comes from (request data, argv, the
//! environment, stdin, a parameter of the enclosing function, constants) and whether it
//! was built into a string or passed through a sanitizer on the way.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use tree_sitter::Node;

use crate::syntax::{normalize_name, Model};

mod fold;
mod objects;

/// Where a value comes from, from harmless to attacker-controlled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// Literals, constants, values that went through a sanitizer.
    Const,
    /// Fields, globals, results of calls we know nothing about.
    Unknown,
    /// A parameter of the enclosing function: its callers decide.
    Param,
    /// Request data, command-line arguments, the environment, stdin.
    Source,
}

/// What the dataflow pass knows about an expression.
#[derive(Debug, Clone)]
pub struct Flow {
    pub origin: Origin,
    /// Built by concatenation, interpolation or formatting (as opposed to passed as is).
    pub built: bool,
    /// How the tainted part entered, for the message: `request.args`, `parameter name`.
    pub via: Option<String>,
    /// The source is local to the machine (command line, environment, stdin), not a
    /// network request.
    pub local: bool,
}

impl Flow {
    /// Fields, globals, results of calls we know nothing about.
    fn unknown() -> Flow {
        Flow {
            origin: Origin::Unknown,
            built: false,
            via: None,
            local: false,
        }
    }

    /// Data from a source, described by `via`; `local` for the operator's own input.
    fn source(via: String, local: bool) -> Flow {
        Flow {
            origin: Origin::Source,
            built: false,
            via: Some(via),
            local,
        }
    }

    fn konst() -> Flow {
        Flow {
            origin: Origin::Const,
            built: false,
            via: None,
            local: false,
        }
    }

    fn join(&mut self, other: Flow) {
        self.built |= other.built;
        if other.origin > self.origin || other.origin == self.origin && self.local && !other.local {
            self.origin = other.origin;
            self.via = other.via;
            self.local = other.local;
        }
    }
}

/// Expressions whose value an attacker controls, matched at the start of the expression.
static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:
        (?:self\.|flask\.)?request\.(?:args|form|values|json|data|files|cookies|headers|GET|POST|FILES|COOKIES|META|body|query_params|path_params|get_json|params|query|url|path|full_path|environ|env|stream|get_data|query_string|match_info|rel_url|post|content|text|getParameter|getHeader|getQueryString|getCookies|getInputStream|getReader|getPathInfo|getRequestURI|Query|Form|QueryString|Cookies|Headers|Body|RouteValues|Params|input|get|all|cookie|header|raw_post_data|read|readline|readlines)\b
        # The request body of an http.server / socketserver handler.
        | self\.rfile\b
        | (?:req|request)\.(?:query|body|params|cookies|headers|param|url|originalUrl|path|files|file|hostname|ip)\b
        | req\.(?:QueryString|Form|Params|Cookies|Headers|Files|InputStream|RawUrl|PathInfo|Url)\b
        | ctx\.(?:query|request|params|body|cookies|headers|querystring|req)\b
        | \$_(?:GET|POST|REQUEST|COOKIE|FILES|SERVER|ENV)\b
        | (?:filter_input|filter_input_array|apache_request_headers|getallheaders)\s*\(
        | \$request->(?:input|get|query|post|all|cookie|header|request|json|file|getContent|route)\b
        | request\(\)(?:->|\.) | Request::(?:input|get|query|all)\b | Input::(?:get|all)\b
        | params(?:\[|\.(?:fetch|require|permit|get|dig)\b|$)
        | cookies\[ | session\[
        # Servlet request parameters, their names, and the same getters of request wrappers and
        # JSF (`getRequestParameterMap`); not `getInitParameter`, which is deployment config.
        | (?:\w+\.)?(?:get(?:[A-HJ-Z]\w*)?Parameter(?:Values|Map|Names)?|getHeader|getHeaders|getHeaderNames|getQueryString|getCookies|getInputStream|getReader|getPathInfo|getRequestURI|getRequestURL|getRemoteUser)\s*\(
        | sys\.argv | os\.environ | os\.getenv\b | os\.(?:Getenv|LookupEnv|Environ)\b | (?:std::)?getenv\b | _?wgetenv\b | fgetws\b | fread\s*\( | (?:std::)?cin\b | recv(?:from)?\s*\( | process\.env\b | process\.argv\b | os\.Args\b
        | flag\.(?:Arg|Args|String)\b | ARGV\b | ENV\[ | ENV\.fetch | (?:std::)?env::(?:args|var|var_os)\b
        | System\.getenv\b | System\.getProperty\b | Environment\.GetEnvironmentVariable\b | argv\b | args\[
        | input\s*\( | raw_input\s*\( | sys\.stdin\b | Console\.ReadLine\b | (?:\w+\.)?readLine\s*\(
        | (?:\w+\.)?nextLine\s*\( | scanf\b | fgets\b | gets\b | STDIN\b | \$stdin\b | stdin\b | io::stdin\b
        | c\.(?:Query|Param|PostForm|DefaultQuery|DefaultPostForm|GetHeader|Cookie|FormValue|QueryParam|QueryParams|FormFile|GetQuery|GetPostForm)\b
        | (?:r|req)\.(?:URL\.Query|FormValue|PostFormValue|Form|PostForm|Header\.Get|Body|URL\.Path|URL\.RawQuery|Cookie|MultipartForm|MultipartReader|PathValue)\b
        | \w+\.URL\.(?:Query|RawQuery)\b | \w+\.(?:FormValue|PostFormValue)\s*\(
        | \w+\.(?:filename|originalname|getOriginalFilename|original_filename|FileName|UntrustedFileName)\b
        | call\.(?:parameters|request\.(?:queryParameters|headers|cookies|uri|queryString|header)|receiveParameters|receiveText|receive|receiveMultipart)\b
        | (?:req|request)\.(?:query_string|match_info|uri)\s*\(
        | reqwest::(?:blocking::)?get\s*\( | \$\(\s*(?:curl|wget)\b
        | mux\.Vars\b | chi\.URLParam\b | vars\[
        | (?:\w*TextBox\w*|txt[A-Z]\w*)\.Text\b
        | (?:\w+\.)*Request\.(?:Query|Form|QueryString|Cookies|Headers|Body|RouteValues|Params|Path|PathInfo|RawUrl|Url|UserAgent|UrlReferrer|Files|InputStream|ServerVariables)\b
        # ASP.NET's `Request[name]` looks the name up in the query string, form, cookies
        # and server variables.
        | (?:\w+\.)*Request\[\s*(?:@?\x22|\w)
        # Angular's ActivatedRoute: the URL's path, query and fragment.
        | (?:this\.)?\w*[rR]oute\.snapshot\.(?:queryParams|params|queryParamMap|paramMap|fragment|url)\b
        | (?:window\.|document\.)?location\.(?:search|hash|href|pathname)\b | document\.(?:URL|cookie|referrer|documentURI)\b
        | (?:event|e|evt|msg|message)\.data\b | new\s+URLSearchParams | URLSearchParams\b
        | \$\{?(?:1|2|3|@|\*|QUERY_STRING|REQUEST_URI)\b
        )",
    )
    .expect("source regex")
});

/// Whether `name` is a sanitizer: a built-in one or the sink's own (`san`).
fn sanitizes(name: &str, san: Option<&Regex>) -> bool {
    SANITIZER.is_match(name) || san.is_some_and(|s| s.is_match(name))
}

/// Inside a Rust macro the tokens are flat: `html_escape::encode_text(&x)` is an identifier
/// followed by its argument tokens. Whether `tokens` are the arguments of a sanitizer named
/// by `before`.
fn sanitized_tokens(
    m: &Model<'_>,
    before: Option<Node<'_>>,
    tokens: Node<'_>,
    san: Option<&Regex>,
) -> bool {
    tokens.kind() == "token_tree"
        && before.is_some_and(|p| p.kind() == "identifier" && sanitizes(m.text(p), san))
}

/// Whether `n` lies inside the declaration of class `name`.
fn in_class(m: &Model<'_>, n: Node<'_>, name: &str) -> bool {
    let mut p = n.parent();
    while let Some(x) = p {
        if matches!(x.kind(), "class_definition" | "class_declaration" | "class") {
            return x
                .child_by_field_name("name")
                .is_some_and(|c| m.text(c) == name);
        }
        p = x.parent();
    }
    false
}

/// For a store whose value is `v`, made directly in one branch of an `if` with a plain
/// `else` (no loop, handler, `switch` or nested condition in between) that does not hold
/// the use at `at`: that `if` and whether the store is in its `else`.
fn if_else_side(v: Node<'_>, at: usize) -> Option<(usize, bool)> {
    const BLOCKING: &[&str] = &[
        "for",
        "while",
        "loop",
        "catch",
        "except",
        "rescue",
        "case",
        "switch",
        "match",
        "when",
        "ternary",
        "conditional",
        "elif",
        "else_if",
        "binary",
        "boolean",
        "try",
        "lambda",
        "function",
        "closure",
        "method",
        "unless",
        "modifier",
    ];
    let mut child = v;
    while let Some(p) = child.parent() {
        if p.start_byte() <= at && at < p.end_byte() {
            return None;
        }
        let kind = p.kind();
        if matches!(kind, "if_statement" | "if_expression" | "if") {
            let alt = p.child_by_field_name("alternative")?;
            if alt.kind().contains("if")
                || alt.named_child(0).is_some_and(|c| c.kind().contains("if"))
            {
                return None;
            }
            let cond = p.child_by_field_name("condition");
            if cond.is_some_and(|c| {
                c.start_byte() <= child.start_byte() && child.end_byte() <= c.end_byte()
            }) {
                return None;
            }
            let in_else =
                alt.start_byte() <= child.start_byte() && child.end_byte() <= alt.end_byte();
            return Some((p.id(), in_else));
        }
        if BLOCKING.iter().any(|b| kind.contains(b)) {
            return None;
        }
        child = p;
    }
    None
}

/// C#: `box1.Text` where the file declares `TextBox box1` (a field or local of a
/// WinForms/WPF text box type): what the user typed.
fn text_box_text(m: &Model<'_>, head: &str) -> bool {
    if m.lang != crate::Language::CSharp {
        return false;
    }
    let Some((name, _)) = head.split_once(".Text") else {
        return false;
    };
    if !crate::syntax::is_ident(name)
        || head[name.len() + 5..].starts_with(|c: char| c.is_alphanumeric())
    {
        return false;
    }
    m.src.match_indices("TextBox").any(|(i, _)| {
        let rest = m.src[i + 7..].trim_start_matches([' ', '\t']);
        rest.len() < m.src.len() - i - 7
            && rest
                .strip_prefix(name)
                .is_some_and(|r| r.trim_start().starts_with([';', '=', ',', ')']))
    })
}

/// A variable a Rust format string names inline: `{password}`, `{token:?}`.
pub(crate) static RUST_FORMAT_CAPTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::[^{}]*)?\}").expect("inline format regex")
});

/// Whether `line` compares the variable `name` itself (not a member of it) with a non-empty
/// string literal (`name == "foo"`, `"foo" === name`) or looks it up in a literal word list
/// (`%w(a b).include? name`).
fn compared_to_constant(line: &str, name: &str) -> bool {
    let b = line.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let literal_after = |rest: &str| {
        let r = rest.trim_start();
        let r = r.strip_prefix("===").or_else(|| r.strip_prefix("=="));
        r.is_some_and(|r| {
            let r = r.trim_start();
            let q = r.chars().next();
            matches!(q, Some('"') | Some('\''))
                && r[1..].find(q.unwrap_or('"')).is_some_and(|end| end > 0)
        })
    };
    let literal_before = |head: &str| {
        let h = head.trim_end();
        let h = h.strip_suffix("===").or_else(|| h.strip_suffix("=="));
        h.is_some_and(|h| {
            let h = h.trim_end();
            (h.ends_with('"') || h.ends_with('\'')) && h.len() >= 3 && {
                let q = h.as_bytes()[h.len() - 1];
                h.as_bytes()[h.len() - 2] != q
            }
        })
    };
    let mut from = 0;
    while let Some(pos) = line[from..].find(name) {
        let i = from + pos;
        let j = i + name.len();
        from = j;
        if (i > 0 && (word(b[i - 1]) || b[i - 1] == b'.')) || (j < b.len() && word(b[j])) {
            continue;
        }
        let after = &line[j..];
        if after.starts_with('.') || after.starts_with('[') || after.starts_with('(') {
            continue;
        }
        if literal_after(after) || literal_before(&line[..i]) {
            return true;
        }
        let head = line[..i].trim_end();
        let head = head.strip_suffix('(').unwrap_or(head).trim_end();
        if head.ends_with(".include?") && head.contains('%') {
            let list = &head[..head.len() - ".include?".len()];
            if list.trim_end().ends_with([')', ']', '}'])
                && (list.contains("%w") || list.contains("%i"))
            {
                return true;
            }
        }
    }
    false
}

/// `err`, `err2`, `readErr`: the conventional names of Go's error results.
fn is_go_error_name(name: &str) -> bool {
    let n = name.trim_start_matches(|c: char| c.is_ascii_lowercase());
    (name.starts_with("err") && name[3..].chars().all(|c| c.is_ascii_digit()))
        || (n.starts_with("Err")
            && n[3..].chars().all(|c| c.is_ascii_digit())
            && n.len() < name.len())
}

/// Sources on the machine itself rather than in a request.
static LOCAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:sys\.argv|os\.environ|os\.getenv|os\.(?:Getenv|LookupEnv|Environ)\b|(?:std::)?getenv|_?wgetenv\b|fgetws\b|fread\s*\(|(?:std::)?cin\b|process\.env|process\.argv|os\.Args|flag\.|ARGV|ENV|(?:std::)?env::|System\.getenv|System\.getProperty|Environment\.|argv|args\[|input\s*\(|raw_input|sys\.stdin|Console\.ReadLine|(?:\w+\.)?readLine|(?:\w+\.)?nextLine|scanf|fgets|gets|STDIN|\$stdin|stdin|io::stdin)",
    )
    .expect("local source regex")
});

/// Calls whose result is safe whatever went in: numeric conversions, hashes, ids, lengths.
static SANITIZER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:^|[.:>])(?:
        int|float|bool|long|Number|parseInt|parseFloat|Integer\.parseInt|Integer\.valueOf|Long\.parseLong
        |Long\.valueOf|Double\.parseDouble|UUID\.fromString|Atoi|ParseInt|ParseFloat|ParseBool|ParseUint
        |intval|floatval|boolval|abs|len|count|size|length|to_i|to_f|toInt|toLong|toIntOrNull|Parse|TryParse
        |atoi|atol|atoll|atof|strtol|strtoll|strtoul|strtoull|strtod|wcstol|wcstoul|_wtoi|stoi|stol|stoll|stoul|stoull|stod
        |isdigit|isnumeric|uuid\d?|uuid4|randomUUID|NewString|hashCode|hexdigest|digest
        |parse::<\w+>|Convert\.ToInt32|Convert\.ToInt64
        |equals|equalsIgnoreCase|isEmpty|isBlank|contains|containsKey|startsWith|endsWith|matches
        |hasNext|hasMoreElements|hasMoreTokens|compareTo|indexOf|lastIndexOf|nextInt|nextLong)$",
    )
    .expect("sanitizer regex")
});

/// Replacement calls; with a negated character class they strip input to an alphabet.
static STRIP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.:>])(?:replaceAll|replace|sub|gsub|preg_replace|Replace|ReplaceAllString|replace_all)$").expect("strip regex")
});

/// Calls that build a string from their arguments.
static BUILDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:^|[.:>])(?:format|sprintf|Sprintf|Fprintf|snprintf|vsprintf|String\.format|formatted|join|concat
        |format!|Format|Concat|Join|Combine|resolve|Resolve|expand_path|joinpath|StringBuilder|append|Append|replace|Replace|str|String|strcat|strncat|wcscat|wcsncat|swprintf|stringify|toString|ToString|to_s|f
        |push_str|(?:PathBuf|Path|String|OsString|OsStr|Cow|Box)::(?:from|new))$",
    )
    .expect("builder regex")
});

/// Callees that wrap a request object: their name says so.
static REQUEST_WRAPPER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[._])(?:\w*request\w*wrap\w*|\w*wrap\w*request\w*)$")
        .expect("request wrapper regex")
});

/// Flask's request object imported by name.
static FLASK_REQUEST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*from\s+flask\s+import\s+[^\n]*\brequest\b").expect("flask request regex")
});

/// The last part of a dotted callee, for messages.
fn short_callee(callee: &str) -> &str {
    callee.rsplit('.').next().unwrap_or(callee)
}

/// Route decorators and their path argument: `@app.route("/a/b")`, `@bp.get('/x')`.
static ROUTE_DECORATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^@[\w.]*\.(?:route|get|post|put|patch|delete)\s*\(\s*(?:(['"])([^'"]*)['"]|(.))"#)
        .expect("route decorator regex")
});

/// Whether function `fi` is decorated with routes only, each a fixed path without
/// `<converter>` parts (so `request.path` is one of them).
fn static_routes(m: &Model<'_>, fi: usize) -> bool {
    let mut routes = 0;
    for line in m.functions[fi].decorations.lines().map(str::trim) {
        if !line.starts_with('@') {
            continue;
        }
        if let Some(c) = ROUTE_DECORATOR.captures(line) {
            match c.get(2) {
                Some(path) if !path.as_str().contains('<') => routes += 1,
                _ => return false,
            }
        }
    }
    routes > 0
}

/// Python functions and `str`/`bytes` methods whose result is a constant when what goes in
/// is: encodings, decodings and string edits.
const PURE_PY: &[&str] = &[
    "list",
    "tuple",
    "set",
    "frozenset",
    "sorted",
    "reversed",
    "enumerate",
    "zip",
    "range",
    "len",
    "str",
    "iter",
    "next",
    "array",
    "b64encode",
    "b64decode",
    "urlsafe_b64encode",
    "urlsafe_b64decode",
    "standard_b64encode",
    "standard_b64decode",
    "b32encode",
    "b32decode",
    "b16encode",
    "b16decode",
    "hexlify",
    "unhexlify",
    "encode",
    "decode",
    "unquote",
    "unquote_plus",
    "quote",
    "quote_plus",
    "strip",
    "lstrip",
    "rstrip",
    "lower",
    "upper",
    "replace",
    "str",
    "bytes",
    "escape",
];

/// Parameter names and the flows a call passed for them.
type Bindings = Vec<(String, Flow)>;

/// Dataflow queries over one file's model.
pub struct Taint<'m, 't> {
    m: &'m Model<'t>,
    /// Assignments being resolved, to stop on cycles (`x = x + y` in a loop).
    active: RefCell<Vec<usize>>,
    /// Functions of this file being followed into from a call, with what the call passed
    /// for each parameter: their parameters take the arguments' flows.
    bound: RefCell<Vec<(usize, Bindings)>>,
    /// Flows of names already resolved, by (name, position, sanitizer, bindings in force):
    /// without it a run of conditional `x += ...` is followed once per path, exponentially.
    memo: RefCell<HashMap<VarKey, Flow>>,
    /// Identity of the bindings in force: a fresh number for each call followed into.
    scope: Cell<u64>,
    scopes: Cell<u64>,
    /// What a function's callers pass for one of its parameters, by (function, parameter,
    /// sanitizer, above the first layer).
    callers_memo: RefCell<HashMap<CallersKey, Option<Flow>>>,
    /// Constant folding reads a loop's condition as on entry (counters at their start).
    at_entry: Cell<bool>,
    /// Whether an assignment never runs (it follows a jump), by assignment index.
    dead: RefCell<HashMap<usize, bool>>,
    /// Whether every caller passes an object whose field is constant, by (function,
    /// parameter, field, sanitizer).
    param_fields: RefCell<HashMap<(usize, String, String, usize), bool>>,
    /// Methods being followed from a call on an object built in this file, with the
    /// expression that built it: their `this`.
    receivers: RefCell<Vec<(usize, usize, usize)>>,
}

type CallersKey = (usize, String, usize, bool);

/// A resolved name: its text, where it is read, the sink's sanitizer (by address), the
/// identity of the call bindings in force, and whether fields stored later count.
type VarKey = (String, usize, usize, u64, bool);

impl<'m, 't> Taint<'m, 't> {
    pub fn new(m: &'m Model<'t>) -> Self {
        Taint {
            m,
            active: RefCell::new(Vec::new()),
            bound: RefCell::new(Vec::new()),
            memo: RefCell::new(HashMap::new()),
            scope: Cell::new(0),
            scopes: Cell::new(0),
            callers_memo: RefCell::new(HashMap::new()),
            at_entry: Cell::new(false),
            dead: RefCell::new(HashMap::new()),
            param_fields: RefCell::new(HashMap::new()),
            receivers: RefCell::new(Vec::new()),
        }
    }

    /// The flow of an expression; `sanitizer` adds the sink's own sanitizers (for example
    /// `shlex.quote` for commands, `basename` for paths).
    pub fn flow(&self, n: Node<'t>, sanitizer: Option<&Regex>) -> Flow {
        self.flow_at(n, sanitizer, 0)
    }

    fn flow_at(&self, n: Node<'t>, san: Option<&Regex>, depth: usize) -> Flow {
        if depth > 24 {
            return Flow::unknown();
        }
        let m = self.m;
        let text = m.text(n);
        let kind = n.kind();
        // Sources are recognized by how an expression starts: looking at its head keeps
        // this linear in nested expressions.
        let head = {
            let mut end = text.len().min(160);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            &text[..end]
        };
        // `GETENV(ENV_VARIABLE)` with `#define GETENV getenv`: the macro's function.
        let expanded = (matches!(m.lang, crate::Language::C | crate::Language::Cpp)
            && is_call_kind(kind))
        .then(|| {
            let end = head
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(head.len());
            m.macro_name(&head[..end])
                .map(|body| format!("{body}{}", &head[end..]))
        })
        .flatten();
        let head = expanded.as_deref().unwrap_or(head);
        if (SOURCE.is_match(head) && !self.own_object_file_name(head, n, depth))
            || text_box_text(m, head)
        {
            let via: String = head
                .chars()
                .take_while(|c| *c != '(' && *c != '\n')
                .take(40)
                .collect();
            // PHP's `filter_input(INPUT_GET, "id", FILTER_VALIDATE_INT)`: every filter the
            // call names lets only a number through.
            if m.lang == crate::Language::Php && php_numeric_filter(text) {
                return Flow::konst();
            }
            let mut local = LOCAL.is_match(head);
            let mut via = via;
            let start = m
                .function_at(n.start_byte())
                .map_or(0, |f| m.functions[f].start);
            if self.guarded(text, start, n.start_byte()) {
                return Flow::konst();
            }
            // Flask's `request.path` in a view whose routes are all fixed strings is one of
            // those strings.
            if m.lang == crate::Language::Python
                && head
                    .strip_prefix("request.path")
                    .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
                && m.function_at(n.start_byte())
                    .is_some_and(|fi| static_routes(m, fi))
            {
                return Flow::konst();
            }
            // `reader.readLine()` reads what the reader wraps: a socket's or a URL
            // connection's stream is another machine's data, not this machine's console.
            if local {
                if let Some(f) = self.remote_reader(n, depth) {
                    local = false;
                    via = f.via.unwrap_or(via);
                }
            }
            return Flow::source(via, local);
        }
        // A Ruby backtick command line is a string with interpolations.
        if is_literal_kind(kind) || kind == "subshell" {
            return self.literal(n, san, depth);
        }
        // A function passed as a value is code, not data. PHP's call node is named
        // `function_call_expression`: a call, whose value is what it returns.
        if kind.contains("function") && !is_call_kind(kind)
            || kind.contains("lambda")
            || kind.contains("closure")
            || kind == "arrow_function"
            || kind == "block"
            || kind == "do_block"
        {
            return Flow::konst();
        }
        // A C++ constructor argument read as a parameter type (`std::ifstream in(path);`).
        if is_identifier_kind(kind)
            || kind == "type_identifier"
                && n.parent()
                    .is_some_and(|p| p.kind() == "parameter_declaration")
        {
            return self.variable(text, n.start_byte(), san, depth);
        }
        // Java `arr[1]`: the entry the array initializer put at that index.
        if kind == "array_access" {
            if let Some(e) = self.element(n) {
                return self.flow_at(e, san, depth + 1);
            }
        }
        if is_member_kind(kind) {
            // `s[1]`, `d["a"]["b"]`: the entry the code put under that key.
            if kind.contains("subscript") || kind.contains("index") {
                if let Some(e) = self.element(n) {
                    return self.flow_at(e, san, depth + 1);
                }
            }
            let name = normalize_name(text);
            if self.assignment_of(&name, n.start_byte()).is_some() {
                return self.variable(text, n.start_byte(), san, depth);
            }
            // `obj.sani`, `p.sani`, `a.b.c.data`: what the object's making and the stores
            // since put in that field.
            if let Some(f) = self.field_read(n, san, depth) {
                return f;
            }
            // `def run_job(job): ... job.tool`: every caller passes an object whose `tool`
            // is a constant.
            if self.param_field_const(n, san, depth) {
                return Flow::konst();
            }
            // `$this->q` in a method called on `new Req(..)` (or a variable holding it): what
            // that construction stored in the field.
            if let Some(field) = name
                .strip_prefix("self.")
                .or_else(|| name.strip_prefix("this."))
                .filter(|f| crate::syntax::is_ident(f))
            {
                let top = self.receivers.borrow().last().copied();
                let made = top.and_then(|(mfi, s, e)| {
                    let c = m
                        .calls
                        .iter()
                        .find(|c| c.node.start_byte() == s && c.node.end_byte() == e)?;
                    (m.function_at(n.start_byte()) == Some(mfi)).then_some(c.node)
                });
                if let Some(made) = made {
                    {
                        if let Some((class, call)) = self.constructed(made) {
                            let then = |v: Node<'t>| Some(self.flow_at(v, san, depth + 1));
                            if let Some(f) =
                                self.ctor_field(&class, call, field, san, depth + 1, &then)
                            {
                                return f;
                            }
                        }
                    }
                }
            }
            // `self.target` set by the constructor from its parameter: whoever built the
            // object decides, as for a parameter.
            if let Some(field) = name
                .strip_prefix("self.")
                .or_else(|| name.strip_prefix("this."))
                .or_else(|| name.strip_prefix('@'))
            {
                let set_by_constructor = m.assigns.iter().find(|a| {
                    normalize_name(&a.target)
                        .rsplit(['.', '@'])
                        .next()
                        .is_some_and(|t| t == field)
                        && a.target != field
                        && a.func.is_some_and(|f| {
                            matches!(
                                m.functions[f].name.as_str(),
                                "__init__" | "constructor" | "initialize" | "new" | "__construct"
                            )
                        })
                });
                if let Some(a) = set_by_constructor {
                    let f = self.flow_at(a.value, san, depth + 1);
                    if f.origin >= Origin::Param {
                        return f;
                    }
                }
            }
            let object = n
                .child_by_field_name("object")
                .or_else(|| n.child_by_field_name("operand"))
                .or_else(|| n.child_by_field_name("value"))
                .or_else(|| n.child_by_field_name("expression"))
                .or_else(|| n.child_by_field_name("argument"))
                .or_else(|| n.named_child(0));
            // `obj = A(); obj.sani` where every constructor of this file's class `A` sets
            // `self.sani` to a literal: that literal.
            if let Some((obj, field)) = name.rsplit_once('.') {
                if object.is_some_and(|o| is_identifier_kind(o.kind()))
                    && self.constructed_literal(obj, field, n.start_byte())
                {
                    return Flow::konst();
                }
            }
            // `File(x).name`, `Path(x).name`: the last path component, without directories.
            let prop = text.rsplit(['.', ':']).next().unwrap_or("");
            if matches!(
                prop,
                "name" | "fileName" | "FileName" | "basename" | "file_name" | "Name"
            ) && [
                "File(",
                "new File(",
                "Path(",
                "Paths.get(",
                "Path.of(",
                "new FileInfo(",
                "Pathname.new(",
            ]
            .iter()
            .any(|p| text.starts_with(p))
            {
                return Flow::konst();
            }
            let lookup =
                kind.contains("subscript") || kind.contains("index") || kind.contains("element");
            return match object {
                Some(o) if o.id() != n.id() => {
                    // Reading one field of an object: what was stored in its other fields
                    // does not flow here.
                    let mut f = if is_identifier_kind(o.kind()) {
                        self.variable_with(m.text(o), o.start_byte(), san, depth + 1, false)
                    } else {
                        self.flow_at(o, san, depth + 1)
                    };
                    // A key we cannot read may name any slot stored since.
                    if lookup && is_identifier_kind(o.kind()) {
                        let oname = normalize_name(m.text(o));
                        if let Some((_, d)) = self
                            .reaching(&oname, o.start_byte())
                            .0
                            .first()
                            .map(|&d| (d, m.assigns[d].at))
                        {
                            let func = m.function_at(n.start_byte());
                            for a in &m.assigns {
                                if a.func == func
                                    && a.at > d
                                    && a.at <= n.start_byte()
                                    && a.target
                                        .strip_prefix(oname.as_str())
                                        .is_some_and(|r| r.starts_with(['.', '[']))
                                {
                                    f.join(self.flow_at(a.value, san, depth + 1));
                                }
                            }
                        }
                    }
                    // An entry of a constant table (`SORT_COLUMNS[key]`, `cols[sort]` with
                    // `cols = {"name": "name"}`) is one of its constant values.
                    if lookup && f.origin == Origin::Const {
                        return Flow::konst();
                    }
                    // `user.id`, `len(x)`-style accessors of tainted data stay tainted.
                    if f.origin == Origin::Const && !is_literal_kind(o.kind()) {
                        f.origin = Origin::Unknown;
                    }
                    f
                }
                _ => Flow::unknown(),
            };
        }
        if is_call_kind(kind) {
            return self.call(n, san, depth);
        }
        if kind == "cast_expression" || kind == "as_expression" {
            let t = text.to_ascii_lowercase();
            if [
                "(int", "(long", "(float", "(double", "(short", "(byte", "(bool", " as i", " as u",
                " as f",
            ]
            .iter()
            .any(|p| t.contains(p))
            {
                return Flow::konst();
            }
        }
        // Arithmetic and comparisons yield numbers and booleans.
        if kind.starts_with("binary") || kind == "comparison_operator" || kind == "boolean_operator"
        {
            if let Some(op) = n
                .child_by_field_name("operator")
                .or_else(|| (n.child_count() == 3).then(|| n.child(1)).flatten())
            {
                let op = m.text(op);
                let numeric = matches!(
                    op,
                    "*" | "/"
                        | "-"
                        | "<<"
                        | ">>"
                        | "**"
                        | "//"
                        | "<"
                        | ">"
                        | "<="
                        | ">="
                        | "=="
                        | "!="
                        | "==="
                        | "!=="
                        | "&"
                        | "^"
                        | "instanceof"
                        | "in"
                        | "not in"
                        | "is"
                ) || op == "%"
                    && m.lang != crate::Language::Python
                    && m.lang != crate::Language::Ruby
                    // PHP joins strings with `.`: its `+` is always arithmetic.
                    || op == "+" && m.lang == crate::Language::Php;
                // Python's `/` on a `pathlib.Path` joins paths: `base / name` keeps the name.
                let path_join = op == "/"
                    && m.lang == crate::Language::Python
                    && [
                        n.child_by_field_name("left"),
                        n.child_by_field_name("right"),
                    ]
                    .into_iter()
                    .flatten()
                    .any(|o| self.path_operand(o, 0));
                if numeric && !path_join {
                    return Flow::konst();
                }
            }
            if kind == "comparison_operator" {
                return Flow::konst();
            }
        }
        // Ruby's `x = case params[:k] when "a" then "A" ... end`: the value is what a branch
        // ends with, never the subject the branches are chosen by.
        if kind == "case" && m.lang == crate::Language::Ruby {
            let mut f = Flow::konst();
            let mut c = n.walk();
            for branch in n.named_children(&mut c) {
                let body = match branch.kind() {
                    "when" => branch.child_by_field_name("body"),
                    "else" => Some(branch),
                    _ => continue,
                };
                let last = body.and_then(|b| {
                    let k = b.named_child_count();
                    (k > 0).then(|| b.named_child((k - 1) as u32)).flatten()
                });
                if let Some(v) = last {
                    // A branch that raises yields no value.
                    if !m.text(v).starts_with("raise") && !v.kind().contains("comment") {
                        f.join(self.flow_at(v, san, depth + 1));
                    }
                }
            }
            return f;
        }
        // `cond ? a : b`, `a if cond else b`: the value is one of the branches.
        if let Some(branches) = self.ternary_branches(n) {
            let mut f = Flow::konst();
            for b in branches {
                f.join(self.flow_at(b, san, depth + 1));
            }
            return f;
        }
        // Go's `A{data: x}`: `data` names a field, only the value is data.
        if kind == "keyed_element" && m.lang == crate::Language::Go {
            let key = n.named_child(0).map(crate::syntax::element_value);
            let field_name = key.is_some_and(|k| {
                is_identifier_kind(k.kind())
                    && self
                        .reaching(&normalize_name(m.text(k)), k.start_byte())
                        .0
                        .is_empty()
                    && self
                        .parameter(&normalize_name(m.text(k)), k.start_byte())
                        .origin
                        != Origin::Param
            });
            if field_name {
                return match n.named_child(1) {
                    Some(v) => self.flow_at(v, san, depth + 1),
                    None => Flow::konst(),
                };
            }
        }
        // Everything else: operators, parentheses, arrays... joins its parts.
        let mut f = Flow::konst();
        if kind.starts_with("binary") || kind.contains("concat") {
            f.built = true;
        }
        let mut c = n.walk();
        let mut prev: Option<Node<'t>> = None;
        for child in n.named_children(&mut c) {
            if child.kind().contains("comment") || child.kind() == "type_identifier" {
                continue;
            }
            // A sanitizer's arguments inside a Rust macro come out clean.
            if kind == "token_tree" && sanitized_tokens(m, prev, child, san) {
                prev = Some(child);
                continue;
            }
            prev = Some(child);
            f.join(self.flow_at(child, san, depth + 1));
        }
        f
    }

    fn literal(&self, n: Node<'t>, san: Option<&Regex>, depth: usize) -> Flow {
        let m = self.m;
        let mut f = Flow::konst();
        let mut c = n.walk();
        for child in n.named_children(&mut c) {
            let k = child.kind();
            if is_string_part(k) {
                if m.lang == crate::Language::Kotlin && k == "string_content" {
                    self.kotlin_templates(child, san, depth, &mut f);
                }
                if m.lang == crate::Language::Rust
                    && k == "string_content"
                    && n.parent().is_some_and(|p| p.kind() == "token_tree")
                {
                    // `format!("{name}")`: the macro captures `name` from the scope.
                    for cap in RUST_FORMAT_CAPTURE.captures_iter(m.text(child)) {
                        f.built = true;
                        f.join(self.variable(&cap[1], child.start_byte(), san, depth + 1));
                    }
                }
                continue;
            }
            f.built = true;
            f.join(self.flow_at(child, san, depth + 1));
        }
        f
    }

    /// Kotlin's grammar leaves `$name` inside the string text.
    fn kotlin_templates(&self, part: Node<'t>, san: Option<&Regex>, depth: usize, f: &mut Flow) {
        static TEMPLATE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\$([A-Za-z_][A-Za-z0-9_]*)").expect("template regex"));
        let text = self.m.text(part);
        let text = if text == "$" {
            // `"$name"` splits as `$` + `name...`: the name is the next part's head.
            match part.next_named_sibling() {
                Some(next) => format!("${}", self.m.text(next)),
                None => return,
            }
        } else {
            text.to_string()
        };
        for cap in TEMPLATE.captures_iter(&text) {
            f.built = true;
            f.join(self.variable(&cap[1], part.start_byte(), san, depth + 1));
        }
    }

    fn call(&self, n: Node<'t>, san: Option<&Regex>, depth: usize) -> Flow {
        let m = self.m;
        let Some(call) = m.calls.iter().find(|c| c.node.id() == n.id()) else {
            return Flow::unknown();
        };
        let callee = call.callee.as_str();
        if sanitizes(callee, san) {
            return Flow::konst();
        }
        if m.lang == crate::Language::Php {
            // `filter_var($x, FILTER_VALIDATE_INT)`: only a number gets through.
            if matches!(callee, "filter_var" | "filter_var_array") && php_numeric_filter(m.text(n))
            {
                return Flow::konst();
            }
            // The escaping filters do what the functions they stand for do: where
            // `addslashes` or `htmlspecialchars` sanitizes, so do they.
            if matches!(callee, "filter_var" | "filter_input") {
                let t = m.text(n);
                let like = if t.contains("FILTER_SANITIZE_MAGIC_QUOTES")
                    || t.contains("FILTER_SANITIZE_ADD_SLASHES")
                {
                    Some("addslashes")
                } else if t.contains("FILTER_SANITIZE_FULL_SPECIAL_CHARS")
                    || t.contains("FILTER_SANITIZE_SPECIAL_CHARS")
                {
                    Some("htmlspecialchars")
                } else {
                    None
                };
                if like.is_some_and(|f| sanitizes(f, san)) {
                    return Flow::konst();
                }
            }
            // Digests and phonetic codes are hex digits or letters and digits.
            if matches!(
                callee,
                "soundex" | "metaphone" | "crc32" | "md5" | "sha1" | "bin2hex"
            ) {
                return Flow::konst();
            }
            // Tests, lengths, counts and positions: a boolean or a number, not the text.
            if matches!(
                callee,
                "isset"
                    | "empty"
                    | "strlen"
                    | "mb_strlen"
                    | "count"
                    | "sizeof"
                    | "in_array"
                    | "array_key_exists"
                    | "preg_match"
                    | "preg_match_all"
                    | "strcmp"
                    | "strcasecmp"
                    | "strpos"
                    | "stripos"
                    | "strrpos"
                    | "str_contains"
                    | "str_starts_with"
                    | "str_ends_with"
                    | "file_exists"
                    | "intval"
                    | "floatval"
                    | "boolval"
                    | "hash_equals"
                    | "password_verify"
            ) || callee.starts_with("is_")
                || callee.starts_with("ctype_")
            {
                return Flow::konst();
            }
            // `array_map('intval', $ids)`: each element goes through the named function.
            if callee == "array_map" {
                if let Some(f) = call.args.first() {
                    let t = m.text(f.node).trim().trim_matches(['\'', '"']);
                    let literal = is_literal_kind(f.node.kind())
                        || f.node
                            .named_child(0)
                            .is_some_and(|c| is_literal_kind(c.kind()));
                    if literal && sanitizes(t, san) {
                        return Flow::konst();
                    }
                }
            }
        }
        // `path.Clean("/" + name)` resolves every `..` against the root.
        if (callee.ends_with(".Clean") || callee == "Clean")
            && call
                .args
                .first()
                .is_some_and(|a| m.text(a.node).trim_start().starts_with("\"/\""))
        {
            return Flow::konst();
        }
        // `ALLOWED_SORT.get(key, "name")`: a lookup in a constant table yields a constant.
        if let Some((recv, method)) = callee.rsplit_once('.') {
            let recv = recv.trim_start_matches("self.").trim_start_matches("this.");
            if matches!(
                method,
                "get" | "getOrDefault" | "fetch" | "get_or" | "GetValueOrDefault"
            ) && recv.len() > 2
                && recv
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            {
                return Flow::konst();
            }
        }
        // `s.replaceAll("[^A-Za-z]", "")`, `re.sub(r"[^\w]", "", s)`: what survives is from a
        // fixed alphabet.
        if STRIP.is_match(callee)
            && call.args.iter().any(|a| {
                let t = m.text(a.node);
                let t = t
                    .trim_start_matches(['r', 'b', '@', '/'])
                    .trim_start_matches(['"', '\'', '/']);
                t.starts_with("[^") && !t.contains('\'') && !t.contains(';')
            })
        {
            return Flow::konst();
        }
        if let Some(f) = self.stored_source(call) {
            return f;
        }
        // `RequestWrapper(request)`, `helpers.request_wrapper(request)`: an object made
        // around Flask's request hands out what the client sent.
        if m.lang == crate::Language::Python
            && REQUEST_WRAPPER.is_match(callee)
            && call
                .args
                .iter()
                .any(|a| a.name.is_none() && m.text(a.node).trim() == "request")
            && FLASK_REQUEST.is_match(m.src)
            && self.reaching("request", n.start_byte()).0.is_empty()
        {
            return Flow::source(
                format!("request (through `{}`)", short_callee(callee)),
                false,
            );
        }
        // `A(x)`, `new A(x)` of a class declared here: what its constructor stores.
        if let Some(f) = self.constructed_flow(n, san, depth) {
            return f;
        }
        if let Some(f) = self.local_call(call, san, depth, None) {
            return f;
        }
        if let Some(item) = self.element_get(call) {
            return self.flow_at(item, san, depth + 1);
        }
        if let Some(item) = self.container_get(call) {
            return self.flow_at(item, san, depth + 1);
        }
        if let Some(item) = self.popped(call) {
            return self.flow_at(item, san, depth + 1);
        }
        // `m.get(k)`, `m.values()` of a local map holding only constants; `m.keys()` of one
        // whose keys are all constants.
        if let Some(r) = call.receiver.filter(|r| is_identifier_kind(r.kind())) {
            let method = callee.rsplit('.').next().unwrap_or("");
            let keys = method == "keys";
            let rest_const = call
                .args
                .iter()
                .skip(1)
                .all(|a| self.flow_at(a.node, san, depth + 1).origin == Origin::Const);
            if (keys || matches!(method, "get" | "values") && rest_const)
                && self.map_all_const(&normalize_name(m.text(r)), n.start_byte(), keys, san, depth)
            {
                return Flow::konst();
            }
        }
        let mut f = Flow::konst();
        if BUILDER.is_match(callee) {
            f.built = true;
        }
        // The receiver of a method call: `name.strip()`, `"...".format(x)`.
        // Java's `p.trim()`, Ruby's `s.strip`, PHP's `$s->trim()` name their receiver
        // directly; elsewhere it is the object of the member expression being called.
        let receiver = match n.child_by_field_name("function") {
            Some(cn) if is_member_kind(cn.kind()) => cn
                .child_by_field_name("object")
                .or_else(|| cn.child_by_field_name("operand"))
                .or_else(|| cn.child_by_field_name("expression"))
                .or_else(|| cn.named_child(0)),
            Some(_) => None,
            None => n
                .child_by_field_name("object")
                .or_else(|| n.child_by_field_name("receiver")),
        };
        // `base64.b64decode(x)`: the module a function is called through is not data.
        let module = receiver.is_some_and(|r| {
            m.lang == crate::Language::Python
                && matches!(
                    m.text(r),
                    "base64"
                        | "binascii"
                        | "codecs"
                        | "urllib.parse"
                        | "parse"
                        | "html"
                        | "markupsafe"
                        | "array"
                        | "json"
                        | "copy"
                        | "itertools"
                        | "functools"
                        | "collections"
                        | "string"
                        | "math"
                )
        });
        if let Some(r) = receiver.filter(|_| !module) {
            if r.id() != n.id() {
                f.join(self.flow_at(r, san, depth + 1));
            }
        }
        let numeric = numeric_format_args(m, call);
        // `strcpy(dst, src)`, `snprintf(dst, n, fmt, ...)`: what the call builds comes from
        // the other arguments; the destination's old contents are overwritten (appends
        // such as `strcat` keep them through their augmented assignment).
        let writes_first = matches!(m.lang, crate::Language::C | crate::Language::Cpp)
            && crate::syntax::c_writes_first_arg(&call.callee);
        for (i, a) in call.args.iter().enumerate() {
            if numeric.contains(&i) || (i == 0 && writes_first) {
                continue;
            }
            // `format!("..", escape(&x))`: the sanitizer's own arguments.
            if i > 0 && sanitized_tokens(m, Some(call.args[i - 1].node), a.node, san) {
                continue;
            }
            f.join(self.flow_at(a.node, san, depth + 1));
        }
        // A call to something we know nothing about, with nothing tainted going in: we
        // cannot say it is constant, but we have no reason to think it is tainted either.
        // Encodings and string methods of constants are constants (`base64.b64decode("..")`,
        // `"abc".encode()`).
        if f.origin == Origin::Const && !f.built && m.lang == crate::Language::Python {
            let method = callee.rsplit('.').next().unwrap_or(callee);
            if PURE_PY.contains(&method) {
                return f;
            }
        }
        if f.origin == Origin::Const && !f.built {
            f.origin = Origin::Unknown;
        }
        f
    }

    /// A call to a function defined in this file (`helper(x)`, `self.build(x)`,
    /// `new Test().doSomething(req, param)`): the flow of what it returns, its parameters
    /// bound to what this call passes. `None` when the callee is not defined here, is
    /// ambiguous, returns nothing we can see, or is already being followed (recursion).
    fn local_call(
        &self,
        call: &crate::syntax::Call<'t>,
        san: Option<&Regex>,
        depth: usize,
        pos: Option<usize>,
    ) -> Option<Flow> {
        let m = self.m;
        let callee = normalize_name(&call.callee);
        let (receiver, name) = match callee.rsplit_once(['.', ':']) {
            Some((r, name)) => (Some(r.trim_end_matches(':')), name),
            None => (None, callee.as_str()),
        };
        if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        // Only receivers that denote this file's own code: none, `self`/`this`, a fresh
        // instance (`Test()`), or a type name (`Helper.build`).
        let own = receiver.is_none_or(|r| {
            matches!(
                r,
                "self" | "this" | "cls" | "static" | "self.class" | "Self"
            ) || r.ends_with("()")
                || r.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && r.chars().all(|c| c.is_alphanumeric() || c == '_')
        });
        let mut made_by: Option<Node<'t>> = None;
        let fi = if own {
            let nargs = call.args.len();
            let candidates: Vec<usize> = m
                .functions
                .iter()
                .enumerate()
                .filter(|(_, f)| f.name == name)
                .map(|(i, _)| i)
                .collect();
            match candidates.as_slice() {
                [] => return None,
                [one] => *one,
                many => {
                    let fit: Vec<usize> = many
                        .iter()
                        .copied()
                        .filter(|&i| {
                            let p = &m.functions[i].params;
                            p.len() == nargs || p.len() == nargs + 1
                        })
                        .collect();
                    match fit.as_slice() {
                        [one] => *one,
                        _ => return None,
                    }
                }
            }
        } else {
            // `sub = Sub2(); sub.call()`: the method of the class that was actually built.
            let (fi, made) = self.receiver_method(call, name)?;
            made_by = Some(made);
            fi
        };
        if self.bound.borrow().iter().any(|(b, _)| *b == fi) || depth > 16 {
            return None;
        }
        let returns: Vec<Node<'t>> = m
            .returns
            .iter()
            .filter(|(_, f)| *f == Some(fi))
            .map(|(r, _)| match pos {
                // `a, b := f()`: the item at that position of each `return x, y`.
                Some(k) if matches!(r.kind(), "expression_list" | "tuple") => {
                    r.named_child(k as u32).unwrap_or(*r)
                }
                _ => *r,
            })
            .collect();
        if returns.is_empty() {
            return None;
        }
        // Inside the method, `$this->field` is the field of the object it was called on.
        if let Some(made) = made_by {
            self.receivers
                .borrow_mut()
                .push((fi, made.start_byte(), made.end_byte()));
        }
        let f = self.with_call(fi, call, san, depth, || {
            let mut f = Flow::konst();
            for r in returns {
                if r.kind() == "return_statement" {
                    // Go's bare `return`: the named results as they are there.
                    let names = go_named_results(m, r)?;
                    let picked: Vec<&String> = match pos {
                        Some(k) => vec![names.get(k)?],
                        None => names.iter().collect(),
                    };
                    for name in picked {
                        f.join(self.variable(name, r.start_byte(), san, depth + 1));
                    }
                    continue;
                }
                f.join(self.flow_at(r, san, depth + 1));
            }
            Some(f)
        });
        if made_by.is_some() {
            self.receivers.borrow_mut().pop();
        }
        let mut f = f?;
        // The object's own state may come back too (`obj.getData()`).
        if !own {
            if let Some(r) = call.receiver {
                f.join(self.flow_at(r, san, depth + 1));
            }
        }
        Some(f)
    }

    /// For `obj.method(..)` where `obj` was last made by a constructor of a class declared in
    /// this file (and nothing changed it since): that class's method.
    fn receiver_method(
        &self,
        call: &crate::syntax::Call<'t>,
        name: &str,
    ) -> Option<(usize, Node<'t>)> {
        let m = self.m;
        let mut r = call.receiver?;
        while r.kind() == "parenthesized_expression" {
            r = r.named_child(0)?;
        }
        // `(new A())->run()`: the method of the class just built.
        if let Some((class, _)) = self.constructed(r) {
            return Some((self.method_of(&class, name)?, r));
        }
        if !is_identifier_kind(r.kind()) {
            return None;
        }
        let obj = normalize_name(m.text(r));
        let (defs, certain) = self.reaching(&obj, call.node.start_byte());
        let [d] = defs.as_slice() else {
            return None;
        };
        if !certain || m.assigns[*d].augmented {
            return None;
        }
        let made = crate::syntax::sole_item(m.assigns[*d].value);
        let (class, _) = self.constructed(made)?;
        Some((self.method_of(&class, name)?, made))
    }

    /// Whether a Python operand of `/` is a path: a string literal (text cannot be divided),
    /// a `Path(..)`-like constructor, a path joined with `/` already, or a variable last
    /// assigned one of those.
    fn path_operand(&self, n: Node<'t>, depth: usize) -> bool {
        let m = self.m;
        if depth > 4 {
            return false;
        }
        match n.kind() {
            "string" | "concatenated_string" => true,
            "call" => {
                let t = m.text(n);
                let callee = t.split('(').next().unwrap_or(t).trim();
                let last = callee.rsplit('.').next().unwrap_or(callee);
                matches!(
                    last,
                    "Path"
                        | "PurePath"
                        | "PosixPath"
                        | "WindowsPath"
                        | "PurePosixPath"
                        | "PureWindowsPath"
                        | "cwd"
                        | "home"
                        | "resolve"
                        | "absolute"
                        | "with_name"
                        | "with_suffix"
                        | "joinpath"
                        | "expanduser"
                ) && (last.starts_with(|c: char| c.is_uppercase()) || callee.contains('.'))
            }
            "binary_operator" => {
                n.child_by_field_name("operator")
                    .is_some_and(|o| m.text(o) == "/")
                    && n.child_by_field_name("left")
                        .is_some_and(|l| self.path_operand(l, depth + 1))
            }
            "parenthesized_expression" => n
                .named_child(0)
                .is_some_and(|c| self.path_operand(c, depth + 1)),
            "identifier" => {
                let name = crate::syntax::normalize_name(m.text(n));
                self.assignment_of(&name, n.start_byte())
                    .is_some_and(|i| self.path_operand(m.assigns[i].value, depth + 1))
            }
            _ => false,
        }
    }

    /// For a value that is parameter `name` of the function around `at`: the join of what
    /// this file's calls of that function pass for it. `None` when nothing in the file
    /// calls it, or a call passes it in a way we cannot line up.
    ///
    /// A caller that passes on a parameter of its own is a layer in between: its callers
    /// decide in turn (`sink(o)` called as `sink(b)` from `helper(a, b)`, called as
    /// `helper(x, "_")`: `o` is the constant). Above the first layer, calls from the
    /// program's start-up code (top-level statements, `main`) do not count: the literal a
    /// demo or harness passes to an entry function says nothing about what it serves.
    pub fn from_callers(&self, name: &str, at: usize, san: Option<&Regex>) -> Option<Flow> {
        self.callers_at(name, at, san, 0)
    }

    fn callers_at(&self, name: &str, at: usize, san: Option<&Regex>, level: usize) -> Option<Flow> {
        let m = self.m;
        let mut fun = m.function_at(at);
        let fi = loop {
            let i = fun?;
            if m.functions[i].params.iter().any(|p| p == name) {
                break i;
            }
            fun = m
                .function_at(m.functions[i].start.saturating_sub(1))
                .filter(|&o| o != i && m.functions[o].start < m.functions[i].start);
        };
        let func = &m.functions[fi];
        if func.name.is_empty() || m.functions.iter().filter(|f| f.name == func.name).count() > 1 {
            return None;
        }
        let key = (
            fi,
            name.to_string(),
            san.map_or(0, |r| r as *const Regex as usize),
            level > 0,
        );
        if let Some(f) = self.callers_memo.borrow().get(&key) {
            return f.clone();
        }
        // A cycle through the callers (recursion) decides nothing.
        self.callers_memo.borrow_mut().insert(key.clone(), None);
        let mut out: Option<Flow> = None;
        let mut dead = false;
        for call in &m.calls {
            let callee = normalize_name(&call.callee);
            if callee.rsplit(['.', ':']).next() != Some(func.name.as_str())
                || (call.node.start_byte() >= func.start && call.node.end_byte() <= func.end)
            {
                continue;
            }
            let caller = m.function_at(call.node.start_byte());
            if level > 0 && caller.is_none_or(|c| m.functions[c].name == "main") {
                continue;
            }
            // A call after a `return` or `raise` of its block never happens.
            if self.unreachable(call.node) {
                dead = true;
                continue;
            }
            let passed = params_passed(func, call)
                .into_iter()
                .find(|(p, _)| *p == name)
                .map(|(_, a)| a.node);
            // A parameter the call leaves out takes its default value.
            let default = || {
                m.defaults
                    .iter()
                    .find(|(f, p, _)| *f == fi && p == name)
                    .map(|(_, _, v)| *v)
            };
            let Some(arg) = passed.or_else(|| {
                call.args
                    .iter()
                    .all(|a| !is_spread(a.node))
                    .then(default)
                    .flatten()
            }) else {
                self.callers_memo.borrow_mut().insert(key, None);
                return None;
            };
            let mut f = self.flow(arg, san);
            if f.origin == Origin::Param && level < 4 {
                let param = f
                    .via
                    .as_deref()
                    .and_then(|v| v.strip_prefix("parameter `"))
                    .and_then(|v| v.strip_suffix('`'))
                    .map(str::to_string);
                if let Some(up) =
                    param.and_then(|p| self.callers_at(&p, arg.start_byte(), san, level + 1))
                {
                    if up.origin != Origin::Unknown {
                        let built = f.built;
                        f = up;
                        f.built |= built;
                    }
                }
            }
            match &mut out {
                Some(o) => o.join(f),
                None => out = Some(f),
            }
        }
        // Called only from code that never runs: nothing reaches the parameter.
        if out.is_none() && dead {
            out = Some(Flow::konst());
        }
        self.callers_memo.borrow_mut().insert(key, out.clone());
        out
    }

    /// The assignments to `name` that may reach `at`: the latest one that runs whenever
    /// `at` runs, and every conditional one after it (in a branch, a loop body, a catch
    /// clause). Assignments in branches that constant conditions rule out are skipped.
    /// The flag says whether an unconditional assignment was found.
    fn reaching(&self, name: &str, at: usize) -> (Vec<usize>, bool) {
        let m = self.m;
        // Locals shadow what enclosing functions assign (a closure's captured variables),
        // which shadows globals.
        let mut cands: Vec<usize> = Vec::new();
        let mut fun = m.function_at(at);
        while let Some(fi) = fun {
            cands = m
                .assigns
                .iter()
                .enumerate()
                .filter(|(_, a)| a.at <= at && a.target == name && a.func == Some(fi))
                .map(|(i, _)| i)
                .collect();
            let f = &m.functions[fi];
            // A parameter of this function hides the enclosing function's variable.
            if !cands.is_empty() || f.params.iter().any(|p| p == name) {
                break;
            }
            let start = f.start;
            fun = m
                .function_at(start.saturating_sub(1))
                .filter(|&o| o != fi && m.functions[o].start < start);
        }
        if cands.is_empty() {
            cands = m
                .assigns
                .iter()
                .enumerate()
                .filter(|(_, a)| a.at <= at && a.target == name && a.func.is_none())
                .map(|(i, _)| i)
                .collect();
        }
        cands.sort_by_key(|&i| m.assigns[i].at);
        let mut out = Vec::new();
        // `if (c) { x = a; } else { x = b; }`: once both branches of one `if` have stored,
        // what came before is overwritten on every path.
        let mut branches: Vec<(usize, u8)> = Vec::new();
        for &i in cands.iter().rev() {
            // An assignment after a `return`, `break` or `continue` of its block never runs.
            let cached = self.dead.borrow().get(&i).copied();
            let dead = cached.unwrap_or_else(|| {
                // Only a jump written before it in its function can cut it off.
                let v = m.assigns[i].value;
                let from = m.assigns[i].func.map_or(0, |f| m.functions[f].start);
                let before = m.masked.get(from..v.start_byte()).unwrap_or("");
                let d = ["return", "break", "continue", "raise", "throw"]
                    .iter()
                    .any(|j| before.contains(j))
                    && self.unreachable(v);
                self.dead.borrow_mut().insert(i, d);
                d
            });
            if dead {
                continue;
            }
            match self.reach(m.assigns[i].value, at) {
                fold::Reach::Never => {}
                fold::Reach::Maybe => {
                    out.push(i);
                    if let Some((id, side)) = if_else_side(m.assigns[i].value, at) {
                        let bit = 1u8 << u8::from(side);
                        match branches.iter_mut().find(|(b, _)| *b == id) {
                            Some((_, seen)) => *seen |= bit,
                            None => branches.push((id, bit)),
                        }
                        if branches.iter().any(|(b, seen)| *b == id && *seen == 3) {
                            return (out, true);
                        }
                    }
                }
                fold::Reach::Always => {
                    out.push(i);
                    return (out, true);
                }
            }
        }
        (out, false)
    }

    /// Whether `object` was last assigned `Class(..)` / `new Class(..)` of a class declared
    /// in this file, whose constructors set `field` only ever to literals.
    fn constructed_literal(&self, object: &str, field: &str, at: usize) -> bool {
        let m = self.m;
        let Some(a) = self.assignment_of(object, at) else {
            return false;
        };
        let v = crate::syntax::sole_item(m.assigns[a].value);
        let php_class = (v.kind() == "object_creation_expression")
            .then(|| self.constructed(v).map(|(c, _)| c))
            .flatten();
        let class = match v.kind() {
            "call" | "new_expression" => v
                .child_by_field_name("function")
                .or_else(|| v.child_by_field_name("constructor"))
                .map(|c| m.text(c)),
            _ => php_class.as_deref(),
        };
        let Some(class) = class.filter(|c| crate::syntax::is_ident(c)) else {
            return false;
        };
        let (on_self, on_this) = (format!("self.{field}"), format!("this.{field}"));
        let mut values = m
            .assigns
            .iter()
            .filter(|a| {
                (a.target == on_self || a.target == on_this)
                    && a.func
                        .is_some_and(|f| objects::is_ctor_name(&m.functions[f].name))
                    && in_class(m, a.value, class)
            })
            .peekable();
        values.peek().is_some() && values.all(|a| is_literal_kind(a.value.kind()))
    }

    /// The latest assignment to `name` before `at`, in the same function (or at the top
    /// level for globals).
    /// C#: `c.FileName` names an uploaded file only when `c` is one. An object this function
    /// got from somewhere else (`var c = commands.FirstOrDefault(..)`, `new ProcessStartInfo()`)
    /// carries a file name the code chose, not the client's.
    fn own_object_file_name(&self, head: &str, n: Node<'t>, depth: usize) -> bool {
        let m = self.m;
        if m.lang != crate::Language::CSharp {
            return false;
        }
        let Some((obj, rest)) = head.split_once('.') else {
            return false;
        };
        if !crate::syntax::is_ident(obj)
            || !rest.starts_with("FileName")
            || rest[8..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        {
            return false;
        }
        let Some(i) = self.assignment_of(obj, n.start_byte()) else {
            return false;
        };
        let a = &m.assigns[i];
        a.func.is_some()
            && a.func == m.function_at(n.start_byte())
            && self.flow_at(a.value, None, depth + 1).origin != Origin::Source
    }

    pub(crate) fn assignment_of(&self, name: &str, at: usize) -> Option<usize> {
        let m = self.m;
        let func = m.function_at(at);
        let mut best: Option<usize> = None;
        for (i, a) in m.assigns.iter().enumerate() {
            if a.at > at || a.target != name {
                continue;
            }
            let visible = a.func == func || a.func.is_none();
            if visible
                && best.is_none_or(|b| {
                    let bb = &m.assigns[b];
                    // Locals shadow globals; later beats earlier.
                    (bb.func.is_none() && a.func.is_some()) || (bb.func == a.func && a.at > bb.at)
                })
            {
                best = Some(i);
            }
        }
        best
    }

    fn variable(&self, raw: &str, at: usize, san: Option<&Regex>, depth: usize) -> Flow {
        self.variable_with(raw, at, san, depth, true)
    }

    /// `fields`: whether a freshly built object (`c := &Config{}`, `o = {}`, `new T()`) also
    /// holds what was stored in its fields afterwards (`c.Value = v`): true when the
    /// object is used whole (returned, passed on), false when one of its fields is read.
    fn variable_with(
        &self,
        raw: &str,
        at: usize,
        san: Option<&Regex>,
        depth: usize,
        fields: bool,
    ) -> Flow {
        let name = normalize_name(raw);
        let key = (
            name,
            at,
            san.map_or(0, |r| r as *const Regex as usize),
            self.scope.get(),
            fields,
        );
        if let Some(f) = self.memo.borrow().get(&key) {
            return f.clone();
        }
        let f = self.resolve(raw, &key.0, at, san, depth, fields);
        self.memo.borrow_mut().insert(key, f.clone());
        f
    }

    fn resolve(
        &self,
        raw: &str,
        name: &str,
        at: usize,
        san: Option<&Regex>,
        depth: usize,
        fields: bool,
    ) -> Flow {
        let m = self.m;
        // Go's error results (`f, h, err := r.FormFile(..)`): the library's message about the
        // call, not the request data the call returns next to it.
        if m.lang == crate::Language::Go && is_go_error_name(name) {
            return Flow::konst();
        }
        let name = name.to_string();
        let (defs, certain) = self.reaching(&name, at);
        // `#define COMMAND_ARG3 data`: the macro reads the variable where it is used.
        if defs.is_empty() {
            if let Some(body) = m.macro_name(&name).filter(|b| *b != name) {
                return self.variable_with(body, at, san, depth + 1, fields);
            }
        }
        if !defs.is_empty() {
            let fresh = fields
                && defs.iter().all(|&i| {
                    let v = m.assigns[i].value;
                    FRESH_OBJECT.is_match(m.text(v).trim())
                        || self.constructed(crate::syntax::sole_item(v)).is_some()
                });
            let first_def = defs.iter().map(|&i| m.assigns[i].at).min().unwrap_or(at);
            let mut out: Option<Flow> = None;
            for i in defs {
                let f = if self.active.borrow().contains(&i) {
                    Flow::unknown()
                } else {
                    self.active.borrow_mut().push(i);
                    let a = &m.assigns[i];
                    let mut f = self
                        .part_flow(a, san, depth)
                        .unwrap_or_else(|| self.flow_at(a.value, san, depth + 1));
                    if a.augmented {
                        f.built = true;
                        f.join(self.variable(
                            raw,
                            a.at.saturating_sub(1).min(a.value.start_byte()),
                            san,
                            depth + 1,
                        ));
                    }
                    self.active.borrow_mut().pop();
                    let line_start = m.src[..a.value.start_byte()]
                        .rfind('\n')
                        .map_or(0, |i| i + 1);
                    if f.origin > Origin::Const && self.guarded(&name, line_start, at) {
                        f.origin = Origin::Const;
                    }
                    f
                };
                match &mut out {
                    Some(o) => o.join(f),
                    None => out = Some(f),
                }
            }
            let mut out = out.unwrap_or_else(Flow::konst);
            if fresh && out.origin < Origin::Param {
                let prefix = format!("{name}.");
                let keyed = format!("{name}['");
                self.join_stores(&mut out, (first_def, at), san, depth, |t| {
                    normalize_name(t).starts_with(&prefix) || t.starts_with(&keyed)
                });
            }
            // `s = [a, b]; s[1] = v; use(s)`: the whole collection holds what was stored in
            // its slots.
            if fields && out.origin < Origin::Param {
                let slot = format!("{name}[");
                self.join_stores(&mut out, (first_def, at), san, depth, |t| {
                    t.starts_with(&slot)
                });
            }
            // Only conditional assignments reach here: what the name held before them (a
            // parameter) may reach it too.
            if !certain {
                let before = self.parameter(&name, at);
                if before.origin >= Origin::Param {
                    out.join(before);
                }
            }
            return out;
        }
        self.parameter(&name, at)
    }

    /// What a name that no assignment reaches holds: a parameter of the enclosing
    /// function (bound to a call's argument when followed from a call), a constant-named
    /// global, or something unknown.
    fn parameter(&self, name: &str, at: usize) -> Flow {
        let m = self.m;
        let name = name.to_string();
        // The object a method runs on is a handle, not data.
        if matches!(name.as_str(), "self" | "cls" | "this") {
            return Flow::unknown();
        }
        if let Some(fi) = m.function_at(at) {
            // Parameters of this function, or of an enclosing one (closures).
            let mut fun = Some(fi);
            while let Some(i) = fun {
                let f = &m.functions[i];
                if let Some(flow) = self.bound.borrow().iter().rev().find_map(|(bf, binds)| {
                    (*bf == i)
                        .then(|| binds.iter().find(|(p, _)| *p == name))
                        .flatten()
                        .map(|(_, fl)| fl.clone())
                }) {
                    return flow;
                }
                if f.numeric_params.contains(&name) {
                    return Flow::konst();
                }
                if f.request_params.contains(&name) && !self.guarded(&name, f.start, at) {
                    return Flow::source(format!("request parameter `{name}`"), false);
                }
                if f.params.contains(&name) {
                    if self.guarded(&name, f.start, at) {
                        return Flow::konst();
                    }
                    return Flow {
                        origin: Origin::Param,
                        built: false,
                        via: Some(format!("parameter `{name}`")),
                        local: false,
                    };
                }
                fun = m
                    .function_at(f.start.saturating_sub(1))
                    .filter(|&o| o != i && m.functions[o].start < f.start);
            }
        }
        if name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            && name.len() > 1
        {
            return Flow::konst();
        }
        // A name nothing in the file assigns, that says it holds what a user typed
        // (`$user_input`, `untrustedData`): snippets use such names for input from
        // elsewhere. Its callers decide, like a parameter's.
        static USERISH: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^(?:user_?input|user_?data|untrusted\w*|tainted\w*|user_?supplied\w*|user_?provided\w*|attacker\w*|unsafe_?input|raw_?input)$")
                .expect("user-input name regex")
        });
        if m.lang == crate::Language::Ruby {
            if let Some(f) = self.bare_ruby_call(&name, at) {
                return f;
            }
        }
        if USERISH.is_match(&name) && !m.assigns.iter().any(|a| a.target == name) {
            return Flow {
                origin: Origin::Param,
                built: false,
                via: Some(format!("`{name}`")),
                local: false,
            };
        }
        Flow::unknown()
    }

    /// Ruby calls a method that takes no arguments without parentheses: a name no assignment
    /// reaches that is such a method of this file (`permitted_params[:id]` with `def
    /// permitted_params; params.require(:p).permit(:id); end`) holds what the method
    /// returns: its `return` values and its last expression.
    fn bare_ruby_call(&self, name: &str, at: usize) -> Option<Flow> {
        thread_local! {
            static DEPTH: Cell<usize> = const { Cell::new(0) };
        }
        let m = self.m;
        let here = m.function_at(at);
        let mut same = m
            .functions
            .iter()
            .enumerate()
            .filter(|(i, f)| f.name == name && f.params.is_empty() && Some(*i) != here);
        let (fi, f) = same.next()?;
        if same.next().is_some() || DEPTH.with(Cell::get) > 2 {
            return None;
        }
        let mut root = m.calls.first()?.node;
        while let Some(p) = root.parent() {
            root = p;
        }
        let mut method = root.descendant_for_byte_range(f.start, f.start)?;
        while !matches!(method.kind(), "method" | "singleton_method") {
            method = method.parent()?;
        }
        let mut last =
            method.named_child(u32::try_from(method.named_child_count().checked_sub(1)?).ok()?)?;
        if last.kind() == "body_statement" {
            last =
                last.named_child(u32::try_from(last.named_child_count().checked_sub(1)?).ok()?)?;
        }
        if matches!(last.kind(), "identifier" | "method_parameters") && m.text(last) == name {
            return None;
        }
        DEPTH.with(|d| d.set(d.get() + 1));
        let mut flow = self.flow_at(last, None, 16);
        for (r, _) in m.returns.iter().filter(|(_, rf)| *rf == Some(fi)) {
            flow.join(self.flow_at(*r, None, 16));
        }
        DEPTH.with(|d| d.set(d.get() - 1));
        Some(flow)
    }

    /// The flow of the stream a `readLine()`-style call reads, when that stream comes from
    /// a request, a socket or a URL connection (`new BufferedReader(new
    /// InputStreamReader(socket.getInputStream()))`).
    fn remote_reader(&self, n: Node<'t>, depth: usize) -> Option<Flow> {
        let m = self.m;
        let call = m.calls.iter().find(|c| c.node.id() == n.id())?;
        let method = call.callee.rsplit('.').next()?;
        if !matches!(method, "readLine" | "nextLine" | "read" | "readAllBytes") {
            return None;
        }
        let r = call.receiver?;
        let f = self.flow_at(r, None, depth + 1);
        (f.origin == Origin::Source && !f.local).then_some(f)
    }

    /// Values read back from storage the program does not own: a JDBC `ResultSet` column
    /// (`rs.getString(1)` on `rs = stmt.executeQuery(..)`, .NET `reader.GetString(1)` on
    /// `reader = cmd.ExecuteReader()`) holds what other users wrote
    /// (stored XSS, second-order injection); a `java.util.Properties` entry
    /// (`props.getProperty(k)` on `props = new Properties()`) is configuration, local like
    /// the environment.
    fn stored_source(&self, call: &crate::syntax::Call<'t>) -> Option<Flow> {
        static RESULT_GET: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:getString|getNString|getObject|getCharacterStream|getNCharacterStream|getClob|getAsciiStream|GetString|GetValue|GetFieldValue|GetSqlString|GetTextReader|GetChars)$")
                .expect("result getter regex")
        });
        static RESULT_SET: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?:\.|^)(?:executeQuery|getResultSet|ExecuteReader|ExecuteReaderAsync)\s*\(",
            )
            .expect("result set regex")
        });
        static PROPERTIES: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^new\s+(?:java\.util\.)?Properties\s*\(").expect("properties regex")
        });
        static CONNECTION: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(?:new\s+(?:System\.Net\.Sockets\.)?TcpClient\s*\(|[\w.]*\.AcceptTcpClient(?:Async)?\s*\()")
                .expect("connection regex")
        });
        static WEB_CLIENT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^new\s+(?:System\.Net\.)?WebClient\s*\(").expect("web client regex")
        });
        let m = self.m;
        let (_, method) = call.callee.rsplit_once('.')?;
        let is_result = RESULT_GET.is_match(method);
        let web_read = matches!(
            method,
            "OpenRead"
                | "DownloadString"
                | "DownloadData"
                | "OpenReadTaskAsync"
                | "DownloadStringTaskAsync"
                | "DownloadDataTaskAsync"
        );
        if !is_result && !web_read && method != "getProperty" && method != "GetStream" {
            return None;
        }
        let r = call.receiver?;
        if !is_identifier_kind(r.kind()) {
            return None;
        }
        let name = normalize_name(m.text(r));
        let i = self.assignment_of(&name, call.node.start_byte())?;
        let value = m.text(m.assigns[i].value).trim_start();
        if is_result && RESULT_SET.is_match(value) {
            return Some(Flow::source(format!("{name}.{method}() (database)"), false));
        }
        // .NET: the stream of a TCP connection (`tcp.GetStream()` on `new TcpClient(..)` or
        // `listener.AcceptTcpClient()`) is another machine's data.
        if method == "GetStream" && CONNECTION.is_match(value) {
            return Some(Flow::source(format!("{name}.GetStream() (network)"), false));
        }
        // .NET: what a `WebClient` downloads is another machine's data, like a TCP stream.
        if web_read && WEB_CLIENT.is_match(value) {
            return Some(Flow::source(format!("{name}.{method}() (network)"), false));
        }
        if method == "getProperty" && PROPERTIES.is_match(value) {
            return Some(Flow::source(
                format!("{name}.getProperty() (configuration)"),
                true,
            ));
        }
        None
    }

    /// Joins into `out` the tainted values stored, in the function holding `to`, after
    /// `from` and up to `to`, by assignments whose target `target` accepts (`obj.field = v`,
    /// `s[1] = v`); an assignment already being followed is skipped.
    fn join_stores(
        &self,
        out: &mut Flow,
        (from, to): (usize, usize),
        san: Option<&Regex>,
        depth: usize,
        target: impl Fn(&str) -> bool,
    ) {
        let m = self.m;
        let func = m.function_at(to);
        let stored: Vec<usize> = m
            .assigns
            .iter()
            .enumerate()
            .filter(|(_, a)| a.func == func && a.at > from && a.at <= to && target(&a.target))
            .map(|(i, _)| i)
            .collect();
        for i in stored {
            if self.active.borrow().contains(&i) {
                continue;
            }
            self.active.borrow_mut().push(i);
            let f = self.flow_at(m.assigns[i].value, san, depth + 1);
            self.active.borrow_mut().pop();
            if f.origin >= Origin::Param {
                out.join(f);
            }
        }
    }

    /// An allowlist or validation check on `name` between `from` and `to` that makes the
    /// value safe whatever it held: `if name not in ALLOWED: abort()`, `re.fullmatch(...)`.
    pub(crate) fn guarded(&self, name: &str, from: usize, to: usize) -> bool {
        static GUARD: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?x)(?:\bin\s+\(?[A-Z][A-Z0-9_]{2,}|\bin\s+(?:allowed|valid|permitted|whitelist|allowlist)\w*
                |(?:ALLOWED|VALID|WHITELIST|ALLOWLIST|PERMITTED)\w*\s*(?:\.|->)\s*(?:includes|contains|containsKey|has|Contains|ContainsKey|include\?|key\?|member\?)
                |(?:allowed|valid|permitted|whitelist|allowlist)\w*\s*(?:\.|->)\s*(?:includes|contains|containsKey|has|Contains|ContainsKey|include\?)
                |(?:\.|->)\s*(?:has|includes|contains|containsKey|include\?|key\?|member\?|Contains|ContainsKey|ContainsValue)\s*\(
                |startswith\s*\(|startsWith\s*\(|commonpath\s*\(|commonprefix\s*\(|start_with\?|HasPrefix\s*\(|\bIsLocal\s*\(|StartsWith\s*\(|starts_with\s*\(|is_relative_to\s*\(|within_directory
                |\.issubset\s*\(|\.issuperset\s*\(
                |\bstrpos\s*\((?:[^()]|\([^()]*\))*\)\s*[!=]==?\s*0\b|\bstr_starts_with\s*\(
                |\bis_(?:int|integer|long|float|double|real|bool)\s*\(|\bgettype\s*\([^)]*\)\s*[!=]==?\s*[\x22\x27](?:boolean|integer|double)[\x22\x27]|\bsettype\s*\([^,]+,\s*[\x22\x27](?:int|integer|float|double|bool|boolean)[\x22\x27]
                |=~\s*[\x22\x27]?\^|in_array\s*\(|fullmatch\s*\(|\bmatches\s*\(|preg_match\s*\(|\.test\s*\(|isdigit\s*\(|isalnum\s*\(|isnumeric\s*\(|is_numeric\s*\(|ctype_\w+\s*\(|MatchString\s*\(|IsMatch\s*\()",
            )
            .expect("guard regex")
        });
        let m = self.m;
        if from >= to || to > m.masked.len() {
            return false;
        }
        // Checks sit close to their use; a bounded look-back keeps long functions linear.
        let mut from = from.max(to.saturating_sub(4000));
        while !m.masked.is_char_boundary(from) {
            from += 1;
        }
        let region = &m.masked[from..to];
        // The line the region starts in: an assignment whose value normalizes the path
        // (`p = base.resolve(name).normalize()`) takes effect at its end.
        let line_start = m.masked[..from].rfind('\n').map_or(0, |i| i + 1);
        let bare = name.rsplit('.').next().unwrap_or(name);
        let lines: Vec<&str> = region.lines().collect();
        let indent = |l: &str| l.len() - l.trim_start().len();
        for (i, line) in lines.iter().enumerate() {
            let l = line.trim_start();
            if switched_on(l, bare) && in_literal_branch(&lines[i + 1..], indent(line)) {
                return true;
            }
            // Every element checked against an allowlist, the first one outside it refused:
            // `for (const c of expr) { if (!ALLOWED.has(c)) return ''; }`, `for c in expr:
            // if c not in allowed: raise ...`.
            if let Some(var) = loop_over(l, bare) {
                let depth = indent(line);
                let body: Vec<&str> = lines[i + 1..]
                    .iter()
                    .copied()
                    .filter(|x| !x.trim().is_empty())
                    .take_while(|x| indent(x) > depth)
                    .collect();
                let refused = body.iter().enumerate().any(|(j, x)| {
                    let t = x.trim_start();
                    t.starts_with("if")
                        && contains_word(t, var)
                        && GUARD.is_match(t)
                        && body[j..]
                            .iter()
                            .take(3)
                            .any(|y| EXITS.is_match(y.trim_start()))
                });
                if refused {
                    return true;
                }
            }
            let is_check = l.starts_with("if")
                || l.starts_with("unless")
                || l.starts_with("raise")
                || l.contains("assert")
                || l.starts_with("guard")
                || l.contains(" if ")
                || l.contains(" unless ");
            if !is_check || !contains_word(l, bare) {
                continue;
            }
            // A check whose block does nothing (`if p.startswith(BASE): pass`) guards
            // nothing.
            let empty = {
                let l = l.trim_end();
                let next = lines[i + 1..]
                    .iter()
                    .map(|x| x.trim())
                    .find(|x| !x.is_empty());
                ["{}", "{ }", ": pass"].iter().any(|e| l.ends_with(e))
                    || (l.ends_with(':') && next == Some("pass"))
            };
            let checked = without_format_prefix(l);
            // What ran before the check: a normalization after it does not make it hold.
            let before =
                &m.masked[line_start..(line.as_ptr() as usize - m.masked.as_ptr() as usize)];
            if !empty
                && GUARD.is_match(&checked)
                && !raw_prefix_check(&checked, bare, before, &GUARD)
            {
                return true;
            }
            // Equal to a non-empty constant, or one word of a literal list: only the code
            // inside the check's block (indented deeper, up to the use) sees the narrowed value.
            if l.starts_with("if") && compared_to_constant(l, bare) {
                let depth = indent(line);
                // A brace on a line of its own (C#, Allman style) opens the block.
                let inside = lines[i + 1..]
                    .iter()
                    .filter(|x| !x.trim().is_empty() && x.trim() != "{")
                    .all(|x| indent(x) > depth);
                if inside {
                    return true;
                }
            }
        }
        false
    }
}

/// Leaves the function or the check: what a refusing branch does.
static EXITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s{:;)])(?:return|raise|throw|abort|exit|panic)\b").expect("exit regex")
});

/// `for (const c of name)`, `for c in name:`, `for _, c := range name {`: the loop variable
/// that walks the elements (characters) of `name` itself.
fn loop_over<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    static LOOP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^for\s*\(?\s*(?:(?:let|const|var|auto|char|const\s+char|auto\s*&|const\s+auto\s*&)\s+)?(?:_\s*,\s*)?([A-Za-z_]\w*)\s*(?:\bof\b|\bin\b|:=\s*range\b|:)\s*([\w.]+)\s*\)?\s*[:{]?\s*$",
        )
        .expect("loop regex")
    });
    let c = LOOP.captures(line.trim_end())?;
    let var = c.get(1)?.as_str();
    (c.get(2)?.as_str() == name).then_some(var)
}

/// `case name` (Ruby), `switch (name) {`, `switch name {` (Go): a branch on the variable itself.
fn switched_on(line: &str, name: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("case")
        .or_else(|| line.strip_prefix("switch"))
    else {
        return false;
    };
    let inner = rest
        .trim()
        .trim_end_matches('{')
        .trim_end()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    rest.starts_with([' ', '(']) && inner == name
}

/// Whether the code after a `case`/`switch` line (whose indentation is `depth`), up to the
/// use that ends `after`, is still inside that statement and in a branch taken only for
/// literal strings (`when "asc"`, `case "a", "b":`): there the value is one of them.
fn in_literal_branch(after: &[&str], depth: usize) -> bool {
    static LITERAL_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^(?:when|case)\s+(?:"[^"\n]+"|'[^'\n]+')(?:\s*,\s*(?:"[^"\n]+"|'[^'\n]+'))*\s*(?:then\b|:|$)"#)
            .expect("case label regex")
    });
    let mut label: Option<&str> = None;
    for x in after {
        let t = x.trim();
        if t.is_empty() || t == "{" {
            continue;
        }
        if ["when ", "case ", "else", "default"]
            .iter()
            .any(|p| t.starts_with(p))
        {
            label = Some(t);
            continue;
        }
        if x.len() - x.trim_start().len() <= depth {
            // `end` or `}` of the statement, or code after it.
            return false;
        }
    }
    label.is_some_and(|l| LITERAL_LABEL.is_match(l))
}

/// `line` without prefix tests against a literal that names no place (`token.startsWith("id=")`,
/// `line.startsWith("#")`): they check a format, not that a path or URL stays inside a
/// base (`path.startsWith(BASE)`, `url.startsWith("https://app/")`).
/// A check that only tests a path's prefix (`if p.startswith("/srv/files/")`,
/// `strings.HasPrefix(p, baseDir)`) on a value never normalized between its assignment and
/// its use: `/srv/files/../../etc/passwd` passes it. The prefix test keeps a path inside its
/// base only once `..` is resolved (normpath, realpath, abspath, `resolve`, `normalize`,
/// `filepath.Clean`, a canonical path) or when the same check also refuses `..`.
fn raw_prefix_check(line: &str, name: &str, before: &str, guard: &Regex) -> bool {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"(?i)(?:\b([\w$]+)\s*\.\s*(?:starts?_?with\??|StartsWith)\s*\(\s*|\bHasPrefix\s*\(\s*([\w$]+)\s*,\s*)("[^"\n]*"|'[^'\n]*'|[\w$.]+)"#,
        )
        .expect("prefix regex")
    });
    static PREFIX_ONLY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:starts_?with\s*\(|start_with\?|HasPrefix\s*\()$")
            .expect("prefix-only regex")
    });
    static NORMALIZED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)normpath|realpath|abspath|absolute_?path|\bresolve\s*\(|normaliz|\bClean\s*\(|canonical|toRealPath|expand_path|EvalSymlinks|GetFullPath|\bIsLocal\b|\bsafe_join\b")
            .expect("normalized regex")
    });
    if line.contains("..") || NORMALIZED.is_match(before) {
        return false;
    }
    // Every guard on the line is a prefix test.
    if !guard
        .find_iter(line)
        .all(|g| PREFIX_ONLY.is_match(g.as_str().trim()))
    {
        return false;
    }
    PREFIX.captures_iter(line).any(|c| {
        let subject = c.get(1).or_else(|| c.get(2)).map_or("", |x| x.as_str());
        let prefix = c.get(3).map_or("", |x| x.as_str());
        let path_like = if prefix.starts_with(['"', '\'']) {
            (prefix.contains('/') || prefix.contains('\\')) && !prefix.contains("://")
        } else {
            let p = prefix.to_ascii_lowercase();
            ["dir", "path", "root", "base", "folder", "home"]
                .iter()
                .any(|w| p.contains(w))
                && !p.contains("url")
        };
        subject == name && path_like
    })
}

fn without_format_prefix(line: &str) -> std::borrow::Cow<'_, str> {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)(?:\.|\b)(?:starts_?with\??|HasPrefix)\s*\(\s*(?:\w+\s*,\s*)?(?:"[^"/\\:.]*"|'[^'/\\:.]*')\s*\)"#)
            .expect("format prefix regex")
    });
    // A value that does not *start* with `../` can still climb out (`a/../../etc`): a negated
    // prefix test against `..` lets the value through, it does not confine it.
    static NOT_DOTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)(?:!\s*|\bnot\s+)(?:[\w$.]+\s*\.\s*(?:starts_?with\??)\s*\(\s*|strings\.HasPrefix\s*\(\s*[\w.]+\s*,\s*)(?:"\.\.[/\\]{0,2}"|'\.\.[/\\]{0,2}')\s*\)"#)
            .expect("negated dots regex")
    });
    match PREFIX.replace_all(line, "") {
        std::borrow::Cow::Borrowed(l) => NOT_DOTS.replace_all(l, ""),
        std::borrow::Cow::Owned(l) => {
            std::borrow::Cow::Owned(NOT_DOTS.replace_all(&l, "").into_owned())
        }
    }
}

/// Which parameter of `func` each argument of `call` fills: keywords by name, the others
/// in order, `self`/`cls`/`this` filled by the receiver when the call passes one argument
/// fewer than the function declares.
/// An argument that unpacks a collection into several (`*args`, `**kw`, `...rest`): what
/// it fills cannot be lined up with the parameters.
fn is_spread(n: Node<'_>) -> bool {
    let k = n.kind();
    k.contains("splat") || k.contains("spread") || k == "variadic_argument"
}

/// The names of a Go function's named results (`(ret string, err error)`), for the bare
/// `return` statement `r` inside it.
fn go_named_results(m: &Model<'_>, r: Node<'_>) -> Option<Vec<String>> {
    let mut p = r.parent();
    while let Some(x) = p {
        if matches!(
            x.kind(),
            "function_declaration" | "method_declaration" | "func_literal"
        ) {
            let result = x.child_by_field_name("result")?;
            if result.kind() != "parameter_list" {
                return None;
            }
            let mut names = Vec::new();
            let mut c = result.walk();
            for d in result.named_children(&mut c) {
                let mut dc = d.walk();
                for n in d.named_children(&mut dc) {
                    if n.kind() == "identifier" {
                        names.push(m.text(n).to_string());
                    }
                }
            }
            return (!names.is_empty()).then_some(names);
        }
        p = x.parent();
    }
    None
}

fn params_passed<'f, 'c, 't>(
    func: &'f crate::syntax::Function,
    call: &'c crate::syntax::Call<'t>,
) -> Vec<(&'f str, &'c crate::syntax::Arg<'t>)> {
    let skip = usize::from(
        func.params.len() == call.args.len() + 1
            && func
                .params
                .first()
                .is_some_and(|p| matches!(p.as_str(), "self" | "cls" | "this")),
    );
    let mut out = Vec::new();
    let mut positional = skip;
    for a in &call.args {
        match &a.name {
            Some(kw) => {
                if let Some(p) = func.params.iter().find(|p| *p == kw) {
                    out.push((p.as_str(), a));
                }
            }
            None => {
                if let Some(p) = func.params.get(positional) {
                    out.push((p.as_str(), a));
                }
                positional += 1;
            }
        }
    }
    out
}

/// A PHP filter call (`filter_input`, `filter_var`, `filter_input_array`) whose every
/// `FILTER_*` constant admits only numbers or booleans.
fn php_numeric_filter(text: &str) -> bool {
    static FILTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bFILTER_[A-Z_]+\b").expect("php filter regex"));
    let mut any = false;
    for f in FILTER.find_iter(text) {
        if !matches!(
            f.as_str(),
            "FILTER_VALIDATE_INT"
                | "FILTER_VALIDATE_FLOAT"
                | "FILTER_VALIDATE_BOOLEAN"
                | "FILTER_VALIDATE_BOOL"
                | "FILTER_SANITIZE_NUMBER_INT"
                | "FILTER_SANITIZE_NUMBER_FLOAT"
                | "FILTER_FLAG_ALLOW_FRACTION"
                | "FILTER_FLAG_ALLOW_THOUSAND"
                | "FILTER_NULL_ON_FAILURE"
        ) {
            return false;
        }
        any = true;
    }
    any
}

/// The arguments of a Go `fmt.Sprintf`-style call that its literal format prints with a
/// numeric or boolean verb (`%d`, `%x`, `%t`): the text they add is digits, whatever they
/// held. Empty when the format is not a literal or uses explicit argument indexes.
fn numeric_format_args(m: &crate::syntax::Model<'_>, call: &crate::syntax::Call<'_>) -> Vec<usize> {
    let fmt_at = match (m.lang, call.callee.as_str()) {
        (crate::Language::Go, "fmt.Sprintf" | "fmt.Errorf" | "fmt.Printf") => 0,
        (crate::Language::Go, "fmt.Fprintf") => 1,
        // PHP's `sprintf("... id=%d", $x)`: `%d`, `%u`, `%f` print digits.
        (crate::Language::Php, "sprintf" | "printf") => 0,
        (crate::Language::Php, "fprintf") => 1,
        _ => return Vec::new(),
    };
    let Some(format) = call.args.get(fmt_at) else {
        return Vec::new();
    };
    // A PHP argument node wraps its expression.
    let node = if m.lang == crate::Language::Php && format.node.kind() == "argument" {
        format.node.named_child(0).unwrap_or(format.node)
    } else {
        format.node
    };
    let text = m.text(node);
    if !(text.starts_with('"')
        || text.starts_with('`')
        || m.lang == crate::Language::Php && text.starts_with('\''))
        || text.len() < 2
        || m.lang == crate::Language::Php && text.contains('$')
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut arg = fmt_at + 1;
    let mut chars = text[1..text.len() - 1].chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        // Flags, width and precision, then the verb.
        let mut verb = None;
        while let Some(&d) = chars.peek() {
            chars.next();
            if d == '[' || d == '*' {
                return Vec::new();
            }
            if d.is_ascii_alphabetic() || d == '%' {
                verb = Some(d);
                break;
            }
        }
        match verb {
            Some('%') | None => {}
            Some(v) => {
                let numeric = if m.lang == crate::Language::Php {
                    "dbouxXeEfFgGc"
                } else {
                    "dboOxXeEfFgGtcU"
                };
                if numeric.contains(v) {
                    out.push(arg);
                }
                arg += 1;
            }
        }
    }
    out
}

/// An object built empty or from a literal: `&Config{}`, `Config{Name: "x"}`, `{}`, `new T()`,
/// `T()`, `dict()`.
static FRESH_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?:&\s*)?[A-Za-z_][\w.]*\s*\{[^{}]*\}$|^\{\s*\}$|^(?:new\s+)?[A-Za-z_][\w.]*\s*\(\s*\)$"#)
        .expect("fresh object regex")
});

fn contains_word(hay: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    hay.match_indices(word).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

pub fn is_literal_kind(kind: &str) -> bool {
    kind.contains("string")
        || kind.contains("literal")
            && !kind.contains("lambda")
            && !kind.contains("object")
            && !kind.contains("array")
        || matches!(
            kind,
            "integer"
                | "float"
                | "number"
                | "true"
                | "false"
                | "none"
                | "null"
                | "nil"
                | "boolean"
                | "heredoc_body"
                | "simple_symbol"
                | "symbol"
                | "hash_key_symbol"
                | "char"
                | "rune_literal"
                | "raw_string"
                | "template_string"
                | "word"
                | "number_literal"
        )
}

fn is_string_part(kind: &str) -> bool {
    matches!(
        kind,
        "string_content"
            | "string_fragment"
            | "escape_sequence"
            | "string_start"
            | "string_end"
            | "string_value"
            | "interpolated_string_text"
            | "interpolated_verbatim_string_text"
            | "heredoc_start"
            | "heredoc_end"
            | "raw_string_content"
            | "character"
            | "multiline_string_literal"
            | "string_literal_content"
            | "literal_content"
            | "heredoc_content"
            | "text"
            | "regex_pattern"
            | "regex_flags"
            | "nowdoc_string"
    )
}

pub fn is_identifier_kind(kind: &str) -> bool {
    matches!(
        kind,
        "identifier"
            | "variable_name"
            | "simple_identifier"
            | "name"
            | "shorthand_property_identifier"
            | "instance_variable"
            | "simple_expansion"
            | "field_identifier"
            | "constant"
    )
}

pub fn is_member_kind(kind: &str) -> bool {
    matches!(
        kind,
        "attribute"
            | "member_expression"
            | "field_access"
            | "selector_expression"
            | "navigation_expression"
            | "member_access_expression"
            | "field_expression"
            | "subscript_expression"
            | "element_reference"
            | "index_expression"
            | "subscript"
            | "element_access_expression"
            | "scoped_identifier"
            | "expansion"
            | "qualified_identifier"
            | "scoped_property_access_expression"
    )
}

fn is_call_kind(kind: &str) -> bool {
    matches!(
        kind,
        "call"
            | "call_expression"
            | "new_expression"
            | "method_invocation"
            | "object_creation_expression"
            | "function_call_expression"
            | "member_call_expression"
            | "scoped_call_expression"
            | "nullsafe_member_call_expression"
            | "invocation_expression"
            | "macro_invocation"
            | "command"
    )
}
