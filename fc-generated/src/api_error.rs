//! A failed response turned back into a typed error, without losing anything
//! the service sent.
//!
//! The documents give the error body as `{"errorCode": .., "errorMessage": ..}`
//! ("Error code format"); the live service and the official SDKs (Go, Java,
//! Python, Node) use `ErrorCode` / `ErrorMessage`, and carry the request id in
//! the `X-Fc-Request-Id` response header. Both spellings are read. The Go SDK
//! also reads a `RequestId` field of the body, which is the fallback when the
//! header is missing.
//!
//! Everything kept is bounded (see the `MAX_*` constants), because the body
//! of a failed response is whatever a gateway or proxy on the way sent.

use core::fmt;

use crate::bounded::char_prefix;
use crate::ErrorCode;
#[cfg(feature = "json")]
use crate::{ERROR_CODE_FIELD, ERROR_MESSAGE_FIELD};

/// How many bytes of the response body [`ApiError::raw_body`] keeps, as text.
///
/// ```
/// use fc_generated::{ApiError, MAX_RAW_BODY_BYTES};
///
/// let page = "<p>gateway error</p>".repeat(1000);
/// let error = ApiError::from_response(502, None, page.as_bytes());
/// assert_eq!(error.raw_body(), &page[..MAX_RAW_BODY_BYTES]);
/// ```
pub const MAX_RAW_BODY_BYTES: usize = 4096;

/// How many bytes of the error code [`ApiError::code_str`] keeps; the
/// longest documented code has 21.
///
/// ```
/// use fc_generated::{ApiError, MAX_CODE_BYTES};
///
/// let body = format!(r#"{{"ErrorCode":"{}"}}"#, "X".repeat(1000));
/// let error = ApiError::from_response(400, None, body.as_bytes());
/// assert!(error.code_str().map_or(0, str::len) <= MAX_CODE_BYTES);
/// ```
pub const MAX_CODE_BYTES: usize = 128;

/// How many bytes of the error message [`ApiError::message`] keeps.
///
/// ```
/// use fc_generated::{ApiError, MAX_MESSAGE_BYTES};
///
/// let body = format!(r#"{{"ErrorMessage":"{}"}}"#, "m".repeat(10_000));
/// let error = ApiError::from_response(400, None, body.as_bytes());
/// assert!(error.message().len() <= MAX_MESSAGE_BYTES);
/// ```
pub const MAX_MESSAGE_BYTES: usize = 2048;

/// How many bytes of the request id [`ApiError::request_id`] keeps; FC's
/// request ids are UUIDs (36 bytes).
///
/// ```
/// use fc_generated::{ApiError, MAX_REQUEST_ID_BYTES};
///
/// let header = "r".repeat(1000);
/// let error = ApiError::from_response(500, Some(&header), b"");
/// assert_eq!(error.request_id().map(str::len), Some(MAX_REQUEST_ID_BYTES));
/// ```
pub const MAX_REQUEST_ID_BYTES: usize = 128;

/// The largest body that is parsed as JSON for its code and message; a
/// larger body is not an FC error body, and is kept only as
/// [`ApiError::raw_body`].
///
/// ```
/// use fc_generated::{ApiError, MAX_PARSED_BODY_BYTES};
///
/// let padded = format!(r#"{{"ErrorCode":"AccessDenied"{}}}"#, " ".repeat(MAX_PARSED_BODY_BYTES));
/// let error = ApiError::from_response(403, None, padded.as_bytes());
/// assert_eq!(error.code_str(), None);
/// assert_eq!(error.status(), 403);
/// ```
pub const MAX_PARSED_BODY_BYTES: usize = 64 * 1024;

/// The body's code field as the live service and the SDKs spell it; the
/// documents' spelling is [`ERROR_CODE_FIELD`].
#[cfg(feature = "json")]
const SERVICE_CODE_FIELD: &str = "ErrorCode";
/// The body's message field as the live service and the SDKs spell it; the
/// documents' spelling is [`ERROR_MESSAGE_FIELD`].
#[cfg(feature = "json")]
const SERVICE_MESSAGE_FIELD: &str = "ErrorMessage";
/// The body's request id fields, in order of preference: the Go SDK's
/// `ServiceError` reads `RequestId`; `requestId` is the documents'
/// camelCase style for the same field. The documents name neither.
#[cfg(feature = "json")]
const BODY_REQUEST_ID_FIELDS: [&str; 2] = ["RequestId", "requestId"];

/// The statuses retried when the error code is not one of [`ErrorCode::ALL`]:
/// throttling (429, 503) and transient server or gateway faults (500, 502, 504).
const RETRYABLE_STATUSES: [u16; 5] = [429, 500, 502, 503, 504];

/// An error response from Function Compute: the HTTP status, the error code
/// and message from the body, the request id, and the body itself.
///
/// [`ApiError::from_response`] never fails: whatever the body (empty, HTML
/// from a gateway, truncated JSON, not UTF-8, huge), the status, the request
/// id and the start of the body are kept.
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
///     "403 SignatureNotMatch: The request signature we calculated does not match \
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
}

impl ApiError {
    /// The error for a response with `status`, the `X-Fc-Request-Id`
    /// header's value and `body`.
    ///
    /// The request id is the header's value; when the header is missing or
    /// empty, it is read from the body's `RequestId` field (the Go SDK's
    /// spelling), else its `requestId` field.
    ///
    /// The code and message are read from a JSON object body, from
    /// `errorCode` / `errorMessage` (the documents' spelling) or
    /// `ErrorCode` / `ErrorMessage` (the live service's); when both are
    /// present the documents' spelling wins. A field that is missing, empty
    /// or not a string counts as absent. Each value kept is cut at a
    /// character boundary to its bound: [`MAX_CODE_BYTES`],
    /// [`MAX_MESSAGE_BYTES`], [`MAX_REQUEST_ID_BYTES`], and
    /// [`MAX_RAW_BODY_BYTES`] for the body. Bodies over
    /// [`MAX_PARSED_BODY_BYTES`] are not parsed.
    ///
    /// Without the default feature `json` the body is not parsed at all:
    /// [`code_str`](Self::code_str) and [`code`](Self::code) are `None`,
    /// [`message`](Self::message) is empty and the request id comes from the
    /// header only, while the status and the raw body are kept as usual.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// // A gateway's HTML page: no code, but status and body are kept.
    /// let error = ApiError::from_response(502, None, b"<html>Bad Gateway</html>");
    /// assert_eq!(error.status(), 502);
    /// assert_eq!(error.code_str(), None);
    /// assert_eq!(error.raw_body(), "<html>Bad Gateway</html>");
    /// assert!(error.is_retryable());
    /// ```
    pub fn from_response(status: u16, request_id: Option<&str>, body: &[u8]) -> ApiError {
        let fields = BodyFields::parse(body);
        let (raw_body, raw_body_truncated) = lossy_prefix(body, MAX_RAW_BODY_BYTES);
        let code = fields
            .code
            .as_deref()
            .map(|code| char_prefix(code, MAX_CODE_BYTES).to_owned());
        let message = fields.message.as_deref().unwrap_or_default();
        let kept_message = char_prefix(message, MAX_MESSAGE_BYTES);
        let request_id = request_id
            .filter(|id| !id.is_empty())
            .or(fields.request_id.as_deref())
            .map(|id| char_prefix(id, MAX_REQUEST_ID_BYTES).to_owned());
        ApiError {
            status,
            code: code.as_deref().and_then(ErrorCode::lookup),
            code_str: code,
            message: kept_message.to_owned(),
            message_truncated: kept_message.len() < message.len(),
            request_id,
            raw_body,
            raw_body_truncated,
        }
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
    /// [`MAX_CODE_BYTES`]; `None` when the body had none.
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

    /// The error message the service sent, cut to [`MAX_MESSAGE_BYTES`];
    /// empty when the body had none.
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
    /// use fc_generated::{ApiError, MAX_MESSAGE_BYTES};
    ///
    /// let body = format!(r#"{{"ErrorMessage":"{}"}}"#, "m".repeat(MAX_MESSAGE_BYTES + 1));
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
    /// `RequestId` (else `requestId`) field, cut to [`MAX_REQUEST_ID_BYTES`];
    /// `None` when the response had neither.
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
    /// [`MAX_RAW_BODY_BYTES`] bytes, cut at a character boundary, with
    /// bytes that are not UTF-8 replaced by `U+FFFD`.
    ///
    /// ```
    /// use fc_generated::{ApiError, MAX_RAW_BODY_BYTES};
    ///
    /// let error = ApiError::from_response(500, None, b"upstream \xFF reset");
    /// assert_eq!(error.raw_body(), "upstream \u{FFFD} reset");
    ///
    /// let huge = vec![b'x'; 1 << 20];
    /// let error = ApiError::from_response(500, None, &huge);
    /// assert_eq!(error.raw_body().len(), MAX_RAW_BODY_BYTES);
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

    /// Whether sending the same request again may succeed.
    ///
    /// For a code in the documents this is [`ErrorCode::is_retryable`], the
    /// project's own classification, with a reason per code in
    /// `spec/errors.yaml`: throttling (`ResourceExhausted` 429,
    /// `ResourceThrottled` 503), a transient fault (`InternalServerError`
    /// 500) and a finished concurrent update (`ConcurrentUpdateError` 409)
    /// are retryable; `ClientClosedRequest` (499, the client's own
    /// disconnect) and every 400/403 code are not. For any other code, or
    /// none, the status decides: 429, 500, 502, 503 and 504 are retryable.
    ///
    /// The official SDKs retry on the status alone: the Java SDK every
    /// status of 500 or more, the Python SDK 500, 502 and 504. This crate
    /// also retries 429 and 409 `ConcurrentUpdateError` (after the other
    /// update), and 503, while it does not retry 501, 505 or other 5xx
    /// statuses that are not transient. Back off between attempts: most
    /// retryable errors are throttling.
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// # #[cfg(feature = "json")] {
    /// let throttled = ApiError::from_response(429, None, br#"{"ErrorCode":"ResourceExhausted"}"#);
    /// assert!(throttled.is_retryable());
    /// let disconnected = ApiError::from_response(499, None, br#"{"ErrorCode":"ClientClosedRequest"}"#);
    /// assert!(!disconnected.is_retryable());
    /// # }
    /// // No code: the status decides.
    /// assert!(ApiError::from_response(504, None, b"gateway timeout").is_retryable());
    /// assert!(!ApiError::from_response(404, None, b"").is_retryable());
    /// ```
    pub fn is_retryable(&self) -> bool {
        match self.code {
            Some(code) => code.is_retryable(),
            None => RETRYABLE_STATUSES.contains(&self.status),
        }
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

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.status)?;
        if let Some(code) = self.code_str() {
            f.write_str(" ")?;
            write_escaped(f, code)?;
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

impl std::error::Error for ApiError {}

/// Writes `text` with control characters escaped, so a message with a
/// newline cannot forge another log line.
fn write_escaped(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    for c in text.chars() {
        if c.is_control() {
            write!(f, "{}", c.escape_debug())?;
        } else {
            fmt::Write::write_char(f, c)?;
        }
    }
    Ok(())
}

/// The error code, message and request id of a body, each when it has one,
/// not yet cut to their bounds.
#[derive(Default)]
struct BodyFields {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
}

impl BodyFields {
    /// Reads a JSON object body; anything else has no fields.
    ///
    /// This goes through a whole `serde_json::Value` rather than a borrowed
    /// struct: without serde's derive (which this crate does not depend on)
    /// such a struct needs a hand-written visitor that accepts every JSON
    /// type for each field (a number must count as absent, not fail the
    /// body), several times this code, to save allocations on a body of at
    /// most [`MAX_PARSED_BODY_BYTES`] on the failure path.
    #[cfg(feature = "json")]
    fn parse(body: &[u8]) -> BodyFields {
        use serde_json::{Map, Value};

        /// The first of `names` whose value is a non-empty string, moved out.
        fn string_field(object: &mut Map<String, Value>, names: [&str; 2]) -> Option<String> {
            names.iter().find_map(|&name| match object.remove(name) {
                Some(Value::String(text)) if !text.is_empty() => Some(text),
                _ => None,
            })
        }

        if body.len() > MAX_PARSED_BODY_BYTES {
            return BodyFields::default();
        }
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(mut object)) => BodyFields {
                code: string_field(&mut object, [ERROR_CODE_FIELD, SERVICE_CODE_FIELD]),
                message: string_field(&mut object, [ERROR_MESSAGE_FIELD, SERVICE_MESSAGE_FIELD]),
                request_id: string_field(&mut object, BODY_REQUEST_ID_FIELDS),
            },
            _ => BodyFields::default(),
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
