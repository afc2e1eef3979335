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

use serde::Serialize;

use fc_codegen::spec::{
    DocumentSpec, Documents, DomainExample, DomainSpec, EndpointSpec, ErrorAnnotation,
    ErrorBodySpec, ErrorSpec, Localized, RegionSpec, ServiceSpec, Spec,
};

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
/// the language that did not change beside the one that did. The JSON is a
/// string, a number, a boolean, or `{"en": .., "zh": ..}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
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
        service: service_changes(old_service, new_service),
        regions: list_diff(old_regions, new_regions, |r| &r.id, region_changes),
        errors: list_diff(old_errors, new_errors, |e| &e.code, error_changes),
    }
}

// Every struct of the spec model is destructured in full, without `..`:
// a field added to the model fails to compile here until the diff compares
// it and `semver::field_rule` gives it a bump, instead of being reported as
// "no change".

fn service_changes(old: &ServiceSpec, new: &ServiceSpec) -> Vec<FieldChange> {
    let ServiceSpec {
        documents: old_documents,
        domain: old_domain,
        error_body: old_body,
    } = old;
    let ServiceSpec {
        documents: new_documents,
        domain: new_domain,
        error_body: new_body,
    } = new;
    let mut changes = document_changes(old_documents, new_documents);
    changes.extend(domain_changes(old_domain, new_domain));
    changes.extend(error_body_changes(old_body, new_body));
    changes
}

fn document_changes(old: &Documents, new: &Documents) -> Vec<FieldChange> {
    let Documents {
        en: old_en,
        zh: old_zh,
    } = old;
    let Documents {
        en: new_en,
        zh: new_zh,
    } = new;
    let DocumentSpec {
        title: old_en_title,
        version: old_en_version,
    } = old_en;
    let DocumentSpec {
        title: new_en_title,
        version: new_en_version,
    } = new_en;
    let DocumentSpec {
        title: old_zh_title,
        version: old_zh_version,
    } = old_zh;
    let DocumentSpec {
        title: new_zh_title,
        version: new_zh_version,
    } = new_zh;
    [
        text_change(Field::DocumentTitleEn, old_en_title, new_en_title),
        text_change(Field::DocumentVersionEn, old_en_version, new_en_version),
        text_change(Field::DocumentTitleZh, old_zh_title, new_zh_title),
        text_change(Field::DocumentVersionZh, old_zh_version, new_zh_version),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn domain_changes(old: &DomainSpec, new: &DomainSpec) -> Vec<FieldChange> {
    let DomainSpec {
        format: old_format,
        example: old_example,
    } = old;
    let DomainSpec {
        format: new_format,
        example: new_example,
    } = new;
    let DomainExample {
        account_id: old_account_id,
        region: old_region,
        host: old_host,
    } = old_example;
    let DomainExample {
        account_id: new_account_id,
        region: new_region,
        host: new_host,
    } = new_example;
    [
        text_change(Field::DomainFormat, old_format, new_format),
        text_change(
            Field::DomainExampleAccountId,
            old_account_id,
            new_account_id,
        ),
        text_change(Field::DomainExampleRegion, old_region, new_region),
        text_change(Field::DomainExampleHost, old_host, new_host),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn error_body_changes(old: &ErrorBodySpec, new: &ErrorBodySpec) -> Vec<FieldChange> {
    let ErrorBodySpec {
        code_field: old_code,
        message_field: old_message,
    } = old;
    let ErrorBodySpec {
        code_field: new_code,
        message_field: new_message,
    } = new;
    [
        text_change(Field::ErrorBodyCode, old_code, new_code),
        text_change(Field::ErrorBodyMessage, old_message, new_message),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The id is the key the lists are matched on, so it never differs here.
fn region_changes(old: &RegionSpec, new: &RegionSpec) -> Vec<FieldChange> {
    let RegionSpec {
        id: _,
        name: old_name,
        endpoint: old_endpoint,
    } = old;
    let RegionSpec {
        id: _,
        name: new_name,
        endpoint: new_endpoint,
    } = new;
    let EndpointSpec {
        public: old_public,
        internal: old_internal,
    } = old_endpoint;
    let EndpointSpec {
        public: new_public,
        internal: new_internal,
    } = new_endpoint;
    [
        localized_change(Field::RegionName, old_name, new_name),
        text_change(Field::EndpointPublic, old_public, new_public),
        text_change(Field::EndpointInternal, old_internal, new_internal),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The code is the key the lists are matched on, so it never differs here.
fn error_changes(old: &ErrorSpec, new: &ErrorSpec) -> Vec<FieldChange> {
    let ErrorSpec {
        code: _,
        http_status: old_status,
        cause: old_cause,
        solution: old_solution,
        annotation: old_annotation,
    } = old;
    let ErrorSpec {
        code: _,
        http_status: new_status,
        cause: new_cause,
        solution: new_solution,
        annotation: new_annotation,
    } = new;
    let ErrorAnnotation {
        retryable: old_retryable,
        reason: old_reason,
    } = old_annotation;
    let ErrorAnnotation {
        retryable: new_retryable,
        reason: new_reason,
    } = new_annotation;
    let status = (old_status != new_status).then_some(FieldChange {
        field: Field::HttpStatus,
        old: FieldValue::Status(*old_status),
        new: FieldValue::Status(*new_status),
    });
    let retryable = (old_retryable != new_retryable).then_some(FieldChange {
        field: Field::Retryable,
        old: FieldValue::Flag(*old_retryable),
        new: FieldValue::Flag(*new_retryable),
    });
    [
        status,
        localized_change(Field::Cause, old_cause, new_cause),
        localized_change(Field::Solution, old_solution, new_solution),
        retryable,
        text_change(Field::RetryReason, old_reason, new_reason),
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
