//! Everything that reads the terminal or its environment: graphics protocols and the
//! terminal's answers to queries. Read once here, handed to the faces as plain values.

pub mod graphics;
