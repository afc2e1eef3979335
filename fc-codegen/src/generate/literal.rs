//! Spec strings as string literal tokens, spelled exactly as
//! `proc_macro2::Literal::string` spells them, but cheap to make in a build
//! script.
//!
//! The build script runs unoptimized, and `Literal::string` sends every
//! character through `char::escape_debug` (a Unicode table lookup for each
//! Chinese character): a third of the pipeline's time on a large spec
//! (`cargo xtask bench-codegen`). Here the characters the spec is made of
//! (printable ASCII, CJK ideographs and the CJK punctuation the documents
//! use) are copied as they are, any other character still goes through
//! `escape_debug`, and the result is lexed back by `Literal`'s own
//! `FromStr`, so it is a real literal token whatever the text holds.

use std::str::FromStr;

use proc_macro2::Literal;

/// `text` as a string literal token, the same as `Literal::string(text)`.
pub fn string_literal(text: &str) -> Literal {
    // Lexed as Rust: should `spelling` ever be wrong, the slow spelling is
    // used instead of a broken token.
    Literal::from_str(&spelling(text)).unwrap_or_else(|_| Literal::string(text))
}

/// The source text of `text`'s string literal, quotes included.
fn spelling(text: &str) -> String {
    let mut repr = String::with_capacity(text.len() + 2);
    repr.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => repr.push_str("\\\""),
            '\\' => repr.push_str("\\\\"),
            // As `Literal::string`: `\0` unless a digit follows, which
            // would read as an octal escape.
            '\0' if chars.peek().is_some_and(|next| ('0'..='7').contains(next)) => {
                repr.push_str("\\x00");
            }
            _ if copied_as_is(c) => repr.push(c),
            _ => repr.extend(c.escape_debug()),
        }
    }
    repr.push('"');
    repr
}

/// Printable ASCII but `"` and `\\`, and the non-ASCII characters the
/// documents are written in, all of which `Literal::string` leaves alone
/// (a test checks every character, against the toolchain's Unicode tables).
/// A `match`: a lookup in a table of ranges costs more, unoptimized.
fn copied_as_is(c: char) -> bool {
    matches!(
        c,
        ' '..='~'
            | '\u{3001}'..='\u{3002}' // 、。
            | '\u{3008}'..='\u{3011}' // 〈〉《》「」『』【】
            | '\u{4E00}'..='\u{9FFF}' // CJK Unified Ideographs
            | '\u{FF01}'..='\u{FF5E}' // fullwidth ！ to ～
    ) && c != '"'
        && c != '\\'
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn every_character_copied_as_is_is_one_literal_string_leaves_alone() {
        let copied = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| copied_as_is(c));
        let mut count = 0;
        for c in copied {
            let alone = Literal::string(&c.to_string()).to_string();
            assert_eq!(alone, format!("\"{c}\""), "{c:?}");
            count += 1;
        }
        // Printable ASCII less two, 、。, the brackets, the ideographs, the
        // fullwidth forms: the ranges are not empty by mistake.
        assert_eq!(count, 93 + 2 + 10 + 20_992 + 94);
    }

    #[test]
    fn spec_like_text_is_spelled_as_literal_string_spells_it() {
        for text in [
            "",
            "华东1（杭州）",
            "请求被限流，请稍后重试。",
            "say \"hi\" \\ it's 100%",
            "tab\there\nnew line\r\n",
            "\0 then \x007",
            "\u{202E}\u{301}e\u{0301}\u{1F600}",
        ] {
            assert_eq!(
                spelling(text),
                Literal::string(text).to_string(),
                "{text:?}"
            );
            assert_eq!(string_literal(text).to_string(), spelling(text));
        }
    }

    proptest! {
        #[test]
        fn any_text_is_spelled_as_literal_string_spells_it(text in any::<String>()) {
            prop_assert_eq!(spelling(&text), Literal::string(&text).to_string());
        }

        #[test]
        fn cjk_and_ascii_text_is_spelled_as_literal_string_spells_it(
            text in "[ -~\u{3000}-\u{303F}\u{4E00}-\u{9FFF}\u{FF00}-\u{FFEF}\t\n\r]{0,40}"
        ) {
            prop_assert_eq!(spelling(&text), Literal::string(&text).to_string());
        }
    }
}
