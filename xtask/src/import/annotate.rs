//! The project's own annotations: kept across an import, defaulted for new codes.
//!
//! The documents do not say which errors a client may retry; `errors.yaml`
//! says so in each code's `annotation`. An import keeps the annotation of
//! every code the spec already has and gives a new code [`review_annotation`],
//! which the import reports so that a person decides; `cargo xtask check`
//! ([`fc_codegen::validate::Mode::Release`]) fails until one has.

use fc_codegen::spec::{ErrorAnnotation, ErrorSpec};
use fc_codegen::validate::{is_unreviewed, REVIEW_MARK};

use super::join::DocumentedError;

/// The annotation of a code the spec did not have: not retryable, because
/// retrying what should not be retried costs more than the other way round.
pub fn review_annotation() -> ErrorAnnotation {
    ErrorAnnotation {
        retryable: false,
        reason: format!(
            "{REVIEW_MARK}: new in the documents; decide whether a client may retry this error and say why."
        ),
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

/// Gives each documented code its annotation from `previous`, or the
/// default one if `previous` does not have the code.
pub fn annotate(documented: Vec<DocumentedError>, previous: &[ErrorSpec]) -> Annotated {
    let mut new_codes = Vec::new();
    let mut unreviewed_codes = Vec::new();
    let errors = documented
        .into_iter()
        .map(|error| {
            let kept = previous.iter().find(|old| old.code == error.code);
            let annotation = match kept {
                Some(old) => {
                    if is_unreviewed(&old.annotation) {
                        unreviewed_codes.push(error.code.clone());
                    }
                    old.annotation.clone()
                }
                None => {
                    new_codes.push(error.code.clone());
                    review_annotation()
                }
            };
            ErrorSpec {
                code: error.code,
                http_status: error.http_status,
                cause: error.cause,
                solution: error.solution,
                annotation,
            }
        })
        .collect();
    Annotated {
        errors,
        new_codes,
        unreviewed_codes,
    }
}
