//! Spec problems, each pointing at a file, an entry and a line.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::escape::report_text;

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
    /// Every part goes through [`report_text`]: the file, entry and message
    /// hold spec text (ids, codes, values, paths), and none of it may start
    /// a report line of its own or reach the terminal as a control sequence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&report_text(&self.file.display().to_string()))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        f.write_str(": ")?;
        if let Some(entry) = &self.entry {
            write!(f, "{}: ", report_text(entry))?;
        }
        f.write_str(&report_text(&self.message))
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

/// How many problems a report prints; the rest are counted. A spec PR gets a
/// handful of problems wrong and a whole-table mistake (a new endpoint
/// pattern) about two per entry, 30 for today's 15 regions, so 100 shows all of a
/// real spec's problems while a generated or corrupted spec with 100,000 of
/// them still gives a build log one can scroll.
pub const MAX_PRINTED_PROBLEMS: usize = 100;

impl fmt::Display for SpecErrors {
    /// See [`write_report`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_report(f, &self.0, "in the spec")
    }
}

/// One `error:` line per problem, at most [`MAX_PRINTED_PROBLEMS`] of them,
/// then how many were left out and the count: `3 problems {place}`. Every
/// report of problems prints through this (the spec's here, the import's in
/// xtask).
pub fn write_report<T: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    problems: &[T],
    place: &str,
) -> fmt::Result {
    for problem in problems.iter().take(MAX_PRINTED_PROBLEMS) {
        writeln!(f, "error: {problem}")?;
    }
    let count = problems.len();
    let hidden = count.saturating_sub(MAX_PRINTED_PROBLEMS);
    if hidden > 0 {
        writeln!(
            f,
            "... and {hidden} more problem{} not shown (at most {MAX_PRINTED_PROBLEMS} are printed)",
            plural(hidden)
        )?;
    }
    write!(f, "{count} problem{} {place}", plural(count))
}

fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

impl std::error::Error for SpecErrors {}
