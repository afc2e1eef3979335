//! One text export of the API reference, parsed into typed tables with lines.
//!
//! The export is prose with tab-separated tables. A table starts at a header
//! row the importer knows and runs to the next blank line; at a page break the
//! export repeats the header, which continues the table. Which table a header
//! starts depends on the section it is in (the public and the internal
//! endpoint tables share a header), so the parser follows the section markers
//! it knows: markdown headings and list items in the English export, bare
//! lines in the Chinese one.
//!
//! Everything table-shaped that the parser does not know is a [`Diagnostic`]:
//! an unknown header or column, a row with the wrong number of cells, a row
//! outside any table, a known table in a section where it does not belong.

use std::path::{Path, PathBuf};

use fc_codegen::{Diagnostic, Diagnostics};

use super::cell;

/// The words one language's export uses for what the importer reads.
#[derive(Debug)]
pub struct Vocabulary {
    /// `en` or `zh`, as in the spec.
    pub lang: &'static str,
    /// The start of the version line (`Document Version:`).
    version_prefix: &'static str,
    /// Section markers, matched against a whole line once its markdown
    /// (`#`, `- `, `● `, `**`) is stripped.
    sections: &'static [(&'static str, Section)],
    /// The header of the common error codes table.
    error_header: [&'static str; 4],
    /// The header of both endpoint tables.
    endpoint_header: [&'static str; 2],
    /// The header of the typographic conventions table, which is read past.
    conventions_header: [&'static str; 3],
}

/// The English export.
pub const EN: Vocabulary = Vocabulary {
    lang: "en",
    version_prefix: "Document Version:",
    sections: &[
        ("Legal disclaimer", Section::Other),
        ("Document conventions", Section::Conventions),
        ("Table of Contents", Section::Contents),
        ("1. Error codes", Section::Other),
        ("Error code format", Section::ErrorFormat),
        ("Common error codes", Section::CommonErrors),
        ("2.Endpoints", Section::Other),
        ("2. Endpoints", Section::Other),
        ("Domain name format", Section::DomainFormat),
        ("Obtain an Alibaba Cloud account ID", Section::Other),
        ("Endpoints", Section::Other),
        ("Public endpoints", Section::PublicEndpoints),
        ("Internal endpoints", Section::InternalEndpoints),
        ("References", Section::Other),
    ],
    error_header: ["HTTP status code", "Error code", "Cause", "Solution"],
    endpoint_header: ["Region", "Endpoint"],
    conventions_header: ["Style", "Description", "Example"],
};

/// The Chinese export.
pub const ZH: Vocabulary = Vocabulary {
    lang: "zh",
    version_prefix: "文档版本：",
    sections: &[
        ("法律声明", Section::Other),
        ("通用约定", Section::Conventions),
        ("目录", Section::Contents),
        ("1. 错误码列表", Section::Other),
        ("错误码格式", Section::ErrorFormat),
        ("通用错误码", Section::CommonErrors),
        ("2. 服务地址", Section::Other),
        ("域名格式", Section::DomainFormat),
        ("获取账号ID", Section::Other),
        ("服务地址", Section::Other),
        ("公网服务地址", Section::PublicEndpoints),
        ("内网服务地址", Section::InternalEndpoints),
        ("相关链接", Section::Other),
    ],
    error_header: [
        "HTTP 状态码 (Status Code)",
        "错误码 (Error Code)",
        "错误原因",
        "解决方案",
    ],
    endpoint_header: ["地域", "服务接入地址"],
    conventions_header: ["格式", "说明", "样例"],
};

/// The part of the document a line is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// Before the first section marker: the cover.
    Cover,
    Conventions,
    Contents,
    ErrorFormat,
    CommonErrors,
    DomainFormat,
    PublicEndpoints,
    InternalEndpoints,
    /// A section the importer reads past.
    Other,
}

/// A value and the 1-based line it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// The line.
    pub line: usize,
    /// The value.
    pub value: T,
}

/// A row of the common error codes table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorRow {
    /// The row's line.
    pub line: usize,
    /// `HTTP status code`.
    pub http_status: u16,
    /// `Error code`.
    pub code: String,
    /// `Cause`, cleaned.
    pub cause: String,
    /// `Solution`, cleaned.
    pub solution: String,
}

/// A row of an endpoint table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointRow {
    /// The row's line.
    pub line: usize,
    /// `Region`: the region's name in this language.
    pub name: String,
    /// `Endpoint`: the host.
    pub endpoint: String,
}

/// The error body's field names, from the code block under "Error code format".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorBodyFields {
    /// The field whose value is `<ErrorCode>`.
    pub code_field: String,
    /// The field whose value is `<ErrorMessage>`.
    pub message_field: String,
}

/// What the importer reads from one export.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file, as its path was given.
    pub path: PathBuf,
    /// The export's language.
    pub vocabulary: &'static Vocabulary,
    /// The cover title, its lines joined by a space.
    pub title: Located<String>,
    /// The document version.
    pub version: Located<String>,
    /// The error body format; the line is the code block's first.
    pub error_body: Located<ErrorBodyFields>,
    /// The domain name format: the first code span under "Domain name format".
    pub domain_format: Located<String>,
    /// The example host (`16530750.cn-shanghai.fc.aliyuncs.com`).
    pub domain_host: Located<String>,
    /// The common error codes, in the document's order.
    pub errors: Vec<ErrorRow>,
    /// The public endpoints, in the document's order.
    pub public_endpoints: Vec<EndpointRow>,
    /// The internal endpoints, in the document's order.
    pub internal_endpoints: Vec<EndpointRow>,
}

/// Reads and parses the export at `path`, read within the bounds the
/// loader reads a spec file in: a regular file of at most 16 MiB.
pub fn read(path: &Path, vocabulary: &'static Vocabulary) -> Result<Document, Diagnostics> {
    let text = fc_codegen::load::read_text(path, "a document")?;
    parse(path, &text, vocabulary)
}

/// Parses the text of an export; `path` is only for the reports.
pub fn parse(
    path: &Path,
    text: &str,
    vocabulary: &'static Vocabulary,
) -> Result<Document, Diagnostics> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut parser = Parser {
        path,
        vocabulary,
        problems: Vec::new(),
        section: Section::Cover,
        table: None,
        errors: Vec::new(),
        public_endpoints: Vec::new(),
        internal_endpoints: Vec::new(),
        body_lines: Vec::new(),
        domain_spans: Vec::new(),
    };
    let (title, version) = parser.cover(&lines);
    parser.body(&lines);
    let error_body = parser.error_body();
    let (domain_format, domain_host) = parser.domain();
    parser.require_tables();

    match (title, version, error_body, domain_format, domain_host) {
        (Some(title), Some(version), Some(error_body), Some(domain_format), Some(domain_host)) => {
            Diagnostics(parser.problems).into_result(Document {
                path: path.to_path_buf(),
                vocabulary,
                title,
                version,
                error_body,
                domain_format,
                domain_host,
                errors: parser.errors,
                public_endpoints: parser.public_endpoints,
                internal_endpoints: parser.internal_endpoints,
            })
        }
        _ => Err(Diagnostics(parser.problems)),
    }
}

/// The table the current line belongs to.
#[derive(Debug, Clone, Copy)]
struct OpenTable {
    /// The section whose table this is, which says what its rows are;
    /// `Other` for a table already reported as not understood, whose rows
    /// are skipped so that one unknown table is one problem.
    section: Section,
    header_line: usize,
    columns: usize,
}

/// What reports call the table of `section`.
fn table_name(section: Section) -> &'static str {
    match section {
        Section::Conventions => "conventions table",
        Section::CommonErrors => "error codes table",
        Section::PublicEndpoints => "public endpoints table",
        Section::InternalEndpoints => "internal endpoints table",
        _ => "table",
    }
}

struct Parser<'a> {
    path: &'a Path,
    vocabulary: &'static Vocabulary,
    problems: Vec<Diagnostic>,
    section: Section,
    table: Option<OpenTable>,
    errors: Vec<ErrorRow>,
    public_endpoints: Vec<EndpointRow>,
    internal_endpoints: Vec<EndpointRow>,
    /// The lines of the code block under "Error code format".
    body_lines: Vec<(usize, &'a str)>,
    /// The code spans under "Domain name format".
    domain_spans: Vec<Located<String>>,
}

impl<'a> Parser<'a> {
    fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Diagnostic::at(self.path, line, message));
    }

    /// A problem of the whole file: something it lacks.
    fn missing(&mut self, message: String) {
        self.problems.push(Diagnostic::new(self.path, message));
    }

    /// The version line, and the paragraph above it as the title.
    fn cover(&mut self, lines: &[&str]) -> (Option<Located<String>>, Option<Located<String>>) {
        let prefix = self.vocabulary.version_prefix;
        let Some(index) = lines
            .iter()
            .position(|line| line.trim_start().starts_with(prefix))
        else {
            self.missing(format!("no version line (a line starting with {prefix:?})"));
            return (None, None);
        };
        let line = index + 1;
        let value = lines[index].trim_start()[prefix.len()..].trim().to_owned();
        let version = if value.len() == 8 && value.bytes().all(|byte| byte.is_ascii_digit()) {
            Some(Located { line, value })
        } else {
            self.problem(
                line,
                format!("document version {value:?} is not eight digits (YYYYMMDD)"),
            );
            None
        };

        let above: Vec<usize> = (0..index)
            .rev()
            .skip_while(|&i| lines[i].trim().is_empty())
            .take_while(|&i| !lines[i].trim().is_empty())
            .collect();
        let Some(&first) = above.last() else {
            self.problem(line, "no title above the version line");
            return (None, version);
        };
        let mut parts = Vec::new();
        for &i in above.iter().rev() {
            match cell::clean(lines[i].trim().trim_start_matches('#')) {
                Ok(part) => parts.push(part),
                Err(message) => self.problem(i + 1, format!("title: {message}")),
            }
        }
        let title = Located {
            line: first + 1,
            value: parts.join(" "),
        };
        (Some(title), version)
    }

    fn body(&mut self, lines: &[&'a str]) {
        let mut in_code_block = false;
        for (index, &text) in lines.iter().enumerate() {
            let line = index + 1;
            if text.trim_start().starts_with("```") {
                in_code_block = !in_code_block;
                self.table = None;
                continue;
            }
            if in_code_block {
                if self.section == Section::ErrorFormat {
                    self.body_lines.push((line, text));
                }
            } else if text.trim().is_empty() {
                self.table = None;
            } else if text.contains('\t') {
                self.tab_line(line, text);
            } else if let Some(table) = self.table {
                if table.section != Section::Other {
                    self.problem(
                        line,
                        format!(
                            "a line without a tab inside the {} (header at line {}); every row needs {} tab-separated cells, and a blank line ends the table",
                            table_name(table.section),
                            table.header_line,
                            table.columns
                        ),
                    );
                }
            } else {
                self.prose_line(line, text);
            }
        }
    }

    fn prose_line(&mut self, line: usize, text: &str) {
        let marker = marker_text(text);
        if let Some(&(_, section)) = self
            .vocabulary
            .sections
            .iter()
            .find(|(name, _)| *name == marker)
        {
            self.section = section;
        } else if text.starts_with('#') {
            // A markdown heading the importer does not know ends the section,
            // so its text is not read as part of the one before.
            self.section = Section::Other;
        } else if self.section == Section::DomainFormat {
            let spans = code_spans(text).map(|span| Located {
                line,
                value: span.to_owned(),
            });
            self.domain_spans.extend(spans);
        }
    }

    fn tab_line(&mut self, line: usize, text: &str) {
        let cells: Vec<&str> = text.split('\t').collect();
        if let Some(section) = self.header_section(line, &cells) {
            self.table = Some(OpenTable {
                section,
                header_line: line,
                columns: cells.len(),
            });
            return;
        }
        match self.table {
            Some(table) if table.section == Section::Other => {}
            Some(table) if cells.len() != table.columns => self.problem(
                line,
                format!(
                    "row has {} cells, the {} (header at line {}) has {}",
                    cells.len(),
                    table_name(table.section),
                    table.header_line,
                    table.columns
                ),
            ),
            Some(table) => self.row(line, table.section, &cells),
            None if self.section == Section::Contents && is_contents_row(&cells) => {}
            None => {
                let message = self.unknown_table_message(&cells);
                self.problem(line, message);
                self.table = Some(OpenTable {
                    section: Section::Other,
                    header_line: line,
                    columns: cells.len(),
                });
            }
        }
    }

    /// The section whose table a header row starts, or `None` if `cells` is
    /// not a known header. A known header in a section where it does not
    /// belong is reported and rejected ([`Section::Other`]).
    fn header_section(&mut self, line: usize, cells: &[&str]) -> Option<Section> {
        let (_, _, sections) = known_tables(self.vocabulary)
            .into_iter()
            .find(|(_, header, _)| same_cells(cells, header))?;
        if sections.contains(&self.section) {
            return Some(self.section);
        }
        let expected: Vec<String> = sections
            .iter()
            .map(|section| section_name(self.vocabulary, *section))
            .collect();
        self.problem(
            line,
            format!(
                "a {} header outside the section {}; the importer cannot tell what this table lists",
                table_name(sections[0]),
                expected.join(" or ")
            ),
        );
        Some(Section::Other)
    }

    fn unknown_table_message(&self, cells: &[&str]) -> String {
        let shown = cells
            .iter()
            .map(|cell| format!("{:?}", cell.trim()))
            .collect::<Vec<_>>()
            .join(" | ");
        let closest = known_tables(self.vocabulary)
            .into_iter()
            .map(|(name, header, _)| {
                let shared = cells
                    .iter()
                    .filter(|cell| header.contains(&cell.trim()))
                    .count();
                (shared, name, header)
            })
            .max_by_key(|(shared, _, _)| *shared);
        match closest {
            Some((shared, name, header)) if shared > 0 => {
                let unknown: Vec<String> = cells
                    .iter()
                    .map(|cell| cell.trim())
                    .filter(|cell| !header.contains(cell))
                    .map(|cell| format!("{cell:?}"))
                    .collect();
                let missing: Vec<String> = header
                    .iter()
                    .filter(|column| !cells.iter().any(|cell| cell.trim() == **column))
                    .map(|column| format!("{column:?}"))
                    .collect();
                let mut message =
                    format!("table header {shown} does not match the {name} header");
                if !unknown.is_empty() {
                    message.push_str(&format!("; unknown column {}", unknown.join(", ")));
                }
                if !missing.is_empty() {
                    message.push_str(&format!("; missing column {}", missing.join(", ")));
                }
                if unknown.is_empty() && missing.is_empty() {
                    message.push_str("; the columns are out of order");
                }
                message
            }
            _ => format!(
                "tab-separated line {shown} is not in any table the importer knows: a new table, or rows whose header is missing"
            ),
        }
    }

    fn row(&mut self, line: usize, section: Section, raw: &[&str]) {
        if !matches!(
            section,
            Section::CommonErrors | Section::PublicEndpoints | Section::InternalEndpoints
        ) {
            return;
        }
        let cells = raw
            .iter()
            .enumerate()
            .map(|(column, raw_cell)| match cell::clean(raw_cell) {
                Ok(text) if text.is_empty() => Err(format!("cell {} is empty", column + 1)),
                Ok(text) => Ok(text),
                Err(message) => Err(format!("cell {}: {message}", column + 1)),
            })
            .collect::<Result<Vec<String>, String>>();
        let cells = match cells {
            Ok(cells) => cells,
            Err(message) => return self.problem(line, message),
        };
        if section == Section::CommonErrors {
            let [status, code, cause, solution] =
                <[String; 4]>::try_from(cells).expect("the header fixed the column count");
            let Ok(http_status) = status.parse::<u16>() else {
                return self.problem(line, format!("HTTP status {status:?} is not a number"));
            };
            self.errors.push(ErrorRow {
                line,
                http_status,
                code,
                cause,
                solution,
            });
            return;
        }
        let [name, endpoint] =
            <[String; 2]>::try_from(cells).expect("the header fixed the column count");
        let table = if section == Section::PublicEndpoints {
            &mut self.public_endpoints
        } else {
            &mut self.internal_endpoints
        };
        table.push(EndpointRow {
            line,
            name,
            endpoint,
        });
    }

    /// The field names of the code block under "Error code format".
    fn error_body(&mut self) -> Option<Located<ErrorBodyFields>> {
        let section = section_name(self.vocabulary, Section::ErrorFormat);
        let Some(&(first_line, _)) = self.body_lines.first() else {
            self.missing(format!(
                "no error body format (a code block in the section {section})"
            ));
            return None;
        };
        let mut code_field = None;
        let mut message_field = None;
        for (line, text) in std::mem::take(&mut self.body_lines) {
            let entry = text.trim().trim_end_matches(',').trim();
            if matches!(entry, "" | "{" | "}") {
                continue;
            }
            let parsed = entry.split_once(':').and_then(|(key, value)| {
                let name = key.trim().strip_prefix('"')?.strip_suffix('"')?;
                Some((name.to_owned(), value.trim()))
            });
            match parsed {
                Some((name, "<ErrorCode>")) if code_field.is_none() => code_field = Some(name),
                Some((name, "<ErrorMessage>")) if message_field.is_none() => {
                    message_field = Some(name)
                }
                _ => self.problem(
                    line,
                    format!("error body line {entry:?} is not understood; expected one \"field\": <ErrorCode> and one \"field\": <ErrorMessage>"),
                ),
            }
        }
        match (code_field, message_field) {
            (Some(code_field), Some(message_field)) => Some(Located {
                line: first_line,
                value: ErrorBodyFields {
                    code_field,
                    message_field,
                },
            }),
            _ => {
                self.problem(
                    first_line,
                    "the error body format lacks a field for <ErrorCode> or for <ErrorMessage>",
                );
                None
            }
        }
    }

    /// The domain name format (the section's first code span) and the example
    /// host (the code span that is an account id and an endpoint).
    fn domain(&mut self) -> (Option<Located<String>>, Option<Located<String>>) {
        let section = section_name(self.vocabulary, Section::DomainFormat);
        let spans = std::mem::take(&mut self.domain_spans);
        let Some(format) = spans.first().cloned() else {
            self.missing(format!(
                "no domain name format (a `code span` in the section {section})"
            ));
            return (None, None);
        };
        let mut hosts: Vec<Located<String>> = Vec::new();
        for span in spans {
            if is_example_host(&span.value) && !hosts.iter().any(|host| host.value == span.value) {
                hosts.push(span);
            }
        }
        let host = match hosts.as_slice() {
            [host] => Some(host.clone()),
            [] => {
                self.missing(format!("no example host (a `code span` like `16530750.cn-shanghai.fc.aliyuncs.com`) in the section {section}"));
                None
            }
            [_, second, ..] => {
                let all: Vec<&str> = hosts.iter().map(|host| host.value.as_str()).collect();
                self.problem(
                    second.line,
                    format!("more than one example host in the section {section}: {all:?}"),
                );
                None
            }
        };
        (Some(format), host)
    }

    fn require_tables(&mut self) {
        let tables = [
            (self.errors.is_empty(), Section::CommonErrors),
            (self.public_endpoints.is_empty(), Section::PublicEndpoints),
            (
                self.internal_endpoints.is_empty(),
                Section::InternalEndpoints,
            ),
        ];
        for (empty, section) in tables {
            if empty {
                let name = section_name(self.vocabulary, section);
                self.missing(format!("no rows in the section {name}'s table"));
            }
        }
    }
}

/// A line's text without markdown: heading marks, a list bullet, bold.
fn marker_text(line: &str) -> &str {
    let mut text = line.trim().trim_start_matches('#').trim();
    for bullet in ["- ", "* ", "● ", "• "] {
        if let Some(rest) = text.strip_prefix(bullet) {
            text = rest.trim();
        }
    }
    text.strip_prefix("**")
        .and_then(|rest| rest.strip_suffix("**"))
        .unwrap_or(text)
        .trim()
}

/// The tables a header row can start: what reports call it, its header,
/// and the sections it belongs in (the first names a misplaced one).
fn known_tables(vocabulary: &Vocabulary) -> [(&str, &[&str], &[Section]); 3] {
    [
        (
            "error codes table",
            &vocabulary.error_header,
            &[Section::CommonErrors],
        ),
        (
            "endpoints table",
            &vocabulary.endpoint_header,
            &[Section::PublicEndpoints, Section::InternalEndpoints],
        ),
        (
            "conventions table",
            &vocabulary.conventions_header,
            &[Section::Conventions],
        ),
    ]
}

fn section_name(vocabulary: &Vocabulary, section: Section) -> String {
    vocabulary
        .sections
        .iter()
        .find(|(_, known)| *known == section)
        .map_or_else(|| format!("{section:?}"), |(name, _)| format!("{name:?}"))
}

fn same_cells(cells: &[&str], header: &[&str]) -> bool {
    cells.len() == header.len()
        && cells
            .iter()
            .zip(header)
            .all(|(cell, column)| cell.trim() == *column)
}

/// `1. Error codes⇥05`: a line of the table of contents.
fn is_contents_row(cells: &[&str]) -> bool {
    matches!(cells, [title, page] if !title.trim().is_empty()
        && !page.trim().is_empty()
        && page.trim().bytes().all(|byte| byte.is_ascii_digit()))
}

/// The text between pairs of backticks.
fn code_spans(text: &str) -> impl Iterator<Item = &str> {
    let parts: Vec<&str> = text.split('`').collect();
    let closed = parts.len().saturating_sub(1) / 2;
    parts.into_iter().skip(1).step_by(2).take(closed)
}

/// `16530750.cn-shanghai.fc.aliyuncs.com`: digits, a dot, then a host.
fn is_example_host(span: &str) -> bool {
    span.split_once('.').is_some_and(|(account, host)| {
        !account.is_empty()
            && account.bytes().all(|byte| byte.is_ascii_digit())
            && host.contains('.')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base_en() -> String {
        // The checkout under test, read at run time (see crate::workspace).
        let xtask = std::env::var_os("CARGO_MANIFEST_DIR").unwrap();
        let path = std::path::Path::new(&xtask).join("tests/fixtures/import/base.en.txt");
        std::fs::read_to_string(path).unwrap()
    }

    fn problems_of(text: &str) -> Vec<String> {
        match parse(Path::new("en.txt"), text, &EN) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn base_fixture_parses_without_problems() {
        let document = parse(Path::new("en.txt"), &base_en(), &EN).unwrap();
        assert_eq!(document.title.value, "Function Compute API Reference");
        assert_eq!(document.version.value, "20201016");
        assert_eq!(document.errors.len(), 3);
        assert_eq!(document.public_endpoints.len(), 3);
        assert_eq!(document.internal_endpoints.len(), 3);
    }

    #[test]
    fn endpoint_table_outside_the_endpoint_sections_is_an_error() {
        let text = base_en().replace("- Public endpoints", "- Other endpoints");
        let problems = problems_of(&text);
        assert_eq!(
            problems[0],
            "en.txt:71: a public endpoints table header outside the section \"Public endpoints\" or \"Internal endpoints\"; the importer cannot tell what this table lists"
        );
    }

    #[test]
    fn error_body_field_the_spec_has_no_place_for_is_an_error() {
        let text = base_en().replace(
            "  \"errorMessage\" : <ErrorMessage>",
            "  \"errorMessage\" : <ErrorMessage>,\n  \"requestId\" : <RequestId>",
        );
        let problems = problems_of(&text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with(
                "en.txt:36: error body line \"\\\"requestId\\\" : <RequestId>\" is not understood"
            ),
            "{problems:?}"
        );
    }

    #[test]
    fn version_that_is_not_eight_digits_is_an_error() {
        let text = base_en().replace("Document Version: 20201016", "Document Version: 2020-10-16");
        assert_eq!(
            problems_of(&text),
            ["en.txt:9: document version \"2020-10-16\" is not eight digits (YYYYMMDD)"]
        );
    }

    #[test]
    fn markers_match_with_heading_bullet_and_bold_stripped() {
        assert_eq!(marker_text("## Common error codes"), "Common error codes");
        assert_eq!(
            marker_text("- **Internal endpoints**"),
            "Internal endpoints"
        );
        assert_eq!(marker_text("● 公网服务地址"), "公网服务地址");
        assert_eq!(marker_text("- Public endpoints"), "Public endpoints");
    }

    #[test]
    fn code_spans_ignore_an_unclosed_backtick() {
        let spans: Vec<&str> = code_spans("a `b` c `d` e `f").collect();
        assert_eq!(spans, ["b", "d"]);
    }

    #[test]
    fn example_host_is_an_account_id_then_a_host() {
        assert!(is_example_host("16530750.cn-shanghai.fc.aliyuncs.com"));
        assert!(!is_example_host("account_id.service_endpoint"));
        assert!(!is_example_host("cn-shanghai.fc.aliyuncs.com"));
        assert!(!is_example_host("account_id = 16530750"));
    }
}
