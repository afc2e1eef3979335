//! Stable discriminants: each generated variant's number is a hash of its
//! wire string, so it never depends on where the entry stands in the table.
//!
//! The documents add regions and codes wherever they like (the region table
//! is ordered by geography, not by date). With implicit discriminants an
//! insertion renumbers every later variant, which `cargo-semver-checks`
//! rightly reports as a breaking change (`Region::UsWest1 as u32` changes).
//! A number computed from the id alone stays the same across insertions,
//! removals of other entries and reorderings, needs no recorded state, and
//! is checkable by anyone: it is the 32-bit FNV-1a hash of the wire string's
//! UTF-8 bytes. The validator rejects two entries of one enum whose hashes
//! collide.
//!
//! The function lives in the rules file, which the generated crate also
//! compiles: its enums compute each discriminant with it, at compile time,
//! from the same id the validator hashed.
//!
//! ```
//! use fc_codegen::discriminant::discriminant;
//!
//! // The FNV-1a test vectors.
//! assert_eq!(discriminant(""), 0x811c_9dc5);
//! assert_eq!(discriminant("a"), 0xe40c_292c);
//! assert_eq!(discriminant("foobar"), 0xbf9c_f968);
//! ```

pub use crate::rules::discriminant;
