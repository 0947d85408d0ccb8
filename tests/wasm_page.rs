//! The page's API (`pkg/sme_eligibility.js`), run as WebAssembly in headless Chromium: a packed
//! ruleset (the committed pkg/ruleset/, built by .ci/build) loaded without the loader, decisions
//! first, and the reasons of one measure when asked.
//!   cargo test --target wasm32-unknown-unknown --test wasm_page (CHROMEDRIVER set, see .ci/test)
#![cfg(all(target_arch = "wasm32", not(feature = "full")))]

use js_sys::{Array, JSON};
use sme_eligibility::wasm_page::Engine;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CORE: &[u8] = include_bytes!("../pkg/ruleset/core.bin");
const ZH: &str = include_str!("../pkg/ruleset/zh.json");
const ZH_WHY: &str = include_str!("../pkg/ruleset/zh.why.json");
const EN: &str = include_str!("../pkg/ruleset/en.json");

#[path = "support/js.rs"]
mod js;
use js::{get, measure, obj, text};

#[wasm_bindgen_test]
fn decides_first_and_explains_when_asked() {
    let mut engine = Engine::new(CORE, obj(ZH)).expect("the packed ruleset loads");
    assert!(engine.hash().starts_with("sha256:"));
    let profile = obj(
        r#"{"registered_in_shanghai": true, "industry": "industry", "headcount": 80,
            "revenue": "50000000", "renovation_investment": "12000000",
            "vat_taxpayer": "small_scale", "vat_monthly_sales": "80000"}"#,
    );
    let report = engine.decide(profile, obj(r#"{"as_of": "2026-06-30", "lang": "zh"}"#));
    assert_eq!(text(&report, "size_class.class"), "small");
    let m5 = measure(&report, 5);
    assert_eq!(text(&m5, "status"), "eligible");
    assert_eq!(text(&m5, "amount.text"), "最高120万元");
    // The decisions carry no reasons.
    assert!(get(&m5, "parts.0.explanation").is_undefined());
    assert!(get(&report, "derived").is_undefined());
    // 22(a) as amended by 第19号, in the first report.
    let a = get(&measure(&report, 22), "parts.0");
    assert_eq!(text(&a, "status"), "eligible");
    assert_eq!(text(&a, "text_status"), "expired");
    assert!(text(&a, "amendments.0.text").contains("财政部 税务总局公告2023年第19号"));
    // Why, once the reasons' strings are there.
    engine
        .add_strings(obj(ZH_WHY))
        .expect("the reasons' strings");
    let why = engine.why(5, Some("zh".into()));
    let reasons: Array = get(&why, "parts.0.explanation").unchecked_into();
    assert!(reasons.length() > 0);
    assert!(
        reasons
            .iter()
            .any(|r| text(&r, "text").contains("1200万元") && text(&r, "outcome") == "met"),
        "{:?}",
        JSON::stringify(&why.clone()).ok()
    );
    assert!(text(&why, "parts.0.amount_cite").contains("10%"));
    // The text alone.
    let alone = engine.decide(
        obj(r#"{"vat_taxpayer": "small_scale", "vat_monthly_sales": "80000"}"#),
        obj(r#"{"as_of": "2026-06-30", "text_only": true}"#),
    );
    assert_eq!(
        text(&get(&measure(&alone, 22), "parts.0"), "status"),
        "expired"
    );
    // The decisions alone, as data: the same statuses and amounts, the missing facts, no words.
    let bare = engine.decide(
        obj(
            r#"{"registered_in_shanghai": true, "industry": "industry", "headcount": 80,
                "revenue": "50000000", "renovation_investment": "12000000"}"#,
        ),
        obj(r#"{"as_of": "2026-06-30", "lang": "zh", "detail": "summary"}"#),
    );
    let m5 = measure(&bare, 5);
    assert_eq!(text(&m5, "status"), "eligible");
    assert_eq!(text(&m5, "amount.max"), "1200000");
    assert!(get(&m5, "amount.text").is_undefined() || get(&m5, "amount.text").is_null());
    assert!(get(&m5, "title").is_undefined() || get(&m5, "title").is_null());
    let m22 = measure(&bare, 22);
    assert_eq!(text(&m22, "status"), "needs_info");
    let missing: Array = get(&m22, "missing").unchecked_into();
    assert!(
        missing
            .iter()
            .any(|f| f.as_string().as_deref() == Some("vat_taxpayer"))
    );
}

#[wasm_bindgen_test]
fn another_language_is_added_without_reloading() {
    let mut engine = Engine::new(CORE, obj(ZH)).expect("loads");
    engine.add_strings(obj(EN)).expect("English strings");
    let report = engine.decide(obj("{}"), obj(r#"{"as_of": "2023-07-01", "lang": "en"}"#));
    assert!(!text(&measure(&report, 1), "title").is_empty());
    let catalog = engine.catalog(Some("en".into()));
    assert!(
        text(&catalog, "facts.0.label")
            .chars()
            .any(|c| c.is_ascii_alphabetic())
    );
}

#[wasm_bindgen_test]
fn a_damaged_core_or_strings_of_another_ruleset_are_refused_not_a_trap() {
    let mut damaged = CORE.to_vec();
    damaged.truncate(CORE.len() / 2);
    let e = Engine::new(&damaged, obj(ZH)).err().expect("refused");
    assert_eq!(text(&e, "name"), "RulesetLoadError");
    assert_eq!(text(&e, "code"), "corrupt_core");
    let other = ZH.replacen("sha256:", "sha256:0", 1);
    let e = Engine::new(CORE, obj(&other)).err().expect("refused");
    assert_eq!(text(&e, "code"), "strings");
    for bad in [
        "null",
        "{}",
        r#"{"ruleset": 1, "lang": "zh", "start": 0, "strings": []}"#,
    ] {
        assert!(Engine::new(CORE, obj(bad)).is_err(), "{bad}");
    }
    // Bytes flipped all over: refused, or a ruleset that still answers.
    let mut seed: u32 = 0x2545_f491;
    for _ in 0..200 {
        let mut bytes = CORE.to_vec();
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let i = seed as usize % bytes.len();
        bytes[i] ^= (seed >> 24) as u8 | 1;
        if let Ok(mut e) = Engine::new(&bytes, obj(ZH)) {
            let _ = e.decide(
                obj(r#"{"headcount": 5}"#),
                obj(r#"{"as_of": "2024-01-01"}"#),
            );
            let _ = e.why(1, None);
        }
    }
    // The engine given a good core still works after all that.
    let mut engine = Engine::new(CORE, obj(ZH)).expect("loads");
    let report = engine.decide(obj("{}"), JsValue::UNDEFINED);
    assert_eq!(
        get(&report, "measures").unchecked_ref::<Array>().length(),
        28
    );
}
