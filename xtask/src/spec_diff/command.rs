//! `cargo xtask spec-diff [--from REV|DIR] [--to REV|DIR] [--format
//! markdown|json]` (options declared in [`crate::cli`]), printing the report
//! on stdout.

use super::json::render_json;
use super::markdown::render_markdown;
use super::source::{default_from, default_to, load_side, Side};
use crate::cli::{Format, SpecDiffOptions};

/// Runs `spec-diff` with the command line's options.
pub fn spec_diff(options: &SpecDiffOptions) -> Result<(), String> {
    let from = match &options.from {
        Some(arg) => Side::from_arg(arg),
        None => default_from()?,
    };
    let to = match &options.to {
        Some(arg) => Side::from_arg(arg),
        None => default_to()?,
    };
    let old = load_side(&from)?;
    let new = load_side(&to)?;
    let diff = super::diff(&old.spec, &new.spec);
    let report = match options.format {
        Format::Markdown => render_markdown(&diff, &old.label, &new.label),
        Format::Json => render_json(&diff, &old.label, &new.label),
    };
    print!("{report}");
    Ok(())
}
