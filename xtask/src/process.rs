//! Child processes: a `cargo` command that resolves a crate as a user's
//! cargo would, and running a command to completion.

use std::path::Path;
use std::process::{Command, Output};

use crate::workspace::cargo_program;

/// `cargo <args>` in `dir` with its own target folder. The variables that
/// `cargo run` sets for xtask are not passed on, so the child resolves the
/// crate in `dir` as a user's cargo would.
pub fn cargo(dir: &Path, target_dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(cargo_program());
    command
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir)
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("CARGO_MANIFEST_DIR")
        .env_remove("CARGO_PKG_NAME")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTC_WORKSPACE_WRAPPER");
    command
}

/// Runs `command`, failing with its stderr when it fails.
pub fn run(mut command: Command) -> Result<Output, String> {
    let output = command
        .output()
        .map_err(|error| format!("cannot run {command:?}: {error}"))?;
    if output.status.success() {
        Ok(output)
    } else {
        Err(format!(
            "{command:?} failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}
