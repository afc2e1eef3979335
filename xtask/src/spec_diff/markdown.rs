//! The report as Markdown, for a PR comment: the summary line, then one
//! section per kind of change, each field old → new.

use std::fmt::Write as _;

use fc_codegen::spec::{
    DocumentSpec, EndpointSpec, ErrorAnnotation, ErrorSpec, Localized, RegionSpec,
};

use super::semver::{entry_bump, required_bump, Rule, ADDED, MOVED, REMOVED};
use super::{ChangedEntry, FieldChange, FieldValue, ListDiff, Moved, Placed, SpecDiff};

/// One line saying what changed and the bump it requires, e.g.
/// `Spec diff: documents en 20201016 → 20240101, zh 20200827 (unchanged);
/// regions 1 added, 0 removed, 0 changed; error codes 0 added, 0 removed,
/// 1 changed; fc-generated needs a minor version bump.` (on one line).
pub fn summary_line(diff: &SpecDiff) -> String {
    if diff.is_empty() {
        let documents = &diff.new_documents;
        return format!(
            "Spec diff: no changes for users (documents en {}, zh {}); fc-generated needs no version bump.",
            documents.en.version, documents.zh.version
        );
    }
    let documents = document_versions(diff);
    format!(
        "Spec diff: {documents}; regions {}; error codes {}; fc-generated needs a {} version bump.",
        counts(&diff.regions),
        counts(&diff.errors),
        required_bump(diff).name()
    )
}

/// The whole report. `from` and `to` name the two sides as the user gave
/// them. When nothing changed, the report is the summary line alone.
pub fn render_markdown(diff: &SpecDiff, from: &str, to: &str) -> String {
    let mut out = summary_line(diff);
    out.push('\n');
    if diff.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "\nCompared {} (old) with {} (new).",
        code(from),
        code(to)
    );
    list_sections(&mut out, "Regions", "Region", &diff.regions, region_lines);
    list_sections(
        &mut out,
        "Error codes",
        "ErrorCode",
        &diff.errors,
        error_lines,
    );
    if !diff.service.is_empty() {
        out.push_str("\n### Service (`service.yaml`)\n\n");
        for change in &diff.service {
            field_lines(&mut out, change);
        }
    }
    out.push_str(
        "\nRules: README, \"Spec diffs and SemVer\". A rename is a removal and an addition.\n",
    );
    out
}

fn document_versions(diff: &SpecDiff) -> String {
    let version = |lang: &str, old: &DocumentSpec, new: &DocumentSpec| {
        if old.version == new.version {
            format!("{lang} {} (unchanged)", old.version)
        } else {
            format!("{lang} {} → {}", old.version, new.version)
        }
    };
    let (old, new) = (&diff.old_documents, &diff.new_documents);
    format!(
        "documents {}, {}",
        version("en", &old.en, &new.en),
        version("zh", &old.zh, &new.zh)
    )
}

fn counts<T>(list: &ListDiff<T>) -> String {
    let mut counts = format!(
        "{} added, {} removed, {} changed",
        list.added.len(),
        list.removed.len(),
        list.changed.len()
    );
    if !list.moved.is_empty() {
        let _ = write!(counts, ", {} moved", list.moved.len());
    }
    counts
}

fn list_sections<T>(
    out: &mut String,
    title: &str,
    type_name: &str,
    list: &ListDiff<T>,
    entry_lines: fn(&mut String, &str, &Placed<T>),
) {
    for (kind, rule, entries) in [
        ("added", ADDED, &list.added),
        ("removed", REMOVED, &list.removed),
    ] {
        if !entries.is_empty() {
            heading(out, &format!("{title} {kind}"), rule);
            for placed in entries {
                entry_lines(out, type_name, placed);
            }
        }
    }
    if !list.changed.is_empty() {
        let _ = writeln!(out, "\n### {title} changed");
        for entry in &list.changed {
            changed_entry_lines(out, entry);
        }
    }
    if !list.moved.is_empty() {
        heading(out, &format!("{title} moved"), MOVED);
        for moved in &list.moved {
            moved_line(out, type_name, moved);
        }
    }
}

fn heading(out: &mut String, title: &str, rule: Rule) {
    let _ = writeln!(
        out,
        "\n### {title}: {} ({})\n",
        rule.bump.name(),
        rule.reason
    );
}

// An added or removed entry is listed field by field, each struct
// destructured without `..`: a field added to the model fails to compile
// here until the report shows it.

fn region_lines(out: &mut String, type_name: &str, placed: &Placed<RegionSpec>) {
    let RegionSpec {
        id,
        name,
        endpoint: EndpointSpec { public, internal },
    } = &placed.entry;
    let _ = writeln!(
        out,
        "- {} at `{type_name}::ALL[{}]`",
        code(id),
        placed.index
    );
    localized_lines(out, "name", name);
    let _ = writeln!(
        out,
        "  - endpoints: {} (public), {} (internal)",
        code(public),
        code(internal)
    );
}

fn error_lines(out: &mut String, type_name: &str, placed: &Placed<ErrorSpec>) {
    let ErrorSpec {
        code: error_code,
        http_status,
        message,
        cause,
        solution,
        annotation: ErrorAnnotation { retryable, reason },
    } = &placed.entry;
    let _ = writeln!(
        out,
        "- {} at `{type_name}::ALL[{}]`: HTTP {}, {}",
        code(error_code),
        placed.index,
        http_status,
        if *retryable {
            "retryable"
        } else {
            "not retryable"
        }
    );
    if let Some(message) = message {
        let _ = writeln!(out, "  - message: {}", code(message));
    }
    localized_lines(out, "cause", cause);
    localized_lines(out, "solution", solution);
    let _ = writeln!(out, "  - retry reason: {}", code(reason));
}

fn localized_lines(out: &mut String, label: &str, text: &Localized) {
    let _ = writeln!(
        out,
        "  - {label}: en {}, zh {}",
        code(&text.en),
        code(&text.zh)
    );
}

fn changed_entry_lines(out: &mut String, entry: &ChangedEntry) {
    let bump = entry_bump(&entry.changes);
    let _ = writeln!(out, "\n#### {}: {}\n", code(&entry.key), bump.name());
    for change in &entry.changes {
        field_lines(out, change);
    }
}

/// `- `field`: bump (reason): old → new`; localized text gets a line per
/// language, the unchanged one marked so.
fn field_lines(out: &mut String, change: &FieldChange) {
    let rule = change.rule;
    let label = format!(
        "- `{}`: {} ({})",
        change.path,
        rule.bump.name(),
        rule.reason
    );
    match (&change.old, &change.new) {
        (FieldValue::Localized(old), FieldValue::Localized(new)) => {
            let _ = writeln!(out, "{label}");
            for (lang, old, new) in [("en", &old.en, &new.en), ("zh", &old.zh, &new.zh)] {
                if old == new {
                    let _ = writeln!(out, "  - {lang}: {} (unchanged)", code(old));
                } else {
                    let _ = writeln!(out, "  - {lang}: {} → {}", code(old), code(new));
                }
            }
        }
        (old, new) => {
            let _ = writeln!(out, "{label}: {} → {}", value(old), value(new));
        }
    }
}

fn moved_line(out: &mut String, type_name: &str, moved: &Moved) {
    let _ = writeln!(
        out,
        "- {}: `{type_name}::ALL[{}]` → `{type_name}::ALL[{}]`",
        code(&moved.key),
        moved.old_index,
        moved.new_index
    );
}

fn value(value: &FieldValue) -> String {
    match value {
        FieldValue::Text(text) => code(text),
        FieldValue::Status(status) => format!("`{status}`"),
        FieldValue::Flag(flag) => format!("`{flag}`"),
        FieldValue::Localized(text) => format!("en {}, zh {}", code(&text.en), code(&text.zh)),
        FieldValue::Absent => "(none)".to_owned(),
    }
}

/// A Markdown code span holding `text` verbatim, whatever backticks or
/// Markdown it contains (CommonMark: a fence longer than any run inside).
fn code(text: &str) -> String {
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let text = text.replace('\n', " ");
    if text.starts_with('`') || text.ends_with('`') || text.is_empty() {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

#[cfg(test)]
mod tests {
    use super::code;

    #[test]
    fn code_span_keeps_backticks_inside() {
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x`"), "`` `x` ``");
        assert_eq!(code("plain"), "`plain`");
    }
}
