//! [`ErrorCode`]: the table macro the generated code invokes, the
//! accessors, `Display` and `FromStr`.
//!
//! The generator emits the data only: one `error_code_table!` entry per
//! code, in the documents' order, each a row with the variant's rustdoc.
//! This file turns the entries into the enum, its rows and its lookups, and
//! writes everything that is the same for every code, once.

use core::fmt;
use core::str::FromStr;

use crate::{ErrorCode, Lang, Localized, ParseErrorCodeError};

/// One code of the documents' table of common error codes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ErrorCodeRow {
    /// The code as the service sends it (`InvalidArgument`).
    pub(crate) code: &'static str,
    /// The HTTP status the documents give.
    pub(crate) http_status: u16,
    /// Why the error happens, in each document.
    pub(crate) cause: Localized,
    /// What to do about it, in each document.
    pub(crate) solution: Localized,
    /// The project's retry annotation (`spec/errors.yaml`).
    pub(crate) retryable: bool,
}

/// Declares [`ErrorCode`] from the generated table, whose entries read
///
/// ```text
/// /// <variant rustdoc>
/// const InvalidArgument: crate::ErrorCodeRow = crate::ErrorCodeRow { code: "InvalidArgument", .. };
/// ```
///
/// Each entry becomes a variant (with that rustdoc, and the FNV-1a hash of
/// its code as discriminant, see [`crate::rules::discriminant`]), that
/// constant (in `error_code_rows`, which `ErrorCode::row` maps to), an
/// element of [`ErrorCode::ALL`] and an arm of [`ErrorCode::lookup`]. One
/// code is one entry, so a docs bump that adds one shows as one block in
/// review.
macro_rules! error_code_table {
    ($(
        $(#[$doc:meta])*
        const $variant:ident: crate::ErrorCodeRow = crate::ErrorCodeRow {
            code: $code:literal,
            http_status: $http_status:literal,
            cause: crate::Localized { en: $cause_en:literal, zh: $cause_zh:literal $(,)? },
            solution: crate::Localized { en: $solution_en:literal, zh: $solution_zh:literal $(,)? },
            retryable: $retryable:literal $(,)?
        };
    )*) => {
        /// A common error code of the Function Compute API, from the documents'
        /// table of common error codes.
        ///
        /// `#[non_exhaustive]`: a new code in the documents is a new variant in a
        /// minor release. The service also sends codes that are not in the
        /// common table (such as `FunctionNotFound`); parsing those fails with
        /// [`ParseErrorCodeError`](crate::ParseErrorCodeError), which keeps the code.
        ///
        /// Stable wherever the documents add a code: each variant's
        /// discriminant (`code as u32`) is the 32-bit FNV-1a hash of the code,
        /// and `Ord` compares the codes as strings, so neither depends on the
        /// table's order; [`ErrorCode::ALL`] keeps the documents' order.
        ///
        /// ```
        /// use fc_generated::{ErrorCode, Lang};
        ///
        /// for &code in ErrorCode::ALL {
        ///     // Display writes the code, and the code parses back.
        ///     assert_eq!(code.to_string().parse::<ErrorCode>(), Ok(code));
        ///     assert!((400..600).contains(&code.http_status()));
        ///     println!("{code} (HTTP {}): {}", code.http_status(), code.solution(Lang::En));
        /// }
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        #[repr(u32)]
        #[allow(clippy::upper_case_acronyms)]
        pub enum ErrorCode {
            $( $(#[$doc])* $variant = crate::rules::discriminant($code), )*
        }

        /// The documents' table of common error codes, with the project's
        /// retry annotation: one row per code, named as its variant.
        #[allow(non_upper_case_globals, clippy::upper_case_acronyms)]
        mod error_code_rows {
            $(
                pub(crate) const $variant: crate::ErrorCodeRow = crate::ErrorCodeRow {
                    code: $code,
                    http_status: $http_status,
                    cause: crate::Localized { en: $cause_en, zh: $cause_zh },
                    solution: crate::Localized { en: $solution_en, zh: $solution_zh },
                    retryable: $retryable,
                };
            )*
        }

        impl crate::ErrorCode {
            /// Every common error code, in the documents' order.
            ///
            /// ```
            /// use fc_generated::ErrorCode;
            ///
            /// assert_eq!(ErrorCode::ALL.first(), Some(&ErrorCode::InvalidArgument));
            /// ```
            pub const ALL: &'static [crate::ErrorCode] = &[$(crate::ErrorCode::$variant),*];

            /// This code's row.
            #[inline]
            const fn row(self) -> &'static crate::ErrorCodeRow {
                match self {
                    $(crate::ErrorCode::$variant => &error_code_rows::$variant,)*
                }
            }

            /// Looks a code up by its exact spelling, without allocating.
            ///
            /// [`str::parse`] does the same and explains a miss.
            ///
            /// ```
            /// use fc_generated::ErrorCode;
            ///
            /// assert_eq!(ErrorCode::lookup("AccessDenied"), Some(ErrorCode::AccessDenied));
            /// assert_eq!(ErrorCode::lookup("accessdenied"), None);
            /// ```
            pub fn lookup(code: &str) -> Option<crate::ErrorCode> {
                match code {
                    $($code => Some(crate::ErrorCode::$variant),)*
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use error_code_table;

impl ErrorCode {
    /// The code as the service sends it (`InvalidArgument`).
    ///
    /// ```
    /// use fc_generated::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::AccessDenied.as_str(), "AccessDenied");
    /// ```
    #[inline]
    pub const fn as_str(self) -> &'static str {
        self.row().code
    }

    /// The HTTP status the documents give for this code.
    ///
    /// ```
    /// use fc_generated::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::AccessDenied.http_status(), 403);
    /// ```
    #[inline]
    pub const fn http_status(self) -> u16 {
        self.row().http_status
    }

    /// Why the error happens, in the documents of `lang`.
    ///
    /// ```
    /// use fc_generated::{ErrorCode, Lang};
    ///
    /// assert_eq!(ErrorCode::AccessDenied.cause(Lang::Zh), "账号权限不足");
    /// ```
    #[inline]
    pub const fn cause(self, lang: Lang) -> &'static str {
        self.row().cause.get(lang)
    }

    /// What to do about it, in the documents of `lang`.
    ///
    /// ```
    /// use fc_generated::{ErrorCode, Lang};
    ///
    /// assert_eq!(ErrorCode::InternalServerError.solution(Lang::En), "Contact us.");
    /// ```
    #[inline]
    pub const fn solution(self, lang: Lang) -> &'static str {
        self.row().solution.get(lang)
    }

    /// Whether sending the same request again may succeed.
    ///
    /// The project's own classification, written down with its reason for
    /// each code in `spec/errors.yaml`; the documents do not say.
    ///
    /// ```
    /// use fc_generated::ErrorCode;
    ///
    /// assert!(ErrorCode::ResourceThrottled.is_retryable());
    /// assert!(!ErrorCode::AccessDenied.is_retryable());
    /// ```
    #[inline]
    pub const fn is_retryable(self) -> bool {
        self.row().retryable
    }
}

impl fmt::Display for ErrorCode {
    /// Writes the code as the service sends it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for ErrorCode {
    type Err = ParseErrorCodeError;

    /// Parses an exact code (`InvalidArgument`); codes are case-sensitive.
    fn from_str(code: &str) -> Result<ErrorCode, ParseErrorCodeError> {
        match ErrorCode::lookup(code) {
            Some(error_code) => Ok(error_code),
            None => Err(ParseErrorCodeError::new(code)),
        }
    }
}
