//! The two selectors of the generated tables: language and network.

/// The language of a document, for texts the documents give in both.
///
/// The English reference and the Chinese reference are separate documents
/// with their own versions ([`crate::doc_version`]); where they say
/// different things, each language keeps its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    En,
    /// Chinese (简体中文).
    Zh,
}

impl Lang {
    /// Both languages.
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::Zh];
}

/// Which of a region's service endpoints to use.
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
    pub const ALL: &'static [Network] = &[Network::Public, Network::Internal];
}
