//! Spec text shown as text: the characters that change how text displays
//! without being seen, and the escaping every report applies to spec text.
//!
//! A spec string reaches a terminal or a CI log inside a problem report. A
//! line break in it would write a report line of its own (`0 problems in the
//! spec`), an escape sequence would colour or rewrite the log, a bidi control
//! would reorder what the reader sees. [`report_text`] escapes all of them the
//! way `{:?}` would, and is what every `Display` of a diagnostic goes through.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` changes how text around it displays while showing nothing
/// itself: bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E,
/// U+2066-U+2069), zero-width characters (U+200B-U+200D, U+2060-U+2064,
/// U+FEFF), and the line and paragraph separators (U+2028, U+2029), which
/// some viewers break lines at. Control characters (`char::is_control`) are
/// a class of their own.
///
/// ```
/// assert!(fc_codegen::escape::is_invisible('\u{202E}'));
/// assert!(fc_codegen::escape::is_invisible('\u{200B}'));
/// assert!(!fc_codegen::escape::is_invisible('（'));
/// ```
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// `text` with every control and invisible character escaped as `{:?}`
/// writes it (`\n`, `\r`, `\t`, `\u{1b}`, `\u{202e}`); everything else,
/// quotes and backslashes included, stays as it is, so a value a message
/// already quoted with `{:?}` is not escaped twice.
///
/// ```
/// use fc_codegen::escape::report_text;
///
/// assert_eq!(report_text("cn-qingdao\n0 problems\x1b[0m"), "cn-qingdao\\n0 problems\\u{1b}[0m");
/// assert_eq!(report_text("华东2（上海）"), "华东2（上海）");
/// ```
pub fn report_text(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            match c {
                '\n' => escaped.push_str("\\n"),
                '\r' => escaped.push_str("\\r"),
                '\t' => escaped.push_str("\\t"),
                '\0' => escaped.push_str("\\0"),
                _ => {
                    let _ = write!(escaped, "\\u{{{:x}}}", u32::from(c));
                }
            }
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_and_invisible_character_is_escaped_and_nothing_else() {
        for code in 0..=0x10FFFF_u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let shown = report_text(c.encode_utf8(&mut [0; 4])).into_owned();
            if c.is_control() || is_invisible(c) {
                assert!(shown.starts_with('\\'), "U+{code:04X} shown as {shown:?}");
                assert!(shown.is_ascii(), "U+{code:04X} shown as {shown:?}");
            } else {
                assert_eq!(shown, c.to_string(), "U+{code:04X}");
            }
        }
    }
}
