//! Classify failed responses: retry with backoff, or report and stop.
//!
//! ```sh
//! cargo run --example classify_error                      # a few typical responses
//! cargo run --example classify_error -- 503 '{"ErrorCode":"ResourceThrottled","ErrorMessage":"busy"}'
//! ```

use std::env;

use fc_generated::{ApiError, Lang, RetryClass};

/// What a client does next with a failed response.
fn next_step(error: &ApiError) -> String {
    match error.retry_class() {
        RetryClass::Throttling => "throttled: retry after a longer backoff".to_owned(),
        RetryClass::Transient => "transient: retry soon".to_owned(),
        RetryClass::ServerError => "server error: retry a few times with backoff".to_owned(),
        RetryClass::NotRetryable => match error.code() {
            Some(code) => format!("stop; {}", code.solution(Lang::En)),
            None => "stop; see the message and raw body".to_owned(),
        },
    }
}

fn report(status: u16, request_id: Option<&str>, body: &[u8]) {
    let error = ApiError::from_response(status, request_id, body);
    println!("{error}");
    println!("  next: {}", next_step(&error));
    if let Some(documented) = error.documented_status_mismatch() {
        println!("  note: the documents give status {documented} for this code");
    }
}

fn main() {
    let mut args = env::args().skip(1);
    if let Some(status) = args.next() {
        let Ok(status) = status.parse::<u16>() else {
            eprintln!("usage: classify_error [STATUS [BODY]]");
            std::process::exit(2);
        };
        let body = args.next().unwrap_or_default();
        report(status, None, body.as_bytes());
        return;
    }

    let request_id = Some("8d5c4ad3-2b62-4e61-a5a3-3b4e5d3f8f1e");
    report(
        403,
        request_id,
        br#"{"ErrorCode":"SignatureNotMatch","ErrorMessage":"The request signature we calculated does not match the signature you provided."}"#,
    );
    report(
        429,
        request_id,
        br#"{"ErrorCode":"ResourceExhausted","ErrorMessage":"Rate exceeded."}"#,
    );
    report(
        404,
        request_id,
        br#"{"ErrorCode":"FunctionNotFound","ErrorMessage":"function 'hello' does not exist"}"#,
    );
    report(502, None, b"<html><body>502 Bad Gateway</body></html>");
}
