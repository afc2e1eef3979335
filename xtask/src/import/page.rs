//! One document page as the import reads it, whatever form it came in: the
//! blocks of its article in order (headings, text, tables, the last-updated
//! date), every one with the 1-based line of the source it starts on.
//!
//! Each reader (the help-center HTML in [`super::html`], the PDF's text
//! export) produces this model, so what comes after it never knows the form.
//! Text is already normalized the one way both forms share
//! ([`super::cell::normalize`]): no-break spaces are spaces, runs of
//! whitespace are one space, the ends are trimmed, and the stray space before
//! punctuation is gone; every other character is kept verbatim, so the
//! checks after the reader see (and can refuse) invisible characters.

use std::fmt;
use std::path::PathBuf;

use fc_codegen::Diagnostic;

/// A page: the file it was read from and its blocks in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The file, as its path was given.
    pub path: PathBuf,
    /// The article's blocks, in the order they start in the source.
    pub blocks: Vec<Block>,
}

/// A file and a 1-based line in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file, as its path was given.
    pub path: PathBuf,
    /// The line.
    pub line: usize,
}

impl Place {
    /// A problem at this place.
    pub fn problem(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(&self.path, self.line, message)
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)
    }
}

impl Page {
    /// A line of this page, as reports name it.
    pub fn place(&self, line: usize) -> Place {
        Place {
            path: self.path.clone(),
            line,
        }
    }
}

/// One block of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// `<h1>`..`<h6>` (or a text export's heading); `level` is 1..=6.
    Heading {
        /// The line of the opening tag.
        line: usize,
        /// 1 for `<h1>`, ..., 6 for `<h6>`.
        level: u8,
        /// The heading's text, normalized.
        text: String,
    },
    /// A paragraph, list item, `<pre>` block or run of text between blocks,
    /// normalized; a `<pre>` block keeps its lines (each normalized), joined
    /// by `'\n'`.
    Text {
        /// The line of the opening tag, or of the first text of a run.
        line: usize,
        /// The text.
        text: String,
    },
    /// The page's last-updated line (`Last Updated: Mar 15, 2026`,
    /// `更新时间：2026-03-10 14:02:11`), which stands for a page's version
    /// where a text export has a document version.
    Updated {
        /// The line the text starts on.
        line: usize,
        /// The date as `YYYYMMDD`, the form of a document version.
        date: String,
    },
    /// A text export's cover: the document's title and version, which a
    /// help-center page does not have.
    Cover {
        /// The line the title starts on.
        title_line: usize,
        /// The title, its lines joined by a space.
        title: String,
        /// The version line.
        line: usize,
        /// The version as written (eight digits, `YYYYMMDD`, when well formed).
        version: String,
    },
    /// A table.
    Table(Table),
}

/// A table: its header row (empty when the source marks none) and its body
/// rows, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The line of the opening `<table>` tag (or a text export's header row).
    pub line: usize,
    /// The header cells: the `<thead>` row, or a first row of only `<th>`.
    pub header: Vec<Cell>,
    /// The other rows; a row has at least one cell.
    pub rows: Vec<Vec<Cell>>,
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The line of the cell's opening tag (`<td>`, `<th>`): where the tag
    /// ends, as html5ever reports it, for a tag written over several lines;
    /// a text export's row line.
    pub line: usize,
    /// Everything the cell shows, flattened to one normalized line.
    pub text: String,
}

// For the readers' tests.
#[cfg(test)]
impl Page {
    /// The page's tables, in document order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
    }
}

#[cfg(test)]
impl Table {
    /// The header cells' texts, for matching a header by its names.
    pub fn header_texts(&self) -> Vec<&str> {
        self.header.iter().map(|cell| cell.text.as_str()).collect()
    }
}
