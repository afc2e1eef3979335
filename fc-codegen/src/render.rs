//! Turns generated tokens into source text.
//!
//! [`render_compact`] is what the build script writes: the compiler reads it,
//! and it needs nothing beyond `proc-macro2`. [`render_pretty`] (feature
//! `pretty`) formats with prettyplease for people: snapshots and
//! `cargo xtask codegen`. Both start with the same header.

use crate::generate::Generated;

/// The header, then one item a line.
pub fn render_compact(generated: &Generated) -> String {
    let mut text = generated.header.clone();
    for item in &generated.items {
        text.push('\n');
        text.push_str(&item.to_string());
        text.push('\n');
    }
    text
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
        match syn::parse2::<syn::Item>(item.clone())? {
            syn::Item::Macro(table) => text.push_str(&pretty_table(&table.mac)?),
            other => text.push_str(&prettyplease::unparse(&file_of(other))),
        }
    }
    Ok(text)
}

/// `path! {`, the body's items formatted and indented, `}`.
#[cfg(feature = "pretty")]
fn pretty_table(table: &syn::Macro) -> Result<String, syn::Error> {
    let body: syn::File = syn::parse2(table.tokens.clone())?;
    let path: Vec<String> = table
        .path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    let mut text = format!("{}! {{\n", path.join("::"));
    let body = prettyplease::unparse(&body);
    let mut lines = body.lines().peekable();
    while let Some(line) = lines.next() {
        if !line.is_empty() {
            text.push_str("    ");
            text.push_str(line);
        }
        text.push('\n');
        // A blank line between entries: each ends with an unindented `};`.
        if line == "};" && lines.peek().is_some() {
            text.push('\n');
        }
    }
    text.push_str("}\n");
    Ok(text)
}

#[cfg(feature = "pretty")]
fn file_of(item: syn::Item) -> syn::File {
    syn::File {
        shebang: None,
        attrs: Vec::new(),
        items: vec![item],
    }
}
