//! The errors of the `FromStr` impls of `Region`, `ErrorCode`, `Lang` and
//! `Network`.
//!
//! A miss must be cheap (no allocation, as fast as a hit) and helpful. So the
//! error keeps the input inline, bounded to `KEPT_INPUT_BYTES` (an
//! attacker's 10 KB string is not copied into every log line), and works out
//! the suggestion (see [`crate::suggestion`]) only when asked.

use core::fmt;

use crate::bounded::char_prefix;
use crate::suggestion;
use crate::{ErrorCode, Lang, Network, Region};

/// How many bytes of a rejected input an error keeps.
const KEPT_INPUT_BYTES: usize = 64;

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

/// Writes `"a", "b" or "c"`: every value of a short list, for the errors of
/// types with few values.
fn write_choices(
    f: &mut fmt::Formatter<'_>,
    names: impl ExactSizeIterator<Item = &'static str>,
) -> fmt::Result {
    let count = names.len();
    for (index, name) in names.enumerate() {
        match index {
            0 => {}
            _ if index + 1 == count => f.write_str(" or ")?,
            _ => f.write_str(", ")?,
        }
        write!(f, "{name:?}")?;
    }
    Ok(())
}

/// What an error says about the accepted values when it has no suggestion.
enum Accepted {
    /// Few values: list them all, with or without a suggestion.
    List,
    /// Many values: point at where they are listed.
    SeeAll(&'static str),
}

macro_rules! parse_error {
    (
        $(#[$doc:meta])* $error:ident, $target:ident, $what:literal,
        suggest: $suggest:path, accepted: $accepted:expr
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $error {
            input: KeptInput,
        }

        impl $error {
            /// How many bytes of a rejected input the error keeps; longer
            /// inputs are cut at a character boundary, and the error says
            /// how long they were.
            ///
            /// ```
            #[doc = concat!("use fc_generated::{", stringify!($target), ", ", stringify!($error), "};")]
            ///
            #[doc = concat!("let error = \"x\".repeat(10_000).parse::<", stringify!($target), ">().unwrap_err();")]
            #[doc = concat!("assert_eq!(error.input().len(), ", stringify!($error), "::KEPT_INPUT_BYTES);")]
            /// assert!(error.is_truncated());
            /// ```
            pub const KEPT_INPUT_BYTES: usize = KEPT_INPUT_BYTES;

            pub(crate) fn new(input: &str) -> Self {
                $error { input: KeptInput::new(input) }
            }

            /// The rejected input, cut to its first
            /// [`KEPT_INPUT_BYTES`](Self::KEPT_INPUT_BYTES) bytes (at a
            /// character boundary) when it was longer.
            pub fn input(&self) -> &str {
                self.input.as_str()
            }

            /// Whether [`input`](Self::input) is only the start of what was given.
            pub fn is_truncated(&self) -> bool {
                self.input.is_truncated()
            }

            /// The value the input most likely meant, if one is close enough
            /// to be a fair guess (the rules are in the crate docs, "Parsing
            /// strings").
            pub fn suggestion(&self) -> Option<$target> {
                $suggest(self.input())
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
                let suggestion = self.suggestion();
                if let Some(suggestion) = suggestion {
                    write!(f, "; did you mean {:?}?", suggestion.as_str())?;
                }
                match ($accepted, suggestion) {
                    (Accepted::List, Some(_)) => {
                        f.write_str(" (expected ")?;
                        write_choices(f, $target::ALL.iter().map(|value| value.as_str()))?;
                        f.write_str(")")
                    }
                    (Accepted::List, None) => {
                        f.write_str("; expected ")?;
                        write_choices(f, $target::ALL.iter().map(|value| value.as_str()))
                    }
                    (Accepted::SeeAll(hint), None) => write!(f, "; {hint}"),
                    (Accepted::SeeAll(_), Some(_)) => Ok(()),
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
    ///
    /// // Never a region on another continent.
    /// let error = "eu-west-1".parse::<Region>().unwrap_err();
    /// assert_eq!(error.suggestion(), None);
    /// assert_eq!(
    ///     error.to_string(),
    ///     r#"unknown region id "eu-west-1"; no region in the FC API reference is close (a region newer than the reference needs its endpoint given in full)"#,
    /// );
    /// assert_eq!("shanghai".parse::<Region>().unwrap_err().suggestion(), Some(Region::CnShanghai));
    /// ```
    ///
    /// The message is for the person who wrote the input, so it names no
    /// Rust item: [`Region::ALL`] lists the regions, and
    /// [`Endpoint::for_unlisted_region`](crate::Endpoint::for_unlisted_region)
    /// builds a host for a region newer than the reference.
    ParseRegionError,
    Region,
    "region id",
    suggest: suggestion::region,
    accepted: Accepted::SeeAll(
        "no region in the FC API reference is close (a region newer than the reference needs its endpoint given in full)"
    )
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
    /// assert_eq!(
    ///     error.to_string(),
    ///     r#"unknown error code "FunctionNotFound"; not one of the common codes in the FC API reference"#,
    /// );
    /// ```
    ///
    /// [`ErrorCode::ALL`] lists the common codes; a code outside them is
    /// still kept by [`ApiError::code_str`](crate::ApiError::code_str).
    ParseErrorCodeError,
    ErrorCode,
    "error code",
    suggest: suggestion::error_code,
    accepted: Accepted::SeeAll("not one of the common codes in the FC API reference")
);

parse_error!(
    /// A string that is not the wire form of a [`Lang`] (`en`, `zh`).
    ///
    /// ```
    /// use fc_generated::Lang;
    ///
    /// let error = "zh-CN".parse::<Lang>().unwrap_err();
    /// assert_eq!(error.input(), "zh-CN");
    /// assert_eq!(error.suggestion(), Some(Lang::Zh));
    /// assert_eq!(error.to_string(), r#"unknown language "zh-CN"; did you mean "zh"? (expected "en" or "zh")"#);
    ///
    /// let error = "fr".parse::<Lang>().unwrap_err();
    /// assert_eq!(error.to_string(), r#"unknown language "fr"; expected "en" or "zh""#);
    /// ```
    ParseLangError,
    Lang,
    "language",
    suggest: suggestion::lang,
    accepted: Accepted::List
);

parse_error!(
    /// A string that is not the wire form of a [`Network`] (`public`,
    /// `internal`).
    ///
    /// ```
    /// use fc_generated::Network;
    ///
    /// let error = "vpc".parse::<Network>().unwrap_err();
    /// assert_eq!(error.input(), "vpc");
    /// assert_eq!(error.suggestion(), Some(Network::Internal));
    /// assert_eq!(
    ///     error.to_string(),
    ///     r#"unknown network "vpc"; did you mean "internal"? (expected "public" or "internal")"#,
    /// );
    /// ```
    ParseNetworkError,
    Network,
    "network",
    suggest: suggestion::network,
    accepted: Accepted::List
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_input_is_cut_at_a_char_boundary() {
        let input = "é".repeat(100);
        let kept = KeptInput::new(&input);
        assert_eq!(kept.as_str(), "é".repeat(32));
        assert!(kept.is_truncated());
        assert_eq!(kept.full_len, 200);
    }
}
