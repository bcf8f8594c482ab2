//! Helpers: run the instrumented matcher with a big stack and measure growth.

use airlock_redos::matcher;
use airlock_redos::{Analysis, Complexity, Flavor, MatchMode};

pub const LIMIT: u64 = 4_000_000;
/// High-degree polynomials need more room before lower-order terms stop dominating.
pub const POLY_LIMIT: u64 = 30_000_000;

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
    let o = matcher::run(pattern, flavor, flags, input, mode, POLY_LIMIT).expect("pattern parses");
    // In search mode a late attempt may succeed (`(\w+\s?)*$` matches the empty string at the
    // end) after the early attempts did all the work; anchored attempts must fail.
    assert!(
        mode == MatchMode::Search || !o.matched,
        "{pattern:?} matched the attack input {input:?}: the attack must make matching fail"
    );
    o.steps
}

/// The matcher agrees: attacks blow up at the reported rate.
pub fn confirm(pattern: &str, flavor: Flavor, mode: MatchMode, a: &Analysis) {
    match a.complexity {
        Complexity::Exponential => {
            let attack = a.attack.as_ref().expect("attack");
            // Exponential: doubling the pumps multiplies the work by more than any polynomial
            // up to O(n^7) would (2^7 = 128), at a size where 2^n is already past that.
            let mut n = 14;
            let mut s1 = steps(pattern, flavor, "", &attack.build(n), mode);
            while s1 < 2000 && n < 60 {
                n += 1;
                s1 = steps(pattern, flavor, "", &attack.build(n), mode);
            }
            let o = airlock_redos::matcher::run(
                pattern,
                flavor,
                "",
                &attack.build(2 * n),
                mode,
                1_000_000,
            )
            .unwrap();
            assert!(
                o.aborted || o.steps >= 128 * s1,
                "{pattern}: exponential attack went from {s1} to {} steps when pumps doubled from {n}",
                o.steps
            );
        }
        Complexity::Polynomial(k) => {
            let attack = a.attack.as_ref().expect("attack");
            // Largest pump count (from a start that suits the degree) whose doubled input stays
            // under the step limit, so both measurements are exact; for high degrees the limit
            // itself serves as a lower bound of the larger count.
            let mut n: usize = match k {
                2 => 120,
                3 => 40,
                4 | 5 => 8,
                _ => 2,
            };
            // A pumped loop that is really `{n,m}` grows only up to about m characters.
            if let Some(m) = a.loop_bound {
                n = n
                    .min(m as usize / (4 * attack.pump.chars().count()).max(1))
                    .max(3);
            }
            let run = |n: usize| {
                matcher::run(pattern, flavor, "", &attack.build(n), mode, POLY_LIMIT).unwrap()
            };
            let (mut s1, mut s2) = (run(n), run(2 * n));
            while s2.aborted && n > 1 {
                n /= 2;
                (s1, s2) = (run(n), run(2 * n));
            }
            assert!(
                !s1.aborted,
                "{pattern}: {n} pumps already exceed the step limit"
            );
            let r = s2.steps as f64 / s1.steps as f64;
            // At small n lower-order terms still weigh, so high degrees are checked as "at least
            // cubic": the point is that the work is super-linear, and not exponential.
            let want = 2f64.powi(k.min(3) as i32) * 0.65;
            assert!(
                r >= want,
                "{pattern}: O(n^{k}) attack grew {r:.2}x on doubling {n} pumps, want >= {want:.2}"
            );
            if !s2.aborted {
                assert!(
                    r < 2f64.powi(k as i32 + 1),
                    "{pattern}: grew {r:.2}x, faster than O(n^{k})"
                );
            }
        }
        Complexity::Linear => {
            // Adversarial inputs built from the pattern's own characters must stay linear.
            let mut chars: Vec<char> = pattern
                .chars()
                .filter(|c| c.is_alphanumeric() || " @.,_-#=;".contains(*c))
                .chain(['a', 'b', '0', ' '])
                .collect();
            chars.sort_unstable();
            chars.dedup();
            let mut words: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
            for x in chars.iter().take(5) {
                for y in chars.iter().take(5) {
                    if x != y {
                        words.push(format!("{x}{y}"));
                    }
                }
            }
            for w in &words {
                for tail in ["", "!", "\n"] {
                    // Several lengths, since a match found at once (cheap) on the shorter input
                    // says nothing; compare only when the shorter input fails to match.
                    for n in [100, 101, 102] {
                        let input = |n: usize| format!("{}{tail}", w.repeat(n));
                        let s1 = matcher::run(pattern, flavor, "", &input(n), mode, LIMIT).unwrap();
                        if s1.matched {
                            continue;
                        }
                        let s2 =
                            matcher::run(pattern, flavor, "", &input(2 * n), mode, LIMIT).unwrap();
                        assert!(
                            s2.steps as f64 <= 2.6 * s1.steps as f64 + 50.0,
                            "{pattern}: reported linear but {w:?}*n{tail:?} grew {} -> {}",
                            s1.steps,
                            s2.steps
                        );
                    }
                }
            }
        }
        Complexity::Unknown => {}
    }
}
