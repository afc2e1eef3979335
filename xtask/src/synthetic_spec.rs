//! Synthetic spec folders of any size, for the codegen benchmark: valid,
//! in the canonical layout, with texts as long as the real documents'.

use std::fmt::Write;
use std::path::Path;

use crate::scratch::write;

/// Writes `service.yaml`, `regions.yaml` and `errors.yaml` holding `regions`
/// regions and `codes` error codes into `dir`.
pub fn write_spec(dir: &Path, regions: usize, codes: usize) -> Result<(), String> {
    write(&dir.join("service.yaml"), SERVICE)?;
    write(&dir.join("regions.yaml"), &regions_yaml(regions))?;
    write(&dir.join("errors.yaml"), &errors_yaml(codes))
}

const SERVICE: &str = r#"# Synthetic spec for cargo xtask bench-codegen.
documents:
  en:
    title: "Function Compute API Reference"
    version: "20201016"
  zh:
    title: "函数计算 API 参考"
    version: "20200827"
domain:
  format: "account_id.service_endpoint"
  example:
    account_id: "16530750"
    region: "bench-region-0"
    host: "16530750.bench-region-0.fc.aliyuncs.com"
error_body:
  code_field: "errorCode"
  message_field: "errorMessage"
"#;

fn regions_yaml(count: usize) -> String {
    let mut yaml = String::from("# Synthetic regions.\nregions:\n");
    for index in 0..count {
        let id = format!("bench-region-{index}");
        let _ = write!(
            yaml,
            "  - id: \"{id}\"\n    name:\n      en: \"Benchmark (Region {index})\"\n      zh: \"基准{index}（测试）\"\n    endpoint:\n      public: \"{id}.fc.aliyuncs.com\"\n      internal: \"{id}-internal.fc.aliyuncs.com\"\n"
        );
    }
    yaml
}

fn errors_yaml(count: usize) -> String {
    let mut yaml = String::from("# Synthetic error codes.\nerrors:\n");
    for index in 0..count {
        let _ = write!(
            yaml,
            "  - code: \"BenchError{index}\"\n    http_status: {status}\n    cause:\n      en: \"The error message returned because benchmark condition {index} is not met.\"\n      zh: \"基准条件{index}不满足\"\n    solution:\n      en: \"Check the parameters of the request and try again. If the error persists, contact us.\"\n      zh: \"请检查请求参数后重试。如果问题仍然存在，请联系我们。\"\n    annotation:\n      retryable: {retryable}\n      reason: \"Synthetic entry {index} for the codegen benchmark.\"\n",
            status = 400 + index % 200,
            retryable = index % 2 == 0,
        );
    }
    yaml
}

/// Writes a spec of `entries` bad entries into `dir`, for timing problem
/// reports: half regions whose two endpoints do not match their id, half
/// error codes whose HTTP status is out of range (three problems for each
/// pair, plus the service example's host). Texts are one letter, so
/// 100,000 entries stay under `MAX_SPEC_FILE_BYTES`.
pub fn write_bad_spec(dir: &Path, entries: usize) -> Result<(), String> {
    let regions = entries / 2;
    let codes = entries - regions;
    let mut regions_yaml = String::from("# Synthetic regions with bad endpoints.\nregions:\n");
    for index in 0..regions {
        let _ = write!(
            regions_yaml,
            "  - id: \"bench-region-{index}\"\n    name:\n      en: \"B\"\n      zh: \"B\"\n    endpoint:\n      public: \"x\"\n      internal: \"x\"\n"
        );
    }
    let mut errors_yaml = String::from("# Synthetic error codes with bad statuses.\nerrors:\n");
    for index in 0..codes {
        let _ = write!(
            errors_yaml,
            "  - code: \"Bad{index}\"\n    http_status: 7\n    cause:\n      en: \"C\"\n      zh: \"C\"\n    solution:\n      en: \"S\"\n      zh: \"S\"\n    annotation:\n      retryable: false\n      reason: \"R\"\n"
        );
    }
    write(&dir.join("service.yaml"), SERVICE)?;
    write(&dir.join("regions.yaml"), &regions_yaml)?;
    write(&dir.join("errors.yaml"), &errors_yaml)
}
