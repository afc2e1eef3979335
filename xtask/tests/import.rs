//! `cargo xtask import`, run as the maintainer runs it, on the real documents
//! and on the small synthetic ones in `fixtures/import/`.
//!
//! The fixtures: `base.{en,zh}.txt` is what `spec-before/` was imported from
//! (its annotations then written by hand); `v2.{en,zh}.txt` is a docs bump
//! of it with a new, a removed and a renamed region, changed texts, a new
//! error code, and page breaks in the middle of tables; the other files each
//! break `base` in one way.

use std::path::{Path, PathBuf};
use std::process::Command;

use fc_codegen::schema::Schema;
use fc_codegen::spec::Spec;
use tempfile::TempDir;

mod common;

fn fixtures() -> PathBuf {
    common::manifest_dir().join("tests/fixtures/import")
}

fn workspace_root() -> PathBuf {
    let xtask = common::manifest_dir();
    xtask.parent().unwrap_or(&xtask).to_path_buf()
}

/// The documents' text exports, as the folder holding them names them.
const DOCUMENT_FILES: [&str; 2] = ["fc-api-reference.en.txt", "fc-api-reference.zh.txt"];

/// The tests below that import the real documents, named when they are skipped.
const TESTS_NEEDING_DOCUMENTS: [&str; 2] = [
    "real_documents_reproduce_the_committed_spec_byte_for_byte",
    "real_documents_give_the_committed_data_without_the_old_spec",
];

/// The folder named by `FC_DOCS_DIR` (relative to the workspace root), else
/// `../shared/docs` beside the workspace, where CI puts the documents.
fn documents_dir() -> (PathBuf, bool) {
    match std::env::var_os("FC_DOCS_DIR") {
        Some(dir) if !dir.is_empty() => (workspace_root().join(dir), true),
        _ => (workspace_root().join("../shared/docs"), false),
    }
}

/// Whether missing documents fail instead of skipping: under CI (`CI` set,
/// as every CI service does, to anything but `false` or `0`), or when
/// `FC_DOCS_DIR` names a folder, so a mistyped path never skips silently.
fn documents_required(named: bool) -> bool {
    named || common::under_ci()
}

/// The real documents (English, Chinese). Where they are missing and not
/// required, says once on the terminal which tests were skipped and how to
/// run them, and returns `None`; where they are required, fails.
fn real_documents() -> Option<[PathBuf; 2]> {
    let (dir, named) = documents_dir();
    let files = DOCUMENT_FILES.map(|name| dir.join(name));
    if files.iter().all(|file| file.is_file()) {
        return Some(files);
    }
    let missing = format!(
        "the FC API reference's text exports ({}) are not in {}",
        DOCUMENT_FILES.join(", "),
        dir.display()
    );
    assert!(
        !documents_required(named),
        "{missing}; set FC_DOCS_DIR to the folder holding them (see MAINTAINING.md, \"The documents\")"
    );
    static SAY_ONCE: std::sync::Once = std::sync::Once::new();
    SAY_ONCE.call_once(|| {
        // Straight to the terminal: the test harness captures `eprintln!`.
        let note = format!(
            "\nnote: skipped {}: {missing}.\n      To run them: FC_DOCS_DIR=/folder/with/the/exports cargo test -p xtask --test import\n      (see MAINTAINING.md, \"The documents\"; under CI=true they are required)\n",
            TESTS_NEEDING_DOCUMENTS.join(", ")
        );
        let _ = std::io::Write::write_all(&mut std::io::stderr(), note.as_bytes());
    });
    None
}

/// Runs the import in the fixtures folder, so reports name the fixtures by
/// their bare file names; the spec folder's path is shown as `$SPEC`.
fn import(en: impl AsRef<Path>, zh: impl AsRef<Path>, spec: &Path) -> common::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    command
        .current_dir(fixtures())
        .arg("import")
        .arg("--en")
        .arg(en.as_ref())
        .arg("--zh")
        .arg(zh.as_ref())
        .arg("--spec")
        .arg(spec);
    common::run_import(&mut command, spec)
}

/// A temporary copy of a spec folder.
fn copy_of(spec: &Path) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in fc_codegen::load::SPEC_FILES {
        std::fs::copy(spec.join(name), dir.path().join(name)).unwrap();
    }
    dir
}

fn load(dir: &Path) -> Spec {
    fc_codegen::load::load_dir(dir)
        .unwrap_or_else(|errors| panic!("{errors}"))
        .spec
}

/// The names in a folder, to show that no staging folder was left behind.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn assert_same_files(expected: &Path, actual: &Path) {
    assert_eq!(
        listing(actual),
        ["errors.yaml", "regions.yaml", "service.yaml"]
    );
    for name in fc_codegen::load::SPEC_FILES {
        let expected_text = std::fs::read_to_string(expected.join(name)).unwrap();
        let actual_text = std::fs::read_to_string(actual.join(name)).unwrap();
        assert!(
            expected_text == actual_text,
            "{name} differs from {}:\n{actual_text}",
            expected.display()
        );
    }
}

fn written_spec(dir: &Path) -> String {
    fc_codegen::load::SPEC_FILES
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(name)).unwrap();
            format!("===== {name}\n{text}")
        })
        .collect()
}

fn import_v2() -> (TempDir, common::Output) {
    let spec = copy_of(&fixtures().join("spec-before"));
    let output = import("v2.en.txt", "v2.zh.txt", spec.path());
    assert!(output.success, "{}", output.stderr);
    (spec, output)
}

#[test]
fn real_documents_reproduce_the_committed_spec_byte_for_byte() {
    let committed = workspace_root().join("spec");
    let spec = copy_of(&committed);
    let Some([en, zh]) = real_documents() else {
        return;
    };
    let output = import(en, zh, spec.path());
    assert!(output.success, "{}", output.stderr);
    assert_same_files(&committed, spec.path());
    assert_eq!(output.stderr, "");
    assert!(output.stdout.contains("Spec diff: no changes for users"));
}

#[test]
fn real_documents_give_the_committed_data_without_the_old_spec() {
    let dir = tempfile::tempdir().unwrap();
    let spec_dir = dir.path().join("spec");
    let Some([en, zh]) = real_documents() else {
        return;
    };
    let output = import(en, zh, &spec_dir);
    assert!(output.success, "{}", output.stderr);
    let imported = load(&spec_dir);
    let committed = load(&workspace_root().join("spec"));
    assert_eq!(imported.service, committed.service);
    assert_eq!(imported.regions, committed.regions);
    assert_eq!(imported.errors.len(), committed.errors.len());
    for (imported, committed) in imported.errors.iter().zip(&committed.errors) {
        // Every field the documents give (all but the `project` fields of
        // the declarations, which the import cannot know without the old spec).
        let mut documented = imported.clone();
        documented.carry_over(committed);
        assert_eq!(&documented, committed);
        assert!(fc_codegen::validate::is_unreviewed(&imported.annotation));
    }
    assert_eq!(output.stderr.matches("warning: new error code").count(), 13);
    assert!(output
        .stdout
        .contains("new spec: 15 regions, 13 error codes"));
}

#[test]
fn base_documents_leave_the_spec_they_were_imported_into_unchanged() {
    let before = fixtures().join("spec-before");
    let spec = copy_of(&before);
    let output = import("base.en.txt", "base.zh.txt", spec.path());
    assert!(output.success, "{}", output.stderr);
    assert_same_files(&before, spec.path());
    assert_eq!(output.stdout.matches(": unchanged\n").count(), 3);
}

#[test]
fn docs_bump_writes_the_reviewed_spec_and_reports_it() {
    let (spec, output) = import_v2();
    insta::assert_snapshot!("v2_written_spec", written_spec(spec.path()));
    insta::assert_snapshot!(
        "v2_output",
        format!("stdout:\n{}stderr:\n{}", output.stdout, output.stderr)
    );
}

#[test]
fn new_region_is_added_in_the_documents_order() {
    let (spec, _) = import_v2();
    let ids: Vec<String> = load(spec.path())
        .regions
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, ["cn-hangzhou", "cn-shanghai", "eu-central-1"]);
    let frankfurt = &load(spec.path()).regions[2];
    assert_eq!(frankfurt.name.en, "Germany (Frankfurt)");
    assert_eq!(frankfurt.name.zh, "欧洲中部1（法兰克福）");
    assert_eq!(
        frankfurt.endpoint.internal,
        "eu-central-1-internal.fc.aliyuncs.com"
    );
}

#[test]
fn removed_region_is_dropped() {
    let (spec, output) = import_v2();
    assert!(!load(spec.path())
        .regions
        .iter()
        .any(|r| r.id == "ap-south-1"));
    assert!(output
        .stdout
        .contains("regions 1 added, 1 removed, 1 changed"));
}

#[test]
fn renamed_region_keeps_its_id_and_takes_both_new_names() {
    let (spec, _) = import_v2();
    let hangzhou = &load(spec.path()).regions[0];
    assert_eq!(hangzhou.id, "cn-hangzhou");
    assert_eq!(hangzhou.name.en, "China East 1 (Hangzhou)");
    assert_eq!(hangzhou.name.zh, "华东 1（杭州）");
}

#[test]
fn changed_texts_replace_the_old_ones_and_the_annotation_is_kept() {
    let (spec, _) = import_v2();
    let before = load(&fixtures().join("spec-before"));
    let after = load(spec.path());
    let denied = after
        .errors
        .iter()
        .find(|e| e.code == "AccessDenied")
        .unwrap();
    assert_eq!(
        denied.solution.en,
        "Grant the account the permission. For more information, see RAM policies."
    );
    assert_eq!(denied.solution.zh, "请为账号授权，详情请参见 RAM 策略。");
    assert_eq!(denied.cause.zh, "账号没有该操作的权限");
    let old_denied = before
        .errors
        .iter()
        .find(|e| e.code == "AccessDenied")
        .unwrap();
    assert_eq!(denied.annotation, old_denied.annotation);
    for old in &before.errors {
        let new = after.errors.iter().find(|e| e.code == old.code).unwrap();
        assert_eq!(new.annotation, old.annotation, "{}", old.code);
    }
}

/// A new code is retried as a client retries an unknown code with its
/// status (a 503 is throttling, so retried), so importing it changes no
/// client's behaviour, and it waits for review.
#[test]
fn new_error_code_gets_its_status_class_marked_for_review_and_a_warning() {
    let (spec, output) = import_v2();
    let throttled = load(spec.path()).errors.pop().unwrap();
    assert_eq!(throttled.code, "ResourceThrottled");
    assert_eq!(throttled.http_status, 503);
    assert_eq!(
        fc_codegen::rules::status_retry(503),
        fc_codegen::rules::StatusRetry::Throttling
    );
    assert!(throttled.annotation.retryable);
    assert!(fc_codegen::validate::is_unreviewed(&throttled.annotation));
    assert!(
        output.stderr.contains(
            "warning: new error code \"ResourceThrottled\" (HTTP 503): throttling by the status rule, so retryable: true"
        ),
        "{}",
        output.stderr
    );
    assert_eq!(output.stderr.lines().count(), 1, "{}", output.stderr);
}

#[test]
fn unreviewed_annotation_is_reported_again_by_the_next_import() {
    let (spec, _) = import_v2();
    let again = import("v2.en.txt", "v2.zh.txt", spec.path());
    assert!(again.success, "{}", again.stderr);
    assert!(again
        .stderr
        .contains("warning: error code \"ResourceThrottled\" still has the default annotation"));
    assert!(again.stdout.contains("Spec diff: no changes for users"));
}

#[test]
fn page_break_headers_continue_their_tables() {
    // v2.en.txt repeats the error codes header after AccessDenied and the
    // internal endpoints header after cn-shanghai; v2.zh.txt repeats the
    // error codes header after InvalidArgument and the public endpoints
    // header after cn-hangzhou.
    let (spec, _) = import_v2();
    let spec = load(spec.path());
    let codes: Vec<&str> = spec.errors.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "InvalidArgument",
            "AccessDenied",
            "InternalServerError",
            "ResourceThrottled"
        ]
    );
    assert_eq!(spec.errors[1].cause.zh, "账号没有该操作的权限");
    assert_eq!(
        spec.regions[2].endpoint.internal,
        "eu-central-1-internal.fc.aliyuncs.com"
    );
    assert_eq!(spec.regions[1].name.zh, "华东2（上海）");
}

/// Runs a broken import over a copy of `spec-before` and checks that the
/// copy is exactly as it was; returns the report.
fn failed_import(en: &str, zh: &str) -> String {
    let before = fixtures().join("spec-before");
    let spec = copy_of(&before);
    let output = import(en, zh, spec.path());
    assert!(
        !output.success,
        "the import should fail:\n{}",
        output.stdout
    );
    assert_eq!(output.stdout, "");
    assert_same_files(&before, spec.path());
    output.stderr
}

#[test]
fn row_with_the_wrong_number_of_cells_fails_with_file_and_line() {
    insta::assert_snapshot!(
        "wrong_cell_count",
        failed_import("wrong-cell-count.en.txt", "base.zh.txt")
    );
}

#[test]
fn unknown_column_fails_with_file_and_line() {
    insta::assert_snapshot!(
        "unknown_column",
        failed_import("unknown-column.en.txt", "base.zh.txt")
    );
}

#[test]
fn new_table_fails_with_file_and_line() {
    insta::assert_snapshot!(
        "new_table",
        failed_import("new-table.en.txt", "base.zh.txt")
    );
}

/// A blank line inside a table (the export breaks pages that way, and
/// may not repeat the header) does not end it: the rows after it are the
/// table's, so the import gives what the unbroken table gives.
#[test]
fn rows_after_a_blank_line_continue_their_table() {
    let broken = copy_of(&fixtures().join("spec-before"));
    let output = import("row-outside-table.en.txt", "base.zh.txt", broken.path());
    assert!(output.success, "{}", output.stderr);
    let whole = copy_of(&fixtures().join("spec-before"));
    let output = import("base.en.txt", "base.zh.txt", whole.path());
    assert!(output.success, "{}", output.stderr);
    assert_same_files(whole.path(), broken.path());
}

#[test]
fn rows_without_partner_and_disagreements_fail_naming_both_documents() {
    insta::assert_snapshot!(
        "missing_partner",
        failed_import("base.en.txt", "missing-partner.zh.txt")
    );
}

#[test]
fn spec_that_does_not_validate_is_not_written() {
    insta::assert_snapshot!(
        "invalid_spec",
        failed_import("invalid-spec.en.txt", "invalid-spec.zh.txt")
    );
}

#[cfg(unix)]
#[test]
fn a_device_or_an_oversized_file_given_as_a_document_is_refused_unread() {
    // Read within the loader's bounds: a FIFO would otherwise wait for a
    // writer and /dev/zero fill the memory (a device is refused before it is
    // opened, whichever), and a runaway file be read whole.
    let dir = tempfile::tempdir().unwrap();
    let oversized = dir.path().join("oversized.zh.txt");
    let file = std::fs::File::create(&oversized).unwrap();
    file.set_len(fc_codegen::load::MAX_SPEC_FILE_BYTES + 1)
        .unwrap();
    let report = failed_import("/dev/null", oversized.to_str().unwrap());
    assert!(
        report.contains(
            "error: /dev/null: not a regular file (a character device); a document must be one"
        ),
        "{report}"
    );
    assert!(
        report.contains(
            "oversized.zh.txt: larger than 16777216 bytes (MAX_SPEC_FILE_BYTES), \
             the most a document may hold"
        ),
        "{report}"
    );
}

#[test]
fn a_document_that_is_not_utf8_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("latin1.en.txt");
    std::fs::write(&en, b"Function Compute\nAPI Reference\nCaf\xe9\n").unwrap();
    let report = failed_import(en.to_str().unwrap(), "base.zh.txt");
    assert!(
        report.contains("latin1.en.txt:3: not UTF-8: invalid byte at offset 34"),
        "{report}"
    );
}

#[test]
fn failed_import_into_a_new_folder_leaves_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("spec");
    let output = import("invalid-spec.en.txt", "invalid-spec.zh.txt", &spec);
    assert!(!output.success);
    assert!(!spec.exists());
}

#[test]
fn missing_document_argument_is_a_usage_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["import", "--en", "base.en.txt"])
        .current_dir(fixtures())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: the following required arguments were not provided:\n  --zh <FILE>...\n\nUsage: cargo xtask import --en <FILE>... --zh <FILE>..."),
        "{stderr}"
    );
}
