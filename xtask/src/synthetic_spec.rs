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
