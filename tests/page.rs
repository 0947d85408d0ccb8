//! Decide first, word later: the page's report (`Detail::Page`) carries no reasons, and `why` gives
//! them for one measure when asked. Together they must say exactly what the full report says.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value as Json;
use sme_eligibility::compile::compile_dir;
use sme_eligibility::engine::eval::Context;
use sme_eligibility::engine::report::{self, Detail};
use sme_eligibility::engine::{Date, Lang, Profile};
use sme_eligibility::native::{builtin, parse_json};
use std::path::Path;

const WHY_FIELDS: [&str; 5] = ["formula", "basis", "amount_cite", "explanation", "note"];

#[test]
fn the_page_report_and_why_together_are_the_full_report() {
    let rs = builtin().expect("built-in ruleset");
    let compiled = compile_dir(Path::new("src/rules/shanghai-2023-1")).expect("compiles");
    let mut checked = 0;
    for file in &compiled.cases {
        for case in &file.cases {
            let as_of = Date::parse(case["as_of"].as_str().unwrap_or("")).expect("as_of");
            let input = parse_json(&case["profile"].to_string()).expect("profile");
            let (profile, errors) = Profile::parse(&rs, &input);
            let cx = Context::new(&rs, &profile, as_of);
            let ev = cx.evaluate();
            for lang in [Lang::Zh, Lang::En] {
                let full =
                    serde_json::to_value(report::build(&cx, &ev, &errors, lang, Detail::Full))
                        .expect("json");
                let mut page =
                    serde_json::to_value(report::build(&cx, &ev, &errors, lang, Detail::Page))
                        .expect("json");
                // The page has no reasons at all.
                assert!(page.get("derived").is_none());
                assert!(page["size_class"].get("explanation").is_none());
                let derived: Vec<Json> = full["derived"].as_array().cloned().unwrap_or_default();
                let measures = page["measures"].as_array_mut().expect("measures");
                for (m, full_m) in measures
                    .iter_mut()
                    .zip(full["measures"].as_array().expect("measures"))
                {
                    let id = m["id"]
                        .as_u64()
                        .and_then(|i| u32::try_from(i).ok())
                        .expect("id");
                    let why =
                        serde_json::to_value(report::why(&cx, &ev, id, lang).expect("measure"))
                            .expect("json");
                    for (part, why_part) in m["parts"]
                        .as_array_mut()
                        .expect("parts")
                        .iter_mut()
                        .zip(why["parts"].as_array().expect("parts"))
                    {
                        assert!(WHY_FIELDS.iter().all(|f| part.get(*f).is_none()));
                        for f in WHY_FIELDS {
                            if let Some(v) = why_part.get(f) {
                                part[f] = v.clone();
                            }
                        }
                        // The amendments, with their words and notes: why's are the full ones.
                        if let Some(v) = why_part.get("amendments") {
                            part["amendments"] = v.clone();
                        }
                    }
                    // Each named condition why gives is the full report's, word for word.
                    for d in why["derived"].as_array().expect("derived") {
                        assert!(derived.contains(d), "measure {id}: {d}");
                    }
                    if let Some(size) = why.get("size_class") {
                        assert_eq!(size, &full["size_class"]["explanation"]);
                    }
                    assert_eq!(m, full_m, "{}: measure {id}", file.file.display());
                }
                page["derived"] = full["derived"].clone();
                page["size_class"]["explanation"] = full["size_class"]["explanation"].clone();
                assert_eq!(page, full);
                checked += 1;
            }
        }
    }
    assert!(checked > 400, "{checked}");
}
