#!/usr/bin/env bash
# The spec-diff workflow's report step, runnable anywhere:
#
#   .github/scripts/spec-diff-report.sh BASE_REV [REPORT_FILE]
#
# Writes REPORT_FILE (default report.md): spec-diff's report of BASE_REV's
# spec -> HEAD's, then cargo-semver-checks' verdict on the generated crate
# between the same two commits. Exits 1 when cargo-semver-checks asks for a
# stronger bump than spec-diff: our promise is that spec-diff is never weaker.
# Needs cargo-semver-checks (cargo install --locked cargo-semver-checks).
set -euo pipefail

base="${1:?usage: spec-diff-report.sh BASE_REV [REPORT_FILE]}"
report="${2:-report.md}"

# On failure the report says why, so the PR comment and job summary do too.
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
if ! cargo --quiet xtask spec-diff --from "$base" --to HEAD --format markdown > "$report" 2> "$errors"; then
    {
        echo "### spec-diff failed"
        echo
        echo '```text'
        cat "$errors"
        echo '```'
    } > "$report"
    cat "$errors" >&2
    exit 1
fi
spec_diff_bump=$(head -n 1 "$report" | sed -n 's/.*needs a \([a-z]*\) version bump.*/\1/p')
spec_diff_bump="${spec_diff_bump:-none}"

# --release-type patch: every finding counts, whatever the version says.
checks_output=$(cargo semver-checks check-release --package fc-generated \
    --baseline-rev "$base" --release-type patch --color never 2>&1) || true
summary=$(printf '%s\n' "$checks_output" | sed -n 's/^ *Summary //p' | tail -n 1)
case "$summary" in
    *"requires new major version"*) checks_bump=major ;;
    *"requires new minor version"*) checks_bump=minor ;;
    *"no semver update required"*) checks_bump=none ;;
    *)
        {
            echo
            echo "### cargo-semver-checks gave no verdict"
            echo
            echo '```text'
            printf '%s\n' "$checks_output"
            echo '```'
        } >> "$report"
        printf 'cargo semver-checks gave no verdict:\n%s\n' "$checks_output" >&2
        exit 2
        ;;
esac

rank() {
    case "$1" in none) echo 0 ;; patch) echo 1 ;; minor) echo 2 ;; major) echo 3 ;; esac
}

{
    echo
    echo "### cargo-semver-checks on fc-generated: $checks_bump"
    echo
    echo "spec-diff: **$spec_diff_bump**; cargo-semver-checks: **$checks_bump** ($summary)."
    echo
    echo "<details><summary>cargo semver-checks output</summary>"
    echo
    echo '```text'
    printf '%s\n' "$checks_output"
    echo '```'
    echo
    echo "</details>"
} >> "$report"

if [ "$(rank "$spec_diff_bump")" -lt "$(rank "$checks_bump")" ]; then
    echo "spec-diff says $spec_diff_bump but cargo-semver-checks says $checks_bump" >&2
    exit 1
fi
