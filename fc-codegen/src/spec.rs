//! The spec model: what the YAML files under `spec/` hold, field for field.
//!
//! This module is the one description of the spec's shape. These types
//! carry no Rust names and no checks; [`crate::validate`] adds both.
//! The decoder behind [`crate::load`] fills them from YAML, rejecting unknown fields so a
//! misspelled key is never dropped; [`crate::write`] (feature `write`)
//! renders them back in the canonical layout, and the same feature derives
//! `serde::Serialize` (field names as in the YAML) for JSON reports.
//! `Default` is the decoder's placeholder for a value it could not read, so
//! the rest of a broken entry can still be checked in the same run.

/// The whole spec, one field per file, in the order the files are read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
pub struct Spec {
    /// `service.yaml`: the documents, the domain format, the error body.
    pub service: ServiceSpec,
    /// `regions.yaml`, in spec order.
    pub regions: Vec<RegionSpec>,
    /// `errors.yaml`, in spec order.
    pub errors: Vec<ErrorSpec>,
}

/// A text given in both languages of the documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
pub struct Localized {
    /// English, from the English reference.
    pub en: String,
    /// Chinese, from the Chinese reference.
    pub zh: String,
}

/// `service.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
pub struct ServiceSpec {
    /// The two source documents.
    pub documents: Documents,
    /// The domain name format and its example.
    pub domain: DomainSpec,
    /// The JSON field names of an error response body.
    pub error_body: ErrorBodySpec,
}

/// The English and the Chinese API reference.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
pub struct Documents {
    /// The English reference.
    pub en: DocumentSpec,
    /// The Chinese reference.
    pub zh: DocumentSpec,
}

/// One document's title and version.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
pub struct DocumentSpec {
    /// The title on the cover page.
    pub title: String,
    /// The document version, eight digits (`20201016`).
    pub version: String,
}

/// The domain name format `account_id.service_endpoint`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
pub struct DomainSpec {
    /// The format as the documents write it.
    pub format: String,
    /// The documents' worked example.
    pub example: DomainExample,
}

/// The documents' example of a domain name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
pub struct DomainExample {
    /// The example account id (`16530750`).
    pub account_id: String,
    /// The example region's id (`cn-shanghai`).
    pub region: String,
    /// The resulting host.
    pub host: String,
}

/// The field names of `{"errorCode": .., "errorMessage": ..}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
pub struct ErrorBodySpec {
    /// The field holding the error code.
    pub code_field: String,
    /// The field holding the error message.
    pub message_field: String,
}

/// One region of `regions.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
pub struct RegionSpec {
    /// The region id, the first label of the public endpoint (`cn-hangzhou`).
    pub id: String,
    /// The region's name in each language.
    pub name: Localized,
    /// The service endpoints.
    pub endpoint: EndpointSpec,
}

/// A region's public and internal service endpoint hosts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
pub struct EndpointSpec {
    /// `{id}.fc.aliyuncs.com`.
    pub public: String,
    /// `{id}-internal.fc.aliyuncs.com`.
    pub internal: String,
}

/// One common error code of `errors.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
pub struct ErrorSpec {
    /// The code as the service sends it (`InvalidArgument`).
    pub code: String,
    /// The HTTP status the documents give for it.
    pub http_status: u16,
    /// Why the error happens.
    pub cause: Localized,
    /// What to do about it.
    pub solution: Localized,
    /// The project's own annotation, not from the documents.
    pub annotation: ErrorAnnotation,
}

/// What the project adds to an error code; the documents do not say this.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
pub struct ErrorAnnotation {
    /// Whether a client may send the same request again.
    pub retryable: bool,
    /// Why, for the reviewer and the generated docs.
    pub reason: String,
}
