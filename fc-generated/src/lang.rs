//! The two selectors of the generated tables: language and network.

use core::fmt;
use core::str::FromStr;

use crate::{ParseLangError, ParseNetworkError};

/// The language of a document, for texts the documents give in both.
///
/// The English reference and the Chinese reference are separate documents
/// with their own versions ([`crate::doc_version`]); where they say
/// different things, each language keeps its own text.
///
/// [`Display`](fmt::Display) and [`FromStr`] use the wire forms `en` and
/// `zh` (exact, lowercase); with feature `serde` it serializes as them.
///
/// ```
/// use fc_generated::Lang;
///
/// let lang: Lang = "zh".parse()?;
/// assert_eq!(lang, Lang::Zh);
/// assert_eq!(lang.to_string(), "zh");
/// # Ok::<(), fc_generated::ParseLangError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    En,
    /// Chinese (简体中文).
    Zh,
}

impl Lang {
    /// Both languages.
    ///
    /// ```
    /// use fc_generated::Lang;
    ///
    /// assert_eq!(Lang::ALL, &[Lang::En, Lang::Zh]);
    /// ```
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::Zh];

    /// The wire form: `en` or `zh`.
    ///
    /// ```
    /// use fc_generated::Lang;
    ///
    /// assert_eq!(Lang::En.as_str(), "en");
    /// assert_eq!(Lang::Zh.as_str(), "zh");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Looks a language up by its exact wire form, without allocating.
    ///
    /// [`str::parse`] does the same and explains a miss.
    ///
    /// ```
    /// use fc_generated::Lang;
    ///
    /// assert_eq!(Lang::lookup("zh"), Some(Lang::Zh));
    /// assert_eq!(Lang::lookup("zh-CN"), None);
    /// ```
    pub fn lookup(text: &str) -> Option<Lang> {
        match text {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Parses the wire form exactly: `en` or `zh`. Anything else, including
/// `EN` or `zh-CN`, is a [`ParseLangError`] that keeps the input, suggests
/// the language a common tag names and lists both.
///
/// ```
/// use fc_generated::Lang;
///
/// assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
/// let error = "en-US".parse::<Lang>().unwrap_err();
/// assert_eq!(error.input(), "en-US");
/// assert_eq!(error.suggestion(), Some(Lang::En));
/// assert_eq!("cn".parse::<Lang>().unwrap_err().suggestion(), Some(Lang::Zh));
/// ```
impl FromStr for Lang {
    type Err = ParseLangError;

    fn from_str(text: &str) -> Result<Lang, ParseLangError> {
        Lang::lookup(text).ok_or_else(|| ParseLangError::new(text))
    }
}

/// Which of a region's service endpoints to use.
///
/// No `Default`: the internal endpoint answers only from inside Alibaba
/// Cloud's network in that region, the public one from anywhere, and which
/// one a program should use depends on where it runs. A default would pick
/// silently, so the choice stays in the caller's configuration.
///
/// [`Display`](fmt::Display) and [`FromStr`] use the wire forms `public`
/// and `internal` (exact, lowercase); with feature `serde` it serializes as
/// them.
///
/// ```
/// use fc_generated::Network;
///
/// let network: Network = "internal".parse()?;
/// assert_eq!(network, Network::Internal);
/// assert_eq!(network.to_string(), "internal");
/// # Ok::<(), fc_generated::ParseNetworkError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Network {
    /// The public endpoint, reachable from anywhere (`cn-hangzhou.fc.aliyuncs.com`).
    Public,
    /// The internal endpoint, reachable from Alibaba Cloud services in the
    /// same region without public traffic (`cn-hangzhou-internal.fc.aliyuncs.com`).
    Internal,
}

impl Network {
    /// Both networks.
    ///
    /// ```
    /// use fc_generated::Network;
    ///
    /// assert_eq!(Network::ALL, &[Network::Public, Network::Internal]);
    /// ```
    pub const ALL: &'static [Network] = &[Network::Public, Network::Internal];

    /// The wire form: `public` or `internal`.
    ///
    /// ```
    /// use fc_generated::Network;
    ///
    /// assert_eq!(Network::Public.as_str(), "public");
    /// assert_eq!(Network::Internal.as_str(), "internal");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Network::Public => "public",
            Network::Internal => "internal",
        }
    }

    /// Looks a network up by its exact wire form, without allocating.
    ///
    /// [`str::parse`] does the same and explains a miss.
    ///
    /// ```
    /// use fc_generated::Network;
    ///
    /// assert_eq!(Network::lookup("internal"), Some(Network::Internal));
    /// assert_eq!(Network::lookup("vpc"), None);
    /// ```
    pub fn lookup(text: &str) -> Option<Network> {
        match text {
            "public" => Some(Network::Public),
            "internal" => Some(Network::Internal),
            _ => None,
        }
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Parses the wire form exactly: `public` or `internal`. Anything else,
/// including `Public` or `intranet`, is a [`ParseNetworkError`] that keeps
/// the input and suggests the network it is close to.
///
/// ```
/// use fc_generated::Network;
///
/// assert_eq!("public".parse::<Network>(), Ok(Network::Public));
/// let error = "interal".parse::<Network>().unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     r#"unknown network "interal"; did you mean "internal"? (expected "public" or "internal")"#,
/// );
/// ```
impl FromStr for Network {
    type Err = ParseNetworkError;

    fn from_str(text: &str) -> Result<Network, ParseNetworkError> {
        Network::lookup(text).ok_or_else(|| ParseNetworkError::new(text))
    }
}

/// A text the documents give in both languages: a cell of a generated row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Localized {
    /// From the English reference.
    pub(crate) en: &'static str,
    /// From the Chinese reference.
    pub(crate) zh: &'static str,
}

impl Localized {
    /// The text in `lang`.
    #[inline]
    pub(crate) const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}
