//! `cargo xtask bench-codegen`: how the generator scales with the size of
//! the spec, stage by stage, and (with `--compile`) how long the generated
//! crate for the largest spec takes to compile.
//!
//! Synthetic specs of 15, 1,000 and 10,000 regions plus as many error codes
//! are written as YAML under `bench-codegen/` in cargo's target folder and
//! run through the pipeline the build script runs: load → validate →
//! generate → `render_compact`. Each size runs `--runs N` times; medians are printed,
//! with the time per entry, which stays flat when growth is linear.
//!
//! With `--bad`, the same for problem reports instead (issue 13): specs of
//! 1,000, 10,000 and 100,000 bad entries are loaded and validated and their
//! report formatted, as a failing build does.

use std::path::Path;
use std::time::Instant;

use fc_codegen::load::SPEC_FILES;
use fc_codegen::render::render_compact;

use super::synthetic_spec::{bad_spec, valid_spec, write_files};
use super::timing::{median_by, stopwatch, timed};
use crate::cli::BenchCodegenOptions;
use crate::file_tree::{copy_workspace, fresh_dir, output_dir, read};
use crate::process::{cargo, run};
use crate::workspace::Workspace;

/// Regions in each synthetic spec; each also gets as many error codes.
const SIZES: [usize; 3] = [15, 1_000, 10_000];

/// The largest spec must generate in under this many seconds, unoptimized
/// as the build script runs it (issue 12; issue 7's 1 s held optimized).
const TARGET_SECONDS: f64 = 1.5;

/// Seconds per stage for one run of the pipeline, and the output's size.
struct StageTimes {
    /// serde_norway parsing the spec files into `Value`s, and nothing else:
    /// the part of `load` no change to fc-codegen can make cheaper while
    /// the build script parses with serde_norway unoptimized. Not in `total`.
    parse: f64,
    load: f64,
    validate: f64,
    generate: f64,
    render: f64,
    code_bytes: usize,
    docs_bytes: usize,
}

impl StageTimes {
    fn total(&self) -> f64 {
        self.load + self.validate + self.generate + self.render
    }
}

/// Runs the scaling benchmark, then the compile of the largest crate if asked.
pub fn bench_codegen(workspace: &Workspace, options: &BenchCodegenOptions) -> Result<(), String> {
    let (root, runs) = (&workspace.root, options.runs);
    let scratch = output_dir(workspace, "bench-codegen");
    fresh_dir(&scratch)?;
    println!(
        "fc-codegen pipeline on synthetic specs (N regions + N error codes), median of {runs} run(s), milliseconds:"
    );
    println!(
        "  {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>12} {:>10} {:>10}",
        "N",
        "load",
        "(parse)",
        "validate",
        "generate",
        "render",
        "total",
        "us/entry",
        "code KiB",
        "docs KiB"
    );
    let (mut largest_total, mut largest_parse) = (0.0, 0.0);
    for size in SIZES {
        let spec_dir = scratch.join(format!("spec-{size}"));
        write_files(&spec_dir, &valid_spec(size, size))?;
        let samples = (0..runs)
            .map(|_| run_pipeline(&spec_dir))
            .collect::<Result<Vec<_>, _>>()?;
        let stage = |pick: fn(&StageTimes) -> f64| median_by(&samples, pick) * 1e3;
        let total = stage(StageTimes::total);
        let (code, docs) = (samples[0].code_bytes, samples[0].docs_bytes);
        println!(
            "  {size:>6} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {total:>9.1} {:>12.1} {:>10.0} {:>10.0}",
            stage(|s| s.load),
            stage(|s| s.parse),
            stage(|s| s.validate),
            stage(|s| s.generate),
            stage(|s| s.render),
            total * 1e3 / (2 * size) as f64,
            code as f64 / 1024.0,
            docs as f64 / 1024.0,
        );
        largest_total = total / 1e3;
        largest_parse = stage(|s| s.parse) / 1e3;
    }
    let verdict = if largest_total < TARGET_SECONDS {
        "met"
    } else {
        "MISSED"
    };
    println!(
        "(parse): serde_norway reading the files into a Value, no more; a part of load, not added to total"
    );
    println!(
        "10,000 + 10,000 entries: {largest_total:.2} s (target < {TARGET_SECONDS} s: {verdict}); \
         serde_norway's parse alone: {largest_parse:.2} s"
    );
    if options.compile {
        compile_largest(root, &scratch)?;
    }
    Ok(())
}

/// One pass of the build script's pipeline over `spec_dir`, timed by stage.
fn run_pipeline(spec_dir: &Path) -> Result<StageTimes, String> {
    let parse = parse_only(spec_dir)?;
    let mut lap = stopwatch();
    let loaded = fc_codegen::load::load_dir(spec_dir).map_err(|errors| errors.to_string())?;
    let load = lap();
    let valid = fc_codegen::validate::validate(&loaded).map_err(|errors| errors.to_string())?;
    let validate = lap();
    let generated = fc_codegen::generate::generate(&valid);
    let generate = lap();
    let code = render_compact(&generated);
    Ok(StageTimes {
        parse,
        load,
        validate,
        generate,
        render: lap(),
        code_bytes: code.len(),
        docs_bytes: generated.crate_docs.len(),
    })
}

/// Seconds serde_norway takes to parse the spec files in `spec_dir` into
/// `Value`s, as the loader's parse step does, with the reading untimed.
fn parse_only(spec_dir: &Path) -> Result<f64, String> {
    let texts = SPEC_FILES.map(|name| read(&spec_dir.join(name)));
    let mut seconds = 0.0;
    for text in texts {
        let text = text?;
        let start = Instant::now();
        let parsed = serde_norway::from_str::<serde_norway::Value>(&text);
        seconds += start.elapsed().as_secs_f64();
        parsed.map_err(|error| error.to_string())?;
    }
    Ok(seconds)
}

/// Builds a copy of fc-generated with the real spec (untimed, to compile the
/// dependencies), then swaps in the largest synthetic spec and times the
/// rebuild: the build script re-runs and the generated crate compiles.
fn compile_largest(root: &Path, scratch: &Path) -> Result<(), String> {
    let largest = SIZES[SIZES.len() - 1];
    let package = scratch.join("fc-generated");
    let target = scratch.join("target");
    copy_workspace(root, &package)?;
    let build = || {
        let mut command = cargo(&package, &target, &["build", "--offline", "--lib"]);
        // As a user compiles it from crates.io: not incrementally.
        command.env("CARGO_INCREMENTAL", "0");
        command
    };
    eprintln!(
        "building a copy of fc-generated and its dependencies (untimed, a minute or so cold)..."
    );
    run(build())?;
    let spec = package.join("spec");
    fresh_dir(&spec)?;
    write_files(&spec, &valid_spec(largest, largest))?;
    let (large, _) = timed(build())?;
    copy_workspace(&root.join("spec"), &spec)?;
    let (real, _) = timed(build())?;
    println!(
        "compile of fc-generated (build script run + lib, dev profile), after its dependencies:"
    );
    let real_spec =
        fc_codegen::generate_dir(root.join("spec")).map_err(|errors| errors.to_string())?;
    let rows = [
        (
            format!(
                "real spec ({} + {} entries)",
                real_spec.region_count, real_spec.error_count
            ),
            real.wall,
        ),
        (format!("{largest} + {largest} entries"), large.wall),
    ];
    for (what, seconds) in rows {
        println!("  {what:<32} {seconds:.2} s");
    }
    Ok(())
}

/// Bad entries in each spec of `--bad`.
const BAD_SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// Times problem reporting: load, validate (which finds the problems and
/// places each on its line) and the report's text, by the number of bad
/// entries; the time per problem stays flat when reporting is linear.
pub fn bench_problem_reports(workspace: &Workspace, runs: usize) -> Result<(), String> {
    let scratch = output_dir(workspace, "bench-codegen");
    fresh_dir(&scratch)?;
    println!(
        "problem reports on synthetic bad specs (N entries, each with a bad endpoint or status), median of {runs} run(s), milliseconds:"
    );
    println!(
        "  {:>7} {:>9} {:>9} {:>9} {:>9} {:>9} {:>12}",
        "N", "problems", "load", "validate", "report", "total", "us/problem"
    );
    let mut per_problem = Vec::new();
    for size in BAD_SIZES {
        let spec_dir = scratch.join(format!("bad-{size}"));
        write_files(&spec_dir, &bad_spec(size))?;
        let samples = (0..runs)
            .map(|_| report_once(&spec_dir))
            .collect::<Result<Vec<_>, _>>()?;
        let stage = |pick: fn(&ReportTimes) -> f64| median_by(&samples, pick) * 1e3;
        let total = stage(|s| s.load + s.validate + s.report);
        let problems = samples[0].problems;
        let micros = total * 1e3 / problems as f64;
        per_problem.push(micros);
        println!(
            "  {size:>7} {problems:>9} {:>9.1} {:>9.1} {:>9.1} {total:>9.1} {micros:>12.2}",
            stage(|s| s.load),
            stage(|s| s.validate),
            stage(|s| s.report),
        );
    }
    println!(
        "time per problem, 100,000 entries / 1,000 entries: {:.2} (1.0 is linear)",
        per_problem[2] / per_problem[0]
    );
    Ok(())
}

/// Seconds per stage of one failing run, and the problems found.
struct ReportTimes {
    load: f64,
    validate: f64,
    report: f64,
    problems: usize,
}

fn report_once(spec_dir: &Path) -> Result<ReportTimes, String> {
    let mut lap = stopwatch();
    let loaded = fc_codegen::load::load_dir(spec_dir).map_err(|errors| errors.to_string())?;
    let load = lap();
    let Err(errors) = fc_codegen::validate::validate(&loaded) else {
        return Err("the bad spec validated".to_owned());
    };
    let validate = lap();
    let report = fc_codegen::build_script::failure_report(&errors);
    let report_seconds = lap();
    if report.is_empty() {
        return Err("empty report".to_owned());
    }
    Ok(ReportTimes {
        load,
        validate,
        report: report_seconds,
        problems: errors.0.len(),
    })
}
