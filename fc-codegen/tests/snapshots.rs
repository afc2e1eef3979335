//! Pins the generated code: for the real spec and for small fixture specs.
//!
//! A spec change shows up here as a snapshot diff in review. Review new
//! snapshots with `cargo insta review` before committing them.

use std::path::{Path, PathBuf};

use fc_codegen::render::{render_compact, render_pretty};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn pretty(spec_dir: &Path) -> String {
    let generated = fc_codegen::generate_dir(spec_dir).unwrap_or_else(|errors| panic!("{errors}"));
    render_pretty(&generated).expect("the generator emits a Rust file")
}

#[test]
fn real_spec_generates_the_reviewed_code() {
    insta::assert_snapshot!("real_spec_code", pretty(&workspace_root().join("spec")));
}

#[test]
fn real_spec_generates_the_reviewed_crate_docs() {
    let generated = fc_codegen::generate_dir(workspace_root().join("spec")).unwrap();
    insta::assert_snapshot!("real_spec_crate_docs", generated.crate_docs);
}

#[test]
fn fixture_with_one_region_generates_the_reviewed_code() {
    insta::assert_snapshot!("one_region", pretty(&fixture("valid/one-region")));
}

#[test]
fn fixture_with_unicode_and_quotes_generates_the_reviewed_code() {
    insta::assert_snapshot!(
        "unicode_and_quotes",
        pretty(&fixture("valid/unicode-and-quotes"))
    );
}

#[test]
fn fixture_with_keyword_names_generates_the_reviewed_code() {
    insta::assert_snapshot!("keyword_names", pretty(&fixture("valid/keyword-names")));
}

#[test]
fn duplicate_id_and_bad_endpoint_are_both_reported_with_lines() {
    let errors = fc_codegen::generate_dir(fixture("invalid/duplicate-id-and-bad-endpoint"))
        .expect_err("the fixture is broken on purpose");
    let report = errors
        .to_string()
        .replace(env!("CARGO_MANIFEST_DIR"), "$CRATE");
    assert_eq!(errors.0.len(), 2, "{report}");
    insta::assert_snapshot!("duplicate_id_and_bad_endpoint", report);
}

#[test]
fn same_spec_gives_the_same_bytes() {
    let spec = workspace_root().join("spec");
    let first = fc_codegen::generate_dir(&spec).unwrap();
    for _ in 0..5 {
        let again = fc_codegen::generate_dir(&spec).unwrap();
        assert_eq!(render_compact(&first), render_compact(&again));
        assert_eq!(first.crate_docs, again.crate_docs);
    }
}

#[test]
fn compact_and_pretty_renderings_are_the_same_rust() {
    // The build script writes the compact form; people review the pretty
    // one. Both must parse to the same file.
    let generated = fc_codegen::generate_dir(workspace_root().join("spec")).unwrap();
    let compact: syn::File = syn::parse_str(&render_compact(&generated)).unwrap();
    let pretty: syn::File = syn::parse_str(&render_pretty(&generated).unwrap()).unwrap();
    assert_eq!(
        prettyplease::unparse(&compact),
        prettyplease::unparse(&pretty)
    );
}
