//! A failed response turned back into a typed error, without losing anything
//! the service sent.
//!
//! Three shapes of error body are read, all JSON objects:
//!
//! 1. `{"errorCode": .., "errorMessage": ..}`: FC 2.0's documents ("Error
//!    code format");
//! 2. `{"ErrorCode": .., "ErrorMessage": ..}`: what the FC 2.0 service and
//!    its official SDKs (Go, Java, Python, Node) send and read;
//! 3. `{"Code": .., "Message": .., "RequestId": ..}`: Function Compute 3.0
//!    (API version 2023-03-30), the shape of Alibaba Cloud's other APIs.
//!
//! When a body has several, the code and the message are each taken from
//! the first shape in that order that has them. The request id comes from
//! the `X-Fc-Request-Id` response header, else the body's `RequestId` (the
//! Go SDK and FC 3.0), else its `requestId`.
//!
//! Everything kept is bounded (see the `MAX_*` constants of [`ApiError`]),
//! because the body of a failed response is whatever a gateway or proxy on
//! the way sent.

use core::fmt;
use std::time::{Duration, SystemTime};

use crate::bounded::char_prefix;
use crate::log_text::{write_escaped, write_preview};
use crate::status_reason::reason_phrase;
#[cfg(feature = "json")]
use crate::{json_fields::top_level_strings, ERROR_CODE_FIELD, ERROR_MESSAGE_FIELD};
use crate::{ErrorCode, RetryClass};

/// U+FEFF in UTF-8, which some servers write before a body; it is skipped
/// before the body is read or classified (and kept in the raw body).
const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// The body fields read for the code, in order of precedence: the
/// documents' spelling ([`ERROR_CODE_FIELD`]), the FC 2.0 service's, FC 3.0's.
#[cfg(feature = "json")]
const CODE_FIELDS: [&str; 3] = [ERROR_CODE_FIELD, "ErrorCode", "Code"];
/// The body fields read for the message, in the same order as [`CODE_FIELDS`].
#[cfg(feature = "json")]
const MESSAGE_FIELDS: [&str; 3] = [ERROR_MESSAGE_FIELD, "ErrorMessage", "Message"];
/// The body's request id fields, in order of preference: the Go SDK's
/// `ServiceError` and FC 3.0 use `RequestId`; `requestId` is the 2.0
/// documents' camelCase style for the same field.
#[cfg(feature = "json")]
const REQUEST_ID_FIELDS: [&str; 2] = ["RequestId", "requestId"];

/// An error response from Function Compute: the HTTP status, the error code
/// and message from the body, the request id, and the body itself.
///
/// [`ApiError::from_response`] never fails: whatever the body (empty, HTML
/// from a gateway, truncated JSON, not UTF-8, huge), the status, the request
/// id and the start of the body are kept, and [`Display`](fmt::Display)
/// says what came back.
///
/// ```
/// use fc_generated::{ApiError, ErrorCode};
///
/// let body = br#"{"ErrorCode":"SignatureNotMatch","ErrorMessage":"The request signature we calculated does not match"}"#;
/// let error = ApiError::from_response(403, Some("5f1c3b8e-0000-4a4a-9d9d-000000000000"), body);
///
/// # #[cfg(feature = "json")] {
/// assert_eq!(error.code(), Some(ErrorCode::SignatureNotMatch));
/// assert!(!error.is_retryable());
/// assert_eq!(
///     error.to_string(),
///     "403 Forbidden, SignatureNotMatch: The request signature we calculated does not match \
///      (request id 5f1c3b8e-0000-4a4a-9d9d-000000000000)",
/// );
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ApiError {
    status: u16,
    code: Option<ErrorCode>,
    code_str: Option<String>,
    message: String,
    message_truncated: bool,
    request_id: Option<String>,
    raw_body: String,
    raw_body_truncated: bool,
    body_len: usize,
    body_kind: BodyKind,
    retry_after: Option<Duration>,
}

impl ApiError {
    /// How many bytes of the response body [`ApiError::raw_body`] keeps, as text.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let page = "<p>gateway error</p>".repeat(1000);
    /// let error = ApiError::from_response(502, None, page.as_bytes());
    /// assert_eq!(error.raw_body(), &page[..ApiError::MAX_RAW_BODY_BYTES]);
    /// ```
    pub const MAX_RAW_BODY_BYTES: usize = 4096;

    /// How many bytes of the error code [`ApiError::code_str`] keeps; the
    /// longest documented code has 21.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let body = format!(r#"{{"ErrorCode":"{}"}}"#, "X".repeat(1000));
    /// let error = ApiError::from_response(400, None, body.as_bytes());
    /// assert!(error.code_str().map_or(0, str::len) <= ApiError::MAX_CODE_BYTES);
    /// ```
    pub const MAX_CODE_BYTES: usize = 128;

    /// How many bytes of the error message [`ApiError::message`] keeps.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let body = format!(r#"{{"ErrorMessage":"{}"}}"#, "m".repeat(10_000));
    /// let error = ApiError::from_response(400, None, body.as_bytes());
    /// assert!(error.message().len() <= ApiError::MAX_MESSAGE_BYTES);
    /// ```
    pub const MAX_MESSAGE_BYTES: usize = 2048;

    /// How many bytes of the request id [`ApiError::request_id`] keeps; FC's
    /// request ids are UUIDs (36 bytes).
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let header = "r".repeat(1000);
    /// let error = ApiError::from_response(500, Some(&header), b"");
    /// assert_eq!(error.request_id().map(str::len), Some(ApiError::MAX_REQUEST_ID_BYTES));
    /// ```
    pub const MAX_REQUEST_ID_BYTES: usize = 128;

    /// The largest body that is read as JSON for its code, message and
    /// request id; a larger body is not an FC error body, and is kept only
    /// as [`ApiError::raw_body`]. The length counts the whole body, a
    /// leading byte order mark included. Reading is linear in the body's
    /// length and does not depend on how deeply it nests.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let padded = format!(r#"{{"ErrorCode":"AccessDenied"{}}}"#, " ".repeat(ApiError::MAX_PARSED_BODY_BYTES));
    /// let error = ApiError::from_response(403, None, padded.as_bytes());
    /// assert_eq!(error.code_str(), None);
    /// assert_eq!(error.status(), 403);
    /// ```
    pub const MAX_PARSED_BODY_BYTES: usize = 64 * 1024;

    /// The response header that carries the request id, in lowercase (HTTP
    /// header names are case-insensitive; the documents write
    /// `X-Fc-Request-Id`). With feature `http`,
    /// `ApiError::REQUEST_ID_HEADER_NAME` is the same name as an
    /// `http::HeaderName`.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// assert!(ApiError::REQUEST_ID_HEADER.eq_ignore_ascii_case("X-Fc-Request-Id"));
    /// ```
    pub const REQUEST_ID_HEADER: &'static str = "x-fc-request-id";

    /// The response header that says how long to wait before retrying
    /// (RFC 9110), in lowercase; read by
    /// [`with_retry_after_header`](Self::with_retry_after_header), and by
    /// `from_http_response` with feature `http`.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// assert!(ApiError::RETRY_AFTER_HEADER.eq_ignore_ascii_case("Retry-After"));
    /// ```
    pub const RETRY_AFTER_HEADER: &'static str = "retry-after";

    /// The longest delay [`retry_after`](Self::retry_after) reports: one
    /// day. A `Retry-After` asking for longer (or a number too large to
    /// hold) reports this, so a client that sleeps on it wakes up, and one
    /// with a deadline sees at once that the wait is past it.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let error = ApiError::from_response(503, None, b"").with_retry_after_header("99999999999");
    /// assert_eq!(error.retry_after(), Some(ApiError::MAX_RETRY_AFTER));
    /// ```
    pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

    /// The error for a response with `status`, the `X-Fc-Request-Id`
    /// header's value and `body`.
    ///
    /// The request id is the header's value; when the header is missing or
    /// empty, it is read from the body's `RequestId` field (the Go SDK's
    /// and FC 3.0's spelling), else its `requestId` field.
    ///
    /// The code and message are read from a JSON object body (a leading
    /// UTF-8 byte order mark is skipped), from `errorCode` / `errorMessage`
    /// (the 2.0 documents' spelling), else `ErrorCode` / `ErrorMessage` (the
    /// 2.0 service's), else `Code` / `Message` (FC 3.0's). A field that is
    /// missing, empty or not a string counts as absent; when a key repeats,
    /// its last string value counts, as in the official SDKs. Only top-level
    /// fields are read, and a value nested however deep beside them does
    /// not stop them being read. Each value kept is cut at a character
    /// boundary to its bound: [`MAX_CODE_BYTES`](Self::MAX_CODE_BYTES),
    /// [`MAX_MESSAGE_BYTES`](Self::MAX_MESSAGE_BYTES),
    /// [`MAX_REQUEST_ID_BYTES`](Self::MAX_REQUEST_ID_BYTES), and
    /// [`MAX_RAW_BODY_BYTES`](Self::MAX_RAW_BODY_BYTES) for the body. Bodies
    /// over [`MAX_PARSED_BODY_BYTES`](Self::MAX_PARSED_BODY_BYTES), and
    /// bodies that are not one valid JSON object, are not read.
    ///
    /// Without the default feature `json` the body is not read at all:
    /// [`code_str`](Self::code_str) and [`code`](Self::code) are `None`,
    /// [`message`](Self::message) is empty and the request id comes from the
    /// header only, while the status and the raw body are kept as usual.
    ///
    /// ```
    /// use fc_generated::{ApiError, ErrorCode};
    ///
    /// // A gateway's HTML page: no code, but status and body are kept.
    /// let error = ApiError::from_response(502, None, b"<html>Bad Gateway</html>");
    /// assert_eq!(error.status(), 502);
    /// assert_eq!(error.code_str(), None);
    /// assert_eq!(error.raw_body(), "<html>Bad Gateway</html>");
    /// assert!(error.is_retryable());
    ///
    /// // Function Compute 3.0's shape.
    /// let body = br#"{"Code":"AccessDenied","Message":"no permission","RequestId":"r-3"}"#;
    /// let error = ApiError::from_response(403, None, body);
    /// # #[cfg(feature = "json")] {
    /// assert_eq!(error.code(), Some(ErrorCode::AccessDenied));
    /// assert_eq!(error.request_id(), Some("r-3"));
    /// # }
    /// ```
    pub fn from_response(status: u16, request_id: Option<&str>, body: &[u8]) -> ApiError {
        let unmarked = body.strip_prefix(BYTE_ORDER_MARK).unwrap_or(body);
        // The bound counts the whole body, a byte order mark included.
        let fields = if body.len() <= ApiError::MAX_PARSED_BODY_BYTES {
            BodyFields::parse(unmarked)
        } else {
            BodyFields::default()
        };
        let (raw_body, raw_body_truncated) = lossy_prefix(body, ApiError::MAX_RAW_BODY_BYTES);
        let code = fields
            .code
            .as_deref()
            .map(|code| char_prefix(code, ApiError::MAX_CODE_BYTES).to_owned());
        let message = fields.message.as_deref().unwrap_or_default();
        let kept_message = char_prefix(message, ApiError::MAX_MESSAGE_BYTES);
        let request_id = request_id
            .filter(|id| !id.is_empty())
            .or(fields.request_id.as_deref())
            .map(|id| char_prefix(id, ApiError::MAX_REQUEST_ID_BYTES).to_owned());
        ApiError {
            status,
            code: code.as_deref().and_then(ErrorCode::lookup),
            code_str: code,
            message: kept_message.to_owned(),
            message_truncated: kept_message.len() < message.len(),
            request_id,
            raw_body,
            raw_body_truncated,
            body_len: body.len(),
            body_kind: BodyKind::of(unmarked, fields.is_object),
            retry_after: None,
        }
    }

    /// This error with the response's `Retry-After` header read: its value
    /// as bytes or text, a number of seconds (`120`) or an HTTP-date
    /// (`Wed, 21 Oct 2015 07:28:00 GMT`, counted from now). A value that is
    /// neither, or longer than 64 bytes, leaves
    /// [`retry_after`](Self::retry_after) `None`; nothing panics.
    ///
    /// [`from_response`](Self::from_response) takes no headers but the
    /// request id; this reads the other one a retry loop needs. With
    /// feature `http`, `from_http_response` reads both.
    ///
    /// ```
    /// use std::time::Duration;
    /// use fc_generated::{ApiError, RetryClass};
    ///
    /// let error = ApiError::from_response(429, Some("r-1"), b"").with_retry_after_header("3");
    /// assert_eq!(error.retry_after(), Some(Duration::from_secs(3)));
    /// assert_eq!(error.retry_class(), RetryClass::Throttling);
    ///
    /// let past = ApiError::from_response(503, None, b"").with_retry_after_header("Sun, 06 Nov 1994 08:49:37 GMT");
    /// assert_eq!(past.retry_after(), Some(Duration::ZERO));
    /// ```
    pub fn with_retry_after_header(mut self, value: impl AsRef<[u8]>) -> ApiError {
        self.retry_after = crate::retry_after::parse(value.as_ref(), SystemTime::now());
        self
    }

    /// How long the server asked the client to wait before retrying, from
    /// the `Retry-After` header, counted from when the header was read and
    /// at most [`MAX_RETRY_AFTER`](Self::MAX_RETRY_AFTER); `None` when the
    /// response had no readable one. A date already past gives zero.
    ///
    /// Where it is `Some`, wait at least that long, whatever the backoff
    /// for the [`retry_class`](Self::retry_class) would be.
    ///
    /// ```
    /// use std::time::Duration;
    /// use fc_generated::ApiError;
    ///
    /// let error = ApiError::from_response(503, None, b"");
    /// assert_eq!(error.retry_after(), None);
    /// let error = error.with_retry_after_header(b" 120 ");
    /// assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    /// assert_eq!(error.with_retry_after_header("soon").retry_after(), None);
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// The HTTP status of the response, always as given.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// assert_eq!(ApiError::from_response(404, None, b"").status(), 404);
    /// ```
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The error code, when it is one of the common codes in the documents.
    /// Codes that are not (such as `FunctionNotFound`) are `None` here and
    /// kept by [`code_str`](Self::code_str).
    ///
    /// ```
    /// use fc_generated::{ApiError, ErrorCode};
    ///
    /// let error = ApiError::from_response(429, None, br#"{"ErrorCode":"ResourceExhausted"}"#);
    /// # #[cfg(feature = "json")]
    /// assert_eq!(error.code(), Some(ErrorCode::ResourceExhausted));
    ///
    /// let error = ApiError::from_response(404, None, br#"{"ErrorCode":"FunctionNotFound"}"#);
    /// assert_eq!(error.code(), None);
    /// ```
    pub fn code(&self) -> Option<ErrorCode> {
        self.code
    }

    /// The error code the service sent, known or not, cut to
    /// [`MAX_CODE_BYTES`](Self::MAX_CODE_BYTES); `None` when the body had none.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let error = ApiError::from_response(404, None, br#"{"ErrorCode":"FunctionNotFound"}"#);
    /// # #[cfg(feature = "json")]
    /// assert_eq!(error.code_str(), Some("FunctionNotFound"));
    /// ```
    pub fn code_str(&self) -> Option<&str> {
        self.code_str.as_deref()
    }

    /// The error message the service sent, cut to
    /// [`MAX_MESSAGE_BYTES`](Self::MAX_MESSAGE_BYTES); empty when the body
    /// had none.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let body = br#"{"errorCode":"InvalidArgument","errorMessage":"memorySize is invalid"}"#;
    /// let error = ApiError::from_response(400, None, body);
    /// # #[cfg(feature = "json")]
    /// assert_eq!(error.message(), "memorySize is invalid");
    /// assert_eq!(ApiError::from_response(400, None, b"").message(), "");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether [`message`](Self::message) is only the start of the message
    /// the service sent.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let body = format!(r#"{{"ErrorMessage":"{}"}}"#, "m".repeat(ApiError::MAX_MESSAGE_BYTES + 1));
    /// let error = ApiError::from_response(400, None, body.as_bytes());
    /// # #[cfg(feature = "json")]
    /// assert!(error.is_message_truncated());
    /// assert!(!ApiError::from_response(400, None, br#"{"ErrorMessage":"short"}"#).is_message_truncated());
    /// ```
    pub fn is_message_truncated(&self) -> bool {
        self.message_truncated
    }

    /// The request id, to quote when asking for support: the
    /// `X-Fc-Request-Id` header, or when that is missing or empty the body's
    /// `RequestId` (else `requestId`) field, cut to
    /// [`MAX_REQUEST_ID_BYTES`](Self::MAX_REQUEST_ID_BYTES); `None` when the
    /// response had neither.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let error = ApiError::from_response(500, Some("1-2-3"), b"");
    /// assert_eq!(error.request_id(), Some("1-2-3"));
    ///
    /// // The header wins over the body; the body fills in for a missing header.
    /// let body = br#"{"ErrorCode":"InternalServerError","RequestId":"from-body"}"#;
    /// assert_eq!(ApiError::from_response(500, Some("from-header"), body).request_id(), Some("from-header"));
    /// # #[cfg(feature = "json")]
    /// assert_eq!(ApiError::from_response(500, None, body).request_id(), Some("from-body"));
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The start of the response body as text: at most
    /// [`MAX_RAW_BODY_BYTES`](Self::MAX_RAW_BODY_BYTES) bytes, cut at a
    /// character boundary, with bytes that are not UTF-8 replaced by `U+FFFD`.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let error = ApiError::from_response(500, None, b"upstream \xFF reset");
    /// assert_eq!(error.raw_body(), "upstream \u{FFFD} reset");
    ///
    /// let huge = vec![b'x'; 1 << 20];
    /// let error = ApiError::from_response(500, None, &huge);
    /// assert_eq!(error.raw_body().len(), ApiError::MAX_RAW_BODY_BYTES);
    /// assert!(error.is_raw_body_truncated());
    /// ```
    pub fn raw_body(&self) -> &str {
        &self.raw_body
    }

    /// Whether [`raw_body`](Self::raw_body) is only the start of the body.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// assert!(!ApiError::from_response(500, None, b"short").is_raw_body_truncated());
    /// ```
    pub fn is_raw_body_truncated(&self) -> bool {
        self.raw_body_truncated
    }

    /// How a client should treat this error: throttled, transient, a server
    /// error, or not worth retrying.
    ///
    /// For a code in the documents this is [`ErrorCode::retry_class`] (from
    /// the spec's annotation); for any other code, or none, it is
    /// [`RetryClass::for_status`]. [`RetryClass`] says how this compares
    /// with the official SDKs.
    ///
    /// ```
    /// use fc_generated::{ApiError, RetryClass};
    ///
    /// # #[cfg(feature = "json")] {
    /// let throttled = ApiError::from_response(429, None, br#"{"ErrorCode":"ResourceExhausted"}"#);
    /// assert_eq!(throttled.retry_class(), RetryClass::Throttling);
    /// let disconnected = ApiError::from_response(499, None, br#"{"ErrorCode":"ClientClosedRequest"}"#);
    /// assert_eq!(disconnected.retry_class(), RetryClass::NotRetryable);
    /// # }
    /// // No code: the status decides.
    /// assert_eq!(ApiError::from_response(504, None, b"gateway timeout").retry_class(), RetryClass::Transient);
    /// assert_eq!(ApiError::from_response(404, None, b"").retry_class(), RetryClass::NotRetryable);
    /// ```
    pub fn retry_class(&self) -> RetryClass {
        match self.code {
            Some(code) => code.retry_class(),
            None => RetryClass::for_status(self.status),
        }
    }

    /// Whether sending the same request again may succeed: the simple form
    /// of [`retry_class`](Self::retry_class), true for every class but
    /// [`RetryClass::NotRetryable`].
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// assert!(ApiError::from_response(503, None, b"").is_retryable());
    /// assert!(!ApiError::from_response(404, None, b"").is_retryable());
    /// ```
    pub fn is_retryable(&self) -> bool {
        self.retry_class().is_retryable()
    }

    /// The status the documents give for this error's code, when the
    /// response came with a different one; `None` when they agree or the
    /// code is not in the documents. A mismatch usually means the error
    /// came from something in between (a gateway) or the documents are out
    /// of date.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let body = br#"{"ErrorCode":"ResourceThrottled"}"#;
    /// # #[cfg(feature = "json")] {
    /// assert_eq!(ApiError::from_response(503, None, body).documented_status_mismatch(), None);
    /// assert_eq!(ApiError::from_response(429, None, body).documented_status_mismatch(), Some(503));
    /// # }
    /// ```
    pub fn documented_status_mismatch(&self) -> Option<u16> {
        self.code
            .map(ErrorCode::http_status)
            .filter(|&documented| documented != self.status)
    }
}

/// One line: the status and its reason phrase; the code and message when
/// the body had them, else what kind of body came back, how long it was and
/// an escaped preview of its start; then the request id.
///
/// Text from the response is escaped (control characters, bidi controls,
/// line and paragraph separators), so a body cannot forge a log line or
/// reorder what is shown.
///
/// ```
/// use fc_generated::ApiError;
///
/// let page = b"<html><head><title>502 Bad Gateway</title></head></html>";
/// assert_eq!(
///     ApiError::from_response(502, Some("r-1"), page).to_string(),
///     r#"502 Bad Gateway, HTML body of 56 bytes: "<html><head><title>502 Bad Gateway</title></head></html>" (request id r-1)"#,
/// );
/// assert_eq!(ApiError::from_response(500, None, b"").to_string(), "500 Internal Server Error, empty body");
/// # #[cfg(feature = "json")]
/// assert_eq!(
///     ApiError::from_response(429, None, br#"{"Code":"ResourceExhausted","Message":"Rate exceeded."}"#).to_string(),
///     "429 Too Many Requests, ResourceExhausted: Rate exceeded.",
/// );
/// ```
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.status)?;
        if let Some(reason) = reason_phrase(self.status) {
            write!(f, " {reason}")?;
        }
        match (self.code_str(), self.message.is_empty()) {
            (Some(code), _) => {
                f.write_str(", ")?;
                write_escaped(f, code)?;
            }
            (None, true) => self.write_body_summary(f)?,
            (None, false) => {}
        }
        if !self.message.is_empty() {
            f.write_str(": ")?;
            write_escaped(f, &self.message)?;
        }
        if let Some(request_id) = self.request_id() {
            f.write_str(" (request id ")?;
            write_escaped(f, request_id)?;
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl ApiError {
    /// `, empty body` or `, HTML body of 56 bytes: "<html>…"`.
    fn write_body_summary(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.body_len == 0 {
            return f.write_str(", empty body");
        }
        let kind = self.body_kind.describe();
        let unit = if self.body_len == 1 { "byte" } else { "bytes" };
        write!(f, ", {kind} body of {} {unit}: ", self.body_len)?;
        write_preview(f, &self.raw_body, self.body_len > self.raw_body.len())
    }
}

impl std::error::Error for ApiError {}

/// What kind of body came back, for [`ApiError`]'s `Display`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum BodyKind {
    Empty,
    /// A JSON object (read for fields or not).
    JsonObject,
    /// Starts like JSON (`{`, `[`, `"`) but is not a readable JSON object.
    OtherJson,
    /// Starts with `<` (an HTML or XML page, as gateways send).
    Html,
    /// Other UTF-8 text.
    Text,
    /// Bytes that are not UTF-8.
    Binary,
}

impl BodyKind {
    /// The kind of `body` (without a byte order mark); `is_object` says
    /// whether the JSON reader read it.
    fn of(body: &[u8], is_object: bool) -> BodyKind {
        let first = body.iter().find(|byte| !byte.is_ascii_whitespace());
        // Only where the kept body ends may a character be cut short.
        let checked = &body[..body.len().min(ApiError::MAX_RAW_BODY_BYTES)];
        let not_utf8 =
            core::str::from_utf8(checked).is_err_and(|error| error.error_len().is_some());
        if body.is_empty() {
            BodyKind::Empty
        } else if is_object {
            BodyKind::JsonObject
        } else if not_utf8 {
            BodyKind::Binary
        } else {
            match first {
                Some(b'<') => BodyKind::Html,
                Some(b'{' | b'[' | b'"') => BodyKind::OtherJson,
                _ => BodyKind::Text,
            }
        }
    }

    fn describe(self) -> &'static str {
        match self {
            BodyKind::Empty => "empty",
            BodyKind::JsonObject => "JSON",
            BodyKind::OtherJson => "JSON-like",
            BodyKind::Html => "HTML",
            BodyKind::Text => "text",
            BodyKind::Binary => "binary",
        }
    }
}

/// The error code, message and request id of a body, each when it has one,
/// not yet cut to their bounds, and whether the body was a readable JSON
/// object at all.
#[derive(Default)]
struct BodyFields {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
    is_object: bool,
}

impl BodyFields {
    /// Reads a JSON object body (the caller has checked it against
    /// [`ApiError::MAX_PARSED_BODY_BYTES`]); anything else has no fields.
    #[cfg(feature = "json")]
    fn parse(body: &[u8]) -> BodyFields {
        let names = [&CODE_FIELDS[..], &MESSAGE_FIELDS, &REQUEST_ID_FIELDS].concat();
        let Some(mut values) = top_level_strings(body, &names) else {
            return BodyFields::default();
        };
        let mut first_of = |count: usize| values.drain(..count).flatten().next();
        BodyFields {
            code: first_of(CODE_FIELDS.len()),
            message: first_of(MESSAGE_FIELDS.len()),
            request_id: first_of(REQUEST_ID_FIELDS.len()),
            is_object: true,
        }
    }

    /// Without feature `json` the body is kept only as text.
    #[cfg(not(feature = "json"))]
    fn parse(_body: &[u8]) -> BodyFields {
        BodyFields::default()
    }
}

/// The start of `bytes` as text of at most `max` bytes, and whether that
/// is less than all of it: invalid UTF-8 becomes `U+FFFD`, and the cut
/// falls on a character boundary.
fn lossy_prefix(bytes: &[u8], max: usize) -> (String, bool) {
    let mut text = String::with_capacity(bytes.len().min(max));
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        let kept = char_prefix(valid, max - text.len());
        text.push_str(kept);
        if kept.len() < valid.len() {
            return (text, true);
        }
        if !chunk.invalid().is_empty() {
            if max - text.len() < char::REPLACEMENT_CHARACTER.len_utf8() {
                return (text, true);
            }
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    (text, false)
}
