//! Builds the real `fc-generated` package with cargo, as its users do, from
//! temporary copies whose `spec/` is the real spec or a fixture.
//!
//! - Every valid spec gives a crate that passes clippy with `-D warnings -D
//!   missing_docs` (clippy runs rustc's lints too) and rustdoc with
//!   `-D warnings`, and whose values at run time, written back as a spec
//!   through fc-codegen's model and writer, are exactly the spec's: no spec
//!   text can break out of its literal.
//! - The build script runs once on a spec file's edit or touch, never on a
//!   no-op rebuild or another file's edit, writes nothing outside `OUT_DIR`,
//!   and fails a build on a bad spec with the report `cargo xtask check`
//!   prints.
//!
//! A copy holds what the package publishes (its manifest's `include`). All
//! copies share one target dir under cargo's `CARGO_TARGET_TMPDIR`, so the
//! dependencies are compiled once; cargo's lock on it runs one build at a time.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

use fc_codegen::spec::Spec;
use fc_codegen::write::render_spec;
use toml_edit::{value, ArrayOfTables, DocumentMut, Item, Table};

mod common;

/// The example each copy gets: prints every generated value.
const DUMP_EXAMPLE: &str = "dump_values";

fn workspace_root() -> PathBuf {
    common::manifest_dir()
        .parent()
        .expect("fc-codegen sits in the workspace")
        .to_path_buf()
}

fn fixture(name: &str) -> PathBuf {
    common::manifest_dir().join("tests/fixtures").join(name)
}

fn copies_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("generated-crate-copies")
}

/// The files of the copy `copy` of the package built from `spec_dir`, by
/// path in the copy: the published files with `spec/` swapped, the lock file,
/// a manifest that points at this `fc-codegen`, and the dump example.
fn package_files(copy: &str, spec_dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let root = workspace_root();
    let mut manifest: DocumentMut = fs::read_to_string(root.join("Cargo.toml"))
        .unwrap()
        .parse()
        .expect("the root manifest is TOML");
    let include: Vec<String> = manifest["package"]["include"]
        .as_array()
        .expect("the package lists what it publishes in `include`")
        .iter()
        .map(|entry| entry.as_str().unwrap().trim_matches('/').to_owned())
        .collect();

    let mut files = BTreeMap::new();
    for entry in include.iter().filter(|entry| entry.as_str() != "spec") {
        assert!(
            !entry.contains(['*', '?', '[']),
            "`include` entry {entry:?} is a glob: teach this test to expand it"
        );
        add_tree(&root.join(entry), Path::new(entry), &mut files);
    }
    add_tree(spec_dir, Path::new("spec"), &mut files);
    files.insert(
        "Cargo.lock".into(),
        fs::read(root.join("Cargo.lock")).unwrap(),
    );
    files.insert(
        format!("examples/{DUMP_EXAMPLE}.rs").into(),
        fs::read(common::manifest_dir().join("tests/generated_crate/dump_values.rs")).unwrap(),
    );

    // Each copy gets a package name of its own: cargo names a package's
    // build folders by its name and its path inside its workspace, which is
    // the same for every copy, so copies sharing a target dir would reuse
    // each other's build script output. The library keeps its name.
    manifest["package"]["name"] = value(format!("fc-generated-{copy}"));
    manifest["lib"]["name"] = value("fc_generated");
    // The copy is a workspace of its own, builds this fc-codegen, and has
    // only the dump example as an extra target (the real tests assert the
    // real spec's values).
    manifest["workspace"]["members"] = value(toml_edit::Array::new());
    manifest["build-dependencies"]["fc-codegen"]["path"] =
        value(root.join("fc-codegen").display().to_string());
    for key in ["test", "example", "bench", "dev-dependencies"] {
        manifest.remove(key);
    }
    // The dump example writes the crate's values back as a spec through
    // this fc-codegen's model and writer.
    let mut codegen = toml_edit::InlineTable::new();
    codegen.insert("path", root.join("fc-codegen").display().to_string().into());
    codegen.insert("features", toml_edit::Array::from_iter(["write"]).into());
    manifest["dev-dependencies"]["fc-codegen"] = value(codegen);
    let mut example = Table::new();
    example["name"] = value(DUMP_EXAMPLE);
    example["path"] = value(format!("examples/{DUMP_EXAMPLE}.rs"));
    let mut examples = ArrayOfTables::new();
    examples.push(example);
    manifest["example"] = Item::ArrayOfTables(examples);
    files.insert("Cargo.toml".into(), manifest.to_string().into_bytes());
    files
}

fn add_tree(source: &Path, target: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
    if source.is_dir() {
        for entry in fs::read_dir(source).unwrap() {
            let entry = entry.unwrap();
            add_tree(&entry.path(), &target.join(entry.file_name()), files);
        }
    } else {
        files.insert(target.to_path_buf(), fs::read(source).unwrap());
    }
}

/// Makes `dir` hold exactly `files`, rewriting only what changed, so a copy
/// kept from an earlier run builds incrementally.
fn sync_dir(dir: &Path, files: &BTreeMap<PathBuf, Vec<u8>>) {
    for stale in tree(dir).keys().filter(|path| !files.contains_key(*path)) {
        fs::remove_file(dir.join(stale)).unwrap();
    }
    for (path, bytes) in files {
        let path = dir.join(path);
        if fs::read(&path).is_ok_and(|old| &old == bytes) {
            continue;
        }
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
    }
}

/// Every file under `dir` with its content and modification time.
fn tree(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let modified = fs::metadata(&path).unwrap().modified().unwrap();
                let relative = path.strip_prefix(dir).unwrap().to_path_buf();
                files.insert(relative, (fs::read(&path).unwrap(), modified));
            }
        }
    }
    files
}

/// Runs cargo in a copy, offline, on the shared target dir.
fn cargo(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    Command::new(cargo)
        .arg("--offline")
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", copies_dir().join("target"))
        .env("CARGO_TERM_COLOR", "never")
        .envs(envs.iter().copied())
        .output()
        .expect("cargo runs")
}

/// Runs cargo and returns its stdout, failing the test with its stderr.
fn cargo_ok(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> String {
    let output = cargo(dir, args, envs);
    assert!(
        output.status.success(),
        "`cargo {}` failed in {}:\n{}",
        args.join(" "),
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The spec the dump example must write back: the spec the crate was built
/// from, without the retry reasons, which are rustdoc only.
fn expected_dump(spec_dir: &Path) -> Spec {
    let mut spec = fc_codegen::load::load_dir(spec_dir).unwrap().spec;
    for error in &mut spec.errors {
        error.annotation.reason.clear();
    }
    spec
}

/// The real spec, then every valid fixture in name order.
fn valid_specs() -> Vec<(String, PathBuf)> {
    let mut specs = vec![("real-spec".to_owned(), workspace_root().join("spec"))];
    let mut fixtures: Vec<_> = fs::read_dir(fixture("valid"))
        .unwrap()
        .map(|entry| entry.unwrap())
        .map(|entry| {
            let name = format!("valid-{}", entry.file_name().to_string_lossy());
            (name, entry.path())
        })
        .collect();
    fixtures.sort();
    assert!(
        fixtures
            .iter()
            .any(|(name, _)| name == "valid-unicode-and-quotes"),
        "the injection fixture went missing"
    );
    specs.extend(fixtures);
    specs
}

#[test]
fn every_valid_spec_builds_a_lint_clean_crate_that_returns_the_spec_strings() {
    for (name, spec_dir) in valid_specs() {
        let dir = copies_dir().join(&name);
        sync_dir(&dir, &package_files(&name, &spec_dir));
        cargo_ok(
            &dir,
            &[
                "clippy",
                "--all-targets",
                "--",
                "-D",
                "warnings",
                "-D",
                "missing_docs",
            ],
            &[],
        );
        cargo_ok(
            &dir,
            &["doc", "--no-deps"],
            &[("RUSTDOCFLAGS", "-D warnings")],
        );
        let dump_dir = tempfile::tempdir().unwrap();
        let dump_arg = dump_dir.path().display().to_string();
        let printed = cargo_ok(
            &dir,
            &["run", "--quiet", "--example", DUMP_EXAMPLE, "--", &dump_arg],
            &[],
        );
        assert_eq!(
            printed,
            format!(
                "ENDPOINT_DOMAIN = {:?}\n",
                fc_codegen::validate::ENDPOINT_DOMAIN
            ),
            "{name}: a value that is not spec data is wrong, or an entry does not round-trip"
        );
        let dumped = fc_codegen::load::load_dir(dump_dir.path())
            .unwrap_or_else(|errors| panic!("{name}: the dump does not load:\n{errors}"));
        assert!(
            dumped.spec == expected_dump(&spec_dir),
            "{name}: the generated crate does not return the spec's strings:\n{:#?}",
            first_difference(&dumped.spec, &expected_dump(&spec_dir))
        );
    }
}

/// The first line where the rendered files of `got` and `want` differ, for
/// a readable failure.
fn first_difference(got: &Spec, want: &Spec) -> Option<(String, String)> {
    let (got, want) = (render_spec(got), render_spec(want));
    got.iter()
        .zip(&want)
        .flat_map(|((name, got), (_, want))| {
            got.lines()
                .zip(want.lines())
                .map(move |(got, want)| (format!("{name}: {got}"), format!("{name}: {want}")))
        })
        .find(|(got, want)| got != want)
}

/// One `cargo build -vv` of a copy, read for what the build script did.
struct Build {
    success: bool,
    stderr: String,
    out_dir: Option<PathBuf>,
}

impl Build {
    fn run(dir: &Path) -> Build {
        let output = cargo(dir, &["build", "-vv", "--message-format=json"], &[]);
        let stdout = String::from_utf8(output.stdout).unwrap();
        let out_dir = stdout
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter(|message| message["reason"] == "build-script-executed")
            .filter_map(|message| message["out_dir"].as_str().map(PathBuf::from))
            .find(|out_dir| {
                out_dir
                    .parent()
                    .and_then(Path::file_name)
                    .is_some_and(|name| name.to_string_lossy().starts_with("fc-generated-"))
            });
        Build {
            success: output.status.success(),
            stderr: String::from_utf8(output.stderr).unwrap(),
            out_dir,
        }
    }

    /// How many times cargo ran fc-generated's build script, rather than
    /// replaying its last output: the one probe of re-runs in the tree
    /// (`cargo xtask bench-build` times builds and leaves this to the test).
    fn build_script_runs(&self) -> usize {
        self.stderr
            .lines()
            .filter(|line| {
                line.trim_start().starts_with("Running `")
                    && line.contains("/build/fc-generated-")
                    && line.ends_with("/build-script-build`")
            })
            .count()
    }

    fn out_dir(&self) -> &Path {
        self.out_dir
            .as_deref()
            .unwrap_or_else(|| panic!("no build script output:\n{}", self.stderr))
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The copy's files, leaving out the lock file that cargo itself trims.
fn package_tree(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut files = tree(dir);
    files.remove(Path::new("Cargo.lock"));
    files
}

#[test]
fn the_build_script_runs_again_on_a_spec_edit_or_touch_only_and_writes_only_into_out_dir() {
    fs::create_dir_all(copies_dir()).unwrap();
    let temp = tempfile::tempdir_in(copies_dir()).unwrap();
    let dir = temp.path();
    sync_dir(dir, &package_files("rebuild", &fixture("valid/one-region")));
    let untouched = package_tree(dir);

    let first = Build::run(dir);
    assert!(
        first.success && first.build_script_runs() == 1,
        "{}",
        first.stderr
    );
    assert_eq!(
        package_tree(dir),
        untouched,
        "the build wrote into the package"
    );
    let mut written: Vec<_> = fs::read_dir(first.out_dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    written.sort();
    assert_eq!(written, ["fc_generated.md", "fc_generated.rs"]);

    let no_op = Build::run(dir);
    assert!(
        no_op.success && no_op.build_script_runs() == 0,
        "{}",
        no_op.stderr
    );
    assert!(
        no_op.stderr.contains("Fresh fc-generated"),
        "{}",
        no_op.stderr
    );

    edit(
        &dir.join("fc-generated/README.md"),
        "# fc-generated",
        "# fc-generated (edited)",
    );
    let readme = Build::run(dir);
    assert!(
        readme.success && readme.build_script_runs() == 0,
        "{}",
        readme.stderr
    );

    edit(
        &dir.join("spec/regions.yaml"),
        "\"China (Hangzhou)\"",
        "\"China (Hangzhou, edited)\"",
    );
    let edited = package_tree(dir);
    let spec_edit = Build::run(dir);
    assert!(
        spec_edit.success && spec_edit.build_script_runs() == 1,
        "{}",
        spec_edit.stderr
    );
    let code = fs::read_to_string(spec_edit.out_dir().join("fc_generated.rs")).unwrap();
    assert!(code.contains("\"China (Hangzhou, edited)\""));
    assert_eq!(
        package_tree(dir),
        edited,
        "the build wrote into the package"
    );

    let no_op_after_edit = Build::run(dir);
    assert!(
        no_op_after_edit.success && no_op_after_edit.build_script_runs() == 0,
        "{}",
        no_op_after_edit.stderr
    );
    // cargo compares modification times, not content: a touch re-runs it.
    fs::File::options()
        .append(true)
        .open(dir.join("spec/errors.yaml"))
        .and_then(|file| file.set_modified(SystemTime::now()))
        .unwrap();
    let touched = Build::run(dir);
    assert!(
        touched.success && touched.build_script_runs() == 1,
        "{}",
        touched.stderr
    );
}

#[test]
fn a_bad_spec_fails_the_build_with_the_report_xtask_check_prints() {
    fs::create_dir_all(copies_dir()).unwrap();
    let temp = tempfile::tempdir_in(copies_dir()).unwrap();
    let dir = temp.path();
    sync_dir(
        dir,
        &package_files(
            "bad-spec",
            &fixture("invalid/several-problems-when-checking"),
        ),
    );

    let build = Build::run(dir);
    assert!(!build.success);
    // `-vv` streams the build script's stderr, each line after this prefix.
    // fc-generated shares the workspace's version with fc-codegen.
    let prefix = format!("[fc-generated-bad-spec {}] ", env!("CARGO_PKG_VERSION"));
    let streamed: Vec<&str> = build
        .stderr
        .lines()
        .filter_map(|line| line.strip_prefix(prefix.as_str()))
        .collect();
    // The build script reads `spec` relative to the package, as `cargo xtask
    // check` does from the workspace root.
    let errors = fc_codegen::generate_dir(dir.join("spec")).unwrap_err();
    let report = fc_codegen::build_script::failure_report(&errors)
        .replace(&format!("{}/", dir.display()), "");
    assert!(
        report.contains("error: spec/regions.yaml:9: regions[0]"),
        "{report}"
    );
    assert!(streamed.join("\n").contains(&report), "{}", build.stderr);
}

/// The doctests of a copy, as `cargo test --doc -- --list` names them,
/// without their lines and the build folder: the same for any spec unless
/// spec text became a code block.
fn doctest_names(copy: &str, spec_dir: &Path) -> Vec<String> {
    let dir = copies_dir().join(copy);
    sync_dir(&dir, &package_files(copy, spec_dir));
    let listed = cargo_ok(&dir, &["test", "--doc", "--", "--list"], &[]);
    let mut names: Vec<String> = listed
        .lines()
        .filter_map(|line| line.strip_suffix(": test"))
        .map(|name| {
            let name = name.rsplit_once('/').map_or(name, |(_, file)| file);
            name.split(" (line ").next().unwrap_or(name).to_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn spec_text_that_looks_like_code_adds_no_doctest() {
    // Issue 13: a region name starting with four spaces was an indented
    // code block, which `cargo test --doc` compiled and ran.
    let real = doctest_names("doctests-real-spec", &workspace_root().join("spec"));
    let hostile = doctest_names(
        "doctests-markdown-in-text",
        &fixture("valid/markdown-in-text"),
    );
    assert!(real.len() > 10, "{real:?}");
    assert_eq!(hostile, real);
}
