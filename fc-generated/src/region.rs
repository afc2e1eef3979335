//! [`Region`]: the table macro the generated code invokes (`region_table!`,
//! which adds the enum's docs to `crate::table`'s `wire_table!`), the row
//! struct, the accessors, `Display` and `FromStr`: everything that is the
//! same for every region, written once.

use core::fmt;
use core::str::FromStr;

use crate::{Lang, Localized, Network, ParseRegionError, Region};

/// One region of the documents' endpoint tables.
// The generator fills each row from the fields `fc_codegen::spec` declares
// `row`, so a field declared there and missing here fails to compile; one
// added here that no accessor reads fails to compile too.
#[deny(dead_code)]
#[derive(Debug, Clone, Copy)]
pub(crate) struct RegionRow {
    /// The region id (`cn-hangzhou`).
    pub(crate) id: &'static str,
    /// The region's name in each document.
    pub(crate) name: Localized,
    /// The public service endpoint host.
    pub(crate) public: &'static str,
    /// The internal service endpoint host.
    pub(crate) internal: &'static str,
}

/// Declares [`Region`] from the generated table: its docs, then
/// [`wire_table!`](crate::table::wire_table), which the module
/// `crate::table` explains.
macro_rules! region_table {
    ($($entries:tt)*) => {
        crate::table::wire_table! {
            /// A Function Compute region, as listed in the documents' endpoint tables.
            ///
            /// `#[non_exhaustive]`: a new region in the documents is a new variant in
            /// a minor release, so a `match` needs a `_` arm. For a region newer than
            /// this crate, see [`Endpoint::for_unlisted_region`](crate::Endpoint::for_unlisted_region).
            ///
            /// Stable wherever the documents add a region: each variant's
            /// discriminant (`region as u32`) is the 32-bit FNV-1a hash of its id,
            /// and `Ord` compares ids as strings, so neither depends on the
            /// table's order; [`Region::ALL`] keeps the documents' order.
            /// That hash is the number rustdoc shows beside each variant
            /// below; it is neither an index nor an order, and it is kept
            /// visible on purpose: `as u32` is part of the stable API.
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
            pub enum Region, rows of RegionRow in region_rows;
            $($entries)*
        }
    };
}
pub(crate) use region_table;

impl Region {
    /// The region id, as used in endpoints and APIs (`cn-hangzhou`).
    ///
    /// ```
    /// use fc_generated::Region;
    ///
    /// assert_eq!(Region::CnHangzhou.as_str(), "cn-hangzhou");
    /// ```
    #[inline]
    pub const fn as_str(self) -> &'static str {
        self.row().id
    }

    /// The region's name in the documents of `lang`.
    ///
    /// ```
    /// use fc_generated::{Lang, Region};
    ///
    /// assert_eq!(Region::CnHangzhou.name(Lang::En), "China (Hangzhou)");
    /// assert_eq!(Region::CnHangzhou.name(Lang::Zh), "华东1（杭州）");
    /// ```
    #[inline]
    pub const fn name(self, lang: Lang) -> &'static str {
        self.row().name.get(lang)
    }

    /// The service endpoint host on `network` (`cn-hangzhou.fc.aliyuncs.com`).
    ///
    /// A request goes to `account_id.service_endpoint` (see
    /// [`DOMAIN_FORMAT`](crate::DOMAIN_FORMAT)); [`Endpoint::new`](crate::Endpoint::new)
    /// builds that host from an account id.
    ///
    /// ```
    /// use fc_generated::{Network, Region};
    ///
    /// assert_eq!(Region::CnHangzhou.endpoint(Network::Public), "cn-hangzhou.fc.aliyuncs.com");
    /// assert_eq!(
    ///     Region::CnHangzhou.endpoint(Network::Internal),
    ///     "cn-hangzhou-internal.fc.aliyuncs.com"
    /// );
    /// ```
    #[inline]
    pub const fn endpoint(self, network: Network) -> &'static str {
        let row = self.row();
        match network {
            Network::Public => row.public,
            Network::Internal => row.internal,
        }
    }
}

impl fmt::Display for Region {
    /// Writes the region id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Region {
    type Err = ParseRegionError;

    /// Parses an exact region id (`cn-hangzhou`); ids are case-sensitive.
    fn from_str(id: &str) -> Result<Region, ParseRegionError> {
        match Region::lookup(id) {
            Some(region) => Ok(region),
            None => Err(ParseRegionError::new(id)),
        }
    }
}
