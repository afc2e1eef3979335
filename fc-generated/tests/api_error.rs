//! Failed responses turned into `ApiError`s as a client would. The body
//! format (`errorCode`, `errorMessage`) and the codes' statuses are from the
//! documents' "Error code format" and "Common error codes"; the
//! `ErrorCode` / `ErrorMessage` spelling is what the official SDKs read.
//!
//! Tests of what is read from the body need the default feature `json`;
//! the rest also run with `--no-default-features`.

use fc_generated::{
    ApiError, MAX_CODE_BYTES, MAX_MESSAGE_BYTES, MAX_RAW_BODY_BYTES, MAX_REQUEST_ID_BYTES,
};
use proptest::prelude::*;

const REQUEST_ID: &str = "8d5c4ad3-2b62-4e61-a5a3-3b4e5d3f8f1e";

#[cfg(feature = "json")]
mod json {
    use super::*;
    use fc_generated::{ErrorCode, MAX_PARSED_BODY_BYTES};

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
                "503 ResourceThrottled (request id body-id)"
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
        let long = "é".repeat(MAX_REQUEST_ID_BYTES); // 2 bytes each
        let body = format!(r#"{{"RequestId":"{long}"}}"#);
        let error = ApiError::from_response(500, None, body.as_bytes());
        assert_eq!(error.request_id(), Some(&long[..MAX_REQUEST_ID_BYTES]));
    }

    #[test]
    fn message_truncation_is_reported() {
        let at_bound = format!(r#"{{"ErrorMessage":"{}"}}"#, "m".repeat(MAX_MESSAGE_BYTES));
        let error = ApiError::from_response(400, None, at_bound.as_bytes());
        assert_eq!(error.message().len(), MAX_MESSAGE_BYTES);
        assert!(!error.is_message_truncated());

        let over = format!(
            r#"{{"ErrorMessage":"{}"}}"#,
            "m".repeat(MAX_MESSAGE_BYTES + 1)
        );
        let error = ApiError::from_response(400, None, over.as_bytes());
        assert_eq!(error.message().len(), MAX_MESSAGE_BYTES);
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
        let body = br#"{"Code":"AccessDenied","code":"AccessDenied","message":"m","ERRORCODE":"AccessDenied"}"#;
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
            format!("404 FunctionNotFound: function 'f' does not exist (request id {REQUEST_ID})")
        );
    }

    #[test]
    fn display_reads_status_code_message_and_request_id() {
        let body = br#"{"ErrorCode":"SignatureNotMatch","ErrorMessage":"The request signature does not match"}"#;
        let error = ApiError::from_response(403, Some("r-1"), body);
        assert_eq!(
            error.to_string(),
            "403 SignatureNotMatch: The request signature does not match (request id r-1)"
        );
        let no_message = ApiError::from_response(403, None, br#"{"ErrorCode":"AccessDenied"}"#);
        assert_eq!(no_message.to_string(), "403 AccessDenied");
    }

    #[test]
    fn display_escapes_control_characters_so_one_error_is_one_line() {
        let body =
            br#"{"ErrorCode":"Bad\nCode","ErrorMessage":"line 1\nFAKE LOG LINE\r\u001b[31m"}"#;
        let error = ApiError::from_response(400, Some("id\n2"), body);
        assert_eq!(
            error.to_string(),
            r"400 Bad\nCode: line 1\nFAKE LOG LINE\r\u{1b}[31m (request id id\n2)"
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
        let code = "C".repeat(MAX_CODE_BYTES + 10);
        let message = "消".repeat(MAX_MESSAGE_BYTES); // 3 bytes each
        let body = format!(r#"{{"ErrorCode":"{code}","ErrorMessage":"{message}"}}"#);
        let error = ApiError::from_response(400, None, body.as_bytes());
        assert_eq!(error.code_str(), Some(&code[..MAX_CODE_BYTES]));
        assert_eq!(error.message(), "消".repeat(MAX_MESSAGE_BYTES / 3));
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
        let depth = MAX_PARSED_BODY_BYTES / 2;
        let body = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let error = ApiError::from_response(500, None, body.as_bytes());
        assert_eq!(error.code_str(), None);
        assert!(error.is_retryable());
    }

    #[test]
    fn a_body_over_the_parse_bound_is_kept_but_not_parsed() {
        let padding = " ".repeat(MAX_PARSED_BODY_BYTES);
        let body = format!(r#"{{"ErrorCode":"AccessDenied"{padding}}}"#);
        let error = ApiError::from_response(403, None, body.as_bytes());
        assert_eq!(error.code_str(), None);
        assert!(error.is_raw_body_truncated());
        assert!(error
            .raw_body()
            .starts_with(r#"{"ErrorCode":"AccessDenied""#));
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
    assert_eq!(error.to_string(), format!("503 (request id {REQUEST_ID})"));
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
    assert_eq!(error.to_string(), "502");
}

#[test]
fn an_empty_body_keeps_the_status_and_request_id() {
    let error = ApiError::from_response(500, Some(REQUEST_ID), b"");
    assert_eq!(error.status(), 500);
    assert_eq!(error.raw_body(), "");
    assert_eq!(error.request_id(), Some(REQUEST_ID));
    assert_eq!(error.to_string(), format!("500 (request id {REQUEST_ID})"));
}

#[test]
fn an_empty_request_id_is_none_and_a_long_one_is_cut() {
    assert_eq!(
        ApiError::from_response(500, Some(""), b"").request_id(),
        None
    );
    let long = "r".repeat(MAX_REQUEST_ID_BYTES * 2);
    let error = ApiError::from_response(500, Some(&long), b"");
    assert_eq!(error.request_id(), Some(&long[..MAX_REQUEST_ID_BYTES]));
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
    assert_eq!(error.raw_body().len(), MAX_RAW_BODY_BYTES - 1);
    assert!(body.starts_with(error.raw_body()));
    assert!(error.is_raw_body_truncated());

    let exactly = "y".repeat(MAX_RAW_BODY_BYTES);
    let error = ApiError::from_response(500, None, exactly.as_bytes());
    assert_eq!(error.raw_body(), exactly);
    assert!(!error.is_raw_body_truncated());
}

#[test]
fn invalid_bytes_past_the_bound_do_not_grow_the_kept_body() {
    let body = vec![0xFF; 100_000];
    let error = ApiError::from_response(500, None, &body);
    assert!(error.raw_body().len() <= MAX_RAW_BODY_BYTES);
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
    assert_eq!(boxed.to_string(), "500");
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
        prop_assert!(error.code_str().is_none_or(|code| code.len() <= MAX_CODE_BYTES));
        prop_assert!(error.message().len() <= MAX_MESSAGE_BYTES);
        match request_id.as_deref().filter(|id| !id.is_empty()) {
            Some(header) => {
                prop_assert_eq!(error.request_id(), Some(expected_prefix(header, MAX_REQUEST_ID_BYTES)));
            }
            None => prop_assert!(error.request_id().is_none_or(|id| id.len() <= MAX_REQUEST_ID_BYTES)),
        }
        let lossy = String::from_utf8_lossy(&body);
        prop_assert_eq!(error.raw_body(), expected_prefix(&lossy, MAX_RAW_BODY_BYTES));
        prop_assert_eq!(error.is_raw_body_truncated(), lossy.len() > MAX_RAW_BODY_BYTES);
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
