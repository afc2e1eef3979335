//! The error code table: one `crate::error_code_table!` entry per code, in
//! spec order, each a row with the variant's bilingual rustdoc. The macro,
//! the accessors, `Display` and `FromStr` are hand-written in
//! `fc-generated/src/error_code.rs`.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::docs::{doc_attrs, markdown_text};
use crate::spec::{ErrorAnnotation, ErrorSpec, Localized};
use crate::validate::ValidSpec;

/// The `crate::error_code_table! { .. }` invocation.
pub fn error_code_table(valid: &ValidSpec) -> TokenStream {
    let entries = valid.errors().map(|(error, variant)| {
        let docs = doc_attrs(&variant_doc_lines(error));
        let variant = Ident::new(variant, Span::call_site());
        // Without `..`: a new model field fails to compile here until the
        // row carries it (the retry reason reaches the variant's rustdoc).
        let ErrorSpec {
            code,
            http_status,
            cause,
            solution,
            annotation,
        } = error;
        let ErrorAnnotation {
            retryable,
            reason: _,
        } = annotation;
        let status = Literal::u16_unsuffixed(*http_status);
        let Localized {
            en: cause_en,
            zh: cause_zh,
        } = cause;
        let Localized {
            en: solution_en,
            zh: solution_zh,
        } = solution;
        quote! {
            #docs
            const #variant: crate::ErrorCodeRow = crate::ErrorCodeRow {
                code: #code,
                http_status: #status,
                cause: crate::Localized { en: #cause_en, zh: #cause_zh },
                solution: crate::Localized { en: #solution_en, zh: #solution_zh },
                retryable: #retryable,
            };
        }
    });
    quote! {
        crate::error_code_table! { #( #entries )* }
    }
}

/// The variant's rustdoc: status and code, then cause and solution in both
/// languages, then the project's retry annotation.
fn variant_doc_lines(error: &ErrorSpec) -> Vec<String> {
    vec![
        format!("HTTP {} `{}`", error.http_status, error.code),
        String::new(),
        format!("**Cause:** {}", markdown_text(&error.cause.en)),
        String::new(),
        format!("**Solution:** {}", markdown_text(&error.solution.en)),
        String::new(),
        format!("**错误原因：** {}", markdown_text(&error.cause.zh)),
        String::new(),
        format!("**解决方案：** {}", markdown_text(&error.solution.zh)),
        String::new(),
        format!(
            "**Retryable:** {} (project annotation: {})",
            if error.annotation.retryable {
                "yes"
            } else {
                "no"
            },
            markdown_text(&error.annotation.reason)
        ),
    ]
}
