//! The spec-diff workflow's report step (`.github/scripts/spec-diff-report.sh`),
//! run as the workflow runs it, on a temporary git repository holding a copy
//! of this workspace: a base commit, then a PR commit that appends a region.
//!
//! The workflow itself needs GitHub; `.ci/run` lints it with actionlint, and
//! this test runs its script. Needs `cargo-semver-checks`, like
//! `semver_battery.rs`: without it the test says so and passes, except under
//! CI, where it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::git;

use fc_codegen::spec::{EndpointSpec, Localized, RegionSpec};
use fc_codegen::write::render_spec;

fn workspace_root() -> PathBuf {
    common::manifest_dir()
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Copies the workspace's files that git tracks or would track (untracked,
/// not ignored), as they are in the work tree, into a fresh repository at
/// `repo` with one commit.
fn base_repository(repo: &Path) {
    if repo.exists() {
        std::fs::remove_dir_all(repo).expect("the old copy is removed");
    }
    std::fs::create_dir_all(repo).expect("the copy's folder is created");
    let root = workspace_root();
    for file in git(
        &root,
        &[
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ],
    )
    .split('\0')
    {
        let source = root.join(file);
        if file.is_empty() || !source.is_file() {
            continue;
        }
        let dest = repo.join(file);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&source, &dest).expect("a tracked file is copied");
    }
    git(repo, &["init", "--quiet", "--initial-branch=main"]);
    commit(repo, "base");
}

fn commit(repo: &Path, message: &str) {
    git(repo, &["add", "--all"]);
    git(
        repo,
        &[
            "-c",
            "user.name=test",
            "-c",
            "user.email=test@example.invalid",
            "commit",
            "--quiet",
            "--message",
            message,
        ],
    );
}

/// The region the PR appends.
fn appended_region() -> RegionSpec {
    RegionSpec {
        id: "eu-north-9".to_owned(),
        name: Localized {
            en: "Test (North 9)".to_owned(),
            zh: "测试（北9）".to_owned(),
        },
        endpoint: EndpointSpec {
            public: "eu-north-9.fc.aliyuncs.com".to_owned(),
            internal: "eu-north-9-internal.fc.aliyuncs.com".to_owned(),
        },
    }
}

#[test]
fn the_report_step_posts_both_verdicts_for_an_appended_region() {
    if !common::semver_checks_available("spec-diff workflow script") {
        return;
    }
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("spec-diff-workflow");
    let repo = scratch.join("repo");
    base_repository(&repo);
    let spec_dir = repo.join("spec");
    let mut spec = fc_codegen::load::load_dir(&spec_dir).unwrap().spec;
    spec.regions.push(appended_region());
    for (name, text) in render_spec(&spec) {
        std::fs::write(spec_dir.join(name), text).unwrap();
    }
    commit(&repo, "PR: a region appended");

    let output = Command::new("bash")
        .arg(".github/scripts/spec-diff-report.sh")
        .args(["HEAD~1", "report.md"])
        .current_dir(&repo)
        .env("CARGO_TARGET_DIR", scratch.join("target"))
        .env_remove("CARGO_MANIFEST_DIR")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("bash runs the script");
    assert!(
        output.status.success(),
        "the report step failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = std::fs::read_to_string(repo.join("report.md")).expect("report.md is written");
    let summary = report.lines().next().unwrap_or_default();
    assert!(
        summary.contains("regions 1 added") && summary.contains("needs a minor version bump"),
        "{report}"
    );
    assert!(report.contains("`eu-north-9`"), "{report}");
    assert!(
        report.contains("### cargo-semver-checks on fc-generated: none"),
        "{report}"
    );
    assert!(
        report.contains("spec-diff: **minor**; cargo-semver-checks: **none**"),
        "{report}"
    );
}
