//! `crate::rules` of the generated crate: the validator's own account-id
//! and region-id rules (`fc-codegen/src/rules.rs`), emitted as they are
//! compiled into the generator, so `Endpoint` checks input exactly as the
//! validator checked the spec.

use proc_macro2::TokenStream;
use quote::quote;

/// The source of the rules, the same file the generator compiles.
const RULES_SOURCE: &str = include_str!("../rules.rs");

/// `pub(crate) mod rules { .. }`, the rules file's own tokens.
///
/// The file is this crate's source, not spec text, so it is tokenized as
/// Rust; a test pins that it parses. Should it not, the generated crate
/// fails to compile with that message rather than the generator panicking.
pub fn rules_item() -> TokenStream {
    match RULES_SOURCE.parse::<TokenStream>() {
        Ok(rules) => quote! {
            pub(crate) mod rules { #rules }
        },
        Err(_) => quote! {
            compile_error!("fc-codegen's rules.rs did not tokenize");
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_rules_file_tokenizes_into_a_module() {
        let text = super::rules_item().to_string();
        assert!(text.starts_with("pub (crate) mod rules"), "{text}");
        assert!(text.contains("fn region_id_fault"));
        assert!(!text.contains("compile_error"));
    }
}
