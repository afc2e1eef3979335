//! What the import could not understand, each pointing at a file and a line.

use std::fmt;
use std::path::{Path, PathBuf};

use fc_codegen::error::write_report;
use fc_codegen::escape::report_text;

/// One problem in a document: displays as `docs/fc.en.txt:42: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The document as its path was given.
    pub file: PathBuf,
    /// The 1-based line, where the problem has one.
    pub line: Option<usize>,
    /// What is wrong, and where useful what the importer expected.
    pub message: String,
}

impl Problem {
    /// A problem at `line` of `file`.
    pub fn at(file: &Path, line: usize, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_path_buf(),
            line: Some(line),
            message: message.into(),
        }
    }

    /// A problem of a whole file.
    pub fn in_file(file: &Path, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_path_buf(),
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    /// The file and the message go through `report_text`: messages quote
    /// the documents' cells, and no cell may write a report line of its own.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&report_text(&self.file.display().to_string()))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", report_text(&self.message))
    }
}

/// Every problem found, in the order found: document by document, line by line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// `Ok(value)` when nothing was found.
    pub fn into_result<T>(self, value: T) -> Result<T, Problems> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_report(f, &self.0, "in the documents")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_cannot_write_a_report_line_of_its_own() {
        let problem = Problem::at(
            Path::new("docs/fc.en.txt"),
            3,
            "unknown column \"a\n0 problems in the documents\u{1b}[0m\u{202e}\"",
        );
        assert_eq!(
            Problems(vec![problem]).to_string(),
            "error: docs/fc.en.txt:3: unknown column \"a\\n0 problems in the documents\\u{1b}[0m\\u{202e}\"\n\
             1 problem in the documents"
        );
    }

    #[test]
    fn a_long_report_prints_the_first_problems_and_counts_the_rest() {
        let cap = fc_codegen::error::MAX_PRINTED_PROBLEMS;
        let problems: Vec<Problem> = (0..cap + 7)
            .map(|line| Problem::at(Path::new("d.txt"), line + 1, "bad row"))
            .collect();
        let report = Problems(problems).to_string();
        assert_eq!(
            report
                .lines()
                .filter(|line| line.starts_with("error: "))
                .count(),
            cap
        );
        assert!(report.ends_with(&format!(
            "... and 7 more problems not shown (at most {cap} are printed)\n{} problems in the documents",
            cap + 7
        )));
    }
}
