//! Checks a loaded spec and derives the Rust names the generator emits.
//!
//! Every check runs, and every problem is reported with its file, entry and
//! line, so one run of the build shows everything a spec PR got wrong.

use std::collections::HashMap;

use crate::decode::Gap;
use crate::diagnostic::{Diagnostic, Diagnostics, Entry};
use crate::discriminant::discriminant;
use crate::escape::is_invisible;
use crate::ident::{ident_problem, upper_camel};
use crate::load::{LoadedSpec, SourceFile, ERRORS_LIST, REGIONS_LIST, SPEC_FILES};
use crate::rules::{self, MAX_ACCOUNT_ID_DIGITS, MAX_REGION_ID_LEN};
use crate::schema::Schema;
use crate::spec::{
    DocumentSpec, Documents, DomainExample, DomainSpec, EndpointSpec, ErrorAnnotation, ErrorSpec,
    RegionSpec, ServiceSpec, Spec,
};

/// The domain every service endpoint lives under.
pub const ENDPOINT_DOMAIN: &str = "fc.aliyuncs.com";

/// The only domain name format the generated `Endpoint` knows how to build.
pub const DOMAIN_FORMAT: &str = "account_id.service_endpoint";

/// A spec that passed every check, with a Rust variant name for each entry.
///
/// Only [`validate`] makes one, so the generator can trust its names.
#[derive(Debug, Clone)]
pub struct ValidSpec {
    spec: Spec,
    region_variants: Vec<String>,
    error_variants: Vec<String>,
}

impl ValidSpec {
    /// The spec model.
    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    /// Each region with its variant name, in spec order.
    pub fn regions(&self) -> impl ExactSizeIterator<Item = (&RegionSpec, &str)> {
        self.spec
            .regions
            .iter()
            .zip(self.region_variants.iter().map(String::as_str))
    }

    /// Each error code with its variant name, in spec order.
    pub fn errors(&self) -> impl ExactSizeIterator<Item = (&ErrorSpec, &str)> {
        self.spec
            .errors
            .iter()
            .zip(self.error_variants.iter().map(String::as_str))
    }

    /// The variant name of the region with this id.
    pub fn region_variant(&self, id: &str) -> Option<&str> {
        self.regions()
            .find(|(region, _)| region.id == id)
            .map(|(_, variant)| variant)
    }

    /// The spec files, in the order they were read.
    pub fn files(&self) -> [&'static str; 3] {
        SPEC_FILES
    }
}

/// How strict [`validate_with`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// What a build needs to generate correct code. An annotation an import
    /// defaulted ([`is_unreviewed`]) passes, so that an import can be built
    /// and tested before a person decides.
    Build,
    /// Everything [`Mode::Build`] checks, and no unreviewed annotation: what
    /// may ship (`cargo xtask check`, run by CI).
    Release,
}

/// How a default annotation's reason starts, so that a later import and
/// [`Mode::Release`] can tell that nobody has reviewed it yet.
pub const REVIEW_MARK: &str = "TODO: review";

/// Whether an annotation is still the default an import gave a new code: its
/// reason starts with [`REVIEW_MARK`].
///
/// ```
/// use fc_codegen::spec::ErrorAnnotation;
/// use fc_codegen::validate::is_unreviewed;
///
/// let defaulted = ErrorAnnotation { retryable: false, reason: "TODO: review: new".into() };
/// assert!(is_unreviewed(&defaulted));
/// let decided = ErrorAnnotation { retryable: true, reason: "A throttle clears.".into() };
/// assert!(!is_unreviewed(&decided));
/// ```
pub fn is_unreviewed(annotation: &ErrorAnnotation) -> bool {
    annotation.reason.starts_with(REVIEW_MARK)
}

/// Checks everything a build needs ([`Mode::Build`]), returning all
/// problems found.
pub fn validate(loaded: &LoadedSpec) -> Result<ValidSpec, Diagnostics> {
    validate_with(loaded, Mode::Build)
}

/// Checks everything `mode` asks for, returning all problems found.
pub fn validate_with(loaded: &LoadedSpec, mode: Mode) -> Result<ValidSpec, Diagnostics> {
    check(loaded, &Unread::default(), mode)
}

/// The values of each file the loader could not read: the model holds
/// placeholders there, which no check may look at.
#[derive(Debug, Default)]
pub(crate) struct Unread<'a> {
    pub service: &'a [Gap],
    pub regions: &'a [Gap],
    pub errors: &'a [Gap],
}

/// Whether the value at `field` of `entry` was read: no gap covers it.
fn was_read(gaps: &[Gap], entry: Option<usize>, field: &[&str]) -> bool {
    !gaps
        .iter()
        .any(|gap| gap.entry == entry && field.starts_with(&gap.field))
}

/// Runs every check whose inputs were read; the loader calls this on a spec
/// with `unread` values so that one run reports their neighbours' problems.
pub(crate) fn check(
    loaded: &LoadedSpec,
    unread: &Unread,
    mode: Mode,
) -> Result<ValidSpec, Diagnostics> {
    let (spec, mut problems) = (&loaded.spec, Vec::new());
    check_service(loaded, unread, &mut problems);
    let region_variants = check_list(
        (&loaded.regions, unread.regions),
        (REGIONS_LIST, "no regions: at least one is required"),
        &spec.regions,
        |region| &region.id,
        region_id_problem,
        check_region,
        &mut problems,
    );
    let error_variants = check_list(
        (&loaded.errors, unread.errors),
        (ERRORS_LIST, "no error codes: at least one is required"),
        &spec.errors,
        |error| &error.code,
        error_code_problem,
        |error, entry| check_error(error, mode, entry),
        &mut problems,
    );
    Diagnostics(problems).into_result(ValidSpec {
        spec: spec.clone(),
        region_variants,
        error_variants,
    })
}

fn check_service(loaded: &LoadedSpec, unread: &Unread, problems: &mut Vec<Diagnostic>) {
    let file = &loaded.service;
    let service = &loaded.spec.service;
    let read = |path: &[&str]| was_read(unread.service, None, path);
    let mut report = |path: &[&str], message: String| {
        if read(path) {
            problems.push(file.problem(None, path, message));
        }
    };

    // The text rules, on every field its declaration marks `text`.
    service.visit_texts(&mut Vec::new(), &mut |path, text| {
        if let Some(problem) = text_problem(text) {
            report(path, problem);
        }
    });
    let documents = &service.documents;
    let languages = [
        (Documents::KEY.en, &documents.en),
        (Documents::KEY.zh, &documents.zh),
    ];
    for (lang, document) in languages {
        if !(document.version.len() == 8 && document.version.bytes().all(|b| b.is_ascii_digit())) {
            report(
                &[ServiceSpec::KEY.documents, lang, DocumentSpec::KEY.version],
                format!(
                    "version {:?} is not eight digits (YYYYMMDD)",
                    document.version
                ),
            );
        }
    }

    let domain = &service.domain;
    if domain.format != DOMAIN_FORMAT {
        report(
            &[ServiceSpec::KEY.domain, DomainSpec::KEY.format],
            format!(
                "format {:?} is not {DOMAIN_FORMAT:?}, the only one the generated Endpoint builds; change the generator with the spec",
                domain.format
            ),
        );
    }
    let example = &domain.example;
    let example_field = |field| [ServiceSpec::KEY.domain, DomainSpec::KEY.example, field];
    let account_id = example_field(DomainExample::KEY.account_id);
    if let Some(problem) = account_id_problem(&example.account_id) {
        report(&account_id, problem);
    }
    // The example names a region of regions.yaml: checked only when that
    // file was read in full.
    let regions = &loaded.spec.regions;
    match regions.iter().find(|region| region.id == example.region) {
        _ if !unread.regions.is_empty() => {}
        None => report(
            &example_field(DomainExample::KEY.region),
            format!("region {:?} is not in regions.yaml", example.region),
        ),
        Some(region) => {
            let expected = format!("{}.{}", example.account_id, region.endpoint.public);
            if example.host != expected && read(&account_id) {
                report(
                    &example_field(DomainExample::KEY.host),
                    format!("host {:?} does not match {expected:?}", example.host),
                );
            }
        }
    }
}

/// One entry's checks: each reported at its field, unless that field (or
/// the entry) could not be read.
struct EntryReport<'a> {
    file: &'a SourceFile,
    gaps: &'a [Gap],
    entry: Entry,
    problems: &'a mut Vec<Diagnostic>,
}

impl EntryReport<'_> {
    fn read(&self, field: &[&str]) -> bool {
        was_read(self.gaps, Some(self.entry.index), field)
    }

    fn report(&mut self, field: &[&str], message: String) {
        if self.read(field) {
            let problem = self.file.problem(Some(self.entry.clone()), field, message);
            self.problems.push(problem);
        }
    }
}

/// The checks both list files share: the list `list` read has an entry
/// (else the problem `none`), and entry by entry before `check_entry`'s,
/// an id (`id_field`) that was read is well shaped (`id_problem`) and
/// unique as a wire name, as a Rust name and as a discriminant. Returns
/// each entry's variant name.
fn check_list<T>(
    (file, gaps): (&SourceFile, &[Gap]),
    ((list, id_field), none): ((&'static str, &'static str), &str),
    entries: &[T],
    id: fn(&T) -> &str,
    id_problem: fn(&str) -> Option<String>,
    mut check_entry: impl FnMut(&T, &mut EntryReport),
    problems: &mut Vec<Diagnostic>,
) -> Vec<String> {
    if entries.is_empty() && was_read(gaps, None, &[list]) {
        problems.push(file.problem(None, &[], none));
    }
    let mut names = NameRegistry::new(file, list, id_field);
    let mut variants = Vec::with_capacity(entries.len());
    for (index, item) in entries.iter().enumerate() {
        let id = id(item);
        let id_read = was_read(gaps, Some(index), &[id_field]);
        let mut entry = EntryReport {
            file,
            gaps,
            entry: Entry::new(list, index, id_read.then_some(id)),
            problems,
        };
        let variant = upper_camel(id);
        if id_read {
            if let Some(problem) = id_problem(id) {
                entry.report(&[id_field], problem);
            }
            for problem in names.register(index, id, &variant) {
                entry.report(&[id_field], problem);
            }
        }
        check_entry(item, &mut entry);
        variants.push(variant);
    }
    variants
}

/// A region's own checks, after its id's.
fn check_region(region: &RegionSpec, entry: &mut EntryReport) {
    if entry.read(&[RegionSpec::KEY.id]) {
        let endpoints = [
            (EndpointSpec::KEY.public, &region.endpoint.public, ""),
            (
                EndpointSpec::KEY.internal,
                &region.endpoint.internal,
                rules::INTERNAL_SUFFIX,
            ),
        ];
        for (field, host, suffix) in endpoints {
            let expected = format!("{}{suffix}.{ENDPOINT_DOMAIN}", region.id);
            if *host != expected {
                entry.report(
                    &[RegionSpec::KEY.endpoint, field],
                    format!(
                        "{host:?} does not match \"{{id}}{suffix}.{ENDPOINT_DOMAIN}\" ({expected:?})"
                    ),
                );
            }
        }
    }
    text_problems(region, entry);
}

/// An error code's own checks, after its code's.
fn check_error(error: &ErrorSpec, mode: Mode, entry: &mut EntryReport) {
    if !(400..=599).contains(&error.http_status) {
        entry.report(
            &[ErrorSpec::KEY.http_status],
            format!("{} is outside 400-599", error.http_status),
        );
    }
    text_problems(error, entry);
    let reason = &error.annotation.reason;
    if mode == Mode::Release && text_problem(reason).is_none() && is_unreviewed(&error.annotation) {
        entry.report(
            &[ErrorSpec::KEY.annotation, ErrorAnnotation::KEY.reason],
            format!(
                "not reviewed (starts with {REVIEW_MARK:?}); decide whether a client may retry this error, set `retryable` and say why"
            ),
        );
    }
}

/// Remembers the names seen so far in one list, to report duplicates and
/// names that collide once converted to Rust; each points at the other
/// entry and its line.
///
/// Only looked up, never iterated, so a `HashMap` keeps the output
/// deterministic; `BTreeMap` was a seventh of this crate's machine code,
/// which every user of fc-generated compiles (`cargo xtask bench-build`).
struct NameRegistry<'a> {
    file: &'a SourceFile,
    list: &'static str,
    id_field: &'static str,
    wire: HashMap<String, usize>,
    variants: HashMap<String, (usize, String)>,
    discriminants: HashMap<u32, (usize, String)>,
}

impl<'a> NameRegistry<'a> {
    fn new(file: &'a SourceFile, list: &'static str, id_field: &'static str) -> Self {
        NameRegistry {
            file,
            list,
            id_field,
            wire: HashMap::new(),
            variants: HashMap::new(),
            discriminants: HashMap::new(),
        }
    }

    /// `regions[0], line 3`: where an earlier entry's name is.
    fn place(&self, index: usize) -> String {
        let entry = Entry::new(self.list, index, None);
        match self.file.line_of(Some(&entry), &[self.id_field]) {
            Some(line) => format!("{entry}, line {line}"),
            None => entry.to_string(),
        }
    }

    fn register(&mut self, index: usize, name: &str, variant: &str) -> Vec<String> {
        let mut problems = Vec::new();
        if let Some(&first) = self.wire.get(name) {
            problems.push(format!(
                "duplicate {name:?}, first at {}",
                self.place(first)
            ));
        } else {
            self.wire.insert(name.to_owned(), index);
            if let Some(problem) = ident_problem(variant) {
                problems.push(format!("{name:?} {problem}"));
            } else if let Some((first, first_name)) = self.variants.get(variant) {
                problems.push(format!(
                    "{name:?} and {first_name:?} ({}) both convert to the Rust name `{variant}`",
                    self.place(*first)
                ));
            } else {
                self.variants
                    .insert(variant.to_owned(), (index, name.to_owned()));
            }
            let number = discriminant(name);
            if let Some((first, first_name)) = self.discriminants.get(&number) {
                problems.push(format!(
                    "{name:?} and {first_name:?} ({}) hash to the same discriminant {number:#010x}; \
                     the variants' numbers must differ (see fc_codegen::discriminant)",
                    self.place(*first)
                ));
            } else {
                self.discriminants.insert(number, (index, name.to_owned()));
            }
        }
        problems
    }
}

/// The text rules, on every field of an entry that its declaration marks `text`.
fn text_problems(entry_value: &impl Schema, entry: &mut EntryReport) {
    entry_value.visit_texts(&mut Vec::new(), &mut |path, text| {
        if let Some(problem) = text_problem(text) {
            entry.report(path, problem);
        }
    });
}

/// Text is kept verbatim, but must say something, and must not hold control
/// characters other than tab and line breaks, nor invisible ones (bidi
/// controls, zero-width characters, line separators: [`is_invisible`]): the
/// documents have none, and a stray NUL, escape or U+202E from a copy-paste
/// would reach users' logs and the crate docs unseen.
fn text_problem(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("text is empty".to_owned());
    }
    text.chars().find_map(|c| {
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            Some("control")
        } else {
            is_invisible(c).then_some("invisible")
        }
        .map(|kind| format!("text holds the {kind} character U+{:04X}", u32::from(c)))
    })
}

/// A region id becomes a DNS label of the endpoint host. The rule is the one
/// `fc_generated::Endpoint` enforces at run time on ids the spec does not
/// list (`check_region_id` there), so every listed id would also pass there:
/// two or more lowercase letters, then one or more `-`-joined parts of
/// lowercase letters and digits, at most 54 bytes (so `{id}-internal` fits a
/// 63-byte DNS label), and not ending in `-internal` (whose public host would
/// be another region's internal one).
fn region_id_problem(id: &str) -> Option<String> {
    rules::region_id_fault(id).map(|_| {
        format!(
            "{id:?} is not shaped like `cn-hangzhou` or `ap-northeast-1`: two or more lowercase letters, \
             then `-`-joined parts of lowercase letters and digits, at most {MAX_REGION_ID_LEN} bytes, not ending in `-internal`"
        )
    })
}

/// An error code is an ASCII word as the service sends it.
fn error_code_problem(code: &str) -> Option<String> {
    let shaped = !code.is_empty()
        && code.len() <= 64
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    (!shaped).then(|| {
        format!("{code:?} is not ASCII letters, digits, `-`, `_` and `.` (at most 64 bytes)")
    })
}

/// The same rule as `fc_generated::Endpoint::new` (`MAX_ACCOUNT_ID_DIGITS`),
/// so the documents' example always builds.
fn account_id_problem(account_id: &str) -> Option<String> {
    rules::account_id_fault(account_id)
        .map(|_| format!("{account_id:?} is not 1 to {MAX_ACCOUNT_ID_DIGITS} ASCII digits"))
}
