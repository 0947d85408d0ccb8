//! The published JSON Schema of a profile (pkg/profile.schema.json, `sme-check schema`), tested
//! against real profiles: every example case of the ruleset, and answers that must be refused.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{Value, json};
use sme_eligibility::compile::compile_dir;
use sme_eligibility::native::{builtin, profile_schema};
use std::path::Path;

fn validator() -> jsonschema::Validator {
    let rs = builtin().unwrap_or_else(|_| panic!("the built-in ruleset loads"));
    jsonschema::validator_for(&profile_schema(&rs)).expect("the schema is itself valid")
}

#[test]
fn every_example_profile_is_valid() {
    let v = validator();
    let compiled = compile_dir(Path::new("src/rules/shanghai-2023-1")).expect("ruleset compiles");
    let mut checked = 0;
    for file in &compiled.cases {
        for case in &file.cases {
            // Cases that test bad input on purpose say which errors they expect.
            if case["expect"].get("errors").is_some() {
                continue;
            }
            let errors: Vec<String> = v
                .iter_errors(&case["profile"])
                .map(|e| e.to_string())
                .collect();
            assert!(
                errors.is_empty(),
                "{} “{}”: {errors:?}",
                file.file.display(),
                case["name"]
            );
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} profiles checked");
}

#[test]
fn wrong_answers_are_refused() {
    let v = validator();
    for bad in [
        json!({ "headcount": -1 }),
        json!({ "headcount": "twelve" }),
        json!({ "revenue": "1,000" }),
        json!({ "revenue": "12.345" }),
        json!({ "registered_in_shanghai": "yes" }),
        json!({ "industry": "mining" }),
        json!({ "zjtx_recognised_on": "15/03/2023" }),
        json!({ "hires": [{ "hired_on": "2023-03-01", "salary": 1 }] }),
        json!({ "size_class": "small" }),
        json!({ "nonsense": true }),
    ] {
        assert!(!v.is_valid(&bad), "accepted: {bad}");
    }
    let good: Value = json!({
        "registered_in_shanghai": true, "industry": "software_it", "headcount": "45", "revenue": 12000000,
        "total_assets": "8000000.50", "hires": [{ "hired_on": "2023-03-01", "group": "graduate_2023", "contract_months": 24, "social_insurance_paid": true }],
        "vat_taxpayer": null
    });
    let errors: Vec<String> = v.iter_errors(&good).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_published_schema_is_the_current_one() {
    let rs = builtin().unwrap_or_else(|_| panic!("ruleset"));
    let published: Value = serde_json::from_str(
        &std::fs::read_to_string("pkg/profile.schema.json").expect("pkg/profile.schema.json"),
    )
    .expect("JSON");
    assert_eq!(
        published,
        profile_schema(&rs),
        "pkg/profile.schema.json is stale: run .ci/build"
    );
}

#[test]
fn the_built_in_hash_is_the_hash_of_the_built_in_document() {
    assert_eq!(
        sme_eligibility::BUILTIN_RULESET_HASH,
        sme_eligibility::engine::content_hash(sme_eligibility::BUILTIN_RULESET.as_bytes())
    );
}
