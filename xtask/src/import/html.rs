//! A help-center page saved from a browser, read into a [`Page`].
//!
//! html5ever's tokenizer turns the page into tags and text (decoding the
//! entities, counting lines); this module builds no tree from them, only the
//! page's blocks, so a page's nesting depth costs nothing and the work is
//! linear in its size. What it keeps:
//!
//! - `<h1>`..`<h6>` as headings, `<p>`, `<li>`, `<pre>` and the text runs
//!   between other block elements (`<div>`, `<section>`, ...) as text, and a
//!   `Last Updated: Mar 15, 2026` / `更新时间：2026-03-10 14:02:11` text as the
//!   page's date;
//! - each `<table>` as a [`Table`]: its header is the first `<thead>` row, or
//!   a first row of only `<th>` cells; every other row with a cell is a row.
//!   A cell's text is everything in it (`<p>`, `<a>`, `<span>`, `<br>`, ...)
//!   flattened to one line. A table inside a cell (site menus are laid out
//!   that way) is a table of its own, placed where it starts, and none of its
//!   text is in the outer cell;
//! - nothing of the site chrome and the code around the article: the
//!   contents of `<nav>`, `<script>`, `<style>`, `<noscript>`, `<template>`,
//!   `<svg>`, `<form>`, `<button>`, `<iframe>`, `<textarea>`, `<title>`, and
//!   of `<header>` and `<footer>` outside an `<article>` or `<main>` (inside
//!   one they are the article's own title block). Script, style and the like
//!   are read as raw text, as a browser reads them, so a `<table>` written
//!   inside a `<script>` is never a table.
//!
//! Growth that the input alone would drive is capped ([`MAX_BLOCKS`],
//! [`MAX_TABLE_CELLS`], [`MAX_TABLE_DEPTH`]); passing a cap is a
//! [`Diagnostic`], never a panic, and text quoted in a report goes through
//! the reports' escaping.

use std::cell::RefCell;
use std::path::Path;

use fc_codegen::{Diagnostic, Diagnostics};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::TokenizerResult;

use super::cell::{collapse_whitespace, normalize};
use super::page::{Block, Cell, Page, Table};

/// The most blocks a page may have. A help-center article has a few
/// hundred; this is far above any real page and keeps a generated one from
/// growing the model without end.
pub const MAX_BLOCKS: usize = 100_000;

/// The most cells (header included) a table may have. The largest real table
/// (the error codes) has about 110; a table past this is not a document's.
pub const MAX_TABLE_CELLS: usize = 100_000;

/// How deep tables may nest. A site menu laid out as a table inside a page
/// laid out as a table is 2; tables nested deeper are not read.
pub const MAX_TABLE_DEPTH: usize = 8;

/// Parses the text of a saved help-center page; `path` is only for the page
/// and its reports. The page comes back with the problems found in it (a
/// malformed date, a cap reached), so that what it does hold is still read
/// and every problem of every file is reported in one run.
pub fn read_html(path: &Path, text: &str) -> (Page, Diagnostics) {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    let tokenizer = Tokenizer::new(
        Reader {
            state: RefCell::new(State::new(path)),
        },
        TokenizerOpts::default(),
    );
    // The sink never asks to run a script, so one feed reads everything.
    while let TokenizerResult::Script(()) = tokenizer.feed(&input) {}
    tokenizer.end();
    let state = tokenizer.sink.state.take();
    state.finish(path)
}

/// The tokenizer's sink: the reading state, behind the `RefCell` the
/// tokenizer's `&self` interface asks for.
struct Reader {
    state: RefCell<State>,
}

impl TokenSink for Reader {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let line = usize::try_from(line).unwrap_or(usize::MAX);
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => return state.tag(&tag, line),
            Token::CharacterTokens(text) => state.text(&text, line),
            Token::EOFToken => state.end_of_page(),
            // Comments, doctypes, NULs and the tokenizer's parse errors say
            // nothing about the article: a browser shows none of them.
            Token::CommentToken(_)
            | Token::DoctypeToken(_)
            | Token::NullCharacterToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

/// Elements whose contents are chrome or code, never article text; the
/// tokenizer reads the raw-text ones' contents as text until their end tag.
const SKIPPED: [(&str, Option<RawKind>); 15] = [
    ("nav", None),
    ("header", None),
    ("footer", None),
    ("script", Some(RawKind::ScriptData)),
    ("style", Some(RawKind::Rawtext)),
    ("noscript", Some(RawKind::Rawtext)),
    ("template", None),
    ("svg", None),
    ("form", None),
    ("button", None),
    ("iframe", Some(RawKind::Rawtext)),
    ("textarea", Some(RawKind::Rcdata)),
    ("title", Some(RawKind::Rcdata)),
    ("xmp", Some(RawKind::Rawtext)),
    ("noembed", Some(RawKind::Rawtext)),
];

/// Elements that start or end a block of text: outside a table each one
/// ends the text before it; inside a cell each one is a space.
const BLOCK_ELEMENTS: [&str; 30] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "head",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "section",
    "summary",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
    "pre",
];

/// Elements inside which `<header>` and `<footer>` are the article's own.
const ARTICLE_ELEMENTS: [&str; 2] = ["article", "main"];

/// What the text being collected outside a table will be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextKind {
    Text,
    Heading(u8),
    Pre,
}

/// Text collected up to the next block boundary, normalized when it ends.
#[derive(Debug)]
struct PendingText {
    kind: TextKind,
    /// The line of the tag that started the block, or of its first text.
    line: Option<usize>,
    raw: String,
}

/// A table being read.
#[derive(Debug)]
struct TableBuilder {
    line: usize,
    /// The index in `blocks` reserved for the table, so it keeps its place
    /// before the tables nested in it.
    slot: usize,
    section: Section,
    rows: Vec<RowBuilder>,
    /// Whether the last row takes the next cell; after `</tr>` (or a
    /// section tag) a cell starts a row of its own.
    row_open: bool,
    cell: Option<CellBuilder>,
    cells: usize,
    too_many_cells: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Head,
    Body,
}

#[derive(Debug)]
struct RowBuilder {
    in_head: bool,
    all_header_cells: bool,
    cells: Vec<Cell>,
}

#[derive(Debug)]
struct CellBuilder {
    line: usize,
    raw: String,
}

#[derive(Debug)]
struct State {
    /// `None` once the page's blocks went past [`MAX_BLOCKS`].
    blocks: Vec<Option<Block>>,
    problems: Vec<Diagnostic>,
    path: std::path::PathBuf,
    /// How many of each [`SKIPPED`] element are open.
    skipped: [usize; SKIPPED.len()],
    /// How many `<article>`/`<main>` elements are open.
    articles: usize,
    text: PendingText,
    tables: Vec<TableBuilder>,
    /// Tables open past [`MAX_TABLE_DEPTH`], whose contents are dropped.
    dropped_tables: usize,
    too_many_blocks: bool,
    too_deep: bool,
}

impl Default for State {
    fn default() -> Self {
        State::new(Path::new(""))
    }
}

impl State {
    fn new(path: &Path) -> Self {
        State {
            blocks: Vec::new(),
            problems: Vec::new(),
            path: path.to_path_buf(),
            skipped: [0; SKIPPED.len()],
            articles: 0,
            text: PendingText {
                kind: TextKind::Text,
                line: None,
                raw: String::new(),
            },
            tables: Vec::new(),
            dropped_tables: 0,
            too_many_blocks: false,
            too_deep: false,
        }
    }

    fn finish(mut self, path: &Path) -> (Page, Diagnostics) {
        self.end_of_page();
        let page = Page {
            path: path.to_path_buf(),
            blocks: self.blocks.into_iter().flatten().collect(),
        };
        (page, Diagnostics(self.problems))
    }

    fn is_skipping(&self) -> bool {
        self.skipped.iter().any(|&open| open > 0)
    }

    fn tag(&mut self, tag: &Tag, line: usize) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        let start = tag.kind == TagKind::StartTag;
        if let Some(index) = SKIPPED.iter().position(|(skipped, _)| *skipped == name) {
            let (_, raw) = SKIPPED[index];
            let chrome_only_outside_articles = matches!(name, "header" | "footer");
            if chrome_only_outside_articles && self.articles > 0 && !self.is_skipping() {
                // The article's own header or footer: read, as a block.
                self.block_boundary();
                return TokenSinkResult::Continue;
            }
            if start {
                // A raw-text element's end tag always follows (the tokenizer
                // reads to it), so it is counted even when self-closing.
                if raw.is_some() || !tag.self_closing {
                    if !self.is_skipping() {
                        self.block_boundary();
                    }
                    self.skipped[index] += 1;
                }
                if let Some(raw) = raw {
                    return TokenSinkResult::RawData(raw);
                }
            } else {
                self.skipped[index] = self.skipped[index].saturating_sub(1);
            }
            return TokenSinkResult::Continue;
        }
        if self.is_skipping() {
            return TokenSinkResult::Continue;
        }
        if name == "table" {
            if start {
                self.open_table(line);
            } else {
                self.close_table();
            }
            return TokenSinkResult::Continue;
        }
        if self.dropped_tables > 0 {
            return TokenSinkResult::Continue;
        }
        if ARTICLE_ELEMENTS.contains(&name) {
            if start {
                self.articles += 1;
            } else {
                self.articles = self.articles.saturating_sub(1);
            }
        }
        if !self.tables.is_empty() {
            self.table_tag(name, start, line);
            return TokenSinkResult::Continue;
        }
        if let Some(level) = heading_level(name) {
            self.flush_text();
            if start {
                self.text.kind = TextKind::Heading(level);
                self.text.line = Some(line);
            }
        } else if name == "pre" {
            self.flush_text();
            if start {
                self.text.kind = TextKind::Pre;
                self.text.line = Some(line);
            }
        } else if name == "code" && self.text.kind == TextKind::Text {
            // Inline code outside tables keeps its backticks, as the text
            // export writes it: the domain name format is the code span
            // of its section.
            self.text.raw.push('`');
        } else if name == "br" {
            self.text.raw.push(if self.text.kind == TextKind::Pre {
                '\n'
            } else {
                ' '
            });
        } else if BLOCK_ELEMENTS.contains(&name) {
            self.block_boundary();
            if start && self.text.kind == TextKind::Text {
                self.text.line = Some(line);
            }
        }
        TokenSinkResult::Continue
    }

    /// A block element's tag: in a table, a space in the open cell; outside
    /// one, the end of the text so far as a block, except inside a heading
    /// or `<pre>`, which only their own end tag ends.
    fn block_boundary(&mut self) {
        if !self.tables.is_empty() {
            if let Some(cell) = self.open_cell() {
                cell.raw.push(' ');
            }
            return;
        }
        match self.text.kind {
            TextKind::Text => self.flush_text(),
            TextKind::Heading(_) | TextKind::Pre => self.text.raw.push(' '),
        }
    }

    fn open_cell(&mut self) -> Option<&mut CellBuilder> {
        self.tables.last_mut()?.cell.as_mut()
    }

    fn text(&mut self, text: &str, line: usize) {
        if self.is_skipping() || self.dropped_tables > 0 {
            return;
        }
        if !self.tables.is_empty() {
            // Text in a table outside its cells is layout whitespace, or
            // what a browser would move out of the table; neither is a cell.
            if let Some(cell) = self.open_cell() {
                cell.raw.push_str(text);
            }
            return;
        }
        if self.text.line.is_none() && !text.trim_matches(is_html_space).is_empty() {
            self.text.line = Some(line);
        }
        self.text.raw.push_str(text);
    }

    /// Ends the text being collected as a block, and starts a plain one.
    fn flush_text(&mut self) {
        let pending = std::mem::replace(
            &mut self.text,
            PendingText {
                kind: TextKind::Text,
                line: None,
                raw: String::new(),
            },
        );
        let Some(line) = pending.line else {
            return;
        };
        let block = match pending.kind {
            TextKind::Heading(level) => Block::Heading {
                line,
                level,
                text: normalize(&pending.raw),
            },
            TextKind::Pre => Block::Text {
                line,
                text: pre_text(&pending.raw),
            },
            TextKind::Text => {
                let text = normalize(&pending.raw);
                match updated_date(&text) {
                    Some(Ok(date)) => Block::Updated { line, date },
                    Some(Err(message)) => {
                        self.problems
                            .push(Diagnostic::at(&self.path, line, message));
                        return;
                    }
                    None => Block::Text { line, text },
                }
            }
        };
        let empty = matches!(&block, Block::Heading { text, .. } | Block::Text { text, .. } if text.is_empty());
        if !empty {
            self.push_block(block, line);
        }
    }

    /// Adds a block, or reports the page as too long once.
    fn push_block(&mut self, block: Block, line: usize) -> Option<usize> {
        if self.blocks.len() >= MAX_BLOCKS {
            if !self.too_many_blocks {
                self.too_many_blocks = true;
                self.problems.push(Diagnostic::at(
                    &self.path,
                    line,
                    format!("more than {MAX_BLOCKS} blocks (MAX_BLOCKS), more than any help-center page has; the rest of the page is not read"),
                ));
            }
            return None;
        }
        self.blocks.push(Some(block));
        Some(self.blocks.len() - 1)
    }

    fn open_table(&mut self, line: usize) {
        if self.dropped_tables > 0 || self.tables.len() >= MAX_TABLE_DEPTH {
            if !self.too_deep {
                self.too_deep = true;
                self.problems.push(Diagnostic::at(
                    &self.path,
                    line,
                    format!("tables nested more than {MAX_TABLE_DEPTH} deep (MAX_TABLE_DEPTH); the inner ones are not read"),
                ));
            }
            self.dropped_tables += 1;
            return;
        }
        if self.tables.is_empty() {
            self.flush_text();
        }
        let placeholder = Block::Table(Table {
            line,
            header: Vec::new(),
            rows: Vec::new(),
        });
        let Some(slot) = self.push_block(placeholder, line) else {
            // Past the block cap: read the table's tags but keep nothing.
            self.dropped_tables += 1;
            return;
        };
        self.tables.push(TableBuilder {
            line,
            slot,
            section: Section::Body,
            rows: Vec::new(),
            row_open: false,
            cell: None,
            cells: 0,
            too_many_cells: false,
        });
    }

    fn close_table(&mut self) {
        if self.dropped_tables > 0 {
            self.dropped_tables -= 1;
            return;
        }
        let Some(mut table) = self.tables.pop() else {
            return; // a stray `</table>`, as a browser ignores it
        };
        table.end_row();
        let mut rows = table.rows.into_iter().filter(|row| !row.cells.is_empty());
        let mut rows_left: Vec<RowBuilder> = Vec::new();
        let mut header = Vec::new();
        let mut header_found = false;
        for row in rows.by_ref() {
            let is_header =
                !header_found && (row.in_head || (rows_left.is_empty() && row.all_header_cells));
            if is_header {
                header = row.cells;
                header_found = true;
            } else {
                rows_left.push(row);
            }
        }
        let block = if header.is_empty() && rows_left.is_empty() {
            None // an empty table (a layout placeholder) is no block
        } else {
            Some(Block::Table(Table {
                line: table.line,
                header,
                rows: rows_left.into_iter().map(|row| row.cells).collect(),
            }))
        };
        self.blocks[table.slot] = block;
    }

    /// A tag inside the innermost open table.
    fn table_tag(&mut self, name: &str, start: bool, line: usize) {
        let State {
            tables,
            problems,
            path,
            ..
        } = self;
        let Some(table) = tables.last_mut() else {
            return;
        };
        match (name, start) {
            ("td" | "th", true) => {
                table.end_cell();
                if !table.row_open {
                    table.start_row();
                }
                if let Some(row) = table.rows.last_mut() {
                    row.all_header_cells &= name == "th";
                }
                if table.cells < MAX_TABLE_CELLS {
                    table.cells += 1;
                    table.cell = Some(CellBuilder {
                        line,
                        raw: String::new(),
                    });
                } else if !table.too_many_cells {
                    table.too_many_cells = true;
                    problems.push(Diagnostic::at(
                        &*path,
                        line,
                        format!("the table at line {} has more than {MAX_TABLE_CELLS} cells (MAX_TABLE_CELLS); the rest are not read", table.line),
                    ));
                }
            }
            ("td" | "th", false) => table.end_cell(),
            ("tr", true) => {
                table.end_row();
                table.start_row();
            }
            ("tr", false) => table.end_row(),
            ("thead", true) => {
                table.end_row();
                table.section = Section::Head;
            }
            ("tbody" | "tfoot", true) | ("thead", false) => {
                table.end_row();
                table.section = Section::Body;
            }
            _ if name == "br"
                || BLOCK_ELEMENTS.contains(&name)
                || heading_level(name).is_some() =>
            {
                if let Some(cell) = &mut table.cell {
                    cell.raw.push(' ');
                }
            }
            _ => {}
        }
    }

    fn end_of_page(&mut self) {
        self.dropped_tables = 0;
        while !self.tables.is_empty() {
            self.close_table();
        }
        self.flush_text();
    }
}

impl TableBuilder {
    fn start_row(&mut self) {
        self.row_open = true;
        let row = RowBuilder {
            in_head: self.section == Section::Head,
            all_header_cells: true,
            cells: Vec::new(),
        };
        // A row that got no cell is replaced, not kept: rows are then at
        // most one more than the cells, which MAX_TABLE_CELLS bounds, however
        // many `<tr>`s a page holds.
        match self.rows.last_mut() {
            Some(last) if last.cells.is_empty() => *last = row,
            _ => self.rows.push(row),
        }
    }

    fn end_cell(&mut self) {
        let Some(cell) = self.cell.take() else {
            return;
        };
        if let Some(row) = self.rows.last_mut() {
            row.cells.push(Cell {
                line: cell.line,
                text: normalize(&cell.raw),
            });
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        self.row_open = false;
    }
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0C' | '\r' | '\u{a0}')
}

/// A `<pre>` block's text: its lines, each with its whitespace collapsed
/// and trimmed (code keeps its punctuation's spacing), without the blank
/// lines at its ends.
fn pre_text(raw: &str) -> String {
    let lines: Vec<String> = raw.split('\n').map(collapse_whitespace).collect();
    let first = lines.iter().position(|line| !line.is_empty());
    let last = lines.iter().rposition(|line| !line.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("\n"),
        _ => String::new(),
    }
}

/// The English months, as the help center writes them (abbreviated) and in
/// full.
const MONTHS: [(&str, &str); 12] = [
    ("Jan", "January"),
    ("Feb", "February"),
    ("Mar", "March"),
    ("Apr", "April"),
    ("May", "May"),
    ("Jun", "June"),
    ("Jul", "July"),
    ("Aug", "August"),
    ("Sep", "September"),
    ("Oct", "October"),
    ("Nov", "November"),
    ("Dec", "December"),
];

/// The date of a last-updated text as `YYYYMMDD`: `None` for any other
/// text, an error for a last-updated text whose date cannot be read.
fn updated_date(text: &str) -> Option<Result<String, String>> {
    let (date, parsed) = if let Some(date) = text.strip_prefix("Last Updated:") {
        (date.trim(), english_date(date.trim()))
    } else if let Some(date) = text
        .strip_prefix("更新时间：")
        .or_else(|| text.strip_prefix("更新时间:"))
    {
        (date.trim(), chinese_date(date.trim()))
    } else {
        return None;
    };
    Some(parsed.ok_or_else(|| {
        format!(
            "last-updated date {:?} is not understood; expected `Last Updated: Mar 15, 2026` or `更新时间：2026-03-10 14:02:11`",
            fc_codegen::escape::report_text(date)
        )
    }))
}

/// `Mar 15, 2026` or `March 15, 2026`.
fn english_date(date: &str) -> Option<String> {
    let (month, rest) = date.split_once(' ')?;
    let (day, year) = rest.split_once(", ")?;
    let month = MONTHS
        .iter()
        .position(|(short, long)| month == *short || month == *long)?;
    ymd(year, month + 1, day)
}

/// `2026-03-10`, optionally followed by ` 14:02:11`.
fn chinese_date(date: &str) -> Option<String> {
    let (day, time) = match date.split_once(' ') {
        Some((day, time)) => (day, Some(time)),
        None => (date, None),
    };
    if let Some(time) = time {
        let parts: Vec<&str> = time.split(':').collect();
        let valid = parts.len() == 3
            && parts.iter().zip([24, 60, 60]).all(|(part, limit)| {
                part.len() == 2 && part.parse::<u32>().is_ok_and(|value| value < limit)
            });
        if !valid {
            return None;
        }
    }
    let mut parts = day.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || month.len() != 2 || day.len() != 2 {
        return None;
    }
    ymd(year, month.parse().ok()?, day)
}

/// `YYYYMMDD` for a real calendar date.
fn ymd(year: &str, month: usize, day: &str) -> Option<String> {
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if day.is_empty() || day.len() > 2 || !day.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: u32 = year.parse().ok()?;
    let day: u32 = day.parse().ok()?;
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month)
        .contains(&day)
        .then(|| format!("{year:04}{month:02}{day:02}"))
}

#[cfg(test)]
mod tests;
