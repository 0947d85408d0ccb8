//! A small JSON reader (RFC 8259) into the engine's `Value`, the same on every platform: rulesets
//! and profiles are read by this one function natively and in the browser. In WebAssembly it
//! replaces JSON.parse plus thousands of calls across the JavaScript boundary, and it keeps numbers
//! exact: `1234.56` and `1.5e3` become decimals, never floats.

use super::messages;
use super::text::{Lang, Tpl, fill};
use super::value::Value;
use rust_decimal::Decimal;

use super::limits::JSON_DEPTH;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonProblem {
    End,
    Unexpected,
    Escape,
    ControlCharacter,
    Number,
    TooDeep,
    Trailing,
    /// Longer than the caller takes (in bytes): refused before it is read.
    TooLong(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub problem: JsonProblem,
    pub line: usize,
    pub column: usize,
}

impl JsonError {
    pub fn message(&self, lang: Lang) -> String {
        let what: &Tpl = match self.problem {
            JsonProblem::TooLong(limit) => {
                return fill(lang, &messages::JSON_TOO_LONG, &[&limit.to_string()]);
            }
            JsonProblem::End => &messages::JSON_END,
            JsonProblem::Unexpected => &messages::JSON_UNEXPECTED,
            JsonProblem::Escape => &messages::JSON_ESCAPE,
            JsonProblem::ControlCharacter => &messages::JSON_CONTROL_CHARACTER,
            JsonProblem::Number => &messages::JSON_NUMBER,
            JsonProblem::TooDeep => &messages::JSON_TOO_DEEP,
            JsonProblem::Trailing => &messages::JSON_TRAILING,
        };
        let (line, column) = (self.line.to_string(), self.column.to_string());
        fill(lang, &messages::JSON_AT, &[&line, &column, lang.say(what)])
    }
}

/// In English; `message` gives it in any language.
impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for JsonError {}

struct Reader<'t> {
    text: &'t [u8],
    at: usize,
}

/// Parses one JSON value of at most `max_bytes` (surrounded by optional whitespace).
pub fn parse_at_most(text: &str, max_bytes: usize) -> Result<Value, JsonError> {
    if text.len() > max_bytes {
        return Err(JsonError {
            problem: JsonProblem::TooLong(max_bytes),
            line: 1,
            column: 1,
        });
    }
    parse(text)
}

/// Parses one JSON value (surrounded by optional whitespace).
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut r = Reader {
        text: text.as_bytes(),
        at: 0,
    };
    let v = r.value(0)?;
    r.space();
    if r.at < r.text.len() {
        return Err(r.error(JsonProblem::Trailing));
    }
    Ok(v)
}

impl Reader<'_> {
    fn error(&self, problem: JsonProblem) -> JsonError {
        let before = &self.text[..self.at.min(self.text.len())];
        let line = 1 + before.iter().filter(|b| **b == b'\n').count();
        let start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        // Columns count characters, not bytes (a line of Chinese text).
        let column = 1 + before[start..]
            .iter()
            .filter(|b| (**b & 0xC0) != 0x80)
            .count();
        JsonError {
            problem,
            line,
            column,
        }
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.text.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn expect(&mut self, word: &[u8]) -> Result<(), JsonError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error(if self.at + word.len() > self.text.len() {
                JsonProblem::End
            } else {
                JsonProblem::Unexpected
            }))
        }
    }

    fn value(&mut self, depth: u32) -> Result<Value, JsonError> {
        if depth > JSON_DEPTH {
            return Err(self.error(JsonProblem::TooDeep));
        }
        self.space();
        match self.peek() {
            None => Err(self.error(JsonProblem::End)),
            Some(b'{') => {
                self.at += 1;
                let mut entries: Vec<(String, Value)> = Vec::new();
                self.space();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Ok(Value::Map(entries));
                }
                loop {
                    self.space();
                    if self.peek() != Some(b'"') {
                        return Err(self.error(if self.peek().is_none() {
                            JsonProblem::End
                        } else {
                            JsonProblem::Unexpected
                        }));
                    }
                    let key = self.string()?;
                    self.space();
                    self.expect(b":")?;
                    let value = self.value(depth + 1)?;
                    // A repeated key keeps its last value, as JSON.parse does.
                    match entries.iter_mut().find(|(k, _)| *k == key) {
                        Some(slot) => slot.1 = value,
                        None => entries.push((key, value)),
                    }
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Value::Map(entries));
                        }
                        None => return Err(self.error(JsonProblem::End)),
                        Some(_) => return Err(self.error(JsonProblem::Unexpected)),
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Ok(Value::List(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Value::List(items));
                        }
                        None => return Err(self.error(JsonProblem::End)),
                        Some(_) => return Err(self.error(JsonProblem::Unexpected)),
                    }
                }
            }
            Some(b'"') => self.string().map(Value::Str),
            Some(b't') => self.expect(b"true").map(|()| Value::Bool(true)),
            Some(b'f') => self.expect(b"false").map(|()| Value::Bool(false)),
            Some(b'n') => self.expect(b"null").map(|()| Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(JsonProblem::Unexpected)),
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.error(JsonProblem::End))?;
        let mut n = 0;
        for d in digits {
            let v = (*d as char)
                .to_digit(16)
                .ok_or_else(|| self.error(JsonProblem::Escape))?;
            n = n * 16 + v;
        }
        self.at += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1; // the opening quote
        let mut out: Vec<u8> = Vec::new();
        loop {
            // Copy the plain run up to the next quote, backslash or control character at once.
            let start = self.at;
            while let Some(&b) = self.text.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.extend_from_slice(&self.text[start..self.at]);
            match self.peek() {
                None => return Err(self.error(JsonProblem::End)),
                Some(b'"') => {
                    self.at += 1;
                    // The input was a &str and escapes add whole characters: valid UTF-8.
                    return String::from_utf8(out).map_err(|_| self.error(JsonProblem::Escape));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = match self.peek() {
                        None => return Err(self.error(JsonProblem::End)),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                // A surrogate pair: the low half must follow.
                                self.expect(b"\\u")
                                    .map_err(|_| self.error(JsonProblem::Escape))?;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error(JsonProblem::Escape));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            let c = char::from_u32(code)
                                .ok_or_else(|| self.error(JsonProblem::Escape))?;
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        Some(_) => return Err(self.error(JsonProblem::Escape)),
                    };
                    self.at += 1;
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                Some(_) => return Err(self.error(JsonProblem::ControlCharacter)),
            }
        }
    }

    /// An integer becomes `Int`; anything with a fraction or an exponent an exact decimal, or
    /// `BadNumber` when no decimal can hold it (as with a float that is not finite).
    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let digits = |r: &mut Self| {
            let s = r.at;
            while let Some(b'0'..=b'9') = r.peek() {
                r.at += 1;
            }
            r.at - s
        };
        let int_start = self.at;
        let int_len = digits(self);
        if int_len == 0 || (int_len > 1 && self.text[int_start] == b'0') {
            return Err(self.error(JsonProblem::Number));
        }
        let mut frac = (0, 0);
        if self.peek() == Some(b'.') {
            self.at += 1;
            let s = self.at;
            if digits(self) == 0 {
                return Err(self.error(JsonProblem::Number));
            }
            frac = (s, self.at);
        }
        let mut exp: i64 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            let sign = match self.peek() {
                Some(b'-') => {
                    self.at += 1;
                    -1
                }
                Some(b'+') => {
                    self.at += 1;
                    1
                }
                _ => 1,
            };
            let s = self.at;
            if digits(self) == 0 {
                return Err(self.error(JsonProblem::Number));
            }
            // A longer exponent cannot give a decimal anyway.
            let e = std::str::from_utf8(&self.text[s..self.at])
                .ok()
                .and_then(|t| t.parse::<i64>().ok())
                .unwrap_or(i64::MAX / 2);
            exp = sign * e.min(1_000_000);
        }
        let int_digits = &self.text[int_start..int_start + int_len];
        let frac_digits = &self.text[frac.0..frac.1];
        if frac_digits.is_empty() && exp == 0 {
            let text = std::str::from_utf8(&self.text[start..self.at]).unwrap_or("");
            return Ok(text.parse::<i64>().map_or(Value::BadNumber, Value::Int));
        }
        // digits × 10^(exp − fraction length), exactly.
        let mut mantissa: i128 = 0;
        for d in int_digits.iter().chain(frac_digits) {
            mantissa = match mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(d - b'0')))
            {
                Some(m) => m,
                None => return Ok(Value::BadNumber),
            };
        }
        if negative {
            mantissa = -mantissa;
        }
        let mut scale = frac_digits.len() as i64 - exp;
        while scale < 0 {
            mantissa = match mantissa.checked_mul(10) {
                Some(m) => m,
                None => return Ok(Value::BadNumber),
            };
            scale += 1;
        }
        let Ok(scale) = u32::try_from(scale) else {
            return Ok(Value::BadNumber);
        };
        let Ok(d) = Decimal::try_from_i128_with_scale(mantissa, scale) else {
            return Ok(Value::BadNumber);
        };
        let d = d.normalize();
        if d.scale() == 0
            && let Ok(i) = i64::try_from(d.mantissa())
        {
            return Ok(Value::Int(i));
        }
        Ok(Value::Number(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(t: &str) -> Value {
        parse(t).unwrap_or_else(|e| panic!("{t}: {}", e.message(Lang::En)))
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v = ok(
            r#" { "a": [1, -2, 0.5, 1.5e3, 2E-2, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\udcbc"], "b": {} , "c": [] } "#,
        );
        let Value::Map(m) = v else { panic!() };
        let Value::List(a) = &m[0].1 else { panic!() };
        assert_eq!(a[0], Value::Int(1));
        assert_eq!(a[1], Value::Int(-2));
        assert_eq!(a[2], Value::Number(Decimal::new(5, 1)));
        assert_eq!(a[3], Value::Int(1500));
        assert_eq!(a[4], Value::Number(Decimal::new(2, 2)));
        assert_eq!(a[5], Value::Bool(true));
        assert_eq!(a[7], Value::Null);
        assert_eq!(a[8], Value::Str("x\"\\/\u{8}\u{c}\n\r\té💼".into()));
        assert_eq!(ok("\"上海\""), Value::Str("上海".into()));
        assert_eq!(
            ok(r#"{"k": 1, "k": 2}"#),
            Value::Map(vec![("k".into(), Value::Int(2))])
        );
        assert_eq!(
            ok("0.30000000000000004"),
            Value::Number("0.30000000000000004".parse().unwrap())
        );
        assert_eq!(ok("1e400"), Value::BadNumber);
        assert_eq!(ok("123456789012345678901234567890"), Value::BadNumber);
    }

    #[test]
    fn refuses_what_is_not_json_and_says_where() {
        for (t, problem) in [
            ("", JsonProblem::End),
            ("{", JsonProblem::End),
            ("[1,]", JsonProblem::Unexpected),
            ("{'a': 1}", JsonProblem::Unexpected),
            ("{\"a\" 1}", JsonProblem::Unexpected),
            ("01", JsonProblem::Number),
            ("1.", JsonProblem::Number),
            ("-", JsonProblem::Number),
            ("1e", JsonProblem::Number),
            ("\"\\x\"", JsonProblem::Escape),
            ("\"\\ud800x\"", JsonProblem::Escape),
            ("\"a\nb\"", JsonProblem::ControlCharacter),
            ("tru", JsonProblem::End),
            ("nul!", JsonProblem::Unexpected),
            ("1 2", JsonProblem::Trailing),
            ("NaN", JsonProblem::Unexpected),
        ] {
            assert_eq!(parse(t).map_err(|e| e.problem), Err(problem), "{t:?}");
        }
        let e = parse("{\n  \"名\": tru }").unwrap_err();
        assert_eq!((e.line, e.column), (2, 8));
        assert_eq!(e.message(Lang::Zh), "第2行第8列：出现意外字符");
        assert_eq!(
            parse_at_most("[1, 2]", 5).map_err(|e| e.message(Lang::En)),
            Err("longer than 5 bytes".to_owned())
        );
        let deep = "[".repeat(500) + &"]".repeat(500);
        assert_eq!(
            parse(&deep).map_err(|e| e.problem),
            Err(JsonProblem::TooDeep)
        );
    }

    #[test]
    fn floats_keep_what_was_typed() {
        let v = parse("1234.56").unwrap();
        assert_eq!(v, Value::Number(Decimal::new(123_456, 2)));
        let v = parse("0.30000000000000004").unwrap();
        assert_eq!(v.as_decimal().unwrap().to_string(), "0.30000000000000004");
        let v = parse("3.0").unwrap();
        assert_eq!(v, Value::Int(3));
        let v = parse("1e400").unwrap_or(Value::BadNumber);
        assert_eq!(v, Value::BadNumber);
    }
    #[test]
    fn a_json_error_is_an_error_in_english() {
        let e = parse("{\n  \"名\": tru }").unwrap_err();
        assert_eq!(e.to_string(), "line 2, column 8: unexpected character");
        let e: Box<dyn std::error::Error> = Box::new(e);
        assert_eq!(e.to_string(), "line 2, column 8: unexpected character");
    }
}
