//! One module per subcommand.

pub mod audit;
pub mod baseline;
pub mod check;
pub mod classify;
pub mod gateway;
pub mod hook;
pub mod keys;
pub mod policy;
pub mod redact;
pub mod review;
pub mod rules;
pub mod scan;

use airlock_types::Confidence;
use clap::ValueEnum;

/// `--min-confidence` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ConfidenceArg {
    Low,
    Medium,
    High,
}

impl From<ConfidenceArg> for Confidence {
    fn from(c: ConfidenceArg) -> Confidence {
        match c {
            ConfidenceArg::Low => Confidence::Low,
            ConfidenceArg::Medium => Confidence::Medium,
            ConfidenceArg::High => Confidence::High,
        }
    }
}
