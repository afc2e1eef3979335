//! Finds the line of an entry or a field in a spec file's text.
//!
//! serde_yaml gives a line for the first parse error of a document, but none
//! for the values it returns. The validator wants a line for every problem,
//! so this module reads the block-style YAML the spec is written in and
//! answers "which line holds `regions[7].endpoint.internal`?". Where the
//! layout is not block style it answers `None`, and the report goes without.

/// Line lookups over one spec file's text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    lines: Vec<String>,
}

impl LineIndex {
    /// Indexes a file's text.
    pub fn new(text: &str) -> Self {
        LineIndex {
            lines: text.lines().map(str::to_owned).collect(),
        }
    }

    /// The 1-based line of the `index`-th item of the top-level sequence `key`.
    pub fn entry_line(&self, key: &str, index: usize) -> Option<usize> {
        self.entry_starts(key).get(index).map(|start| start + 1)
    }

    /// The 0-based first line of every item of the top-level sequence `key`.
    pub fn entry_starts(&self, key: &str) -> Vec<usize> {
        let Some(key_line) = self.top_level_key(key) else {
            return Vec::new();
        };
        let mut starts = Vec::new();
        let mut item_indent = None;
        for (number, line) in self.lines.iter().enumerate().skip(key_line + 1) {
            if is_blank_or_comment(line) {
                continue;
            }
            let indent = indent_of(line);
            if indent == 0 && !line.starts_with("- ") && line != "-" {
                break;
            }
            let rest = &line[indent..];
            if rest.starts_with("- ") || rest == "-" {
                match item_indent {
                    None => {
                        item_indent = Some(indent);
                        starts.push(number);
                    }
                    Some(expected) if expected == indent => starts.push(number),
                    Some(_) => {}
                }
            }
        }
        starts
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

    /// The 1-based line where `key:` appears for the `occurrence`-th time
    /// (0-based), at any depth: used for duplicate keys, which the parser
    /// names without a line.
    pub fn key_occurrence_line(&self, key: &str, occurrence: usize) -> Option<usize> {
        self.lines
            .iter()
            .enumerate()
            .filter(|(_, line)| key_of(line) == Some(key))
            .nth(occurrence)
            .map(|(number, _)| number + 1)
    }

    fn top_level_key(&self, key: &str) -> Option<usize> {
        self.lines
            .iter()
            .position(|line| indent_of(line) == 0 && key_of(line) == Some(key))
    }

    fn find_path(&self, (start, end): (usize, usize), path: &[&str]) -> Option<usize> {
        let mut from = start;
        let mut found = None;
        for part in path {
            let number = (from..end).find(|&number| key_of(&self.lines[number]) == Some(part))?;
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

fn is_blank_or_comment(line: &str) -> bool {
    let trimmed = line.trim_start();
    trimmed.is_empty() || trimmed.starts_with('#')
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
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
    fn a_missing_field_falls_back_to_the_entry_line() {
        let index = LineIndex::new(TEXT);
        assert_eq!(index.field_line("regions", 0, &["endpoint"]), Some(3));
    }
}
