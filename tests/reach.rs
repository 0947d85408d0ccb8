//! Within reach (issue 13): for a part that is not eligible, the one answer or the smallest change
//! of one number that would make it eligible, computed from the part's own conditions.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value as Json;
use sme_eligibility::engine::report::{self, Detail};
use sme_eligibility::engine::{Date, Lang};
use sme_eligibility::native::{builtin, parse_json};

fn reach(profile: &str, as_of: &str, lang: Lang) -> Vec<Json> {
    let rs = builtin().expect("built-in ruleset");
    let p = parse_json(profile).expect("profile");
    let r = report::evaluate(
        &rs,
        &p,
        Date::parse(as_of).expect("date"),
        lang,
        Detail::Page,
    );
    let r = serde_json::to_value(&r).expect("json");
    r["within_reach"].as_array().cloned().unwrap_or_default()
}

fn find<'a>(list: &'a [Json], measure: u64, part: &str) -> Option<&'a Json> {
    list.iter()
        .find(|x| x["measure"] == measure && x["part"] == part)
}

const MAKER: &str = r#"{"registered_in_shanghai": true, "industry": "industry", "headcount": 80,
  "revenue": "50000000", "renovation_investment": "8000000", "vat_taxpayer": "general"}"#;

/// 五: a renovation of 800万 is below the 1000万 threshold; at 1000万 the measure gives up to 100万.
#[test]
fn a_renovation_of_eight_million_is_two_million_short() {
    for (lang, words) in [
        (Lang::Zh, "技术改造项目总投资达到 1000万元 → 最高100万元"),
        (Lang::En, "→ up to CNY 1,000,000"),
    ] {
        let list = reach(MAKER, "2023-07-01", lang);
        let r = find(&list, 5, "a").expect("measure 5 within reach");
        assert_eq!(r["fact"], "renovation_investment");
        assert_eq!(
            r["value"],
            if lang == Lang::Zh {
                "1000万元"
            } else {
                "CNY 10,000,000"
            }
        );
        assert_eq!(r["amount"]["max"], "1000000");
        assert!(r["text"].as_str().is_some_and(|t| t.contains(words)), "{r}");
    }
}

/// The one with the most money comes first; a floor (no upper bound) counts as the most.
#[test]
fn the_most_money_first() {
    let list = reach(MAKER, "2023-07-01", Lang::Zh);
    let key = |x: &Json| match (&x["amount"], x["amount"]["max"].as_str()) {
        (Json::Null, _) => (0, 0.0),
        (_, None) => (2, 0.0),
        (_, Some(m)) => (1, m.parse::<f64>().unwrap_or(0.0)),
    };
    let keys: Vec<_> = list.iter().map(key).collect();
    assert!(keys.windows(2).all(|w| w[0] >= w[1]), "{keys:?}");
    assert!(list.len() >= 10, "{}", list.len());
}

/// Registration, size class and industry are who the enterprise is: a company outside Shanghai is
/// not told to register in Shanghai for each measure.
#[test]
fn who_the_enterprise_is_is_not_a_change_to_suggest() {
    let outside = MAKER.replace(
        r#""registered_in_shanghai": true"#,
        r#""registered_in_shanghai": false"#,
    );
    let list = reach(&outside, "2023-07-01", Lang::En);
    assert!(list.iter().all(|x| x["fact"] != "registered_in_shanghai"
        && x["fact"] != "industry"
        && x["fact"] != "headcount"));
    assert!(
        find(&list, 5, "a").is_none(),
        "measure 5 still needs a Shanghai SME"
    );
}

/// Two conditions that fail: no single change makes the part eligible, so it is not within reach.
#[test]
fn two_changes_away_is_not_within_reach() {
    // 十五(a): a first inclusive loan in 2022 Q4 *and* a guarantee by the fund: both said no.
    let profile = r#"{"registered_in_shanghai": true, "industry": "software_it", "headcount": 30,
      "revenue": "8000000", "inclusive_loan_obtained": true, "first_inclusive_loan_on": "2023-03-01",
      "first_loan_guaranteed_by_fund": false, "first_loan_principal": "2000000"}"#;
    let list = reach(profile, "2023-07-01", Lang::En);
    assert!(find(&list, 15, "a").is_none(), "{list:?}");
    // With the loan in 2022 Q4, the guarantee alone is the change.
    let q4 = profile.replace("2023-03-01", "2022-11-15");
    let list = reach(&q4, "2023-07-01", Lang::En);
    let r = find(&list, 15, "a").expect("15 (a) within reach");
    assert_eq!(r["fact"], "first_loan_guaranteed_by_fund");
}

/// A part whose window has closed is not within reach of any answer.
#[test]
fn an_expired_part_is_not_within_reach() {
    // 二十(a): deferred contributions are to be paid back by 2023-12-31.
    let list = reach(MAKER, "2025-06-30", Lang::En);
    assert!(find(&list, 20, "a").is_none(), "{list:?}");
    let before = reach(MAKER, "2023-07-01", Lang::En);
    assert!(find(&before, 20, "a").is_some(), "{before:?}");
}

/// An open question whose "yes" settles the part: the answer is the change (needs_info parts).
#[test]
fn answering_an_open_question_can_be_the_change() {
    let list = reach(MAKER, "2023-07-01", Lang::En);
    let fairs = find(&list, 12, "a").expect("measure 12 (a) within reach");
    assert_eq!(fairs["value"], "yes");
    assert!(fairs.get("now").is_none());
    // A value already given is shown with the change.
    let m5 = find(&list, 5, "a").expect("measure 5");
    assert_eq!(m5["now"], "CNY 8,000,000");
}

/// The summary report (batch) carries no such list; the full report does, the same as the page's.
#[test]
fn the_full_report_carries_the_same_list_the_summary_none() {
    let rs = builtin().expect("built-in ruleset");
    let p = parse_json(MAKER).expect("profile");
    let day = Date::parse("2023-07-01").expect("date");
    let full =
        serde_json::to_value(report::evaluate(&rs, &p, day, Lang::Ja, Detail::Full)).expect("json");
    let page =
        serde_json::to_value(report::evaluate(&rs, &p, day, Lang::Ja, Detail::Page)).expect("json");
    let summary = serde_json::to_value(report::evaluate(&rs, &p, day, Lang::Ja, Detail::Summary))
        .expect("json");
    assert_eq!(full["within_reach"], page["within_reach"]);
    assert!(summary.get("within_reach").is_none());
}
