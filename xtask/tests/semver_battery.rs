//! `cargo xtask semver-battery`, run as a maintainer runs it: every spec
//! mutation of the battery, built and checked by cargo-semver-checks.
//!
//! Needs `cargo-semver-checks` (`cargo install --locked cargo-semver-checks`;
//! `.ci/run` installs it). Without it the test says so and passes, except
//! under CI (`CI` set), where a missing checker fails it: CI must never pass
//! without having run the comparison.

use std::process::Command;

mod common;

/// The rows of the battery's Markdown table: (change, spec-diff, checker).
fn rows(report: &str) -> Vec<(String, String, String)> {
    report
        .lines()
        .skip(2)
        .filter_map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            match cells.as_slice() {
                [change, spec_diff, checker, _promise] => Some((
                    change.to_string(),
                    spec_diff.to_string(),
                    checker.to_string(),
                )),
                _ => None,
            }
        })
        .collect()
}

#[test]
fn spec_diff_is_never_weaker_than_cargo_semver_checks_and_insertions_are_minor() {
    if !common::semver_checks_available("semver-battery") {
        return;
    }
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("semver-battery")
        .output()
        .expect("the xtask binary runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the battery failed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows = rows(&report);
    assert_eq!(rows.len(), 42, "{report}");
    let rank = |bump: &str| {
        ["none", "patch", "minor", "major"]
            .iter()
            .position(|b| *b == bump)
    };
    for (change, spec_diff, checker) in &rows {
        assert!(
            rank(spec_diff) >= rank(checker),
            "{change}: {spec_diff} < {checker}"
        );
        assert!(
            rank(checker).is_some(),
            "{change}: unknown verdict {checker}"
        );
        if ["insert", "append", "swap"]
            .iter()
            .any(|kind| change.contains(kind))
        {
            assert!(
                rank(checker) <= rank("minor"),
                "{change}: checker says {checker}"
            );
            assert_eq!(spec_diff, "minor", "{change}");
        }
        // The checker is live: it sees a removed or renamed variant.
        if change.contains("remove") || change.contains("rename") {
            assert_eq!(checker, "major", "{change}");
        }
    }
}
