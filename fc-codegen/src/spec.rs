//! The spec model: what the YAML files under `spec/` hold, field for field.
//!
//! This module is the one description of the spec's shape: each field is
//! declared once, with `spec_struct!` ([`crate::schema`]), and its reading
//! (behind [`crate::load`], rejecting unknown fields so a misspelled key is
//! never dropped), its writing in the canonical layout ([`crate::write`],
//! feature `write`, which also derives `serde::Serialize` with the YAML's
//! field names), its text rules, its SemVer rule for spec-diff, whether the
//! importer keeps it from the current spec, and its place in the generated
//! row all follow from that line ([`crate::schema`]). These types carry no
//! Rust names; [`crate::validate`] adds them and the checks of each
//! field's own shape.
//! `Default` is the decoder's placeholder for a value it could not read, so
//! the rest of a broken entry can still be checked in the same run.

use crate::schema::{spec_struct, Leaf, Schema, Text};

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

spec_struct! {
    /// A text given in both languages of the documents; compared, checked
    /// and emitted as one value.
    pub struct Localized (LocalizedKeys) {
        /// English, from the English reference.
        en: String = "en", documents, text, no_row, part;
        /// Chinese, from the Chinese reference.
        zh: String = "zh", documents, text, no_row, part;
    }
}

impl Leaf for Localized {
    #[cfg(feature = "write")]
    fn diff_value(&self) -> crate::schema::FieldValue {
        crate::schema::FieldValue::Localized(self.clone())
    }

    fn row_value(&self) -> proc_macro2::TokenStream {
        let Localized { en, zh } = self;
        quote::quote! { crate::Localized { en: #en, zh: #zh } }
    }
}

impl Text for Localized {
    fn visit_text(&self, at: &mut Vec<&'static str>, visit: &mut dyn FnMut(&[&'static str], &str)) {
        self.visit_texts(at, visit);
    }

    #[cfg(feature = "write")]
    fn visit_text_mut(
        &mut self,
        at: &mut Vec<&'static str>,
        visit: &mut dyn FnMut(&[&'static str], &mut String),
    ) {
        self.visit_texts_mut(at, visit);
    }
}

spec_struct! {
    /// `service.yaml`.
    pub struct ServiceSpec (ServiceKeys) {
        /// The two source documents.
        documents: Documents = "documents", documents, nested, no_row, nested;
        /// The domain name format and its example.
        domain: DomainSpec = "domain", documents, nested, no_row, nested;
        /// The JSON field names of an error response body.
        error_body: ErrorBodySpec = "error_body", documents, nested, no_row, nested;
    }
}

spec_struct! {
    /// The English and the Chinese API reference.
    pub struct Documents (DocumentsKeys) {
        /// The English reference.
        en: DocumentSpec = "en", documents, nested, no_row, nested;
        /// The Chinese reference.
        zh: DocumentSpec = "zh", documents, nested, no_row, nested;
    }
}

spec_struct! {
    /// One document's title and version.
    pub struct DocumentSpec (DocumentKeys) {
        /// The title on the cover page (`doc_title`).
        title: String = "title", documents, text, no_row, rule(Patch, "text only");
        /// The document version, eight digits (`20201016`; `doc_version`).
        version: String = "version", documents, plain, no_row,
            rule(Patch, "the documents' version; `doc_version` changes");
    }
}

spec_struct! {
    /// The domain name format `account_id.service_endpoint`.
    pub struct DomainSpec (DomainKeys) {
        /// The format as the documents write it (`DOMAIN_FORMAT`).
        format: String = "format", documents, plain, no_row,
            rule(Major, "every request's host is built differently");
        /// The documents' worked example.
        example: DomainExample = "example", documents, nested, no_row, nested;
    }
}

spec_struct! {
    /// The documents' example of a domain name.
    pub struct DomainExample (DomainExampleKeys) {
        /// The example account id (`16530750`; `DOMAIN_EXAMPLE_ACCOUNT_ID`).
        account_id: String = "account_id", documents, plain, no_row,
            rule(Patch, "the documents' example, used in no request");
        /// The example region's id (`cn-shanghai`; `DOMAIN_EXAMPLE_REGION`).
        region: String = "region", documents, plain, no_row,
            rule(Patch, "the documents' example, used in no request");
        /// The resulting host (`DOMAIN_EXAMPLE_HOST`).
        host: String = "host", documents, plain, no_row,
            rule(Patch, "the documents' example, used in no request");
    }
}

spec_struct! {
    /// The field names of `{"errorCode": .., "errorMessage": ..}`.
    pub struct ErrorBodySpec (ErrorBodyKeys) {
        /// The field holding the error code (`ERROR_CODE_FIELD`).
        code_field: String = "code_field", documents, text, no_row,
            rule(Major, "error bodies are read from a different JSON field");
        /// The field holding the error message (`ERROR_MESSAGE_FIELD`).
        message_field: String = "message_field", documents, text, no_row,
            rule(Major, "error bodies are read from a different JSON field");
    }
}

spec_struct! {
    /// One region of `regions.yaml`.
    pub struct RegionSpec (RegionKeys) {
        /// The region id, the first label of the public endpoint (`cn-hangzhou`).
        id: String = "id", documents, plain, row, key;
        /// The region's name in each language (`Region::name`).
        name: Localized = "name", documents, text, row, rule(Patch, "text only");
        /// The service endpoints.
        endpoint: EndpointSpec = "endpoint", documents, nested, row, nested;
    }
}

spec_struct! {
    /// A region's public and internal service endpoint hosts.
    pub struct EndpointSpec (EndpointKeys) {
        /// `{id}.fc.aliyuncs.com` (`Region::endpoint(Network::Public)`).
        public: String = "public", documents, plain, row,
            rule(Major, "requests silently go to a different host");
        /// `{id}-internal.fc.aliyuncs.com` (`Region::endpoint(Network::Internal)`).
        internal: String = "internal", documents, plain, row,
            rule(Major, "requests silently go to a different host");
    }
}

spec_struct! {
    /// One common error code of `errors.yaml`.
    pub struct ErrorSpec (ErrorKeys) {
        /// The code as the service sends it (`InvalidArgument`).
        code: String = "code", documents, plain, row, key;
        /// The HTTP status the documents give for it (`ErrorCode::http_status`).
        http_status: u16 = "http_status", documents, plain, row,
            rule(Minor, "a program reads a different value; it follows the documents");
        /// The message the service sends with it, `%s` standing for values
        /// from the request (`service '%s' does not exist`), as the
        /// documents' "Error message" column gives it; absent where they
        /// give none (`ErrorCode::message_template`).
        message: Option<String> = "message", documents, text, row, rule(
            Minor,
            "`message_template` and what `ApiError` reads from a message change; it follows the documents"
        );
        /// Why the error happens (`ErrorCode::cause`).
        cause: Localized = "cause", documents, text, row, rule(Patch, "text only");
        /// What to do about it (`ErrorCode::solution`).
        solution: Localized = "solution", documents, text, row, rule(Patch, "text only");
        /// The project's own annotation, not from the documents.
        annotation: ErrorAnnotation = "annotation", project, nested, row, nested;
    }
}

spec_struct! {
    /// What the project adds to an error code; the documents do not say this.
    pub struct ErrorAnnotation (ErrorAnnotationKeys) {
        /// Whether a client may send the same request again (`ErrorCode::is_retryable`).
        retryable: bool = "retryable", project, plain, row, rule(
            Major,
            "retry loops send requests again that they used to give up on, or the reverse"
        );
        /// Why, for the reviewer and the generated docs (the variant's rustdoc).
        reason: String = "reason", project, text, no_row, rule(Patch, "text only");
    }
}
