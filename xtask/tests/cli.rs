//! `cargo xtask` as a command line: help on every command, refusals with the
//! usage and exit status 2, and output paths that follow cargo's target
//! folder.

use std::process::{Command, Output};

const COMMANDS: [&str; 7] = [
    "codegen",
    "check",
    "spec-diff",
    "semver-battery",
    "import",
    "bench-build",
    "bench-codegen",
];

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("xtask runs")
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("UTF-8 output")
}

/// A refused command line: status 2, nothing on stdout, the error and the
/// usage on stderr.
fn assert_refused(args: &[&str], error: &str, usage: &str) {
    let output = xtask(args);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
    assert_eq!(text(&output.stdout), "", "{args:?}");
    assert!(stderr.starts_with(error), "{args:?}: {stderr}");
    assert!(stderr.contains(usage), "{args:?}: {stderr}");
}

#[test]
fn every_command_answers_help_with_its_usage() {
    for command in COMMANDS {
        for args in [[command, "--help"], ["help", command]] {
            let output = xtask(&args);
            assert!(output.status.success(), "{args:?}");
            let stdout = text(&output.stdout);
            assert!(
                stdout.contains(&format!("\nUsage: cargo xtask {command}")),
                "{args:?}: {stdout}"
            );
        }
    }
}

#[test]
fn no_command_prints_the_usage_and_exits_2() {
    let output = xtask(&[]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("Usage: cargo xtask <COMMAND>"), "{stderr}");
    for command in COMMANDS {
        assert!(stderr.contains(&format!("\n  {command} ")), "{stderr}");
    }
}

#[test]
fn unknown_flags_commands_and_extra_arguments_are_refused() {
    assert_refused(
        &["codegen", "--bogus"],
        "error: unexpected argument '--bogus' found",
        "Usage: cargo xtask codegen",
    );
    assert_refused(
        &["codegen", "spec"],
        "error: unexpected argument 'spec' found",
        "Usage: cargo xtask codegen",
    );
    assert_refused(
        &["nope"],
        "error: unrecognized subcommand 'nope'",
        "Usage: cargo xtask <COMMAND>",
    );
    assert_refused(
        &["spec-diff", "--form", "main"],
        "error: unexpected argument '--form' found",
        "Usage: cargo xtask spec-diff",
    );
}

#[test]
fn a_misspelled_flag_is_refused_with_the_right_spelling() {
    assert_refused(
        &["bench-build", "--run", "5"],
        "error: unexpected argument '--run' found\n\n  tip: a similar argument exists: '--runs'",
        "Usage: cargo xtask bench-build",
    );
}

#[test]
fn runs_must_be_a_positive_count() {
    for (runs, command) in [("0", "bench-build"), ("x", "bench-codegen")] {
        assert_refused(
            &[command, "--runs", runs],
            &format!(
                "error: invalid value '{runs}' for '--runs <N>': expected a whole number of at least 1"
            ),
            "For more information, try '--help'.",
        );
    }
}

#[test]
fn codegen_writes_into_the_target_folder_cargo_uses() {
    let target = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("codegen")
        .env("CARGO_TARGET_DIR", target.path())
        .output()
        .expect("xtask runs");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let code = target.path().join("codegen/fc_generated.rs");
    assert!(code.is_file(), "{}", text(&output.stdout));
    assert!(
        text(&output.stdout).contains(&format!("readable code:  {}", code.display())),
        "{}",
        text(&output.stdout)
    );
}
