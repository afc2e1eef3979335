//! `ErrorCode`: the enum of common error codes with bilingual variant docs,
//! one data row per code, and the two mappings only a `match` does fast
//! (variant to row, code to variant). The accessors, `Display` and `FromStr`
//! are hand-written in `fc-generated/src/error_code.rs`, reading the rows.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::docs::{doc_attrs, markdown_text};
use crate::discriminant::discriminant;
use crate::spec::{ErrorAnnotation, ErrorSpec};
use crate::validate::ValidSpec;

/// The `ErrorCode` enum, `ERROR_CODE_ROWS`, `index` and `lookup`.
pub fn error_code_items(valid: &ValidSpec) -> Vec<TokenStream> {
    let variants: Vec<Ident> = valid
        .errors()
        .map(|(_, variant)| Ident::new(variant, Span::call_site()))
        .collect();
    let variant_docs = valid.errors().map(|(error, _)| {
        let lines = variant_doc_lines(error);
        doc_attrs(&lines)
    });
    let errors: Vec<&ErrorSpec> = valid.errors().map(|(error, _)| error).collect();
    let codes: Vec<&str> = errors.iter().map(|error| error.code.as_str()).collect();
    let discriminants = codes
        .iter()
        .map(|code| Literal::u32_unsuffixed(discriminant(code)));
    let rows = valid.errors().map(|(error, variant)| {
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
        let (cause_en, cause_zh) = (&cause.en, &cause.zh);
        let (solution_en, solution_zh) = (&solution.en, &solution.zh);
        quote! {
            crate::ErrorCodeRow {
                error_code: crate::ErrorCode::#variant,
                code: #code,
                http_status: #status,
                cause: crate::Localized { en: #cause_en, zh: #cause_zh },
                solution: crate::Localized { en: #solution_en, zh: #solution_zh },
                retryable: #retryable,
            }
        }
    });
    let indexes = (0..codes.len()).map(Literal::usize_unsuffixed);

    let enum_item = quote! {
        /// A common error code of the Function Compute API, from the documents'
        /// table of common error codes.
        ///
        /// `#[non_exhaustive]`: a new code in the documents is a new variant in a
        /// minor release. The service also sends codes that are not in the
        /// common table (such as `FunctionNotFound`); parsing those fails with
        /// [`ParseErrorCodeError`], which keeps the code.
        ///
        /// Stable wherever the documents add a code: each variant's
        /// discriminant (`code as u32`) is the 32-bit FNV-1a hash of the code,
        /// and `Ord` compares the codes as strings, so neither depends on the
        /// table's order; [`ErrorCode::ALL`] keeps the documents' order.
        ///
        /// ```
        /// use fc_generated::{ErrorCode, Lang};
        ///
        /// for &code in ErrorCode::ALL {
        ///     // Display writes the code, and the code parses back.
        ///     assert_eq!(code.to_string().parse::<ErrorCode>(), Ok(code));
        ///     assert!((400..600).contains(&code.http_status()));
        ///     println!("{code} (HTTP {}): {}", code.http_status(), code.solution(Lang::En));
        /// }
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        #[repr(u32)]
        #[allow(clippy::upper_case_acronyms)]
        pub enum ErrorCode {
            #( #variant_docs #variants = #discriminants, )*
        }
    };
    let rows_item = quote! {
        /// The documents' table of common error codes: one row per code, in
        /// the documents' order, with the project's retry annotation. The
        /// accessors of [`ErrorCode`] read it.
        pub(crate) const ERROR_CODE_ROWS: &[crate::ErrorCodeRow] = &[ #( #rows, )* ];
    };
    let impl_item = quote! {
        impl crate::ErrorCode {
            /// This code's row in [`ERROR_CODE_ROWS`], which is also its index in `ALL`.
            #[inline]
            pub(crate) const fn index(self) -> usize {
                match self {
                    #( crate::ErrorCode::#variants => #indexes, )*
                }
            }

            /// Looks a code up by its exact spelling, without allocating.
            ///
            /// [`str::parse`] does the same and explains a miss.
            pub fn lookup(code: &str) -> Option<crate::ErrorCode> {
                match code {
                    #( #codes => Some(crate::ErrorCode::#variants), )*
                    _ => None,
                }
            }
        }
    };
    vec![enum_item, rows_item, impl_item]
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
