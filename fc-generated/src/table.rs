//! `wire_table!`: how a generated table becomes an enum, the same for
//! [`Region`](crate::Region) and [`ErrorCode`](crate::ErrorCode).
//!
//! The generator emits, per enum, one invocation of that enum's table macro
//! (`region_table!`, `error_code_table!`) with one entry per variant, in
//! the documents' order:
//!
//! ```text
//! /// <variant rustdoc>
//! const CnHangzhou: crate::RegionRow = crate::RegionRow { id: "cn-hangzhou", .. };
//! ```
//!
//! The enum's macro adds the enum's own docs and hands everything to
//! `wire_table!`, which makes each entry a variant (with that rustdoc and
//! the FNV-1a hash of its wire string as discriminant, see
//! `crate::rules::discriminant`), that constant (in a module of rows, which
//! `row()` maps each variant to), an element of `ALL` and an arm of
//! `lookup`. One entry per variant is what makes a docs bump that adds one
//! a single block in review. The first field of a row is its wire string;
//! rustc checks the rest against the row struct.

/// Declares the enum, its rows, `ALL`, `row` and `lookup`; see the module docs.
macro_rules! wire_table {
    (
        $(#[$enum_attr:meta])*
        pub enum $enum:ident, rows of $row:ident in $rows:ident;
        $(
            $(#[$doc:meta])*
            const $variant:ident: crate::$row_type:ident = crate::$row_literal:ident {
                $wire_field:ident: $wire:literal,
                $($field:ident: $value:expr,)*
            };
        )*
    ) => {
        $(#[$enum_attr])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        #[repr(u32)]
        pub enum $enum {
            $( $(#[$doc])* $variant = crate::rules::discriminant($wire), )*
        }

        /// One row per variant, named as the variant.
        #[allow(non_upper_case_globals, clippy::upper_case_acronyms)]
        mod $rows {
            $(
                pub(crate) const $variant: crate::$row_type = crate::$row_literal {
                    $wire_field: $wire,
                    $($field: $value,)*
                };
            )*
        }

        impl crate::$enum {
            /// Every variant, in the documents' order.
            pub const ALL: &'static [crate::$enum] = &[$(crate::$enum::$variant),*];

            /// This variant's row.
            #[inline]
            const fn row(self) -> &'static crate::$row {
                match self {
                    $(crate::$enum::$variant => &$rows::$variant,)*
                }
            }

            /// Looks a variant up by its exact wire string (what `as_str`
            /// gives), without allocating.
            ///
            /// [`str::parse`] does the same and explains a miss.
            pub fn lookup(wire: &str) -> Option<crate::$enum> {
                match wire {
                    $($wire => Some(crate::$enum::$variant),)*
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use wire_table;
