//! Integration tests: one binary with modules, run against the built `painmap`.

mod cli;
mod fixtures;
mod util;
