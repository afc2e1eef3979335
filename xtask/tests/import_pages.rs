//! `cargo xtask import` on a docs bump shaped like today's Function Compute
//! documentation (`fixtures/pages/`): the help-center pages saved from a
//! browser (both topics, both languages, both layouts of the Endpoints
//! page) and the same facts as text exports. Every form gives the same
//! spec; every way a page can be wrong or hostile gives a report with its
//! file and line.

use std::path::{Path, PathBuf};
use std::process::Command;

use fc_codegen::rules::{status_retry, StatusRetry};
use fc_codegen::spec::Spec;
use fc_codegen::validate::is_unreviewed;
use tempfile::TempDir;

mod common;

fn pages() -> PathBuf {
    common::manifest_dir().join("tests/fixtures/pages")
}

fn workspace_root() -> PathBuf {
    let xtask = common::manifest_dir();
    xtask.parent().unwrap_or(&xtask).to_path_buf()
}

/// The files of each form of the bump, English then Chinese.
const FORMS: [(&str, [&[&str]; 2]); 3] = [
    (
        "pages",
        [
            &["errors.en.html", "endpoints.en.html"],
            &["errors.zh.html", "endpoints.zh.html"],
        ],
    ),
    (
        "pages with the FC 3.0 Endpoints page",
        [
            &["errors.en.html", "endpoints-3.0.en.html"],
            &["errors.zh.html", "endpoints-3.0.zh.html"],
        ],
    ),
    ("text exports", [&["bump.en.txt"], &["bump.zh.txt"]]),
];

/// Runs the import in `dir` (so reports name files by their bare names)
/// into `spec`, whose path is shown as `$SPEC`.
fn import_in(dir: &Path, [en, zh]: [&[&str]; 2], spec: &Path) -> common::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    command.current_dir(dir).arg("import");
    for file in en {
        command.arg("--en").arg(file);
    }
    for file in zh {
        command.arg("--zh").arg(file);
    }
    command.arg("--spec").arg(spec);
    common::run_import(&mut command, spec)
}

/// A temporary copy of the committed spec, the one a maintainer imports into.
fn current_spec() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in fc_codegen::load::SPEC_FILES {
        std::fs::copy(
            workspace_root().join("spec").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    dir
}

fn spec_files(dir: &Path) -> Vec<(String, String)> {
    fc_codegen::load::SPEC_FILES
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(name)).unwrap();
            ((*name).to_owned(), text)
        })
        .collect()
}

fn load(dir: &Path) -> Spec {
    fc_codegen::load::load_dir(dir)
        .unwrap_or_else(|errors| panic!("{errors}"))
        .spec
}

/// Imports one form of the bump into a copy of the committed spec.
fn import_form(files: [&[&str]; 2]) -> (TempDir, common::Output) {
    let spec = current_spec();
    let output = import_in(&pages(), files, spec.path());
    assert!(output.success, "{}", output.stderr);
    (spec, output)
}

#[test]
fn every_form_of_the_bump_gives_the_same_spec_byte_for_byte() {
    let (first_spec, _) = import_form(FORMS[0].1);
    let expected = spec_files(first_spec.path());
    for (form, files) in &FORMS[1..] {
        let (spec, _) = import_form(*files);
        let files = spec_files(spec.path());
        for ((name, expected), (_, actual)) in expected.iter().zip(&files) {
            assert!(
                expected == actual,
                "{form}: {name} differs from the pages' import:\n{actual}"
            );
        }
    }
}

#[test]
fn the_bump_holds_the_documents_facts() {
    let (spec_dir, output) = import_form(FORMS[0].1);
    let spec = load(spec_dir.path());
    assert_eq!(spec.regions.len(), 26);
    assert_eq!(spec.errors.len(), 22);
    let ids: Vec<&str> = spec
        .regions
        .iter()
        .map(|region| region.id.as_str())
        .collect();
    for new in [
        "cn-wulanchabu",
        "ap-southeast-7",
        "me-central-1",
        "eu-west-1",
    ] {
        assert!(ids.contains(&new), "{new} missing: {ids:?}");
    }
    assert!(!ids.contains(&"ap-southeast-2"), "Sydney is gone");
    // Every code has its template, verbatim, from the Error message column.
    let message = |code: &str| {
        let error = spec.errors.iter().find(|error| error.code == code).unwrap();
        error.message.clone()
    };
    assert!(spec.errors.iter().all(|error| error.message.is_some()));
    assert_eq!(
        message("AliasNotFound").as_deref(),
        Some("alias '%s' of service '%s' does not exist")
    );
    assert_eq!(
        message("EntityTooLarge").as_deref(),
        Some("payload size exceeds maximum allowed size (%s bytes)")
    );
    // The table a page's script holds is not read.
    assert!(spec
        .errors
        .iter()
        .all(|error| error.code != "ScriptOnlyCode"));
    // The version of a set of pages is the newest last-updated date.
    let documents = &spec.service.documents;
    assert_eq!(
        (documents.en.version.as_str(), documents.zh.version.as_str()),
        ("20260315", "20260310")
    );
    assert!(
        output
            .stdout
            .contains("en version 20260315: the last-updated date at errors.en.html:68, the newest of 2 dates"),
        "{}",
        output.stdout
    );
    // What no page gives is kept, and the import says so.
    assert!(output.stderr.contains(
        "note: en document title: kept from the current spec (\"Function Compute API Reference\")"
    ));
    let (_, exported) = import_form(FORMS[2].1);
    assert!(exported
        .stdout
        .contains("en version 20260315: the document version at bump.en.txt:9\n"));
    assert!(!exported.stderr.contains("note:"), "{}", exported.stderr);
}

/// A code the import adds is retried as a client retries a code it does
/// not know with the same status, so importing it changes nothing for a
/// client until a person decides, and it is marked so that CI refuses it.
#[test]
fn new_codes_are_retried_as_their_status_says_until_reviewed() {
    let (spec_dir, output) = import_form(FORMS[0].1);
    let before = load(&workspace_root().join("spec"));
    let after = load(spec_dir.path());
    let new: Vec<_> = after
        .errors
        .iter()
        .filter(|error| before.errors.iter().all(|old| old.code != error.code))
        .collect();
    assert_eq!(new.len(), 9);
    for error in &new {
        let class = status_retry(error.http_status);
        assert_eq!(
            error.annotation.retryable,
            class != StatusRetry::NotRetryable,
            "{}",
            error.code
        );
        assert!(is_unreviewed(&error.annotation), "{}", error.code);
    }
    for line in [
        "warning: new error code \"BadResponse\" (HTTP 502): transient by the status rule, so retryable: true",
        "warning: new error code \"DestinationDeliveryFailed\" (HTTP 500): a server error by the status rule, so retryable: true",
        "warning: new error code \"ServiceNotFound\" (HTTP 404): not retryable by the status rule, so retryable: false",
    ] {
        assert!(output.stderr.contains(line), "{line}\n{}", output.stderr);
    }
    // The annotations of the codes the spec had are kept.
    for old in &before.errors {
        let kept = after
            .errors
            .iter()
            .find(|error| error.code == old.code)
            .unwrap();
        assert_eq!(kept.annotation, old.annotation, "{}", old.code);
    }
    // And CI refuses the import until someone decides.
    let check = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("check")
        .arg(spec_dir.path())
        .output()
        .unwrap();
    assert!(!check.status.success());
}

#[test]
fn templates_reach_the_generated_code_and_the_crate_docs() {
    let (spec_dir, _) = import_form(FORMS[0].1);
    let generated = fc_codegen::generate_dir(spec_dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let code = fc_codegen::render::render_compact(&generated);
    assert!(code.contains(r#"message : Some ("service '%s' does not exist")"#));
    assert!(code.contains("**Message:**"));
    let docs = &generated.crate_docs;
    assert!(docs.contains("### Messages"), "{docs}");
    let escaped = fc_codegen::generate::markdown_text("alias '%s' of service '%s' does not exist");
    assert!(
        docs.contains(&format!("| `AliasNotFound` | {escaped} |")),
        "{docs}"
    );
}

// Pages edited one way, each in a temporary folder, so a report names the
// page by its bare name.

/// Importing the pages in `dir` gives what the fixture pages give.
fn assert_imports_as_the_pages(dir: &Path) {
    let spec = current_spec();
    let output = import_in(dir, FORMS[0].1, spec.path());
    assert!(output.success, "{}", output.stderr);
    let (expected, _) = import_form(FORMS[0].1);
    assert_eq!(spec_files(spec.path()), spec_files(expected.path()));
}

/// The four pages of the first form in a temporary folder, after `edit`
/// changed the file `name`.
fn edited_pages(name: &str, edit: impl Fn(String) -> String) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in FORMS[0].1.concat() {
        let text = std::fs::read_to_string(pages().join(file)).unwrap();
        let text = if file == name { edit(text) } else { text };
        std::fs::write(dir.path().join(file), text).unwrap();
    }
    dir
}

/// The report of an import that must fail, after checking the spec was
/// left as it was.
fn failed(dir: &Path, files: [&[&str]; 2]) -> String {
    let spec = current_spec();
    let output = import_in(dir, files, spec.path());
    assert!(
        !output.success,
        "the import should fail:\n{}",
        output.stdout
    );
    assert_eq!(
        spec_files(spec.path()),
        spec_files(&workspace_root().join("spec"))
    );
    output.stderr
}

fn failed_with_edit(name: &str, edit: impl Fn(String) -> String) -> String {
    let dir = edited_pages(name, edit);
    failed(dir.path(), FORMS[0].1)
}

#[test]
fn a_description_column_is_read_as_the_cause() {
    let dir = edited_pages("errors.en.html", |page| {
        page.replace(">Cause</th>", ">Description</th>")
    });
    assert_imports_as_the_pages(dir.path());
}

#[test]
fn reordered_columns_give_the_same_spec() {
    // The text export's error table, its columns in another order.
    let dir = tempfile::tempdir().unwrap();
    for file in ["bump.en.txt", "bump.zh.txt"] {
        let text = std::fs::read_to_string(pages().join(file)).unwrap();
        let reordered: Vec<String> = text
            .lines()
            .map(|line| {
                let cells: Vec<&str> = line.split('\t').collect();
                match cells.as_slice() {
                    [status, code, message, cause, solution] => {
                        [solution, cause, code, message, status]
                            .map(|cell| *cell)
                            .join("\t")
                    }
                    _ => line.to_owned(),
                }
            })
            .collect();
        std::fs::write(dir.path().join(file), reordered.join("\n")).unwrap();
    }
    let spec = current_spec();
    let output = import_in(dir.path(), FORMS[2].1, spec.path());
    assert!(output.success, "{}", output.stderr);
    let (expected, _) = import_form(FORMS[2].1);
    assert_eq!(spec_files(spec.path()), spec_files(expected.path()));
}

#[test]
fn an_unknown_extra_column_fails_naming_it_and_where_to_teach_it() {
    insta::assert_snapshot!(failed_with_edit("errors.en.html", |page| page.replace(
        r#"<th class="th-4" style="text-align:left">Solution</th>"#,
        r#"<th class="th-4" style="text-align:left">Solution</th><th>Severity</th>"#,
    )));
}

#[test]
fn a_region_id_that_disagrees_with_its_endpoint_fails_naming_both_cells() {
    insta::assert_snapshot!(failed_with_edit("endpoints.en.html", |page| page.replacen(
        r#"<td class="cellrowborder" valign="top">cn-hangzhou</td>"#,
        r#"<td class="cellrowborder" valign="top">cn-hangzhou-1</td>"#,
        1,
    )));
}

#[test]
fn a_page_with_no_known_table_fails_naming_the_tables_it_read_past() {
    // The errors page with its error table's key column renamed: the
    // table is read past, and the report names it.
    insta::assert_snapshot!(failed_with_edit("errors.zh.html", |page| page
        .replace(">错误码</th>", ">代码</th>")));
}

#[test]
fn a_language_missing_a_topic_fails_naming_what_is_missing() {
    let dir = edited_pages("", |page| page);
    insta::assert_snapshot!(failed(
        dir.path(),
        [
            &["errors.en.html", "endpoints.en.html"],
            &["errors.zh.html"]
        ]
    ));
}

/// A page's own problem (a date it cannot read) does not stop the others
/// from being read: one run reports both pages' problems.
#[test]
fn every_page_is_read_when_one_has_a_problem() {
    let dir = edited_pages("errors.en.html", |page| {
        page.replace(">Mar 15, 2026<", ">Mar 32, 2026<")
    });
    let endpoints = dir.path().join("endpoints.en.html");
    let page = std::fs::read_to_string(&endpoints).unwrap();
    std::fs::write(
        &endpoints,
        page.replacen(">Endpoint</th>", ">Endpoint</th><th>Zone</th>", 1),
    )
    .unwrap();
    let report = failed(dir.path(), FORMS[0].1);
    assert!(report.contains("errors.en.html:68:"), "{report}");
    assert!(report.contains("unknown column \"Zone\""), "{report}");
}

// Hostile pages: read within bounds, and never a panic or a forged line.

#[test]
fn a_page_of_thirty_thousand_nested_divs_imports_as_the_plain_page() {
    let dir = edited_pages("errors.en.html", |page| {
        page.replace(
            "<main class=\"help-main\" id=\"main\">",
            &format!(
                "<main class=\"help-main\" id=\"main\">{}",
                "<div>".repeat(30_000)
            ),
        )
        .replace("</main>", &format!("{}</main>", "</div>".repeat(30_000)))
    });
    assert_imports_as_the_pages(dir.path());
}

#[test]
fn a_sixteen_mebibyte_cell_is_refused_before_it_is_read() {
    let cell = "x".repeat(16 << 20);
    let report = failed_with_edit("errors.en.html", |page| {
        page.replacen("<td><p>404</p></td>", &format!("<td><p>{cell}</p></td>"), 1)
    });
    assert_eq!(
        report,
        "error: errors.en.html: larger than 16777216 bytes (MAX_SPEC_FILE_BYTES), the most a document may hold\n\
         1 problem in the documents; $SPEC was not changed\n"
    );
}

#[test]
fn an_entity_flood_in_the_chrome_changes_nothing() {
    let dir = edited_pages("errors.zh.html", |page| {
        page.replacen(
            "<main",
            &format!("<p>{}</p><main", "&amp;&lt;&#x202E;&nbsp;".repeat(200_000)),
            1,
        )
    });
    assert_imports_as_the_pages(dir.path());
}

#[test]
fn invisible_characters_in_a_cell_are_refused_and_reported_escaped() {
    let report = failed_with_edit("errors.en.html", |page| {
        page.replacen(
            "The error message returned because the specified service does not exist.",
            "The error message returned because the specified service does not exist.\u{202E}\u{200B}\nerror: forged.html:1: all is well",
            1,
        )
    });
    assert!(
        !report.contains('\u{202E}') && !report.contains('\u{200B}'),
        "{report}"
    );
    assert!(
        !report.lines().any(|line| line.starts_with("error: forged")),
        "{report}"
    );
    insta::assert_snapshot!(report);
}
