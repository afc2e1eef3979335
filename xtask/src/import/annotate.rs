//! The project's own annotations: kept across an import, defaulted for new codes.
//!
//! The documents do not say which errors a client may retry; `errors.yaml`
//! says so in each code's `annotation`. An import keeps the annotation of
//! every code the spec already has and gives a new code [`review_annotation`],
//! which the import reports so that a person decides; `cargo xtask check`
//! ([`fc_codegen::validate::Mode::Release`]) fails until one has.

use fc_codegen::schema::Schema;
use fc_codegen::spec::{ErrorAnnotation, ErrorSpec};
use fc_codegen::validate::{is_unreviewed, REVIEW_MARK};

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

/// Gives each documented code what the documents do not say (its
/// `project` fields, [`Schema::carry_over`]) from `previous`, or the
/// default annotation if `previous` does not have the code.
pub fn annotate(documented: Vec<ErrorSpec>, previous: &[ErrorSpec]) -> Annotated {
    let mut new_codes = Vec::new();
    let mut unreviewed_codes = Vec::new();
    let errors = documented
        .into_iter()
        .map(|mut error| {
            match previous.iter().find(|old| old.code == error.code) {
                Some(old) => {
                    error.carry_over(old);
                    if is_unreviewed(&error.annotation) {
                        unreviewed_codes.push(error.code.clone());
                    }
                }
                None => {
                    new_codes.push(error.code.clone());
                    error.annotation = review_annotation();
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
