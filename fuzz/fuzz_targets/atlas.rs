//! Atlas parsing and validation (see `calls::atlas`).
#![no_main]

#[path = "calls.rs"]
mod calls;

libfuzzer_sys::fuzz_target!(|data: &[u8]| calls::atlas(data));
