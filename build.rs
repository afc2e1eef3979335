//! Generates the crate's tables from `spec/`. See `fc-codegen`.

fn main() {
    fc_codegen::build_script::run("spec");
}
