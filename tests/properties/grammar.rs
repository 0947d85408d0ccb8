//! A grammar of valid rulesets (documents, with a profile and later answers for each), and
//! mutations of a ruleset document.

use super::answers::{
    Answers, answers, any_answer, as_of, date, days_between, hostile_value, language,
    later_answers, money_between, whole_between,
};
use super::facts::{FactSpec, KindSpec, shanghai_facts};
use proptest::prelude::*;
use proptest::strategy::Union;
use rust_decimal::Decimal;
use serde_json::json;
use sme_eligibility::engine::model::Ruleset;
use sme_eligibility::engine::{Date, Lang, Value};
use sme_eligibility::native::{load_json, parse_json};

pub(crate) type Json = serde_json::Value;

// ── A grammar of valid rulesets ──────────────────────────────────────────────────────────────

pub(crate) fn texts(s: &str) -> Json {
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

pub(crate) fn fact_json(f: &FactSpec, top: bool) -> Json {
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

pub(crate) fn document(facts: &[FactSpec], derived: Vec<Json>, measures: Vec<Json>) -> Json {
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
pub(crate) fn generated_ruleset() -> BoxedStrategy<(String, Vec<FactSpec>)> {
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
pub(crate) fn load_valid(text: &str) -> Ruleset {
    load_json(text).unwrap_or_else(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| e.message(Lang::En)).collect();
        panic!("a valid ruleset is refused: {messages:?}")
    })
}

/// A ruleset with a profile for it, answers to give later, a date and a language.
#[derive(Clone, Debug)]
pub(crate) struct Case {
    pub(crate) document: String,
    pub(crate) facts: Vec<FactSpec>,
    pub(crate) given: Answers,
    pub(crate) later: Vec<Option<Value>>,
    pub(crate) as_of: Date,
    pub(crate) lang: Lang,
}

pub(crate) fn case_for(rulesets: BoxedStrategy<(String, Vec<FactSpec>)>) -> BoxedStrategy<Case> {
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
pub(crate) enum Edit {
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

pub(crate) fn edit() -> BoxedStrategy<(Vec<u16>, Edit)> {
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
pub(crate) fn apply_edit(v: &mut Value, path: &[u16], edit: &Edit) {
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

pub(crate) fn rulesets_to_mutate() -> BoxedStrategy<(String, Vec<FactSpec>)> {
    prop_oneof![
        4 => generated_ruleset(),
        1 => Just((sme_eligibility::BUILTIN_RULESET.to_owned(), shanghai_facts().to_vec())),
    ]
    .boxed()
}
