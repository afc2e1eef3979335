//! Spec folders written to hurt: files that are not files, files too big
//! or too deep for the parser, names one letter off, and spec text written
//! to forge report lines. Each is refused with a report naming the file
//! (and the line where there is one), never a hang, a panic or a silent
//! success. Pathological files are made here at run time, in a temp dir.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use fc_codegen::diagnostic::MAX_PRINTED_PROBLEMS;
use fc_codegen::load::MAX_NESTING_DEPTH;
use fc_codegen::load::MAX_SPEC_FILE_BYTES;
use fc_codegen::write::render_spec;
use proptest::prelude::*;

mod common;

fn valid_fixture() -> PathBuf {
    common::manifest_dir().join("tests/fixtures/valid/one-region")
}

/// A temp copy of the valid one-region spec.
fn valid_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["service.yaml", "regions.yaml", "errors.yaml"] {
        std::fs::copy(valid_fixture().join(name), dir.path().join(name)).unwrap();
    }
    dir
}

/// The report for `dir`, which must fail; on another thread, so a read that
/// blocks fails the test instead of hanging it.
fn report(dir: &Path) -> String {
    let (send, receive) = mpsc::channel();
    let dir = dir.to_path_buf();
    std::thread::spawn(move || {
        let result = fc_codegen::generate_dir(&dir).map(|_| ());
        let _ = send.send(result);
    });
    let errors = receive
        .recv_timeout(Duration::from_secs(60))
        .expect("loading the spec hung")
        .expect_err("a hostile spec must not generate");
    fc_codegen::build_script::failure_report(&errors)
}

fn replace(dir: &Path, name: &str, from: &str, to: &str) {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} not in {name}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

// Item 4: only regular files, bounded.

#[cfg(unix)]
#[test]
fn a_fifo_device_or_directory_in_place_of_a_spec_file_is_refused_without_reading_it() {
    for (name, make, kind) in [
        (
            "errors.yaml",
            Box::new(|path: &Path| {
                let status = std::process::Command::new("mkfifo")
                    .arg(path)
                    .status()
                    .unwrap();
                assert!(status.success());
            }) as Box<dyn Fn(&Path)>,
            "a FIFO",
        ),
        (
            "regions.yaml",
            Box::new(|path: &Path| std::os::unix::fs::symlink("/dev/zero", path).unwrap()),
            "a character device",
        ),
        (
            "service.yaml",
            Box::new(|path: &Path| std::fs::create_dir(path).unwrap()),
            "a directory",
        ),
    ] {
        let dir = valid_copy();
        let path = dir.path().join(name);
        std::fs::remove_file(&path).unwrap();
        make(&path);
        let report = report(dir.path());
        assert!(
            report.contains(&format!(
                "{name}: not a regular file ({kind}); a spec file must be one"
            )),
            "{report}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_to_a_regular_spec_file_is_read() {
    let dir = valid_copy();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("regions.yaml");
    std::fs::rename(dir.path().join("regions.yaml"), &target).unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join("regions.yaml")).unwrap();
    fc_codegen::generate_dir(dir.path()).unwrap_or_else(|errors| panic!("{errors}"));
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_the_limit() {
    for size in [MAX_SPEC_FILE_BYTES + 1, 4 * MAX_SPEC_FILE_BYTES] {
        let dir = valid_copy();
        // Sparse: no disk is written.
        let file = std::fs::File::create(dir.path().join("errors.yaml")).unwrap();
        file.set_len(size).unwrap();
        let report = report(dir.path());
        assert!(
            report.contains(&format!(
                "errors.yaml: larger than {MAX_SPEC_FILE_BYTES} bytes (MAX_SPEC_FILE_BYTES)"
            )),
            "{report}"
        );
    }
}

// Item 5: nesting is refused before the parser, with file and line.

fn nested_value(kind: usize, depth: usize) -> String {
    match kind {
        0 => format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
        1 => format!("{}1{}", "{a: ".repeat(depth), "}".repeat(depth)),
        2 => format!("\n{}{}x", " ".repeat(8), "- ".repeat(depth)),
        _ => {
            let mut value = String::new();
            for level in 0..depth {
                value.push_str(&format!("\n{}k{level}:", " ".repeat(level + 8)));
            }
            value.push_str(" 1");
            value
        }
    }
}

#[test]
fn nesting_past_the_limit_in_any_file_is_refused_with_file_and_line() {
    let cases = [
        ("service.yaml", "  code_field: \"errorCode\""),
        ("regions.yaml", "      en: \"China (Hangzhou)\""),
        ("errors.yaml", "      retryable: false"),
    ];
    for (name, line_text) in cases {
        for kind in 0..4 {
            let dir = valid_copy();
            let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
            let line = text.lines().position(|line| line == line_text).unwrap() + 1;
            let (key, _) = line_text.split_once(": ").unwrap();
            let deep = format!("{key}: {}", nested_value(kind, MAX_NESTING_DEPTH + 40));
            replace(dir.path(), name, line_text, &deep);
            let report = report(dir.path());
            let at = format!("{name}:");
            let reported_line: usize = report
                .split(&at)
                .nth(1)
                .and_then(|rest| rest.split(':').next())
                .and_then(|number| number.parse().ok())
                .unwrap_or_else(|| panic!("no line in {report}"));
            assert!(
                (line..=line + MAX_NESTING_DEPTH).contains(&reported_line),
                "kind {kind}: {report}"
            );
            assert!(
                report.contains(&format!(
                    "nested deeper than the {MAX_NESTING_DEPTH} levels a spec file may have (MAX_NESTING_DEPTH)"
                )),
                "{report}"
            );
        }
    }
}

#[test]
fn the_issues_200_kb_of_brackets_is_refused_at_line_one() {
    let dir = valid_copy();
    std::fs::write(dir.path().join("errors.yaml"), "[".repeat(200_000)).unwrap();
    let report = report(dir.path());
    assert!(
        report.contains("errors.yaml:1: nested deeper than the"),
        "{report}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any depth of flow or block nesting under a field: within the limit
    /// the file reaches the parser (and then the decoder, which refuses the
    /// shape without a nesting report); past it, the prescan refuses it.
    #[test]
    fn nesting_is_refused_exactly_past_the_limit(kind in 0..4_usize, depth in 1..80_usize) {
        let dir = valid_copy();
        let line_text = "      retryable: false";
        let deep = format!("      retryable: {}", nested_value(kind, depth));
        replace(dir.path(), "errors.yaml", line_text, &deep);
        let report = report(dir.path());
        let refused = report.contains("(MAX_NESTING_DEPTH)");
        // `errors`, the entry, `annotation`, `retryable`: 4 levels above it;
        // the prescan counts the line holding a run of `- ` as one more.
        let total = depth + if kind == 2 { 5 } else { 4 };
        prop_assert_eq!(refused, total > MAX_NESTING_DEPTH, "depth {}: {}", total, report);
    }
}

// Item 7: a byte order mark, and names that are one letter off.

#[test]
fn a_leading_byte_order_mark_is_accepted_and_one_later_is_refused_with_its_line() {
    let dir = valid_copy();
    let path = dir.path().join("regions.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("\u{FEFF}{text}")).unwrap();
    fc_codegen::generate_dir(dir.path()).unwrap_or_else(|errors| panic!("{errors}"));

    replace(
        dir.path(),
        "regions.yaml",
        "regions:",
        "\u{FEFF}\u{FEFF}regions:",
    );
    let line = text.lines().position(|line| line == "regions:").unwrap() + 1;
    let report = report(dir.path());
    assert!(
        report.contains(&format!("regions.yaml:{line}: a byte order mark (U+FEFF)")),
        "{report}"
    );
}

#[test]
fn a_spec_file_name_in_another_case_or_with_a_suffix_is_refused_with_the_name_meant() {
    for (wrong, meant) in [
        ("Errors.YAML", "errors.yaml"),
        ("errors.yml", "errors.yaml"),
        ("ERRORS.yaml", "errors.yaml"),
        ("errors.yaml.orig", "errors.yaml"),
        ("Regions.yml", "regions.yaml"),
        ("service.YAML~", "service.yaml"),
    ] {
        let dir = valid_copy();
        std::fs::rename(dir.path().join(meant), dir.path().join(wrong)).unwrap();
        let report = report(dir.path());
        assert!(
            report.contains(&format!(
                "{wrong}: unexpected spec file (did you mean {meant}? names are matched exactly)"
            )),
            "{report}"
        );
        assert!(
            report.contains(&format!("{meant}: missing spec file")),
            "{report}"
        );
    }
    let dir = valid_copy();
    std::fs::write(dir.path().join("notes.yml"), "x: 1\n").unwrap();
    std::fs::write(dir.path().join("README.md"), "notes\n").unwrap();
    let report = report(dir.path());
    assert!(
        report.contains("notes.yml: unexpected spec file; a spec folder holds"),
        "{report}"
    );
    assert!(!report.contains("README.md"), "{report}");
}

#[test]
fn invisible_characters_in_spec_text_are_refused() {
    for c in [
        '\u{202E}', '\u{2066}', '\u{200B}', '\u{200D}', '\u{2028}', '\u{2029}', '\u{FEFF}',
    ] {
        let dir = valid_copy();
        // As a YAML escape: libyaml reads a raw U+2028 as a line break.
        let code = u32::from(c);
        replace(
            dir.path(),
            "regions.yaml",
            "China (Hangzhou)",
            &format!("China \\u{code:04X}(Hangzhou)"),
        );
        let report = report(dir.path());
        let expected = format!(
            "regions[0] (cn-hangzhou): name.en: text holds the invisible character U+{code:04X}"
        );
        assert!(report.contains(&expected), "{report}");
    }
}

// Items 2 and 3: reports are escaped, capped and placed.

/// Every line of a report is the heading, an `error:` line, the count of
/// lines left out, or the final count; and holds no control character.
fn assert_report_lines_are_genuine(report: &str) {
    let lines: Vec<&str> = report.split('\n').collect();
    assert_eq!(lines[0], "the FC spec has problems:");
    let last = lines[lines.len() - 1];
    assert!(last.ends_with(" in the spec"), "{report}");
    for line in &lines[1..lines.len() - 1] {
        assert!(
            line.starts_with("error: ") || line.starts_with("... and "),
            "forged line {line:?} in:\n{report}"
        );
    }
    let hidden = report
        .chars()
        .find(|&c| (c.is_control() && c != '\n') || fc_codegen::escape::is_invisible(c));
    assert_eq!(hidden, None, "{report:?}");
}

#[test]
fn the_issues_forged_id_prints_as_one_escaped_line() {
    let dir = valid_copy();
    replace(
        dir.path(),
        "regions.yaml",
        "\"cn-hangzhou\"",
        "\"cn-qingdao\\n0 problems in the spec\\n\\e[32mall good\\e[0m\"",
    );
    let report = report(dir.path());
    assert_report_lines_are_genuine(&report);
    assert!(
        report.contains(
            "regions[0] (cn-qingdao\\n0 problems in the spec\\n\\u{1b}[32mall good\\u{1b}[0m)"
        ),
        "{report}"
    );
}

/// A YAML double-quoted scalar holding `text`.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Control, invisible and line-breaking characters in an id, a code, a
    /// field name or a value: the report has no line the generator did not
    /// write, and no such character.
    #[test]
    fn spec_text_cannot_forge_a_report_line(
        text in "[a-z\n\r\t\u{1b}\u{7}\u{202e}\u{2028}\u{2029}\u{200b}\u{85}\u{9b} ]{1,24}",
        place in 0..5_usize,
    ) {
        let dir = valid_copy();
        let (file, from, to) = match place {
            0 => ("regions.yaml", "\"cn-hangzhou\"".to_owned(), quoted(&text)),
            1 => ("errors.yaml", "\"InvalidArgument\"".to_owned(), quoted(&format!(" {text}"))),
            2 => ("regions.yaml", "    endpoint:".to_owned(), format!("    {}: 1\n    endpoint:", quoted(&text))),
            3 => ("regions.yaml", "\"China (Hangzhou)\"".to_owned(), quoted(&format!("{text}\u{1}"))),
            _ => ("errors.yaml", "400".to_owned(), quoted(&text)),
        };
        replace(dir.path(), file, &from, &to);
        let report = report(dir.path());
        assert_report_lines_are_genuine(&report);
    }
}

/// A spec of `count` regions with bad endpoints and `count` error codes with
/// a bad status, after the fixture's valid region: two problems an entry
/// pair. Built as a spec value and rendered by the spec writer; returns the
/// rendered `regions.yaml` and `errors.yaml`.
fn write_bad_spec(dir: &Path, count: usize) -> (String, String) {
    let mut spec = fc_codegen::load::load_dir(valid_fixture())
        .unwrap_or_else(|errors| panic!("{errors}"))
        .spec;
    let (valid_region, template_error) = (spec.regions[0].clone(), spec.errors[0].clone());
    spec.regions.extend((0..count).map(|index| {
        let mut region = valid_region.clone();
        region.id = format!("cn-bad{index}");
        region.endpoint.public = "x.fc.aliyuncs.com".to_owned();
        region.endpoint.internal = format!("cn-bad{index}-internal.fc.aliyuncs.com");
        region
    }));
    spec.errors = (0..count)
        .map(|index| {
            let mut error = template_error.clone();
            error.code = format!("Bad{index}");
            error.http_status = 7;
            error
        })
        .collect();
    let [service, regions, errors] = render_spec(&spec);
    for (name, text) in [&service, &regions, &errors] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    (regions.1, errors.1)
}

/// The 1-based numbers of the lines of `text` that contain `needle`.
fn lines_containing(text: &str, needle: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle))
        .map(|(index, _)| index + 1)
        .collect()
}

#[test]
fn a_report_prints_at_most_the_cap_and_counts_the_rest() {
    for count in [
        MAX_PRINTED_PROBLEMS / 2,
        MAX_PRINTED_PROBLEMS,
        3 * MAX_PRINTED_PROBLEMS,
    ] {
        let dir = tempfile::tempdir().unwrap();
        write_bad_spec(dir.path(), count);
        let total = 2 * count;
        let report = report(dir.path());
        assert_report_lines_are_genuine(&report);
        let printed = report
            .lines()
            .filter(|line| line.starts_with("error: "))
            .count();
        assert_eq!(printed, total.min(MAX_PRINTED_PROBLEMS));
        assert!(
            report.ends_with(&format!("\n{total} problems in the spec")),
            "{report}"
        );
        let hidden = total.saturating_sub(MAX_PRINTED_PROBLEMS);
        assert_eq!(
            report.contains(&format!("... and {hidden} more problems not shown")),
            hidden > 0,
            "{report}"
        );
    }
}

#[test]
fn every_problem_of_a_large_bad_spec_is_placed_on_its_own_line() {
    // What the linear index must still get right: the line of the field of
    // each entry, far down the file, checked against the lines of the
    // rendered files that hold the bad values.
    let count = 3_000;
    let dir = tempfile::tempdir().unwrap();
    let (regions, errors_yaml) = write_bad_spec(dir.path(), count);
    let endpoint_lines = lines_containing(&regions, "public: \"x.fc.aliyuncs.com\"");
    let status_lines = lines_containing(&errors_yaml, "http_status: 7");
    assert_eq!((endpoint_lines.len(), status_lines.len()), (count, count));
    let errors = fc_codegen::generate_dir(dir.path())
        .map(|_| ())
        .unwrap_err();
    assert_eq!(errors.0.len(), 2 * count);
    for ((index, error), line) in errors.0[..count].iter().enumerate().zip(endpoint_lines) {
        assert_eq!(error.line, Some(line), "{error}");
        // After the one valid region.
        assert_eq!(
            error.entry.as_ref().map(|entry| entry.index),
            Some(index + 1)
        );
        assert_eq!(error.field, ["endpoint", "public"]);
        assert!(error
            .message
            .starts_with("\"x.fc.aliyuncs.com\" does not match"));
    }
    for ((index, error), line) in errors.0[count..].iter().enumerate().zip(status_lines) {
        assert_eq!(error.line, Some(line), "{error}");
        assert_eq!(error.entry.as_ref().map(|entry| entry.index), Some(index));
        assert_eq!(error.field, ["http_status"]);
        assert_eq!(error.message, "7 is outside 400-599");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text made of YAML's structural characters, in any spec file:
    /// the loader answers (a spec or a report), never panics or hangs.
    #[test]
    fn any_yaml_shaped_text_gets_an_answer(
        text in "[-?:,\\[\\]{}#&*!|>'\"%@` \t\r\n\u{85}\u{2028}\u{feff}ax1é中]{0,200}",
        file in 0..3_usize,
    ) {
        let dir = valid_copy();
        let name = ["service.yaml", "regions.yaml", "errors.yaml"][file];
        std::fs::write(dir.path().join(name), &text).unwrap();
        let path = dir.path().to_path_buf();
        let (send, receive) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = send.send(fc_codegen::generate_dir(&path).map(|_| ()).map_err(|errors| errors.to_string()));
        });
        let answer = receive.recv_timeout(Duration::from_secs(60));
        prop_assert!(answer.is_ok(), "no answer for {:?}", text);
    }
}
