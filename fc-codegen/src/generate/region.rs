//! The region table: one `crate::region_table!` entry per region, in spec
//! order, each a row with the variant's bilingual rustdoc. The macro, the
//! accessors, `Display` and `FromStr` are hand-written in
//! `fc-generated/src/region.rs`.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::docs::{doc_attrs, markdown_text};
use super::row_fields;
use crate::spec::RegionSpec;
use crate::validate::ValidSpec;

/// The `crate::region_table! { .. }` invocation.
pub fn region_table(valid: &ValidSpec) -> TokenStream {
    let entries = valid.regions().map(|(region, variant)| {
        let docs = doc_attrs(&variant_doc_lines(region));
        let variant = Ident::new(variant, Span::call_site());
        let row = row_fields(region);
        quote! {
            #docs
            const #variant: crate::RegionRow = crate::RegionRow { #row };
        }
    });
    quote! {
        crate::region_table! { #( #entries )* }
    }
}

/// The variant's rustdoc: both names, then the id and both endpoints.
fn variant_doc_lines(region: &RegionSpec) -> [String; 5] {
    [
        format!(
            "{} / {}",
            markdown_text(&region.name.en),
            markdown_text(&region.name.zh)
        ),
        String::new(),
        format!("- id: `{}`", region.id),
        format!("- public endpoint: `{}`", region.endpoint.public),
        format!("- internal endpoint: `{}`", region.endpoint.internal),
    ]
}
