//! `cargo xtask spec-diff`: what a spec change means for the users of
//! `fc-generated`, and the SemVer bump it requires.
//!
//! The pipeline, one module a stage: [`source`] turns `REV|DIR` into a
//! validated spec, [`diff`] compares two specs entry by entry, [`semver`]
//! applies the bump rules (README, "Spec diffs and SemVer"), and
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

use fc_codegen::spec::{Documents, ErrorSpec, Localized, RegionSpec, ServiceSpec, Spec};

pub use command::spec_diff;
// `cargo xtask import` prints the summary.
pub use markdown::summary_line;

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

/// An entry and its index in its list (`ALL[index]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed<T> {
    /// The index in the list it belongs to, from 0.
    pub index: usize,
    /// The entry.
    pub entry: T,
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// Which field.
    pub field: Field,
    /// Its value in the old spec.
    pub old: FieldValue,
    /// Its value in the new spec.
    pub new: FieldValue,
}

/// A field that can change; the SemVer rules are keyed on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// `documents.en.title` (`doc_title(Lang::En)`).
    DocumentTitleEn,
    /// `documents.en.version` (`doc_version(Lang::En)`).
    DocumentVersionEn,
    /// `documents.zh.title`.
    DocumentTitleZh,
    /// `documents.zh.version`.
    DocumentVersionZh,
    /// `domain.format` (`DOMAIN_FORMAT`).
    DomainFormat,
    /// `domain.example.account_id` (`DOMAIN_EXAMPLE_ACCOUNT_ID`).
    DomainExampleAccountId,
    /// `domain.example.region` (`DOMAIN_EXAMPLE_REGION`).
    DomainExampleRegion,
    /// `domain.example.host` (`DOMAIN_EXAMPLE_HOST`).
    DomainExampleHost,
    /// `error_body.code_field` (`ERROR_CODE_FIELD`).
    ErrorBodyCode,
    /// `error_body.message_field` (`ERROR_MESSAGE_FIELD`).
    ErrorBodyMessage,
    /// A region's `name` (`Region::name`).
    RegionName,
    /// A region's `endpoint.public` (`Region::endpoint(Network::Public)`).
    EndpointPublic,
    /// A region's `endpoint.internal` (`Region::endpoint(Network::Internal)`).
    EndpointInternal,
    /// An error code's `http_status` (`ErrorCode::http_status`).
    HttpStatus,
    /// An error code's `cause` (`ErrorCode::cause`).
    Cause,
    /// An error code's `solution` (`ErrorCode::solution`).
    Solution,
    /// An error code's `annotation.retryable` (`ErrorCode::is_retryable`).
    Retryable,
    /// An error code's `annotation.reason` (the rustdoc of the variant).
    RetryReason,
}

impl Field {
    /// The field's path in its spec file, as the report and the JSON name it.
    pub fn path(self) -> &'static str {
        match self {
            Field::DocumentTitleEn => "documents.en.title",
            Field::DocumentVersionEn => "documents.en.version",
            Field::DocumentTitleZh => "documents.zh.title",
            Field::DocumentVersionZh => "documents.zh.version",
            Field::DomainFormat => "domain.format",
            Field::DomainExampleAccountId => "domain.example.account_id",
            Field::DomainExampleRegion => "domain.example.region",
            Field::DomainExampleHost => "domain.example.host",
            Field::ErrorBodyCode => "error_body.code_field",
            Field::ErrorBodyMessage => "error_body.message_field",
            Field::RegionName => "name",
            Field::EndpointPublic => "endpoint.public",
            Field::EndpointInternal => "endpoint.internal",
            Field::HttpStatus => "http_status",
            Field::Cause => "cause",
            Field::Solution => "solution",
            Field::Retryable => "annotation.retryable",
            Field::RetryReason => "annotation.reason",
        }
    }
}

/// A field's value: localized text keeps both languages, so a reviewer sees
/// the language that did not change beside the one that did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    /// A plain string.
    Text(String),
    /// A text in English and Chinese.
    Localized(Localized),
    /// An HTTP status.
    Status(u16),
    /// A yes/no annotation.
    Flag(bool),
}

/// Compares two specs: regions by `id`, error codes by `code`, the service
/// file field by field.
///
/// A renamed entry is a removal and an addition: the key is the identity
/// users match on. Keys are unique in a validated spec; should one repeat,
/// its first entry is the one compared.
pub fn diff(old: &Spec, new: &Spec) -> SpecDiff {
    SpecDiff {
        old_documents: old.service.documents.clone(),
        new_documents: new.service.documents.clone(),
        service: service_changes(&old.service, &new.service),
        regions: list_diff(&old.regions, &new.regions, |r| &r.id, region_changes),
        errors: list_diff(&old.errors, &new.errors, |e| &e.code, error_changes),
    }
}

fn service_changes(old: &ServiceSpec, new: &ServiceSpec) -> Vec<FieldChange> {
    let (old_docs, new_docs) = (&old.documents, &new.documents);
    let (old_example, new_example) = (&old.domain.example, &new.domain.example);
    let (old_body, new_body) = (&old.error_body, &new.error_body);
    let pairs = [
        (
            Field::DocumentTitleEn,
            &old_docs.en.title,
            &new_docs.en.title,
        ),
        (
            Field::DocumentVersionEn,
            &old_docs.en.version,
            &new_docs.en.version,
        ),
        (
            Field::DocumentTitleZh,
            &old_docs.zh.title,
            &new_docs.zh.title,
        ),
        (
            Field::DocumentVersionZh,
            &old_docs.zh.version,
            &new_docs.zh.version,
        ),
        (Field::DomainFormat, &old.domain.format, &new.domain.format),
        (
            Field::DomainExampleAccountId,
            &old_example.account_id,
            &new_example.account_id,
        ),
        (
            Field::DomainExampleRegion,
            &old_example.region,
            &new_example.region,
        ),
        (
            Field::DomainExampleHost,
            &old_example.host,
            &new_example.host,
        ),
        (
            Field::ErrorBodyCode,
            &old_body.code_field,
            &new_body.code_field,
        ),
        (
            Field::ErrorBodyMessage,
            &old_body.message_field,
            &new_body.message_field,
        ),
    ];
    pairs
        .into_iter()
        .filter_map(|(field, old, new)| text_change(field, old, new))
        .collect()
}

fn region_changes(old: &RegionSpec, new: &RegionSpec) -> Vec<FieldChange> {
    [
        localized_change(Field::RegionName, &old.name, &new.name),
        text_change(
            Field::EndpointPublic,
            &old.endpoint.public,
            &new.endpoint.public,
        ),
        text_change(
            Field::EndpointInternal,
            &old.endpoint.internal,
            &new.endpoint.internal,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn error_changes(old: &ErrorSpec, new: &ErrorSpec) -> Vec<FieldChange> {
    let status = (old.http_status != new.http_status).then_some(FieldChange {
        field: Field::HttpStatus,
        old: FieldValue::Status(old.http_status),
        new: FieldValue::Status(new.http_status),
    });
    let retryable = (old.annotation.retryable != new.annotation.retryable).then_some(FieldChange {
        field: Field::Retryable,
        old: FieldValue::Flag(old.annotation.retryable),
        new: FieldValue::Flag(new.annotation.retryable),
    });
    [
        status,
        localized_change(Field::Cause, &old.cause, &new.cause),
        localized_change(Field::Solution, &old.solution, &new.solution),
        retryable,
        text_change(
            Field::RetryReason,
            &old.annotation.reason,
            &new.annotation.reason,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn text_change(field: Field, old: &str, new: &str) -> Option<FieldChange> {
    (old != new).then(|| FieldChange {
        field,
        old: FieldValue::Text(old.to_owned()),
        new: FieldValue::Text(new.to_owned()),
    })
}

fn localized_change(field: Field, old: &Localized, new: &Localized) -> Option<FieldChange> {
    (old != new).then(|| FieldChange {
        field,
        old: FieldValue::Localized(old.clone()),
        new: FieldValue::Localized(new.clone()),
    })
}

/// Matches two lists by key and sorts every entry into added, removed,
/// changed and moved.
fn list_diff<T: Clone>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> &String,
    changes: impl Fn(&T, &T) -> Vec<FieldChange>,
) -> ListDiff<T> {
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
            let changes = changes(&old[o], &new[n]);
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
