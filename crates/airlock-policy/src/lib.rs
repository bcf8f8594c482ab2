//! airlock's policy: one typed file (`airlock.toml`) that says what may leave the machine.
//!
//! The policy assigns content to three boxes (1 safe to share, 2 share with caution,
//! 3 never share) by kind of content and by path, says what happens to each box (allow,
//! redact, block), which models each box may reach, who reviews AI-written code, and
//! which security requirements go into every prompt. It also turns the organization's
//! own vocabulary (internal domains, codenames, confidentiality markers, custom patterns)
//! into detection rules, and renders itself as the one-page policy people read.
//!
//! Everything here is a pure function of the file's text; the only I/O is
//! [`Policy::load`] reading the file and [`discover`] looking for it.

mod classify;
mod error;
mod gateway;
mod glob;
mod parse;
mod render;
mod rules;

use std::fmt;
use std::path::{Path, PathBuf};

use airlock_types::{BoxLevel, Confidence, Finding, Kind, Severity};

pub use classify::{Classification, Reason};
pub use error::{Diagnostic, PolicyError};
pub use gateway::{
    AnswerReview, Gateway, GatewayAuth, Upstream, UpstreamKind, DEFAULT_GATEWAY_PORT,
    DEFAULT_VAULT_TTL_SECS,
};
pub use rules::{CODENAME_RULE_ID, INTERNAL_HOST_RULE_ID, MARKER_RULE_ID};

use crate::glob::Matcher;

/// The file name [`discover`] looks for.
pub const POLICY_FILE_NAME: &str = "airlock.toml";

/// The commented template `airlock policy init` writes. It states the built-in defaults:
/// parsing it gives [`Policy::default`].
pub const DEFAULT_POLICY_TOML: &str = include_str!("airlock.default.toml");

/// The policy file's format version this crate understands.
pub const POLICY_VERSION: u32 = 1;

/// What the paste guard and the gateway do with content of a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Send it as it is.
    Allow,
    /// Replace each sensitive value with a placeholder, then send.
    Redact,
    /// Send nothing.
    Block,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Allow => "allow",
            Action::Redact => "redact",
            Action::Block => "block",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `[organization]`: the organization's own sensitive vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    pub name: Option<String>,
    /// Lower-case domains; hostnames under them are internal infrastructure.
    pub internal_domains: Vec<String>,
    pub codenames: Vec<String>,
    pub confidentiality_markers: Vec<String>,
    /// The box of content carrying a confidentiality marker.
    pub marker_box: BoxLevel,
    pub patterns: Vec<CustomPattern>,
}

impl Default for Organization {
    fn default() -> Self {
        Organization {
            name: None,
            internal_domains: Vec::new(),
            codenames: Vec::new(),
            confidentiality_markers: Vec::new(),
            marker_box: BoxLevel::Never,
            patterns: Vec::new(),
        }
    }
}

/// `[[organization.patterns]]`: a detection rule of the organization's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomPattern {
    pub id: String,
    pub title: String,
    pub pattern: String,
    pub kind: Kind,
    pub keywords: Vec<String>,
    pub severity: Severity,
    pub confidence: Confidence,
    pub placeholder: Option<String>,
    pub description: Option<String>,
    pub examples: Vec<String>,
    pub negative_examples: Vec<String>,
}

/// `[boxes]`: the box of each kind of content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Boxes([BoxLevel; Kind::ALL.len()]);

impl Boxes {
    pub fn get(&self, kind: Kind) -> BoxLevel {
        self.0[kind_index(kind)]
    }

    pub fn set(&mut self, kind: Kind, level: BoxLevel) {
        self.0[kind_index(kind)] = level;
    }

    /// Every kind with its box, in [`Kind::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Kind, BoxLevel)> + '_ {
        Kind::ALL.into_iter().map(|k| (k, self.get(k)))
    }
}

impl Default for Boxes {
    fn default() -> Self {
        let mut b = Boxes([BoxLevel::Never; Kind::ALL.len()]);
        for k in [Kind::PersonalData, Kind::Infrastructure, Kind::Organization] {
            b.set(k, BoxLevel::Caution);
        }
        b
    }
}

fn kind_index(kind: Kind) -> usize {
    Kind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("Kind::ALL lists every kind")
}

/// `[[paths]]`: files that belong in a box whatever they hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathRule {
    pub glob: String,
    pub box_level: BoxLevel,
    pub reason: String,
}

/// `[actions]`: what happens to content of each box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actions {
    pub box1: Action,
    pub box2: Action,
    pub box3: Action,
}

impl Actions {
    pub fn get(&self, level: BoxLevel) -> Action {
        match level {
            BoxLevel::Safe => self.box1,
            BoxLevel::Caution => self.box2,
            BoxLevel::Never => self.box3,
        }
    }
}

impl Default for Actions {
    fn default() -> Self {
        Actions {
            box1: Action::Allow,
            box2: Action::Redact,
            box3: Action::Block,
        }
    }
}

/// `[allow]`: suppressions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Allow {
    /// Globs of files never scanned or reported.
    pub paths: Vec<String>,
    /// Rule ids turned off.
    pub rules: Vec<String>,
}

/// `[models]`: the models each box's content may be sent to ("provider/model" globs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Models {
    pub box1: Vec<String>,
    pub box2: Vec<String>,
    pub box3: Vec<String>,
}

impl Models {
    pub fn get(&self, level: BoxLevel) -> &[String] {
        match level {
            BoxLevel::Safe => &self.box1,
            BoxLevel::Caution => &self.box2,
            BoxLevel::Never => &self.box3,
        }
    }
}

impl Default for Models {
    fn default() -> Self {
        let v = |s: &[&str]| s.iter().map(|s| s.to_string()).collect();
        Models {
            box1: v(&["*"]),
            box2: v(&["anthropic/claude-*", "openai/gpt-*"]),
            box3: v(&["ollama/*"]),
        }
    }
}

/// `[[review]]`: who must review AI-written changes under some paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRule {
    pub paths: Vec<String>,
    pub reviewers: Vec<String>,
    /// Only changes with findings at least this severe need the review; `None`: every change.
    pub min_severity: Option<Severity>,
}

/// `[prompts]`: security requirements the gateway adds to every request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompts {
    pub requirements: Vec<String>,
}

impl Default for Prompts {
    fn default() -> Self {
        Prompts {
            requirements: [
                "Use parameterized queries for all database access.",
                "Hash passwords with Argon2id or bcrypt.",
                "Read secrets from the environment, never hard-code them.",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

fn default_path_rules() -> Vec<PathRule> {
    [
        (".env", "environment file: holds secrets"),
        ("*.pem", "key or certificate file"),
        ("*.key", "private key file"),
        ("*.p12", "key store"),
        ("*.pfx", "key store"),
        ("id_{rsa,dsa,ecdsa,ed25519}", "SSH private key"),
    ]
    .into_iter()
    .map(|(glob, reason)| PathRule {
        glob: glob.into(),
        box_level: BoxLevel::Never,
        reason: reason.into(),
    })
    .collect()
}

/// The globs of a policy, compiled once.
#[derive(Debug, Clone, Default)]
struct Compiled {
    paths: Matcher,
    allow_paths: Matcher,
    review: Matcher,
    models: [Matcher; 3],
}

/// The active policy: every section of `airlock.toml`, validated, with its globs compiled.
///
/// Build it with [`Policy::parse`], [`Policy::load`] or [`Policy::default`] (the built-in
/// defaults, which [`DEFAULT_POLICY_TOML`] spells out).
#[derive(Debug, Clone)]
pub struct Policy {
    organization: Organization,
    boxes: Boxes,
    paths: Vec<PathRule>,
    actions: Actions,
    allow: Allow,
    models: Models,
    review: Vec<ReviewRule>,
    prompts: Prompts,
    gateway: Gateway,
    /// Whether the file has a `[gateway]` section (the rendered policy shows it only then).
    gateway_configured: bool,
    source: Option<PathBuf>,
    compiled: Compiled,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            organization: Organization::default(),
            boxes: Boxes::default(),
            paths: default_path_rules(),
            actions: Actions::default(),
            allow: Allow::default(),
            models: Models::default(),
            review: Vec::new(),
            prompts: Prompts::default(),
            gateway: Gateway::default(),
            gateway_configured: false,
            source: None,
            compiled: Compiled::default(),
        }
        .compile()
        .expect("the built-in defaults compile")
    }
}

impl Policy {
    /// Parses and validates a policy. `origin` names the file in error messages.
    pub fn parse(text: &str, origin: &str) -> Result<Policy, PolicyError> {
        parse::parse(text, origin)
    }

    /// Reads, parses and validates the policy file at `path`.
    pub fn load(path: &Path) -> Result<Policy, PolicyError> {
        let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut policy = Policy::parse(&text, &path.display().to_string())?;
        policy.source = Some(path.to_path_buf());
        Ok(policy)
    }

    /// Compiles the globs of the sections. Fails only on a glob `parse` has not vetted.
    fn compile(mut self) -> Result<Policy, String> {
        self.compiled = Compiled {
            paths: Matcher::paths(self.paths.iter().map(|r| [r.glob.as_str()]))?,
            allow_paths: Matcher::paths([self.allow.paths.iter().map(String::as_str)])?,
            review: Matcher::paths(
                self.review
                    .iter()
                    .map(|r| r.paths.iter().map(String::as_str)),
            )?,
            models: [
                Matcher::models(self.models.box1.iter().map(String::as_str))?,
                Matcher::models(self.models.box2.iter().map(String::as_str))?,
                Matcher::models(self.models.box3.iter().map(String::as_str))?,
            ],
        };
        Ok(self)
    }

    /// The file this policy was loaded from; `None` for parsed text and the defaults.
    pub fn source(&self) -> Option<&Path> {
        self.source.as_deref()
    }

    pub fn organization(&self) -> &Organization {
        &self.organization
    }

    pub fn boxes(&self) -> &Boxes {
        &self.boxes
    }

    pub fn path_rules(&self) -> &[PathRule] {
        &self.paths
    }

    pub fn actions(&self) -> &Actions {
        &self.actions
    }

    pub fn allow(&self) -> &Allow {
        &self.allow
    }

    pub fn models(&self) -> &Models {
        &self.models
    }

    pub fn review_rules(&self) -> &[ReviewRule] {
        &self.review
    }

    pub fn prompts(&self) -> &Prompts {
        &self.prompts
    }

    /// `[gateway]`, or its defaults when the file has none.
    pub fn gateway(&self) -> &Gateway {
        &self.gateway
    }

    /// Whether the file has a `[gateway]` section.
    pub fn has_gateway_section(&self) -> bool {
        self.gateway_configured
    }

    /// The box of a kind of content.
    pub fn box_for_kind(&self, kind: Kind) -> BoxLevel {
        self.boxes.get(kind)
    }

    /// The box of one finding: its kind's box, raised to `marker_box` for a
    /// confidentiality marker.
    pub fn box_for_finding(&self, finding: &Finding) -> BoxLevel {
        let by_kind = self.box_for_kind(finding.kind);
        if finding.rule_id == MARKER_RULE_ID {
            by_kind.max(self.organization.marker_box)
        } else {
            by_kind
        }
    }

    /// The highest box among the path rules matching `rel_path` (relative to the policy's
    /// directory), with that rule's reason and glob.
    pub fn box_for_path(&self, rel_path: &str) -> Option<(BoxLevel, &str, &str)> {
        let path = glob::normalize_path(rel_path);
        self.compiled
            .paths
            .matching(&path)
            .into_iter()
            .map(|i| &self.paths[i])
            // The first rule written wins among equal boxes.
            .rev()
            .max_by_key(|r| r.box_level)
            .map(|r| (r.box_level, r.reason.as_str(), r.glob.as_str()))
    }

    /// What happens to content of `level`.
    pub fn action(&self, level: BoxLevel) -> Action {
        self.actions.get(level)
    }

    /// Whether `rel_path` is in `[allow] paths`: never scanned, never reported.
    pub fn is_path_allowed(&self, rel_path: &str) -> bool {
        self.compiled
            .allow_paths
            .is_match(&glob::normalize_path(rel_path))
    }

    /// Whether `rule_id` is in `[allow] rules`, i.e. turned off: its findings are
    /// suppressed. (The opposite of [`Policy::is_rule_enabled`].)
    pub fn is_rule_allowed(&self, rule_id: &str) -> bool {
        self.allow.rules.iter().any(|r| r == rule_id)
    }

    /// Whether the rule `rule_id` runs: it is not turned off in `[allow] rules`.
    pub fn is_rule_enabled(&self, rule_id: &str) -> bool {
        !self.is_rule_allowed(rule_id)
    }

    /// Whether content of `level` may be sent to `model` ("provider/model") under
    /// `[models]`. Says nothing about `[actions]`: box 3 content is still blocked when
    /// its action is `block`.
    pub fn is_model_approved(&self, level: BoxLevel, model: &str) -> bool {
        self.compiled.models[usize::from(level.number()) - 1].is_match(model)
    }

    /// The review rules whose paths match `rel_path`.
    pub fn review_rules_for_path(&self, rel_path: &str) -> Vec<&ReviewRule> {
        self.compiled
            .review
            .matching(&glob::normalize_path(rel_path))
            .into_iter()
            .map(|i| &self.review[i])
            .collect()
    }
}

/// Finds `airlock.toml` in `start` or the nearest directory above it, up to the
/// filesystem root. `start` may also be a file, whose directory is searched first.
pub fn discover(start: &Path) -> Option<PathBuf> {
    // Absolute, so that a relative start such as `.` still walks up past itself.
    let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
    let first = if start.is_file() {
        start.parent()?
    } else {
        &start
    };
    first
        .ancestors()
        .map(|dir| dir.join(POLICY_FILE_NAME))
        .find(|candidate| candidate.is_file())
}
