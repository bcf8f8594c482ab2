//! Integration tests of the gateway: a fake model provider speaking the providers' wire
//! formats and the real gateway, over loopback.

mod anthropic;
mod audit;
mod decisions;
mod fake;
mod faults;
mod harness;
mod openai;
mod other_endpoints;
mod review;
mod vault;
