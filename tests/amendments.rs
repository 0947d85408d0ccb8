//! Amendments: a later document that, from its date, extends or ends a part's window or replaces
//! its conditions or its amount. Evaluation applies those in force on the as-of date unless the
//! text alone is asked for; the loader refuses amendments it cannot place in time.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value as Json;
use sme_eligibility::engine::amend::Reading;
use sme_eligibility::engine::report::{self, Detail};
use sme_eligibility::engine::{Date, Lang, Ruleset, load_text};
use sme_eligibility::native::{builtin, parse_json};

const TEXT: &str = r#"{"zh": "t", "ja": "t", "en": "t"}"#;

/// One measure, one part: "staff ≥ 10", open in 2023 (from the clause), with the amendments given.
fn ruleset(amendments: &str, sources: &str) -> String {
    format!(
        r#"{{"id": "t", "version": "1", "issued": "2023-01-01", "title": {TEXT}, "document": {TEXT},
  "issuer": {TEXT}, "source": {TEXT},
  "chapters": [{{"id": 1, "title": {TEXT}}}], "sections": [{{"id": "s", "title": {TEXT}}}],
  "sources": [{sources}],
  "facts": [{{"id": "n", "type": "int", "section": "s", "label": {TEXT}}}],
  "measures": [{{"id": 1, "chapter": 1, "kind": "benefit", "title": {TEXT}, "text": {TEXT},
    "parts": [{{"id": "a", "title": {TEXT},
      "window": {{"from": "2023-01-01", "to": "2023-12-31", "cite": {TEXT}}},
      "when": [{{"fact": "n", "op": ">=", "value": 10, "cite": {TEXT}}}],
      "amount": {{"exact": "1000", "cite": {TEXT}}}}}],
    "amendments": [{amendments}]}}]}}"#
    )
}

const LATER: &str = r#"{"id": "later", "evidence": "cited", "date": "2023-08-01",
  "title": {"zh": "后续公告", "ja": "後続公告", "en": "Later Notice"}}"#;
const EVEN_LATER: &str = r#"{"id": "even-later", "evidence": "verify", "date": "2026-01-01",
  "title": {"zh": "再后公告", "ja": "再後続公告", "en": "Even Later Notice"}}"#;

/// "Later Notice" (2023-08-01) extends the window to 2027-12-31.
const EXTENSION: &str = r#"{"part": "a", "source": "later", "window": {"to": "2027-12-31"},
  "cite": {"zh": "执行至2027年12月31日", "ja": "2027年12月31日まで", "en": "until 31 December 2027"}}"#;

fn load(json: &str) -> Ruleset {
    load_text(json, None).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.message(Lang::En)).collect();
        panic!("the ruleset does not load:\n{}", lines.join("\n"))
    })
}

fn errors_of(json: &str) -> Vec<(String, String)> {
    match load_text(json, None) {
        Ok(_) => panic!("the ruleset loads, but it should be refused"),
        Err(errors) => errors
            .iter()
            .map(|e| (e.path.clone(), e.message(Lang::En)))
            .collect(),
    }
}

fn report_json(rs: &Ruleset, profile: &str, as_of: &str, reading: Reading, lang: Lang) -> Json {
    let profile = parse_json(profile).expect("profile parses");
    let as_of = Date::parse(as_of).expect("date");
    let r = report::evaluate_as(rs, &profile, as_of, reading, lang, Detail::Full);
    serde_json::to_value(&r).expect("report serialises")
}

fn part(report: &Json, measure: u64) -> Json {
    let m = report["measures"]
        .as_array()
        .and_then(|ms| ms.iter().find(|m| m["id"] == measure))
        .expect("the measure is in the report");
    m["parts"][0].clone()
}

#[test]
fn an_extension_applies_from_its_documents_date_to_its_new_end() {
    let rs = load(&ruleset(EXTENSION, LATER));
    let staff = r#"{"n": 12}"#;
    // (as-of date, status as amended, status under the clause alone where it differs, applied?)
    let days = [
        // Before the later document: the clause alone applies, and its window is open.
        ("2023-07-31", "eligible", None, false),
        // In force from its date, not yet making a difference.
        ("2023-08-01", "eligible", None, true),
        ("2023-12-31", "eligible", None, true),
        // The clause's window has closed; the amendment keeps the part open.
        ("2024-01-01", "eligible", Some("expired"), true),
        ("2027-12-31", "eligible", Some("expired"), true),
        // Past the amended end: expired either way.
        ("2028-01-01", "expired", None, true),
    ];
    for (day, status, text_status, applied) in days {
        let r = report_json(&rs, staff, day, Reading::Amended, Lang::Zh);
        let p = part(&r, 1);
        assert_eq!(p["status"], status, "{day}: {p}");
        assert_eq!(p["text_status"].as_str(), text_status, "{day}: {p}");
        let amendments = p["amendments"].as_array().map_or(0, Vec::len);
        assert_eq!(amendments, usize::from(applied), "{day}: {p}");
        // The text alone never sees the amendment.
        let t = part(
            &report_json(&rs, staff, day, Reading::TextOnly, Lang::Zh),
            1,
        );
        let alone = text_status.unwrap_or(if day < "2024-01-01" {
            status
        } else {
            "expired"
        });
        assert_eq!(t["status"], alone, "{day} text only: {t}");
        assert!(t.get("amendments").is_none() && t.get("text_status").is_none());
    }
}

#[test]
fn the_report_names_the_document_that_made_the_difference_in_three_languages() {
    let rs = load(&ruleset(EXTENSION, LATER));
    let expected = [
        (
            Lang::Zh,
            "条文所定期限已于 2023年12月31日 结束；依 后续公告 延续至 2027年12月31日",
        ),
        (Lang::Ja, "後続公告 により 2027年12月31日 まで延長"),
        (
            Lang::En,
            "the clause's period ended on 2023-12-31; Later Notice extends it to 2027-12-31",
        ),
    ];
    for (lang, words) in expected {
        let r = report_json(&rs, r#"{"n": 12}"#, "2026-06-30", Reading::Amended, lang);
        let p = part(&r, 1);
        let a = &p["amendments"][0];
        assert_eq!(a["source"], "later");
        assert_eq!(a["evidence"], "cited");
        assert_eq!(a["in_force"], "2023-08-01");
        assert_eq!(a["changes"], serde_json::json!(["window"]));
        let text = a["text"].as_str().unwrap_or_default();
        assert!(text.contains(words), "{lang:?}: {text}");
        assert_eq!(p["window"]["to"], "2027-12-31");
        assert_eq!(p["text_window"]["to"], "2023-12-31");
        assert_eq!(p["text_window"]["state"], "closed");
        // The window reason of the explanation quotes the later document.
        let reasons = p["explanation"].as_array().cloned().unwrap_or_default();
        assert!(
            reasons.iter().any(|x| x["cite"] == a["cite"]),
            "{lang:?}: {reasons:?}"
        );
    }
}

#[test]
fn the_summary_counts_an_amended_window_as_open() {
    let rs = load(&ruleset(EXTENSION, LATER));
    let r = report_json(&rs, r#"{"n": 3}"#, "2026-06-30", Reading::Amended, Lang::En);
    assert_eq!(r["summary"]["windows_closed"], false);
    assert_eq!(r["summary"]["period"]["to"], "2027-12-31");
    let t = report_json(
        &rs,
        r#"{"n": 3}"#,
        "2026-06-30",
        Reading::TextOnly,
        Lang::En,
    );
    assert_eq!(t["summary"]["windows_closed"], true);
}

#[test]
fn a_later_document_can_end_an_amendment_and_replace_the_conditions() {
    // Later Notice extends to 2027; Even Later Notice, from 2026, asks for 20 staff instead of 10,
    // and the extension ends on 2025-12-31 for reasons of its own.
    let until = EXTENSION.replace(r#""window""#, r#""until": "2025-12-31", "window""#);
    let stricter = r#"{"part": "a", "source": "even-later", "window": {"to": "2026-12-31"},
      "when": [{"fact": "n", "op": ">=", "value": 20, "source": "even-later"}],
      "cite": {"zh": "二十人", "ja": "二十人", "en": "twenty staff"}}"#;
    let rs = load(&ruleset(
        &format!("{until}, {stricter}"),
        &format!("{LATER}, {EVEN_LATER}"),
    ));
    let at = |day: &str, staff: u32| {
        let r = report_json(
            &rs,
            &format!(r#"{{"n": {staff}}}"#),
            day,
            Reading::Amended,
            Lang::En,
        );
        part(&r, 1)
    };
    assert_eq!(at("2025-12-31", 12)["status"], "eligible");
    let p = at("2026-01-01", 12);
    assert_eq!(p["status"], "ineligible", "{p}");
    assert_eq!(p["text_status"], "expired", "{p}");
    assert_eq!(p["amendments"][0]["source"], "even-later");
    assert_eq!(
        p["amendments"][0]["changes"],
        serde_json::json!(["window", "conditions"])
    );
    assert_eq!(at("2026-01-01", 20)["status"], "eligible");
    assert_eq!(at("2027-01-01", 20)["status"], "expired");
}

#[test]
fn amendments_the_loader_cannot_place_are_refused_by_name() {
    let cases: [(&str, String, &str, &str); 6] = [
        (
            "an unknown part",
            ruleset(
                &EXTENSION.replace(r#""part": "a""#, r#""part": "z""#),
                LATER,
            ),
            "measures[1].amendments[0].part",
            "this measure has no part “z”",
        ),
        (
            "in force before its document",
            ruleset(
                &EXTENSION.replace(r#""window""#, r#""in_force": "2023-07-31", "window""#),
                LATER,
            ),
            "measures[1].amendments[0].in_force",
            "in force from 2023-07-31, before its document's date 2023-08-01",
        ),
        (
            "a document without a date",
            ruleset(EXTENSION, &LATER.replace(r#""date": "2023-08-01","#, "")),
            "measures[1].amendments[0].source",
            "the amending document “later” needs a date",
        ),
        (
            "two amendments changing the window on the same days",
            ruleset(
                &format!("{EXTENSION}, {}", EXTENSION.replace("later", "even-later")),
                &format!("{LATER}, {EVEN_LATER}"),
            ),
            "measures[1].parts[0]",
            "changes the same window on the same days as the amendment by “later”",
        ),
        (
            "an amendment that changes nothing",
            ruleset(
                r#"{"part": "a", "source": "later", "cite": {"zh": "c", "ja": "c", "en": "c"}}"#,
                LATER,
            ),
            "measures[1].amendments[0]",
            "an amendment changes the window, the conditions (when) or the amount",
        ),
        (
            "a window that would end before it starts",
            ruleset(&EXTENSION.replace("2027-12-31", "2022-06-30"), LATER),
            "measures[1].parts[0]",
            "the window starts on 2023-01-01, after it ends on 2022-06-30",
        ),
    ];
    for (what, json, path, message) in cases {
        let errors = errors_of(&json);
        assert!(
            errors.iter().any(|(p, m)| p == path && m.contains(message)),
            "{what}: expected “{message}” at {path}, got {errors:?}"
        );
        // Every problem is said in each language.
        let Err(all) = load_text(&json, None) else {
            unreachable!()
        };
        for e in &all {
            let [zh, ja, en] = [Lang::Zh, Lang::Ja, Lang::En].map(|l| e.message(l));
            assert!(zh != en && ja != en, "{what}: not translated: {en}");
        }
    }
}

/// The issue's own example: a small-scale VAT taxpayer with monthly sales of 80,000 yuan, as of
/// 2026-06-30. The 2023 clause's year has passed; 财政部 税务总局公告2023年第19号 keeps the exemption
/// to 2027-12-31.
#[test]
fn a_small_scale_taxpayer_in_2026_is_exempt_under_announcement_19() {
    let rs = builtin().expect("built-in ruleset");
    let profile = r#"{"registered_in_shanghai": true, "vat_taxpayer": "small_scale", "vat_monthly_sales": "80000"}"#;
    let r = report_json(&rs, profile, "2026-06-30", Reading::Amended, Lang::Zh);
    let m = r["measures"]
        .as_array()
        .and_then(|ms| ms.iter().find(|m| m["id"] == 22))
        .cloned()
        .expect("measure 22");
    let a = &m["parts"][0];
    assert_eq!(a["id"], "a");
    assert_eq!(a["status"], "eligible");
    assert_eq!(a["text_status"], "expired");
    assert_eq!(a["amendments"][0]["source"], "cs-2023-19");
    let text = a["amendments"][0]["text"].as_str().unwrap_or_default();
    assert!(text.contains("财政部 税务总局公告2023年第19号"), "{text}");
    assert!(text.contains("延续至 2027年12月31日"), "{text}");
    assert_eq!(a["amount"]["min"], "28800");
    let t = report_json(&rs, profile, "2026-06-30", Reading::TextOnly, Lang::Zh);
    let m = t["measures"]
        .as_array()
        .and_then(|ms| ms.iter().find(|m| m["id"] == 22))
        .cloned()
        .expect("measure 22");
    assert_eq!(m["parts"][0]["status"], "expired");
    // Last day of the extension, and the day after.
    let last = report_json(&rs, profile, "2027-12-31", Reading::Amended, Lang::En);
    let after = report_json(&rs, profile, "2028-01-01", Reading::Amended, Lang::En);
    assert_eq!(part(&last, 22)["status"], "eligible");
    assert_eq!(part(&after, 22)["status"], "expired");
}
