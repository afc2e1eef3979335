//! [`MessageTemplate`]: reading the values out of a message the service
//! built from one of the documents' templates (`service '%s' does not
//! exist`), without allocating and in time linear in the message. The
//! rules are on [`MessageTemplate`], where users read them.

use core::fmt;
use core::iter::FusedIterator;

/// The placeholder for one value in a template.
const PLACEHOLDER: &str = "%s";

/// A message template from the documents' "Error message" column: literal
/// text with `%s` for each value the service takes from the request
/// (`service '%s' does not exist`).
///
/// [`ErrorCode::message_template`](crate::ErrorCode::message_template)
/// gives a code's template as text, and
/// [`ApiError::template_values`](crate::ApiError::template_values) reads an
/// error's message against it; this type does the reading, for any
/// template.
///
/// ```
/// use fc_generated::MessageTemplate;
///
/// const SERVICE_NOT_FOUND: MessageTemplate = MessageTemplate::new("service '%s' does not exist");
///
/// let values: Vec<&str> = SERVICE_NOT_FOUND.values("service 'demo' does not exist").unwrap().collect();
/// assert_eq!(values, ["demo"]);
/// assert!(SERVICE_NOT_FOUND.values("function 'demo' does not exist").is_none());
///
/// let alias = MessageTemplate::new("alias '%s' of service '%s' does not exist");
/// let mut values = alias.values("alias 'prod' of service 'demo' does not exist").unwrap();
/// assert_eq!((values.next(), values.next(), values.next()), (Some("prod"), Some("demo"), None));
/// ```
///
/// # How a message is read
///
/// A template is literal text with `%s` where the service put a value from
/// the request. `%s` is the only placeholder: the documents use no other,
/// so any other `%` (`100%`, `%d`, `%%`) is literal text, and `%%s` is a `%`
/// followed by a placeholder.
///
/// A message *fits* a template when some choice of non-empty values in
/// place of the placeholders gives the message exactly. Values are
/// non-empty because what the service puts there (a service, function or
/// alias name, a header, a size, an access key id) never is: an empty
/// message does not fit `%s`, since it means the service sent no message,
/// not an empty one.
///
/// When several choices give the message (a value may itself contain the
/// text that follows it), the values are chosen **leftmost**: each value but
/// the last is the shortest non-empty text followed by the next literal
/// piece, and the last runs to the template's literal end. So
/// `alias 'a' of service 'b' of service 'c' does not exist` against
/// `alias '%s' of service '%s' does not exist` gives `a` and
/// `b' of service 'c`, even if the alias was really `a' of service 'b`; a
/// message cannot say which was meant. Whether a message fits does not
/// depend on this rule: with only literal pieces between the placeholders,
/// if any choice fits, the leftmost one does.
///
/// Leftmost matching never backtracks: with `k` placeholders a read is at
/// most `k` substring searches, each starting where the last one's match
/// ended, and one suffix comparison, so its time is linear in the
/// message's length whatever the message. [`values`](Self::values) reads
/// the message once to check that it fits, and the values it returns read
/// it again as they go, in the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MessageTemplate {
    text: &'static str,
}

impl MessageTemplate {
    /// The template `text`, `%s` standing for each value. Any text is a
    /// template: one without `%s` fits only itself.
    ///
    /// ```
    /// use fc_generated::MessageTemplate;
    ///
    /// const TOO_LARGE: MessageTemplate = MessageTemplate::new("payload size exceeds maximum allowed size (%s bytes)");
    /// assert_eq!(TOO_LARGE.placeholders(), 1);
    /// ```
    #[inline]
    pub const fn new(text: &'static str) -> MessageTemplate {
        MessageTemplate { text }
    }

    /// The template as given, `%s` and all.
    ///
    /// ```
    /// use fc_generated::MessageTemplate;
    ///
    /// assert_eq!(MessageTemplate::new("invalid access key ID '%s'").as_str(), "invalid access key ID '%s'");
    /// ```
    #[inline]
    pub const fn as_str(self) -> &'static str {
        self.text
    }

    /// How many values a message that fits gives: the number of `%s`,
    /// counted from the left without overlap.
    ///
    /// ```
    /// use fc_generated::MessageTemplate;
    ///
    /// assert_eq!(MessageTemplate::new("alias '%s' of service '%s' does not exist").placeholders(), 2);
    /// assert_eq!(MessageTemplate::new("%s").placeholders(), 1);
    /// assert_eq!(MessageTemplate::new("100% done").placeholders(), 0);
    /// ```
    pub fn placeholders(self) -> usize {
        self.text.matches(PLACEHOLDER).count()
    }

    /// The values in `message`, in the template's order, when `message`
    /// fits the template; `None` when it does not.
    ///
    /// Values are never empty, and each value but the last ends where the
    /// text after it in the template first appears ([how a message is
    /// read](MessageTemplate#how-a-message-is-read) says why and what that
    /// means). Never panics, never
    /// allocates, and takes time linear in `message`'s length.
    ///
    /// ```
    /// use fc_generated::MessageTemplate;
    ///
    /// let header = MessageTemplate::new("required HTTP header %s was not specified");
    /// let value = header.values("required HTTP header Date was not specified").and_then(|mut values| values.next());
    /// assert_eq!(value, Some("Date"));
    ///
    /// // The placeholder alone fits any message but the empty one.
    /// let anything = MessageTemplate::new("%s");
    /// assert_eq!(anything.values("rate exceeded").map(|values| values.collect::<Vec<_>>()), Some(vec!["rate exceeded"]));
    /// assert!(anything.values("").is_none());
    ///
    /// // A value is never empty, and the literal text must all be there.
    /// assert!(header.values("required HTTP header  was not specified").is_none());
    /// assert!(header.values("required HTTP header Date was not").is_none());
    /// ```
    pub fn values<'m>(self, message: &'m str) -> Option<TemplateValues<'m>> {
        let Some((prefix, pieces)) = self.text.split_once(PLACEHOLDER) else {
            return (message == self.text).then_some(TemplateValues::EMPTY);
        };
        let values = TemplateValues {
            pieces,
            rest: message.strip_prefix(prefix)?,
            remaining: self.placeholders(),
        };
        // Read the message once to check that it fits; the iterator then
        // reads it again, the same way, one value at a time.
        let mut check = values.clone();
        for _ in 0..values.remaining {
            next_value(&mut check.pieces, &mut check.rest)?;
        }
        Some(values)
    }
}

/// Writes the template as given, `%s` and all.
impl fmt::Display for MessageTemplate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.text)
    }
}

/// The values of a message that fits a [`MessageTemplate`], in the
/// template's order, from [`MessageTemplate::values`] or
/// [`ApiError::template_values`](crate::ApiError::template_values). Each is
/// a non-empty slice of the message; there are exactly
/// [`placeholders`](MessageTemplate::placeholders) of them.
///
/// ```
/// use fc_generated::MessageTemplate;
///
/// let template = MessageTemplate::new("alias '%s' of service '%s' does not exist");
/// let values = template.values("alias 'prod' of service 'demo' does not exist").unwrap();
/// assert_eq!(values.len(), 2);
/// assert_eq!(format!("{values:?}"), r#"["prod", "demo"]"#);
/// assert_eq!(values.collect::<Vec<_>>(), ["prod", "demo"]);
/// ```
#[derive(Clone)]
pub struct TemplateValues<'m> {
    /// The template after the placeholder whose value comes next.
    pieces: &'static str,
    /// The message after what has been read.
    rest: &'m str,
    /// How many values are still to come.
    remaining: usize,
}

impl TemplateValues<'_> {
    /// The values of a template without placeholders.
    const EMPTY: TemplateValues<'static> = TemplateValues {
        pieces: "",
        rest: "",
        remaining: 0,
    };
}

impl<'m> Iterator for TemplateValues<'m> {
    type Item = &'m str;

    fn next(&mut self) -> Option<&'m str> {
        if self.remaining == 0 {
            return None;
        }
        // `values` checked that every value is there; should this ever not
        // find one, it ends rather than panics.
        match next_value(&mut self.pieces, &mut self.rest) {
            Some(value) => {
                self.remaining -= 1;
                Some(value)
            }
            None => {
                self.remaining = 0;
                None
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for TemplateValues<'_> {}

impl FusedIterator for TemplateValues<'_> {}

/// Lists the values still to come.
impl fmt::Debug for TemplateValues<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// The value for the placeholder just before `pieces` (the template after
/// it) at the start of `rest` (the message after the text before it), and
/// both moved past the value and the literal text after it; `None` when
/// the message does not go on as the template does.
fn next_value<'m>(pieces: &mut &'static str, rest: &mut &'m str) -> Option<&'m str> {
    // A value has at least one character; the literal after it is looked
    // for after that.
    let first_len = rest.chars().next()?.len_utf8();
    let (value, after) = match pieces.split_once(PLACEHOLDER) {
        Some((literal, next_pieces)) => {
            let end = first_len + rest[first_len..].find(literal)?;
            *pieces = next_pieces;
            (&rest[..end], &rest[end + literal.len()..])
        }
        // The last placeholder: its value runs to the literal end.
        None => {
            let value = rest.strip_suffix(*pieces)?;
            if value.is_empty() {
                return None;
            }
            *pieces = "";
            (value, "")
        }
    };
    *rest = after;
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::{next_value, MessageTemplate};

    fn values(template: &'static str, message: &str) -> Option<Vec<String>> {
        let values = MessageTemplate::new(template).values(message)?;
        Some(values.map(str::to_owned).collect())
    }

    #[test]
    fn a_template_without_placeholders_fits_only_itself() {
        assert_eq!(values("no such thing", "no such thing"), Some(vec![]));
        assert_eq!(values("no such thing", "no such thing!"), None);
        assert_eq!(values("", ""), Some(vec![]));
        assert_eq!(values("", "x"), None);
    }

    #[test]
    fn next_value_looks_for_the_literal_after_the_first_character() {
        // The literal at offset 0 would leave an empty value.
        let mut pieces = "' x%s";
        let mut rest = "' xa' xb";
        assert_eq!(next_value(&mut pieces, &mut rest), Some("' xa"));
        assert_eq!((pieces, rest), ("", "b"));
        let mut pieces = "' x%s";
        let mut rest = "' x";
        assert_eq!(next_value(&mut pieces, &mut rest), None);
        let mut pieces = "'%s";
        let mut rest = "a'b";
        assert_eq!(next_value(&mut pieces, &mut rest), Some("a"));
        assert_eq!((pieces, rest), ("", "b"));
    }
}
