//! The SME size class of 工信部联企业〔2011〕300号《中小企业划型标准规定》, checked for all 16 industry
//! groups at their boundaries; and 金融业, whose class is declared under its own standard
//! (银发〔2015〕309号), never computed from 300号's indicators.
//!
//! The expected table below is written independently of `src/rules/shanghai-2023-1/size.toml`: in
//! 万元 and persons, as the standard writes them (see /work/shared/domain/standards.md §1). A
//! transcription error in size.toml (a zero too many, a bound in the wrong tier) makes a row fail.
//!
//! Reading of the standard:
//! - 大型 only when EVERY upper bound of the group is reached (the group's "X以下或Y以下" defines an SME:
//!   one indicator below its bound is enough to be an SME);
//! - 中型 and 小型 need ALL the lower bounds of the tier; missing one drops the enterprise a tier;
//! - 微型 on any one indicator below the 小型 bound;
//! - "X以下" is strictly below X, "X及以上" is X or more.
//!
//! Figures in the rows are written as the standard writes them: `1000人`, `营收40000万`,
//! `资产80000万`, and one yuan below a bound as `营收40000万-1元`.
#![cfg(not(target_arch = "wasm32"))]

use sme_eligibility::engine::model::{FactKind, Ruleset, SIZE_CLASSES};
use sme_eligibility::engine::profile::Profile;
use sme_eligibility::engine::size::{SizeOutcome, classify};
use sme_eligibility::native::{builtin, parse_json};

// ── The standard, as written (万元 and persons) ─────────────────────────────────────────────────

#[derive(Clone, Copy, Debug, PartialEq)]
enum Ind {
    /// 从业人员 (persons)
    Persons,
    /// 营业收入 (万元)
    Revenue,
    /// 资产总额 (万元)
    Assets,
}
use Ind::*;

struct Group {
    id: &'static str,
    name: &'static str,
    /// 中小微 when ANY indicator is below its bound (大型 when every one is reached).
    sme_below: &'static [(Ind, u64)],
    /// 中型: all of (X及以上).
    medium: &'static [(Ind, u64)],
    /// 小型: all of (X及以上); 微型 when any is below.
    small: &'static [(Ind, u64)],
}

#[rustfmt::skip]
const STANDARD: &[Group] = &[
    //     id                           name                    大型 needs all of (else 中小微)           中型 all of                          小型 all of
    Group { id: "agriculture",              name: "农、林、牧、渔业",     sme_below: &[(Revenue, 20000)],                  medium: &[(Revenue, 500)],                  small: &[(Revenue, 50)] },
    Group { id: "industry",                 name: "工业",                 sme_below: &[(Persons, 1000), (Revenue, 40000)], medium: &[(Persons, 300), (Revenue, 2000)], small: &[(Persons, 20), (Revenue, 300)] },
    Group { id: "construction",             name: "建筑业",               sme_below: &[(Revenue, 80000), (Assets, 80000)], medium: &[(Revenue, 6000), (Assets, 5000)], small: &[(Revenue, 300), (Assets, 300)] },
    Group { id: "wholesale",                name: "批发业",               sme_below: &[(Persons, 200), (Revenue, 40000)],  medium: &[(Persons, 20), (Revenue, 5000)],  small: &[(Persons, 5), (Revenue, 1000)] },
    Group { id: "retail",                   name: "零售业",               sme_below: &[(Persons, 300), (Revenue, 20000)],  medium: &[(Persons, 50), (Revenue, 500)],   small: &[(Persons, 10), (Revenue, 100)] },
    Group { id: "transport",                name: "交通运输业",           sme_below: &[(Persons, 1000), (Revenue, 30000)], medium: &[(Persons, 300), (Revenue, 3000)], small: &[(Persons, 20), (Revenue, 200)] },
    Group { id: "warehousing",              name: "仓储业",               sme_below: &[(Persons, 200), (Revenue, 30000)],  medium: &[(Persons, 100), (Revenue, 1000)], small: &[(Persons, 20), (Revenue, 100)] },
    Group { id: "postal",                   name: "邮政业",               sme_below: &[(Persons, 1000), (Revenue, 30000)], medium: &[(Persons, 300), (Revenue, 2000)], small: &[(Persons, 20), (Revenue, 100)] },
    Group { id: "accommodation",            name: "住宿业",               sme_below: &[(Persons, 300), (Revenue, 10000)],  medium: &[(Persons, 100), (Revenue, 2000)], small: &[(Persons, 10), (Revenue, 100)] },
    Group { id: "catering",                 name: "餐饮业",               sme_below: &[(Persons, 300), (Revenue, 10000)],  medium: &[(Persons, 100), (Revenue, 2000)], small: &[(Persons, 10), (Revenue, 100)] },
    Group { id: "information_transmission", name: "信息传输业",           sme_below: &[(Persons, 2000), (Revenue, 100000)], medium: &[(Persons, 100), (Revenue, 1000)], small: &[(Persons, 10), (Revenue, 100)] },
    Group { id: "software_it",              name: "软件和信息技术服务业", sme_below: &[(Persons, 300), (Revenue, 10000)],  medium: &[(Persons, 100), (Revenue, 1000)], small: &[(Persons, 10), (Revenue, 50)] },
    Group { id: "real_estate_development",  name: "房地产开发经营",       sme_below: &[(Revenue, 200000), (Assets, 10000)], medium: &[(Revenue, 1000), (Assets, 5000)], small: &[(Revenue, 100), (Assets, 2000)] },
    Group { id: "property_management",      name: "物业管理",             sme_below: &[(Persons, 1000), (Revenue, 5000)],  medium: &[(Persons, 300), (Revenue, 1000)], small: &[(Persons, 100), (Revenue, 500)] },
    Group { id: "leasing_business_services", name: "租赁和商务服务业",    sme_below: &[(Persons, 300), (Assets, 120000)],  medium: &[(Persons, 100), (Assets, 8000)],  small: &[(Persons, 10), (Assets, 100)] },
    Group { id: "other",                    name: "其他未列明行业",       sme_below: &[(Persons, 300)],                    medium: &[(Persons, 100)],                  small: &[(Persons, 10)] },
];

fn group(id: &str) -> &'static Group {
    STANDARD
        .iter()
        .find(|g| g.id == id)
        .unwrap_or_else(|| panic!("no group “{id}” in the test's table"))
}

// ── Figures: `1200人 营收30000万 资产80000万-1元` → a profile ───────────────────────────────────

/// One indicator value: persons, or yuan.
#[derive(Clone, Copy, Debug)]
struct Figure {
    ind: Ind,
    /// persons, or yuan
    value: u64,
}

fn parse_figures(s: &str) -> Vec<Figure> {
    s.split_whitespace()
        .map(|tok| {
            if let Some(n) = tok.strip_suffix('人') {
                return Figure {
                    ind: Persons,
                    value: n.parse().unwrap_or_else(|_| panic!("bad figure {tok}")),
                };
            }
            let (ind, rest) = if let Some(r) = tok.strip_prefix("营收") {
                (Revenue, r)
            } else if let Some(r) = tok.strip_prefix("资产") {
                (Assets, r)
            } else {
                panic!(
                    "bad figure {tok}: write 1000人, 营收40000万, 资产80000万 or 营收40000万-1元"
                )
            };
            let (wan, minus_yuan) = match rest.split_once("万") {
                Some((w, "")) => (w, 0),
                Some((w, tail)) => {
                    let y = tail
                        .strip_prefix('-')
                        .and_then(|t| t.strip_suffix('元'))
                        .unwrap_or_else(|| panic!("bad figure {tok}"));
                    (
                        w,
                        y.parse::<u64>()
                            .unwrap_or_else(|_| panic!("bad figure {tok}")),
                    )
                }
                None => panic!("bad figure {tok}: amounts are in 万"),
            };
            let wan: u64 = wan.parse().unwrap_or_else(|_| panic!("bad figure {tok}"));
            Figure {
                ind,
                value: wan * 10_000 - minus_yuan,
            }
        })
        .collect()
}

fn show(figs: &[Figure]) -> String {
    figs.iter()
        .map(|f| match f.ind {
            Persons => format!("{}人", f.value),
            Revenue | Assets => {
                let label = if f.ind == Revenue { "营收" } else { "资产" };
                if f.value % 10_000 == 0 {
                    format!("{label}{}万", f.value / 10_000)
                } else {
                    format!(
                        "{label}{}万-{}元",
                        f.value / 10_000 + 1,
                        10_000 - f.value % 10_000
                    )
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn profile_json(industry: Option<&str>, figs: &[Figure]) -> String {
    let mut fields = Vec::new();
    if let Some(i) = industry {
        fields.push(format!(r#""industry":"{i}""#));
    }
    for f in figs {
        fields.push(match f.ind {
            Persons => format!(r#""headcount":{}"#, f.value),
            Revenue => format!(r#""revenue":"{}""#, f.value),
            Assets => format!(r#""total_assets":"{}""#, f.value),
        });
    }
    format!("{{{}}}", fields.join(","))
}

fn ruleset() -> Ruleset {
    builtin().unwrap_or_else(|e| panic!("the built-in ruleset does not load: {} problems", e.len()))
}

fn run(rs: &Ruleset, industry: Option<&str>, figs: &[Figure]) -> SizeOutcome {
    let json = profile_json(industry, figs);
    let (profile, errors) = Profile::parse(rs, &parse_json(&json).expect("profile JSON"));
    assert!(errors.is_empty(), "profile {json} has errors: {errors:?}");
    classify(rs, &profile)
}

fn class_name(out: &SizeOutcome) -> &'static str {
    out.class().map_or("none", |i| SIZE_CLASSES[i])
}

fn possible_names(out: &SizeOutcome) -> Vec<&'static str> {
    (0..SIZE_CLASSES.len())
        .filter(|i| out.possible & (1 << i) != 0)
        .map(|i| SIZE_CLASSES[i])
        .collect()
}

fn missing_names(rs: &Ruleset, out: &SizeOutcome) -> Vec<String> {
    let mut v: Vec<String> = out
        .missing
        .iter()
        .map(|&i| rs.facts[i].id.clone())
        .collect();
    v.sort();
    v
}

/// Checks rows `(group, figures, expected class)`; reports every mismatch at once.
fn check_rows(rows: &[(&str, &str, &str)]) {
    let rs = ruleset();
    let mut bad = Vec::new();
    for (g, figs, want) in rows {
        assert!(SIZE_CLASSES.contains(want), "bad expected class {want}");
        let out = run(&rs, Some(g), &parse_figures(figs));
        let got = class_name(&out);
        if got != *want {
            bad.push(format!(
                "{} ({g}) {figs}: expected {want}, got {got} (possible {:?}, missing {:?})",
                group(g).name,
                possible_names(&out),
                missing_names(&rs, &out)
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} rows fail:\n{}",
        bad.len(),
        rows.len(),
        bad.join("\n")
    );
}

// ── The table covers the ruleset's industry choices ──────────────────────────────────────────────

/// The 16 groups of 300号, and 金融业, whose class is declared under its own standard.
#[test]
fn the_table_covers_all_16_industry_groups() {
    let rs = ruleset();
    let industry = rs
        .facts
        .iter()
        .find(|f| f.id == "industry")
        .expect("an industry fact");
    let FactKind::Enum(choices) = &industry.kind else {
        panic!("industry is not an enum")
    };
    let mut ruleset_ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
    ruleset_ids.sort_unstable();
    let mut table_ids: Vec<&str> = STANDARD.iter().map(|g| g.id).chain(["finance"]).collect();
    table_ids.sort_unstable();
    assert_eq!(STANDARD.len(), 16);
    assert_eq!(ruleset_ids, table_ids);
    let std = rs.size_standard.as_ref().expect("a size standard");
    assert_eq!(std.groups.len(), 16, "one group per industry of 300号");
    let [declared] = std.declared.as_slice() else {
        panic!("one declared class (金融业) expected")
    };
    let finance = choices.iter().position(|c| c.id == "finance");
    assert_eq!(
        declared.industries,
        vec![u16::try_from(finance.expect("finance")).expect("index")]
    );
    assert_eq!(rs.facts[declared.fact].id, "finance_size_class");
}

// ── Every bound: exactly at it, and one unit (one person, one yuan) below ───────────────────────

/// For every group and tier: all the tier's indicators exactly at their bounds gives the tier;
/// any ONE of them one unit below (the others still at the bound) gives the next tier down.
/// Only the group's own indicators are given: facts the group does not use are never needed.
#[test]
fn every_bound_exactly_and_one_unit_below() {
    let rs = ruleset();
    let mut rows: Vec<(&str, Vec<Figure>, &str)> = Vec::new();
    for g in STANDARD {
        for (tier, lower, bounds) in [
            ("large", "medium", g.sme_below),
            ("medium", "small", g.medium),
            ("small", "micro", g.small),
        ] {
            let at: Vec<Figure> = bounds
                .iter()
                .map(|&(ind, b)| Figure {
                    ind,
                    value: if ind == Persons { b } else { b * 10_000 },
                })
                .collect();
            rows.push((g.id, at.clone(), tier));
            for i in 0..at.len() {
                let mut below = at.clone();
                below[i].value -= 1; // one person, or one yuan
                rows.push((g.id, below, lower));
            }
        }
    }
    let mut bad = Vec::new();
    for (g, figs, want) in &rows {
        let out = run(&rs, Some(g), figs);
        if class_name(&out) != *want || !out.missing.is_empty() {
            bad.push(format!(
                "{} ({g}) {}: expected {want}, got {} (possible {:?}, missing {:?})",
                group(g).name,
                show(figs),
                class_name(&out),
                possible_names(&out),
                missing_names(&rs, &out)
            ));
        }
    }
    println!(
        "{} boundary rows over {} groups",
        rows.len(),
        STANDARD.len()
    );
    // 16 groups × 3 tiers × (1 + indicators): 2 one-indicator groups (农林牧渔, 其他), 14 two-indicator ones.
    assert_eq!(rows.len(), 2 * (3 * 2) + 14 * (3 * 3));
    assert!(
        bad.is_empty(),
        "{} of {} rows fail:\n{}",
        bad.len(),
        rows.len(),
        bad.join("\n")
    );
}

// ── 大型 only when every upper bound is reached ─────────────────────────────────────────────────

#[rustfmt::skip]
#[test]
fn large_only_when_every_upper_bound_is_reached() {
    check_rows(&[
        // group                       figures                              expected
        ("agriculture",               "营收20000万",                       "large"),
        ("agriculture",               "营收90000万",                       "large"),
        ("industry",                  "1200人 营收30000万",                "medium"), // standards.md's example
        ("industry",                  "800人 营收90000万",                 "medium"),
        ("industry",                  "1000人 营收40000万",                "large"),
        ("construction",              "营收100000万 资产60000万",          "medium"),
        ("construction",              "营收50000万 资产100000万",          "medium"),
        ("construction",              "营收80000万 资产80000万",           "large"),
        ("wholesale",                 "250人 营收30000万",                 "medium"),
        ("wholesale",                 "150人 营收60000万",                 "medium"),
        ("retail",                    "2000人 营收15000万",                "medium"),
        ("retail",                    "200人 营收50000万",                 "medium"),
        ("transport",                 "1500人 营收20000万",                "medium"),
        ("transport",                 "800人 营收50000万",                 "medium"),
        ("warehousing",               "300人 营收20000万",                 "medium"),
        ("warehousing",               "150人 营收40000万",                 "medium"),
        ("postal",                    "1200人 营收25000万",                "medium"),
        ("postal",                    "900人 营收40000万",                 "medium"),
        ("accommodation",             "400人 营收8000万",                  "medium"),
        ("accommodation",             "250人 营收12000万",                 "medium"),
        ("catering",                  "500人 营收9000万",                  "medium"),
        ("catering",                  "200人 营收15000万",                 "medium"),
        ("information_transmission",  "2500人 营收90000万",                "medium"),
        ("information_transmission",  "1500人 营收200000万",               "medium"),
        ("software_it",               "350人 营收9000万",                  "medium"),
        ("software_it",               "250人 营收20000万",                 "medium"),
        ("real_estate_development",   "营收300000万 资产8000万",           "medium"),
        ("real_estate_development",   "营收150000万 资产500000万",         "medium"),
        ("property_management",       "1500人 营收4000万",                 "medium"),
        ("property_management",       "800人 营收8000万",                  "medium"),
        ("leasing_business_services", "500人 资产100000万",               "medium"),
        ("leasing_business_services", "200人 资产200000万",               "medium"),
        ("other",                     "300人",                              "large"),
        ("other",                     "5000人",                             "large"),
    ]);
}

// ── 中型 / 小型 need all the tier's lower bounds: one missed drops a tier ─────────────────────────

#[rustfmt::skip]
#[test]
fn a_missed_lower_bound_drops_one_tier() {
    check_rows(&[
        // group                       figures                              expected
        ("agriculture",               "营收499万",                         "small"),
        ("industry",                  "500人 营收1000万",                  "small"),  // 营收 misses 中型's 2000万
        ("industry",                  "200人 营收10000万",                 "small"),  // 人 misses 中型's 300
        ("industry",                  "1200人 营收1999万",                 "small"),  // an SME (营收 < 40000万), not 中型
        ("construction",              "营收8000万 资产4000万",             "small"),
        ("construction",              "营收5000万 资产9000万",             "small"),
        ("wholesale",                 "100人 营收4000万",                  "small"),
        ("wholesale",                 "15人 营收20000万",                  "small"),
        ("retail",                    "200人 营收400万",                   "small"),
        ("retail",                    "40人 营收10000万",                  "small"),
        ("transport",                 "500人 营收2000万",                  "small"),
        ("transport",                 "250人 营收20000万",                 "small"),
        ("warehousing",               "150人 营收800万",                   "small"),
        ("warehousing",               "80人 营收20000万",                  "small"),
        ("postal",                    "500人 营收1500万",                  "small"),
        ("postal",                    "200人 营收20000万",                 "small"),
        ("accommodation",             "200人 营收1500万",                  "small"),
        ("accommodation",             "80人 营收5000万",                   "small"),
        ("catering",                  "200人 营收1800万",                  "small"),
        ("catering",                  "90人 营收8000万",                   "small"),
        ("information_transmission",  "500人 营收800万",                   "small"),
        ("information_transmission",  "90人 营收50000万",                  "small"),
        ("software_it",               "200人 营收900万",                   "small"),
        ("software_it",               "60人 营收8000万",                   "small"),
        ("real_estate_development",   "营收800万 资产8000万",              "small"),
        ("real_estate_development",   "营收50000万 资产4000万",            "small"),
        ("property_management",       "500人 营收800万",                   "small"),
        ("property_management",       "200人 营收4000万",                  "small"),
        ("leasing_business_services", "200人 资产5000万",                  "small"),
        ("leasing_business_services", "50人 资产100000万",                 "small"),
        ("other",                     "99人",                               "small"),
    ]);
}

// ── 微型 on any one indicator below the 小型 bound ───────────────────────────────────────────────

#[rustfmt::skip]
#[test]
fn micro_on_any_one_indicator() {
    check_rows(&[
        // group                       figures                              expected
        ("agriculture",               "营收30万",                          "micro"),
        ("industry",                  "19人 营收100000万",                 "micro"),  // 19人 < 20: micro whatever the revenue
        ("industry",                  "900人 营收299万",                   "micro"),
        ("construction",              "营收70000万 资产200万",             "micro"),
        ("construction",              "营收299万 资产50000万",             "micro"),
        ("wholesale",                 "4人 营收30000万",                   "micro"),
        ("wholesale",                 "150人 营收999万",                   "micro"),
        ("retail",                    "9人 营收15000万",                   "micro"),
        ("retail",                    "250人 营收99万",                    "micro"),
        ("transport",                 "19人 营收20000万",                  "micro"),
        ("transport",                 "800人 营收199万",                   "micro"),
        ("warehousing",               "19人 营收20000万",                  "micro"),
        ("warehousing",               "150人 营收99万",                    "micro"),
        ("postal",                    "19人 营收20000万",                  "micro"),
        ("postal",                    "800人 营收99万",                    "micro"),
        ("accommodation",             "9人 营收9000万",                    "micro"),
        ("accommodation",             "250人 营收99万",                    "micro"),
        ("catering",                  "9人 营收9000万",                    "micro"),
        ("catering",                  "250人 营收99万",                    "micro"),
        ("information_transmission",  "9人 营收90000万",                   "micro"),
        ("information_transmission",  "1500人 营收99万",                   "micro"),
        ("software_it",               "9人 营收9000万",                    "micro"),
        ("software_it",               "250人 营收49万",                    "micro"),
        ("real_estate_development",   "营收99万 资产9000万",               "micro"),
        ("real_estate_development",   "营收150000万 资产1999万",           "micro"),
        ("property_management",       "99人 营收4000万",                   "micro"),
        ("property_management",       "800人 营收499万",                   "micro"),
        ("leasing_business_services", "9人 资产100000万",                  "micro"),
        ("leasing_business_services", "250人 资产99万",                    "micro"),
        ("other",                     "9人",                                "micro"),
        ("other",                     "0人",                                "micro"),
    ]);
}

// ── The known error in the wild: 农林牧渔 is 营业收入 20000万元以下, not 2000万元 ─────────────────

#[rustfmt::skip]
#[test]
fn agriculture_upper_bound_is_20000_wan_not_2000() {
    check_rows(&[
        // group          figures               expected
        ("agriculture",  "营收2000万",         "medium"),  // "2000万元以下" would make it large
        ("agriculture",  "营收2000万-1元",     "medium"),
        ("agriculture",  "营收19999万",        "medium"),
        ("agriculture",  "营收20000万-1元",    "medium"),
        ("agriculture",  "营收20000万",        "large"),
    ]);
}

// ── Unknowns: the facts that are missing are named; facts a group does not use never are ────────

/// `(industry or None, figures, possible classes, missing facts)`.
type UnknownRow = (
    Option<&'static str>,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

#[rustfmt::skip]
const UNKNOWN_ROWS: &[UnknownRow] = &[
    // industry                           figures                    possible classes                          missing facts
    (None,                               "",                        &["large", "medium", "small", "micro"],   &["headcount", "industry", "revenue", "total_assets"]),
    (None,                               "300人 营收2000万",        &["large", "medium", "small", "micro"],   &["industry", "total_assets"]),
    (Some("industry"),                   "",                        &["large", "medium", "small", "micro"],   &["headcount", "revenue"]),
    (Some("industry"),                   "营收5000万",              &["medium", "small", "micro"],            &["headcount"]),
    (Some("industry"),                   "500人",                   &["medium", "small", "micro"],            &["revenue"]),
    (Some("industry"),                   "1200人",                  &["large", "medium", "small", "micro"],   &["revenue"]),
    (Some("industry"),                   "1200人 营收30000万",      &["medium"],                              &[]),
    (Some("construction"),               "营收90000万",             &["large", "medium", "small", "micro"],   &["total_assets"]),
    (Some("construction"),               "营收10000万",             &["medium", "small", "micro"],            &["total_assets"]),
    (Some("real_estate_development"),    "资产6000万",              &["medium", "small", "micro"],            &["revenue"]),
    (Some("leasing_business_services"),  "150人",                   &["medium", "small", "micro"],            &["total_assets"]),
    (Some("leasing_business_services"),  "资产150000万",            &["large", "medium", "small", "micro"],   &["headcount"]),
    (Some("leasing_business_services"),  "资产9000万",              &["medium", "small", "micro"],            &["headcount"]),
    (Some("agriculture"),                "",                        &["large", "medium", "small", "micro"],   &["revenue"]),
    (Some("other"),                      "",                        &["large", "medium", "small", "micro"],   &["headcount"]),
    // decided although a fact is unknown: one indicator already decides
    (Some("industry"),                   "19人",                    &["micro"],                               &[]),
    (Some("construction"),               "营收200万",               &["micro"],                               &[]),
    (Some("leasing_business_services"),  "5人",                     &["micro"],                               &[]),
    // micro in every one of the 16 groups, but without the industry it may be a financial firm,
    // whose class is declared: the industry is what to ask
    (None,                               "5人 营收10万 资产10万",   &["large", "medium", "small", "micro"],   &["industry"]),
];

#[test]
fn unknown_facts_are_named_and_leave_the_class_open() {
    let rs = ruleset();
    let mut bad = Vec::new();
    for (industry, figs, possible, missing) in UNKNOWN_ROWS {
        let out = run(&rs, *industry, &parse_figures(figs));
        let got_possible = possible_names(&out);
        let got_missing = missing_names(&rs, &out);
        let want_class = if possible.len() == 1 {
            possible[0]
        } else {
            "none"
        };
        if got_possible != *possible || got_missing != *missing || class_name(&out) != want_class {
            bad.push(format!(
                "{industry:?} {figs:?}: expected possible {possible:?} missing {missing:?}, got possible {got_possible:?} missing {got_missing:?} class {}",
                class_name(&out)
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} rows fail:\n{}",
        bad.len(),
        UNKNOWN_ROWS.len(),
        bad.join("\n")
    );
}

/// A group is classified from its own indicators alone: the others are never asked for.
#[rustfmt::skip]
#[test]
fn facts_a_group_does_not_use_are_never_required() {
    check_rows(&[
        // group                       figures (nothing else given)         expected
        ("other",                     "50人",                               "small"),    // no revenue, no assets
        ("other",                     "150人",                              "medium"),
        ("agriculture",               "营收600万",                         "medium"),   // no headcount, no assets
        ("agriculture",               "营收60万",                          "small"),
        ("construction",              "营收7000万 资产6000万",             "medium"),   // no headcount
        ("real_estate_development",   "营收2000万 资产3000万",             "small"),    // no headcount
        ("leasing_business_services", "120人 资产9000万",                  "medium"),   // no revenue
        ("industry",                  "350人 营收2500万",                  "medium"),   // no assets
        ("software_it",               "30人 营收200万",                    "small"),    // no assets
    ]);
    // The same figures with the unused facts given as well, at extreme values, change nothing.
    let rs = ruleset();
    for (g, figs, want) in [
        ("other", "50人 营收900000万 资产900000万", "small"),
        ("agriculture", "营收600万 5000人 资产900000万", "medium"),
        ("construction", "营收7000万 资产6000万 5000人", "medium"),
        ("leasing_business_services", "120人 资产9000万 营收900000万", "medium"),
        ("industry", "350人 营收2500万 资产1万", "medium"),
    ] {
        let out = run(&rs, Some(g), &parse_figures(figs));
        assert_eq!(class_name(&out), want, "{g} {figs}");
    }
}

// ── The figures notation itself ─────────────────────────────────────────────────────────────────

#[test]
fn figures_notation() {
    let f = parse_figures("1200人 营收30000万 资产80000万-1元");
    assert_eq!(f.len(), 3);
    assert_eq!((f[0].ind, f[0].value), (Persons, 1200));
    assert_eq!((f[1].ind, f[1].value), (Revenue, 300_000_000));
    assert_eq!((f[2].ind, f[2].value), (Assets, 799_999_999));
    assert_eq!(show(&f), "1200人 营收30000万 资产80000万-1元");
    assert_eq!(
        profile_json(Some("industry"), &f),
        r#"{"industry":"industry","headcount":1200,"revenue":"300000000","total_assets":"799999999"}"#
    );
}

// ── 金融业: a class declared under its own standard, not computed from 300号 ─────────────────────
//
// 300号 does not size financial enterprises: 银发〔2015〕309号《金融业企业划型标准规定》 does, by
// sub-industry and mostly by total assets. The ruleset names 金融业 as an industry whose class the
// enterprise declares (`finance_size_class`, the same four classes); 300号's indicators never
// decide it, whatever they are.

/// A profile from JSON text, checked to parse without errors.
fn profile_of(rs: &Ruleset, json: &str) -> Profile {
    let (profile, errors) = Profile::parse(rs, &parse_json(json).expect("profile JSON"));
    assert!(errors.is_empty(), "profile {json} has errors: {errors:?}");
    profile
}

#[test]
fn a_financial_firm_is_sized_by_its_declared_class_not_by_300() {
    let rs = ruleset();
    let rows: &[(&str, &[&str], &[&str])] = &[
        // profile                                                                  possible          missing
        (
            r#"{"industry":"finance"}"#,
            &["large", "medium", "small", "micro"],
            &["finance_size_class"],
        ),
        // 5000 persons would be large under “other”; the declared class decides.
        (
            r#"{"industry":"finance","headcount":5000,"finance_size_class":"small"}"#,
            &["small"],
            &[],
        ),
        // 5 persons would be micro under “other”; the declared class decides.
        (
            r#"{"industry":"finance","headcount":5,"revenue":"100000","finance_size_class":"large"}"#,
            &["large"],
            &[],
        ),
        (
            r#"{"industry":"finance","finance_size_class":"medium"}"#,
            &["medium"],
            &[],
        ),
        (
            r#"{"industry":"finance","finance_size_class":"micro"}"#,
            &["micro"],
            &[],
        ),
        // A declared class given for another industry changes nothing: 300号 decides there.
        (
            r#"{"industry":"other","headcount":5,"finance_size_class":"large"}"#,
            &["micro"],
            &[],
        ),
        // Industry unknown: a financial firm of any class is still possible, so the class stays open
        // even where all 16 groups agree; the industry is what to ask (the declared class is asked
        // only of a financial firm).
        (
            r#"{"headcount":5,"revenue":"100000","total_assets":"100000"}"#,
            &["large", "medium", "small", "micro"],
            &["industry"],
        ),
        (
            r#"{"headcount":5,"revenue":"100000","total_assets":"100000","finance_size_class":"micro"}"#,
            &["micro"],
            &[],
        ),
    ];
    let mut bad = Vec::new();
    for (json, possible, missing) in rows {
        let out = classify(&rs, &profile_of(&rs, json));
        let got_possible = possible_names(&out);
        let got_missing = missing_names(&rs, &out);
        if got_possible != *possible || got_missing != *missing {
            bad.push(format!(
                "{json}: expected possible {possible:?} missing {missing:?}, got possible {got_possible:?} missing {got_missing:?}"
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_declared_class_is_explained_with_its_own_standard() {
    use sme_eligibility::engine::report::{self, Detail};
    use sme_eligibility::engine::{Date, Lang};
    let rs = ruleset();
    let as_of = Date::parse("2023-07-01").expect("date");
    let report_json = |json: &str, lang: Lang| {
        let profile = parse_json(json).expect("profile JSON");
        let r = serde_json::to_value(report::evaluate(&rs, &profile, as_of, lang, Detail::Full))
            .expect("report serialises");
        assert_eq!(r["errors"], serde_json::json!([]), "{json}");
        r
    };
    let declared = r#"{"registered_in_shanghai":true,"industry":"finance","headcount":5000,"finance_size_class":"small"}"#;
    for (lang, class, says) in [
        (Lang::Zh, "小型企业", "不按本标准的指标计算"),
        (Lang::Ja, "小規模企業", "本基準の指標では計算しません"),
        (
            Lang::En,
            "small enterprise",
            "not computed from this standard's indicators",
        ),
    ] {
        let r = report_json(declared, lang);
        let size = &r["size_class"];
        assert_eq!(size["class"], "small", "{size}");
        assert_eq!(size["text"], class, "{size}");
        let reasons = size["explanation"].as_array().expect("explanation");
        // The industry, then the declared class with its source; no 300号 comparison at all.
        assert!(
            reasons.iter().any(|x| x["fact"] == "finance_size_class"
                && x["outcome"] == "met"
                && x["text"]
                    .as_str()
                    .is_some_and(|t| t.contains(class) && t.contains(says))
                && x["source"].as_str().is_some_and(|s| s.contains("309"))),
            "{lang:?}: no reason for the declared class in {reasons:?}"
        );
        assert!(
            !reasons.iter().any(|x| x["fact"] == "headcount"),
            "{lang:?}: a 300号 comparison explains a declared class: {reasons:?}"
        );
        // A measure that needs an SME says so with the declared class and its source.
        let m = r["measures"]
            .as_array()
            .and_then(|ms| ms.iter().find(|m| m["id"] == 13))
            .expect("measure 13");
        assert_eq!(m["status"], "eligible", "{m}");
    }
    // Unanswered: the class is open, the reason says what to answer.
    let open = report_json(
        r#"{"registered_in_shanghai":true,"industry":"finance"}"#,
        Lang::En,
    );
    let size = &open["size_class"];
    assert_eq!(size["class"], serde_json::Value::Null, "{size}");
    assert_eq!(
        size["missing"],
        serde_json::json!(["finance_size_class"]),
        "{size}"
    );
    assert!(
        size["explanation"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|x| x["fact"] == "finance_size_class"
                && x["outcome"] == "unknown"
                && x["text"]
                    .as_str()
                    .is_some_and(|t| t.contains("not answered"))),
        "{size}"
    );
}

// ── The loader checks the declared classes like everything else ───────────────────────────────

/// The built-in document with `edit` applied to its size standard; the loader's messages in zh,
/// ja, en (a ruleset with problems is refused whole).
fn load_with_size(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<[String; 3]> {
    use sme_eligibility::engine::Lang;
    let mut doc: serde_json::Value =
        serde_json::from_str(sme_eligibility::BUILTIN_RULESET).expect("built-in JSON");
    edit(&mut doc["size_standard"]);
    let text = serde_json::to_string(&doc).expect("JSON");
    match sme_eligibility::native::load_json(&text) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| [Lang::Zh, Lang::Ja, Lang::En].map(|l| e.message(l)))
            .collect(),
    }
}

#[test]
fn the_loader_names_what_is_wrong_with_a_declared_class() {
    use serde_json::json;
    // (what is wrong, the edit, words each message must contain in zh / ja / en)
    type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;
    let cases: Vec<(&str, Edit, [&str; 3])> = vec![
        (
            "an unknown fact",
            Box::new(|s| s["declared"][0]["fact"] = json!("no_such_fact")),
            [
                "未知的事实“no_such_fact”",
                "不明なファクト「no_such_fact」",
                "unknown fact “no_such_fact”",
            ],
        ),
        (
            "an enum fact with other values",
            Box::new(|s| s["declared"][0]["fact"] = json!("vat_taxpayer")),
            [
                "“vat_taxpayer”需要取值为 large、medium、small、micro 且由企业填写的枚举事实",
                "「vat_taxpayer」には値が large・medium・small・micro で企業が回答する列挙型のファクトが必要です",
                "“vat_taxpayer” needs an enum fact with values large, medium, small, micro, answered by the enterprise",
            ],
        ),
        (
            "the computed class itself",
            Box::new(|s| s["declared"][0]["fact"] = json!("size_class")),
            [
                "“size_class”需要",
                "「size_class」には",
                "“size_class” needs an enum fact with values large, medium, small, micro, answered by the enterprise",
            ],
        ),
        (
            "a number",
            Box::new(|s| s["declared"][0]["fact"] = json!("headcount")),
            [
                "“headcount”需要",
                "「headcount」には",
                "“headcount” needs an enum fact",
            ],
        ),
        (
            "an industry that is not a choice",
            Box::new(|s| s["declared"][0]["industry"] = json!("banking")),
            [
                "“banking”不是“industry”的可选值",
                "「banking」は「industry」の選択肢ではありません",
                "“banking” is not a choice of “industry”",
            ],
        ),
        (
            "an industry a group already covers",
            Box::new(|s| s["declared"][0]["industry"] = json!(["finance", "other"])),
            [
                "标识“other”重复",
                "ID「other」が重複しています",
                "duplicate id “other”",
            ],
        ),
        (
            "an unknown key",
            Box::new(|s| s["declared"][0]["class"] = json!("small")),
            [
                "未知的键“class”",
                "不明なキー「class」",
                "unknown key “class”",
            ],
        ),
        (
            "no fact",
            Box::new(|s| {
                if let Some(o) = s["declared"][0].as_object_mut() {
                    o.remove("fact");
                }
            }),
            ["缺少“fact”", "「fact」がありません", "“fact” is missing"],
        ),
        (
            "not a list",
            Box::new(|s| s["declared"] = json!("finance")),
            ["应为列表", "リストが必要", "expected a list"],
        ),
        (
            "the financial industry left out",
            Box::new(|s| {
                if let Some(o) = s.as_object_mut() {
                    o.remove("declared");
                }
            }),
            [
                "groups or declared for industry finance",
                "groups or declared for industry finance",
                "groups or declared for industry finance",
            ],
        ),
    ];
    let mut bad = Vec::new();
    for (what, edit, words) in cases {
        let messages = load_with_size(edit);
        let found = messages
            .iter()
            .any(|m| (0..3).all(|i| m[i].starts_with("size_standard") && m[i].contains(words[i])));
        if !found {
            bad.push(format!("{what}: expected {words:?}, got {messages:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
