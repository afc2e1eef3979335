//! Maintainer commands: `cargo xtask <command>`, declared in [`cli`].
//!
//! - `codegen [--check]`: validate `spec/`, rewrite the committed tables
//!   (`fc-generated/src/generated/`), render the generated code readably to
//!   `codegen/` in cargo's target folder, and print a summary; with
//!   `--check`, write nothing and fail if the committed tables are stale.
//! - `check [DIR]`: validate `spec/` (or `DIR`) and report every problem, as
//!   the build does, exiting non-zero on a bad spec.
//! - `spec-diff`: what a spec change means for users, and its SemVer bump.
//! - `import`: read the documents' text exports into `spec/`.
//! - `semver-battery`: spec-diff's verdicts against cargo-semver-checks'.
//! - `bench-build`: time what depending on `fc-generated` adds to a user's
//!   clean build, against the floor of a YAML-reading build script.
//! - `bench-codegen`: time the generator on synthetic specs of growing size.

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use workspace::Workspace;

mod bench;
mod cli;
mod codegen;
mod file_tree;
mod import;
mod process;
mod semver_battery;
mod spec_diff;
mod spec_write;
mod workspace;

fn main() -> ExitCode {
    // A bad command line exits here: the usage and status 2 (0 for --help).
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Hands each command its options.
fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Codegen(options) if options.check => {
            codegen::check_committed(&Workspace::locate()?)
        }
        Command::Codegen(_) => codegen::codegen(&Workspace::locate()?),
        Command::Check(options) => match options.dir {
            Some(dir) => codegen::check(&dir),
            None => codegen::check_workspace_spec(&Workspace::locate()?),
        },
        Command::SpecDiff(options) => spec_diff::spec_diff(&options),
        Command::Import(options) => import::import(&Workspace::locate()?, &options),
        Command::BenchBuild(options) => bench::build::bench_build(&Workspace::locate()?, &options),
        Command::BenchImport(options) => {
            bench::import::bench_import(&Workspace::locate()?, &options)
        }
        Command::BenchCodegen(options) if options.bad => {
            bench::codegen::bench_problem_reports(&Workspace::locate()?, options.runs)
        }
        Command::BenchCodegen(options) => {
            bench::codegen::bench_codegen(&Workspace::locate()?, &options)
        }
        Command::SemverBattery => semver_battery::semver_battery(&Workspace::locate()?),
    }
}
