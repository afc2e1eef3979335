//! What each published crate carries: its own README and the license text
//! (MIT asks for the notice to travel with every copy). `.ci/publish-dry-run`
//! packages, verifies and dry-runs the publish itself; this test keeps the
//! file lists right in `cargo test --workspace`.

use std::path::PathBuf;
use std::process::Command;

mod common;

fn workspace_root() -> PathBuf {
    common::manifest_dir()
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// `cargo package --list -p PACKAGE`: the files the `.crate` would hold.
fn package_list(package: &str) -> Vec<String> {
    let output = Command::new(common::cargo_program())
        .args([
            "package",
            "--list",
            "--allow-dirty",
            "--offline",
            "-p",
            package,
        ])
        .current_dir(workspace_root())
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo package --list -p {package}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("file names are UTF-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn fc_generated_ships_its_own_readme_and_the_license_not_the_maintainers_readme() {
    let files = package_list("fc-generated");
    for expected in ["fc-generated/README.md", "LICENSE-MIT", "build.rs"] {
        assert!(
            files.iter().any(|file| file == expected),
            "{expected}: {files:?}"
        );
    }
    for maintainers in ["README.md", "MAINTAINING.md"] {
        assert!(
            !files.iter().any(|file| file == maintainers),
            "{maintainers}: {files:?}"
        );
    }
}

#[test]
fn fc_codegen_ships_a_readme_and_the_license() {
    let files = package_list("fc-codegen");
    for expected in ["README.md", "LICENSE-MIT", "src/lib.rs"] {
        assert!(
            files.iter().any(|file| file == expected),
            "{expected}: {files:?}"
        );
    }
}

#[test]
fn both_packages_carry_the_same_license_text() {
    let root = workspace_root();
    let read = |path: &str| std::fs::read_to_string(root.join(path)).expect(path);
    let license = read("LICENSE-MIT");
    assert!(license.starts_with("MIT License"), "{license}");
    assert_eq!(read("fc-codegen/LICENSE-MIT"), license);
}
