//! Endpoints built and parsed as a client would. The host format and the
//! example account id are from the documents' "Domain name format"
//! (`16530750.cn-shanghai.fc.aliyuncs.com`).

use fc_generated::{
    Endpoint, EndpointError, Network, Region, DOMAIN_EXAMPLE_ACCOUNT_ID, DOMAIN_EXAMPLE_HOST,
    DOMAIN_EXAMPLE_REGION,
};
use std::cell::Cell;

use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};

fn endpoint(account_id: &str, region: Region, network: Network) -> Endpoint {
    Endpoint::new(account_id, region, network).expect("valid parts")
}

#[test]
fn the_documents_example_builds_the_documents_host() {
    let example = endpoint(
        DOMAIN_EXAMPLE_ACCOUNT_ID,
        DOMAIN_EXAMPLE_REGION,
        Network::Public,
    );
    assert_eq!(example.host(), DOMAIN_EXAMPLE_HOST);
    assert_eq!(example.host(), "16530750.cn-shanghai.fc.aliyuncs.com");
    assert_eq!(example.to_string(), example.host());
    assert_eq!(
        example.url(),
        "https://16530750.cn-shanghai.fc.aliyuncs.com"
    );
}

#[test]
fn the_internal_network_uses_the_regions_internal_endpoint() {
    let internal = endpoint("16530750", Region::ApNortheast1, Network::Internal);
    assert_eq!(
        internal.host(),
        "16530750.ap-northeast-1-internal.fc.aliyuncs.com"
    );
    for &region in Region::ALL {
        for &network in Network::ALL {
            let built = endpoint("1", region, network);
            assert_eq!(built.host(), format!("1.{}", region.endpoint(network)));
        }
    }
}

#[test]
fn accessors_give_back_the_parts() {
    let built = endpoint("16530750", Region::CnShenzhen, Network::Internal);
    assert_eq!(built.account_id(), "16530750");
    assert_eq!(built.region(), Some(Region::CnShenzhen));
    assert_eq!(built.region_id(), "cn-shenzhen");
    assert_eq!(built.network(), Network::Internal);
}

#[test]
fn account_ids_that_are_not_ascii_digits_are_rejected_with_what_and_where() {
    let cases: &[(&str, EndpointError)] = &[
        ("", EndpointError::EmptyAccountId),
        (
            "abc",
            EndpointError::AccountIdNotDigit { found: 'a', at: 0 },
        ),
        (
            "1653.evil.com",
            EndpointError::AccountIdNotDigit { found: '.', at: 4 },
        ),
        (
            "16530750/x",
            EndpointError::AccountIdNotDigit { found: '/', at: 8 },
        ),
        (
            "user@16530750",
            EndpointError::AccountIdNotDigit { found: 'u', at: 0 },
        ),
        (
            "1653@0750",
            EndpointError::AccountIdNotDigit { found: '@', at: 4 },
        ),
        (
            " 16530750",
            EndpointError::AccountIdNotDigit { found: ' ', at: 0 },
        ),
        (
            "16530750\n",
            EndpointError::AccountIdNotDigit { found: '\n', at: 8 },
        ),
        ("-1", EndpointError::AccountIdNotDigit { found: '-', at: 0 }),
        // Arabic-Indic and full-width digits are digits, but not ASCII ones.
        (
            "12٣4",
            EndpointError::AccountIdNotDigit { found: '٣', at: 2 },
        ),
        (
            "１２",
            EndpointError::AccountIdNotDigit {
                found: '１', at: 0
            },
        ),
        (
            "123456789012345678901",
            EndpointError::AccountIdTooLong { len: 21 },
        ),
    ];
    for (account_id, expected) in cases {
        assert_eq!(
            Endpoint::new(account_id, Region::CnHangzhou, Network::Public),
            Err(*expected),
            "{account_id:?}"
        );
    }
}

#[test]
fn a_ten_kilobyte_account_id_is_rejected_without_being_kept() {
    let huge = "7".repeat(10 * 1024);
    let error = Endpoint::new(&huge, Region::CnHangzhou, Network::Public).unwrap_err();
    assert_eq!(error, EndpointError::AccountIdTooLong { len: 10 * 1024 });
    assert!(error.to_string().len() < 100, "{error}");
}

#[test]
fn account_ids_of_one_to_twenty_digits_are_accepted_with_leading_zeros() {
    for account_id in [
        "0",
        "0016530750",
        "1234567890123456",
        "18446744073709551615",
    ] {
        let built = endpoint(account_id, Region::CnHangzhou, Network::Public);
        assert_eq!(built.account_id(), account_id);
    }
}

#[test]
fn parsing_accepts_a_host_or_an_https_url_in_any_case() {
    let expected = endpoint("16530750", Region::CnShanghai, Network::Internal);
    for text in [
        "16530750.cn-shanghai-internal.fc.aliyuncs.com",
        "16530750.cn-shanghai-internal.fc.aliyuncs.com/",
        "16530750.cn-shanghai-internal.fc.aliyuncs.com.",
        "16530750.cn-shanghai-internal.fc.aliyuncs.com./",
        "https://16530750.cn-shanghai-internal.fc.aliyuncs.com",
        "https://16530750.cn-shanghai-internal.fc.aliyuncs.com/",
        "HTTPS://16530750.CN-SHANGHAI-INTERNAL.FC.ALIYUNCS.COM",
        "https://16530750.Cn-Shanghai-Internal.Fc.Aliyuncs.Com/",
    ] {
        assert_eq!(text.parse::<Endpoint>(), Ok(expected.clone()), "{text}");
    }
    let parsed: Endpoint = "16530750.cn-shanghai-internal.fc.aliyuncs.com"
        .parse()
        .unwrap();
    assert_eq!(parsed.account_id(), "16530750");
    assert_eq!(parsed.region(), Some(Region::CnShanghai));
    assert_eq!(parsed.network(), Network::Internal);
}

#[test]
fn parsing_rejects_what_is_not_a_bare_fc_host() {
    let cases: &[(&str, EndpointError)] = &[
        ("", EndpointError::EmptyHost),
        ("https://", EndpointError::EmptyHost),
        ("/", EndpointError::EmptyHost),
        (
            "http://16530750.cn-shanghai.fc.aliyuncs.com",
            EndpointError::UnsupportedScheme,
        ),
        (
            "ftp://16530750.cn-shanghai.fc.aliyuncs.com",
            EndpointError::UnsupportedScheme,
        ),
        (
            "https://https://16530750.cn-shanghai.fc.aliyuncs.com",
            EndpointError::PathOrQuery { at: 14 },
        ),
        (
            "16530750.cn-shanghai.fc.aliyuncs.com:443",
            EndpointError::Port,
        ),
        (
            "https://16530750.cn-shanghai.fc.aliyuncs.com:8080/",
            EndpointError::Port,
        ),
        (
            "https://user:pw@16530750.cn-shanghai.fc.aliyuncs.com",
            EndpointError::Userinfo,
        ),
        (
            "https://16530750.cn-shanghai.fc.aliyuncs.com/2016-08-15/services",
            EndpointError::PathOrQuery { at: 44 },
        ),
        (
            "16530750.cn-shanghai.fc.aliyuncs.com?x=1",
            EndpointError::PathOrQuery { at: 36 },
        ),
        (
            "16530750.cn-shanghai.fc.aliyuncs.com//",
            EndpointError::PathOrQuery { at: 36 },
        ),
        (
            "16530750.cn-shanghai.fc.aliyuncs.com.evil.com",
            EndpointError::OtherDomain,
        ),
        (
            "16530750.cn-shanghai.evilfc.aliyuncs.com",
            EndpointError::OtherDomain,
        ),
        ("fc.aliyuncs.com", EndpointError::OtherDomain),
        (
            "16530750.cn-shanghai.fc.aliyuncs.com..",
            EndpointError::OtherDomain,
        ),
        (
            "cn-shanghai.fc.aliyuncs.com",
            EndpointError::MissingAccountId,
        ),
        (
            "abc.cn-shanghai.fc.aliyuncs.com",
            EndpointError::AccountIdNotDigit { found: 'a', at: 0 },
        ),
        (
            ".cn-shanghai.fc.aliyuncs.com",
            EndpointError::EmptyAccountId,
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(text.parse::<Endpoint>(), Err(*expected), "{text}");
    }
}

#[test]
fn parsing_an_unknown_region_suggests_the_listed_one() {
    let error = "16530750.cn-shangai.fc.aliyuncs.com"
        .parse::<Endpoint>()
        .unwrap_err();
    let EndpointError::UnknownRegion(region_error) = error else {
        panic!("expected UnknownRegion, got {error:?}");
    };
    assert_eq!(region_error.input(), "cn-shangai");
    assert_eq!(region_error.suggestion(), Some(Region::CnShanghai));
    assert!(std::error::Error::source(&error).is_some());

    // Extra labels end up in the region label, which is then unknown.
    assert!(matches!(
        "1.evil.com.cn-shanghai.fc.aliyuncs.com".parse::<Endpoint>(),
        Err(EndpointError::UnknownRegion(_))
    ));
}

#[test]
fn parsing_a_huge_text_is_rejected_by_length() {
    let huge = format!("{}.cn-shanghai.fc.aliyuncs.com", "1".repeat(10 * 1024));
    assert_eq!(
        huge.parse::<Endpoint>(),
        Err(EndpointError::TextTooLong { len: huge.len() })
    );
}

#[test]
fn every_region_and_network_round_trips_through_host_and_url() {
    for &region in Region::ALL {
        for &network in Network::ALL {
            let built = endpoint("16530750", region, network);
            assert_eq!(built.host().parse::<Endpoint>(), Ok(built.clone()));
            assert_eq!(built.url().parse::<Endpoint>(), Ok(built.clone()));
            assert_eq!(built.to_string().parse::<Endpoint>(), Ok(built.clone()));
        }
    }
}

#[test]
fn an_unlisted_region_builds_a_host_and_reports_no_typed_region() {
    let built = Endpoint::for_unlisted_region("16530750", "me-east-1", Network::Internal).unwrap();
    assert_eq!(built.host(), "16530750.me-east-1-internal.fc.aliyuncs.com");
    assert_eq!(built.region(), None);
    assert_eq!(built.region_id(), "me-east-1");
    assert_eq!(built.account_id(), "16530750");
    assert_eq!(built.network(), Network::Internal);
}

#[test]
fn an_unlisted_constructor_given_a_listed_id_equals_the_typed_endpoint() {
    for &region in Region::ALL {
        for &network in Network::ALL {
            assert_eq!(
                Endpoint::for_unlisted_region("16530750", region.as_str(), network),
                Ok(endpoint("16530750", region, network))
            );
        }
    }
}

#[test]
fn unlisted_region_ids_must_have_the_shape_of_region_ids() {
    let cases: &[(&str, EndpointError)] = &[
        ("", EndpointError::EmptyRegionId),
        ("hangzhou", EndpointError::RegionIdSinglePart),
        (
            "CN-hangzhou",
            EndpointError::RegionIdInvalidChar { found: 'C', at: 0 },
        ),
        (
            "cn_hangzhou",
            EndpointError::RegionIdInvalidChar { found: '_', at: 2 },
        ),
        (
            "cn-hangzhou.evil.com",
            EndpointError::RegionIdInvalidChar { found: '.', at: 11 },
        ),
        (
            "cn-hangzhou/x",
            EndpointError::RegionIdInvalidChar { found: '/', at: 11 },
        ),
        (
            "cn-杭州",
            EndpointError::RegionIdInvalidChar {
                found: '杭', at: 3
            },
        ),
        ("-cn-hangzhou", EndpointError::RegionIdEmptyPart { at: 0 }),
        ("cn--hangzhou", EndpointError::RegionIdEmptyPart { at: 3 }),
        ("cn-hangzhou-", EndpointError::RegionIdEmptyPart { at: 12 }),
        ("c-hangzhou", EndpointError::RegionIdBadFirstPart),
        ("c1-hangzhou", EndpointError::RegionIdBadFirstPart),
        ("1-hangzhou", EndpointError::RegionIdBadFirstPart),
        (
            "cn-hangzhou-internal",
            EndpointError::RegionIdEndsWithInternal,
        ),
    ];
    for (region_id, expected) in cases {
        assert_eq!(
            Endpoint::for_unlisted_region("16530750", region_id, Network::Public),
            Err(*expected),
            "{region_id:?}"
        );
    }
    let longest = format!("ab-{}", "c".repeat(Endpoint::MAX_REGION_ID_LEN - 3));
    assert!(Endpoint::for_unlisted_region("1", &longest, Network::Internal).is_ok());
    let too_long = format!("{longest}d");
    assert_eq!(
        Endpoint::for_unlisted_region("1", &too_long, Network::Public),
        Err(EndpointError::RegionIdTooLong {
            len: Endpoint::MAX_REGION_ID_LEN + 1
        })
    );
}

#[test]
fn the_lenient_parser_reads_back_unlisted_region_endpoints() {
    for (text, region_id, network) in [
        (
            "16530750.me-east-1.fc.aliyuncs.com",
            "me-east-1",
            Network::Public,
        ),
        (
            "https://16530750.ME-East-1-Internal.fc.aliyuncs.com./",
            "me-east-1",
            Network::Internal,
        ),
        (
            "1.cn-wulanchabu.fc.aliyuncs.com/",
            "cn-wulanchabu",
            Network::Public,
        ),
    ] {
        let parsed = Endpoint::parse_allowing_unlisted(text).unwrap();
        assert_eq!(parsed.region(), None, "{text}");
        assert_eq!(parsed.region_id(), region_id, "{text}");
        assert_eq!(parsed.network(), network, "{text}");
        assert_eq!(
            Endpoint::for_unlisted_region(parsed.account_id(), region_id, network),
            Ok(parsed)
        );
        // The strict parser still refuses it.
        assert!(matches!(
            text.parse::<Endpoint>(),
            Err(EndpointError::UnknownRegion(_))
        ));
    }
}

#[test]
fn the_lenient_parser_agrees_with_the_strict_one_on_listed_regions() {
    for &region in Region::ALL {
        for &network in Network::ALL {
            let built = endpoint("16530750", region, network);
            for text in [
                built.host().to_owned(),
                built.url(),
                built.host().to_ascii_uppercase(),
            ] {
                assert_eq!(Endpoint::parse_allowing_unlisted(&text), Ok(built.clone()));
            }
        }
    }
}

#[test]
fn the_lenient_parser_rejects_what_the_unlisted_constructor_rejects() {
    let cases: &[(&str, EndpointError)] = &[
        (
            "16530750.me-east-1.fc.aliyuncs.com:443",
            EndpointError::Port,
        ),
        (
            "http://16530750.me-east-1.fc.aliyuncs.com",
            EndpointError::UnsupportedScheme,
        ),
        (
            "16530750.me-east-1.fc.aliyuncs.com.evil.com",
            EndpointError::OtherDomain,
        ),
        ("me-east-1.fc.aliyuncs.com", EndpointError::MissingAccountId),
        (
            "x.me-east-1.fc.aliyuncs.com",
            EndpointError::AccountIdNotDigit { found: 'x', at: 0 },
        ),
        (
            "1.evil.com.me-east-1.fc.aliyuncs.com",
            EndpointError::RegionIdInvalidChar { found: '.', at: 4 },
        ),
        (
            "1.internal.fc.aliyuncs.com",
            EndpointError::RegionIdSinglePart,
        ),
        ("1.-internal.fc.aliyuncs.com", EndpointError::EmptyRegionId),
        (
            "1.me-internal-internal.fc.aliyuncs.com",
            EndpointError::RegionIdEndsWithInternal,
        ),
        (
            "1.m-east-1.fc.aliyuncs.com",
            EndpointError::RegionIdBadFirstPart,
        ),
        (
            "1.me--east.fc.aliyuncs.com",
            EndpointError::RegionIdEmptyPart { at: 3 },
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(
            Endpoint::parse_allowing_unlisted(text),
            Err(*expected),
            "{text}"
        );
    }
    let huge = format!("1.{}.fc.aliyuncs.com", "a".repeat(10_000));
    assert_eq!(
        Endpoint::parse_allowing_unlisted(&huge),
        Err(EndpointError::TextTooLong { len: huge.len() })
    );
}

#[test]
fn no_region_id_ends_in_internal_so_every_host_reads_one_way() {
    for &region in Region::ALL {
        let id = format!("{}-internal", region.as_str());
        for &network in Network::ALL {
            assert_eq!(
                Endpoint::for_unlisted_region("1", &id, network),
                Err(EndpointError::RegionIdEndsWithInternal),
                "{id}"
            );
        }
        // Its public host would be the listed region's internal endpoint.
        let internal = format!("1.{id}.fc.aliyuncs.com");
        let parsed = Endpoint::parse_allowing_unlisted(&internal).unwrap();
        assert_eq!(parsed, endpoint("1", region, Network::Internal));
        let twice = format!("1.{id}-internal.fc.aliyuncs.com");
        assert_eq!(
            Endpoint::parse_allowing_unlisted(&twice),
            Err(EndpointError::RegionIdEndsWithInternal)
        );
    }
}

#[test]
fn the_unlisted_constructor_checks_the_account_id_first() {
    assert_eq!(
        Endpoint::for_unlisted_region("x", "bad id", Network::Public),
        Err(EndpointError::AccountIdNotDigit { found: 'x', at: 0 })
    );
}

#[test]
fn errors_say_what_was_wrong() {
    let cases: &[(EndpointError, &str)] = &[
        (EndpointError::EmptyAccountId, "the account id is empty"),
        (
            EndpointError::AccountIdNotDigit { found: '@', at: 4 },
            "the account id has '@' at byte 4; it must be ASCII digits only",
        ),
        (
            EndpointError::AccountIdTooLong { len: 21 },
            "the account id has 21 characters; at most 20 digits are allowed",
        ),
        (EndpointError::Port, "the endpoint has a port (':')"),
        (
            EndpointError::OtherDomain,
            "the host is not under fc.aliyuncs.com",
        ),
    ];
    for (error, expected) in cases {
        assert_eq!(error.to_string(), *expected);
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_writes_the_host_and_reads_it_back_strictly() {
    let built = endpoint("16530750", Region::CnShanghai, Network::Internal);
    let json = serde_json::to_string(&built).unwrap();
    assert_eq!(json, r#""16530750.cn-shanghai-internal.fc.aliyuncs.com""#);
    assert_eq!(serde_json::from_str::<Endpoint>(&json).unwrap(), built);
    assert_eq!(
        serde_json::from_str::<Endpoint>(
            r#""https://16530750.cn-shanghai-internal.fc.aliyuncs.com/""#
        )
        .unwrap(),
        built
    );
    let error = serde_json::from_str::<Endpoint>(r#""16530750.cn-shanghai.fc.aliyuncs.com:443""#)
        .unwrap_err();
    assert!(error.to_string().contains("port"), "{error}");

    // Unlisted regions serialize, but read back only through the lenient parser.
    let unlisted = Endpoint::for_unlisted_region("16530750", "me-east-1", Network::Public).unwrap();
    let json = serde_json::to_string(&unlisted).unwrap();
    assert_eq!(json, r#""16530750.me-east-1.fc.aliyuncs.com""#);
    let error = serde_json::from_str::<Endpoint>(&json).unwrap_err();
    assert!(error.to_string().contains("unknown region id"), "{error}");
    let host: String = serde_json::from_str(&json).unwrap();
    assert_eq!(Endpoint::parse_allowing_unlisted(&host), Ok(unlisted));
}

#[test]
fn endpoint_and_error_can_cross_threads() {
    fn assert_send_sync<T: Send + Sync + 'static>() {}
    assert_send_sync::<Endpoint>();
    assert_send_sync::<EndpointError>();
}

// Property tests. Random text almost never spells a valid host, so a
// property over it would only ever see rejections; these start from valid
// input (a listed host, a digit account id, a region-shaped id) and make one
// change, and check the outcome exactly against an oracle written here from
// the documented rules. Properties whose inputs are accepted only sometimes
// run through `check_both_outcomes`, which fails unless both outcomes were
// seen often enough to have been tested.

const ENDPOINT_DOMAIN_LABELS: &str = ".fc.aliyuncs.com";
const INTERNAL: &str = "-internal";

fn network() -> impl Strategy<Value = Network> {
    prop::sample::select(Network::ALL)
}

fn region() -> impl Strategy<Value = Region> {
    prop::sample::select(Region::ALL)
}

/// A valid account id: 1 to 20 ASCII digits.
fn account_id() -> impl Strategy<Value = String> {
    "[0-9]{1,20}"
}

/// A region id of the documented shape that this crate does not list.
fn unlisted_region_id() -> impl Strategy<Value = String> {
    "[a-z]{2,5}(-[a-z0-9]{1,7}){1,3}"
        .prop_filter("a listed region id", |id| Region::lookup(id).is_none())
}

/// A listed host built from its parts by the documents' format,
/// independently of `Endpoint`.
#[derive(Debug, Clone)]
struct Listed {
    account_id: String,
    region: Region,
    network: Network,
}

impl Listed {
    fn host(&self) -> String {
        format!("{}.{}", self.account_id, self.region.endpoint(self.network))
    }

    fn endpoint(&self) -> Endpoint {
        endpoint(&self.account_id, self.region, self.network)
    }
}

fn listed() -> impl Strategy<Value = Listed> {
    (account_id(), region(), network()).prop_map(|(account_id, region, network)| Listed {
        account_id,
        region,
        network,
    })
}

/// A character to insert or replace with: characters that keep a host
/// valid (digits, lowercase letters, `-`, `.`), ones that change its
/// meaning in a URL, lookalikes, and anything.
fn edit_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::char::range('0', '9'),
        prop::sample::select(vec!['a', 'z', 'A', 'Z', '-', '.']),
        prop::sample::select(vec![
            '/', ':', '@', '?', '#', '%', '\\', '_', ' ', '\t', '\n', '\0', '\u{7f}'
        ]),
        // An Arabic-Indic and a full-width digit, and letters whose Unicode
        // case folding gives an ASCII letter (dotted I, Kelvin sign, long s).
        prop::sample::select(vec!['٣', '１', 'é', 'İ', '\u{212a}', 'ſ']),
        any::<char>(),
    ]
}

/// One change to a text: a character inserted, replaced or deleted.
#[derive(Debug, Clone)]
enum Edit {
    Insert(prop::sample::Index, char),
    Replace(prop::sample::Index, char),
    Delete(prop::sample::Index),
}

impl Edit {
    fn apply(&self, text: &str) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        let len = chars.len();
        match *self {
            Edit::Insert(at, c) => chars.insert(at.index(len + 1), c),
            Edit::Replace(at, c) if len > 0 => chars[at.index(len)] = c,
            Edit::Delete(at) if len > 0 => {
                chars.remove(at.index(len));
            }
            Edit::Replace(..) | Edit::Delete(_) => {}
        }
        chars.into_iter().collect()
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<prop::sample::Index>(), edit_char()).prop_map(|(at, c)| Edit::Insert(at, c)),
        (any::<prop::sample::Index>(), edit_char()).prop_map(|(at, c)| Edit::Replace(at, c)),
        any::<prop::sample::Index>().prop_map(Edit::Delete),
    ]
}

/// The host a text names once the variants the parsers allow are taken
/// off: an `https://` in front, then one trailing `/`, then one trailing
/// `.`, and ASCII case.
fn canonical(text: &str) -> String {
    let text = text.to_ascii_lowercase();
    let rest = text.strip_prefix("https://").unwrap_or(&text);
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    rest.strip_suffix('.').unwrap_or(rest).to_owned()
}

/// `^[0-9]{1,20}$`.
fn is_account_id(text: &str) -> bool {
    (1..=Endpoint::MAX_ACCOUNT_ID_DIGITS).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_digit())
}

/// `^[0-9]{1,20}\.[a-z0-9-]+\.fc\.aliyuncs\.com$`: the shape of every host.
fn has_fc_host_shape(host: &str) -> bool {
    let Some((account_id, rest)) = host.split_once('.') else {
        return false;
    };
    let Some(label) = rest.strip_suffix(ENDPOINT_DOMAIN_LABELS) else {
        return false;
    };
    is_account_id(account_id)
        && !label.is_empty()
        && label
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `^[a-z]{2,}(-[a-z0-9]+)+$`, at most `MAX_REGION_ID_LEN` bytes, last part
/// not `internal`: the documented shape of an unlisted region id.
fn has_region_id_shape(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    id.len() <= Endpoint::MAX_REGION_ID_LEN
        && parts.len() >= 2
        && parts[0].len() >= 2
        && parts[0].bytes().all(|b| b.is_ascii_lowercase())
        && parts[1..].iter().all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && parts.last() != Some(&"internal")
}

/// What `str::parse` must give for `text`: the listed endpoint its
/// canonical host spells, or nothing.
fn expected_strict(text: &str) -> Option<Endpoint> {
    let host = canonical(text);
    let (account_id, service_endpoint) = host.split_once('.')?;
    if !is_account_id(account_id) {
        return None;
    }
    Region::ALL.iter().find_map(|&region| {
        Network::ALL
            .iter()
            .find(|&&network| region.endpoint(network) == service_endpoint)
            .map(|&network| endpoint(account_id, region, network))
    })
}

/// What `Endpoint::parse_allowing_unlisted` must give for `text`: the
/// endpoint its canonical host spells when the region id has the shape, or
/// nothing.
fn expected_lenient(text: &str) -> Option<Endpoint> {
    let host = canonical(text);
    let (account_id, rest) = host.split_once('.')?;
    let label = rest.strip_suffix(ENDPOINT_DOMAIN_LABELS)?;
    let (region_id, network) = match label.strip_suffix(INTERNAL) {
        Some(region_id) => (region_id, Network::Internal),
        None => (label, Network::Public),
    };
    if !is_account_id(account_id) || !has_region_id_shape(region_id) {
        return None;
    }
    Some(Endpoint::for_unlisted_region(account_id, region_id, network).expect("valid parts"))
}

/// Runs `property` like `proptest!` does, and fails unless it both accepted
/// (`Ok(true)`) and rejected (`Ok(false)`) at least one case in 50.
fn check_both_outcomes<S: Strategy>(
    strategy: S,
    property: impl Fn(S::Value) -> Result<bool, TestCaseError>,
) {
    let config = ProptestConfig {
        cases: 512,
        source_file: Some(file!()),
        ..ProptestConfig::default()
    };
    let cases = config.cases;
    let accepted = Cell::new(0);
    let rejected = Cell::new(0);
    let result = TestRunner::new(config).run(&strategy, |value| {
        let counter = if property(value)? {
            &accepted
        } else {
            &rejected
        };
        counter.set(counter.get() + 1);
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    let (accepted, rejected) = (accepted.get(), rejected.get());
    assert!(
        accepted >= cases / 50 && rejected >= cases / 50,
        "too few of one outcome to test it: {accepted} accepted, {rejected} rejected of {cases}"
    );
}

#[test]
fn a_listed_host_with_one_character_edited_parses_to_the_host_it_spells_or_fails() {
    check_both_outcomes((listed(), edit()), |(listed, edit)| {
        let text = edit.apply(&listed.host());
        let strict = text.parse::<Endpoint>();
        prop_assert_eq!(strict.clone().ok(), expected_strict(&text), "{:?}", text);
        let lenient = Endpoint::parse_allowing_unlisted(&text);
        prop_assert_eq!(lenient.clone().ok(), expected_lenient(&text), "{:?}", text);
        for parsed in strict.iter().chain(lenient.iter()) {
            prop_assert!(has_fc_host_shape(parsed.host()), "{}", parsed.host());
            prop_assert_eq!(parsed.host(), canonical(&text));
        }
        Ok(strict.is_ok())
    });
}

#[test]
fn one_edit_to_the_parts_builds_exactly_the_documented_host_or_fails() {
    let region_id = prop_oneof![
        region().prop_map(|r| r.as_str().to_owned()),
        unlisted_region_id()
    ];
    let parts = (account_id(), region_id, network(), edit(), any::<bool>());
    check_both_outcomes(
        parts,
        |(account_id, region_id, network, edit, edit_account)| {
            let (account_id, region_id) = if edit_account {
                (edit.apply(&account_id), region_id)
            } else {
                (account_id, edit.apply(&region_id))
            };
            let built = Endpoint::for_unlisted_region(&account_id, &region_id, network);
            let valid = is_account_id(&account_id) && has_region_id_shape(&region_id);
            prop_assert_eq!(
                built.is_ok(),
                valid,
                "{:?} {:?}: {:?}",
                account_id,
                region_id,
                built
            );
            if let Ok(built) = &built {
                let suffix = if network == Network::Internal {
                    INTERNAL
                } else {
                    ""
                };
                let expected = format!("{account_id}.{region_id}{suffix}.fc.aliyuncs.com");
                prop_assert_eq!(built.host(), expected.as_str());
                prop_assert!(has_fc_host_shape(built.host()));
                prop_assert_eq!(built.region(), Region::lookup(&region_id));
                let parsed = Endpoint::parse_allowing_unlisted(built.host());
                prop_assert_eq!(parsed.as_ref(), Ok(built));
            }
            Ok(valid)
        },
    );
}

proptest! {
    #[test]
    fn every_listed_host_round_trips_through_parse_host_and_url(listed in listed()) {
        let built = listed.endpoint();
        prop_assert_eq!(built.host(), listed.host());
        prop_assert_eq!(built.account_id(), listed.account_id.as_str());
        prop_assert_eq!(built.region(), Some(listed.region));
        prop_assert_eq!(built.network(), listed.network);
        prop_assert!(has_fc_host_shape(built.host()));
        prop_assert_eq!(listed.host().parse::<Endpoint>(), Ok(built.clone()));
        prop_assert_eq!(built.url().parse::<Endpoint>(), Ok(built.clone()));
        prop_assert_eq!(Endpoint::parse_allowing_unlisted(&listed.host()), Ok(built));
    }

    #[test]
    fn a_listed_host_with_allowed_variants_parses_to_the_same_endpoint(
        listed in listed(),
        scheme in prop::sample::select(vec!["", "https://", "HTTPS://", "Https://"]),
        trailing in prop::sample::select(vec!["", "/", ".", "./"]),
        uppercase in prop::collection::vec(any::<bool>(), 64),
    ) {
        let host: String = listed
            .host()
            .chars()
            .zip(uppercase.iter().cycle())
            .map(|(c, &upper)| if upper { c.to_ascii_uppercase() } else { c })
            .collect();
        let text = format!("{scheme}{host}{trailing}");
        prop_assert_eq!(text.parse::<Endpoint>(), Ok(listed.endpoint()), "{}", text);
        prop_assert_eq!(Endpoint::parse_allowing_unlisted(&text), Ok(listed.endpoint()), "{}", text);
    }

    #[test]
    fn a_listed_host_with_anything_else_around_it_is_rejected(
        listed in listed(),
        scheme in prop::sample::select(vec!["", "https://"]),
        prefix in prop::sample::select(vec![
            "", "http://", "HTTP://", "ftp://", "//", "/", ".", "@", "user@", "user:pw@",
            " ", "\t", "\n", "https:/", "https:", "0.", "-", "\u{feff}",
        ]),
        suffix in prop::sample::select(vec![
            "", ":443", ":", "@", "@evil.com", " ", "\t", "\n", "/x", "//", "/?", "?a=1",
            "#f", "..", ".evil.com", "\\", "%2F", ".com", "/..", "./x", "\0",
        ]),
    ) {
        prop_assume!(!prefix.is_empty() || !suffix.is_empty());
        let text = format!("{scheme}{prefix}{}{suffix}", listed.host());
        prop_assert!(text.parse::<Endpoint>().is_err(), "{:?}", text);
        prop_assert!(Endpoint::parse_allowing_unlisted(&text).is_err(), "{:?}", text);
    }

    #[test]
    fn an_account_id_of_ascii_digits_is_accepted_up_to_the_bound_and_rejected_past_it(
        account_id in "[0-9]{1,30}",
        listed in listed(),
    ) {
        let result = Endpoint::new(&account_id, listed.region, listed.network);
        if account_id.len() <= Endpoint::MAX_ACCOUNT_ID_DIGITS {
            prop_assert_eq!(result.map(|e| e.account_id().to_owned()), Ok(account_id));
        } else {
            prop_assert_eq!(result, Err(EndpointError::AccountIdTooLong { len: account_id.len() }));
        }
    }

    #[test]
    fn an_account_id_with_one_non_digit_is_rejected_at_that_character(
        before in "[0-9]{0,19}",
        found in edit_char().prop_filter("a non-digit", |c| !c.is_ascii_digit()),
        after in "[0-9]{0,19}",
        network in network(),
    ) {
        let account_id = format!("{before}{found}{after}");
        prop_assert_eq!(
            Endpoint::new(&account_id, Region::CnHangzhou, network),
            Err(EndpointError::AccountIdNotDigit { found, at: before.len() })
        );
    }

    #[test]
    fn an_unlisted_region_round_trips_through_the_lenient_parser_only(
        account_id in account_id(),
        region_id in unlisted_region_id(),
        network in network(),
    ) {
        let built = Endpoint::for_unlisted_region(&account_id, &region_id, network).unwrap();
        prop_assert_eq!(built.region(), None);
        prop_assert_eq!(built.region_id(), region_id.as_str());
        prop_assert!(has_fc_host_shape(built.host()));
        prop_assert_eq!(Endpoint::parse_allowing_unlisted(built.host()), Ok(built.clone()));
        prop_assert_eq!(Endpoint::parse_allowing_unlisted(&built.url()), Ok(built.clone()));
        match built.host().parse::<Endpoint>() {
            Err(EndpointError::UnknownRegion(error)) => prop_assert_eq!(error.input(), region_id.as_str()),
            other => prop_assert!(false, "expected UnknownRegion, got {:?}", other),
        }
    }
}

#[test]
fn endpoints_order_by_host_consistently_with_equality() {
    let mut endpoints: Vec<Endpoint> = Region::ALL
        .iter()
        .rev()
        .flat_map(|&region| {
            Network::ALL
                .iter()
                .map(move |&network| endpoint("16530750", region, network))
        })
        .collect();
    endpoints.push(endpoint("16530750", Region::CnShanghai, Network::Public));
    endpoints.sort();
    let hosts: Vec<&str> = endpoints.iter().map(Endpoint::host).collect();
    let mut sorted_hosts = hosts.clone();
    sorted_hosts.sort_unstable();
    assert_eq!(hosts, sorted_hosts);
    let keyed: std::collections::BTreeSet<Endpoint> = endpoints.iter().cloned().collect();
    assert_eq!(keyed.len(), Region::ALL.len() * 2);
    for pair in endpoints.windows(2) {
        assert_eq!(pair[0] == pair[1], pair[0].cmp(&pair[1]).is_eq());
    }
    assert_eq!(
        Endpoint::try_from("16530750.cn-shanghai.fc.aliyuncs.com"),
        "16530750.cn-shanghai.fc.aliyuncs.com".parse()
    );
}

mod endpoint_override {
    use fc_generated::{Endpoint, EndpointError, EndpointOverride, EndpointOverrideError};
    use proptest::prelude::*;

    fn parse(text: &str) -> Result<EndpointOverride, EndpointOverrideError> {
        text.parse()
    }

    #[test]
    fn a_local_server_and_a_gateway_are_accepted_and_normalised() {
        for (text, url, host, port, path) in [
            (
                "http://127.0.0.1:8080",
                "http://127.0.0.1:8080",
                "127.0.0.1",
                Some(8080),
                "",
            ),
            (
                "HTTP://LocalHost:1/",
                "http://localhost:1",
                "localhost",
                Some(1),
                "",
            ),
            (
                "http://127.1.2.3:65535",
                "http://127.1.2.3:65535",
                "127.1.2.3",
                Some(65535),
                "",
            ),
            (
                "http://[::1]:9000/x/",
                "http://[::1]:9000/x",
                "[::1]",
                Some(9000),
                "/x",
            ),
            (
                "https://fc-gw.example.com",
                "https://fc-gw.example.com",
                "fc-gw.example.com",
                None,
                "",
            ),
            (
                "https://GW.Example.COM.:8443/fc/v1//",
                "https://gw.example.com:8443/fc/v1",
                "gw.example.com",
                Some(8443),
                "/fc/v1",
            ),
            (
                "https://10.0.0.7/a-b_c.d~e",
                "https://10.0.0.7/a-b_c.d~e",
                "10.0.0.7",
                None,
                "/a-b_c.d~e",
            ),
        ] {
            let endpoint = parse(text).unwrap_or_else(|error| panic!("{text}: {error}"));
            assert_eq!(endpoint.url(), url, "{text}");
            assert_eq!(endpoint.to_string(), url, "{text}");
            assert_eq!(endpoint.host(), host, "{text}");
            assert_eq!(endpoint.port(), port, "{text}");
            assert_eq!(endpoint.path(), path, "{text}");
            assert_eq!(parse(url).as_ref(), Ok(&endpoint), "{url} round-trips");
        }
    }

    #[test]
    fn each_fault_is_named_with_its_position() {
        use EndpointOverrideError as E;
        for (text, expected) in [
            ("127.0.0.1:8080", E::MissingScheme),
            ("ftp://127.0.0.1", E::UnsupportedScheme),
            ("http://fc.aliyuncs.com", E::PlainHttpNotLoopback),
            ("http://10.0.0.7:80", E::PlainHttpNotLoopback),
            ("http://[2001:db8::1]", E::PlainHttpNotLoopback),
            ("https://user:pw@gw.example.com", E::Userinfo),
            ("https://", E::EmptyHost),
            ("https://:443", E::EmptyHost),
            (
                "https://gw example.com",
                E::HostInvalidChar { found: ' ', at: 10 },
            ),
            (
                "https://gw.exämple.com",
                E::HostInvalidChar {
                    found: 'ä', at: 13
                },
            ),
            ("https://gw..example.com", E::HostEmptyLabel { at: 11 }),
            ("https://.gw.example.com", E::HostEmptyLabel { at: 8 }),
            (
                "https://-gw.example.com",
                E::HostHyphenAtLabelEdge { at: 8 },
            ),
            (
                "https://gw-.example.com",
                E::HostHyphenAtLabelEdge { at: 10 },
            ),
            ("https://[::1", E::InvalidIpv6 { at: 8 }),
            ("https://[nope]", E::InvalidIpv6 { at: 8 }),
            ("https://[::1]x", E::HostInvalidChar { found: 'x', at: 13 }),
            ("http://127.0.0.1:", E::InvalidPort { at: 17 }),
            ("http://127.0.0.1:0", E::InvalidPort { at: 17 }),
            ("http://127.0.0.1:65536", E::InvalidPort { at: 17 }),
            ("http://127.0.0.1:+80", E::InvalidPort { at: 17 }),
            (
                "https://gw.example.com/a b",
                E::PathInvalidChar { found: ' ', at: 24 },
            ),
            (
                "https://gw.example.com/%2e",
                E::PathInvalidChar { found: '%', at: 23 },
            ),
            (
                "https://gw.example.com/a/../b",
                E::PathBadSegment { at: 25 },
            ),
            ("https://gw.example.com//a", E::PathBadSegment { at: 23 }),
            ("https://gw.example.com/?a=1", E::QueryOrFragment { at: 23 }),
            ("https://gw.example.com#top", E::QueryOrFragment { at: 22 }),
        ] {
            assert_eq!(parse(text), Err(expected), "{text}");
        }
        let label = "a".repeat(64);
        assert_eq!(
            parse(&format!("https://{label}.example.com")),
            Err(E::HostLabelTooLong { at: 8 })
        );
        let long = format!(
            "https://gw.example.com/{}",
            "a".repeat(EndpointOverride::MAX_TEXT_LEN)
        );
        assert_eq!(parse(&long), Err(E::TextTooLong { len: long.len() }));
    }

    #[test]
    fn an_fc_endpoint_still_refuses_what_the_override_takes() {
        assert_eq!(
            "http://127.0.0.1:8080".parse::<Endpoint>(),
            Err(EndpointError::UnsupportedScheme)
        );
        assert_eq!(
            "https://16530750.cn-shanghai.fc.aliyuncs.com:8443".parse::<Endpoint>(),
            Err(EndpointError::Port)
        );
        assert!("https://gw.example.com".parse::<Endpoint>().is_err());
    }

    proptest! {
        #[test]
        fn any_text_parses_or_says_why_without_panicking(text in "\\PC{0,80}") {
            match parse(&text) {
                Ok(endpoint) => {
                    prop_assert!(endpoint.url().starts_with("http"));
                    prop_assert!(!endpoint.url().ends_with('/'));
                    prop_assert_eq!(parse(endpoint.url()), Ok(endpoint.clone()));
                }
                Err(error) => prop_assert!(!error.to_string().is_empty()),
            }
        }

        #[test]
        fn url_shaped_text_parses_or_says_why_without_panicking(
            scheme in "(https?|HTTP|ftp)",
            host in "[a-zA-Z0-9.\\-\\[\\]:_]{0,20}",
            port in proptest::option::of("[0-9]{0,6}"),
            path in "[/a-z.%?#]{0,12}",
        ) {
            let text = match port {
                Some(port) => format!("{scheme}://{host}:{port}{path}"),
                None => format!("{scheme}://{host}{path}"),
            };
            if let Ok(endpoint) = parse(&text) {
                prop_assert_eq!(parse(endpoint.url()), Ok(endpoint.clone()), "{}", text);
            }
        }
    }
}
