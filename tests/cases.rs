//! The example cases written beside each measure (src/rules/shanghai-2023-1/measures/NN.toml,
//! `[[cases]]`): an enterprise, a date, the expected result, the clause. Every measure must have
//! them; every benefit or support measure an eligible, an ineligible and a needs-info case.
#![cfg(not(target_arch = "wasm32"))]

use serde::Deserialize;
use serde_json::Value as Json;
use sme_eligibility::compile::compile_dir;
use sme_eligibility::engine::amend::Reading;
use sme_eligibility::engine::model::Kind;
use sme_eligibility::engine::report::{self, Detail};
use sme_eligibility::engine::{Date, Lang, Ruleset};
use sme_eligibility::native::{builtin, parse_json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const DIR: &str = "src/rules/shanghai-2023-1";

fn ruleset() -> Ruleset {
    builtin().unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.message(Lang::En)).collect();
        panic!("the built-in ruleset does not load:\n{}", lines.join("\n"))
    })
}

/// One `[[cases]]` entry. Every key is known: a misspelt one (`stauts`) is an error naming it,
/// never a check silently skipped.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    as_of: String,
    /// The enterprise's answers, as the engine reads them (wrong answers included, on purpose).
    profile: Json,
    /// The clause alone, without the later documents that amend it (`--text-only`).
    #[serde(default)]
    text_only: bool,
    expect: Expect,
}

/// What the case expects of its measure. Only `status` is required; each other key adds a check.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// The measure's status: `eligible`, `ineligible`, `needs_info`, `expired`, `not_applicable`.
    status: String,
    /// Statuses of parts, by part id.
    #[serde(default)]
    parts: BTreeMap<String, String>,
    amount: Option<Amount>,
    /// Amounts of parts, by part id.
    #[serde(default)]
    part_amounts: BTreeMap<String, Amount>,
    /// The fact whose condition is the first reason of the ineligible part (`part`, or the first).
    first_failing: Option<String>,
    part: Option<String>,
    /// The measure's missing facts, in any order.
    missing: Option<Vec<String>>,
    /// Words a reason (or the formula) must contain, by language code.
    #[serde(default)]
    text: BTreeMap<String, String>,
    size_class: Option<String>,
    /// The profile's field error codes, in order; without it the profile must have none.
    errors: Option<Vec<String>>,
    /// The later document each part is amended by on the as-of date (a source id, or "none").
    #[serde(default)]
    amended_by: BTreeMap<String, String>,
    /// Each part's status under the clause alone where amendments change it ("none": unchanged).
    #[serde(default)]
    text_statuses: BTreeMap<String, String>,
}

/// `"none"` (no amount), or `{ min, max }`, either optional, `max = "none"` for no upper bound.
#[derive(Debug, Deserialize)]
#[serde(try_from = "Json")]
enum Amount {
    None,
    Range(AmountRange),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AmountRange {
    min: Option<String>,
    max: Option<String>,
}

impl TryFrom<Json> for Amount {
    type Error = String;
    fn try_from(v: Json) -> Result<Amount, String> {
        match v {
            Json::String(s) if s == "none" => Ok(Amount::None),
            Json::Object(_) => serde_json::from_value(v)
                .map(Amount::Range)
                .map_err(|e| format!("amount: {e}")),
            other => Err(format!(
                "an amount is \"none\" or {{ min, max }}, found {other}"
            )),
        }
    }
}

impl Amount {
    fn matches(&self, got: &Json) -> bool {
        match self {
            Amount::None => got.is_null(),
            Amount::Range(want) => {
                let min_ok = want.min.as_ref().is_none_or(|x| got["min"] == **x);
                let max_ok = match want.max.as_deref() {
                    None => true,
                    Some("none") => got["max"].is_null(),
                    Some(x) => got["max"] == *x,
                };
                !got.is_null() && min_ok && max_ok
            }
        }
    }
}

/// Every case of every measure file, read into `Case`: the file, its measure, the case's name
/// (or its place) and the case, or why it cannot be read.
type ReadCase = (PathBuf, u32, String, Result<Case, String>);

fn read_cases() -> Vec<ReadCase> {
    let compiled = compile_dir(Path::new(DIR)).expect("the ruleset folder compiles");
    let mut out = Vec::new();
    for file in compiled.cases {
        let measure = u32::try_from(file.measure).expect("measure id");
        for (i, raw) in file.cases.into_iter().enumerate() {
            let name = match raw.get("name").and_then(Json::as_str) {
                Some(n) => format!("“{n}”"),
                None => format!("case {}", i + 1),
            };
            let case = serde_json::from_value::<Case>(raw).map_err(|e| e.to_string());
            out.push((file.file.clone(), measure, name, case));
        }
    }
    out
}

/// Checks one case; returns the list of mismatches.
fn check_case(rs: &Ruleset, measure: u32, case: &Case) -> Vec<String> {
    let mut bad = Vec::new();
    let Some(as_of) = Date::parse(&case.as_of) else {
        return vec![format!("as_of “{}” is not a real date", case.as_of)];
    };
    let profile_json = serde_json::to_string(&case.profile).expect("profile");
    let profile = match parse_json(&profile_json) {
        Ok(p) => p,
        Err(e) => return vec![format!("profile: {}", e.message(Lang::En))],
    };
    let expect = &case.expect;
    let reading = if case.text_only {
        Reading::TextOnly
    } else {
        Reading::Amended
    };
    let lang_reports: Vec<(Lang, Json)> = Lang::ALL
        .into_iter()
        .map(|lang| {
            let r = report::evaluate_as(rs, &profile, as_of, reading, lang, Detail::Full);
            (lang, serde_json::to_value(&r).expect("report serialises"))
        })
        .collect();
    let report = &lang_reports[0].1;
    let errors = report["errors"].as_array().cloned().unwrap_or_default();
    match &expect.errors {
        Some(want) => {
            let got: Vec<&str> = errors
                .iter()
                .map(|e| e["code"].as_str().unwrap_or(""))
                .collect();
            if got != *want {
                bad.push(format!("errors: expected {want:?}, got {got:?}"));
            }
        }
        None if !errors.is_empty() => bad.push(format!("the profile has errors: {errors:?}")),
        None => {}
    }
    let m = report["measures"]
        .as_array()
        .and_then(|ms| ms.iter().find(|m| m["id"] == measure))
        .unwrap_or_else(|| panic!("measure {measure} is not in the report"));

    if m["status"] != *expect.status {
        bad.push(format!(
            "status: expected {}, got {}",
            expect.status, m["status"]
        ));
    }
    if let Some(want) = &expect.amount
        && !want.matches(&m["amount"])
    {
        bad.push(format!("amount: expected {want:?}, got {}", m["amount"]));
    }
    let parts = m["parts"].as_array().cloned().unwrap_or_default();
    let part = |id: &str| parts.iter().find(|p| p["id"] == id).cloned();
    for (id, status) in &expect.parts {
        match part(id) {
            None => bad.push(format!("part {id} does not exist")),
            Some(p) if p["status"] != **status => {
                bad.push(format!("part {id}: expected {status}, got {}", p["status"]))
            }
            _ => {}
        }
    }
    for (id, source) in &expect.amended_by {
        let Some(p) = part(id) else {
            bad.push(format!("part {id} does not exist"));
            continue;
        };
        let by: Vec<&str> = p["amendments"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a["source"].as_str())
            .collect();
        let ok = match source.as_str() {
            "none" => by.is_empty(),
            s => by.contains(&s),
        };
        if !ok {
            bad.push(format!(
                "part {id}: expected amended by {source}, got {by:?}"
            ));
        }
    }
    for (id, status) in &expect.text_statuses {
        let Some(p) = part(id) else {
            bad.push(format!("part {id} does not exist"));
            continue;
        };
        let got = p["text_status"].as_str().unwrap_or("none");
        if got != status {
            bad.push(format!(
                "part {id} under the text alone: expected {status}, got {got}"
            ));
        }
    }
    for (id, a) in &expect.part_amounts {
        match part(id) {
            None => bad.push(format!("part {id} does not exist")),
            Some(p) if !a.matches(&p["amount"]) => bad.push(format!(
                "part {id} amount: expected {a:?}, got {}",
                p["amount"]
            )),
            _ => {}
        }
    }
    if let Some(fact) = &expect.first_failing {
        // The first reason of the (named, or first) ineligible part must be the failing condition.
        let target = match &expect.part {
            Some(id) => part(id),
            None => parts.iter().find(|p| p["status"] == "ineligible").cloned(),
        };
        match target {
            None => bad.push("first_failing: no ineligible part".to_owned()),
            Some(p) => {
                let first = p["explanation"]
                    .as_array()
                    .and_then(|e| e.first())
                    .cloned()
                    .unwrap_or_default();
                if first["fact"] != **fact || first["outcome"] != "not_met" {
                    bad.push(format!(
                        "first_failing: expected {fact} not met first, got {first}"
                    ));
                }
            }
        }
    } else if expect.part.is_some() {
        bad.push("part names the part of first_failing, which is not given".to_owned());
    }
    if let Some(want) = &expect.missing {
        let mut want: Vec<&str> = want.iter().map(String::as_str).collect();
        want.sort_unstable();
        let mut got: Vec<&str> = m["missing"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
            .collect();
        got.sort_unstable();
        if got != want {
            bad.push(format!("missing: expected {want:?}, got {got:?}"));
        }
    }
    for (code, needle) in &expect.text {
        let Some(lang) = Lang::parse(code) else {
            bad.push(format!("text: unknown language {code}"));
            continue;
        };
        let r = &lang_reports
            .iter()
            .find(|(l, _)| *l == lang)
            .expect("lang")
            .1;
        let m = r["measures"]
            .as_array()
            .and_then(|ms| ms.iter().find(|m| m["id"] == measure))
            .expect("measure");
        let has = |reasons: &Json| {
            reasons.as_array().into_iter().flatten().any(|r| {
                r["text"]
                    .as_str()
                    .is_some_and(|t| t.contains(needle.as_str()))
            })
        };
        // The measure's reasons, and those of the named conditions it refers to (explained
        // once per report).
        let referred: Vec<&str> = m["parts"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|p| p["explanation"].as_array().into_iter().flatten())
            .filter_map(|r| r["fact"].as_str())
            .collect();
        let found = m["parts"].as_array().into_iter().flatten().any(|p| {
            has(&p["explanation"])
                || p["formula"]
                    .as_str()
                    .is_some_and(|t| t.contains(needle.as_str()))
        }) || r["derived"].as_array().into_iter().flatten().any(|d| {
            d["id"].as_str().is_some_and(|id| referred.contains(&id)) && has(&d["explanation"])
        });
        if !found {
            bad.push(format!("text ({code}): no reason contains “{needle}”"));
        }
    }
    if let Some(class) = &expect.size_class
        && report["size_class"]["class"] != **class
    {
        bad.push(format!(
            "size_class: expected {class}, got {}",
            report["size_class"]["class"]
        ));
    }
    bad
}

#[test]
fn every_example_case_holds() {
    let rs = ruleset();
    let mut failures = Vec::new();
    let mut per_measure: BTreeMap<u32, BTreeMap<String, usize>> = BTreeMap::new();
    let mut total = 0;
    for (file, measure, name, case) in read_cases() {
        total += 1;
        let (name, problems) = match &case {
            Ok(case) => {
                *per_measure
                    .entry(measure)
                    .or_default()
                    .entry(case.expect.status.clone())
                    .or_default() += 1;
                (format!("“{}”", case.name), check_case(&rs, measure, case))
            }
            Err(e) => (name, vec![format!("cannot be read: {e}")]),
        };
        for problem in problems {
            failures.push(format!(
                "{} measure {measure} {name}: {problem}",
                file.display()
            ));
        }
    }
    eprintln!("{total} example cases over {} measures", per_measure.len());
    for (id, counts) in &per_measure {
        eprintln!("  measure {id:>2}: {counts:?}");
    }
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_measure_has_its_cases() {
    let rs = ruleset();
    let cases = read_cases();
    let mut problems = Vec::new();
    let ids: Vec<u32> = rs.measures.iter().map(|m| m.id).collect();
    let all: Vec<u32> = (1..=28).collect();
    if ids != all {
        problems.push(format!(
            "the ruleset must hold measures 1 to 28 in order, it holds {ids:?}"
        ));
    }
    for m in &rs.measures {
        let statuses: Vec<&str> = cases
            .iter()
            .filter(|(_, measure, _, _)| *measure == m.id)
            .filter_map(|(_, _, _, case)| case.as_ref().ok())
            .map(|c| c.expect.status.as_str())
            .collect();
        if statuses.is_empty() {
            problems.push(format!("measure {} has no example case", m.id));
        }
        if matches!(m.kind, Kind::Benefit | Kind::Support) {
            for needed in ["eligible", "ineligible", "needs_info"] {
                if !statuses.contains(&needed) {
                    problems.push(format!(
                        "measure {} ({}) has no {needed} case",
                        m.id,
                        m.kind.code()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A case that cannot be read fails by name, with the key: a typo'd `expect` key, a key the
/// structs do not know, a case without `expect`, an amount that is neither "none" nor a range.
#[test]
fn a_misspelt_or_missing_key_is_an_error_not_a_skipped_check() {
    let base = serde_json::json!({
        "name": "n", "as_of": "2023-07-01", "profile": {}, "expect": { "status": "eligible" }
    });
    assert!(serde_json::from_value::<Case>(base.clone()).is_ok());
    let with = |path: &[&str], value: Json| {
        let mut v = base.clone();
        let mut at = &mut v;
        for key in &path[..path.len() - 1] {
            at = &mut at[*key];
        }
        at[path[path.len() - 1]] = value;
        serde_json::from_value::<Case>(v)
            .err()
            .map(|e| e.to_string())
    };
    let err = with(&["expect", "stauts"], "eligible".into()).expect("refused");
    assert!(err.contains("unknown field `stauts`"), "{err}");
    let err = with(&["expect", "amount"], serde_json::json!({ "mni": "0" })).expect("refused");
    assert!(err.contains("unknown field `mni`"), "{err}");
    let err = with(&["expect", "amount"], serde_json::json!(3)).expect("refused");
    assert!(err.contains("an amount is"), "{err}");
    let err = with(&["profil"], serde_json::json!({})).expect("refused");
    assert!(err.contains("unknown field `profil`"), "{err}");
    let mut no_expect = base.clone();
    no_expect.as_object_mut().expect("object").remove("expect");
    let err = serde_json::from_value::<Case>(no_expect)
        .err()
        .expect("refused")
        .to_string();
    assert!(err.contains("missing field `expect`"), "{err}");
    let mut no_status = base;
    no_status["expect"] = serde_json::json!({ "amount": "none" });
    let err = serde_json::from_value::<Case>(no_status)
        .err()
        .expect("refused")
        .to_string();
    assert!(err.contains("missing field `status`"), "{err}");
}
