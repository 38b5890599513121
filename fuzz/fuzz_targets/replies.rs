//! The terminal's answers to the graphics query and keys, arriving before, during and
//! after the query's timeout (see `calls::replies`).
#![no_main]

#[path = "calls.rs"]
mod calls;

libfuzzer_sys::fuzz_target!(|data: &[u8]| calls::replies(data));
