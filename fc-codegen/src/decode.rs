//! Reads the [`spec`](crate::spec) model out of parsed YAML.
//!
//! Every mapping is checked against the fields it may hold, so each missing,
//! unknown or mistyped field is a problem with its path, and all of an
//! entry's problems are reported in one run, not just the first as a serde
//! derive would. Walking `serde_yaml::Value` by hand also keeps the
//! generator small to compile: every user of `fc-generated` compiles it.

use serde_yaml::{Mapping, Value};

use crate::spec::{
    DocumentSpec, Documents, DomainExample, DomainSpec, EndpointSpec, ErrorAnnotation,
    ErrorBodySpec, ErrorSpec, Localized, RegionSpec, ServiceSpec,
};

/// One shape problem: the path it is about, the path whose line shows it,
/// and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Keys and list indexes from the top of the file: `["regions", "3", "name"]`;
    /// for a missing or unknown field, the mapping that lacks or holds it.
    pub at: Vec<String>,
    /// The path whose line the report gives: the unknown key itself, the
    /// mistyped value, or the mapping that lacks a field.
    pub line_at: Vec<String>,
    /// What is wrong, without the path.
    pub message: String,
}

/// `service.yaml`.
pub fn service(value: &Value) -> Result<ServiceSpec, Vec<Problem>> {
    let mut decoder = Decoder::default();
    let service = decoder.service(value);
    decoder.finish(service)
}

/// A file holding one top-level key, `key`, whose value is a list of entries
/// that `entry` reads.
pub fn list<T>(
    value: &Value,
    key: &str,
    entry: fn(&mut Decoder, &Value, &[String]) -> Option<T>,
) -> Result<Vec<T>, Vec<Problem>> {
    let mut decoder = Decoder::default();
    let entries = decoder.list(value, key, entry);
    decoder.finish(entries)
}

/// Collects problems while reading; see the module docs.
#[derive(Debug, Default)]
pub struct Decoder {
    problems: Vec<Problem>,
}

impl Decoder {
    fn finish<T>(self, value: Option<T>) -> Result<T, Vec<Problem>> {
        match value {
            Some(value) if self.problems.is_empty() => Ok(value),
            _ => Err(self.problems),
        }
    }

    fn report(&mut self, at: &[String], message: String) {
        self.problems.push(Problem {
            at: at.to_vec(),
            line_at: at.to_vec(),
            message,
        });
    }

    fn wrong_type(&mut self, value: &Value, at: &[String], expected: &str) {
        self.report(
            at,
            format!("invalid type: {}, expected {expected}", describe(value)),
        );
    }

    /// `value` as a mapping whose keys are all among `fields`.
    fn mapping<'v>(
        &mut self,
        value: &'v Value,
        at: &[String],
        fields: &[&str],
    ) -> Option<&'v Mapping> {
        let Value::Mapping(mapping) = value else {
            self.wrong_type(value, at, "a mapping");
            return None;
        };
        for key in mapping.keys() {
            if key.as_str().is_some_and(|name| fields.contains(&name)) {
                continue;
            }
            let name = key.as_str().unwrap_or_default();
            let shown = key
                .as_str()
                .map_or_else(|| describe(key), |name| format!("`{name}`"));
            let expected: Vec<String> = fields.iter().map(|field| format!("`{field}`")).collect();
            let mut message = format!("unknown field {shown}, expected {}", expected.join(", "));
            if let Some(meant) = closest_missing_field(name, mapping, fields) {
                message.push_str(&format!(" (did you mean `{meant}`?)"));
            }
            self.problems.push(Problem {
                at: at.to_vec(),
                line_at: child(at, name),
                message,
            });
        }
        Some(mapping)
    }

    /// The value of `name` in `mapping`, with its path.
    fn field<'v>(
        &mut self,
        mapping: &'v Mapping,
        at: &[String],
        name: &str,
    ) -> Option<(&'v Value, Vec<String>)> {
        match mapping.get(name) {
            Some(value) => Some((value, child(at, name))),
            None => {
                self.report(at, format!("missing field `{name}`"));
                None
            }
        }
    }

    fn string(&mut self, mapping: &Mapping, at: &[String], name: &str) -> Option<String> {
        let (value, path) = self.field(mapping, at, name)?;
        match value {
            Value::String(text) => Some(text.clone()),
            other => {
                self.wrong_type(other, &path, "a string");
                None
            }
        }
    }

    fn boolean(&mut self, mapping: &Mapping, at: &[String], name: &str) -> Option<bool> {
        let (value, path) = self.field(mapping, at, name)?;
        match value {
            Value::Bool(flag) => Some(*flag),
            other => {
                self.wrong_type(other, &path, "`true` or `false`");
                None
            }
        }
    }

    fn http_status(&mut self, mapping: &Mapping, at: &[String], name: &str) -> Option<u16> {
        let (value, path) = self.field(mapping, at, name)?;
        match value.as_u64().and_then(|number| u16::try_from(number).ok()) {
            Some(status) => Some(status),
            None => {
                self.wrong_type(value, &path, "an HTTP status code (an integer)");
                None
            }
        }
    }

    /// A mapping `name` with exactly the fields `fields`, read by `read`.
    fn nested<T>(
        &mut self,
        mapping: &Mapping,
        at: &[String],
        name: &str,
        fields: &[&str],
        read: impl FnOnce(&mut Self, &Mapping, &[String]) -> Option<T>,
    ) -> Option<T> {
        let (value, path) = self.field(mapping, at, name)?;
        let inner = self.mapping(value, &path, fields)?;
        read(self, inner, &path)
    }

    fn localized(&mut self, mapping: &Mapping, at: &[String], name: &str) -> Option<Localized> {
        self.nested(mapping, at, name, &["en", "zh"], |decoder, text, at| {
            let en = decoder.string(text, at, "en");
            let zh = decoder.string(text, at, "zh");
            Some(Localized { en: en?, zh: zh? })
        })
    }

    fn list<T>(
        &mut self,
        value: &Value,
        key: &str,
        entry: fn(&mut Decoder, &Value, &[String]) -> Option<T>,
    ) -> Option<Vec<T>> {
        let file = self.mapping(value, &[], &[key])?;
        let (entries, path) = self.field(file, &[], key)?;
        let Value::Sequence(entries) = entries else {
            self.wrong_type(entries, &path, "a list");
            return None;
        };
        let read: Vec<Option<T>> = entries
            .iter()
            .enumerate()
            .map(|(index, value)| entry(self, value, &child(&path, &index.to_string())))
            .collect();
        read.into_iter().collect()
    }

    fn service(&mut self, value: &Value) -> Option<ServiceSpec> {
        let service = self.mapping(value, &[], &["documents", "domain", "error_body"])?;
        let documents = self.nested(
            service,
            &[],
            "documents",
            &["en", "zh"],
            |decoder, documents, at| {
                let en = decoder.document(documents, at, "en");
                let zh = decoder.document(documents, at, "zh");
                Some(Documents { en: en?, zh: zh? })
            },
        );
        let domain = self.nested(
            service,
            &[],
            "domain",
            &["format", "example"],
            |decoder, domain, at| {
                let format = decoder.string(domain, at, "format");
                let example = decoder.nested(
                    domain,
                    at,
                    "example",
                    &["account_id", "region", "host"],
                    |decoder, example, at| {
                        let account_id = decoder.string(example, at, "account_id");
                        let region = decoder.string(example, at, "region");
                        let host = decoder.string(example, at, "host");
                        Some(DomainExample {
                            account_id: account_id?,
                            region: region?,
                            host: host?,
                        })
                    },
                );
                Some(DomainSpec {
                    format: format?,
                    example: example?,
                })
            },
        );
        let error_body = self.nested(
            service,
            &[],
            "error_body",
            &["code_field", "message_field"],
            |decoder, body, at| {
                let code_field = decoder.string(body, at, "code_field");
                let message_field = decoder.string(body, at, "message_field");
                Some(ErrorBodySpec {
                    code_field: code_field?,
                    message_field: message_field?,
                })
            },
        );
        Some(ServiceSpec {
            documents: documents?,
            domain: domain?,
            error_body: error_body?,
        })
    }

    fn document(&mut self, mapping: &Mapping, at: &[String], name: &str) -> Option<DocumentSpec> {
        self.nested(
            mapping,
            at,
            name,
            &["title", "version"],
            |decoder, document, at| {
                let title = decoder.string(document, at, "title");
                let version = decoder.string(document, at, "version");
                Some(DocumentSpec {
                    title: title?,
                    version: version?,
                })
            },
        )
    }

    /// One entry of `regions.yaml`.
    pub fn region(&mut self, value: &Value, at: &[String]) -> Option<RegionSpec> {
        let region = self.mapping(value, at, &["id", "name", "endpoint"])?;
        let id = self.string(region, at, "id");
        let name = self.localized(region, at, "name");
        let endpoint = self.nested(
            region,
            at,
            "endpoint",
            &["public", "internal"],
            |decoder, endpoint, at| {
                let public = decoder.string(endpoint, at, "public");
                let internal = decoder.string(endpoint, at, "internal");
                Some(EndpointSpec {
                    public: public?,
                    internal: internal?,
                })
            },
        );
        Some(RegionSpec {
            id: id?,
            name: name?,
            endpoint: endpoint?,
        })
    }

    /// One entry of `errors.yaml`.
    pub fn error(&mut self, value: &Value, at: &[String]) -> Option<ErrorSpec> {
        let error = self.mapping(
            value,
            at,
            &["code", "http_status", "cause", "solution", "annotation"],
        )?;
        let code = self.string(error, at, "code");
        let http_status = self.http_status(error, at, "http_status");
        let cause = self.localized(error, at, "cause");
        let solution = self.localized(error, at, "solution");
        let annotation = self.nested(
            error,
            at,
            "annotation",
            &["retryable", "reason"],
            |decoder, annotation, at| {
                let retryable = decoder.boolean(annotation, at, "retryable");
                let reason = decoder.string(annotation, at, "reason");
                Some(ErrorAnnotation {
                    retryable: retryable?,
                    reason: reason?,
                })
            },
        );
        Some(ErrorSpec {
            code: code?,
            http_status: http_status?,
            cause: cause?,
            solution: solution?,
            annotation: annotation?,
        })
    }
}

/// The expected field, absent from `mapping`, that `name` is a typo of:
/// at most two edits away.
fn closest_missing_field<'f>(name: &str, mapping: &Mapping, fields: &[&'f str]) -> Option<&'f str> {
    fields
        .iter()
        .filter(|field| !mapping.contains_key(**field))
        .map(|field| (edit_distance(name, field), *field))
        .filter(|&(distance, _)| distance <= 2)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, field)| field)
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
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

fn child(at: &[String], name: &str) -> Vec<String> {
    let mut path = at.to_vec();
    path.push(name.to_owned());
    path
}

/// How a value reads in a message: `string "abc"`, `integer 5`, `a list`.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => format!("boolean `{flag}`"),
        Value::Number(number) => format!("number `{number}`"),
        Value::String(text) => format!("string {text:?}"),
        Value::Sequence(_) => "a list".to_owned(),
        Value::Mapping(_) => "a mapping".to_owned(),
        Value::Tagged(tagged) => format!("a value tagged `{}`", tagged.tag),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(yaml: &str) -> Vec<(String, String)> {
        let value: Value = serde_yaml::from_str(yaml).unwrap();
        list(&value, "regions", Decoder::region)
            .unwrap_err()
            .into_iter()
            .map(|problem| (problem.at.join("."), problem.message))
            .collect()
    }

    #[test]
    fn every_problem_of_an_entry_is_reported_with_its_path() {
        let found =
            problems("regions:\n  - id: 5\n    name: {en: \"A\", fr: \"B\"}\n    endpont: {}\n");
        assert_eq!(
            found,
            [
                (
                    "regions.0".to_owned(),
                    "unknown field `endpont`, expected `id`, `name`, `endpoint` (did you mean `endpoint`?)"
                        .to_owned()
                ),
                (
                    "regions.0.id".to_owned(),
                    "invalid type: number `5`, expected a string".to_owned()
                ),
                (
                    "regions.0.name".to_owned(),
                    "unknown field `fr`, expected `en`, `zh` (did you mean `zh`?)".to_owned()
                ),
                ("regions.0.name".to_owned(), "missing field `zh`".to_owned()),
                (
                    "regions.0".to_owned(),
                    "missing field `endpoint`".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_status_must_be_an_integer_that_fits() {
        let value: Value = serde_yaml::from_str(
            "errors:\n  - {code: A, http_status: 70000, cause: {en: a, zh: b}, solution: {en: a, zh: b}, annotation: {retryable: yes, reason: r}}\n",
        )
        .unwrap();
        let found: Vec<String> = list(&value, "errors", Decoder::error)
            .unwrap_err()
            .into_iter()
            .map(|problem| format!("{}: {}", problem.at.join("."), problem.message))
            .collect();
        assert_eq!(
            found,
            [
                "errors.0.http_status: invalid type: number `70000`, expected an HTTP status code (an integer)",
                "errors.0.annotation.retryable: invalid type: string \"yes\", expected `true` or `false`",
            ]
        );
    }
}
