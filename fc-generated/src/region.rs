//! [`Region`]'s accessors, `Display` and `FromStr`, reading the generated
//! rows (`REGION_ROWS`, in the documents' order).
//!
//! The generator emits the data (the enum, one row per region, the
//! variant-to-row `index` and the id-to-variant `lookup`); everything that
//! is the same for every region is written here, once.

use core::fmt;
use core::str::FromStr;

use crate::{Lang, Localized, Network, ParseRegionError, Region, REGION_ROWS};

/// One region of the documents' endpoint tables.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RegionRow {
    /// The variant this row describes.
    pub(crate) region: Region,
    /// The region id (`cn-hangzhou`).
    pub(crate) id: &'static str,
    /// The region's name in each document.
    pub(crate) name: Localized,
    /// The public service endpoint host.
    pub(crate) public: &'static str,
    /// The internal service endpoint host.
    pub(crate) internal: &'static str,
}

/// `Region::ALL`, built from the rows at compile time, so the rows are the
/// only list of regions.
const ALL_REGIONS: [Region; REGION_ROWS.len()] = {
    let mut all = [REGION_ROWS[0].region; REGION_ROWS.len()];
    let mut index = 1;
    while index < all.len() {
        all[index] = REGION_ROWS[index].region;
        index += 1;
    }
    all
};

impl Region {
    /// Every region, in the documents' order.
    ///
    /// ```
    /// use fc_generated::Region;
    ///
    /// assert_eq!(Region::ALL.first(), Some(&Region::CnHangzhou));
    /// ```
    pub const ALL: &'static [Region] = &ALL_REGIONS;

    #[inline]
    const fn row(self) -> &'static RegionRow {
        &REGION_ROWS[self.index()]
    }

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
