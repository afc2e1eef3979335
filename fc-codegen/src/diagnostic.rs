//! Problems in a spec, or in the documents it is imported from, each with a
//! typed place: the file, the line, the entry and the field.
//!
//! Loading, validation and `cargo xtask import` all report through
//! [`Diagnostic`], so every report line reads the same way and the entry
//! label (`regions[7] (cn-hongkong)`) is formatted in one place, [`Entry`]'s
//! `Display`.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::escape::report_text;

/// One problem.
///
/// Displays as `spec/regions.yaml:42: regions[7] (cn-hongkong): name.en: message`,
/// leaving out what is not known.
///
/// ```
/// use fc_codegen::diagnostic::{Diagnostic, Entry};
///
/// let problem = Diagnostic::new("spec/regions.yaml", "text is empty")
///     .at_line(Some(12))
///     .in_entry(Entry::new("regions", 1, Some("cn-shanghai")))
///     .at_field(&["name", "en"]);
/// assert_eq!(
///     problem.to_string(),
///     "spec/regions.yaml:12: regions[1] (cn-shanghai): name.en: text is empty"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, or the spec folder for problems of the folder itself.
    pub file: PathBuf,
    /// The 1-based line, where the parser or the locator gives one.
    pub line: Option<usize>,
    /// The entry of a list file the problem is in.
    pub entry: Option<Entry>,
    /// The field the problem is about, key by key: inside [`Self::entry`]
    /// when there is one, from the top of the file otherwise. Empty for the
    /// entry or the file as a whole.
    pub field: Vec<String>,
    /// What is wrong, without the place.
    pub message: String,
}

/// An entry of a spec list: the list's key, the entry's index in it, and
/// its id (a region's `id`, an error's `code`) when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `regions` or `errors`.
    pub list: &'static str,
    /// The 0-based index in the list.
    pub index: usize,
    /// The entry's id, when it has one that could be read.
    pub id: Option<String>,
}

impl Entry {
    /// The `index`-th entry of `list`, with its id if known.
    pub fn new(list: &'static str, index: usize, id: Option<&str>) -> Self {
        Entry {
            list,
            index,
            id: id.map(str::to_owned),
        }
    }
}

impl fmt::Display for Entry {
    /// `regions[7] (cn-hongkong)`, or `regions[7]` without an id: the one
    /// place an entry label is written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.list, self.index)?;
        match &self.id {
            Some(id) => write!(f, " ({})", report_text(id)),
            None => Ok(()),
        }
    }
}

impl Diagnostic {
    /// A problem of a whole file or folder.
    pub fn new(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.as_ref().to_path_buf(),
            line: None,
            entry: None,
            field: Vec::new(),
            message: message.into(),
        }
    }

    /// A problem at the 1-based `line` of `file`.
    pub fn at(file: impl AsRef<Path>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic::new(file, message).at_line(Some(line))
    }

    /// The same problem at a line.
    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    /// The same problem in an entry (or, given `None`, in none).
    pub fn in_entry(mut self, entry: impl Into<Option<Entry>>) -> Self {
        self.entry = entry.into();
        self
    }

    /// The same problem about a field.
    pub fn at_field<S: AsRef<str>>(mut self, field: &[S]) -> Self {
        self.field = field.iter().map(|key| key.as_ref().to_owned()).collect();
        self
    }
}

impl fmt::Display for Diagnostic {
    /// Every part goes through [`report_text`]: the file, entry, field and
    /// message hold spec or document text (ids, codes, keys, values, paths),
    /// and none of it may start a report line of its own or reach the
    /// terminal as a control sequence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&report_text(&self.file.display().to_string()))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        f.write_str(": ")?;
        if let Some(entry) = &self.entry {
            write!(f, "{entry}: ")?;
        }
        if !self.field.is_empty() {
            write!(f, "{}: ", report_text(&self.field.join(".")))?;
        }
        f.write_str(&report_text(&self.message))
    }
}

impl std::error::Error for Diagnostic {}

/// Every problem found in one run, in file order and then line order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Turns collected problems into a result: `Ok(value)` when there are none.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// The report of these problems: one `error:` line each, at most
    /// [`MAX_PRINTED_PROBLEMS`] of them, then how many were left out and the
    /// count, `3 problems {place}` (`in the spec`, `in the documents`).
    pub fn report<'a>(&'a self, place: &'a str) -> impl fmt::Display + 'a {
        Report {
            problems: &self.0,
            place,
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(problem: Diagnostic) -> Self {
        Diagnostics(vec![problem])
    }
}

/// How many problems a report prints; the rest are counted. A spec PR gets a
/// handful of problems wrong and a whole-table mistake (a new endpoint
/// pattern) about two per entry, 30 for today's 15 regions, so 100 shows all of a
/// real spec's problems while a generated or corrupted spec with 100,000 of
/// them still gives a build log one can scroll.
pub const MAX_PRINTED_PROBLEMS: usize = 100;

impl fmt::Display for Diagnostics {
    /// The report ([`Diagnostics::report`]) counted `in the spec`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.report("in the spec").fmt(f)
    }
}

/// [`Diagnostics::report`].
struct Report<'a> {
    problems: &'a [Diagnostic],
    place: &'a str,
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in self.problems.iter().take(MAX_PRINTED_PROBLEMS) {
            writeln!(f, "error: {problem}")?;
        }
        let count = self.problems.len();
        let hidden = count.saturating_sub(MAX_PRINTED_PROBLEMS);
        if hidden > 0 {
            writeln!(
                f,
                "... and {hidden} more problem{} not shown (at most {MAX_PRINTED_PROBLEMS} are printed)",
                plural(hidden)
            )?;
        }
        write!(f, "{count} problem{} {}", plural(count), self.place)
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_cell_cannot_write_a_report_line_of_its_own() {
        let problem = Diagnostic::at(
            "docs/fc.en.txt",
            3,
            "unknown column \"a\n0 problems in the documents\u{1b}[0m\u{202e}\"",
        );
        assert_eq!(
            Diagnostics(vec![problem])
                .report("in the documents")
                .to_string(),
            "error: docs/fc.en.txt:3: unknown column \"a\\n0 problems in the documents\\u{1b}[0m\\u{202e}\"\n\
             1 problem in the documents"
        );
    }

    #[test]
    fn an_entry_id_and_a_field_are_escaped_too() {
        let problem = Diagnostic::new("spec/regions.yaml", "bad")
            .in_entry(Entry::new("regions", 0, Some("a\nb")))
            .at_field(&["x\u{202e}"]);
        assert_eq!(
            problem.to_string(),
            "spec/regions.yaml: regions[0] (a\\nb): x\\u{202e}: bad"
        );
    }

    #[test]
    fn a_long_report_prints_the_first_problems_and_counts_the_rest() {
        let problems: Vec<Diagnostic> = (0..MAX_PRINTED_PROBLEMS + 7)
            .map(|line| Diagnostic::at("d.txt", line + 1, "bad row"))
            .collect();
        let report = Diagnostics(problems).report("in the documents").to_string();
        let printed = report.lines().filter(|line| line.starts_with("error: "));
        assert_eq!(printed.count(), MAX_PRINTED_PROBLEMS);
        assert!(report.ends_with(&format!(
            "... and 7 more problems not shown (at most {MAX_PRINTED_PROBLEMS} are printed)\n{} problems in the documents",
            MAX_PRINTED_PROBLEMS + 7
        )));
    }
}
