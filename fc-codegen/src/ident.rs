//! Rust names for spec entries: conversion to `UpperCamelCase` and the checks
//! that make a converted name safe to emit.

/// Words that cannot be enum variants even in `UpperCamelCase`.
const RESERVED: &[&str] = &[
    // Keywords that are capitalised.
    "Self",
    // Associated items of the generated enums: a variant of the same name
    // would shadow them.
    "ALL",
];

/// Converts a wire name into an `UpperCamelCase` variant name.
///
/// Splits on `-`, `_`, `.` and spaces and capitalises the first letter of each
/// part, keeping the rest as written, so the name still reads like the wire
/// form: `cn-hangzhou` → `CnHangzhou`, `ap-northeast-1` → `ApNortheast1`,
/// `InvalidAccessKeyID` → `InvalidAccessKeyID`.
pub fn upper_camel(name: &str) -> String {
    name.split(['-', '_', '.', ' '])
        .flat_map(|part| {
            let mut chars = part.chars();
            let first = chars.next().map(char::to_uppercase);
            first.into_iter().flatten().chain(chars)
        })
        .collect()
}

/// Why a converted name cannot be emitted, or `None` when it can.
pub fn ident_problem(ident: &str) -> Option<String> {
    let mut chars = ident.chars();
    match chars.next() {
        None => Some("converts to an empty Rust name".to_owned()),
        Some(first) if !first.is_ascii_alphabetic() => Some(format!(
            "converts to `{ident}`, which is not a Rust identifier (it must start with an ASCII letter)"
        )),
        Some(_) if !ident.chars().all(|c| c.is_ascii_alphanumeric()) => Some(format!(
            "converts to `{ident}`, which is not a Rust identifier (only ASCII letters and digits)"
        )),
        Some(_) if RESERVED.contains(&ident) => Some(format!(
            "converts to `{ident}`, which is reserved in Rust or in the generated enum"
        )),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_ids_become_upper_camel_variants() {
        assert_eq!(upper_camel("cn-hangzhou"), "CnHangzhou");
        assert_eq!(upper_camel("ap-northeast-1"), "ApNortheast1");
        assert_eq!(upper_camel("InvalidAccessKeyID"), "InvalidAccessKeyID");
        assert_eq!(upper_camel("a--b_c.d e"), "ABCDE");
    }

    #[test]
    fn names_that_are_not_identifiers_are_refused() {
        assert!(ident_problem("CnHangzhou").is_none());
        assert!(ident_problem("Type").is_none());
        assert!(ident_problem("").is_some());
        assert!(ident_problem("1Abc").is_some());
        assert!(ident_problem("Caf\u{e9}").is_some());
        assert!(ident_problem("Self").is_some());
        assert!(ident_problem("ALL").is_some());
    }
}
