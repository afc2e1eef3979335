//! Reads a spec folder into the [`Spec`] model. The only module that parses YAML.
//!
//! A spec folder holds exactly the files in [`SPEC_FILES`]. Each file is read
//! on its own, so one run reports the problems of every file; in the files
//! that hold a list, each entry is read on its own too, so one run reports
//! every broken entry, not just the first.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde_yaml::Value;

use crate::error::{SpecError, SpecErrors};
use crate::locate::LineIndex;
use crate::spec::{ErrorSpec, RegionSpec, ServiceSpec, Spec};

/// The files of a spec folder, in the order they are read and reported.
pub const SPEC_FILES: [&str; 3] = ["service.yaml", "regions.yaml", "errors.yaml"];

/// A spec with the text it came from, for locating problems in later stages.
#[derive(Debug, Clone)]
pub struct LoadedSpec {
    /// The model.
    pub spec: Spec,
    /// `service.yaml`.
    pub service: SourceFile,
    /// `regions.yaml`.
    pub regions: SourceFile,
    /// `errors.yaml`.
    pub errors: SourceFile,
}

/// One spec file: where it is and its lines.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as it was given (relative paths stay relative in reports).
    pub path: PathBuf,
    /// Line lookups over the file's text.
    pub lines: LineIndex,
}

impl SourceFile {
    /// A problem in this file at `line`.
    pub fn error(&self, line: Option<usize>, message: impl Into<String>) -> SpecError {
        SpecError::new(&self.path, message).at_line(line)
    }
}

/// Reads `service.yaml`, `regions.yaml` and `errors.yaml` from `dir`.
///
/// Fails with every problem found: a missing or unexpected file, text that is
/// not UTF-8, YAML that does not parse, a duplicated key, and for each entry
/// a missing, unknown or mistyped field.
pub fn load_dir(dir: impl AsRef<Path>) -> Result<LoadedSpec, SpecErrors> {
    let dir = dir.as_ref();
    let mut errors = Vec::new();
    check_folder(dir, &mut errors);
    if !errors.is_empty() {
        return Err(SpecErrors(errors));
    }

    let service = read_file(&dir.join(SPEC_FILES[0]), &mut errors);
    let regions = read_file(&dir.join(SPEC_FILES[1]), &mut errors);
    let error_codes = read_file(&dir.join(SPEC_FILES[2]), &mut errors);

    let service_spec = service
        .as_ref()
        .and_then(|(file, text)| parse_document::<ServiceSpec>(file, text, &mut errors));
    let region_specs = regions
        .as_ref()
        .and_then(|(file, text)| parse_list::<RegionSpec>(file, text, "regions", &mut errors));
    let error_specs = error_codes
        .as_ref()
        .and_then(|(file, text)| parse_list::<ErrorSpec>(file, text, "errors", &mut errors));

    match (
        service,
        regions,
        error_codes,
        service_spec,
        region_specs,
        error_specs,
    ) {
        (
            Some((service, _)),
            Some((regions, _)),
            Some((errors_file, _)),
            Some(service_spec),
            Some(region_specs),
            Some(error_specs),
        ) if errors.is_empty() => Ok(LoadedSpec {
            spec: Spec {
                service: service_spec,
                regions: region_specs,
                errors: error_specs,
            },
            service,
            regions,
            errors: errors_file,
        }),
        _ => Err(SpecErrors(errors)),
    }
}

/// The folder must exist and hold the spec files and no other YAML file, so
/// a file added under a new name is not silently ignored.
fn check_folder(dir: &Path, errors: &mut Vec<SpecError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(SpecError::new(
                dir,
                format!("cannot read the spec folder: {error}"),
            ));
            return;
        }
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    if names.iter().all(|name| !is_yaml(name)) {
        errors.push(SpecError::new(
            dir,
            format!(
                "the spec folder holds no YAML file; expected {}",
                SPEC_FILES.join(", ")
            ),
        ));
        return;
    }
    for name in names.iter().filter(|name| is_yaml(name)) {
        if !SPEC_FILES.contains(&name.as_str()) {
            errors.push(SpecError::new(
                dir.join(name),
                format!(
                    "unexpected spec file; a spec folder holds {}",
                    SPEC_FILES.join(", ")
                ),
            ));
        }
    }
    for expected in SPEC_FILES {
        if !names.iter().any(|name| name == expected) {
            errors.push(SpecError::new(dir.join(expected), "missing spec file"));
        }
    }
}

fn is_yaml(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

fn read_file(path: &Path, errors: &mut Vec<SpecError>) -> Option<(SourceFile, String)> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            errors.push(SpecError::new(path, format!("cannot read: {error}")));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => {
            let file = SourceFile {
                path: path.to_path_buf(),
                lines: LineIndex::new(&text),
            };
            Some((file, text))
        }
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&byte| byte == b'\n').count() + 1;
            errors.push(
                SpecError::new(
                    path,
                    format!(
                        "not UTF-8: invalid byte at offset {}",
                        error.utf8_error().valid_up_to()
                    ),
                )
                .at_line(Some(line)),
            );
            None
        }
    }
}

/// Parses a whole file as one value; serde_yaml stops at the first problem.
fn parse_document<T: DeserializeOwned>(
    file: &SourceFile,
    text: &str,
    errors: &mut Vec<SpecError>,
) -> Option<T> {
    parse_value(file, text, None, errors)?;
    match serde_yaml::from_str::<T>(text) {
        Ok(value) => Some(value),
        Err(error) => {
            errors.push(yaml_error(file, &error, 0, None));
            None
        }
    }
}

/// Parses a file holding one top-level key, `key`, whose value is a list,
/// entry by entry, so that every broken entry is reported.
fn parse_list<T: DeserializeOwned>(
    file: &SourceFile,
    text: &str,
    key: &str,
    errors: &mut Vec<SpecError>,
) -> Option<Vec<T>> {
    let value = parse_value(file, text, Some(key), errors)?;
    let Value::Mapping(mapping) = value else {
        errors.push(file.error(Some(1), format!("expected a mapping with the key `{key}`")));
        return None;
    };
    let mut ok = true;
    for other in mapping.keys().filter(|name| name.as_str() != Some(key)) {
        let name = other
            .as_str()
            .map_or_else(|| format!("{other:?}"), str::to_owned);
        errors.push(file.error(
            file.lines.path_line(&[&name]),
            format!("unknown top-level key `{name}`, expected only `{key}`"),
        ));
        ok = false;
    }
    let Some(entries) = mapping.get(key) else {
        errors.push(file.error(None, format!("missing top-level key `{key}`")));
        return None;
    };
    let Value::Sequence(entries) = entries else {
        errors.push(file.error(
            file.lines.path_line(&[key]),
            format!("`{key}` must be a list"),
        ));
        return None;
    };
    let mut parsed = Vec::with_capacity(entries.len());
    for (index, entry) in entries.iter().enumerate() {
        match serde_yaml::from_value::<T>(entry.clone()) {
            Ok(value) => parsed.push(value),
            Err(error) => {
                errors.push(entry_error::<T>(file, key, index, entry, &error));
                ok = false;
            }
        }
    }
    ok.then_some(parsed)
}

/// Syntax and duplicate keys: serde_yaml checks both when it builds a `Value`.
/// In a file holding the list `list_key`, the report names the entry that
/// holds the line.
fn parse_value(
    file: &SourceFile,
    text: &str,
    list_key: Option<&str>,
    errors: &mut Vec<SpecError>,
) -> Option<Value> {
    match serde_yaml::from_str::<Value>(text) {
        Ok(Value::Null) => {
            errors.push(file.error(None, "the file is empty"));
            None
        }
        Ok(value) => Some(value),
        Err(error) => {
            let mut report = yaml_error(file, &error, 0, None);
            // serde_yaml puts a duplicated key at its mapping's first line, or
            // at none: the repetition itself is the line to fix.
            if let Some(line) = duplicate_key_line(file, &report.message) {
                report.line = Some(line);
            }
            if let (Some(key), Some(line)) = (list_key, report.line) {
                if let Some(index) = file.lines.entry_at_line(key, line) {
                    let entry = format!("{key}[{index}]");
                    report.message = strip_entry_path(&report.message, &entry);
                    report = report.in_entry(entry);
                }
            }
            errors.push(report);
            None
        }
    }
}

/// serde_yaml names a duplicated key, after the path of its mapping.
fn duplicate_key_line(file: &SourceFile, message: &str) -> Option<usize> {
    let (_, key) = message.split_once("duplicate entry with key \"")?;
    let key = key.split('"').next()?;
    file.lines.duplicate_key_line(key)
}

/// `regions[1].name: duplicate ...` in the entry `regions[1]` reads
/// `name: duplicate ...`.
fn strip_entry_path(message: &str, entry: &str) -> String {
    match message.strip_prefix(entry) {
        Some(rest) if rest.starts_with('.') => rest[1..].to_owned(),
        Some(rest) if rest.starts_with(": ") => rest[2..].to_owned(),
        _ => message.to_owned(),
    }
}

/// Reports a broken entry. The value-level error has neither path nor line,
/// so the entry's own text is parsed again to get both.
fn entry_error<T: DeserializeOwned>(
    file: &SourceFile,
    key: &str,
    index: usize,
    entry: &Value,
    value_error: &serde_yaml::Error,
) -> SpecError {
    let label = entry_label(key, index, entry);
    if let Some(span) = file.lines.entry_span(key, index) {
        let snippet = file.lines.text_of(span);
        if let Err(error) = serde_yaml::from_str::<Vec<T>>(&snippet) {
            return yaml_error(file, &error, span.0, Some(label));
        }
    }
    // The text parser reads a plain `70000` as a string where the value
    // parser does not, so the snippet parsed and only the message is left:
    // it quotes the value, which points at the line when only one holds it.
    let message = strip_location(&value_error.to_string());
    let line = quoted_value(&message)
        .and_then(|value| file.lines.unique_value_line(key, index, value))
        .or_else(|| file.lines.entry_line(key, index));
    file.error(line, message).in_entry(label)
}

/// `70000` in "invalid type: integer `70000`, expected a string".
fn quoted_value(message: &str) -> Option<&str> {
    let (_, rest) = message.split_once('`')?;
    let (value, _) = rest.split_once('`')?;
    Some(value)
}

/// `regions[7] (cn-hongkong)`: the index and, where the entry has one, its id.
pub(crate) fn entry_label(key: &str, index: usize, entry: &Value) -> String {
    let id = ["id", "code"]
        .iter()
        .find_map(|field| entry.get(field).and_then(Value::as_str));
    match id {
        Some(id) => format!("{key}[{index}] ({id})"),
        None => format!("{key}[{index}]"),
    }
}

/// Turns a serde_yaml error into a report line, moving its line by
/// `line_offset` (for snippets) and its `[0].field` path into the message.
fn yaml_error(
    file: &SourceFile,
    error: &serde_yaml::Error,
    line_offset: usize,
    entry: Option<String>,
) -> SpecError {
    let line = error
        .location()
        .map(|location| location.line() + line_offset);
    let mut message = strip_location(&error.to_string());
    if entry.is_some() {
        // The snippet is a one-item list: its path starts with `[0]`, or
        // `.[0]` in the serde_yaml versions that root paths at `.`.
        let relative = message.strip_prefix('.').unwrap_or(&message);
        if let Some(rest) = relative.strip_prefix("[0].") {
            message = rest.to_owned();
        } else if let Some(rest) = relative.strip_prefix("[0]: ") {
            message = rest.to_owned();
        }
    }
    let report = file.error(line, message);
    match entry {
        Some(entry) => report.in_entry(entry),
        None => report,
    }
}

/// Drops serde_yaml's ` at line L column C`: the report puts the line in
/// front, and in a snippet the line would be the snippet's. The column stays.
fn strip_location(message: &str) -> String {
    let Some(at) = message.find(" at line ") else {
        return message.to_owned();
    };
    let rest = &message[at + " at line ".len()..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after_line = &rest[digits..];
    match after_line.strip_prefix(" column ") {
        Some(column) if digits > 0 => {
            let column_digits = column.bytes().take_while(u8::is_ascii_digit).count();
            let tail = &column[column_digits..];
            if tail.is_empty() {
                message[..at].to_owned()
            } else {
                format!(
                    "{} at column {}{tail}",
                    &message[..at],
                    &column[..column_digits]
                )
            }
        }
        _ => message.to_owned(),
    }
}
