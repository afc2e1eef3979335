//! The command line: `cargo xtask spec-diff [--from REV|DIR] [--to REV|DIR]
//! [--format markdown|json]`, printing the report on stdout.

use super::json::render_json;
use super::markdown::render_markdown;
use super::source::{default_from, default_to, load_side, Side};

const USAGE: &str =
    "cargo xtask spec-diff [--from REV|DIR] [--to REV|DIR] [--format markdown|json]";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Markdown,
    Json,
}

struct Options {
    from: Option<Side>,
    to: Option<Side>,
    format: Format,
}

/// Runs `spec-diff` with the arguments after the command name.
pub fn spec_diff(args: &[String]) -> Result<(), String> {
    let options = parse_options(args)?;
    let from = match options.from {
        Some(side) => side,
        None => default_from()?,
    };
    let to = match options.to {
        Some(side) => side,
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

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        from: None,
        to: None,
        format: Format::Markdown,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next().cloned())
                .ok_or_else(|| format!("{flag} needs a value\nusage: {USAGE}"))
        };
        match flag {
            "--from" => options.from = Some(Side::from_arg(&value()?)),
            "--to" => options.to = Some(Side::from_arg(&value()?)),
            "--format" => {
                options.format = match value()?.as_str() {
                    "markdown" | "md" => Format::Markdown,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format {other:?}: markdown or json")),
                }
            }
            other => return Err(format!("unknown argument {other:?}\nusage: {USAGE}")),
        }
    }
    Ok(options)
}
