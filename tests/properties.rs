//! Property tests for issue 6, "no input can crash the engine". Arbitrary profiles for the built-in
//! ruleset, and arbitrary rulesets (valid ones from a grammar, then mutated ones), never panic,
//! always give well-formed reports, and keep the promises of three-valued evaluation:
//!
//! - a part is `eligible` only when none of its conditions waits on an unknown fact;
//! - answering an open question never changes a status already decided, and only narrows an
//!   amount already known;
//! - every amount is exact (checked against an oracle with unbounded digits), never negative, and
//!   its minimum is at most its maximum; an amount a decimal cannot hold exactly is reported so.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::strategy::Union;
use rust_decimal::Decimal;
use serde_json::json;
use sme_eligibility::engine::eval::{
    AmountOutcome, Context, Evaluation, Interval, Missing, PartOutcome, Scope, Status,
};
use sme_eligibility::engine::load::{Problem, RulesetError};
use sme_eligibility::engine::logic::Tri;
use sme_eligibility::engine::model::{AmountRule, Expr, Fact, FactKind, Part, Ruleset};
use sme_eligibility::engine::profile::{FactValue, FieldProblem};
use sme_eligibility::engine::report::{self, AmountReport, Detail};
use sme_eligibility::engine::{Date, FieldError, Lang, Profile, Value, load_document};
use sme_eligibility::native::{builtin, load_json, parse_json};
use std::cmp::Ordering;
use std::sync::OnceLock;

type Json = serde_json::Value;

/// `cases` per property, unless `PROPTEST_CASES` asks for a deeper search.
fn config(cases: u32) -> ProptestConfig {
    let default = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            default.cases
        } else {
            cases
        },
        // Failures worth keeping become plain regression tests at the end of this file.
        failure_persistence: None,
        ..default
    }
}

// ── The facts a ruleset declares, as the generators see them ─────────────────────────────────

#[derive(Clone, Debug, PartialEq)]
struct FactSpec {
    id: String,
    kind: KindSpec,
    computed: bool,
}

#[derive(Clone, Debug, PartialEq)]
enum KindSpec {
    Bool,
    Int {
        min: i64,
        max: i64,
    },
    Year {
        min: i32,
        max: i32,
    },
    Money {
        min: Decimal,
        max: Decimal,
    },
    Date {
        min: Date,
        max: Date,
    },
    Enum(Vec<String>),
    List {
        fields: Vec<FactSpec>,
        max_items: usize,
    },
}

fn specs_of(facts: &[Fact]) -> Vec<FactSpec> {
    facts
        .iter()
        .map(|f| FactSpec {
            id: f.id.clone(),
            computed: f.computed,
            kind: match &f.kind {
                FactKind::Bool => KindSpec::Bool,
                FactKind::Int { min, max } => KindSpec::Int {
                    min: *min,
                    max: *max,
                },
                FactKind::Year { min, max } => KindSpec::Year {
                    min: *min,
                    max: *max,
                },
                FactKind::Money { min, max } => KindSpec::Money {
                    min: *min,
                    max: *max,
                },
                FactKind::Date { min, max } => KindSpec::Date {
                    min: *min,
                    max: *max,
                },
                FactKind::Enum(choices) => {
                    KindSpec::Enum(choices.iter().map(|c| c.id.clone()).collect())
                }
                FactKind::List { fields, max_items } => KindSpec::List {
                    fields: specs_of(fields),
                    max_items: *max_items,
                },
            },
        })
        .collect()
}

fn shanghai() -> &'static Ruleset {
    static RULESET: OnceLock<Ruleset> = OnceLock::new();
    RULESET.get_or_init(|| {
        builtin().unwrap_or_else(|e| panic!("the built-in ruleset is refused: {e:?}"))
    })
}

fn shanghai_facts() -> &'static [FactSpec] {
    static FACTS: OnceLock<Vec<FactSpec>> = OnceLock::new();
    FACTS.get_or_init(|| specs_of(&shanghai().facts))
}

// ── Answers: valid, at the bounds, beyond them, and plain hostile ────────────────────────────

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} is not a date"))
}

/// Mostly the policy's years; now and then the ends of the calendar, where relative dates fall off.
fn as_of() -> impl Strategy<Value = Date> {
    let ends = vec![date(1900, 1, 1), date(2024, 2, 29), date(2200, 12, 31)];
    prop_oneof![
        19 => days_between(date(2022, 1, 1), date(2027, 12, 31)),
        1 => prop::sample::select(ends),
    ]
}

fn language() -> impl Strategy<Value = Lang> {
    prop::sample::select(Lang::ALL.to_vec())
}

fn days_between(min: Date, max: Date) -> BoxedStrategy<Date> {
    (min.day_number()..=max.day_number())
        .prop_map(move |n| Date::from_day_number(n).unwrap_or(min))
        .boxed()
}

/// Whole numbers in `min..=max`, the bounds and small counts favoured.
fn whole_between(min: i64, max: i64) -> BoxedStrategy<i64> {
    prop_oneof![
        Just(min),
        Just(max),
        min..=max,
        (0..=20i64).prop_map(move |n| n.clamp(min, max)),
    ]
    .boxed()
}

/// Yuan with at most two decimals in `min..=max`: the bounds, a fen below the top, anywhere.
fn money_between(min: Decimal, max: Decimal) -> BoxedStrategy<Decimal> {
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
fn extreme_answer(kind: &KindSpec) -> BoxedStrategy<Value> {
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
fn hostile_value() -> BoxedStrategy<Value> {
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
fn any_answer(kind: &KindSpec) -> BoxedStrategy<Value> {
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
struct Answers {
    given: Vec<Option<Value>>,
    stray: Vec<(String, Value)>,
}

const STRAY_KEYS: &[&str] = &["bogus", "__proto__", "hires[0]", "Headcount"];

impl Answers {
    fn to_value(&self, facts: &[FactSpec]) -> Value {
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
fn answers(
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
fn any_profile(facts: &[FactSpec]) -> BoxedStrategy<Value> {
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
fn later_answers(facts: &[FactSpec]) -> BoxedStrategy<Vec<Option<Value>>> {
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
fn answer_open_questions(
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

// ── What every evaluation and report must satisfy ────────────────────────────────────────────

/// The profile as read and its evaluation, every check already passed.
struct Checked {
    profile: Profile,
    evaluation: Evaluation,
}

/// Reads and evaluates a profile, and checks the outcome and both reports in `lang`.
fn evaluate_checked(rs: &Ruleset, input: &Value, as_of: Date, lang: Lang) -> Checked {
    let (profile, errors) = Profile::parse(rs, input);
    let evaluation = {
        let cx = Context::new(rs, &profile, as_of);
        let ev = cx.evaluate();
        check_evaluation(&cx, &ev);
        check_reports(&cx, &ev, &errors, lang);
        ev
    };
    for e in &errors {
        check_field_error(rs, e);
    }
    Checked {
        profile,
        evaluation,
    }
}

fn check_evaluation(cx: &Context, ev: &Evaluation) {
    let rs = cx.rs;
    assert_eq!(ev.measures.len(), rs.measures.len());
    for (m, mo) in rs.measures.iter().zip(&ev.measures) {
        let parts = ev.parts(mo);
        assert_eq!(parts.len(), m.parts.len(), "measure {}", m.id);
        for (p, po) in m.parts.iter().zip(parts) {
            check_part(cx, p, po);
        }
        // An eligible measure may still list missing facts: those of its parts not decided yet
        // (an award (b) besides the award (a) it has). Eligibility itself is checked part by part.
        let any = |s: Status| parts.iter().any(|p| p.status == s);
        assert_eq!(mo.status == Status::Eligible, any(Status::Eligible));
        if mo.status == Status::NeedsInfo {
            assert!(any(Status::NeedsInfo), "measure {}", m.id);
        }
        if let Some(a) = mo.amount {
            check_interval(a);
        }
        for miss in &mo.missing {
            assert!(parts.iter().any(|p| p.missing.contains(miss)));
        }
    }
}

fn check_part(cx: &Context, p: &Part, po: &PartOutcome) {
    let amount_base: &[Missing] = match &po.amount {
        AmountOutcome::Unknown(m) => m,
        _ => &[],
    };
    match po.status {
        // Eligible only when no condition waits on an unknown fact: what it may still ask for is
        // the base of its amount.
        Status::Eligible => {
            assert_eq!(po.missing, amount_base, "part {}", p.id);
            match &p.amount {
                None => assert_eq!(po.amount, AmountOutcome::NotStated),
                Some(rule) => check_amount_is_exact(cx, rule, &po.amount),
            }
        }
        // Undecided, it names what would decide it.
        Status::NeedsInfo => assert!(!po.missing.is_empty(), "part {} asks nothing", p.id),
        _ => {
            assert!(po.missing.is_empty(), "part {}", p.id);
            assert!(matches!(
                po.amount,
                AmountOutcome::None | AmountOutcome::NotStated
            ));
        }
    }
    for miss in &po.missing {
        assert!(
            is_unknown(cx.profile, miss),
            "part {} asks for {miss:?}, which the profile answers",
            p.id
        );
    }
    if let AmountOutcome::Known(i) = po.amount {
        check_interval(i);
    }
}

fn is_unknown(profile: &Profile, miss: &Missing) -> bool {
    match (miss.item, &profile.values[miss.fact]) {
        (None, v) => v.is_none(),
        (Some((entry, field)), Some(FactValue::List(rows))) => rows
            .get(entry)
            .and_then(|r| r.get(field))
            .is_some_and(Option::is_none),
        (Some(_), _) => false,
    }
}

fn check_interval(i: Interval) {
    assert!(
        !i.lo.is_sign_negative() || i.lo.is_zero(),
        "negative amount {i:?}"
    );
    if let Some(hi) = i.hi {
        assert!(i.lo <= hi, "minimum above maximum: {i:?}");
    }
}

fn check_reports(cx: &Context, ev: &Evaluation, errors: &[FieldError], lang: Lang) {
    for detail in [Detail::Full, Detail::Summary] {
        let r = report::build(cx, ev, errors, lang, detail);
        let text = serde_json::to_string(&r).unwrap_or_else(|e| panic!("report: {e}"));
        assert!(
            !text.contains("{0}") && !text.contains("{1}"),
            "unfilled text"
        );
        let mut counts = [0usize; 5];
        for m in &r.measures {
            let i = Status::ALL.iter().position(|s| s.code() == m.status);
            counts[i.unwrap_or_else(|| panic!("status {}", m.status))] += 1;
            m.amount.iter().for_each(check_amount_report);
            m.parts
                .iter()
                .flat_map(|p| &p.amount)
                .for_each(check_amount_report);
        }
        let s = &r.summary;
        let summary = [
            s.eligible,
            s.needs_info,
            s.ineligible,
            s.expired,
            s.not_applicable,
        ];
        assert_eq!(summary, counts, "summary counts");
        s.amount.iter().for_each(check_amount_report);
        for q in r.next_questions.iter().flatten() {
            let most = q.money.as_deref().map(decimal);
            assert!(
                most.is_none_or(|d| d >= Decimal::ZERO),
                "{}: {most:?}",
                q.fact
            );
        }
        assert_eq!(r.errors.len(), errors.len());
        for e in &r.errors {
            assert!(
                !e.field.is_empty() || e.code == "not_an_object",
                "{}",
                e.message
            );
            assert!(!e.message.is_empty());
        }
    }
}

fn decimal(s: &str) -> Decimal {
    s.parse::<Decimal>()
        .unwrap_or_else(|_| panic!("amount “{s}”"))
}

fn check_amount_report(a: &AmountReport) {
    let min = decimal(&a.min);
    let max = a.max.as_deref().map(decimal);
    check_interval(Interval { lo: min, hi: max });
    let kind = match max {
        None => "floor",
        Some(m) if m == min => "exact",
        Some(_) if min.is_zero() => "cap",
        Some(_) => "range",
    };
    assert_eq!(a.kind, kind, "{} – {:?}", a.min, a.max);
}

/// Names a field (or the profile itself) and reads in all three languages.
fn check_field_error(rs: &Ruleset, e: &FieldError) {
    assert!(
        !e.path.is_empty() || e.problem == FieldProblem::NotAnObject,
        "{e:?}"
    );
    check_messages(&Lang::ALL.map(|l| e.message(rs, l)), &format!("{e:?}"));
}

fn check_messages(messages: &[String; 3], what: &str) {
    let [zh, ja, en] = messages;
    for m in messages {
        assert!(!m.trim().is_empty(), "{what}: empty message");
        assert!(!m.contains("{0}") && !m.contains("{1}"), "{what}: {m}");
    }
    assert!(zh != en && ja != en, "{what}: one language for all: {en}");
}

/// Refused with reasons: each at a path (the document's own keys sit at its root) and in three
/// languages.
fn check_refusal(errors: &[RulesetError]) {
    assert!(!errors.is_empty(), "refused without a reason");
    for e in errors {
        let at_root = matches!(
            e.problem,
            Problem::MissingKey(_)
                | Problem::UnknownKey(_)
                | Problem::NotADocument(_)
                | Problem::NotJson(_)
        );
        assert!(!e.path.is_empty() || at_root, "no path: {e:?}");
        check_messages(&Lang::ALL.map(|l| e.message(l)), &format!("{e:?}"));
    }
}

/// The evaluation after open questions are answered (`after`) against the one before: decided
/// statuses stay, known amounts only narrow.
fn check_answers_only_narrow(rs: &Ruleset, before: &Evaluation, after: &Evaluation) {
    for (m, (b, a)) in rs
        .measures
        .iter()
        .zip(before.measures.iter().zip(&after.measures))
    {
        let id = m.id;
        if b.status != Status::NeedsInfo {
            assert_eq!(a.status, b.status, "measure {id} was decided");
        }
        let (bp, ap) = (before.parts(b), after.parts(a));
        for (p, (x, y)) in m.parts.iter().zip(bp.iter().zip(ap)) {
            if x.status != Status::NeedsInfo {
                assert_eq!(y.status, x.status, "measure {id} part {} was decided", p.id);
            }
            match (&x.amount, &y.amount) {
                (AmountOutcome::Known(i), AmountOutcome::Known(j)) => {
                    assert!(within(*j, *i), "measure {id} part {}: {j:?} ⊄ {i:?}", p.id)
                }
                // A range whose bounds are different formulas over counts still open: narrowed,
                // its minimum may pass its maximum (checked legitimate by `check_amount_is_exact`).
                (AmountOutcome::Known(_), AmountOutcome::Inconsistent) => {}
                (AmountOutcome::Known(i), other) => {
                    panic!("measure {id} part {}: {i:?} became {other:?}", p.id)
                }
                (AmountOutcome::Inconsistent, other) => {
                    assert_eq!(
                        *other,
                        AmountOutcome::Inconsistent,
                        "measure {id} part {}",
                        p.id
                    )
                }
                _ => {}
            }
        }
        // An eligible measure's amount only grows at its floor as more parts qualify; with every
        // part decided and every amount known, it only narrows.
        if b.status == Status::Eligible && !a.amount_incomplete {
            let settled = bp.iter().all(|p| p.status != Status::NeedsInfo) && !b.amount_incomplete;
            match (b.amount, a.amount) {
                (Some(i), Some(j)) if settled => assert!(within(j, i), "measure {id}"),
                (Some(i), Some(j)) => assert!(j.lo >= i.lo, "measure {id}"),
                (Some(i), None) => panic!("measure {id}: {i:?} lost"),
                (None, _) => {}
            }
        }
    }
}

fn within(inner: Interval, outer: Interval) -> bool {
    inner.lo >= outer.lo
        && match (inner.hi, outer.hi) {
            (_, None) => true,
            (Some(x), Some(y)) => x <= y,
            (None, Some(_)) => false,
        }
}

/// Evaluates a profile, answers some of its open questions, evaluates again: both outcomes well
/// formed, and the second only narrows the first.
fn check_answering(
    rs: &Ruleset,
    facts: &[FactSpec],
    given: &Answers,
    later: &[Option<Value>],
    as_of: Date,
    lang: Lang,
) {
    let before = evaluate_checked(rs, &given.to_value(facts), as_of, lang);
    let answered = answer_open_questions(facts, given, &before.profile, later);
    let after = evaluate_checked(rs, &answered.to_value(facts), as_of, lang);
    // The generator's answers are valid: each open question it answered is now known.
    for (i, v) in before.profile.values.iter().enumerate() {
        if v.is_none() && later[i].as_ref().is_some_and(|l| *l != Value::Null) {
            assert!(
                after.profile.values[i].is_some(),
                "{} still open",
                facts[i].id
            );
        }
    }
    check_answers_only_narrow(rs, &before.evaluation, &after.evaluation);
}

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
fn check_amount_is_exact(cx: &Context, rule: &AmountRule, outcome: &AmountOutcome) {
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

// ── A grammar of valid rulesets ──────────────────────────────────────────────────────────────

fn texts(s: &str) -> Json {
    json!({ "zh": format!("{s}（中文）"), "ja": format!("{s}（日本語）"), "en": s })
}

fn scalar_kind() -> BoxedStrategy<KindSpec> {
    let money = [(0, 1_000_000_000_000_i64), (0, 1_000_000), (-1_000, 1_000)]
        .map(|(a, b)| (Decimal::from(a), Decimal::from(b)));
    prop_oneof![
        Just(KindSpec::Bool),
        prop::sample::select(vec![
            (0, 10),
            (0, i64::from(i32::MAX)),
            (-5, 5),
            (0, i64::MAX),
            (i64::MIN, i64::MAX),
        ])
        .prop_map(|(min, max)| KindSpec::Int { min, max }),
        prop::sample::select(vec![(1990, 2100), (2020, 2030)])
            .prop_map(|(min, max)| KindSpec::Year { min, max }),
        prop::sample::select(
            money
                .into_iter()
                .chain([(Decimal::ZERO, Decimal::MAX)])
                .collect::<Vec<_>>()
        )
        .prop_map(|(min, max)| KindSpec::Money { min, max }),
        prop::sample::select(vec![
            (date(1950, 1, 1), date(2100, 12, 31)),
            (date(2022, 1, 1), date(2027, 12, 31)),
        ])
        .prop_map(|(min, max)| KindSpec::Date { min, max }),
        (1..=4usize).prop_map(|n| KindSpec::Enum((0..n).map(|i| format!("v{i}")).collect())),
    ]
    .boxed()
}

/// A few scalar facts and one list fact whose entries have scalar fields.
fn fact_specs() -> BoxedStrategy<Vec<FactSpec>> {
    let spec = |prefix: &'static str| {
        move |(i, kind): (usize, KindSpec)| FactSpec {
            id: format!("{prefix}{i}"),
            kind,
            computed: false,
        }
    };
    let list = (
        prop::collection::vec(scalar_kind(), 1..=3),
        prop::sample::select(vec![0usize, 1, 3, 1000]),
    )
        .prop_map(move |(kinds, max_items)| KindSpec::List {
            fields: kinds.into_iter().enumerate().map(spec("g")).collect(),
            max_items,
        });
    (prop::collection::vec(scalar_kind(), 2..=6), list)
        .prop_map(move |(mut kinds, list)| {
            kinds.push(list);
            kinds.into_iter().enumerate().map(spec("f")).collect()
        })
        .boxed()
}

fn fact_json(f: &FactSpec, top: bool) -> Json {
    let mut o = json!({ "id": f.id, "label": texts(&f.id) });
    if top {
        o["section"] = json!("s");
    }
    let (kind, extra) = match &f.kind {
        KindSpec::Bool => ("bool", json!({})),
        KindSpec::Int { min, max } => ("int", json!({ "min": min, "max": max })),
        KindSpec::Year { min, max } => ("year", json!({ "min": min, "max": max })),
        KindSpec::Money { min, max } => (
            "money",
            json!({ "min": min.to_string(), "max": max.to_string() }),
        ),
        KindSpec::Date { min, max } => (
            "date",
            json!({ "min": min.to_string(), "max": max.to_string() }),
        ),
        KindSpec::Enum(ids) => (
            "enum",
            json!({ "values": ids.iter().map(|v| json!({ "id": v, "label": texts(v) })).collect::<Vec<_>>() }),
        ),
        KindSpec::List { fields, max_items } => (
            "list",
            json!({
                "fields": fields.iter().map(|x| fact_json(x, false)).collect::<Vec<_>>(),
                "max_items": max_items,
            }),
        ),
    };
    o["type"] = json!(kind);
    if let (Json::Object(o), Json::Object(extra)) = (&mut o, extra) {
        o.extend(extra);
    }
    o
}

const COMPARISONS: &[&str] = &["=", "!=", "<", "<=", ">", ">=", "between"];

/// `subject op value` (`between` takes two values), with the clause words a number needs.
fn comparison(
    subject: BoxedStrategy<Json>,
    operand: BoxedStrategy<Json>,
    cited: bool,
) -> BoxedStrategy<Json> {
    (
        subject,
        prop::sample::select(COMPARISONS),
        operand.clone(),
        operand,
    )
        .prop_map(move |(mut leaf, op, a, b)| {
            leaf["op"] = json!(op);
            leaf["value"] = if op == "between" { json!([a, b]) } else { a };
            if cited {
                leaf["cite"] = texts("threshold");
            }
            leaf
        })
        .boxed()
}

fn relative(base: &str, n: i32, unit: &str) -> Json {
    let sign = if n < 0 { '-' } else { '+' };
    json!(format!("{base}{sign}{}{unit}", n.unsigned_abs()))
}

/// A condition on one fact (of the profile, or of a list entry), by its type.
fn fact_condition(f: &FactSpec) -> Option<BoxedStrategy<Json>> {
    let subject = Just(json!({ "fact": f.id })).boxed();
    let id = f.id.clone();
    Some(match f.kind.clone() {
        KindSpec::Bool => prop_oneof![
            Just(json!({ "fact": id })),
            (prop::sample::select(vec!["=", "!="]), any::<bool>())
                .prop_map(move |(op, b)| json!({ "fact": id, "op": op, "value": b })),
        ]
        .boxed(),
        KindSpec::Int { min, max } => {
            let operand = whole_between(min.saturating_sub(1), max.saturating_add(1))
                .prop_map(|n| json!(n))
                .boxed();
            comparison(subject, operand, true)
        }
        KindSpec::Money { min, max } => {
            let operand = money_between(min, max)
                .prop_map(|d| json!(d.to_string()))
                .boxed();
            comparison(subject, operand, true)
        }
        KindSpec::Year { min, max } => {
            let operand = prop_oneof![
                (min..=max).prop_map(|y| json!(y)),
                (-3..=3i32).prop_map(|n| relative("as_of_year", n, "")),
                Just(json!("as_of_year-999")),
            ]
            .boxed();
            comparison(subject, operand, false)
        }
        KindSpec::Date { min, max } => {
            let operand = prop_oneof![
                days_between(min, max).prop_map(|d| json!(d.to_string())),
                (-40..=40i32, prop::sample::select(vec!["y", "m", "d"]))
                    .prop_map(|(n, unit)| relative("as_of", n, unit)),
                Just(json!("as_of")),
                prop::sample::select(vec!["as_of-99999d", "as_of+99999d", "as_of-300y"])
                    .prop_map(|s| json!(s)),
            ]
            .boxed();
            comparison(subject, operand, false)
        }
        KindSpec::Enum(ids) => {
            let n = ids.len();
            let one = prop::sample::select(ids.clone());
            let id2 = id.clone();
            prop_oneof![
                (prop::sample::select(vec!["=", "!="]), one)
                    .prop_map(move |(op, v)| json!({ "fact": id, "op": op, "value": v })),
                (
                    prop::sample::select(vec!["in", "not_in"]),
                    prop::sample::subsequence(ids, 0..=n)
                )
                    .prop_map(move |(op, vs)| json!({ "fact": id2, "op": op, "value": vs })),
            ]
            .boxed()
        }
        KindSpec::List { .. } => return None,
    })
}

/// How many entries of a list meet a filter (itself conditions on the entry's fields).
fn count_of(id: &str, fields: &[FactSpec], refs: usize) -> BoxedStrategy<Json> {
    let id = id.to_owned();
    prop::collection::vec(condition(fields, refs, false), 0..=2)
        .prop_map(move |w| json!({ "count": id, "where": w }))
        .boxed()
}

/// A condition over `scope` (the profile's facts when `top`, else a list entry's fields), nested
/// all/any/not, naming derived conditions `d0`… below `refs`.
fn condition(scope: &[FactSpec], refs: usize, top: bool) -> BoxedStrategy<Json> {
    let mut leaves: Vec<BoxedStrategy<Json>> = scope.iter().filter_map(fact_condition).collect();
    if refs > 0 {
        leaves.push(
            (0..refs)
                .prop_map(|i| json!({ "ref": format!("d{i}") }))
                .boxed(),
        );
    }
    for f in scope.iter().filter(|_| top) {
        if let KindSpec::List { fields, .. } = &f.kind {
            let operand = (0..=5i64).prop_map(|n| json!(n)).boxed();
            leaves.push(comparison(count_of(&f.id, fields, refs), operand, true));
        }
    }
    Union::new(leaves)
        .prop_recursive(3, 16, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 1..=3).prop_map(|k| json!({ "all": k })),
                prop::collection::vec(inner.clone(), 1..=3).prop_map(|k| json!({ "any": k })),
                inner.prop_map(|k| json!({ "not": k })),
            ]
        })
        .boxed()
}

/// Constants of amounts: rates, caps, and the extremes of a decimal's digits.
const CONSTANTS: &[&str] = &[
    "0",
    "1",
    "12",
    "0.05",
    "0.30",
    "2000",
    "500000",
    "0.3333333333333333333333333333",
    "0.0000000000000000000000000001",
    "79228162514264337593543950335",
];

fn amount_expr(facts: &[FactSpec], refs: usize) -> BoxedStrategy<Json> {
    let mut leaves = vec![
        prop::sample::select(CONSTANTS)
            .prop_map(|c| json!(c))
            .boxed(),
    ];
    let numeric: Vec<String> = facts
        .iter()
        // The loader refuses a formula over a fact that can be negative: an amount never is.
        .filter(|f| match f.kind {
            KindSpec::Int { min, .. } => min >= 0,
            KindSpec::Money { min, .. } => !min.is_sign_negative() || min.is_zero(),
            _ => false,
        })
        .map(|f| f.id.clone())
        .collect();
    if !numeric.is_empty() {
        leaves.push(
            prop::sample::select(numeric)
                .prop_map(|id| json!({ "fact": id }))
                .boxed(),
        );
    }
    for f in facts {
        if let KindSpec::List { fields, .. } = &f.kind {
            leaves.push(count_of(&f.id, fields, refs));
        }
    }
    Union::new(leaves)
        .prop_recursive(2, 8, 3, |inner| {
            (
                prop::sample::select(vec!["mul", "add", "min_of", "max_of"]),
                prop::collection::vec(inner, 2..=3),
            )
                .prop_map(|(op, terms)| {
                    let mut o = serde_json::Map::new();
                    o.insert(op.to_owned(), json!(terms));
                    Json::Object(o)
                })
        })
        .boxed()
}

/// An amount: exact, a floor, a cap, or a range (constant bounds in order, as the loader asks).
fn amount_rule(facts: &[FactSpec], refs: usize) -> BoxedStrategy<Json> {
    let e = amount_expr(facts, refs);
    let constant = |j: &Json| j.as_str().and_then(|s| s.parse::<Decimal>().ok());
    prop_oneof![
        e.clone().prop_map(|x| json!({ "exact": x })),
        e.clone().prop_map(|x| json!({ "min": x })),
        e.clone().prop_map(|x| json!({ "min": "0", "max": x })),
        (e.clone(), e).prop_map(move |(a, b)| match (constant(&a), constant(&b)) {
            (Some(x), Some(y)) if x > y => json!({ "min": b, "max": a }),
            _ => json!({ "min": a, "max": b }),
        }),
    ]
    .prop_map(|mut a| {
        a["cite"] = texts("amount");
        a
    })
    .boxed()
}

fn window() -> BoxedStrategy<Option<Json>> {
    let day = || days_between(date(2022, 1, 1), date(2027, 12, 31));
    prop_oneof![
        2 => Just(None),
        1 => (day(), day(), 0..3u8).prop_map(|(a, b, shape)| {
            let (from, to) = (a.min(b).to_string(), a.max(b).to_string());
            Some(match shape {
                0 => json!({ "from": from, "cite": texts("from") }),
                1 => json!({ "to": to, "cite": texts("until") }),
                _ => json!({ "from": from, "to": to, "cite": texts("window") }),
            })
        }),
    ]
    .boxed()
}

fn part(facts: &[FactSpec], refs: usize) -> BoxedStrategy<Json> {
    (
        window(),
        prop::collection::vec(condition(facts, refs, true), 0..=3),
        prop::option::weighted(0.7, amount_rule(facts, refs)),
    )
        .prop_map(|(window, when, amount)| {
            let mut p = json!({ "title": texts("part"), "when": when });
            if let Some(w) = window {
                p["window"] = w;
            }
            if let Some(a) = amount {
                p["amount"] = a;
            }
            p
        })
        .boxed()
}

fn measure(facts: &[FactSpec], refs: usize) -> BoxedStrategy<Json> {
    (
        prop::sample::select(vec!["benefit", "support", "programme", "government"]),
        window(),
        prop::collection::vec(part(facts, refs), 1..=3),
    )
        .prop_map(|(kind, window, parts)| {
            let parts: Vec<Json> = parts
                .into_iter()
                .enumerate()
                .map(|(j, mut p)| {
                    p["id"] = json!(format!("p{j}"));
                    p
                })
                .collect();
            let mut m = json!({
                "chapter": 1, "kind": kind, "title": texts("measure"), "text": texts("clause"),
                "departments": ["dep"], "sources": ["s1"], "parts": parts,
            });
            if let Some(w) = window {
                m["window"] = w;
            }
            m
        })
        .boxed()
}

fn document(facts: &[FactSpec], derived: Vec<Json>, measures: Vec<Json>) -> Json {
    let derived: Vec<Json> = derived
        .into_iter()
        .enumerate()
        .map(|(i, when)| json!({ "id": format!("d{i}"), "label": texts("named"), "when": when }))
        .collect();
    let measures: Vec<Json> = measures
        .into_iter()
        .enumerate()
        .map(|(i, mut m)| {
            m["id"] = json!(i + 1);
            m
        })
        .collect();
    json!({
        "id": "generated", "version": "1", "issued": "2023-01-01",
        "title": texts("title"), "document": texts("document"), "issuer": texts("issuer"),
        "source": texts("source"),
        "chapters": [{ "id": 1, "title": texts("chapter") }],
        "sections": [{ "id": "s", "title": texts("section") }],
        "departments": [{ "id": "dep", "name": texts("department") }],
        "sources": [{ "id": "s1", "title": texts("standard"), "evidence": "cited" }],
        "facts": facts.iter().map(|f| fact_json(f, true)).collect::<Vec<_>>(),
        "derived": derived,
        "measures": measures,
    })
}

/// A valid ruleset document (JSON text) and the facts it declares. Derived condition `d{i}` may
/// name only those before it, so none refers to itself.
fn generated_ruleset() -> BoxedStrategy<(String, Vec<FactSpec>)> {
    (fact_specs(), 0..=3usize)
        .prop_flat_map(|(facts, nd)| {
            let derived: Vec<BoxedStrategy<Json>> =
                (0..nd).map(|i| condition(&facts, i, true)).collect();
            let measures = prop::collection::vec(measure(&facts, nd), 1..=4);
            (Just(facts), derived, measures)
        })
        .prop_map(|(facts, derived, measures)| {
            (document(&facts, derived, measures).to_string(), facts)
        })
        .boxed()
}

/// The ruleset of a document the grammar (or a test) holds valid, or the loader's reasons why not.
fn load_valid(text: &str) -> Ruleset {
    load_json(text).unwrap_or_else(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| e.message(Lang::En)).collect();
        panic!("a valid ruleset is refused: {messages:?}")
    })
}

/// A ruleset with a profile for it, answers to give later, a date and a language.
#[derive(Clone, Debug)]
struct Case {
    document: String,
    facts: Vec<FactSpec>,
    given: Answers,
    later: Vec<Option<Value>>,
    as_of: Date,
    lang: Lang,
}

fn case_for(rulesets: BoxedStrategy<(String, Vec<FactSpec>)>) -> BoxedStrategy<Case> {
    rulesets
        .prop_flat_map(|(document, facts)| {
            let given = answers(&facts, any_answer);
            let later = later_answers(&facts);
            (
                Just(document),
                Just(facts),
                given,
                later,
                as_of(),
                language(),
            )
        })
        .prop_map(|(document, facts, given, later, as_of, lang)| Case {
            document,
            facts,
            given,
            later,
            as_of,
            lang,
        })
        .boxed()
}

// ── Mutations of a ruleset document ──────────────────────────────────────────────────────────

#[derive(Clone, Debug)]
enum Edit {
    Remove,
    Replace(Value),
    Rename(&'static str),
    Duplicate,
    /// Adds a key to an object (to a list: an item).
    Insert(&'static str, Value),
}

/// Keys a mutation may rename to: mostly the grammar's own, so edits reach deep into meaning.
const KEYS: &[&str] = &[
    "id",
    "type",
    "min",
    "max",
    "values",
    "fields",
    "max_items",
    "computed",
    "all",
    "any",
    "not",
    "ref",
    "fact",
    "count",
    "where",
    "op",
    "value",
    "exact",
    "window",
    "from",
    "to",
    "when",
    "amount",
    "kind",
    "zh",
    "ja",
    "en",
    "bogus",
    "",
];

const SNIPPETS: &[&str] = &[
    r#"{"all": []}"#,
    r#"{"ref": "d0"}"#,
    r#"{"ref": "nowhere"}"#,
    r#"{"fact": "f0"}"#,
    r#"{"fact": "f0", "op": "in", "value": 3}"#,
    r#"{"count": "f0", "op": ">=", "value": 1}"#,
    r#"{"mul": ["1"]}"#,
    r#"{"exact": "-1", "cite": {"zh": "c", "ja": "c", "en": "c"}}"#,
    r#""as_of-99999d""#,
    r#""as_of_year+999""#,
    r#""-0.01""#,
    r#""2023-02-29""#,
    r#"{"zh": "z", "ja": "j"}"#,
    r#"[1, 2, 3]"#,
    "99999999999",
];

fn replacement() -> BoxedStrategy<Value> {
    let snippets: Vec<Value> = SNIPPETS
        .iter()
        .map(|s| parse_json(s).unwrap_or_else(|e| panic!("{s}: {e:?}")))
        .collect();
    prop_oneof![hostile_value(), prop::sample::select(snippets)].boxed()
}

fn edit() -> BoxedStrategy<(Vec<u16>, Edit)> {
    (
        prop::collection::vec(any::<u16>(), 1..=9),
        prop_oneof![
            Just(Edit::Remove),
            replacement().prop_map(Edit::Replace),
            prop::sample::select(KEYS).prop_map(Edit::Rename),
            Just(Edit::Duplicate),
            (prop::sample::select(KEYS), replacement()).prop_map(|(k, v)| Edit::Insert(k, v)),
        ],
    )
        .boxed()
}

/// Walks `path` down objects and lists (each step picks a child), then edits where it stops.
fn apply_edit(v: &mut Value, path: &[u16], edit: &Edit) {
    let step = usize::from(path.first().copied().unwrap_or(0));
    let deeper = |child: &Value| path.len() > 1 && has_children(child);
    match v {
        Value::Map(entries) if !entries.is_empty() => {
            let i = step % entries.len();
            if deeper(&entries[i].1) {
                return apply_edit(&mut entries[i].1, &path[1..], edit);
            }
            match edit {
                Edit::Remove => drop(entries.remove(i)),
                Edit::Replace(x) => entries[i].1 = x.clone(),
                Edit::Rename(k) => entries[i].0 = (*k).to_owned(),
                Edit::Duplicate => entries.push(entries[i].clone()),
                Edit::Insert(k, x) => entries.push(((*k).to_owned(), x.clone())),
            }
        }
        Value::List(items) if !items.is_empty() => {
            let i = step % items.len();
            if deeper(&items[i]) {
                return apply_edit(&mut items[i], &path[1..], edit);
            }
            match edit {
                Edit::Remove => drop(items.remove(i)),
                Edit::Replace(x) => items[i] = x.clone(),
                Edit::Rename(_) | Edit::Duplicate => items.push(items[i].clone()),
                Edit::Insert(_, x) => items.push(x.clone()),
            }
        }
        other => {
            if let Edit::Replace(x) = edit {
                *other = x.clone();
            }
        }
    }
}

fn has_children(v: &Value) -> bool {
    match v {
        Value::Map(c) => !c.is_empty(),
        Value::List(c) => !c.is_empty(),
        _ => false,
    }
}

fn rulesets_to_mutate() -> BoxedStrategy<(String, Vec<FactSpec>)> {
    prop_oneof![
        4 => generated_ruleset(),
        1 => Just((sme_eligibility::BUILTIN_RULESET.to_owned(), shanghai_facts().to_vec())),
    ]
    .boxed()
}

// ── The properties ───────────────────────────────────────────────────────────────────────────

proptest! {
    #![proptest_config(config(256))]

    /// Property 1: any profile at all, for the built-in ruleset, gives a well-formed evaluation and
    /// well-formed reports (which includes property 2: eligible parts wait on no unknown fact).
    #[test]
    fn any_profile_gives_a_well_formed_report(
        profile in any_profile(shanghai_facts()),
        as_of in as_of(),
        lang in language(),
    ) {
        evaluate_checked(shanghai(), &profile, as_of, lang);
    }

    /// Property 3: answering open questions never changes a decided status, and only narrows a
    /// known amount.
    #[test]
    fn answering_open_questions_keeps_what_was_decided(
        given in answers(shanghai_facts(), any_answer),
        later in later_answers(shanghai_facts()),
        as_of in as_of(),
        lang in language(),
    ) {
        check_answering(shanghai(), shanghai_facts(), &given, &later, as_of, lang);
    }
}

proptest! {
    #![proptest_config(config(48))]

    /// Property 5: the largest answers the built-in ruleset admits (money at its cap, counts at
    /// their most, 500 hires) give exact amounts: its bounds keep every step inside a decimal.
    #[test]
    fn the_largest_answers_give_exact_amounts(
        given in answers(shanghai_facts(), extreme_answer),
        as_of in as_of(),
    ) {
        let run = evaluate_checked(shanghai(), &given.to_value(shanghai_facts()), as_of, Lang::En);
        let overflow = run.evaluation.parts.iter().any(|p| p.amount == AmountOutcome::Overflow);
        prop_assert!(!overflow, "an amount of the built-in ruleset overflows");
    }
}

proptest! {
    #![proptest_config(config(160))]

    /// Property 4: every ruleset of the grammar loads, and keeps properties 1–3 and 5 for any
    /// profile of its facts.
    #[test]
    fn generated_rulesets_load_and_keep_every_promise(case in case_for(generated_ruleset())) {
        let rs = load_valid(&case.document);
        prop_assert_eq!(&specs_of(&rs.facts), &case.facts);
        check_answering(&rs, &case.facts, &case.given, &case.later, case.as_of, case.lang);
    }

    /// Property 4, mutations: a valid ruleset edited at random either loads (and then evaluates
    /// to well-formed reports) or is refused with reasons, each at a path and in three languages.
    #[test]
    fn a_mutated_ruleset_loads_or_is_refused_with_reasons(
        case in case_for(rulesets_to_mutate()),
        edits in prop::collection::vec(edit(), 1..=3),
    ) {
        let mut doc = parse_json(&case.document).unwrap_or_else(|e| panic!("{e:?}"));
        for (path, e) in &edits {
            apply_edit(&mut doc, path, e);
        }
        match load_document("mutated", &doc) {
            // The profile was made for the facts before the edits: what no longer fits is an error.
            Ok(rs) => {
                evaluate_checked(&rs, &case.given.to_value(&case.facts), case.as_of, case.lang);
            }
            Err(errors) => check_refusal(&errors),
        }
    }
}

// ── Regressions: shrunk failures of the properties above ─────────────────────────────────────

fn fact(id: &str, kind: KindSpec) -> FactSpec {
    FactSpec {
        id: id.to_owned(),
        kind,
        computed: false,
    }
}

fn money(min: i64, max: i64) -> KindSpec {
    KindSpec::Money {
        min: Decimal::from(min),
        max: Decimal::from(max),
    }
}

/// A benefit measure of one part (`part`, without its id and title).
fn benefit(mut part: Json) -> Json {
    part["id"] = json!("a");
    part["title"] = texts("part");
    json!({
        "chapter": 1, "kind": "benefit", "title": texts("measure"), "text": texts("clause"),
        "parts": [part],
    })
}

fn one_part_ruleset(facts: &[FactSpec], part: Json) -> Ruleset {
    load_valid(&document(facts, Vec::new(), vec![benefit(part)]).to_string())
}

/// The only part's outcome for a profile (JSON text) on 1 July 2023, every check passed.
fn the_part(rs: &Ruleset, profile: &str) -> PartOutcome {
    let input = parse_json(profile).unwrap_or_else(|e| panic!("{profile}: {e:?}"));
    let run = evaluate_checked(rs, &input, date(2023, 7, 1), Lang::En);
    run.evaluation.parts[0].clone()
}

fn amount_rule_of(exact_or_bounds: Json) -> Json {
    let mut amount = exact_or_bounds;
    amount["cite"] = texts("amount");
    json!({ "amount": amount })
}

/// `as_of-99999d` lies before 1900, where no date can be built: the comparison stayed unknown
/// however the date was answered, and the part asked for a date it had been given.
#[test]
fn a_relative_date_beyond_the_calendar_still_compares() {
    let founded = fact(
        "founded",
        KindSpec::Date {
            min: date(1950, 1, 1),
            max: date(2100, 12, 31),
        },
    );
    let when = |op: &str, value: Json| {
        one_part_ruleset(
            std::slice::from_ref(&founded),
            json!({ "when": [{ "fact": "founded", "op": op, "value": value }] }),
        )
    };
    let profile = r#"{"founded": "2020-01-01"}"#;
    let status = |rs: &Ruleset| the_part(rs, profile).status;
    assert_eq!(status(&when(">", json!("as_of-99999d"))), Status::Eligible);
    assert_eq!(status(&when("<", json!("as_of+300y"))), Status::Eligible);
    assert_eq!(status(&when("=", json!("as_of-300y"))), Status::Ineligible);
    let far_past = json!(["as_of-99999d", "as_of-300y"]);
    assert_eq!(status(&when("between", far_past)), Status::Ineligible);
}

/// rust_decimal rounds a product needing more than 28 places: a third of 1,000,000.01 yuan came
/// out as a rounded number, presented as exact.
#[test]
fn an_amount_a_decimal_cannot_hold_exactly_is_reported_not_rounded() {
    let rs = one_part_ruleset(
        &[fact("investment", money(0, 1_000_000_000_000))],
        amount_rule_of(json!({
            "exact": { "mul": ["0.3333333333333333333333333333", { "fact": "investment" }] }
        })),
    );
    let part = the_part(&rs, r#"{"investment": "1000000.01"}"#);
    assert_eq!(part.amount, AmountOutcome::Overflow);
    // 28 places exactly: a decimal holds it.
    let part = the_part(&rs, r#"{"investment": 3}"#);
    let nines = "0.9999999999999999999999999999".parse::<Decimal>();
    assert_eq!(
        part.amount,
        AmountOutcome::Known(Interval::point(nines.unwrap_or_default()))
    );
    // Found by the generated rulesets: 10⁻²⁸ × (2⁹⁶ − 1) fits, times yuan and fen it does not.
    let rs = one_part_ruleset(
        &[fact("investment", money(0, 1_000_000))],
        amount_rule_of(json!({ "min": "0", "max": { "mul": [
            "0.0000000000000000000000000001", "79228162514264337593543950335",
            { "fact": "investment" },
        ] } })),
    );
    let part = the_part(&rs, r#"{"investment": "192265.75"}"#);
    assert_eq!(part.amount, AmountOutcome::Overflow);
}

/// A ruleset may let a money fact go below zero (a loss): 20 % of it was a negative award, −100
/// yuan "to win" in the next questions, and a count range times a negative number gave a minimum
/// above the maximum. The loader now refuses a formula over any fact that can be negative.
#[test]
fn a_formula_over_a_fact_that_can_be_negative_is_refused() {
    let refused = |facts: &[FactSpec], amount: serde_json::Value| {
        let text = document(facts, Vec::new(), vec![benefit(amount_rule_of(amount))]).to_string();
        let errors = load_json(&text).expect_err("refused");
        errors
            .iter()
            .map(|e| e.message(Lang::En))
            .collect::<Vec<_>>()
    };
    let messages = refused(
        &[fact("profit", money(-1_000_000, 1_000_000))],
        json!({ "exact": { "mul": ["0.20", { "fact": "profit" }] } }),
    );
    assert!(
        messages
            .iter()
            .any(|m| m.ends_with("an amount cannot be negative (profit ≥ -1000000)")),
        "{messages:?}"
    );
    let messages = refused(
        &[
            fact("adjustment", KindSpec::Int { min: -5, max: 5 }),
            fact(
                "hires",
                KindSpec::List {
                    fields: vec![fact("insured", KindSpec::Bool)],
                    max_items: 3,
                },
            ),
        ],
        json!({ "exact": { "mul": [
            { "count": "hires", "where": [{ "fact": "insured" }] }, { "fact": "adjustment" },
        ] } }),
    );
    assert!(
        messages
            .iter()
            .any(|m| m.ends_with("an amount cannot be negative (adjustment ≥ -5)")),
        "{messages:?}"
    );
}

/// The loader compares only constant bounds: "at least 100,000, at most 10 % of the investment"
/// came out as 100,000 to 50,000.
#[test]
fn a_range_whose_minimum_passes_its_maximum_is_inconsistent() {
    let rs = one_part_ruleset(
        &[fact("investment", money(0, 1_000_000_000_000))],
        amount_rule_of(json!({
            "min": "100000", "max": { "mul": ["0.10", { "fact": "investment" }] }
        })),
    );
    let part = the_part(&rs, r#"{"investment": 500000}"#);
    assert_eq!(part.amount, AmountOutcome::Inconsistent);
    // And the report says so, rather than showing no amount without a word.
    let input = parse_json(r#"{"investment": 500000}"#).unwrap_or_else(|e| panic!("{e:?}"));
    let r = report::evaluate(&rs, &input, date(2023, 7, 1), Lang::En, Detail::Full);
    assert_eq!(
        r.measures[0].parts[0].amount_problem,
        Some("for these figures the rule's minimum is above its maximum: no estimate")
    );
    assert!(r.measures[0].amount_incomplete);
    let part = the_part(&rs, r#"{"investment": 2000000}"#);
    let range = Interval {
        lo: Decimal::from(100_000),
        hi: Some(Decimal::new(20_000_000, 2)),
    };
    assert_eq!(part.amount, AmountOutcome::Known(range));
}

/// Two amounts whose sum no decimal holds exactly: the total was folded into "at least" the first,
/// without a word; now the second counts as an eligible measure without an amount.
#[test]
fn a_total_beyond_exact_computation_is_said_not_folded_into_a_floor() {
    let huge = "50000000000000000000000000000"; // 5 × 10^28 > Decimal::MAX / 2
    let part = || amount_rule_of(json!({ "exact": huge }));
    let text = document(&[], Vec::new(), vec![benefit(part()), benefit(part())]).to_string();
    let rs = load_valid(&text);
    let input = parse_json("{}").unwrap_or_else(|e| panic!("{e:?}"));
    let r = report::evaluate(&rs, &input, date(2023, 7, 1), Lang::En, Detail::Summary);
    assert_eq!(r.summary.eligible, 2);
    assert_eq!(r.summary.eligible_without_amount, 1);
    let total = r.summary.amount.as_ref().expect("the first amount");
    assert_eq!(
        (total.min.as_str(), total.max.as_deref()),
        (huge, Some(huge))
    );
}

/// Found by `any_profile_gives_a_well_formed_report`: an unknown key "" was reported at the empty
/// path, where errors about the profile itself sit, and read "Profile: is not a question of this
/// ruleset".
#[test]
fn an_unknown_field_with_an_empty_name_is_named() {
    let input = parse_json(r#"{"": 1}"#).unwrap_or_else(|e| panic!("{e:?}"));
    let (_, errors) = Profile::parse(shanghai(), &input);
    assert_eq!(errors.len(), 1);
    check_field_error(shanghai(), &errors[0]);
}

/// A year threshold that does not fit an i32 made the loader drop the whole condition without an
/// error, so the ruleset loaded with a measure that asked less than its text.
#[test]
fn a_year_beyond_any_calendar_is_refused_not_dropped() {
    let year = fact(
        "founded",
        KindSpec::Year {
            min: 1900,
            max: 2100,
        },
    );
    let when = json!([{ "fact": "founded", "op": ">=", "value": 99_999_999_999_i64 }]);
    let measure = benefit(json!({ "when": when }));
    let text = document(&[year], Vec::new(), vec![measure]).to_string();
    assert!(load_json(&text).is_err(), "a condition vanished on loading");
}

/// `computed` was accepted on any fact, but the engine computes only the size standard's class
/// fact. Any other computed fact stayed unknown for ever: a part that depends on it needed
/// information (and asked for none) whatever the profile said.
#[test]
fn a_computed_fact_nothing_computes_is_refused() {
    let mut class = fact_json(&fact("class", KindSpec::Enum(vec!["v0".into()])), true);
    class["computed"] = json!(true);
    let when = json!([{ "fact": "class", "op": "=", "value": "v0" }]);
    let mut doc = document(&[], Vec::new(), vec![benefit(json!({ "when": when }))]);
    doc["facts"] = json!([class]);
    assert!(
        load_json(&doc.to_string()).is_err(),
        "a fact marked computed that no size standard computes"
    );
}
