//! The example cases written beside each measure (src/rules/shanghai-2023-1/measures/NN.toml,
//! `[[cases]]`): an enterprise, a date, the expected result, the clause. Every measure must have
//! them; every benefit or support measure an eligible, an ineligible and a needs-info case.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value as Json;
use sme_eligibility::compile::compile_dir;
use sme_eligibility::engine::amend::Reading;
use sme_eligibility::engine::model::Kind;
use sme_eligibility::engine::report::{self, Detail};
use sme_eligibility::engine::{Date, Lang, Ruleset};
use sme_eligibility::native::{builtin, parse_json};
use std::collections::BTreeMap;
use std::path::Path;

const DIR: &str = "src/rules/shanghai-2023-1";

fn ruleset() -> Ruleset {
    builtin().unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.message(Lang::En)).collect();
        panic!("the built-in ruleset does not load:\n{}", lines.join("\n"))
    })
}

fn as_str<'a>(v: &'a Json, what: &str) -> &'a str {
    v.as_str()
        .unwrap_or_else(|| panic!("{what} must be a string, found {v}"))
}

/// Checks one case; returns the list of mismatches.
fn check_case(rs: &Ruleset, measure: u32, case: &Json) -> Vec<String> {
    let mut bad = Vec::new();
    let as_of = Date::parse(as_str(&case["as_of"], "as_of")).expect("as_of must be a real date");
    let profile_json = serde_json::to_string(&case["profile"]).expect("profile");
    let profile = parse_json(&profile_json).expect("profile parses");
    let expect = &case["expect"];
    // `text_only = true`: the clause alone, without the later documents that amend it.
    let reading = match case.get("text_only") {
        Some(Json::Bool(true)) => Reading::TextOnly,
        _ => Reading::Amended,
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
    match expect.get("errors") {
        Some(Json::Array(codes)) => {
            let got: Vec<&str> = errors
                .iter()
                .map(|e| e["code"].as_str().unwrap_or(""))
                .collect();
            let want: Vec<&str> = codes.iter().map(|c| as_str(c, "errors[]")).collect();
            if got != want {
                bad.push(format!("errors: expected {want:?}, got {got:?}"));
            }
        }
        _ if !errors.is_empty() => bad.push(format!("the profile has errors: {errors:?}")),
        _ => {}
    }
    let m = report["measures"]
        .as_array()
        .and_then(|ms| ms.iter().find(|m| m["id"] == measure))
        .unwrap_or_else(|| panic!("measure {measure} is not in the report"));

    if let Some(status) = expect.get("status")
        && m["status"] != *status
    {
        bad.push(format!("status: expected {status}, got {}", m["status"]));
    }
    let amount_matches = |got: &Json, want: &Json| -> bool {
        match want {
            Json::String(s) if s == "none" => got.is_null(),
            Json::Object(w) => {
                let min_ok = w.get("min").is_none_or(|x| got["min"] == *x);
                let max_ok = match w.get("max") {
                    None => true,
                    Some(Json::String(s)) if s == "none" => got["max"].is_null(),
                    Some(x) => got["max"] == *x,
                };
                !got.is_null() && min_ok && max_ok
            }
            _ => false,
        }
    };
    if let Some(want) = expect.get("amount")
        && !amount_matches(&m["amount"], want)
    {
        bad.push(format!("amount: expected {want}, got {}", m["amount"]));
    }
    let parts = m["parts"].as_array().cloned().unwrap_or_default();
    let part = |id: &str| parts.iter().find(|p| p["id"] == id).cloned();
    if let Some(Json::Object(want)) = expect.get("parts") {
        for (id, status) in want {
            match part(id) {
                None => bad.push(format!("part {id} does not exist")),
                Some(p) if p["status"] != *status => {
                    bad.push(format!("part {id}: expected {status}, got {}", p["status"]))
                }
                _ => {}
            }
        }
    }
    // The later document a part is amended by on the as-of date ("none": by none).
    if let Some(Json::Object(want)) = expect.get("amended_by") {
        for (id, source) in want {
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
            let ok = match as_str(source, "amended_by") {
                "none" => by.is_empty(),
                s => by.contains(&s),
            };
            if !ok {
                bad.push(format!(
                    "part {id}: expected amended by {source}, got {by:?}"
                ));
            }
        }
    }
    // A part's status under the clause alone, where the amendments change it ("none": unchanged).
    if let Some(Json::Object(want)) = expect.get("text_statuses") {
        for (id, status) in want {
            let Some(p) = part(id) else {
                bad.push(format!("part {id} does not exist"));
                continue;
            };
            let got = p["text_status"].as_str().unwrap_or("none");
            if got != as_str(status, "text_statuses") {
                bad.push(format!(
                    "part {id} under the text alone: expected {status}, got {got}"
                ));
            }
        }
    }
    if let Some(Json::Object(want)) = expect.get("part_amounts") {
        for (id, a) in want {
            match part(id) {
                None => bad.push(format!("part {id} does not exist")),
                Some(p) if !amount_matches(&p["amount"], a) => bad.push(format!(
                    "part {id} amount: expected {a}, got {}",
                    p["amount"]
                )),
                _ => {}
            }
        }
    }
    if let Some(fact) = expect.get("first_failing") {
        // The first reason of the (named, or first) ineligible part must be the failing condition.
        let target = match expect.get("part") {
            Some(id) => part(as_str(id, "part")),
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
                if first["fact"] != *fact || first["outcome"] != "not_met" {
                    bad.push(format!(
                        "first_failing: expected {fact} not met first, got {first}"
                    ));
                }
            }
        }
    }
    if let Some(Json::Array(want)) = expect.get("missing") {
        let mut want: Vec<&str> = want.iter().map(|x| as_str(x, "missing[]")).collect();
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
    if let Some(Json::Object(texts)) = expect.get("text") {
        for (code, needle) in texts {
            let lang = Lang::parse(code).unwrap_or_else(|| panic!("text: unknown language {code}"));
            let r = &lang_reports
                .iter()
                .find(|(l, _)| *l == lang)
                .expect("lang")
                .1;
            let m = r["measures"]
                .as_array()
                .and_then(|ms| ms.iter().find(|m| m["id"] == measure))
                .expect("measure");
            let needle = as_str(needle, "text");
            let has = |reasons: &Json| {
                reasons
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|r| r["text"].as_str().is_some_and(|t| t.contains(needle)))
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
                has(&p["explanation"]) || p["formula"].as_str().is_some_and(|t| t.contains(needle))
            }) || r["derived"].as_array().into_iter().flatten().any(|d| {
                d["id"].as_str().is_some_and(|id| referred.contains(&id)) && has(&d["explanation"])
            });
            if !found {
                bad.push(format!("text ({code}): no reason contains “{needle}”"));
            }
        }
    }
    if let Some(class) = expect.get("size_class")
        && report["size_class"]["class"] != *class
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
    let compiled = compile_dir(Path::new(DIR)).expect("the ruleset folder compiles");
    let mut failures = Vec::new();
    let mut per_measure: BTreeMap<u32, BTreeMap<String, usize>> = BTreeMap::new();
    let mut total = 0;
    for file in &compiled.cases {
        let measure = u32::try_from(file.measure).expect("measure id");
        let entry = per_measure.entry(measure).or_default();
        for case in &file.cases {
            total += 1;
            let name = case["name"].as_str().unwrap_or("(unnamed)");
            let status = case["expect"]["status"]
                .as_str()
                .unwrap_or("other")
                .to_owned();
            *entry.entry(status).or_default() += 1;
            for problem in check_case(&rs, measure, case) {
                failures.push(format!(
                    "{} measure {measure} “{name}”: {problem}",
                    file.file.display()
                ));
            }
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
    let compiled = compile_dir(Path::new(DIR)).expect("the ruleset folder compiles");
    let mut problems = Vec::new();
    let ids: Vec<u32> = rs.measures.iter().map(|m| m.id).collect();
    let all: Vec<u32> = (1..=28).collect();
    if ids != all {
        problems.push(format!(
            "the ruleset must hold measures 1 to 28 in order, it holds {ids:?}"
        ));
    }
    for m in &rs.measures {
        let statuses: Vec<&str> = compiled
            .cases
            .iter()
            .filter(|f| f.measure == u64::from(m.id))
            .flat_map(|f| &f.cases)
            .filter_map(|c| c["expect"]["status"].as_str())
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
