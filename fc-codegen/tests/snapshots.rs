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
fn same_spec_gives_the_same_bytes() {
    let mut specs = vec![workspace_root().join("spec")];
    for name in ["one-region", "keyword-names", "unicode-and-quotes"] {
        specs.push(fixture(&format!("valid/{name}")));
    }
    for spec in specs {
        let first = fc_codegen::generate_dir(&spec).unwrap();
        for _ in 0..5 {
            let again = fc_codegen::generate_dir(&spec).unwrap();
            assert_eq!(render_compact(&first), render_compact(&again));
            assert_eq!(render_pretty(&first).ok(), render_pretty(&again).ok());
            assert_eq!(first.crate_docs, again.crate_docs);
        }
    }
}

/// The variants named by the rows of `const <rows>: &[..] = &[Row { <field>: Enum::Variant, .. }, ..]`,
/// in order: the order of `ALL`, which the runtime builds from the rows.
fn row_variants(file: &syn::File, rows: &str, field: &str) -> Vec<String> {
    let constant = file
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Const(constant) if constant.ident == rows => Some(constant),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no const {rows}"));
    let syn::Expr::Reference(reference) = &*constant.expr else {
        panic!("{rows} is not `&[..]`");
    };
    let syn::Expr::Array(array) = &*reference.expr else {
        panic!("{rows} is not `&[..]`");
    };
    array
        .elems
        .iter()
        .map(|element| {
            let syn::Expr::Struct(row) = element else {
                panic!("{rows} holds something other than struct literals");
            };
            let value = row
                .fields
                .iter()
                .find(|value| matches!(&value.member, syn::Member::Named(name) if name == field))
                .unwrap_or_else(|| panic!("a row of {rows} has no {field}"));
            match &value.expr {
                syn::Expr::Path(path) => path.path.segments.last().unwrap().ident.to_string(),
                _ => panic!("{rows}'s {field} is not a path"),
            }
        })
        .collect()
}

/// The real spec with its regions and error codes in reverse order, built
/// as a spec value and rendered by the spec writer.
fn reversed_spec() -> tempfile::TempDir {
    let mut spec = fc_codegen::load::load_dir(workspace_root().join("spec"))
        .unwrap()
        .spec;
    spec.regions.reverse();
    spec.errors.reverse();
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in fc_codegen::write::render_spec(&spec) {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn output_order_follows_spec_order() {
    let spec = workspace_root().join("spec");
    let reversed = reversed_spec();
    let forward: syn::File =
        syn::parse_str(&render_compact(&fc_codegen::generate_dir(&spec).unwrap())).unwrap();
    let backward: syn::File = syn::parse_str(&render_compact(
        &fc_codegen::generate_dir(reversed.path()).unwrap(),
    ))
    .unwrap();

    let loaded = fc_codegen::load::load_dir(&spec).unwrap();
    let valid = fc_codegen::validate::validate(&loaded).unwrap();
    let region_order: Vec<String> = valid.regions().map(|(_, name)| name.to_owned()).collect();
    let error_order: Vec<String> = valid.errors().map(|(_, name)| name.to_owned()).collect();
    assert_eq!(region_order.first().map(String::as_str), Some("CnHangzhou"));
    assert_eq!(
        row_variants(&forward, "REGION_ROWS", "region"),
        region_order
    );
    assert_eq!(
        row_variants(&forward, "ERROR_CODE_ROWS", "error_code"),
        error_order
    );

    let mut region_reversed = region_order;
    region_reversed.reverse();
    let mut error_reversed = error_order;
    error_reversed.reverse();
    assert_eq!(
        row_variants(&backward, "REGION_ROWS", "region"),
        region_reversed
    );
    assert_eq!(
        row_variants(&backward, "ERROR_CODE_ROWS", "error_code"),
        error_reversed
    );
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
