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
/// Fails only if the generator emitted tokens that are not a Rust file, which
/// is a bug in the generator, not in the spec.
#[cfg(feature = "pretty")]
pub fn render_pretty(generated: &Generated) -> Result<String, syn::Error> {
    let tokens: proc_macro2::TokenStream = generated.items.iter().cloned().collect();
    let file: syn::File = syn::parse2(tokens)?;
    Ok(format!(
        "{}\n{}",
        generated.header,
        prettyplease::unparse(&file)
    ))
}
