//! Feature `http`: the crate's types meet the `http` 1.x crate's, which
//! most Rust HTTP clients (hyper, reqwest, ureq 3, the AWS SDK's smithy
//! runtime) use for requests and responses.

use std::borrow::Cow;

use http::header::HeaderMap;
use http::uri::{Authority, Scheme};
use http::{HeaderName, Response, StatusCode, Uri};

use crate::{ApiError, Endpoint, ErrorCode};

// Every documented status is one `http::StatusCode` accepts (100-999; the
// generator already keeps them in 400-599), so `ErrorCode::status_code`
// never takes its fallback. A spec that broke this would not compile.
const _: () = {
    let mut index = 0;
    while index < ErrorCode::ALL.len() {
        let status = ErrorCode::ALL[index].http_status();
        assert!(100 <= status && status <= 999);
        index += 1;
    }
};

impl ApiError {
    /// The request-id response header as an [`http::HeaderName`]; the same
    /// name as [`REQUEST_ID_HEADER`](Self::REQUEST_ID_HEADER).
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let response = http::Response::builder()
    ///     .header(ApiError::REQUEST_ID_HEADER_NAME, "r-1")
    ///     .body(())?;
    /// assert_eq!(response.headers()["X-Fc-Request-Id"], "r-1");
    /// # Ok::<(), http::Error>(())
    /// ```
    pub const REQUEST_ID_HEADER_NAME: HeaderName =
        HeaderName::from_static(ApiError::REQUEST_ID_HEADER);

    /// The error for an [`http::Response`] whose body has been read: the
    /// status, the `X-Fc-Request-Id` header and the body are read for the
    /// caller, as [`ApiError::from_response`] reads them, and so is the
    /// `Retry-After` header ([`ApiError::retry_after`]).
    ///
    /// A request-id header that is not UTF-8 is kept lossily (invalid
    /// bytes become `U+FFFD`); of several, the first counts.
    ///
    /// ```
    /// use fc_generated::{ApiError, ErrorCode, RetryClass};
    ///
    /// let response = http::Response::builder()
    ///     .status(429)
    ///     .header("x-fc-request-id", "8d5c4ad3")
    ///     .body(br#"{"ErrorCode":"ResourceExhausted","ErrorMessage":"Rate exceeded."}"#.to_vec())?;
    /// let error = ApiError::from_http_response(&response);
    /// assert_eq!(error.status(), 429);
    /// assert_eq!(error.request_id(), Some("8d5c4ad3"));
    /// # #[cfg(feature = "json")] {
    /// assert_eq!(error.code(), Some(ErrorCode::ResourceExhausted));
    /// assert_eq!(error.retry_class(), RetryClass::Throttling);
    /// # }
    /// assert_eq!(error.retry_after(), None);
    ///
    /// let slow_down = http::Response::builder().status(503).header("Retry-After", "2").body(b"")?;
    /// assert_eq!(ApiError::from_http_response(&slow_down).retry_after(), Some(std::time::Duration::from_secs(2)));
    /// # Ok::<(), http::Error>(())
    /// ```
    pub fn from_http_response<B: AsRef<[u8]>>(response: &Response<B>) -> ApiError {
        ApiError::from_http_head(
            response.status(),
            response.headers(),
            response.body().as_ref(),
        )
    }

    /// The error for a response whose head and body a client handed over
    /// separately (as `http::Response::into_parts` gives them, or a
    /// streaming client after reading the body).
    ///
    /// ```
    /// use fc_generated::ApiError;
    ///
    /// let (parts, ()) = http::Response::builder().status(502).body(())?.into_parts();
    /// let error = ApiError::from_http_parts(&parts, b"<html>Bad Gateway</html>");
    /// assert_eq!(error.status(), 502);
    /// assert!(error.is_retryable());
    /// # Ok::<(), http::Error>(())
    /// ```
    pub fn from_http_parts(parts: &http::response::Parts, body: &[u8]) -> ApiError {
        ApiError::from_http_head(parts.status, &parts.headers, body)
    }

    fn from_http_head(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiError {
        let request_id = request_id_header(headers);
        let error = ApiError::from_response(status.as_u16(), request_id.as_deref(), body);
        match headers.get(http::header::RETRY_AFTER) {
            Some(retry_after) => error.with_retry_after_header(retry_after.as_bytes()),
            None => error,
        }
    }

    /// The response's status as an [`http::StatusCode`], the same number as
    /// [`status`](Self::status), as [`ErrorCode::status_code`] gives the
    /// documented one. `None` only for a number `http` does not accept as a
    /// status (outside 100 to 999), which
    /// [`from_response`](Self::from_response) keeps as given and
    /// [`from_http_response`](Self::from_http_response) never sees.
    ///
    /// ```
    /// use fc_generated::ApiError;
    /// use http::StatusCode;
    ///
    /// let error = ApiError::from_response(429, None, b"");
    /// assert_eq!(error.status_code(), Some(StatusCode::TOO_MANY_REQUESTS));
    /// assert_eq!(ApiError::from_response(42, None, b"").status_code(), None);
    /// ```
    pub fn status_code(&self) -> Option<StatusCode> {
        StatusCode::from_u16(self.status()).ok()
    }
}

/// The first `X-Fc-Request-Id` header's value, lossily as text.
fn request_id_header(headers: &HeaderMap) -> Option<Cow<'_, str>> {
    headers
        .get(ApiError::REQUEST_ID_HEADER)
        .map(|value| String::from_utf8_lossy(value.as_bytes()))
}

impl ErrorCode {
    /// The status the documents give for this code, as an
    /// [`http::StatusCode`]: the same number as
    /// [`http_status`](Self::http_status).
    ///
    /// ```
    /// use fc_generated::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::ResourceExhausted.status_code(), http::StatusCode::TOO_MANY_REQUESTS);
    /// assert_eq!(ErrorCode::AccessDenied.status_code().as_u16(), 403);
    /// ```
    pub fn status_code(self) -> StatusCode {
        // The assertion at the top of this module rules out the fallback.
        StatusCode::from_u16(self.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl Endpoint {
    /// The host as an [`http::uri::Authority`], for a request's `Host`
    /// header or a URI.
    ///
    /// ```
    /// use fc_generated::{Endpoint, Network, Region};
    ///
    /// let endpoint = Endpoint::new("16530750", Region::CnShanghai, Network::Internal)?;
    /// let authority = endpoint.authority();
    /// assert_eq!(authority.host(), "16530750.cn-shanghai-internal.fc.aliyuncs.com");
    /// assert_eq!(authority.port(), None);
    /// # Ok::<(), fc_generated::EndpointError>(())
    /// ```
    pub fn authority(&self) -> Authority {
        // An endpoint's host is ASCII digits, lowercase letters, '-' and
        // '.', at most `Endpoint::MAX_TEXT_LEN` bytes: always an authority.
        Authority::try_from(self.host()).expect("an endpoint's host is a valid authority")
    }

    /// The API's base URI, `https://` and the host with path `/`: the URI
    /// form of [`Endpoint::url`].
    ///
    /// ```
    /// use fc_generated::{Endpoint, Network, Region};
    ///
    /// let endpoint = Endpoint::new("16530750", Region::CnShanghai, Network::Public)?;
    /// let uri = endpoint.uri();
    /// assert_eq!(uri, "https://16530750.cn-shanghai.fc.aliyuncs.com/");
    /// assert_eq!(uri.scheme(), Some(&http::uri::Scheme::HTTPS));
    /// # Ok::<(), fc_generated::EndpointError>(())
    /// ```
    pub fn uri(&self) -> Uri {
        Uri::builder()
            .scheme(Scheme::HTTPS)
            .authority(self.authority())
            .path_and_query("/")
            .build()
            .expect("https, an authority and / are a valid URI")
    }
}
