//! Rustdoc text built from spec strings: escaped so that no spec text can
//! become Markdown, HTML or an intra-doc link, and the crate-level tables.

use std::fmt::Write;

use proc_macro2::TokenStream;
use quote::quote;

use crate::validate::ValidSpec;

/// Escapes text for Markdown: ASCII punctuation that Markdown, rustdoc links
/// or HTML would read gets a backslash, and line breaks become spaces so a
/// value stays on its table row or list item.
pub fn markdown_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '~' | '!' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' | '\r' => escaped.push(' '),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// `#[doc]` attributes for `lines`, each non-empty line after a space, as
/// `///` comments would give.
pub fn doc_attrs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    });
    quote! { #(#[doc = #lines])* }
}

/// The crate docs: where the data comes from and a table of every region and
/// error code, in spec order.
pub fn crate_docs(valid: &ValidSpec) -> String {
    let documents = &valid.spec().service.documents;
    let mut docs = String::new();
    let _ = writeln!(docs, "## Regions\n");
    let _ = writeln!(
        docs,
        "From the Function Compute API reference, English version {}, Chinese version {}.\n",
        documents.en.version, documents.zh.version
    );
    let _ = writeln!(
        docs,
        "| Region | Id | English | 中文 | Public endpoint | Internal endpoint |"
    );
    let _ = writeln!(docs, "|---|---|---|---|---|---|");
    for (region, variant) in valid.regions() {
        let _ = writeln!(
            docs,
            "| [`{variant}`](Region::{variant}) | `{}` | {} | {} | `{}` | `{}` |",
            region.id,
            markdown_text(&region.name.en),
            markdown_text(&region.name.zh),
            region.endpoint.public,
            region.endpoint.internal,
        );
    }
    let _ = writeln!(docs, "\n## Error codes\n");
    let _ = writeln!(
        docs,
        "| Code | HTTP status | Retryable¹ | Cause | 错误原因 |"
    );
    let _ = writeln!(docs, "|---|---|---|---|---|");
    for (error, variant) in valid.errors() {
        let _ = writeln!(
            docs,
            "| [`{}`](ErrorCode::{variant}) | {} | {} | {} | {} |",
            error.code,
            error.http_status,
            if error.annotation.retryable {
                "yes"
            } else {
                "no"
            },
            markdown_text(&error.cause.en),
            markdown_text(&error.cause.zh),
        );
    }
    let _ = writeln!(
        docs,
        "\n¹ The project's own classification; the documents do not say. \
         See [`ErrorCode::is_retryable`]."
    );
    docs
}
