//! The report as JSON, for machines: the same facts as the Markdown, with
//! field names that stay stable (`format_version` changes if they do not).
//! Entries serialize through the spec model itself (`fc_codegen::spec`,
//! feature `write`), so the JSON names every field the YAML has, and a new
//! model field reaches the JSON without an edit here.
//!
//! The diff types are their own JSON: derived where the shape is the type's
//! (`Placed`, `Moved`, `FieldValue`), implemented here where the JSON adds
//! the bump each change requires.
//!
//! A CI step can read `bump` and fail a PR that needs a major bump without a
//! version change.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use fc_codegen::spec::{DocumentSpec, ErrorSpec, RegionSpec};

use super::markdown::summary_line;
use super::semver::{entry_bump, required_bump, Bump, Rule, ADDED, MOVED, REMOVED};
use super::{ChangedEntry, FieldChange, ListDiff, SpecDiff};

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
        regions: &diff.regions,
        error_codes: &diff.errors,
        service: &diff.service,
    };
    // Only strings, numbers, booleans and structs: serializing cannot fail.
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
    regions: &'a ListDiff<RegionSpec>,
    error_codes: &'a ListDiff<ErrorSpec>,
    service: &'a [FieldChange],
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

fn count<T>(list: &ListDiff<T>) -> Count {
    Count {
        added: list.added.len(),
        removed: list.removed.len(),
        changed: list.changed.len(),
        moved: list.moved.len(),
    }
}

/// A list entry's own fields, then the bump its kind of change requires.
#[derive(Serialize)]
struct Bumped<'a, T> {
    #[serde(flatten)]
    entry: &'a T,
    bump: Bump,
}

fn bumped<T>(entries: &[T], rule: Rule) -> Vec<Bumped<'_, T>> {
    let bump = rule.bump;
    entries.iter().map(|entry| Bumped { entry, bump }).collect()
}

impl<T: Serialize> Serialize for ListDiff<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut json = serializer.serialize_struct("ListDiff", 4)?;
        json.serialize_field("added", &bumped(&self.added, ADDED))?;
        json.serialize_field("removed", &bumped(&self.removed, REMOVED))?;
        json.serialize_field("changed", &self.changed)?;
        json.serialize_field("moved", &bumped(&self.moved, MOVED))?;
        json.end()
    }
}

/// The key, the strongest bump of its fields, then the fields.
impl Serialize for ChangedEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut json = serializer.serialize_struct("ChangedEntry", 3)?;
        json.serialize_field("key", &self.key)?;
        json.serialize_field("bump", &entry_bump(&self.changes))?;
        json.serialize_field("fields", &self.changes)?;
        json.end()
    }
}

/// The field's path, its rule, then the old and new value.
impl Serialize for FieldChange {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rule = self.rule;
        let mut json = serializer.serialize_struct("FieldChange", 5)?;
        json.serialize_field("field", &self.path)?;
        json.serialize_field("bump", &rule.bump)?;
        json.serialize_field("reason", rule.reason)?;
        json.serialize_field("old", &self.old)?;
        json.serialize_field("new", &self.new)?;
        json.end()
    }
}
