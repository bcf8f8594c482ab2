//! The one-page policy people read, generated from the file that is enforced, so the two
//! cannot drift. One document model, rendered to Markdown or to a printable HTML page.

use std::fmt::Write as _;

use airlock_types::{BoxLevel, Kind};

use crate::{Action, Policy};

/// A run of text in a line.
enum Inline {
    Text(String),
    Code(String),
    Strong(String),
    Box(BoxLevel),
}

type Line = Vec<Inline>;

enum Block {
    Heading(&'static str),
    Para(Line),
    Table {
        head: &'static [&'static str],
        rows: Vec<Vec<Line>>,
    },
    List {
        ordered: bool,
        items: Vec<Line>,
    },
}

struct Doc {
    title: String,
    blocks: Vec<Block>,
    footer: Line,
}

fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

fn code(s: impl Into<String>) -> Inline {
    Inline::Code(s.into())
}

/// Code spans for each item, separated by commas.
fn codes<'a>(items: impl IntoIterator<Item = &'a String>) -> Line {
    let mut line = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            line.push(text(", "));
        }
        line.push(code(item.clone()));
    }
    line
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Credential => "Credentials",
        Kind::PrivateKey => "Private keys",
        Kind::Password => "Passwords",
        Kind::ConnectionString => "Connection strings",
        Kind::PersonalData => "Personal data",
        Kind::Infrastructure => "Internal infrastructure",
        Kind::Organization => "Organization information",
    }
}

fn kind_covers(kind: Kind) -> &'static str {
    match kind {
        Kind::Credential => "API keys, access tokens, webhook URLs with a secret in them",
        Kind::PrivateKey => "PEM, OpenSSH, PGP and PuTTY private keys",
        Kind::Password => "passwords and secrets written into code or configuration",
        Kind::ConnectionString => "database URLs and connection strings with credentials in them",
        Kind::PersonalData => {
            "email addresses, phone numbers, payment cards, IBANs, national id numbers"
        }
        Kind::Infrastructure => "private IP addresses, internal hostnames",
        Kind::Organization => {
            "internal codenames, confidentiality markers, the organization's own patterns"
        }
    }
}

fn action_meaning(action: Action) -> Line {
    match action {
        Action::Allow => vec![text("sent as it is")],
        Action::Redact => vec![
            text("each sensitive value is replaced by a placeholder such as "),
            code("[[AWS_KEY_1]]"),
            text(", then the rest is sent"),
        ],
        Action::Block => vec![text("nothing is sent; the person is told why")],
    }
}

fn box_meaning(level: BoxLevel) -> &'static str {
    match level {
        BoxLevel::Safe => "may be shared with any approved model",
        BoxLevel::Caution => "may be shared only with care: sensitive values are handled first and only approved models receive it",
        BoxLevel::Never => "must never leave this machine",
    }
}

impl Policy {
    fn document(&self) -> Doc {
        let org = &self.organization;
        let title = match &org.name {
            Some(name) => format!("{name}: AI assistant data policy"),
            None => "AI assistant data policy".to_string(),
        };
        let mut b = Vec::new();
        b.push(Block::Para(vec![text(
            "This policy says what may be shared with AI coding assistants and AI models, and \
             what happens when someone tries to share more. airlock enforces it on every \
             machine that uses this repository: when code is scanned, when text is pasted into an \
             assistant, and at the gateway that forwards requests to models.",
        )]));

        b.push(Block::Heading("The three boxes"));
        b.push(Block::List {
            ordered: false,
            items: BOXES
                .into_iter()
                .map(|l| vec![Inline::Box(l), text(format!(": {}.", box_meaning(l)))])
                .collect(),
        });

        b.push(Block::Heading("What may leave the machine"));
        let rows = self
            .boxes
            .iter()
            .map(|(kind, level)| {
                let mut covers = vec![text(kind_covers(kind))];
                let own: Vec<&str> = org
                    .patterns
                    .iter()
                    .filter(|p| p.kind == kind)
                    .map(|p| p.title.as_str())
                    .collect();
                if !own.is_empty() {
                    covers.push(text(format!("; also: {}", own.join(", "))));
                }
                vec![
                    vec![
                        Inline::Strong(kind_name(kind).into()),
                        text(" "),
                        code(kind.as_str()),
                    ],
                    covers,
                    vec![Inline::Box(level)],
                    action_meaning(self.action(level)),
                ]
            })
            .collect();
        b.push(Block::Table {
            head: &["Content", "What it covers", "Box", "What happens"],
            rows,
        });
        if !org.confidentiality_markers.is_empty() {
            let level = self.box_for_kind(Kind::Organization).max(org.marker_box);
            let mut line = vec![
                text("Content carrying a confidentiality marker is in "),
                Inline::Box(level),
                text(": "),
            ];
            line.extend(action_meaning(self.action(level)));
            line.push(text("."));
            b.push(Block::Para(line));
        }

        let has_vocabulary = !(org.internal_domains.is_empty()
            && org.codenames.is_empty()
            && org.confidentiality_markers.is_empty()
            && org.patterns.is_empty());
        if has_vocabulary {
            b.push(Block::Heading("What counts as internal"));
            let mut items = Vec::new();
            if !org.internal_domains.is_empty() {
                let mut l = vec![Inline::Strong("Internal domains".into()), text(": ")];
                l.extend(codes(&org.internal_domains));
                l.push(text(", and every host under them."));
                items.push(l);
            }
            if !org.codenames.is_empty() {
                items.push(vec![
                    Inline::Strong("Codenames".into()),
                    text(format!(": {}.", org.codenames.join(", "))),
                ]);
            }
            if !org.confidentiality_markers.is_empty() {
                items.push(vec![
                    Inline::Strong("Confidentiality markers".into()),
                    text(format!(": {}.", org.confidentiality_markers.join(", "))),
                ]);
            }
            for p in &org.patterns {
                items.push(vec![
                    Inline::Strong(p.title.clone()),
                    text(" ("),
                    code(p.id.clone()),
                    text(format!(", {})", kind_name(p.kind).to_lowercase())),
                    text(match &p.description {
                        Some(d) => format!(": {d}"),
                        None => ".".into(),
                    }),
                ]);
            }
            b.push(Block::List {
                ordered: false,
                items,
            });
        }

        b.push(Block::Heading("What happens in each box"));
        b.push(Block::Table {
            head: &["Box", "Action", "What it means"],
            rows: BOXES
                .into_iter()
                .map(|l| {
                    let a = self.action(l);
                    vec![
                        vec![Inline::Box(l)],
                        vec![code(a.as_str())],
                        action_meaning(a),
                    ]
                })
                .collect(),
        });

        b.push(Block::Heading("Files by path"));
        if self.paths.is_empty() {
            b.push(Block::Para(vec![text(
                "No path rules: files are classified by what they contain.",
            )]));
        } else {
            b.push(Block::Para(vec![text(
                "These files belong in a box whatever they contain; a file matching several \
                 rules takes the highest box. Paths are relative to the folder that holds airlock.toml.",
            )]));
            b.push(Block::Table {
                head: &["Files", "Box", "Why"],
                rows: self
                    .paths
                    .iter()
                    .map(|r| {
                        vec![
                            vec![code(r.glob.clone())],
                            vec![Inline::Box(r.box_level)],
                            vec![text(r.reason.clone())],
                        ]
                    })
                    .collect(),
            });
        }

        b.push(Block::Heading("Approved models"));
        b.push(Block::Table {
            head: &["Box", "May be sent to"],
            rows: BOXES
                .into_iter()
                .map(|l| {
                    let models = self.models.get(l);
                    let mut cell = if models.is_empty() {
                        vec![text("no model")]
                    } else {
                        codes(models)
                    };
                    if self.action(l) == Action::Block {
                        cell.push(text(" (while this box is blocked, nothing is sent)"));
                    }
                    vec![vec![Inline::Box(l)], cell]
                })
                .collect(),
        });

        b.push(Block::Heading("Review of AI-written code"));
        if self.review.is_empty() {
            b.push(Block::Para(vec![text(
                "No review rules: AI-written code follows the usual review process.",
            )]));
        } else {
            b.push(Block::Table {
                head: &["Changes under", "Must be reviewed by", "When"],
                rows: self
                    .review
                    .iter()
                    .map(|r| {
                        let when = match r.min_severity {
                            None => "every AI-written change".to_string(),
                            Some(s) => format!(
                                "AI-written changes with findings of severity {} or higher",
                                s.as_str()
                            ),
                        };
                        vec![
                            codes(&r.paths),
                            vec![text(r.reviewers.join(", "))],
                            vec![text(when)],
                        ]
                    })
                    .collect(),
            });
        }

        b.push(Block::Heading("Security requirements for prompts"));
        if self.prompts.requirements.is_empty() {
            b.push(Block::Para(vec![text("None.")]));
        } else {
            b.push(Block::Para(vec![text(
                "The gateway adds these requirements to every request, so that generated code \
                 follows them:",
            )]));
            b.push(Block::List {
                ordered: true,
                items: self
                    .prompts
                    .requirements
                    .iter()
                    .map(|q| vec![text(q.clone())])
                    .collect(),
            });
        }

        if self.gateway_configured {
            let g = &self.gateway;
            b.push(Block::Heading("The gateway"));
            let auth = match g.auth {
                crate::GatewayAuth::Keys => "every request needs a gateway key",
                crate::GatewayAuth::None => {
                    "no gateway key is asked for (single-user, loopback only)"
                }
            };
            let review = match g.answer_review {
                crate::AnswerReview::Annotate => {
                    "insecure code in answers is pointed out after the answer"
                }
                crate::AnswerReview::Block => "answers with insecure code are stopped",
                crate::AnswerReview::Off => "answers are not reviewed",
            };
            let mut items = vec![
                vec![
                    text("Listens on "),
                    code(g.listen.to_string()),
                    text(format!("; {auth}.")),
                ],
                vec![text(format!("Answers: {review}."))],
            ];
            if let Some(route) = &g.box3_route {
                items.push(vec![
                    text("Requests with box 3 content go only to "),
                    code(route.clone()),
                    text("; when it is down they fail."),
                ]);
            }
            b.push(Block::List {
                ordered: false,
                items,
            });
            b.push(Block::Table {
                head: &["Upstream", "Kind", "Address", "Models"],
                rows: g
                    .upstreams
                    .iter()
                    .map(|u| {
                        let models = if u.models.is_empty() {
                            vec![text("by name only")]
                        } else {
                            codes(&u.models)
                        };
                        vec![
                            vec![code(u.name.clone())],
                            vec![text(u.kind.as_str())],
                            vec![code(u.base_url.clone())],
                            models,
                        ]
                    })
                    .collect(),
            });
        }

        b.push(Block::Heading("Exceptions"));
        if self.allow.paths.is_empty() && self.allow.rules.is_empty() {
            b.push(Block::Para(vec![text(
                "None: every file is scanned and every rule is on. Single accepted findings are \
                 listed in the baseline file.",
            )]));
        } else {
            let mut items = Vec::new();
            if !self.allow.paths.is_empty() {
                let mut l = vec![Inline::Strong("Never scanned".into()), text(": ")];
                l.extend(codes(&self.allow.paths));
                items.push(l);
            }
            if !self.allow.rules.is_empty() {
                let mut l = vec![Inline::Strong("Rules turned off".into()), text(": ")];
                l.extend(codes(&self.allow.rules));
                items.push(l);
            }
            items.push(vec![text(
                "Single accepted findings are listed in the baseline file.",
            )]);
            b.push(Block::List {
                ordered: false,
                items,
            });
        }

        let footer = vec![
            text("Generated from "),
            code("airlock.toml"),
            text(" by "),
            code("airlock policy render"),
            text(
                ". The written policy and the enforced policy come from the same file, so they \
                 cannot drift: to change this page, edit airlock.toml and render it again.",
            ),
        ];
        Doc {
            title,
            blocks: b,
            footer,
        }
    }

    /// The one-page policy as Markdown.
    pub fn render_markdown(&self) -> String {
        let doc = self.document();
        let mut out = String::new();
        let _ = writeln!(out, "# {}\n", md_text(&doc.title, false));
        for block in &doc.blocks {
            match block {
                Block::Heading(h) => {
                    let _ = writeln!(out, "## {h}\n");
                }
                Block::Para(line) => {
                    let _ = writeln!(out, "{}\n", md_line(line, false));
                }
                Block::Table { head, rows } => {
                    let _ = writeln!(out, "| {} |", head.join(" | "));
                    let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
                    for row in rows {
                        let cells: Vec<String> = row.iter().map(|c| md_line(c, true)).collect();
                        let _ = writeln!(out, "| {} |", cells.join(" | "));
                    }
                    out.push('\n');
                }
                Block::List { ordered, items } => {
                    for (i, item) in items.iter().enumerate() {
                        let bullet = if *ordered {
                            format!("{}.", i + 1)
                        } else {
                            "-".into()
                        };
                        let _ = writeln!(out, "{bullet} {}", md_line(item, false));
                    }
                    out.push('\n');
                }
            }
        }
        let _ = writeln!(out, "---\n\n_{}_", md_line(&doc.footer, false));
        out
    }

    /// The one-page policy as a self-contained, printable HTML page.
    pub fn render_html(&self) -> String {
        let doc = self.document();
        let mut out = String::new();
        let title = html_escape(&doc.title);
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n\
             <h1>{title}</h1>\n"
        );
        for block in &doc.blocks {
            match block {
                Block::Heading(h) => {
                    let _ = writeln!(out, "<h2>{}</h2>", html_escape(h));
                }
                Block::Para(line) => {
                    let _ = writeln!(out, "<p>{}</p>", html_line(line));
                }
                Block::Table { head, rows } => {
                    out.push_str("<table>\n<thead><tr>");
                    for h in head.iter() {
                        let _ = write!(out, "<th>{}</th>", html_escape(h));
                    }
                    out.push_str("</tr></thead>\n<tbody>\n");
                    for row in rows {
                        out.push_str("<tr>");
                        for cell in row {
                            let _ = write!(out, "<td>{}</td>", html_line(cell));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</tbody>\n</table>\n");
                }
                Block::List { ordered, items } => {
                    let tag = if *ordered { "ol" } else { "ul" };
                    let _ = writeln!(out, "<{tag}>");
                    for item in items {
                        let _ = writeln!(out, "<li>{}</li>", html_line(item));
                    }
                    let _ = writeln!(out, "</{tag}>");
                }
            }
        }
        let _ = write!(
            out,
            "<footer>{}</footer>\n</main>\n</body>\n</html>\n",
            html_line(&doc.footer)
        );
        out
    }
}

const BOXES: [BoxLevel; 3] = [BoxLevel::Safe, BoxLevel::Caution, BoxLevel::Never];

const CSS: &str = "
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b1f24; margin: 0; background: #fff; }
main { max-width: 56rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.35rem 0.55rem; text-align: left; vertical-align: top; }
th { background: #f3f5f7; }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f3f5f7; padding: 0 0.25em; border-radius: 3px; }
.box { display: inline-block; white-space: nowrap; font-weight: 600; padding: 0 0.45em; border-radius: 4px; border: 1px solid; }
.box1 { color: #116329; background: #dafbe1; border-color: #4ac26b; }
.box2 { color: #7d4e00; background: #fff8c5; border-color: #d4a72c; }
.box3 { color: #a40e26; background: #ffebe9; border-color: #ff8182; }
footer { margin-top: 2rem; padding-top: 0.6rem; border-top: 1px solid #d0d7de; color: #57606a; font-size: 0.9em; }
@page { margin: 1.5cm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table, tr, li { break-inside: avoid; }
  .box, th, code { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

fn box_label(level: BoxLevel) -> String {
    format!("Box {}, {}", level.number(), level.label())
}

fn md_line(line: &Line, in_table: bool) -> String {
    line.iter()
        .map(|i| match i {
            Inline::Text(s) => md_text(s, in_table),
            Inline::Strong(s) => format!("**{}**", md_text(s, in_table)),
            Inline::Code(s) => md_code(s, in_table),
            Inline::Box(l) => format!("**{}**", md_text(&box_label(*l), in_table)),
        })
        .collect()
}

/// Escapes what Markdown would read as formatting, and keeps a table cell on one line.
fn md_text(s: &str, in_table: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' if in_table => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A code span long enough to hold any backticks in `s`.
fn md_code(s: &str, in_table: bool) -> String {
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let mut body = s.replace(['\n', '\r'], " ");
    if in_table {
        body = body.replace('|', "\\|");
    }
    let pad = if body.starts_with('`') || body.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{body}{pad}{fence}")
}

fn html_line(line: &Line) -> String {
    line.iter()
        .map(|i| match i {
            Inline::Text(s) => html_escape(s),
            Inline::Strong(s) => format!("<strong>{}</strong>", html_escape(s)),
            Inline::Code(s) => format!("<code>{}</code>", html_escape(s)),
            Inline::Box(l) => format!(
                "<span class=\"box box{}\">{}</span>",
                l.number(),
                html_escape(&box_label(*l))
            ),
        })
        .collect()
}

fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_formatting() {
        assert_eq!(md_text("a*b_c|d", false), r"a\*b\_c\|d");
        assert_eq!(md_code("a`b", false), "``a`b``");
        assert_eq!(md_code("x|y", true), r"`x\|y`");
    }

    #[test]
    fn html_escapes_markup() {
        assert_eq!(
            html_escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
