//! `cargo xtask import --en FILE... --zh FILE... [--spec DIR]` (options
//! declared in [`crate::cli`]): the documents become the spec.
//!
//! The pipeline, one module a stage: each file is read into one page model
//! ([`page`]) by the reader its content calls for ([`html`] for a saved
//! help-center page, [`text_export`] for the PDF's text export);
//! [`document`] reads one language's pages into typed rows with places,
//! knowing tables by their columns ([`vocabulary`]); [`join`] joins the two
//! languages; [`annotate`] carries the project's annotations over from the
//! current spec; and [`crate::spec_write`] renders, validates and renames
//! the files into place. Nothing after the readers knows which form a table
//! came from. Any problem before the last stage stops the import before
//! anything is written; the last one writes only a spec that validates. An
//! import into the workspace's `spec/` then regenerates the committed
//! tables, as `cargo xtask codegen` does.

mod annotate;
mod cell;
mod document;
mod html;
mod join;
mod page;
mod text_export;
mod vocabulary;

use std::path::{Path, PathBuf};

use fc_codegen::build_script::COMMITTED_DIR;
use fc_codegen::schema::Schema;
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

    let en = read_language(&options.en, &vocabulary::EN);
    let zh = read_language(&options.zh, &vocabulary::ZH);
    let (en, zh) = match (en, zh) {
        (Ok(en), Ok(zh)) => (en, zh),
        (en, zh) => {
            let mut problems = en.err().unwrap_or_default();
            problems.0.extend(zh.err().unwrap_or_default().0);
            return Err(unchanged(problems));
        }
    };
    let previous = previous_spec(&spec_dir)?;
    let joined =
        join::join(&en, &zh, previous.as_ref().map(|spec| &spec.service)).map_err(unchanged)?;
    // What the documents do not say is kept: the `project` fields of every
    // struct the spec declares, by entry key, and the error codes'
    // annotations with their defaults for new codes.
    let (mut service, mut regions) = (joined.service, joined.regions);
    if let Some(previous) = &previous {
        service.carry_over(&previous.service);
        annotate::carry_over_by_key(&mut regions, &previous.regions, |region| &region.id);
    }
    let previous_errors = previous.as_ref().map_or(&[][..], |spec| &spec.errors[..]);
    let annotated = annotate::annotate(joined.errors, previous_errors);
    let spec = Spec {
        service,
        regions,
        errors: annotated.errors,
    };

    let changes = write_spec(&spec_dir, &spec)?;
    for document in [&en, &zh] {
        println!(
            "{} version {}: {}",
            document.vocabulary.lang, document.version.value, document.version_source
        );
    }
    for kept in &joined.kept {
        eprintln!("note: {kept}");
    }
    let errors_yaml = spec_dir.join("errors.yaml").display().to_string();
    let new_codes: std::collections::BTreeSet<&String> = annotated.new_codes.iter().collect();
    for error in spec
        .errors
        .iter()
        .filter(|error| new_codes.contains(&error.code))
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

/// Reads English documents as the import does, and says whether they hold
/// everything it needs: for `cargo xtask bench-import`.
pub(crate) fn read_english(files: &[PathBuf]) -> Result<(), Diagnostics> {
    read_language(files, &vocabulary::EN).map(|_| ())
}

/// Reads one language's files, each in the form its content shows, and
/// interprets them together; every problem of every file in one report.
fn read_language(
    files: &[PathBuf],
    vocabulary: &'static vocabulary::Vocabulary,
) -> Result<document::Document, Diagnostics> {
    let mut pages = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        let (page, found) = read_page(file);
        pages.extend(page);
        problems.extend(found.0);
    }
    if pages.len() < files.len() {
        // A file that could not be read at all: what the others lack
        // because of it is no news.
        return Err(Diagnostics(problems));
    }
    match document::interpret(&pages, vocabulary) {
        Ok(document) if problems.is_empty() => return Ok(document),
        Ok(_) => {}
        Err(found) => problems.extend(found.0),
    }
    // As a reader meets them: file by file in the order given, line by line.
    problems.sort_by_key(|problem| {
        let file = files.iter().position(|file| *file == problem.file);
        (file, problem.line)
    });
    Err(Diagnostics(problems))
}

/// Reads a file as a page: HTML when its first non-blank character opens
/// a tag (`<!DOCTYPE html>`, `<html>`, `<!-- saved from ... -->`), else a
/// text export. Both are read within the loader's bounds (a regular file of
/// at most 16 MiB, UTF-8).
fn read_page(path: &Path) -> (Option<page::Page>, Diagnostics) {
    let text = match fc_codegen::load::read_text(path, "a document") {
        Ok(text) => text,
        Err(problems) => return (None, problems),
    };
    let start = text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace());
    if start.starts_with('<') {
        let (page, problems) = html::read_html(path, &text);
        (Some(page), problems)
    } else {
        let (page, problems) = text_export::read_text_export(path, &text);
        (Some(page), problems)
    }
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
