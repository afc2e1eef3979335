//! `cargo xtask check [DIR]`, run as a pre-commit hook or CI would: the
//! binary itself, its exit status and its output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

fn fixtures() -> PathBuf {
    common::manifest_dir().join("../fc-codegen/tests/fixtures")
}

fn xtask(args: &[&str], current_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(current_dir)
        .output()
        .expect("xtask runs")
}

#[test]
fn check_fails_on_a_bad_spec_with_the_report_the_build_prints() {
    // Run from the fixtures folder with a relative path, as a hook would.
    let output = xtask(
        &["check", "invalid/several-problems-when-checking"],
        &fixtures(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let errors =
        fc_codegen::generate_dir(fixtures().join("invalid/several-problems-when-checking"))
            .unwrap_err();
    let expected = fc_codegen::build_script::failure_report(&errors)
        .replace(&format!("{}/", fixtures().display()), "");
    assert!(expected.contains("\nerror: invalid/several-problems-when-checking/regions.yaml:9: regions[0] (cn-hangzhou): "));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!("{expected}\n")
    );
}

#[test]
fn check_fails_on_a_folder_that_is_not_a_spec() {
    let empty = std::env::temp_dir();
    let output = xtask(&["check", "no-such-spec-folder"], &empty);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with(
            "the FC spec has problems:\nerror: no-such-spec-folder: cannot read the spec folder"
        ),
        "{stderr}"
    );
}

#[test]
fn check_passes_a_valid_spec_folder_and_says_what_it_holds() {
    let output = xtask(&["check", "valid/keyword-names"], &fixtures());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "valid/keyword-names is valid: 3 regions, 2 error codes\n"
    );
}

#[test]
fn check_without_a_folder_checks_the_workspace_spec_from_any_folder() {
    let output = xtask(&["check"], &fixtures());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.starts_with("spec is valid: "), "{stdout}");
}

#[test]
fn check_refuses_more_than_one_folder() {
    let output = xtask(&["check", "a", "b"], &fixtures());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: unexpected argument 'b' found\n\nUsage: cargo xtask check [DIR]\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn check_fails_on_an_annotation_an_import_defaulted_and_nobody_reviewed() {
    let spec = tempfile::tempdir().unwrap();
    for file in fc_codegen::load::SPEC_FILES {
        let text = std::fs::read_to_string(fixtures().join("valid/one-region").join(file)).unwrap();
        let text = text.replace(
            "reason: \"The request itself is wrong.\"",
            "reason: \"TODO: review: new in the documents; decide.\"",
        );
        std::fs::write(spec.path().join(file), text).unwrap();
    }
    // The build accepts it, so that an import can be built and tested...
    assert!(fc_codegen::generate_dir(spec.path()).is_ok());
    // ...but the check CI runs does not, and points at the line.
    let output = xtask(&["check", "."], spec.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "the FC spec has problems:\n\
         error: ./errors.yaml:12: errors[0] (InvalidArgument): annotation.reason: not reviewed \
         (starts with \"TODO: review\"); decide whether a client may retry this error, set `retryable` and say why\n\
         1 problem in the spec\n"
    );
}
