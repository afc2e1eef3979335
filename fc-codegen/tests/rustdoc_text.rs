//! Spec text reaches rustdoc as text, never as Markdown structure.
//!
//! Each case writes a spec whose every text field (every field its
//! declaration in `fc_codegen::spec` marks `text`: region names, causes,
//! solutions, the retry reason, and any added later) holds indentation and
//! Markdown syntax, runs
//! the generator, and reads the rustdoc it emits with pulldown-cmark, the
//! parser rustdoc uses, with rustdoc's options: the variant docs and the
//! crate-docs tables must hold exactly the blocks the generator writes, and
//! each spec string must come back as that block's text, character for
//! character. A code block there is what `cargo test --doc` would run.

use std::path::Path;

use fc_codegen::schema::Schema;
use fc_codegen::spec::Spec;
use fc_codegen::write::render_spec;
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

mod common;

/// The one-region fixture: one region, one error code.
fn fixture() -> Spec {
    let fixture = common::manifest_dir().join("tests/fixtures/valid/one-region");
    fc_codegen::load::load_dir(&fixture)
        .unwrap_or_else(|errors| panic!("{errors}"))
        .spec
}

/// How many text fields the fixture's region and error code have, as their
/// declarations say.
fn text_field_count() -> usize {
    let spec = fixture();
    let mut count = 0;
    let mut counter = |_: &[&str], _: &str| count += 1;
    spec.regions[0].visit_texts(&mut Vec::new(), &mut counter);
    spec.errors[0].visit_texts(&mut Vec::new(), &mut counter);
    count
}

/// Writes a valid spec into `dir`: the one-region fixture, loaded, with
/// `texts` in its text fields (the region's, then the error code's, in
/// declaration order), rendered by the spec writer. Returns that spec.
fn write_spec(dir: &Path, texts: &[String]) -> Spec {
    let mut spec = fixture();
    let mut texts = texts.iter();
    let mut fill = |path: &[&str], text: &mut String| {
        *text = texts
            .next()
            .unwrap_or_else(|| panic!("no text for {}", path.join(".")))
            .clone();
    };
    spec.regions[0].visit_texts_mut(&mut Vec::new(), &mut fill);
    spec.errors[0].visit_texts_mut(&mut Vec::new(), &mut fill);
    assert_eq!(texts.next(), None, "more texts than text fields");
    for (name, text) in render_spec(&spec) {
        std::fs::write(dir.join(name), text).unwrap();
    }
    spec
}

/// rustdoc's Markdown options (`main_body_opts` in rustdoc's `html::markdown`).
fn rustdoc_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

/// The text of each leaf block (paragraph, list item, table cell, heading)
/// of `markdown`, in order, with the inline code and bold the generator
/// writes itself flattened into text. Any other event, such as a code
/// block, link, HTML, emphasis or line break, fails the test: the generator
/// writes none of them around spec text.
fn leaf_blocks(markdown: &str, allowed_links: usize) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    let mut links = 0;
    for event in Parser::new_ext(markdown, rustdoc_options()) {
        match event {
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::Heading { .. }) => {
                current = Some(String::new())
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::Heading(_),
            ) => {
                blocks.extend(current.take());
            }
            Event::Start(
                Tag::List(None) | Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::Strong,
            )
            | Event::End(
                TagEnd::List(false)
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::Strong,
            ) => {}
            Event::Start(Tag::Link { .. }) => links += 1,
            Event::End(TagEnd::Link) => {}
            Event::Text(text) | Event::Code(text) => current
                .as_mut()
                .unwrap_or_else(|| panic!("text outside a block: {text:?}\n{markdown}"))
                .push_str(&text),
            other => panic!("unexpected Markdown {other:?} in:\n{markdown}"),
        }
    }
    assert_eq!(links, allowed_links, "links in:\n{markdown}");
    blocks
}

/// The rustdoc of each variant of `enum_name`, as rustdoc reads it: the
/// `#[doc]` fragments of its entry in the table macro (which puts them on
/// the variant) joined by line breaks, the common indent removed.
fn variant_docs(generated: &fc_codegen::generate::Generated, enum_name: &str) -> Vec<String> {
    let table = match enum_name {
        "Region" => "region_table",
        "ErrorCode" => "error_code_table",
        other => panic!("no table for {other}"),
    };
    let body = generated
        .items
        .iter()
        .filter_map(|tokens| syn::parse2::<syn::ItemMacro>(tokens.clone()).ok())
        .find(|item| item.mac.path.segments.last().unwrap().ident == table)
        .expect("the table is generated")
        .mac
        .tokens;
    let entries: syn::File = syn::parse2(body).expect("the table's entries are items");
    entries
        .items
        .iter()
        .map(|entry| {
            let syn::Item::Const(variant) = entry else {
                panic!("an entry of {table}! that is not a `const` row");
            };
            let lines: Vec<String> = variant
                .attrs
                .iter()
                .filter(|attr| attr.path().is_ident("doc"))
                .map(|attr| match &attr.meta {
                    syn::Meta::NameValue(syn::MetaNameValue {
                        value:
                            syn::Expr::Lit(syn::ExprLit {
                                lit: syn::Lit::Str(text),
                                ..
                            }),
                        ..
                    }) => text.value(),
                    _ => panic!("a doc attribute that is not a string"),
                })
                .collect();
            let indent = lines
                .iter()
                .filter(|line| !line.trim().is_empty())
                .map(|line| line.len() - line.trim_start().len())
                .min()
                .unwrap_or(0);
            lines
                .iter()
                .map(|line| line.get(indent..).unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

/// Checks every place the generator puts `texts` into rustdoc.
fn check_rustdoc(texts: &[String]) {
    let dir = tempfile::tempdir().unwrap();
    let spec = write_spec(dir.path(), texts);
    let (region, error) = (&spec.regions[0], &spec.errors[0]);
    let generated =
        fc_codegen::generate_dir(dir.path()).unwrap_or_else(|errors| panic!("{errors}"));

    let region_blocks = leaf_blocks(&variant_docs(&generated, "Region")[0], 0);
    assert_eq!(
        region_blocks,
        [
            format!("{} / {}", region.name.en, region.name.zh),
            "id: cn-hangzhou".to_owned(),
            "public endpoint: cn-hangzhou.fc.aliyuncs.com".to_owned(),
            "internal endpoint: cn-hangzhou-internal.fc.aliyuncs.com".to_owned(),
        ]
    );
    let error_blocks = leaf_blocks(&variant_docs(&generated, "ErrorCode")[0], 0);
    assert_eq!(
        error_blocks,
        [
            "HTTP 400 InvalidArgument".to_owned(),
            format!("Cause: {}", error.cause.en),
            format!("Solution: {}", error.solution.en),
            format!("错误原因： {}", error.cause.zh),
            format!("解决方案： {}", error.solution.zh),
            format!(
                "Retryable: no (project annotation: {})",
                error.annotation.reason
            ),
        ]
    );
    // Every text field reaches its variant's rustdoc as text, whichever
    // fields the declarations hold: a new one fails here until it does.
    assert_texts_in(region, &region_blocks);
    assert_texts_in(error, &error_blocks);

    // The crate docs: headings, the lead paragraph (with its link to
    // `Region::endpoint`), the tables, the footnote paragraph (its link).
    let blocks = leaf_blocks(&generated.crate_docs, 2);
    let cells: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let region_row = ["cn-hangzhou", &region.name.en, &region.name.zh];
    let cause_row = ["InvalidArgument", &error.cause.en, &error.cause.zh];
    assert!(
        cells.windows(3).any(|window| window == region_row),
        "region row missing: {cells:?}"
    );
    assert!(
        cells.windows(3).any(|window| window == cause_row),
        "cause row missing: {cells:?}"
    );
    assert_eq!(
        cells.len(),
        2 + 3 + 3 + 1 + 3 + 3 + 1 + 1 + 3 + 3,
        "{cells:?}"
    );
}

/// Every text field of `entry` is, character for character, inside one of
/// its variant's doc `blocks`.
fn assert_texts_in(entry: &impl Schema, blocks: &[String]) {
    entry.visit_texts(&mut Vec::new(), &mut |path, text| {
        assert!(
            blocks.iter().any(|block| block.contains(text)),
            "{} is not in the variant docs as text: {blocks:?}",
            path.join(".")
        );
    });
}

/// Pieces of Markdown, HTML and rustdoc syntax, and the indentation that
/// makes a code block.
const PIECES: &[&str] = &[
    "    ",
    "\t",
    "  ",
    "\n",
    "\r\n",
    "\n\n",
    "# ",
    "## ",
    "#",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "1) ",
    "> ",
    "```",
    "~~~",
    "```rust\n",
    "---",
    "===",
    "***",
    "|",
    "| a | b |",
    "|---|",
    "[a](b)",
    "[x]",
    "[x]: y",
    "[^1]",
    "![i](j)",
    "<b>",
    "</p>",
    "<!--",
    "-->",
    "<https://x.y>",
    "https://example.com/a_b",
    "a@b.co",
    "&amp;",
    "&#32;",
    "&",
    "`",
    "`code`",
    "*",
    "**",
    "_",
    "__",
    "~~",
    "\\",
    "\\n",
    "'",
    "\"",
    "--",
    "...",
    "(c)",
    "let x = 1;",
    "std::process::exit(42)",
    "fn main() {}",
    "x",
    "中文",
    "（上海）",
    "\u{3000}",
    "é",
    "😀",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..12)
        // The validator refuses a text that is only whitespace.
        .prop_map(|pieces| format!("{}x", pieces.concat()))
        .prop_flat_map(|text| {
            // Either way round: the letter first or last.
            prop_oneof![Just(text.clone()), Just(text.chars().rev().collect())]
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn markdown_and_indentation_in_any_text_field_stay_text(
        texts in prop::collection::vec(text(), text_field_count()),
    ) {
        check_rustdoc(&texts);
    }
}

#[test]
fn the_issues_examples_stay_text() {
    let examples = [
        "    let x = 1",
        "1; std::process::exit(42)",
        "\n    fn main() { std::process::exit(42) }",
        "```\nstd::process::exit(42)\n```",
        "# Heading\n- item\n> quote",
        "<script>alert(1)</script>",
        "[link](https://example.com) | cell | ",
    ];
    // As many texts as there are text fields, the examples in turn.
    let texts: Vec<String> = examples
        .iter()
        .cycle()
        .take(text_field_count().max(examples.len()))
        .map(|text| (*text).to_owned())
        .collect();
    check_rustdoc(&texts[..text_field_count()]);
}
