//! `cargo xtask semver-battery`: holds spec-diff's verdict against the
//! ecosystem's own checker, `cargo-semver-checks`, on the generated crate.
//!
//! The battery mutates the real spec in every way a docs bump can (insert,
//! append, remove, rename, swap, text, status, retry annotation, for both
//! tables, at the start, the middle and the end), builds the rustdoc JSON of
//! `fc-generated` for each, and asks `cargo semver-checks` what bump each
//! needs against the unmutated spec. Two promises are checked:
//!
//! - spec-diff's bump is never weaker than cargo-semver-checks' bump;
//! - an insertion, an append or a reorder is at most minor for both.
//!
//! One copy of the workspace under the target folder serves every mutation:
//! only `spec/` changes between builds, so each costs a build-script run and
//! a rustdoc of the crate.

use std::path::{Path, PathBuf};
use std::process::Output;

use fc_codegen::spec::{EndpointSpec, ErrorAnnotation, ErrorSpec, Localized, RegionSpec, Spec};

use crate::file_tree::{copy_workspace, output_dir};
use crate::process::{cargo, run};
use crate::spec_diff::{diff, required_bump, Bump};
use crate::spec_write::write_spec;
use crate::workspace::Workspace;

/// One spec change and what it must keep to.
struct Mutation {
    /// `regions insert middle`, as the report's first column.
    name: String,
    /// The mutated spec.
    spec: Spec,
    /// An insertion, append or reorder: at most minor, by the promise.
    additive: bool,
}

/// The two bumps a mutation gets: with it, one row of the report.
struct Verdict {
    spec_diff: Bump,
    semver_checks: Bump,
}

impl Verdict {
    /// What is wrong with the row of a mutation, `additive` or not, if anything.
    fn problem(&self, additive: bool) -> Option<String> {
        if self.spec_diff < self.semver_checks {
            return Some(format!(
                "spec-diff says {} but cargo-semver-checks says {}",
                self.spec_diff.name(),
                self.semver_checks.name()
            ));
        }
        let worst = self.spec_diff.max(self.semver_checks);
        (additive && worst > Bump::Minor).then(|| {
            format!(
                "an insertion or reorder must be at most minor, got {}",
                worst.name()
            )
        })
    }
}

/// Runs the battery, prints one Markdown row per mutation, and fails if any
/// row breaks a promise.
pub fn semver_battery(workspace_paths: &Workspace) -> Result<(), String> {
    let root = &workspace_paths.root;
    require_checker()?;
    let base = fc_codegen::load::load_dir(root.join("spec"))
        .map_err(|errors| errors.to_string())?
        .spec;
    let scratch = output_dir(workspace_paths, "semver-battery");
    let workspace = scratch.join("workspace");
    eprintln!(
        "semver-battery: copying the workspace to {}",
        workspace.display()
    );
    copy_workspace(root, &workspace)?;

    eprintln!("semver-battery: building the baseline's rustdoc JSON (the first build compiles fc-codegen)");
    let baseline = rustdoc_json(&scratch, &workspace, &base, "baseline")?;
    let mutations = mutations(&base);
    let mut verdicts = Vec::with_capacity(mutations.len());
    for (number, mutation) in mutations.iter().enumerate() {
        eprintln!(
            "semver-battery: [{}/{}] {}",
            number + 1,
            mutations.len(),
            mutation.name
        );
        let file_name = mutation.name.replace(' ', "-");
        let current = rustdoc_json(&scratch, &workspace, &mutation.spec, &file_name)?;
        verdicts.push(Verdict {
            spec_diff: required_bump(&diff(&base, &mutation.spec)),
            semver_checks: semver_checks_bump(&baseline, &current)?,
        });
    }
    // The baseline spec back in place, so the copy builds as `spec/` does.
    write_spec(&workspace.join("spec"), &base)?;

    print!("{}", report(&mutations, &verdicts));
    let failures: Vec<String> = mutations
        .iter()
        .zip(&verdicts)
        .filter_map(|(mutation, verdict)| {
            let problem = verdict.problem(mutation.additive)?;
            Some(format!("{}: {problem}", mutation.name))
        })
        .collect();
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "semver-battery: {} of {} mutations break a promise:\n{}",
            failures.len(),
            verdicts.len(),
            failures.join("\n")
        ))
    }
}

/// Fails, saying how to install it, unless `cargo semver-checks --version` runs.
fn require_checker() -> Result<(), String> {
    let output =
        semver_checks(&["--version"]).map_err(|error| format!("cannot run cargo: {error}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err("cargo-semver-checks is not installed; install it with `cargo install --locked cargo-semver-checks`".to_owned())
    }
}

/// `cargo semver-checks <args>` from the current directory, run to its end
/// whatever its exit status.
fn semver_checks(args: &[&str]) -> std::io::Result<Output> {
    let args = [&["semver-checks"], args].concat();
    cargo(Path::new("."), Path::new("target"), &args).output()
}

/// The Markdown table of the battery: one row per mutation and its verdict.
fn report(mutations: &[Mutation], verdicts: &[Verdict]) -> String {
    let mut text = String::from(
        "| spec change | spec-diff | cargo-semver-checks | promise |\n|---|---|---|---|\n",
    );
    for (mutation, verdict) in mutations.iter().zip(verdicts) {
        let promise = match verdict.problem(mutation.additive) {
            None => "kept".to_owned(),
            Some(problem) => format!("**broken**: {problem}"),
        };
        text.push_str(&format!(
            "| {} | {} | {} | {promise} |\n",
            mutation.name,
            verdict.spec_diff.name(),
            verdict.semver_checks.name()
        ));
    }
    text
}

/// Writes `spec` into the copy, builds `fc-generated`'s rustdoc JSON (all
/// features) and keeps it as `json/<name>.json`.
fn rustdoc_json(
    scratch: &Path,
    workspace: &Path,
    spec: &Spec,
    name: &str,
) -> Result<PathBuf, String> {
    write_spec(&workspace.join("spec"), spec)?;
    let target = scratch.join("target");
    let mut command = cargo(
        workspace,
        &target,
        &[
            "rustdoc",
            "--package",
            "fc-generated",
            "--lib",
            "--all-features",
            "--locked",
            "--",
            "-Zunstable-options",
            "--output-format",
            "json",
        ],
    );
    // rustdoc's JSON output is unstable; cargo-semver-checks builds it the
    // same way on a stable toolchain.
    command.env("RUSTC_BOOTSTRAP", "1");
    run(command)?;
    let kept = scratch.join("json").join(format!("{name}.json"));
    std::fs::create_dir_all(scratch.join("json"))
        .map_err(|error| format!("cannot create {}: {error}", scratch.display()))?;
    let built = target.join("doc").join("fc_generated.json");
    std::fs::copy(&built, &kept)
        .map_err(|error| format!("cannot copy {}: {error}", built.display()))?;
    Ok(kept)
}

/// The bump cargo-semver-checks requires from `baseline` to `current`,
/// read from its summary line.
fn semver_checks_bump(baseline: &Path, current: &Path) -> Result<Bump, String> {
    let baseline = baseline.display().to_string();
    let current = current.display().to_string();
    let output = semver_checks(&[
        "check-release",
        "--baseline-rustdoc",
        &baseline,
        "--current-rustdoc",
        &current,
        // Ask for the weakest release, so every finding counts.
        "--release-type",
        "patch",
        "--color",
        "never",
    ])
    .map_err(|error| format!("cannot run cargo semver-checks: {error}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    summary_bump(&text).ok_or_else(|| {
        format!(
            "cargo semver-checks gave no summary ({}):\n{text}",
            output.status
        )
    })
}

/// Reads `Summary semver requires new major version: ...` and its siblings.
fn summary_bump(output: &str) -> Option<Bump> {
    let summary = output
        .lines()
        .map(str::trim)
        .find_map(|line| line.strip_prefix("Summary "))?;
    if summary.contains("requires new major version") {
        Some(Bump::Major)
    } else if summary.contains("requires new minor version") {
        Some(Bump::Minor)
    } else if summary.contains("no semver update required") {
        Some(Bump::None)
    } else {
        None
    }
}

/// Every mutation of the battery, for both tables, at the start, the middle
/// and the end.
fn mutations(base: &Spec) -> Vec<Mutation> {
    let mut all = Vec::new();
    let mut add = |name: String, additive: bool, change: &dyn Fn(&mut Spec)| {
        let mut spec = base.clone();
        change(&mut spec);
        all.push(Mutation {
            name,
            spec,
            additive,
        });
    };
    for (place, index) in places(base.regions.len()) {
        let name = |kind: &str| format!("regions {kind} {place}");
        add(name("insert"), true, &|spec| {
            spec.regions
                .insert(index, new_region(&format!("zz-inserted{index}")));
        });
        add(name("remove"), false, &|spec| {
            spec.regions.remove(index);
        });
        add(name("rename"), false, &|spec| {
            let region = &mut spec.regions[index];
            let renamed = format!("{}x", region.id);
            *region = RegionSpec {
                name: region.name.clone(),
                ..new_region(&renamed)
            };
        });
        add(name("swap"), true, &|spec| {
            let first = index.min(spec.regions.len() - 2);
            spec.regions.swap(first, first + 1);
        });
        add(name("text"), false, &|spec| {
            spec.regions[index].name.en.push_str(" (edited)");
        });
    }
    add("regions append end".to_owned(), true, &|spec| {
        spec.regions.push(new_region("zz-appended"));
    });
    for (place, index) in places(base.errors.len()) {
        let name = |kind: &str| format!("errors {kind} {place}");
        add(name("insert"), true, &|spec| {
            spec.errors
                .insert(index, new_error(&format!("BatteryInserted{index}")));
        });
        add(name("remove"), false, &|spec| {
            spec.errors.remove(index);
        });
        add(name("rename"), false, &|spec| {
            spec.errors[index].code.push('X');
        });
        add(name("swap"), true, &|spec| {
            let first = index.min(spec.errors.len() - 2);
            spec.errors.swap(first, first + 1);
        });
        add(name("text"), false, &|spec| {
            spec.errors[index].cause.zh.push_str("（已编辑）");
        });
        add(name("status"), false, &|spec| {
            let status = &mut spec.errors[index].http_status;
            *status = if *status == 500 { 503 } else { 500 };
        });
        add(name("retryable"), false, &|spec| {
            let annotation = &mut spec.errors[index].annotation;
            annotation.retryable = !annotation.retryable;
        });
        add(name("message"), false, &|spec| {
            let message = &mut spec.errors[index].message;
            *message = match message {
                Some(_) => None,
                None => Some("battery '%s' failed".to_owned()),
            };
        });
    }
    add("errors append end".to_owned(), true, &|spec| {
        spec.errors.push(new_error("BatteryAppended"));
    });
    add("documents version both".to_owned(), false, &|spec| {
        spec.service.documents.en.version = "20991231".to_owned();
        spec.service.documents.zh.version = "20991231".to_owned();
    });
    all
}

/// The start, the middle and the end of a list of `len` entries.
fn places(len: usize) -> [(&'static str, usize); 3] {
    [
        ("start", 0),
        ("middle", len / 2),
        ("end", len.saturating_sub(1)),
    ]
}

/// A region the validator accepts, with endpoints derived from `id`.
fn new_region(id: &str) -> RegionSpec {
    RegionSpec {
        id: id.to_owned(),
        name: Localized {
            en: format!("Battery ({id})"),
            zh: format!("测试（{id}）"),
        },
        endpoint: EndpointSpec {
            public: format!("{id}.fc.aliyuncs.com"),
            internal: format!("{id}-internal.fc.aliyuncs.com"),
        },
    }
}

/// An error code the validator accepts.
fn new_error(code: &str) -> ErrorSpec {
    let text = |en: &str, zh: &str| Localized {
        en: en.to_owned(),
        zh: zh.to_owned(),
    };
    ErrorSpec {
        code: code.to_owned(),
        http_status: 400,
        message: Some("battery '%s' failed".to_owned()),
        cause: text("A battery test code.", "测试错误码。"),
        solution: text("None.", "无。"),
        annotation: ErrorAnnotation {
            retryable: false,
            reason: "a test entry".to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_line_gives_the_bump() {
        let major =
            "     Summary semver requires new major version: 1 major and 0 minor checks failed\n";
        assert_eq!(summary_bump(major), Some(Bump::Major));
        let minor =
            "     Summary semver requires new minor version: 0 major and 2 minor checks failed";
        assert_eq!(summary_bump(minor), Some(Bump::Minor));
        let none = "    Checked [   0.046s] 229 checks: 229 pass, 31 skip\n     Summary no semver update required\n";
        assert_eq!(summary_bump(none), Some(Bump::None));
        assert_eq!(summary_bump("error: no such command"), None);
    }

    #[test]
    fn a_verdict_weaker_than_the_checker_or_a_major_insertion_breaks_a_promise() {
        let problem = |spec_diff, semver_checks, additive| {
            Verdict {
                spec_diff,
                semver_checks,
            }
            .problem(additive)
        };
        assert!(problem(Bump::Minor, Bump::Major, false).is_some());
        assert!(problem(Bump::Major, Bump::Major, true).is_some());
        assert!(problem(Bump::Major, Bump::Major, false).is_none());
        assert!(problem(Bump::Patch, Bump::None, false).is_none());
        assert!(problem(Bump::Minor, Bump::None, true).is_none());
    }

    #[test]
    fn every_mutation_of_the_real_spec_validates_and_changes_something() {
        // The checkout under test, read at run time (see crate::workspace).
        let root = Path::new(&std::env::var_os("CARGO_MANIFEST_DIR").unwrap()).join("../spec");
        let base = fc_codegen::load::load_dir(&root).unwrap().spec;
        let mutations = mutations(&base);
        assert_eq!(mutations.len(), 5 * 3 + 1 + 8 * 3 + 1 + 1);
        for mutation in &mutations {
            assert_ne!(mutation.spec, base, "{}", mutation.name);
            let dir = tempfile::tempdir().unwrap();
            write_spec(dir.path(), &mutation.spec)
                .unwrap_or_else(|error| panic!("{}: {error}", mutation.name));
        }
    }
}
