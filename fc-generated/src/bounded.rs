//! Cutting untrusted text to a byte bound without splitting a character.
//!
//! Both the parse errors (which keep the rejected input) and [`crate::ApiError`]
//! (which keeps what the service sent) bound what they keep, and both must
//! cut where the result is still a `str`.

/// The longest prefix of `text` of at most `max` bytes that ends at a
/// character boundary.
pub(crate) fn char_prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::char_prefix;

    #[test]
    fn text_within_the_bound_is_kept_whole() {
        assert_eq!(char_prefix("", 0), "");
        assert_eq!(char_prefix("abc", 3), "abc");
        assert_eq!(char_prefix("abc", 100), "abc");
    }

    #[test]
    fn a_cut_inside_a_character_moves_back_to_its_start() {
        // '消' is 3 bytes: a bound of 4 or 5 falls inside the second one.
        assert_eq!(char_prefix("消消消", 4), "消");
        assert_eq!(char_prefix("消消消", 5), "消");
        assert_eq!(char_prefix("消消消", 6), "消消");
        assert_eq!(char_prefix("消", 2), "");
        assert_eq!(char_prefix("abc", 0), "");
    }
}
