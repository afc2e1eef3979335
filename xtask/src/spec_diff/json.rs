//! The report as JSON, for machines: the same facts as the Markdown, with
//! field names that stay stable (`format_version` changes if they do not).
//!
//! A CI step can read `bump` and fail a PR that needs a major bump without a
//! version change.

use serde::Serialize;

use fc_codegen::spec::{DocumentSpec, ErrorSpec, Localized, RegionSpec};

use super::markdown::summary_line;
use super::semver::{entry_bump, field_rule, required_bump, Bump, ADDED, MOVED, REMOVED};
use super::{ChangedEntry, FieldChange, FieldValue, ListDiff, Moved, Placed, SpecDiff};

/// The version of this JSON shape.
const FORMAT_VERSION: u32 = 1;

/// The report, pretty-printed, ending in a newline.
pub fn render_json(diff: &SpecDiff, from: &str, to: &str) -> String {
    let report = Report {
        format_version: FORMAT_VERSION,
        from,
        to,
        summary: summary_line(diff),
        bump: required_bump(diff),
        documents: DocumentsJson {
            en: DocumentChange {
                old: document(&diff.old_documents.en),
                new: document(&diff.new_documents.en),
            },
            zh: DocumentChange {
                old: document(&diff.old_documents.zh),
                new: document(&diff.new_documents.zh),
            },
        },
        counts: Counts {
            regions: count(&diff.regions),
            error_codes: count(&diff.errors),
        },
        regions: list(&diff.regions, region),
        error_codes: list(&diff.errors, error_code),
        service: diff.service.iter().map(field).collect(),
    };
    // Only strings, numbers, booleans and derived structs: serializing cannot fail.
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

#[derive(Serialize)]
struct Report<'a> {
    format_version: u32,
    from: &'a str,
    to: &'a str,
    summary: String,
    bump: Bump,
    documents: DocumentsJson<'a>,
    counts: Counts,
    regions: List<'a, RegionJson<'a>>,
    error_codes: List<'a, ErrorCodeJson<'a>>,
    service: Vec<FieldJson<'a>>,
}

#[derive(Serialize)]
struct DocumentsJson<'a> {
    en: DocumentChange<'a>,
    zh: DocumentChange<'a>,
}

#[derive(Serialize)]
struct DocumentChange<'a> {
    old: DocumentJson<'a>,
    new: DocumentJson<'a>,
}

#[derive(Serialize)]
struct DocumentJson<'a> {
    title: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct Counts {
    regions: Count,
    error_codes: Count,
}

#[derive(Serialize)]
struct Count {
    added: usize,
    removed: usize,
    changed: usize,
    moved: usize,
}

#[derive(Serialize)]
struct List<'a, E> {
    added: Vec<E>,
    removed: Vec<E>,
    changed: Vec<ChangedJson<'a>>,
    moved: Vec<MovedJson<'a>>,
}

#[derive(Serialize)]
struct RegionJson<'a> {
    id: &'a str,
    index: usize,
    bump: Bump,
    name: LocalizedJson<'a>,
    endpoint: EndpointJson<'a>,
}

#[derive(Serialize)]
struct EndpointJson<'a> {
    public: &'a str,
    internal: &'a str,
}

#[derive(Serialize)]
struct ErrorCodeJson<'a> {
    code: &'a str,
    index: usize,
    bump: Bump,
    http_status: u16,
    cause: LocalizedJson<'a>,
    solution: LocalizedJson<'a>,
    retryable: bool,
    retry_reason: &'a str,
}

#[derive(Serialize)]
struct ChangedJson<'a> {
    key: &'a str,
    bump: Bump,
    fields: Vec<FieldJson<'a>>,
}

#[derive(Serialize)]
struct MovedJson<'a> {
    key: &'a str,
    old_index: usize,
    new_index: usize,
    bump: Bump,
}

#[derive(Serialize)]
struct FieldJson<'a> {
    field: &'static str,
    bump: Bump,
    reason: &'static str,
    old: ValueJson<'a>,
    new: ValueJson<'a>,
}

#[derive(Serialize)]
struct LocalizedJson<'a> {
    en: &'a str,
    zh: &'a str,
}

/// A string, a number, a boolean, or `{"en": .., "zh": ..}`.
#[derive(Serialize)]
#[serde(untagged)]
enum ValueJson<'a> {
    Text(&'a str),
    Localized(LocalizedJson<'a>),
    Status(u16),
    Flag(bool),
}

fn document(spec: &DocumentSpec) -> DocumentJson<'_> {
    DocumentJson {
        title: &spec.title,
        version: &spec.version,
    }
}

fn count<T>(list: &ListDiff<T>) -> Count {
    Count {
        added: list.added.len(),
        removed: list.removed.len(),
        changed: list.changed.len(),
        moved: list.moved.len(),
    }
}

fn list<'a, T, E>(list: &'a ListDiff<T>, entry: fn(&'a Placed<T>, Bump) -> E) -> List<'a, E> {
    List {
        added: list.added.iter().map(|p| entry(p, ADDED.bump)).collect(),
        removed: list
            .removed
            .iter()
            .map(|p| entry(p, REMOVED.bump))
            .collect(),
        changed: list.changed.iter().map(changed).collect(),
        moved: list.moved.iter().map(moved).collect(),
    }
}

fn region(placed: &Placed<RegionSpec>, bump: Bump) -> RegionJson<'_> {
    let region = &placed.entry;
    RegionJson {
        id: &region.id,
        index: placed.index,
        bump,
        name: localized(&region.name),
        endpoint: EndpointJson {
            public: &region.endpoint.public,
            internal: &region.endpoint.internal,
        },
    }
}

fn error_code(placed: &Placed<ErrorSpec>, bump: Bump) -> ErrorCodeJson<'_> {
    let error = &placed.entry;
    ErrorCodeJson {
        code: &error.code,
        index: placed.index,
        bump,
        http_status: error.http_status,
        cause: localized(&error.cause),
        solution: localized(&error.solution),
        retryable: error.annotation.retryable,
        retry_reason: &error.annotation.reason,
    }
}

fn changed(entry: &ChangedEntry) -> ChangedJson<'_> {
    ChangedJson {
        key: &entry.key,
        bump: entry_bump(&entry.changes),
        fields: entry.changes.iter().map(field).collect(),
    }
}

fn moved(moved: &Moved) -> MovedJson<'_> {
    MovedJson {
        key: &moved.key,
        old_index: moved.old_index,
        new_index: moved.new_index,
        bump: MOVED.bump,
    }
}

fn field(change: &FieldChange) -> FieldJson<'_> {
    let rule = field_rule(change.field);
    FieldJson {
        field: change.field.path(),
        bump: rule.bump,
        reason: rule.reason,
        old: value(&change.old),
        new: value(&change.new),
    }
}

fn value(value: &FieldValue) -> ValueJson<'_> {
    match value {
        FieldValue::Text(text) => ValueJson::Text(text),
        FieldValue::Localized(text) => ValueJson::Localized(localized(text)),
        FieldValue::Status(status) => ValueJson::Status(*status),
        FieldValue::Flag(flag) => ValueJson::Flag(*flag),
    }
}

fn localized(text: &Localized) -> LocalizedJson<'_> {
    LocalizedJson {
        en: &text.en,
        zh: &text.zh,
    }
}
