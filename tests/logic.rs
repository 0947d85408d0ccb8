//! The evaluation's operators one by one, on small hand-made rulesets: each comparison at and
//! around its edges, `not`, the size class compared with a set, dates beyond the calendar, and
//! the money that ranks the questions to ask. Written against what mutation testing
//! (`.ci/mutants`) showed the example cases leave open.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value as Json, json};
use sme_eligibility::engine::decimal::{exact_add, exact_mul};
use sme_eligibility::engine::eval::Status;
use sme_eligibility::engine::interval::{Interval, Overflow};
use sme_eligibility::engine::report::{self, Detail};
use sme_eligibility::engine::{Date, Lang, Ruleset, load_text};
use sme_eligibility::native::{builtin, parse_json};

const T: &str = r#"{"zh": "t", "ja": "t", "en": "t"}"#;

/// One measure per condition given (measure i+1, part "a", amount 1000 × (i+1)), over the facts
/// flag (bool), n (int), m (money), y (year), d (date), k (enum a/b/c) and the size class of a
/// one-group standard on `staff`.
fn ruleset(conditions: &[&str]) -> Ruleset {
    let maxima: Vec<String> = (1..=conditions.len())
        .map(|i| format!(r#""{}""#, 1000 * i))
        .collect();
    let measures: Vec<(&str, &str)> = conditions
        .iter()
        .zip(&maxima)
        .map(|(c, max)| (*c, max.as_str()))
        .collect();
    ruleset_with_maxima(&measures)
}

/// As `ruleset`, each measure with its condition and its amount's maximum (a formula in JSON).
fn ruleset_with_maxima(measures: &[(&str, &str)]) -> Ruleset {
    ruleset_with_named(measures, "[]")
}

/// As `ruleset_with_maxima`, with named conditions (`derived`, a JSON list) the measures may `ref`.
fn ruleset_with_named(measures: &[(&str, &str)], named: &str) -> Ruleset {
    let measures: Vec<String> = measures
        .iter()
        .enumerate()
        .map(|(i, (c, max))| {
            format!(
                r#"{{"id": {id}, "chapter": 1, "kind": "benefit", "title": {T}, "text": {T},
                  "parts": [{{"id": "a", "title": {T}, "when": [{c}],
                    "amount": {{"min": "0", "max": {max}, "cite": {T}}}}}]}}"#,
                id = i + 1,
            )
        })
        .collect();
    let doc = format!(
        r#"{{"id": "t", "version": "1", "issued": "2023-01-01", "title": {T}, "document": {T},
  "issuer": {T}, "source": {T},
  "chapters": [{{"id": 1, "title": {T}}}], "sections": [{{"id": "s", "title": {T}}}],
  "sources": [{{"id": "std", "evidence": "cited", "title": {T}}}],
  "facts": [
    {{"id": "flag", "type": "bool", "section": "s", "label": {T}}},
    {{"id": "n", "type": "int", "section": "s", "label": {T}, "min": 0, "max": 1000}},
    {{"id": "m", "type": "money", "section": "s", "label": {T}}},
    {{"id": "cash", "type": "money", "section": "s", "label": {T}, "max": "100"}},
    {{"id": "y", "type": "year", "section": "s", "label": {T}}},
    {{"id": "d", "type": "date", "section": "s", "label": {T}}},
    {{"id": "k", "type": "enum", "section": "s", "label": {T},
      "values": [{{"id": "a", "label": {T}}}, {{"id": "b", "label": {T}}}, {{"id": "c", "label": {T}}}]}},
    {{"id": "sector", "type": "enum", "section": "s", "label": {T}, "values": [{{"id": "any", "label": {T}}}]}},
    {{"id": "staff", "type": "int", "section": "s", "label": {T}}},
    {{"id": "class", "type": "enum", "section": "s", "label": {T}, "computed": true,
      "values": [{{"id": "large", "label": {T}}}, {{"id": "medium", "label": {T}}}, {{"id": "small", "label": {T}}}, {{"id": "micro", "label": {T}}}]}}
  ],
  "size_standard": {{"id": "std", "source": "std", "title": {T}, "industry_fact": "sector", "class_fact": "class",
    "groups": [{{"industry": "any", "sme_below": {{"staff": 300}}, "medium": {{"staff": 100}}, "small": {{"staff": 10}}}}]}},
  "derived": {named},
  "measures": [{}]}}"#,
        measures.join(",")
    );
    load_text(&doc, None).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.message(Lang::En)).collect();
        panic!("the ruleset does not load:\n{}", lines.join("\n"))
    })
}

const CITE: &str = r#""cite": {"zh": "c", "ja": "c", "en": "c"}"#;

fn leaf(fact: &str, op: &str, value: &str) -> String {
    format!(r#"{{"fact": "{fact}", "op": "{op}", "value": {value}, {CITE}}}"#)
}

fn report(rs: &Ruleset, profile: &Json, as_of: &str) -> Json {
    let p = parse_json(&profile.to_string()).expect("profile");
    let r = report::evaluate(
        rs,
        &p,
        Date::parse(as_of).expect("date"),
        Lang::En,
        Detail::Full,
    );
    serde_json::to_value(&r).expect("json")
}

/// The status of each measure, in order.
fn statuses(rs: &Ruleset, profile: Json) -> Vec<String> {
    let r = report(rs, &profile, "2023-07-01");
    r["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .map(|m| m["status"].as_str().unwrap_or("").to_owned())
        .collect()
}

#[test]
fn yes_no_equal_and_not_equal() {
    let rs = ruleset(&[&leaf("flag", "=", "true"), &leaf("flag", "!=", "true")]);
    assert_eq!(
        statuses(&rs, json!({"flag": true})),
        ["eligible", "ineligible"]
    );
    assert_eq!(
        statuses(&rs, json!({"flag": false})),
        ["ineligible", "eligible"]
    );
    assert_eq!(statuses(&rs, json!({})), ["needs_info", "needs_info"]);
}

#[test]
fn numbers_at_and_around_each_edge() {
    let rs = ruleset(&[
        &leaf("n", "between", "[10, 20]"),
        &leaf("n", "<", "10"),
        &leaf("n", "!=", "10"),
        &leaf("n", "=", "10"),
        &leaf("m", "between", r#"["0.5", "1.5"]"#),
    ]);
    let at = |n: u32, m: &str| statuses(&rs, json!({"n": n, "m": m}));
    assert_eq!(
        at(9, "0.49"),
        [
            "ineligible",
            "eligible",
            "eligible",
            "ineligible",
            "ineligible"
        ]
    );
    assert_eq!(
        at(10, "0.5"),
        [
            "eligible",
            "ineligible",
            "ineligible",
            "eligible",
            "eligible"
        ]
    );
    assert_eq!(
        at(20, "1.5"),
        [
            "eligible",
            "ineligible",
            "eligible",
            "ineligible",
            "eligible"
        ]
    );
    assert_eq!(
        at(21, "1.51"),
        [
            "ineligible",
            "ineligible",
            "eligible",
            "ineligible",
            "ineligible"
        ]
    );
}

#[test]
fn years_and_year_ranges() {
    let rs = ruleset(&[
        &leaf("y", ">=", "2023"),
        &leaf("y", "between", "[2020, \"as_of_year\"]"),
        &leaf("y", "<", "\"as_of_year-1\""),
    ]);
    let at = |y: i32| statuses(&rs, json!({ "y": y }));
    assert_eq!(at(2019), ["ineligible", "ineligible", "eligible"]);
    assert_eq!(at(2020), ["ineligible", "eligible", "eligible"]);
    assert_eq!(at(2022), ["ineligible", "eligible", "ineligible"]);
    assert_eq!(at(2023), ["eligible", "eligible", "ineligible"]);
    assert_eq!(at(2024), ["eligible", "ineligible", "ineligible"]);
}

#[test]
fn not_turns_an_answer_around_and_keeps_an_open_question_open() {
    let not_flag = format!(r#"{{"not": {}}}"#, leaf("flag", "=", "true"));
    let rs = ruleset(&[&not_flag]);
    assert_eq!(statuses(&rs, json!({"flag": true})), ["ineligible"]);
    assert_eq!(statuses(&rs, json!({"flag": false})), ["eligible"]);
    let open = report(&rs, &json!({}), "2023-07-01");
    assert_eq!(open["measures"][0]["status"], "needs_info");
    assert_eq!(open["measures"][0]["missing"], json!(["flag"]));
}

/// A named condition is evaluated apart from the parts that use it: its `not` turns its answer
/// around there too.
#[test]
fn not_inside_a_named_condition_turns_its_answer_around() {
    let outside = format!(
        r#"{{"id": "outside", "label": {T}, "when": {{"not": {}}}}}"#,
        leaf("flag", "=", "true")
    );
    let rs = ruleset_with_named(
        &[(r#"{"ref": "outside"}"#, r#""1000""#)],
        &format!("[{outside}]"),
    );
    assert_eq!(statuses(&rs, json!({"flag": true})), ["ineligible"]);
    assert_eq!(statuses(&rs, json!({"flag": false})), ["eligible"]);
    assert_eq!(statuses(&rs, json!({})), ["needs_info"]);
}

#[test]
fn the_size_class_in_and_not_in_a_set() {
    let rs = ruleset(&[
        &leaf("class", "in", r#"["small", "micro"]"#),
        &leaf("class", "not_in", r#"["small", "micro"]"#),
        &leaf("class", "!=", r#""large""#),
        // A class named twice is the same set as named once.
        &leaf("class", "in", r#"["small", "small"]"#),
    ]);
    let at = |staff: u32| statuses(&rs, json!({"sector": "any", "staff": staff}));
    assert_eq!(at(5), ["eligible", "ineligible", "eligible", "ineligible"]);
    assert_eq!(at(50), ["eligible", "ineligible", "eligible", "eligible"]);
    assert_eq!(
        at(150),
        ["ineligible", "eligible", "eligible", "ineligible"]
    );
    assert_eq!(
        at(500),
        ["ineligible", "eligible", "ineligible", "ineligible"]
    );
    // Unknown staff: every class possible, nothing decided.
    assert_eq!(statuses(&rs, json!({"sector": "any"})), ["needs_info"; 4]);
}

/// A relative date beyond the calendar (1900–2200) still compares: before it, or after it.
#[test]
fn relative_dates_beyond_the_calendar() {
    let rs = ruleset(&[
        &leaf("d", ">=", "\"as_of-99999d\""),
        &leaf("d", "<=", "\"as_of+99999d\""),
        &leaf("d", "<=", "\"as_of+5000m\""),
        &leaf("d", ">=", "\"as_of-5000m\""),
        &leaf("d", "<=", "\"as_of+300y\""),
    ]);
    assert_eq!(statuses(&rs, json!({"d": "2020-05-01"})), ["eligible"; 5]);
}

/// Questions are ranked by how many measures wait on them, then by the money those could bring.
#[test]
fn the_question_with_the_most_money_comes_first() {
    // Measure 1 (up to 1000) waits on flag, measure 2 (up to 2000) on n.
    let rs = ruleset(&[&leaf("flag", "=", "true"), &leaf("n", ">=", "5")]);
    let r = report(&rs, &json!({}), "2023-07-01");
    let q = r["next_questions"].as_array().expect("questions");
    assert_eq!(q[0]["fact"], "n");
    assert_eq!(q[0]["money"], "2000");
    assert_eq!(q[1]["fact"], "flag");
    assert_eq!(q[1]["money"], "1000");
}

#[test]
fn an_amount_that_depends_on_an_open_question_ranks_by_its_larger_branch() {
    // Up to if(flag, 5000, 3000): while flag is open, the question about n may bring 5000.
    let max = format!(
        r#"{{"if": [{}], "then": "5000", "else": "3000"}}"#,
        leaf("flag", "=", "true")
    );
    let rs = ruleset_with_maxima(&[(&leaf("n", ">=", "5"), &max)]);
    let r = report(&rs, &json!({}), "2023-07-01");
    let q = r["next_questions"].as_array().expect("questions");
    assert_eq!(q[0]["fact"], "n");
    assert_eq!(q[0]["money"], "5000");
    // Once flag is answered, the branch it chose.
    let r = report(&rs, &json!({"flag": false}), "2023-07-01");
    assert_eq!(r["next_questions"][0]["money"], "3000");
}

#[test]
fn statuses_in_words_in_each_language() {
    let words = [
        (Status::Eligible, ["符合条件", "該当", "eligible"]),
        (
            Status::NeedsInfo,
            ["需补充信息", "情報不足", "needs information"],
        ),
        (Status::Ineligible, ["不符合条件", "非該当", "not eligible"]),
        (Status::Expired, ["已过期", "期限切れ", "expired"]),
    ];
    for (status, [zh, ja, en]) in words {
        assert_eq!(status.label(Lang::Zh), zh);
        assert_eq!(status.label(Lang::Ja), ja);
        assert_eq!(status.label(Lang::En), en);
    }
    assert!(
        Status::NotApplicable
            .label(Lang::En)
            .starts_with("not applicable")
    );
}

#[test]
fn amounts_say_what_kind_they_are() {
    let d = |s: &str| s.parse().expect("decimal");
    let kind = |lo: &str, hi: Option<&str>| {
        let i = Interval {
            lo: d(lo),
            hi: hi.map(d),
        };
        report::amount_report(i, None).kind
    };
    assert_eq!(kind("5", Some("5")), "exact");
    assert_eq!(kind("0", Some("5")), "cap");
    assert_eq!(kind("2", Some("5")), "range");
    assert_eq!(kind("2", None), "floor");
    assert_eq!(kind("0", Some("0")), "exact");
    assert!(!Overflow.to_string().is_empty());
}

/// A zero operand leaves the other unchanged (rust_decimal keeps its scale): still exact.
#[test]
fn zero_plus_a_decimal_is_exact() {
    let d = |s: &str| s.parse().expect("decimal");
    assert_eq!(exact_add(d("0.000"), d("1.5")), Some(d("1.5")));
    assert_eq!(exact_add(d("1.5"), d("0.000")), Some(d("1.5")));
    assert_eq!(exact_mul(d("0.000"), d("1.5")), Some(d("0")));
}

/// Within reach: an int threshold, an enum answer; never a part already eligible or closed.
#[test]
fn within_reach_for_numbers_and_choices_never_for_what_is_settled() {
    let rs = ruleset(&[
        &leaf("n", ">", "100"),
        &leaf("k", "=", r#""b""#),
        &leaf("flag", "=", "true"),
        // Eligible with a number: moving it to the edge would keep it eligible, and is no change
        // to offer.
        &leaf("n", ">=", "10"),
    ]);
    let r = report(&rs, &json!({"n": 40, "k": "a", "flag": true}), "2023-07-01");
    let reach = r["within_reach"].as_array().expect("within reach");
    let by = |m: u64| reach.iter().find(|x| x["measure"] == m);
    let n = by(1).expect("measure 1");
    assert_eq!(
        (n["fact"].as_str(), n["value"].as_str()),
        (Some("n"), Some("101"))
    );
    let k = by(2).expect("measure 2");
    assert_eq!(k["fact"], "k");
    assert!(
        by(3).is_none() && by(4).is_none(),
        "an eligible part is not within reach: {reach:?}"
    );
    assert_eq!(reach.len(), 2);
}

/// The built-in ruleset: a general VAT taxpayer is one answer from 二十二(a)'s exemption.
#[test]
fn a_general_taxpayer_is_one_answer_from_the_small_scale_exemption() {
    let rs = builtin().expect("built-in ruleset");
    let r = report(
        &rs,
        &json!({"vat_taxpayer": "general", "vat_monthly_sales": "80000"}),
        "2026-06-30",
    );
    let reach = r["within_reach"].as_array().expect("within reach");
    let a = reach
        .iter()
        .find(|x| x["measure"] == 22 && x["part"] == "a")
        .expect("22(a)");
    assert_eq!(a["fact"], "vat_taxpayer");
    assert_eq!(a["amount"]["max"], "28800");
}

fn reach_of(rs: &Ruleset, profile: Json) -> Vec<Json> {
    let r = report(rs, &profile, "2023-07-01");
    r["within_reach"].as_array().cloned().unwrap_or_default()
}

/// The edge of each comparison is the change offered, within what the fact can hold; the nearest
/// one when a range has two; an open question before a change of a number already given.
#[test]
fn within_reach_takes_the_nearest_edge_the_fact_can_hold() {
    let rs = ruleset(&[
        &leaf("n", "<", "5"),
        &leaf("m", "between", r#"["0.5", "1.5"]"#),
        // Beyond what the fact takes (n at most 1000, cash at most 100): nothing to offer.
        &leaf("n", ">", "1000"),
        &leaf("cash", ">", "100"),
        // "Any at all": having one is the change, not a number.
        &leaf("n", ">", "0"),
    ]);
    let list = reach_of(&rs, json!({"n": 10, "m": "2", "cash": "50"}));
    let of = |m: u64| list.iter().find(|x| x["measure"] == m).cloned();
    assert_eq!(of(1).map(|x| x["value"].clone()), Some(json!("4")));
    assert_eq!(of(2).map(|x| x["value"].clone()), Some(json!("CNY 1.5")));
    assert!(of(3).is_none() && of(4).is_none(), "{list:?}");
    let zero = reach_of(&rs, json!({"n": 0, "m": "1", "cash": "50"}));
    assert!(zero.iter().all(|x| x["measure"] != 5), "{zero:?}");
    // Below the range, its lower edge.
    let low = reach_of(&rs, json!({"n": 10, "m": "0.1"}));
    assert_eq!(
        low.iter()
            .find(|x| x["measure"] == 2)
            .map(|x| x["value"].clone()),
        Some(json!("CNY 0.5"))
    );
}

#[test]
fn an_open_question_comes_before_changing_a_number_given() {
    let either = format!(
        r#"{{"any": [{}, {}]}}"#,
        leaf("flag", "=", "true"),
        leaf("n", ">=", "10")
    );
    let rs = ruleset(&[&either]);
    let list = reach_of(&rs, json!({"n": 5}));
    assert_eq!(list[0]["fact"], "flag", "{list:?}");
    let answered = reach_of(&rs, json!({"n": 5, "flag": false}));
    assert_eq!(answered[0]["fact"], "n", "{answered:?}");
}

/// Two facts of one part whose edges are the same number are two changes to weigh, not one.
#[test]
fn two_facts_at_the_same_edge_are_each_a_change() {
    let both = format!(
        r#"{{"all": [{}, {}]}}"#,
        leaf("n", ">=", "5"),
        leaf("m", ">=", r#""5""#)
    );
    let rs = ruleset(&[&both]);
    let list = reach_of(&rs, json!({"n": 10, "m": "3"}));
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(
        (list[0]["fact"].as_str(), list[0]["value"].as_str()),
        (Some("m"), Some("CNY 5"))
    );
}

/// Two different answers that would each do: the first the clause names.
#[test]
fn between_equal_changes_the_clauses_order_decides() {
    let either = format!(
        r#"{{"any": [{}, {}]}}"#,
        leaf("k", "=", r#""b""#),
        leaf("flag", "=", "true")
    );
    let rs = ruleset(&[&either]);
    let list = reach_of(&rs, json!({"k": "a", "flag": false}));
    assert_eq!(list[0]["fact"], "k", "{list:?}");
}

/// The size class's comparisons explain it, each indicator against its bound.
#[test]
fn the_size_class_is_explained_by_its_comparisons() {
    let rs = builtin().expect("built-in ruleset");
    let r = report(
        &rs,
        &json!({"industry": "industry", "headcount": 80, "revenue": "50000000"}),
        "2023-07-01",
    );
    let reasons = r["size_class"]["explanation"]
        .as_array()
        .expect("comparisons");
    let headcount: Vec<&Json> = reasons
        .iter()
        .filter(|x| x["fact"] == "headcount")
        .collect();
    assert!(!headcount.is_empty(), "{reasons:?}");
    assert!(
        headcount
            .iter()
            .all(|x| x["value"].as_str().is_some_and(|v| v.contains("80")))
    );
    assert_eq!(r["size_class"]["class"], "small");
}

/// A declared class (金融业) outside the four is no class at all: every class stays possible.
#[test]
fn a_declared_class_out_of_range_leaves_every_class_possible() {
    use sme_eligibility::engine::profile::{FactValue, Profile};
    use sme_eligibility::engine::size;
    let rs = builtin().expect("built-in ruleset");
    let (mut profile, _) = Profile::parse(
        &rs,
        &parse_json(r#"{"industry": "finance"}"#).expect("profile"),
    );
    let fact = rs
        .fact_index("finance_size_class")
        .expect("the declared fact");
    for c in [4u16, 5, 200] {
        profile.values[fact] = Some(FactValue::Choice(c));
        assert_eq!(size::classify(&rs, &profile).possible, 0b1111, "choice {c}");
    }
    profile.values[fact] = Some(FactValue::Choice(3));
    assert_eq!(size::classify(&rs, &profile).possible, 0b1000);
}
