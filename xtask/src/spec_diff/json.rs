//! The report as JSON, for machines: the same facts as the Markdown, with
//! field names that stay stable (`format_version` changes if they do not).
//! Entries serialize through the spec model itself (`fc_codegen::spec`,
//! feature `write`), so the JSON names every field the YAML has, and a new
//! model field reaches the JSON without an edit here.
//!
//! A CI step can read `bump` and fail a PR that needs a major bump without a
//! version change.

use serde::Serialize;

use fc_codegen::spec::{DocumentSpec, ErrorSpec, Localized, RegionSpec};

use super::markdown::summary_line;
use super::semver::{entry_bump, field_rule, required_bump, Bump, ADDED, MOVED, REMOVED};
use super::{ChangedEntry, FieldChange, FieldValue, ListDiff, Moved, Placed, SpecDiff};

/// The version of this JSON shape.
const FORMAT_VERSION: u32 = 2;

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
                old: &diff.old_documents.en,
                new: &diff.new_documents.en,
            },
            zh: DocumentChange {
                old: &diff.old_documents.zh,
                new: &diff.new_documents.zh,
            },
        },
        counts: Counts {
            regions: count(&diff.regions),
            error_codes: count(&diff.errors),
        },
        regions: list(&diff.regions),
        error_codes: list(&diff.errors),
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
    regions: List<'a, RegionSpec>,
    error_codes: List<'a, ErrorSpec>,
    service: Vec<FieldJson<'a>>,
}

#[derive(Serialize)]
struct DocumentsJson<'a> {
    en: DocumentChange<'a>,
    zh: DocumentChange<'a>,
}

#[derive(Serialize)]
struct DocumentChange<'a> {
    old: &'a DocumentSpec,
    new: &'a DocumentSpec,
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
struct List<'a, T> {
    added: Vec<PlacedJson<'a, T>>,
    removed: Vec<PlacedJson<'a, T>>,
    changed: Vec<ChangedJson<'a>>,
    moved: Vec<MovedJson<'a>>,
}

/// An added or removed entry as the spec model serializes it (the YAML's
/// field names), then its place and bump.
#[derive(Serialize)]
struct PlacedJson<'a, T> {
    #[serde(flatten)]
    entry: &'a T,
    index: usize,
    bump: Bump,
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

/// A string, a number, a boolean, or `{"en": .., "zh": ..}`.
#[derive(Serialize)]
#[serde(untagged)]
enum ValueJson<'a> {
    Text(&'a str),
    Localized(&'a Localized),
    Status(u16),
    Flag(bool),
}

fn count<T>(list: &ListDiff<T>) -> Count {
    Count {
        added: list.added.len(),
        removed: list.removed.len(),
        changed: list.changed.len(),
        moved: list.moved.len(),
    }
}

fn list<T>(list: &ListDiff<T>) -> List<'_, T> {
    List {
        added: list.added.iter().map(|p| placed(p, ADDED.bump)).collect(),
        removed: list
            .removed
            .iter()
            .map(|p| placed(p, REMOVED.bump))
            .collect(),
        changed: list.changed.iter().map(changed).collect(),
        moved: list.moved.iter().map(moved).collect(),
    }
}

fn placed<T>(placed: &Placed<T>, bump: Bump) -> PlacedJson<'_, T> {
    PlacedJson {
        index: placed.index,
        bump,
        entry: &placed.entry,
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
        FieldValue::Localized(text) => ValueJson::Localized(text),
        FieldValue::Status(status) => ValueJson::Status(*status),
        FieldValue::Flag(flag) => ValueJson::Flag(*flag),
    }
}
