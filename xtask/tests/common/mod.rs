//! What several of xtask's integration tests need: git run hermetically,
//! and the rule for tests whose tool or data may be missing.

#![allow(dead_code)] // each test binary uses its own part

use std::path::{Path, PathBuf};
use std::process::Command;

/// `git ARGS` in `dir`, with the user's and the system's configuration and
/// any outer repository kept out; fails the test when git fails. Returns
/// stdout.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Whether this is CI: `CI` set, as every CI service sets it, to anything
/// but empty, `0` or `false`.
pub fn under_ci() -> bool {
    let ci = std::env::var("CI").unwrap_or_default();
    !matches!(ci.as_str(), "" | "0" | "false")
}

/// Whether `cargo semver-checks` can run. Where it cannot, says so on the
/// terminal for `test` and returns `false`, except under CI, where the test
/// fails: CI must never pass without having run the comparison.
pub fn semver_checks_available(test: &str) -> bool {
    let installed = Command::new(cargo_program())
        .args(["semver-checks", "--version"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !installed {
        let message = format!(
            "{test}: NOT RUN: cargo-semver-checks is not installed \
             (cargo install --locked cargo-semver-checks)"
        );
        assert!(!under_ci(), "{message}; CI requires it");
        say_on_terminal(&format!("\nnote: {message}\n"));
    }
    installed
}

/// xtask's folder in the checkout being tested, as `cargo test` sets it for
/// the test process. Read at run time: a path compiled into the test
/// binary would name whichever checkout compiled it, when checkouts share
/// a target folder and cargo reuses the binary.
pub fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .expect("cargo test sets CARGO_MANIFEST_DIR")
}

/// The cargo running the tests (`CARGO`, set by cargo at run time), else
/// `cargo`.
pub fn cargo_program() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// A scratch folder below the target folder, kept between runs.
pub fn target_tmpdir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// Writes `note` to the process's stderr itself. The test harness captures
/// `eprintln!` (and shows it only for a failing test), so a skip reported
/// that way is never seen; a write to the `Stderr` handle is not captured,
/// which is how `import.rs` reports missing documents too.
pub fn say_on_terminal(note: &str) {
    use std::io::Write;
    let _ = std::io::stderr().lock().write_all(note.as_bytes());
}

/// What an import printed, with the spec folder's path shown as `$SPEC`.
pub struct Output {
    /// Whether it exited 0.
    pub success: bool,
    /// Its stdout.
    pub stdout: String,
    /// Its stderr.
    pub stderr: String,
}

/// Runs `command` (an import into `spec`) to completion.
pub fn run_import(command: &mut Command, spec: &Path) -> Output {
    let output = command.output().expect("xtask runs");
    let redact = |bytes: Vec<u8>| {
        String::from_utf8(bytes)
            .unwrap()
            .replace(&spec.display().to_string(), "$SPEC")
    };
    Output {
        success: output.status.success(),
        stdout: redact(output.stdout),
        stderr: redact(output.stderr),
    }
}
