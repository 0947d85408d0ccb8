//! Answers to a ruleset's facts: valid, at the bounds, beyond them, hostile; profiles made of them,
//! and the answers a client gives later.

use super::facts::{FactSpec, KindSpec};
use proptest::prelude::*;
use rust_decimal::Decimal;
use sme_eligibility::engine::profile::FactValue;
use sme_eligibility::engine::{Date, Lang, Profile, Value};

// ── Answers: valid, at the bounds, beyond them, and plain hostile ────────────────────────────

pub(crate) fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} is not a date"))
}

/// Mostly the policy's years; now and then the ends of the calendar, where relative dates fall off.
pub(crate) fn as_of() -> impl Strategy<Value = Date> {
    let ends = vec![date(1900, 1, 1), date(2024, 2, 29), date(2200, 12, 31)];
    prop_oneof![
        19 => days_between(date(2022, 1, 1), date(2027, 12, 31)),
        1 => prop::sample::select(ends),
    ]
}

pub(crate) fn language() -> impl Strategy<Value = Lang> {
    prop::sample::select(Lang::ALL.to_vec())
}

pub(crate) fn days_between(min: Date, max: Date) -> BoxedStrategy<Date> {
    (min.day_number()..=max.day_number())
        .prop_map(move |n| Date::from_day_number(n).unwrap_or(min))
        .boxed()
}

/// Whole numbers in `min..=max`, the bounds and small counts favoured.
pub(crate) fn whole_between(min: i64, max: i64) -> BoxedStrategy<i64> {
    prop_oneof![
        Just(min),
        Just(max),
        min..=max,
        (0..=20i64).prop_map(move |n| n.clamp(min, max)),
    ]
    .boxed()
}

/// Yuan with at most two decimals in `min..=max`: the bounds, a fen below the top, anywhere.
pub(crate) fn money_between(min: Decimal, max: Decimal) -> BoxedStrategy<Decimal> {
    let fen = Decimal::new(1, 2);
    let below_top = max.checked_sub(fen).unwrap_or(max).max(min);
    let span = max.checked_sub(min).unwrap_or(max);
    prop_oneof![
        Just(min),
        Just(max),
        Just(below_top),
        (0..=1_000_000u32).prop_map(move |k| {
            let step = span / Decimal::from(1_000_000);
            let d = step
                .checked_mul(Decimal::from(k))
                .and_then(|x| x.checked_add(min))
                .unwrap_or(min);
            d.trunc_with_scale(2).clamp(min, max)
        }),
        (0..=10_000_000i64).prop_map(move |c| Decimal::new(c, 2).clamp(min, max)),
    ]
    .boxed()
}

/// A decimal as a client sends it: a JSON number, or text as a form does.
fn number_value(d: Decimal, as_text: bool) -> Value {
    match i64::try_from(d) {
        _ if as_text => Value::Str(d.to_string()),
        Ok(i) if d.fract().is_zero() => Value::Int(i),
        _ => Value::Number(d),
    }
}

fn date_value(d: Date) -> Value {
    Value::Str(d.to_string())
}

/// A right-typed answer within the fact's bounds; every entry of a list fully answered.
fn valid_answer(kind: &KindSpec) -> BoxedStrategy<Value> {
    match kind.clone() {
        KindSpec::Bool => any::<bool>().prop_map(Value::Bool).boxed(),
        KindSpec::Int { min, max } if min <= max => (whole_between(min, max), any::<bool>())
            .prop_map(|(n, as_text)| number_value(Decimal::from(n), as_text))
            .boxed(),
        KindSpec::Year { min, max } if min <= max => whole_between(i64::from(min), i64::from(max))
            .prop_map(Value::Int)
            .boxed(),
        KindSpec::Money { min, max } if min <= max => (money_between(min, max), any::<bool>())
            .prop_map(|(d, as_text)| number_value(d, as_text))
            .boxed(),
        KindSpec::Date { min, max } if min <= max => {
            days_between(min, max).prop_map(date_value).boxed()
        }
        KindSpec::Enum(ids) if !ids.is_empty() => {
            prop::sample::select(ids).prop_map(Value::Str).boxed()
        }
        KindSpec::List { fields, max_items } => {
            prop::collection::vec(complete_entry(&fields), 0..=max_items.min(4))
                .prop_map(Value::List)
                .boxed()
        }
        // Bounds that admit no value: the only honest answer is "unknown".
        _ => Just(Value::Null).boxed(),
    }
}

fn complete_entry(fields: &[FactSpec]) -> BoxedStrategy<Value> {
    let ids: Vec<String> = fields.iter().map(|f| f.id.clone()).collect();
    let answers: Vec<BoxedStrategy<Value>> = fields.iter().map(|f| valid_answer(&f.kind)).collect();
    answers
        .prop_map(move |values| Value::Map(ids.iter().cloned().zip(values).collect()))
        .boxed()
}

/// The largest answers a fact admits (lists at their most entries), for the decimal arithmetic.
pub(crate) fn extreme_answer(kind: &KindSpec) -> BoxedStrategy<Value> {
    match kind.clone() {
        KindSpec::Int { min, max } if min <= max => {
            let below = max.saturating_sub(1).max(min);
            prop::sample::select(vec![max, below])
                .prop_map(Value::Int)
                .boxed()
        }
        KindSpec::Money { min, max } if min <= max => {
            let below = max.checked_sub(Decimal::new(1, 2)).unwrap_or(max).max(min);
            (prop::sample::select(vec![max, below]), any::<bool>())
                .prop_map(|(d, as_text)| number_value(d, as_text))
                .boxed()
        }
        KindSpec::List { fields, max_items } => {
            let n = max_items.min(500);
            prop::collection::vec(complete_entry(&fields), n..=n)
                .prop_map(Value::List)
                .boxed()
        }
        other => valid_answer(&other),
    }
}

const HOSTILE_TEXT: &[&str] = &[
    "",
    " ",
    "1e9",
    "1,000",
    "１２",
    "-0.00",
    "12.345",
    "NaN",
    "Infinity",
    "2023-02-29",
    "2023-13-01",
    "2023-04-31",
    "0000-00-00",
    "9999-12-31",
    "1899-12-31",
    "2201-01-01",
    "2024-2-9",
    "true",
    "yes",
    "null",
    "💼",
    "\u{0}",
    "\u{202e}rtl",
    "99999999999999999999999999999999",
    "79228162514264337593543950336",
    "0.0000000000000000000000000001",
];

/// Anything a client might send, whatever the fact.
pub(crate) fn hostile_value() -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop::sample::select(vec![0, -1, 1, i64::MAX, i64::MIN, 1_000_000_000_000_000])
            .prop_map(Value::Int),
        prop::sample::select(vec![
            Decimal::new(1, 28),
            Decimal::new(-1, 2),
            Decimal::new(12_345, 3),
            Decimal::new(5, 1),
            Decimal::MAX,
            Decimal::MIN,
        ])
        .prop_map(Value::Number),
        Just(Value::BadNumber),
        prop::sample::select(HOSTILE_TEXT).prop_map(|s| Value::Str(s.to_owned())),
        Just(Value::Str("9".repeat(10_000))),
        Just(Value::List(Vec::new())),
        Just(Value::Map(vec![("x".into(), Value::Null)])),
    ]
    .boxed()
}

/// Right type, wrong value: just past a bound, too precise, not a choice, too many entries.
fn out_of_bounds(kind: &KindSpec) -> BoxedStrategy<Value> {
    let tiny = Decimal::new(1, 3);
    let candidates: Vec<Value> = match kind {
        KindSpec::Bool => vec![Value::Str("TRUE".into()), Value::Int(1)],
        KindSpec::Int { min, max } => [min.checked_sub(1), max.checked_add(1)]
            .into_iter()
            .flatten()
            .map(Value::Int)
            .chain([Value::Number(Decimal::new(15, 1))])
            .collect(),
        KindSpec::Year { min, max } => vec![
            Value::Int(i64::from(*min) - 1),
            Value::Int(i64::from(*max) + 1),
            Value::Number(Decimal::new(20_235, 1)),
        ],
        KindSpec::Money { min, max } => [
            min.checked_sub(Decimal::new(1, 2)),
            max.checked_add(Decimal::new(1, 2)),
            min.checked_add(tiny),
        ]
        .into_iter()
        .flatten()
        .map(Value::Number)
        .collect(),
        KindSpec::Date { min, max } => [min.add_days(-1), max.add_days(1)]
            .into_iter()
            .flatten()
            .map(date_value)
            .chain([Value::Str(format!("{}-02-30", min.year()))])
            .collect(),
        KindSpec::Enum(ids) => vec![
            Value::Str("not_a_choice".into()),
            Value::Str(ids.first().map(|s| s.to_uppercase()).unwrap_or_default()),
        ],
        KindSpec::List { fields, max_items } => {
            let stray = Value::Map(vec![("not_a_field".into(), Value::Int(1))]);
            let wrong = Value::Map(
                fields
                    .iter()
                    .map(|f| (f.id.clone(), Value::Str("2023-02-30".into())))
                    .collect(),
            );
            vec![
                Value::List(vec![Value::Map(Vec::new()); max_items + 1]),
                Value::List(vec![Value::Int(3), Value::Null, Value::Str("x".into())]),
                Value::List(vec![stray, wrong]),
            ]
        }
    };
    if candidates.is_empty() {
        return hostile_value();
    }
    prop::sample::select(candidates).boxed()
}

/// One answer of any kind: mostly valid, sometimes extreme, beyond the bounds, or hostile.
pub(crate) fn any_answer(kind: &KindSpec) -> BoxedStrategy<Value> {
    let valid = match kind {
        KindSpec::List { fields, max_items } => {
            prop::collection::vec(partial_entry(fields), 0..=(*max_items).min(4))
                .prop_map(Value::List)
                .boxed()
        }
        _ => valid_answer(kind),
    };
    prop_oneof![
        12 => valid,
        1 => extreme_answer(kind),
        2 => out_of_bounds(kind),
        3 => hostile_value(),
    ]
    .boxed()
}

/// A list entry with some fields unanswered and some answered badly.
fn partial_entry(fields: &[FactSpec]) -> BoxedStrategy<Value> {
    let ids: Vec<String> = fields.iter().map(|f| f.id.clone()).collect();
    let answers: Vec<BoxedStrategy<Option<Value>>> = fields
        .iter()
        .map(|f| prop::option::weighted(0.7, any_answer(&f.kind)).boxed())
        .collect();
    prop_oneof![
        8 => answers.prop_map(move |values| {
            Value::Map(
                ids.iter()
                    .cloned()
                    .zip(values)
                    .filter_map(|(id, v)| Some((id, v?)))
                    .collect(),
            )
        }),
        1 => hostile_value(),
    ]
    .boxed()
}

/// A profile as answers aligned with the ruleset's facts (`None`: the key is absent), plus keys
/// that are no question of the ruleset.
#[derive(Clone, Debug)]
pub(crate) struct Answers {
    given: Vec<Option<Value>>,
    stray: Vec<(String, Value)>,
}

const STRAY_KEYS: &[&str] = &["bogus", "__proto__", "hires[0]", "Headcount"];

impl Answers {
    pub(crate) fn to_value(&self, facts: &[FactSpec]) -> Value {
        Value::Map(
            facts
                .iter()
                .zip(&self.given)
                .filter_map(|(f, v)| Some((f.id.clone(), v.clone()?)))
                .chain(self.stray.iter().cloned())
                .collect(),
        )
    }
}

/// Answers to some of the facts (how many varies from case to case, so both sparse and nearly
/// complete profiles come up); computed facts only rarely, as a client might try.
pub(crate) fn answers(
    facts: &[FactSpec],
    answer: fn(&KindSpec) -> BoxedStrategy<Value>,
) -> BoxedStrategy<Answers> {
    let facts = facts.to_vec();
    (1..=9u32)
        .prop_flat_map(move |density| {
            let given: Vec<BoxedStrategy<Option<Value>>> = facts
                .iter()
                .map(|f| {
                    let p = if f.computed {
                        0.05
                    } else {
                        f64::from(density) / 10.0
                    };
                    prop::option::weighted(p, answer(&f.kind)).boxed()
                })
                .collect();
            let stray = prop::collection::vec(
                (prop::sample::select(STRAY_KEYS), hostile_value())
                    .prop_map(|(k, v)| (k.to_owned(), v)),
                0..=1,
            );
            (given, stray).prop_map(|(given, stray)| Answers { given, stray })
        })
        .boxed()
}

/// A profile of any shape: mostly an object of answers, some keys given twice (the last counts),
/// sometimes no object at all.
pub(crate) fn any_profile(facts: &[FactSpec]) -> BoxedStrategy<Value> {
    let owned = facts.to_vec();
    let ids: Vec<String> = facts.iter().map(|f| f.id.clone()).collect();
    let again = prop::collection::vec((prop::sample::select(ids), hostile_value()), 0..=2);
    prop_oneof![
        19 => (answers(facts, any_answer), again).prop_map(move |(a, again)| {
            let mut profile = a.to_value(&owned);
            if let Value::Map(entries) = &mut profile {
                entries.extend(again);
            }
            profile
        }),
        1 => hostile_value(),
    ]
    .boxed()
}

/// Valid answers a client may give later, one per fact (`None`: left open still).
pub(crate) fn later_answers(facts: &[FactSpec]) -> BoxedStrategy<Vec<Option<Value>>> {
    facts
        .iter()
        .map(|f| {
            if f.computed {
                Just(None).boxed()
            } else {
                prop::option::weighted(0.7, valid_answer(&f.kind)).boxed()
            }
        })
        .collect::<Vec<_>>()
        .boxed()
}

/// The profile once some open questions are answered: every fact the parsed profile leaves
/// unknown, and every unknown field of a list entry, takes its answer from `later` where there is
/// one. What was known stays exactly as it was.
pub(crate) fn answer_open_questions(
    facts: &[FactSpec],
    answers: &Answers,
    parsed: &Profile,
    later: &[Option<Value>],
) -> Answers {
    let mut out = answers.clone();
    for (i, f) in facts.iter().enumerate() {
        match (&parsed.values[i], &later[i], &f.kind) {
            (None, Some(v), _) if !f.computed => out.given[i] = Some(v.clone()),
            (
                Some(FactValue::List(rows)),
                Some(Value::List(fills)),
                KindSpec::List { fields, .. },
            ) => {
                let Some(Value::List(entries)) = &mut out.given[i] else {
                    panic!("a known list read from something else than a list");
                };
                for ((row, entry), fill) in rows.iter().zip(entries.iter_mut()).zip(fills) {
                    for (field, known) in fields.iter().zip(row) {
                        if let (None, Some(v)) = (known, fill.get(&field.id)) {
                            set_field(entry, &field.id, v.clone());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn set_field(entry: &mut Value, id: &str, v: Value) {
    match entry {
        Value::Map(fields) => {
            fields.retain(|(k, _)| k != id);
            fields.push((id.to_owned(), v));
        }
        other => *other = Value::Map(vec![(id.to_owned(), v)]),
    }
}
