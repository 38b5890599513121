//! Integration tests: one binary with modules, run against the built `painmap`.

mod atlas;
mod budget;
mod cli;
mod compare;
mod corpus;
mod docs;
mod fixtures;
mod foundations;
mod guide_order;
mod hostile;
mod phrases;
mod picture;
mod records;
mod reliability;
mod roundtrip;
mod show;
mod study;
mod tmux;
mod tui;
mod util;
mod vignettes;
