//! The files painmap reads back: records and study progress (see `calls::files`).
#![no_main]

#[path = "calls.rs"]
mod calls;

libfuzzer_sys::fuzz_target!(|data: &[u8]| calls::files(data));
