//! Amounts (exact, floor, cap, range) and the formulas that compute their bounds.

use super::cond::load_filter;
use super::problem::Problem;
use super::reader::{Entries, Loader, Scope, get, index, join, short};
use crate::engine::limits::FORMULA_DEPTH;
use crate::engine::messages;
use crate::engine::model::{AmountRule, Expr, FactKind};
use crate::engine::value::Value;

pub(super) fn load_amount(
    l: &mut Loader,
    v: &Value,
    path: &str,
    scope: &Scope,
) -> Option<AmountRule> {
    let o = l.object(v, path, &["exact", "min", "max", "basis", "cite"])?;
    let basis = l.opt_text(o, "basis", path);
    let cite = l.req_text(o, "cite", path);
    let exact = get(o, "exact");
    let (min, max) = match (exact, get(o, "min"), get(o, "max")) {
        (Some(e), None, None) => {
            let p = join(path, "exact");
            (
                load_expr(l, e, &p, scope)?,
                Some(load_expr(l, e, &p, scope)?),
            )
        }
        (None, Some(lo), hi) => {
            let min = load_expr(l, lo, &join(path, "min"), scope)?;
            let max = match hi {
                Some(h) => Some(load_expr(l, h, &join(path, "max"), scope)?),
                None => None,
            };
            (min, max)
        }
        _ => {
            l.err(
                path,
                Problem::BadFormula(&messages::FORMULA_AMOUNT_SHAPE, String::new()),
            );
            return None;
        }
    };
    if let (Expr::Const(a), Some(Expr::Const(b))) = (&min, &max)
        && a > b
    {
        l.err(
            path,
            Problem::BadFormula(&messages::FORMULA_MIN_ABOVE_MAX, format!("{a} > {b}")),
        );
    }
    Some(AmountRule {
        min,
        max,
        basis,
        cite,
    })
}

fn load_expr(l: &mut Loader, v: &Value, path: &str, scope: &Scope) -> Option<Expr> {
    l.deeper(
        |l| &mut l.formula_depth,
        FORMULA_DEPTH,
        path,
        |l| load_expr_within(l, v, path, scope),
    )
}

fn load_expr_within(l: &mut Loader, v: &Value, path: &str, scope: &Scope) -> Option<Expr> {
    if let Some(d) = v.as_decimal() {
        if d.is_sign_negative() {
            l.err(
                path,
                Problem::BadFormula(&messages::FORMULA_NEGATIVE, d.to_string()),
            );
            return None;
        }
        return Some(Expr::Const(d));
    }
    let Value::Map(o) = v else {
        l.err(
            path,
            Problem::BadFormula(&messages::FORMULA_NOT_EXPR, short(v)),
        );
        return None;
    };
    let o: Entries = o;
    let ops = ["fact", "mul", "add", "min_of", "max_of", "count", "if"];
    let present: Vec<&str> = ops
        .iter()
        .copied()
        .filter(|k| get(o, k).is_some())
        .collect();
    if present.len() != 1 {
        l.err(
            path,
            Problem::BadFormula(&messages::FORMULA_ONE_OPERATOR, present.join(", ")),
        );
        return None;
    }
    let key = present[0];
    let allowed: &[&str] = match key {
        "count" => &["count", "where"],
        "if" => &["if", "then", "else"],
        _ => &[key],
    };
    l.object(v, path, allowed)?;
    let arg = get(o, key)?;
    let p = join(path, key);
    match key {
        "fact" => {
            let name = l.string(arg, &p)?;
            let Some(i) = scope.position(&name) else {
                l.err(&p, Problem::UnknownFact(name));
                return None;
            };
            match scope.facts[i].kind {
                // Amounts are never negative, and interval arithmetic relies on it.
                FactKind::Money { min, .. } if min.is_sign_negative() && !min.is_zero() => {
                    l.err(
                        &p,
                        Problem::BadFormula(&messages::FORMULA_NEGATIVE, format!("{name} ≥ {min}")),
                    );
                    None
                }
                FactKind::Int { min, .. } if min < 0 => {
                    l.err(
                        &p,
                        Problem::BadFormula(&messages::FORMULA_NEGATIVE, format!("{name} ≥ {min}")),
                    );
                    None
                }
                FactKind::Money { .. } | FactKind::Int { .. } => Some(Expr::Fact(i)),
                _ => {
                    l.err(
                        &p,
                        Problem::TypeMismatch {
                            fact: name,
                            expected: "an int or money fact in a formula",
                        },
                    );
                    None
                }
            }
        }
        "if" => {
            let when = load_filter(l, Some(arg), &p, scope);
            let branch = |l: &mut Loader, key: &str| match l.req(o, key, path) {
                Some(v) => load_expr(l, v, &join(path, key), scope),
                None => None,
            };
            let then = branch(l, "then");
            let otherwise = branch(l, "else");
            Some(Expr::If {
                when,
                then: Box::new(then?),
                otherwise: Box::new(otherwise?),
            })
        }
        "count" => {
            let name = l.string(arg, &p)?;
            let Some(list) = scope.position(&name) else {
                l.err(&p, Problem::UnknownFact(name));
                return None;
            };
            let FactKind::List { fields, .. } = &scope.facts[list].kind else {
                l.err(
                    &p,
                    Problem::TypeMismatch {
                        fact: name,
                        expected: "a list fact",
                    },
                );
                return None;
            };
            let filter = load_filter(
                l,
                get(o, "where"),
                &join(path, "where"),
                &Scope::new(fields),
            );
            Some(Expr::Count { list, filter })
        }
        _ => {
            let items = l.list(arg, &p);
            if items.len() < 2 {
                l.err(
                    &p,
                    Problem::BadFormula(&messages::FORMULA_TWO_TERMS, key.to_owned()),
                );
                return None;
            }
            let mut terms = Vec::new();
            for (i, t) in items.iter().enumerate() {
                terms.push(load_expr(l, t, &index(&p, i), scope)?);
            }
            Some(match key {
                "mul" => Expr::Mul(terms),
                "add" => Expr::Add(terms),
                "min_of" => Expr::MinOf(terms),
                _ => Expr::MaxOf(terms),
            })
        }
    }
}
