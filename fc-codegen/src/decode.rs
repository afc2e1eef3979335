//! Reads the [`spec`](crate::spec) model out of parsed YAML.
//!
//! Every mapping is checked against the fields it may hold, so each missing,
//! unknown or mistyped field is a problem with its path, and all of an
//! entry's problems are reported in one run, not just the first as a serde
//! derive would. Walking `serde_norway::Value` by hand also keeps the
//! generator small to compile: every user of `fc-generated` compiles it.

use serde_norway::{Mapping, Value};

use crate::schema::FieldType;

/// One shape problem, placed by a typed path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The index of the entry in the file's list; `None` in `service.yaml`
    /// and for the list file's own structure.
    pub entry: Option<usize>,
    /// The field it is about, from the entry (or the top of the file): the
    /// mapping that lacks or holds a field, or the mistyped value.
    pub field: Vec<&'static str>,
    /// The key under `field` whose line shows the problem: the unknown key.
    pub key: Option<String>,
    /// What is wrong, without the path.
    pub message: String,
}

/// A value the decoder could not read: the model holds a placeholder
/// (`Default`) there, which validation must not check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// As [`Problem::entry`].
    pub entry: Option<usize>,
    /// The unread value: a field, or a whole mapping or entry.
    pub field: Vec<&'static str>,
}

/// What decoding one file gives: the model (with placeholders where values
/// could not be read), every problem, and where the placeholders are.
#[derive(Debug)]
pub struct Decoded<T> {
    /// The model.
    pub value: T,
    /// Every problem, in the order found.
    pub problems: Vec<Problem>,
    /// The placeholders in `value`.
    pub gaps: Vec<Gap>,
}

/// A file holding one mapping, `T` (`service.yaml`).
pub fn file<T: FieldType>(value: &Value) -> Decoded<T> {
    let mut decoder = Decoder::default();
    let read = T::decode(&mut decoder, value, &[]);
    decoder.finish(read)
}

/// A file holding one top-level key, `key`, whose value is a list of `T`.
pub fn list<T: FieldType>(value: &Value, key: &'static str) -> Decoded<Vec<T>> {
    let mut decoder = Decoder::default();
    let entries = decoder.list(value, key);
    decoder.finish(entries)
}

/// Collects problems while reading; see the module docs.
#[derive(Debug, Default)]
pub struct Decoder {
    entry: Option<usize>,
    problems: Vec<Problem>,
    gaps: Vec<Gap>,
}

type Path = [&'static str];

impl Decoder {
    fn finish<T>(self, value: T) -> Decoded<T> {
        Decoded {
            value,
            problems: self.problems,
            gaps: self.gaps,
        }
    }

    fn report(&mut self, at: &Path, key: Option<String>, message: String) {
        self.problems.push(Problem {
            entry: self.entry,
            field: at.to_vec(),
            key,
            message,
        });
    }

    fn unread<T: Default>(&mut self, at: &Path) -> T {
        self.gaps.push(Gap {
            entry: self.entry,
            field: at.to_vec(),
        });
        T::default()
    }

    pub(crate) fn wrong_type<T: Default>(&mut self, value: &Value, at: &Path, expected: &str) -> T {
        let message = format!("invalid type: {}, expected {expected}", describe(value));
        self.report(at, None, message);
        self.unread(at)
    }

    /// `value` as a mapping whose keys are all among `fields`.
    pub(crate) fn mapping<'v>(
        &mut self,
        value: &'v Value,
        at: &Path,
        fields: &[&str],
    ) -> Option<&'v Mapping> {
        let Value::Mapping(mapping) = value else {
            return self.wrong_type(value, at, "a mapping");
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
            self.report(at, Some(name.to_owned()), message);
        }
        Some(mapping)
    }

    /// The value of `name` in `mapping`, with its path.
    pub(crate) fn field<'v>(
        &mut self,
        mapping: &'v Mapping,
        at: &Path,
        name: &'static str,
    ) -> Option<(&'v Value, Vec<&'static str>)> {
        let path = [at, &[name]].concat();
        match mapping.get(name) {
            Some(value) => Some((value, path)),
            None => {
                self.report(at, None, format!("missing field `{name}`"));
                self.unread(&path)
            }
        }
    }

    fn list<T: FieldType>(&mut self, value: &Value, key: &'static str) -> Vec<T> {
        let Some(file) = self.mapping(value, &[], &[key]) else {
            return Vec::new();
        };
        let Some((entries, path)) = self.field(file, &[], key) else {
            return Vec::new();
        };
        let Value::Sequence(entries) = entries else {
            return self.wrong_type(entries, &path, "a list");
        };
        let read = entries
            .iter()
            .enumerate()
            .map(|(index, value)| {
                self.entry = Some(index);
                T::decode(self, value, &[])
            })
            .collect();
        self.entry = None;
        read
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
    use crate::spec::{ErrorSpec, RegionSpec};

    /// Each problem as `entry/field: message`, and each gap as `entry/field`.
    fn decode<T: FieldType>(yaml: &str, key: &'static str) -> (Vec<String>, Vec<String>) {
        let value: Value = serde_norway::from_str(yaml).unwrap();
        let decoded = list::<T>(&value, key);
        let place = |entry: Option<usize>, field: &[&str]| format!("{entry:?}/{}", field.join("."));
        let problems = decoded
            .problems
            .iter()
            .map(|problem| {
                format!(
                    "{}: {}",
                    place(problem.entry, &problem.field),
                    problem.message
                )
            })
            .collect();
        let gaps = decoded
            .gaps
            .iter()
            .map(|gap| place(gap.entry, &gap.field))
            .collect();
        (problems, gaps)
    }

    #[test]
    fn every_problem_of_an_entry_is_reported_with_its_path() {
        let (problems, gaps) = decode::<RegionSpec>(
            "regions:\n  - id: 5\n    name: {en: \"A\", fr: \"B\"}\n    endpont: {}\n",
            "regions",
        );
        assert_eq!(
            problems,
            [
                "Some(0)/: unknown field `endpont`, expected `id`, `name`, `endpoint` (did you mean `endpoint`?)",
                "Some(0)/id: invalid type: number `5`, expected a string",
                "Some(0)/name: unknown field `fr`, expected `en`, `zh` (did you mean `zh`?)",
                "Some(0)/name: missing field `zh`",
                "Some(0)/: missing field `endpoint`",
            ]
        );
        assert_eq!(gaps, ["Some(0)/id", "Some(0)/name.zh", "Some(0)/endpoint"]);
    }

    #[test]
    fn a_status_must_be_an_integer_that_fits() {
        let (problems, gaps) = decode::<ErrorSpec>(
            "errors:\n  - {code: A, http_status: 70000, cause: {en: a, zh: b}, solution: {en: a, zh: b}, annotation: {retryable: yes, reason: r}}\n",
            "errors",
        );
        assert_eq!(
            problems,
            [
                "Some(0)/http_status: invalid type: number `70000`, expected an HTTP status code (an integer)",
                "Some(0)/annotation.retryable: invalid type: string \"yes\", expected `true` or `false`",
            ]
        );
        assert_eq!(
            gaps,
            ["Some(0)/http_status", "Some(0)/annotation.retryable"]
        );
    }

    #[test]
    fn what_decoded_beside_a_problem_is_kept() {
        let value: Value = serde_norway::from_str(
            "errors:\n  - {code: A, http_status: x, cause: {en: a, zh: b}, solution: {en: c, zh: d}, annotation: {reason: r}}\n",
        )
        .unwrap();
        let decoded = list::<ErrorSpec>(&value, "errors");
        assert_eq!(decoded.value[0].code, "A");
        assert_eq!(decoded.value[0].solution.zh, "d");
        assert_eq!(decoded.value[0].annotation.reason, "r");
    }

    #[test]
    fn a_list_file_that_holds_no_list_is_one_gap() {
        let (problems, gaps) = decode::<RegionSpec>("regions: 5\n", "regions");
        assert_eq!(
            problems,
            ["None/regions: invalid type: number `5`, expected a list"]
        );
        assert_eq!(gaps, ["None/regions"]);
    }
}
