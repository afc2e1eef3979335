//! Where the workspace and its target folder are, as cargo sees them.
//!
//! The target folder comes from `cargo metadata`, never from a guess, so
//! `CARGO_TARGET_DIR`, `build.target-dir` in a cargo config and `--config`
//! all count, as they do for cargo's own output.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use crate::process::run;

/// The workspace's root and cargo's target folder for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Workspace {
    /// The folder of the workspace's `Cargo.toml`.
    pub root: PathBuf,
    /// Where cargo builds this workspace; scratch output goes below it.
    pub target_dir: PathBuf,
}

/// The two fields of `cargo metadata --format-version 1` read here.
#[derive(Deserialize)]
struct Metadata {
    workspace_root: PathBuf,
    target_directory: PathBuf,
}

impl Workspace {
    /// Asks cargo about the workspace xtask is run in: the one whose xtask
    /// package `cargo run` names in `CARGO_MANIFEST_DIR` when it starts
    /// this process, else the one holding the current directory.
    ///
    /// Read at run time, never compiled in: when checkouts share a target
    /// folder (worktrees under one `CARGO_TARGET_DIR`), cargo may run an
    /// xtask binary that another checkout compiled.
    pub fn locate() -> Result<Workspace, String> {
        let mut command = Command::new(cargo_program());
        command.args(["metadata", "--format-version", "1", "--no-deps"]);
        if let Some(package) = std::env::var_os("CARGO_MANIFEST_DIR") {
            command
                .arg("--manifest-path")
                .arg(Path::new(&package).join("Cargo.toml"));
        }
        let shown = format!("{command:?}");
        let output = run(command)?;
        let metadata: Metadata = serde_json::from_slice(&output.stdout)
            .map_err(|error| format!("cannot read the output of {shown}: {error}"))?;
        Ok(Workspace {
            root: metadata.workspace_root,
            target_dir: metadata.target_directory,
        })
    }

    /// The workspace's spec folder.
    pub fn spec_dir(&self) -> PathBuf {
        self.root.join("spec")
    }
}

/// The cargo that runs xtask (`cargo run` sets `CARGO`), else `cargo`.
pub fn cargo_program() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}
