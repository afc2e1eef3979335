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
//! - [`EndpointOverride`]: a base URL used instead, for a server on this
//!   machine in tests or a gateway in front of FC.
//! - [`ApiError`]: a failed response as a typed, lossless, bounded error,
//!   with a [`RetryClass`] (throttling, transient, server error, not
//!   retryable), and the values in its message where the code has a
//!   [`MessageTemplate`] (the service name of `service '%s' does not exist`).
//!
//! Features (the crate has no required dependencies):
//!
//! - `json` (default, no dependency): [`ApiError`] reads the error code,
//!   message and request id out of a JSON error body, with a bounded reader
//!   of its own; without it [`ApiError`] keeps the status, request id and
//!   raw body only.
//! - `serde`: serializes [`Region`], [`ErrorCode`], [`Lang`] and
//!   [`Network`] as their wire strings and [`Endpoint`] as its host, and
//!   deserializes them through `FromStr`.
//! - `http`: glue for the `http` 1.x crate's types, which most Rust HTTP
//!   clients use: [`ApiError`] from an `http::Response`, an
//!   `http::StatusCode` for each [`ErrorCode`], an [`Endpoint`] as an
//!   `http::uri::Authority` or `http::Uri`, and the request-id header's
//!   `http::HeaderName`.
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
//! # Parsing strings
//!
//! [`Region`], [`ErrorCode`], [`Lang`] and [`Network`] share one
//! vocabulary: `as_str()` gives the wire string (what `Display` prints and
//! serde writes), `lookup(&str)` gives the value of an exact wire string or
//! `None`, and [`FromStr`](core::str::FromStr), [`TryFrom<&str>`] and
//! serde parse it with an error that keeps the input; each also implements
//! [`AsRef<str>`]. [`Endpoint`] parses with [`FromStr`](core::str::FromStr)
//! and [`TryFrom<&str>`] too, prints its host and orders by it.
//!
//! **Strict: `Region`, `ErrorCode`, `Lang`, `Network`.** Only the exact,
//! case-sensitive wire string parses: `"CN-SHANGHAI"` is not a region. These
//! are identifiers the service compares exactly (error codes are
//! case-sensitive; region ids appear lowercase in every host and API), and a
//! value that parsed from one spelling but prints another would not round-trip
//! through a config file. A near-miss instead gets a suggestion, so the fix
//! is one edit away:
//!
//! - a region keeps the input's geography (`cn-`, `ap-`, `eu-`, ...): a case
//!   or small typo difference, the city alone (`shanghai`), or an id with
//!   `-internal` appended; never a region on another continent;
//! - a language comes from a common tag in any case (`cn`, `zh-CN`,
//!   `zh-Hans`, `en-US`, `english`), and the error lists `"en"` and `"zh"`;
//! - a network from a synonym (`vpc`, `intranet` for `internal`) or a typo,
//!   and the error lists `"public"` and `"internal"`;
//! - an error code from a case or small typo difference.
//!
//! When nothing is close, a region's or code's error points at `Region::ALL`
//! or `ErrorCode::ALL`.
//!
//! **Lenient about presentation: `Endpoint`.** A host is a DNS name, which
//! is case-insensitive (RFC 4343), and users paste it as a URL: so any ASCII
//! case, an `https://` in front, a trailing `/` and a trailing `.` (a fully
//! qualified name) are accepted and normalised to the lowercase bare host.
//! Everything that would change where the request goes is refused: another
//! scheme, a port, a path or query, userinfo, another domain, and a region
//! this crate does not list (see [`Endpoint::parse_allowing_unlisted`]).
//!
//! ```
//! use fc_generated::{Endpoint, Lang, Network, Region};
//!
//! assert_eq!(Region::CnShanghai.as_str(), "cn-shanghai");
//! assert_eq!(Region::lookup("cn-shanghai"), Some(Region::CnShanghai));
//! assert_eq!(Region::try_from("cn-shanghai"), Ok(Region::CnShanghai));
//!
//! let error = "CN-SHANGHAI".parse::<Region>().unwrap_err();  // strict
//! assert_eq!(error.suggestion(), Some(Region::CnShanghai));
//! assert_eq!("zh-Hans".parse::<Lang>().unwrap_err().suggestion(), Some(Lang::Zh));
//!
//! let endpoint: Endpoint = "https://16530750.CN-SHANGHAI.fc.aliyuncs.com/".parse()?; // lenient
//! assert_eq!(endpoint.host(), "16530750.cn-shanghai.fc.aliyuncs.com");
//! assert_eq!(endpoint.network(), Network::Public);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The tables below are generated from the same spec as the code.
//!
#![cfg_attr(
    feature = "codegen",
    doc = include_str!(concat!(env!("OUT_DIR"), "/fc_generated.md"))
)]
#![cfg_attr(not(feature = "codegen"), doc = include_str!("generated/fc_generated.md"))]
// docs.rs (`--cfg docsrs`, nightly): show on each item the features it
// needs; rustdoc's doc_cfg has done that by itself since doc_auto_cfg was
// folded into it.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api_error;
mod bounded;
mod endpoint;
mod endpoint_override;
mod error_code;
#[cfg(feature = "http")]
mod http_types;
#[cfg(feature = "json")]
mod json_fields;
mod lang;
mod log_text;
mod message_template;
mod ordering;
mod parse_error;
mod region;
mod retry;
mod retry_after;
#[cfg(feature = "serde")]
mod serde_impls;
mod status_reason;
mod string_form;
mod suggestion;
mod table;

pub use api_error::ApiError;
pub use endpoint::{Endpoint, EndpointError};
pub use endpoint_override::{EndpointOverride, EndpointOverrideError};
pub use lang::{Lang, Network};
pub use message_template::{MessageTemplate, TemplateValues};

use error_code::{error_code_table, ErrorCodeRow};
use lang::Localized;
pub use parse_error::{ParseErrorCodeError, ParseLangError, ParseNetworkError, ParseRegionError};
use region::{region_table, RegionRow};
pub use retry::RetryClass;

// The generator's output for `spec/`: made by the build script with feature
// `codegen`, else the committed copy (the same bytes, held so by
// fc-codegen/tests/snapshots.rs; `cargo xtask codegen` rewrites it).
#[cfg(feature = "codegen")]
include!(concat!(env!("OUT_DIR"), "/fc_generated.rs"));
#[cfg(not(feature = "codegen"))]
include!("generated/fc_generated.rs");

/// The crate README's examples run as doctests, so they stay true. (The
/// repository's README and MAINTAINING.md hold commands, not Rust: every
/// Rust example lives in the crate README, which ships in the package.)
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
