//! The SemVer rules for `fc-generated`, one function a kind of change.
//!
//! MAINTAINING.md, "Spec diffs and SemVer", states the same rules with their
//! reasons; the tests below pin each one.

use super::{FieldChange, ListDiff, SpecDiff};

// The version bump and a rule are declared beside the spec's fields, each
// field's rule in its declaration (`fc_codegen::spec`); the rules of whole
// entries are here.
pub use fc_codegen::schema::{Bump, Rule};

const fn rule(bump: Bump, reason: &'static str) -> Rule {
    Rule { bump, reason }
}

/// A region or error code that is new: a new variant of a
/// `#[non_exhaustive]` enum, which no `match` outside the crate can miss.
pub const ADDED: Rule = rule(Bump::Minor, "new variant of a `#[non_exhaustive]` enum");

/// A region or error code that is gone (a rename is a removal and an
/// addition): code naming the variant stops compiling, and the wire string
/// no longer parses.
pub const REMOVED: Rule = rule(
    Bump::Major,
    "variant removed: code naming it stops compiling, its string no longer parses",
);

/// An entry whose place in the documents' order changed: `ALL`'s order
/// changes, so a program iterating it sees another order; the variants'
/// discriminants (hashes of the wire strings) and `Ord` (by wire string) do
/// not change, nothing stops compiling and no request changes.
pub const MOVED: Rule = rule(
    Bump::Minor,
    "the order of `ALL` changes; discriminants and `Ord` do not",
);

/// The bump `fc-generated` needs for this diff: the strongest rule that any
/// of its changes triggers, or [`Bump::None`] when nothing changed.
pub fn required_bump(diff: &SpecDiff) -> Bump {
    list_bump(&diff.regions)
        .max(list_bump(&diff.errors))
        .max(entry_bump(&diff.service))
}

/// The strongest rule a list's changes trigger, or [`Bump::None`] for none.
fn list_bump<T>(list: &ListDiff<T>) -> Bump {
    let added = list.added.iter().map(|_| ADDED.bump);
    let removed = list.removed.iter().map(|_| REMOVED.bump);
    let moved = list.moved.iter().map(|_| MOVED.bump);
    let changed = list.changed.iter().map(|entry| entry_bump(&entry.changes));
    let bumps = added.chain(removed).chain(moved).chain(changed);
    bumps.max().unwrap_or(Bump::None)
}

/// The strongest rule among some field changes (one changed entry's, or the
/// service file's), or [`Bump::None`] for none.
pub fn entry_bump(changes: &[FieldChange]) -> Bump {
    changes
        .iter()
        .map(|change| change.rule.bump)
        .max()
        .unwrap_or(Bump::None)
}

#[cfg(test)]
mod tests {
    use fc_codegen::spec::{
        DocumentSpec, Documents, DomainExample, DomainSpec, EndpointSpec, ErrorAnnotation,
        ErrorBodySpec, ErrorSpec, Localized, RegionSpec, ServiceSpec, Spec,
    };

    use super::super::diff;
    use super::*;

    fn text(en: &str, zh: &str) -> Localized {
        Localized {
            en: en.to_owned(),
            zh: zh.to_owned(),
        }
    }

    fn region(id: &str) -> RegionSpec {
        RegionSpec {
            id: id.to_owned(),
            name: text(&format!("Region {id}"), &format!("地域 {id}")),
            endpoint: EndpointSpec {
                public: format!("{id}.fc.aliyuncs.com"),
                internal: format!("{id}-internal.fc.aliyuncs.com"),
            },
        }
    }

    fn error(code: &str, http_status: u16) -> ErrorSpec {
        ErrorSpec {
            code: code.to_owned(),
            http_status,
            message: Some("%s".to_owned()),
            cause: text("A cause.", "原因"),
            solution: text("A solution.", "解决方案"),
            annotation: ErrorAnnotation {
                retryable: false,
                reason: "The request itself is wrong.".to_owned(),
            },
        }
    }

    fn base() -> Spec {
        Spec {
            service: ServiceSpec {
                documents: Documents {
                    en: DocumentSpec {
                        title: "Function Compute API Reference".to_owned(),
                        version: "20201016".to_owned(),
                    },
                    zh: DocumentSpec {
                        title: "函数计算 API 参考".to_owned(),
                        version: "20200827".to_owned(),
                    },
                },
                domain: DomainSpec {
                    format: "account_id.service_endpoint".to_owned(),
                    example: DomainExample {
                        account_id: "16530750".to_owned(),
                        region: "cn-hangzhou".to_owned(),
                        host: "16530750.cn-hangzhou.fc.aliyuncs.com".to_owned(),
                    },
                },
                error_body: ErrorBodySpec {
                    code_field: "errorCode".to_owned(),
                    message_field: "errorMessage".to_owned(),
                },
            },
            regions: vec![
                region("cn-hangzhou"),
                region("cn-shanghai"),
                region("cn-beijing"),
            ],
            errors: vec![
                error("InvalidArgument", 400),
                error("ResourceThrottled", 503),
            ],
        }
    }

    fn bump_after(edit: impl FnOnce(&mut Spec)) -> Bump {
        let old = base();
        let mut new = base();
        edit(&mut new);
        required_bump(&diff(&old, &new))
    }

    #[test]
    fn identical_specs_need_no_bump() {
        assert_eq!(bump_after(|_| {}), Bump::None);
    }

    #[test]
    fn added_region_is_minor() {
        assert_eq!(
            bump_after(|s| s.regions.push(region("cn-chengdu"))),
            Bump::Minor
        );
    }

    #[test]
    fn added_error_code_is_minor() {
        assert_eq!(
            bump_after(|s| s.errors.push(error("Throttled", 429))),
            Bump::Minor
        );
    }

    #[test]
    fn removed_region_is_major() {
        assert_eq!(bump_after(|s| drop(s.regions.pop())), Bump::Major);
    }

    #[test]
    fn removed_error_code_is_major() {
        assert_eq!(bump_after(|s| drop(s.errors.pop())), Bump::Major);
    }

    #[test]
    fn renamed_region_is_a_removal_and_an_addition_so_major() {
        let old = base();
        let mut new = base();
        new.regions[2] = region("cn-beijing2");
        let diff = diff(&old, &new);
        assert_eq!(diff.regions.removed.len(), 1);
        assert_eq!(diff.regions.added.len(), 1);
        assert_eq!(required_bump(&diff), Bump::Major);
    }

    #[test]
    fn renamed_error_code_is_major() {
        assert_eq!(
            bump_after(|s| s.errors[0].code = "BadArgument".to_owned()),
            Bump::Major
        );
    }

    #[test]
    fn changed_public_endpoint_is_major() {
        assert_eq!(
            bump_after(|s| s.regions[0].endpoint.public = "hz.fc.aliyuncs.com".to_owned()),
            Bump::Major
        );
    }

    #[test]
    fn changed_internal_endpoint_is_major() {
        assert_eq!(
            bump_after(|s| s.regions[0].endpoint.internal = "hz-vpc.fc.aliyuncs.com".to_owned()),
            Bump::Major
        );
    }

    #[test]
    fn changed_http_status_is_minor() {
        assert_eq!(bump_after(|s| s.errors[1].http_status = 429), Bump::Minor);
    }

    #[test]
    fn changed_message_template_is_minor() {
        let changed = |s: &mut Spec| s.errors[0].message = Some("service '%s' is gone".to_owned());
        assert_eq!(bump_after(changed), Bump::Minor);
    }

    #[test]
    fn added_or_removed_message_template_is_minor() {
        assert_eq!(bump_after(|s| s.errors[0].message = None), Bump::Minor);
        let old = {
            let mut spec = base();
            spec.errors[0].message = None;
            spec
        };
        assert_eq!(required_bump(&diff(&old, &base())), Bump::Minor);
    }

    #[test]
    fn error_becoming_retryable_is_major() {
        assert_eq!(
            bump_after(|s| s.errors[0].annotation.retryable = true),
            Bump::Major
        );
    }

    #[test]
    fn error_ceasing_to_be_retryable_is_major() {
        let old = {
            let mut spec = base();
            spec.errors[0].annotation.retryable = true;
            spec
        };
        assert_eq!(required_bump(&diff(&old, &base())), Bump::Major);
    }

    #[test]
    fn changed_retry_reason_alone_is_patch() {
        assert_eq!(
            bump_after(|s| s.errors[0].annotation.reason = "Fix the request.".to_owned()),
            Bump::Patch
        );
    }

    #[test]
    fn changed_region_name_in_one_language_is_patch() {
        assert_eq!(
            bump_after(|s| s.regions[0].name.zh = "杭州".to_owned()),
            Bump::Patch
        );
    }

    #[test]
    fn changed_cause_and_solution_are_patch() {
        assert_eq!(
            bump_after(|s| {
                s.errors[0].cause.en = "Another cause.".to_owned();
                s.errors[0].solution.zh = "另一个解决方案".to_owned();
            }),
            Bump::Patch
        );
    }

    #[test]
    fn document_version_bump_alone_is_patch() {
        assert_eq!(
            bump_after(|s| {
                s.service.documents.en.version = "20240101".to_owned();
                s.service.documents.zh.version = "20240102".to_owned();
            }),
            Bump::Patch
        );
    }

    #[test]
    fn changed_document_title_is_patch() {
        assert_eq!(
            bump_after(|s| s.service.documents.en.title = "FC API Reference".to_owned()),
            Bump::Patch
        );
    }

    #[test]
    fn changed_domain_example_is_patch() {
        assert_eq!(
            bump_after(|s| {
                s.service.domain.example.region = "cn-shanghai".to_owned();
                s.service.domain.example.host = "16530750.cn-shanghai.fc.aliyuncs.com".to_owned();
            }),
            Bump::Patch
        );
    }

    #[test]
    fn changed_domain_format_is_major() {
        assert_eq!(
            bump_after(|s| s.service.domain.format = "service_endpoint/account_id".to_owned()),
            Bump::Major
        );
    }

    #[test]
    fn changed_error_body_field_is_major() {
        assert_eq!(
            bump_after(|s| s.service.error_body.code_field = "Code".to_owned()),
            Bump::Major
        );
    }

    #[test]
    fn moved_region_is_minor() {
        let bump = bump_after(|s| s.regions.swap(0, 2));
        assert_eq!(bump, Bump::Minor);
    }

    #[test]
    fn insertion_in_the_middle_moves_nothing() {
        let old = base();
        let mut new = base();
        new.regions.insert(1, region("cn-chengdu"));
        let diff = diff(&old, &new);
        assert!(diff.regions.moved.is_empty(), "{:?}", diff.regions.moved);
        assert_eq!(diff.regions.added[0].index, 1);
    }

    #[test]
    fn one_entry_moved_to_the_front_is_the_only_move() {
        let old = base();
        let mut new = base();
        let last = new.regions.pop().unwrap();
        new.regions.insert(0, last);
        let moved = diff(&old, &new).regions.moved;
        assert_eq!(moved.len(), 1);
        assert_eq!(moved[0].key, "cn-beijing");
        assert_eq!((moved[0].old_index, moved[0].new_index), (2, 0));
    }

    #[test]
    fn the_strongest_rule_wins() {
        assert_eq!(
            bump_after(|s| {
                s.regions[0].name.en = "Hangzhou".to_owned();
                s.errors.push(error("Throttled", 429));
                s.errors[0].http_status = 422;
                drop(s.regions.remove(1));
            }),
            Bump::Major
        );
    }

    #[test]
    fn patch_and_minor_together_are_minor() {
        assert_eq!(
            bump_after(|s| {
                s.service.documents.en.version = "20240101".to_owned();
                s.regions.push(region("cn-chengdu"));
            }),
            Bump::Minor
        );
    }

    #[test]
    fn bumps_are_ordered_from_none_to_major() {
        assert!(Bump::None < Bump::Patch && Bump::Patch < Bump::Minor && Bump::Minor < Bump::Major);
    }
}
