//! The benchmark commands and what only they need.
//!
//! - [`build`]: `cargo xtask bench-build`, what depending on `fc-generated`
//!   adds to a user's clean build.
//! - [`codegen`]: `cargo xtask bench-codegen`, the generator on synthetic
//!   specs of growing size ([`synthetic_spec`]).
//! - [`timing`]: wall clock and CPU time of a child process, and medians.
//!
//! Both write under cargo's target folder ([`crate::file_tree`]); neither
//! asserts behaviour, which the tests do (the build script's re-runs are
//! pinned by `fc-codegen/tests/generated_crate.rs`).

pub mod build;
pub mod codegen;
pub mod import;
mod synthetic_spec;
mod timing;
