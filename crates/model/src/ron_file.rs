//! The one way a RON data file (the atlas, the body model, the lexicon) is parsed and the
//! one shape of its syntax error: `file:line:col: message`, as ron reports the place.

/// A RON file that does not parse: where, and ron's words for what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{col}: {message}")]
pub struct SyntaxError {
    /// The file's name, as given.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong, in ron's words (or ours, for an empty file).
    pub message: String,
}

impl SyntaxError {
    /// An error at the start of the file, for what is wrong with it as a whole.
    pub fn at_start(file: &str, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            file: file.into(),
            line: 1,
            col: 1,
            message: message.into(),
        }
    }
}

/// Parses a RON data file with ron's default limits (the build step and the run-time
/// loaders read the files the same way).
pub fn from_ron<T: serde::de::DeserializeOwned>(text: &str, file: &str) -> Result<T, SyntaxError> {
    ron::Options::default()
        .from_str::<T>(text)
        .map_err(|e| SyntaxError {
            file: file.into(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_syntax_error_names_file_line_and_column() {
        let err = from_ron::<Vec<u8>>("[1,\n  x]", "f.ron").unwrap_err();
        assert_eq!((err.line, err.col), (2, 3), "{err}");
        assert!(err.to_string().starts_with("f.ron:2:3: "), "{err}");
    }
}
