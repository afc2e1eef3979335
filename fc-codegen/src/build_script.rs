//! The pipeline for a build script: generate, write into `OUT_DIR`, tell
//! cargo when to run again, and on a bad spec print every problem and fail.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostics;
use crate::generate::Generated;
use crate::load::SPEC_FILES;
use crate::render::render_compact;

/// The generated Rust, for `include!(concat!(env!("OUT_DIR"), "/fc_generated.rs"))`.
pub const CODE_FILE: &str = "fc_generated.rs";
/// The generated crate docs, for `#![doc = include_str!(...)]`.
pub const DOCS_FILE: &str = "fc_generated.md";
/// Where the repository keeps the committed copy of [`output_files`],
/// relative to its root: what `fc-generated` compiles without its feature
/// `codegen`. `cargo xtask codegen` writes it; a test holds it equal.
pub const COMMITTED_DIR: &str = "fc-generated/src/generated";

/// The files the pipeline makes for a generated spec, by name: [`CODE_FILE`]
/// (the compact rendering) and [`DOCS_FILE`]. The build script writes them
/// into `OUT_DIR`, `cargo xtask codegen` into [`COMMITTED_DIR`]: the same
/// bytes either way.
pub fn output_files(generated: &Generated) -> [(&'static str, String); 2] {
    [
        (CODE_FILE, render_compact(generated)),
        (DOCS_FILE, generated.crate_docs.clone()),
    ]
}

/// Runs the pipeline on `spec_dir` from a build script.
///
/// Prints `cargo:rerun-if-changed` for the folder and each spec file, writes
/// [`CODE_FILE`] and [`DOCS_FILE`] into `OUT_DIR` (only when their content
/// changed), and on a bad spec prints the full report to stderr and exits
/// with status 1, without a panic or a backtrace.
pub fn run(spec_dir: impl AsRef<Path>) {
    let spec_dir = spec_dir.as_ref();
    println!("cargo:rerun-if-changed={}", spec_dir.display());
    for file in SPEC_FILES {
        println!("cargo:rerun-if-changed={}", spec_dir.join(file).display());
    }
    let Some(out_dir) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        fail("OUT_DIR is not set: run this from a build script");
    };
    match crate::generate_dir(spec_dir) {
        Ok(generated) => {
            for (name, text) in output_files(&generated) {
                if let Err(error) = write_if_changed(&out_dir.join(name), &text) {
                    fail(&format!("cannot write into {}: {error}", out_dir.display()));
                }
            }
        }
        Err(errors) => fail(&failure_report(&errors)),
    }
}

/// The text a failed build prints: a heading, every problem, the count.
///
/// `cargo xtask check` prints the same text, so a pre-commit hook and the
/// build read alike.
///
/// ```
/// use fc_codegen::{Diagnostic, Diagnostics};
///
/// let errors = Diagnostics(vec![Diagnostic::new("spec/errors.yaml", "missing spec file")]);
/// assert_eq!(
///     fc_codegen::build_script::failure_report(&errors),
///     "the FC spec has problems:\nerror: spec/errors.yaml: missing spec file\n1 problem in the spec",
/// );
/// ```
pub fn failure_report(errors: &Diagnostics) -> String {
    format!("the FC spec has problems:\n{errors}")
}

/// Writes `text` to `path` unless the file already holds exactly that, so an
/// unchanged spec leaves the file's timestamp alone.
pub fn write_if_changed(path: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    std::fs::write(path, text)
}

fn fail(message: &str) -> ! {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{message}");
    std::process::exit(1);
}
