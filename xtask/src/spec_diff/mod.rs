//! `cargo xtask spec-diff`: what a spec change means for the users of
//! `fc-generated`, and the SemVer bump it requires.
//!
//! The pipeline, one module a stage: [`source`] turns `REV|DIR` into a
//! validated spec, [`diff`] compares two specs entry by entry, [`semver`]
//! applies the bump rules (MAINTAINING.md, "Spec diffs and SemVer"), and
//! [`markdown`] and [`json`] render the report.
//!
//! Other commands (such as `cargo xtask import`) call [`diff`] and
//! [`summary_line`] to print the same one-line summary.

mod command;
mod json;
mod markdown;
mod semver;
mod source;

use std::collections::BTreeMap;

use serde::Serialize;

use fc_codegen::schema::{DiffField, Rule, Schema};
use fc_codegen::spec::{Documents, ErrorSpec, RegionSpec, Spec};

pub use fc_codegen::schema::FieldValue;

pub use command::spec_diff;
// `cargo xtask import` prints the summary.
pub use markdown::summary_line;
// `cargo xtask semver-battery` compares its verdicts with cargo-semver-checks'.
pub use semver::{required_bump, Bump};

/// Everything that differs between two specs, in the terms of the generated API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecDiff {
    /// The documents the old spec was transcribed from.
    pub old_documents: Documents,
    /// The documents the new spec was transcribed from.
    pub new_documents: Documents,
    /// Changes to `service.yaml`: documents, domain, error body.
    pub service: Vec<FieldChange>,
    /// Regions, matched by `id`.
    pub regions: ListDiff<RegionSpec>,
    /// Error codes, matched by `code`.
    pub errors: ListDiff<ErrorSpec>,
}

impl SpecDiff {
    /// Whether the two specs say the same thing to users (comments and
    /// formatting of the YAML are not compared).
    pub fn is_empty(&self) -> bool {
        self.service.is_empty() && self.regions.is_empty() && self.errors.is_empty()
    }
}

/// How one list (`Region::ALL` or `ErrorCode::ALL`) changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListDiff<T> {
    /// Entries only in the new spec, at their index in the new list.
    pub added: Vec<Placed<T>>,
    /// Entries only in the old spec, at their index in the old list.
    pub removed: Vec<Placed<T>>,
    /// Entries in both whose fields differ, in the new spec's order.
    pub changed: Vec<ChangedEntry>,
    /// Entries in both whose order relative to the others changed.
    pub moved: Vec<Moved>,
}

impl<T> ListDiff<T> {
    /// Nothing added, removed, changed or moved.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.moved.is_empty()
    }
}

/// An entry and its index in its list (`ALL[index]`); the JSON gives the
/// entry as the spec model serializes it (the YAML's field names), then the
/// index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Placed<T> {
    /// The entry.
    #[serde(flatten)]
    pub entry: T,
    /// The index in the list it belongs to, from 0.
    pub index: usize,
}

/// An entry present on both sides, with the fields that differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedEntry {
    /// The region id or the error code.
    pub key: String,
    /// The fields that differ, in spec field order.
    pub changes: Vec<FieldChange>,
}

/// An entry whose position relative to the entries on both sides changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Moved {
    /// The region id or the error code.
    pub key: String,
    /// Its index in the old list.
    pub old_index: usize,
    /// Its index in the new list.
    pub new_index: usize,
}

/// One field's old and new value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The field's path in its spec file (`endpoint.public`), as the report
    /// and the JSON name it.
    pub path: String,
    /// The SemVer rule its declaration in `fc_codegen::spec` gives.
    pub rule: Rule,
    /// Its value in the old spec.
    pub old: FieldValue,
    /// Its value in the new spec.
    pub new: FieldValue,
}

/// Compares two specs: regions by `id`, error codes by `code`, the service
/// file field by field.
///
/// A renamed entry is a removal and an addition: the key is the identity
/// users match on. Keys are unique in a validated spec; should one repeat,
/// its first entry is the one compared.
pub fn diff(old: &Spec, new: &Spec) -> SpecDiff {
    let Spec {
        service: old_service,
        regions: old_regions,
        errors: old_errors,
    } = old;
    let Spec {
        service: new_service,
        regions: new_regions,
        errors: new_errors,
    } = new;
    SpecDiff {
        old_documents: old_service.documents.clone(),
        new_documents: new_service.documents.clone(),
        service: changes(fields(old_service), fields(new_service)),
        regions: list_diff(old_regions, new_regions, |r| &r.id),
        errors: list_diff(old_errors, new_errors, |e| &e.code),
    }
}

/// A struct's compared fields, with their values and rules, in declaration
/// order; the key a list is matched on is not among them.
fn fields(value: &impl Schema) -> Vec<DiffField> {
    let mut fields = Vec::new();
    value.diff_fields(&mut Vec::new(), &mut fields);
    fields
}

/// The fields whose values differ between two lists of the same struct.
fn changes(old: Vec<DiffField>, new: Vec<DiffField>) -> Vec<FieldChange> {
    old.into_iter()
        .zip(new)
        .filter(|(old, new)| old.value != new.value)
        .map(|(old, new)| FieldChange {
            path: old.path,
            rule: old.rule,
            old: old.value,
            new: new.value,
        })
        .collect()
}

/// Matches two lists by key and sorts every entry into added, removed,
/// changed and moved.
fn list_diff<T: Clone + Schema>(old: &[T], new: &[T], key: impl Fn(&T) -> &String) -> ListDiff<T> {
    let old_index = first_index_by_key(old, &key);
    let new_index = first_index_by_key(new, &key);

    let placed = |list: &[T], index: usize| Placed {
        index,
        entry: list[index].clone(),
    };
    let removed = old_index
        .iter()
        .filter(|(k, _)| !new_index.contains_key(*k))
        .map(|(_, &index)| placed(old, index));
    let added = new_index
        .iter()
        .filter(|(k, _)| !old_index.contains_key(*k))
        .map(|(_, &index)| placed(new, index));

    // Pairs of (old index, new index) of the entries on both sides, in new order.
    let mut common: Vec<(usize, usize)> = new_index
        .iter()
        .filter_map(|(k, &n)| old_index.get(k).map(|&o| (o, n)))
        .collect();
    common.sort_by_key(|&(_, n)| n);

    let changed = common
        .iter()
        .filter_map(|&(o, n)| {
            let changes = changes(fields(&old[o]), fields(&new[n]));
            (!changes.is_empty()).then(|| ChangedEntry {
                key: key(&new[n]).clone(),
                changes,
            })
        })
        .collect();
    let moved = moved_entries(&common)
        .into_iter()
        .map(|(o, n)| Moved {
            key: key(&new[n]).clone(),
            old_index: o,
            new_index: n,
        })
        .collect();

    ListDiff {
        added: sorted_by_index(added),
        removed: sorted_by_index(removed),
        changed,
        moved,
    }
}

fn first_index_by_key<'a, T>(
    list: &'a [T],
    key: &impl Fn(&T) -> &String,
) -> BTreeMap<&'a str, usize> {
    let mut index = BTreeMap::new();
    for (position, entry) in list.iter().enumerate() {
        index.entry(key(entry).as_str()).or_insert(position);
    }
    index
}

fn sorted_by_index<T>(entries: impl Iterator<Item = Placed<T>>) -> Vec<Placed<T>> {
    let mut entries: Vec<Placed<T>> = entries.collect();
    entries.sort_by_key(|placed| placed.index);
    entries
}

/// The entries (given in new order as `(old index, new index)`) that are not
/// on the longest run keeping their old relative order: the fewest entries
/// whose moving explains the new order.
fn moved_entries(common: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let kept = longest_increasing_by_old_index(common);
    common
        .iter()
        .enumerate()
        .filter(|(position, _)| !kept.contains(position))
        .map(|(_, &pair)| pair)
        .collect()
}

/// Positions in `common` of a longest subsequence with increasing old
/// indexes. Quadratic, which is nothing for lists of tens of entries.
fn longest_increasing_by_old_index(common: &[(usize, usize)]) -> Vec<usize> {
    let mut length = vec![1usize; common.len()];
    let mut previous: Vec<Option<usize>> = vec![None; common.len()];
    for i in 0..common.len() {
        for j in 0..i {
            if common[j].0 < common[i].0 && length[j] + 1 > length[i] {
                length[i] = length[j] + 1;
                previous[i] = Some(j);
            }
        }
    }
    let mut best = (0..common.len()).max_by_key(|&i| (length[i], std::cmp::Reverse(i)));
    let mut kept = Vec::new();
    while let Some(i) = best {
        kept.push(i);
        best = previous[i];
    }
    kept.reverse();
    kept
}
