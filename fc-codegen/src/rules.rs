//! The shape of account ids and region ids, the variants' discriminant,
//! and how a response's status alone is retried, defined once.
//!
//! This file is compiled into the generator, whose validator checks the
//! spec's region ids and example account id with it, and the generator
//! emits the same file into the generated crate as `crate::rules`, where
//! `Endpoint` checks untrusted input with it and the enums take their
//! discriminants from it. The two can never drift. It
//! therefore depends on nothing but `core`.

/// The longest account id, in ASCII digits: Alibaba Cloud account ids have
/// 16, and 20 is the most digits a `u64` has.
pub const MAX_ACCOUNT_ID_DIGITS: usize = 20;

/// What the first label of an internal endpoint adds to the region id.
pub const INTERNAL_SUFFIX: &str = "-internal";

/// The longest region id: `{id}-internal` must still fit in a DNS label of
/// 63 bytes.
pub const MAX_REGION_ID_LEN: usize = 63 - INTERNAL_SUFFIX.len();

/// Why a text is not an account id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountIdFault {
    /// Nothing was given.
    Empty,
    /// A character other than an ASCII digit, at a byte offset.
    NotDigit {
        /// The character.
        found: char,
        /// Its byte offset.
        at: usize,
    },
    /// More than [`MAX_ACCOUNT_ID_DIGITS`] digits.
    TooLong {
        /// The length in bytes.
        len: usize,
    },
}

/// Why a text is not shaped like a region id (`cn-hangzhou`,
/// `ap-northeast-1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionIdFault {
    /// Nothing was given.
    Empty,
    /// A character other than `a-z`, `0-9` and `-`, at a byte offset.
    InvalidChar {
        /// The character.
        found: char,
        /// Its byte offset.
        at: usize,
    },
    /// Longer than [`MAX_REGION_ID_LEN`] bytes.
    TooLong {
        /// The length in bytes.
        len: usize,
    },
    /// Two `-` in a row, or one at either end, at a byte offset.
    EmptyPart {
        /// The byte offset of the empty part.
        at: usize,
    },
    /// No `-` at all.
    SinglePart,
    /// The first part is not two or more lowercase letters.
    BadFirstPart,
    /// The id ends in `-internal`, which would make its internal endpoint
    /// ambiguous.
    EndsWithInternal,
}

// The functions below are one `if`/`else if` chain each: the build script
// writes the generated crate on one line, where a `}` followed by `if`
// reads to clippy like a missing `else`.

/// What is wrong with `account_id`, or `None` for 1 to
/// [`MAX_ACCOUNT_ID_DIGITS`] ASCII digits.
pub fn account_id_fault(account_id: &str) -> Option<AccountIdFault> {
    if account_id.is_empty() {
        Some(AccountIdFault::Empty)
    } else if let Some((at, found)) = account_id
        .char_indices()
        .find(|&(_, c)| !c.is_ascii_digit())
    {
        Some(AccountIdFault::NotDigit { found, at })
    } else if account_id.len() > MAX_ACCOUNT_ID_DIGITS {
        Some(AccountIdFault::TooLong {
            len: account_id.len(),
        })
    } else {
        None
    }
}

/// What is wrong with `region_id`, or `None` when it is two or more lowercase
/// letters, then `-`-joined parts of lowercase letters and digits, at most
/// [`MAX_REGION_ID_LEN`] bytes, not ending in `-internal`.
pub fn region_id_fault(region_id: &str) -> Option<RegionIdFault> {
    if region_id.is_empty() {
        Some(RegionIdFault::Empty)
    } else if let Some((at, found)) = region_id
        .char_indices()
        .find(|&(_, c)| !matches!(c, 'a'..='z' | '0'..='9' | '-'))
    {
        Some(RegionIdFault::InvalidChar { found, at })
    } else if region_id.len() > MAX_REGION_ID_LEN {
        Some(RegionIdFault::TooLong {
            len: region_id.len(),
        })
    } else if let Some(at) = empty_part_at(region_id) {
        Some(RegionIdFault::EmptyPart { at })
    } else {
        match (region_id.split_once('-'), region_id.rsplit_once('-')) {
            (Some((first, _)), Some((_, last))) => {
                if first.len() < 2 || !first.bytes().all(|b| b.is_ascii_lowercase()) {
                    Some(RegionIdFault::BadFirstPart)
                } else if last == &INTERNAL_SUFFIX[1..] {
                    Some(RegionIdFault::EndsWithInternal)
                } else {
                    None
                }
            }
            _ => Some(RegionIdFault::SinglePart),
        }
    }
}

/// The byte offset of the first empty `-`-separated part, if any.
fn empty_part_at(region_id: &str) -> Option<usize> {
    let mut at = 0;
    for part in region_id.split('-') {
        if part.is_empty() {
            return Some(at);
        }
        at += part.len() + 1;
    }
    None
}

/// The 32-bit FNV-1a hash of `wire`'s UTF-8 bytes: the discriminant of the
/// variant for `wire` (`Region::CnHangzhou as u32 == discriminant("cn-hangzhou")`);
/// see `fc_codegen::discriminant` for why.
pub const fn discriminant(wire: &str) -> u32 {
    const OFFSET_BASIS: u32 = 0x811c_9dc5;
    const PRIME: u32 = 0x0100_0193;
    let bytes = wire.as_bytes();
    let mut hash = OFFSET_BASIS;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(PRIME);
        i += 1;
    }
    hash
}

/// How a response with a status and no documented error code is retried.
///
/// The generated crate's `RetryClass::for_status` is this rule, and the
/// importer gives a code new in the documents the same class as its
/// status would give it unknown, so importing a code never makes a client
/// retry less (or more) than before it knew the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusRetry {
    /// 429 and 503: throttled; retry after a longer backoff.
    Throttling,
    /// 502 and 504: a gateway fault that usually clears; retry soon.
    Transient,
    /// 500: the server failed; retry a few times.
    ServerError,
    /// Every other status: the same request gets the same answer.
    NotRetryable,
}

/// The retry class of `status` alone; see [`StatusRetry`].
pub const fn status_retry(status: u16) -> StatusRetry {
    match status {
        429 | 503 => StatusRetry::Throttling,
        502 | 504 => StatusRetry::Transient,
        500 => StatusRetry::ServerError,
        _ => StatusRetry::NotRetryable,
    }
}
