//! Spec problems, each pointing at a file, an entry and a line.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in a spec.
///
/// Displays as `spec/regions.yaml:42: regions[7] (cn-hongkong): message`,
/// leaving out what is not known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    /// The file, or the spec folder for problems of the folder itself.
    pub file: PathBuf,
    /// The 1-based line, where the parser or the locator gives one.
    pub line: Option<usize>,
    /// The entry, as `regions[7] (cn-hongkong)` or `documents.en.version`.
    pub entry: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl SpecError {
    /// A problem of a whole file or folder.
    pub fn new(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        SpecError {
            file: file.as_ref().to_path_buf(),
            line: None,
            entry: None,
            message: message.into(),
        }
    }

    /// The same problem at a line.
    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    /// The same problem in an entry.
    pub fn in_entry(mut self, entry: impl Into<String>) -> Self {
        self.entry = Some(entry.into());
        self
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        f.write_str(": ")?;
        if let Some(entry) = &self.entry {
            write!(f, "{entry}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for SpecError {}

/// Every problem found in one run, in file order and then line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecErrors(pub Vec<SpecError>);

impl SpecErrors {
    /// Turns collected problems into a result: `Ok(value)` when there are none.
    pub fn into_result<T>(self, value: T) -> Result<T, SpecErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<SpecError> for SpecErrors {
    fn from(error: SpecError) -> Self {
        SpecErrors(vec![error])
    }
}

impl fmt::Display for SpecErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in &self.0 {
            writeln!(f, "error: {error}")?;
        }
        let count = self.0.len();
        write!(
            f,
            "{count} problem{} in the spec",
            if count == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for SpecErrors {}
