//! The top-level string fields of a JSON object body, read without building
//! the whole document.
//!
//! An error body is whatever a server, gateway or proxy sent, so the reader
//! must not fail on what it does not need: a value nested a thousand levels
//! deep beside `ErrorCode` is skipped with a loop, not recursion (a tree
//! parser either overflows the stack or, like `serde_json`, gives up at 128
//! levels and loses the code with it). The whole body must still be one valid
//! JSON object (RFC 8259), else it has no fields: a truncated or mangled
//! body is not read half-way. (The caller strips a byte order mark.)
//!
//! A key may repeat (RFC 8259 leaves the meaning open). The official SDKs
//! parse into maps or structs where the last occurrence wins, and so does
//! this reader, with one difference: an occurrence that is not a non-empty
//! string counts as absent and does not override an earlier string, so
//! `{"ErrorCode":"AccessDenied","ErrorCode":""}` keeps `AccessDenied`.

/// The value of each of `names` in the top-level object of `body`, in the
/// order of `names`: the last occurrence that is a non-empty string, else
/// `None`. `None` for the whole when the body is not one JSON object.
pub(crate) fn top_level_strings(body: &[u8], names: &[&str]) -> Option<Vec<Option<String>>> {
    let mut found: Vec<Option<String>> = vec![None; names.len()];
    let mut reader = Reader { text: body, at: 0 };
    reader.object(|key, value| {
        if let Some(slot) = names.iter().position(|&name| name == key) {
            found[slot] = Some(value);
        }
    })?;
    Some(found)
}

/// A cursor over the body; every method returns `None` on invalid JSON.
struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn eat(&mut self, byte: u8) -> bool {
        let matched = self.peek() == Some(byte);
        if matched {
            self.at += 1;
        }
        matched
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// The whole text as one object; `field` gets each member whose value
    /// is a non-empty string, in order.
    fn object(&mut self, mut field: impl FnMut(&str, String)) -> Option<()> {
        self.whitespace();
        self.expect(b'{')?;
        self.whitespace();
        if !self.eat(b'}') {
            loop {
                self.whitespace();
                let key = self.string()?;
                self.whitespace();
                self.expect(b':')?;
                self.whitespace();
                if self.peek() == Some(b'"') {
                    let value = self.string()?;
                    if !value.is_empty() {
                        field(&key, value);
                    }
                } else {
                    self.skip_value()?;
                }
                self.whitespace();
                if self.eat(b'}') {
                    break;
                }
                self.expect(b',')?;
            }
        }
        self.whitespace();
        (self.at == self.text.len()).then_some(())
    }

    /// Skips one value of any depth, keeping the open brackets in a `Vec`
    /// rather than on the call stack.
    fn skip_value(&mut self) -> Option<()> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            self.whitespace();
            match self.peek()? {
                b'{' => {
                    self.at += 1;
                    self.whitespace();
                    if !self.eat(b'}') {
                        self.member_key()?;
                        open.push(b'}');
                        continue;
                    }
                }
                b'[' => {
                    self.at += 1;
                    self.whitespace();
                    if !self.eat(b']') {
                        open.push(b']');
                        continue;
                    }
                }
                b'"' => self.skip_string()?,
                b't' => self.literal(b"true")?,
                b'f' => self.literal(b"false")?,
                b'n' => self.literal(b"null")?,
                _ => self.number()?,
            }
            // A value is complete: close what it completes, or go on to the
            // next element or member.
            loop {
                let Some(&close) = open.last() else {
                    return Some(());
                };
                self.whitespace();
                if self.eat(b',') {
                    if close == b'}' {
                        self.whitespace();
                        self.member_key()?;
                    }
                    break;
                }
                self.expect(close)?;
                open.pop();
            }
        }
    }

    /// A member's key and its `:`, skipped.
    fn member_key(&mut self) -> Option<()> {
        self.skip_string()?;
        self.whitespace();
        self.expect(b':')
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at.checked_add(word.len())?;
        if self.text.get(self.at..end)? != word {
            return None;
        }
        self.at = end;
        Some(())
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Option<()> {
        self.eat(b'-');
        match self.next()? {
            b'0' => {}
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.eat(b'.') {
            self.some_digits()?;
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            self.some_digits()?;
        }
        Some(())
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn some_digits(&mut self) -> Option<()> {
        let start = self.at;
        self.digits();
        (self.at > start).then_some(())
    }

    fn skip_string(&mut self) -> Option<()> {
        self.string_into(None)
    }

    fn string(&mut self) -> Option<String> {
        let mut text = String::new();
        self.string_into(Some(&mut text))?;
        Some(text)
    }

    /// A string, decoded into `out` when given; both ways check it the same.
    fn string_into(&mut self, mut out: Option<&mut String>) -> Option<()> {
        self.expect(b'"')?;
        loop {
            let run_start = self.at;
            while matches!(self.peek(), Some(byte) if byte != b'"' && byte != b'\\' && byte >= 0x20)
            {
                self.at += 1;
            }
            let run = core::str::from_utf8(&self.text[run_start..self.at]).ok()?;
            if let Some(out) = out.as_deref_mut() {
                out.push_str(run);
            }
            match self.next()? {
                b'"' => return Some(()),
                b'\\' => {
                    let c = self.escape()?;
                    if let Some(out) = out.as_deref_mut() {
                        out.push(c);
                    }
                }
                _ => return None, // a control character
            }
        }
    }

    /// The character of an escape after its `\`.
    fn escape(&mut self) -> Option<char> {
        Some(match self.next()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                match unit {
                    0xD800..=0xDBFF => {
                        self.expect(b'\\')?;
                        self.expect(b'u')?;
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        let scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        char::from_u32(scalar)?
                    }
                    _ => char::from_u32(unit)?, // a lone low surrogate is None
                }
            }
            _ => return None,
        })
    }

    fn hex4(&mut self) -> Option<u32> {
        let end = self.at.checked_add(4)?;
        let digits = core::str::from_utf8(self.text.get(self.at..end)?).ok()?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at = end;
        u32::from_str_radix(digits, 16).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::top_level_strings;

    fn code(body: &str) -> Option<String> {
        top_level_strings(body.as_bytes(), &["ErrorCode"])?.pop()?
    }

    #[test]
    fn values_of_every_json_type_are_skipped() {
        let body = r#"{"a":1,"b":-0.5e+3,"c":true,"d":false,"e":null,"f":[1,[2,{}],[]],
            "g":{"x":{"y":"z"}},"h":"\u00e9\"\\","ErrorCode":"AccessDenied","i":{}}"#;
        assert_eq!(code(body).as_deref(), Some("AccessDenied"));
    }

    #[test]
    fn escapes_are_decoded_and_surrogate_pairs_joined() {
        assert_eq!(
            code(r#"{"ErrorCode":"a\n\u00e9\ud83d\ude00\/"}"#).as_deref(),
            Some("a\né😀/")
        );
        assert_eq!(code(r#"{"Error\u0043ode":"x"}"#).as_deref(), Some("x"));
    }

    #[test]
    fn invalid_json_has_no_fields() {
        for body in [
            "",
            "{",
            r#"{"ErrorCode":"x""#,
            r#"{"ErrorCode":"x",}"#,
            r#"{"ErrorCode":"x"} trailing"#,
            r#"{"ErrorCode":"x","y":[1,]}"#,
            r#"{"ErrorCode":"x","y":01}"#,
            r#"{"ErrorCode":"x","y":1.}"#,
            r#"{"ErrorCode":"x","y":"\ud800"}"#,
            r#"{"ErrorCode":"\udc00"}"#,
            r#"{"ErrorCode":"x","y":"\q"}"#,
            "{\"ErrorCode\":\"a\tb\"}",
            r#"{"ErrorCode":"x","y":tru}"#,
            r#"{"ErrorCode":"x","y":{"z"}}"#,
            r#"["ErrorCode","x"]"#,
        ] {
            assert_eq!(code(body), None, "{body}");
        }
        assert_eq!(
            top_level_strings(b"{\"ErrorCode\":\"\xFF\"}", &["ErrorCode"]),
            None
        );
    }
}
