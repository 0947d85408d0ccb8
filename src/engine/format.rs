//! How values read in each language: money as 万元 in Chinese (exact, from the decimal), as grouped
//! yuan in Japanese and English, never as a bare ¥ that reads as yen.

use super::date::Date;
use super::messages;
use super::model::{Fact, FactKind, Ruleset};
use super::profile::FactValue;
use super::text::Lang;
use rust_decimal::Decimal;

/// A decimal without trailing zeros ("150000", "0.5").
pub fn plain(d: Decimal) -> String {
    let n = d.normalize();
    let digits = n.mantissa().unsigned_abs().to_string();
    let scale = n.scale() as usize;
    let sign = if n.is_sign_negative() && !n.is_zero() {
        "-"
    } else {
        ""
    };
    if scale == 0 {
        sign.to_owned() + &digits
    } else if digits.len() > scale {
        let (int, frac) = digits.split_at(digits.len() - scale);
        sign.to_owned() + int + "." + frac
    } else {
        sign.to_owned() + "0." + &"0".repeat(scale - digits.len()) + &digits
    }
}

fn grouped(d: Decimal) -> String {
    let s = plain(d);
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

pub fn money(d: Decimal, lang: Lang) -> String {
    match lang {
        // 万元 exactly: the decimal point moves four places; no division, no rounding.
        Lang::Zh if d.abs() >= Decimal::from(10_000) => plain(shift(d, 4)) + messages::WAN_YUAN,
        Lang::Zh => plain(d) + messages::YUAN,
        Lang::Ja => grouped(d) + messages::YUAN,
        Lang::En => messages::CNY.to_owned() + &grouped(d),
    }
}

/// `d` divided by 10^places, exactly (money here has a few decimals, far from the 28 allowed).
fn shift(d: Decimal, places: u32) -> Decimal {
    Decimal::try_from_i128_with_scale(d.mantissa(), d.scale() + places).unwrap_or(d)
}

pub fn percent(d: Decimal) -> String {
    // Times 100: the decimal point moves two places the other way.
    let n = d.normalize();
    let s = if n.scale() >= 2 {
        Decimal::try_from_i128_with_scale(n.mantissa(), n.scale() - 2).unwrap_or(n)
    } else {
        n.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(n)
    };
    plain(s) + "%"
}

pub fn date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh | Lang::Ja => {
            d.year().to_string()
                + messages::YEAR_MARK
                + &d.month().to_string()
                + messages::MONTH_MARK
                + &d.day().to_string()
                + messages::DAY_MARK
        }
        Lang::En => d.to_string(),
    }
}

pub fn year(y: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh | Lang::Ja => y.to_string() + messages::YEAR_MARK,
        Lang::En => y.to_string(),
    }
}

pub fn yes_no(b: bool, lang: Lang) -> &'static str {
    lang.say(if b { &messages::YES } else { &messages::NO })
}

/// A number with the fact's unit ("120人", "120 persons").
pub fn count(d: Decimal, unit: Option<&str>, lang: Lang) -> String {
    match (unit, lang) {
        (Some(u), Lang::En) => grouped(d) + " " + u,
        (Some(u), _) => plain(d) + u,
        (None, Lang::En) => grouped(d),
        (None, _) => plain(d),
    }
}

/// A number of the kind this fact holds.
pub fn number_of(rs: &Ruleset, fact: &Fact, d: Decimal, lang: Lang) -> String {
    match fact.kind {
        FactKind::Money { .. } => money(d, lang),
        _ => count(d, fact.unit.as_ref().map(|u| rs.text(u, lang)), lang),
    }
}

pub fn value(rs: &Ruleset, fact: &Fact, v: &FactValue, lang: Lang) -> String {
    match (v, &fact.kind) {
        (FactValue::Bool(b), _) => yes_no(*b, lang).to_owned(),
        (FactValue::Number(d), _) => number_of(rs, fact, *d, lang),
        (FactValue::Year(y), _) => year(*y, lang),
        (FactValue::Date(d), _) => date(*d, lang),
        (FactValue::Choice(c), FactKind::Enum(choices)) => choices
            .get(usize::from(*c))
            .map(|c| rs.text(&c.label, lang).to_owned())
            .unwrap_or_default(),
        (FactValue::List(items), _) => {
            let n = Decimal::from(items.len());
            count(n, Some(lang.say(&messages::ENTRIES)), lang)
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_right_in_each_language() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(money(d("8000000"), Lang::Zh), "800万元");
        assert_eq!(money(d("12345.50"), Lang::Zh), "1.23455万元");
        assert_eq!(money(d("2000"), Lang::Zh), "2000元");
        assert_eq!(money(d("8000000"), Lang::Ja), "8,000,000元");
        assert_eq!(money(d("1234567.5"), Lang::En), "CNY 1,234,567.5");
        assert_eq!(money(d("100"), Lang::En), "CNY 100");
        assert_eq!(percent(d("0.05")), "5%");
        assert_eq!(percent(d("0.3")), "30%");
        assert_eq!(plain(d("-0.0050")), "-0.005");
        assert_eq!(plain(d("120.500")), "120.5");
        assert_eq!(plain(d("0")), "0");
        assert_eq!(plain(d("-12")), "-12");
    }
}
