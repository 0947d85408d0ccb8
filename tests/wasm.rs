//! The exported JavaScript API, run as WebAssembly in headless Chromium (wasm-bindgen-test):
//! `cargo test --target wasm32-unknown-unknown --test wasm` with CHROMEDRIVER set (see .ci/test).
#![cfg(all(target_arch = "wasm32", feature = "full"))]

use js_sys::Array;
use sme_eligibility::wasm_api::{Engine, version};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/rulesets.rs"]
mod rulesets;

#[path = "support/js.rs"]
mod js;
use js::{get, measure, obj, text};

#[wasm_bindgen_test]
fn runs_in_a_real_browser() {
    let window = web_sys::window().expect("a browser window");
    let agent = window.navigator().user_agent().unwrap_or_default();
    assert!(agent.contains("Chrome"), "{agent}");
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn evaluates_a_profile_with_explanations() {
    let engine = Engine::new().expect("the built-in ruleset loads");
    let profile = obj(
        r#"{"registered_in_shanghai": true, "industry": "industry", "headcount": 80,
            "revenue": "50000000", "renovation_investment": "8000000"}"#,
    );
    let report = engine.evaluate(profile, obj(r#"{"as_of": "2023-07-01", "lang": "zh"}"#));
    assert_eq!(text(&report, "as_of"), "2023-07-01");
    assert_eq!(text(&report, "ruleset.id"), "shanghai-hqfb-2023-1");
    assert!(text(&report, "ruleset.hash").starts_with("sha256:"));
    assert_eq!(text(&report, "size_class.class"), "small");
    let m5 = measure(&report, 5);
    assert_eq!(text(&m5, "status"), "ineligible");
    assert_eq!(
        text(&m5, "parts.0.explanation.0.text"),
        "技术改造项目总投资 800万元，低于 1000万元"
    );
    assert!(get(&report, "measures").unchecked_ref::<Array>().length() == 28);
}

#[wasm_bindgen_test]
fn money_is_exact_decimal_strings_and_floors_have_no_max() {
    let engine = Engine::new().expect("ruleset");
    // 0.1 + 0.2 typed as a JS number must not become 0.30000000000000004 yuan.
    let profile = obj(
        r#"{"registered_in_shanghai": true, "industry": "industry", "headcount": 80,
            "revenue": "50000000", "renovation_investment": 12000000.5}"#,
    );
    let report = engine.evaluate(profile, obj(r#"{"as_of": "2023-07-01", "lang": "en"}"#));
    let m5 = measure(&report, 5);
    assert_eq!(text(&m5, "status"), "eligible");
    assert_eq!(text(&m5, "amount.min"), "0");
    assert_eq!(text(&m5, "amount.max"), "1200000.05");
    assert_eq!(text(&m5, "amount.kind"), "cap");
    assert_eq!(text(&m5, "amount.text"), "up to CNY 1,200,000.05");
}

#[wasm_bindgen_test]
fn bad_answers_come_back_as_translated_errors_not_exceptions() {
    let engine = Engine::new().expect("ruleset");
    let profile = obj(
        r#"{"headcount": -5, "registered_in_shanghai": "maybe", "<img src=x>": 1, "industry": "industry"}"#,
    );
    for (lang, needle) in [
        ("zh", "不能为负数"),
        ("ja", "負の値"),
        ("en", "cannot be negative"),
    ] {
        let options = obj(&format!(r#"{{"as_of": "2023-13-45", "lang": "{lang}"}}"#));
        let report = engine.evaluate(profile.clone(), options);
        let errors: Array = get(&report, "errors").unchecked_into();
        let fields: Vec<String> = errors.iter().map(|e| text(&e, "field")).collect();
        assert!(fields.contains(&"as_of".to_owned()), "{fields:?}");
        assert!(fields.contains(&"headcount".to_owned()), "{fields:?}");
        assert!(
            fields.contains(&"registered_in_shanghai".to_owned()),
            "{fields:?}"
        );
        let messages: Vec<String> = errors.iter().map(|e| text(&e, "message")).collect();
        assert!(messages.iter().any(|m| m.contains(needle)), "{messages:?}");
        // The answer that was right still counts.
        assert!(!get(&report, "measures").is_undefined());
    }
    // Not even an object: still a report, with the error.
    let report = engine.evaluate(JsValue::from_f64(42.0), JsValue::UNDEFINED);
    assert_eq!(text(&report, "errors.0.code"), "not_an_object");
}

#[wasm_bindgen_test]
fn another_ruleset_loads_at_run_time_and_a_broken_one_is_refused_with_reasons() {
    let broken = r#"{"id": "x", "version": "1", "issued": "2023-02-30", "facts": [{"id": "a", "type": "money", "section": "s", "label": {"zh": "甲", "ja": "甲", "en": "A"}}],
        "measures": [{"id": 1, "chapter": 1, "kind": "benefit", "title": {"zh": "t", "ja": "t", "en": "t"}, "text": {"zh": "t", "ja": "t", "en": "t"},
          "parts": [{"id": "a", "title": {"zh": "t", "ja": "t", "en": "t"}, "when": [{"fact": "b", "op": ">=", "value": "1"}], "amount": {"exact": {"mul": ["0.1"]}, "cite": {"zh": "t", "ja": "t", "en": "t"}}}]}]}"#;
    let err = match Engine::from_json(JsValue::from_str(broken)) {
        Ok(_) => panic!("a broken ruleset must be refused"),
        Err(e) => e,
    };
    assert_eq!(text(&err, "name"), "RulesetLoadError");
    let errors: Array = get(&err, "errors").unchecked_into();
    let all: Vec<String> = errors.iter().map(|e| text(&e, "message.en")).collect();
    let joined = all.join("\n");
    for needle in [
        "bad date “2023-02-30”",
        "unknown fact “b”",
        "needs at least two terms",
        "unknown chapter 1",
    ] {
        assert!(joined.contains(needle), "missing “{needle}” in:\n{joined}");
    }
    assert!(
        errors
            .iter()
            .all(|e| !text(&e, "message.zh").is_empty() && !text(&e, "message.ja").is_empty())
    );

    let not_json = Engine::from_json(JsValue::from_str("{ not json"))
        .err()
        .expect("refused");
    assert!(text(&not_json, "errors.0.message.en").contains("not valid JSON: line 1, column 3"));

    let minimal = r#"{"id": "demo-city", "version": "0.1", "issued": "2024-01-01",
        "title": {"zh": "示例", "ja": "例", "en": "Demo"}, "document": {"zh": "d", "ja": "d", "en": "d"},
        "issuer": {"zh": "i", "ja": "i", "en": "i"}, "source": {"zh": "s", "ja": "s", "en": "s"},
        "chapters": [{"id": 1, "title": {"zh": "一", "ja": "一", "en": "One"}}],
        "sections": [{"id": "main", "title": {"zh": "主", "ja": "主", "en": "Main"}}],
        "facts": [{"id": "staff", "type": "int", "section": "main", "label": {"zh": "人数", "ja": "人数", "en": "Staff"}}],
        "measures": [{"id": 1, "chapter": 1, "kind": "benefit", "title": {"zh": "补贴", "ja": "補助", "en": "Grant"},
          "text": {"zh": "十人以上给予一万元。", "ja": "十人以上に一万元。", "en": "10,000 yuan from ten staff."},
          "parts": [{"id": "a", "title": {"zh": "补贴", "ja": "補助", "en": "Grant"},
            "when": [{"fact": "staff", "op": ">=", "value": 10, "cite": {"zh": "十人以上", "ja": "十人以上", "en": "ten staff or more"}}],
            "amount": {"exact": "10000", "cite": {"zh": "一万元", "ja": "一万元", "en": "10,000 yuan"}}}]}]}"#;
    let engine =
        Engine::from_json(JsValue::from_str(minimal)).expect("a small valid ruleset loads");
    let report = engine.evaluate(
        obj(r#"{"staff": "12"}"#),
        obj(r#"{"as_of": "2024-06-01", "lang": "en"}"#),
    );
    assert_eq!(text(&report, "ruleset.id"), "demo-city");
    assert_eq!(text(&report, "measures.0.status"), "eligible");
    assert_eq!(text(&report, "measures.0.amount.text"), "CNY 10,000");
}

#[wasm_bindgen_test]
fn the_catalog_describes_the_form_in_each_language() {
    let engine = Engine::new().expect("ruleset");
    for (lang, title) in [
        ("zh", "加大技术改造力度"),
        ("ja", "技術革新の強化"),
        ("en", "More support for technical renovation"),
    ] {
        let cat = engine.catalog(Some(lang.to_owned()));
        assert_eq!(get(&cat, "measures").unchecked_ref::<Array>().length(), 28);
        assert_eq!(text(&cat, "measures.4.title"), title);
        assert_eq!(text(&cat, "measures.4.title_zh"), "加大技术改造力度");
        assert!(get(&cat, "facts").unchecked_ref::<Array>().length() > 30);
        assert_eq!(get(&cat, "sections").unchecked_ref::<Array>().length(), 6);
    }
}

/// A value built by JavaScript itself (NaN, BigInt, a Proxy, a cycle …), as a page could pass it.
fn js(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .expect("test value")
}

fn error_codes(report: &JsValue) -> Vec<(String, String)> {
    let errors: Array = get(report, "errors").unchecked_into();
    errors
        .iter()
        .map(|e| (text(&e, "field"), text(&e, "code")))
        .collect()
}

#[wasm_bindgen_test]
fn hostile_javascript_values_are_field_errors_never_a_trap() {
    let engine = Engine::new().expect("ruleset");
    let en = obj(r#"{"as_of": "2023-07-01", "lang": "en"}"#);
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "return {headcount: NaN, revenue: Infinity, total_assets: -Infinity}",
            &[
                ("headcount", "bad_number"),
                ("revenue", "bad_number"),
                ("total_assets", "bad_number"),
            ],
        ),
        (
            "return {headcount: 10n, revenue: 1e21, total_assets: 1e300, registered_in_shanghai: () => 1}",
            &[
                ("headcount", "bad_number"),
                ("revenue", "too_large"),
                ("total_assets", "bad_number"),
                ("registered_in_shanghai", "wrong_type"),
            ],
        ),
        (
            "return {headcount: Symbol('x'), industry: {toString() { return 'industry' }}}",
            &[("headcount", "wrong_type"), ("industry", "wrong_type")],
        ),
        (
            "const a = {industry: 'industry'}; a.hires = [a]; return a",
            &[("hires[0]", "")],
        ),
        (
            "let d = {}; for (let i = 0; i < 100000; i++) d = {hires: [d]}; return d",
            &[("hires", "")],
        ),
        (
            "return {hires: new Array(1000000).fill({})}",
            &[("hires", "too_many_items")],
        ),
        (
            "const o = {}; for (let i = 0; i < 200000; i++) o['k' + i] = i; return o",
            &[("", "too_many_items")],
        ),
        (
            "return {headcount: 'x'.repeat(5000000)}",
            &[("headcount", "bad_number")],
        ),
        (
            "return {get headcount() { throw new Error('no') }, revenue: '100'}",
            &[("headcount", "bad_number")],
        ),
        (
            "return new Proxy({}, {ownKeys() { throw new Error('no') }})",
            &[("", "not_an_object")],
        ),
        (
            "return new Proxy({headcount: 1}, {get() { throw new Error('no') }})",
            &[("headcount", "bad_number")],
        ),
        (
            "return Object.assign(Object.create({headcount: -1}), {revenue: '1'})",
            &[],
        ),
        (
            "return {__proto__: {x: 1}, constructor: 1, ['__proto__']: 2}",
            &[("constructor", "unknown_field")],
        ),
        ("return 'a string'", &[("", "not_an_object")]),
    ];
    for (body, expected) in cases {
        let report = engine.evaluate(js(body), en.clone());
        assert_eq!(
            get(&report, "measures").unchecked_ref::<Array>().length(),
            28,
            "{body}: a report"
        );
        let codes = error_codes(&report);
        for (field, code) in expected.iter() {
            assert!(
                codes
                    .iter()
                    .any(|(f, c)| f.starts_with(field) && (code.is_empty() || c == code)),
                "{body}: expected {field} {code} in {codes:?}"
            );
        }
        if expected.is_empty() {
            assert!(codes.is_empty(), "{body}: {codes:?}");
        }
        let messages: Array = get(&report, "errors").unchecked_into();
        assert!(messages.iter().all(|e| !text(&e, "message").is_empty()));
    }
    // Options of the wrong type: a wrong as_of is an error named as_of; others fall back.
    for options in [
        js("return {as_of: 20230701}"),
        js("return {as_of: {}}"),
        js("return {as_of: 'x'.repeat(100000)}"),
    ] {
        let report = engine.evaluate(JsValue::UNDEFINED, options);
        assert_eq!(
            error_codes(&report),
            vec![("as_of".into(), "bad_date".into())]
        );
    }
    for options in [
        JsValue::from_str("summary"),
        JsValue::from_f64(f64::NAN),
        js("return new Proxy({}, {get() { throw new Error('no') }})"),
        js("return {lang: 7, detail: null}"),
    ] {
        let report = engine.evaluate(obj("{}"), options);
        assert_eq!(text(&report, "lang"), "zh");
        assert!(error_codes(&report).is_empty());
    }
    // A ruleset that is not text at all, or far too long, is refused before it is copied.
    for (value, needle) in [
        (JsValue::UNDEFINED, "undefined instead of JSON text"),
        (
            JsValue::from_f64(1.0),
            "a non-string value instead of JSON text",
        ),
        (
            js("return ' '.repeat(5 * 1024 * 1024)"),
            "longer than 4194304 bytes",
        ),
        (js("return '['.repeat(100000)"), "nested too deeply"),
    ] {
        let err = Engine::from_json(value).err().expect("refused");
        assert_eq!(text(&err, "name"), "RulesetLoadError");
        assert!(
            text(&err, "errors.0.message.en").contains(needle),
            "{needle}"
        );
        assert!(!text(&err, "errors.0.message.ja").is_empty());
    }
    // And the engine still works after all of that.
    let report = engine.evaluate(obj(r#"{"headcount": 5}"#), en);
    assert!(error_codes(&report).is_empty());
}

/// The deepest ruleset the limits allow, evaluated with explanations in WebAssembly's own stack.
#[wasm_bindgen_test]
fn the_deepest_ruleset_within_the_limits_evaluates_in_the_browser() {
    let engine = Engine::from_json(JsValue::from_str(&rulesets::deepest()))
        .unwrap_or_else(|e| panic!("within every limit: {}", text(&e, "errors.0.message.en")));
    for (profile, status) in [
        ("{}", "needs_info"),
        (r#"{"n": 10}"#, "eligible"),
        (r#"{"n": 3}"#, "ineligible"),
    ] {
        let report = engine.evaluate(obj(profile), obj(r#"{"as_of": "2024-06-01"}"#));
        assert_eq!(text(&report, "measures.0.status"), status);
    }
}

/// The policy as amended by default; `text_only` reads the 2023 clause alone (issue 10's example:
/// a small-scale taxpayer with 80,000 yuan of monthly sales in mid-2026).
#[wasm_bindgen_test]
fn evaluates_the_policy_as_amended_or_the_text_alone() {
    let engine = Engine::new().expect("the built-in ruleset loads");
    let profile = r#"{"registered_in_shanghai": true, "vat_taxpayer": "small_scale", "vat_monthly_sales": "80000"}"#;
    let amended = engine.evaluate(
        obj(profile),
        obj(r#"{"as_of": "2026-06-30", "lang": "en"}"#),
    );
    let part = get(&measure(&amended, 22), "parts.0");
    assert_eq!(text(&part, "status"), "eligible");
    assert_eq!(text(&part, "text_status"), "expired");
    assert_eq!(text(&part, "amendments.0.source"), "cs-2023-19");
    assert!(text(&part, "amendments.0.text").contains("2027-12-31"));
    let alone = engine.evaluate(
        obj(profile),
        obj(r#"{"as_of": "2026-06-30", "lang": "en", "text_only": true}"#),
    );
    let part = get(&measure(&alone, 22), "parts.0");
    assert_eq!(text(&part, "status"), "expired");
    assert!(get(&part, "amendments").is_undefined());
}
