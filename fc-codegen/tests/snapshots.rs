//! Pins the generated code: for the real spec (its committed copy under
//! `fc-generated/src/generated/`) and for small fixture specs.
//!
//! A spec change shows up as a diff of the committed copy in review, a
//! fixture change as a snapshot diff. Review new
//! snapshots with `cargo insta review` before committing them.

use std::path::{Path, PathBuf};

use fc_codegen::build_script::{output_files, COMMITTED_DIR};
use fc_codegen::render::{render_compact, render_pretty};

mod common;

fn workspace_root() -> PathBuf {
    common::manifest_dir().join("..")
}

fn fixture(name: &str) -> PathBuf {
    common::manifest_dir().join("tests/fixtures").join(name)
}

fn pretty(spec_dir: &Path) -> String {
    let generated = fc_codegen::generate_dir(spec_dir).unwrap_or_else(|errors| panic!("{errors}"));
    render_pretty(&generated).expect("the generator emits a Rust file")
}

/// The real spec's generated code and crate docs are pinned by the copy
/// committed under `fc-generated/src/generated/` (what fc-generated compiles
/// without feature `codegen`), not by a snapshot: one reviewed copy, and
/// this test keeps it equal to what the generator makes of `spec/`.
#[test]
fn committed_tables_are_what_the_generator_makes_of_the_spec() {
    let generated = fc_codegen::generate_dir(workspace_root().join("spec")).unwrap();
    let dir = workspace_root().join(COMMITTED_DIR);
    for (name, expected) in output_files(&generated) {
        let path = format!("{COMMITTED_DIR}/{name}");
        let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_else(|error| {
            panic!("cannot read {path} ({error}); run `cargo xtask codegen`")
        });
        if let Some(difference) = first_difference(&committed, &expected) {
            panic!(
                "{path} is stale: spec/ or the generator changed without regenerating it.\n\
                 Run `cargo xtask codegen` and commit the result.\n{difference}"
            );
        }
    }
}

/// Where `committed` first differs from `generated`, as a line number, a
/// column and a short excerpt of each around it (a generated line can be
/// long), or `None` if they are equal.
fn first_difference(committed: &str, generated: &str) -> Option<String> {
    if committed == generated {
        return None;
    }
    let (mut committed_lines, mut generated_lines) = (committed.split('\n'), generated.split('\n'));
    for line in 1.. {
        let (old, new) = (committed_lines.next(), generated_lines.next());
        if old == new {
            continue;
        }
        let (old_text, new_text) = (old.unwrap_or_default(), new.unwrap_or_default());
        let column = old_text
            .chars()
            .zip(new_text.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let excerpt = |line: Option<&str>| {
            line.map_or("<end of file>".to_owned(), |line| excerpt_at(line, column))
        };
        return Some(format!(
            "first difference at line {line}, column {}:\n  committed: {}\n  generated: {}",
            column + 1,
            excerpt(old),
            excerpt(new),
        ));
    }
    unreachable!("two different texts differ at some line")
}

/// Up to 40 characters either side of the character at `column`, with `…`
/// where the line goes on.
fn excerpt_at(line: &str, column: usize) -> String {
    let chars: Vec<char> = line.chars().collect();
    let start = column.saturating_sub(40);
    let end = (column + 40).min(chars.len());
    let mut text: String = chars[start..end].iter().collect();
    if start > 0 {
        text.insert(0, '…');
    }
    if end < chars.len() {
        text.push('…');
    }
    text
}

#[test]
fn a_stale_committed_file_is_reported_at_its_first_difference() {
    assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
    assert_eq!(
        first_difference("a\nbcd\n", "a\nbxd\n").unwrap(),
        "first difference at line 2, column 2:\n  committed: bcd\n  generated: bxd"
    );
    assert_eq!(
        first_difference("a", "a\nb").unwrap(),
        "first difference at line 2, column 1:\n  committed: <end of file>\n  generated: b"
    );
    let long = |middle: char| format!("{}{middle}{}", "x".repeat(100), "y".repeat(100));
    assert_eq!(
        first_difference(&long('1'), &long('2')).unwrap(),
        format!(
            "first difference at line 1, column 101:\n  committed: …{x}1{y}…\n  generated: …{x}2{y}…",
            x = "x".repeat(40),
            y = "y".repeat(39)
        )
    );
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

/// The entries of the table macro `table` (`crate::<table>! { const <Variant>: .. = ..; .. }`),
/// in order: the order of the variants and of `ALL`, which the macro builds
/// from the entries.
fn table_entries(file: &syn::File, table: &str) -> Vec<String> {
    let body = file
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Macro(item) if item.mac.path.segments.last().unwrap().ident == table => {
                Some(&item.mac.tokens)
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no {table}! invocation"));
    let body: syn::File = syn::parse2(body.clone()).expect("the table's entries are items");
    body.items
        .iter()
        .map(|item| match item {
            syn::Item::Const(row) => row.ident.to_string(),
            _ => panic!("{table}! holds something other than `const` rows"),
        })
        .collect()
}

fn real_spec() -> fc_codegen::spec::Spec {
    fc_codegen::load::load_dir(workspace_root().join("spec"))
        .unwrap()
        .spec
}

/// `spec` written by the spec writer into a new folder.
fn spec_dir_of(spec: &fc_codegen::spec::Spec) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in fc_codegen::write::render_spec(spec) {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// The real spec with its regions and error codes in reverse order.
fn reversed_spec() -> tempfile::TempDir {
    let mut spec = real_spec();
    spec.regions.reverse();
    spec.errors.reverse();
    spec_dir_of(&spec)
}

/// The lines `after` adds to `before`, when that is all it does and they
/// stand together; panics otherwise.
fn one_inserted_block<'a>(before: &str, after: &'a str) -> Vec<&'a str> {
    let (before, after): (Vec<&str>, Vec<&str>) =
        (before.lines().collect(), after.lines().collect());
    let prefix = before
        .iter()
        .zip(&after)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = before[prefix..]
        .iter()
        .rev()
        .zip(after[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    assert_eq!(
        prefix + suffix,
        before.len(),
        "the change does more than insert one block: first difference at line {}",
        prefix + 1
    );
    after[prefix..after.len() - suffix].to_vec()
}

/// Renders `spec` and asserts its pretty output is `before` with one block
/// inserted, holding exactly one entry, `const <variant>:`.
fn assert_one_entry_added(before: &str, spec: &fc_codegen::spec::Spec, variant: &str) {
    let after = pretty(spec_dir_of(spec).path());
    let block = one_inserted_block(before, &after);
    let entries: Vec<&&str> = block
        .iter()
        .filter(|line| line.contains("const "))
        .collect();
    assert_eq!(entries.len(), 1, "{block:#?}");
    assert!(
        entries[0].contains(&format!("const {variant}:")),
        "{block:#?}"
    );
}

#[test]
fn a_docs_bump_that_adds_one_entry_changes_one_block_of_the_pretty_output() {
    let before = pretty(&workspace_root().join("spec"));

    let mut spec = real_spec();
    let mut code = spec.errors[6].clone();
    code.code = "AddedCode".to_owned();
    spec.errors.insert(7, code);
    assert_one_entry_added(&before, &spec, "AddedCode");

    let mut spec = real_spec();
    let mut region = spec.regions[3].clone();
    region.id = "cn-added-1".to_owned();
    region.endpoint.public = "cn-added-1.fc.aliyuncs.com".to_owned();
    region.endpoint.internal = "cn-added-1-internal.fc.aliyuncs.com".to_owned();
    spec.regions.insert(4, region);
    assert_one_entry_added(&before, &spec, "CnAdded1");
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
    assert_eq!(table_entries(&forward, "region_table"), region_order);
    assert_eq!(table_entries(&forward, "error_code_table"), error_order);

    let mut region_reversed = region_order;
    region_reversed.reverse();
    let mut error_reversed = error_order;
    error_reversed.reverse();
    assert_eq!(table_entries(&backward, "region_table"), region_reversed);
    assert_eq!(table_entries(&backward, "error_code_table"), error_reversed);
}

#[test]
fn compact_and_pretty_renderings_are_the_same_rust() {
    // The build script writes the compact form; people review the pretty
    // one. Both must parse to the same file.
    let generated = fc_codegen::generate_dir(workspace_root().join("spec")).unwrap();
    let compact: syn::File = syn::parse_str(&render_compact(&generated)).unwrap();
    let pretty: syn::File = syn::parse_str(&render_pretty(&generated).unwrap()).unwrap();
    assert_eq!(formatted_items(compact), formatted_items(pretty));
}

/// Each item of `file` as prettyplease prints it; for a macro invocation,
/// its path and its body printed as items (prettyplease prints a macro body
/// as the tokens came, so the spacing of the tokens would show).
fn formatted_items(file: syn::File) -> Vec<String> {
    file.items
        .into_iter()
        .map(|item| match item {
            syn::Item::Macro(item) => {
                let body: syn::File = syn::parse2(item.mac.tokens.clone()).unwrap();
                let path = &item.mac.path.segments;
                let path: Vec<String> = path.iter().map(|part| part.ident.to_string()).collect();
                format!("{}!\n{}", path.join("::"), prettyplease::unparse(&body))
            }
            other => prettyplease::unparse(&syn::File {
                shebang: None,
                attrs: Vec::new(),
                items: vec![other],
            }),
        })
        .collect()
}
