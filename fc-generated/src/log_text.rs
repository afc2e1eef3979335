//! Text from a response made safe for one log line.
//!
//! A message, code, request id or body comes from whoever answered the
//! request. Written raw, a newline forges another log line, and a bidi
//! control (U+202E RIGHT-TO-LEFT OVERRIDE, ...) reorders what a reader sees.
//! So these are written as escapes: control characters as
//! [`char::escape_debug`] writes them (`\n`, `\u{1b}`), and bidi controls
//! (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the line
//! and paragraph separators (U+2028, U+2029) as `\u{...}`.

use core::fmt::{self, Write};

/// How many characters of a body [`write_preview`] shows.
const PREVIEW_CHARS: usize = 64;

/// Whether `c` is written as an escape rather than as itself.
fn needs_escape(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The bidi formatting characters of Unicode's bidi algorithm (UAX #9).
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

fn write_char_escaped(f: &mut fmt::Formatter<'_>, c: char) -> fmt::Result {
    if c.is_control() {
        write!(f, "{}", c.escape_debug())
    } else if needs_escape(c) {
        write!(f, "{}", c.escape_unicode())
    } else {
        f.write_char(c)
    }
}

/// Writes `text` with the characters above escaped.
pub(crate) fn write_escaped(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    text.chars().try_for_each(|c| write_char_escaped(f, c))
}

/// Writes the start of `text` in double quotes, escaped, with `"` and `\`
/// escaped too so the quotes delimit it, followed by `…` when it goes on
/// (past the preview, or, as `more` says, past `text`).
pub(crate) fn write_preview(f: &mut fmt::Formatter<'_>, text: &str, more: bool) -> fmt::Result {
    f.write_char('"')?;
    let mut chars = text.chars();
    for c in chars.by_ref().take(PREVIEW_CHARS) {
        match c {
            '"' | '\\' => write!(f, "\\{c}")?,
            _ => write_char_escaped(f, c)?,
        }
    }
    f.write_char('"')?;
    if more || chars.next().is_some() {
        f.write_char('…')?;
    }
    Ok(())
}
