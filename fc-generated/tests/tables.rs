//! The generated tables, used as a client would use them. Expected values
//! are copied from ../shared/docs/fc-api-reference.{en,zh}.txt by hand.

use std::collections::HashSet;

use fc_generated::{
    doc_version, ErrorCode, Lang, Network, ParseErrorCodeError, ParseLangError, ParseNetworkError,
    Region,
};

#[test]
fn the_documents_list_fifteen_regions_and_thirteen_codes() {
    assert_eq!(Region::ALL.len(), 15);
    assert_eq!(ErrorCode::ALL.len(), 13);
}

#[test]
fn all_follows_the_documents_order() {
    assert_eq!(Region::ALL.first(), Some(&Region::CnHangzhou));
    assert_eq!(Region::ALL.last(), Some(&Region::UsWest1));
    assert_eq!(ErrorCode::ALL.first(), Some(&ErrorCode::InvalidArgument));
    assert_eq!(ErrorCode::ALL.last(), Some(&ErrorCode::ResourceThrottled));
}

#[test]
fn every_region_round_trips_through_display_and_from_str() {
    for &region in Region::ALL {
        let text = region.to_string();
        assert_eq!(text, region.as_str());
        assert_eq!(text.parse::<Region>(), Ok(region));
        assert_eq!(Region::lookup(&text), Some(region));
    }
}

#[test]
fn every_error_code_round_trips_through_display_and_from_str() {
    for &code in ErrorCode::ALL {
        let text = code.to_string();
        assert_eq!(text, code.as_str());
        assert_eq!(text.parse::<ErrorCode>(), Ok(code));
        assert_eq!(ErrorCode::lookup(&text), Some(code));
    }
}

#[test]
fn ids_codes_and_endpoints_are_unique() {
    let ids: HashSet<_> = Region::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(ids.len(), Region::ALL.len());
    let codes: HashSet<_> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(codes.len(), ErrorCode::ALL.len());
    let hosts: HashSet<_> = Region::ALL
        .iter()
        .flat_map(|r| Network::ALL.iter().map(move |&n| r.endpoint(n)))
        .collect();
    assert_eq!(hosts.len(), 30);
}

#[test]
fn sample_regions_match_the_documents() {
    let hohhot = Region::CnHuhehaote;
    assert_eq!(hohhot.as_str(), "cn-huhehaote");
    assert_eq!(hohhot.name(Lang::En), "China (Hohhot)");
    assert_eq!(hohhot.name(Lang::Zh), "华北5（呼和浩特）");
    assert_eq!(
        hohhot.endpoint(Network::Public),
        "cn-huhehaote.fc.aliyuncs.com"
    );
    assert_eq!(
        hohhot.endpoint(Network::Internal),
        "cn-huhehaote-internal.fc.aliyuncs.com"
    );

    let zhangjiakou = Region::CnZhangjiakou;
    assert_eq!(
        zhangjiakou.name(Lang::En),
        "China (Zhangjiakou-Beijing Winter Olympic)"
    );
    assert_eq!(zhangjiakou.name(Lang::Zh), "华北3（张家口）");

    assert_eq!(Region::CnHongkong.name(Lang::Zh), "中国香港");
    assert_eq!(Region::ApSouth1.name(Lang::En), "India (Mumbai)");
    assert_eq!(Region::UsWest1.name(Lang::Zh), "美国西部1（硅谷）");
    assert_eq!(
        Region::ApNortheast1.endpoint(Network::Internal),
        "ap-northeast-1-internal.fc.aliyuncs.com"
    );
}

#[test]
fn sample_error_codes_match_the_documents() {
    let code = ErrorCode::SignatureNotMatch;
    assert_eq!(code.http_status(), 403);
    assert_eq!(
        code.cause(Lang::En),
        "The error message returned because the digital signature of the request does not match that calculated in Function Compute."
    );
    assert_eq!(code.cause(Lang::Zh), "请求的数字签名不匹配");
    assert_eq!(code.solution(Lang::Zh), "请参考签名规则重新计算签名。");

    // The export's `<a href="#">Contact us</a> .` becomes `Contact us.`.
    assert_eq!(
        ErrorCode::InternalServerError.solution(Lang::En),
        "Contact us."
    );
    assert_eq!(
        ErrorCode::InternalServerError.solution(Lang::Zh),
        "联系我们。"
    );
    assert_eq!(ErrorCode::ClientClosedRequest.http_status(), 499);
    assert_eq!(ErrorCode::ResourceThrottled.http_status(), 503);
}

#[test]
fn where_the_languages_disagree_each_keeps_its_own_text() {
    assert_eq!(
        ErrorCode::EntityTooLarge.cause(Lang::En),
        "The error message returned because the input parameter value exceeds the valid value range."
    );
    assert_eq!(ErrorCode::EntityTooLarge.cause(Lang::Zh), "函数的入参太大");
    assert_eq!(
        ErrorCode::ClientClosedRequest.solution(Lang::En),
        "Connect to the client and adjust the disconnection time."
    );
    assert_eq!(
        ErrorCode::ClientClosedRequest.solution(Lang::Zh),
        "请重试并适当调整客户端断开连接时间。"
    );
}

#[test]
fn documents_versions_and_service_facts_match_the_documents() {
    assert_eq!(doc_version(Lang::En), "20201016");
    assert_eq!(doc_version(Lang::Zh), "20200827");
    assert_eq!(fc_generated::DOMAIN_FORMAT, "account_id.service_endpoint");
    assert_eq!(
        fc_generated::DOMAIN_EXAMPLE_HOST,
        "16530750.cn-shanghai.fc.aliyuncs.com"
    );
    assert_eq!(fc_generated::DOMAIN_EXAMPLE_REGION, Region::CnShanghai);
    assert_eq!(fc_generated::ERROR_CODE_FIELD, "errorCode");
    assert_eq!(fc_generated::ERROR_MESSAGE_FIELD, "errorMessage");
}

#[test]
fn unknown_region_is_an_error_carrying_the_input_and_a_suggestion() {
    let error = "cn-hangzou".parse::<Region>().unwrap_err();
    assert_eq!(error.input(), "cn-hangzou");
    assert_eq!(error.suggestion(), Some(Region::CnHangzhou));
    assert_eq!(
        error.to_string(),
        "unknown region id \"cn-hangzou\"; did you mean \"cn-hangzhou\"?"
    );

    let error = "mars-north-1".parse::<Region>().unwrap_err();
    assert_eq!(error.suggestion(), None);
    assert_eq!(
        error.to_string(),
        "unknown region id \"mars-north-1\"; no region in the FC API reference is close \
         (a region newer than the reference needs its endpoint given in full)"
    );

    assert!("".parse::<Region>().is_err());
    assert!(" cn-hangzhou".parse::<Region>().is_err());
}

#[test]
fn region_ids_are_case_sensitive_but_case_is_suggested() {
    let error = "CN-SHANGHAI".parse::<Region>().unwrap_err();
    assert_eq!(error.suggestion(), Some(Region::CnShanghai));
}

fn region_suggestion(input: &str) -> Option<Region> {
    input.parse::<Region>().unwrap_err().suggestion()
}

#[test]
fn a_region_suggestion_never_changes_the_geography() {
    // The documents list eu-central-1 only: eu-west-1 (London) is one
    // letter from us-west-1, on another continent.
    let other_continents = [
        "eu-west-1",
        "EU-WEST-1",
        "cn-west-1",
        "ap-east-1",
        "us-central-1",
    ];
    assert_suggestions(region_suggestion, None, &other_continents);
    for (input, expected) in [
        ("eu-centrl-1", Region::EuCentral1),
        ("us-wset-1", Region::UsWest1),
        ("ap-southeast-3", Region::ApSoutheast1),
        ("cn-shenzen", Region::CnShenzhen),
        ("CN-Hongkong", Region::CnHongkong),
    ] {
        let suggestion = input.parse::<Region>().unwrap_err().suggestion();
        assert_eq!(suggestion, Some(expected), "{input}");
        assert_eq!(
            suggestion.map(|region| region.as_str().split('-').next()),
            Some(
                input
                    .split('-')
                    .next()
                    .map(str::to_ascii_lowercase)
                    .as_deref()
            ),
            "{input}"
        );
    }
}

#[test]
fn a_city_alone_or_an_internal_suffix_suggests_the_region() {
    for (input, expected) in [
        ("shanghai", Region::CnShanghai),
        ("Hangzhou", Region::CnHangzhou),
        ("huhehaote", Region::CnHuhehaote),
        ("cn-shanghai-internal", Region::CnShanghai),
        ("eu-central-1-INTERNAL", Region::EuCentral1),
    ] {
        let error = input.parse::<Region>().unwrap_err();
        assert_eq!(error.suggestion(), Some(expected), "{input}");
        assert!(error
            .to_string()
            .ends_with(&format!("did you mean \"{expected}\"?")));
    }
    // A city that is no region, and a bare part several regions share.
    assert_suggestions(region_suggestion, None, &["wuhan", "1", "west"]);
}

#[test]
fn unknown_error_code_is_kept_verbatim() {
    let error: ParseErrorCodeError = "ServiceNotFound".parse::<ErrorCode>().unwrap_err();
    assert_eq!(error.input(), "ServiceNotFound");
    assert!(!error.is_truncated());
    assert_eq!(
        "invalidargument"
            .parse::<ErrorCode>()
            .unwrap_err()
            .suggestion(),
        Some(ErrorCode::InvalidArgument)
    );
}

#[test]
fn a_huge_input_is_kept_bounded_and_says_so() {
    let huge = "x".repeat(10_000);
    let error = huge.parse::<Region>().unwrap_err();
    assert!(error.is_truncated());
    assert_eq!(error.input().len(), 64);
    assert!(error.to_string().contains("(first 64 of 10000 bytes)"));
}

#[test]
fn display_honours_width_and_alignment() {
    assert_eq!(format!("{:>14}|", Region::UsEast1), "     us-east-1|");
    assert_eq!(
        format!("{:<16}|", ErrorCode::AccessDenied),
        "AccessDenied    |"
    );
}

#[test]
fn errors_are_send_sync_and_std_errors() {
    fn assert_error<E: std::error::Error + Send + Sync + 'static>() {}
    assert_error::<fc_generated::ParseRegionError>();
    assert_error::<ParseErrorCodeError>();
    assert_error::<ParseLangError>();
    assert_error::<ParseNetworkError>();
}

#[test]
fn lang_and_network_print_and_parse_their_wire_forms() {
    for (lang, wire) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        assert_eq!(lang.to_string(), wire);
        assert_eq!(wire.parse::<Lang>(), Ok(lang));
    }
    for (network, wire) in [(Network::Public, "public"), (Network::Internal, "internal")] {
        assert_eq!(network.to_string(), wire);
        assert_eq!(wire.parse::<Network>(), Ok(network));
    }
    assert_eq!(format!("{:>8}", Lang::Zh), "      zh");
}

#[test]
fn lang_and_network_parse_only_the_exact_wire_form() {
    for text in [
        "", "EN", "En", " en", "en ", "zh-CN", "zh_cn", "english", "fr",
    ] {
        let error = text.parse::<Lang>().unwrap_err();
        assert_eq!(error.input(), text);
    }
    for text in [
        "",
        "Public",
        "INTERNAL",
        "intranet",
        "vpc",
        "internal\n",
        "-internal",
    ] {
        let error = text.parse::<Network>().unwrap_err();
        assert_eq!(error.input(), text);
    }
}

#[test]
fn lang_and_network_errors_name_the_input_a_close_value_and_every_value() {
    let error = "EN".parse::<Lang>().unwrap_err();
    assert_eq!(error.suggestion(), Some(Lang::En));
    assert_eq!(
        error.to_string(),
        r#"unknown language "EN"; did you mean "en"? (expected "en" or "zh")"#
    );
    let error = "fr".parse::<Lang>().unwrap_err();
    assert_eq!(error.suggestion(), None);
    assert_eq!(
        error.to_string(),
        r#"unknown language "fr"; expected "en" or "zh""#
    );

    let error = "pubic".parse::<Network>().unwrap_err();
    assert_eq!(error.suggestion(), Some(Network::Public));
    assert_eq!(
        error.to_string(),
        r#"unknown network "pubic"; did you mean "public"? (expected "public" or "internal")"#
    );
    let error = "lan".parse::<Network>().unwrap_err();
    assert_eq!(error.suggestion(), None);
    assert_eq!(
        error.to_string(),
        r#"unknown network "lan"; expected "public" or "internal""#
    );

    let huge = "x".repeat(10_000);
    let error = huge.parse::<Network>().unwrap_err();
    assert!(error.is_truncated());
    assert!(error.to_string().len() < 200, "{error}");
}

#[cfg(feature = "serde")]
#[test]
fn serde_uses_the_wire_strings() {
    assert_eq!(
        serde_json::to_string(&Region::CnHangzhou).unwrap(),
        "\"cn-hangzhou\""
    );
    assert_eq!(
        serde_json::from_str::<Region>("\"us-east-1\"").unwrap(),
        Region::UsEast1
    );
    assert_eq!(
        serde_json::to_string(&ErrorCode::AccessDenied).unwrap(),
        "\"AccessDenied\""
    );
    assert_eq!(serde_json::to_string(&Lang::Zh).unwrap(), "\"zh\"");
    assert_eq!(serde_json::from_str::<Lang>("\"en\"").unwrap(), Lang::En);
    assert_eq!(
        serde_json::to_string(&Network::Internal).unwrap(),
        "\"internal\""
    );
    assert_eq!(
        serde_json::from_str::<Network>("\"public\"").unwrap(),
        Network::Public
    );
    let error = serde_json::from_str::<Network>("\"Public\"").unwrap_err();
    assert!(
        error.to_string().contains("did you mean \"public\""),
        "{error}"
    );
    assert!(serde_json::from_str::<Lang>("1").is_err());
    let error = serde_json::from_str::<Region>("\"cn-hangzou\"").unwrap_err();
    assert!(
        error.to_string().contains("did you mean \"cn-hangzhou\""),
        "{error}"
    );
}

/// The discriminants are the 32-bit FNV-1a hashes of the wire strings
/// (values computed independently with a reference implementation), so a
/// docs bump that inserts or reorders entries never renumbers a variant.
#[test]
fn discriminants_are_the_fnv1a_hash_of_the_wire_string() {
    assert_eq!(Region::CnHangzhou as u32, 0xe87c_8b81);
    assert_eq!(Region::UsWest1 as u32, 0xaa2c_2c19);
    assert_eq!(ErrorCode::InvalidArgument as u32, 0xb7dd_591f);
    assert_eq!(ErrorCode::ResourceThrottled as u32, 0x0360_6ccb);
    for &region in Region::ALL {
        assert_eq!(region as u32, fnv1a(region.as_str()), "{region}");
    }
    for &code in ErrorCode::ALL {
        assert_eq!(code as u32, fnv1a(code.as_str()), "{code}");
    }
}

fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// `Ord` is the wire strings' order, not the documents' table order, so it
/// never changes when the documents insert or reorder entries.
#[test]
fn order_is_the_wire_strings_order_not_the_table_order() {
    // The table lists cn-hangzhou before cn-beijing, InvalidArgument before AccessDenied.
    assert!(Region::CnBeijing < Region::CnHangzhou);
    assert!(ErrorCode::AccessDenied < ErrorCode::InvalidArgument);
    for &a in Region::ALL {
        for &b in Region::ALL {
            assert_eq!(a.cmp(&b), a.as_str().cmp(b.as_str()), "{a} vs {b}");
            assert_eq!(a.partial_cmp(&b), Some(a.cmp(&b)));
        }
    }
    for &a in ErrorCode::ALL {
        for &b in ErrorCode::ALL {
            assert_eq!(a.cmp(&b), a.as_str().cmp(b.as_str()), "{a} vs {b}");
        }
    }
}

/// Asserts that each input fails to parse and suggests what `cases` says.
fn assert_suggestions<T: PartialEq + std::fmt::Debug + Copy>(
    suggestion: impl Fn(&str) -> Option<T>,
    expected: Option<T>,
    inputs: &[&str],
) {
    for input in inputs {
        assert_eq!(suggestion(input), expected, "{input}");
    }
}

fn lang_suggestion(input: &str) -> Option<Lang> {
    input.parse::<Lang>().unwrap_err().suggestion()
}

fn network_suggestion(input: &str) -> Option<Network> {
    input.parse::<Network>().unwrap_err().suggestion()
}

#[test]
fn common_language_tags_suggest_the_language_they_name() {
    let chinese = [
        "cn",
        "CN",
        "zh-CN",
        "zh_cn",
        "zh-Hans",
        "ZH-HANS-CN",
        "zh-TW",
        "chinese",
        "Chinese",
        "zho",
        "chi",
        "中文",
    ];
    assert_suggestions(lang_suggestion, Some(Lang::Zh), &chinese);
    let english = ["EN", "en-US", "en_GB", "En-us", "english", "eng"];
    assert_suggestions(lang_suggestion, Some(Lang::En), &english);
    // Another language is not a typo of one of ours.
    let others = ["fr", "de-DE", "ja", "es", "zz", "e", ""];
    assert_suggestions(lang_suggestion, None, &others);
}

#[test]
fn network_synonyms_suggest_the_network_they_mean() {
    let internal = ["vpc", "VPC", "intranet", "private", "inner", "interal"];
    assert_suggestions(network_suggestion, Some(Network::Internal), &internal);
    let public = ["internet", "External", "Public", "pubic"];
    assert_suggestions(network_suggestion, Some(Network::Public), &public);
    assert_suggestions(network_suggestion, None, &["lan", "wan", ""]);
}

#[test]
fn the_four_enums_share_one_string_vocabulary() {
    fn round_trips<T>(values: &[T])
    where
        T: Copy + PartialEq + std::fmt::Debug + std::fmt::Display + AsRef<str>,
        T: std::str::FromStr + for<'a> TryFrom<&'a str>,
        <T as std::str::FromStr>::Err: std::fmt::Debug,
    {
        for &value in values {
            let text = value.as_ref();
            assert_eq!(value.to_string(), text);
            assert_eq!(text.parse::<T>().ok(), Some(value));
            assert_eq!(T::try_from(text).ok(), Some(value));
            assert!(T::try_from("not a value").is_err());
        }
    }
    round_trips(Region::ALL);
    round_trips(ErrorCode::ALL);
    round_trips(Lang::ALL);
    round_trips(Network::ALL);
    for &region in Region::ALL {
        assert_eq!(Region::lookup(region.as_str()), Some(region));
    }
    for &lang in Lang::ALL {
        assert_eq!(Lang::lookup(lang.as_str()), Some(lang));
        assert_eq!(Lang::lookup(&lang.as_str().to_uppercase()), None);
    }
    for &network in Network::ALL {
        assert_eq!(Network::lookup(network.as_str()), Some(network));
        assert_eq!(Network::lookup(&format!(" {network}")), None);
    }
}

#[test]
fn messages_for_the_person_who_wrote_the_input_name_no_rust_item() {
    use fc_generated::{Endpoint, EndpointOverride, ErrorCode, Lang, Network};
    let messages = [
        "mars-north-1".parse::<Region>().unwrap_err().to_string(),
        "FunctionNotFound"
            .parse::<ErrorCode>()
            .unwrap_err()
            .to_string(),
        "klingon".parse::<Lang>().unwrap_err().to_string(),
        "satellite".parse::<Network>().unwrap_err().to_string(),
        Endpoint::for_unlisted_region("1", "me-east-1-internal", Network::Public)
            .unwrap_err()
            .to_string(),
        "16530750.mars-north-1.fc.aliyuncs.com"
            .parse::<Endpoint>()
            .unwrap_err()
            .to_string(),
        "http://gw.example.com"
            .parse::<EndpointOverride>()
            .unwrap_err()
            .to_string(),
    ];
    for message in messages {
        // A path such as `Region::ALL`: `::` after an identifier (an IPv6
        // address such as `[::1]` is not one).
        let names_an_item = message.match_indices("::").any(|(at, _)| {
            message[..at]
                .chars()
                .next_back()
                .is_some_and(|before| before.is_ascii_alphabetic())
        });
        assert!(!names_an_item, "{message}");
    }
}
