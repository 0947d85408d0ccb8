//! The rule language (src/rules/REFERENCE.md): the real ruleset rewritten in it compiles to exactly
//! the same document; what its authors get wrong is reported with file, line, column and a
//! suggestion; and a ruleset written in it from scratch loads and evaluates.
#![cfg(not(target_arch = "wasm32"))]

use sme_eligibility::compile::checks::WAIVED;
use sme_eligibility::compile::convert::convert_dir;
use sme_eligibility::compile::{check_dir, compile_dir};
use sme_eligibility::engine::report::{self, Detail};
use sme_eligibility::engine::{Date, Lang};
use sme_eligibility::native::{load_json, parse_json};
use std::fs;
use std::path::{Path, PathBuf};

const REAL: &str = "src/rules/shanghai-2023-1";
/// The earlier form, kept as the converter's input: the ruleset folder as it was written before the
/// rule language (ruleset, facts, derived, size and five measures with every construct), as of the
/// commit that rewrote the real folder with this converter.
const EARLIER: &str = "tests/fixtures/rulelang-v1";

/// A fresh folder under the target directory's temp space, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("sme-rulelang-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("measures")).expect("scratch folder");
        Scratch(dir)
    }
    fn write(&self, name: &str, text: &str) {
        fs::write(self.0.join(name), text).expect("write");
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn comment_lines(dir: &Path) -> usize {
    let mut n = 0;
    for sub in ["", "measures"] {
        for e in fs::read_dir(dir.join(sub)).expect("folder").flatten() {
            if e.path().extension().is_some_and(|x| x == "toml") {
                let text = fs::read_to_string(e.path()).expect("read");
                n += text
                    .lines()
                    .filter(|l| l.trim_start().starts_with('#'))
                    .count();
            }
        }
    }
    n
}

#[test]
fn the_earlier_form_rewritten_in_the_rule_language_compiles_to_the_same_document() {
    let out = Scratch::new("v2");
    let done = convert_dir(Path::new(EARLIER), &out.0).expect("the converter runs");
    assert!(done.files >= 9, "{} files", done.files);
    let before = compile_dir(Path::new(EARLIER)).expect("the earlier folder compiles");
    let after =
        compile_dir(&out.0).unwrap_or_else(|e| panic!("the converted folder compiles:\n{e}"));
    // Byte for byte: the same JSON text, hence the same content hash and the same pkg/.
    assert_eq!(
        serde_json::to_string(&before.document).expect("json"),
        serde_json::to_string(&after.document).expect("json"),
    );
    for (a, b) in before.cases.iter().zip(&after.cases) {
        assert_eq!(a.measure, b.measure);
        assert_eq!(a.cases, b.cases, "the cases of measure {}", a.measure);
    }
    assert_eq!(before.cases.len(), after.cases.len());
    // Every reviewer's comment is still there (the generated ones name a group's kind).
    let generated = fs::read_to_string(out.0.join("derived.toml")).expect("derived");
    assert!(comment_lines(&out.0) >= comment_lines(Path::new(EARLIER)));
    assert!(
        !generated.contains("comment that stood before"),
        "a comment lost its place"
    );
    // Nothing left in the earlier form, and the formulas read like the clause.
    assert!(
        done.kept.is_empty(),
        "kept in the earlier form: {:?}",
        done.kept
    );
    let m15 = fs::read_to_string(out.0.join("measures/15.toml")).expect("15");
    assert!(
        m15.contains("cap = \"min(2% × first_loan_principal, 20万元)\""),
        "{m15}"
    );
    let m22 = fs::read_to_string(out.0.join("measures/22.toml")).expect("22");
    assert!(m22.contains("test = \"vat_monthly_sales <= 10万元\""));
    assert!(m22.contains("exact = \"12 × vat_monthly_sales × 3%\""));
    // No line of a measure wider than 180 columns (the earlier form had lines of 1,428 characters).
    for e in fs::read_dir(out.0.join("measures"))
        .expect("measures")
        .flatten()
    {
        let text = fs::read_to_string(e.path()).expect("read");
        for (i, line) in text.lines().enumerate() {
            let cols: usize = line
                .chars()
                .map(|c| if c as u32 >= 0x1100 { 2 } else { 1 })
                .sum();
            assert!(
                cols <= 180,
                "{}:{}: {cols} columns",
                e.path().display(),
                i + 1
            );
        }
    }
}

#[test]
fn the_waivers_of_the_real_ruleset_are_all_still_needed() {
    let compiled = compile_dir(Path::new(REAL)).expect("the real folder compiles");
    let shown: Vec<String> = compiled
        .warnings
        .iter()
        .map(|w| w.message.clone())
        .collect();
    for (ruleset, measure, what) in WAIVED {
        assert_eq!(*ruleset, "shanghai-hqfb-2023-1");
        let found = match what.split(' ').collect::<Vec<_>>().as_slice() {
            ["part", part, status] => shown.iter().any(|m| {
                *m == format!("part “{part}” of measure {measure} has no {status} example case")
            }),
            ["unsourced", fact] => shown
                .iter()
                .any(|m| m.contains(&format!("compared with “{fact}”"))),
            other => panic!("unknown waiver {other:?}"),
        };
        assert!(
            found,
            "waiver ({measure}, {what}) is no longer needed: remove it from checks::WAIVED"
        );
    }
    assert_eq!(shown.len(), WAIVED.len(), "{shown:#?}");
}

/// A small ruleset written from scratch in the rule language.
fn small(measure: &str) -> Scratch {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let s = Scratch::new(&format!("small-{n}"));
    s.write(
        "ruleset.toml",
        r#"
id = "test-city"
version = "1"
issued = "2023-01-01"
title.zh = "测试"
title.ja = "テスト"
title.en = "Test"
document.zh = "测试1号"
document.ja = "テスト1号"
document.en = "Test No. 1"
issuer.zh = "市"
issuer.ja = "市"
issuer.en = "City"
source.zh = "测试"
source.ja = "テスト"
source.en = "Test"

[[chapters]]
id = 1
title.zh = "一"
title.ja = "一"
title.en = "One"

[[sections]]
id = "s"
title.zh = "企业"
title.ja = "企業"
title.en = "Enterprise"

[[departments]]
id = "d"
name.zh = "局"
name.ja = "局"
name.en = "Bureau"

[[sources]]
id = "law-1"
evidence = "cited"
title.zh = "法"
title.ja = "法"
title.en = "Law"
"#,
    );
    s.write(
        "facts.toml",
        r#"
[[facts]]
id = "registered"
type = "bool"
section = "s"
label = { zh = "已注册", ja = "登録済み", en = "Registered" }

[[facts]]
id = "sales"
type = "money"
section = "s"
label = { zh = "销售额", ja = "売上", en = "Sales" }

[[facts]]
id = "loan"
type = "money"
section = "s"
label = { zh = "贷款", ja = "融資", en = "Loan" }

[[facts]]
id = "kind"
type = "enum"
section = "s"
label = { zh = "类型", ja = "種類", en = "Kind" }
values = [
  { id = "small_scale", label = { zh = "小", ja = "小", en = "small" } },
  { id = "general", label = { zh = "一般", ja = "一般", en = "general" } },
]
"#,
    );
    s.write("measures/01.toml", measure);
    s
}

const GOOD: &str = r#"
id = 1
chapter = 1
kind = "benefit"
title.zh = "补贴"
title.ja = "補助"
title.en = "Subsidy"
departments = ["d"]

[text]
zh = "对月销售额 10 万元以下的小规模企业，给予贷款 2%的贴息，最高 20 万元。"
ja = "月商 10 万元以下の小規模企業に、融資の 2%を補助し、上限は 20 万元とする。"
en = "Small enterprises with monthly sales of 100,000 yuan or less get 2% of their loan, at most 200,000 yuan."

[[parts]]
id = "a"
title.zh = "贴息"
title.ja = "利子補給"
title.en = "Interest subsidy"

[[parts.when]]
test = "registered and kind = small_scale"

[[parts.when]]
test = "sales <= 10万元"
cite.zh = "月销售额 10 万元以下"
cite.ja = "月商 10 万元以下"
cite.en = "monthly sales of 100,000 yuan or less"

[parts.amount]
exact = "min(2% × loan, 20万元)"
cite.zh = "给予贷款 2%的贴息，最高 20 万元"
cite.ja = "融資の 2%を補助し、上限は 20 万元"
cite.en = "2% of their loan, at most 200,000 yuan"

[[cases]]
name = "a small shop with a loan of 3 million"
as_of = 2023-07-01
profile = { registered = true, kind = "small_scale", sales = "90000", loan = "3000000" }
expect = { status = "eligible", amount = { min = "60000", max = "60000" } }

[[cases]]
name = "sales above the line"
as_of = 2023-07-01
profile = { registered = true, kind = "small_scale", sales = "100000.01", loan = "3000000" }
expect = { status = "ineligible" }

[[cases]]
name = "sales not given"
as_of = 2023-07-01
profile = { registered = true, kind = "small_scale" }
expect = { status = "needs_info" }
"#;

#[test]
fn a_measure_written_in_the_rule_language_loads_and_evaluates() {
    let s = small(GOOD);
    let compiled = compile_dir(&s.0).unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::to_string(&compiled.document).expect("json");
    // The formula in words is the engine's prefix form, 万元 and % exactly.
    let part = &compiled.document["measures"][0]["parts"][0];
    assert_eq!(
        part["amount"]["exact"],
        serde_json::json!({ "min_of": [{ "mul": ["0.02", { "fact": "loan" }] }, "200000"] })
    );
    assert_eq!(part["when"][1]["value"], "100000");
    assert_eq!(part["when"][0]["all"][1]["value"], "small_scale");
    let rs = load_json(&json).unwrap_or_else(|e| {
        panic!(
            "{:?}",
            e.iter().map(|x| x.message(Lang::En)).collect::<Vec<_>>()
        )
    });
    for case in &compiled.cases[0].cases {
        let profile = parse_json(&serde_json::to_string(&case["profile"]).expect("profile"))
            .expect("profile");
        let as_of = Date::parse(case["as_of"].as_str().expect("as_of")).expect("date");
        let r = report::evaluate(&rs, &profile, as_of, Lang::En, Detail::Full);
        let r = serde_json::to_value(&r).expect("report");
        assert_eq!(
            r["measures"][0]["status"], case["expect"]["status"],
            "{}",
            case["name"]
        );
    }
}

/// The problems of a measure, one string each (`file:line:col: message` and its help).
fn problems(measure: &str) -> Vec<String> {
    let s = small(measure);
    match check_dir(&s.0) {
        Ok(_) => Vec::new(),
        Err(d) => d
            .iter()
            .map(|d| {
                format!(
                    "{}:{}: {} {}",
                    d.line,
                    d.col,
                    d.message,
                    d.help.clone().unwrap_or_default()
                )
            })
            .collect(),
    }
}

fn assert_problem(measure: &str, want: &[&str]) {
    let got = problems(measure);
    assert!(
        got.iter().any(|p| want.iter().all(|w| p.contains(w))),
        "no problem with {want:?} among {got:#?}"
    );
}

#[test]
fn a_misspelt_key_is_named_with_its_line_and_a_suggestion() {
    let m = GOOD.replace("[parts.amount]\nexact", "[parts.amount]\nexcat");
    assert_problem(
        &m,
        &["unknown key “excat” in an amount", "did you mean “exact”?"],
    );
    let line = GOOD
        .lines()
        .position(|l| l == "[parts.amount]")
        .expect("line")
        + 2;
    assert_problem(&m, &[&format!("{line}:1: unknown key “excat”")]);
    let m = GOOD.replace("cite.zh = \"月销售额", "cites.zh = \"月销售额");
    assert_problem(&m, &["unknown key “cites”", "did you mean “cite”?"]);
    let m = GOOD.replace(
        "expect = { status = \"ineligible\" }",
        "expect = { statsu = \"ineligible\" }",
    );
    assert_problem(
        &m,
        &["unknown key “statsu” in expect", "did you mean “status”?"],
    );
}

#[test]
fn a_misspelt_name_in_a_test_points_at_its_column() {
    let m = GOOD.replace("test = \"sales <= 10万元\"", "test = \"salse <= 10万元\"");
    let line = GOOD
        .lines()
        .position(|l| l == "test = \"sales <= 10万元\"")
        .expect("line")
        + 1;
    // Column 9 is the first character inside the quotes.
    assert_problem(
        &m,
        &[
            &format!("{line}:9: unknown fact “salse”"),
            "did you mean “sales”?",
        ],
    );
    let m = GOOD.replace("kind = small_scale", "kind = smal_scale");
    assert_problem(
        &m,
        &[
            "“smal_scale” is not one of the fact's choices",
            "did you mean “small_scale”?",
        ],
    );
    let m = GOOD.replace("min(2% × loan, 20万元)", "min(2% × loan, 20万)");
    assert_problem(&m, &["write “20万元”"]);
    let m = GOOD.replace("min(2% × loan, 20万元)", "min(2% × laon, 20万元)");
    assert_problem(&m, &["unknown fact “laon”", "did you mean “loan”?"]);
}

#[test]
fn a_cite_that_is_not_in_the_clause_is_refused() {
    let m = GOOD.replace(
        "cite.zh = \"月销售额 10 万元以下\"",
        "cite.zh = \"月销售额 20 万元以下\"",
    );
    assert_problem(
        &m,
        &[
            "the zh cite “月销售额 20 万元以下” is not in this measure's zh text",
            "the clause has “月销售额1",
        ],
    );
    // Whitespace does not matter, and “……” leaves words out (in order).
    let m = GOOD.replace(
        "cite.zh = \"月销售额 10 万元以下\"",
        "cite.zh = \"月销售额10万元……小规模企业\"",
    );
    assert!(problems(&m).is_empty(), "{:?}", problems(&m));
    let m = GOOD.replace(
        "cite.ja = \"月商 10 万元以下\"",
        "cite.ja = \"小規模企業……月商\"",
    );
    assert_problem(&m, &["the ja cite “小規模企業……月商”"]);
}

#[test]
fn a_number_without_its_words_or_source_is_refused() {
    let m = GOOD.replace(
        "test = \"sales <= 10万元\"\ncite.zh = \"月销售额 10 万元以下\"\ncite.ja = \"月商 10 万元以下\"\ncite.en = \"monthly sales of 100,000 yuan or less\"",
        "test = \"sales <= 10万元\"",
    );
    assert_problem(
        &m,
        &["the number compared with “sales” needs the clause words"],
    );
    let m = m.replace(
        "test = \"sales <= 10万元\"",
        "test = \"sales <= 10万元\"\nsource = \"law-1\"",
    );
    assert!(problems(&m).is_empty(), "{:?}", problems(&m));
}

#[test]
fn each_outcome_needs_an_example() {
    let cut = GOOD
        .find("[[cases]]\nname = \"sales not given\"")
        .expect("case");
    assert_problem(
        &GOOD[..cut],
        &["part “a” of measure 1 has no needs_info example case"],
    );
    let m = GOOD.replace(
        "expect = { status = \"ineligible\" }",
        "expect = { status = \"ineligible\", parts = { b = \"ineligible\" } }",
    );
    assert_problem(&m, &["the measure has no part “b”", "did you mean “a”?"]);
}

#[test]
fn the_earlier_form_is_still_read() {
    let m = GOOD
        .replace("test = \"registered and kind = small_scale\"", "all = [{ fact = \"registered\" }, { fact = \"kind\", op = \"=\", value = \"small_scale\" }]")
        .replace("test = \"sales <= 10万元\"", "fact = \"sales\"\nop = \"<=\"\nvalue = \"100000\"")
        .replace("exact = \"min(2% × loan, 20万元)\"", "exact = { min_of = [{ mul = [\"0.02\", { fact = \"loan\" }] }, \"200000\"] }");
    let new = compile_dir(&small(GOOD).0).expect("new form");
    let old = compile_dir(&small(&m).0).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(new.document, old.document);
}

/// The measure GUIDE.md writes, step by step, compiles in place of the built-in 05.toml and its
/// example cases hold: the guide cannot drift from the language.
#[test]
fn the_guides_measure_compiles_and_its_cases_hold() {
    let guide = fs::read_to_string("src/rules/GUIDE.md").expect("guide");
    let blocks: Vec<&str> = guide
        .split("```toml\n")
        .skip(1)
        .filter_map(|b| b.split("\n```").next())
        .collect();
    assert_eq!(blocks.len(), 3, "the guide's three TOML blocks");
    let s = Scratch::new("guide");
    for name in ["ruleset.toml", "facts.toml", "size.toml", "derived.toml"] {
        fs::copy(Path::new(REAL).join(name), s.0.join(name)).expect("copy");
    }
    for e in fs::read_dir(Path::new(REAL).join("measures"))
        .expect("measures")
        .flatten()
    {
        fs::copy(e.path(), s.0.join("measures").join(e.file_name())).expect("copy");
    }
    s.write("measures/05.toml", &blocks.join("\n\n"));
    let compiled = compile_dir(&s.0).unwrap_or_else(|e| panic!("the guide's measure:\n{e}"));
    let rs = load_json(&serde_json::to_string(&compiled.document).expect("json"))
        .unwrap_or_else(|_| panic!("loads"));
    let cases = &compiled
        .cases
        .iter()
        .find(|f| f.measure == 5)
        .expect("measure 5")
        .cases;
    assert_eq!(cases.len(), 3);
    for case in cases {
        let profile = parse_json(&serde_json::to_string(&case["profile"]).expect("profile"))
            .expect("profile");
        let as_of = Date::parse(case["as_of"].as_str().expect("as_of")).expect("date");
        let r = serde_json::to_value(report::evaluate(
            &rs,
            &profile,
            as_of,
            Lang::Zh,
            Detail::Full,
        ))
        .expect("report");
        let m = r["measures"]
            .as_array()
            .and_then(|ms| ms.iter().find(|m| m["id"] == 5))
            .expect("measure 5");
        assert_eq!(m["status"], case["expect"]["status"], "{}", case["name"]);
    }
}
