//! `cargo xtask codegen` and `cargo xtask check`.

use std::path::Path;

use fc_codegen::build_script::{failure_report, write_if_changed, CODE_FILE, DOCS_FILE};
use fc_codegen::render::render_pretty;
use fc_codegen::validate::{validate_with, Mode};

use crate::file_tree::{create_dir, output_dir};
use crate::workspace::Workspace;

/// Validates `spec/`, writes the readable generated code and docs to
/// `codegen/` in cargo's target folder, and prints counts and paths.
pub fn codegen(workspace: &Workspace) -> Result<(), String> {
    let generated =
        fc_codegen::generate_dir(workspace.spec_dir()).map_err(|errors| failure_report(&errors))?;
    let code = render_pretty(&generated).map_err(|error| format!("generator bug: {error}"))?;
    let out_dir = output_dir(workspace, "codegen");
    create_dir(&out_dir)?;
    let code_path = out_dir.join(CODE_FILE);
    let docs_path = out_dir.join(DOCS_FILE);
    for (path, text) in [(&code_path, &code), (&docs_path, &generated.crate_docs)] {
        write_if_changed(path, text)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    }
    println!(
        "spec/ is valid: {} regions, {} error codes",
        generated.region_count, generated.error_count
    );
    println!("generated code: {}", code_path.display());
    println!("crate docs:     {}", docs_path.display());
    Ok(())
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
