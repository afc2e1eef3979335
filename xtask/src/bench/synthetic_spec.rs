//! Synthetic spec folders of any size, for the codegen benchmark, built as
//! [`Spec`] values and rendered by the spec writer ([`render_spec`]), so
//! they are in the canonical layout and follow the model: valid ones with
//! texts as long as the real documents', and bad ones whose values the
//! validator refuses.

use std::path::Path;

use fc_codegen::spec::{
    DocumentSpec, Documents, DomainExample, DomainSpec, EndpointSpec, ErrorAnnotation,
    ErrorBodySpec, ErrorSpec, Localized, RegionSpec, ServiceSpec, Spec,
};
use fc_codegen::write::render_spec;

use crate::file_tree::write;

/// Writes `spec`'s files into `dir`.
pub fn write_files(dir: &Path, spec: &Spec) -> Result<(), String> {
    for (name, text) in render_spec(spec) {
        write(&dir.join(name), &text)?;
    }
    Ok(())
}

/// A valid spec of `regions` regions and `codes` error codes.
pub fn valid_spec(regions: usize, codes: usize) -> Spec {
    Spec {
        service: service(),
        regions: (0..regions).map(valid_region).collect(),
        errors: (0..codes).map(valid_error).collect(),
    }
}

/// A spec of `entries` bad entries, for timing problem reports: half
/// regions whose two endpoints do not match their id, half error codes whose
/// HTTP status is out of range (three problems for each pair, plus the
/// service example's host). Texts are one letter, so 100,000 entries stay
/// under `MAX_SPEC_FILE_BYTES`.
pub fn bad_spec(entries: usize) -> Spec {
    let regions = entries / 2;
    Spec {
        service: service(),
        regions: (0..regions).map(bad_region).collect(),
        errors: (0..entries - regions).map(bad_error).collect(),
    }
}

/// The real spec's service, with the example in the first synthetic region.
fn service() -> ServiceSpec {
    let document = |title: &str, version: &str| DocumentSpec {
        title: title.to_owned(),
        version: version.to_owned(),
    };
    let id = region_id(0);
    ServiceSpec {
        documents: Documents {
            en: document("Function Compute API Reference", "20201016"),
            zh: document("函数计算 API 参考", "20200827"),
        },
        domain: DomainSpec {
            format: "account_id.service_endpoint".to_owned(),
            example: DomainExample {
                account_id: "16530750".to_owned(),
                host: format!("16530750.{id}.fc.aliyuncs.com"),
                region: id,
            },
        },
        error_body: ErrorBodySpec {
            code_field: "errorCode".to_owned(),
            message_field: "errorMessage".to_owned(),
        },
    }
}

fn region_id(index: usize) -> String {
    format!("bench-region-{index}")
}

fn text(en: impl Into<String>, zh: impl Into<String>) -> Localized {
    Localized {
        en: en.into(),
        zh: zh.into(),
    }
}

fn valid_region(index: usize) -> RegionSpec {
    let id = region_id(index);
    RegionSpec {
        name: text(
            format!("Benchmark (Region {index})"),
            format!("基准{index}（测试）"),
        ),
        endpoint: EndpointSpec {
            public: format!("{id}.fc.aliyuncs.com"),
            internal: format!("{id}-internal.fc.aliyuncs.com"),
        },
        id,
    }
}

fn valid_error(index: usize) -> ErrorSpec {
    ErrorSpec {
        code: format!("BenchError{index}"),
        http_status: 400 + (index % 200) as u16,
        message: None,
        cause: text(
            format!("The error message returned because benchmark condition {index} is not met."),
            format!("基准条件{index}不满足"),
        ),
        solution: text(
            "Check the parameters of the request and try again. If the error persists, contact us.",
            "请检查请求参数后重试。如果问题仍然存在，请联系我们。",
        ),
        annotation: ErrorAnnotation {
            retryable: index.is_multiple_of(2),
            reason: format!("Synthetic entry {index} for the codegen benchmark."),
        },
    }
}

/// A region whose endpoints (`x`) do not follow its id.
fn bad_region(index: usize) -> RegionSpec {
    RegionSpec {
        id: region_id(index),
        name: text("B", "B"),
        endpoint: EndpointSpec {
            public: "x".to_owned(),
            internal: "x".to_owned(),
        },
    }
}

/// An error code whose HTTP status (7) is not an error status.
fn bad_error(index: usize) -> ErrorSpec {
    ErrorSpec {
        code: format!("Bad{index}"),
        http_status: 7,
        message: None,
        cause: text("C", "C"),
        solution: text("S", "S"),
        annotation: ErrorAnnotation {
            retryable: false,
            reason: "R".to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spec written to a temp folder and run through the build
    /// script's pipeline.
    fn generate(spec: &Spec) -> Result<fc_codegen::generate::Generated, fc_codegen::Diagnostics> {
        let dir = tempfile::tempdir().unwrap();
        write_files(dir.path(), spec).unwrap();
        fc_codegen::generate_dir(dir.path())
    }

    #[test]
    fn a_valid_synthetic_spec_validates_with_every_entry() {
        let generated = generate(&valid_spec(3, 4)).unwrap_or_else(|errors| panic!("{errors}"));
        assert_eq!((generated.region_count, generated.error_count), (3, 4));
    }

    #[test]
    fn a_bad_synthetic_spec_has_three_problems_an_entry_pair_and_the_example_host() {
        let errors = generate(&bad_spec(4)).unwrap_err();
        // 2 regions x 2 endpoints + 2 statuses + the example host, whose
        // region's endpoint is bad.
        assert_eq!(errors.0.len(), 2 * 2 + 2 + 1, "{errors}");
    }
}
