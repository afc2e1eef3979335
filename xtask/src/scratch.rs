//! Scratch crates for the benchmarks: a copy of this package, small crates
//! written on the fly, and timed `cargo` runs in them.
//!
//! Everything lives under cargo's target folder, so nothing in the work tree
//! changes: the build benchmark edits a spec file of the copy, never of
//! `spec/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use crate::workspace::{cargo_program, Workspace};

/// Empties `dir` (if it exists) and creates it.
pub fn fresh_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)
            .map_err(|error| format!("cannot remove {}: {error}", dir.display()))?;
    }
    std::fs::create_dir_all(dir)
        .map_err(|error| format!("cannot create {}: {error}", dir.display()))
}

/// Writes `text` to `path`, creating its folder.
pub fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|error| format!("cannot create {}: {error}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

/// Copies the workspace's sources (not `target/`, not `.git`, not the
/// folder holding `dest`, wherever the target folder is) to `dest`, so a
/// benchmark can build, and edit, the package without touching the tree.
pub fn copy_workspace(root: &Path, dest: &Path) -> Result<(), String> {
    fresh_dir(dest)?;
    copy_tree(root, dest, dest)
}

fn copy_tree(from: &Path, to: &Path, dest: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(from)
        .map_err(|error| format!("cannot read {}: {error}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|error| format!("cannot read {}: {error}", from.display()))?;
        let name = entry.file_name();
        let source = entry.path();
        if name == "target" || name == ".git" || dest.starts_with(&source) {
            continue;
        }
        let copy = to.join(&name);
        if source.is_dir() {
            std::fs::create_dir_all(&copy)
                .map_err(|error| format!("cannot create {}: {error}", copy.display()))?;
            copy_tree(&source, &copy, dest)?;
        } else {
            std::fs::copy(&source, &copy)
                .map_err(|error| format!("cannot copy {}: {error}", source.display()))?;
        }
    }
    Ok(())
}

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

/// How long a command took: wall clock, and CPU time (user + system) of it
/// and everything it waited for, when the platform tells (Linux).
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// Wall-clock seconds.
    pub wall: f64,
    /// CPU seconds, summed over cargo and every rustc it ran.
    pub cpu: Option<f64>,
}

/// Runs `command` and returns how long it took, with its output.
pub fn timed(command: Command) -> Result<(Timing, Output), String> {
    let cpu_before = children_cpu_seconds();
    let start = Instant::now();
    let output = run(command)?;
    let wall = start.elapsed().as_secs_f64();
    let cpu = cpu_before
        .zip(children_cpu_seconds())
        .map(|(before, after)| after - before);
    Ok((Timing { wall, cpu }, output))
}

/// CPU seconds used by this process's finished children and their waited-for
/// descendants: `cutime + cstime` of `/proc/self/stat`, in USER_HZ (100 a
/// second on Linux). A shared machine slows a build's wall clock far more
/// than its CPU time, so both are reported.
fn children_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses: field 3 first.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |field: usize| fields.get(field - 3)?.parse::<u64>().ok();
    Some((ticks(16)? + ticks(17)?) as f64 / 100.0)
}

/// The median of `samples` (the mean of the middle two for an even count).
pub fn median(samples: &[f64]) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    match sorted.len() {
        0 => f64::NAN,
        len if len % 2 == 1 => sorted[middle],
        _ => (sorted[middle - 1] + sorted[middle]) / 2.0,
    }
}

/// The scratch folder for one benchmark: `<name>/` in cargo's target folder.
pub fn scratch_root(workspace: &Workspace, name: &str) -> PathBuf {
    workspace.target_dir.join(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_takes_the_middle_sample() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
    }
}
