//! Keyboard, mouse and window events through the explorer and study (see `calls::keys`).
#![no_main]

#[path = "calls.rs"]
mod calls;

libfuzzer_sys::fuzz_target!(|data: &[u8]| calls::keys(data));
