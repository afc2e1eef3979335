//! Spec text reaches rustdoc as text, never as Markdown structure.
//!
//! Each case writes a spec whose every text field (region names, causes,
//! solutions, the retry reason) holds indentation and Markdown syntax, runs
//! the generator, and reads the rustdoc it emits with pulldown-cmark, the
//! parser rustdoc uses, with rustdoc's options: the variant docs and the
//! crate-docs tables must hold exactly the blocks the generator writes, and
//! each spec string must come back as that block's text, character for
//! character. A code block there is what `cargo test --doc` would run.

use std::path::Path;

use fc_codegen::spec::Localized;
use fc_codegen::write::render_spec;
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

mod common;

/// The text fields of the generated spec: one region, one error code.
#[derive(Debug, Clone)]
struct Texts {
    name_en: String,
    name_zh: String,
    cause_en: String,
    cause_zh: String,
    solution_en: String,
    solution_zh: String,
    reason: String,
}

/// Writes a valid spec holding `texts` into `dir`: the one-region fixture,
/// loaded, with `texts` in its text fields, rendered by the spec writer.
fn write_spec(dir: &Path, texts: &Texts) {
    let fixture = common::manifest_dir().join("tests/fixtures/valid/one-region");
    let mut spec = fc_codegen::load::load_dir(&fixture)
        .unwrap_or_else(|errors| panic!("{errors}"))
        .spec;
    let (region, error) = (&mut spec.regions[0], &mut spec.errors[0]);
    region.name = Localized {
        en: texts.name_en.clone(),
        zh: texts.name_zh.clone(),
    };
    error.cause = Localized {
        en: texts.cause_en.clone(),
        zh: texts.cause_zh.clone(),
    };
    error.solution = Localized {
        en: texts.solution_en.clone(),
        zh: texts.solution_zh.clone(),
    };
    error.annotation.reason = texts.reason.clone();
    for (name, text) in render_spec(&spec) {
        std::fs::write(dir.join(name), text).unwrap();
    }
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
fn check_rustdoc(texts: &Texts) {
    let dir = tempfile::tempdir().unwrap();
    write_spec(dir.path(), texts);
    let generated =
        fc_codegen::generate_dir(dir.path()).unwrap_or_else(|errors| panic!("{errors}"));

    let region = variant_docs(&generated, "Region");
    assert_eq!(
        leaf_blocks(&region[0], 0),
        [
            format!("{} / {}", texts.name_en, texts.name_zh),
            "id: cn-hangzhou".to_owned(),
            "public endpoint: cn-hangzhou.fc.aliyuncs.com".to_owned(),
            "internal endpoint: cn-hangzhou-internal.fc.aliyuncs.com".to_owned(),
        ]
    );
    let error = variant_docs(&generated, "ErrorCode");
    assert_eq!(
        leaf_blocks(&error[0], 0),
        [
            "HTTP 400 InvalidArgument".to_owned(),
            format!("Cause: {}", texts.cause_en),
            format!("Solution: {}", texts.solution_en),
            format!("错误原因： {}", texts.cause_zh),
            format!("解决方案： {}", texts.solution_zh),
            format!("Retryable: no (project annotation: {})", texts.reason),
        ]
    );

    // The crate docs: headings, the lead paragraph (with its link to
    // `Region::endpoint`), the tables, the footnote paragraph (its link).
    let blocks = leaf_blocks(&generated.crate_docs, 2);
    let cells: Vec<&str> = blocks.iter().map(String::as_str).collect();
    let region_row = ["cn-hangzhou", &texts.name_en, &texts.name_zh];
    let cause_row = ["InvalidArgument", &texts.cause_en, &texts.cause_zh];
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
        name_en in text(), name_zh in text(), cause_en in text(), cause_zh in text(),
        solution_en in text(), solution_zh in text(), reason in text(),
    ) {
        check_rustdoc(&Texts { name_en, name_zh, cause_en, cause_zh, solution_en, solution_zh, reason });
    }
}

#[test]
fn the_issues_examples_stay_text() {
    check_rustdoc(&Texts {
        name_en: "    let x = 1".to_owned(),
        name_zh: "1; std::process::exit(42)".to_owned(),
        cause_en: "\n    fn main() { std::process::exit(42) }".to_owned(),
        cause_zh: "```\nstd::process::exit(42)\n```".to_owned(),
        solution_en: "# Heading\n- item\n> quote".to_owned(),
        solution_zh: "<script>alert(1)</script>".to_owned(),
        reason: "[link](https://example.com) | cell | ".to_owned(),
    });
}
