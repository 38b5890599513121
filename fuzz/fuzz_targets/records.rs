//! The client database: bytes as a file, then open, clients, history and visit (see
//! `calls::records`).
#![no_main]

#[path = "calls.rs"]
mod calls;

libfuzzer_sys::fuzz_target!(|data: &[u8]| calls::records(data));
