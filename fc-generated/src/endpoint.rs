//! The request host of an account in a region: `account_id.service_endpoint`
//! (the documents' "Domain name format").
//!
//! Every input here is untrusted (a config file, an environment variable, a
//! URL pasted by a user), so each part is checked before it becomes part of a
//! host name: whatever the input, a built [`Endpoint`] is
//! `<digits>.<region id>[-internal].fc.aliyuncs.com` and nothing else.

use core::fmt;
use core::str::FromStr;

use crate::rules::{
    self, AccountIdFault, RegionIdFault, INTERNAL_SUFFIX, MAX_ACCOUNT_ID_DIGITS, MAX_REGION_ID_LEN,
};
use crate::{Network, ParseRegionError, Region, ENDPOINT_DOMAIN};

const MAX_ENDPOINT_TEXT_LEN: usize = 128;
const SCHEME: &str = "https://";

/// A Function Compute request host: an account id, a region and a network.
///
/// Built from parts with [`Endpoint::new`], parsed from a host or URL with
/// [`str::parse`], or, for a region this crate does not list yet, built with
/// [`Endpoint::for_unlisted_region`] and parsed with
/// [`Endpoint::parse_allowing_unlisted`]. [`Display`](fmt::Display) prints the
/// host.
///
/// With feature `serde` an endpoint serializes as its host and deserializes
/// through [`FromStr`], so a config file can hold
/// `"16530750.cn-shanghai.fc.aliyuncs.com"`. Like [`FromStr`], that rejects
/// a region this crate does not list; a field that must accept one can
/// name a function calling [`Endpoint::parse_allowing_unlisted`] in
/// `#[serde(deserialize_with = ...)]`.
///
/// ```
/// use fc_generated::{Endpoint, Network, Region};
///
/// let endpoint = Endpoint::new("16530750", Region::CnShanghai, Network::Public)?;
/// assert_eq!(endpoint.host(), "16530750.cn-shanghai.fc.aliyuncs.com");
/// assert_eq!(endpoint.url(), "https://16530750.cn-shanghai.fc.aliyuncs.com");
///
/// let parsed: Endpoint = "https://16530750.cn-shanghai.fc.aliyuncs.com/".parse()?;
/// assert_eq!(parsed, endpoint);
/// # Ok::<(), fc_generated::EndpointError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Endpoint {
    /// The whole host; the accessors slice it.
    host: Box<str>,
    account_id_len: usize,
    region_id_len: usize,
    /// `None` exactly when the region id is not one of [`Region::ALL`].
    region: Option<Region>,
    network: Network,
}

impl Endpoint {
    /// The most digits an account id may have.
    ///
    /// The documents' example is `16530750`; real Alibaba Cloud account ids are
    /// 16 digits. 20 is the length of the largest `u64`, which leaves room for
    /// longer ids without letting an arbitrary string into a host name.
    ///
    /// ```
    /// use fc_generated::{Endpoint, Network, Region};
    ///
    /// let longest = "9".repeat(Endpoint::MAX_ACCOUNT_ID_DIGITS);
    /// assert!(Endpoint::new(&longest, Region::CnHangzhou, Network::Public).is_ok());
    /// let too_long = "9".repeat(Endpoint::MAX_ACCOUNT_ID_DIGITS + 1);
    /// assert!(Endpoint::new(&too_long, Region::CnHangzhou, Network::Public).is_err());
    /// ```
    pub const MAX_ACCOUNT_ID_DIGITS: usize = MAX_ACCOUNT_ID_DIGITS;

    /// The longest region id [`Endpoint::for_unlisted_region`] accepts.
    ///
    /// A host label may have at most 63 bytes (RFC 1035), and the internal
    /// endpoint's label is the region id followed by `-internal` (9 bytes).
    ///
    /// ```
    /// use fc_generated::{Endpoint, Network};
    ///
    /// let longest = format!("ab-{}", "c".repeat(Endpoint::MAX_REGION_ID_LEN - 3));
    /// let endpoint = Endpoint::for_unlisted_region("1", &longest, Network::Internal)?;
    /// // The longest id fills the internal endpoint's label exactly.
    /// assert_eq!(endpoint.host().split('.').map(str::len).max(), Some(63));
    /// # Ok::<(), fc_generated::EndpointError>(())
    /// ```
    pub const MAX_REGION_ID_LEN: usize = MAX_REGION_ID_LEN;

    /// The longest text `str::parse::<Endpoint>` and
    /// [`Endpoint::parse_allowing_unlisted`] look at; the longest valid
    /// input (`https://`, a 20-digit account, a 54-byte region id,
    /// `-internal.fc.aliyuncs.com./`) is shorter.
    ///
    /// ```
    /// use fc_generated::{Endpoint, EndpointError};
    ///
    /// let huge = "1".repeat(Endpoint::MAX_TEXT_LEN + 1);
    /// assert_eq!(
    ///     huge.parse::<Endpoint>(),
    ///     Err(EndpointError::TextTooLong { len: Endpoint::MAX_TEXT_LEN + 1 }),
    /// );
    /// ```
    pub const MAX_TEXT_LEN: usize = MAX_ENDPOINT_TEXT_LEN;

    /// The endpoint of `account_id` in a region the documents list.
    ///
    /// The account id must be 1 to [`MAX_ACCOUNT_ID_DIGITS`](Endpoint::MAX_ACCOUNT_ID_DIGITS) ASCII digits;
    /// anything else is an [`EndpointError`] that says what was wrong.
    ///
    /// ```
    /// use fc_generated::{Endpoint, EndpointError, Network, Region};
    ///
    /// let endpoint = Endpoint::new("16530750", Region::CnHangzhou, Network::Internal)?;
    /// assert_eq!(endpoint.host(), "16530750.cn-hangzhou-internal.fc.aliyuncs.com");
    ///
    /// let error = Endpoint::new("1653@evil.com", Region::CnHangzhou, Network::Public).unwrap_err();
    /// assert_eq!(error, EndpointError::AccountIdNotDigit { found: '@', at: 4 });
    /// # Ok::<(), EndpointError>(())
    /// ```
    pub fn new(
        account_id: &str,
        region: Region,
        network: Network,
    ) -> Result<Endpoint, EndpointError> {
        check_account_id(account_id)?;
        Ok(Endpoint::from_checked_parts(
            account_id,
            region.as_str(),
            Some(region),
            network,
        ))
    }

    /// The endpoint of `account_id` in a region given by its id, for regions
    /// that opened after this crate's spec was written.
    ///
    /// The id must have the shape of a region id: lowercase ASCII letters
    /// and digits in parts joined by single `-`, the first part two or more
    /// letters, at least two parts, at most [`MAX_REGION_ID_LEN`](Endpoint::MAX_REGION_ID_LEN) bytes, and
    /// the last part not `internal` (that suffix marks the internal network).
    /// That is `^[a-z]{2,}(-[a-z0-9]+)+$`, like `me-east-1` or
    /// `cn-wulanchabu`.
    ///
    /// An id the spec already lists gives the same endpoint as
    /// [`Endpoint::new`] with that [`Region`], so [`Endpoint::region`] is
    /// `None` only for regions this crate does not know. Only the shape is
    /// checked: a typo such as `cn-hangzou` builds an endpoint that does not
    /// resolve, so prefer [`Endpoint::new`] whenever the region is listed.
    ///
    /// ```
    /// use fc_generated::{Endpoint, EndpointError, Network, Region};
    ///
    /// let endpoint = Endpoint::for_unlisted_region("16530750", "me-east-1", Network::Public)?;
    /// assert_eq!(endpoint.host(), "16530750.me-east-1.fc.aliyuncs.com");
    /// assert_eq!(endpoint.region(), None);
    /// assert_eq!(endpoint.region_id(), "me-east-1");
    ///
    /// // A listed id gives the typed region.
    /// let listed = Endpoint::for_unlisted_region("16530750", "cn-shanghai", Network::Public)?;
    /// assert_eq!(listed.region(), Some(Region::CnShanghai));
    ///
    /// let error = Endpoint::for_unlisted_region("16530750", "evil.com/x", Network::Public).unwrap_err();
    /// assert_eq!(error, EndpointError::RegionIdInvalidChar { found: '.', at: 4 });
    /// # Ok::<(), EndpointError>(())
    /// ```
    pub fn for_unlisted_region(
        account_id: &str,
        region_id: &str,
        network: Network,
    ) -> Result<Endpoint, EndpointError> {
        check_account_id(account_id)?;
        check_region_id(region_id)?;
        Ok(Endpoint::from_checked_parts(
            account_id,
            region_id,
            Region::lookup(region_id),
            network,
        ))
    }

    fn from_checked_parts(
        account_id: &str,
        region_id: &str,
        region: Option<Region>,
        network: Network,
    ) -> Endpoint {
        let network_suffix = match network {
            Network::Public => "",
            Network::Internal => INTERNAL_SUFFIX,
        };
        let host = format!("{account_id}.{region_id}{network_suffix}.{ENDPOINT_DOMAIN}");
        Endpoint {
            host: host.into_boxed_str(),
            account_id_len: account_id.len(),
            region_id_len: region_id.len(),
            region,
            network,
        }
    }

    /// The host name, such as `16530750.cn-shanghai.fc.aliyuncs.com`. It
    /// always ends with `.fc.aliyuncs.com`.
    ///
    /// ```
    /// use fc_generated::{Endpoint, Network, Region};
    ///
    /// let endpoint = Endpoint::new("16530750", Region::UsWest1, Network::Public)?;
    /// assert_eq!(endpoint.host(), "16530750.us-west-1.fc.aliyuncs.com");
    /// # Ok::<(), fc_generated::EndpointError>(())
    /// ```
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The base URL of the API: `https://` followed by the host.
    ///
    /// ```
    /// use fc_generated::{Endpoint, Network, Region};
    ///
    /// let endpoint = Endpoint::new("16530750", Region::CnShanghai, Network::Internal)?;
    /// assert_eq!(endpoint.url(), "https://16530750.cn-shanghai-internal.fc.aliyuncs.com");
    /// # Ok::<(), fc_generated::EndpointError>(())
    /// ```
    pub fn url(&self) -> String {
        format!("{SCHEME}{}", self.host)
    }

    /// The account id, as given (ASCII digits).
    ///
    /// ```
    /// use fc_generated::Endpoint;
    ///
    /// let endpoint: Endpoint = "16530750.cn-shanghai.fc.aliyuncs.com".parse()?;
    /// assert_eq!(endpoint.account_id(), "16530750");
    /// # Ok::<(), fc_generated::EndpointError>(())
    /// ```
    pub fn account_id(&self) -> &str {
        &self.host[..self.account_id_len]
    }

    /// The region, or `None` when the endpoint was built by
    /// [`Endpoint::for_unlisted_region`] for a region this crate does not
    /// list. [`Endpoint::region_id`] gives the id in both cases.
    ///
    /// ```
    /// use fc_generated::{Endpoint, Network, Region};
    ///
    /// let listed = Endpoint::new("16530750", Region::CnBeijing, Network::Public)?;
    /// assert_eq!(listed.region(), Some(Region::CnBeijing));
    ///
    /// let unlisted = Endpoint::for_unlisted_region("16530750", "cn-wulanchabu", Network::Public)?;
    /// assert_eq!(unlisted.region(), None);
    /// # Ok::<(), fc_generated::EndpointError>(())
    /// ```
    pub fn region(&self) -> Option<Region> {
        self.region
    }

    /// The region id, such as `cn-shanghai`, for listed and unlisted
    /// regions alike.
    ///
    /// ```
    /// use fc_generated::{Endpoint, Network, Region};
    ///
    /// let endpoint = Endpoint::new("16530750", Region::ApSouth1, Network::Internal)?;
    /// assert_eq!(endpoint.region_id(), "ap-south-1");
    /// # Ok::<(), fc_generated::EndpointError>(())
    /// ```
    pub fn region_id(&self) -> &str {
        let start = self.account_id_len + 1;
        &self.host[start..start + self.region_id_len]
    }

    /// Whether this is the public or the internal endpoint.
    ///
    /// ```
    /// use fc_generated::{Endpoint, Network};
    ///
    /// let endpoint: Endpoint = "16530750.cn-shanghai-internal.fc.aliyuncs.com".parse()?;
    /// assert_eq!(endpoint.network(), Network::Internal);
    /// # Ok::<(), fc_generated::EndpointError>(())
    /// ```
    pub fn network(&self) -> Network {
        self.network
    }
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Endpoint")
            .field("account_id", &self.account_id())
            .field("region_id", &self.region_id())
            .field("region", &self.region)
            .field("network", &self.network)
            .field("host", &self.host())
            .finish()
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.host())
    }
}

/// Endpoints order by their host text, which determines every other part;
/// so they can key a `BTreeMap` or be sorted, consistently with `Eq`.
///
/// ```
/// use std::collections::BTreeMap;
/// use fc_generated::{Endpoint, Network, Region};
///
/// let mut calls = BTreeMap::new();
/// let shanghai = Endpoint::new("16530750", Region::CnShanghai, Network::Public)?;
/// let hangzhou = Endpoint::new("16530750", Region::CnHangzhou, Network::Public)?;
/// *calls.entry(shanghai.clone()).or_insert(0) += 1;
/// *calls.entry(hangzhou.clone()).or_insert(0) += 1;
/// *calls.entry(shanghai.clone()).or_insert(0) += 1;
/// assert_eq!(calls.into_iter().collect::<Vec<_>>(), [(hangzhou, 1), (shanghai, 2)]);
/// # Ok::<(), fc_generated::EndpointError>(())
/// ```
impl Ord for Endpoint {
    fn cmp(&self, other: &Endpoint) -> core::cmp::Ordering {
        self.host.cmp(&other.host)
    }
}

/// The same order as [`Ord`]: by host.
impl PartialOrd for Endpoint {
    fn partial_cmp(&self, other: &Endpoint) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The host, as [`Endpoint::host`] gives it.
///
/// ```
/// use fc_generated::{Endpoint, Network, Region};
///
/// let endpoint = Endpoint::new("16530750", Region::CnShanghai, Network::Public)?;
/// let host: &str = endpoint.as_ref();
/// assert_eq!(host, "16530750.cn-shanghai.fc.aliyuncs.com");
/// # Ok::<(), fc_generated::EndpointError>(())
/// ```
impl AsRef<str> for Endpoint {
    fn as_ref(&self) -> &str {
        self.host()
    }
}

/// The same as [`str::parse`]: strict about the region, see [`FromStr`].
///
/// ```
/// use fc_generated::Endpoint;
///
/// let endpoint = Endpoint::try_from("16530750.cn-shanghai.fc.aliyuncs.com")?;
/// assert_eq!(endpoint.account_id(), "16530750");
/// assert!(Endpoint::try_from("16530750.mars-1.fc.aliyuncs.com").is_err());
/// # Ok::<(), fc_generated::EndpointError>(())
/// ```
impl TryFrom<&str> for Endpoint {
    type Error = EndpointError;

    fn try_from(text: &str) -> Result<Endpoint, EndpointError> {
        text.parse()
    }
}

/// Parses a host or a URL of a listed region:
/// `16530750.cn-shanghai-internal.fc.aliyuncs.com`, optionally with
/// `https://` in front and a trailing `/` or `.`, in any ASCII case.
///
/// A port, a path, a query, userinfo (`user@`), another scheme or another
/// domain is an [`EndpointError`], as is a region this crate does not list
/// ([`EndpointError::UnknownRegion`], with a suggestion for typos): use
/// [`Endpoint::for_unlisted_region`] to build, and
/// [`Endpoint::parse_allowing_unlisted`] to parse, an endpoint of a region
/// newer than this crate.
///
/// ```
/// use fc_generated::{Endpoint, EndpointError, Network, Region};
///
/// let endpoint: Endpoint = "HTTPS://16530750.CN-Shanghai-Internal.FC.aliyuncs.com./".parse()?;
/// assert_eq!(endpoint.account_id(), "16530750");
/// assert_eq!(endpoint.region(), Some(Region::CnShanghai));
/// assert_eq!(endpoint.network(), Network::Internal);
///
/// let error = "16530750.cn-shanghai.fc.aliyuncs.com:8080".parse::<Endpoint>().unwrap_err();
/// assert_eq!(error, EndpointError::Port);
/// # Ok::<(), EndpointError>(())
/// ```
impl FromStr for Endpoint {
    type Err = EndpointError;

    fn from_str(text: &str) -> Result<Endpoint, EndpointError> {
        let host = host_part(text)?;
        let parts = HostParts::split(&host)?;
        let region = parts
            .region_id
            .parse::<Region>()
            .map_err(EndpointError::UnknownRegion)?;
        Endpoint::new(parts.account_id, region, parts.network)
    }
}

impl Endpoint {
    /// Parses a host or URL like [`str::parse`] does, but also accepts a
    /// region this crate does not list, checked as
    /// [`Endpoint::for_unlisted_region`] checks it; this reads back what
    /// that constructor built.
    ///
    /// The same text is accepted around the host (`https://`, a trailing
    /// `/` or `.`, any ASCII case) and the same things are rejected (a port,
    /// a path, userinfo, another domain). A listed region gives the same
    /// endpoint as [`str::parse`], with [`Endpoint::region`] set. Because
    /// only the shape of an unlisted region id is checked, a typo such as
    /// `cn-hangzou` parses into an endpoint that does not resolve: use
    /// [`str::parse`] for hosts that should name a listed region.
    ///
    /// ```
    /// use fc_generated::{Endpoint, EndpointError, Network, Region};
    ///
    /// let built = Endpoint::for_unlisted_region("16530750", "me-east-1", Network::Internal)?;
    /// assert!(built.host().parse::<Endpoint>().is_err());
    /// assert_eq!(Endpoint::parse_allowing_unlisted(built.host())?, built);
    ///
    /// let listed = Endpoint::parse_allowing_unlisted("https://16530750.cn-shanghai.fc.aliyuncs.com/")?;
    /// assert_eq!(listed.region(), Some(Region::CnShanghai));
    ///
    /// let error = Endpoint::parse_allowing_unlisted("16530750.shanghai.fc.aliyuncs.com").unwrap_err();
    /// assert_eq!(error, EndpointError::RegionIdSinglePart);
    /// # Ok::<(), EndpointError>(())
    /// ```
    pub fn parse_allowing_unlisted(text: &str) -> Result<Endpoint, EndpointError> {
        let host = host_part(text)?;
        let parts = HostParts::split(&host)?;
        Endpoint::for_unlisted_region(parts.account_id, parts.region_id, parts.network)
    }
}

/// The labels of a host under [`ENDPOINT_DOMAIN`], not yet checked.
struct HostParts<'a> {
    account_id: &'a str,
    region_id: &'a str,
    network: Network,
}

impl<'a> HostParts<'a> {
    /// Splits `account_id.region_id[-internal].fc.aliyuncs.com`; checks only
    /// the domain and that an account label is there.
    fn split(host: &'a str) -> Result<HostParts<'a>, EndpointError> {
        let labels = match host.strip_suffix(ENDPOINT_DOMAIN) {
            Some(labels) => labels.strip_suffix('.').ok_or(EndpointError::OtherDomain)?,
            None => return Err(EndpointError::OtherDomain),
        };
        let (account_id, service_label) = labels
            .split_once('.')
            .ok_or(EndpointError::MissingAccountId)?;
        check_account_id(account_id)?;
        let (region_id, network) = match service_label.strip_suffix(INTERNAL_SUFFIX) {
            Some(region_id) => (region_id, Network::Internal),
            None => (service_label, Network::Public),
        };
        Ok(HostParts {
            account_id,
            region_id,
            network,
        })
    }
}

/// The host of `text`, lowercased, without scheme, trailing `/` or trailing
/// `.`; an error for anything a bare host or `https://host/` does not have.
fn host_part(text: &str) -> Result<String, EndpointError> {
    if text.len() > MAX_ENDPOINT_TEXT_LEN {
        return Err(EndpointError::TextTooLong { len: text.len() });
    }
    let text = text.to_ascii_lowercase();
    let rest = match text.split_once("://") {
        Some(("https", rest)) => rest,
        Some(_) => return Err(EndpointError::UnsupportedScheme),
        None => text.as_str(),
    };
    // Lowercasing ASCII keeps every byte offset, so this is the input's too.
    let host_start = text.len() - rest.len();
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if let Some(at) = rest.find(['/', '?', '#']) {
        return Err(EndpointError::PathOrQuery {
            at: host_start + at,
        });
    }
    if rest.contains('@') {
        return Err(EndpointError::Userinfo);
    }
    if rest.contains(':') {
        return Err(EndpointError::Port);
    }
    let host = rest.strip_suffix('.').unwrap_or(rest);
    if host.is_empty() {
        return Err(EndpointError::EmptyHost);
    }
    Ok(host.to_owned())
}

/// The account-id rule the validator checked the spec with (`crate::rules`,
/// generated from fc-codegen's own), as an [`EndpointError`].
fn check_account_id(account_id: &str) -> Result<(), EndpointError> {
    match rules::account_id_fault(account_id) {
        None => Ok(()),
        Some(AccountIdFault::Empty) => Err(EndpointError::EmptyAccountId),
        Some(AccountIdFault::NotDigit { found, at }) => {
            Err(EndpointError::AccountIdNotDigit { found, at })
        }
        Some(AccountIdFault::TooLong { len }) => Err(EndpointError::AccountIdTooLong { len }),
    }
}

/// The region-id rule the validator checked the spec with (`crate::rules`,
/// generated from fc-codegen's own), as an [`EndpointError`].
fn check_region_id(region_id: &str) -> Result<(), EndpointError> {
    match rules::region_id_fault(region_id) {
        None => Ok(()),
        Some(RegionIdFault::Empty) => Err(EndpointError::EmptyRegionId),
        Some(RegionIdFault::InvalidChar { found, at }) => {
            Err(EndpointError::RegionIdInvalidChar { found, at })
        }
        Some(RegionIdFault::TooLong { len }) => Err(EndpointError::RegionIdTooLong { len }),
        Some(RegionIdFault::EmptyPart { at }) => Err(EndpointError::RegionIdEmptyPart { at }),
        Some(RegionIdFault::SinglePart) => Err(EndpointError::RegionIdSinglePart),
        Some(RegionIdFault::BadFirstPart) => Err(EndpointError::RegionIdBadFirstPart),
        Some(RegionIdFault::EndsWithInternal) => Err(EndpointError::RegionIdEndsWithInternal),
    }
}

/// What was wrong with the parts or the text of an [`Endpoint`].
///
/// Each variant keeps only what is needed to say what was wrong (a length,
/// a character and its byte position), never the input itself, so a huge
/// input does not end up in a log line. A character's position is its byte
/// offset in the account id or region id being checked; a path's, in the
/// parsed text.
///
/// ```
/// use fc_generated::{Endpoint, EndpointError, Network, Region};
///
/// let error = Endpoint::new("", Region::CnHangzhou, Network::Public).unwrap_err();
/// assert_eq!(error, EndpointError::EmptyAccountId);
/// assert_eq!(error.to_string(), "the account id is empty");
///
/// let error = "16530750.cn-hangzou.fc.aliyuncs.com".parse::<Endpoint>().unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     r#"unknown region id "cn-hangzou"; did you mean "cn-hangzhou"?"#,
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EndpointError {
    /// The account id is empty.
    EmptyAccountId,
    /// The account id has a character that is not an ASCII digit `0`–`9`.
    AccountIdNotDigit {
        /// The first such character.
        found: char,
        /// Its byte offset in the account id.
        at: usize,
    },
    /// The account id has more than [`MAX_ACCOUNT_ID_DIGITS`](Endpoint::MAX_ACCOUNT_ID_DIGITS) digits.
    AccountIdTooLong {
        /// How many bytes it has.
        len: usize,
    },
    /// The region id is empty.
    EmptyRegionId,
    /// The region id has a character other than `a`–`z`, `0`–`9` and `-`.
    RegionIdInvalidChar {
        /// The first such character.
        found: char,
        /// Its byte offset in the region id.
        at: usize,
    },
    /// The region id is longer than [`MAX_REGION_ID_LEN`](Endpoint::MAX_REGION_ID_LEN) bytes.
    RegionIdTooLong {
        /// How many bytes it has.
        len: usize,
    },
    /// The region id starts or ends with `-`, or has `--`.
    RegionIdEmptyPart {
        /// The byte offset where a part is missing.
        at: usize,
    },
    /// The region id has no `-` (region ids look like `cn-hangzhou`).
    RegionIdSinglePart,
    /// The region id's first part is not two or more letters.
    RegionIdBadFirstPart,
    /// The region id ends with `-internal`, which would read as the internal
    /// network of another region.
    RegionIdEndsWithInternal,
    /// The text to parse is longer than [`MAX_TEXT_LEN`](Endpoint::MAX_TEXT_LEN) bytes.
    TextTooLong {
        /// How many bytes it has.
        len: usize,
    },
    /// The text has no host.
    EmptyHost,
    /// The text has a scheme other than `https://`.
    UnsupportedScheme,
    /// The text has userinfo (`user@host`).
    Userinfo,
    /// The text has a port (`host:443`).
    Port,
    /// The text has a path, query or fragment after the host (a single
    /// trailing `/` is allowed).
    PathOrQuery {
        /// The byte offset of its first character in the text.
        at: usize,
    },
    /// The host is not under `fc.aliyuncs.com`.
    OtherDomain,
    /// The host is a service endpoint without the account id in front
    /// (`cn-hangzhou.fc.aliyuncs.com`).
    MissingAccountId,
    /// The host names a region this crate does not list; see
    /// [`Endpoint::parse_allowing_unlisted`].
    UnknownRegion(ParseRegionError),
}

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndpointError::EmptyAccountId => f.write_str("the account id is empty"),
            EndpointError::AccountIdNotDigit { found, at } => write!(
                f,
                "the account id has {found:?} at byte {at}; it must be ASCII digits only"
            ),
            EndpointError::AccountIdTooLong { len } => write!(
                f,
                "the account id has {len} characters; at most {MAX_ACCOUNT_ID_DIGITS} digits are allowed"
            ),
            EndpointError::EmptyRegionId => f.write_str("the region id is empty"),
            EndpointError::RegionIdInvalidChar { found, at } => write!(
                f,
                "the region id has {found:?} at byte {at}; it must be lowercase ASCII letters, digits and '-'"
            ),
            EndpointError::RegionIdTooLong { len } => write!(
                f,
                "the region id has {len} bytes; at most {MAX_REGION_ID_LEN} are allowed"
            ),
            EndpointError::RegionIdEmptyPart { at } => write!(
                f,
                "the region id has an empty part at byte {at}; parts are joined by single '-'"
            ),
            EndpointError::RegionIdSinglePart => {
                f.write_str("the region id has no '-'; region ids look like \"cn-hangzhou\"")
            }
            EndpointError::RegionIdBadFirstPart => f.write_str(
                "the region id must start with two or more letters, like \"cn-\" or \"ap-\"",
            ),
            EndpointError::RegionIdEndsWithInternal => f.write_str(
                "the region id ends with \"-internal\"; give the region id alone and choose the internal network",
            ),
            EndpointError::TextTooLong { len } => write!(
                f,
                "the endpoint text has {len} bytes; at most {MAX_ENDPOINT_TEXT_LEN} are allowed"
            ),
            EndpointError::EmptyHost => f.write_str("the endpoint has no host"),
            EndpointError::UnsupportedScheme => {
                f.write_str("the endpoint's scheme is not https://")
            }
            EndpointError::Userinfo => f.write_str("the endpoint has userinfo ('@')"),
            EndpointError::Port => f.write_str("the endpoint has a port (':')"),
            EndpointError::PathOrQuery { at } => write!(
                f,
                "the endpoint has a path or query at byte {at}; only a trailing '/' is allowed"
            ),
            EndpointError::OtherDomain => {
                write!(f, "the host is not under {ENDPOINT_DOMAIN}")
            }
            EndpointError::MissingAccountId => f.write_str(
                "the host has no account id; the format is account_id.service_endpoint",
            ),
            EndpointError::UnknownRegion(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl std::error::Error for EndpointError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EndpointError::UnknownRegion(error) => Some(error),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_region_id_has_the_shape_unlisted_ids_must_have() {
        for region in Region::ALL {
            assert_eq!(check_region_id(region.as_str()), Ok(()), "{region}");
        }
    }

    #[test]
    fn empty_part_position_points_at_the_missing_part() {
        assert_eq!(
            check_region_id("-cn"),
            Err(EndpointError::RegionIdEmptyPart { at: 0 })
        );
        assert_eq!(
            check_region_id("cn--a"),
            Err(EndpointError::RegionIdEmptyPart { at: 3 })
        );
        assert_eq!(
            check_region_id("cn-a-"),
            Err(EndpointError::RegionIdEmptyPart { at: 5 })
        );
    }

    #[test]
    fn the_longest_valid_text_fits_the_parse_bound() {
        let longest = format!(
            "{SCHEME}{}.{}{INTERNAL_SUFFIX}.{ENDPOINT_DOMAIN}./",
            "9".repeat(MAX_ACCOUNT_ID_DIGITS),
            "a".repeat(MAX_REGION_ID_LEN)
        );
        assert!(longest.len() <= MAX_ENDPOINT_TEXT_LEN, "{}", longest.len());
    }
}
