//! An exact oracle for amounts: decimals with unbounded digits, and the check that every amount is
//! exact.

use rust_decimal::Decimal;
use sme_eligibility::engine::eval::{AmountOutcome, Context, Scope};
use sme_eligibility::engine::logic::Tri;
use sme_eligibility::engine::model::{AmountRule, Expr};
use sme_eligibility::engine::profile::FactValue;
use std::cmp::Ordering;

// ── An exact oracle for amounts ──────────────────────────────────────────────────────────────

/// A non-negative decimal with as many digits as it takes: `mantissa / 10^scale`, the mantissa in
/// base-2³² limbs, least significant first.
#[derive(Clone, Debug)]
struct Exact {
    limbs: Vec<u32>,
    scale: u32,
}

impl Exact {
    fn of(d: Decimal) -> Option<Exact> {
        if d.is_sign_negative() && !d.is_zero() {
            return None;
        }
        Some(Exact {
            limbs: limbs_of(d.mantissa().unsigned_abs()),
            scale: d.scale(),
        })
    }
    fn count(n: usize) -> Exact {
        Exact {
            limbs: limbs_of(n as u128),
            scale: 0,
        }
    }
    /// What a decimal holds without rounding: 96 bits of mantissa and 28 places (or zero).
    fn fits(&self) -> bool {
        self.limbs.is_empty() || (self.limbs.len() <= 3 && self.scale <= 28)
    }
    fn mul(&self, o: &Exact) -> Exact {
        Exact {
            limbs: mul_limbs(&self.limbs, &o.limbs),
            scale: self.scale + o.scale,
        }
    }
    fn add(&self, o: &Exact) -> Exact {
        let scale = self.scale.max(o.scale);
        Exact {
            limbs: add_limbs(&self.at_scale(scale), &o.at_scale(scale)),
            scale,
        }
    }
    fn at_scale(&self, scale: u32) -> Vec<u32> {
        (self.scale..scale).fold(self.limbs.clone(), |l, _| mul_limbs(&l, &[10]))
    }
    fn cmp(&self, o: &Exact) -> Ordering {
        let scale = self.scale.max(o.scale);
        let (a, b) = (self.at_scale(scale), o.at_scale(scale));
        a.len()
            .cmp(&b.len())
            .then_with(|| a.iter().rev().cmp(b.iter().rev()))
    }
    fn equals(&self, d: Decimal) -> bool {
        Exact::of(d).is_some_and(|d| self.cmp(&d) == Ordering::Equal)
    }
}

fn limbs_of(mut m: u128) -> Vec<u32> {
    let mut out = Vec::new();
    while m > 0 {
        out.push(m as u32);
        m >>= 32;
    }
    out
}

fn trimmed(mut limbs: Vec<u32>) -> Vec<u32> {
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    limbs
}

fn mul_limbs(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let t = u64::from(out[i + j]) + u64::from(x) * u64::from(y) + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        out[i + b.len()] = carry as u32;
    }
    trimmed(out)
}

fn add_limbs(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().max(b.len()) + 1);
    let mut carry = 0u64;
    for i in 0..a.len().max(b.len()) {
        let t = u64::from(a.get(i).copied().unwrap_or(0))
            + u64::from(b.get(i).copied().unwrap_or(0))
            + carry;
        out.push(t as u32);
        carry = t >> 32;
    }
    out.push(carry as u32);
    trimmed(out)
}

/// An amount expression's exact value with every count still open at its fewest (or, `most`, its
/// most), term by term in the engine's order (`None` from the first unknown fact on); `fits`
/// turns false at a step a decimal cannot hold exactly.
fn exactly(cx: &Context, e: &Expr, most: bool, fits: &mut bool) -> Option<Exact> {
    let non_negative = |d: Decimal| Exact::of(d).unwrap_or_else(|| panic!("negative base {d}"));
    match e {
        Expr::Const(d) => Some(non_negative(*d)),
        Expr::Fact(f) => match &cx.profile.values[*f] {
            Some(FactValue::Number(d)) => Some(non_negative(*d)),
            _ => None,
        },
        Expr::Count { list, filter } => cx
            .count(*list, filter)
            .map(|(fewest, most_items)| Exact::count(if most { most_items } else { fewest })),
        // The branch the conditions choose; none while they are open (the amount is unknown).
        Expr::If {
            when,
            then,
            otherwise,
        } => match cx.all(when, Scope::Top) {
            Tri::True => exactly(cx, then, most, fits),
            Tri::False => exactly(cx, otherwise, most, fits),
            Tri::Unknown => None,
        },
        Expr::Mul(terms) | Expr::Add(terms) | Expr::MinOf(terms) | Expr::MaxOf(terms) => {
            let mut acc: Option<Exact> = None;
            for t in terms {
                let v = exactly(cx, t, most, fits)?;
                acc = Some(match acc {
                    None => v,
                    Some(a) => {
                        let r = match e {
                            Expr::Mul(_) => a.mul(&v),
                            Expr::Add(_) => a.add(&v),
                            // Ties keep the first, as `Decimal::min` and `max` do.
                            Expr::MinOf(_) if v.cmp(&a) == Ordering::Less => v,
                            Expr::MaxOf(_) if v.cmp(&a) == Ordering::Greater => v,
                            _ => a,
                        };
                        *fits &= r.fits();
                        r
                    }
                });
            }
            acc
        }
    }
}

/// An eligible part's amount is the exact value of its rule; or, only where some step needs more
/// than a decimal holds, beyond computing; or, only where a base is negative or the minimum comes
/// out above the maximum, inconsistent. Never a rounded, wrapped or upside-down number.
pub(crate) fn check_amount_is_exact(cx: &Context, rule: &AmountRule, outcome: &AmountOutcome) {
    let mut fits = true;
    // The engine computes both ends of every expression: a step beyond a decimal in either counts.
    let mut ends = |e: &Expr| {
        let fewest = exactly(cx, e, false, &mut fits);
        (fewest, exactly(cx, e, true, &mut fits))
    };
    let (lo, _) = ends(&rule.min);
    let hi = rule.max.as_ref().map(|e| ends(e).1);
    let unknown = lo.is_none() || hi.as_ref().is_some_and(Option::is_none);
    match outcome {
        AmountOutcome::Overflow => assert!(!fits, "every step fits, yet beyond computing"),
        AmountOutcome::Unknown(m) => {
            assert!(unknown, "an amount of known facts is reported unknown");
            assert!(!m.is_empty());
        }
        AmountOutcome::Inconsistent => {
            let inverted =
                matches!((&lo, &hi), (Some(l), Some(Some(h))) if h.cmp(l) == Ordering::Less);
            assert!(inverted, "inconsistent, though {lo:?} ≤ {hi:?}");
        }
        AmountOutcome::Known(i) => {
            let lo = lo.unwrap_or_else(|| panic!("a known amount from an unknown minimum"));
            assert!(lo.equals(i.lo), "minimum {} is not exactly {lo:?}", i.lo);
            match (hi, i.hi) {
                (None, None) => {}
                (Some(Some(h)), Some(x)) => {
                    assert!(h.equals(x), "maximum {x} is not exactly {h:?}")
                }
                (h, x) => panic!("maximum {x:?} does not match the rule's {h:?}"),
            }
        }
        other => panic!("an eligible part with an amount rule has {other:?}"),
    }
}
