//! The command line of `cargo xtask`, declared once: every command, its
//! flags, their help and how each value is checked.
//!
//! clap does the parsing, so every command answers `--help` (and `cargo
//! xtask help COMMAND`), an unknown flag or an extra argument is refused
//! with the usage and exit status 2, and no command at all prints the usage
//! and exits 2. A command receives its options as one typed struct: adding a
//! flag is adding a field here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Maintainer commands for fc-codegen / fc-generated.
#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    arg_required_else_help = true,
    after_help = "`cargo xtask help COMMAND` or `cargo xtask COMMAND --help` describes one command."
)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// One maintainer command.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate spec/, rewrite the committed tables
    /// (fc-generated/src/generated/) where they changed, write the generated
    /// code readably to the target folder's codegen/, print a summary.
    ///
    /// The target folder is cargo's: `CARGO_TARGET_DIR` or `build.target-dir`
    /// when set, else target/ of the workspace.
    Codegen(CodegenOptions),
    /// Validate spec/ (or the spec folder DIR) and report every problem as
    /// the build does, exiting with 1 on a bad spec.
    ///
    /// For CI and pre-commit hooks. On top of the build's checks, an
    /// annotation that an import defaulted and nobody reviewed fails.
    Check(CheckOptions),
    /// What a spec change means for users, and the SemVer bump it needs.
    ///
    /// Prints the report on stdout. REV|DIR: an existing directory is a spec
    /// folder, anything else a git revision of the repository holding the
    /// current directory (`NAME^{commit}` forces a revision, `./NAME` a
    /// folder).
    SpecDiff(SpecDiffOptions),
    /// Read the documents (text exports or saved help-center pages) into
    /// spec/ (or DIR).
    ///
    /// Keeps the annotations of the current spec, writes only a spec that
    /// validates, and ends with the spec-diff summary line.
    Import(ImportOptions),
    /// Mutate the spec every way a docs bump can, and check spec-diff's bump
    /// against cargo-semver-checks' on the generated crate.
    ///
    /// Fails unless spec-diff is never weaker than the checker and every
    /// insertion, append and reorder is at most minor. Needs
    /// cargo-semver-checks; works under the target folder's semver-battery/.
    SemverBattery,
    /// Time a cold build of a consumer with fc-generated (default, and with
    /// the shipped tables) and without it, against the serde_yaml floor
    /// (when build.rs re-runs is pinned by fc-codegen's generated_crate
    /// test).
    ///
    /// Scratch crates and their target folders go under the target folder's
    /// bench-build/.
    BenchBuild(BenchBuildOptions),
    /// Time load, validate, generate and render on synthetic specs of 15,
    /// 1,000 and 10,000 regions + as many error codes.
    ///
    /// Synthetic specs go under the target folder's bench-codegen/.
    BenchCodegen(BenchCodegenOptions),
    /// Time reading the documents on large and hostile pages (tables of
    /// 20,000 rows, 300,000 nested elements, a million entities), each at
    /// two sizes, to show the growth is linear.
    ///
    /// Pages go under the target folder's bench-import/.
    BenchImport(BenchImportOptions),
}

/// `cargo xtask codegen [--check]`.
#[derive(Debug, Args)]
pub struct CodegenOptions {
    /// Write nothing; fail, naming the command to run, if the committed
    /// tables differ from what the generator makes of spec/ (for CI).
    #[arg(long)]
    pub check: bool,
}

/// `cargo xtask check [DIR]`.
#[derive(Debug, Args)]
pub struct CheckOptions {
    /// The spec folder to check (default: spec/ of the workspace).
    pub dir: Option<PathBuf>,
}

/// `cargo xtask spec-diff [--from REV|DIR] [--to REV|DIR] [--format FORMAT]`.
#[derive(Debug, Args)]
pub struct SpecDiffOptions {
    /// The old side (default: the merge-base of HEAD and main, or
    /// origin/main).
    #[arg(long, value_name = "REV|DIR")]
    pub from: Option<String>,
    /// The new side (default: the working tree's spec/).
    #[arg(long, value_name = "REV|DIR")]
    pub to: Option<String>,
    /// The report's format.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,
}

/// The format of the spec-diff report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people and PR comments.
    #[value(alias = "md")]
    Markdown,
    /// For machines, with stable field names.
    Json,
}

/// `cargo xtask import --en FILE... --zh FILE... [--spec DIR]`.
#[derive(Debug, Args)]
pub struct ImportOptions {
    /// The English documents: the API reference's text export, or the
    /// help-center pages saved from a browser ("Error codes", "Endpoints"),
    /// one file per page; give the flag once per file, or list the files.
    #[arg(long, value_name = "FILE", required = true, num_args = 1..)]
    pub en: Vec<PathBuf>,
    /// The Chinese documents, as `--en`.
    #[arg(long, value_name = "FILE", required = true, num_args = 1..)]
    pub zh: Vec<PathBuf>,
    /// The spec folder to write (default: spec/ of the workspace).
    #[arg(long = "spec", value_name = "DIR")]
    pub spec_dir: Option<PathBuf>,
}

/// `cargo xtask bench-build [--runs N] [--yaml-forks]`.
#[derive(Debug, Args)]
pub struct BenchBuildOptions {
    /// Cold builds of each consumer (the median is reported).
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = positive)]
    pub runs: usize,
    /// Also time the floor with serde_norway and with serde_yaml_ng in
    /// serde_yaml's place.
    #[arg(long)]
    pub yaml_forks: bool,
}

/// `cargo xtask bench-codegen [--runs N] [--compile]`.
#[derive(Debug, Args)]
pub struct BenchCodegenOptions {
    /// Runs of the pipeline on each size (the median is reported).
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = positive)]
    pub runs: usize,
    /// Also time compiling fc-generated with the largest spec.
    #[arg(long, conflicts_with = "bad")]
    pub compile: bool,
    /// Instead, time problem reports on 1,000, 10,000 and 100,000 bad entries.
    #[arg(long)]
    pub bad: bool,
}

/// `cargo xtask bench-import [--runs N]`.
#[derive(Debug, Args)]
pub struct BenchImportOptions {
    /// Reads of each page (the median is reported).
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = positive)]
    pub runs: usize,
}

/// A count of at least 1.
fn positive(text: &str) -> Result<usize, String> {
    match text.parse() {
        Ok(count) if count > 0 => Ok(count),
        _ => Err("expected a whole number of at least 1".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;
    use clap::CommandFactory;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("xtask").chain(args.iter().copied()))
    }

    #[test]
    fn declaration_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn runs_reads_both_spellings_and_defaults_to_three() {
        let runs = |args: &[&str]| match parse(args).map(|cli| cli.command) {
            Ok(Command::BenchBuild(options)) => options.runs,
            other => panic!("{other:?}"),
        };
        assert_eq!(runs(&["bench-build"]), 3);
        assert_eq!(runs(&["bench-build", "--runs", "5"]), 5);
        assert_eq!(runs(&["bench-build", "--runs=7"]), 7);
    }

    #[test]
    fn runs_refuses_zero_a_missing_value_and_a_misspelling() {
        let kind = |args: &[&str]| parse(args).map(|_| ()).unwrap_err().kind();
        assert_eq!(
            kind(&["bench-codegen", "--runs", "0"]),
            ErrorKind::ValueValidation
        );
        assert_eq!(kind(&["bench-codegen", "--runs"]), ErrorKind::InvalidValue);
        assert_eq!(
            kind(&["bench-build", "--run", "5"]),
            ErrorKind::UnknownArgument
        );
    }

    #[test]
    fn spec_diff_format_takes_md_for_markdown() {
        match parse(&["spec-diff", "--format", "md"]).map(|cli| cli.command) {
            Ok(Command::SpecDiff(options)) => assert_eq!(options.format, Format::Markdown),
            other => panic!("{other:?}"),
        }
    }
}
