//! Maintainer commands: `cargo xtask <command>`.
//!
//! - `codegen`: validate `spec/`, render the generated code readably to
//!   `target/codegen/`, and print a summary.
//! - `check [DIR]`: validate `spec/` (or `DIR`) and report every problem, as
//!   the build does, exiting non-zero on a bad spec.
//! - `spec-diff`: what a spec change means for users, and its SemVer bump.
//! - `import`: read the documents' text exports into `spec/`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod codegen;
mod import;
mod spec_diff;
mod spec_write;
mod spec_yaml;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let result = match args.first().map(String::as_str) {
        Some("codegen") => codegen::codegen(&root),
        Some("check") => match &args[1..] {
            [] => codegen::check_workspace_spec(&root),
            [dir] => codegen::check(Path::new(dir)),
            _ => Err(format!("check takes at most one spec folder\n\n{USAGE}")),
        },
        Some("spec-diff") => spec_diff::spec_diff(&args[1..]),
        Some("import") => import::import(&root, &args[1..]),
        Some("help" | "--help" | "-h") | None => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  codegen   validate spec/, write the generated code readably to target/codegen/, print a summary
  check [DIR]
            validate spec/ (or the spec folder DIR) and report every problem as
            the build does, exiting with 1 on a bad spec (for CI and pre-commit hooks)
  spec-diff [--from REV|DIR] [--to REV|DIR] [--format markdown|json]
            what a spec change means for users, and the SemVer bump it needs;
            defaults: --from the merge-base of HEAD and main, --to the working tree's spec/
  import    --en FILE --zh FILE [--spec DIR]: read the documents' text exports into spec/ (or DIR)
";

/// The workspace root: xtask lives one folder below it.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}
