//! Integration tests: one binary with modules, run against the built `painmap`.

mod atlas;
mod budget;
mod cli;
mod compare;
mod corpus;
mod docs;
mod drawing;
mod escapes;
mod fixtures;
mod foundations;
mod guide_order;
mod hostile;
mod phrases;
mod picture;
mod records;
mod redflags;
mod reliability;
mod roundtrip;
mod show;
mod signals;
mod study;
mod terminal;
mod tmux;
mod tui;
mod util;
mod vignettes;
