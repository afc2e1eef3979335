//! Rustdoc text built from spec strings: escaped so that no spec text can
//! become Markdown, HTML or an intra-doc link, and the crate-level tables.

use std::fmt::Write;

use proc_macro2::TokenStream;
use quote::quote;

use crate::validate::{ValidSpec, ENDPOINT_DOMAIN};

/// Escapes text for Markdown so that it renders as exactly that text,
/// whatever it holds: no code block, heading, list, quote, table, link,
/// emphasis, HTML or intra-doc link can come out of it.
///
/// - Every ASCII punctuation character gets a backslash (CommonMark's
///   escape, valid before any of them): that covers every character that
///   starts Markdown structure or inline markup (`#`, `-`, `+`, `>`, `1.`,
///   `` ` ``, `~`, `|`, `[`, `<`, `&`, `*`, `_`, `=`, `:` of a URL, ...).
/// - Leading and trailing whitespace becomes numeric character references
///   (`&#32;`): four leading spaces would start an indented code block, and
///   trimming would change the text.
/// - Tabs and line breaks anywhere become references (`&#9;`, `&#10;`), so
///   a value stays on its line, table row or list item.
///
/// Rendered, the references and escapes are the original characters again.
///
/// ```
/// use fc_codegen::generate::markdown_text;
///
/// assert_eq!(markdown_text("    let x = 1"), "&#32;&#32;&#32;&#32;let x \\= 1");
/// assert_eq!(markdown_text("华东1（杭州）"), "华东1（杭州）");
/// ```
pub fn markdown_text(text: &str) -> String {
    let body = text.trim_matches(char::is_whitespace);
    let leading = &text[..text.len() - text.trim_start_matches(char::is_whitespace).len()];
    let trailing = &text[leading.len() + body.len()..];
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in leading.chars() {
        push_reference(&mut escaped, c);
    }
    for c in body.chars() {
        match c {
            '\t' | '\n' | '\r' => push_reference(&mut escaped, c),
            _ if c.is_ascii_punctuation() => {
                escaped.push('\\');
                escaped.push(c);
            }
            _ => escaped.push(c),
        }
    }
    for c in trailing.chars() {
        push_reference(&mut escaped, c);
    }
    escaped
}

/// `c` as a decimal character reference, `&#32;`.
fn push_reference(escaped: &mut String, c: char) {
    let _ = write!(escaped, "&#{};", u32::from(c));
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

/// The crate docs: where the data comes from, then one narrow table per
/// concern, in spec order, so each fits docs.rs's width: the regions and
/// their names, the error codes' status and retry class, and their causes.
/// The endpoints are not a column: the validator ties both to the id, so
/// the rule is stated once.
pub fn crate_docs(valid: &ValidSpec) -> String {
    let documents = &valid.spec().service.documents;
    let mut docs = String::new();
    let _ = writeln!(docs, "## Regions\n");
    let _ = writeln!(
        docs,
        "From the Function Compute API reference, English version {}, Chinese version {}. \
         Every region's endpoints derive from its id: `{{id}}.{ENDPOINT_DOMAIN}` on the public \
         network, `{{id}}-internal.{ENDPOINT_DOMAIN}` on the internal one \
         (see [`Region::endpoint`]).\n",
        documents.en.version, documents.zh.version
    );
    let regions = valid.regions().map(|(region, variant)| {
        [
            format!("[`{}`](Region::{variant})", region.id),
            markdown_text(&region.name.en),
            markdown_text(&region.name.zh),
        ]
    });
    table(&mut docs, ["Region", "English", "中文"], regions);

    let _ = writeln!(docs, "\n## Error codes\n");
    let statuses = valid.errors().map(|(error, variant)| {
        [
            format!("[`{}`](ErrorCode::{variant})", error.code),
            error.http_status.to_string(),
            (if error.annotation.retryable {
                "yes"
            } else {
                "no"
            })
            .to_owned(),
        ]
    });
    table(&mut docs, ["Code", "HTTP status", "Retryable¹"], statuses);
    let _ = writeln!(
        docs,
        "\n¹ The project's own classification; the documents do not say. \
         See [`ErrorCode::is_retryable`].\n"
    );

    let _ = writeln!(docs, "### Causes\n");
    let causes = valid.errors().map(|(error, _)| {
        [
            format!("`{}`", error.code),
            markdown_text(&error.cause.en),
            markdown_text(&error.cause.zh),
        ]
    });
    table(&mut docs, ["Code", "Cause", "错误原因"], causes);

    // The documents' message templates, where the spec has any.
    let templates: Vec<[String; 2]> = valid
        .errors()
        .filter_map(|(error, _)| {
            let message = error.message.as_deref()?;
            Some([format!("`{}`", error.code), markdown_text(message)])
        })
        .collect();
    if !templates.is_empty() {
        let _ = writeln!(
            docs,
            "\n### Messages\n\nWhat the service sends as the message, `%s` standing for values \
             from the request (see [`ErrorCode::message_template`]).\n"
        );
        table(&mut docs, ["Code", "Message"], templates.into_iter());
    }
    docs
}

/// A three-column Markdown table; cells are Markdown already.
fn table<const N: usize>(
    docs: &mut String,
    header: [&str; N],
    rows: impl Iterator<Item = [String; N]>,
) {
    let _ = writeln!(docs, "| {} |\n{}|", header.join(" | "), "|---".repeat(N));
    for row in rows {
        let _ = writeln!(docs, "| {} |", row.join(" | "));
    }
}
