//! Finds lines in a spec file's text where the parser gives none.
//!
//! serde_norway gives a position for a parse error (`Error::location`), and the
//! loader uses it; but it gives none for the values it returns, and for a
//! duplicated key only the position of the mapping that holds it. So this
//! module reads the block-style YAML the spec is written in for exactly
//! three things: the line of a field ("which line holds
//! `regions[7].endpoint.internal`?"), both lines of a duplicated key, and
//! the entry that holds a line the parser or the duplicate names. Where the
//! layout is not block style it answers `None`, and the report goes
//! without.

use std::collections::HashMap;

use crate::prescan::{indent_of, yaml_lines};

/// Line lookups over one spec file's text.
///
/// Built in one pass over the text; every lookup after that is a binary
/// search or a walk over one entry's lines, never a rescan of the file, so
/// placing P problems in a file of L lines costs O(L + P log L) (issue 13:
/// rescanning per problem made 10,000 bad entries take minutes).
#[derive(Debug, Clone)]
pub struct LineIndex {
    lines: Vec<String>,
    /// Every mapping key, with the 0-based lines that start it, ascending.
    key_lines: HashMap<String, Vec<usize>>,
    /// Every top-level key, with the 0-based first line of each item of the
    /// block sequence it holds (empty when it holds none).
    entry_starts: HashMap<String, Vec<usize>>,
}

impl LineIndex {
    /// Indexes a file's text.
    pub fn new(text: &str) -> Self {
        // Broken where libyaml breaks lines, so a line here is the line
        // serde_norway's `Error::location` names.
        let lines: Vec<String> = yaml_lines(text).map(str::to_owned).collect();
        let mut key_lines: HashMap<String, Vec<usize>> = HashMap::new();
        for (number, line) in lines.iter().enumerate() {
            if let Some((_, key)) = key_of(line) {
                key_lines.entry(key.to_owned()).or_default().push(number);
            }
        }
        let entry_starts = entry_starts_of(&lines);
        LineIndex {
            lines,
            key_lines,
            entry_starts,
        }
    }

    /// The 0-based first line of every item of the top-level sequence `key`.
    pub fn entry_starts(&self, key: &str) -> &[usize] {
        self.entry_starts.get(key).map_or(&[], Vec::as_slice)
    }

    /// The 0-based line range `[start, end)` of an item of the sequence `key`.
    pub fn entry_span(&self, key: &str, index: usize) -> Option<(usize, usize)> {
        let starts = self.entry_starts(key);
        let start = *starts.get(index)?;
        let end = match starts.get(index + 1) {
            Some(next) => *next,
            None => self.end_of_block(start),
        };
        Some((start, end))
    }

    /// The 1-based line of a field inside an item of the sequence `key`,
    /// following `path` (`["endpoint", "internal"]`); the item's own line when
    /// the field is not found.
    pub fn field_line(&self, key: &str, index: usize, path: &[&str]) -> Option<usize> {
        let span = self.entry_span(key, index)?;
        Some(self.find_path(span, path).unwrap_or(span.0) + 1)
    }

    /// The 1-based line of a field of the top-level mapping, following `path`
    /// (`["documents", "en", "version"]`).
    pub fn path_line(&self, path: &[&str]) -> Option<usize> {
        self.find_path((0, self.lines.len()), path)
            .map(|line| line + 1)
    }

    /// Every key that a block mapping repeats, in the order of the
    /// repetitions, found in one pass over the lines: a mapping is the run
    /// of keys at one column, ended by any line that starts left of that
    /// column.
    pub fn duplicate_keys(&self) -> Vec<DuplicateKey> {
        let mut open: Vec<OpenMapping> = Vec::new();
        let mut found = Vec::new();
        for (number, line) in self.lines.iter().enumerate() {
            if is_blank_or_comment(line) {
                continue;
            }
            let indent = indent_of(line.as_bytes());
            while open.last().is_some_and(|mapping| mapping.column > indent) {
                open.pop();
            }
            let Some((column, key)) = key_of(line) else {
                continue;
            };
            if open.last().map_or(true, |mapping| mapping.column < column) {
                let path = open.last().map_or_else(Vec::new, |parent| {
                    let mut path = parent.path.clone();
                    path.extend(parent.last_key.map(str::to_owned));
                    path
                });
                open.push(OpenMapping {
                    column,
                    start: (number + 1, column + 1),
                    path,
                    keys: HashMap::new(),
                    last_key: None,
                });
            }
            let Some(mapping) = open.last_mut().filter(|mapping| mapping.column == column) else {
                continue;
            };
            if let Some(&first) = mapping.keys.get(key) {
                found.push(DuplicateKey {
                    path: mapping.path.clone(),
                    key: key.to_owned(),
                    first_line: first + 1,
                    line: number + 1,
                    mapping_start: mapping.start,
                });
            } else {
                mapping.keys.insert(key, number);
            }
            mapping.last_key = Some(key);
        }
        found
    }

    /// The 0-based index of the item of the top-level sequence `key` that
    /// holds the 1-based `line`.
    pub fn entry_at_line(&self, key: &str, line: usize) -> Option<usize> {
        let starts = self.entry_starts(key);
        let index = starts
            .partition_point(|&start| start < line)
            .checked_sub(1)?;
        let (start, end) = self.entry_span(key, index)?;
        (start < line && line <= end).then_some(index)
    }

    /// The first line in `[start, end)` holding each part of `path` in turn,
    /// each searched from the line of the one before.
    fn find_path(&self, (start, end): (usize, usize), path: &[&str]) -> Option<usize> {
        let mut from = start;
        let mut found = None;
        for part in path {
            let lines = self.key_lines.get(*part)?;
            let number = *lines.get(lines.partition_point(|&line| line < from))?;
            if number >= end {
                return None;
            }
            found = Some(number);
            from = number;
        }
        found
    }

    fn end_of_block(&self, start: usize) -> usize {
        let indent = indent_of(self.lines[start].as_bytes());
        (start + 1..self.lines.len())
            .find(|&number| {
                let line = &self.lines[number];
                !is_blank_or_comment(line) && indent_of(line.as_bytes()) <= indent
            })
            .unwrap_or(self.lines.len())
    }
}

/// A key written twice in one block mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    /// The keys leading to the mapping from the top of the file
    /// (`["regions", "name"]`: a sequence item adds none).
    pub path: Vec<String>,
    /// The repeated key.
    pub key: String,
    /// The 1-based line of its first occurrence.
    pub first_line: usize,
    /// The 1-based line of the repetition.
    pub line: usize,
    /// The 1-based line and column where the mapping starts, as serde_norway
    /// places its duplicate-key error.
    pub mapping_start: (usize, usize),
}

/// One open block mapping while scanning for repeated keys.
struct OpenMapping<'a> {
    column: usize,
    start: (usize, usize),
    path: Vec<String>,
    keys: HashMap<&'a str, usize>,
    last_key: Option<&'a str>,
}

/// The item starts of every top-level key's block sequence, in one pass: a
/// top-level key's items are the `- ` lines at the indent of its first item,
/// up to the next top-level line. A repeated top-level key keeps its first
/// occurrence's items, as a lookup by position would.
fn entry_starts_of(lines: &[String]) -> HashMap<String, Vec<usize>> {
    let mut starts: HashMap<String, Vec<usize>> = HashMap::new();
    let mut current: Option<(&str, Option<usize>)> = None;
    for (number, line) in lines.iter().enumerate() {
        if is_blank_or_comment(line) {
            continue;
        }
        let indent = indent_of(line.as_bytes());
        if indent == 0 && !line.starts_with("- ") && line != "-" {
            current = match key_of(line) {
                Some((_, key)) if !starts.contains_key(key) => {
                    starts.insert(key.to_owned(), Vec::new());
                    Some((key, None))
                }
                _ => None,
            };
            continue;
        }
        let Some((key, item_indent)) = &mut current else {
            continue;
        };
        let rest = &line[indent..];
        if rest.starts_with("- ") || rest == "-" {
            let expected = *item_indent.get_or_insert(indent);
            if expected == indent {
                if let Some(items) = starts.get_mut(*key) {
                    items.push(number);
                }
            }
        }
    }
    starts
}

fn is_blank_or_comment(line: &str) -> bool {
    let trimmed = line.trim_start();
    trimmed.is_empty() || trimmed.starts_with('#')
}

/// The mapping key a line starts, if any, with the column it starts at,
/// after any `- ` of sequence items: `  - id: "x"` gives `(4, "id")`, `id:`
/// gives `(0, "id")`.
fn key_of(line: &str) -> Option<(usize, &str)> {
    let mut rest = line.trim_start_matches(' ');
    while let Some(after_dash) = rest.strip_prefix("- ") {
        rest = after_dash.trim_start_matches(' ');
    }
    let (key, after) = rest.split_once(':')?;
    let well_formed = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && (after.is_empty() || after.starts_with(' '));
    well_formed.then_some((line.len() - rest.len(), key))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# comment\nregions:\n  - id: \"a\"\n    name:\n      en: \"A\"\n  - id: \"b\"\n    endpoint:\n      internal: \"x\"\nother: 1\n";

    #[test]
    fn entries_and_fields_are_found_by_line() {
        let index = LineIndex::new(TEXT);
        assert_eq!(index.field_line("regions", 0, &[]), Some(3));
        assert_eq!(index.field_line("regions", 1, &[]), Some(6));
        assert_eq!(index.field_line("regions", 2, &[]), None);
        assert_eq!(index.field_line("regions", 0, &["name", "en"]), Some(5));
        assert_eq!(
            index.field_line("regions", 1, &["endpoint", "internal"]),
            Some(8)
        );
        assert_eq!(index.entry_span("regions", 1), Some((5, 8)));
        assert_eq!(index.path_line(&["other"]), Some(9));
    }

    #[test]
    fn a_duplicate_key_is_found_in_its_own_mapping_with_both_lines() {
        // `en` appears once in each entry's name; only the second entry's
        // name repeats it, on line 7 after line 6. An `id` in each item is no
        // repetition: every item is a mapping of its own.
        let text = "regions:\n  - id: a\n    name:\n      en: \"a\"\n  - id: b\n    name:\n      en: \"c\"\n      en: \"d\"\n";
        let index = LineIndex::new(text);
        assert_eq!(
            index.duplicate_keys(),
            [DuplicateKey {
                path: vec!["regions".to_owned(), "name".to_owned()],
                key: "en".to_owned(),
                first_line: 7,
                line: 8,
                mapping_start: (7, 7),
            }]
        );
        assert_eq!(index.entry_at_line("regions", 8), Some(1));
        assert_eq!(index.entry_at_line("regions", 3), Some(0));
        assert_eq!(index.entry_at_line("regions", 1), None);
    }

    #[test]
    fn every_repeated_key_is_found_top_level_ones_too() {
        let index = LineIndex::new("a:\n  b: 1\nc:\n  b: 2\n  b: 3\na:\n  d: 3\n");
        let found: Vec<(Vec<String>, String, usize, usize)> = index
            .duplicate_keys()
            .into_iter()
            .map(|dup| (dup.path, dup.key, dup.first_line, dup.line))
            .collect();
        assert_eq!(
            found,
            [
                (vec!["c".to_owned()], "b".to_owned(), 4, 5),
                (vec![], "a".to_owned(), 1, 6),
            ]
        );
    }

    #[test]
    fn sequence_items_at_the_parent_indent_are_separate_mappings() {
        let index = LineIndex::new("a:\n- x: 1\n  y: 2\n- x: 3\n");
        assert_eq!(index.duplicate_keys(), []);
    }

    #[test]
    fn a_missing_field_falls_back_to_the_entry_line() {
        let index = LineIndex::new(TEXT);
        assert_eq!(index.field_line("regions", 0, &["endpoint"]), Some(3));
    }

    #[test]
    fn lines_break_where_libyaml_breaks_them() {
        for separator in ["\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"] {
            let index = LineIndex::new(&TEXT.replace('\n', separator));
            assert_eq!(
                index.field_line("regions", 1, &["endpoint", "internal"]),
                Some(8),
                "{separator:?}"
            );
        }
    }
}
