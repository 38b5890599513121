//! Errors from reading, parsing and validating an atlas. Each renders as one line that
//! names the file and, for syntax errors, the `line:col`.

use painmap_model::ron_file::SyntaxError;
use std::fmt;

/// Why an atlas could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum AtlasError {
    /// The file could not be opened or read.
    #[error("{file}: {reason}")]
    Read {
        /// The path as given.
        file: String,
        /// What went wrong, in words.
        reason: String,
    },
    /// The file is larger than [`super::MAX_ATLAS_BYTES`]; it was not read.
    #[error("{file}: too large for an atlas (the limit is {limit} bytes)")]
    TooLarge {
        /// The path as given.
        file: String,
        /// The limit.
        limit: u64,
    },
    /// The bytes are not UTF-8 text.
    #[error("{file}:{line}:{col}: not valid UTF-8 text")]
    NotUtf8 {
        /// The path as given.
        file: String,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        col: usize,
    },
    /// RON syntax or shape error.
    #[error(transparent)]
    Parse(#[from] SyntaxError),
    /// The file parsed but breaks the atlas's rules.
    #[error("{}", Problems { file, problems })]
    Invalid {
        /// The path as given.
        file: String,
        /// Every problem found, each naming the muscle, trigger point or region at fault.
        problems: Vec<String>,
    },
}

impl AtlasError {
    /// One line per problem, each prefixed with the file name: what `validate` prints.
    pub fn lines(&self) -> Vec<String> {
        match self {
            AtlasError::Invalid { file, problems } => {
                problems.iter().map(|p| format!("{file}: {p}")).collect()
            }
            other => vec![other.to_string()],
        }
    }
}

/// Renders the first problem, with a count of the rest, on one line.
struct Problems<'a> {
    file: &'a str,
    problems: &'a [String],
}

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first = self
            .problems
            .first()
            .map_or("invalid atlas", String::as_str);
        write!(f, "{}: {first}", self.file)?;
        if self.problems.len() > 1 {
            write!(
                f,
                " (and {} more; run `painmap validate` to list them)",
                self.problems.len() - 1
            )?;
        }
        Ok(())
    }
}
