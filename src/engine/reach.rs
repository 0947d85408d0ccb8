//! Within reach: for a part that is not eligible, the one answer, or the smallest change of one
//! number, that would make it eligible. Found from the part's own conditions as it stands on the
//! as-of date, by trying each value its comparisons name and evaluating the part again — never
//! written per measure. Who the enterprise is (registered in Shanghai, its size class, its
//! industry: the named conditions a measure refers to) is not something to change for a measure,
//! and is left as it is; so are dates, which lie in the past, and lists.

use super::decimal::exact_add;
use super::eval::{AmountOutcome, Context, Evaluation, Scope, Status, WindowState};
use super::model::*;
use super::profile::{FactValue, Profile};
use rust_decimal::Decimal;

/// A change that would make a part eligible.
#[derive(Clone, Debug, PartialEq)]
pub struct Reach {
    /// Where the part is: the measure's index in the ruleset, the part's in the measure.
    pub measure: usize,
    pub part: usize,
    pub fact: usize,
    /// The value to give the fact; its present one is in the profile (or unknown).
    pub value: FactValue,
    /// The comparison the value meets (for the words: "达到", "超过"…).
    pub op: Op,
    /// The part's amount with that value.
    pub amount: AmountOutcome,
}

/// One change per part that is ineligible or open, where one exists.
pub fn within_reach(cx: &Context, ev: &Evaluation) -> Vec<Reach> {
    let rs = cx.rs;
    let identity = identity_facts(rs);
    let mut out = Vec::new();
    for (mi, (m, mo)) in rs.measures.iter().zip(&ev.measures).enumerate() {
        if m.kind == Kind::Government {
            continue;
        }
        for (pi, (p, po)) in m.parts.iter().zip(ev.parts(mo)).enumerate() {
            let open = matches!(po.window, WindowState::Open | WindowState::NoWindow);
            if !open || !matches!(po.status, Status::Ineligible | Status::NeedsInfo) {
                continue;
            }
            let best = candidates(cx, cx.standing(p).when)
                .into_iter()
                .filter(|(fact, _, _)| !identity.get(*fact).copied().unwrap_or(true))
                .filter_map(|(fact, value, op)| {
                    let mut changed: Profile = cx.profile.clone();
                    *changed.values.get_mut(fact)? = Some(value.clone());
                    let mut again = Context::new(rs, &changed, cx.as_of);
                    again.reading = cx.reading;
                    let after = again.part(m, p);
                    (after.status == Status::Eligible).then(|| {
                        let now = cx.profile.values.get(fact).and_then(Option::as_ref);
                        let cost = distance(now, &value);
                        (cost, fact, value, op, after.amount)
                    })
                })
                .min_by(|a, b| a.0.cmp(&b.0));
            if let Some((_, fact, value, op, amount)) = best {
                out.push(Reach {
                    measure: mi,
                    part: pi,
                    fact,
                    value,
                    op,
                    amount,
                });
            }
        }
    }
    out
}

/// The facts that say who the enterprise is: those the named conditions and the size standard
/// read (registration, industry, headcount, revenue…). A measure that asks for one directly
/// ("an employer registered in Shanghai") asks who the enterprise is too.
fn identity_facts(rs: &Ruleset) -> Vec<bool> {
    let mut out = vec![false; rs.facts.len()];
    let mut mark = |f: usize| {
        if let Some(x) = out.get_mut(f) {
            *x = true;
        }
    };
    let mut stack: Vec<&Cond> = rs.derived.iter().map(|d| &d.when).collect();
    while let Some(c) = stack.pop() {
        match c {
            Cond::All(k) | Cond::Any(k) => stack.extend(k),
            Cond::Not(k) => stack.push(k),
            Cond::Derived(_) => {}
            Cond::Leaf(leaf) => match &leaf.subject {
                Subject::Fact(f) => mark(*f),
                Subject::Count { list, .. } => mark(*list),
            },
        }
    }
    if let Some(std) = &rs.size_standard {
        mark(std.industry_fact);
        mark(std.class_fact);
        for g in &std.groups {
            for (f, _) in g.sme_below.iter().chain(&g.medium).chain(&g.small) {
                mark(*f);
            }
        }
        for d in &std.declared {
            mark(d.fact);
        }
    }
    out
}

/// The values the part's own comparisons name, for the facts they compare, in the clause's order
/// (so that of two equal changes the first the clause names is offered).
fn candidates(cx: &Context, when: &[Cond]) -> Vec<(usize, FactValue, Op)> {
    let mut out: Vec<(usize, FactValue, Op)> = Vec::new();
    let mut stack: Vec<&Cond> = when.iter().rev().collect();
    while let Some(c) = stack.pop() {
        let leaf = match c {
            Cond::All(k) | Cond::Any(k) => {
                stack.extend(k.iter().rev());
                continue;
            }
            Cond::Not(k) => {
                stack.push(k);
                continue;
            }
            Cond::Derived(_) => continue,
            Cond::Leaf(leaf) => leaf,
        };
        let Subject::Fact(f) = leaf.subject else {
            continue;
        };
        let Some(fact) = cx.rs.facts.get(f).filter(|x| !x.computed) else {
            continue;
        };
        for (value, op) in values_for(fact, leaf) {
            let now = cx.value(f, Scope::Top);
            if now != Some(&value) && !out.iter().any(|(g, v, _)| *g == f && *v == value) {
                out.push((f, value, op));
            }
        }
    }
    out
}

/// The values of a fact that meet (or fail) one comparison at its edge: the threshold itself, or
/// the next value past it.
fn values_for(fact: &Fact, leaf: &Leaf) -> Vec<(FactValue, Op)> {
    match (&fact.kind, &leaf.operand) {
        (FactKind::Bool, _) => vec![
            (FactValue::Bool(true), Op::Eq),
            (FactValue::Bool(false), Op::Eq),
        ],
        (FactKind::Enum(choices), _) => (0..choices.len())
            .filter_map(|c| u16::try_from(c).ok())
            .map(|c| (FactValue::Choice(c), Op::Eq))
            .collect(),
        (FactKind::Int { min, max }, operand) => numbers(leaf.op, operand, Decimal::ONE)
            .into_iter()
            .filter(|(d, _)| Decimal::from(*min) <= *d && *d <= Decimal::from(*max))
            .map(|(d, op)| (FactValue::Number(d), op))
            .collect(),
        (FactKind::Money { min, max }, operand) => numbers(leaf.op, operand, Decimal::new(1, 2))
            .into_iter()
            .filter(|(d, _)| min <= d && d <= max)
            .map(|(d, op)| (FactValue::Number(d), op))
            .collect(),
        _ => Vec::new(),
    }
}

/// The edge values of a numeric comparison, `step` being the smallest difference an answer makes.
/// A comparison with zero ("a contract amount above 0") asks whether there is any: the change
/// that reaches it is having one, not a number, and is not offered.
fn numbers(op: Op, operand: &Operand, step: Decimal) -> Vec<(Decimal, Op)> {
    match (op, operand) {
        (_, Operand::Number(t)) if t.is_zero() => Vec::new(),
        (Op::Ge | Op::Le | Op::Eq, Operand::Number(t)) => vec![(*t, op)],
        // The decimal helpers every amount uses, rather than another copy of decimal addition.
        (Op::Gt, Operand::Number(t)) => exact_add(*t, step).map(|d| (d, op)).into_iter().collect(),
        (Op::Lt, Operand::Number(t)) => exact_add(*t, -step).map(|d| (d, op)).into_iter().collect(),
        (Op::Between, Operand::NumberRange(a, b)) => vec![(*a, Op::Ge), (*b, Op::Le)],
        _ => Vec::new(),
    }
}

/// How far a change goes, to prefer the smallest: answering an open question first, then the
/// smallest relative change of a number, then a different answer. A relative change is kept as a
/// fraction (difference, base) and compared by cross-multiplying: no decimal division needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Distance {
    Open,
    Relative(Decimal, Decimal),
    Other,
}

impl PartialOrd for Distance {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Distance {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        use Distance::*;
        use std::cmp::Ordering::*;
        match (self, other) {
            (Relative(a, b), Relative(c, d)) => match (a.checked_mul(*d), c.checked_mul(*b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                _ => Equal,
            },
            (Open, Open) | (Other, Other) => Equal,
            (Open, _) | (Relative(..), Other) => Less,
            _ => Greater,
        }
    }
}

fn distance(now: Option<&FactValue>, to: &FactValue) -> Distance {
    match (now, to) {
        (None, _) => Distance::Open,
        (Some(FactValue::Number(a)), FactValue::Number(b)) => match exact_add(*b, -*a) {
            Some(d) => Distance::Relative(d.abs(), a.abs().max(Decimal::ONE)),
            None => Distance::Other,
        },
        _ => Distance::Other,
    }
}
