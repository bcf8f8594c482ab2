//! Property tests: random patterns, the verdict checked against the backtracking matcher.
