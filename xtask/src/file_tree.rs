//! Folders xtask writes under cargo's target folder: emptied before use,
//! files written with their folders, and copies of the workspace's sources.
//!
//! Everything lives under the target folder, so nothing in the work tree
//! changes: the build benchmark edits a spec file of a copy, never `spec/`.

use std::path::{Path, PathBuf};

use crate::workspace::Workspace;

/// The folder for one command's output: `<name>/` in cargo's target folder.
pub fn output_dir(workspace: &Workspace, name: &str) -> PathBuf {
    workspace.target_dir.join(name)
}

/// Empties `dir` (if it exists) and creates it.
pub fn fresh_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)
            .map_err(|error| format!("cannot remove {}: {error}", dir.display()))?;
    }
    create_dir(dir)
}

/// Creates `dir` and the folders above it, keeping what is there.
pub fn create_dir(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|error| format!("cannot create {}: {error}", dir.display()))
}

/// The text of the file at `path`.
pub fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))
}

/// Writes `text` to `path`, creating its folder.
pub fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        create_dir(parent)?;
    }
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

/// Copies the workspace's sources (not `target/`, not `.git`, not the
/// folder holding `dest`, wherever the target folder is) to `dest`, so a
/// command can build, and edit, the package without touching the tree.
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
            create_dir(&copy)?;
            copy_tree(&source, &copy, dest)?;
        } else {
            std::fs::copy(&source, &copy)
                .map_err(|error| format!("cannot copy {}: {error}", source.display()))?;
        }
    }
    Ok(())
}
