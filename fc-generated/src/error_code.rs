//! [`ErrorCode`]'s accessors, `Display` and `FromStr`, reading the
//! generated rows (`ERROR_CODE_ROWS`, in the documents' order).
//!
//! The generator emits the data (the enum, one row per code, the
//! variant-to-row `index` and the code-to-variant `lookup`); everything that
//! is the same for every code is written here, once.

use core::fmt;
use core::str::FromStr;

use crate::{ErrorCode, Lang, Localized, ParseErrorCodeError, ERROR_CODE_ROWS};

/// One code of the documents' table of common error codes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ErrorCodeRow {
    /// The variant this row describes.
    pub(crate) error_code: ErrorCode,
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

/// `ErrorCode::ALL`, built from the rows at compile time, so the rows are
/// the only list of codes.
const ALL_ERROR_CODES: [ErrorCode; ERROR_CODE_ROWS.len()] = {
    let mut all = [ERROR_CODE_ROWS[0].error_code; ERROR_CODE_ROWS.len()];
    let mut index = 1;
    while index < all.len() {
        all[index] = ERROR_CODE_ROWS[index].error_code;
        index += 1;
    }
    all
};

impl ErrorCode {
    /// Every common error code, in the documents' order.
    ///
    /// ```
    /// use fc_generated::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::ALL.first(), Some(&ErrorCode::InvalidArgument));
    /// ```
    pub const ALL: &'static [ErrorCode] = &ALL_ERROR_CODES;

    #[inline]
    const fn row(self) -> &'static ErrorCodeRow {
        &ERROR_CODE_ROWS[self.index()]
    }

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
