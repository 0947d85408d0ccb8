//! Exact decimal arithmetic and reading, for money and counts: a result is exact or refused, never
//! rounded (rust_decimal rounds silently beyond 28 digits).

use rust_decimal::Decimal;

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

/// A decimal with no fractional part.
pub fn is_whole(d: Decimal) -> bool {
    d.normalize().scale() == 0
}

/// `a × b`, or `None` unless a decimal holds the product exactly. rust_decimal's checked
/// operations fail only when the integer part overflows: a result needing more than 28 places or
/// 96 bits of digits is rounded, silently (0.3333333333333333333333333333 × 1000000.01 loses its
/// last two digits). An amount is exact or reported as beyond computing, never rounded; unrounded,
/// the product's scale is the sum of the scales.
pub fn exact_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    let r = a.checked_mul(b)?;
    (a.is_zero() || b.is_zero() || r.scale() == a.scale() + b.scale()).then_some(r)
}

/// `a + b`, or `None` unless a decimal holds the sum exactly (see `exact_mul`); unrounded, the
/// scale is the larger of the two.
pub fn exact_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let r = a.checked_add(b)?;
    (a.is_zero() || b.is_zero() || r.scale() == a.scale().max(b.scale())).then_some(r)
}

#[cfg(test)]
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
    fn amounts_are_exact_or_refused_never_rounded() {
        let d = |s: &str| s.parse::<Decimal>().expect("decimal");
        assert_eq!(exact_mul(d("1234567.89"), d("0.05")), Some(d("61728.3945")));
        assert_eq!(exact_add(d("0.1"), d("0.2")), Some(d("0.3")));
        // 32 decimal places do not fit in 28: rust_decimal would round to 0.
        assert_eq!(
            exact_mul(d("0.0000000000000001"), d("0.0000000000000001")),
            None
        );
        // Beyond the 96-bit mantissa: rust_decimal would round to …951.34.
        assert_eq!(exact_add(d("79228162514264337593543950.335"), d("1")), None);
        assert_eq!(exact_mul(Decimal::MAX, d("2")), None);
    }

    #[test]
    fn whole_numbers_are_told_apart() {
        let d = |s: &str| s.parse::<Decimal>().expect("decimal");
        assert!(is_whole(d("3.000")) && !is_whole(d("3.01")));
    }
}
