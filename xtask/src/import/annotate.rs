//! The project's own annotations: kept across an import, defaulted for new codes.
//!
//! The documents do not say which errors a client may retry; `errors.yaml`
//! says so in each code's `annotation`. An import keeps the annotation of
//! every code the spec already has (its `project` fields, by their
//! declaration) and gives a new code [`review_annotation`]: the class the
//! crate's status rule gives a code it does not know with that status
//! (`fc_codegen::rules::status_retry`), so that importing a code never
//! changes how a client retries it. The import reports each new code with
//! its class so that a person decides; `cargo xtask check`
//! ([`fc_codegen::validate::Mode::Release`]) fails until one has.

use fc_codegen::rules::{status_retry, StatusRetry};
use fc_codegen::schema::Schema;
use fc_codegen::spec::{ErrorAnnotation, ErrorSpec};
use fc_codegen::validate::{is_unreviewed, REVIEW_MARK};

/// The annotation of a code the spec did not have: retried exactly as a
/// client retries an unknown code with the same status, and marked for
/// review.
pub fn review_annotation(http_status: u16) -> ErrorAnnotation {
    let class = status_retry(http_status);
    ErrorAnnotation {
        retryable: class != StatusRetry::NotRetryable,
        reason: format!(
            "{REVIEW_MARK}: new in the documents; HTTP {http_status} is {} by the crate's status rule, as for a code it does not know; decide whether a client may retry this error and say why.",
            class_name(class)
        ),
    }
}

/// How the import and the default reason name a class.
pub fn class_name(class: StatusRetry) -> &'static str {
    match class {
        StatusRetry::Throttling => "throttling",
        StatusRetry::Transient => "transient",
        StatusRetry::ServerError => "a server error",
        StatusRetry::NotRetryable => "not retryable",
    }
}

/// Gives each entry of `entries` the `project` fields
/// ([`Schema::carry_over`]) of the entry of `previous` with the same key;
/// an entry the current spec does not have keeps its defaults.
pub fn carry_over_by_key<T: Schema>(entries: &mut [T], previous: &[T], key: fn(&T) -> &str) {
    let previous: std::collections::BTreeMap<&str, &T> =
        previous.iter().map(|old| (key(old), old)).collect();
    for entry in entries {
        if let Some(old) = previous.get(key(entry)) {
            entry.carry_over(old);
        }
    }
}

/// The error codes with annotations, and which of them need a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotated {
    /// The codes in the documents' order.
    pub errors: Vec<ErrorSpec>,
    /// Codes the spec did not have, which got [`review_annotation`].
    pub new_codes: Vec<String>,
    /// Codes the spec had whose annotation still awaits review.
    pub unreviewed_codes: Vec<String>,
}

/// Gives each documented code what the documents do not say (its
/// `project` fields, [`Schema::carry_over`]) from `previous`, or the
/// default annotation if `previous` does not have the code.
pub fn annotate(documented: Vec<ErrorSpec>, previous: &[ErrorSpec]) -> Annotated {
    let mut new_codes = Vec::new();
    let mut unreviewed_codes = Vec::new();
    let previous: std::collections::BTreeMap<&str, &ErrorSpec> = previous
        .iter()
        .map(|old| (old.code.as_str(), old))
        .collect();
    let errors = documented
        .into_iter()
        .map(|mut error| {
            match previous.get(error.code.as_str()) {
                Some(old) => {
                    error.carry_over(old);
                    if is_unreviewed(&error.annotation) {
                        unreviewed_codes.push(error.code.clone());
                    }
                }
                None => {
                    new_codes.push(error.code.clone());
                    error.annotation = review_annotation(error.http_status);
                }
            }
            error
        })
        .collect();
    Annotated {
        errors,
        new_codes,
        unreviewed_codes,
    }
}
