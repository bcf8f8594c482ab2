//! Analyzes the patterns given as arguments (JavaScript flavor) and prints the verdict.
use airlock_redos::{analyze, Flavor};

fn main() {
    for p in std::env::args().skip(1) {
        match analyze(&p, Flavor::JavaScript, "") {
            Ok(a) => println!(
                "{p:40} {:22} growth={:?} attack={:?} notes={:?}",
                a.complexity.to_string(),
                a.growth.map(|g| (g * 100.0).round() / 100.0),
                a.attack.map(|a| (a.prefix, a.pump, a.suffix)),
                a.notes
            ),
            Err(e) => println!("{p:40} error: {e}"),
        }
    }
}
