//! With feature `codegen` (default), generates the crate's tables from
//! `spec/` with `fc-codegen`. Without it, the crate includes the tables
//! committed under `fc-generated/src/generated/`, and this script does
//! nothing: fc-codegen is not even compiled.

fn main() {
    #[cfg(feature = "codegen")]
    fc_codegen::build_script::run("spec");
    // Nothing to watch: without this line cargo would re-run the script on
    // any change to the package.
    #[cfg(not(feature = "codegen"))]
    println!("cargo:rerun-if-changed=build.rs");
}
