//! Amounts as intervals of exact decimals: a known amount is a point, a floor has no upper bound,
//! and a base not yet known widens the interval. The arithmetic is exact or refused (`Overflow`).

use super::decimal::{exact_add, exact_mul};
use super::model::Expr;
use rust_decimal::Decimal;
use serde::Serialize;

/// Money in yuan from `lo` to `hi`; no `hi` means no upper bound (a floor, or a base still unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Option<Decimal>,
}

impl Interval {
    pub fn point(d: Decimal) -> Interval {
        Interval { lo: d, hi: Some(d) }
    }
    pub const UNBOUNDED: Interval = Interval {
        lo: Decimal::ZERO,
        hi: None,
    };

    pub fn checked_add(self, o: Interval) -> Option<Interval> {
        Some(Interval {
            lo: exact_add(self.lo, o.lo)?,
            hi: match (self.hi, o.hi) {
                (Some(a), Some(b)) => Some(exact_add(a, b)?),
                _ => None,
            },
        })
    }

    pub fn kind(self) -> AmountKind {
        match self.hi {
            None => AmountKind::Floor,
            Some(hi) if hi == self.lo => AmountKind::Exact,
            Some(_) if self.lo.is_zero() => AmountKind::Cap,
            Some(_) => AmountKind::Range,
        }
    }
}

/// How an amount reads: `exact`, a `floor` ("不低于", no maximum), a `cap` ("最高", from 0) or a
/// `range`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountKind {
    Exact,
    Floor,
    Cap,
    Range,
}

impl AmountKind {
    pub fn code(self) -> &'static str {
        match self {
            AmountKind::Exact => "exact",
            AmountKind::Floor => "floor",
            AmountKind::Cap => "cap",
            AmountKind::Range => "range",
        }
    }
}

/// Amount arithmetic went beyond what a decimal holds exactly: reported, never a panic nor a
/// rounded amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow;

impl std::fmt::Display for Overflow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the amount is beyond exact computation")
    }
}

impl std::error::Error for Overflow {}

/// Interval arithmetic on non-negative amounts; `None` on overflow or where a decimal would round.
pub fn combine(op: &Expr, a: Interval, b: Interval) -> Option<Interval> {
    let both = |f: fn(Decimal, Decimal) -> Option<Decimal>| -> Option<Option<Decimal>> {
        Some(match (a.hi, b.hi) {
            (Some(x), Some(y)) => Some(f(x, y)?),
            _ => None,
        })
    };
    Some(match op {
        Expr::Mul(_) => Interval {
            lo: exact_mul(a.lo, b.lo)?,
            hi: both(exact_mul)?,
        },
        Expr::Add(_) => Interval {
            lo: exact_add(a.lo, b.lo)?,
            hi: both(exact_add)?,
        },
        Expr::MinOf(_) => Interval {
            lo: a.lo.min(b.lo),
            hi: match (a.hi, b.hi) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, None) | (None, x) => x,
            },
        },
        _ => Interval {
            lo: a.lo.max(b.lo),
            hi: both(|x, y| Some(x.max(y)))?,
        },
    })
}
