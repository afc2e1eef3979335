//! Reads a spec folder into the [`Spec`] model. With the decoder, the only
//! module that touches YAML.
//!
//! A spec folder holds exactly the files in [`SPEC_FILES`]. Each file is
//! read within bounds ([`read_text`]: a regular file of at most
//! [`MAX_SPEC_FILE_BYTES`]), checked for nesting deeper than
//! [`MAX_NESTING_DEPTH`] and stray byte order marks, and parsed on its own,
//! so one run reports the problems of every file. The decoder then reports
//! every missing, unknown or mistyped field of every entry; when it found
//! any, the values it could read are validated too
//! ([`crate::validate`]), so an empty text beside a mistyped status shows
//! in the same run.

use std::cell::OnceCell;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_norway::Value;

use crate::decode::{self, Decoded};
use crate::diagnostic::{Diagnostic, Diagnostics, Entry};
use crate::locate::{DuplicateKey, LineIndex};
use crate::prescan;
use crate::spec::Spec;
use crate::validate::{self, Mode, Unread};

pub use crate::prescan::MAX_NESTING_DEPTH;

/// The files of a spec folder, in the order they are read and reported.
pub const SPEC_FILES: [&str; 3] = ["service.yaml", "regions.yaml", "errors.yaml"];

/// The list each of [`SPEC_FILES`] holds and the field that names each of
/// its entries, for placing a problem in its entry; `service.yaml` holds
/// none.
const SPEC_LISTS: [Option<(&str, &str)>; 3] = [None, Some(REGIONS_LIST), Some(ERRORS_LIST)];

/// `regions.yaml`'s list key, and the field its entries are known by.
pub(crate) const REGIONS_LIST: (&str, &str) = ("regions", "id");

/// `errors.yaml`'s list key, and the field its entries are known by.
pub(crate) const ERRORS_LIST: (&str, &str) = ("errors", "code");

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

/// One spec file: where it is and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as it was given (relative paths stay relative in reports).
    pub path: PathBuf,
    /// The list the file holds and the field that names each entry
    /// ([`SPEC_LISTS`]).
    list: Option<(&'static str, &'static str)>,
    text: String,
    /// Line lookups over `text`, built the first time a problem needs a
    /// line: a spec without problems never pays for them.
    lines: OnceCell<LineIndex>,
}

impl SourceFile {
    fn new(path: &Path, list: Option<(&'static str, &'static str)>, text: String) -> Self {
        SourceFile {
            path: path.to_path_buf(),
            list,
            text,
            lines: OnceCell::new(),
        }
    }

    fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// A problem in this file about `field` of `entry` (from the top of the
    /// file without an entry), on the line that shows the field.
    pub(crate) fn problem(
        &self,
        entry: Option<Entry>,
        field: &[&str],
        message: impl Into<String>,
    ) -> Diagnostic {
        self.problem_shown_at(entry, field, field, message)
    }

    /// A problem about `field`, on the line of `shown_at` (a key under the
    /// field, say, or the mapping that lacks it).
    fn problem_shown_at(
        &self,
        entry: Option<Entry>,
        field: &[&str],
        shown_at: &[&str],
        message: impl Into<String>,
    ) -> Diagnostic {
        let line = self.line_of(entry.as_ref(), shown_at);
        Diagnostic::new(&self.path, message)
            .at_line(line)
            .at_field(field)
            .in_entry(entry)
    }

    /// The entry of the file's list that holds the 1-based `line`.
    fn entry_at_line(&self, line: usize) -> Option<Entry> {
        let (key, _) = self.list?;
        let index = self.lines().entry_at_line(key, line)?;
        Some(Entry::new(key, index, None))
    }

    /// The line of `path`: inside an entry the field's line, or the entry's
    /// when the field is not written there; from the top of the file the
    /// line of the deepest part of `path` that is found.
    pub(crate) fn line_of(&self, entry: Option<&Entry>, path: &[&str]) -> Option<usize> {
        match entry {
            Some(entry) => self.lines().field_line(entry.list, entry.index, path),
            None => (1..=path.len())
                .rev()
                .find_map(|len| self.lines().path_line(&path[..len])),
        }
    }
}

/// Reads `service.yaml`, `regions.yaml` and `errors.yaml` from `dir`.
///
/// Fails with every problem found: a missing or unexpected file, text that is
/// not UTF-8, YAML that does not parse, a duplicated key, for each entry a
/// missing, unknown or mistyped field, and what validation finds in the
/// values that could be read.
pub fn load_dir(dir: impl AsRef<Path>) -> Result<LoadedSpec, Diagnostics> {
    let dir = dir.as_ref();
    let mut errors = Vec::new();
    check_folder(dir, &mut errors);
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }

    // Every file is read before any is parsed: read problems come first.
    let [service, regions, error_codes] = std::array::from_fn(|file| {
        read_file(&dir.join(SPEC_FILES[file]), SPEC_LISTS[file], &mut errors)
    });
    let mut problems = Vec::new();
    let service = decode_file(service, decode::file, &mut errors, &mut problems);
    let regions = decode_file(
        regions,
        |value| decode::list(value, REGIONS_LIST.0),
        &mut errors,
        &mut problems,
    );
    let error_codes = decode_file(
        error_codes,
        |value| decode::list(value, ERRORS_LIST.0),
        &mut errors,
        &mut problems,
    );
    let (Some(service), Some(regions), Some(error_codes)) = (service, regions, error_codes) else {
        errors.extend(in_file_and_line_order(problems));
        return Err(Diagnostics(errors));
    };
    // Every file was read and parsed, so `errors` is empty.
    let loaded = LoadedSpec {
        spec: Spec {
            service: service.0.value,
            regions: regions.0.value,
            errors: error_codes.0.value,
        },
        service: service.1,
        regions: regions.1,
        errors: error_codes.1,
    };
    if problems.is_empty() {
        return Ok(loaded);
    }
    let unread = Unread {
        service: &service.0.gaps,
        regions: &regions.0.gaps,
        errors: &error_codes.0.gaps,
    };
    let checked = validate::check(&loaded, &unread, Mode::Build);
    problems.extend(checked.err().unwrap_or_default().0);
    Err(Diagnostics(in_file_and_line_order(problems)))
}

/// Problems as a reader meets them: file by file in [`SPEC_FILES`] order,
/// line by line in each (the sort is stable, so problems of one line keep
/// the order they were found in).
fn in_file_and_line_order(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.sort_by_key(|problem| {
        let name = problem.file.file_name().and_then(|name| name.to_str());
        let file = SPEC_FILES
            .iter()
            .position(|spec_file| Some(*spec_file) == name);
        (file, problem.line)
    });
    problems
}

/// The folder must exist and hold the spec files and no other YAML file, so
/// a file added under a new name is not silently ignored.
fn check_folder(dir: &Path, errors: &mut Vec<Diagnostic>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            errors.push(Diagnostic::new(
                dir,
                format!("cannot read the spec folder: {error}"),
            ));
            return;
        }
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| is_spec_like(name))
        .collect();
    names.sort();
    if names.is_empty() {
        errors.push(Diagnostic::new(
            dir,
            format!(
                "the spec folder holds no YAML file; expected {}",
                SPEC_FILES.join(", ")
            ),
        ));
        return;
    }
    for name in &names {
        if !SPEC_FILES.contains(&name.as_str()) {
            let meant = match meant_spec_file(name) {
                Some(meant) => format!(" (did you mean {meant}? names are matched exactly)"),
                None => String::new(),
            };
            errors.push(Diagnostic::new(
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
            errors.push(Diagnostic::new(dir.join(expected), "missing spec file"));
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

fn read_file(
    path: &Path,
    list: Option<(&'static str, &'static str)>,
    errors: &mut Vec<Diagnostic>,
) -> Option<SourceFile> {
    let mut text = match read_text(path, "a spec file") {
        Ok(text) => text,
        Err(problems) => {
            errors.extend(problems.0);
            return None;
        }
    };
    // YAML allows a byte order mark as the first character; one anywhere
    // else is refused by `prescan`, with its line.
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    if let Some((line, message)) = prescan::problem(&text) {
        errors.push(Diagnostic::at(path, line, message));
        return None;
    }
    Some(SourceFile::new(path, list, text))
}

/// The text of the file at `path`, read within bounds (a regular file of at
/// most [`MAX_SPEC_FILE_BYTES`], never a FIFO or a device; `what` names the
/// kind of file for the report, `a spec file`) and decoded as UTF-8, a bad
/// byte reported with its line and offset. Every spec file is read through
/// it, and `cargo xtask import` reads the documents through it.
pub fn read_text(path: &Path, what: &str) -> Result<String, Diagnostics> {
    let bytes = read_bounded(path, what).map_err(|message| Diagnostic::new(path, message))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let line = error.as_bytes()[..offset]
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count()
            + 1;
        Diagnostic::at(
            path,
            line,
            format!("not UTF-8: invalid byte at offset {offset}"),
        )
    })?;
    Ok(text)
}

/// The largest spec file read, in bytes: 16 MiB. Today's files are under
/// 8 KiB, so this is 2,000 times the real spec, and the benchmark's
/// synthetic specs (10,000 valid entries, 50,000 bad ones a file) fit; what
/// it stops is a spec file that is really a device or a runaway generator's
/// output, read into memory until the machine gives up.
pub const MAX_SPEC_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A file's bytes: only a regular file (a symlink to one is followed), at
/// most [`MAX_SPEC_FILE_BYTES`]; `what` names the kind of file in the
/// message. The file type is read from the metadata
/// before the file is opened, so a FIFO or a device is refused without
/// opening it (opening a FIFO would wait for a writer forever); the read
/// itself stops one byte past the limit, should the file grow meanwhile.
fn read_bounded(path: &Path, what: &str) -> Result<Vec<u8>, String> {
    let cannot_read = |error: std::io::Error| format!("cannot read: {error}");
    let too_big = || {
        format!(
            "larger than {MAX_SPEC_FILE_BYTES} bytes (MAX_SPEC_FILE_BYTES), the most {what} may hold"
        )
    };
    // Asked of the path before it is opened, and again of the file opened.
    let check = |metadata: std::fs::Metadata| {
        if !metadata.is_file() {
            let kind = file_kind(&metadata);
            Err(format!("not a regular file ({kind}); {what} must be one"))
        } else if metadata.len() > MAX_SPEC_FILE_BYTES {
            Err(too_big())
        } else {
            Ok(())
        }
    };
    check(std::fs::metadata(path).map_err(cannot_read)?)?;
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    check(file.metadata().map_err(cannot_read)?)?;
    let mut bytes = Vec::new();
    file.take(MAX_SPEC_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
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

/// Parses and decodes one file that was read: parse problems go to
/// `errors`, decode problems to `problems`, each in its entry of the file's
/// list where it has one, labelled with the
/// entry's id where the YAML holds one as text, and on the line of the key
/// the problem shows at.
fn decode_file<T>(
    file: Option<SourceFile>,
    decode: impl FnOnce(&Value) -> Decoded<T>,
    errors: &mut Vec<Diagnostic>,
    problems: &mut Vec<Diagnostic>,
) -> Option<(Decoded<T>, SourceFile)> {
    let file = file?;
    // Syntax and duplicate keys: serde_norway checks both when it builds a `Value`.
    let value = match serde_norway::from_str::<Value>(&file.text) {
        Ok(Value::Null) => {
            errors.push(file.problem(None, &[], "the file is empty"));
            return None;
        }
        Ok(value) => value,
        Err(error) => {
            errors.extend(parse_problems(&file, &error));
            return None;
        }
    };
    let decoded = decode(&value);
    problems.extend(decoded.problems.iter().map(|problem| {
        let entry = problem
            .entry
            .zip(file.list)
            .map(|(index, (key, id_field))| {
                let id = value[key][index].get(id_field).and_then(Value::as_str);
                Entry::new(key, index, id)
            });
        let mut shown_at = problem.field.clone();
        shown_at.extend(problem.key.as_deref());
        file.problem_shown_at(entry, &problem.field, &shown_at, &problem.message)
    }));
    Some((decoded, file))
}

/// Every duplicated key of a block mapping, with both lines, and serde_norway's
/// error unless it is one of them: serde_norway stops at the first problem and
/// places a duplicate at its mapping's start, which is how it is recognised.
fn parse_problems(file: &SourceFile, error: &serde_norway::Error) -> Vec<Diagnostic> {
    let duplicates = file.lines().duplicate_keys();
    let location = error
        .location()
        .map(|location| (location.line(), location.column()));
    let reported = location.is_some_and(|at| duplicates.iter().any(|dup| dup.mapping_start == at));
    let mut problems: Vec<Diagnostic> = duplicates
        .iter()
        .map(|duplicate| duplicate_key_problem(file, duplicate))
        .collect();
    if !reported {
        let (line, message) = match location {
            Some((line, column)) => (
                Some(line),
                error.to_string().replacen(
                    &format!(" at line {line} column {column}"),
                    &format!(" at column {column}"),
                    1,
                ),
            ),
            None => (None, error.to_string()),
        };
        // A problem serde_norway met while building values starts with the
        // path it was at (`regions[0].name: ...`), a syntax error does not.
        let entry = line
            .and_then(|line| file.entry_at_line(line))
            .filter(|entry| !message.starts_with(&entry.to_string()));
        problems.push(
            Diagnostic::new(&file.path, message)
                .at_line(line)
                .in_entry(entry),
        );
    }
    problems.sort_by_key(|problem| problem.line);
    problems
}

/// `regions.yaml:13: regions[1]: name: duplicate key `en`, first at line 12`.
fn duplicate_key_problem(file: &SourceFile, duplicate: &DuplicateKey) -> Diagnostic {
    let message = format!(
        "duplicate key `{}`, first at line {}",
        duplicate.key, duplicate.first_line
    );
    let in_list = file
        .list
        .is_some_and(|(key, _)| duplicate.path.first().is_some_and(|first| first == key));
    let entry = in_list
        .then(|| file.entry_at_line(duplicate.line))
        .flatten();
    let field = match entry {
        Some(_) => &duplicate.path[1..],
        None => &duplicate.path[..],
    };
    Diagnostic::new(&file.path, message)
        .at_line(Some(duplicate.line))
        .at_field(field)
        .in_entry(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_report(text: &str) -> Vec<String> {
        let file = SourceFile::new(Path::new("regions.yaml"), SPEC_LISTS[1], text.to_owned());
        let error = serde_norway::from_str::<Value>(text).unwrap_err();
        parse_problems(&file, &error)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_duplicate_key_is_reported_once_with_both_lines() {
        assert_eq!(
            parse_report("regions:\n  - id: a\n    id: b\n"),
            ["regions.yaml:3: regions[0]: duplicate key `id`, first at line 2"]
        );
    }

    #[test]
    fn a_syntax_error_does_not_hide_a_duplicate_key() {
        assert_eq!(
            parse_report("regions:\n  - name: [c\n  - id: a\n    id: b\n"),
            [
                // libyaml notices the open bracket where the next item starts.
                "regions.yaml:3: regions[1]: did not find expected ',' or ']' at column 7, \
                 while parsing a flow sequence at line 2 column 11",
                "regions.yaml:4: regions[1]: duplicate key `id`, first at line 3",
            ]
        );
    }

    #[test]
    fn a_duplicate_in_a_flow_mapping_keeps_the_parsers_report() {
        // The scan reads block mappings only; serde_norway names the path.
        assert_eq!(
            parse_report("regions:\n  - {id: a, id: b}\n"),
            ["regions.yaml:2: regions[0]: duplicate entry with key \"id\" at column 5"]
        );
    }
}
