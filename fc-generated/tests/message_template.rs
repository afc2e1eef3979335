//! Reading messages against the documents' templates. The templates are the
//! ones the current Function Compute error-code pages give; the crate's
//! spec does not carry them yet, so they are written out here.

use fc_generated::MessageTemplate;
use proptest::prelude::*;

const MISSING_HEADER: MessageTemplate =
    MessageTemplate::new("required HTTP header %s was not specified");
const TOO_LARGE: MessageTemplate =
    MessageTemplate::new("payload size exceeds maximum allowed size (%s bytes)");
const SERVICE_NOT_FOUND: MessageTemplate = MessageTemplate::new("service '%s' does not exist");
const ALIAS_NOT_FOUND: MessageTemplate =
    MessageTemplate::new("alias '%s' of service '%s' does not exist");
const INVALID_ACCESS_KEY: MessageTemplate = MessageTemplate::new("invalid access key ID '%s'");
const ANYTHING: MessageTemplate = MessageTemplate::new("%s");

/// The issue's templates, every one.
const DOCUMENTED: [MessageTemplate; 6] = [
    MISSING_HEADER,
    TOO_LARGE,
    SERVICE_NOT_FOUND,
    ALIAS_NOT_FOUND,
    INVALID_ACCESS_KEY,
    ANYTHING,
];

fn values(template: MessageTemplate, message: &str) -> Option<Vec<&str>> {
    template.values(message).map(Iterator::collect)
}

#[test]
fn each_documented_template_gives_the_values_of_a_message_it_fits() {
    let cases: [(MessageTemplate, &str, &[&str]); 6] = [
        (
            MISSING_HEADER,
            "required HTTP header Content-MD5 was not specified",
            &["Content-MD5"],
        ),
        (
            TOO_LARGE,
            "payload size exceeds maximum allowed size (6291456 bytes)",
            &["6291456"],
        ),
        (
            SERVICE_NOT_FOUND,
            "service 'demo' does not exist",
            &["demo"],
        ),
        (
            ALIAS_NOT_FOUND,
            "alias 'prod' of service 'demo' does not exist",
            &["prod", "demo"],
        ),
        (
            INVALID_ACCESS_KEY,
            "invalid access key ID 'LTAI5tExample'",
            &["LTAI5tExample"],
        ),
        (ANYTHING, "Rate exceeded.", &["Rate exceeded."]),
    ];
    for (template, message, expected) in cases {
        assert_eq!(
            values(template, message).as_deref(),
            Some(expected),
            "{template}"
        );
        let fitting = template.values(message).unwrap();
        assert_eq!(fitting.len(), template.placeholders(), "{template}");
    }
}

#[test]
fn a_message_that_differs_in_its_literal_text_does_not_fit() {
    let cases = [
        (MISSING_HEADER, "required HTTP header Date was not sent"),
        (
            MISSING_HEADER,
            "Required HTTP header Date was not specified",
        ),
        (
            MISSING_HEADER,
            "required HTTP header Date was not specified.",
        ),
        (
            TOO_LARGE,
            "payload size exceeds maximum allowed size (6291456)",
        ),
        (SERVICE_NOT_FOUND, "function 'demo' does not exist"),
        (SERVICE_NOT_FOUND, "service \"demo\" does not exist"),
        (SERVICE_NOT_FOUND, "service 'demo' does not exist "),
        (ALIAS_NOT_FOUND, "alias 'prod' does not exist"),
        (ALIAS_NOT_FOUND, "service 'demo' does not exist"),
        (INVALID_ACCESS_KEY, "invalid access key ID LTAI5tExample"),
        (INVALID_ACCESS_KEY, "invalid access key ID 'LTAI5tExample"),
    ];
    for (template, message) in cases {
        assert_eq!(values(template, message), None, "{template} / {message}");
    }
}

#[test]
fn a_value_is_never_empty() {
    assert_eq!(values(SERVICE_NOT_FOUND, "service '' does not exist"), None);
    assert_eq!(
        values(ALIAS_NOT_FOUND, "alias '' of service 'demo' does not exist"),
        None
    );
    assert_eq!(
        values(ALIAS_NOT_FOUND, "alias 'prod' of service '' does not exist"),
        None
    );
    assert_eq!(values(ANYTHING, ""), None);
}

#[test]
fn the_empty_message_fits_no_template_with_a_placeholder() {
    for template in DOCUMENTED {
        assert_eq!(values(template, ""), None, "{template}");
    }
    assert_eq!(values(MessageTemplate::new(""), ""), Some(vec![]));
}

#[test]
fn the_placeholder_alone_fits_any_message_but_the_empty_one_whole() {
    for message in [
        " ",
        "x",
        "%s",
        "service 'demo' does not exist",
        "服务不存在\n",
    ] {
        assert_eq!(values(ANYTHING, message), Some(vec![message]));
    }
}

#[test]
fn the_template_text_itself_fits_with_the_placeholder_as_its_value() {
    for template in DOCUMENTED {
        let expected = vec!["%s"; template.placeholders()];
        assert_eq!(
            values(template, template.as_str()),
            Some(expected),
            "{template}"
        );
    }
}

#[test]
fn adjacent_placeholders_give_the_first_one_character() {
    let template = MessageTemplate::new("%s%s");
    assert_eq!(template.placeholders(), 2);
    assert_eq!(values(template, "ab"), Some(vec!["a", "b"]));
    assert_eq!(values(template, "abc"), Some(vec!["a", "bc"]));
    assert_eq!(values(template, "服务"), Some(vec!["服", "务"]));
    assert_eq!(values(template, "a"), None);
    let template = MessageTemplate::new("(%s%s)");
    assert_eq!(values(template, "(xyz)"), Some(vec!["x", "yz"]));
    assert_eq!(values(template, "(x)"), None);
}

#[test]
fn literals_right_against_a_placeholder_are_matched_exactly() {
    let template = MessageTemplate::new("[%s][%s]");
    assert_eq!(values(template, "[a][b]"), Some(vec!["a", "b"]));
    assert_eq!(values(template, "[a]][b]"), Some(vec!["a]", "b"]));
    assert_eq!(values(template, "[a][b]]"), Some(vec!["a", "b]"]));
    assert_eq!(values(template, "[a] [b]"), None);
}

#[test]
fn a_value_ends_at_the_leftmost_following_literal() {
    // Either split reproduces the message; the first place wins.
    assert_eq!(
        values(
            ALIAS_NOT_FOUND,
            "alias 'a' of service 'b' of service 'c' does not exist"
        ),
        Some(vec!["a", "b' of service 'c"])
    );
    // The last value runs to the literal end, so it may hold the end's text.
    assert_eq!(
        values(
            SERVICE_NOT_FOUND,
            "service 'x' does not exist' does not exist"
        ),
        Some(vec!["x' does not exist"])
    );
}

#[test]
fn a_value_may_start_with_the_literal_that_follows_it() {
    // `' of service '` first appears right after the alias's first
    // character, and that split fits too: leftmost decides.
    let message = "alias '' of service 'x' of service 'demo' does not exist";
    assert_eq!(
        values(ALIAS_NOT_FOUND, message),
        Some(vec!["' of service 'x", "demo"])
    );
}

#[test]
fn unicode_in_literals_and_values_is_cut_at_character_boundaries() {
    let template = MessageTemplate::new("服务 '%s' 不存在");
    assert_eq!(values(template, "服务 '演示' 不存在"), Some(vec!["演示"]));
    assert_eq!(values(template, "服务 '🦀' 不存在"), Some(vec!["🦀"]));
    assert_eq!(values(template, "服务 '' 不存在"), None);
    assert_eq!(values(template, "服务 'x' 不存"), None);
    assert_eq!(
        values(
            SERVICE_NOT_FOUND,
            "service 'e\u{301}t\u{e9}' does not exist"
        ),
        Some(vec!["e\u{301}t\u{e9}"])
    );
    assert_eq!(
        values(SERVICE_NOT_FOUND, "service '\u{202E}demo' does not exist"),
        Some(vec!["\u{202E}demo"])
    );
}

#[test]
fn a_percent_sign_other_than_the_placeholder_is_literal_text() {
    let template = MessageTemplate::new("100% of %d used by %s");
    assert_eq!(template.placeholders(), 1);
    assert_eq!(
        values(template, "100% of %d used by demo"),
        Some(vec!["demo"])
    );
    assert_eq!(values(template, "100 of 5 used by demo"), None);
    // `%%` is no escape: `%%s` is a `%` and then a placeholder.
    let template = MessageTemplate::new("rate %%s");
    assert_eq!(template.placeholders(), 1);
    assert_eq!(values(template, "rate %5"), Some(vec!["5"]));
    assert_eq!(values(template, "rate %s"), Some(vec!["s"]));
}

#[test]
fn a_template_without_a_placeholder_fits_only_its_own_text() {
    let template = MessageTemplate::new("the function is being updated");
    assert_eq!(template.placeholders(), 0);
    assert_eq!(
        values(template, "the function is being updated"),
        Some(vec![])
    );
    assert_eq!(values(template, "the function is being updated!"), None);
    assert_eq!(values(template, ""), None);
}

#[test]
fn values_report_their_count_and_stay_done() {
    let mut values = ALIAS_NOT_FOUND
        .values("alias 'prod' of service 'demo' does not exist")
        .unwrap();
    assert_eq!(values.size_hint(), (2, Some(2)));
    assert_eq!(format!("{values:?}"), r#"["prod", "demo"]"#);
    assert_eq!(values.next(), Some("prod"));
    assert_eq!(values.len(), 1);
    assert_eq!(format!("{values:?}"), r#"["demo"]"#);
    assert_eq!(values.next(), Some("demo"));
    assert_eq!(
        (values.next(), values.next(), values.len()),
        (None, None, 0)
    );
}

#[test]
fn a_template_prints_as_given() {
    assert_eq!(ALIAS_NOT_FOUND.to_string(), ALIAS_NOT_FOUND.as_str());
    assert_eq!(format!("{:>6}", ANYTHING), "    %s");
}

/// Hostile messages are read to the right answer. How long that takes is
/// for a benchmark, not a test, on these shared machines; the reading is
/// at most one substring search per placeholder, by construction.
#[test]
fn a_hostile_long_message_is_refused() {
    // Every piece of the template appears everywhere but the end is wrong:
    // a matcher that tried every split would do about n^k work.
    let template = MessageTemplate::new("%s'%s'%s'%s'%s!");
    let message = "'".repeat(1 << 20);
    assert!(template.values(&message).is_none());
    // A literal that almost appears at every position.
    let template = MessageTemplate::new("alias '%s' of service '%s' does not exist");
    let message = "alias '".to_owned() + &"' of service".repeat(1 << 16) + "' does not exist";
    assert!(template.values(&message).is_none());
}

/// Whether some choice of non-empty values for the placeholders gives
/// `message`, by trying every split: the definition the leftmost reading
/// must agree with, for short inputs only.
fn fits_by_search(pieces: &[&str], message: &str) -> bool {
    let Some((first, rest)) = pieces.split_first() else {
        return false;
    };
    let Some(after) = message.strip_prefix(first) else {
        return false;
    };
    if rest.is_empty() {
        return after.is_empty();
    }
    after
        .char_indices()
        .skip(1)
        .map(|(end, _)| end)
        .chain([after.len()])
        .any(|end| end > 0 && fits_by_search(rest, &after[end..]))
}

/// A template's literal pieces, and the template made from them.
fn template_from(pieces: &[String]) -> MessageTemplate {
    MessageTemplate::new(String::leak(pieces.join("%s")))
}

/// Literal pieces (the template is them joined by `%s`), and the values
/// to put between them, from small alphabets that overlap, so that values
/// hold literal text. No piece has an `s`, so none holds a `%s`.
fn pieces_and_values() -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    proptest::collection::vec("[' a服%]{0,4}", 1..5).prop_flat_map(|pieces| {
        let count = pieces.len() - 1;
        let values = proptest::collection::vec("[' ab服s%]{1,4}", count);
        (Just(pieces), values)
    })
}

/// Literal pieces whose inner ones are not empty (adjacent placeholders
/// split where leftmost says, not where the values were joined), from
/// characters no value has.
fn separated_pieces() -> impl Strategy<Value = Vec<String>> {
    let inner = proptest::collection::vec("[' (服]{1,4}", 0..4);
    ("[' (服]{0,4}", inner, "[' (服]{0,4}").prop_map(|(first, inner, last)| {
        let mut pieces = vec![first];
        pieces.extend(inner);
        pieces.push(last);
        pieces
    })
}

/// `pieces` with `values` between them.
fn interleave(pieces: &[String], values: &[&str]) -> String {
    let mut text = pieces[0].clone();
    for (value, piece) in values.iter().zip(&pieces[1..]) {
        text.push_str(value);
        text.push_str(piece);
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn values_with_the_literals_give_the_message_back(
        pieces_and_values in pieces_and_values(),
        noise in "[' ab服%]{0,3}",
        cut in 0usize..3,
        free in "[' ab服s%]{0,10}",
    ) {
        let (pieces, filled) = pieces_and_values;
        let template = template_from(&pieces);
        let filled: Vec<&str> = filled.iter().map(String::as_str).collect();
        let built = interleave(&pieces, &filled);
        // The message as built, near misses of it, and any short text.
        let mut end = built.len().saturating_sub(cut);
        while !built.is_char_boundary(end) {
            end -= 1;
        }
        for message in [built.clone(), built.clone() + &noise, built[..end].to_owned(), free] {
            let piece_refs: Vec<&str> = pieces.iter().map(String::as_str).collect();
            let read = template.values(&message);
            prop_assert_eq!(read.is_some(), fits_by_search(&piece_refs, &message), "{:?}", message);
            if let Some(read) = read {
                let read: Vec<&str> = read.collect();
                prop_assert_eq!(read.len(), template.placeholders());
                prop_assert!(read.iter().all(|value| !value.is_empty()));
                prop_assert_eq!(interleave(&pieces, &read), message);
            }
        }
        // The message as built always fits.
        prop_assert!(template.values(&built).is_some());
    }

    #[test]
    fn values_without_the_literals_characters_are_read_back_exactly(
        pieces in separated_pieces(),
        seed in proptest::collection::vec("[a-z0-9_.-]{1,12}", 5),
    ) {
        let template = template_from(&pieces);
        let filled: Vec<&str> = seed.iter().take(pieces.len() - 1).map(String::as_str).collect();
        let message = interleave(&pieces, &filled);
        let read: Option<Vec<&str>> = template.values(&message).map(Iterator::collect);
        prop_assert_eq!(read, Some(filled));
    }

    #[test]
    fn any_template_and_message_never_panic(
        template in "\\PC{0,12}|[%s' ]{0,12}",
        message in "\\PC{0,40}|[%s' ]{0,40}",
    ) {
        let template = MessageTemplate::new(String::leak(template));
        if let Some(values) = template.values(&message) {
            let count = values.len();
            prop_assert_eq!(values.count(), count);
            prop_assert_eq!(count, template.placeholders());
        }
    }
}
