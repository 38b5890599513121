//! What people type, on the shipped atlas (see `calls::query`).
#![no_main]

#[path = "calls.rs"]
mod calls;

libfuzzer_sys::fuzz_target!(|data: &[u8]| calls::query(data));
