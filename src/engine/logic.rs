//! Three-valued (Kleene) logic: a condition is met, not met, or unknown, so an unanswered question
//! never counts as "no".

use super::model::{Op, Operand};
use rust_decimal::Decimal;
use serde::Serialize;

/// A condition's outcome; in a report `met`, `not_met` or `unknown` (`code`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Tri {
    #[serde(rename = "not_met")]
    False,
    #[serde(rename = "unknown")]
    Unknown,
    #[serde(rename = "met")]
    True,
}

impl Tri {
    pub fn from_bool(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }
    pub fn code(self) -> &'static str {
        match self {
            Tri::False => "not_met",
            Tri::Unknown => "unknown",
            Tri::True => "met",
        }
    }
}

impl std::ops::Not for Tri {
    type Output = Tri;
    fn not(self) -> Tri {
        match self {
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
            Tri::True => Tri::False,
        }
    }
}

/// Kleene "all" (`decisive` false) or "any" (`decisive` true): the first decisive child decides;
/// otherwise unknown if any child is, else the opposite of `decisive`.
pub fn group<T>(kids: &[T], decisive: Tri, mut each: impl FnMut(&T) -> Tri) -> Tri {
    let mut out = !decisive;
    for k in kids {
        match each(k) {
            t if t == decisive => return t,
            Tri::Unknown => out = Tri::Unknown,
            _ => {}
        }
    }
    out
}

/// A comparison on a count known to lie in `lo..=hi` (certain items, plus those still open): true
/// if it holds for every count in the range, false if for none, unknown otherwise.
pub fn count_test(lo: usize, hi: usize, op: Op, operand: &Operand) -> Tri {
    let (lo, hi) = (Decimal::from(lo), Decimal::from(hi));
    // The range [a, b] of targets the comparison accepts.
    let inside = |a: Decimal, b: Decimal| {
        if a <= lo && hi <= b {
            Tri::True
        } else if hi < a || lo > b {
            Tri::False
        } else {
            Tri::Unknown
        }
    };
    let big = Decimal::MAX;
    let one = Decimal::ONE;
    match (op, operand) {
        (Op::Between, Operand::NumberRange(a, b)) => inside(*a, *b),
        (Op::Eq, Operand::Number(t)) => inside(*t, *t),
        (Op::Ne, Operand::Number(t)) => !inside(*t, *t),
        (Op::Ge, Operand::Number(t)) => inside(*t, big),
        // Count thresholds are whole numbers (the loader checks), so "> t" is "≥ t + 1".
        (Op::Gt, Operand::Number(t)) => inside(t.saturating_add(one), big),
        (Op::Le, Operand::Number(t)) => inside(-big, *t),
        (Op::Lt, Operand::Number(t)) => inside(-big, t.saturating_sub(one)),
        _ => Tri::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(x: i64) -> Operand {
        Operand::Number(Decimal::from(x))
    }

    #[test]
    fn a_count_in_a_range_is_decided_only_when_every_count_agrees() {
        use Tri::*;
        // Certainly 1, possibly 3.
        assert_eq!(count_test(1, 3, Op::Ge, &n(1)), True);
        assert_eq!(count_test(1, 3, Op::Ge, &n(2)), Unknown);
        assert_eq!(count_test(1, 3, Op::Ge, &n(4)), False);
        assert_eq!(count_test(1, 3, Op::Gt, &n(0)), True);
        assert_eq!(count_test(1, 3, Op::Gt, &n(3)), False);
        assert_eq!(count_test(1, 3, Op::Le, &n(3)), True);
        assert_eq!(count_test(1, 3, Op::Lt, &n(1)), False);
        assert_eq!(count_test(1, 3, Op::Lt, &n(2)), Unknown);
        assert_eq!(count_test(1, 3, Op::Eq, &n(2)), Unknown);
        assert_eq!(count_test(1, 3, Op::Eq, &n(5)), False);
        assert_eq!(count_test(2, 2, Op::Eq, &n(2)), True);
        assert_eq!(count_test(1, 3, Op::Ne, &n(2)), Unknown);
        assert_eq!(count_test(1, 3, Op::Ne, &n(7)), True);
        let range = |a: i64, b: i64| Operand::NumberRange(Decimal::from(a), Decimal::from(b));
        assert_eq!(count_test(1, 3, Op::Between, &range(1, 3)), True);
        assert_eq!(count_test(1, 3, Op::Between, &range(2, 5)), Unknown);
        assert_eq!(count_test(1, 3, Op::Between, &range(4, 5)), False);
    }
}
