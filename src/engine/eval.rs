//! Three-valued evaluation: every condition is met, not met, or unknown (Kleene logic), so an
//! unanswered question never counts as "no". The outcome is compact (statuses, amounts, missing
//! facts); `explain` renders the reasons from the same functions when someone asks to read them.

use super::amend::{Reading, Span, Standing};
use super::date::Date;
/// Outcomes hold amounts as intervals (tests name it here, beside them).
pub use super::interval::Interval;
use super::interval::{Overflow, combine};
use super::logic::{Tri, count_test, group};
use super::messages;
use super::model::*;
use super::profile::{FactValue, Item, Profile};
use super::size::SizeOutcome;
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;
use std::cell::Cell;

/// A measure's or a part's status; in a report `eligible`, `needs_info`, `ineligible`, `expired`
/// or `not_applicable` (`code`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Eligible,
    NeedsInfo,
    Ineligible,
    Expired,
    NotApplicable,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Eligible,
        Status::NeedsInfo,
        Status::Ineligible,
        Status::Expired,
        Status::NotApplicable,
    ];
    /// How a person reads the status, in each language.
    pub fn label(self, lang: crate::engine::text::Lang) -> &'static str {
        lang.say(match self {
            Status::Eligible => &messages::STATUS_ELIGIBLE,
            Status::NeedsInfo => &messages::STATUS_NEEDS_INFO,
            Status::Ineligible => &messages::STATUS_INELIGIBLE,
            Status::Expired => &messages::STATUS_EXPIRED,
            Status::NotApplicable => &messages::STATUS_NOT_APPLICABLE,
        })
    }

    pub fn code(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::Ineligible => "ineligible",
            Status::NeedsInfo => "needs_info",
            Status::Expired => "expired",
            Status::NotApplicable => "not_applicable",
        }
    }
}

/// A fact the evaluation would need: a profile fact, or one field of one list item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Missing {
    pub fact: usize,
    pub item: Option<(usize, usize)>,
}

/// How a report names a missing fact: `headcount`, or `hires[2].contract_months` for one field
/// of one list item.
pub fn missing_path<'a>(rs: &'a Ruleset, m: &Missing) -> Cow<'a, str> {
    let fact = &rs.facts[m.fact];
    match (m.item, &fact.kind) {
        (Some((i, f)), FactKind::List { fields, .. }) => format!(
            "{}[{i}].{}",
            fact.id,
            fields.get(f).map_or("", |x| x.id.as_str())
        )
        .into(),
        _ => Cow::Borrowed(fact.id.as_str()),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum AmountOutcome {
    /// The clause states no amount.
    NotStated,
    /// The part is not eligible, so it brings nothing.
    None,
    Known(Interval),
    /// Eligible, but the base of the amount is not known yet.
    Unknown(Vec<Missing>),
    Overflow,
    /// The rule gives no amount for these figures: its minimum comes out above its maximum (the
    /// loader can compare only constant bounds; a base below zero it refuses outright).
    /// Reported as such rather than shown as a negative or upside-down amount.
    Inconsistent,
}

/// Where the as-of date lies in a part's dated window; serialises as `open`, `not_yet`, `closed`
/// (and `no_window`, which a report never shows: it shows a window only where the part has one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowState {
    NoWindow,
    Open,
    NotYet,
    Closed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PartOutcome {
    pub status: Status,
    pub window: WindowState,
    pub conditions: Tri,
    pub amount: AmountOutcome,
    pub missing: Vec<Missing>,
    /// Bit i set: the part's amendment i applied (see `amend::Standing`).
    pub amended: u32,
    /// The status under the clause alone, where the amendments change it (`Expired` for a 2023
    /// relief a later document extends to 2027).
    pub text_status: Option<Status>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MeasureOutcome {
    pub status: Status,
    /// Sum over eligible parts whose amount is known; None when no eligible part states one.
    pub amount: Option<Interval>,
    /// Some eligible part has an amount that cannot be computed yet.
    pub amount_incomplete: bool,
    /// Where its parts are in `Evaluation::parts` (one list for all measures: fewer allocations).
    pub parts: std::ops::Range<usize>,
    pub missing: Vec<Missing>,
}

pub struct Evaluation {
    pub as_of: Date,
    pub size: SizeOutcome,
    pub measures: Vec<MeasureOutcome>,
    pub parts: Vec<PartOutcome>,
}

impl Evaluation {
    /// The outcomes of one measure's parts, in the ruleset's order.
    pub fn parts(&self, m: &MeasureOutcome) -> &[PartOutcome] {
        &self.parts[m.parts.clone()]
    }
}

/// A date, or a place beyond either end of the calendar the engine keeps (`date::MIN_YEAR` to
/// `MAX_YEAR`), ordered as on a time line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Day {
    BeforeCalendar,
    On(Date),
    AfterCalendar,
}

/// Where a condition reads its facts: the profile, or one item of a list fact.
#[derive(Clone, Copy)]
pub enum Scope<'a> {
    Top,
    Item {
        list: usize,
        index: usize,
        item: &'a Item,
    },
}

/// One evaluation: a ruleset (`'a`, which reports may borrow texts from) and a profile (`'p`).
pub struct Context<'a, 'p> {
    pub rs: &'a Ruleset,
    pub profile: &'p Profile,
    pub as_of: Date,
    /// The policy as amended on the as-of date (default), or its text alone.
    pub reading: Reading,
    pub size: SizeOutcome,
    derived: Vec<Cell<Option<Tri>>>,
}

impl<'a, 'p> Context<'a, 'p> {
    pub fn new(rs: &'a Ruleset, profile: &'p Profile, as_of: Date) -> Context<'a, 'p> {
        let size = super::size::classify(rs, profile);
        Context {
            rs,
            profile,
            as_of,
            reading: Reading::Amended,
            size,
            derived: vec![Cell::new(None); rs.derived.len()],
        }
    }

    pub fn evaluate(&self) -> Evaluation {
        let mut parts = Vec::with_capacity(self.rs.measures.iter().map(|m| m.parts.len()).sum());
        let measures = self
            .rs
            .measures
            .iter()
            .map(|m| self.measure(m, &mut parts))
            .collect();
        Evaluation {
            as_of: self.as_of,
            size: self.size.clone(),
            measures,
            parts,
        }
    }

    /// One measure: its parts are appended to `all_parts`, and summarised.
    pub fn measure(&self, m: &Measure, all_parts: &mut Vec<PartOutcome>) -> MeasureOutcome {
        let start = all_parts.len();
        all_parts.extend(m.parts.iter().map(|p| self.part(m, p)));
        let range = start..all_parts.len();
        let parts = &all_parts[range.clone()];
        let status = summarise(parts.iter().map(|p| p.status));
        let mut amount: Option<Interval> = None;
        let mut amount_incomplete = false;
        for p in parts {
            match &p.amount {
                AmountOutcome::Known(i) => {
                    amount = match amount {
                        None => Some(*i),
                        Some(a) => a.checked_add(*i).or_else(|| {
                            amount_incomplete = true;
                            Some(a)
                        }),
                    }
                }
                AmountOutcome::Unknown(_)
                | AmountOutcome::Overflow
                | AmountOutcome::Inconsistent => amount_incomplete = true,
                AmountOutcome::NotStated | AmountOutcome::None => {}
            }
        }
        let mut missing: Vec<Missing> = parts
            .iter()
            .flat_map(|p| p.missing.iter().copied())
            .collect();
        unique(&mut missing);
        MeasureOutcome {
            status,
            amount,
            amount_incomplete,
            parts: range,
            missing,
        }
    }

    pub fn window_state(&self, w: Option<Span>) -> WindowState {
        match w {
            None => WindowState::NoWindow,
            Some(w) if w.to.is_some_and(|to| self.as_of > to) => WindowState::Closed,
            Some(w) if w.from.is_some_and(|from| self.as_of < from) => WindowState::NotYet,
            Some(_) => WindowState::Open,
        }
    }

    /// The part as it stands on the as-of date under this evaluation's reading.
    pub fn standing<'r>(&self, p: &'r Part) -> Standing<'r> {
        Standing::on(p, self.as_of, self.reading)
    }

    pub fn part(&self, m: &Measure, p: &Part) -> PartOutcome {
        let rule = self.standing(p);
        let window = self.window_state(rule.window);
        if m.kind == Kind::Government {
            return PartOutcome {
                status: Status::NotApplicable,
                window,
                conditions: Tri::Unknown,
                amount: AmountOutcome::None,
                missing: Vec::new(),
                amended: 0,
                text_status: None,
            };
        }
        // One pass: the outcome, and the facts that could still settle it.
        let mut missing = Vec::new();
        let conditions = self.all_collecting(rule.when, Scope::Top, &mut missing);
        let status = part_status(window, conditions);
        if status != Status::NeedsInfo {
            missing.clear();
        }
        // What the clause alone would say, where amendments apply and change it.
        let text_status = (rule.applied != 0)
            .then(|| {
                let clause = Standing::clause(p);
                let conditions = if std::ptr::eq(clause.when, rule.when) {
                    conditions
                } else {
                    self.all(clause.when, Scope::Top)
                };
                part_status(self.window_state(clause.window), conditions)
            })
            .filter(|s| *s != status);
        let amount = match (rule.amount, status) {
            (None, _) => AmountOutcome::NotStated,
            (Some(_), s) if s != Status::Eligible => AmountOutcome::None,
            (Some(rule), _) => self.amount(rule),
        };
        if let AmountOutcome::Unknown(m) = &amount {
            missing.extend_from_slice(m);
        }
        unique(&mut missing);
        PartOutcome {
            status,
            window,
            conditions,
            amount,
            missing,
            amended: rule.applied,
            text_status,
        }
    }

    /// The amount of an eligible part, with unknown bases reported as missing facts.
    pub fn amount(&self, rule: &AmountRule) -> AmountOutcome {
        let lo = self.expr(&rule.min, false);
        let hi = rule.max.as_ref().map(|e| self.expr(e, false));
        match (lo, hi) {
            (Err(Overflow), _) | (_, Some(Err(Overflow))) => AmountOutcome::Overflow,
            (Ok(Some(lo)), None) => AmountOutcome::Known(Interval {
                lo: lo.lo,
                hi: None,
            }),
            (Ok(Some(lo)), Some(Ok(Some(hi)))) if hi.hi.is_some_and(|h| h < lo.lo) => {
                AmountOutcome::Inconsistent
            }
            (Ok(Some(lo)), Some(Ok(Some(hi)))) => AmountOutcome::Known(Interval {
                lo: lo.lo,
                hi: hi.hi,
            }),
            _ => {
                let mut m = Vec::new();
                self.expr_missing(&rule.min, &mut m);
                if let Some(e) = &rule.max {
                    self.expr_missing(e, &mut m);
                }
                unique(&mut m);
                AmountOutcome::Unknown(m)
            }
        }
    }

    /// The most a part could bring if every unknown turned out in its favour (for ranking questions).
    pub fn potential(&self, rule: &AmountRule) -> Option<Decimal> {
        match &rule.max {
            None => None,
            Some(e) => self.expr(e, true).ok().flatten().and_then(|i| i.hi),
        }
    }

    pub fn all(&self, conds: &[Cond], scope: Scope) -> Tri {
        group(conds, Tri::False, |c| self.eval(c, scope))
    }

    pub fn eval(&self, c: &Cond, scope: Scope) -> Tri {
        match c {
            Cond::All(kids) => self.all(kids, scope),
            Cond::Any(kids) => group(kids, Tri::True, |k| self.eval(k, scope)),
            Cond::Not(k) => !self.eval(k, scope),
            Cond::Derived(i) => self.derived(*i),
            Cond::Leaf(leaf) => self.leaf(leaf, scope),
        }
    }

    pub fn derived(&self, i: usize) -> Tri {
        if let Some(t) = self.derived[i].get() {
            return t;
        }
        let t = self.eval(&self.rs.derived[i].when, Scope::Top);
        self.derived[i].set(Some(t));
        t
    }

    /// Evaluates all of `conds` and adds to `out` the facts whose answers could still settle the
    /// result when it is unknown. Children already decided (a failed "all", a met "any") make the
    /// rest irrelevant: what they added is taken back.
    pub fn all_collecting(&self, conds: &[Cond], scope: Scope, out: &mut Vec<Missing>) -> Tri {
        self.group_collecting(conds, Tri::False, scope, out)
    }

    fn group_collecting(
        &self,
        kids: &[Cond],
        decisive: Tri,
        scope: Scope,
        out: &mut Vec<Missing>,
    ) -> Tri {
        let mark = out.len();
        let t = group(kids, decisive, |k| self.collecting(k, scope, out));
        if t != Tri::Unknown {
            out.truncate(mark);
        }
        t
    }

    fn collecting(&self, c: &Cond, scope: Scope, out: &mut Vec<Missing>) -> Tri {
        match c {
            Cond::All(kids) => self.group_collecting(kids, Tri::False, scope, out),
            Cond::Any(kids) => self.group_collecting(kids, Tri::True, scope, out),
            Cond::Not(k) => !self.collecting(k, scope, out),
            Cond::Derived(i) => {
                let t = self.derived(*i);
                if t == Tri::Unknown {
                    self.collecting(&self.rs.derived[*i].when, Scope::Top, out);
                }
                t
            }
            Cond::Leaf(leaf) => {
                let t = self.leaf(leaf, scope);
                if t == Tri::Unknown {
                    match &leaf.subject {
                        Subject::Fact(f) => match scope {
                            Scope::Top if self.rs.facts[*f].computed => out.extend(
                                self.size
                                    .missing
                                    .iter()
                                    .map(|&fact| Missing { fact, item: None }),
                            ),
                            Scope::Top => out.push(Missing {
                                fact: *f,
                                item: None,
                            }),
                            Scope::Item { list, index, .. } => out.push(Missing {
                                fact: list,
                                item: Some((index, *f)),
                            }),
                        },
                        Subject::Count { list, filter } => self.count_missing(*list, filter, out),
                    }
                }
                t
            }
        }
    }

    fn count_missing(&self, list: usize, filter: &[Cond], out: &mut Vec<Missing>) {
        match &self.profile.values[list] {
            Some(FactValue::List(items)) => {
                for (index, item) in items.iter().enumerate() {
                    self.all_collecting(filter, Scope::Item { list, index, item }, out);
                }
            }
            _ => out.push(Missing {
                fact: list,
                item: None,
            }),
        }
    }

    pub fn value<'s>(&'s self, f: usize, scope: Scope<'s>) -> Option<&'s FactValue> {
        match scope {
            Scope::Top => self.profile.values.get(f)?.as_ref(),
            Scope::Item { item, .. } => item.get(f)?.as_ref(),
        }
    }

    pub fn resolve_date(&self, d: DateExpr) -> Option<Date> {
        match d {
            DateExpr::Fixed(d) => Some(d),
            DateExpr::AsOf {
                years,
                months,
                days,
            } => self
                .as_of
                .add_years(years)?
                .add_months(months)?
                .add_days(days),
        }
    }

    /// A date operand as a point on the calendar, or beyond either end of it: `as_of-99999d`
    /// lies before 1900, which every date a fact can hold is after. Left unresolved, such a
    /// comparison would stay unknown however the fact is answered, and ask for it forever.
    pub fn resolve_day(&self, d: DateExpr) -> Day {
        match (self.resolve_date(d), d) {
            (Some(x), _) => Day::On(x),
            (
                None,
                DateExpr::AsOf {
                    years,
                    months,
                    days,
                },
            ) if years < 0 || months < 0 || days < 0 => Day::BeforeCalendar,
            (None, _) => Day::AfterCalendar,
        }
    }

    pub fn resolve_year(&self, y: YearExpr) -> i32 {
        match y {
            YearExpr::Fixed(y) => y,
            YearExpr::AsOfYear(n) => self.as_of.year() + n,
        }
    }

    /// How many items of a list meet the filter: certainly (`lo`) and at most (`hi`).
    pub fn count(&self, list: usize, filter: &[Cond]) -> Option<(usize, usize)> {
        let Some(FactValue::List(items)) = &self.profile.values[list] else {
            return None;
        };
        let (mut lo, mut hi) = (0, 0);
        for (index, item) in items.iter().enumerate() {
            match self.all(filter, Scope::Item { list, index, item }) {
                Tri::True => {
                    lo += 1;
                    hi += 1;
                }
                Tri::Unknown => hi += 1,
                Tri::False => {}
            }
        }
        Some((lo, hi))
    }

    pub fn leaf(&self, leaf: &Leaf, scope: Scope) -> Tri {
        match &leaf.subject {
            Subject::Count { list, filter } => match self.count(*list, filter) {
                None => Tri::Unknown,
                Some((lo, hi)) => count_test(lo, hi, leaf.op, &leaf.operand),
            },
            Subject::Fact(f) => {
                if matches!(scope, Scope::Top) && self.rs.facts[*f].computed {
                    return self.size_leaf(leaf);
                }
                match self.value(*f, scope) {
                    None => Tri::Unknown,
                    Some(v) => self.test(v, leaf.op, &leaf.operand),
                }
            }
        }
    }

    fn size_leaf(&self, leaf: &Leaf) -> Tri {
        let Operand::Choices(set) = &leaf.operand else {
            return Tri::Unknown;
        };
        let mask: u8 = set.iter().fold(0, |m, c| m | (1u8 << (*c).min(7)));
        let possible = self.size.possible;
        let inside = if possible == 0 {
            Tri::Unknown
        } else if possible & !mask == 0 {
            Tri::True
        } else if possible & mask == 0 {
            Tri::False
        } else {
            Tri::Unknown
        };
        match leaf.op {
            Op::Ne | Op::NotIn => !inside,
            _ => inside,
        }
    }

    pub fn test(&self, v: &FactValue, op: Op, operand: &Operand) -> Tri {
        let r = match (v, operand) {
            (FactValue::Bool(a), Operand::Bool(b)) => {
                Some(if op == Op::Ne { a != b } else { a == b })
            }
            (FactValue::Number(a), Operand::Number(b)) => compare(*a, *b, op),
            (FactValue::Number(a), Operand::NumberRange(lo, hi)) => Some(lo <= a && a <= hi),
            (FactValue::Year(a), Operand::Year(b)) => compare(*a, self.resolve_year(*b), op),
            (FactValue::Year(a), Operand::YearRange(lo, hi)) => {
                Some(self.resolve_year(*lo) <= *a && *a <= self.resolve_year(*hi))
            }
            (FactValue::Date(a), Operand::Date(b)) => {
                compare(Day::On(*a), self.resolve_day(*b), op)
            }
            (FactValue::Date(a), Operand::DateRange(lo, hi)) => {
                let a = Day::On(*a);
                Some(self.resolve_day(*lo) <= a && a <= self.resolve_day(*hi))
            }
            (FactValue::Choice(c), Operand::Choices(set)) => {
                let inside = set.contains(c);
                Some(if matches!(op, Op::Ne | Op::NotIn) {
                    !inside
                } else {
                    inside
                })
            }
            _ => None,
        };
        r.map_or(Tri::Unknown, Tri::from_bool)
    }

    /// Evaluates an amount expression. Unknown facts make it unknown, or, for `potential`, as
    /// large as they could be.
    pub fn expr(&self, e: &Expr, potential: bool) -> Result<Option<Interval>, Overflow> {
        let unknown = if potential {
            Ok(Some(Interval::UNBOUNDED))
        } else {
            Ok(None)
        };
        match e {
            Expr::Const(d) => Ok(Some(Interval::point(*d))),
            Expr::Fact(f) => match &self.profile.values[*f] {
                Some(FactValue::Number(d)) => Ok(Some(Interval::point(*d))),
                _ => unknown,
            },
            Expr::Count { list, filter } => match self.count(*list, filter) {
                Some((lo, hi)) => Ok(Some(Interval {
                    lo: Decimal::from(lo),
                    hi: Some(Decimal::from(hi)),
                })),
                None => unknown,
            },
            Expr::If {
                when,
                then,
                otherwise,
            } => match self.all(when, Scope::Top) {
                Tri::True => self.expr(then, potential),
                Tri::False => self.expr(otherwise, potential),
                // Either may apply: unknown, or for `potential` whichever could be larger.
                Tri::Unknown if potential => {
                    let (a, b) = (self.expr(then, true)?, self.expr(otherwise, true)?);
                    Ok(a.zip(b).map(|(a, b)| Interval {
                        lo: a.lo.min(b.lo),
                        hi: a.hi.zip(b.hi).map(|(x, y)| x.max(y)),
                    }))
                }
                Tri::Unknown => Ok(None),
            },
            Expr::Mul(terms) | Expr::Add(terms) | Expr::MinOf(terms) | Expr::MaxOf(terms) => {
                let mut acc: Option<Interval> = None;
                for t in terms {
                    let Some(x) = self.expr(t, potential)? else {
                        return Ok(None);
                    };
                    acc = Some(match acc {
                        None => x,
                        Some(a) => combine(e, a, x).ok_or(Overflow)?,
                    });
                }
                Ok(acc)
            }
        }
    }

    fn expr_missing(&self, e: &Expr, out: &mut Vec<Missing>) {
        match e {
            Expr::Const(_) => {}
            Expr::Fact(f) => {
                if self.profile.values[*f].is_none() {
                    out.push(Missing {
                        fact: *f,
                        item: None,
                    });
                }
            }
            Expr::Count { list, filter } => {
                if self.profile.values[*list].is_none() {
                    self.count_missing(*list, filter, out);
                }
            }
            Expr::If {
                when,
                then,
                otherwise,
            } => match self.all_collecting(when, Scope::Top, out) {
                Tri::True => self.expr_missing(then, out),
                Tri::False => self.expr_missing(otherwise, out),
                Tri::Unknown => {
                    self.expr_missing(then, out);
                    self.expr_missing(otherwise, out);
                }
            },
            Expr::Mul(t) | Expr::Add(t) | Expr::MinOf(t) | Expr::MaxOf(t) => {
                t.iter().for_each(|x| self.expr_missing(x, out))
            }
        }
    }
}

/// A part's status from its window and its conditions: a closed window decides first.
fn part_status(window: WindowState, conditions: Tri) -> Status {
    match (window, conditions) {
        (WindowState::Closed, _) => Status::Expired,
        (WindowState::NotYet, _) | (_, Tri::False) => Status::Ineligible,
        (_, Tri::True) => Status::Eligible,
        (_, Tri::Unknown) => Status::NeedsInfo,
    }
}

/// Keeps the first of each missing fact, in the order the conditions name them (the clause's
/// order, which is also the order a form asks in). Lists are short: a scan beats a sort here.
fn unique(v: &mut Vec<Missing>) {
    let mut i = 0;
    while i < v.len() {
        if v[..i].contains(&v[i]) {
            v.remove(i);
        } else {
            i += 1;
        }
    }
}

pub fn compare<T: PartialOrd>(a: T, b: T, op: Op) -> Option<bool> {
    Some(match op {
        Op::Eq => a == b,
        Op::Ne => a != b,
        Op::Lt => a < b,
        Op::Le => a <= b,
        Op::Gt => a > b,
        Op::Ge => a >= b,
        _ => return None,
    })
}

/// A measure's status from its parts: eligible if any part is; otherwise still open if any part
/// needs information; expired or not applicable only when every part is.
pub fn summarise(parts: impl Iterator<Item = Status> + Clone) -> Status {
    let any = |s: Status| parts.clone().any(|p| p == s);
    let every = |s: Status| parts.clone().all(|p| p == s);
    if any(Status::Eligible) {
        Status::Eligible
    } else if any(Status::NeedsInfo) {
        Status::NeedsInfo
    } else if every(Status::Expired) {
        Status::Expired
    } else if every(Status::NotApplicable) {
        Status::NotApplicable
    } else {
        Status::Ineligible
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::interval::AmountKind;

    fn json(v: impl Serialize) -> String {
        match serde_json::to_value(v) {
            Ok(serde_json::Value::String(s)) => s,
            other => panic!("not a string: {other:?}"),
        }
    }

    #[test]
    fn codes_serialise_as_reports_spell_them() {
        for s in Status::ALL {
            assert_eq!(json(s), s.code());
        }
        for t in [Tri::False, Tri::Unknown, Tri::True] {
            assert_eq!(json(t), t.code());
        }
        for k in [
            AmountKind::Exact,
            AmountKind::Floor,
            AmountKind::Cap,
            AmountKind::Range,
        ] {
            assert_eq!(json(k), k.code());
        }
        let windows = [
            (WindowState::Open, "open"),
            (WindowState::NotYet, "not_yet"),
            (WindowState::Closed, "closed"),
        ];
        for (w, code) in windows {
            assert_eq!(json(w), code);
        }
    }
}
