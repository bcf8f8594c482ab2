//! What every command needs: the active policy and a detector built from it.

use std::path::{Path, PathBuf};

use airlock_policy::Policy;
use airlock_secrets::{builtin_specs, Detector, DetectorConfig};
use anyhow::{Context as _, Result};

use crate::GlobalArgs;

pub struct Context {
    pub policy: Policy,
    /// Where the policy came from, for messages; `None` for built-in defaults.
    pub policy_path: Option<PathBuf>,
}

impl Context {
    pub fn load(global: &GlobalArgs) -> Result<Context> {
        let path = match &global.policy {
            Some(p) => Some(p.clone()),
            None => {
                let cwd = std::env::current_dir().context("reading the working directory")?;
                airlock_policy::discover(&cwd)
            }
        };
        let policy = match &path {
            Some(p) => Policy::load(p).map_err(|e| anyhow::anyhow!("{e}"))?,
            None => Policy::default(),
        };
        Ok(Context {
            policy,
            policy_path: path,
        })
    }

    /// The detector: built-in rules plus the organization's, minus the rules the policy
    /// turns off.
    pub fn detector(&self, mut config: DetectorConfig) -> Result<Detector> {
        let mut specs = builtin_specs().context("built-in rules")?;
        specs.extend(self.policy.detector_rules());
        specs.retain(|s| self.policy.is_rule_enabled(&s.id));
        config.generic &= self
            .policy
            .is_rule_enabled(airlock_secrets::generic::RULE_ID);
        Detector::new(specs, config).map_err(|e| anyhow::anyhow!("{e}"))
    }

    /// Reads one input (a file, or standard input) and scans it with every rule, personal
    /// data included: what the paste guard and the redactor work from.
    pub fn scan_input(
        &self,
        file: Option<&Path>,
    ) -> Result<(crate::input::Input, Vec<airlock_types::Finding>)> {
        let input = crate::input::read(file)?;
        let detector = self.detector(DetectorConfig {
            quick_start: true,
            ..DetectorConfig::default()
        })?;
        let findings = detector.scan(&input.bytes);
        // One input per process: the process ends soon after, and freeing ~500 rules and
        // their compiled patterns would cost a good part of a millisecond for nothing.
        std::mem::forget(detector);
        Ok((input, findings))
    }

    /// The directory the policy's path globs are relative to.
    pub fn root(&self) -> PathBuf {
        self.policy_path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."))
    }
}
