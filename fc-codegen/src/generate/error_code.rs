//! `ErrorCode`: the enum of common error codes, its tables and its
//! `Display`/`FromStr`.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::docs::{doc_attrs, markdown_text};
use crate::discriminant::discriminant;
use crate::spec::ErrorSpec;
use crate::validate::ValidSpec;

/// The `ErrorCode` enum and its impls.
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
    let statuses = errors.iter().map(|error| error.http_status);
    let causes_en = errors.iter().map(|error| error.cause.en.as_str());
    let causes_zh = errors.iter().map(|error| error.cause.zh.as_str());
    let solutions_en = errors.iter().map(|error| error.solution.en.as_str());
    let solutions_zh = errors.iter().map(|error| error.solution.zh.as_str());
    let retryable = errors.iter().map(|error| error.annotation.retryable);

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
    let impl_item = quote! {
        impl ErrorCode {
            /// Every common error code, in the documents' order.
            pub const ALL: &'static [ErrorCode] = &[ #( ErrorCode::#variants, )* ];

            /// The code as the service sends it (`InvalidArgument`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    #( ErrorCode::#variants => #codes, )*
                }
            }

            /// The HTTP status the documents give for this code.
            pub const fn http_status(self) -> u16 {
                match self {
                    #( ErrorCode::#variants => #statuses, )*
                }
            }

            /// Why the error happens, in the documents of `lang`.
            pub const fn cause(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => match self {
                        #( ErrorCode::#variants => #causes_en, )*
                    },
                    Lang::Zh => match self {
                        #( ErrorCode::#variants => #causes_zh, )*
                    },
                }
            }

            /// What to do about it, in the documents of `lang`.
            pub const fn solution(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => match self {
                        #( ErrorCode::#variants => #solutions_en, )*
                    },
                    Lang::Zh => match self {
                        #( ErrorCode::#variants => #solutions_zh, )*
                    },
                }
            }

            /// Whether sending the same request again may succeed.
            ///
            /// The project's own classification, written down with its reason
            /// for each code in `spec/errors.yaml`; the documents do not say.
            pub const fn is_retryable(self) -> bool {
                match self {
                    #( ErrorCode::#variants => #retryable, )*
                }
            }

            /// Looks a code up by its exact spelling, without allocating.
            ///
            /// [`str::parse`] does the same and explains a miss.
            pub fn lookup(code: &str) -> Option<ErrorCode> {
                match code {
                    #( #codes => Some(ErrorCode::#variants), )*
                    _ => None,
                }
            }
        }
    };
    let display_item = quote! {
        impl core::fmt::Display for ErrorCode {
            /// Writes the code as the service sends it.
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
    let from_str_item = quote! {
        impl core::str::FromStr for ErrorCode {
            type Err = ParseErrorCodeError;

            /// Parses an exact code (`InvalidArgument`); codes are case-sensitive.
            fn from_str(code: &str) -> Result<ErrorCode, ParseErrorCodeError> {
                match ErrorCode::lookup(code) {
                    Some(error_code) => Ok(error_code),
                    None => Err(ParseErrorCodeError::new(code)),
                }
            }
        }
    };
    vec![enum_item, impl_item, display_item, from_str_item]
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
