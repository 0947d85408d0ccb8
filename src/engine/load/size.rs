//! The SME size standard: the industry groups and the bounds of each size class.

use super::problem::Problem;
use super::reader::{Entries, Loader, Scope, get, index, join};
use crate::engine::messages;
use crate::engine::model::{DeclaredClass, FactKind, SIZE_CLASSES, SizeGroup, SizeStandard};
use crate::engine::value::Value;
use rust_decimal::Decimal;

pub(super) fn load_size(l: &mut Loader, v: &Value, scope: &Scope) -> Option<SizeStandard> {
    let path = "size_standard";
    let o = l.object(
        v,
        path,
        &[
            "id",
            "title",
            "source",
            "industry_fact",
            "class_fact",
            "groups",
            "declared",
        ],
    )?;
    let id = l.req_id(o, path);
    let title = l.req_text(o, "title", path);
    let source = l.source_ref(o, "source", path);
    if source.is_none() && get(o, "source").is_none() {
        l.err(path, Problem::MissingKey("source".into()));
    }
    let industry_name = l.req_str(o, "industry_fact", path);
    let class_name = l.req_str(o, "class_fact", path);
    let industry_fact = scope.position(&industry_name);
    let class_fact = scope.position(&class_name);
    let choices = match industry_fact.map(|i| &scope.facts[i].kind) {
        Some(FactKind::Enum(c)) => c,
        _ => {
            l.err(
                &join(path, "industry_fact"),
                Problem::TypeMismatch {
                    fact: industry_name,
                    expected: "an enum fact",
                },
            );
            return None;
        }
    };
    match class_fact.map(|i| (&scope.facts[i].kind, scope.facts[i].computed)) {
        Some((FactKind::Enum(c), true))
            if c.len() == SIZE_CLASSES.len()
                && c.iter().zip(SIZE_CLASSES).all(|(c, s)| c.id == s) => {}
        _ => {
            l.err(
                &join(path, "class_fact"),
                Problem::TypeMismatch {
                    fact: class_name,
                    expected: "a computed enum fact with values large, medium, small, micro",
                },
            );
            return None;
        }
    }
    let mut groups = Vec::new();
    let mut covered = vec![false; choices.len()];
    // The industries of a group or of a declared class: each a choice of the industry fact, and
    // each covered once, by one group or one declared class.
    let mut industries_of = |l: &mut Loader, o: Entries, p: &str| -> Vec<u16> {
        let names: Vec<String> = match get(o, "industry") {
            Some(Value::Str(s)) => vec![s.clone()],
            Some(Value::List(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => {
                l.err(p, Problem::MissingKey("industry".into()));
                Vec::new()
            }
        };
        let mut industries = Vec::new();
        for n in names {
            match choices.iter().position(|c| c.id == n) {
                Some(i) => {
                    if covered[i] {
                        l.err(p, Problem::Duplicate(n.clone()));
                    }
                    covered[i] = true;
                    industries.push(u16::try_from(i).unwrap_or(u16::MAX));
                }
                None => l.err(
                    p,
                    Problem::UnknownChoice {
                        fact: industry_name.clone(),
                        value: n,
                    },
                ),
            }
        }
        industries
    };
    for (gi, g) in l.opt_list(o, "groups", path).iter().enumerate() {
        let gp = index(&join(path, "groups"), gi);
        let Some(go) = l.object(g, &gp, &["industry", "sme_below", "medium", "small"]) else {
            continue;
        };
        let industries = industries_of(l, go, &gp);
        let mut bounds = |key: &str| -> Vec<(usize, Decimal)> {
            let bp = join(&gp, key);
            // The keys of a tier are fact names, checked one by one below.
            let b: Entries = match l.req(go, key, &gp) {
                Some(Value::Map(b)) => b,
                Some(other) => {
                    l.err(
                        &bp,
                        Problem::WrongType {
                            expected: "object",
                            found: other.kind(),
                        },
                    );
                    return Vec::new();
                }
                None => return Vec::new(),
            };
            let mut out = Vec::new();
            for (fname, fv) in b {
                let fi = scope.position(fname);
                match (fi.map(|i| &scope.facts[i].kind), fv.as_decimal()) {
                    (None, _) => l.err(&bp, Problem::UnknownFact(fname.clone())),
                    (Some(FactKind::Int { .. } | FactKind::Money { .. }), Some(d)) => {
                        out.push((fi.unwrap_or(0), d));
                    }
                    (Some(_), Some(_)) => l.err(
                        &bp,
                        Problem::TypeMismatch {
                            fact: fname.clone(),
                            expected: "an int or money fact",
                        },
                    ),
                    (Some(_), None) => l.err(
                        &bp,
                        Problem::TypeMismatch {
                            fact: fname.clone(),
                            expected: "a number",
                        },
                    ),
                }
            }
            if out.is_empty() {
                l.err(
                    &bp,
                    Problem::BadFormula(&messages::FORMULA_TIER, String::new()),
                );
            }
            out
        };
        let sme_below = bounds("sme_below");
        let medium = bounds("medium");
        let small = bounds("small");
        groups.push(SizeGroup {
            industries,
            sme_below,
            medium,
            small,
        });
    }
    // Industries the standard does not size: the enterprise declares the class, by a fact with the
    // same four classes (a computed one would be the standard's own, and never answered).
    let mut declared = Vec::new();
    for (di, d) in l.opt_list(o, "declared", path).iter().enumerate() {
        let dp = index(&join(path, "declared"), di);
        let Some(dobj) = l.object(d, &dp, &["industry", "fact"]) else {
            continue;
        };
        let industries = industries_of(l, dobj, &dp);
        let fact_name = l.req_str(dobj, "fact", &dp);
        if fact_name.is_empty() {
            continue;
        }
        let Some(fact) = scope.position(&fact_name) else {
            l.err(&join(&dp, "fact"), Problem::UnknownFact(fact_name));
            continue;
        };
        match (&scope.facts[fact].kind, scope.facts[fact].computed) {
            (FactKind::Enum(c), false)
                if c.len() == SIZE_CLASSES.len()
                    && c.iter().zip(SIZE_CLASSES).all(|(c, s)| c.id == s) =>
            {
                declared.push(DeclaredClass { industries, fact });
            }
            _ => l.err(
                &join(&dp, "fact"),
                Problem::TypeMismatch {
                    fact: fact_name,
                    expected: "an enum fact with values large, medium, small, micro, answered by the enterprise",
                },
            ),
        }
    }
    for (i, c) in covered.iter().enumerate() {
        if !c {
            l.err(
                path,
                Problem::MissingKey(format!("groups or declared for industry {}", choices[i].id)),
            );
        }
    }
    Some(SizeStandard {
        id,
        title,
        source: source.unwrap_or(0),
        industry_fact: industry_fact.unwrap_or(0),
        class_fact: class_fact.unwrap_or(0),
        groups,
        declared,
    })
}
