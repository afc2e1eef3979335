//! Finds the line of an entry or a field in a spec file's text.
//!
//! serde_yaml gives a line for the first parse error of a document, but none
//! for the values it returns. The validator wants a line for every problem,
//! so this module reads the block-style YAML the spec is written in and
//! answers "which line holds `regions[7].endpoint.internal`?". Where the
//! layout is not block style it answers `None`, and the report goes without.

use std::collections::HashMap;

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
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let mut key_lines: HashMap<String, Vec<usize>> = HashMap::new();
        for (number, line) in lines.iter().enumerate() {
            if let Some(key) = key_of(line) {
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

    /// The 1-based line of the `index`-th item of the top-level sequence `key`.
    pub fn entry_line(&self, key: &str, index: usize) -> Option<usize> {
        self.entry_starts(key).get(index).map(|start| start + 1)
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

    /// The text of the lines `[start, end)`, each ending in a newline.
    pub fn text_of(&self, (start, end): (usize, usize)) -> String {
        let mut text = String::new();
        for line in &self.lines[start..end] {
            text.push_str(line);
            text.push('\n');
        }
        text
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

    /// The 1-based line inside an item of the sequence `key` whose value is
    /// written exactly as `value`, when exactly one line is.
    pub fn unique_value_line(&self, key: &str, index: usize, value: &str) -> Option<usize> {
        let (start, end) = self.entry_span(key, index)?;
        let mut lines = (start..end).filter(|&number| value_of(&self.lines[number]) == Some(value));
        let line = lines.next()?;
        lines.next().is_none().then_some(line + 1)
    }

    /// The 1-based line where a mapping repeats `key`: the second `key:` at
    /// the same indent with no line of smaller indent between the two. The
    /// parser names a duplicated key without saying where it is; the first
    /// repetition in the file is the one it stops at.
    pub fn duplicate_key_line(&self, key: &str) -> Option<usize> {
        let keys = self.key_lines.get(key).map_or(&[][..], Vec::as_slice);
        keys.iter()
            .filter_map(|&first| {
                let column = key_column(&self.lines[first]);
                self.lines
                    .iter()
                    .enumerate()
                    .skip(first + 1)
                    .filter(|(_, line)| !is_blank_or_comment(line))
                    .take_while(|(_, line)| indent_of(line) >= column)
                    .find(|(_, line)| {
                        indent_of(line) == column
                            && key_column(line) == column
                            && key_of(line) == Some(key)
                    })
                    .map(|(number, _)| number + 1)
            })
            .min()
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
        let indent = indent_of(&self.lines[start]);
        (start + 1..self.lines.len())
            .find(|&number| {
                let line = &self.lines[number];
                !is_blank_or_comment(line) && indent_of(line) <= indent
            })
            .unwrap_or(self.lines.len())
    }
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
        let indent = indent_of(line);
        if indent == 0 && !line.starts_with("- ") && line != "-" {
            current = match key_of(line) {
                Some(key) if !starts.contains_key(key) => {
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

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Where a line's mapping key starts, after any `- ` of sequence items.
fn key_column(line: &str) -> usize {
    let mut rest = line.trim_start_matches(' ');
    while let Some(after_dash) = rest.strip_prefix("- ") {
        rest = after_dash.trim_start_matches(' ');
    }
    line.len() - rest.len()
}

/// The value written after a line's mapping key: `    internal: 70000`
/// gives `70000`.
fn value_of(line: &str) -> Option<&str> {
    key_of(line)?;
    let (_, value) = line[key_column(line)..].split_once(':')?;
    Some(value.trim())
}

/// The mapping key a line starts, if any: `  - id: "x"` and `id:` give `id`.
fn key_of(line: &str) -> Option<&str> {
    let mut rest = line.trim_start_matches(' ');
    while let Some(after_dash) = rest.strip_prefix("- ") {
        rest = after_dash.trim_start_matches(' ');
    }
    let colon = rest.find(':')?;
    let key = &rest[..colon];
    let after = &rest[colon + 1..];
    let well_formed = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && (after.is_empty() || after.starts_with(' '));
    well_formed.then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# comment\nregions:\n  - id: \"a\"\n    name:\n      en: \"A\"\n  - id: \"b\"\n    endpoint:\n      internal: \"x\"\nother: 1\n";

    #[test]
    fn entries_and_fields_are_found_by_line() {
        let index = LineIndex::new(TEXT);
        assert_eq!(index.entry_line("regions", 0), Some(3));
        assert_eq!(index.entry_line("regions", 1), Some(6));
        assert_eq!(index.entry_line("regions", 2), None);
        assert_eq!(index.field_line("regions", 0, &["name", "en"]), Some(5));
        assert_eq!(
            index.field_line("regions", 1, &["endpoint", "internal"]),
            Some(8)
        );
        assert_eq!(index.entry_span("regions", 1), Some((5, 8)));
        assert_eq!(index.path_line(&["other"]), Some(9));
    }

    #[test]
    fn a_duplicate_key_is_found_in_its_own_mapping() {
        // `en` appears once in each entry's name; only the second entry's
        // name repeats it, on line 7.
        let text = "regions:\n  - name:\n      en: \"a\"\n      zh: \"b\"\n  - name:\n      en: \"c\"\n      en: \"d\"\n";
        let index = LineIndex::new(text);
        assert_eq!(index.duplicate_key_line("en"), Some(7));
        assert_eq!(index.duplicate_key_line("zh"), None);
        assert_eq!(index.duplicate_key_line("name"), None);
        assert_eq!(index.entry_at_line("regions", 7), Some(1));
        assert_eq!(index.entry_at_line("regions", 3), Some(0));
        assert_eq!(index.entry_at_line("regions", 1), None);
    }

    #[test]
    fn a_top_level_key_repeated_after_nested_keys_is_found() {
        let index = LineIndex::new("a:\n  b: 1\nc:\n  b: 2\na:\n  d: 3\n");
        assert_eq!(index.duplicate_key_line("a"), Some(5));
        assert_eq!(index.duplicate_key_line("b"), None);
    }

    #[test]
    fn a_value_is_found_by_its_text_only_when_one_line_holds_it() {
        let text = "errors:\n  - code: \"A\"\n    http_status: 400\n    en: 70000\n    zh: 400\n";
        let index = LineIndex::new(text);
        assert_eq!(index.unique_value_line("errors", 0, "70000"), Some(4));
        assert_eq!(index.unique_value_line("errors", 0, "400"), None);
        assert_eq!(index.unique_value_line("errors", 0, "1"), None);
    }

    #[test]
    fn a_missing_field_falls_back_to_the_entry_line() {
        let index = LineIndex::new(TEXT);
        assert_eq!(index.field_line("regions", 0, &["endpoint"]), Some(3));
    }
}
