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

#[path = "properties/answers.rs"]
mod answers;
#[path = "properties/checks.rs"]
mod checks;
#[path = "properties/facts.rs"]
mod facts;
#[path = "properties/grammar.rs"]
mod grammar;
#[path = "properties/oracle.rs"]
mod oracle;

use answers::{
    answers, any_answer, any_profile, as_of, date, extreme_answer, language, later_answers,
};
use checks::{check_answering, check_field_error, check_refusal, evaluate_checked};
use facts::{FactSpec, KindSpec, shanghai, shanghai_facts, specs_of};
use grammar::{
    Json, apply_edit, case_for, document, edit, fact_json, generated_ruleset, load_valid,
    rulesets_to_mutate, texts,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::json;
use sme_eligibility::engine::eval::{AmountOutcome, Interval, PartOutcome, Status};
use sme_eligibility::engine::model::Ruleset;
use sme_eligibility::engine::report::{self, Detail};
use sme_eligibility::engine::{Lang, Profile, load_document};
use sme_eligibility::native::{load_json, parse_json};

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
