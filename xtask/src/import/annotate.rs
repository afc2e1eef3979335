//! The project's own annotations: kept across an import, defaulted for new codes.
//!
//! The documents do not say which errors a client may retry; `errors.yaml`
//! says so in each code's `annotation`. An import keeps the annotation of
//! every code the spec already has and gives a new code [`review_annotation`],
//! which the import reports so that a person decides.

use fc_codegen::load::LoadedSpec;
use fc_codegen::spec::{ErrorAnnotation, ErrorSpec};
use fc_codegen::SpecError;

use super::join::DocumentedError;

/// How a default annotation's reason starts, so a later import can tell that
/// nobody has reviewed it yet.
pub const REVIEW_MARK: &str = "TODO: review";

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

/// A problem for each error code whose annotation still carries
/// [`REVIEW_MARK`], with its file, entry and line.
pub fn unreviewed_annotations(loaded: &LoadedSpec) -> Vec<SpecError> {
    let file = &loaded.errors;
    loaded
        .spec
        .errors
        .iter()
        .enumerate()
        .filter(|(_, error)| error.annotation.reason.starts_with(REVIEW_MARK))
        .map(|(index, error)| {
            file.error(
                file.lines.field_line("errors", index, &["annotation", "reason"]),
                format!(
                    "annotation.reason: not reviewed (starts with {REVIEW_MARK:?}); decide whether a client may retry this error, set `retryable` and say why"
                ),
            )
            .in_entry(format!("errors[{index}] ({})", error.code))
        })
        .collect()
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
                    if old.annotation.reason.starts_with(REVIEW_MARK) {
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
