//! `cargo xtask bench-import`: how reading the documents scales, on large
//! and hostile pages, where the tests only check that the import gives the
//! right answer (speed is measured here, not asserted in tests on these
//! shared machines).
//!
//! Each case is built at two sizes, ten times apart, written under
//! `bench-import/` in cargo's target folder, and read as the import reads
//! one language's files (the reader the content calls for, then the
//! interpretation into rows). Each size runs `--runs N` times; the median
//! is printed with the growth: the larger input's time over the smaller's,
//! divided by how much larger it is. Linear work gives about 1; quadratic
//! work would give about 10.

use super::timing::{median, stopwatch};
use crate::cli::BenchImportOptions;
use crate::file_tree::{fresh_dir, output_dir, write};
use crate::workspace::Workspace;

/// A case: its name, what its size counts, and the file it makes at a size.
struct Case {
    name: &'static str,
    unit: &'static str,
    sizes: [usize; 2],
    page: fn(usize) -> String,
}

const CASES: [Case; 5] = [
    Case {
        name: "error codes table (HTML)",
        unit: "rows",
        sizes: [2_000, 20_000],
        page: html_error_rows,
    },
    Case {
        name: "error codes table (text export)",
        unit: "rows",
        sizes: [2_000, 20_000],
        page: text_error_rows,
    },
    Case {
        name: "nested <div>s",
        unit: "levels",
        sizes: [30_000, 300_000],
        page: nested_divs,
    },
    Case {
        name: "entity flood",
        unit: "entities",
        sizes: [100_000, 1_000_000],
        page: entity_flood,
    },
    Case {
        name: "header of unknown columns",
        unit: "columns",
        sizes: [2_000, 20_000],
        page: wide_header,
    },
];

/// Runs every case at both sizes and prints the medians and the growth.
pub fn bench_import(workspace: &Workspace, options: &BenchImportOptions) -> Result<(), String> {
    let dir = output_dir(workspace, "bench-import");
    fresh_dir(&dir)?;
    println!("medians of {} runs; growth 1 is linear", options.runs);
    for case in &CASES {
        let mut medians = Vec::new();
        for size in case.sizes {
            let file = dir.join(format!("{}-{size}.page", case.unit));
            let page = (case.page)(size);
            write(&file, &page)?;
            let mut lap = stopwatch();
            let mut seconds = Vec::new();
            for _ in 0..options.runs {
                lap();
                // Problems are expected (these pages lack a topic); the
                // time to find every one is what is measured.
                let _ = crate::import::read_english(std::slice::from_ref(&file));
                seconds.push(lap());
            }
            let seconds = median(&seconds);
            println!(
                "  {:<34} {:>9} {:<8} {:>6.1} MiB  {:>8.3} s",
                case.name,
                size,
                case.unit,
                page.len() as f64 / f64::from(1 << 20),
                seconds
            );
            medians.push(seconds);
        }
        let scale = case.sizes[1] as f64 / case.sizes[0] as f64;
        println!(
            "  {:<34} growth {:.2}",
            case.name,
            medians[1] / medians[0].max(1e-6) / scale
        );
    }
    Ok(())
}

/// An error codes page of `rows` rows, laid out as the help center does.
fn html_error_rows(rows: usize) -> String {
    let mut page = String::from(
        "<!DOCTYPE html><html><body><main><h1>Error codes</h1>\n<table><thead><tr><th>HTTP status code</th><th>Error code</th><th>Error message</th><th>Cause</th><th>Solution</th></tr></thead><tbody>\n",
    );
    for row in 0..rows {
        page.push_str(&format!(
            "<tr><td><p>400</p></td><td><p>Code{row}</p></td><td><p>service '%s' does not exist</p></td><td><p>The cause&nbsp;of {row}.</p></td><td><p>See <a href=\"#\">the docs</a> .</p></td></tr>\n"
        ));
    }
    page.push_str("</tbody></table></main></body></html>\n");
    page
}

/// The same rows as a text export's tab-separated table.
fn text_error_rows(rows: usize) -> String {
    let mut page = String::from(
        "Function Compute API Reference\n\nDocument Version: 20260315\n\n## Common error codes\n\nHTTP status code\tError code\tError message\tCause\tSolution\n",
    );
    for row in 0..rows {
        page.push_str(&format!(
            "400\tCode{row}\tservice '%s' does not exist\tThe cause of {row}.\tSee <a href=\"#\">the docs</a> .\n"
        ));
    }
    page
}

/// A small table inside `depth` nested `<div>`s.
fn nested_divs(depth: usize) -> String {
    format!(
        "<html><body>{}<table><tr><th>Region</th><th>Endpoint</th></tr><tr><td>x</td><td>y</td></tr></table>{}</body></html>",
        "<div class=\"wrap\">".repeat(depth),
        "</div>".repeat(depth)
    )
}

/// A paragraph of `count` entities.
fn entity_flood(count: usize) -> String {
    format!(
        "<html><body><p>{}</p></body></html>",
        "&amp;&nbsp;&#x202E;&lt;".repeat(count / 4)
    )
}

/// An error codes table whose header has `columns` unknown columns.
fn wide_header(columns: usize) -> String {
    let header: String = (0..columns)
        .map(|column| format!("<th>Extra {column}</th>"))
        .collect();
    format!(
        "<html><body><table><thead><tr><th>Error code</th>{header}</tr></thead><tbody><tr><td>A</td></tr></tbody></table></body></html>"
    )
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    /// Every case's page, at its smaller size, reads without a panic and
    /// the interpreter sees what the case is about.
    #[test]
    fn every_case_builds_a_page_the_import_reads() {
        let dir = tempfile::tempdir().unwrap();
        for case in &CASES {
            let file: PathBuf = dir.path().join(case.unit);
            std::fs::write(&file, (case.page)(case.sizes[0] / 100)).unwrap();
            let result = crate::import::read_english(&[file]);
            let report = match result {
                Ok(()) => String::new(),
                Err(problems) => problems.report("in the documents").to_string(),
            };
            // No page here has both topics, so each fails; the wide header
            // fails on its columns first.
            assert!(!report.is_empty(), "{}", case.name);
            if case.name.starts_with("header") {
                assert!(report.contains("unknown column \"Extra 0\""), "{report}");
            }
        }
    }

    #[test]
    fn the_row_cases_hold_their_rows() {
        let html = html_error_rows(3);
        assert_eq!(html.matches("<tr><td>").count(), 3);
        let text = text_error_rows(3);
        assert_eq!(
            text.lines()
                .filter(|line| line.starts_with("400\t"))
                .count(),
            3
        );
    }
}
