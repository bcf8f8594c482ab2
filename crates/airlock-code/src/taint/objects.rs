//! Objects built in this file: what one field of an object holds when the code says how the
//! object was made (a constructor of a class declared here, a Go struct literal, a JavaScript
//! object literal) and which stores to the field came after, through chains of fields
//! (`a.b.c.sani`).

use regex::Regex;
use tree_sitter::Node;

use super::{is_identifier_kind, params_passed, Flow, Taint};
use crate::syntax::normalize_name;

/// Member reads with a named field.
const FIELD_KINDS: &[&str] = &[
    "attribute",
    "member_expression",
    "selector_expression",
    "field_access",
    "field_expression",
    "member_access_expression",
];

/// What is done with the expression found for a field, in the context it was found in.
type Then<'a, 't> = &'a dyn Fn(Node<'t>) -> Option<Flow>;

impl<'t> Taint<'_, 't> {
    /// The flow of the field read `n` (`obj.sani`, `p.sani`, `a.b.c.data`) when the object's
    /// making says what that field holds; `None` when it does not (the caller falls back).
    pub(super) fn field_read(
        &self,
        n: Node<'t>,
        san: Option<&Regex>,
        depth: usize,
    ) -> Option<Flow> {
        let (obj, field) = self.member_parts(n)?;
        let then = |v: Node<'t>| Some(self.flow_at(v, san, depth + 1));
        self.field_of(obj, &field, n.start_byte(), san, depth, &then)
    }

    /// For `param.field` where `param` is a parameter of the enclosing function that it never
    /// reassigns: whether every call of that function in this file passes an object whose
    /// `field` the dataflow finds constant.
    pub(super) fn param_field_const(&self, n: Node<'t>, san: Option<&Regex>, depth: usize) -> bool {
        let m = self.m;
        let Some((obj, field)) = self.member_parts(n) else {
            return false;
        };
        if !is_identifier_kind(obj.kind()) || depth > 8 {
            return false;
        }
        let name = normalize_name(m.text(obj));
        if matches!(name.as_str(), "self" | "this" | "cls") {
            return false;
        }
        let Some(fi) = m.function_at(n.start_byte()) else {
            return false;
        };
        let func = &m.functions[fi];
        if !func.params.contains(&name)
            || func.name.is_empty()
            || m.functions.iter().filter(|f| f.name == func.name).count() > 1
            || !self.reaching(&name, n.start_byte()).0.is_empty()
        {
            return false;
        }
        let key = (
            fi,
            name.clone(),
            field.clone(),
            san.map_or(0, |r| r as *const Regex as usize),
        );
        if let Some(v) = self.param_fields.borrow().get(&key) {
            return *v;
        }
        // A cycle through the callers decides nothing.
        self.param_fields.borrow_mut().insert(key.clone(), false);
        let mut any = false;
        let mut all = true;
        for call in &m.calls {
            let callee = normalize_name(&call.callee);
            if callee.rsplit(['.', ':']).next() != Some(func.name.as_str())
                || (call.node.start_byte() >= func.start && call.node.end_byte() <= func.end)
            {
                continue;
            }
            let Some((_, arg)) = params_passed(func, call)
                .into_iter()
                .find(|(p, _)| *p == name)
            else {
                all = false;
                break;
            };
            any = true;
            let then = |v: Node<'t>| Some(self.flow_at(v, san, depth + 1));
            let f = self.object_field(arg.node, &field, san, depth + 1, &then);
            if f.is_none_or(|f| f.origin != super::Origin::Const) {
                all = false;
                break;
            }
        }
        let out = any && all;
        self.param_fields.borrow_mut().insert(key, out);
        out
    }

    /// The object and the field name of a member read.
    fn member_parts(&self, n: Node<'t>) -> Option<(Node<'t>, String)> {
        if !FIELD_KINDS.contains(&n.kind()) {
            return None;
        }
        let obj = n
            .child_by_field_name("object")
            .or_else(|| n.child_by_field_name("operand"))
            .or_else(|| n.child_by_field_name("value"))?;
        let f = n
            .child_by_field_name("attribute")
            .or_else(|| n.child_by_field_name("property"))
            .or_else(|| n.child_by_field_name("field"))
            .or_else(|| n.child_by_field_name("name"))?;
        let field = self.m.text(f).trim().to_string();
        crate::syntax::is_ident(&field).then_some((obj, field))
    }

    /// Field `field` of the object `obj` read at `at`: the latest store to it that always runs,
    /// else what the object's making put there.
    fn field_of(
        &self,
        obj: Node<'t>,
        field: &str,
        at: usize,
        san: Option<&Regex>,
        depth: usize,
        then: Then<'_, 't>,
    ) -> Option<Flow> {
        if depth > 14 {
            return None;
        }
        let m = self.m;
        let obj = strip(obj);
        let path = normalize_name(m.text(obj));
        let target = format!("{path}.{field}");
        if is_identifier_kind(obj.kind()) {
            let (defs, certain) = self.reaching(&path, at);
            let [def] = defs.as_slice() else {
                return None;
            };
            let def = &m.assigns[*def];
            if !certain || def.augmented {
                return None;
            }
            if self.touched(&path, def.at, at) {
                return self.set_by_methods(&path, def, field, at, (san, depth), then);
            }
            if let Some(v) = self.stored(&target, def.at, at)? {
                return then(v);
            }
            let value = crate::syntax::sole_item(def.value);
            return self.object_field(value, field, san, depth + 1, then);
        }
        if let Some(v) = self.stored(&target, 0, at)? {
            return then(v);
        }
        let (inner, name) = self.member_parts(obj)?;
        let next = |v: Node<'t>| self.object_field(v, field, san, depth + 1, then);
        self.field_of(inner, &name, at, san, depth + 1, &next)
    }

    /// Field `field` of `path`, built by `def` (`$u = new User("5")`) and since handed to
    /// calls (`$u->setId($id)`): when every one of those calls is a method of the built class,
    /// the argument the last setter of the field stored, else what the making put there.
    /// `None` when a call may change the object in a way not seen here.
    fn set_by_methods(
        &self,
        path: &str,
        def: &crate::syntax::Assign<'t>,
        field: &str,
        at: usize,
        (san, depth): (Option<&Regex>, usize),
        then: Then<'_, 't>,
    ) -> Option<Flow> {
        let m = self.m;
        let made = crate::syntax::sole_item(def.value);
        let (class, _) = self.constructed(made)?;
        let (on_self, on_this) = (format!("self.{field}"), format!("this.{field}"));
        let mut last: Option<Node<'t>> = None;
        for c in &m.calls {
            let s = c.node.start_byte();
            if s <= def.at || c.node.end_byte() > at {
                continue;
            }
            let on_it = c
                .receiver
                .is_some_and(|r| normalize_name(m.text(r)) == path);
            if !on_it {
                if c.args
                    .iter()
                    .any(|a| normalize_name(m.text(a.node)) == path)
                {
                    return None;
                }
                continue;
            }
            let name = normalize_name(&c.callee);
            let name = name.rsplit(['.', ':']).next().unwrap_or("");
            let fi = self.method_of(&class, name)?;
            let stores: Vec<&crate::syntax::Assign<'t>> = m
                .assigns
                .iter()
                .filter(|a| a.func == Some(fi) && (a.target == on_self || a.target == on_this))
                .collect();
            match stores.as_slice() {
                [] => {}
                [one] if is_identifier_kind(one.value.kind()) => {
                    let p = normalize_name(m.text(one.value));
                    let (_, arg) = params_passed(&m.functions[fi], c)
                        .into_iter()
                        .find(|(q, _)| *q == p)?;
                    last = Some(arg.node);
                }
                _ => return None,
            }
        }
        match last {
            Some(v) => then(v),
            None => self.object_field(made, field, san, depth + 1, then),
        }
    }

    /// The value of the latest store to `target` between `from` and `at` when it always
    /// runs: `Some(None)` when nothing stores there, `None` when a store may or may not run.
    fn stored(&self, target: &str, from: usize, at: usize) -> Option<Option<Node<'t>>> {
        let m = self.m;
        let (defs, certain) = self.reaching(target, at);
        let defs: Vec<usize> = defs
            .into_iter()
            .filter(|&i| m.assigns[i].at > from)
            .collect();
        match defs.as_slice() {
            [] => Some(None),
            [one] if certain && !m.assigns[*one].augmented => Some(Some(m.assigns[*one].value)),
            _ => None,
        }
    }

    /// Whether something between `from` and `at` may change the object `name` behind the
    /// dataflow's back: a method called on it, a call it is passed to, `setattr`.
    pub(super) fn touched(&self, name: &str, from: usize, at: usize) -> bool {
        let m = self.m;
        m.calls.iter().any(|c| {
            let s = c.node.start_byte();
            // Calls done before the read; not the call the read sits in.
            s > from
                && c.node.end_byte() <= at
                && (c
                    .receiver
                    .is_some_and(|r| normalize_name(m.text(r)) == name)
                    || c.args
                        .iter()
                        .any(|a| normalize_name(m.text(a.node)) == name))
        })
    }

    /// Field `field` of the object the expression `e` makes or names.
    fn object_field(
        &self,
        e: Node<'t>,
        field: &str,
        san: Option<&Regex>,
        depth: usize,
        then: Then<'_, 't>,
    ) -> Option<Flow> {
        if depth > 14 {
            return None;
        }
        let m = self.m;
        let e = strip(e);
        let kind = e.kind();
        if is_identifier_kind(kind) || FIELD_KINDS.contains(&kind) {
            return self.field_of(e, field, e.start_byte(), san, depth + 1, then);
        }
        // Go's `A{data: x, sani: "_"}`: a field the literal leaves out holds its zero value.
        if kind == "composite_literal" && m.lang == crate::Language::Go {
            let body = e.child_by_field_name("body")?;
            let mut c = body.walk();
            for k in body.named_children(&mut c) {
                if k.kind().contains("comment") {
                    continue;
                }
                if k.kind() != "keyed_element" {
                    return None;
                }
                let key = crate::syntax::element_value(k.named_child(0)?);
                if m.text(key).trim() == field {
                    return then(crate::syntax::element_value(k.named_child(1)?));
                }
            }
            return Some(Flow::konst());
        }
        // A JavaScript object literal: `{ data: x }`.
        if kind == "object" {
            let mut c = e.walk();
            for k in e.named_children(&mut c) {
                if k.kind() == "pair"
                    && k.child_by_field_name("key")
                        .is_some_and(|key| m.text(key).trim().trim_matches(['"', '\'']) == field)
                {
                    return then(k.child_by_field_name("value")?);
                }
            }
            return None;
        }
        let (class, call) = self.constructed(e)?;
        self.ctor_field(&class, call, field, san, depth + 1, then)
    }

    /// `A(x)` (Python) or `new A(x)` (JavaScript, TypeScript) of a class declared in this
    /// file: the class name and the call.
    pub(super) fn constructed(&self, e: Node<'t>) -> Option<(String, &crate::syntax::Call<'t>)> {
        let m = self.m;
        let callee = match (m.lang, e.kind()) {
            (crate::Language::Python, "call") => e.child_by_field_name("function")?,
            (
                crate::Language::JavaScript | crate::Language::TypeScript | crate::Language::Tsx,
                "new_expression",
            ) => e.child_by_field_name("constructor")?,
            // PHP's `new A($x)`: the class is the expression's unlabeled name.
            (crate::Language::Php, "object_creation_expression") => {
                let mut c = e.walk();
                let name = e
                    .named_children(&mut c)
                    .find(|k| matches!(k.kind(), "name" | "qualified_name"));
                name?
            }
            _ => return None,
        };
        let class = m.text(callee).trim().to_string();
        if !crate::syntax::is_ident(&class) || self.class_node(&class).is_none() {
            return None;
        }
        let call = m.calls.iter().find(|c| c.node.id() == e.id())?;
        Some((class, call))
    }

    /// The declaration of class `name` in this file, when there is exactly one.
    fn class_node(&self, name: &str) -> Option<Node<'t>> {
        let classes = self.classes();
        let mut found = classes.iter().filter(|(n, _)| n == name);
        let (_, node) = found.next()?;
        found.next().is_none().then_some(*node)
    }

    /// Every class declaration of the file.
    fn classes(&self) -> &[(String, Node<'t>)] {
        &self.m.classes
    }

    /// The innermost class declaration holding byte `at`.
    fn class_at(&self, at: usize) -> Option<Node<'t>> {
        self.classes()
            .iter()
            .map(|(_, n)| *n)
            .filter(|n| n.start_byte() <= at && at < n.end_byte())
            .min_by_key(|n| n.end_byte() - n.start_byte())
    }

    /// The constructor a class declares itself (`__init__`, `constructor`, `__construct`).
    fn ctor_of(&self, class: Node<'t>) -> Option<usize> {
        let m = self.m;
        m.functions.iter().position(|f| {
            is_ctor_name(&f.name) && self.class_at(f.start).is_some_and(|c| c.id() == class.id())
        })
    }

    /// The class a class extends, when it names one (`class B(A)`, `class B extends A`).
    fn base_of(&self, class: Node<'t>) -> Option<String> {
        let m = self.m;
        let list = class.child_by_field_name("superclasses").or_else(|| {
            let mut c = class.walk();
            // PHP's `class B extends A` holds a `base_clause`.
            let heritage = class
                .named_children(&mut c)
                .find(|k| matches!(k.kind(), "class_heritage" | "base_clause"));
            heritage
        })?;
        let first = list.named_child(0)?;
        let name = m.text(first).trim().to_string();
        crate::syntax::is_ident(&name).then_some(name)
    }

    /// Methods of `class` (and of the classes it extends) named `name`.
    pub(super) fn method_of(&self, class: &str, name: &str) -> Option<usize> {
        let m = self.m;
        let mut class = class.to_string();
        for _ in 0..5 {
            let node = self.class_node(&class)?;
            let found = m.functions.iter().position(|f| {
                f.name == name && self.class_at(f.start).is_some_and(|c| c.id() == node.id())
            });
            if found.is_some() {
                return found;
            }
            class = self.base_of(node)?;
        }
        None
    }

    /// Field `field` of an object a call made with the constructor of `class` (or of the class
    /// it extends, when it declares none): the constructor's store to `self.field` /
    /// `this.field`, read with the constructor's parameters bound to the call's arguments.
    pub(super) fn ctor_field(
        &self,
        class: &str,
        call: &crate::syntax::Call<'t>,
        field: &str,
        san: Option<&Regex>,
        depth: usize,
        then: Then<'_, 't>,
    ) -> Option<Flow> {
        let m = self.m;
        let fi = self.ctor(class)?;
        let func = &m.functions[fi];
        let class_node = self.class_at(func.start)?;
        let (on_self, on_this) = (format!("self.{field}"), format!("this.{field}"));
        let is_field = |t: &str| t == on_self || t == on_this;
        // A method of the class that also stores the field (a setter) may have run.
        let elsewhere = m.assigns.iter().any(|a| {
            is_field(&a.target)
                && a.func != Some(fi)
                && a.func
                    .is_some_and(|f| self.class_at(m.functions[f].start) == Some(class_node))
        });
        if elsewhere || self.delegates(fi) {
            return None;
        }
        let stores: Vec<&crate::syntax::Assign<'t>> = m
            .assigns
            .iter()
            .filter(|a| a.func == Some(fi) && is_field(&a.target))
            .collect();
        // `setattr(self, 'field', v)` in the constructor, and nothing else storing it.
        let set_by_name: Vec<Node<'t>> = m
            .calls
            .iter()
            .filter(|c| c.func == Some(fi) && c.callee == "setattr")
            .filter_map(|c| match c.args.as_slice() {
                [o, k, v]
                    if matches!(m.text(o.node).trim(), "self" | "this")
                        && m.text(k.node).trim().trim_matches(['"', '\'']) == field =>
                {
                    Some(v.node)
                }
                _ => None,
            })
            .collect();
        if stores.is_empty() {
            if let [v] = set_by_name.as_slice() {
                let v = *v;
                return self.with_call(fi, call, san, depth, || then(v));
            }
        }
        if !set_by_name.is_empty() {
            return None;
        }
        if stores.is_empty() && set_by_name.is_empty() {
            // PHP `public $name = "Luke";` that no method of the class stores to: the
            // declared default.
            return self.declared_default(class_node, field).and_then(then);
        }
        let last = stores.iter().max_by_key(|a| a.at)?;
        if stores.len() > 1
            && self.reach(last.value, func.end.saturating_sub(1)) != super::fold::Reach::Always
        {
            return None;
        }
        let v = last.value;
        let passed = params_passed(func, call);
        // A parameter stored as is: the argument itself, in the caller's context.
        if is_identifier_kind(v.kind()) {
            let p = normalize_name(m.text(v));
            let reassigned = m
                .assigns
                .iter()
                .any(|a| a.func == Some(fi) && a.target == p);
            if func.params.contains(&p) && !reassigned {
                if let Some((_, a)) = passed.iter().find(|(q, _)| *q == p) {
                    return then(a.node);
                }
            }
        }
        self.with_call(fi, call, san, depth, || then(v))
    }

    /// The default a PHP class declares for property `field` (`public $name = "Luke";`).
    fn declared_default(&self, class: Node<'t>, field: &str) -> Option<Node<'t>> {
        let m = self.m;
        let body = class.child_by_field_name("body")?;
        let mut c = body.walk();
        for decl in body.named_children(&mut c) {
            if decl.kind() != "property_declaration" {
                continue;
            }
            let mut c2 = decl.walk();
            for el in decl.named_children(&mut c2) {
                if el.kind() != "property_element" {
                    continue;
                }
                let named = el
                    .child_by_field_name("name")
                    .is_some_and(|n| m.text(n).trim().trim_start_matches('$') == field);
                if named {
                    return el.child_by_field_name("default_value");
                }
            }
        }
        None
    }

    /// The constructor that runs for `class`: its own, else the one it inherits.
    fn ctor(&self, class: &str) -> Option<usize> {
        let mut class = class.to_string();
        for _ in 0..5 {
            let node = self.class_node(&class)?;
            if let Some(fi) = self.ctor_of(node) {
                return Some(fi);
            }
            class = self.base_of(node)?;
        }
        None
    }

    /// Whether a constructor hands work to another one (`super().__init__(..)`, `super(..)`).
    fn delegates(&self, fi: usize) -> bool {
        let m = self.m;
        m.calls
            .iter()
            .any(|c| c.func == Some(fi) && c.callee.starts_with("super"))
    }

    /// What the object a constructor call makes holds as a whole: the join of what its
    /// constructor stores in its fields (parameters bound to the call's arguments); the
    /// call's arguments when the class (and what it extends) declares no constructor.
    pub(super) fn constructed_flow(
        &self,
        e: Node<'t>,
        san: Option<&Regex>,
        depth: usize,
    ) -> Option<Flow> {
        let m = self.m;
        let (class, call) = self.constructed(e)?;
        let Some(fi) = self.ctor(&class) else {
            let mut f = Flow::konst();
            for a in &call.args {
                f.join(self.flow_at(a.node, san, depth + 1));
            }
            return Some(f);
        };
        if self.delegates(fi) {
            return None;
        }
        let values: Vec<Node<'t>> = m
            .assigns
            .iter()
            .filter(|a| {
                a.func == Some(fi)
                    && (a.target.starts_with("self.") || a.target.starts_with("this."))
            })
            .map(|a| a.value)
            .collect();
        self.with_call(fi, call, san, depth, || {
            let mut f = Flow::konst();
            for v in &values {
                f.join(self.flow_at(*v, san, depth + 1));
            }
            Some(f)
        })
    }

    /// Runs `body` with the parameters of function `fi` bound to what `call` passes.
    pub(super) fn with_call<R>(
        &self,
        fi: usize,
        call: &crate::syntax::Call<'t>,
        san: Option<&Regex>,
        depth: usize,
        body: impl FnOnce() -> Option<R>,
    ) -> Option<R> {
        if self.bound.borrow().iter().any(|(b, _)| *b == fi) || depth > 16 {
            return None;
        }
        let binds = params_passed(&self.m.functions[fi], call)
            .into_iter()
            .map(|(param, a)| (param.to_string(), self.flow_at(a.node, san, depth + 1)))
            .collect();
        self.bound.borrow_mut().push((fi, binds));
        let outer = self.scope.get();
        self.scopes.set(self.scopes.get() + 1);
        self.scope.set(self.scopes.get());
        let out = body();
        self.scope.set(outer);
        self.bound.borrow_mut().pop();
        out
    }
}

/// The expression inside parentheses, `&x` and `*x`.
fn strip(mut e: Node<'_>) -> Node<'_> {
    loop {
        let inner = match e.kind() {
            "parenthesized_expression" => e.named_child(0),
            "unary_expression" | "pointer_expression"
                if e.child(0).is_some_and(|o| matches!(o.kind(), "&" | "*")) =>
            {
                e.child_by_field_name("operand")
                    .or_else(|| e.named_child(0))
            }
            "expression_list" if e.named_child_count() == 1 => e.named_child(0),
            _ => None,
        };
        match inner {
            Some(i) => e = i,
            None => return e,
        }
    }
}

/// Names a language gives its constructors: Python's `__init__`, JavaScript's `constructor`,
/// PHP's `__construct`.
pub(super) fn is_ctor_name(name: &str) -> bool {
    matches!(name, "__init__" | "constructor" | "__construct")
}
