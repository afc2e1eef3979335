//! What a parse error suggests for a near-miss: the value the user most
//! likely meant, or nothing when no value is close enough to be a fair guess.
//!
//! A wrong suggestion is worse than none (`eu-west-1` is not a typo of
//! `us-west-1`, it is another continent), so each type has its own rule:
//!
//! - [`Region`]: the same id ignoring ASCII case; an id whose geography
//!   prefix (`cn`, `ap`, `eu`, ...) is the input's and which is a small typo
//!   away; the city alone (`shanghai`) when exactly one region has it; or a
//!   region id with `-internal` appended (the network is chosen separately).
//! - [`Lang`]: the language a common tag names, by its primary subtag in
//!   any case: `en`, `eng`, `english` (`en-US`, `en_GB`, ...) for English;
//!   `zh`, `zho`, `chi`, `chinese`, `中文` and the country code `cn`
//!   (`zh-CN`, `zh-Hans`, `zh_TW`, ...) for Chinese, the one Chinese document.
//!   No edit distance: every two-letter tag is one edit from `en` or `zh`.
//! - [`Network`]: the same ignoring case, a word that means the same
//!   (`vpc`, `intranet`, `private`, `inner` for the internal network;
//!   `internet`, `external` for the public one), or a small typo.
//! - [`ErrorCode`]: the same ignoring case, or a small typo.

use crate::{ErrorCode, Lang, Network, Region};

/// The region `input` most likely meant; see the module docs.
pub(crate) fn region(input: &str) -> Option<Region> {
    let input = input.trim();
    let same_case_folded = |text: &str| {
        Region::ALL
            .iter()
            .copied()
            .find(|region| region.as_str().eq_ignore_ascii_case(text))
    };
    if let Some(region) = same_case_folded(input) {
        return Some(region);
    }
    if let Some(region) = strip_suffix_ignore_case(input, "-internal").and_then(same_case_folded) {
        return Some(region);
    }
    match input.split_once('-') {
        Some((prefix, _)) => {
            let same_geography: Vec<Region> = Region::ALL
                .iter()
                .copied()
                .filter(|region| geography(region.as_str()).eq_ignore_ascii_case(prefix))
                .collect();
            closest(input, &same_geography, Region::as_str)
        }
        None => only_region_in_city(input),
    }
}

/// The first segment of a region id: `cn` of `cn-hangzhou`.
fn geography(id: &str) -> &str {
    id.split_once('-').map_or(id, |(prefix, _)| prefix)
}

/// The one region whose id is `input` after its geography prefix
/// (`shanghai` for `cn-shanghai`); `None` when none or several are.
fn only_region_in_city(input: &str) -> Option<Region> {
    let mut matches = Region::ALL.iter().copied().filter(|region| {
        region
            .as_str()
            .split_once('-')
            .is_some_and(|(_, city)| city.eq_ignore_ascii_case(input))
    });
    match (matches.next(), matches.next()) {
        (Some(region), None) => Some(region),
        _ => None,
    }
}

fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let start = text.len().checked_sub(suffix.len())?;
    let tail = text.get(start..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..start])
}

/// The language a tag names, by its primary subtag; see the module docs.
pub(crate) fn lang(input: &str) -> Option<Lang> {
    let input = input.trim();
    let primary = input.split(['-', '_']).next().unwrap_or(input);
    const ENGLISH: [&str; 3] = ["en", "eng", "english"];
    const CHINESE: [&str; 6] = ["zh", "zho", "chi", "chinese", "中文", "cn"];
    if ENGLISH.iter().any(|tag| tag.eq_ignore_ascii_case(primary)) {
        Some(Lang::En)
    } else if CHINESE.iter().any(|tag| tag.eq_ignore_ascii_case(primary)) {
        Some(Lang::Zh)
    } else {
        None
    }
}

/// The network `input` most likely meant; see the module docs.
pub(crate) fn network(input: &str) -> Option<Network> {
    const INTERNAL: [&str; 4] = ["vpc", "intranet", "private", "inner"];
    const PUBLIC: [&str; 2] = ["internet", "external"];
    let word = input.trim();
    if INTERNAL.iter().any(|name| name.eq_ignore_ascii_case(word)) {
        return Some(Network::Internal);
    }
    if PUBLIC.iter().any(|name| name.eq_ignore_ascii_case(word)) {
        return Some(Network::Public);
    }
    closest(input, Network::ALL, Network::as_str)
}

/// The error code `input` most likely meant: the same ignoring case, or a
/// small typo away.
pub(crate) fn error_code(input: &str) -> Option<ErrorCode> {
    closest(input, ErrorCode::ALL, ErrorCode::as_str)
}

/// The closest of `candidates` to `input`: the same ignoring ASCII case,
/// then the one at the smallest edit distance, if that is at most 2 (or a
/// third of the input's length, for long ids) and less than the
/// candidate's length: replacing all of a short name is not a typo of it.
fn closest<T: Copy>(input: &str, candidates: &[T], name: impl Fn(T) -> &'static str) -> Option<T> {
    let input = input.trim();
    if let Some(&exact) = candidates
        .iter()
        .find(|&&candidate| name(candidate).eq_ignore_ascii_case(input))
    {
        return Some(exact);
    }
    let limit = (input.len() / 3).max(2);
    candidates
        .iter()
        .map(|&candidate| (edit_distance(input, name(candidate)), candidate))
        .filter(|&(distance, candidate)| distance <= limit && distance < name(candidate).len())
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over chars, ASCII case folded.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().map(|c| c.to_ascii_lowercase()).enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("cn-hangzou", "cn-hangzhou"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn a_short_name_is_not_suggested_for_a_word_that_replaces_all_of_it() {
        assert_eq!(closest("ab", &["cd"], |name| name), None);
        assert_eq!(closest("Cd", &["cd"], |name| name), Some("cd"));
    }

    #[test]
    fn a_suffix_is_stripped_in_any_case_and_never_inside_a_character() {
        assert_eq!(
            strip_suffix_ignore_case("cn-x-INTERNAL", "-internal"),
            Some("cn-x")
        );
        assert_eq!(strip_suffix_ignore_case("internal", "-internal"), None);
        assert_eq!(
            strip_suffix_ignore_case("消消消-interna", "-internal"),
            None
        );
    }
}
