//! Integration tests of the detection engine: every rule's examples, and redaction's
//! byte-for-byte guarantees.

mod encoded;
mod examples;
mod generic;
mod paste;
mod patterns;
mod redaction;
