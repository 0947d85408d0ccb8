//! Bad input never panics (in WebAssembly a panic kills the widget): random and hostile profiles,
//! and broken rulesets, all come back as errors. A small seeded generator, no dependencies, the
//! same inputs on every run.
#![cfg(not(target_arch = "wasm32"))]

use sme_eligibility::engine::report::{self, Detail};
use sme_eligibility::engine::{Date, Lang, Value, load_document};
use sme_eligibility::native::{builtin, load_json, parse_json};

#[path = "support/rulesets.rs"]
mod rulesets;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const STRINGS: &[&str] = &[
    "",
    " ",
    "0",
    "-1",
    "1e9",
    "1,000",
    "１２",
    "2023-02-29",
    "2024-02-29",
    "2023-13-01",
    "0000-00-00",
    "9999-12-31",
    "as_of",
    "true",
    "null",
    "NaN",
    "Infinity",
    "<script>alert(1)</script>",
    "'; DROP TABLE x;--",
    "\u{0}",
    "\u{202e}rtl",
    "💼",
    "99999999999999999999999999999999",
    "0.000000000000000000000000001",
    "-0.00",
    "12.345",
    "small_scale",
    "industry",
    "graduate_2023",
    "unemployed_3m",
];

fn random_value(r: &mut Rng, depth: u32) -> Value {
    match r.below(if depth > 4 { 6 } else { 9 }) {
        0 => Value::Null,
        1 => Value::Bool(r.below(2) == 0),
        2 => Value::Int(*r.pick(&[0, -1, 1, 12, 300, 1_000_000_000_000_000, i64::MAX, i64::MIN])),
        3 => {
            let number: &&str = r.pick(&["0.1", "-2.5", "1e300", "1234.56", "5e-324", "-0.0"]);
            sme_eligibility::engine::json::parse(number).unwrap_or(Value::Null)
        }
        4 | 5 => Value::Str((*r.pick(STRINGS)).to_owned()),
        6 => Value::List(
            (0..r.below(4))
                .map(|_| random_value(r, depth + 1))
                .collect(),
        ),
        _ => Value::Map(
            (0..r.below(5))
                .map(|_| ((*r.pick(STRINGS)).to_owned(), random_value(r, depth + 1)))
                .collect(),
        ),
    }
}

#[test]
fn random_profiles_never_panic() {
    let rs = builtin().unwrap_or_else(|_| panic!("ruleset"));
    let keys: Vec<String> = rs
        .facts
        .iter()
        .map(|f| f.id.clone())
        .chain(["hires".into(), "bogus".into()])
        .collect();
    let fields = [
        "hired_on",
        "group",
        "contract_months",
        "social_insurance_paid",
        "x",
    ];
    let mut r = Rng(0x5eed_1234_abcd_0001);
    let dates = [
        Date::new(2023, 7, 1),
        Date::new(1900, 1, 1),
        Date::new(2200, 12, 31),
        Date::new(2024, 2, 29),
    ];
    for round in 0..3000 {
        let mut entries: Vec<(String, Value)> = Vec::new();
        for _ in 0..r.below(keys.len()) {
            let key = r.pick(&keys).clone();
            let value = if key == "hires" && r.below(2) == 0 {
                Value::List(
                    (0..r.below(4))
                        .map(|_| {
                            Value::Map(
                                (0..r.below(6))
                                    .map(|_| {
                                        ((*r.pick(&fields)).to_owned(), random_value(&mut r, 2))
                                    })
                                    .collect(),
                            )
                        })
                        .collect(),
                )
            } else {
                random_value(&mut r, 0)
            };
            entries.push((key, value));
        }
        let profile = if round % 97 == 0 {
            random_value(&mut r, 0)
        } else {
            Value::Map(entries)
        };
        let as_of = dates[round % dates.len()].expect("date");
        let lang = Lang::ALL[round % 3];
        let report = report::evaluate(&rs, &profile, as_of, lang, Detail::Full);
        assert_eq!(report.measures.len(), 28);
        for e in &report.errors {
            assert!(
                !e.message.is_empty() && e.field.chars().count() <= 80,
                "{e:?}",
                e = e.message
            );
        }
    }
}

/// Mutations of the built-in ruleset document: every one is either refused with reasons or loads.
#[test]
fn broken_rulesets_are_refused_with_reasons_never_a_panic() {
    let text = sme_eligibility::BUILTIN_RULESET;
    let doc = parse_json(text).expect("builtin JSON");
    let mut r = Rng(0xbad_5eed);
    let mut refused = 0;
    for _ in 0..400 {
        let mut d = doc.clone();
        for _ in 0..1 + r.below(3) {
            mutate(&mut d, &mut r);
        }
        match load_document("mutated", &d) {
            Ok(rs) => {
                // Whatever loads must evaluate.
                let report = report::evaluate(
                    &rs,
                    &Value::Map(Vec::new()),
                    Date::new(2023, 7, 1).expect("date"),
                    Lang::En,
                    Detail::Full,
                );
                assert!(!report.ruleset.hash.is_empty());
            }
            Err(errors) => {
                refused += 1;
                assert!(!errors.is_empty());
                for e in &errors {
                    for lang in Lang::ALL {
                        assert!(!e.message(lang).is_empty());
                    }
                }
            }
        }
    }
    assert!(refused > 100, "only {refused} of 400 mutations refused");
}

fn mutate(v: &mut Value, r: &mut Rng) {
    // Walk down a random path, then replace, delete or retype what is there.
    match v {
        Value::Map(entries) if !entries.is_empty() && r.below(4) != 0 => {
            let i = r.below(entries.len());
            match r.below(6) {
                0 => {
                    entries.remove(i);
                }
                1 => entries[i].1 = random_value(r, 3),
                2 => entries[i].0 = (*r.pick(STRINGS)).to_owned(),
                _ => mutate(&mut entries[i].1, r),
            }
        }
        Value::List(items) if !items.is_empty() && r.below(4) != 0 => {
            let i = r.below(items.len());
            match r.below(5) {
                0 => {
                    items.remove(i);
                }
                1 => items[i] = random_value(r, 3),
                2 => {
                    let copy = items[i].clone();
                    items.push(copy);
                }
                _ => mutate(&mut items[i], r),
            }
        }
        other => *other = random_value(r, 3),
    }
}

#[test]
fn each_kind_of_ruleset_error_is_named_in_three_languages() {
    let base = r#"{"id": "t", "version": "1", "issued": "2024-01-01", "title": {"zh": "t", "ja": "t", "en": "t"},
      "document": {"zh": "d", "ja": "d", "en": "d"}, "issuer": {"zh": "i", "ja": "i", "en": "i"}, "source": {"zh": "s", "ja": "s", "en": "s"},
      "chapters": [{"id": 1, "title": {"zh": "c", "ja": "c", "en": "c"}}], "sections": [{"id": "s", "title": {"zh": "s", "ja": "s", "en": "s"}}],
      "facts": [{"id": "n", "type": "int", "section": "s", "label": {"zh": "人数", "ja": "人数", "en": "Staff"}},
                {"id": "d", "type": "date", "section": "s", "label": {"zh": "日期", "ja": "日付", "en": "Date"}}],
      "measures": [{"id": 1, "chapter": 1, "kind": "benefit", "title": {"zh": "t", "ja": "t", "en": "t"}, "text": {"zh": "t", "ja": "t", "en": "t"},
        "parts": [{"id": "a", "title": {"zh": "t", "ja": "t", "en": "t"}, "when": [WHEN], "amount": AMOUNT}]}]}"#;
    let ok_when = r#"{"fact": "n", "op": ">=", "value": 10, "source": null}"#;
    let cases = [
        (
            r#"{"fact": "m", "op": ">=", "value": 10}"#,
            r#"{"exact": "1", "cite": {"zh": "c", "ja": "c", "en": "c"}}"#,
            ["未知的事实“m”", "不明なファクト「m」", "unknown fact “m”"],
        ),
        (
            r#"{"fact": "n", "op": ">=", "value": "ten", "cite": {"zh": "c", "ja": "c", "en": "c"}}"#,
            r#"{"exact": "1", "cite": {"zh": "c", "ja": "c", "en": "c"}}"#,
            ["类型不匹配", "型の不一致", "type mismatch"],
        ),
        (
            r#"{"fact": "d", "op": ">=", "value": "2023-02-30"}"#,
            r#"{"exact": "1", "cite": {"zh": "c", "ja": "c", "en": "c"}}"#,
            [
                "无效日期“2023-02-30”",
                "無効な日付「2023-02-30」",
                "bad date “2023-02-30”",
            ],
        ),
        (
            r#"{"fact": "d", "op": "<", "value": "as_of-3w"}"#,
            r#"{"exact": "1", "cite": {"zh": "c", "ja": "c", "en": "c"}}"#,
            [
                "公式错误：“as_of-3w”",
                "式の誤り：「as_of-3w」",
                "bad formula: “as_of-3w”",
            ],
        ),
        (
            r#"{"fact": "n", "op": ">=", "value": 10, "cite": {"zh": "c", "ja": "c", "en": "c"}}"#,
            r#"{"exact": {"mul": ["0.1", {"fact": "d"}]}, "cite": {"zh": "c", "ja": "c", "en": "c"}}"#,
            [
                "整数或金额型事实",
                "整数または金額",
                "an int or money fact in a formula",
            ],
        ),
        (
            r#"{"fact": "n", "op": "~", "value": 10}"#,
            r#"{"exact": "1", "cite": {"zh": "c", "ja": "c", "en": "c"}}"#,
            ["运算符“~”", "演算子「~」", "operator “~”"],
        ),
        (
            r#"{"fact": "n", "op": ">=", "value": 10}"#,
            r#"{"exact": "1", "cite": {"zh": "c", "ja": "c", "en": "c"}}"#,
            ["须注明原文", "原文（cite）", "needs the clause words"],
        ),
    ];
    let _ = ok_when;
    for (when, amount, needles) in cases {
        let text = base.replace("WHEN", when).replace("AMOUNT", amount);
        let doc = parse_json(&text).expect("test JSON");
        let errors = load_document(&text, &doc)
            .err()
            .unwrap_or_else(|| panic!("accepted: {when} / {amount}"));
        for (lang, needle) in Lang::ALL.into_iter().zip(needles) {
            let all: Vec<String> = errors.iter().map(|e| e.message(lang)).collect();
            assert!(
                all.iter().any(|m| m.contains(needle)),
                "{lang:?}: no “{needle}” in {all:?}"
            );
            assert!(
                all.iter().all(|m| m.starts_with("measures[1].parts[0]")),
                "{all:?}"
            );
        }
    }
}

/// A ruleset loaded at run time is untrusted: every recursion the engine makes over it is bounded
/// (a stack overflow in WebAssembly corrupts memory instead of stopping), and so is its size.
#[test]
fn untrusted_rulesets_are_refused_at_their_limits_by_name() {
    use rulesets::{LEAF as leaf, adds, build, facts, hires};
    let ok = build("", "", leaf, "\"1\"");
    assert!(load_json(&ok).is_ok(), "the template itself loads");
    let nots = |n| rulesets::nots(n, leaf);
    let chain = |n| rulesets::chain(n, str::to_owned);
    // Within each limit: loads. One past it: refused, by name, in three languages.
    let cases = [
        (
            build("", "", &nots(23), "\"1\""),
            build("", "", &nots(24), "\"1\""),
            "nested too deeply: at most 24 levels",
        ),
        (
            build("", "", leaf, &adds(15)),
            build("", "", leaf, &adds(16)),
            "nested too deeply: at most 16 levels",
        ),
        (
            build("", &chain(16), "{\"ref\": \"d0\"}", "\"1\""),
            build("", &chain(17), "{\"ref\": \"d0\"}", "\"1\""),
            "derived[d0]: nested too deeply: at most 16 levels",
        ),
        (
            build(&facts(1999), "", leaf, "\"1\""),
            build(&facts(2000), "", leaf, "\"1\""),
            "facts: too many entries: at most 2000",
        ),
        (
            build(&hires(1000), "", leaf, "\"1\""),
            build(&hires(1001), "", leaf, "\"1\""),
            "facts[0](hires).max_items: too many entries: at most 1000",
        ),
    ];
    for (within, beyond, needle) in cases {
        if let Err(e) = load_json(&within) {
            panic!(
                "{needle}: the case within the limit is refused: {:?}",
                e[0].message(Lang::En)
            );
        }
        let errors = load_json(&beyond)
            .err()
            .unwrap_or_else(|| panic!("accepted: {needle}"));
        let en: Vec<String> = errors.iter().map(|e| e.message(Lang::En)).collect();
        assert!(en.iter().any(|m| m.contains(needle)), "{needle}: {en:?}");
        for lang in [Lang::Zh, Lang::Ja] {
            assert!(errors.iter().all(|e| !e.message(lang).is_empty()));
        }
    }
    // Ids are keys in the page's answers and paths: plain, or refused.
    for id in ["__proto__", "a b", "<img src=x>", "x.y", "h\u{202e}"] {
        let fact = format!(
            "{{\"id\": {}, \"type\": \"bool\", \"section\": \"s\", \"label\": {}}}, ",
            serde_json::json!(id),
            rulesets::LABEL
        );
        let errors = load_json(&build(&fact, "", leaf, "\"1\"")).expect_err("refused");
        let en = errors[0].message(Lang::En);
        assert!(
            en.contains("bad id") && en.starts_with("facts[0].id"),
            "{id}: {en}"
        );
    }
    // A circle of references, however long, is named at each member.
    let circle = chain(5).replace(&format!("\"when\": {leaf}"), "\"when\": {\"ref\": \"d0\"}");
    let errors = load_json(&build("", &circle, "{\"ref\": \"d2\"}", "\"1\""))
        .expect_err("a circle is refused");
    let en: Vec<String> = errors.iter().map(|e| e.message(Lang::En)).collect();
    for i in 0..5 {
        let needle = format!("derived[d{i}]: derived condition “d{i}” refers to itself");
        assert!(en.contains(&needle), "{needle}: {en:?}");
    }
    // Size: a document over 4 MiB is refused before it is read; JSON nesting over 64 likewise.
    let huge = ok.replacen("\"t\"", &format!("\"{}\"", "t".repeat(4 << 20)), 1);
    let errors = load_json(&huge).expect_err("too large");
    assert_eq!(
        errors[0].message(Lang::En),
        "not valid JSON: longer than 4194304 bytes"
    );
    let deep = build("", "", &nots(40), "\"1\"");
    let errors = load_json(&deep).expect_err("too deep");
    assert!(
        errors[0].message(Lang::En).contains("nested too deeply"),
        "{:?}",
        errors[0]
    );
}

/// The deepest ruleset the limits allow evaluates and explains without running out of stack (the
/// test threads have 2 MiB; tests/wasm.rs runs the same in the browser's 1 MiB).
#[test]
fn the_deepest_ruleset_within_the_limits_evaluates() {
    let rs = load_json(&rulesets::deepest()).expect("within every limit");
    // An even number of "not"s on every level: the leaf decides, through all of them.
    for (profile, status) in [
        (r#"{}"#, "needs_info"),
        (r#"{"n": 10}"#, "eligible"),
        (r#"{"n": 3}"#, "ineligible"),
    ] {
        let profile = parse_json(profile).expect("profile");
        let as_of = Date::new(2024, 6, 1).expect("date");
        let r = report::evaluate(&rs, &profile, as_of, Lang::En, Detail::Full);
        let json: serde_json::Value = serde_json::to_value(&r).expect("serialises");
        assert_eq!(json["measures"][0]["status"], status);
    }
}
