//! Writes a spec folder without ever leaving it half-written or invalid.
//!
//! The files are rendered ([`fc_codegen::write`]) into a staging folder inside
//! the spec folder, loaded back and validated there with `fc_codegen`, and
//! only then renamed over the old files, one rename per changed file. A spec
//! that does not validate leaves the folder as it was.

use std::path::Path;

use fc_codegen::spec::Spec;
use fc_codegen::Diagnostics;

use fc_codegen::write::render_spec;

use crate::file_tree::create_dir;

/// What happened to one spec file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileChange {
    /// The file got new content.
    Written,
    /// The file already held exactly the rendered text; it was not touched.
    Unchanged,
}

/// Renders `spec` into `dir`, creating `dir` if needed. Returns each file's
/// name and change, in `SPEC_FILES` order.
pub fn write_spec(dir: &Path, spec: &Spec) -> Result<Vec<(&'static str, FileChange)>, String> {
    let created = !dir.exists();
    create_dir(dir)?;
    let written = stage_and_replace(dir, spec);
    if written.is_err() && created {
        // Leave no trace of a failed import; `remove_dir` fails on a folder
        // that is not empty, so nothing else can be lost.
        let _ = std::fs::remove_dir(dir);
    }
    written
}

fn stage_and_replace(dir: &Path, spec: &Spec) -> Result<Vec<(&'static str, FileChange)>, String> {
    // Inside `dir`, so the renames stay on one file system; the name is not a
    // YAML file's, so a build that reads `dir` meanwhile ignores it.
    let staging = tempfile::Builder::new()
        .prefix(".import-staging-")
        .tempdir_in(dir)
        .map_err(|error| {
            format!(
                "cannot create a staging folder in {}: {error}",
                dir.display()
            )
        })?;
    let files = render_spec(spec);
    for (name, text) in &files {
        let path = staging.path().join(name);
        std::fs::write(&path, text)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    }

    let relabel = |errors: Diagnostics| relabel(errors, staging.path(), dir);
    let loaded = fc_codegen::load::load_dir(staging.path()).map_err(|errors| {
        format!(
            "bug: the rendered spec does not load back:\n{}",
            relabel(errors)
        )
    })?;
    if loaded.spec != *spec {
        return Err("bug: the rendered spec loads back different from the model".to_owned());
    }
    fc_codegen::validate::validate(&loaded).map_err(|errors| {
        format!(
            "the new spec is not valid, so {} was left unchanged; at the lines of the files it would have written:\n{}",
            dir.display(),
            relabel(errors)
        )
    })?;

    let mut changes = Vec::with_capacity(files.len());
    for (name, text) in &files {
        let target = dir.join(name);
        if std::fs::read(&target).is_ok_and(|old| old == text.as_bytes()) {
            changes.push((*name, FileChange::Unchanged));
            continue;
        }
        std::fs::rename(staging.path().join(name), &target)
            .map_err(|error| format!("cannot replace {}: {error}", target.display()))?;
        changes.push((*name, FileChange::Written));
    }
    Ok(changes)
}

/// Reports name the staged files as the files they would replace.
fn relabel(mut errors: Diagnostics, staging: &Path, dir: &Path) -> Diagnostics {
    for error in &mut errors.0 {
        if let Ok(name) = error.file.strip_prefix(staging) {
            error.file = if name.as_os_str().is_empty() {
                dir.to_path_buf()
            } else {
                dir.join(name)
            };
        }
    }
    errors
}

/// Whether `dir` holds any spec file.
pub fn has_spec_files(dir: &Path) -> bool {
    fc_codegen::load::SPEC_FILES
        .iter()
        .any(|name| dir.join(name).exists())
}
