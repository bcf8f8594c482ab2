//! Parser coverage: dialect syntax, flags, escapes, and errors with byte offsets.
