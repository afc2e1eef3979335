//! Turns generated tokens into source text.
//!
//! [`render_compact`] is what the build script writes: the compiler reads it,
//! and it needs nothing beyond `proc-macro2`. [`render_pretty`] (feature
//! `pretty`) formats with prettyplease for people: snapshots and
//! `cargo xtask codegen`. Both start with the same header.

use proc_macro2::{Delimiter, Spacing, TokenTree};

use crate::generate::Generated;

/// The header, then one item a line, and a table macro's entries one a
/// line: an error the compiler finds in a row points at that row's line,
/// and a shipped copy of the output diffs by entry.
pub fn render_compact(generated: &Generated) -> String {
    let mut text = generated.header.clone();
    for item in &generated.items {
        text.push('\n');
        let tokens: Vec<TokenTree> = item.clone().into_iter().collect();
        match tokens.split_last() {
            // `path! { entry; entry; }`: a table.
            Some((TokenTree::Group(body), invocation))
                if body.delimiter() == Delimiter::Brace
                    && matches!(invocation.last(), Some(TokenTree::Punct(bang)) if bang.as_char() == '!') =>
            {
                push_tokens(&mut text, invocation.iter().cloned());
                text.push_str("{\n");
                push_tokens(&mut text, body.stream());
                text.push('}');
            }
            _ => text.push_str(&item.to_string()),
        }
        text.push('\n');
    }
    text
}

/// Writes `tokens` as `TokenStream`'s `Display` does (a space after each
/// token but a joint punctuation mark, so `::` stays one), with a line
/// break after each top-level `;`.
fn push_tokens(text: &mut String, tokens: impl IntoIterator<Item = TokenTree>) {
    for token in tokens {
        text.push_str(&token.to_string());
        match &token {
            TokenTree::Punct(punct) if punct.as_char() == ';' => text.push('\n'),
            TokenTree::Punct(punct) if punct.spacing() == Spacing::Joint => {}
            _ => text.push(' '),
        }
    }
}

/// The header, then the items formatted as `rustfmt` would.
///
/// prettyplease leaves a macro's body as a run of tokens; the bodies of the
/// table macros are items (one `const` row per entry), so they are formatted
/// as items and indented, one block per entry.
///
/// Fails only if the generator emitted tokens that are not a Rust file, which
/// is a bug in the generator, not in the spec.
#[cfg(feature = "pretty")]
pub fn render_pretty(generated: &Generated) -> Result<String, syn::Error> {
    let mut text = generated.header.clone();
    for item in &generated.items {
        text.push('\n');
        let item: syn::Item = syn::parse2(item.clone())?;
        match table(&item) {
            Some((path, entries)) => text.push_str(&pretty_table(&path, entries)),
            None => text.push_str(&prettyplease::unparse(&file_of(item))),
        }
    }
    Ok(text)
}

/// A table macro's path and entries: an item macro whose body parses as
/// items (a `compile_error!("..")` does not, and is printed as it is).
#[cfg(feature = "pretty")]
fn table(item: &syn::Item) -> Option<(String, syn::File)> {
    let syn::Item::Macro(table) = item else {
        return None;
    };
    let entries = syn::parse2(table.mac.tokens.clone()).ok()?;
    let path: Vec<String> = table
        .mac
        .path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    Some((path.join("::"), entries))
}

/// `path! {`, each entry formatted and indented, a blank line between two,
/// `}`.
#[cfg(feature = "pretty")]
fn pretty_table(path: &str, entries: syn::File) -> String {
    let entries: Vec<String> = entries
        .items
        .into_iter()
        .map(|entry| {
            let mut text = String::new();
            for line in prettyplease::unparse(&file_of(entry)).lines() {
                if !line.is_empty() {
                    text.push_str("    ");
                    text.push_str(line);
                }
                text.push('\n');
            }
            text
        })
        .collect();
    format!("{path}! {{\n{}}}\n", entries.join("\n"))
}

#[cfg(feature = "pretty")]
fn file_of(item: syn::Item) -> syn::File {
    syn::File {
        shebang: None,
        attrs: Vec::new(),
        items: vec![item],
    }
}

#[cfg(all(test, feature = "pretty"))]
mod tests {
    use quote::quote;

    use super::*;

    fn generated(items: Vec<proc_macro2::TokenStream>) -> Generated {
        Generated {
            header: "// header\n".to_owned(),
            items,
            crate_docs: String::new(),
            region_count: 0,
            error_count: 0,
        }
    }

    #[test]
    fn a_table_is_one_block_per_entry_and_other_macros_print_as_they_are() {
        let text = render_pretty(&generated(vec![
            quote! { crate::t! { const A: u8 = 1; const B: u8 = 2; } },
            quote! { compile_error!("a generator bug"); },
        ]))
        .unwrap();
        assert_eq!(
            text,
            "// header\n\ncrate::t! {\n    const A: u8 = 1;\n\n    const B: u8 = 2;\n}\n\
             \ncompile_error!(\"a generator bug\");\n"
        );
    }
}
