//! Reads a spec folder into the [`Spec`] model. With [`crate::decode`], the
//! only module that touches YAML.
//!
//! A spec folder holds exactly the files in [`SPEC_FILES`]. Each file is
//! read within bounds ([`read_bounded`]: a regular file of at most
//! [`MAX_SPEC_FILE_BYTES`]), checked by [`prescan`] (nesting, stray byte
//! order marks) and parsed on its own, so one run reports the problems of
//! every file; the decoder then reports every missing, unknown or mistyped
//! field of every entry, each placed on its line by [`LineIndex`].

use std::io::Read;
use std::path::{Path, PathBuf};

use serde_yaml::Value;

use crate::decode::{self, Decoder, Problem};
use crate::error::{SpecError, SpecErrors};
use crate::locate::LineIndex;
use crate::prescan;
use crate::spec::{ServiceSpec, Spec};

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
        .and_then(|(file, text)| parse_service(file, text, &mut errors));
    let region_specs = regions
        .as_ref()
        .and_then(|(file, text)| parse_list(file, text, "regions", Decoder::region, &mut errors));
    let error_specs = error_codes
        .as_ref()
        .and_then(|(file, text)| parse_list(file, text, "errors", Decoder::error, &mut errors));

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
    if names.iter().all(|name| !is_spec_like(name)) {
        errors.push(SpecError::new(
            dir,
            format!(
                "the spec folder holds no YAML file; expected {}",
                SPEC_FILES.join(", ")
            ),
        ));
        return;
    }
    for name in names.iter().filter(|name| is_spec_like(name)) {
        if !SPEC_FILES.contains(&name.as_str()) {
            let meant = match meant_spec_file(name) {
                Some(meant) => format!(" (did you mean {meant}? names are matched exactly)"),
                None => String::new(),
            };
            errors.push(SpecError::new(
                dir.join(name),
                format!(
                    "unexpected spec file{meant}; a spec folder holds {}",
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

/// A name that holds `.yaml` or `.yml` in any case (`Errors.YAML`,
/// `regions.yml`, `errors.yaml.orig`): a file that may have been meant as a
/// spec file, so it is refused rather than silently ignored, the same on a
/// case-sensitive file system as on one that is not.
fn is_spec_like(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.contains(".yaml") || lower.contains(".yml")
}

/// The spec file a near-miss name was probably meant as: the one whose stem
/// it starts with, in any case (`Errors.YAML`, `errors.yml.bak`: `errors.yaml`).
fn meant_spec_file(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    SPEC_FILES.into_iter().find(|file| {
        let stem = file.trim_end_matches("yaml");
        lower.starts_with(stem)
    })
}

fn read_file(path: &Path, errors: &mut Vec<SpecError>) -> Option<(SourceFile, String)> {
    let bytes = match read_bounded(path) {
        Ok(bytes) => bytes,
        Err(message) => {
            errors.push(SpecError::new(path, message));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            // YAML allows a byte order mark as the first character; one
            // anywhere else is refused by `prescan`, with its line.
            if text.starts_with('\u{FEFF}') {
                text.drain(..'\u{FEFF}'.len_utf8());
            }
            if let Some((line, message)) = prescan::problem(&text) {
                errors.push(SpecError::new(path, message).at_line(Some(line)));
                return None;
            }
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

/// The largest spec file read, in bytes: 16 MiB. Today's files are under
/// 8 KiB, so this is 2,000 times the real spec, and the benchmark's
/// synthetic specs (10,000 valid entries, 50,000 bad ones a file) fit; what
/// it stops is a spec file that is really a device or a runaway generator's
/// output, read into memory until the machine gives up.
pub const MAX_SPEC_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A spec file's bytes: only a regular file (a symlink to one is followed),
/// at most [`MAX_SPEC_FILE_BYTES`]. The file type is read from the metadata
/// before the file is opened, so a FIFO or a device is refused without
/// opening it (opening a FIFO would wait for a writer forever); the read
/// itself stops one byte past the limit, should the file grow meanwhile.
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    let not_regular = |metadata: &std::fs::Metadata| {
        (!metadata.is_file()).then(|| {
            format!(
                "not a regular file ({}); a spec file must be one",
                file_kind(metadata)
            )
        })
    };
    let metadata = std::fs::metadata(path).map_err(|error| format!("cannot read: {error}"))?;
    if let Some(problem) = not_regular(&metadata) {
        return Err(problem);
    }
    let too_big = || {
        format!(
            "larger than {MAX_SPEC_FILE_BYTES} bytes (MAX_SPEC_FILE_BYTES), the most a spec file may hold"
        )
    };
    if metadata.len() > MAX_SPEC_FILE_BYTES {
        return Err(too_big());
    }
    let file = std::fs::File::open(path).map_err(|error| format!("cannot read: {error}"))?;
    let opened = file
        .metadata()
        .map_err(|error| format!("cannot read: {error}"))?;
    if let Some(problem) = not_regular(&opened) {
        return Err(problem);
    }
    let mut bytes = Vec::new();
    file.take(MAX_SPEC_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| format!("cannot read: {error}"))?;
    if bytes.len() as u64 > MAX_SPEC_FILE_BYTES {
        return Err(too_big());
    }
    Ok(bytes)
}

/// What a path that is not a regular file is, for the report.
fn file_kind(metadata: &std::fs::Metadata) -> &'static str {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a file"
}

/// Reads `service.yaml`.
fn parse_service(
    file: &SourceFile,
    text: &str,
    errors: &mut Vec<SpecError>,
) -> Option<ServiceSpec> {
    let value = parse_value(file, text, None, errors)?;
    decode::service(&value)
        .map_err(|problems| {
            report_in_line_order(problems, errors, |problem| service_problem(file, problem))
        })
        .ok()
}

/// Reads a file holding one top-level key, `key`, whose value is a list;
/// every problem of every entry is reported.
fn parse_list<T>(
    file: &SourceFile,
    text: &str,
    key: &str,
    entry: fn(&mut Decoder, &Value, &[String]) -> Option<T>,
    errors: &mut Vec<SpecError>,
) -> Option<Vec<T>> {
    let value = parse_value(file, text, Some(key), errors)?;
    decode::list(&value, key, entry)
        .map_err(|problems| {
            report_in_line_order(problems, errors, |problem| {
                list_problem(file, key, &value, problem)
            })
        })
        .ok()
}

/// Adds a file's decode problems to `errors` in line order, as a reader goes
/// through the file; `report` places each one.
fn report_in_line_order(
    problems: Vec<Problem>,
    errors: &mut Vec<SpecError>,
    report: impl FnMut(Problem) -> SpecError,
) {
    let mut reports: Vec<SpecError> = problems.into_iter().map(report).collect();
    reports.sort_by_key(|report| report.line);
    errors.extend(reports);
}

/// A problem in `service.yaml`, named by its path (`documents.en.version`).
fn service_problem(file: &SourceFile, problem: Problem) -> SpecError {
    let line_at: Vec<&str> = problem.line_at.iter().map(String::as_str).collect();
    let line = (1..=line_at.len())
        .rev()
        .find_map(|len| file.lines.path_line(&line_at[..len]));
    let path: Vec<&str> = problem.at.iter().map(String::as_str).collect();
    let report = file.error(line, problem.message);
    if path.is_empty() {
        report
    } else {
        report.in_entry(path.join("."))
    }
}

/// A problem in a list file, named by its entry (`regions[7] (cn-hongkong)`)
/// and its path inside the entry.
fn list_problem(file: &SourceFile, key: &str, value: &Value, problem: Problem) -> SpecError {
    let index = problem
        .at
        .get(1)
        .and_then(|index| index.parse::<usize>().ok());
    let Some(index) = index else {
        let line = problem
            .line_at
            .first()
            .and_then(|top| file.lines.path_line(&[top]));
        return file.error(line, problem.message);
    };
    let inside: Vec<&str> = problem.at[2..].iter().map(String::as_str).collect();
    let line_at: Vec<&str> = problem.line_at.iter().skip(2).map(String::as_str).collect();
    let entry = value.get(key).and_then(|entries| entries.get(index));
    let label = entry.map_or_else(
        || format!("{key}[{index}]"),
        |entry| entry_label(key, index, entry),
    );
    let message = if inside.is_empty() {
        problem.message
    } else {
        format!("{}: {}", inside.join("."), problem.message)
    };
    file.error(file.lines.field_line(key, index, &line_at), message)
        .in_entry(label)
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
            let mut report = yaml_error(file, &error);
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

/// Turns a serde_yaml parse error into a report line.
fn yaml_error(file: &SourceFile, error: &serde_yaml::Error) -> SpecError {
    let line = error.location().map(|location| location.line());
    file.error(line, strip_location(&error.to_string()))
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
