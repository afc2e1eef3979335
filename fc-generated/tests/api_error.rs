//! Failed responses turned into `ApiError`s as a client would. The body
//! format (`errorCode`, `errorMessage`) and the codes' statuses are from the
//! documents' "Error code format" and "Common error codes"; the
//! `ErrorCode` / `ErrorMessage` spelling is what the official SDKs read.
//!
//! Tests of what is read from the body need the default feature `json`;
//! the rest also run with `--no-default-features`.

use fc_generated::ApiError;
use proptest::prelude::*;

const REQUEST_ID: &str = "8d5c4ad3-2b62-4e61-a5a3-3b4e5d3f8f1e";

#[cfg(feature = "json")]
mod json {
    use super::*;
    use fc_generated::ErrorCode;

    #[test]
    fn the_documents_spelling_gives_code_and_message() {
        let body = br#"{"errorCode": "SignatureNotMatch", "errorMessage": "signature mismatch"}"#;
        let error = ApiError::from_response(403, Some(REQUEST_ID), body);
        assert_eq!(error.status(), 403);
        assert_eq!(error.code(), Some(ErrorCode::SignatureNotMatch));
        assert_eq!(error.code_str(), Some("SignatureNotMatch"));
        assert_eq!(error.message(), "signature mismatch");
        assert_eq!(error.request_id(), Some(REQUEST_ID));
        assert_eq!(error.raw_body().as_bytes(), body);
        assert!(!error.is_raw_body_truncated());
    }

    #[test]
    fn the_services_spelling_gives_code_and_message() {
        let body = br#"{"ErrorCode":"ResourceThrottled","ErrorMessage":"too many instances"}"#;
        let error = ApiError::from_response(503, None, body);
        assert_eq!(error.code(), Some(ErrorCode::ResourceThrottled));
        assert_eq!(error.message(), "too many instances");
        assert_eq!(error.request_id(), None);
    }

    #[test]
    fn the_body_request_id_fills_in_for_a_missing_or_empty_header() {
        let body = br#"{"ErrorCode":"ResourceThrottled","RequestId":"body-id"}"#;
        for header in [None, Some("")] {
            let error = ApiError::from_response(503, header, body);
            assert_eq!(error.request_id(), Some("body-id"), "{header:?}");
            assert_eq!(
                error.to_string(),
                "503 Service Unavailable, ResourceThrottled (request id body-id)"
            );
        }
        let camel = br#"{"errorCode":"ResourceThrottled","requestId":"camel-id"}"#;
        assert_eq!(
            ApiError::from_response(503, None, camel).request_id(),
            Some("camel-id")
        );
    }

    #[test]
    fn the_header_request_id_wins_over_the_body() {
        let body =
            br#"{"ErrorCode":"ResourceThrottled","RequestId":"body-id","requestId":"camel-id"}"#;
        let error = ApiError::from_response(503, Some(REQUEST_ID), body);
        assert_eq!(error.request_id(), Some(REQUEST_ID));
    }

    #[test]
    fn the_go_sdk_spelling_of_the_body_request_id_wins_over_camel_case() {
        let body = br#"{"requestId":"camel-id","RequestId":"go-sdk-id"}"#;
        assert_eq!(
            ApiError::from_response(500, None, body).request_id(),
            Some("go-sdk-id")
        );
        // An empty or non-string field counts as absent.
        let body = br#"{"RequestId":"","requestId":"camel-id"}"#;
        assert_eq!(
            ApiError::from_response(500, None, body).request_id(),
            Some("camel-id")
        );
        let body = br#"{"RequestId":42,"requestId":null}"#;
        assert_eq!(ApiError::from_response(500, None, body).request_id(), None);
    }

    #[test]
    fn a_long_body_request_id_is_cut_like_a_header() {
        let long = "é".repeat(ApiError::MAX_REQUEST_ID_BYTES); // 2 bytes each
        let body = format!(r#"{{"RequestId":"{long}"}}"#);
        let error = ApiError::from_response(500, None, body.as_bytes());
        assert_eq!(
            error.request_id(),
            Some(&long[..ApiError::MAX_REQUEST_ID_BYTES])
        );
    }

    #[test]
    fn message_truncation_is_reported() {
        let at_bound = format!(
            r#"{{"ErrorMessage":"{}"}}"#,
            "m".repeat(ApiError::MAX_MESSAGE_BYTES)
        );
        let error = ApiError::from_response(400, None, at_bound.as_bytes());
        assert_eq!(error.message().len(), ApiError::MAX_MESSAGE_BYTES);
        assert!(!error.is_message_truncated());

        let over = format!(
            r#"{{"ErrorMessage":"{}"}}"#,
            "m".repeat(ApiError::MAX_MESSAGE_BYTES + 1)
        );
        let error = ApiError::from_response(400, None, over.as_bytes());
        assert_eq!(error.message().len(), ApiError::MAX_MESSAGE_BYTES);
        assert!(error.is_message_truncated());

        assert!(!ApiError::from_response(400, None, b"not json").is_message_truncated());
    }

    #[test]
    fn the_documents_spelling_wins_when_both_are_present() {
        let body = br#"{"ErrorCode":"AccessDenied","errorCode":"InvalidArgument","ErrorMessage":"b","errorMessage":"a"}"#;
        let error = ApiError::from_response(400, None, body);
        assert_eq!(error.code(), Some(ErrorCode::InvalidArgument));
        assert_eq!(error.message(), "a");
    }

    #[test]
    fn an_empty_or_non_string_field_falls_back_to_the_other_spelling() {
        let body =
            br#"{"errorCode":"","ErrorCode":"AccessDenied","errorMessage":42,"ErrorMessage":"no"}"#;
        let error = ApiError::from_response(403, None, body);
        assert_eq!(error.code(), Some(ErrorCode::AccessDenied));
        assert_eq!(error.message(), "no");
    }

    #[test]
    fn other_spellings_are_not_guessed() {
        let body = br#"{"code":"AccessDenied","message":"m","ERRORCODE":"AccessDenied","error_code":"AccessDenied"}"#;
        let error = ApiError::from_response(403, None, body);
        assert_eq!(error.code_str(), None);
        assert_eq!(error.message(), "");
    }

    #[test]
    fn unknown_error_code_is_kept_verbatim() {
        let body =
            br#"{"ErrorCode":"FunctionNotFound","ErrorMessage":"function 'f' does not exist"}"#;
        let error = ApiError::from_response(404, Some(REQUEST_ID), body);
        assert_eq!(error.code(), None);
        assert_eq!(error.code_str(), Some("FunctionNotFound"));
        assert_eq!(error.message(), "function 'f' does not exist");
        assert_eq!(error.documented_status_mismatch(), None);
        assert_eq!(
            error.to_string(),
            format!("404 Not Found, FunctionNotFound: function 'f' does not exist (request id {REQUEST_ID})")
        );
    }

    #[test]
    fn display_reads_status_code_message_and_request_id() {
        let body = br#"{"ErrorCode":"SignatureNotMatch","ErrorMessage":"The request signature does not match"}"#;
        let error = ApiError::from_response(403, Some("r-1"), body);
        assert_eq!(
            error.to_string(),
            "403 Forbidden, SignatureNotMatch: The request signature does not match (request id r-1)"
        );
        let no_message = ApiError::from_response(403, None, br#"{"ErrorCode":"AccessDenied"}"#);
        assert_eq!(no_message.to_string(), "403 Forbidden, AccessDenied");
        let no_code = ApiError::from_response(400, None, br#"{"ErrorMessage":"bad"}"#);
        assert_eq!(no_code.to_string(), "400 Bad Request: bad");
    }

    #[test]
    fn display_escapes_control_characters_so_one_error_is_one_line() {
        let body =
            br#"{"ErrorCode":"Bad\nCode","ErrorMessage":"line 1\nFAKE LOG LINE\r\u001b[31m"}"#;
        let error = ApiError::from_response(400, Some("id\n2"), body);
        assert_eq!(
            error.to_string(),
            r"400 Bad Request, Bad\nCode: line 1\nFAKE LOG LINE\r\u{1b}[31m (request id id\n2)"
        );
        assert_eq!(error.message(), "line 1\nFAKE LOG LINE\r\u{1b}[31m");
    }

    #[test]
    fn every_documented_code_with_its_documented_status_has_no_mismatch() {
        for &code in ErrorCode::ALL {
            let body = format!(r#"{{"ErrorCode":"{code}"}}"#);
            let error = ApiError::from_response(code.http_status(), None, body.as_bytes());
            assert_eq!(error.code(), Some(code));
            assert_eq!(error.documented_status_mismatch(), None);
            assert_eq!(error.is_retryable(), code.is_retryable());
        }
    }

    #[test]
    fn a_documented_code_with_another_status_reports_the_documented_one() {
        let body = br#"{"ErrorCode":"ResourceExhausted"}"#;
        let error = ApiError::from_response(503, None, body);
        assert_eq!(error.documented_status_mismatch(), Some(429));
    }

    #[test]
    fn known_codes_are_classified_by_the_spec_annotation_not_the_status() {
        let cases = [
            ("ResourceExhausted", 429, true),
            ("ResourceThrottled", 503, true),
            ("InternalServerError", 500, true),
            ("ConcurrentUpdateError", 409, true),
            ("ClientClosedRequest", 499, false),
            ("InvalidArgument", 400, false),
            ("SignatureNotMatch", 403, false),
            // A documented non-retryable code stays so even on a 5xx status.
            ("AccessDenied", 503, false),
        ];
        for (code, status, retryable) in cases {
            let body = format!(r#"{{"ErrorCode":"{code}"}}"#);
            let error = ApiError::from_response(status, None, body.as_bytes());
            assert_eq!(error.is_retryable(), retryable, "{code} {status}");
        }
    }

    #[test]
    fn unknown_codes_are_classified_by_status() {
        for (status, retryable) in [
            (429, true),
            (503, true),
            (502, true),
            (404, false),
            (501, false),
        ] {
            let error = ApiError::from_response(status, None, br#"{"ErrorCode":"SomethingNew"}"#);
            assert_eq!(error.is_retryable(), retryable, "{status}");
        }
    }

    #[test]
    fn a_long_code_and_message_are_cut_at_a_char_boundary() {
        let code = "C".repeat(ApiError::MAX_CODE_BYTES + 10);
        let message = "消".repeat(ApiError::MAX_MESSAGE_BYTES); // 3 bytes each
        let body = format!(r#"{{"ErrorCode":"{code}","ErrorMessage":"{message}"}}"#);
        let error = ApiError::from_response(400, None, body.as_bytes());
        assert_eq!(error.code_str(), Some(&code[..ApiError::MAX_CODE_BYTES]));
        assert_eq!(
            error.message(),
            "消".repeat(ApiError::MAX_MESSAGE_BYTES / 3)
        );
        assert!(error.is_message_truncated());
        assert_eq!(error.code(), None);
    }

    #[test]
    fn json_that_is_not_an_error_object_has_no_code() {
        for body in [
            &br#"["ErrorCode","AccessDenied"]"#[..],
            br#""AccessDenied""#,
            b"null",
            br#"{"ErrorCode":"AccessDenied""#,
            br#"{"nested":{"ErrorCode":"AccessDenied"}}"#,
            br#"{"ErrorCode":"Access\xFFDenied"}"#,
        ] {
            let error = ApiError::from_response(403, None, body);
            assert_eq!(error.code_str(), None, "{}", String::from_utf8_lossy(body));
            assert_eq!(error.status(), 403);
        }
    }

    #[test]
    fn deeply_nested_json_does_not_overflow_the_stack() {
        let depth = ApiError::MAX_PARSED_BODY_BYTES / 2;
        let body = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let error = ApiError::from_response(500, None, body.as_bytes());
        assert_eq!(error.code_str(), None);
        assert!(error.is_retryable());
    }

    #[test]
    fn a_body_over_the_parse_bound_is_kept_but_not_parsed() {
        let padding = " ".repeat(ApiError::MAX_PARSED_BODY_BYTES);
        let body = format!(r#"{{"ErrorCode":"AccessDenied"{padding}}}"#);
        let error = ApiError::from_response(403, None, body.as_bytes());
        assert_eq!(error.code_str(), None);
        assert!(error.is_raw_body_truncated());
        assert!(error
            .raw_body()
            .starts_with(r#"{"ErrorCode":"AccessDenied""#));
    }

    /// A body of exactly `len` bytes: a byte order mark when `bom`, then an
    /// object with a code, padded with spaces.
    fn padded_body(len: usize, bom: bool) -> Vec<u8> {
        let mut body = if bom {
            b"\xEF\xBB\xBF".to_vec()
        } else {
            Vec::new()
        };
        body.extend_from_slice(br#"{"ErrorCode":"AccessDenied""#);
        body.resize(len - 1, b' ');
        body.push(b'}');
        body
    }

    #[test]
    fn the_parse_bound_counts_a_leading_byte_order_mark() {
        // The docs: bodies over MAX_PARSED_BODY_BYTES are not read. The
        // mark is part of the body, so it counts towards the bound.
        let max = ApiError::MAX_PARSED_BODY_BYTES;
        for bom in [false, true] {
            let at_bound = ApiError::from_response(403, None, &padded_body(max, bom));
            assert_eq!(at_bound.code(), Some(ErrorCode::AccessDenied), "bom {bom}");
            let over = ApiError::from_response(403, None, &padded_body(max + 1, bom));
            assert_eq!(over.code_str(), None, "bom {bom}");
        }
        // What used to be read: a mark and then a full bound of JSON.
        let body = padded_body(max + 3, true);
        assert_eq!(ApiError::from_response(403, None, &body).code_str(), None);
    }

    #[test]
    fn only_the_message_and_the_raw_body_say_they_were_cut() {
        // The README: the code and the request id are cut without a flag (no
        // real one comes near its bound); the message and the raw body are
        // cut with one.
        let code = "C".repeat(ApiError::MAX_CODE_BYTES + 10);
        let message = "m".repeat(ApiError::MAX_MESSAGE_BYTES + 10);
        let request_id = "r".repeat(ApiError::MAX_REQUEST_ID_BYTES + 10);
        let padding = " ".repeat(ApiError::MAX_RAW_BODY_BYTES);
        let body = format!(
            r#"{{"ErrorCode":"{code}","ErrorMessage":"{message}","RequestId":"{request_id}"{padding}}}"#
        );
        let error = ApiError::from_response(400, None, body.as_bytes());
        assert_eq!(error.code_str(), Some(&code[..ApiError::MAX_CODE_BYTES]));
        assert_eq!(
            error.request_id(),
            Some(&request_id[..ApiError::MAX_REQUEST_ID_BYTES])
        );
        assert_eq!(error.message(), &message[..ApiError::MAX_MESSAGE_BYTES]);
        assert!(error.is_message_truncated());
        assert_eq!(error.raw_body().len(), ApiError::MAX_RAW_BODY_BYTES);
        assert!(error.is_raw_body_truncated());
    }
}

#[cfg(not(feature = "json"))]
#[test]
fn without_json_the_body_request_id_is_not_read() {
    let body = br#"{"RequestId":"body-id"}"#;
    assert_eq!(ApiError::from_response(500, None, body).request_id(), None);
    assert_eq!(
        ApiError::from_response(500, Some(REQUEST_ID), body).request_id(),
        Some(REQUEST_ID)
    );
}

#[cfg(not(feature = "json"))]
#[test]
fn without_json_the_body_is_kept_but_not_read() {
    let body = br#"{"ErrorCode":"ResourceThrottled","ErrorMessage":"too many instances"}"#;
    let error = ApiError::from_response(503, Some(REQUEST_ID), body);
    assert_eq!(error.code(), None);
    assert_eq!(error.code_str(), None);
    assert_eq!(error.message(), "");
    assert_eq!(error.status(), 503);
    assert_eq!(error.request_id(), Some(REQUEST_ID));
    assert_eq!(error.raw_body().as_bytes(), body);
    // The status still classifies it.
    assert!(error.is_retryable());
    assert_eq!(
        error.to_string(),
        format!("503 Service Unavailable, JSON-like body of {} bytes: \"{{\\\"ErrorCode\\\":\\\"ResourceThrottled\\\",\\\"ErrorMessage\\\":\\\"too many instan\"… (request id {REQUEST_ID})", body.len())
    );
}

#[test]
fn a_gateway_html_page_keeps_status_and_body() {
    let body = b"<html><head><title>502 Bad Gateway</title></head></html>";
    let error = ApiError::from_response(502, None, body);
    assert_eq!(error.status(), 502);
    assert_eq!(error.code_str(), None);
    assert_eq!(error.message(), "");
    assert_eq!(error.raw_body().as_bytes(), body);
    assert!(error.is_retryable());
    assert_eq!(
        error.to_string(),
        r#"502 Bad Gateway, HTML body of 56 bytes: "<html><head><title>502 Bad Gateway</title></head></html>""#
    );
}

#[test]
fn an_empty_body_keeps_the_status_and_request_id() {
    let error = ApiError::from_response(500, Some(REQUEST_ID), b"");
    assert_eq!(error.status(), 500);
    assert_eq!(error.raw_body(), "");
    assert_eq!(error.request_id(), Some(REQUEST_ID));
    assert_eq!(
        error.to_string(),
        format!("500 Internal Server Error, empty body (request id {REQUEST_ID})")
    );
}

#[test]
fn an_empty_request_id_is_none_and_a_long_one_is_cut() {
    assert_eq!(
        ApiError::from_response(500, Some(""), b"").request_id(),
        None
    );
    let long = "r".repeat(ApiError::MAX_REQUEST_ID_BYTES * 2);
    let error = ApiError::from_response(500, Some(&long), b"");
    assert_eq!(
        error.request_id(),
        Some(&long[..ApiError::MAX_REQUEST_ID_BYTES])
    );
}

#[test]
fn a_body_that_is_not_utf8_is_kept_lossily() {
    let error = ApiError::from_response(500, None, b"bad \xC3\x28 bytes \xF0\x9F");
    assert_eq!(error.raw_body(), "bad \u{FFFD}( bytes \u{FFFD}");
    assert!(!error.is_raw_body_truncated());
}

#[test]
fn a_huge_body_is_cut_to_the_bound_at_a_char_boundary() {
    let body = format!("x{}", "é".repeat(10_000)); // 'é' is 2 bytes: the cut falls inside one
    let error = ApiError::from_response(500, None, body.as_bytes());
    assert_eq!(error.raw_body().len(), ApiError::MAX_RAW_BODY_BYTES - 1);
    assert!(body.starts_with(error.raw_body()));
    assert!(error.is_raw_body_truncated());

    let exactly = "y".repeat(ApiError::MAX_RAW_BODY_BYTES);
    let error = ApiError::from_response(500, None, exactly.as_bytes());
    assert_eq!(error.raw_body(), exactly);
    assert!(!error.is_raw_body_truncated());
}

#[test]
fn invalid_bytes_past_the_bound_do_not_grow_the_kept_body() {
    let body = vec![0xFF; 100_000];
    let error = ApiError::from_response(500, None, &body);
    assert!(error.raw_body().len() <= ApiError::MAX_RAW_BODY_BYTES);
    assert!(error.raw_body().chars().all(|c| c == '\u{FFFD}'));
    assert!(error.is_raw_body_truncated());
}

#[test]
fn no_code_means_the_status_decides_retry() {
    for status in [429, 500, 502, 503, 504] {
        assert!(
            ApiError::from_response(status, None, b"").is_retryable(),
            "{status}"
        );
    }
    for status in [400, 403, 404, 409, 499, 501, 505, 200, 0, u16::MAX] {
        assert!(
            !ApiError::from_response(status, None, b"").is_retryable(),
            "{status}"
        );
    }
}

#[test]
fn api_error_is_a_shareable_std_error() {
    fn assert_error<T: std::error::Error + Send + Sync + Clone + 'static>() {}
    assert_error::<ApiError>();
    let boxed: Box<dyn std::error::Error + Send + Sync> =
        Box::new(ApiError::from_response(500, None, b""));
    assert_eq!(boxed.to_string(), "500 Internal Server Error, empty body");
}

/// The longest prefix of `text` of at most `max` bytes that ends at a
/// character boundary, worked out char by char.
fn expected_prefix(text: &str, max: usize) -> &str {
    let end = text
        .char_indices()
        .map(|(start, c)| start + c.len_utf8())
        .take_while(|&end| end <= max)
        .last()
        .unwrap_or(0);
    &text[..end]
}

proptest! {
    #[test]
    fn any_bytes_give_an_error_that_keeps_the_status_and_the_lossy_body_prefix(
        status in any::<u16>(),
        request_id in proptest::option::of("\\PC{0,40}"),
        body in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..6000),
            // Valid UTF-8 on both sides of the bound, which random bytes almost never are.
            "\\PC{0,2500}".prop_map(String::into_bytes),
        ],
    ) {
        let error = ApiError::from_response(status, request_id.as_deref(), &body);
        prop_assert_eq!(error.status(), status);
        prop_assert!(error.code_str().is_none_or(|code| code.len() <= ApiError::MAX_CODE_BYTES));
        prop_assert!(error.message().len() <= ApiError::MAX_MESSAGE_BYTES);
        match request_id.as_deref().filter(|id| !id.is_empty()) {
            Some(header) => {
                prop_assert_eq!(error.request_id(), Some(expected_prefix(header, ApiError::MAX_REQUEST_ID_BYTES)));
            }
            None => prop_assert!(error.request_id().is_none_or(|id| id.len() <= ApiError::MAX_REQUEST_ID_BYTES)),
        }
        let lossy = String::from_utf8_lossy(&body);
        prop_assert_eq!(error.raw_body(), expected_prefix(&lossy, ApiError::MAX_RAW_BODY_BYTES));
        prop_assert_eq!(error.is_raw_body_truncated(), lossy.len() > ApiError::MAX_RAW_BODY_BYTES);
        prop_assert!(error.to_string().starts_with(&status.to_string()));
    }

    #[test]
    fn any_json_shaped_body_gives_an_error_that_keeps_the_status(
        status in any::<u16>(),
        header in proptest::option::of("[a-z0-9-]{1,36}"),
        body in r#"\{("(errorCode|ErrorCode|errorMessage|ErrorMessage|RequestId|requestId|x)":("[^"\\]{0,20}"|[0-9]{1,3}|null|\{\}|\[\]),?){0,4}\}?"#,
    ) {
        let error = ApiError::from_response(status, header.as_deref(), body.as_bytes());
        prop_assert_eq!(error.status(), status);
        prop_assert_eq!(error.raw_body(), body.as_str());
        prop_assert_eq!(error.is_retryable(), match error.code() {
            Some(code) => code.is_retryable(),
            None => matches!(status, 429 | 500 | 502 | 503 | 504),
        });
        match (&header, error.request_id()) {
            (Some(header), kept) => prop_assert_eq!(kept, Some(header.as_str())),
            (None, Some(from_body)) => {
                let field = format!("equestId\":\"{from_body}\"");
                prop_assert!(cfg!(feature = "json") && body.contains(&field), "{}", body);
            }
            (None, None) => {}
        }
    }
}

/// The bodies of issue #13 and the 3.0 shape: what the reader keeps.
#[cfg(feature = "json")]
mod body_shapes {
    use super::*;
    use fc_generated::ErrorCode;

    fn code(body: &[u8]) -> Option<String> {
        ApiError::from_response(400, None, body)
            .code_str()
            .map(str::to_owned)
    }

    #[test]
    fn function_compute_3_bodies_give_code_message_and_request_id() {
        let body = br#"{"Code":"ResourceThrottled","Message":"Reserve resource exceeded limit","RequestId":"1-64b5-3"}"#;
        let error = ApiError::from_response(503, None, body);
        assert_eq!(error.code(), Some(ErrorCode::ResourceThrottled));
        assert_eq!(error.message(), "Reserve resource exceeded limit");
        assert_eq!(error.request_id(), Some("1-64b5-3"));
        assert_eq!(
            error.to_string(),
            "503 Service Unavailable, ResourceThrottled: Reserve resource exceeded limit (request id 1-64b5-3)"
        );
        // 3.0 codes the 2.0 table does not list are kept verbatim.
        let body = br#"{"Code":"FunctionNotFound","Message":"function not found","RequestId":"r"}"#;
        let error = ApiError::from_response(404, Some("header-id"), body);
        assert_eq!(error.code(), None);
        assert_eq!(error.code_str(), Some("FunctionNotFound"));
        assert_eq!(error.request_id(), Some("header-id"));
    }

    #[test]
    fn each_field_comes_from_the_first_shape_that_has_it() {
        let cases: [(&[u8], Option<&str>, &str); 6] = [
            (
                br#"{"Code":"C","ErrorCode":"B","errorCode":"A"}"#,
                Some("A"),
                "",
            ),
            (br#"{"Code":"C","ErrorCode":"B"}"#, Some("B"), ""),
            (
                br#"{"Code":"C","ErrorCode":"","errorCode":7}"#,
                Some("C"),
                "",
            ),
            (br#"{"Message":"m3","ErrorMessage":"m2"}"#, None, "m2"),
            // Code and message may come from different shapes.
            (br#"{"ErrorCode":"B","Message":"m3"}"#, Some("B"), "m3"),
            (br#"{"Code":null,"Message":["m"]}"#, None, ""),
        ];
        for (body, expected_code, expected_message) in cases {
            let error = ApiError::from_response(400, None, body);
            let shown = String::from_utf8_lossy(body);
            assert_eq!(error.code_str(), expected_code, "{shown}");
            assert_eq!(error.message(), expected_message, "{shown}");
        }
    }

    #[test]
    fn a_repeated_key_keeps_its_last_string_value() {
        let cases: [(&[u8], Option<&str>); 7] = [
            (
                br#"{"ErrorCode":"AccessDenied","ErrorCode":""}"#,
                Some("AccessDenied"),
            ),
            (
                br#"{"ErrorCode":"AccessDenied","ErrorCode":null}"#,
                Some("AccessDenied"),
            ),
            (
                br#"{"ErrorCode":"AccessDenied","ErrorCode":{"x":1}}"#,
                Some("AccessDenied"),
            ),
            (
                br#"{"ErrorCode":"AccessDenied","ErrorCode":"InvalidArgument"}"#,
                Some("InvalidArgument"),
            ),
            (
                br#"{"ErrorCode":"","ErrorCode":"AccessDenied"}"#,
                Some("AccessDenied"),
            ),
            (
                br#"{"ErrorCode":1,"ErrorCode":"A","ErrorCode":2,"ErrorCode":"B","ErrorCode":3}"#,
                Some("B"),
            ),
            (br#"{"ErrorCode":"","ErrorCode":""}"#, None),
        ];
        for (body, expected) in cases {
            assert_eq!(
                code(body).as_deref(),
                expected,
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        // The same rule for the message and the request id.
        let body = br#"{"ErrorMessage":"first","ErrorMessage":"","RequestId":"a","RequestId":"b"}"#;
        let error = ApiError::from_response(400, None, body);
        assert_eq!(error.message(), "first");
        assert_eq!(error.request_id(), Some("b"));
    }

    #[test]
    fn a_leading_byte_order_mark_is_skipped_and_kept_in_the_raw_body() {
        for body in [
            &b"\xEF\xBB\xBF{\"ErrorCode\":\"AccessDenied\"}"[..],
            b"\xEF\xBB\xBF {\"ErrorCode\":\"AccessDenied\"}",
            b"\xEF\xBB\xBF\n{\"Code\":\"AccessDenied\"}\n",
        ] {
            let error = ApiError::from_response(403, None, body);
            assert_eq!(error.code(), Some(ErrorCode::AccessDenied));
            assert!(error.raw_body().starts_with('\u{FEFF}'));
        }
        // Only one, and only at the start.
        assert_eq!(
            code(b"\xEF\xBB\xBF\xEF\xBB\xBF{\"ErrorCode\":\"AccessDenied\"}"),
            None
        );
        assert_eq!(code(b" \xEF\xBB\xBF{\"ErrorCode\":\"AccessDenied\"}"), None);
        assert_eq!(code(b"{\"ErrorCode\":\"AccessDenied\"}\xEF\xBB\xBF"), None);
    }

    /// `depth` nested arrays, or objects with key "k", holding `leaf`.
    fn nested(depth: usize, objects: bool, leaf: &str) -> String {
        let (open, close) = if objects {
            (r#"{"k":"#, "}")
        } else {
            ("[", "]")
        };
        format!("{}{leaf}{}", open.repeat(depth), close.repeat(depth))
    }

    #[test]
    fn a_deeply_nested_sibling_does_not_lose_the_code() {
        // The 287-byte body of issue #13: 127 arrays deep beside the code.
        let body = format!(
            r#"{{"ErrorCode":"AccessDenied","x":{}}}"#,
            nested(127, false, "")
        );
        assert_eq!(body.len(), 287);
        assert_eq!(code(body.as_bytes()).as_deref(), Some("AccessDenied"));
        for depth in [128, 129, 1000, 10_000] {
            for objects in [false, true] {
                let deep = nested(depth, objects, "1");
                let after = format!(r#"{{"ErrorCode":"AccessDenied","x":{deep}}}"#);
                let before = format!(r#"{{"x":{deep},"Code":"AccessDenied","y":2}}"#);
                for body in [after, before] {
                    let error = ApiError::from_response(403, None, body.as_bytes());
                    assert_eq!(
                        error.code(),
                        Some(ErrorCode::AccessDenied),
                        "{depth} {objects}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_deep_body_that_is_not_valid_json_has_no_code() {
        let unclosed = format!(r#"{{"ErrorCode":"AccessDenied","x":{}"#, "[".repeat(5000));
        let mismatched = r#"{"ErrorCode":"AccessDenied","x":[[[{}]]}]}"#.to_owned();
        for body in [unclosed, mismatched] {
            assert_eq!(code(body.as_bytes()), None, "{body}");
        }
    }

    /// A JSON value `depth` levels deep, mixing arrays and objects as `shape` says.
    fn mixed_nesting(depth: usize, shape: &[bool], leaf: &str) -> String {
        let mut text = leaf.to_owned();
        for level in 0..depth {
            text = if shape[level % shape.len()] {
                format!(r#"{{"a":1,"k{level}":{text},"z":[]}}"#)
            } else {
                format!("[null,{text},\"]\"]")
            };
        }
        text
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn the_code_survives_a_sibling_of_any_depth(
            depth in 0usize..2000,
            shape in proptest::collection::vec(any::<bool>(), 1..8),
            index in 0..ErrorCode::ALL.len(),
            code_first in any::<bool>(),
            field in prop_oneof![Just("errorCode"), Just("ErrorCode"), Just("Code")],
        ) {
            let known = ErrorCode::ALL[index];
            let sibling = mixed_nesting(depth, &shape, r#""leaf""#);
            let member = format!(r#""{field}":"{known}""#);
            let body = if code_first {
                format!(r#"{{{member},"deep":{sibling}}}"#)
            } else {
                format!(r#"{{"deep":{sibling},{member}}}"#)
            };
            let error = ApiError::from_response(known.http_status(), None, body.as_bytes());
            prop_assert_eq!(error.code(), Some(known));
            prop_assert_eq!(error.retry_class(), known.retry_class());
            // One byte less is not JSON, so nothing is read from it.
            let cut = &body.as_bytes()[..body.len() - 1];
            let cut_error = ApiError::from_response(400, None, cut);
            prop_assert_eq!(cut_error.code_str(), None);
        }

        #[test]
        fn shallow_json_reads_as_serde_json_reads_it(value in json_object()) {
            let body = serde_json::to_vec(&value).expect("serializable");
            let error = ApiError::from_response(400, None, &body);
            let string_of = |names: &[&str]| {
                names.iter().find_map(|name| match value.get(*name) {
                    Some(serde_json::Value::String(text)) if !text.is_empty() => Some(text.clone()),
                    _ => None,
                })
            };
            let expected_code = string_of(&["errorCode", "ErrorCode", "Code"]);
            prop_assert_eq!(error.code_str().map(str::to_owned), expected_code.map(|code| {
                code.chars().scan(0, |len, c| { *len += c.len_utf8(); (*len <= ApiError::MAX_CODE_BYTES).then_some(c) }).collect::<String>()
            }));
            let expected_message = string_of(&["errorMessage", "ErrorMessage", "Message"]).unwrap_or_default();
            prop_assert_eq!(error.message(), expected_message.as_str());
            prop_assert_eq!(error.request_id().map(str::to_owned), string_of(&["RequestId", "requestId"]));
        }
    }

    /// Objects of up to 6 members with the keys the reader looks for and
    /// others, values of every JSON type nested a few levels.
    fn json_object() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>()
                .prop_filter("finite", |x| x.is_finite())
                .prop_map(serde_json::Value::from),
            "\\PC{0,12}|[\"\\\\\\n\\u{0}-\\u{1f}\\u{2028}\\u{1F600}]{0,4}"
                .prop_map(serde_json::Value::from),
        ];
        let value = leaf.prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
                proptest::collection::btree_map("[a-z]{1,3}", inner, 0..4)
                    .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
            ]
        });
        let key = prop_oneof![
            Just("errorCode".to_owned()),
            Just("ErrorCode".to_owned()),
            Just("Code".to_owned()),
            Just("errorMessage".to_owned()),
            Just("ErrorMessage".to_owned()),
            Just("Message".to_owned()),
            Just("RequestId".to_owned()),
            Just("requestId".to_owned()),
            "\\PC{0,8}",
        ];
        proptest::collection::btree_map(key, value, 0..6)
            .prop_map(|map| serde_json::Value::Object(map.into_iter().collect()))
    }
}

#[test]
fn display_describes_a_body_without_a_code_by_kind_length_and_preview() {
    let long_page = format!(
        "<!DOCTYPE html><html><body>{}</body></html>",
        "x".repeat(5000)
    );
    let cases: [(u16, &[u8], String); 6] = [
        (
            502,
            b"upstream connect error",
            r#"502 Bad Gateway, text body of 22 bytes: "upstream connect error""#.to_owned(),
        ),
        (
            500,
            b"\x00\xFF\xFE",
            "500 Internal Server Error, binary body of 3 bytes: \"\\0\u{FFFD}\u{FFFD}\"".to_owned(),
        ),
        (599, b"x", r#"599, text body of 1 byte: "x""#.to_owned()),
        (
            504,
            long_page.as_bytes(),
            format!(
                r#"504 Gateway Timeout, HTML body of {} bytes: "<!DOCTYPE html><html><body>{}"…"#,
                long_page.len(),
                "x".repeat(64 - 27)
            ),
        ),
        (
            503,
            br#"["busy"]"#,
            r#"503 Service Unavailable, JSON-like body of 8 bytes: "[\"busy\"]""#.to_owned(),
        ),
        (0, b"a\\b", r#"0, text body of 3 bytes: "a\\b""#.to_owned()),
    ];
    for (status, body, expected) in cases {
        assert_eq!(
            ApiError::from_response(status, None, body).to_string(),
            expected
        );
    }
    #[cfg(feature = "json")]
    assert_eq!(
        ApiError::from_response(500, None, br#"{"ok":false}"#).to_string(),
        r#"500 Internal Server Error, JSON body of 12 bytes: "{\"ok\":false}""#
    );
}

#[test]
fn display_escapes_bidi_controls_and_line_separators_everywhere() {
    let dangerous = [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}', '\u{2028}', '\u{2029}', '\u{200E}', '\u{200F}', '\u{061C}', '\n',
        '\u{1b}', '\u{85}',
    ];
    for c in dangerous {
        let text = format!("a{c}b");
        let json = serde_json::to_string(&text).expect("a string");
        let bodies = [
            format!(r#"{{"ErrorCode":{json}}}"#),
            format!(r#"{{"ErrorMessage":{json}}}"#),
            format!("<p>{text}</p>"),
        ];
        for body in &bodies {
            let shown = ApiError::from_response(400, Some(&text), body.as_bytes()).to_string();
            assert!(!shown.contains(c), "{c:?} in {shown:?}");
            assert!(
                shown.contains(&c.escape_debug().to_string())
                    || shown.contains(&c.escape_unicode().to_string()),
                "{c:?} in {shown:?}"
            );
        }
    }
    let error = ApiError::from_response(400, Some("id\u{202E}txt.exe"), b"");
    assert_eq!(
        error.to_string(),
        r"400 Bad Request, empty body (request id id\u{202e}txt.exe)"
    );
    // The kept values themselves are not changed.
    assert_eq!(error.request_id(), Some("id\u{202E}txt.exe"));
}

#[test]
fn every_documented_code_has_the_retry_class_its_docs_give() {
    use fc_generated::{ErrorCode, RetryClass};
    for &code in ErrorCode::ALL {
        let expected = match code {
            ErrorCode::ResourceExhausted | ErrorCode::ResourceThrottled => RetryClass::Throttling,
            ErrorCode::ConcurrentUpdateError => RetryClass::Transient,
            ErrorCode::InternalServerError => RetryClass::ServerError,
            _ => RetryClass::NotRetryable,
        };
        assert_eq!(code.retry_class(), expected, "{code}");
        assert_eq!(
            code.retry_class().is_retryable(),
            code.is_retryable(),
            "{code}"
        );
        if expected == RetryClass::NotRetryable {
            assert!(matches!(code.http_status(), 400 | 403 | 499), "{code}");
        }
    }
}

#[test]
fn without_a_documented_code_the_status_gives_the_retry_class() {
    use fc_generated::RetryClass;
    for status in 0..=1000u16 {
        let expected = match status {
            429 | 503 => RetryClass::Throttling,
            502 | 504 => RetryClass::Transient,
            500 => RetryClass::ServerError,
            _ => RetryClass::NotRetryable,
        };
        let error = ApiError::from_response(status, None, b"<html>busy</html>");
        assert_eq!(error.retry_class(), expected, "{status}");
        assert_eq!(RetryClass::for_status(status), expected, "{status}");
        assert_eq!(error.is_retryable(), expected.is_retryable(), "{status}");
    }
}

mod retry_after {
    use super::*;
    use std::time::{Duration, SystemTime};

    fn retry_after(value: &str) -> Option<Duration> {
        ApiError::from_response(503, None, b"")
            .with_retry_after_header(value)
            .retry_after()
    }

    /// `time` as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), written
    /// here independently of the crate's reader.
    fn imf_fixdate(time: SystemTime) -> String {
        let seconds = time
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let (days, second_of_day) = (seconds / 86_400, seconds % 86_400);
        // Howard Hinnant's civil_from_days.
        let z = days as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days % 7) as usize];
        let month_name = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ][month as usize - 1];
        format!(
            "{weekday}, {day:02} {month_name} {year:04} {:02}:{:02}:{:02} GMT",
            second_of_day / 3600,
            second_of_day / 60 % 60,
            second_of_day % 60
        )
    }

    #[test]
    fn the_formatter_writes_the_rfc_example() {
        let example = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(imf_fixdate(example), "Sun, 06 Nov 1994 08:49:37 GMT");
    }

    #[test]
    fn seconds_are_read_as_a_delay() {
        assert_eq!(retry_after("0"), Some(Duration::ZERO));
        assert_eq!(retry_after("120"), Some(Duration::from_secs(120)));
        assert_eq!(retry_after(" 7\t"), Some(Duration::from_secs(7)));
        assert_eq!(retry_after("0086400"), Some(Duration::from_secs(86_400)));
    }

    #[test]
    fn an_http_date_is_read_as_the_time_until_it() {
        let in_ten_minutes = SystemTime::now() + Duration::from_secs(600);
        let delay = retry_after(&imf_fixdate(in_ten_minutes)).expect("a date is read");
        // The date has whole seconds, and a slow test may take a while.
        assert!(
            Duration::from_secs(540) < delay && delay <= Duration::from_secs(600),
            "{delay:?}"
        );
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(
            retry_after("Fri, 31 Dec 9999 23:59:59 GMT"),
            Some(ApiError::MAX_RETRY_AFTER)
        );
    }

    #[test]
    fn garbage_is_no_delay_and_never_panics() {
        for value in [
            "",
            " ",
            "soon",
            "-1",
            "+5",
            "1.5",
            "5s",
            "0x10",
            "١٢",
            "Sun, 06 Nov 1994 08:49:37",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT trailing",
        ] {
            assert_eq!(retry_after(value), None, "{value:?}");
        }
        let bytes = ApiError::from_response(429, None, b"").with_retry_after_header(b"\xFF\xFE");
        assert_eq!(bytes.retry_after(), None);
        let long = "1".repeat(65);
        assert_eq!(retry_after(&long), None);
    }

    #[test]
    fn an_overflowing_number_is_the_longest_delay() {
        for value in [
            "86401",
            "18446744073709551615",
            "18446744073709551616",
            &"9".repeat(64),
        ] {
            assert_eq!(
                retry_after(value),
                Some(ApiError::MAX_RETRY_AFTER),
                "{value}"
            );
        }
    }

    #[test]
    fn no_header_is_no_delay() {
        let error = ApiError::from_response(429, Some(REQUEST_ID), b"");
        assert_eq!(error.retry_after(), None);
        // A later, unreadable header clears an earlier one.
        let error = error
            .with_retry_after_header("5")
            .with_retry_after_header("later");
        assert_eq!(error.retry_after(), None);
    }

    proptest! {
        #[test]
        fn any_header_value_is_bounded(value in proptest::collection::vec(any::<u8>(), 0..80)) {
            let error = ApiError::from_response(503, None, b"").with_retry_after_header(&value);
            prop_assert!(error.retry_after().map_or(true, |delay| delay <= ApiError::MAX_RETRY_AFTER));
        }

        #[test]
        fn any_date_shaped_value_is_bounded(
            day in 0u32..40, month in 0usize..13, year in 0u32..10_000,
            hour in 0u32..30, minute in 0u32..70, second in 0u32..70,
        ) {
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Xyz"];
            let value = format!("Mon, {day:02} {} {year:04} {hour:02}:{minute:02}:{second:02} GMT", months[month]);
            let delay = retry_after(&value);
            prop_assert!(delay.map_or(true, |delay| delay <= ApiError::MAX_RETRY_AFTER));
        }
    }
}

#[cfg(feature = "http")]
#[test]
fn from_http_response_reads_retry_after_and_gives_the_status_code() {
    use std::time::Duration;

    let response = http::Response::builder()
        .status(429)
        .header("retry-after", "4")
        .body(Vec::new())
        .unwrap();
    let error = ApiError::from_http_response(&response);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(4)));
    assert_eq!(
        error.status_code(),
        Some(http::StatusCode::TOO_MANY_REQUESTS)
    );
    let (parts, ()) = http::Response::builder()
        .status(503)
        .header("Retry-After", b"\xFF".as_slice())
        .body(())
        .unwrap()
        .into_parts();
    let error = ApiError::from_http_parts(&parts, b"");
    assert_eq!(error.retry_after(), None);
    assert_eq!(
        error.status_code(),
        Some(http::StatusCode::SERVICE_UNAVAILABLE)
    );
}
