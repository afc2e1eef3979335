//! A base URL that replaces Function Compute's endpoint: a local server in
//! tests, or a gateway in front of FC. A type of its own, so an
//! [`Endpoint`](crate::Endpoint) still always points under `fc.aliyuncs.com`.

use core::fmt;
use core::str::FromStr;
use std::net::{Ipv4Addr, Ipv6Addr};

/// A base URL to send FC requests to instead of an [`Endpoint`](crate::Endpoint):
/// a server on this machine (`http://127.0.0.1:8080`), or a gateway
/// (`https://fc-gateway.example.com/fc`). The equivalent of aws-sdk-rust's
/// `endpoint_url` and the FC SDKs' endpoint option, kept apart from
/// `Endpoint` so that nothing built from an account id and a region can
/// point elsewhere.
///
/// Parsing checks every part and says what is wrong, as for `Endpoint`:
///
/// - the scheme is `https://`, or `http://` for a loopback host only
///   (`localhost`, `127.0.0.0/8`, `[::1]`): plain HTTP leaves the machine
///   for nothing;
/// - the host is a DNS name (letters, digits, `-` and `.`), an IPv4 address
///   or a bracketed IPv6 address; ASCII case is normalised to lowercase;
/// - a port is optional (1 to 65535);
/// - a path prefix is optional (`/fc/v1`: unreserved characters and `/`,
///   no `.` or `..` segment); trailing `/`s are dropped, so
///   [`url`](Self::url) never ends with one and a request path is appended
///   as is;
/// - no userinfo, query or fragment, and at most
///   [`MAX_TEXT_LEN`](Self::MAX_TEXT_LEN) bytes.
///
/// A test reaching a server on this machine:
///
/// ```
/// use std::io::{BufRead, BufReader, Write};
/// use std::net::{TcpListener, TcpStream};
/// use fc_generated::EndpointOverride;
///
/// let listener = TcpListener::bind("127.0.0.1:0")?;
/// let endpoint: EndpointOverride = format!("http://{}", listener.local_addr()?).parse()?;
/// assert_eq!(endpoint.host(), "127.0.0.1");
///
/// // The server reads the whole request head, and returns it.
/// let server = std::thread::spawn(move || -> std::io::Result<Vec<String>> {
///     let (stream, _) = listener.accept()?;
///     let lines = BufReader::new(stream).lines();
///     lines.take_while(|line| line.as_ref().map_or(false, |line| !line.is_empty())).collect()
/// });
/// let request = format!(
///     "GET {}/2023-03-30/functions HTTP/1.1\r\nHost: {}\r\n\r\n",
///     endpoint.path(),
///     endpoint.host_and_port(),
/// );
/// let mut client = TcpStream::connect((endpoint.host(), endpoint.port().unwrap_or(80)))?;
/// client.write_all(request.as_bytes())?;
/// let head = server.join().expect("the server thread ends")?;
/// assert_eq!(head[0], "GET /2023-03-30/functions HTTP/1.1");
/// assert_eq!(head[1], format!("Host: {}", endpoint.host_and_port()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A gateway, and what is refused:
///
/// ```
/// use fc_generated::{EndpointOverride, EndpointOverrideError};
///
/// let gateway: EndpointOverride = "HTTPS://FC-Gateway.example.com:8443/fc/".parse()?;
/// assert_eq!(gateway.url(), "https://fc-gateway.example.com:8443/fc");
/// assert_eq!(gateway.path(), "/fc");
///
/// let error = "http://fc-gateway.example.com".parse::<EndpointOverride>().unwrap_err();
/// assert_eq!(error, EndpointOverrideError::PlainHttpNotLoopback);
/// assert_eq!(
///     error.to_string(),
///     "plain http:// is only for a server on this machine (localhost, 127.0.0.1, [::1]); use https://",
/// );
/// assert_eq!("127.0.0.1:9000".parse::<EndpointOverride>(), Err(EndpointOverrideError::MissingScheme));
/// # Ok::<(), EndpointOverrideError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EndpointOverride {
    /// `scheme://host[:port][path]`, normalised.
    url: String,
    https: bool,
    /// Where the host ends and the path starts in `url`.
    host_start: usize,
    host_end: usize,
    path_start: usize,
    port: Option<u16>,
}

impl EndpointOverride {
    /// The longest text [`parse`](Self::parse) reads, in bytes.
    ///
    /// ```
    /// use fc_generated::{EndpointOverride, EndpointOverrideError};
    ///
    /// let long = format!("https://example.com/{}", "a".repeat(EndpointOverride::MAX_TEXT_LEN));
    /// assert!(matches!(EndpointOverride::parse(&long), Err(EndpointOverrideError::TextTooLong { .. })));
    /// ```
    pub const MAX_TEXT_LEN: usize = 512;

    /// Parses and checks a base URL; the same as `text.parse()`.
    ///
    /// ```
    /// use fc_generated::EndpointOverride;
    ///
    /// let local = EndpointOverride::parse("http://localhost:9000")?;
    /// assert_eq!(local.url(), "http://localhost:9000");
    /// assert_eq!(local.port(), Some(9000));
    /// assert!(!local.is_https());
    /// let v6 = EndpointOverride::parse("http://[::1]:9000")?;
    /// assert_eq!(v6.host(), "[::1]");
    /// # Ok::<(), fc_generated::EndpointOverrideError>(())
    /// ```
    pub fn parse(text: &str) -> Result<EndpointOverride, EndpointOverrideError> {
        if text.len() > EndpointOverride::MAX_TEXT_LEN {
            return Err(EndpointOverrideError::TextTooLong { len: text.len() });
        }
        let (scheme, rest) = text
            .split_once("://")
            .ok_or(EndpointOverrideError::MissingScheme)?;
        let https = if scheme.eq_ignore_ascii_case("https") {
            true
        } else if scheme.eq_ignore_ascii_case("http") {
            false
        } else {
            return Err(EndpointOverrideError::UnsupportedScheme);
        };
        let rest_at = scheme.len() + 3;
        let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(authority_len);
        if authority.contains('@') {
            return Err(EndpointOverrideError::Userinfo);
        }
        let (host, port) = split_port(authority, rest_at)?;
        let (host, loopback) = check_host(host, rest_at)?;
        if !https && !loopback {
            return Err(EndpointOverrideError::PlainHttpNotLoopback);
        }
        let path = check_path(tail, rest_at + authority_len)?;

        let mut url = String::with_capacity(text.len());
        url.push_str(if https { "https://" } else { "http://" });
        let host_start = url.len();
        url.push_str(&host);
        let host_end = url.len();
        if let Some(port) = port {
            url.push(':');
            url.push_str(&port.to_string());
        }
        let path_start = url.len();
        url.push_str(path);
        Ok(EndpointOverride {
            url,
            https,
            host_start,
            host_end,
            path_start,
            port,
        })
    }

    /// The base URL, `scheme://host[:port][/path]`, without a trailing `/`:
    /// append a request's path (`/2023-03-30/functions`) to it.
    ///
    /// ```
    /// use fc_generated::EndpointOverride;
    ///
    /// let local: EndpointOverride = "http://127.0.0.1:8080/".parse()?;
    /// assert_eq!(format!("{}/2023-03-30/functions", local.url()), "http://127.0.0.1:8080/2023-03-30/functions");
    /// # Ok::<(), fc_generated::EndpointOverrideError>(())
    /// ```
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The host, lowercase; an IPv6 address keeps its brackets (`[::1]`).
    ///
    /// ```
    /// use fc_generated::EndpointOverride;
    ///
    /// assert_eq!("https://GW.example.com".parse::<EndpointOverride>()?.host(), "gw.example.com");
    /// # Ok::<(), fc_generated::EndpointOverrideError>(())
    /// ```
    pub fn host(&self) -> &str {
        &self.url[self.host_start..self.host_end]
    }

    /// The port, when the URL gives one.
    ///
    /// ```
    /// use fc_generated::EndpointOverride;
    ///
    /// assert_eq!("https://gw.example.com".parse::<EndpointOverride>()?.port(), None);
    /// # Ok::<(), fc_generated::EndpointOverrideError>(())
    /// ```
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The host and, when given, the port: the request's `Host` header.
    ///
    /// ```
    /// use fc_generated::EndpointOverride;
    ///
    /// assert_eq!("http://127.0.0.1:8080/fc".parse::<EndpointOverride>()?.host_and_port(), "127.0.0.1:8080");
    /// # Ok::<(), fc_generated::EndpointOverrideError>(())
    /// ```
    pub fn host_and_port(&self) -> &str {
        &self.url[self.host_start..self.path_start]
    }

    /// The path prefix without a trailing `/`, or `""`.
    ///
    /// ```
    /// use fc_generated::EndpointOverride;
    ///
    /// assert_eq!("https://gw.example.com/fc/v1/".parse::<EndpointOverride>()?.path(), "/fc/v1");
    /// assert_eq!("https://gw.example.com/".parse::<EndpointOverride>()?.path(), "");
    /// # Ok::<(), fc_generated::EndpointOverrideError>(())
    /// ```
    pub fn path(&self) -> &str {
        &self.url[self.path_start..]
    }

    /// Whether the scheme is `https` (else `http`, to a loopback host).
    ///
    /// ```
    /// use fc_generated::EndpointOverride;
    ///
    /// assert!("https://gw.example.com".parse::<EndpointOverride>()?.is_https());
    /// # Ok::<(), fc_generated::EndpointOverrideError>(())
    /// ```
    pub fn is_https(&self) -> bool {
        self.https
    }
}

/// `host[:port]` of `authority`, which starts at byte `at` of the text.
fn split_port(authority: &str, at: usize) -> Result<(&str, Option<u16>), EndpointOverrideError> {
    let colon = if authority.starts_with('[') {
        authority
            .find(']')
            .map(|end| end + 1)
            .filter(|&end| end < authority.len())
    } else {
        authority.rfind(':')
    };
    let Some(colon) = colon else {
        return Ok((authority, None));
    };
    if authority.as_bytes()[colon] != b':' {
        let found = authority[colon..].chars().next().unwrap_or(':');
        return Err(EndpointOverrideError::HostInvalidChar {
            found,
            at: at + colon,
        });
    }
    let digits = &authority[colon + 1..];
    let port =
        (!digits.is_empty() && digits.len() <= 5 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<u16>().ok())
            .flatten()
            .filter(|&port| port != 0)
            .ok_or(EndpointOverrideError::InvalidPort { at: at + colon + 1 })?;
    Ok((&authority[..colon], Some(port)))
}

/// The host, lowercase, and whether it is a loopback host; `at` is its byte
/// offset in the text.
fn check_host(host: &str, at: usize) -> Result<(String, bool), EndpointOverrideError> {
    if host.is_empty() {
        return Err(EndpointOverrideError::EmptyHost);
    }
    if let Some(inner) = host.strip_prefix('[') {
        let address = inner
            .strip_suffix(']')
            .and_then(|inner| inner.parse::<Ipv6Addr>().ok())
            .ok_or(EndpointOverrideError::InvalidIpv6 { at })?;
        return Ok((host.to_ascii_lowercase(), address.is_loopback()));
    }
    if let Ok(address) = host.parse::<Ipv4Addr>() {
        return Ok((host.to_owned(), address.is_loopback()));
    }
    let host = host.strip_suffix('.').unwrap_or(host);
    let mut label_start = 0;
    for (index, found) in host.char_indices() {
        let ends_label = index + 1 == host.len() || host.as_bytes()[index + 1] == b'.';
        match found {
            '.' if index == label_start => {
                return Err(EndpointOverrideError::HostEmptyLabel { at: at + index })
            }
            '.' => label_start = index + 1,
            '-' if index == label_start || ends_label => {
                return Err(EndpointOverrideError::HostHyphenAtLabelEdge { at: at + index })
            }
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' => {}
            _ => {
                return Err(EndpointOverrideError::HostInvalidChar {
                    found,
                    at: at + index,
                })
            }
        }
        if index + 1 - label_start > 63 {
            return Err(EndpointOverrideError::HostLabelTooLong {
                at: at + label_start,
            });
        }
    }
    if host.is_empty() || host.ends_with('.') {
        return Err(EndpointOverrideError::HostEmptyLabel {
            at: at + host.len(),
        });
    }
    let host = host.to_ascii_lowercase();
    let loopback = host == "localhost";
    Ok((host, loopback))
}

/// The path prefix of `tail` (what follows the authority, at byte `at` of
/// the text) without trailing `/`s.
fn check_path(tail: &str, at: usize) -> Result<&str, EndpointOverrideError> {
    if let Some(index) = tail.find(['?', '#']) {
        return Err(EndpointOverrideError::QueryOrFragment { at: at + index });
    }
    let path = tail.trim_end_matches('/');
    let mut segment_start = 1;
    for (index, found) in path.char_indices().skip(1) {
        match found {
            '/' => {
                check_segment(&path[segment_start..index], at + segment_start)?;
                segment_start = index + 1;
            }
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '.' | '_' | '~' => {}
            _ => {
                return Err(EndpointOverrideError::PathInvalidChar {
                    found,
                    at: at + index,
                })
            }
        }
    }
    if !path.is_empty() {
        check_segment(&path[segment_start..], at + segment_start)?;
    }
    Ok(path)
}

fn check_segment(segment: &str, at: usize) -> Result<(), EndpointOverrideError> {
    match segment {
        "" | "." | ".." => Err(EndpointOverrideError::PathBadSegment { at }),
        _ => Ok(()),
    }
}

impl fmt::Display for EndpointOverride {
    /// The base URL, as [`url`](EndpointOverride::url) gives it.
    ///
    /// ```
    /// use fc_generated::EndpointOverride;
    ///
    /// let local: EndpointOverride = "http://LOCALHOST:9000/".parse()?;
    /// assert_eq!(local.to_string(), "http://localhost:9000");
    /// # Ok::<(), fc_generated::EndpointOverrideError>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

impl AsRef<str> for EndpointOverride {
    fn as_ref(&self) -> &str {
        &self.url
    }
}

impl FromStr for EndpointOverride {
    type Err = EndpointOverrideError;

    fn from_str(text: &str) -> Result<EndpointOverride, EndpointOverrideError> {
        EndpointOverride::parse(text)
    }
}

impl TryFrom<&str> for EndpointOverride {
    type Error = EndpointOverrideError;

    fn try_from(text: &str) -> Result<EndpointOverride, EndpointOverrideError> {
        EndpointOverride::parse(text)
    }
}

/// What was wrong with the text of an [`EndpointOverride`].
///
/// Like [`EndpointError`](crate::EndpointError), each variant keeps only a
/// character and its byte offset in the text, never the input itself.
///
/// ```
/// use fc_generated::{EndpointOverride, EndpointOverrideError};
///
/// let error = "https://gw_1.example.com".parse::<EndpointOverride>().unwrap_err();
/// assert_eq!(error, EndpointOverrideError::HostInvalidChar { found: '_', at: 10 });
/// assert_eq!(
///     error.to_string(),
///     "the host has '_' at byte 10; it must be letters, digits, '-' and '.', an IPv4 address or a bracketed IPv6 address",
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EndpointOverrideError {
    /// The text is longer than [`MAX_TEXT_LEN`](EndpointOverride::MAX_TEXT_LEN) bytes.
    TextTooLong {
        /// How many bytes it has.
        len: usize,
    },
    /// The text has no `scheme://`.
    MissingScheme,
    /// The scheme is neither `https://` nor `http://`.
    UnsupportedScheme,
    /// The scheme is `http://` and the host is not this machine.
    PlainHttpNotLoopback,
    /// The text has userinfo (`user@host`).
    Userinfo,
    /// The text has no host.
    EmptyHost,
    /// The host has a character that is not allowed there.
    HostInvalidChar {
        /// The first such character.
        found: char,
        /// Its byte offset in the text.
        at: usize,
    },
    /// The host has an empty label (`..`, or a leading `.`).
    HostEmptyLabel {
        /// The byte offset in the text where a label is missing.
        at: usize,
    },
    /// A label of the host starts or ends with `-`.
    HostHyphenAtLabelEdge {
        /// The byte offset of that `-` in the text.
        at: usize,
    },
    /// A label of the host is longer than 63 bytes.
    HostLabelTooLong {
        /// The byte offset of the label in the text.
        at: usize,
    },
    /// The host starts with `[` but is not a bracketed IPv6 address.
    InvalidIpv6 {
        /// The byte offset of the `[` in the text.
        at: usize,
    },
    /// The port is empty, not a number, 0 or over 65535.
    InvalidPort {
        /// The byte offset of the port in the text.
        at: usize,
    },
    /// The path has a character other than letters, digits, `-`, `.`, `_`,
    /// `~` and `/`.
    PathInvalidChar {
        /// The first such character.
        found: char,
        /// Its byte offset in the text.
        at: usize,
    },
    /// The path has an empty, `.` or `..` segment.
    PathBadSegment {
        /// The byte offset of the segment in the text.
        at: usize,
    },
    /// The text has a query (`?`) or fragment (`#`).
    QueryOrFragment {
        /// The byte offset of the `?` or `#` in the text.
        at: usize,
    },
}

impl fmt::Display for EndpointOverrideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            EndpointOverrideError::TextTooLong { len } => write!(
                f,
                "the endpoint URL has {len} bytes; at most {} are allowed",
                EndpointOverride::MAX_TEXT_LEN
            ),
            EndpointOverrideError::MissingScheme => {
                f.write_str("the endpoint URL has no scheme; start it with https:// (or http:// for this machine)")
            }
            EndpointOverrideError::UnsupportedScheme => {
                f.write_str("the endpoint URL's scheme is neither https:// nor http://")
            }
            EndpointOverrideError::PlainHttpNotLoopback => f.write_str(
                "plain http:// is only for a server on this machine (localhost, 127.0.0.1, [::1]); use https://",
            ),
            EndpointOverrideError::Userinfo => f.write_str("the endpoint URL has userinfo ('@')"),
            EndpointOverrideError::EmptyHost => f.write_str("the endpoint URL has no host"),
            EndpointOverrideError::HostInvalidChar { found, at } => write!(
                f,
                "the host has {found:?} at byte {at}; it must be letters, digits, '-' and '.', an IPv4 address or a bracketed IPv6 address"
            ),
            EndpointOverrideError::HostEmptyLabel { at } => {
                write!(f, "the host has an empty label at byte {at}")
            }
            EndpointOverrideError::HostHyphenAtLabelEdge { at } => write!(
                f,
                "the host has '-' at byte {at}, at the start or end of a label"
            ),
            EndpointOverrideError::HostLabelTooLong { at } => write!(
                f,
                "the host's label at byte {at} is longer than 63 bytes"
            ),
            EndpointOverrideError::InvalidIpv6 { at } => {
                write!(f, "the host at byte {at} is not a bracketed IPv6 address")
            }
            EndpointOverrideError::InvalidPort { at } => write!(
                f,
                "the port at byte {at} is not a number from 1 to 65535"
            ),
            EndpointOverrideError::PathInvalidChar { found, at } => write!(
                f,
                "the path has {found:?} at byte {at}; it must be letters, digits, '-', '.', '_', '~' and '/'"
            ),
            EndpointOverrideError::PathBadSegment { at } => write!(
                f,
                "the path has an empty, '.' or '..' segment at byte {at}"
            ),
            EndpointOverrideError::QueryOrFragment { at } => write!(
                f,
                "the endpoint URL has a query or fragment at byte {at}; only a path is allowed"
            ),
        }
    }
}

impl std::error::Error for EndpointOverrideError {}
