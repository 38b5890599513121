//! The `painmap` binary.
fn main() {}
