//! The cache entry decoders, with the header checksum skipped (see `calls::cache`).
#![no_main]

#[path = "calls.rs"]
mod calls;

libfuzzer_sys::fuzz_target!(|data: &[u8]| calls::cache(data));
