//! The one string vocabulary of [`Region`], [`ErrorCode`], [`Lang`] and
//! [`Network`]: each has `as_str()` (its wire string), `lookup` (the exact
//! string to the value, or `None`), [`FromStr`](core::str::FromStr) and
//! [`TryFrom<&str>`] (the same, with an error that explains a miss), and
//! [`AsRef<str>`]. The inherent `as_str` and `lookup` of `Region` and
//! `ErrorCode` are generated; the trait impls are written once here.

use crate::{
    ErrorCode, Lang, Network, ParseErrorCodeError, ParseLangError, ParseNetworkError,
    ParseRegionError, Region,
};

macro_rules! string_form {
    ($target:ident, $error:ident, $example:literal) => {
        /// The wire string, as [`as_str`](Self::as_str) gives it.
        ///
        /// ```
        #[doc = concat!("use fc_generated::", stringify!($target), ";")]
        ///
        #[doc = concat!("fn wire(value: impl AsRef<str>) -> String { value.as_ref().to_owned() }")]
        #[doc = concat!("let value: ", stringify!($target), " = \"", $example, "\".parse().unwrap();")]
        #[doc = concat!("assert_eq!(wire(value), \"", $example, "\");")]
        /// ```
        impl AsRef<str> for $target {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        /// The same as [`str::parse`]: the exact wire string, or an error
        /// that keeps the input and explains the miss.
        ///
        /// ```
        #[doc = concat!("use fc_generated::", stringify!($target), ";")]
        ///
        #[doc = concat!("let value = ", stringify!($target), "::try_from(\"", $example, "\").unwrap();")]
        #[doc = concat!("assert_eq!(Ok(value), \"", $example, "\".parse());")]
        #[doc = concat!("assert!(", stringify!($target), "::try_from(\"?\").is_err());")]
        /// ```
        impl TryFrom<&str> for $target {
            type Error = $error;

            fn try_from(text: &str) -> Result<$target, $error> {
                text.parse()
            }
        }
    };
}

string_form!(Region, ParseRegionError, "cn-shanghai");
string_form!(ErrorCode, ParseErrorCodeError, "AccessDenied");
string_form!(Lang, ParseLangError, "zh");
string_form!(Network, ParseNetworkError, "internal");
