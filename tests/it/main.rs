//! Integration tests: one binary with modules, run against the built `painmap`.

mod atlas;
mod budget;
mod cli;
mod fixtures;
mod hostile;
mod picture;
mod show;
mod study;
mod tmux;
mod tui;
mod util;
mod vignettes;
