//! painmap's model: the types of the shipped data files (the atlas, the body model and
//! the lexicon) and the rules that check them. It does no I/O beyond parsing, so the core
//! crate and the core's build step (which checks and embeds the shipped files) share one
//! definition of each type and each rule.
#![forbid(unsafe_code)]

/// The atlas file's types, its validation, its key folding and the sides.
pub mod atlas {
    pub mod model;
    pub mod side;
    pub mod text;
    pub mod validate;

    pub use side::Side;
}

/// The body model: views, regions as polygons, landmarks and points.
pub mod body {
    pub mod geom;
    pub mod model;
    pub mod zones;
}

/// What a search index is made of, built from the atlas model alone.
pub mod search {
    pub mod parts;
}

/// The pain qualities an intake records.
pub mod intake {
    pub mod quality;

    pub use quality::Quality;
}

/// Parsing a RON data file, and its syntax error.
pub mod ron_file;

/// The lexicon file's types.
pub mod parse {
    pub mod lexicon_file;
    pub mod lexicon_index;
    pub mod words;
}

/// The non-myofascial layers (dermatomes, nerve fields, visceral zones) and their checks.
pub mod layers;
