//! What several of fc-codegen's integration tests need.

use std::path::PathBuf;

/// fc-codegen's folder in the checkout being tested, as `cargo test` sets it
/// for the test process. Read at run time: a path compiled into the test
/// binary would name whichever checkout compiled it, when checkouts share a
/// target folder and cargo reuses the binary.
pub fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .expect("cargo test sets CARGO_MANIFEST_DIR")
}
