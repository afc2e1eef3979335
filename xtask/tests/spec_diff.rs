//! `cargo xtask spec-diff`, run as users run it: on fixture spec pairs (the
//! `DIR` form) and on a temporary git repository (the `REV` form).
//!
//! Each fixture under `tests/fixtures/spec-diff/<case>/{old,new}/` makes one
//! kind of change to a small spec cut from `spec/`. The reports are pinned as
//! snapshots; review them with `cargo insta review`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

fn fixture(case: &str) -> PathBuf {
    common::manifest_dir()
        .join("tests/fixtures/spec-diff")
        .join(case)
}

/// Runs the xtask binary in `dir`, with git's own configuration kept out.
fn xtask(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("spec-diff")
        .args(args)
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("the xtask binary runs")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "spec-diff failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("the report is UTF-8")
}

fn report(case: &str, format: &str) -> String {
    stdout(&xtask(
        &fixture(case),
        &["--from", "old", "--to", "new", "--format", format],
    ))
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("the JSON report parses")
}

/// Snapshots both reports of a fixture and returns the JSON's `bump`.
fn snapshot_case(case: &str) -> String {
    let markdown = report(case, "markdown");
    let json_text = report(case, "json");
    insta::assert_snapshot!(format!("{case}.md"), markdown);
    insta::assert_snapshot!(format!("{case}.json"), json_text);
    let value = json(&json_text);
    assert_eq!(value["summary"].as_str(), markdown.lines().next());
    value["bump"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn identical_specs_report_one_line_and_no_bump() {
    assert_eq!(snapshot_case("unchanged"), "none");
    assert_eq!(report("unchanged", "markdown").lines().count(), 1);
}

#[test]
fn added_region_needs_a_minor_bump() {
    assert_eq!(snapshot_case("region-added"), "minor");
}

#[test]
fn removed_region_needs_a_major_bump() {
    assert_eq!(snapshot_case("region-removed"), "major");
}

#[test]
fn renamed_region_is_reported_as_removed_and_added_and_needs_a_major_bump() {
    assert_eq!(snapshot_case("region-renamed"), "major");
    let value = json(&report("region-renamed", "json"));
    assert_eq!(value["regions"]["removed"][0]["id"], "cn-beijing");
    assert_eq!(value["regions"]["added"][0]["id"], "cn-beijing-2");
}

#[test]
fn changed_region_name_is_text_only_and_needs_a_patch_bump() {
    assert_eq!(snapshot_case("region-name-changed"), "patch");
}

#[test]
fn moved_region_needs_a_minor_bump() {
    assert_eq!(snapshot_case("region-moved"), "minor");
}

#[test]
fn added_error_code_needs_a_minor_bump() {
    assert_eq!(snapshot_case("error-code-added"), "minor");
}

#[test]
fn removed_error_code_needs_a_major_bump() {
    assert_eq!(snapshot_case("error-code-removed"), "major");
}

#[test]
fn changed_http_status_needs_a_minor_bump() {
    assert_eq!(snapshot_case("http-status-changed"), "minor");
}

#[test]
fn changed_retry_classification_needs_a_major_bump() {
    assert_eq!(snapshot_case("retryable-changed"), "major");
}

#[test]
fn changed_cause_and_solution_show_both_languages_and_need_a_patch_bump() {
    assert_eq!(snapshot_case("error-text-changed"), "patch");
    let markdown = report("error-text-changed", "markdown");
    assert!(
        markdown.contains("  - zh: `参数无效` → `参数不合法`"),
        "{markdown}"
    );
    assert!(markdown.contains("(unchanged)"), "{markdown}");
}

#[test]
fn document_version_bump_alone_needs_a_patch_bump() {
    assert_eq!(snapshot_case("document-version-bumped"), "patch");
}

#[test]
fn changed_error_body_field_needs_a_major_bump() {
    assert_eq!(snapshot_case("service-changed"), "major");
}

#[test]
fn docs_bump_with_an_addition_and_a_corrected_status_needs_a_minor_bump() {
    assert_eq!(snapshot_case("docs-bump"), "minor");
}

#[test]
fn invalid_spec_on_either_side_fails_with_the_validation_report() {
    let output = xtask(
        &fixture("endpoint-changed-is-invalid"),
        &["--from", "old", "--to", "new"],
    );
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    insta::assert_snapshot!(
        "endpoint-changed-is-invalid.stderr",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn unknown_format_is_refused() {
    let output = xtask(
        &fixture("unchanged"),
        &["--from", "old", "--to", "new", "--format", "yaml"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with(
        "error: invalid value 'yaml' for '--format <FORMAT>'\n  [possible values: markdown, json]"
    ));
}

/// A git repository in a temporary folder, with its own identity.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().expect("a temporary folder"),
        };
        repo.git(&["init", "--quiet"]);
        repo.git(&["symbolic-ref", "HEAD", "refs/heads/main"]);
        repo.git(&["config", "user.name", "spec-diff test"]);
        repo.git(&["config", "user.email", "spec-diff@example.invalid"]);
        repo.git(&["config", "commit.gpgsign", "false"]);
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn git(&self, args: &[&str]) {
        common::git(self.path(), args);
    }

    /// Replaces `spec/` with a copy of `from`.
    fn put_spec(&self, from: &Path) {
        let spec = self.path().join("spec");
        std::fs::create_dir_all(&spec).expect("spec/ is created");
        for entry in std::fs::read_dir(from).expect("the fixture is readable") {
            let entry = entry.expect("a fixture file");
            std::fs::copy(entry.path(), spec.join(entry.file_name())).expect("copied");
        }
    }

    fn commit_spec(&self, from: &Path, message: &str) {
        self.put_spec(from);
        self.git(&["add", "spec"]);
        self.git(&["commit", "--quiet", "-m", message]);
    }
}

#[test]
fn revisions_are_read_from_git() {
    let repo = Repo::new();
    repo.commit_spec(&fixture("region-added").join("old"), "three regions");
    repo.commit_spec(&fixture("region-added").join("new"), "add cn-chengdu");

    let value = json(&stdout(&xtask(
        repo.path(),
        &["--from", "HEAD~1", "--to", "HEAD", "--format", "json"],
    )));
    assert_eq!(value["bump"], "minor");
    assert_eq!(value["regions"]["added"][0]["id"], "cn-chengdu");
    assert!(value["from"].as_str().unwrap().starts_with("HEAD~1 ("));
    assert!(value["to"].as_str().unwrap().starts_with("HEAD ("));
}

#[test]
fn revision_and_folder_can_be_compared() {
    let repo = Repo::new();
    repo.commit_spec(&fixture("region-removed").join("old"), "three regions");
    let new = fixture("region-removed").join("new");
    let value = json(&stdout(&xtask(
        repo.path(),
        &[
            "--from",
            "main",
            "--to",
            new.to_str().unwrap(),
            "--format",
            "json",
        ],
    )));
    assert_eq!(value["bump"], "major");
    assert_eq!(value["regions"]["removed"][0]["id"], "cn-beijing");
}

#[test]
fn defaults_compare_the_merge_base_with_main_to_the_working_tree() {
    let repo = Repo::new();
    repo.commit_spec(&fixture("http-status-changed").join("old"), "base");
    repo.git(&["checkout", "--quiet", "-b", "feature"]);
    repo.commit_spec(&fixture("docs-bump").join("new"), "docs bump");
    // Uncommitted: the working tree is what the default `--to` reads.
    repo.put_spec(&fixture("http-status-changed").join("new"));
    // Run from a subfolder: the repository is found from the current folder.
    let output = xtask(&repo.path().join("spec"), &["--format", "json"]);
    let value = json(&stdout(&output));
    assert_eq!(value["bump"], "minor");
    assert!(value["from"]
        .as_str()
        .unwrap()
        .starts_with("merge-base of HEAD and main ("));
    assert_eq!(value["to"], "working tree spec/");
    assert_eq!(
        value["error_codes"]["changed"][0]["key"],
        "ResourceThrottled"
    );
    assert_eq!(value["counts"]["regions"]["added"], 0);
}

#[test]
fn invalid_spec_at_a_revision_is_reported_at_that_revision() {
    let repo = Repo::new();
    repo.commit_spec(
        &fixture("endpoint-changed-is-invalid").join("new"),
        "bad endpoint",
    );
    let old = fixture("endpoint-changed-is-invalid").join("old");
    let output = xtask(
        repo.path(),
        &["--from", "HEAD", "--to", old.to_str().unwrap()],
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("the spec revision \"HEAD\" ("),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("error: HEAD:spec/regions.yaml:7: regions[0] (cn-hangzhou): endpoint.public: \"hangzhou.fc"),
        "{stderr}"
    );
}

#[test]
fn missing_main_branch_is_a_clear_error() {
    let repo = Repo::new();
    repo.git(&["symbolic-ref", "HEAD", "refs/heads/trunk"]);
    repo.commit_spec(&fixture("unchanged").join("old"), "base");
    let output = xtask(repo.path(), &[]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no branch `main`"));
}

#[test]
fn unknown_revision_is_named_in_the_error() {
    let repo = Repo::new();
    repo.commit_spec(&fixture("unchanged").join("old"), "base");
    let output = xtask(repo.path(), &["--from", "no-such-rev", "--to", "HEAD"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr)
        .contains("\"no-such-rev\" is neither a folder nor a git revision"));
}
