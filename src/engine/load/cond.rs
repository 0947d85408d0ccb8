//! Conditions: groups (all, any, not), references to named conditions, and leaves comparing a fact
//! or a count of list items with an operand of the fact's type, dates relative to the as-of date
//! included.

use super::problem::Problem;
use super::reader::{Entries, Loader, Scope, get, index, join};
use crate::engine::date::Date;
use crate::engine::decimal::is_whole;
use crate::engine::limits::CONDITION_DEPTH;
use crate::engine::messages;
use crate::engine::model::{Cond, DateExpr, FactKind, Leaf, Op, Operand, Subject, YearExpr};
use crate::engine::value::Value;

const COND_KEYS: &[&str] = &[
    "all", "any", "not", "ref", "fact", "count", "where", "op", "value", "label", "cite", "source",
];

pub(super) fn load_cond(l: &mut Loader, v: &Value, path: &str, scope: &Scope) -> Option<Cond> {
    l.deeper(
        |l| &mut l.cond_depth,
        CONDITION_DEPTH,
        path,
        |l| load_cond_within(l, v, path, scope),
    )
}

fn load_cond_within(l: &mut Loader, v: &Value, path: &str, scope: &Scope) -> Option<Cond> {
    let o = l.object(v, path, COND_KEYS)?;
    let shapes = ["all", "any", "not", "ref", "fact", "count"];
    let present: Vec<&str> = shapes
        .iter()
        .copied()
        .filter(|k| get(o, k).is_some())
        .collect();
    if present.len() != 1 {
        l.err(
            path,
            Problem::BadFormula(&messages::FORMULA_ONE_SHAPE, present.join(", ")),
        );
        return None;
    }
    match present[0] {
        "all" | "any" => {
            let key = present[0];
            let kids = load_filter(l, get(o, key), &join(path, key), scope);
            if kids.is_empty() {
                l.err(
                    path,
                    Problem::BadFormula(&messages::FORMULA_EMPTY_GROUP, key.to_owned()),
                );
            }
            Some(if key == "all" {
                Cond::All(kids)
            } else {
                Cond::Any(kids)
            })
        }
        "not" => {
            load_cond(l, get(o, "not")?, &join(path, "not"), scope).map(|c| Cond::Not(Box::new(c)))
        }
        "ref" => {
            // A reference is only a name: words or a label belong to the named condition itself.
            for (k, _) in o.iter().filter(|(k, _)| k != "ref") {
                l.err(path, Problem::UnknownKey(k.clone()));
            }
            let name = l.string(get(o, "ref")?, &join(path, "ref"))?;
            match l.derived_ids.position(&name) {
                Some(i) => Some(Cond::Derived(i)),
                None => {
                    l.err(path, Problem::UnknownRef(name));
                    None
                }
            }
        }
        _ => load_leaf(l, o, path, scope).map(|leaf| Cond::Leaf(Box::new(leaf))),
    }
}

fn load_leaf(l: &mut Loader, o: Entries, path: &str, scope: &Scope) -> Option<Leaf> {
    let label = l.opt_text(o, "label", path);
    let cite = l.opt_text(o, "cite", path);
    let source = l.source_ref(o, "source", path);
    let op_name = l.opt_str(o, "op", path);
    let value = get(o, "value");

    let (subject, fact_name, kind): (Subject, String, KindView) =
        if let Some(count) = get(o, "count") {
            let list_name = l.string(count, &join(path, "count"))?;
            let Some(list) = scope.position(&list_name) else {
                l.err(path, Problem::UnknownFact(list_name));
                return None;
            };
            let FactKind::List { fields, .. } = &scope.facts[list].kind else {
                l.err(
                    path,
                    Problem::TypeMismatch {
                        fact: list_name,
                        expected: "a list fact",
                    },
                );
                return None;
            };
            let item_scope = Scope::new(fields);
            let filter = load_filter(l, get(o, "where"), &join(path, "where"), &item_scope);
            (Subject::Count { list, filter }, list_name, KindView::Count)
        } else {
            if get(o, "where").is_some() {
                l.err(
                    path,
                    Problem::BadFormula(&messages::FORMULA_WHERE, String::new()),
                );
            }
            let name = l.string(get(o, "fact")?, &join(path, "fact"))?;
            let Some(i) = scope.position(&name) else {
                l.err(path, Problem::UnknownFact(name));
                return None;
            };
            (Subject::Fact(i), name, KindView::of(&scope.facts[i].kind))
        };

    // A bare boolean fact means "is true".
    let op = match op_name.as_deref() {
        None if kind == KindView::Bool && value.is_none() => Op::Eq,
        None => {
            l.err(path, Problem::MissingKey("op".into()));
            return None;
        }
        Some(name) => match Op::parse(name) {
            Some(op) => op,
            None => {
                l.err(
                    path,
                    Problem::BadOp {
                        op: name.to_owned(),
                        fact_type: kind.name(),
                    },
                );
                return None;
            }
        },
    };
    if !kind.allows(op) {
        l.err(
            path,
            Problem::BadOp {
                op: op.symbol().to_owned(),
                fact_type: kind.name(),
            },
        );
        return None;
    }
    let vpath = join(path, "value");
    let operand = match (kind, value) {
        (KindView::Bool, None) => Operand::Bool(true),
        (_, None) => {
            l.err(path, Problem::MissingKey("value".into()));
            return None;
        }
        (_, Some(v)) => load_operand(l, v, &vpath, op, kind, &fact_name, scope, &subject)?,
    };
    let numeric = matches!(operand, Operand::Number(_) | Operand::NumberRange(..));
    if numeric && cite.is_none() && source.is_none() {
        l.err(path, Problem::Unsourced);
    }
    Some(Leaf {
        subject,
        op,
        operand,
        label,
        cite,
        source,
    })
}

pub(super) fn load_filter(
    l: &mut Loader,
    v: Option<&Value>,
    path: &str,
    scope: &Scope,
) -> Vec<Cond> {
    let Some(v) = v else { return Vec::new() };
    let mut out = Vec::new();
    for (i, c) in l.list(v, path).iter().enumerate() {
        if let Some(cond) = load_cond(l, c, &index(path, i), scope) {
            out.push(cond);
        }
    }
    out
}

/// The type of what a condition compares, as far as operators and operands care.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KindView {
    Bool,
    Number,
    Money,
    Year,
    Date,
    Enum,
    List,
    Count,
}

impl KindView {
    fn of(k: &FactKind) -> KindView {
        match k {
            FactKind::Bool => KindView::Bool,
            FactKind::Int { .. } => KindView::Number,
            FactKind::Money { .. } => KindView::Money,
            FactKind::Year { .. } => KindView::Year,
            FactKind::Date { .. } => KindView::Date,
            FactKind::Enum(_) => KindView::Enum,
            FactKind::List { .. } => KindView::List,
        }
    }
    fn name(self) -> &'static str {
        match self {
            KindView::Bool => "bool",
            KindView::Number => "int",
            KindView::Money => "money",
            KindView::Year => "year",
            KindView::Date => "date",
            KindView::Enum => "enum",
            KindView::List => "list",
            KindView::Count => "count",
        }
    }
    fn allows(self, op: Op) -> bool {
        match self {
            KindView::Bool => matches!(op, Op::Eq | Op::Ne),
            KindView::Enum => matches!(op, Op::Eq | Op::Ne | Op::In | Op::NotIn),
            KindView::List => false,
            KindView::Number
            | KindView::Money
            | KindView::Year
            | KindView::Date
            | KindView::Count => !matches!(op, Op::In | Op::NotIn),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn load_operand(
    l: &mut Loader,
    v: &Value,
    path: &str,
    op: Op,
    kind: KindView,
    fact: &str,
    scope: &Scope,
    subject: &Subject,
) -> Option<Operand> {
    let mismatch = |l: &mut Loader, expected: &'static str| {
        l.err(
            path,
            Problem::TypeMismatch {
                fact: fact.to_owned(),
                expected,
            },
        );
        None
    };
    if op == Op::Between {
        let pair = match v {
            Value::List(items) if items.len() == 2 => items,
            _ => return mismatch(l, "a list of two bounds [from, to]"),
        };
        let lo = load_operand(
            l,
            &pair[0],
            &index(path, 0),
            Op::Ge,
            kind,
            fact,
            scope,
            subject,
        )?;
        let hi = load_operand(
            l,
            &pair[1],
            &index(path, 1),
            Op::Le,
            kind,
            fact,
            scope,
            subject,
        )?;
        return match (lo, hi) {
            (Operand::Number(a), Operand::Number(b)) => Some(Operand::NumberRange(a, b)),
            (Operand::Date(a), Operand::Date(b)) => Some(Operand::DateRange(a, b)),
            (Operand::Year(a), Operand::Year(b)) => Some(Operand::YearRange(a, b)),
            _ => mismatch(l, "two bounds of the same type"),
        };
    }
    match kind {
        KindView::Bool => match v {
            Value::Bool(b) => Some(Operand::Bool(*b)),
            _ => mismatch(l, "true or false"),
        },
        KindView::Number | KindView::Money | KindView::Count => match v.as_decimal() {
            Some(d) if kind != KindView::Money && !is_whole(d) => mismatch(l, "a whole number"),
            Some(d) => Some(Operand::Number(d)),
            None => mismatch(l, "a number"),
        },
        KindView::Year => match v {
            // A year no calendar holds is an error, not a condition quietly left out.
            Value::Int(y) => match i32::try_from(*y) {
                Ok(y) => Some(Operand::Year(YearExpr::Fixed(y))),
                Err(_) => mismatch(l, "a year"),
            },
            Value::Str(s) => match parse_as_of_year(s) {
                Some(y) => Some(Operand::Year(y)),
                None => {
                    l.err(
                        path,
                        Problem::BadFormula(&messages::FORMULA_YEAR, s.clone()),
                    );
                    None
                }
            },
            _ => mismatch(l, "a year"),
        },
        KindView::Date => {
            let Value::Str(s) = v else {
                return mismatch(l, "a date");
            };
            if s.starts_with("as_of") {
                match parse_as_of(s) {
                    Some(d) => Some(Operand::Date(d)),
                    None => {
                        l.err(
                            path,
                            Problem::BadFormula(&messages::FORMULA_RELATIVE_DATE, s.clone()),
                        );
                        None
                    }
                }
            } else {
                match Date::parse(s) {
                    Some(d) => Some(Operand::Date(DateExpr::Fixed(d))),
                    None => {
                        l.err(path, Problem::BadDate(s.clone()));
                        None
                    }
                }
            }
        }
        KindView::Enum => {
            let Subject::Fact(i) = subject else {
                return mismatch(l, "a choice");
            };
            let FactKind::Enum(choices) = &scope.facts[*i].kind else {
                return mismatch(l, "a choice");
            };
            let names: Vec<&Value> = match (op, v) {
                (Op::In | Op::NotIn, Value::List(items)) => items.iter().collect(),
                (Op::In | Op::NotIn, _) => return mismatch(l, "a list of choices"),
                (_, other) => vec![other],
            };
            let mut idx = Vec::new();
            for n in names {
                let Value::Str(name) = n else {
                    return mismatch(l, "a choice id");
                };
                match choices.iter().position(|c| c.id == *name) {
                    Some(p) => idx.push(u16::try_from(p).unwrap_or(u16::MAX)),
                    None => l.err(
                        path,
                        Problem::UnknownChoice {
                            fact: fact.to_owned(),
                            value: name.clone(),
                        },
                    ),
                }
            }
            Some(Operand::Choices(idx))
        }
        KindView::List => mismatch(l, "a count"),
    }
}

/// `as_of`, `as_of-3y`, `as_of+1d`, `as_of-6m`: a date relative to the evaluation's as-of date.
pub fn parse_as_of(s: &str) -> Option<DateExpr> {
    let rest = s.strip_prefix("as_of")?;
    if rest.is_empty() {
        return Some(DateExpr::AsOf {
            years: 0,
            months: 0,
            days: 0,
        });
    }
    let (sign, rest) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let unit = rest.chars().last()?;
    let digits = &rest[..rest.len() - unit.len_utf8()];
    if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i32 = digits.parse().ok()?;
    let n = sign * n;
    match unit {
        'y' => Some(DateExpr::AsOf {
            years: n,
            months: 0,
            days: 0,
        }),
        'm' => Some(DateExpr::AsOf {
            years: 0,
            months: n,
            days: 0,
        }),
        'd' => Some(DateExpr::AsOf {
            years: 0,
            months: 0,
            days: n,
        }),
        _ => None,
    }
}

/// `as_of_year`, `as_of_year-1`: a year relative to the as-of date's year.
pub fn parse_as_of_year(s: &str) -> Option<YearExpr> {
    let rest = s.strip_prefix("as_of_year")?;
    if rest.is_empty() {
        return Some(YearExpr::AsOfYear(0));
    }
    let (sign, digits) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits
        .parse::<i32>()
        .ok()
        .map(|n| YearExpr::AsOfYear(sign * n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_dates_parse() {
        assert_eq!(
            parse_as_of("as_of"),
            Some(DateExpr::AsOf {
                years: 0,
                months: 0,
                days: 0
            })
        );
        assert_eq!(
            parse_as_of("as_of-3y"),
            Some(DateExpr::AsOf {
                years: -3,
                months: 0,
                days: 0
            })
        );
        assert_eq!(
            parse_as_of("as_of+30d"),
            Some(DateExpr::AsOf {
                years: 0,
                months: 0,
                days: 30
            })
        );
        for bad in [
            "as_of-",
            "as_of3y",
            "as_of-3w",
            "as_of-y",
            "as_of-999999d",
            "as_of+1é",
        ] {
            assert_eq!(parse_as_of(bad), None, "{bad}");
        }
        assert_eq!(
            parse_as_of_year("as_of_year-1"),
            Some(YearExpr::AsOfYear(-1))
        );
        assert_eq!(parse_as_of_year("as_of_year*2"), None);
    }
}
