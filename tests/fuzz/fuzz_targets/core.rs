//! Fuzz target `core`: see `core` in ../checks.rs for what it feeds and what it asserts.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::core(data));
