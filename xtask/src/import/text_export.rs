//! The PDF's text export, read into the same [`Page`] model as a saved
//! help-center page ([`super::html`]), so what comes after never knows the
//! form.
//!
//! The export is prose with tab-separated tables:
//! - the cover's version line (`Document Version: 20201016`, `文档版本：…`)
//!   and the lines above it (the title) become a [`Block::Cover`];
//! - a line starting with `#` is a heading; a fenced code block is one
//!   text block of its lines; any other line is a text block;
//! - a run of tab-separated lines is a table whose first line is its header.
//!   A run after nothing but blank lines continues the table before it (the
//!   export breaks pages that way), and a line equal to that table's header
//!   is the header the page break repeated, skipped.
//!
//! Cells go through [`cell::clean`] (the export keeps inline HTML and
//! entities) and [`cell::normalize`], the form both readers share.

use std::path::Path;

use fc_codegen::{Diagnostic, Diagnostics};

use super::cell;
use super::page::{Block, Cell, Page, Table};

/// How a version line starts, in the English and the Chinese export.
const VERSION_PREFIXES: [&str; 2] = ["Document Version:", "文档版本："];

/// Reads the text of an export; `path` is only for the reports. The page
/// comes back with the problems found in it, so that what it does hold is
/// still read and every problem is reported in one run.
pub fn read_text_export(path: &Path, text: &str) -> (Page, Diagnostics) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut reader = Reader {
        path,
        problems: Vec::new(),
        blocks: Vec::new(),
        open_table: false,
        blank_since_table: false,
    };
    let cover_end = reader.cover(&lines);
    reader.body(&lines, cover_end);
    let page = Page {
        path: path.to_path_buf(),
        blocks: reader.blocks,
    };
    (page, Diagnostics(reader.problems))
}

struct Reader<'a> {
    path: &'a Path,
    problems: Vec<Diagnostic>,
    blocks: Vec<Block>,
    /// Whether the last line read was a table row.
    open_table: bool,
    /// Whether only blank lines came since the last table row.
    blank_since_table: bool,
}

impl Reader<'_> {
    fn problem(&mut self, line: usize, message: String) {
        self.problems.push(Diagnostic::at(self.path, line, message));
    }

    /// The cover: the version line and the paragraph above it as the
    /// title. Returns the index of the first line after the version line
    /// (0 when there is none, and the whole file is body).
    fn cover(&mut self, lines: &[&str]) -> usize {
        let Some((index, prefix)) = lines.iter().enumerate().find_map(|(index, line)| {
            let line = line.trim_start();
            VERSION_PREFIXES
                .iter()
                .find(|prefix| line.starts_with(**prefix))
                .map(|prefix| (index, *prefix))
        }) else {
            return 0;
        };
        let version_line = index + 1;
        let version = lines[index].trim_start()[prefix.len()..].trim().to_owned();
        let above: Vec<usize> = (0..index)
            .rev()
            .skip_while(|&i| lines[i].trim().is_empty())
            .take_while(|&i| !lines[i].trim().is_empty())
            .collect();
        let mut parts = Vec::new();
        for &i in above.iter().rev() {
            match cell::clean(lines[i].trim().trim_start_matches('#')) {
                Ok(part) => parts.push(part),
                Err(message) => self.problem(i + 1, format!("title: {message}")),
            }
        }
        let title_line = above.last().map_or(version_line, |first| first + 1);
        self.blocks.push(Block::Cover {
            title_line,
            title: parts.join(" "),
            line: version_line,
            version,
        });
        index + 1
    }

    fn body(&mut self, lines: &[&str], start: usize) {
        let mut code: Option<(usize, Vec<&str>)> = None;
        for (index, &text) in lines.iter().enumerate().skip(start) {
            let line = index + 1;
            if text.trim_start().starts_with("```") {
                match code.take() {
                    Some((first, code_lines)) => self.blocks.push(code_block(first, &code_lines)),
                    None => code = Some((line + 1, Vec::new())),
                }
                self.end_table();
                continue;
            }
            if let Some((_, code_lines)) = &mut code {
                code_lines.push(text);
            } else if text.trim().is_empty() {
                if self.open_table {
                    self.blank_since_table = true;
                }
                self.open_table = false;
            } else if text.contains('\t') {
                self.row(line, text);
            } else {
                if self.open_table {
                    self.problem(
                        line,
                        "a line without a tab right after a table's row; every row needs its tab-separated cells, and a blank line ends the table".to_owned(),
                    );
                }
                self.end_table();
                let trimmed = text.trim();
                let block = match trimmed.strip_prefix('#') {
                    Some(_) => Block::Heading {
                        line,
                        level: heading_level(trimmed),
                        text: cell::normalize(trimmed.trim_start_matches('#')),
                    },
                    None => Block::Text {
                        line,
                        text: cell::normalize(trimmed),
                    },
                };
                self.blocks.push(block);
            }
        }
        if let Some((first, code_lines)) = code {
            self.blocks.push(code_block(first, &code_lines));
        }
    }

    fn end_table(&mut self) {
        self.open_table = false;
        self.blank_since_table = false;
    }

    /// A tab-separated line: a header, a row, or a repeated header.
    fn row(&mut self, line: usize, text: &str) {
        let cells: Vec<Cell> = text
            .split('\t')
            .enumerate()
            .map(|(column, raw)| {
                let text = cell::clean(raw).unwrap_or_else(|message| {
                    self.problem(line, format!("cell {}: {message}", column + 1));
                    String::new()
                });
                Cell {
                    line,
                    text: cell::normalize(&text),
                }
            })
            .collect();
        let continues = self.open_table || self.blank_since_table;
        self.open_table = true;
        self.blank_since_table = false;
        if continues {
            if let Some(Block::Table(table)) = self.blocks.last_mut() {
                let repeated_header = table.header.len() == cells.len()
                    && table
                        .header
                        .iter()
                        .zip(&cells)
                        .all(|(header, cell)| header.text == cell.text);
                if !repeated_header {
                    table.rows.push(cells);
                }
                return;
            }
        }
        self.blocks.push(Block::Table(Table {
            line,
            header: cells,
            rows: Vec::new(),
        }));
    }
}

/// A fenced code block as the HTML reader gives a `<pre>`: its lines, each
/// with its spacing collapsed, joined by line breaks.
fn code_block(line: usize, lines: &[&str]) -> Block {
    let lines: Vec<String> = lines
        .iter()
        .map(|line| cell::collapse_whitespace(line))
        .collect();
    Block::Text {
        line,
        text: lines.join("\n"),
    }
}

/// `## Title`: 2.
fn heading_level(line: &str) -> u8 {
    let hashes = line.bytes().take_while(|&byte| byte == b'#').count();
    u8::try_from(hashes.clamp(1, 6)).unwrap_or(6)
}
