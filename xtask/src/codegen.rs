//! `cargo xtask codegen` and `cargo xtask check`.

use std::path::Path;

use fc_codegen::build_script::{failure_report, write_if_changed, CODE_FILE, DOCS_FILE};
use fc_codegen::render::render_pretty;

/// Validates `spec/`, writes the readable generated code and docs to
/// `target/codegen/`, and prints counts and paths.
pub fn codegen(root: &Path) -> Result<(), String> {
    let generated =
        fc_codegen::generate_dir(root.join("spec")).map_err(|errors| errors.to_string())?;
    let code = render_pretty(&generated).map_err(|error| format!("generator bug: {error}"))?;
    let out_dir = root.join("target").join("codegen");
    std::fs::create_dir_all(&out_dir)
        .map_err(|error| format!("cannot create {}: {error}", out_dir.display()))?;
    let code_path = out_dir.join(CODE_FILE);
    let docs_path = out_dir.join(DOCS_FILE);
    write_if_changed(&code_path, &code);
    write_if_changed(&docs_path, &generated.crate_docs);
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
pub fn check_workspace_spec(root: &Path) -> Result<(), String> {
    std::env::set_current_dir(root)
        .map_err(|error| format!("cannot enter {}: {error}", root.display()))?;
    check(Path::new("spec"))
}

/// Validates the spec folder `spec_dir` and reports every problem with the
/// text a failing build prints.
pub fn check(spec_dir: &Path) -> Result<(), String> {
    let generated = fc_codegen::generate_dir(spec_dir).map_err(|errors| failure_report(&errors))?;
    println!(
        "{} is valid: {} regions, {} error codes",
        spec_dir.display(),
        generated.region_count,
        generated.error_count
    );
    Ok(())
}
