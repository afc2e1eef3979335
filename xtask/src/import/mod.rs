//! `cargo xtask import --en FILE --zh FILE [--spec DIR]` (options declared
//! in [`crate::cli`]): the documents' text exports become the spec.
//!
//! The pipeline, one module a stage: [`document`] parses each export into
//! typed tables with lines, [`join`] joins the two languages, [`annotate`]
//! carries the project's annotations over from the current spec, and
//! [`crate::spec_write`] renders, validates and renames the files into place.
//! Any problem in the first three stages stops the import before anything is
//! written; the last one writes only a spec that validates. An import into
//! the workspace's `spec/` then regenerates the committed tables, as
//! `cargo xtask codegen` does.

mod annotate;
mod cell;
mod document;
mod html;
mod join;
mod page;

use std::path::Path;

use fc_codegen::build_script::COMMITTED_DIR;
use fc_codegen::spec::Spec;

use crate::cli::ImportOptions;
use crate::spec_diff::{diff, summary_line};
use crate::spec_write::{has_spec_files, write_spec, FileChange};
use crate::workspace::Workspace;
use fc_codegen::Diagnostics;

/// Runs the import with the command line's options; the spec folder
/// defaults to the workspace's `spec/`.
pub fn import(workspace: &Workspace, options: &ImportOptions) -> Result<(), String> {
    let spec_dir = options
        .spec_dir
        .clone()
        .unwrap_or_else(|| workspace.spec_dir());
    let unchanged = |problems: Diagnostics| {
        format!(
            "{}; {} was not changed",
            problems.report("in the documents"),
            spec_dir.display()
        )
    };

    let en = document::read(&options.en, &document::EN);
    let zh = document::read(&options.zh, &document::ZH);
    let (en, zh) = match (en, zh) {
        (Ok(en), Ok(zh)) => (en, zh),
        (en, zh) => {
            let mut problems = en.err().unwrap_or_default();
            problems.0.extend(zh.err().unwrap_or_default().0);
            return Err(unchanged(problems));
        }
    };
    let joined = join::join(&en, &zh).map_err(unchanged)?;
    let previous = previous_spec(&spec_dir)?;
    let previous_errors = previous.as_ref().map_or(&[][..], |spec| &spec.errors[..]);
    let annotated = annotate::annotate(joined.errors, previous_errors);
    let spec = Spec {
        service: joined.service,
        regions: joined.regions,
        errors: annotated.errors,
    };

    let changes = write_spec(&spec_dir, &spec)?;
    let errors_yaml = spec_dir.join("errors.yaml").display().to_string();
    for error in spec
        .errors
        .iter()
        .filter(|error| annotated.new_codes.contains(&error.code))
    {
        let class = annotate::class_name(fc_codegen::rules::status_retry(error.http_status));
        eprintln!(
            "warning: new error code {:?} (HTTP {}): {class} by the status rule, so retryable: {}; review its `annotation` in {errors_yaml}",
            error.code, error.http_status, error.annotation.retryable
        );
    }
    for code in &annotated.unreviewed_codes {
        eprintln!("warning: error code {code:?} still has the default annotation; review it in {errors_yaml}");
    }
    for (name, change) in changes {
        let state = match change {
            FileChange::Written => "written",
            FileChange::Unchanged => "unchanged",
        };
        println!("{}: {state}", spec_dir.join(name).display());
    }
    if is_workspace_spec(workspace, &spec_dir) {
        let state = match crate::codegen::regenerate_committed(workspace)? {
            true => "rewritten",
            false => "unchanged",
        };
        println!("{}: {state}", workspace.root.join(COMMITTED_DIR).display());
    }
    match previous {
        // The `cargo xtask spec-diff` summary: counts, versions, SemVer bump.
        Some(old) => println!("{}", summary_line(&diff(&old, &spec))),
        None => println!(
            "new spec: {} regions, {} error codes",
            spec.regions.len(),
            spec.errors.len()
        ),
    }
    Ok(())
}

/// Whether `dir` is the workspace's `spec/`, whose generated tables are
/// committed and so rewritten with it; an import into another folder
/// (`--spec DIR`) leaves them alone.
fn is_workspace_spec(workspace: &Workspace, dir: &Path) -> bool {
    let canonical = |path: &Path| std::fs::canonicalize(path).ok();
    canonical(dir).is_some_and(|dir| Some(dir) == canonical(&workspace.spec_dir()))
}

/// The current spec, whose annotations the import keeps; `None` for a folder
/// that holds no spec file yet.
fn previous_spec(dir: &Path) -> Result<Option<Spec>, String> {
    if !has_spec_files(dir) {
        return Ok(None);
    }
    fc_codegen::load::load_dir(dir)
        .map(|loaded| Some(loaded.spec))
        .map_err(|errors| {
            format!(
                "cannot read the current spec in {}, whose annotations the import keeps; fix it first:\n{errors}",
                dir.display()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_import_into_the_workspace_spec_regenerates_the_committed_tables() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("spec")).unwrap();
        std::fs::create_dir(root.path().join("other")).unwrap();
        let workspace = Workspace {
            root: root.path().to_path_buf(),
            target_dir: root.path().join("target"),
        };
        assert!(is_workspace_spec(&workspace, &root.path().join("spec")));
        assert!(is_workspace_spec(
            &workspace,
            &root.path().join("other/../spec")
        ));
        assert!(!is_workspace_spec(&workspace, &root.path().join("other")));
        assert!(!is_workspace_spec(&workspace, &root.path().join("missing")));
    }
}
