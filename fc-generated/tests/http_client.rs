//! The crate used as an FC client uses it, over real HTTP: a server on
//! 127.0.0.1 answers like Function Compute behind a gateway (a 429 with an
//! FC body, then a gateway's 502 page, then success), a real client (ureq 3,
//! whose responses are `http::Response`s) sends each request to the
//! server's `EndpointOverride`, as a client's own tests would, and the retry
//! loop is driven by the crate's `RetryClass`.
//!
//! Needs features `http` and `json` (the Cargo target says so).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use fc_generated::{ApiError, Endpoint, EndpointOverride, ErrorCode, Network, Region, RetryClass};

/// The server stops after one connection per canned response, or after
/// this long, whichever comes first, so a broken client cannot keep the
/// test running.
const SERVER_DEADLINE: Duration = Duration::from_secs(20);
const IO_TIMEOUT: Duration = Duration::from_secs(5);

/// What the server saw of one request.
#[derive(Debug)]
struct Seen {
    request_line: String,
    host: Option<String>,
}

/// Canned responses, one per connection, in order.
fn responses() -> Vec<String> {
    let throttled = r#"{"ErrorCode":"ResourceExhausted","ErrorMessage":"Rate exceeded."}"#;
    let gateway_page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body>\r\n</html>\r\n";
    vec![
        response(
            429,
            "Too Many Requests",
            "application/json",
            Some("req-429"),
            throttled,
        ),
        response(502, "Bad Gateway", "text/html", None, gateway_page),
        response(
            200,
            "OK",
            "application/json",
            Some("req-200"),
            r#"{"services":[]}"#,
        ),
    ]
}

fn response(
    status: u16,
    reason: &str,
    content_type: &str,
    request_id: Option<&str>,
    body: &str,
) -> String {
    let request_id = request_id.map_or(String::new(), |id| format!("X-Fc-Request-Id: {id}\r\n"));
    format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{request_id}Connection: close\r\n\r\n{body}",
        body.len()
    )
}

/// Serves `responses` on `listener`, one per connection, reporting each
/// request on `seen`; stops after the last or at [`SERVER_DEADLINE`].
fn serve(listener: TcpListener, responses: Vec<String>, seen: mpsc::Sender<Seen>) {
    listener
        .set_nonblocking(true)
        .expect("a non-blocking listener");
    let deadline = Instant::now() + SERVER_DEADLINE;
    let mut served = 0;
    while served < responses.len() && Instant::now() < deadline {
        match listener.accept() {
            Ok((stream, _)) => {
                let reply = &responses[served];
                served += 1;
                match answer(stream, reply) {
                    Ok(request) => {
                        if seen.send(request).is_err() {
                            return; // the test is over
                        }
                    }
                    Err(error) => eprintln!("server: {error}"),
                }
            }
            Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                thread::sleep(Duration::from_millis(5));
            }
            Err(error) => {
                eprintln!("server: accept: {error}");
                return;
            }
        }
    }
}

/// Reads one request head from `stream` and writes `reply`.
fn answer(stream: TcpStream, reply: &str) -> std::io::Result<Seen> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut host = None;
    // At most 100 header lines: a client that sends more is not one we test.
    for _ in 0..100 {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("host") {
                host = Some(value.trim().to_owned());
            }
        }
    }
    let mut stream = stream;
    stream.write_all(reply.as_bytes())?;
    stream.flush()?;
    Ok(Seen {
        request_line: request_line.trim_end().to_owned(),
        host,
    })
}

/// What the client's loop went through.
struct Outcome {
    classes: Vec<RetryClass>,
    errors: Vec<ApiError>,
    body: Vec<u8>,
}

/// Sends `GET /2023-03-30/functions` to `endpoint` until it succeeds,
/// backing off by the crate's retry class; gives up on a class that is not
/// retryable, or after 4 attempts.
fn list_functions(endpoint: &EndpointOverride) -> Result<Outcome, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None) // 127.0.0.1 only, whatever the environment says
        .timeout_global(Some(IO_TIMEOUT))
        .build()
        .into();
    let mut outcome = Outcome {
        classes: Vec::new(),
        errors: Vec::new(),
        body: Vec::new(),
    };
    for attempt in 0..4u32 {
        let response = agent
            .get(format!("{}/2023-03-30/functions", endpoint.url()))
            .call()
            .map_err(|error| format!("attempt {attempt}: {error}"))?;
        let (parts, mut body) = response.into_parts();
        let body = body
            .read_to_vec()
            .map_err(|error| format!("attempt {attempt}: body: {error}"))?;
        if parts.status.is_success() {
            outcome.body = body;
            return Ok(outcome);
        }
        let response = http::Response::from_parts(parts, body);
        let error = ApiError::from_http_response(&response);
        let class = error.retry_class();
        outcome.classes.push(class);
        outcome.errors.push(error);
        let backoff = match class {
            RetryClass::Throttling => Duration::from_millis(40 << attempt),
            RetryClass::Transient => Duration::from_millis(1),
            RetryClass::ServerError => Duration::from_millis(10 << attempt),
            RetryClass::NotRetryable => {
                return Err(format!(
                    "not retryable: {}",
                    outcome.errors[attempt as usize]
                ))
            }
        };
        thread::sleep(backoff);
    }
    Err("gave up after 4 attempts".to_owned())
}

#[test]
fn a_client_retries_throttling_and_a_gateway_page_then_succeeds() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
    let endpoint: EndpointOverride =
        format!("http://{}", listener.local_addr().expect("its address"))
            .parse()
            .expect("a loopback URL is a valid override");
    let (seen_sender, seen) = mpsc::channel();
    let server_thread = thread::spawn(move || serve(listener, responses(), seen_sender));

    let started = Instant::now();
    let outcome = list_functions(&endpoint).expect("the third attempt succeeds");
    let elapsed = started.elapsed();

    assert_eq!(
        outcome.classes,
        [RetryClass::Throttling, RetryClass::Transient]
    );
    assert_eq!(outcome.body, br#"{"services":[]}"#);
    // The throttled attempt waited its longer backoff.
    assert!(elapsed >= Duration::from_millis(40), "{elapsed:?}");

    let throttled = &outcome.errors[0];
    assert_eq!(throttled.status(), 429);
    assert_eq!(throttled.code(), Some(ErrorCode::ResourceExhausted));
    assert_eq!(throttled.request_id(), Some("req-429"));
    assert_eq!(
        throttled.to_string(),
        "429 Too Many Requests, ResourceExhausted: Rate exceeded. (request id req-429)"
    );
    let gateway = &outcome.errors[1];
    assert_eq!(gateway.status(), 502);
    assert_eq!(gateway.code_str(), None);
    assert_eq!(gateway.request_id(), None);
    assert!(gateway.raw_body().contains("502 Bad Gateway"));
    assert_eq!(
        gateway.to_string(),
        r#"502 Bad Gateway, HTML body of 82 bytes: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx"…"#
    );

    // The server has answered its three responses and ended, closing `seen`.
    server_thread.join().expect("the server thread ends");
    let requests: Vec<Seen> = seen.iter().collect();
    assert_eq!(requests.len(), 3);
    for request in &requests {
        assert_eq!(request.request_line, "GET /2023-03-30/functions HTTP/1.1");
        // The client set Host from the URL; nothing set it by hand.
        assert_eq!(request.host.as_deref(), Some(endpoint.host_and_port()));
    }
}

#[test]
fn the_http_types_carry_what_a_client_needs() {
    for &region in Region::ALL {
        for &network in Network::ALL {
            let endpoint = Endpoint::new("16530750", region, network).expect("valid");
            assert_eq!(endpoint.authority().as_str(), endpoint.host());
            assert_eq!(endpoint.uri().to_string(), format!("{}/", endpoint.url()));
            assert_eq!(endpoint.uri().host(), Some(endpoint.host()));
        }
    }
    let longest_unlisted = format!("ab-{}", "c".repeat(Endpoint::MAX_REGION_ID_LEN - 3));
    let unlisted = Endpoint::for_unlisted_region(
        &"9".repeat(Endpoint::MAX_ACCOUNT_ID_DIGITS),
        &longest_unlisted,
        Network::Internal,
    )
    .expect("valid");
    assert_eq!(unlisted.authority().host(), unlisted.host());

    for &code in ErrorCode::ALL {
        assert_eq!(code.status_code().as_u16(), code.http_status(), "{code}");
    }
    assert_eq!(ApiError::REQUEST_ID_HEADER_NAME, "x-fc-request-id");

    // A header that is not UTF-8 is kept lossily; the first of several counts.
    let response = http::Response::builder()
        .status(503)
        .header(
            "X-Fc-Request-Id",
            http::HeaderValue::from_bytes(b"id-\xFF").expect("a value"),
        )
        .header("X-Fc-Request-Id", "second")
        .body(Vec::new())
        .expect("a response");
    let error = ApiError::from_http_response(&response);
    assert_eq!(error.request_id(), Some("id-\u{FFFD}"));
    assert_eq!(error.retry_class(), RetryClass::Throttling);
    let (parts, body) = response.into_parts();
    assert_eq!(ApiError::from_http_parts(&parts, &body), error);
}

proptest::proptest! {
    /// `authority` and `uri` rely on every endpoint host being a valid
    /// authority: any endpoint the constructors accept gives one.
    #[test]
    fn every_endpoint_gives_an_authority_and_a_uri(
        account_id in "[0-9]{1,20}",
        region_id in "[a-z]{2,6}(-[a-z0-9]{1,12}){1,4}",
        internal in proptest::bool::ANY,
    ) {
        let network = if internal { Network::Internal } else { Network::Public };
        if let Ok(endpoint) = Endpoint::for_unlisted_region(&account_id, &region_id, network) {
            let authority = endpoint.authority();
            proptest::prop_assert_eq!(authority.as_str(), endpoint.host());
            proptest::prop_assert_eq!(endpoint.uri().to_string(), format!("{}/", endpoint.url()));
        }
    }
}
