//! Every rule is documented, and its bad example fires while its good one stays quiet, run
//! through the parser and the checker against a fake registry that answers as the example says.

use std::path::Path;
use std::time::Duration;

use airlock_deps::rules::{Example, RegistryAnswer};
use airlock_deps::{Checker, CheckerConfig, Ecosystem, RegistryConfig, RuleId};

use crate::fake_registry::*;

fn date_days_ago(days: u32) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let d = (now / 86_400) as i64 - i64::from(days);
    let (y, m, dd) = crate::checker::civil(d);
    format!("{y:04}-{m:02}-{dd:02}T00:00:00.000Z")
}

fn run(example: &Example) -> Vec<airlock_deps::DepFinding> {
    let reg = FakeRegistry::start();
    let deps = airlock_deps::parse_manifest(Path::new(example.file), example.content)
        .unwrap_or_else(|e| panic!("{e}"))
        .expect("the example is a manifest");
    for (name, answer) in example.registry {
        let eco = deps
            .iter()
            .find(|d| d.name == *name)
            .expect("example names a dependency")
            .ecosystem;
        let path = match eco {
            Ecosystem::PyPI => format!("/pypi/{name}/json"),
            Ecosystem::Npm => format!("/{name}"),
            Ecosystem::Crates => format!("/api/v1/crates/{name}"),
            Ecosystem::RubyGems => format!("/api/v1/gems/{name}.json"),
            Ecosystem::Go => format!("/{name}/@v/list"),
        };
        let reply = match (answer, eco) {
            (RegistryAnswer::Missing, _) => Reply::json(404, r#"{"message": "Not Found"}"#),
            (RegistryAnswer::Down, _) => Reply::text(503, "Service Unavailable"),
            (RegistryAnswer::Exists { age_days }, Ecosystem::PyPI) => {
                pypi_project(name, &date_days_ago(*age_days), &["1.0.0"])
            }
            (RegistryAnswer::Exists { age_days }, Ecosystem::Npm) => {
                npm_package(name, &date_days_ago(*age_days), &["1.0.0"])
            }
            (RegistryAnswer::Exists { age_days }, Ecosystem::Crates) => {
                crate_info(name, &date_days_ago(*age_days), 1_000_000, 10)
            }
            (RegistryAnswer::Exists { .. }, Ecosystem::RubyGems) => gem_info(name, 1_000_000),
            (RegistryAnswer::Exists { .. }, Ecosystem::Go) => go_versions(&["v1.0.0"]),
        };
        reg.route(&path, reply);
    }
    let url = reg.url.clone();
    let cfg = CheckerConfig {
        registry: RegistryConfig {
            pypi: url.clone(),
            npm: url.clone(),
            crates: url.clone(),
            rubygems: url.clone(),
            go_proxy: url,
            timeout: Duration::from_secs(2),
            ..RegistryConfig::default()
        },
        cache_path: None,
        report_unverified: example.report_unverified,
        ..CheckerConfig::default()
    };
    Checker::new(cfg).check(&deps)
}

#[test]
fn every_rule_is_documented_and_its_examples_behave() {
    let mut ids: Vec<&str> = RuleId::ALL.iter().map(|r| r.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), RuleId::ALL.len(), "rule ids are unique");
    for rule in RuleId::ALL {
        let doc = rule.doc();
        assert_eq!(doc.id, rule);
        assert!(!doc.summary.is_empty() && !doc.why.is_empty() && !doc.fix.is_empty());
        assert!(rule.cwe().0 > 0);
        let bad = run(&doc.bad);
        assert!(
            bad.iter().any(|f| f.rule == rule),
            "{rule}: bad example must fire, got {bad:?}"
        );
        let good = run(&doc.good);
        assert!(
            good.is_empty(),
            "{rule}: good example must stay quiet, got {good:?}"
        );
    }
}
