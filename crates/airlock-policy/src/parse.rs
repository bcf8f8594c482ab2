//! Reading `airlock.toml`: the file's shape as written (every table closed to unknown
//! keys), and its validation into a [`Policy`], each error pointing at its line.

use std::collections::HashSet;

use airlock_secrets::{Rule, RuleError};
use airlock_types::{BoxLevel, Confidence, Kind, Severity};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use toml::Spanned;

use crate::error::{PolicyError, Reporter};
use crate::gateway::{AnswerReview, Gateway, GatewayAuth, Upstream, UpstreamKind};
use crate::glob::{model_glob, path_globs, MODEL_GLOB_HELP, PATH_GLOB_HELP};
use crate::rules::{self, RESERVED_RULE_IDS};
use crate::{
    Action, Actions, Allow, Boxes, CustomPattern, Models, Organization, PathRule, Policy, Prompts,
    ReviewRule, POLICY_VERSION,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    version: Option<Spanned<i64>>,
    organization: Option<RawOrganization>,
    boxes: Option<RawBoxes>,
    paths: Option<Vec<RawPathRule>>,
    actions: Option<RawActions>,
    allow: Option<RawAllow>,
    models: Option<RawModels>,
    review: Option<Vec<RawReview>>,
    prompts: Option<RawPrompts>,
    gateway: Option<RawGateway>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrganization {
    name: Option<String>,
    #[serde(default)]
    internal_domains: Vec<Spanned<String>>,
    #[serde(default)]
    codenames: Vec<Spanned<String>>,
    #[serde(default)]
    confidentiality_markers: Vec<Spanned<String>>,
    marker_box: Option<BoxNumber>,
    #[serde(default)]
    patterns: Vec<RawPattern>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPattern {
    id: Spanned<String>,
    title: String,
    pattern: Spanned<String>,
    kind: Kind,
    #[serde(default)]
    keywords: Vec<String>,
    severity: Option<Severity>,
    confidence: Option<Confidence>,
    placeholder: Option<Spanned<String>>,
    description: Option<String>,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    negative_examples: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawBoxes {
    credential: Option<BoxNumber>,
    private_key: Option<BoxNumber>,
    password: Option<BoxNumber>,
    connection_string: Option<BoxNumber>,
    personal_data: Option<BoxNumber>,
    infrastructure: Option<BoxNumber>,
    organization: Option<BoxNumber>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPathRule {
    glob: Spanned<String>,
    #[serde(rename = "box")]
    box_level: BoxNumber,
    reason: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActions {
    box1: Option<Action>,
    box2: Option<Action>,
    box3: Option<Action>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAllow {
    #[serde(default)]
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    rules: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModels {
    box1: Option<Vec<Spanned<String>>>,
    box2: Option<Vec<Spanned<String>>>,
    box3: Option<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReview {
    paths: Spanned<Vec<Spanned<String>>>,
    reviewers: Spanned<Vec<Spanned<String>>>,
    min_severity: Option<Severity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrompts {
    requirements: Option<Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGateway {
    listen: Option<Spanned<String>>,
    auth: Option<GatewayAuth>,
    keys_env: Option<Spanned<String>>,
    audit: Option<Spanned<String>>,
    secret_env: Option<Spanned<String>>,
    max_body_bytes: Option<Spanned<i64>>,
    upstream_timeout_secs: Option<Spanned<i64>>,
    vault_ttl_secs: Option<Spanned<i64>>,
    answer_review: Option<AnswerReview>,
    box3_route: Option<Spanned<String>>,
    upstreams: Option<Vec<RawUpstream>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUpstream {
    name: Spanned<String>,
    kind: UpstreamKind,
    base_url: Spanned<String>,
    api_key_env: Option<Spanned<String>>,
    #[serde(default)]
    models: Vec<Spanned<String>>,
    api_version: Option<String>,
}

/// A box number, refused unless 1, 2 or 3.
struct BoxNumber(BoxLevel);

impl<'de> Deserialize<'de> for BoxNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = BoxNumber;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a box number: 1, 2 or 3")
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<BoxNumber, E> {
                u8::try_from(n)
                    .ok()
                    .and_then(|n| BoxLevel::try_from(n).ok())
                    .map(BoxNumber)
                    .ok_or_else(|| {
                        E::custom(format!(
                            "box must be 1 (safe to share), 2 (share with caution) or 3 (never share), not {n}"
                        ))
                    })
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<BoxNumber, E> {
                self.visit_i64(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
        d.deserialize_i64(V)
    }
}

fn strings(items: &[Spanned<String>]) -> Vec<String> {
    items
        .iter()
        .map(|s| s.get_ref().trim().to_string())
        .collect()
}

pub(crate) fn parse(text: &str, origin: &str) -> Result<Policy, PolicyError> {
    let r = Reporter::new(origin, text);
    let raw: RawPolicy = toml::from_str(text).map_err(|e| r.toml(&e))?;
    let mut policy = Policy::default();

    if let Some(v) = &raw.version {
        if *v.get_ref() != i64::from(POLICY_VERSION) {
            return Err(r.at(
                Some(v.span().start),
                format!("unsupported policy version {}", v.get_ref()),
                Some(format!(
                    "this airlock reads version {POLICY_VERSION}; write `version = {POLICY_VERSION}`"
                )),
            ));
        }
    }
    if let Some(org) = raw.organization {
        policy.organization = organization(&r, org)?;
    }
    if let Some(b) = raw.boxes {
        policy.boxes = boxes(b);
    }
    if let Some(paths) = raw.paths {
        policy.paths = paths
            .into_iter()
            .map(|p| {
                check_path_glob(&r, &p.glob)?;
                non_empty(
                    &r,
                    &p.reason,
                    "empty reason",
                    "say why these files are in this box; people whose content is held back read it",
                )?;
                Ok(PathRule {
                    glob: p.glob.get_ref().trim().to_string(),
                    box_level: p.box_level.0,
                    reason: p.reason.get_ref().trim().to_string(),
                })
            })
            .collect::<Result<_, PolicyError>>()?;
    }
    if let Some(a) = raw.actions {
        let d = Actions::default();
        policy.actions = Actions {
            box1: a.box1.unwrap_or(d.box1),
            box2: a.box2.unwrap_or(d.box2),
            box3: a.box3.unwrap_or(d.box3),
        };
    }
    if let Some(a) = raw.allow {
        for g in &a.paths {
            check_path_glob(&r, g)?;
        }
        for id in &a.rules {
            check_rule_id(&r, id)?;
        }
        policy.allow = Allow {
            paths: strings(&a.paths),
            rules: strings(&a.rules),
        };
    }
    if let Some(m) = raw.models {
        let d = Models::default();
        let list = |given: Option<Vec<Spanned<String>>>, default: Vec<String>| match given {
            None => Ok(default),
            Some(globs) => {
                for g in &globs {
                    model_glob(g.get_ref()).map_err(|e| {
                        r.at(
                            Some(g.span().start),
                            format!("invalid model glob `{}`: {e}", g.get_ref()),
                            Some(MODEL_GLOB_HELP.into()),
                        )
                    })?;
                }
                Ok(strings(&globs))
            }
        };
        policy.models = Models {
            box1: list(m.box1, d.box1)?,
            box2: list(m.box2, d.box2)?,
            box3: list(m.box3, d.box3)?,
        };
    }
    if let Some(review) = raw.review {
        policy.review = review
            .into_iter()
            .map(|rv| review_rule(&r, rv))
            .collect::<Result<_, _>>()?;
    }
    if let Some(p) = raw.prompts {
        if let Some(reqs) = p.requirements {
            for q in &reqs {
                non_empty(
                    &r,
                    q,
                    "empty requirement",
                    "write the requirement as a sentence, or remove the empty string",
                )?;
            }
            policy.prompts = Prompts {
                requirements: strings(&reqs),
            };
        }
    }

    if let Some(g) = raw.gateway {
        policy.gateway = gateway(&r, g)?;
        policy.gateway_configured = true;
    }

    let policy = policy.compile().map_err(|e| {
        r.at(
            None,
            format!("invalid glob: {e}"),
            Some(PATH_GLOB_HELP.into()),
        )
    })?;
    // The generated rules are built from vetted inputs; compiling them here still makes
    // sure a policy that parses always yields a working detector.
    for spec in policy.detector_rules() {
        let id = spec.id.clone();
        Rule::compile(spec).map_err(|e| {
            r.at(
                None,
                format!("the organization's rules do not compile: {e}"),
                Some(format!("check the entries that rule `{id}` is built from")),
            )
        })?;
    }
    Ok(policy)
}

fn non_empty(
    r: &Reporter<'_>,
    value: &Spanned<String>,
    message: &str,
    help: &str,
) -> Result<(), PolicyError> {
    if value.get_ref().trim().is_empty() {
        return Err(r.at(Some(value.span().start), message, Some(help.into())));
    }
    Ok(())
}

fn check_path_glob(r: &Reporter<'_>, glob: &Spanned<String>) -> Result<(), PolicyError> {
    path_globs(glob.get_ref()).map(|_| ()).map_err(|e| {
        r.at(
            Some(glob.span().start),
            format!("invalid glob `{}`: {e}", glob.get_ref()),
            Some(PATH_GLOB_HELP.into()),
        )
    })
}

fn valid_rule_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

fn check_rule_id(r: &Reporter<'_>, id: &Spanned<String>) -> Result<(), PolicyError> {
    if valid_rule_id(id.get_ref()) {
        return Ok(());
    }
    Err(r.at(
        Some(id.span().start),
        format!("invalid rule id `{}`", id.get_ref()),
        Some(
            "rule ids are lower-case letters, digits, `-` and `.`; `airlock rules list` shows them"
                .into(),
        ),
    ))
}

fn boxes(b: RawBoxes) -> Boxes {
    let mut out = Boxes::default();
    let given = [
        (Kind::Credential, b.credential),
        (Kind::PrivateKey, b.private_key),
        (Kind::Password, b.password),
        (Kind::ConnectionString, b.connection_string),
        (Kind::PersonalData, b.personal_data),
        (Kind::Infrastructure, b.infrastructure),
        (Kind::Organization, b.organization),
    ];
    for (kind, level) in given {
        if let Some(BoxNumber(level)) = level {
            out.set(kind, level);
        }
    }
    out
}

fn organization(r: &Reporter<'_>, org: RawOrganization) -> Result<Organization, PolicyError> {
    let mut domains = Vec::new();
    for d in &org.internal_domains {
        let domain = domain(r, d)?;
        if !domains.contains(&domain) {
            domains.push(domain);
        }
    }
    let words = |items: &[Spanned<String>], what: &str| -> Result<Vec<String>, PolicyError> {
        let mut out: Vec<String> = Vec::new();
        for item in items {
            non_empty(
                r,
                item,
                &format!("empty {what}"),
                "remove the empty string from the list",
            )?;
            let word = item
                .get_ref()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !out.iter().any(|w| w.eq_ignore_ascii_case(&word)) {
                out.push(word);
            }
        }
        Ok(out)
    };
    let codenames = words(&org.codenames, "codename")?;
    let markers = words(&org.confidentiality_markers, "confidentiality marker")?;

    let builtin: HashSet<String> = airlock_secrets::builtin_specs()
        .map(|specs| specs.into_iter().map(|s| s.id).collect())
        .unwrap_or_default();
    let mut seen: HashSet<String> = HashSet::new();
    let mut patterns = Vec::new();
    for p in org.patterns {
        patterns.push(pattern(r, p, &builtin, &mut seen)?);
    }
    Ok(Organization {
        name: org
            .name
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty()),
        internal_domains: domains,
        codenames,
        confidentiality_markers: markers,
        marker_box: org.marker_box.map(|b| b.0).unwrap_or(BoxLevel::Never),
        patterns,
    })
}

/// Validates and lower-cases one internal domain.
fn domain(r: &Reporter<'_>, d: &Spanned<String>) -> Result<String, PolicyError> {
    let raw = d.get_ref().trim();
    let at = Some(d.span().start);
    let fail = |message: String, help: &str| Err(r.at(at, message, Some(help.to_string())));
    if let Some(rest) = raw.strip_prefix("*.") {
        return fail(
            format!("write the domain without `*.`: `{rest}`"),
            "subdomains are covered already: `corp.acme.com` matches `db01.corp.acme.com`",
        );
    }
    if raw.contains("://") || raw.contains('/') || raw.contains(':') || raw.contains('@') {
        return fail(
            format!("`{raw}` is not a domain"),
            "write the domain alone, without scheme, user, port or path: e.g. `corp.acme.com`",
        );
    }
    let domain = raw.trim_start_matches('.').to_ascii_lowercase();
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if domain.is_empty() || !domain.split('.').all(label_ok) {
        return fail(
            format!("`{raw}` is not a domain"),
            "a domain is labels of letters, digits and `-` joined by dots, e.g. `corp.acme.com`",
        );
    }
    Ok(domain)
}

fn pattern(
    r: &Reporter<'_>,
    p: RawPattern,
    builtin: &HashSet<String>,
    seen: &mut HashSet<String>,
) -> Result<CustomPattern, PolicyError> {
    let id = p.id.get_ref().trim().to_string();
    let id_at = Some(p.id.span().start);
    check_rule_id(r, &p.id)?;
    if !seen.insert(id.clone()) {
        return Err(r.at(
            id_at,
            format!("duplicate pattern id `{id}`"),
            Some("each [[organization.patterns]] needs an id of its own".into()),
        ));
    }
    if RESERVED_RULE_IDS.contains(&id.as_str()) || builtin.contains(&id) {
        return Err(r.at(
            id_at,
            format!("pattern id `{id}` is taken by a built-in rule"),
            Some("pick another id, e.g. prefixed with your organization's name".into()),
        ));
    }
    if let Some(ph) = &p.placeholder {
        let ok = !ph.get_ref().is_empty()
            && ph
                .get_ref()
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        if !ok {
            return Err(r.at(
                Some(ph.span().start),
                format!("invalid placeholder `{}`", ph.get_ref()),
                Some(
                    "placeholders are upper-case letters, digits and `_`, e.g. `EMPLOYEE_ID`"
                        .into(),
                ),
            ));
        }
    }
    let custom = CustomPattern {
        id,
        title: p.title.trim().to_string(),
        pattern: p.pattern.get_ref().clone(),
        kind: p.kind,
        keywords: p.keywords,
        severity: p.severity.unwrap_or(Severity::Medium),
        confidence: p.confidence.unwrap_or(Confidence::High),
        placeholder: p.placeholder.map(Spanned::into_inner),
        description: p
            .description
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty()),
        examples: p.examples,
        negative_examples: p.negative_examples,
    };
    Rule::compile(rules::custom_spec(&custom)).map_err(|e| match e {
        RuleError::Pattern { source, .. } => {
            let detail = source.to_string();
            // regex's message ends with `error: <what>` after a picture of the pattern.
            let what = detail
                .lines()
                .rev()
                .find_map(|l| l.trim().strip_prefix("error: "))
                .unwrap_or(detail.trim())
                .to_string();
            r.at(
                Some(p.pattern.span().start),
                format!("invalid pattern in `{}`: {what}", custom.id),
                Some(format!(
                    "patterns use Rust regex syntax, which has no look-around or back-references \
                     (https://docs.rs/regex/latest/regex/#syntax); write them in '''triple quotes''' \
                     so that backslashes stay as written{}",
                    picture(&detail)
                )),
            )
        }
        RuleError::Invalid { message, .. } | RuleError::Parse { message, .. } => r.at(
            id_at,
            format!("pattern `{}`: {message}", custom.id),
            Some("see the [[organization.patterns]] example in `airlock policy init`".into()),
        ),
    })?;
    Ok(custom)
}

/// The pattern with a caret under the problem, as regex draws it, if it does.
fn picture(detail: &str) -> String {
    let lines: Vec<&str> = detail
        .lines()
        .skip_while(|l| l.starts_with("regex parse error"))
        .take_while(|l| !l.starts_with("error:"))
        .collect();
    if lines.is_empty() {
        String::new()
    } else {
        format!("\n{}", lines.join("\n"))
    }
}

fn review_rule(r: &Reporter<'_>, rv: RawReview) -> Result<ReviewRule, PolicyError> {
    if rv.paths.get_ref().is_empty() {
        return Err(r.at(
            Some(rv.paths.span().start),
            "a review rule needs at least one path glob",
            Some("e.g. `paths = [\"src/auth/**\"]`".into()),
        ));
    }
    for g in rv.paths.get_ref() {
        check_path_glob(r, g)?;
    }
    if rv.reviewers.get_ref().is_empty() {
        return Err(r.at(
            Some(rv.reviewers.span().start),
            "a review rule needs at least one reviewer",
            Some("e.g. `reviewers = [\"@security-team\"]`".into()),
        ));
    }
    for who in rv.reviewers.get_ref() {
        non_empty(
            r,
            who,
            "empty reviewer",
            "name a person or team, e.g. `@security-team`",
        )?;
    }
    Ok(ReviewRule {
        paths: strings(rv.paths.get_ref()),
        reviewers: strings(rv.reviewers.get_ref()),
        min_severity: rv.min_severity,
    })
}

fn env_name(r: &Reporter<'_>, v: &Spanned<String>) -> Result<String, PolicyError> {
    let name = v.get_ref().trim();
    let ok = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !ok {
        return Err(r.at(
            Some(v.span().start),
            format!("`{name}` is not an environment variable name"),
            Some(
                "name the variable that holds the value, e.g. `OPENAI_API_KEY`; never write a key into this file"
                    .into(),
            ),
        ));
    }
    Ok(name.to_string())
}

fn positive(r: &Reporter<'_>, v: &Spanned<i64>, what: &str) -> Result<u64, PolicyError> {
    u64::try_from(*v.get_ref())
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            r.at(
                Some(v.span().start),
                format!("{what} must be a positive number, not {}", v.get_ref()),
                None,
            )
        })
}

fn gateway(r: &Reporter<'_>, g: RawGateway) -> Result<Gateway, PolicyError> {
    let mut out = Gateway::default();
    if let Some(l) = &g.listen {
        out.listen = l.get_ref().trim().parse().map_err(|_| {
            r.at(
                Some(l.span().start),
                format!("`{}` is not an address to listen on", l.get_ref()),
                Some("write an IP address and port, e.g. `127.0.0.1:8787`".into()),
            )
        })?;
    }
    if let Some(a) = g.auth {
        out.auth = a;
    }
    if let Some(k) = &g.keys_env {
        out.keys_env = Some(env_name(r, k)?);
    }
    if let Some(a) = &g.audit {
        non_empty(
            r,
            a,
            "empty audit store",
            "write a SQLite path, `sqlite://...` or `postgres://...`",
        )?;
        out.audit = Some(a.get_ref().trim().to_string());
    }
    if let Some(s) = &g.secret_env {
        out.secret_env = env_name(r, s)?;
    }
    if let Some(n) = &g.max_body_bytes {
        out.max_body_bytes = positive(r, n, "max_body_bytes")?;
    }
    if let Some(n) = &g.upstream_timeout_secs {
        out.upstream_timeout_secs = positive(r, n, "upstream_timeout_secs")?;
    }
    if let Some(n) = &g.vault_ttl_secs {
        out.vault_ttl_secs = u64::try_from(*n.get_ref()).map_err(|_| {
            r.at(
                Some(n.span().start),
                format!(
                    "vault_ttl_secs must be 0 (off) or a number of seconds, not {}",
                    n.get_ref()
                ),
                None,
            )
        })?;
    }
    if let Some(a) = g.answer_review {
        out.answer_review = a;
    }
    if let Some(route) = &g.box3_route {
        let v = route.get_ref().trim();
        if !v.contains('/') || v.contains('*') {
            return Err(r.at(
                Some(route.span().start),
                format!("`{v}` is not a \"provider/model\" name"),
                Some("name one model of one upstream, e.g. `ollama/qwen2.5-coder`".into()),
            ));
        }
        out.box3_route = Some(v.to_string());
    }
    if let Some(ups) = g.upstreams {
        let mut list: Vec<Upstream> = Vec::new();
        for u in ups {
            let name = u.name.get_ref().trim().to_string();
            let name_ok = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !name_ok {
                return Err(r.at(
                    Some(u.name.span().start),
                    format!("invalid upstream name `{name}`"),
                    Some("names are lower-case letters, digits and `-`, e.g. `openai`".into()),
                ));
            }
            if list.iter().any(|x| x.name == name) {
                return Err(r.at(
                    Some(u.name.span().start),
                    format!("duplicate upstream name `{name}`"),
                    Some("each [[gateway.upstreams]] needs a name of its own".into()),
                ));
            }
            let url = u
                .base_url
                .get_ref()
                .trim()
                .trim_end_matches('/')
                .to_string();
            let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
            if !scheme_ok || url.len() <= "https://".len() || url.contains('?') {
                return Err(r.at(
                    Some(u.base_url.span().start),
                    format!("`{url}` is not a base URL"),
                    Some("write the provider's address with http:// or https://, e.g. `https://api.openai.com`".into()),
                ));
            }
            for m in &u.models {
                model_glob(m.get_ref()).map_err(|e| {
                    r.at(
                        Some(m.span().start),
                        format!("invalid model glob `{}`: {e}", m.get_ref()),
                        Some("globs name models of this upstream, e.g. `gpt-*`".into()),
                    )
                })?;
            }
            if u.kind == UpstreamKind::Azure && u.api_version.is_none() {
                return Err(r.at(
                    Some(u.name.span().start),
                    format!("upstream `{name}` of kind azure needs `api_version`"),
                    Some("e.g. `api_version = \"2024-10-21\"`".into()),
                ));
            }
            list.push(Upstream {
                name,
                kind: u.kind,
                base_url: url,
                api_key_env: u.api_key_env.as_ref().map(|k| env_name(r, k)).transpose()?,
                models: strings(&u.models),
                api_version: u.api_version.map(|v| v.trim().to_string()),
            });
        }
        out.upstreams = list;
    }
    if let (Some(route), Some(at)) = (&out.box3_route, &g.box3_route) {
        let provider = route.split('/').next().unwrap_or_default();
        if !out.upstreams.iter().any(|u| u.name == provider) {
            return Err(r.at(
                Some(at.span().start),
                format!("box3_route names no upstream `{provider}`"),
                Some("the part before `/` must be the name of a [[gateway.upstreams]]".into()),
            ));
        }
    }
    Ok(out)
}
