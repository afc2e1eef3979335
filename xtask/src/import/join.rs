//! Joins the English and the Chinese documents into the spec's content.
//!
//! Within one language, a region's public and internal rows are joined by
//! the region's name; across the languages, regions are joined by public
//! endpoint and error codes by code. Every row must find its partner, and
//! what both languages state (endpoints, HTTP statuses, message templates,
//! the domain example, the error body) must agree; otherwise the import
//! fails naming both cells. A region id from a Region ID column must be the
//! first label of the region's public endpoint. The order is the English
//! documents'. What neither language gives (a page has no document title)
//! is kept from the current spec, and the import says so.

use std::collections::{BTreeMap, BTreeSet};

use fc_codegen::spec::{
    DocumentSpec, Documents, DomainExample, DomainSpec, EndpointSpec, ErrorAnnotation,
    ErrorBodySpec, ErrorSpec, Localized, RegionSpec, ServiceSpec,
};
use fc_codegen::{Diagnostic, Diagnostics};

use super::document::{Document, EndpointRow, ErrorRow, Located};
use super::page::Place;

/// What the two languages say, joined: the spec without the project's
/// annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    /// `service.yaml`.
    pub service: ServiceSpec,
    /// `regions.yaml`, in the English documents' order.
    pub regions: Vec<RegionSpec>,
    /// The error codes as the documents give them; what the documents do
    /// not give (the `project` fields of `fc_codegen::spec`) is left at its
    /// default for [`super::annotate`] to fill.
    pub errors: Vec<ErrorSpec>,
    /// What was kept from the current spec because no document gives it.
    pub kept: Vec<String>,
}

/// Joins `en` and `zh`, reporting every row without a partner and every
/// disagreement; `previous` is the current spec's service file, whose
/// values stand where the documents give none.
pub fn join(
    en: &Document,
    zh: &Document,
    previous: Option<&ServiceSpec>,
) -> Result<Joined, Diagnostics> {
    let mut problems = Vec::new();
    let regions = join_regions(en, zh, &mut problems);
    let errors = join_errors(en, zh, &mut problems);
    let mut kept = Vec::new();
    let service = join_service(en, zh, &regions, previous, &mut kept, &mut problems);
    match service {
        Some(service) => Diagnostics(problems).into_result(Joined {
            service,
            regions,
            errors,
            kept,
        }),
        None => Err(Diagnostics(problems)),
    }
}

/// One region's rows in one language; `internal` is `None` when the
/// internal table lacks the region, which is reported once, in [`regions_of`].
struct RegionRows<'a> {
    public: &'a EndpointRow,
    internal: Option<&'a EndpointRow>,
}

fn join_regions(en: &Document, zh: &Document, problems: &mut Vec<Diagnostic>) -> Vec<RegionSpec> {
    let en_regions = regions_of(en, problems);
    let zh_regions = regions_of(zh, problems);
    pair_up(
        (en, &en_regions),
        (zh, &zh_regions),
        |rows| (&rows.public.endpoint.at, &rows.public.endpoint.value),
        "public endpoint",
        problems,
        |en_rows, zh_rows, problems| {
            let (Some(en_internal), Some(zh_internal)) = (en_rows.internal, zh_rows.internal)
            else {
                return None;
            };
            let endpoint = en_rows.public.endpoint.value.as_str();
            if en_internal.endpoint.value != zh_internal.endpoint.value {
                problems.push(disagreement(
                    &zh_internal.endpoint,
                    &format!("internal endpoint of the region with public endpoint {endpoint:?}"),
                    &en_internal.endpoint,
                ));
            }
            let id = endpoint.split('.').next().unwrap_or(endpoint);
            // A Region ID column, where a table has one, must name the
            // region the endpoints do.
            let id_cells = [en_rows, zh_rows]
                .into_iter()
                .flat_map(|rows| [Some(rows.public), rows.internal])
                .flatten()
                .filter_map(|row| row.region_id.as_ref());
            let mut reported: Vec<&Place> = Vec::new();
            for cell in id_cells {
                // The FC 3.0 layout gives a row's public and internal
                // endpoint from one row, so its id cell comes twice.
                if cell.value != id && !reported.contains(&&cell.at) {
                    reported.push(&cell.at);
                    problems.push(cell.at.problem(format!(
                        "region id {:?} does not match the region's public endpoint {endpoint:?} at {} (its first label is {id:?})",
                        cell.value, en_rows.public.endpoint.at
                    )));
                }
            }
            Some(RegionSpec {
                id: id.to_owned(),
                name: Localized {
                    en: en_rows.public.name.value.clone(),
                    zh: zh_rows.public.name.value.clone(),
                },
                endpoint: EndpointSpec {
                    public: endpoint.to_owned(),
                    internal: en_internal.endpoint.value.clone(),
                },
            })
        },
    )
}

/// Pairs each public row with the internal row of the same region name.
fn regions_of<'a>(document: &'a Document, problems: &mut Vec<Diagnostic>) -> Vec<RegionRows<'a>> {
    let (public, internal) = (&document.public_endpoints, &document.internal_endpoints);
    let endpoint: fn(&EndpointRow) -> (&Place, &String) =
        |row| (&row.endpoint.at, &row.endpoint.value);
    let name: fn(&EndpointRow) -> (&Place, &String) = |row| (&row.name.at, &row.name.value);
    for (rows, key, what) in [
        (public, endpoint, "public endpoint"),
        (public, name, "region name in the public endpoints table"),
        (internal, endpoint, "internal endpoint"),
        (
            internal,
            name,
            "region name in the internal endpoints table",
        ),
    ] {
        report_duplicates(rows, key, what, problems);
    }
    let by_name = |rows: &'a [EndpointRow]| -> BTreeMap<&'a String, &'a EndpointRow> {
        rows.iter().map(|row| (&row.name.value, row)).collect()
    };
    let (public_by_name, internal_by_name) = (by_name(public), by_name(internal));
    for (rows, others, table, other) in [
        (public, &internal_by_name, "public", "internal"),
        (internal, &public_by_name, "internal", "public"),
    ] {
        for row in rows
            .iter()
            .filter(|row| !others.contains_key(&row.name.value))
        {
            problems.push(row.endpoint.at.problem(format!(
                "region {:?} ({table} endpoint {:?}) has no row in the {other} endpoints table",
                row.name.value, row.endpoint.value
            )));
        }
    }
    public
        .iter()
        .map(|public_row| RegionRows {
            public: public_row,
            internal: internal_by_name.get(&public_row.name.value).copied(),
        })
        .collect()
}

fn join_errors(en: &Document, zh: &Document, problems: &mut Vec<Diagnostic>) -> Vec<ErrorSpec> {
    let code: fn(&ErrorRow) -> (&Place, &String) = |row| (&row.code.at, &row.code.value);
    report_duplicates(&en.errors, code, "error code", problems);
    report_duplicates(&zh.errors, code, "error code", problems);
    pair_up(
        (en, &en.errors),
        (zh, &zh.errors),
        code,
        "error code",
        problems,
        |en_row, zh_row, problems| {
            if en_row.http_status.value != zh_row.http_status.value {
                problems.push(disagreement(
                    &zh_row.http_status.map_text(),
                    &format!("HTTP status of {:?}", en_row.code.value),
                    &en_row.http_status.map_text(),
                ));
            }
            // The template is the text the service sends, the same in both
            // languages' pages: where both give one, they must agree; where
            // one does, it is the template.
            if let (Some(en_message), Some(zh_message)) = (&en_row.message, &zh_row.message) {
                if en_message.value != zh_message.value {
                    problems.push(disagreement(
                        zh_message,
                        &format!("error message of {:?}", en_row.code.value),
                        en_message,
                    ));
                }
            }
            let message = en_row.message.as_ref().or(zh_row.message.as_ref());
            Some(ErrorSpec {
                code: en_row.code.value.clone(),
                http_status: en_row.http_status.value,
                message: message.map(|message| message.value.clone()),
                cause: Localized {
                    en: en_row.cause.value.clone(),
                    zh: zh_row.cause.value.clone(),
                },
                solution: Localized {
                    en: en_row.solution.value.clone(),
                    zh: zh_row.solution.value.clone(),
                },
                annotation: ErrorAnnotation::default(),
            })
        },
    )
}

impl Located<u16> {
    /// The status as text, for a report.
    fn map_text(&self) -> Located<String> {
        Located {
            at: self.at.clone(),
            value: self.value.to_string(),
        }
    }
}

/// Pairs the English and the Chinese rows by `key` (a row's place and its
/// key), reporting each row without a partner in the other language.
/// `join` turns a pair into the spec's entry, or reports why it cannot; the
/// result is in the English order.
fn pair_up<'a, T, R>(
    (en, en_rows): (&Document, &'a [T]),
    (zh, zh_rows): (&Document, &'a [T]),
    key: fn(&T) -> (&Place, &String),
    what: &str,
    problems: &mut Vec<Diagnostic>,
    mut join: impl FnMut(&'a T, &'a T, &mut Vec<Diagnostic>) -> Option<R>,
) -> Vec<R> {
    let no_partner = |at: &Place, other: &Document, value| {
        let lang = other.vocabulary.lang;
        at.problem(format!(
            "{what} {value:?} has no partner row in {} ({lang} documents)",
            other.files_shown()
        ))
    };
    // By key, so that pairing stays linear (up to a logarithm) in the rows.
    let zh_by_key: BTreeMap<&String, &T> = zh_rows.iter().map(|row| (key(row).1, row)).collect();
    let en_keys: BTreeSet<&String> = en_rows.iter().map(|row| key(row).1).collect();
    let mut joined = Vec::new();
    for en_row in en_rows {
        let (at, value) = key(en_row);
        match zh_by_key.get(value) {
            Some(zh_row) => joined.extend(join(en_row, zh_row, problems)),
            None => problems.push(no_partner(at, zh, value)),
        }
    }
    for zh_row in zh_rows {
        let (at, value) = key(zh_row);
        if !en_keys.contains(value) {
            problems.push(no_partner(at, en, value));
        }
    }
    joined
}

/// `service.yaml`: each value from the documents (both languages agreeing
/// where both give it), else kept from `previous`, noted in `kept`.
fn join_service(
    en: &Document,
    zh: &Document,
    regions: &[RegionSpec],
    previous: Option<&ServiceSpec>,
    kept: &mut Vec<String>,
    problems: &mut Vec<Diagnostic>,
) -> Option<ServiceSpec> {
    let before = problems.len();
    let body = |document: &Document, field: fn(&super::document::ErrorBodyFields) -> &String| {
        document.error_body.as_ref().map(|body| Located {
            at: body.at.clone(),
            value: field(&body.value).clone(),
        })
    };
    let format = agreed(
        "domain name format",
        en.domain_format.clone(),
        zh.domain_format.clone(),
        problems,
    );
    let host = agreed(
        "example host",
        en.domain_host.clone(),
        zh.domain_host.clone(),
        problems,
    );
    let code_field = agreed(
        "error body field for <ErrorCode>",
        body(en, |body| &body.code_field),
        body(zh, |body| &body.code_field),
        problems,
    );
    let message_field = agreed(
        "error body field for <ErrorMessage>",
        body(en, |body| &body.message_field),
        body(zh, |body| &body.message_field),
        problems,
    );

    // The example names its region only by endpoint: find it in the tables.
    let example_region = host.as_ref().map(|host| {
        let (_, endpoint) = host.value.split_once('.').unwrap_or((&host.value, ""));
        match regions
            .iter()
            .find(|region| region.endpoint.public == endpoint)
        {
            Some(region) => region.id.clone(),
            None => {
                problems.push(host.at.problem(format!(
                    "example host {:?}: {endpoint:?} is not in the public endpoints table",
                    host.value
                )));
                String::new()
            }
        }
    });
    let old_domain = previous.map(|service| &service.domain);
    let old_example = old_domain.map(|domain| &domain.example);
    let old_body = previous.map(|service| &service.error_body);
    let old_documents = previous.map(|service| &service.documents);
    let host_value = host.as_ref().map(|host| host.value.clone());
    let account_id = host_value.as_ref().map(|host| {
        host.split_once('.')
            .map_or(host.as_str(), |(account, _)| account)
            .to_owned()
    });
    // What no document of a language states is kept from the current
    // spec; without one, it is a problem of that language's first file.
    let mut keep = |from: &Document, what: &str, value: Option<String>, old: Option<&String>| {
        if let Some(value) = value {
            return value;
        }
        match old {
            Some(old) => {
                kept.push(format!(
                    "{what}: kept from the current spec ({old:?}); the documents given do not state it"
                ));
                old.clone()
            }
            None => {
                problems.push(Diagnostic::new(
                    from.files.first().cloned().unwrap_or_default(),
                    format!("{what}: the documents given do not state it, and there is no current spec to keep it from"),
                ));
                String::new()
            }
        }
    };
    let service = ServiceSpec {
        documents: Documents {
            en: DocumentSpec {
                title: keep(
                    en,
                    "en document title",
                    en.title.as_ref().map(|title| title.value.clone()),
                    old_documents.map(|documents| &documents.en.title),
                ),
                version: en.version.value.clone(),
            },
            zh: DocumentSpec {
                title: keep(
                    zh,
                    "zh document title",
                    zh.title.as_ref().map(|title| title.value.clone()),
                    old_documents.map(|documents| &documents.zh.title),
                ),
                version: zh.version.value.clone(),
            },
        },
        domain: DomainSpec {
            format: keep(
                en,
                "domain name format",
                format.map(|format| format.value),
                old_domain.map(|domain| &domain.format),
            ),
            example: DomainExample {
                account_id: keep(
                    en,
                    "example account id",
                    account_id,
                    old_example.map(|example| &example.account_id),
                ),
                region: keep(
                    en,
                    "example region",
                    example_region,
                    old_example.map(|example| &example.region),
                ),
                host: keep(
                    en,
                    "example host",
                    host_value,
                    old_example.map(|example| &example.host),
                ),
            },
        },
        error_body: ErrorBodySpec {
            code_field: keep(
                en,
                "error body field for <ErrorCode>",
                code_field.map(|field| field.value),
                old_body.map(|body| &body.code_field),
            ),
            message_field: keep(
                en,
                "error body field for <ErrorMessage>",
                message_field.map(|field| field.value),
                old_body.map(|body| &body.message_field),
            ),
        },
    };
    (problems.len() == before).then_some(service)
}

/// The value both languages give (the English one, after checking the
/// Chinese says the same), or the one a language gives.
fn agreed(
    what: &str,
    en: Option<Located<String>>,
    zh: Option<Located<String>>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Located<String>> {
    match (en, zh) {
        (Some(en), Some(zh)) => {
            if en.value != zh.value {
                problems.push(disagreement(&zh, what, &en));
            }
            Some(en)
        }
        (en, zh) => en.or(zh),
    }
}

/// Reports each row whose `key` (a row's place and its key) an earlier row has.
fn report_duplicates<T>(
    rows: &[T],
    key: fn(&T) -> (&Place, &String),
    what: &str,
    problems: &mut Vec<Diagnostic>,
) {
    let mut first: BTreeMap<&String, &Place> = BTreeMap::new();
    for row in rows {
        let (at, value) = key(row);
        match first.get(value) {
            Some(first) => problems.push(at.problem(format!(
                "{what} {value:?} is listed twice (first at {})",
                shown_from(at, first)
            ))),
            None => {
                first.insert(value, at);
            }
        }
    }
}

/// `line 45` when `other` is in the same file as `here`, else `file:45`.
fn shown_from(here: &Place, other: &Place) -> String {
    if here.path == other.path {
        format!("line {}", other.line)
    } else {
        other.to_string()
    }
}

/// `{what} is {here} here but {other} in {other's place}`.
fn disagreement(here: &Located<String>, what: &str, other: &Located<String>) -> Diagnostic {
    here.at.problem(format!(
        "{what} is {:?} here but {:?} in {}",
        here.value, other.value, other.at
    ))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::join;
    use crate::import::document::{interpret, Document};
    use crate::import::text_export::read_text_export;
    use crate::import::vocabulary::{Vocabulary, EN, ZH};

    fn document(path: &str, text: &str, vocabulary: &'static Vocabulary) -> Document {
        let (page, problems) = read_text_export(Path::new(path), text);
        assert_eq!(problems.0, []);
        interpret(&[page], vocabulary).unwrap()
    }

    fn fixture(name: &str) -> String {
        // The checkout under test, read at run time (see crate::workspace).
        let xtask = std::env::var_os("CARGO_MANIFEST_DIR").unwrap();
        let path = std::path::Path::new(&xtask).join("tests/fixtures/import");
        std::fs::read_to_string(path.join(name)).unwrap()
    }

    /// The problems of joining the base fixtures after editing their text.
    fn join_problems(
        edit_en: impl Fn(String) -> String,
        edit_zh: impl Fn(String) -> String,
    ) -> Vec<String> {
        let en = document("en.txt", &edit_en(fixture("base.en.txt")), &EN);
        let zh = document("zh.txt", &edit_zh(fixture("base.zh.txt")), &ZH);
        match join(&en, &zh, None) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn base_fixtures_join_without_problems() {
        assert_eq!(join_problems(|en| en, |zh| zh), Vec::<String>::new());
    }

    #[test]
    fn region_missing_from_the_internal_table_is_reported_at_its_public_row() {
        let problems = join_problems(
            |en| en.replace("India (Mumbai)\tap-south-1-internal.fc.aliyuncs.com\n", ""),
            |zh| zh,
        );
        assert_eq!(
            problems,
            ["en.txt:78: region \"India (Mumbai)\" (public endpoint \"ap-south-1.fc.aliyuncs.com\") has no row in the internal endpoints table"]
        );
    }

    #[test]
    fn internal_endpoints_that_differ_between_the_languages_are_reported_with_both_lines() {
        let problems = join_problems(
            |en| en,
            |zh| zh.replace("ap-south-1-internal.fc", "ap-south-2-internal.fc"),
        );
        assert_eq!(
            problems,
            ["zh.txt:82: internal endpoint of the region with public endpoint \"ap-south-1.fc.aliyuncs.com\" is \"ap-south-2-internal.fc.aliyuncs.com\" here but \"ap-south-1-internal.fc.aliyuncs.com\" in en.txt:87"]
        );
    }

    #[test]
    fn duplicate_error_code_is_reported_at_its_second_row() {
        let problems = join_problems(
            |en| en.replace("500\tInternalServerError", "500\tAccessDenied"),
            |zh| zh,
        );
        assert_eq!(
            problems[0],
            "en.txt:48: error code \"AccessDenied\" is listed twice (first at line 45)"
        );
    }

    #[test]
    fn example_host_whose_endpoint_is_in_no_table_is_an_error() {
        let moved = |text: String| text.replace("16530750.cn-shanghai", "16530750.cn-wuhan");
        assert_eq!(
            join_problems(moved, moved),
            ["en.txt:58: example host \"16530750.cn-wuhan.fc.aliyuncs.com\": \"cn-wuhan.fc.aliyuncs.com\" is not in the public endpoints table"]
        );
    }
}
