//! The core (engine::codec): a checked ruleset in compact binary form, read by the page without the
//! loader. Reading what was written gives the same ruleset; no byte string makes reading panic.
#![cfg(not(target_arch = "wasm32"))]

use sme_eligibility::engine::codec::{Corrupt, decode, encode, pack};
use sme_eligibility::engine::report::{self, Detail};
use sme_eligibility::engine::{Date, Lang, Ruleset, Texts};
use sme_eligibility::native::{builtin, parse_json};

fn texts_of(rs: &Ruleset) -> Texts {
    rs.texts.clone()
}

#[test]
fn the_built_in_ruleset_reads_back_as_it_was_written() {
    let rs = builtin().expect("built-in ruleset");
    let core = encode(&rs);
    let back = decode(&core, texts_of(&rs)).expect("the core reads");
    assert!(
        back == rs,
        "the ruleset read back differs from the one written"
    );
    // And it evaluates to the same report, word for word.
    let profile = parse_json(
        r#"{"registered_in_shanghai": true, "industry": "industry", "headcount": 80, "revenue": "50000000",
            "renovation_investment": "12000000", "vat_taxpayer": "small_scale", "vat_monthly_sales": "80000"}"#,
    )
    .expect("profile");
    let as_of = Date::parse("2026-06-30").expect("date");
    for lang in Lang::ALL {
        let a = serde_json::to_string(&report::evaluate(&rs, &profile, as_of, lang, Detail::Full));
        let b = serde_json::to_string(&report::evaluate(
            &back,
            &profile,
            as_of,
            lang,
            Detail::Full,
        ));
        assert_eq!(a.expect("json"), b.expect("json"));
    }
    eprintln!("core: {} bytes", core.len());
}

#[test]
fn a_truncated_or_damaged_core_is_refused_never_a_panic() {
    let rs = builtin().expect("built-in ruleset");
    let core = encode(&rs);
    // Every truncation is refused.
    for n in (0..core.len()).step_by(7) {
        assert!(decode(&core[..n], Texts::default()).is_err(), "{n}");
    }
    // Bytes flipped here and there: refused, or read into something that still evaluates.
    let profile = parse_json(
        r#"{"industry": "retail", "headcount": 8, "hires": [{"hired_on": "2023-03-01"}]}"#,
    )
    .expect("profile");
    let as_of = Date::parse("2024-01-01").expect("date");
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut refused = 0;
    for _ in 0..3000 {
        let mut bytes = core.clone();
        for _ in 0..3 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let i = (seed % bytes.len() as u64) as usize;
            bytes[i] ^= (seed >> 32) as u8 | 1;
        }
        match decode(&bytes, texts_of(&rs)) {
            Err(Corrupt { .. }) => refused += 1,
            Ok(damaged) => {
                let _ = report::evaluate(&damaged, &profile, as_of, Lang::En, Detail::Full);
            }
        }
    }
    assert!(refused > 0);
}

/// What a page loads: the core, and one language's strings for a first report. That report is the
/// same as with every string at hand; the reasons' strings and the clause texts come later.
#[test]
fn a_packed_ruleset_reports_the_same_without_its_clause_texts() {
    let rs = builtin().expect("built-in ruleset");
    let packed = pack(&rs);
    let profile = parse_json(
        r#"{"registered_in_shanghai": true, "industry": "software_it", "headcount": 45, "revenue": "30000000",
            "vat_taxpayer": "general", "zjtx_recognised": true, "zjtx_recognised_on": "2023-03-01"}"#,
    )
    .expect("profile");
    let as_of = Date::parse("2023-07-01").expect("date");
    for lang in Lang::ALL {
        let table = &packed.tables[lang as usize];
        let mut texts = Texts::with_len(table.len());
        texts.set(lang, 0, table[..packed.why].iter().cloned());
        let page = decode(&packed.core, texts).expect("the core reads");
        assert_eq!(page.hash, rs.hash);
        let a = serde_json::to_string(&report::evaluate(&rs, &profile, as_of, lang, Detail::Page));
        let b = serde_json::to_string(&report::evaluate(
            &page,
            &profile,
            as_of,
            lang,
            Detail::Page,
        ));
        assert_eq!(a.expect("json"), b.expect("json"), "{lang:?}");
        // The clause texts, set later, are where the catalog reads them.
        let mut page = page;
        page.texts.set(
            lang,
            packed.clauses,
            table[packed.clauses..].iter().cloned(),
        );
        for (m, original) in page.measures.iter().zip(&rs.measures) {
            assert_eq!(page.text(&m.text, lang), rs.text(&original.text, lang));
            assert!(!page.text(&m.text, lang).is_empty());
        }
    }
    assert!(packed.why < packed.clauses && packed.clauses < packed.tables[0].len());
}
