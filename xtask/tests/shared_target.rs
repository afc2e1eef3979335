//! `cargo xtask` acts on the checkout it is run in, even when cargo reuses
//! an xtask binary that another checkout compiled: two copies of the
//! workspace share one `CARGO_TARGET_DIR`, as two `git worktree`s of a
//! maintainer who sets it once for every project do.
//!
//! The first copy compiles xtask; the second copy's files are older than
//! that binary, so cargo takes it as fresh and runs it for the second copy
//! too. Every command must still read and write the second copy.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

mod common;

/// The workspace these tests belong to, read when they run (never a path
/// compiled in, which is what this test is about).
fn workspace_root() -> PathBuf {
    common::manifest_dir()
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Copies the workspace's sources (not `target/`, not `.git`) into `to`.
fn copy_workspace(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        let kind = entry.file_type().unwrap();
        if kind.is_dir() {
            copy_workspace(&entry.path(), &to.join(&name));
        } else if kind.is_file() {
            fs::copy(entry.path(), to.join(&name)).unwrap();
        }
    }
}

/// Sets the modification time of every file below `dir` to `time`.
fn set_times(dir: &Path, time: SystemTime) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            set_times(&path, time);
        } else {
            File::options()
                .write(true)
                .open(&path)
                .and_then(|file| file.set_modified(time))
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        }
    }
}

/// `cargo ARGS` in `dir` with the shared target folder, as a user runs it:
/// none of the variables that `cargo test` set for this test leak in.
fn cargo(dir: &Path, target: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(common::cargo_program());
    command
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_TERM_COLOR", "never");
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if name.starts_with("CARGO_") && name != "CARGO_HOME" || name.starts_with("RUSTC_") {
            command.env_remove(&*name);
        }
    }
    command.output().expect("cargo runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn xtask_acts_on_the_checkout_it_runs_in_when_a_target_folder_is_shared() {
    let scratch = tempfile::tempdir().unwrap();
    let (first, second) = (scratch.path().join("first"), scratch.path().join("second"));
    // Kept between runs (it is only a build cache), so only the first run
    // of this test compiles xtask's dependencies.
    let target = common::target_tmpdir().join("shared-target");

    copy_workspace(&workspace_root(), &first);
    copy_workspace(&workspace_root(), &second);
    // The second copy is older than anything built from the first.
    set_times(&second, SystemTime::now() - Duration::from_secs(24 * 3600));

    let built = cargo(&first, &target, &["build", "--offline", "-p", "xtask"]);
    assert!(built.status.success(), "{}", text(&built.stderr));

    // check: the second copy's spec, broken there only.
    let regions = second.join("spec/regions.yaml");
    let original = fs::read_to_string(&regions).unwrap();
    let evil = original.replace(
        "cn-hangzhou.fc.aliyuncs.com",
        "cn-hangzhou.evil.example.com",
    );
    assert_ne!(evil, original, "the spec names cn-hangzhou's endpoint");
    fs::write(&regions, &evil).unwrap();
    let checked = cargo(&second, &target, &["xtask", "check"]);
    assert!(
        !checked.status.success(),
        "check passed the second copy's broken spec:\n{}{}",
        text(&checked.stdout),
        text(&checked.stderr)
    );
    let report = text(&checked.stderr);
    assert!(
        report.contains("evil.example.com"),
        "check did not report the second copy's spec:\n{report}"
    );
    // The binary was reused, not rebuilt: otherwise this proves nothing.
    assert!(
        !report.contains("Compiling xtask"),
        "cargo rebuilt xtask for the second copy:\n{report}"
    );
    fs::write(&regions, &original).unwrap();

    // import: writes the second copy's spec, not the first's.
    let fixtures = second.join("xtask/tests/fixtures/import");
    let en = fixtures.join("base.en.txt");
    let zh = fixtures.join("base.zh.txt");
    let imported = cargo(
        &second,
        &target,
        &[
            "xtask",
            "import",
            "--en",
            en.to_str().unwrap(),
            "--zh",
            zh.to_str().unwrap(),
        ],
    );
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let first_regions = fs::read_to_string(first.join("spec/regions.yaml")).unwrap();
    assert_eq!(
        first_regions, original,
        "import wrote the first copy's spec"
    );
    let second_regions = fs::read_to_string(&regions).unwrap();
    assert_ne!(
        second_regions, original,
        "import left the second copy alone"
    );

    // spec-diff: the second copy's working tree against its own HEAD,
    // which holds the spec from before the import.
    fs::write(&regions, &original).unwrap();
    common::git(&second, &["init", "--quiet"]);
    common::git(&second, &["add", "--all"]);
    common::git(
        &second,
        &[
            "-c",
            "user.name=test",
            "-c",
            "user.email=test@example.com",
            "commit",
            "--quiet",
            "--message",
            "before the import",
        ],
    );
    fs::write(&regions, &second_regions).unwrap();
    let diffed = cargo(
        &second,
        &target,
        &["xtask", "spec-diff", "--from", "HEAD", "--format", "json"],
    );
    assert!(diffed.status.success(), "{}", text(&diffed.stderr));
    let diff = text(&diffed.stdout);
    assert!(
        diff.contains("removed"),
        "spec-diff did not see the second copy's change:\n{diff}"
    );
}
