//! Endpoints built and parsed as a client would. The host format and the
//! example account id are from the documents' "Domain name format"
//! (`16530750.cn-shanghai.fc.aliyuncs.com`).

use fc_generated::{
    Endpoint, EndpointError, Network, Region, DOMAIN_EXAMPLE_ACCOUNT_ID, DOMAIN_EXAMPLE_HOST,
    DOMAIN_EXAMPLE_REGION, MAX_ACCOUNT_ID_DIGITS, MAX_ENDPOINT_TEXT_LEN, MAX_REGION_ID_LEN,
};
use proptest::prelude::*;

const DOMAIN_SUFFIX: &str = ".fc.aliyuncs.com";

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
    assert_eq!(MAX_ACCOUNT_ID_DIGITS, 20);
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
    assert_eq!(MAX_ENDPOINT_TEXT_LEN, 128);
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
                Endpoint::for_unlisted_region("16530750", region.id(), network),
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
    let longest = format!("ab-{}", "c".repeat(MAX_REGION_ID_LEN - 3));
    assert!(Endpoint::for_unlisted_region("1", &longest, Network::Internal).is_ok());
    let too_long = format!("{longest}d");
    assert_eq!(
        Endpoint::for_unlisted_region("1", &too_long, Network::Public),
        Err(EndpointError::RegionIdTooLong {
            len: MAX_REGION_ID_LEN + 1
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

fn network() -> impl Strategy<Value = Network> {
    prop::sample::select(Network::ALL)
}

fn region() -> impl Strategy<Value = Region> {
    prop::sample::select(Region::ALL)
}

proptest! {
    #[test]
    fn any_ascii_digit_string_up_to_the_bound_is_an_account_id(
        account_id in "[0-9]{1,20}",
        region in region(),
        network in network(),
    ) {
        let built = Endpoint::new(&account_id, region, network).unwrap();
        prop_assert_eq!(built.account_id(), account_id.as_str());
    }

    #[test]
    fn any_string_with_a_non_digit_is_rejected_at_its_first_non_digit(account_id in "\\PC*") {
        let first_non_digit = account_id.char_indices().find(|(_, c)| !c.is_ascii_digit());
        let result = Endpoint::new(&account_id, Region::CnHangzhou, Network::Public);
        match first_non_digit {
            Some((at, found)) => prop_assert_eq!(result, Err(EndpointError::AccountIdNotDigit { found, at })),
            None if account_id.is_empty() => prop_assert_eq!(result, Err(EndpointError::EmptyAccountId)),
            None if account_id.len() > MAX_ACCOUNT_ID_DIGITS => {
                prop_assert_eq!(result, Err(EndpointError::AccountIdTooLong { len: account_id.len() }))
            }
            None => prop_assert!(result.is_ok()),
        }
    }

    #[test]
    fn every_built_endpoint_round_trips_through_its_host_and_url(
        account_id in "[0-9]{1,20}",
        region in region(),
        network in network(),
        uppercase in any::<bool>(),
    ) {
        let built = Endpoint::new(&account_id, region, network).unwrap();
        let host = if uppercase { built.host().to_ascii_uppercase() } else { built.host().to_owned() };
        prop_assert_eq!(host.parse::<Endpoint>(), Ok(built.clone()));
        prop_assert_eq!(built.url().parse::<Endpoint>(), Ok(built.clone()));
    }

    #[test]
    fn any_text_that_parses_is_an_fc_host_that_prints_back_to_itself(text in "\\PC{0,80}") {
        if let Ok(parsed) = text.parse::<Endpoint>() {
            prop_assert!(parsed.host().ends_with(DOMAIN_SUFFIX));
            prop_assert_eq!(parsed.host().parse::<Endpoint>(), Ok(parsed.clone()));
        }
    }

    #[test]
    fn hosts_with_arbitrary_labels_parse_only_into_fc_hosts(
        account_id in "[0-9a-z.@:/]{0,12}",
        region_label in "[a-z0-9.\\-]{0,24}",
        domain in prop::sample::select(vec!["fc.aliyuncs.com", "fc.aliyuncs.com.evil.com", "aliyuncs.com", "evil.com"]),
    ) {
        let text = format!("{account_id}.{region_label}.{domain}");
        if let Ok(parsed) = text.parse::<Endpoint>() {
            prop_assert!(parsed.host().ends_with(DOMAIN_SUFFIX));
            prop_assert_eq!(parsed.host(), text.as_str());
        }
    }

    #[test]
    fn any_unlisted_region_id_either_fails_or_builds_a_round_tripping_fc_host(
        region_id in "[a-z0-9\\-.]{0,16}|[a-z]{2,5}(-[a-z0-9]{1,6}){1,3}",
        network in network(),
    ) {
        if let Ok(built) = Endpoint::for_unlisted_region("16530750", &region_id, network) {
            prop_assert!(built.host().ends_with(DOMAIN_SUFFIX));
            prop_assert_eq!(built.region_id(), region_id.as_str());
            prop_assert_eq!(built.network(), network);
            prop_assert_eq!(built.region(), Region::from_id(&region_id));
            let expected = format!(
                "16530750.{region_id}{}.fc.aliyuncs.com",
                if network == Network::Internal { "-internal" } else { "" }
            );
            prop_assert_eq!(built.host(), expected.as_str());
        }
    }

    #[test]
    fn an_unlisted_endpoints_host_never_parses_as_a_different_endpoint(
        region_id in prop_oneof![
            region().prop_map(|region| region.id().to_owned()),
            region().prop_map(|region| format!("{}-internal", region.id())),
            "[a-z]{2,5}(-[a-z0-9]{1,9}){1,3}",
        ],
        network in network(),
    ) {
        if let Ok(built) = Endpoint::for_unlisted_region("16530750", &region_id, network) {
            if let Ok(parsed) = built.host().parse::<Endpoint>() {
                prop_assert_eq!(parsed, built);
            }
        }
    }

    #[test]
    fn any_account_and_region_id_never_builds_a_host_outside_fc(
        account_id in "\\PC{0,24}",
        region_id in "\\PC{0,24}",
        network in network(),
    ) {
        if let Ok(built) = Endpoint::for_unlisted_region(&account_id, &region_id, network) {
            prop_assert!(built.host().ends_with(DOMAIN_SUFFIX));
            prop_assert_eq!(built.host().matches('.').count(), 4);
        }
    }
}
