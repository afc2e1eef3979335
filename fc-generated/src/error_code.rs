//! [`ErrorCode`]: the table macro the generated code invokes (`error_code_table!`,
//! which adds the enum's docs to `crate::table`'s `wire_table!`), the row
//! struct, the accessors, `Display` and `FromStr`: everything that is the
//! same for every code, written once.

use core::fmt;
use core::str::FromStr;

use crate::{ErrorCode, Lang, Localized, ParseErrorCodeError};

/// One code of the documents' table of common error codes.
// The generator fills each row from the fields `fc_codegen::spec` declares
// `row`, so a field declared there and missing here fails to compile; one
// added here that no accessor reads fails to compile too.
#[deny(dead_code)]
#[derive(Debug, Clone, Copy)]
pub(crate) struct ErrorCodeRow {
    /// The code as the service sends it (`InvalidArgument`).
    pub(crate) code: &'static str,
    /// The HTTP status the documents give.
    pub(crate) http_status: u16,
    /// The message template the documents give, if any.
    pub(crate) message: Option<&'static str>,
    /// Why the error happens, in each document.
    pub(crate) cause: Localized,
    /// What to do about it, in each document.
    pub(crate) solution: Localized,
    /// The project's retry annotation (`spec/errors.yaml`).
    pub(crate) retryable: bool,
}

/// Declares [`ErrorCode`] from the generated table: its docs, then
/// [`wire_table!`](crate::table::wire_table), which the module
/// `crate::table` explains.
macro_rules! error_code_table {
    ($($entries:tt)*) => {
        crate::table::wire_table! {
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
            /// That hash is the number rustdoc shows beside each variant
            /// below; it is neither an index nor an order, and it is kept
            /// visible on purpose: `as u32` is part of the stable API.
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
            #[allow(clippy::upper_case_acronyms)]
            pub enum ErrorCode, rows of ErrorCodeRow in error_code_rows;
            $($entries)*
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

    /// The message the service sends with this code, as the documents
    /// give it, `%s` standing for each value taken from the request
    /// (`service '%s' does not exist`); `None` where the documents give no
    /// template. [`ApiError`](crate::ApiError) reads a message against it.
    ///
    /// ```
    /// use fc_generated::ErrorCode;
    ///
    /// for &code in ErrorCode::ALL {
    ///     if let Some(template) = code.message_template() {
    ///         assert!(!template.is_empty());
    ///     }
    /// }
    /// ```
    #[inline]
    pub const fn message_template(self) -> Option<&'static str> {
        self.row().message
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
