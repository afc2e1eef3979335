//! The generator behind `fc-generated`.
//!
//! The public surface is the pipeline, one stage a module, read top to bottom:
//!
//! 1. [`load`]: read the YAML files of a spec folder into the [`spec`] model.
//! 2. [`validate`]: check the model and derive Rust names ([`ValidSpec`]).
//! 3. [`generate`]: turn a valid spec into Rust tokens and crate docs.
//! 4. [`render`]: turn tokens into text (compact for the compiler, pretty for people).
//! 5. [`build_script`]: the whole pipeline for a `build.rs`, writing into `OUT_DIR`.
//!
//! Every stage before [`generate`] reports problems as [`Diagnostics`]: all
//! of them at once, each naming the file, the line, the entry and the field
//! where known. The same type reports `cargo xtask import`'s problems in the
//! documents. `write` (feature `write`) renders the model back as YAML.
//! The rest ([`discriminant`], the report escaping in [`escape`]) is what a
//! user or a test may check the generated code and the reports against.
//!
//! ```
//! // Read at run time, as cargo sets it for build scripts and tests; a path
//! // compiled in with env!() names whichever checkout built the binary.
//! let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap();
//! let spec_dir = format!("{manifest_dir}/../spec");
//! let loaded = fc_codegen::load::load_dir(spec_dir).unwrap();
//! let valid = fc_codegen::validate::validate(&loaded).unwrap();
//! let generated = fc_codegen::generate::generate(&valid);
//! let text = fc_codegen::render::render_compact(&generated);
//! assert!(text.contains("\"cn-hangzhou\""));
//! ```
// docs.rs (`--cfg docsrs`, nightly): show on each item the features it
// needs; rustdoc's doc_cfg has done that by itself since doc_auto_cfg was
// folded into it.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod build_script;
mod decode;
pub mod diagnostic;
pub mod discriminant;
pub mod escape;
pub mod generate;
mod ident;
pub mod load;
mod locate;
mod prescan;
pub mod render;
pub mod rules;
pub mod schema;
pub mod spec;
pub mod validate;
#[cfg(feature = "write")]
pub mod write;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use validate::ValidSpec;

/// The generator's version, written into the header of every generated file.
pub const GENERATOR_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Loads, validates and generates a spec folder in one call.
///
/// This is the pipeline as [`build_script::run`] and `cargo xtask` use it.
pub fn generate_dir(
    spec_dir: impl AsRef<std::path::Path>,
) -> Result<generate::Generated, Diagnostics> {
    let loaded = load::load_dir(spec_dir)?;
    let valid = validate::validate(&loaded)?;
    Ok(generate::generate(&valid))
}

/// The README's example compiles as a doctest, so it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
