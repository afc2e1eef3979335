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

/// The 32-bit FNV-1a hash of `wire`'s UTF-8 bytes: the discriminant of the
/// variant for `wire` (`Region::CnHangzhou as u32 == discriminant("cn-hangzhou")`).
///
/// ```
/// // The FNV-1a test vectors.
/// assert_eq!(fc_codegen::discriminant::discriminant(""), 0x811c_9dc5);
/// assert_eq!(fc_codegen::discriminant::discriminant("a"), 0xe40c_292c);
/// assert_eq!(fc_codegen::discriminant::discriminant("foobar"), 0xbf9c_f968);
/// ```
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
