//! Pins the error report of every broken spec: one fixture folder per failure
//! mode under `tests/fixtures/invalid/`, one snapshot of the full report each.
//!
//! Each report names the file, the entry and the line where one is known, and
//! lists every problem of the spec, not just the first. The line numbers in
//! the snapshots were checked by hand against the fixture files.

use std::path::{Path, PathBuf};

mod common;

const FIXTURE_PLACEHOLDER: &str = "$FIXTURES";

fn invalid_fixtures() -> PathBuf {
    common::manifest_dir().join("tests/fixtures/invalid")
}

/// The report of a spec folder that must fail, with the machine-specific
/// fixture path replaced, so snapshots are the same on every machine.
fn report(spec_dir: &Path, root: &Path) -> String {
    let errors = fc_codegen::generate_dir(spec_dir)
        .map(|_| ())
        .expect_err("a broken spec must not generate");
    assert!(!errors.0.is_empty());
    fc_codegen::build_script::failure_report(&errors)
        .replace(&root.display().to_string(), FIXTURE_PLACEHOLDER)
}

#[test]
fn every_broken_fixture_reports_every_problem_with_file_entry_and_line() {
    let mut names: Vec<String> = std::fs::read_dir(invalid_fixtures())
        .expect("the invalid fixtures exist")
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 19, "fixtures went missing: {names:?}");
    for name in names {
        let report = report(&invalid_fixtures().join(&name), &invalid_fixtures());
        insta::assert_snapshot!(name, report);
    }
}

#[test]
fn an_empty_spec_folder_is_reported() {
    // Created here: git keeps no empty folder.
    let dir = tempfile::tempdir().unwrap();
    let report = report(dir.path(), dir.path());
    assert_eq!(
        report,
        "the FC spec has problems:\n\
         error: $FIXTURES: the spec folder holds no YAML file; expected service.yaml, regions.yaml, errors.yaml\n\
         1 problem in the spec"
    );
}

#[test]
fn a_missing_spec_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let report = report(&dir.path().join("spec"), dir.path());
    assert!(
        report.starts_with(
            "the FC spec has problems:\nerror: $FIXTURES/spec: cannot read the spec folder: "
        ),
        "{report}"
    );
}

#[test]
fn the_not_utf8_fixture_really_holds_a_byte_that_is_not_utf8() {
    // Guards the fixture itself: an editor that re-encodes it would turn the
    // test into one that cannot fail.
    let bytes = std::fs::read(invalid_fixtures().join("not-utf8/regions.yaml")).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err());
    assert!(bytes.contains(&0xE9));
}

#[test]
fn an_unreviewed_annotation_passes_the_build_and_fails_release_mode() {
    use fc_codegen::validate::{validate, validate_with, Mode};

    let valid = common::manifest_dir().join("tests/fixtures/valid/one-region");
    let dir = tempfile::tempdir().unwrap();
    for file in fc_codegen::load::SPEC_FILES {
        let text = std::fs::read_to_string(valid.join(file)).unwrap();
        let text = text.replace(
            "reason: \"The request itself is wrong.\"",
            "reason: \"TODO: review: new in the documents.\"",
        );
        std::fs::write(dir.path().join(file), text).unwrap();
    }
    let loaded = fc_codegen::load::load_dir(dir.path()).unwrap();
    assert!(validate(&loaded).is_ok());
    let errors = validate_with(&loaded, Mode::Release).unwrap_err();
    assert_eq!(errors.0.len(), 1, "{errors}");
    let problem = &errors.0[0];
    assert_eq!(problem.field, ["annotation", "reason"]);
    assert_eq!(problem.line, Some(12));
    assert!(
        problem.to_string().contains(
            "errors.yaml:12: errors[0] (InvalidArgument): annotation.reason: not reviewed (starts with \"TODO: review\")"
        ),
        "{problem}"
    );
}
