//! A cheap pass over a spec file's text before serde_norway parses it,
//! refusing what would make the parser slow or its error unplaced.
//!
//! - Nesting deeper than [`MAX_NESTING_DEPTH`]: libyaml's cost grows with
//!   depth faster than with size (200 KB of `[[[[` took 40 s to reach
//!   serde_norway's recursion limit), so depth is counted here, in one pass,
//!   and the file refused with the line where the limit is crossed.
//! - A byte order mark after the first character: libyaml reads it as the
//!   start of another document and reports "more than one document" with no
//!   line; here it gets its line. (The loader drops a leading one, which
//!   YAML allows.)
//!
//! The count follows YAML closely enough for a spec: block nesting by
//! indentation and `- ` / `? ` / `: ` markers, flow nesting by `[` and `{` outside
//! quoted strings and comments, block scalars (`|`, `>`) skipped. Where it
//! is unsure it counts high, and the limit leaves room for that.

/// The deepest nesting a spec file may have: blocks and flow collections
/// together. The spec's deepest value (`errors[i].annotation.reason`) is 4
/// levels down; 32 is 8 times that, so a hand-edited or differently laid
/// out spec never meets it, and a quarter of serde_norway's own limit (128),
/// well below the depths where libyaml's time runs away.
pub const MAX_NESTING_DEPTH: usize = 32;

/// The first problem of `text`, with its 1-based line (the unit tests below
/// pin both kinds).
///
/// Every character the scan acts on is ASCII, so it reads bytes: a build
/// script runs this unoptimized, where walking `char`s cost as much as
/// parsing the YAML.
pub fn problem(text: &str) -> Option<(usize, String)> {
    let mut scan = Scan::default();
    let byte_order_mark = text.find('\u{FEFF}');
    let mut line_start = 0;
    for (index, line) in yaml_lines(text).enumerate() {
        let number = index + 1;
        let line_end = line_start + line.len();
        if let Some(at) = byte_order_mark.filter(|&at| at < line_end) {
            return Some((
                number,
                format!(
                    "a byte order mark (U+FEFF) at byte {} of the line; only the file's first character may be one",
                    at - line_start + 1
                ),
            ));
        }
        if scan.line(line.as_bytes()) {
            return Some((
                number,
                format!(
                    "nested deeper than the {MAX_NESTING_DEPTH} levels a spec file may have (MAX_NESTING_DEPTH)"
                ),
            ));
        }
        line_start = line_end + line_break_len(&text.as_bytes()[line_end..]);
    }
    None
}

/// The length of the line break `rest` starts with: 2 for `\r\n` and for
/// U+0085, 3 for U+2028 and U+2029, 1 for `\n` and `\r`, 0 for none.
fn line_break_len(rest: &[u8]) -> usize {
    match rest {
        [b'\r', b'\n', ..] | [0xC2, 0x85, ..] => 2,
        [0xE2, 0x80, 0xA8 | 0xA9, ..] => 3,
        [b'\n' | b'\r', ..] => 1,
        _ => 0,
    }
}

/// The lines of `text` as libyaml breaks them: at `\n`, `\r\n`, a lone
/// `\r`, and YAML 1.1's U+0085, U+2028 and U+2029. Splitting at `\n` only
/// would let a file whose lines end in `\r` nest blocks unseen.
pub(crate) fn yaml_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        let bytes = current.as_bytes();
        let mut at = 0;
        while at < bytes.len() && line_break_len(&bytes[at..]) == 0 {
            at += 1;
        }
        if at == bytes.len() {
            rest = None;
            return (!current.is_empty()).then_some(current);
        }
        // A break is a whole character, so both sides are `str` boundaries.
        rest = Some(&current[at + line_break_len(&bytes[at..])..]);
        Some(&current[..at])
    })
}

/// Where the scan is between lines.
#[derive(Default)]
struct Scan {
    /// The columns of the open block nodes, outermost first.
    blocks: Vec<usize>,
    /// Open `[` and `{`.
    flow: usize,
    /// The quote of a quoted string still open at the end of a line.
    quote: Option<u8>,
    /// Inside a block scalar: the indent of the line that opened it.
    block_scalar: Option<usize>,
}

impl Scan {
    /// Reads one line; whether it goes deeper than the limit.
    fn line(&mut self, line: &[u8]) -> bool {
        let indent = indent_of(line);
        let rest = &line[indent..];
        if let Some(parent) = self.block_scalar {
            if rest.is_empty() || indent > parent {
                return false;
            }
            self.block_scalar = None;
        }
        // Indentation is counted inside flow collections too: it can only
        // count high there, and a `[` the scan took for a bracket in plain
        // text must not switch the block count off for the rest of the file.
        if self.quote.is_none() {
            if rest.is_empty() || rest[0] == b'#' {
                return false;
            }
            while self.blocks.last().is_some_and(|&open| open >= indent) {
                self.blocks.pop();
            }
            self.blocks.push(indent);
            let mut column = indent;
            let mut content = rest;
            while let [b'-' | b'?' | b':', b' ' | b'\t', ..] = content {
                let after = &content[2..];
                let trimmed = after.iter().take_while(|c| c.is_ascii_whitespace()).count();
                column += 2 + trimmed;
                content = &after[trimmed..];
                self.blocks.push(column);
            }
        }
        self.depth() > MAX_NESTING_DEPTH || self.characters(line)
    }

    fn depth(&self) -> usize {
        self.blocks.len() + self.flow
    }

    /// Follows quotes and flow brackets through the line; whether they go
    /// deeper than the limit. Opens a block scalar when the line's value is
    /// `|` or `>`.
    fn characters(&mut self, line: &[u8]) -> bool {
        // The last byte that was not a space, whether it was an indicator
        // (`- `, `? `, `: `, or `[`, `{`, `,` in a flow), and whether a
        // space came after it: a quote or bracket opens a value only at a
        // value's start, not inside plain text (`a - [x`). A non-ASCII
        // character is bytes that are none of these, as it is no indicator.
        let mut last: Option<u8> = None;
        let mut indicator = false;
        let mut spaced = true;
        let mut value_start = 0;
        let mut at = 0;
        while at < line.len() {
            let c = line[at];
            let next = line.get(at + 1).copied();
            at += 1;
            if let Some(quote) = self.quote {
                match c {
                    b'\\' if quote == b'"' => at += 1,
                    b'\'' if quote == b'\'' && next == Some(b'\'') => at += 1,
                    _ if c == quote => self.quote = None,
                    _ => {}
                }
                last = Some(c);
                indicator = false;
                spaced = false;
                continue;
            }
            let at_value_start = match last {
                None => true,
                Some(b'[' | b'{' | b',') => indicator,
                Some(_) => indicator && spaced,
            };
            let before_space = matches!(next, None | Some(b' ' | b'\t'));
            indicator = match c {
                b' ' | b'\t' => {
                    spaced = true;
                    continue;
                }
                b'#' if spaced || last.is_none() => break,
                b'"' | b'\'' if at_value_start => {
                    self.quote = Some(c);
                    false
                }
                b'[' | b'{' if self.flow > 0 || at_value_start => {
                    self.flow += 1;
                    if self.depth() > MAX_NESTING_DEPTH {
                        return true;
                    }
                    true
                }
                b']' | b'}' if self.flow > 0 => {
                    self.flow -= 1;
                    false
                }
                b',' => self.flow > 0,
                b':' => before_space,
                b'-' | b'?' => at_value_start && before_space,
                _ => false,
            };
            if at_value_start {
                value_start = at - 1;
            }
            last = Some(c);
            spaced = false;
        }
        let value = &line[value_start..];
        let value_len = value.len()
            - value
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
        let value = &value[..value_len];
        let opens_block_scalar = self.flow == 0
            && self.quote.is_none()
            && matches!(value.first(), Some(b'|' | b'>'))
            && value[1..]
                .iter()
                .all(|c| matches!(c, b'+' | b'-' | b'1'..=b'9'));
        if opens_block_scalar {
            self.block_scalar = Some(indent_of(line));
        }
        false
    }
}

/// The spaces a line starts with.
pub(crate) fn indent_of(line: &[u8]) -> usize {
    line.iter().take_while(|&&c| c == b' ').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_line(text: &str) -> Option<usize> {
        problem(text).map(|(line, _)| line)
    }

    #[test]
    fn the_real_spec_layout_passes() {
        let text = "# comment\nerrors:\n  - code: \"A\"\n    cause:\n      en: \"it's [x] {y} # not a comment\"\n      zh: '引号''[['\n";
        assert_eq!(depth_line(text), None);
    }

    #[test]
    fn flow_nesting_over_the_limit_is_refused_at_its_line() {
        let ok = format!(
            "a:\n  - {}{}\n",
            "[".repeat(MAX_NESTING_DEPTH - 3),
            "]".repeat(MAX_NESTING_DEPTH - 3)
        );
        assert_eq!(depth_line(&ok), None, "{ok}");
        let deep = format!("a: 1\nb: {}\n", "[{".repeat(MAX_NESTING_DEPTH));
        assert_eq!(depth_line(&deep), Some(2));
        let across_lines = format!("a: 1\nb: {}", "[\n".repeat(MAX_NESTING_DEPTH + 1));
        assert_eq!(depth_line(&across_lines), Some(MAX_NESTING_DEPTH + 1));
    }

    #[test]
    fn an_unclosed_bracket_in_text_does_not_hide_block_nesting() {
        let mut text = String::from("a: \"x\"\nb: - [x\n");
        for level in 0..=MAX_NESTING_DEPTH {
            text.push_str(&format!("{}k{level}:\n", " ".repeat(level)));
        }
        assert!(depth_line(&text).is_some());
    }

    #[test]
    fn block_nesting_over_the_limit_is_refused_at_its_line() {
        let dashes = format!("x: 1\ny:\n{}z\n", "- ".repeat(MAX_NESTING_DEPTH + 1));
        assert_eq!(depth_line(&dashes), Some(3));
        let complex = format!("? k\n: {}z\n", "? - : ".repeat(MAX_NESTING_DEPTH / 3 + 1));
        assert_eq!(depth_line(&complex), Some(2));
        let mut indented = String::new();
        for level in 0..=MAX_NESTING_DEPTH {
            indented.push_str(&format!("{}k{level}:\n", " ".repeat(level)));
        }
        assert_eq!(depth_line(&indented), Some(MAX_NESTING_DEPTH + 1));
    }

    #[test]
    fn brackets_in_quotes_comments_plain_text_and_block_scalars_do_not_count() {
        let many = "[".repeat(MAX_NESTING_DEPTH * 2);
        for text in [
            format!("a: \"{many}\"\n"),
            format!("a: '{many}'\n"),
            format!("a: \"x\\\"{many}\"\n"),
            format!("a: 'it''s {many}'\n"),
            format!("a: 1 # {many}\n"),
            format!("a: text{many}\n"),
            format!("a: x - {many}\n"),
            format!("a: x ? {many}\n"),
            format!("a: x: y {many}\n"),
            format!("a: |\n  {many}\n  {many}\nb: 1\n"),
            format!("a: \"first line\n  {many}\"\n"),
        ] {
            assert_eq!(depth_line(&text), None, "{text}");
        }
    }

    #[test]
    fn every_line_break_libyaml_knows_ends_a_line() {
        for separator in ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"] {
            let mut text = String::new();
            for level in 0..=MAX_NESTING_DEPTH {
                text.push_str(&format!("{}k{level}:{separator}", " ".repeat(level)));
            }
            assert_eq!(
                depth_line(&text),
                Some(MAX_NESTING_DEPTH + 1),
                "{separator:?}"
            );
        }
        assert_eq!(
            yaml_lines("a\r\nb\rc\n\nd").collect::<Vec<_>>(),
            ["a", "b", "c", "", "d"]
        );
    }

    #[test]
    fn a_byte_order_mark_after_the_start_is_refused_with_its_line() {
        assert_eq!(depth_line("# c\n\u{FEFF}regions:\n"), Some(2));
        assert_eq!(depth_line("a: \"x\u{FEFF}\"\n"), Some(1));
    }
}
