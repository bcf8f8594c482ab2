//! Helpers: run the instrumented matcher with a big stack and measure growth.

use airlock_redos::matcher;
use airlock_redos::{Attack, Flavor, MatchMode};

pub const LIMIT: u64 = 30_000_000;

/// Runs `f` on a thread with a large stack: the matcher recurses once per character.
pub fn big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("test thread panicked")
}

pub fn steps(pattern: &str, flavor: Flavor, flags: &str, input: &str, mode: MatchMode) -> u64 {
    let o = matcher::run(pattern, flavor, flags, input, mode, LIMIT).expect("pattern parses");
    // In search mode a late attempt may succeed (`(\w+\s?)*$` matches the empty string at the
    // end) after the early attempts did all the work; anchored attempts must fail.
    assert!(
        mode == MatchMode::Search || !o.matched,
        "{pattern:?} matched the attack input {input:?}: the attack must make matching fail"
    );
    o.steps
}

/// steps(attack with 2n pumps) / steps(attack with n pumps).
pub fn ratio(
    pattern: &str,
    flavor: Flavor,
    flags: &str,
    attack: &Attack,
    n: usize,
    mode: MatchMode,
) -> f64 {
    let a = steps(pattern, flavor, flags, &attack.build(n), mode);
    let b = steps(pattern, flavor, flags, &attack.build(2 * n), mode);
    b as f64 / a as f64
}
