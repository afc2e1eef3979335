//! Where a side of the diff comes from: `REV|DIR` on the command line, or the
//! defaults (the merge-base with `main`, the working tree).
//!
//! An argument naming an existing directory is a spec folder; anything else
//! is a git revision. To force a revision whose name is also a folder, write
//! `NAME^{commit}`; to force a folder, write `./NAME`.

use std::path::{Path, PathBuf};
use std::process::Command;

use fc_codegen::load::SPEC_FILES;
use fc_codegen::spec::Spec;
use fc_codegen::{Diagnostic, Diagnostics};

/// The spec folder inside the repository, where revisions are read from.
const SPEC_DIR: &str = "spec";

/// One side of the diff and the name the report gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// Where the spec is read from.
    pub source: SpecSource,
    /// The argument as given, or what a default stands for.
    pub name: String,
}

/// Where one side's spec is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecSource {
    /// A spec folder on disk.
    Dir(PathBuf),
    /// A git revision of the repository holding the current directory.
    Rev(String),
}

impl Side {
    /// An existing directory is a folder; anything else a revision.
    pub fn from_arg(arg: &str) -> Side {
        let source = if Path::new(arg).is_dir() {
            SpecSource::Dir(PathBuf::from(arg))
        } else {
            SpecSource::Rev(arg.to_owned())
        };
        Side {
            source,
            name: arg.to_owned(),
        }
    }
}

/// A validated spec and how the report names its side.
pub struct LoadedSide {
    /// The spec.
    pub spec: Spec,
    /// `old`, `origin/main (1a2b3c4)`, `working tree spec/`: a revision's
    /// name is followed by its abbreviated commit.
    pub label: String,
}

/// The default old side: the merge-base of `HEAD` and `main` (or
/// `origin/main` where there is no local `main`, as in a CI checkout).
pub fn default_from() -> Result<Side, String> {
    let root = repo_root()?;
    for base in ["main", "origin/main"] {
        if commit_of(&root, base).is_ok() {
            let merge_base = git(&root, &["merge-base", "HEAD", base]).map_err(|error| {
                format!("cannot find the merge-base of HEAD and {base}: {error}")
            })?;
            return Ok(Side {
                source: SpecSource::Rev(merge_base),
                name: format!("merge-base of HEAD and {base}"),
            });
        }
    }
    Err(
        "no branch `main` (nor `origin/main`) to take the merge-base with; pass --from REV|DIR"
            .to_owned(),
    )
}

/// The default new side: `spec/` in the working tree of the repository
/// holding the current directory.
pub fn default_to() -> Result<Side, String> {
    Ok(Side {
        source: SpecSource::Dir(repo_root()?.join(SPEC_DIR)),
        name: format!("working tree {SPEC_DIR}/"),
    })
}

/// Reads, loads and validates one side. A spec that does not validate is an
/// error carrying the usual report, its paths as the user would write them.
pub fn load_side(side: &Side) -> Result<LoadedSide, String> {
    match &side.source {
        SpecSource::Dir(dir) => Ok(LoadedSide {
            spec: load_valid(dir).map_err(|errors| {
                invalid(&format!("folder {:?}", dir.display().to_string()), &errors)
            })?,
            label: side.name.clone(),
        }),
        SpecSource::Rev(rev) => load_revision(rev, &side.name),
    }
}

fn load_valid(dir: &Path) -> Result<Spec, Diagnostics> {
    let loaded = fc_codegen::load::load_dir(dir)?;
    let valid = fc_codegen::validate::validate(&loaded)?;
    Ok(valid.spec().clone())
}

/// Writes the spec files at `rev` into a temporary folder and loads that.
fn load_revision(rev: &str, name: &str) -> Result<LoadedSide, String> {
    let root = repo_root()?;
    let commit = commit_of(&root, rev)
        .map_err(|_| format!("{rev:?} is neither a folder nor a git revision"))?;
    let folder = tempfile::Builder::new()
        .prefix("fc-spec-diff-")
        .tempdir()
        .map_err(|error| format!("cannot create a temporary folder: {error}"))?;
    for file in SPEC_FILES {
        let text = git_bytes(&root, &["show", &format!("{commit}:{SPEC_DIR}/{file}")])
            .map_err(|error| format!("cannot read {SPEC_DIR}/{file} at {rev}: {error}"))?;
        let path = folder.path().join(file);
        std::fs::write(&path, text)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    }
    let short = &commit[..commit.len().min(7)];
    let spec = load_valid(folder.path()).map_err(|errors| {
        invalid(
            &format!("revision {rev:?} ({short})"),
            &at_revision(errors, folder.path(), rev),
        )
    })?;
    Ok(LoadedSide {
        spec,
        label: format!("{name} ({short})"),
    })
}

/// The report for an invalid side, `what` saying which folder or revision.
fn invalid(what: &str, errors: &Diagnostics) -> String {
    format!("the spec {what} is invalid:\n{errors}")
}

/// Names the files of a report `REV:spec/regions.yaml`, not the temporary path.
fn at_revision(errors: Diagnostics, folder: &Path, rev: &str) -> Diagnostics {
    let rename = |error: Diagnostic| {
        let file = match error.file.strip_prefix(folder) {
            Ok(name) if name.as_os_str().is_empty() => PathBuf::from(format!("{rev}:{SPEC_DIR}")),
            Ok(name) => PathBuf::from(format!("{rev}:{SPEC_DIR}/{}", name.display())),
            Err(_) => error.file.clone(),
        };
        Diagnostic { file, ..error }
    };
    Diagnostics(errors.0.into_iter().map(rename).collect())
}

/// The top of the git working tree holding the current directory.
fn repo_root() -> Result<PathBuf, String> {
    git(Path::new("."), &["rev-parse", "--show-toplevel"])
        .map(PathBuf::from)
        .map_err(|error| {
            format!("not inside a git repository ({error}); pass --from and --to as folders")
        })
}

/// The full hash of the commit `rev` names.
fn commit_of(root: &Path, rev: &str) -> Result<String, String> {
    let commit = format!("{rev}^{{commit}}");
    git(root, &["rev-parse", "--verify", "--quiet", &commit])
}

/// Runs git and returns its output, trimmed.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let bytes = git_bytes(dir, args)?;
    Ok(String::from_utf8_lossy(&bytes).trim().to_owned())
}

fn git_bytes(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|error| format!("cannot run git: {error}"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        Err(if stderr.is_empty() {
            format!("git {} failed ({})", args.join(" "), output.status)
        } else {
            stderr
        })
    }
}
