//! Joins the English and the Chinese export into the spec's content.
//!
//! Within one export, a region's public and internal rows are joined by the
//! region's name; across the exports, regions are joined by public endpoint
//! and error codes by code. Every row must find its partner, and what both
//! exports state (endpoints, HTTP statuses, the domain example, the error
//! body) must agree; otherwise the import fails naming both rows. The order
//! is the English export's.

use std::collections::BTreeMap;

use fc_codegen::spec::{
    DocumentSpec, Documents, DomainExample, DomainSpec, EndpointSpec, ErrorAnnotation,
    ErrorBodySpec, ErrorSpec, Localized, RegionSpec, ServiceSpec,
};
use fc_codegen::{Diagnostic, Diagnostics};

use super::document::{Document, EndpointRow, ErrorRow};

/// What the two exports say, joined: the spec without the project's annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    /// `service.yaml`.
    pub service: ServiceSpec,
    /// `regions.yaml`, in the English export's order.
    pub regions: Vec<RegionSpec>,
    /// The error codes, in the English export's order.
    /// The error codes as the documents give them; what the documents do
    /// not give (the `project` fields of `fc_codegen::spec`) is left at its
    /// default for [`super::annotate`] to fill.
    pub errors: Vec<ErrorSpec>,
}

/// Joins `en` and `zh`, reporting every row without a partner and every
/// disagreement.
pub fn join(en: &Document, zh: &Document) -> Result<Joined, Diagnostics> {
    let mut problems = Vec::new();
    let regions = join_regions(en, zh, &mut problems);
    let errors = join_errors(en, zh, &mut problems);
    let service = join_service(en, zh, &regions, &mut problems);
    match service {
        Some(service) => Diagnostics(problems).into_result(Joined {
            service,
            regions,
            errors,
        }),
        None => Err(Diagnostics(problems)),
    }
}

/// One region's rows in one export; `internal` is `None` when the internal
/// table lacks the region, which is reported once, in [`regions_of`].
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
        |rows| (rows.public.line, &rows.public.endpoint),
        "public endpoint",
        problems,
        |en_rows, zh_rows, problems| {
            let (Some(en_internal), Some(zh_internal)) = (en_rows.internal, zh_rows.internal)
            else {
                return None;
            };
            let endpoint = en_rows.public.endpoint.as_str();
            if en_internal.endpoint != zh_internal.endpoint {
                problems.push(disagreement(
                    zh,
                    zh_internal.line,
                    &format!("internal endpoint of the region with public endpoint {endpoint:?}"),
                    &zh_internal.endpoint,
                    en,
                    en_internal.line,
                    &en_internal.endpoint,
                ));
            }
            Some(RegionSpec {
                id: endpoint.split('.').next().unwrap_or(endpoint).to_owned(),
                name: Localized {
                    en: en_rows.public.name.clone(),
                    zh: zh_rows.public.name.clone(),
                },
                endpoint: EndpointSpec {
                    public: endpoint.to_owned(),
                    internal: en_internal.endpoint.clone(),
                },
            })
        },
    )
}

/// Pairs each public row with the internal row of the same region name.
fn regions_of<'a>(document: &'a Document, problems: &mut Vec<Diagnostic>) -> Vec<RegionRows<'a>> {
    let (public, internal) = (&document.public_endpoints, &document.internal_endpoints);
    let endpoint: fn(&EndpointRow) -> (usize, &String) = |row| (row.line, &row.endpoint);
    let name: fn(&EndpointRow) -> (usize, &String) = |row| (row.line, &row.name);
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
        report_duplicates(document, rows, key, what, problems);
    }
    for (rows, others, table, other) in [
        (public, internal, "public", "internal"),
        (internal, public, "internal", "public"),
    ] {
        for row in rows
            .iter()
            .filter(|row| !others.iter().any(|partner| partner.name == row.name))
        {
            problems.push(Diagnostic::at(
                &document.path,
                row.line,
                format!(
                    "region {:?} ({table} endpoint {:?}) has no row in the {other} endpoints table",
                    row.name, row.endpoint
                ),
            ));
        }
    }
    public
        .iter()
        .map(|public_row| RegionRows {
            public: public_row,
            internal: internal.iter().find(|row| row.name == public_row.name),
        })
        .collect()
}

fn join_errors(en: &Document, zh: &Document, problems: &mut Vec<Diagnostic>) -> Vec<ErrorSpec> {
    let code: fn(&ErrorRow) -> (usize, &String) = |row| (row.line, &row.code);
    report_duplicates(en, &en.errors, code, "error code", problems);
    report_duplicates(zh, &zh.errors, code, "error code", problems);
    pair_up(
        (en, &en.errors),
        (zh, &zh.errors),
        code,
        "error code",
        problems,
        |en_row, zh_row, problems| {
            if en_row.http_status != zh_row.http_status {
                problems.push(disagreement(
                    zh,
                    zh_row.line,
                    &format!("HTTP status of {:?}", en_row.code),
                    &zh_row.http_status.to_string(),
                    en,
                    en_row.line,
                    &en_row.http_status.to_string(),
                ));
            }
            Some(ErrorSpec {
                code: en_row.code.clone(),
                http_status: en_row.http_status,
                message: None,
                cause: Localized {
                    en: en_row.cause.clone(),
                    zh: zh_row.cause.clone(),
                },
                solution: Localized {
                    en: en_row.solution.clone(),
                    zh: zh_row.solution.clone(),
                },
                annotation: ErrorAnnotation::default(),
            })
        },
    )
}

/// Pairs the English and the Chinese rows by `key` (a row's line and its
/// key), reporting each row without a partner in the other export. `join`
/// turns a pair into the spec's entry, or reports why it cannot; the result
/// is in the English order.
fn pair_up<'a, T, R>(
    (en, en_rows): (&Document, &'a [T]),
    (zh, zh_rows): (&Document, &'a [T]),
    key: fn(&T) -> (usize, &String),
    what: &str,
    problems: &mut Vec<Diagnostic>,
    mut join: impl FnMut(&'a T, &'a T, &mut Vec<Diagnostic>) -> Option<R>,
) -> Vec<R> {
    let no_partner = |document: &Document, line, other: &Document, value| {
        let (path, lang) = (other.path.display(), other.vocabulary.lang);
        let message = format!("{what} {value:?} has no partner row in {path} ({lang} export)");
        Diagnostic::at(&document.path, line, message)
    };
    let zh_by_key: BTreeMap<&String, &T> = zh_rows.iter().map(|row| (key(row).1, row)).collect();
    let mut joined = Vec::new();
    for en_row in en_rows {
        let (line, value) = key(en_row);
        match zh_by_key.get(value) {
            Some(zh_row) => joined.extend(join(en_row, zh_row, problems)),
            None => problems.push(no_partner(en, line, zh, value)),
        }
    }
    for zh_row in zh_rows {
        let (line, value) = key(zh_row);
        if !en_rows.iter().any(|row| key(row).1 == value) {
            problems.push(no_partner(zh, line, en, value));
        }
    }
    joined
}

fn join_service(
    en: &Document,
    zh: &Document,
    regions: &[RegionSpec],
    problems: &mut Vec<Diagnostic>,
) -> Option<ServiceSpec> {
    let before = problems.len();
    let format = agreed(en, zh, "domain name format", problems, |document| {
        (document.domain_format.line, &document.domain_format.value)
    });
    let host = agreed(en, zh, "example host", problems, |document| {
        (document.domain_host.line, &document.domain_host.value)
    });
    let code_field = agreed(
        en,
        zh,
        "error body field for <ErrorCode>",
        problems,
        |document| {
            (
                document.error_body.line,
                &document.error_body.value.code_field,
            )
        },
    );
    let message_field = agreed(
        en,
        zh,
        "error body field for <ErrorMessage>",
        problems,
        |document| {
            (
                document.error_body.line,
                &document.error_body.value.message_field,
            )
        },
    );

    // The example names its region only by endpoint: find it in the tables.
    let (account_id, endpoint) = host.split_once('.').unwrap_or((&host, ""));
    let region = regions
        .iter()
        .find(|region| region.endpoint.public == endpoint);
    if region.is_none() {
        problems.push(Diagnostic::at(
            &en.path,
            en.domain_host.line,
            format!("example host {host:?}: {endpoint:?} is not in the public endpoints table"),
        ));
    }
    if problems.len() > before {
        return None;
    }
    let document = |document: &Document| DocumentSpec {
        title: document.title.value.clone(),
        version: document.version.value.clone(),
    };
    Some(ServiceSpec {
        documents: Documents {
            en: document(en),
            zh: document(zh),
        },
        domain: DomainSpec {
            format,
            example: DomainExample {
                account_id: account_id.to_owned(),
                region: region.map(|region| region.id.clone()).unwrap_or_default(),
                host: host.clone(),
            },
        },
        error_body: ErrorBodySpec {
            code_field,
            message_field,
        },
    })
}

/// The English value of what `get` reads (with its line), after checking
/// the Chinese export says the same.
fn agreed(
    en: &Document,
    zh: &Document,
    what: &str,
    problems: &mut Vec<Diagnostic>,
    get: fn(&Document) -> (usize, &String),
) -> String {
    let ((en_line, en_value), (zh_line, zh_value)) = (get(en), get(zh));
    if en_value != zh_value {
        problems.push(disagreement(
            zh, zh_line, what, zh_value, en, en_line, en_value,
        ));
    }
    en_value.clone()
}

/// Reports each row whose `key` (a row's line and its key) an earlier row has.
fn report_duplicates<T>(
    document: &Document,
    rows: &[T],
    key: fn(&T) -> (usize, &String),
    what: &str,
    problems: &mut Vec<Diagnostic>,
) {
    let mut first_lines: BTreeMap<&String, usize> = BTreeMap::new();
    for row in rows {
        let (line, value) = key(row);
        match first_lines.get(value) {
            Some(first) => problems.push(Diagnostic::at(
                &document.path,
                line,
                format!("{what} {value:?} is listed twice (first at line {first})"),
            )),
            None => {
                first_lines.insert(value, line);
            }
        }
    }
}

fn disagreement(
    document: &Document,
    line: usize,
    what: &str,
    value: &str,
    other: &Document,
    other_line: usize,
    other_value: &str,
) -> Diagnostic {
    Diagnostic::at(
        &document.path,
        line,
        format!(
            "{what} is {value:?} here but {other_value:?} in {}:{other_line}",
            other.path.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::join;
    use crate::import::document::{parse, EN, ZH};

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
        let en = parse(Path::new("en.txt"), &edit_en(fixture("base.en.txt")), &EN).unwrap();
        let zh = parse(Path::new("zh.txt"), &edit_zh(fixture("base.zh.txt")), &ZH).unwrap();
        match join(&en, &zh) {
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
