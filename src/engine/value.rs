//! An untyped value as it arrives from JSON (`json::parse`) or a JavaScript object, before the
//! ruleset gives it a type.

use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

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
        let v = crate::engine::json::parse("1234.56").unwrap();
        assert_eq!(v, Value::Number(Decimal::new(123_456, 2)));
        let v = crate::engine::json::parse("0.30000000000000004").unwrap();
        assert_eq!(v.as_decimal().unwrap().to_string(), "0.30000000000000004");
        let v = crate::engine::json::parse("3.0").unwrap();
        assert_eq!(v, Value::Int(3));
        let v = crate::engine::json::parse("1e400").unwrap_or(Value::BadNumber);
        assert_eq!(v, Value::BadNumber);
    }
}
