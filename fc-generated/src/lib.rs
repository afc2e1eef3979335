//! Typed Alibaba Cloud Function Compute (FC) regions, endpoints and error
//! codes, generated at build time from a YAML transcription of the FC API
//! reference (`spec/` in this crate).
//!
//! - [`Region`]: every region with its names in English and Chinese and its
//!   public and internal service endpoints.
//! - [`ErrorCode`]: every common error code with its HTTP status, cause and
//!   solution in both languages.
//! - [`doc_version`]: which versions of the documents this crate reflects.
//! - [`Endpoint`]: a validated request host `account_id.service_endpoint`.
//! - [`ApiError`]: a failed response as a typed, lossless, bounded error,
//!   with a retry classification.
//!
//! Features: `json` (default) reads the error code and message out of an
//! error body with `serde_json`; without it the crate has no dependencies
//! and [`ApiError`] keeps the status, request id and raw body only. The
//! optional feature `serde` serializes [`Region`], [`ErrorCode`], [`Lang`]
//! and [`Network`] as their wire strings and [`Endpoint`] as its host, and
//! deserializes them through `FromStr`.
//!
//! ```
//! use fc_generated::{ErrorCode, Lang, Network, Region};
//!
//! // Parse what a user configured, with a helpful error on a typo.
//! let region: Region = "cn-hangzhou".parse()?;
//! assert_eq!(region.endpoint(Network::Public), "cn-hangzhou.fc.aliyuncs.com");
//! assert_eq!(region.name(Lang::Zh), "华东1（杭州）");
//!
//! let typo = "cn-hangzou".parse::<Region>().unwrap_err();
//! assert_eq!(typo.suggestion(), Some(Region::CnHangzhou));
//!
//! // Explain an error code the service sent.
//! let code: ErrorCode = "SignatureNotMatch".parse()?;
//! assert_eq!(code.http_status(), 403);
//! assert!(!code.is_retryable());
//! println!("{code}: {}", code.solution(Lang::En));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The tables below are generated from the same spec as the code.
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/fc_generated.md"))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api_error;
mod bounded;
mod endpoint;
mod lang;
mod ordering;
mod parse_error;
#[cfg(feature = "serde")]
mod serde_impls;

pub use api_error::{
    ApiError, MAX_CODE_BYTES, MAX_MESSAGE_BYTES, MAX_PARSED_BODY_BYTES, MAX_RAW_BODY_BYTES,
    MAX_REQUEST_ID_BYTES,
};
pub use endpoint::{
    Endpoint, EndpointError, MAX_ACCOUNT_ID_DIGITS, MAX_ENDPOINT_TEXT_LEN, MAX_REGION_ID_LEN,
};
pub use lang::{Lang, Network};
pub use parse_error::{
    ParseErrorCodeError, ParseLangError, ParseNetworkError, ParseRegionError, KEPT_INPUT_BYTES,
};

include!(concat!(env!("OUT_DIR"), "/fc_generated.rs"));

/// The README's examples run as doctests, so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
