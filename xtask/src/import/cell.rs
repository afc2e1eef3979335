//! The two clean-ups of a table cell of the text export, and nothing else.
//!
//! The export keeps the documents' inline HTML (`<a href="#">Contact us</a>`)
//! and leaves a space where a link ended before punctuation (`Contact us .`,
//! `联系我们 。`). A cell becomes spec text by stripping the inline tags,
//! decoding the entities, trimming the cell's ends, and removing that space;
//! every other character is kept verbatim. Markup the importer does not know
//! is an error, so a `<br>` or `<table>` is never silently flattened.

/// Inline tags whose text is kept and whose markup is dropped.
const INLINE_TAGS: [&str; 7] = ["a", "b", "strong", "i", "em", "code", "span"];

/// Placeholders the documents write in angle brackets, which are text, not
/// markup: the FC 3.0 Endpoints page puts the account in front of each host
/// (`<Alibaba Cloud account ID>.cn-hangzhou.fc.aliyuncs.com`; the Chinese
/// `<阿里云账号ID>` cannot be read as a tag).
const PLACEHOLDERS: [&str; 1] = ["<Alibaba Cloud account ID>"];

/// Punctuation that a space never precedes in either language.
const FULL_WIDTH_PUNCTUATION: [char; 7] = ['。', '，', '；', '：', '！', '？', '、'];

/// Punctuation that a space precedes only where the export put one, at the
/// end of a sentence; `.NET` or `...` inside a sentence keep theirs.
const ASCII_PUNCTUATION: [char; 6] = ['.', ',', ';', ':', '!', '?'];

/// The spec text of one cell, or what in it the importer does not understand.
pub fn clean(raw: &str) -> Result<String, String> {
    let text = strip_tags(raw)?;
    let text = decode_entities(&text)?;
    Ok(remove_space_before_punctuation(text.trim()))
}

fn strip_tags(raw: &str) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        if let Some(placeholder) = PLACEHOLDERS
            .iter()
            .find(|placeholder| rest[open..].starts_with(**placeholder))
        {
            out.push_str(placeholder);
            rest = &rest[open + placeholder.len()..];
            continue;
        }
        let after = &rest[open + 1..];
        let name_start = after.strip_prefix('/').unwrap_or(after);
        if !name_start.starts_with(|c: char| c.is_ascii_alphabetic()) {
            // `a < b`: a less-than sign, not markup.
            out.push('<');
            rest = after;
            continue;
        }
        let Some(close) = after.find('>') else {
            return Err(format!("unclosed HTML tag in {raw:?}"));
        };
        let name: String = name_start
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if !INLINE_TAGS.contains(&name.as_str()) {
            return Err(format!(
                "unknown HTML tag <{}> in {raw:?}; the importer strips only {}",
                &after[..close],
                INLINE_TAGS.map(|tag| format!("<{tag}>")).join(", ")
            ));
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn decode_entities(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(after.len());
        if name_len == 0 || !after[name_len..].starts_with(';') {
            // `R&D`, `a & b`: an ampersand, not an entity.
            out.push('&');
            rest = after;
            continue;
        }
        let name = &after[..name_len];
        out.push(entity(name).ok_or_else(|| format!("unknown HTML entity &{name}; in {text:?}"))?);
        rest = &after[name_len + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// Text as a browser shows it, the form both readers' [`super::page`] text
/// is in: a no-break space is a space, each run of HTML whitespace (space,
/// tab, line feed, form feed, carriage return) is one space, the ends are
/// trimmed, and the stray space before punctuation is removed as [`clean`]
/// removes it. Other characters, invisible ones included, are kept verbatim
/// for the checks after the reader to judge. Linear in the text.
pub(super) fn normalize(text: &str) -> String {
    remove_space_before_punctuation(&collapse_whitespace(text))
}

/// [`normalize`] without the punctuation rule, for code (`"errorCode" :`)
/// whose every character but its spacing is meant verbatim.
pub(super) fn collapse_whitespace(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    let mut space_pending = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\x0C' | '\r' | '\u{a0}') {
            space_pending = true;
            continue;
        }
        if space_pending && !collapsed.is_empty() {
            collapsed.push(' ');
        }
        space_pending = false;
        collapsed.push(c);
    }
    collapsed
}

fn remove_space_before_punctuation(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (index, &c) in chars.iter().enumerate() {
        let ends_sentence = chars.get(index + 1).is_none_or(|next| next.is_whitespace());
        let stray_space_before = FULL_WIDTH_PUNCTUATION.contains(&c)
            || (ASCII_PUNCTUATION.contains(&c) && ends_sentence);
        if stray_space_before {
            let kept = out.trim_end_matches(' ').len();
            out.truncate(kept);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{clean, normalize};

    #[test]
    fn the_account_placeholder_is_text_and_other_markup_is_not() {
        let host = "<Alibaba Cloud account ID>.cn-hangzhou.fc.aliyuncs.com";
        assert_eq!(clean(host).as_deref(), Ok(host));
        assert!(clean("<br>").is_err());
        assert!(clean("<Alibaba>x").is_err());
    }

    #[test]
    fn normalize_turns_no_break_spaces_and_runs_into_one_space_and_trims() {
        assert_eq!(
            normalize("\u{a0} Contact\u{a0}\u{a0}us \r\n\t.\n"),
            "Contact us."
        );
        assert_eq!(normalize("联系我们 。"), "联系我们。");
        assert_eq!(normalize(" \u{a0}\n"), "");
    }

    #[test]
    fn normalize_keeps_invisible_characters_verbatim() {
        assert_eq!(normalize("a\u{202e}b \u{200b} c"), "a\u{202e}b \u{200b} c");
    }

    #[test]
    fn link_markup_and_the_space_before_the_full_stop_are_removed() {
        assert_eq!(
            clean("For contact details, see <a href=\"#\">Contact us</a> .").unwrap(),
            "For contact details, see Contact us."
        );
        assert_eq!(
            clean("<a href=\"#\">Contact us</a> .").unwrap(),
            "Contact us."
        );
    }

    #[test]
    fn space_before_chinese_punctuation_is_removed_and_the_space_before_the_link_text_kept() {
        assert_eq!(
            clean("联系方式请参见 联系我们 。").unwrap(),
            "联系方式请参见 联系我们。"
        );
        assert_eq!(clean("甲 ，乙").unwrap(), "甲，乙");
    }

    #[test]
    fn ascii_punctuation_inside_a_sentence_keeps_its_space() {
        assert_eq!(
            clean("use .NET Core . Then").unwrap(),
            "use .NET Core. Then"
        );
        assert_eq!(clean("a ... b").unwrap(), "a ... b");
    }

    #[test]
    fn cell_ends_are_trimmed_and_inner_spacing_kept() {
        assert_eq!(clean("  two  spaces\t").unwrap(), "two  spaces");
    }

    #[test]
    fn entities_are_decoded_after_tags_so_escaped_markup_stays_text() {
        assert_eq!(
            clean("<b>Settings&gt; Network</b> &lt;b&gt; &amp; &#20013;&#x6587;").unwrap(),
            "Settings> Network <b> & 中文"
        );
    }

    #[test]
    fn lone_less_than_and_ampersand_are_text() {
        assert_eq!(clean("a < b & R&D").unwrap(), "a < b & R&D");
    }

    #[test]
    fn unknown_markup_is_an_error() {
        assert!(clean("one<br>two")
            .unwrap_err()
            .contains("unknown HTML tag <br>"));
        assert!(clean("&nbsp;")
            .unwrap_err()
            .contains("unknown HTML entity &nbsp;"));
        assert!(clean("<a href=\"#\"")
            .unwrap_err()
            .contains("unclosed HTML tag"));
    }
}
