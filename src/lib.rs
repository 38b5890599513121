//! painmap: a terminal atlas of myofascial trigger-point referral patterns.
//!
//! This package is the program: two faces, [`cli`] (subcommands) and [`tui`] (the
//! explorer and study mode), and [`term`], everything that reads the terminal or its
//! environment. Neither face imports the other; the binary (`src/main.rs`) composes them.
//! The core (`painmap-core`: atlas, ranking, search, pictures, records, study) knows no
//! terminal, clap or clock; its modules are re-exported here so both faces and the tests
//! name them as `painmap::atlas`, `painmap::rank` and so on. The arrow points inward only.
#![forbid(unsafe_code)]

pub use painmap_core::{
    DISCLAIMER, atlas, body, color, columns, compare, date, drawing, escape, folders, fsutil,
    intake, layers, parse, pdf, rank, record, records, report, screen, search, study,
};

pub mod cli;
pub mod term;
pub mod tui;

pub use term::graphics;
