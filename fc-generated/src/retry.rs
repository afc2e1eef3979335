//! How a client should treat a failed request: a classification beyond
//! "retry or not", in the spirit of the AWS SDK's retry classifier.

use crate::rules::StatusRetry;
use crate::ErrorCode;

/// How a client should treat an error: what kind of retry, if any.
///
/// Throttling and transient faults both call for a retry, but not the same
/// one: throttling means the account or the service is at a limit, so the
/// next attempt should wait longer and count against a retry quota, while a
/// transient fault usually clears at once. Where the response carries a
/// `Retry-After` header, [`ApiError::retry_after`](crate::ApiError::retry_after)
/// says how long the server asked for; wait at least that.
///
/// | class | documented codes | other codes, or no code: status |
/// |---|---|---|
/// | [`Throttling`](Self::Throttling) | `ResourceExhausted` (429), `ResourceThrottled` (503) | 429, 503 |
/// | [`Transient`](Self::Transient) | `ConcurrentUpdateError` (409) | 502, 504 |
/// | [`ServerError`](Self::ServerError) | `InternalServerError` (500) | 500 |
/// | [`NotRetryable`](Self::NotRetryable) | every 400, 403 and 499 code | every other status |
///
/// For a documented code the class comes from the spec: the code's
/// `retryable` annotation in `spec/errors.yaml` ([`ErrorCode::is_retryable`],
/// with the reason there) decides whether it is retried at all, and its
/// documented status decides how, as the status column says; a retryable
/// code whose status is not in that column (409) is transient. A code that
/// is not documented is classified by the response's status alone.
///
/// # Compared with aws-sdk-rust's `ErrorKind`
///
/// The names follow the AWS SDK's retry classifier
/// (`aws_smithy_types::retry::ErrorKind`), but two of them mean something
/// narrower there:
///
/// | `RetryClass` | aws-sdk-rust `ErrorKind` | the difference |
/// |---|---|---|
/// | `Throttling` | `ThrottlingError` | none: the server said to back off (429, 503) |
/// | `Transient` | `TransientError` | theirs is mostly a connection-level fault (a socket timeout, a refused connection, a TLS timeout) and also covers 500, 502, 503 and 504 by status; ours is a *response* that usually clears at once (502, 504, `ConcurrentUpdateError`) |
/// | `ServerError` | `ServerError` | theirs is an error the service models as retryable; ours is a 500 |
/// | `NotRetryable` | `ClientError`, or no class (not retried) | none |
///
/// # Transport errors
///
/// A request that got no response (the connection was refused or reset, DNS
/// failed, a timeout passed) gives no [`ApiError`](crate::ApiError) and so
/// no class: the client decides. Treat a failure to connect as `Transient`:
/// the request never reached the service. Treat a timeout or a reset after
/// the request was sent as `Transient` only for a request that is safe to
/// repeat (a read, or a write with a client token): the service may have
/// acted on it, and an `InvokeFunction` may have run. aws-sdk-rust makes
/// the same call, retrying connection-level faults as `TransientError`
/// except for non-idempotent requests.
///
/// # Compared with the official FC SDKs
///
/// The official FC SDKs retry on the status alone and do not tell throttling
/// apart: the Java SDK retries every status of 500 or more, the Python SDK
/// 500, 502 and 504; neither treats 429 or 503 specially. The SDKs generated
/// on Alibaba Cloud's Tea runtime (FC 3.0) retry only what their runtime
/// marks retryable, failures in transport, and only when the caller turns
/// `autoretry` on (up to `maxAttempts`); an error response goes to the
/// caller without a retry. This crate also retries 429, 503 and
/// `ConcurrentUpdateError`, and does not retry 501, 505 or other 5xx
/// statuses that are not transient.
///
/// `Display` prints [`as_str`](Self::as_str), a label for logs and metrics.
///
/// ```
/// use fc_generated::{ErrorCode, RetryClass};
///
/// assert_eq!(ErrorCode::ResourceThrottled.retry_class(), RetryClass::Throttling);
/// assert_eq!(RetryClass::for_status(502), RetryClass::Transient);
/// assert_eq!(RetryClass::Throttling.to_string(), "throttling");
///
/// let backoff_ms = |class: RetryClass, attempt: u32| match class {
///     RetryClass::Throttling => Some(1000 << attempt), // back off long
///     RetryClass::Transient => Some(50 << attempt),    // retry soon
///     RetryClass::ServerError => (attempt < 2).then(|| 200 << attempt), // a few times
///     RetryClass::NotRetryable => None,
/// };
/// assert_eq!(backoff_ms(RetryClass::for_status(429), 0), Some(1000));
/// assert_eq!(backoff_ms(RetryClass::for_status(404), 0), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RetryClass {
    /// The request was throttled: retry after a longer backoff, and count
    /// the attempt against any retry quota.
    Throttling,
    /// A fault that usually clears at once (a gateway, a concurrent update):
    /// retry soon.
    Transient,
    /// The server failed; it may succeed again: retry with backoff, a few
    /// times.
    ServerError,
    /// Sending the same request again gets the same answer.
    NotRetryable,
}

impl RetryClass {
    /// The class of a response with `status` and no documented error code.
    ///
    /// ```
    /// use fc_generated::RetryClass;
    ///
    /// assert_eq!(RetryClass::for_status(429), RetryClass::Throttling);
    /// assert_eq!(RetryClass::for_status(503), RetryClass::Throttling);
    /// assert_eq!(RetryClass::for_status(504), RetryClass::Transient);
    /// assert_eq!(RetryClass::for_status(500), RetryClass::ServerError);
    /// assert_eq!(RetryClass::for_status(501), RetryClass::NotRetryable);
    /// ```
    pub const fn for_status(status: u16) -> RetryClass {
        // The generator's rule (`fc-codegen/src/rules.rs`), which the
        // importer also applies to a code new in the documents.
        match crate::rules::status_retry(status) {
            StatusRetry::Throttling => RetryClass::Throttling,
            StatusRetry::Transient => RetryClass::Transient,
            StatusRetry::ServerError => RetryClass::ServerError,
            StatusRetry::NotRetryable => RetryClass::NotRetryable,
        }
    }

    /// The class as a label for logs and metrics, what `Display` prints:
    /// `throttling`, `transient`, `server_error` or `not_retryable`.
    ///
    /// ```
    /// use fc_generated::RetryClass;
    ///
    /// assert_eq!(RetryClass::ServerError.as_str(), "server_error");
    /// assert_eq!(RetryClass::NotRetryable.to_string(), "not_retryable");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            RetryClass::Throttling => "throttling",
            RetryClass::Transient => "transient",
            RetryClass::ServerError => "server_error",
            RetryClass::NotRetryable => "not_retryable",
        }
    }

    /// Whether to retry at all: every class but
    /// [`NotRetryable`](Self::NotRetryable).
    ///
    /// ```
    /// use fc_generated::RetryClass;
    ///
    /// assert!(RetryClass::Throttling.is_retryable());
    /// assert!(!RetryClass::NotRetryable.is_retryable());
    /// ```
    pub const fn is_retryable(self) -> bool {
        !matches!(self, RetryClass::NotRetryable)
    }
}

impl core::fmt::Display for RetryClass {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ErrorCode {
    /// How a client should treat this code: not retryable when the spec's
    /// annotation says so ([`ErrorCode::is_retryable`]), else the class of
    /// its documented status ([`RetryClass::for_status`]), or
    /// [`RetryClass::Transient`] when that status is not one retried.
    ///
    /// ```
    /// use fc_generated::{ErrorCode, RetryClass};
    ///
    /// assert_eq!(ErrorCode::ResourceExhausted.retry_class(), RetryClass::Throttling);
    /// assert_eq!(ErrorCode::ConcurrentUpdateError.retry_class(), RetryClass::Transient);
    /// assert_eq!(ErrorCode::InternalServerError.retry_class(), RetryClass::ServerError);
    /// assert_eq!(ErrorCode::AccessDenied.retry_class(), RetryClass::NotRetryable);
    /// ```
    pub const fn retry_class(self) -> RetryClass {
        if !self.is_retryable() {
            return RetryClass::NotRetryable;
        }
        match RetryClass::for_status(self.http_status()) {
            RetryClass::NotRetryable => RetryClass::Transient,
            class => class,
        }
    }
}
