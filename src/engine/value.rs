//! An untyped value as it arrives from JSON, a JavaScript object or TOML, before the ruleset gives it a
//! type. One visitor serves serde_json (native) and serde-wasm-bindgen (browser), so the WebAssembly
//! needs no JSON parser of its own.

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    /// A number with a fraction, kept exactly as written (its shortest decimal form).
    Number(Decimal),
    /// A number that no decimal can hold (NaN, infinities, beyond 28 digits).
    BadNumber,
    Str(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
}

impl Value {
    /// A number as JavaScript or JSON gives it.
    pub fn from_f64(v: f64) -> Value {
        if !v.is_finite() {
            return Value::BadNumber;
        }
        if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
            // Integral and exactly representable: JavaScript hands every number over as f64.
            #[allow(clippy::cast_possible_truncation)]
            return Value::Int(v as i64);
        }
        // The shortest text that reads back as the same double is what the user typed: 1234.56
        // stays 1234.56 rather than 1234.5599999999999454.
        parse_decimal(&shortest(v)).map_or(Value::BadNumber, Value::Number)
    }

    /// What a user would call this kind of value, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Int(_) | Value::Number(_) | Value::BadNumber => "number",
            Value::Str(_) => "string",
            Value::List(_) => "list",
            Value::Map(_) => "object",
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A decimal from a number or from a string of digits ("1000000", "0.05").
    pub fn as_decimal(&self) -> Option<Decimal> {
        match self {
            Value::Int(i) => Some(Decimal::from(*i)),
            Value::Number(d) => Some(*d),
            Value::Str(s) => parse_decimal(s),
            _ => None,
        }
    }
}

/// Plain decimal notation only: digits, one point, an optional leading minus. No exponents, no
/// separators, so "1e9" or "1,000" is an error the user sees rather than a silent guess. Read
/// digit by digit into the decimal's 96-bit mantissa (rust_decimal's own parser is larger and
/// accepts more than a form should).
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let mut mantissa: i128 = 0;
    let mut scale: Option<u32> = None;
    let mut any_digit = false;
    for c in digits.bytes() {
        match c {
            b'0'..=b'9' => {
                any_digit = true;
                mantissa = mantissa
                    .checked_mul(10)?
                    .checked_add(i128::from(c - b'0'))?;
                if let Some(s) = scale.as_mut() {
                    *s += 1;
                }
            }
            b'.' if scale.is_none() => scale = Some(0),
            _ => return None,
        }
    }
    if !any_digit {
        return None;
    }
    let m = if negative { -mantissa } else { mantissa };
    Decimal::try_from_i128_with_scale(m, scale.unwrap_or(0)).ok()
}

/// The shortest decimal text of a double. In the browser JavaScript's own Number#toString does it,
/// which keeps Rust's float formatting (some 25 KB) out of the WebAssembly.
#[cfg(target_arch = "wasm32")]
fn shortest(v: f64) -> String {
    String::from(
        js_sys::Number::from(v)
            .to_string_with_radix(10)
            .unwrap_or_else(|_| js_sys::JsString::from("NaN")),
    )
}

#[cfg(not(target_arch = "wasm32"))]
fn shortest(v: f64) -> String {
    v.to_string()
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::BadNumber, Value::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from_f64(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    // Every other kind a deserializer may offer is accepted as something the loader can then
    // reject by name. Leaving serde's defaults would pull its error formatting (and Rust's float
    // formatting with it) into the WebAssembly.
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::BadNumber, Value::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::BadNumber, Value::Int))
    }
    fn visit_char<E>(self, v: char) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }
    fn visit_bytes<E>(self, _: &[u8]) -> Result<Value, E> {
        Ok(Value::BadNumber)
    }
    fn visit_byte_buf<E>(self, _: Vec<u8>) -> Result<Value, E> {
        Ok(Value::BadNumber)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Deserialize::deserialize(d)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Deserialize::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries: Vec<(String, Value)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            // A repeated key keeps its last value, as JSON.parse does.
            entries.retain(|(k, _)| *k != key);
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null | Value::BadNumber => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(i) => s.serialize_i64(*i),
            Value::Number(d) => s.serialize_str(&d.to_string()),
            Value::Str(t) => s.serialize_str(t),
            Value::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Map(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// Deserialize errors of the format itself (a broken file, not a wrong field) carry their own text.
pub fn custom_error<E: de::Error>(msg: &str) -> E {
    E::custom(msg)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_read_exactly() {
        assert_eq!(parse_decimal("0.3"), Some(Decimal::new(3, 1)));
        assert_eq!(parse_decimal("-12"), Some(Decimal::from(-12)));
        for bad in ["", "-", ".", "1e6", "1,000", "1.2.3", "NaN", "12元", "0x10"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn floats_keep_what_was_typed() {
        let v: Value = serde_json::from_str("1234.56").unwrap();
        assert_eq!(v, Value::Number(Decimal::new(123_456, 2)));
        let v: Value = serde_json::from_str("0.30000000000000004").unwrap();
        assert_eq!(v.as_decimal().unwrap().to_string(), "0.30000000000000004");
        let v: Value = serde_json::from_str("3.0").unwrap();
        assert_eq!(v, Value::Int(3));
        let v: Value = serde_json::from_str("1e400").unwrap_or(Value::BadNumber);
        assert_eq!(v, Value::BadNumber);
    }
}
