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
    DocumentSpec, Documents, DomainExample, DomainSpec, EndpointSpec, ErrorBodySpec, Localized,
    RegionSpec, ServiceSpec,
};
use fc_codegen::{Diagnostic, Diagnostics};

use super::document::{Document, EndpointRow, ErrorRow, Located};

/// What the two exports say, joined: the spec without the project's annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    /// `service.yaml`.
    pub service: ServiceSpec,
    /// `regions.yaml`, in the English export's order.
    pub regions: Vec<RegionSpec>,
    /// The error codes, in the English export's order.
    pub errors: Vec<DocumentedError>,
}

/// An error code as the documents give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentedError {
    /// The code.
    pub code: String,
    /// Its HTTP status, the same in both exports.
    pub http_status: u16,
    /// Why it happens.
    pub cause: Localized,
    /// What to do.
    pub solution: Localized,
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
    let zh_by_endpoint: BTreeMap<&str, &RegionRows> = zh_regions
        .iter()
        .map(|rows| (rows.public.endpoint.as_str(), rows))
        .collect();

    let mut regions = Vec::new();
    for en_rows in &en_regions {
        let endpoint = en_rows.public.endpoint.as_str();
        let Some(zh_rows) = zh_by_endpoint.get(endpoint) else {
            problems.push(no_partner(
                en,
                en_rows.public.line,
                zh,
                "public endpoint",
                endpoint,
            ));
            continue;
        };
        let (Some(en_internal), Some(zh_internal)) = (en_rows.internal, zh_rows.internal) else {
            continue;
        };
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
        regions.push(RegionSpec {
            id: endpoint.split('.').next().unwrap_or(endpoint).to_owned(),
            name: Localized {
                en: en_rows.public.name.clone(),
                zh: zh_rows.public.name.clone(),
            },
            endpoint: EndpointSpec {
                public: endpoint.to_owned(),
                internal: en_internal.endpoint.clone(),
            },
        });
    }
    for zh_rows in &zh_regions {
        let endpoint = zh_rows.public.endpoint.as_str();
        if !en_regions
            .iter()
            .any(|rows| rows.public.endpoint == endpoint)
        {
            problems.push(no_partner(
                zh,
                zh_rows.public.line,
                en,
                "public endpoint",
                endpoint,
            ));
        }
    }
    regions
}

/// Pairs each public row with the internal row of the same region name.
fn regions_of<'a>(document: &'a Document, problems: &mut Vec<Diagnostic>) -> Vec<RegionRows<'a>> {
    let public = &document.public_endpoints;
    let internal = &document.internal_endpoints;
    report_duplicates(
        document,
        public,
        |row| &row.endpoint,
        "public endpoint",
        problems,
    );
    report_duplicates(
        document,
        public,
        |row| &row.name,
        "region name in the public endpoints table",
        problems,
    );
    report_duplicates(
        document,
        internal,
        |row| &row.endpoint,
        "internal endpoint",
        problems,
    );
    report_duplicates(
        document,
        internal,
        |row| &row.name,
        "region name in the internal endpoints table",
        problems,
    );

    let mut regions = Vec::new();
    for public_row in public {
        let internal_row = internal.iter().find(|row| row.name == public_row.name);
        regions.push(RegionRows {
            public: public_row,
            internal: internal_row,
        });
        if internal_row.is_none() {
            problems.push(Diagnostic::at(
                &document.path,
                public_row.line,
                format!(
                    "region {:?} (public endpoint {:?}) has no row in the internal endpoints table",
                    public_row.name, public_row.endpoint
                ),
            ));
        }
    }
    for internal_row in internal {
        if !public.iter().any(|row| row.name == internal_row.name) {
            problems.push(Diagnostic::at(
                &document.path,
                internal_row.line,
                format!(
                    "region {:?} (internal endpoint {:?}) has no row in the public endpoints table",
                    internal_row.name, internal_row.endpoint
                ),
            ));
        }
    }
    regions
}

fn join_errors(
    en: &Document,
    zh: &Document,
    problems: &mut Vec<Diagnostic>,
) -> Vec<DocumentedError> {
    report_duplicates(en, &en.errors, |row| &row.code, "error code", problems);
    report_duplicates(zh, &zh.errors, |row| &row.code, "error code", problems);
    let zh_by_code: BTreeMap<&str, &ErrorRow> = zh
        .errors
        .iter()
        .map(|row| (row.code.as_str(), row))
        .collect();

    let mut errors = Vec::new();
    for en_row in &en.errors {
        let Some(zh_row) = zh_by_code.get(en_row.code.as_str()) else {
            problems.push(no_partner(en, en_row.line, zh, "error code", &en_row.code));
            continue;
        };
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
        errors.push(DocumentedError {
            code: en_row.code.clone(),
            http_status: en_row.http_status,
            cause: Localized {
                en: en_row.cause.clone(),
                zh: zh_row.cause.clone(),
            },
            solution: Localized {
                en: en_row.solution.clone(),
                zh: zh_row.solution.clone(),
            },
        });
    }
    for zh_row in &zh.errors {
        if !en.errors.iter().any(|row| row.code == zh_row.code) {
            problems.push(no_partner(zh, zh_row.line, en, "error code", &zh_row.code));
        }
    }
    errors
}

fn join_service(
    en: &Document,
    zh: &Document,
    regions: &[RegionSpec],
    problems: &mut Vec<Diagnostic>,
) -> Option<ServiceSpec> {
    let before = problems.len();
    let format = agreed(
        en,
        &en.domain_format,
        zh,
        &zh.domain_format,
        "domain name format",
        problems,
    );
    let host = agreed(
        en,
        &en.domain_host,
        zh,
        &zh.domain_host,
        "example host",
        problems,
    );
    let code_field = agreed(
        en,
        &field(&en.error_body, |body| &body.code_field),
        zh,
        &field(&zh.error_body, |body| &body.code_field),
        "error body field for <ErrorCode>",
        problems,
    );
    let message_field = agreed(
        en,
        &field(&en.error_body, |body| &body.message_field),
        zh,
        &field(&zh.error_body, |body| &body.message_field),
        "error body field for <ErrorMessage>",
        problems,
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

fn field<T>(located: &Located<T>, get: impl Fn(&T) -> &String) -> Located<String> {
    Located {
        line: located.line,
        value: get(&located.value).clone(),
    }
}

/// The English value, after checking the Chinese export says the same.
fn agreed(
    en: &Document,
    en_value: &Located<String>,
    zh: &Document,
    zh_value: &Located<String>,
    what: &str,
    problems: &mut Vec<Diagnostic>,
) -> String {
    if en_value.value != zh_value.value {
        problems.push(disagreement(
            zh,
            zh_value.line,
            what,
            &zh_value.value,
            en,
            en_value.line,
            &en_value.value,
        ));
    }
    en_value.value.clone()
}

fn report_duplicates<T>(
    document: &Document,
    rows: &[T],
    key: impl Fn(&T) -> &String,
    what: &str,
    problems: &mut Vec<Diagnostic>,
) where
    T: HasLine,
{
    let mut first_lines: BTreeMap<&str, usize> = BTreeMap::new();
    for row in rows {
        let value = key(row);
        match first_lines.get(value.as_str()) {
            Some(first) => problems.push(Diagnostic::at(
                &document.path,
                row.line(),
                format!("{what} {value:?} is listed twice (first at line {first})"),
            )),
            None => {
                first_lines.insert(value, row.line());
            }
        }
    }
}

/// A table row's line, for reports.
trait HasLine {
    fn line(&self) -> usize;
}

impl HasLine for EndpointRow {
    fn line(&self) -> usize {
        self.line
    }
}

impl HasLine for ErrorRow {
    fn line(&self) -> usize {
        self.line
    }
}

fn no_partner(
    document: &Document,
    line: usize,
    other: &Document,
    what: &str,
    value: &str,
) -> Diagnostic {
    Diagnostic::at(
        &document.path,
        line,
        format!(
            "{what} {value:?} has no partner row in {} ({} export)",
            other.path.display(),
            other.vocabulary.lang
        ),
    )
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
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/");
        std::fs::read_to_string(format!("{dir}{name}")).unwrap()
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
