//! Checks a loaded spec and derives the Rust names the generator emits.
//!
//! Every check runs, and every problem is reported with its file, entry and
//! line, so one run of the build shows everything a spec PR got wrong.

use std::collections::HashMap;

use crate::discriminant::discriminant;
use crate::error::{SpecError, SpecErrors};
use crate::escape::is_invisible;
use crate::ident::{ident_problem, upper_camel};
use crate::load::{LoadedSpec, SourceFile, SPEC_FILES};
use crate::rules::{self, MAX_ACCOUNT_ID_DIGITS, MAX_REGION_ID_LEN};
use crate::spec::{ErrorSpec, Localized, RegionSpec, Spec};

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

/// Checks everything, returning all problems found.
pub fn validate(loaded: &LoadedSpec) -> Result<ValidSpec, SpecErrors> {
    let mut problems = Vec::new();
    check_service(loaded, &mut problems);
    let region_variants = check_regions(&loaded.regions, &loaded.spec.regions, &mut problems);
    let error_variants = check_errors(&loaded.errors, &loaded.spec.errors, &mut problems);
    SpecErrors(problems).into_result(ValidSpec {
        spec: loaded.spec.clone(),
        region_variants,
        error_variants,
    })
}

fn check_service(loaded: &LoadedSpec, problems: &mut Vec<SpecError>) {
    let file = &loaded.service;
    let service = &loaded.spec.service;
    let at = |path: &[&str]| file.lines.path_line(path);
    let mut report = |path: &[&str], message: String| {
        problems.push(file.error(at(path), message).in_entry(path.join(".")));
    };

    for (lang, document) in [("en", &service.documents.en), ("zh", &service.documents.zh)] {
        if let Some(problem) = text_problem(&document.title) {
            report(&["documents", lang, "title"], problem);
        }
        if !(document.version.len() == 8 && document.version.bytes().all(|b| b.is_ascii_digit())) {
            report(
                &["documents", lang, "version"],
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
            &["domain", "format"],
            format!(
                "format {:?} is not {DOMAIN_FORMAT:?}, the only one the generated Endpoint builds; change the generator with the spec",
                domain.format
            ),
        );
    }
    let example = &domain.example;
    if let Some(problem) = account_id_problem(&example.account_id) {
        report(&["domain", "example", "account_id"], problem);
    }
    match loaded
        .spec
        .regions
        .iter()
        .find(|region| region.id == example.region)
    {
        None => report(
            &["domain", "example", "region"],
            format!("region {:?} is not in regions.yaml", example.region),
        ),
        Some(region) => {
            let expected = format!("{}.{}", example.account_id, region.endpoint.public);
            if example.host != expected {
                report(
                    &["domain", "example", "host"],
                    format!("host {:?} does not match {expected:?}", example.host),
                );
            }
        }
    }

    let body = &service.error_body;
    for (field, value) in [
        ("code_field", &body.code_field),
        ("message_field", &body.message_field),
    ] {
        if let Some(problem) = text_problem(value) {
            report(&["error_body", field], problem);
        }
    }
}

fn check_regions(
    file: &SourceFile,
    regions: &[RegionSpec],
    problems: &mut Vec<SpecError>,
) -> Vec<String> {
    if regions.is_empty() {
        problems.push(file.error(
            file.lines.path_line(&["regions"]),
            "no regions: at least one is required",
        ));
    }
    let mut names = NameRegistry::default();
    let mut variants = Vec::with_capacity(regions.len());
    for (index, region) in regions.iter().enumerate() {
        let label = format!("regions[{index}] ({})", region.id);
        let mut report = |path: &[&str], message: String| {
            problems.push(
                file.error(file.lines.field_line("regions", index, path), message)
                    .in_entry(label.clone()),
            );
        };

        if let Some(problem) = region_id_problem(&region.id) {
            report(&["id"], problem);
        }
        let variant = upper_camel(&region.id);
        for problem in names.register(index, &region.id, &variant, "regions") {
            report(&["id"], problem);
        }
        localized_problems(&region.name, &["name"], &mut report);

        let public = format!("{}.{ENDPOINT_DOMAIN}", region.id);
        if region.endpoint.public != public {
            report(
                &["endpoint", "public"],
                format!(
                    "public endpoint {:?} does not match \"{{id}}.{ENDPOINT_DOMAIN}\" ({public:?})",
                    region.endpoint.public
                ),
            );
        }
        let internal = format!("{}-internal.{ENDPOINT_DOMAIN}", region.id);
        if region.endpoint.internal != internal {
            report(
                &["endpoint", "internal"],
                format!("internal endpoint {:?} does not match \"{{id}}-internal.{ENDPOINT_DOMAIN}\" ({internal:?})", region.endpoint.internal),
            );
        }
        variants.push(variant);
    }
    variants
}

fn check_errors(
    file: &SourceFile,
    errors: &[ErrorSpec],
    problems: &mut Vec<SpecError>,
) -> Vec<String> {
    if errors.is_empty() {
        problems.push(file.error(
            file.lines.path_line(&["errors"]),
            "no error codes: at least one is required",
        ));
    }
    let mut names = NameRegistry::default();
    let mut variants = Vec::with_capacity(errors.len());
    for (index, error) in errors.iter().enumerate() {
        let label = format!("errors[{index}] ({})", error.code);
        let mut report = |path: &[&str], message: String| {
            problems.push(
                file.error(file.lines.field_line("errors", index, path), message)
                    .in_entry(label.clone()),
            );
        };

        if let Some(problem) = error_code_problem(&error.code) {
            report(&["code"], problem);
        }
        let variant = upper_camel(&error.code);
        for problem in names.register(index, &error.code, &variant, "errors") {
            report(&["code"], problem);
        }
        if !(400..=599).contains(&error.http_status) {
            report(
                &["http_status"],
                format!("HTTP status {} is outside 400-599", error.http_status),
            );
        }
        localized_problems(&error.cause, &["cause"], &mut report);
        localized_problems(&error.solution, &["solution"], &mut report);
        if let Some(problem) = text_problem(&error.annotation.reason) {
            report(
                &["annotation", "reason"],
                format!("annotation.reason: {problem}"),
            );
        }
        variants.push(variant);
    }
    variants
}

/// Remembers the names seen so far in one list, to report duplicates and
/// names that collide once converted to Rust.
///
/// Only looked up, never iterated, so a `HashMap` keeps the output
/// deterministic; `BTreeMap` was a seventh of this crate's machine code,
/// which every user of fc-generated compiles (`cargo xtask bench-build`).
#[derive(Default)]
struct NameRegistry {
    wire: HashMap<String, usize>,
    variants: HashMap<String, (usize, String)>,
    discriminants: HashMap<u32, (usize, String)>,
}

impl NameRegistry {
    fn register(&mut self, index: usize, name: &str, variant: &str, list: &str) -> Vec<String> {
        let mut problems = Vec::new();
        if let Some(first) = self.wire.get(name) {
            problems.push(format!("duplicate {name:?}, first at {list}[{first}]"));
        } else {
            self.wire.insert(name.to_owned(), index);
            if let Some(problem) = ident_problem(variant) {
                problems.push(format!("{name:?} {problem}"));
            } else if let Some((first, first_name)) = self.variants.get(variant) {
                problems.push(format!(
                    "{name:?} and {first_name:?} ({list}[{first}]) both convert to the Rust name `{variant}`"
                ));
            } else {
                self.variants
                    .insert(variant.to_owned(), (index, name.to_owned()));
            }
            let number = discriminant(name);
            if let Some((first, first_name)) = self.discriminants.get(&number) {
                problems.push(format!(
                    "{name:?} and {first_name:?} ({list}[{first}]) hash to the same discriminant {number:#010x}; \
                     the variants' numbers must differ (see fc_codegen::discriminant)"
                ));
            } else {
                self.discriminants.insert(number, (index, name.to_owned()));
            }
        }
        problems
    }
}

fn localized_problems(text: &Localized, path: &[&str], report: &mut impl FnMut(&[&str], String)) {
    for (lang, value) in [("en", &text.en), ("zh", &text.zh)] {
        if let Some(problem) = text_problem(value) {
            let mut field: Vec<&str> = path.to_vec();
            field.push(lang);
            report(&field, format!("{}.{lang}: {problem}", path.join(".")));
        }
    }
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
            "region id {id:?} is not shaped like `cn-hangzhou` or `ap-northeast-1`: two or more lowercase letters, \
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
        format!(
            "error code {code:?} is not ASCII letters, digits, `-`, `_` and `.` (at most 64 bytes)"
        )
    })
}

/// The same rule as `fc_generated::Endpoint::new` (`MAX_ACCOUNT_ID_DIGITS`),
/// so the documents' example always builds.
fn account_id_problem(account_id: &str) -> Option<String> {
    rules::account_id_fault(account_id).map(|_| {
        format!("account id {account_id:?} is not 1 to {MAX_ACCOUNT_ID_DIGITS} ASCII digits")
    })
}
