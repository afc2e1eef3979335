//! Facts about the service as a whole: the documents' versions, the domain
//! name format and its example, and the error body's field names.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::validate::{ValidSpec, DOMAIN_FORMAT, ENDPOINT_DOMAIN};

/// `doc_version`, `doc_title` and the service constants.
pub fn service_items(valid: &ValidSpec) -> Vec<TokenStream> {
    let service = &valid.spec().service;
    let (version_en, version_zh) = (&service.documents.en.version, &service.documents.zh.version);
    let (title_en, title_zh) = (&service.documents.en.title, &service.documents.zh.title);
    let example = &service.domain.example;
    let example_account = &example.account_id;
    let example_host = &example.host;
    // The validator checked that the example region is in the spec; were it
    // not, the generated crate would say so rather than the generator panic.
    let example_region = match valid.region_variant(&example.region) {
        Some(variant) => {
            let variant = Ident::new(variant, Span::call_site());
            quote! { crate::Region::#variant }
        }
        None => quote! { compile_error!("the spec's example region is not a region") },
    };
    let code_field = &service.error_body.code_field;
    let message_field = &service.error_body.message_field;

    vec![
        quote! {
            /// The version of the document in `lang` that this crate was generated from.
            ///
            /// ```
            /// assert_eq!(fc_generated::doc_version(fc_generated::Lang::En).len(), 8);
            /// ```
            pub const fn doc_version(lang: crate::Lang) -> &'static str {
                match lang {
                    crate::Lang::En => #version_en,
                    crate::Lang::Zh => #version_zh,
                }
            }
        },
        quote! {
            /// The title of the document in `lang` that this crate was generated from.
            pub const fn doc_title(lang: crate::Lang) -> &'static str {
                match lang {
                    crate::Lang::En => #title_en,
                    crate::Lang::Zh => #title_zh,
                }
            }
        },
        quote! {
            /// The format of a request's domain name, as the documents write it:
            /// the account id, a dot, then the region's service endpoint.
            pub const DOMAIN_FORMAT: &str = #DOMAIN_FORMAT;
        },
        quote! {
            /// The domain every service endpoint lives under.
            pub const ENDPOINT_DOMAIN: &str = #ENDPOINT_DOMAIN;
        },
        quote! {
            /// The documents' example account id.
            pub const DOMAIN_EXAMPLE_ACCOUNT_ID: &str = #example_account;
        },
        quote! {
            /// The region of the documents' example.
            pub const DOMAIN_EXAMPLE_REGION: crate::Region = #example_region;
        },
        quote! {
            /// The documents' example domain name, for [`DOMAIN_EXAMPLE_ACCOUNT_ID`]
            /// in [`DOMAIN_EXAMPLE_REGION`].
            pub const DOMAIN_EXAMPLE_HOST: &str = #example_host;
        },
        quote! {
            /// The JSON field of an error response body that holds the error code,
            /// as the documents spell it.
            pub const ERROR_CODE_FIELD: &str = #code_field;
        },
        quote! {
            /// The JSON field of an error response body that holds the message,
            /// as the documents spell it.
            pub const ERROR_MESSAGE_FIELD: &str = #message_field;
        },
    ]
}
