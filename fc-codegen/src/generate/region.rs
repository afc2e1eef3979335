//! `Region`: the enum with its bilingual variant docs, one data row per
//! region, and the two mappings only a `match` does fast (variant to row,
//! id to variant). The accessors, `Display` and `FromStr` are hand-written
//! in `fc-generated/src/region.rs`, reading the rows.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::docs::{doc_attrs, markdown_text};
use crate::discriminant::discriminant;
use crate::spec::{EndpointSpec, Localized, RegionSpec};
use crate::validate::ValidSpec;

/// The `Region` enum, `REGION_ROWS`, `index` and `lookup`.
pub fn region_items(valid: &ValidSpec) -> Vec<TokenStream> {
    let variants: Vec<Ident> = valid
        .regions()
        .map(|(_, variant)| Ident::new(variant, Span::call_site()))
        .collect();
    let variant_docs = valid.regions().map(|(region, _)| {
        let lines = [
            format!(
                "{} / {}",
                markdown_text(&region.name.en),
                markdown_text(&region.name.zh)
            ),
            String::new(),
            format!("- id: `{}`", region.id),
            format!("- public endpoint: `{}`", region.endpoint.public),
            format!("- internal endpoint: `{}`", region.endpoint.internal),
        ];
        doc_attrs(&lines)
    });
    let ids: Vec<&str> = valid
        .regions()
        .map(|(region, _)| region.id.as_str())
        .collect();
    let discriminants = ids
        .iter()
        .map(|id| Literal::u32_unsuffixed(discriminant(id)));
    let rows = valid.regions().map(|(region, variant)| {
        let variant = Ident::new(variant, Span::call_site());
        // Without `..`: a new model field fails to compile here until the
        // row carries it.
        let RegionSpec { id, name, endpoint } = region;
        let Localized { en, zh } = name;
        let EndpointSpec { public, internal } = endpoint;
        quote! {
            crate::RegionRow {
                region: crate::Region::#variant,
                id: #id,
                name: crate::Localized { en: #en, zh: #zh },
                public: #public,
                internal: #internal,
            }
        }
    });
    let indexes = (0..ids.len()).map(Literal::usize_unsuffixed);

    let enum_item = quote! {
        /// A Function Compute region, as listed in the documents' endpoint tables.
        ///
        /// `#[non_exhaustive]`: a new region in the documents is a new variant in
        /// a minor release, so a `match` needs a `_` arm. For a region newer than
        /// this crate, see [`Endpoint::for_unlisted_region`].
        ///
        /// Stable wherever the documents add a region: each variant's
        /// discriminant (`region as u32`) is the 32-bit FNV-1a hash of its id,
        /// and `Ord` compares ids as strings, so neither depends on the
        /// table's order; [`Region::ALL`] keeps the documents' order.
        ///
        /// ```
        /// use fc_generated::{Lang, Network, Region};
        ///
        /// for &region in Region::ALL {
        ///     // Display writes the id, and the id parses back.
        ///     assert_eq!(region.to_string().parse::<Region>(), Ok(region));
        ///     assert!(region.endpoint(Network::Internal).ends_with("-internal.fc.aliyuncs.com"));
        ///     println!("{region}: {} / {}", region.name(Lang::En), region.name(Lang::Zh));
        /// }
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        #[repr(u32)]
        pub enum Region {
            #( #variant_docs #variants = #discriminants, )*
        }
    };
    let rows_item = quote! {
        /// The documents' region table: one row per region, in the documents'
        /// order. The accessors of [`Region`] read it.
        pub(crate) const REGION_ROWS: &[crate::RegionRow] = &[ #( #rows, )* ];
    };
    let impl_item = quote! {
        impl crate::Region {
            /// This region's row in [`REGION_ROWS`], which is also its index in `ALL`.
            #[inline]
            pub(crate) const fn index(self) -> usize {
                match self {
                    #( crate::Region::#variants => #indexes, )*
                }
            }

            /// Looks a region up by its exact id, without allocating.
            ///
            /// [`str::parse`] does the same and explains a miss.
            pub fn lookup(id: &str) -> Option<crate::Region> {
                match id {
                    #( #ids => Some(crate::Region::#variants), )*
                    _ => None,
                }
            }
        }
    };
    vec![enum_item, rows_item, impl_item]
}
