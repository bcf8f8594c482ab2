//! `airlock keys create|list|revoke`: the gateway's API keys. A new token is printed once, on
//! stdout, and only its SHA-256 is stored; `list` and `revoke` work with the public key id.

use std::process::ExitCode;

use airlock_audit::time::format_rfc3339;
use airlock_audit::KeyInfo;
use anyhow::{bail, Context as _, Result};
use clap::{Subcommand, ValueEnum};

use super::audit::{block_on, DatabaseArgs};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KeysFormat {
    Text,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum KeysCommand {
    /// Create a key and print its token once (store it now: it cannot be shown again).
    Create {
        /// Whose key it is; recorded as the user of every request made with it.
        #[arg(long)]
        user: String,
        /// The user's team.
        #[arg(long)]
        team: Option<String>,
        #[command(flatten)]
        db: DatabaseArgs,
        /// text: the token alone on stdout; json: token, id, user and team as one object.
        #[arg(long, value_enum, default_value = "text")]
        format: KeysFormat,
    },
    /// List keys (never their tokens).
    List {
        #[command(flatten)]
        db: DatabaseArgs,
        #[arg(long, value_enum, default_value = "text")]
        format: KeysFormat,
    },
    /// Revoke a key by id; gateways stop accepting it within seconds.
    Revoke {
        /// The key id shown by `airlock keys list` (key_...).
        id: String,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

#[derive(serde::Serialize)]
struct KeyJson<'a> {
    #[serde(flatten)]
    info: &'a KeyInfo,
    created: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    token: Option<&'a str>,
}

pub fn run(cmd: KeysCommand) -> Result<ExitCode> {
    block_on(run_async(cmd))
}

async fn run_async(cmd: KeysCommand) -> Result<ExitCode> {
    match cmd {
        KeysCommand::Create {
            user,
            team,
            db,
            format,
        } => {
            let store = db.open(false).await?;
            let (token, info) = store
                .create_key(&user, team.as_deref())
                .await
                .context("cannot create the key")?;
            match format {
                // airlock:allow log-secret -- the new key is shown once, to its owner, by design
                KeysFormat::Text => println!("{token}"),
                // airlock:allow log-secret -- the same key, shown once, as JSON
                KeysFormat::Json => println!(
                    "{}",
                    serde_json::to_string(&KeyJson {
                        info: &info,
                        created: format_rfc3339(info.created_ms),
                        token: Some(&token),
                    })?
                ),
            }
            eprintln!(
                "airlock: created key {} for {}{}; the token above is shown only once: store it \
                 now (clients send it as the API key / bearer token)",
                info.id,
                info.user,
                info.team
                    .as_deref()
                    .map_or(String::new(), |t| format!(" (team {t})"))
            );
            Ok(ExitCode::SUCCESS)
        }
        KeysCommand::List { db, format } => {
            let store = db.open(true).await?;
            let keys = store.list_keys().await.context("cannot list keys")?;
            match format {
                KeysFormat::Json => {
                    let items: Vec<KeyJson> = keys
                        .iter()
                        .map(|k| KeyJson {
                            info: k,
                            created: format_rfc3339(k.created_ms),
                            token: None,
                        })
                        .collect();
                    println!("{}", serde_json::to_string_pretty(&items)?);
                }
                KeysFormat::Text => print_table(&keys),
            }
            Ok(ExitCode::SUCCESS)
        }
        KeysCommand::Revoke { id, db } => {
            let store = db.open(true).await?;
            if !store
                .revoke_key(&id)
                .await
                .context("cannot revoke the key")?
            {
                bail!("no active key with id {id:?} (see `airlock keys list`)");
            }
            eprintln!("airlock: revoked key {id}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_table(keys: &[KeyInfo]) {
    if keys.is_empty() {
        eprintln!("airlock: no keys (create one with `airlock keys create --user NAME`)");
        return;
    }
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_control() { '?' } else { c })
            .collect()
    };
    let rows: Vec<[String; 5]> = keys
        .iter()
        .map(|k| {
            let t = format_rfc3339(k.created_ms);
            [
                clean(&k.id),
                clean(&k.user),
                clean(k.team.as_deref().unwrap_or("")),
                format!("{} {}", &t[..10], &t[11..19]),
                if k.revoked { "revoked" } else { "active" }.to_string(),
            ]
        })
        .collect();
    let head = ["ID", "USER", "TEAM", "CREATED (UTC)", "STATUS"].map(str::to_string);
    let mut w = head.clone().map(|h| h.len());
    for r in &rows {
        for (w, c) in w.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    for r in std::iter::once(&head).chain(&rows) {
        println!(
            "{:<w0$}  {:<w1$}  {:<w2$}  {:<w3$}  {}",
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            w0 = w[0],
            w1 = w[1],
            w2 = w[2],
            w3 = w[3]
        );
    }
}
