//! `cargo xtask codegen [--check]` and `cargo xtask check`.

use std::path::Path;

use fc_codegen::build_script::{failure_report, output_files, write_if_changed, COMMITTED_DIR};
use fc_codegen::generate::Generated;
use fc_codegen::render::render_pretty;
use fc_codegen::validate::{validate_with, Mode};

use crate::file_tree::{create_dir, output_dir};
use crate::workspace::Workspace;

/// The command that brings the committed tables up to date, as a stale
/// file's report names it.
pub const REGENERATE: &str = "cargo xtask codegen";

/// Validates `spec/`, rewrites the committed tables ([`COMMITTED_DIR`]) where
/// they changed, writes the readable (pretty) code and the docs to
/// `codegen/` in cargo's target folder, and prints counts and paths.
pub fn codegen(workspace: &Workspace) -> Result<(), String> {
    let generated = generate(workspace)?;
    let changed = write_committed(workspace, &generated)?;
    let code = render_pretty(&generated).map_err(|error| format!("generator bug: {error}"))?;
    let out_dir = output_dir(workspace, "codegen");
    create_dir(&out_dir)?;
    let [(code_file, _), (docs_file, docs)] = output_files(&generated);
    let code_path = out_dir.join(code_file);
    let docs_path = out_dir.join(docs_file);
    for (path, text) in [(&code_path, &code), (&docs_path, &docs)] {
        write_if_changed(path, text)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    }
    println!(
        "spec/ is valid: {} regions, {} error codes",
        generated.region_count, generated.error_count
    );
    let state = if changed { "rewritten" } else { "up to date" };
    println!("committed tables ({state}): {COMMITTED_DIR}/");
    println!("readable code:  {}", code_path.display());
    println!("crate docs:     {}", docs_path.display());
    Ok(())
}

/// `cargo xtask codegen --check`: fails, writing nothing, when a committed
/// file differs from what the generator makes of `spec/`, naming the file
/// and [`REGENERATE`].
pub fn check_committed(workspace: &Workspace) -> Result<(), String> {
    let generated = generate(workspace)?;
    let stale = stale_files(workspace, &generated);
    if stale.is_empty() {
        println!("{COMMITTED_DIR}/ is up to date with spec/");
        return Ok(());
    }
    Err(format!(
        "stale generated tables: {} differ from what fc-codegen makes of spec/; run `{REGENERATE}` and commit the result",
        stale.join(", ")
    ))
}

/// Regenerates the committed tables from the workspace's `spec/`: what
/// `cargo xtask import` does after writing the spec.
pub fn regenerate_committed(workspace: &Workspace) -> Result<bool, String> {
    write_committed(workspace, &generate(workspace)?)
}

fn generate(workspace: &Workspace) -> Result<Generated, String> {
    fc_codegen::generate_dir(workspace.spec_dir()).map_err(|errors| failure_report(&errors))
}

/// Writes each committed file whose content differs; true if one did.
fn write_committed(workspace: &Workspace, generated: &Generated) -> Result<bool, String> {
    let stale = stale_files(workspace, generated);
    let dir = workspace.root.join(COMMITTED_DIR);
    create_dir(&dir)?;
    for (name, text) in output_files(generated) {
        let path = dir.join(name);
        write_if_changed(&path, &text)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    }
    Ok(!stale.is_empty())
}

/// The committed files, as `COMMITTED_DIR/NAME`, that are missing or differ
/// from the generator's output.
fn stale_files(workspace: &Workspace, generated: &Generated) -> Vec<String> {
    let dir = workspace.root.join(COMMITTED_DIR);
    output_files(generated)
        .into_iter()
        .filter(|(name, text)| {
            !std::fs::read(dir.join(name)).is_ok_and(|old| old == text.as_bytes())
        })
        .map(|(name, _)| format!("{COMMITTED_DIR}/{name}"))
        .collect()
}

/// Validates the workspace's `spec/` as the build script sees it: from the
/// package root, so the report names `spec/regions.yaml` as the build does.
pub fn check_workspace_spec(workspace: &Workspace) -> Result<(), String> {
    let root = &workspace.root;
    std::env::set_current_dir(root)
        .map_err(|error| format!("cannot enter {}: {error}", root.display()))?;
    check(Path::new("spec"))
}

/// Validates the spec folder `spec_dir` in [`Mode::Release`] and reports
/// every problem with the text a failing build prints: on top of the build's
/// checks, an error code whose annotation an import defaulted and nobody has
/// reviewed fails here. The build accepts it, so that an import can be built
/// and tested, but CI runs this check, so it cannot ship.
pub fn check(spec_dir: &Path) -> Result<(), String> {
    let loaded = fc_codegen::load::load_dir(spec_dir).map_err(|errors| failure_report(&errors))?;
    let valid = validate_with(&loaded, Mode::Release).map_err(|errors| failure_report(&errors))?;
    println!(
        "{} is valid: {} regions, {} error codes",
        spec_dir.display(),
        valid.regions().len(),
        valid.errors().len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A workspace in a temporary folder whose `spec/` is the fixture
    /// `one-region`, with no committed tables yet.
    fn scratch_workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../fc-codegen/tests/fixtures/valid/one-region");
        std::fs::create_dir(dir.path().join("spec")).unwrap();
        for entry in std::fs::read_dir(fixture).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(
                entry.path(),
                dir.path().join("spec").join(entry.file_name()),
            )
            .unwrap();
        }
        let workspace = Workspace {
            root: dir.path().to_path_buf(),
            target_dir: dir.path().join("target"),
        };
        (dir, workspace)
    }

    #[test]
    fn check_fails_until_codegen_writes_the_tables_and_again_after_a_spec_edit() {
        let (_dir, workspace) = scratch_workspace();
        let missing = check_committed(&workspace).unwrap_err();
        assert!(missing.contains("run `cargo xtask codegen`"), "{missing}");

        codegen(&workspace).unwrap();
        check_committed(&workspace).unwrap();
        let code = workspace.root.join(COMMITTED_DIR).join("fc_generated.rs");
        assert!(read_to_string(&code).contains("\"cn-hangzhou\""));
        assert!(
            !regenerate_committed(&workspace).unwrap(),
            "nothing to rewrite"
        );

        let regions = workspace.root.join("spec/regions.yaml");
        let edited = read_to_string(&regions).replacen("Hangzhou", "Hangzhou City", 1);
        std::fs::write(&regions, edited).unwrap();
        let stale = check_committed(&workspace).unwrap_err();
        assert_eq!(
            stale,
            format!(
                "stale generated tables: {COMMITTED_DIR}/fc_generated.rs, {COMMITTED_DIR}/fc_generated.md \
                 differ from what fc-codegen makes of spec/; run `cargo xtask codegen` and commit the result"
            )
        );
        assert!(regenerate_committed(&workspace).unwrap());
        check_committed(&workspace).unwrap();
        assert!(read_to_string(&code).contains("Hangzhou City"));
    }

    fn read_to_string(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap()
    }
}
