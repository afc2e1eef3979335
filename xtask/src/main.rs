//! Maintainer commands: `cargo xtask <command>`.
//!
//! - `codegen`: validate `spec/`, render the generated code readably to
//!   `target/codegen/`, and print a summary.
//! - `check [DIR]`: validate `spec/` (or `DIR`) and report every problem, as
//!   the build does, exiting non-zero on a bad spec.
//! - `spec-diff`: what a spec change means for users, and its SemVer bump.
//! - `import`: read the documents' text exports into `spec/`.
//! - `semver-battery`: spec-diff's verdicts against cargo-semver-checks'.
//! - `bench-build`: time what depending on `fc-generated` adds to a user's
//!   clean build, against the floor of a YAML-reading build script.
//! - `bench-codegen`: time the generator on synthetic specs of growing size.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod bench_build;
mod bench_codegen;
mod codegen;
mod import;
mod scratch;
mod semver_battery;
mod spec_diff;
mod spec_write;
mod synthetic_spec;

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
        Some("bench-codegen") => scratch::runs_flag(&args[1..], 3).and_then(|runs| {
            let compile = args[1..].iter().any(|arg| arg == "--compile");
            bench_codegen::bench_codegen(&root, runs, compile)
        }),
        Some("bench-build") => {
            let shipped = args[1..].iter().any(|arg| arg == "--shipped");
            scratch::runs_flag(&args[1..], 3)
                .and_then(|runs| bench_build::bench_build(&root, runs, shipped))
        }
        Some("semver-battery") => match &args[1..] {
            [] => semver_battery::semver_battery(&root),
            _ => Err(format!("semver-battery takes no arguments\n\n{USAGE}")),
        },
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
  semver-battery
            mutate the spec every way a docs bump can, and check that spec-diff's
            bump is never weaker than cargo-semver-checks' on the generated crate
            and that insertions and reorders are at most minor
  bench-build [--runs N] [--shipped]
            time a cold build of a consumer with and without fc-generated, against
            the serde_yaml floor (N runs each, default 3); show when build.rs re-runs;
            --shipped adds a consumer of fc-generated with its code pre-generated
  bench-codegen [--runs N] [--compile]
            time load, validate, generate and render on specs of 15, 1,000 and 10,000
            regions + as many codes; --compile also times compiling the largest
";

/// The workspace root: xtask lives one folder below it.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}
