//! One language's documents, whatever their form, read into typed rows with
//! their places: the pages ([`Page`], from HTML or a text export) walked
//! block by block.
//!
//! Tables are known by what they hold, columns by name
//! ([`super::vocabulary`]), in any order: a table with an error code column
//! is the error codes table, one with a region column an endpoints table,
//! and a table with neither (site navigation, the table of contents) is
//! skipped with a note. A known table with a column the vocabulary does not
//! know fails, naming the column and where to teach it, so no column is
//! ever dropped silently. Sections matter only where a table or text does
//! not say what it is: the error body's format, the domain name format, and
//! which network a plain "Endpoint" column lists.

use std::path::PathBuf;

use fc_codegen::escape::is_invisible;
use fc_codegen::{Diagnostic, Diagnostics};

use super::page::{Block, Cell, Page, Place, Table};
use super::vocabulary::{Column, Section, Vocabulary, WHERE_TO_TEACH};

/// A value and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// Where.
    pub at: Place,
    /// The value.
    pub value: T,
}

/// A row of an error codes table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorRow {
    /// The HTTP status.
    pub http_status: Located<u16>,
    /// The code.
    pub code: Located<String>,
    /// The message template, where the table has the column and the cell
    /// says something.
    pub message: Option<Located<String>>,
    /// Why it happens.
    pub cause: Located<String>,
    /// What to do.
    pub solution: Located<String>,
}

/// A region's row of an endpoints table, for one network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointRow {
    /// The region's name in this language.
    pub name: Located<String>,
    /// The region id, where the table has the column.
    pub region_id: Option<Located<String>>,
    /// The host, without an account placeholder in front.
    pub endpoint: Located<String>,
}

/// The error body's field names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorBodyFields {
    /// The field whose value is `<ErrorCode>`.
    pub code_field: String,
    /// The field whose value is `<ErrorMessage>`.
    pub message_field: String,
}

/// What one language's documents say. What a form does not give (a page
/// has no document title; the FC 3.0 endpoints page no domain section) is
/// `None`, and the import keeps it from the current spec.
#[derive(Debug, Clone)]
pub struct Document {
    /// The language's words.
    pub vocabulary: &'static Vocabulary,
    /// The files read, in the order given.
    pub files: Vec<PathBuf>,
    /// The document title (a text export's cover).
    pub title: Option<Located<String>>,
    /// The document version: a text export's, or the newest last-updated
    /// date of the pages.
    pub version: Located<String>,
    /// Where the version came from, for the import's report.
    pub version_source: String,
    /// The error body format.
    pub error_body: Option<Located<ErrorBodyFields>>,
    /// The domain name format: the first code span of its section.
    pub domain_format: Option<Located<String>>,
    /// The example host (`16530750.cn-shanghai.fc.aliyuncs.com`).
    pub domain_host: Option<Located<String>>,
    /// The common error codes, in the documents' order.
    pub errors: Vec<ErrorRow>,
    /// The public endpoints, in the documents' order.
    pub public_endpoints: Vec<EndpointRow>,
    /// The internal endpoints, in the documents' order.
    pub internal_endpoints: Vec<EndpointRow>,
}

impl Document {
    /// The files, for reports: `errors.en.html, endpoints.en.html`.
    pub fn files_shown(&self) -> String {
        let files: Vec<String> = self
            .files
            .iter()
            .map(|file| file.display().to_string())
            .collect();
        files.join(", ")
    }
}

/// Reads one language's pages into a [`Document`], reporting every problem.
pub fn interpret(pages: &[Page], vocabulary: &'static Vocabulary) -> Result<Document, Diagnostics> {
    let mut reader = Interpreter {
        vocabulary,
        problems: Vec::new(),
        skipped: Vec::new(),
        rejected: Vec::new(),
        titles: Vec::new(),
        versions: Vec::new(),
        error_bodies: Vec::new(),
        domain_spans: Vec::new(),
        errors: Vec::new(),
        public_endpoints: Vec::new(),
        internal_endpoints: Vec::new(),
    };
    for page in pages {
        reader.page(page);
    }
    let files: Vec<PathBuf> = pages.iter().map(|page| page.path.clone()).collect();
    let version = reader.version(&files);
    let error_body = reader.error_body();
    let (domain_format, domain_host) = reader.domain();
    reader.require_tables(&files);
    let Some((version, version_source)) = version else {
        return Err(Diagnostics(reader.problems));
    };
    Diagnostics(reader.problems).into_result(Document {
        vocabulary,
        files,
        title: reader.titles.into_iter().next(),
        version,
        version_source,
        error_body,
        domain_format,
        domain_host,
        errors: reader.errors,
        public_endpoints: reader.public_endpoints,
        internal_endpoints: reader.internal_endpoints,
    })
}

/// Where a version came from.
#[derive(Debug)]
enum VersionSource {
    /// A text export's `Document Version:` line.
    Cover,
    /// A page's last-updated date.
    Updated,
}

struct Interpreter {
    vocabulary: &'static Vocabulary,
    problems: Vec<Diagnostic>,
    /// The tables read past for having no key column, named when a table
    /// the import needs is missing (its key column may have been renamed).
    skipped: Vec<String>,
    /// The key columns of the known tables refused for their header, whose
    /// rows are then not also reported missing.
    rejected: Vec<Column>,
    titles: Vec<Located<String>>,
    versions: Vec<(Located<String>, VersionSource)>,
    /// The text blocks of the error format sections holding `<ErrorCode>`.
    error_bodies: Vec<Located<String>>,
    /// The code spans of the domain name format sections.
    domain_spans: Vec<Located<String>>,
    errors: Vec<ErrorRow>,
    public_endpoints: Vec<EndpointRow>,
    internal_endpoints: Vec<EndpointRow>,
}

impl Interpreter {
    fn page(&mut self, page: &Page) {
        let place = |line| page.place(line);
        let mut section = Section::Other;
        for block in &page.blocks {
            match block {
                Block::Cover {
                    title_line,
                    title,
                    line,
                    version,
                } => {
                    self.titles.push(Located {
                        at: place(*title_line),
                        value: title.clone(),
                    });
                    let version = Located {
                        at: place(*line),
                        value: version.clone(),
                    };
                    if is_version(&version.value) {
                        self.versions.push((version, VersionSource::Cover));
                    } else {
                        self.problems.push(version.at.problem(format!(
                            "document version {:?} is not eight digits (YYYYMMDD)",
                            version.value
                        )));
                    }
                }
                Block::Updated { line, date } => self.versions.push((
                    Located {
                        at: place(*line),
                        value: date.clone(),
                    },
                    VersionSource::Updated,
                )),
                Block::Heading { text, .. } => {
                    section = self.vocabulary.section(text).unwrap_or(Section::Other);
                }
                Block::Text { line, text } => {
                    if let Some(known) = self.vocabulary.section(marker_text(text)) {
                        section = known;
                    } else if section == Section::ErrorFormat && text.contains("<ErrorCode>") {
                        self.error_bodies.push(Located {
                            at: place(*line),
                            value: text.clone(),
                        });
                    } else if section == Section::DomainFormat {
                        let spans = code_spans(text).map(|span| Located {
                            at: place(*line),
                            value: span.to_owned(),
                        });
                        self.domain_spans.extend(spans);
                    }
                }
                Block::Table(table) => self.table(page, table, section),
            }
        }
    }

    /// Sorts a table into the error codes, the endpoints, or skipped.
    fn table(&mut self, page: &Page, table: &Table, section: Section) {
        // A table whose header row is not marked as one (`<td>` cells, no
        // `<thead>`) is read by its first row.
        let unmarked;
        let table = match table.rows.split_first() {
            Some((first, rest)) if table.header.is_empty() => {
                unmarked = Table {
                    line: table.line,
                    header: first.clone(),
                    rows: rest.to_vec(),
                };
                &unmarked
            }
            _ => table,
        };
        let place = |line| page.place(line);
        let columns: Vec<Option<Column>> = table
            .header
            .iter()
            .map(|cell| self.vocabulary.column(&cell.text))
            .collect();
        let has = |column| columns.contains(&Some(column));
        let (name, allowed): (&str, &[Column]) = if has(Column::Code) {
            (
                "error codes table",
                &[
                    Column::Status,
                    Column::Code,
                    Column::Message,
                    Column::Cause,
                    Column::Solution,
                ],
            )
        } else if has(Column::Region) {
            (
                "endpoints table",
                &[
                    Column::Region,
                    Column::RegionId,
                    Column::Endpoint,
                    Column::PublicEndpoint,
                    Column::InternalEndpoint,
                ],
            )
        } else {
            let header: Vec<String> = table
                .header
                .iter()
                .map(|cell| format!("{:?}", cell.text))
                .collect();
            self.skipped
                .push(format!("{} ({})", place(table.line), header.join(", ")));
            return;
        };

        // Every header cell is a column this kind of table has, once.
        let before = self.problems.len();
        let mut seen: Vec<Column> = Vec::new();
        for (cell, column) in table.header.iter().zip(&columns) {
            match column {
                Some(column) if allowed.contains(column) => {
                    if seen.contains(column) {
                        self.problems.push(place(cell.line).problem(format!(
                            "the {name} (header at line {}) has the column {:?} twice",
                            table.line, cell.text
                        )));
                    } else {
                        seen.push(*column);
                    }
                }
                _ => self.problems.push(place(cell.line).problem(format!(
                    "unknown column {:?} in the {name} (header at line {}); teach the importer its name in {WHERE_TO_TEACH}, and the spec a field for it if it says something new",
                    cell.text, table.line
                ))),
            }
        }
        if self.problems.len() > before {
            self.rejected.push(if has(Column::Code) {
                Column::Code
            } else {
                Column::Region
            });
            return;
        }
        let index = |column| columns.iter().position(|known| known == &Some(column));
        if has(Column::Code) {
            self.error_rows(page, table, name, index);
        } else {
            self.endpoint_rows(page, table, name, section, index);
        }
    }

    /// Reports a required column the table lacks; `None` then.
    fn required(
        &mut self,
        table_place: &Place,
        name: &str,
        column: Column,
        index: Option<usize>,
    ) -> Option<usize> {
        if index.is_none() {
            let names: Vec<String> = self
                .vocabulary
                .names_of(column)
                .iter()
                .map(|name| format!("{name:?}"))
                .collect();
            self.problems.push(
                table_place.problem(format!("the {name} has no {} column", names.join(" or "))),
            );
        }
        index
    }

    /// The rows of `table` whose cell count is the header's, each cell read.
    fn rows<'t>(&mut self, page: &Page, table: &'t Table, name: &str) -> Vec<&'t [Cell]> {
        let mut rows = Vec::new();
        for row in &table.rows {
            if row.len() != table.header.len() {
                let line = row.first().map_or(table.line, |cell| cell.line);
                self.problems.push(page.place(line).problem(format!(
                    "row has {} cells, the {name} (header at line {}) has {}",
                    row.len(),
                    table.line,
                    table.header.len()
                )));
            } else {
                rows.push(row.as_slice());
            }
        }
        rows
    }

    /// A required cell's text; an empty one is a problem.
    fn text(&mut self, page: &Page, row: &[Cell], column: usize) -> Option<Located<String>> {
        let cell = &row[column];
        let at = page.place(cell.line);
        if cell.text.is_empty() {
            self.problems
                .push(at.problem(format!("cell {} is empty", column + 1)));
            return None;
        }
        // The spec's text rules, said where the maintainer can fix them: a
        // copy-paste's bidi control or zero-width space would reach users'
        // logs and the crate docs unseen.
        let hidden = cell
            .text
            .chars()
            .find(|&c| (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || is_invisible(c));
        if let Some(c) = hidden {
            self.problems.push(at.problem(format!(
                "cell {} holds the invisible or control character U+{:04X}",
                column + 1,
                u32::from(c)
            )));
            return None;
        }
        Some(Located {
            at,
            value: cell.text.clone(),
        })
    }

    fn error_rows(
        &mut self,
        page: &Page,
        table: &Table,
        name: &str,
        index: impl Fn(Column) -> Option<usize>,
    ) {
        let table_place = page.place(table.line);
        let columns = [
            Column::Status,
            Column::Code,
            Column::Cause,
            Column::Solution,
        ]
        .map(|column| self.required(&table_place, name, column, index(column)));
        let [Some(status), Some(code), Some(cause), Some(solution)] = columns else {
            return;
        };
        let message = index(Column::Message);
        for row in self.rows(page, table, name) {
            let [status, code, cause, solution] =
                [status, code, cause, solution].map(|column| self.text(page, row, column));
            let (Some(status), Some(code), Some(cause), Some(solution)) =
                (status, code, cause, solution)
            else {
                continue;
            };
            let Ok(http_status) = status.value.parse::<u16>() else {
                self.problems.push(
                    status
                        .at
                        .problem(format!("HTTP status {:?} is not a number", status.value)),
                );
                continue;
            };
            let message = message
                .filter(|&column| !row[column].text.is_empty())
                .and_then(|column| self.text(page, row, column));
            self.errors.push(ErrorRow {
                http_status: Located {
                    at: status.at,
                    value: http_status,
                },
                code,
                message,
                cause,
                solution,
            });
        }
    }

    fn endpoint_rows(
        &mut self,
        page: &Page,
        table: &Table,
        name: &str,
        section: Section,
        index: impl Fn(Column) -> Option<usize>,
    ) {
        let table_place = page.place(table.line);
        let Some(region) = self.required(&table_place, name, Column::Region, index(Column::Region))
        else {
            return;
        };
        let region_id = index(Column::RegionId);
        // Which network each endpoint column lists: a plain "Endpoint" by
        // its section, the FC 3.0 layout's columns by their names.
        let mut networks = Vec::new();
        if let Some(column) = index(Column::Endpoint) {
            match section {
                Section::PublicEndpoints | Section::InternalEndpoints => {
                    networks.push((column, section));
                }
                _ => {
                    let (public, internal) = (
                        self.vocabulary.section_name(Section::PublicEndpoints),
                        self.vocabulary.section_name(Section::InternalEndpoints),
                    );
                    self.problems.push(table_place.problem(format!(
                        "an endpoints table outside the sections {public:?} and {internal:?}: the importer cannot tell which network it lists"
                    )));
                    return;
                }
            }
        }
        for (column, network) in [
            (Column::PublicEndpoint, Section::PublicEndpoints),
            (Column::InternalEndpoint, Section::InternalEndpoints),
        ] {
            if let Some(column) = index(column) {
                networks.push((column, network));
            }
        }
        if networks.is_empty() {
            let names: Vec<String> = [
                Column::Endpoint,
                Column::PublicEndpoint,
                Column::InternalEndpoint,
            ]
            .iter()
            .flat_map(|column| self.vocabulary.names_of(*column))
            .map(|name| format!("{name:?}"))
            .collect();
            self.problems.push(table_place.problem(format!(
                "the {name} has no endpoint column ({})",
                names.join(", ")
            )));
            return;
        }
        for row in self.rows(page, table, name) {
            let Some(name) = self.text(page, row, region) else {
                continue;
            };
            let region_id = region_id.and_then(|column| self.text(page, row, column));
            for &(column, network) in &networks {
                let Some(mut endpoint) = self.text(page, row, column) else {
                    continue;
                };
                endpoint.value = without_account_placeholder(&endpoint.value).to_owned();
                let row = EndpointRow {
                    name: name.clone(),
                    region_id: region_id.clone(),
                    endpoint,
                };
                match network {
                    Section::PublicEndpoints => self.public_endpoints.push(row),
                    _ => self.internal_endpoints.push(row),
                }
            }
        }
    }

    /// The newest version among the covers and the pages' dates, and where
    /// it came from; a problem when there is none.
    fn version(&mut self, files: &[PathBuf]) -> Option<(Located<String>, String)> {
        let count = self.versions.len();
        let newest = self
            .versions
            .iter()
            .max_by(|(a, _), (b, _)| a.value.cmp(&b.value))
            .map(|(version, source)| {
                let kind = match source {
                    VersionSource::Cover => "the document version",
                    VersionSource::Updated => "the last-updated date",
                };
                let among = if count > 1 {
                    format!(", the newest of {count} dates")
                } else {
                    String::new()
                };
                (version.clone(), format!("{kind} at {}{among}", version.at))
            });
        if newest.is_none() {
            let lang = self.vocabulary.lang;
            let message =
                format!("no document version or last-updated date in the {lang} documents");
            self.missing(files, &message);
        }
        newest
    }

    /// The error body's field names, from the first error format block.
    fn error_body(&mut self) -> Option<Located<ErrorBodyFields>> {
        let block = self.error_bodies.first()?.clone();
        let mut code_field = None;
        let mut message_field = None;
        for (offset, text) in block.value.lines().enumerate() {
            let at = Place {
                path: block.at.path.clone(),
                line: block.at.line + offset,
            };
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
                _ => self.problems.push(at.problem(format!(
                    "error body line {entry:?} is not understood; expected one \"field\": <ErrorCode> and one \"field\": <ErrorMessage>"
                ))),
            }
        }
        match (code_field, message_field) {
            (Some(code_field), Some(message_field)) => Some(Located {
                at: block.at,
                value: ErrorBodyFields {
                    code_field,
                    message_field,
                },
            }),
            _ => {
                self.problems.push(block.at.problem(
                    "the error body format lacks a field for <ErrorCode> or for <ErrorMessage>",
                ));
                None
            }
        }
    }

    /// The domain name format (the section's first code span) and the
    /// example host (the code span that is an account id and an endpoint).
    fn domain(&mut self) -> (Option<Located<String>>, Option<Located<String>>) {
        let spans = std::mem::take(&mut self.domain_spans);
        let Some(format) = spans.first().cloned() else {
            return (None, None);
        };
        let mut hosts: Vec<Located<String>> = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for span in spans {
            if is_example_host(&span.value) && seen.insert(span.value.clone()) {
                hosts.push(span);
            }
        }
        let section = self.vocabulary.section_name(Section::DomainFormat);
        let host = match hosts.as_slice() {
            [host] => Some(host.clone()),
            [] => {
                self.problems.push(format.at.problem(format!(
                    "no example host (a `code span` like `16530750.cn-shanghai.fc.aliyuncs.com`) in the section {section:?}"
                )));
                None
            }
            [_, second, ..] => {
                let all: Vec<&str> = hosts.iter().map(|host| host.value.as_str()).collect();
                self.problems.push(second.at.problem(format!(
                    "more than one example host in the section {section:?}: {all:?}"
                )));
                None
            }
        };
        (Some(format), host)
    }

    fn require_tables(&mut self, files: &[PathBuf]) {
        let tables = [
            (self.errors.is_empty(), Column::Code, "error codes"),
            (
                self.public_endpoints.is_empty(),
                Column::Region,
                "public endpoints",
            ),
            (
                self.internal_endpoints.is_empty(),
                Column::Region,
                "internal endpoints",
            ),
        ];
        let skipped = match self.skipped.len() {
            0 => String::new(),
            count => {
                let shown: Vec<&str> = self.skipped.iter().take(5).map(String::as_str).collect();
                let more = if count > 5 {
                    format!(" and {} more", count - 5)
                } else {
                    String::new()
                };
                format!(
                    "; the tables read past for having no error code or region column (see {WHERE_TO_TEACH}): {}{more}",
                    shown.join("; ")
                )
            }
        };
        for (empty, key, what) in tables {
            if empty && !self.rejected.contains(&key) {
                let lang = self.vocabulary.lang;
                let message = format!("no rows of {what} in the {lang} documents{skipped}");
                self.missing(files, &message);
            }
        }
    }

    /// A problem of the language's documents as a whole: something none of
    /// them has. Placed at the first file, the one every report names.
    fn missing(&mut self, files: &[PathBuf], message: &str) {
        match files.first() {
            Some(file) => self.problems.push(Diagnostic::new(file, message)),
            None => self.problems.push(Diagnostic::new("", message)),
        }
    }
}

/// Eight ASCII digits.
fn is_version(text: &str) -> bool {
    text.len() == 8 && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// `<Alibaba Cloud account ID>.cn-hangzhou.fc.aliyuncs.com` without the
/// placeholder: the FC 3.0 page writes each host with the account in front.
fn without_account_placeholder(host: &str) -> &str {
    match host
        .strip_prefix('<')
        .and_then(|rest| rest.split_once(">."))
    {
        Some((_, host)) => host,
        None => host,
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
