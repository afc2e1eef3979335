//! The spec files' one canonical layout: every writer of `spec/` (import,
//! the SemVer battery, synthetic benchmark specs, tests) renders here, from
//! the same [`crate::spec`] model that [`crate::load`] reads (feature `write`).
//!
//! The layout is the one the spec was transcribed in: a header comment naming
//! the documents' sections, two-space block style, keys in model order, every
//! string double-quoted. Strings are written with JSON-compatible escapes, so
//! any text (quotes, backslashes, control and line-break characters) survives
//! a round trip through [`crate::load`]; the tests below prove it.

use std::fmt::Write as _;

use crate::load::{ERRORS_LIST, REGIONS_LIST};
use crate::schema::Schema;
use crate::spec::{Documents, ErrorSpec, RegionSpec, ServiceSpec, Spec};

/// `service.yaml`, `regions.yaml` and `errors.yaml` of `spec`, in
/// [`crate::load::SPEC_FILES`] order.
pub fn render_spec(spec: &Spec) -> [(&'static str, String); 3] {
    let [service, regions, errors] = crate::load::SPEC_FILES;
    [
        (service, render_service(&spec.service)),
        (regions, render_regions(&spec.regions)),
        (errors, render_errors(&spec.errors)),
    ]
}

/// `service.yaml`: the documents, the domain name format, the error body.
pub fn render_service(service: &ServiceSpec) -> String {
    let Documents { en, zh } = &service.documents;
    let mut out = String::new();
    out.push_str(
        "# Function Compute API Reference: the documents themselves, the domain name\n\
         # format and the error body format.\n\
         #\n\
         # Sources:\n",
    );
    // The titles and versions come from the model, so the header names the
    // documents the file was imported from; escaping keeps them on one line.
    let _ = writeln!(
        out,
        "#   en: {}, Document Version: {}",
        quoted(&en.title),
        escaped(&en.version)
    );
    out.push_str(
        "#       cover page; \"1. Error codes > Error code format\";\n\
         #       \"2. Endpoints > Domain name format\"\n",
    );
    let _ = writeln!(
        out,
        "#   zh: {}, 文档版本：{}",
        quoted(&zh.title),
        escaped(&zh.version)
    );
    out.push_str("#       封面; \"1. 错误码列表 > 错误码格式\"; \"2. 服务地址 > 域名格式\"\n");

    service.write_fields(&mut out, 0);
    out
}

/// `regions.yaml`, in the given order.
pub fn render_regions(regions: &[RegionSpec]) -> String {
    let mut out = String::from(
        "# Regions and their service endpoints, in the documents' order.\n\
         #\n\
         # Sources:\n\
         #   en: \"2. Endpoints > Endpoints\": the \"Public endpoints\" and\n\
         #       \"Internal endpoints\" tables (Region, Endpoint)\n\
         #   zh: \"2. 服务地址 > 服务地址\": the 公网服务地址 and 内网服务地址 tables\n\
         #       (地域, 服务接入地址)\n\
         #\n\
         # `id` is the first label of the public endpoint (the documents name no\n\
         # region id column); the validator checks that both endpoints follow it.\n",
    );
    write_list(&mut out, REGIONS_LIST.0, regions);
    out
}

/// `errors.yaml`, in the given order, annotations included.
pub fn render_errors(errors: &[ErrorSpec]) -> String {
    let mut out = String::from(
        "# Common error codes, in the documents' order.\n\
         #\n\
         # Sources:\n\
         #   en: \"1. Error codes > Common error codes\" (HTTP status code, Error code,\n\
         #       Cause, Solution)\n\
         #   zh: \"1. 错误码列表 > 通用错误码\" (HTTP 状态码, 错误码, 错误原因, 解决方案)\n\
         #\n\
         # Text is verbatim from the documents, with two clean-ups of the text export:\n\
         # HTML is stripped (`<a href=\"#\">Contact us</a>` becomes `Contact us`) and the\n\
         # stray space before punctuation is removed (`联系我们 。` becomes `联系我们。`).\n\
         # Where the two languages say different things, each keeps its own text.\n\
         #\n\
         # `annotation` is the project's own, not from the documents: the documents do\n\
         # not say which errors a client may retry. `reason` says why we chose it.\n",
    );
    write_list(&mut out, ERRORS_LIST.0, errors);
    out
}

/// A top-level list: its key (an empty list must say `[]`, or YAML reads
/// null), then each entry's fields in block style, the first behind `- `.
fn write_list<T: Schema>(out: &mut String, key: &str, entries: &[T]) {
    let _ = writeln!(out, "{key}:{}", if entries.is_empty() { " []" } else { "" });
    for entry in entries {
        let start = out.len();
        entry.write_fields(out, 4);
        out.replace_range(start..start + 4, "  - ");
    }
}

/// `key: "text"`, `indent` spaces in.
pub(crate) fn field(out: &mut String, indent: usize, key: &str, value: &str) {
    raw_field(out, indent, key, &quoted(value));
}

/// `key: value` with `value` as given (a number, a flag, or nothing before
/// a nested mapping), `indent` spaces in.
pub(crate) fn raw_field(out: &mut String, indent: usize, key: &str, value: &str) {
    let separator = if value.is_empty() { "" } else { " " };
    let _ = writeln!(out, "{:indent$}{key}:{separator}{value}", "");
}

/// `text` as a YAML double-quoted scalar.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", escaped(text))
}

/// `text` with the escapes a double-quoted scalar needs, JSON-compatible.
///
/// Escaped besides `"` and `\`: C0 and C1 controls and DEL, which YAML does
/// not allow raw; U+0085, U+2028 and U+2029, which YAML 1.1 (libyaml, under
/// serde_norway) reads as line breaks; U+FFFE and U+FFFF, which libyaml rejects
/// as unprintable; and U+FEFF, which loads fine but is invisible and dropped
/// by some editors as a byte order mark.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{feff}'
            | '\u{fffe}'
            | '\u{ffff}' => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{
        DocumentSpec, DomainExample, DomainSpec, EndpointSpec, ErrorAnnotation, ErrorBodySpec,
        Localized,
    };
    use std::path::Path;

    fn workspace_spec_dir() -> std::path::PathBuf {
        // The checkout under test, read at run time: a compiled-in path names
        // whichever checkout built a test binary that cargo reuses.
        Path::new(&std::env::var_os("CARGO_MANIFEST_DIR").unwrap()).join("../spec")
    }

    fn write_and_load(spec: &Spec) -> Spec {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in render_spec(spec) {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        crate::load::load_dir(dir.path())
            .unwrap_or_else(|errors| panic!("rendered spec does not load:\n{errors}"))
            .spec
    }

    fn spec_with_every_string(text: impl Fn(&str) -> String) -> Spec {
        let localized = |field: &str| Localized {
            en: text(&format!("{field}.en")),
            zh: text(&format!("{field}.zh")),
        };
        Spec {
            service: ServiceSpec {
                documents: Documents {
                    en: DocumentSpec {
                        title: text("title.en"),
                        version: text("version.en"),
                    },
                    zh: DocumentSpec {
                        title: text("title.zh"),
                        version: text("version.zh"),
                    },
                },
                domain: DomainSpec {
                    format: text("format"),
                    example: DomainExample {
                        account_id: text("account_id"),
                        region: text("region"),
                        host: text("host"),
                    },
                },
                error_body: ErrorBodySpec {
                    code_field: text("code_field"),
                    message_field: text("message_field"),
                },
            },
            regions: vec![RegionSpec {
                id: text("id"),
                name: localized("name"),
                endpoint: EndpointSpec {
                    public: text("public"),
                    internal: text("internal"),
                },
            }],
            errors: vec![ErrorSpec {
                code: text("code"),
                http_status: 599,
                message: Some(text("message")),
                cause: localized("cause"),
                solution: localized("solution"),
                annotation: ErrorAnnotation {
                    retryable: true,
                    reason: text("reason"),
                },
            }],
        }
    }

    const NASTY: &[&str] = &[
        "",
        " ",
        "  leading and trailing  ",
        "\"",
        "\\",
        "\\\"",
        "\"quoted\" \\ back\\slash \\n not a newline",
        "line one\nline two\r\nthree\rfour",
        "tab\there",
        "\0\u{1}\u{7}\u{8}\u{b}\u{c}\u{1b}\u{1f}\u{7f}",
        "\u{80}\u{85}\u{9f}\u{a0}",
        "\u{2028}\u{2029}\u{feff}\u{fffe}\u{ffff}\u{fffd}",
        "# not a comment",
        "key: value",
        "- not a list",
        "[flow], {flow}: &anchor *alias !tag |literal >folded",
        "'single' %directive @at `tick`",
        "true",
        "null",
        "~",
        "400",
        "0x1F",
        "---",
        "...",
        "联系我们。（全角）＂",
        "😀 \u{1F600} \u{10FFFF}",
        "\u{300}combining",
    ];

    #[test]
    fn nasty_strings_in_every_field_load_back_unchanged() {
        for nasty in NASTY {
            let spec = spec_with_every_string(|field| format!("{nasty}{field}{nasty}"));
            assert_eq!(write_and_load(&spec), spec, "text {nasty:?}");
            let bare = spec_with_every_string(|_| (*nasty).to_owned());
            assert_eq!(write_and_load(&bare), bare, "text {nasty:?}");
        }
    }

    #[test]
    fn every_basic_plane_character_and_some_astral_ones_load_back_unchanged() {
        let all: String = (0..=0xFFFFu32)
            .chain([0x1_0000, 0x1_F600, 0xE_0001, 0x10_FFFF])
            .filter_map(char::from_u32)
            .collect();
        let spec = spec_with_every_string(|field| format!("{field}:{all}"));
        assert_eq!(write_and_load(&spec), spec);
    }

    #[test]
    fn empty_lists_load_back_as_empty_lists() {
        let mut spec = spec_with_every_string(str::to_owned);
        spec.regions.clear();
        spec.errors.clear();
        assert_eq!(write_and_load(&spec), spec);
    }

    #[test]
    fn rendering_the_committed_spec_reproduces_its_files_byte_for_byte() {
        let dir = workspace_spec_dir();
        let loaded = crate::load::load_dir(&dir).unwrap();
        for (name, text) in render_spec(&loaded.spec) {
            let committed = std::fs::read_to_string(dir.join(name)).unwrap();
            assert!(
                committed == text,
                "spec/{name} is not in the canonical layout; rendered:\n{text}"
            );
        }
    }

    #[test]
    fn escapes_are_json_compatible() {
        assert_eq!(
            quoted("a\"b\\c\nd\te\u{1}\u{2028}"),
            r#""a\"b\\c\nd\te\u0001\u2028""#
        );
        let all: String = (0..=0xFFFFu32).filter_map(char::from_u32).collect();
        let parsed: String = serde_json::from_str(&quoted(&all)).unwrap();
        assert!(parsed == all, "a JSON parser reads the escapes differently");
    }
}
