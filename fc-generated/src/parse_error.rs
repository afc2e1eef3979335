//! The errors of the `FromStr` impls of `Region`, `ErrorCode`, `Lang` and
//! `Network`.
//!
//! A miss must be cheap (no allocation, as fast as a hit) and helpful. So the
//! error keeps the input inline, bounded to [`KEPT_INPUT_BYTES`] (an
//! attacker's 10 KB string is not copied into every log line), and works out
//! the suggestion only when asked, from the generated `ALL` table.

use core::fmt;

use crate::bounded::char_prefix;
use crate::{ErrorCode, Lang, Network, Region};

/// How many bytes of a rejected input an error keeps; longer inputs are cut
/// at a character boundary, and the error says how long they were.
///
/// ```
/// use fc_generated::{Region, KEPT_INPUT_BYTES};
///
/// let error = "x".repeat(10_000).parse::<Region>().unwrap_err();
/// assert_eq!(error.input().len(), KEPT_INPUT_BYTES);
/// assert!(error.is_truncated());
/// ```
pub const KEPT_INPUT_BYTES: usize = 64;

// `KeptInput` stores how many bytes it kept in a `u8`.
const _: () = assert!(KEPT_INPUT_BYTES <= u8::MAX as usize);

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct KeptInput {
    bytes: [u8; KEPT_INPUT_BYTES],
    kept: u8,
    full_len: usize,
}

impl KeptInput {
    fn new(input: &str) -> Self {
        let kept = char_prefix(input, KEPT_INPUT_BYTES);
        let mut bytes = [0; KEPT_INPUT_BYTES];
        bytes[..kept.len()].copy_from_slice(kept.as_bytes());
        KeptInput {
            bytes,
            kept: kept.len() as u8,
            full_len: input.len(),
        }
    }

    fn as_str(&self) -> &str {
        // Cut at a char boundary of a `str` in `new`, so always UTF-8.
        core::str::from_utf8(&self.bytes[..usize::from(self.kept)]).unwrap_or_default()
    }

    fn is_truncated(&self) -> bool {
        usize::from(self.kept) < self.full_len
    }
}

impl fmt::Debug for KeptInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// The closest of `candidates` to `input`: the same ignoring ASCII case,
/// then the one at the smallest edit distance, if that is at most 2 (or a
/// third of the input's length, for long ids) and less than the
/// candidate's length: replacing all of a two-letter name such as `en` is
/// not a typo of it.
fn closest<T: Copy>(input: &str, candidates: &[T], name: impl Fn(T) -> &'static str) -> Option<T> {
    let input = input.trim();
    if let Some(&exact) = candidates
        .iter()
        .find(|&&candidate| name(candidate).eq_ignore_ascii_case(input))
    {
        return Some(exact);
    }
    let limit = (input.len() / 3).max(2);
    candidates
        .iter()
        .map(|&candidate| (edit_distance(input, name(candidate)), candidate))
        .filter(|&(distance, candidate)| distance <= limit && distance < name(candidate).len())
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over chars, ASCII case folded.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().map(|c| c.to_ascii_lowercase()).enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

macro_rules! parse_error {
    ($(#[$doc:meta])* $error:ident, $target:ident, $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $error {
            input: KeptInput,
        }

        impl $error {
            pub(crate) fn new(input: &str) -> Self {
                $error { input: KeptInput::new(input) }
            }

            /// The rejected input, cut to its first [`KEPT_INPUT_BYTES`] bytes
            /// (at a character boundary) when it was longer.
            pub fn input(&self) -> &str {
                self.input.as_str()
            }

            /// Whether [`input`](Self::input) is only the start of what was given.
            pub fn is_truncated(&self) -> bool {
                self.input.is_truncated()
            }

            /// The known value closest to the input, if one is close: the same
            /// ignoring case, or a small typo away.
            pub fn suggestion(&self) -> Option<$target> {
                closest(self.input(), $target::ALL, $target::$name)
            }
        }

        impl fmt::Debug for $error {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($error))
                    .field("input", &self.input)
                    .field("input_len", &self.input.full_len)
                    .field("suggestion", &self.suggestion())
                    .finish()
            }
        }

        impl fmt::Display for $error {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!("unknown ", $what, " {:?}"), self.input())?;
                if self.is_truncated() {
                    write!(f, " (first {} of {} bytes)", self.input().len(), self.input.full_len)?;
                }
                match self.suggestion() {
                    Some(suggestion) => write!(f, "; did you mean {:?}?", suggestion.$name()),
                    None => Ok(()),
                }
            }
        }

        impl std::error::Error for $error {}
    };
}

parse_error!(
    /// A string that is not the id of a known [`Region`].
    ///
    /// ```
    /// use fc_generated::Region;
    ///
    /// let error = "CN-Hangzhou".parse::<Region>().unwrap_err();
    /// assert_eq!(error.input(), "CN-Hangzhou");
    /// assert_eq!(error.suggestion(), Some(Region::CnHangzhou));
    /// assert_eq!(error.to_string(), r#"unknown region id "CN-Hangzhou"; did you mean "cn-hangzhou"?"#);
    /// ```
    ParseRegionError,
    Region,
    as_str,
    "region id"
);

parse_error!(
    /// A string that is not one of the common [`ErrorCode`]s.
    ///
    /// ```
    /// use fc_generated::ErrorCode;
    ///
    /// let error = "FunctionNotFound".parse::<ErrorCode>().unwrap_err();
    /// assert_eq!(error.input(), "FunctionNotFound");
    /// assert_eq!(error.suggestion(), None);
    /// ```
    ParseErrorCodeError,
    ErrorCode,
    as_str,
    "error code"
);

parse_error!(
    /// A string that is not the wire form of a [`Lang`] (`en`, `zh`).
    ///
    /// ```
    /// use fc_generated::Lang;
    ///
    /// let error = "eng".parse::<Lang>().unwrap_err();
    /// assert_eq!(error.input(), "eng");
    /// assert_eq!(error.suggestion(), Some(Lang::En));
    /// assert_eq!(error.to_string(), r#"unknown language "eng"; did you mean "en"?"#);
    /// ```
    ParseLangError,
    Lang,
    as_str,
    "language"
);

parse_error!(
    /// A string that is not the wire form of a [`Network`] (`public`,
    /// `internal`).
    ///
    /// ```
    /// use fc_generated::Network;
    ///
    /// let error = "Internal".parse::<Network>().unwrap_err();
    /// assert_eq!(error.input(), "Internal");
    /// assert_eq!(error.suggestion(), Some(Network::Internal));
    /// ```
    ParseNetworkError,
    Network,
    as_str,
    "network"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("cn-hangzou", "cn-hangzhou"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn a_two_letter_name_is_not_suggested_for_a_different_two_letter_word() {
        assert_eq!(closest("fr", Lang::ALL, Lang::as_str), None);
        assert_eq!(closest("En", Lang::ALL, Lang::as_str), Some(Lang::En));
        assert_eq!(closest("zhs", Lang::ALL, Lang::as_str), Some(Lang::Zh));
    }

    #[test]
    fn long_input_is_cut_at_a_char_boundary() {
        let input = "é".repeat(100);
        let kept = KeptInput::new(&input);
        assert_eq!(kept.as_str(), "é".repeat(32));
        assert!(kept.is_truncated());
        assert_eq!(kept.full_len, 200);
    }
}
