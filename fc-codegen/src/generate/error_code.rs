//! The error code table: one `crate::error_code_table!` entry per code, in
//! spec order, each a row with the variant's bilingual rustdoc. The macro,
//! the accessors, `Display` and `FromStr` are hand-written in
//! `fc-generated/src/error_code.rs`.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::docs::{doc_attrs, markdown_text};
use super::row_fields;
use crate::spec::ErrorSpec;
use crate::validate::ValidSpec;

/// The `crate::error_code_table! { .. }` invocation.
pub fn error_code_table(valid: &ValidSpec) -> TokenStream {
    let entries = valid.errors().map(|(error, variant)| {
        let docs = doc_attrs(&variant_doc_lines(error));
        let variant = Ident::new(variant, Span::call_site());
        let row = row_fields(error);
        quote! {
            #docs
            const #variant: crate::ErrorCodeRow = crate::ErrorCodeRow { #row };
        }
    });
    quote! {
        crate::error_code_table! { #( #entries )* }
    }
}

/// The variant's rustdoc: status and code, then cause and solution in both
/// languages, then the project's retry annotation.
fn variant_doc_lines(error: &ErrorSpec) -> Vec<String> {
    // Without `..`: a new field fails to compile here until its docs are
    // decided (rustdoc_text checks that every text field reaches them).
    let ErrorSpec {
        code,
        http_status,
        message,
        cause,
        solution,
        annotation,
    } = error;
    let mut lines = vec![format!("HTTP {http_status} `{code}`"), String::new()];
    if let Some(message) = message {
        lines.push(format!("**Message:** {}", markdown_text(message)));
        lines.push(String::new());
    }
    lines.extend([
        format!("**Cause:** {}", markdown_text(&cause.en)),
        String::new(),
        format!("**Solution:** {}", markdown_text(&solution.en)),
        String::new(),
        format!("**错误原因：** {}", markdown_text(&cause.zh)),
        String::new(),
        format!("**解决方案：** {}", markdown_text(&solution.zh)),
        String::new(),
        format!(
            "**Retryable:** {} (project annotation: {})",
            if annotation.retryable { "yes" } else { "no" },
            markdown_text(&annotation.reason)
        ),
    ]);
    lines
}
