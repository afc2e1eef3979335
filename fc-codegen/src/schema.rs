//! How a spec field is declared once and everything that only moves it is
//! derived: the model struct, its YAML reading and writing, the text rules,
//! spec-diff's field table with each field's SemVer rule, the fields the
//! importer carries over, and the generated row.
//!
//! [`crate::spec`] declares every struct of the model with `spec_struct!`,
//! one line a field:
//!
//! ```text
//! /// Why the error happens.
//! cause: Localized = "cause", documents, text, row, rule(Patch, "text only");
//! ```
//!
//! in a `pub struct ErrorSpec (ErrorKeys) { .. }`, whose second name is
//! the struct of its YAML keys (`ErrorSpec::KEY.cause`), for the reports of
//! checks that name a field. A field line gives, in this order:
//! - the Rust field and its type (`Option<T>` makes it optional);
//! - its YAML key;
//! - where its value comes from: `documents`, or `project` for what the
//!   importer keeps from the current spec;
//! - which checks apply: `text` (the text rules of [`crate::validate`]),
//!   `plain` (none but its own), or `nested` (its struct's fields');
//! - whether the generated row carries it: `row` (a nested struct's row
//!   fields, flattened) or `no_row`;
//! - what spec-diff does with it: `rule(BUMP, "reason")`, `nested` for a
//!   struct's own fields, `key` for the field a list is matched on, or
//!   `part` for a part of a value compared whole (a `Localized`'s
//!   languages).
//!
//! The field kinds ([`FieldType`]: text, localized text, status, flag, a
//! nested struct, an optional one of those) say how a value is read,
//! written, compared and emitted. A new kind is a new impl here.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use serde_norway::{Mapping, Value as Yaml};

use crate::decode::Decoder;

/// The version bump a change requires, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
#[cfg_attr(feature = "write", serde(rename_all = "lowercase"))]
pub enum Bump {
    /// Nothing users can see changed.
    None,
    /// Text people read changed; programs behave the same.
    Patch,
    /// Something was added, or a program may see a different value.
    Minor,
    /// Code may stop compiling, or requests go elsewhere or are sent a
    /// different number of times.
    Major,
}

impl Bump {
    /// The lowercase name used in reports (`major`).
    pub fn name(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

/// A SemVer rule: the bump a kind of change requires, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The bump the change requires.
    pub bump: Bump,
    /// Why, in a few words, for the report.
    pub reason: &'static str,
}

/// A compared field of an entry (or of `service.yaml`): its path, value and
/// the rule a change of it triggers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffField {
    /// The YAML keys from the entry down, joined by `.` (`endpoint.public`).
    pub path: String,
    /// Its value.
    pub value: FieldValue,
    /// The rule its declaration gives.
    pub rule: Rule,
}

/// A compared field's value: localized text keeps both languages, so a
/// reviewer sees the language that did not change beside the one that did.
/// The JSON is a string, a number, a boolean, `{"en": .., "zh": ..}`, or
/// `null` for an optional field that is absent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "write", derive(serde::Serialize))]
#[cfg_attr(feature = "write", serde(untagged))]
pub enum FieldValue {
    /// A plain string.
    Text(String),
    /// A text in English and Chinese.
    Localized(crate::spec::Localized),
    /// An HTTP status.
    Status(u16),
    /// A yes/no annotation.
    Flag(bool),
    /// An optional field the entry does not have.
    Absent,
}

/// A field of a generated row: its name (the Rust field's) and value tokens.
pub type RowValue = (&'static str, TokenStream);

/// What a struct declared with `spec_struct!` is.
pub trait Schema: Sized + Default {
    /// Its YAML keys, in declaration order, which is the writing order.
    const KEYS: &'static [&'static str];

    /// Reads each field from `mapping` (already checked against
    /// [`Schema::KEYS`]), reporting every problem.
    fn decode_fields(decoder: &mut Decoder, mapping: &Mapping, at: &[&'static str]) -> Self;

    /// Writes each field in the canonical layout, `indent` spaces in.
    #[cfg(feature = "write")]
    fn write_fields(&self, out: &mut String, indent: usize);

    /// Calls `visit` with the path and text of every field the text rules
    /// apply to (each language of a localized one).
    fn visit_texts(&self, at: &mut Vec<&'static str>, visit: &mut dyn FnMut(&[&'static str], &str));

    /// As [`Schema::visit_texts`], with each text to change: for tools and
    /// tests that fill every text field, whichever fields there are.
    #[cfg(feature = "write")]
    fn visit_texts_mut(
        &mut self,
        at: &mut Vec<&'static str>,
        visit: &mut dyn FnMut(&[&'static str], &mut String),
    );

    /// Every compared field, with its path and rule, in declaration order.
    #[cfg(feature = "write")]
    fn diff_fields(&self, at: &mut Vec<&'static str>, out: &mut Vec<DiffField>);

    /// Takes the fields the documents do not give (`project`) from
    /// `previous`: what the importer keeps from the current spec.
    #[cfg(feature = "write")]
    fn carry_over(&mut self, previous: &Self);

    /// The generated row's field values, in declaration order.
    fn row_values(&self, out: &mut Vec<RowValue>);
}

/// One kind of field value: how it is read, written and whether it is there.
pub trait FieldType: Sized + Default {
    /// Reads a present value at `at`.
    fn decode(decoder: &mut Decoder, value: &Yaml, at: &[&'static str]) -> Self;

    /// Reads the field `key` of `mapping`; a missing one is a problem,
    /// except for an optional field.
    fn decode_field(
        decoder: &mut Decoder,
        mapping: &Mapping,
        at: &[&'static str],
        key: &'static str,
    ) -> Self {
        match decoder.field(mapping, at, key) {
            Some((value, path)) => Self::decode(decoder, value, &path),
            None => Self::default(),
        }
    }

    /// Writes `key: value` lines, `indent` spaces in.
    #[cfg(feature = "write")]
    fn write_field(&self, out: &mut String, indent: usize, key: &str);

    /// Whether an optional field is absent (so it is neither written nor
    /// serialized).
    fn is_absent(&self) -> bool {
        false
    }
}

/// A value that is compared and emitted as a whole.
pub trait Leaf {
    /// Its value for spec-diff.
    #[cfg(feature = "write")]
    fn diff_value(&self) -> FieldValue;

    /// Its value in a generated row, as a literal.
    fn row_value(&self) -> TokenStream;
}

/// A value the text rules apply to.
pub trait Text {
    /// Calls `visit` with each text (each language of a localized one).
    fn visit_text(&self, at: &mut Vec<&'static str>, visit: &mut dyn FnMut(&[&'static str], &str));

    /// The same, with each text to change.
    #[cfg(feature = "write")]
    fn visit_text_mut(
        &mut self,
        at: &mut Vec<&'static str>,
        visit: &mut dyn FnMut(&[&'static str], &mut String),
    );
}

impl FieldType for String {
    fn decode(decoder: &mut Decoder, value: &Yaml, at: &[&'static str]) -> Self {
        match value {
            Yaml::String(text) => text.clone(),
            other => decoder.wrong_type(other, at, "a string"),
        }
    }

    #[cfg(feature = "write")]
    fn write_field(&self, out: &mut String, indent: usize, key: &str) {
        crate::write::field(out, indent, key, self);
    }
}

impl Leaf for String {
    #[cfg(feature = "write")]
    fn diff_value(&self) -> FieldValue {
        FieldValue::Text(self.clone())
    }

    fn row_value(&self) -> TokenStream {
        quote! { #self }
    }
}

impl Text for String {
    fn visit_text(&self, at: &mut Vec<&'static str>, visit: &mut dyn FnMut(&[&'static str], &str)) {
        visit(at, self);
    }

    #[cfg(feature = "write")]
    fn visit_text_mut(
        &mut self,
        at: &mut Vec<&'static str>,
        visit: &mut dyn FnMut(&[&'static str], &mut String),
    ) {
        visit(at, self);
    }
}

/// An HTTP status: an integer that fits `u16`.
impl FieldType for u16 {
    fn decode(decoder: &mut Decoder, value: &Yaml, at: &[&'static str]) -> Self {
        match value.as_u64().and_then(|number| u16::try_from(number).ok()) {
            Some(status) => status,
            None => decoder.wrong_type(value, at, "an HTTP status code (an integer)"),
        }
    }

    #[cfg(feature = "write")]
    fn write_field(&self, out: &mut String, indent: usize, key: &str) {
        crate::write::raw_field(out, indent, key, &self.to_string());
    }
}

impl Leaf for u16 {
    #[cfg(feature = "write")]
    fn diff_value(&self) -> FieldValue {
        FieldValue::Status(*self)
    }

    fn row_value(&self) -> TokenStream {
        let status = Literal::u16_unsuffixed(*self);
        quote! { #status }
    }
}

impl FieldType for bool {
    fn decode(decoder: &mut Decoder, value: &Yaml, at: &[&'static str]) -> Self {
        match value {
            Yaml::Bool(flag) => *flag,
            other => decoder.wrong_type(other, at, "`true` or `false`"),
        }
    }

    #[cfg(feature = "write")]
    fn write_field(&self, out: &mut String, indent: usize, key: &str) {
        crate::write::raw_field(out, indent, key, &self.to_string());
    }
}

impl Leaf for bool {
    #[cfg(feature = "write")]
    fn diff_value(&self) -> FieldValue {
        FieldValue::Flag(*self)
    }

    fn row_value(&self) -> TokenStream {
        quote! { #self }
    }
}

/// An optional field: absent is no problem, and is neither written nor
/// serialized; in a row it is an `Option`.
impl<T: FieldType> FieldType for Option<T> {
    fn decode(decoder: &mut Decoder, value: &Yaml, at: &[&'static str]) -> Self {
        Some(T::decode(decoder, value, at))
    }

    fn decode_field(
        decoder: &mut Decoder,
        mapping: &Mapping,
        at: &[&'static str],
        key: &'static str,
    ) -> Self {
        let value = mapping.get(key)?;
        Some(T::decode(decoder, value, &[at, &[key]].concat()))
    }

    #[cfg(feature = "write")]
    fn write_field(&self, out: &mut String, indent: usize, key: &str) {
        if let Some(value) = self {
            value.write_field(out, indent, key);
        }
    }

    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T: Leaf> Leaf for Option<T> {
    #[cfg(feature = "write")]
    fn diff_value(&self) -> FieldValue {
        self.as_ref().map_or(FieldValue::Absent, Leaf::diff_value)
    }

    fn row_value(&self) -> TokenStream {
        match self {
            Some(value) => {
                let value = value.row_value();
                quote! { Some(#value) }
            }
            None => quote! { None },
        }
    }
}

impl<T: Text> Text for Option<T> {
    fn visit_text(&self, at: &mut Vec<&'static str>, visit: &mut dyn FnMut(&[&'static str], &str)) {
        if let Some(value) = self {
            value.visit_text(at, visit);
        }
    }

    #[cfg(feature = "write")]
    fn visit_text_mut(
        &mut self,
        at: &mut Vec<&'static str>,
        visit: &mut dyn FnMut(&[&'static str], &mut String),
    ) {
        if let Some(value) = self {
            value.visit_text_mut(at, visit);
        }
    }
}

/// Declares a struct of the spec model and derives what only moves its
/// fields; see the module docs for the field syntax.
macro_rules! spec_struct {
    (
        $(#[doc = $struct_doc:literal])*
        pub struct $name:ident ($keys:ident) {
            $(
                $(#[doc = $doc:literal])*
                $field:ident: $ty:ty = $key:literal, $source:ident, $check:ident, $row:ident,
                    $diff:ident $(($bump:ident, $reason:literal))?;
            )*
        }
    ) => {
        $(#[doc = $struct_doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        #[cfg_attr(feature = "write", derive(serde::Serialize))]
        pub struct $name {
            $(
                $(#[doc = $doc])*
                #[cfg_attr(
                    feature = "write",
                    serde(rename = $key, skip_serializing_if = "crate::schema::FieldType::is_absent")
                )]
                pub $field: $ty,
            )*
        }

        #[doc = concat!("The YAML key of each field of [`", stringify!($name), "`], for reports that name a field.")]
        #[derive(Clone, Copy)]
        pub struct $keys {
            $(
                #[doc = concat!("`", $key, "`")]
                pub $field: &'static str,
            )*
        }

        impl $name {
            /// The YAML key of each field, as declared.
            pub const KEY: $keys = $keys { $($field: $key,)* };
        }

        impl crate::schema::Schema for $name {
            const KEYS: &'static [&'static str] = &[$($key),*];

            fn decode_fields(
                decoder: &mut crate::decode::Decoder,
                mapping: &serde_norway::Mapping,
                at: &[&'static str],
            ) -> Self {
                $name {
                    $($field: crate::schema::FieldType::decode_field(decoder, mapping, at, $key),)*
                }
            }

            #[cfg(feature = "write")]
            fn write_fields(&self, out: &mut String, indent: usize) {
                $(crate::schema::FieldType::write_field(&self.$field, out, indent, $key);)*
            }

            fn visit_texts(
                &self,
                at: &mut Vec<&'static str>,
                visit: &mut dyn FnMut(&[&'static str], &str),
            ) {
                $(
                    at.push($key);
                    crate::schema::spec_field!(texts $check, &self.$field, at, visit);
                    at.pop();
                )*
            }

            #[cfg(feature = "write")]
            fn visit_texts_mut(
                &mut self,
                at: &mut Vec<&'static str>,
                visit: &mut dyn FnMut(&[&'static str], &mut String),
            ) {
                $(
                    at.push($key);
                    crate::schema::spec_field!(texts_mut $check, &mut self.$field, at, visit);
                    at.pop();
                )*
            }

            #[cfg(feature = "write")]
            fn diff_fields(
                &self,
                at: &mut Vec<&'static str>,
                out: &mut Vec<crate::schema::DiffField>,
            ) {
                $(
                    at.push($key);
                    crate::schema::spec_field!(diff $diff $(($bump, $reason))?, &self.$field, at, out);
                    at.pop();
                )*
            }

            #[cfg(feature = "write")]
            fn carry_over(&mut self, previous: &Self) {
                $(crate::schema::spec_field!(carry $source $check, self.$field, previous.$field);)*
            }

            fn row_values(&self, out: &mut Vec<crate::schema::RowValue>) {
                $(crate::schema::spec_field!(row $row $diff, $field, &self.$field, out);)*
            }
        }

        /// A nested mapping holding exactly the declared keys.
        impl crate::schema::FieldType for $name {
            fn decode(
                decoder: &mut crate::decode::Decoder,
                value: &serde_norway::Value,
                at: &[&'static str],
            ) -> Self {
                use crate::schema::Schema;
                match decoder.mapping(value, at, Self::KEYS) {
                    Some(mapping) => Self::decode_fields(decoder, mapping, at),
                    None => Self::default(),
                }
            }

            #[cfg(feature = "write")]
            fn write_field(&self, out: &mut String, indent: usize, key: &str) {
                crate::write::raw_field(out, indent, key, "");
                crate::schema::Schema::write_fields(self, out, indent + 2);
            }
        }
    };
}
pub(crate) use spec_struct;

/// One field's part of what `spec_struct!` derives, by its declaration's
/// words; a word that does not fit the field's type fails to compile.
macro_rules! spec_field {
    (texts text, $value:expr, $at:ident, $visit:ident) => {
        crate::schema::Text::visit_text($value, $at, $visit)
    };
    (texts nested, $value:expr, $at:ident, $visit:ident) => {
        crate::schema::Schema::visit_texts($value, $at, $visit)
    };
    (texts plain, $value:expr, $at:ident, $visit:ident) => {{
        let _ = ($value, &$at, &$visit);
    }};
    (texts_mut text, $value:expr, $at:ident, $visit:ident) => {
        crate::schema::Text::visit_text_mut($value, $at, $visit)
    };
    (texts_mut nested, $value:expr, $at:ident, $visit:ident) => {
        crate::schema::Schema::visit_texts_mut($value, $at, $visit)
    };
    (texts_mut plain, $value:expr, $at:ident, $visit:ident) => {{
        let _ = ($value, &$at, &$visit);
    }};
    (diff rule($bump:ident, $reason:literal), $value:expr, $at:ident, $out:ident) => {
        $out.push(crate::schema::DiffField {
            path: $at.join("."),
            value: crate::schema::Leaf::diff_value($value),
            rule: crate::schema::Rule {
                bump: crate::schema::Bump::$bump,
                reason: $reason,
            },
        })
    };
    (diff nested, $value:expr, $at:ident, $out:ident) => {
        crate::schema::Schema::diff_fields($value, $at, $out)
    };
    // The key a list is matched on, and the parts of a value compared whole
    // (a `Localized`'s languages), are not compared on their own.
    (diff key, $value:expr, $at:ident, $out:ident) => {{
        let _ = ($value, &$at, &$out);
    }};
    (diff part, $value:expr, $at:ident, $out:ident) => {{
        let _ = ($value, &$at, &$out);
    }};
    // A `project` field is taken whole; a nested struct from the documents
    // may hold `project` fields of its own.
    (carry project $check:ident, $field:expr, $previous:expr) => {
        $field = $previous.clone()
    };
    (carry documents nested, $field:expr, $previous:expr) => {
        crate::schema::Schema::carry_over(&mut $field, &$previous)
    };
    (carry documents $check:ident, $field:expr, $previous:expr) => {{
        let _ = (&$field, &$previous);
    }};
    (row row nested, $name:ident, $value:expr, $out:ident) => {
        crate::schema::Schema::row_values($value, $out)
    };
    (row row $diff:ident, $name:ident, $value:expr, $out:ident) => {
        $out.push((stringify!($name), crate::schema::Leaf::row_value($value)))
    };
    (row no_row $diff:ident, $name:ident, $value:expr, $out:ident) => {{
        let _ = (&$value, &$out);
    }};
}
pub(crate) use spec_field;

#[cfg(all(test, feature = "write"))]
// The test structs are read through the traits, not field by field.
#[allow(dead_code)]
mod tests {
    use super::Schema;

    spec_struct! {
        /// An entry with a nested struct from the documents.
        pub struct Outer (OuterKeys) {
            /// From the documents.
            name: String = "name", documents, text, row, key;
            /// A nested struct from the documents, holding a project field.
            inner: Inner = "inner", documents, nested, row, nested;
            /// The project's own.
            note: String = "note", project, text, no_row, rule(Patch, "text only");
        }
    }

    spec_struct! {
        /// Nested, with one field of each source.
        pub struct Inner (InnerKeys) {
            /// From the documents.
            host: String = "host", documents, plain, row, rule(Major, "a host");
            /// The project's own, inside a documents struct.
            flag: bool = "flag", project, plain, row, rule(Major, "a flag");
        }
    }

    fn outer(name: &str, host: &str, flag: bool, note: &str) -> Outer {
        Outer {
            name: name.to_owned(),
            inner: Inner {
                host: host.to_owned(),
                flag,
            },
            note: note.to_owned(),
        }
    }

    #[test]
    fn carry_over_takes_project_fields_at_any_depth_and_nothing_else() {
        let mut imported = outer("new", "new.example", false, "");
        imported.carry_over(&outer("old", "old.example", true, "reviewed"));
        assert_eq!(imported, outer("new", "new.example", true, "reviewed"));
    }

    #[test]
    fn every_declared_key_is_read_written_and_compared_in_declaration_order() {
        assert_eq!(Outer::KEYS, ["name", "inner", "note"]);
        assert_eq!(Outer::KEY.inner, "inner");
        let mut written = String::new();
        outer("a", "b", true, "c").write_fields(&mut written, 0);
        assert_eq!(
            written,
            "name: \"a\"\ninner:\n  host: \"b\"\n  flag: true\nnote: \"c\"\n"
        );
        let mut fields = Vec::new();
        outer("a", "b", true, "c").diff_fields(&mut Vec::new(), &mut fields);
        let paths: Vec<&str> = fields.iter().map(|field| field.path.as_str()).collect();
        assert_eq!(paths, ["inner.host", "inner.flag", "note"]);
        let mut row = Vec::new();
        outer("a", "b", true, "c").row_values(&mut row);
        let names: Vec<&str> = row.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["name", "host", "flag"]);
    }
}
