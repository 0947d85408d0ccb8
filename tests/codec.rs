//! The core (engine::codec): a checked ruleset in compact binary form, read by the page without the
//! loader. Reading what was written gives the same ruleset; no byte string makes reading panic.
#![cfg(not(target_arch = "wasm32"))]

use sme_eligibility::engine::codec::{Corrupt, decode, encode};
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
    let back = decode(&core, rs.hash.clone(), texts_of(&rs)).expect("the core reads");
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
        assert!(
            decode(&core[..n], String::new(), Texts::default()).is_err(),
            "{n}"
        );
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
        match decode(&bytes, String::new(), texts_of(&rs)) {
            Err(Corrupt { .. }) => refused += 1,
            Ok(damaged) => {
                let _ = report::evaluate(&damaged, &profile, as_of, Lang::En, Detail::Full);
            }
        }
    }
    assert!(refused > 0);
}
