//! `Ord` for the generated enums: by wire string, never by table position.
//!
//! A derived `Ord` would follow the discriminants or the variants' order in
//! the documents' table, so a docs bump that inserts or reorders entries
//! would reorder every `BTreeMap` and sort downstream. Comparing the wire
//! strings (`cn-beijing` < `cn-hangzhou`) gives an order that a new entry
//! never changes between existing ones, and that agrees with `Eq`, since
//! the strings are unique within each enum.

use core::cmp::Ordering;

use crate::{ErrorCode, Region};

impl Ord for Region {
    /// Compares the ids byte-wise, as `str` does.
    ///
    /// ```
    /// use fc_generated::Region;
    ///
    /// assert!(Region::CnBeijing < Region::CnHangzhou);
    /// let mut sorted = Region::ALL.to_vec();
    /// sorted.sort();
    /// assert!(sorted.windows(2).all(|w| w[0].as_str() < w[1].as_str()));
    /// ```
    fn cmp(&self, other: &Region) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Region {
    fn partial_cmp(&self, other: &Region) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ErrorCode {
    /// Compares the codes byte-wise, as `str` does.
    ///
    /// ```
    /// use fc_generated::ErrorCode;
    ///
    /// assert!(ErrorCode::AccessDenied < ErrorCode::InvalidArgument);
    /// let mut sorted = ErrorCode::ALL.to_vec();
    /// sorted.sort();
    /// assert!(sorted.windows(2).all(|w| w[0].as_str() < w[1].as_str()));
    /// ```
    fn cmp(&self, other: &ErrorCode) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for ErrorCode {
    fn partial_cmp(&self, other: &ErrorCode) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
