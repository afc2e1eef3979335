//! `Region`: the enum, its tables and its `Display`/`FromStr`.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::docs::{doc_attrs, markdown_text};
use crate::discriminant::discriminant;
use crate::validate::ValidSpec;

/// The `Region` enum and its impls.
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
    let names_en = valid.regions().map(|(region, _)| region.name.en.as_str());
    let names_zh = valid.regions().map(|(region, _)| region.name.zh.as_str());
    let publics = valid
        .regions()
        .map(|(region, _)| region.endpoint.public.as_str());
    let internals = valid
        .regions()
        .map(|(region, _)| region.endpoint.internal.as_str());

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
    let impl_item = quote! {
        impl Region {
            /// Every region, in the documents' order.
            pub const ALL: &'static [Region] = &[ #( Region::#variants, )* ];

            /// The region id, as used in endpoints and APIs (`cn-hangzhou`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    #( Region::#variants => #ids, )*
                }
            }

            /// The region's name in the documents of `lang`.
            pub const fn name(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => match self {
                        #( Region::#variants => #names_en, )*
                    },
                    Lang::Zh => match self {
                        #( Region::#variants => #names_zh, )*
                    },
                }
            }

            /// The service endpoint host on `network` (`cn-hangzhou.fc.aliyuncs.com`).
            ///
            /// A request goes to `account_id.service_endpoint` (see [`DOMAIN_FORMAT`]);
            /// [`Endpoint::new`] builds that host from an account id.
            pub const fn endpoint(self, network: Network) -> &'static str {
                match network {
                    Network::Public => match self {
                        #( Region::#variants => #publics, )*
                    },
                    Network::Internal => match self {
                        #( Region::#variants => #internals, )*
                    },
                }
            }

            /// Looks a region up by its exact id, without allocating.
            ///
            /// [`str::parse`] does the same and explains a miss.
            pub fn lookup(id: &str) -> Option<Region> {
                match id {
                    #( #ids => Some(Region::#variants), )*
                    _ => None,
                }
            }
        }
    };
    let display_item = quote! {
        impl core::fmt::Display for Region {
            /// Writes the region id.
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
    let from_str_item = quote! {
        impl core::str::FromStr for Region {
            type Err = ParseRegionError;

            /// Parses an exact region id (`cn-hangzhou`); ids are case-sensitive.
            fn from_str(id: &str) -> Result<Region, ParseRegionError> {
                match Region::lookup(id) {
                    Some(region) => Ok(region),
                    None => Err(ParseRegionError::new(id)),
                }
            }
        }
    };
    vec![enum_item, impl_item, display_item, from_str_item]
}
