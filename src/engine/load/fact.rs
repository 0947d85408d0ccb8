//! Facts: the questions a profile answers, with their types and bounds.

use super::problem::Problem;
use super::reader::{Loader, get, index, join};
use crate::engine::date::Date;
use crate::engine::limits::PROFILE_FIELDS;
use crate::engine::messages;
use crate::engine::model::{Choice, Fact, FactKind};
use crate::engine::text::Text;
use crate::engine::value::Value;
use rust_decimal::Decimal;

const FACT_KEYS: &[&str] = &[
    "id",
    "type",
    "section",
    "label",
    "help",
    "unit",
    "min",
    "max",
    "values",
    "fields",
    "max_items",
    "ask_if",
    "source",
    "computed",
];

pub(super) fn load_fact(l: &mut Loader, v: &Value, path: &str, top_level: bool) -> Fact {
    let blank = || Fact {
        id: String::new(),
        kind: FactKind::Bool,
        section: String::new(),
        label: Text::default(),
        help: None,
        unit: None,
        ask_if: None,
        source: None,
        computed: false,
    };
    let Some(o) = l.object(v, path, FACT_KEYS) else {
        return blank();
    };
    let id = l.req_id(o, path);
    let path = &if id.is_empty() {
        path.to_owned()
    } else {
        format!("{path}({id})")
    };
    let type_name = l.req_str(o, "type", path);
    let label = l.req_text(o, "label", path);
    let help = l.opt_text(o, "help", path);
    let unit = l.opt_text(o, "unit", path);
    let source = l.source_ref(o, "source", path);
    let computed = matches!(get(o, "computed"), Some(Value::Bool(true)));
    let section = if top_level && !computed {
        let s = l.req_str(o, "section", path);
        if !s.is_empty() && l.sections.position(&s).is_none() {
            l.err(&join(path, "section"), Problem::UnknownSection(s.clone()));
        }
        s
    } else {
        String::new()
    };
    let min = get(o, "min");
    let max = get(o, "max");
    let kind = match type_name.as_str() {
        "bool" => FactKind::Bool,
        "int" => {
            let lo = bound_int(l, min, path, "min").unwrap_or(0);
            let hi = bound_int(l, max, path, "max").unwrap_or(i64::from(i32::MAX));
            answerable(l, path, lo, hi);
            FactKind::Int { min: lo, max: hi }
        }
        "year" => {
            let lo = bound_int(l, min, path, "min").unwrap_or(1900);
            let hi = bound_int(l, max, path, "max").unwrap_or(2100);
            answerable(l, path, lo, hi);
            let mut to_year = |x: i64, key: &str| {
                i32::try_from(x).unwrap_or_else(|_| {
                    l.err(&join(path, key), Problem::BadDate(x.to_string()));
                    0
                })
            };
            FactKind::Year {
                min: to_year(lo, "min"),
                max: to_year(hi, "max"),
            }
        }
        "money" => {
            let lo = bound_dec(l, min, path, "min").unwrap_or(Decimal::ZERO);
            // A trillion yuan: beyond any SME and far inside Decimal's range, so sums cannot overflow.
            let hi = bound_dec(l, max, path, "max").unwrap_or(Decimal::from(1_000_000_000_000_i64));
            answerable(l, path, lo, hi);
            FactKind::Money { min: lo, max: hi }
        }
        "date" => {
            let lo = min.and_then(|v| l.date(v, &join(path, "min")));
            let hi = max.and_then(|v| l.date(v, &join(path, "max")));
            FactKind::Date {
                min: lo.unwrap_or(Date::lit(1950, 1, 1)),
                max: hi.unwrap_or(Date::lit(2100, 12, 31)),
            }
        }
        "enum" => {
            let items = l.opt_list(o, "values", path);
            let mut choices = Vec::new();
            for (i, c) in items.iter().enumerate() {
                let cp = index(&join(path, "values"), i);
                let Some(co) = l.object(c, &cp, &["id", "label"]) else {
                    continue;
                };
                let id = l.req_id(co, &cp);
                let label = l.req_text(co, "label", &cp);
                choices.push(Choice { id, label });
            }
            if choices.is_empty() {
                l.err(path, Problem::MissingKey("values".into()));
            }
            if choices.len() > usize::from(u16::MAX) {
                l.err(path, Problem::BadType("enum with too many values".into()));
            }
            let ids: Vec<String> = choices.iter().map(|c| c.id.clone()).collect();
            l.unique(ids, &join(path, "values"));
            FactKind::Enum(choices)
        }
        "list" if top_level => {
            let items = l.opt_list(o, "fields", path);
            let fields: Vec<Fact> = items
                .iter()
                .enumerate()
                .map(|(i, f)| load_fact(l, f, &index(&join(path, "fields"), i), false))
                .collect();
            let ids: Vec<String> = fields.iter().map(|f| f.id.clone()).collect();
            l.unique(ids, &join(path, "fields"));
            // A profile holds at most PROFILE_FIELDS entries of anything, lists included.
            let max_items = match get(o, "max_items") {
                Some(v) => l.uint(v, &join(path, "max_items")).unwrap_or(0) as usize,
                None => PROFILE_FIELDS,
            };
            if max_items > PROFILE_FIELDS {
                l.err(&join(path, "max_items"), Problem::TooMany(PROFILE_FIELDS));
            }
            FactKind::List { fields, max_items }
        }
        other => {
            if !other.is_empty() {
                l.err(&join(path, "type"), Problem::BadType(other.to_owned()));
            }
            FactKind::Bool
        }
    };
    Fact {
        id,
        kind,
        section,
        label,
        help,
        unit,
        ask_if: None,
        source,
        computed,
    }
}

/// Bounds that leave no valid answer make a question nobody can answer.
fn answerable<T: PartialOrd + std::fmt::Display>(l: &mut Loader, path: &str, min: T, max: T) {
    if min > max {
        l.err(
            path,
            Problem::BadFormula(&messages::FORMULA_MIN_ABOVE_MAX, format!("{min} > {max}")),
        );
    }
}

fn bound_int(l: &mut Loader, v: Option<&Value>, path: &str, key: &str) -> Option<i64> {
    match v? {
        Value::Int(i) => Some(*i),
        other => {
            l.err(
                &join(path, key),
                Problem::WrongType {
                    expected: "integer",
                    found: other.kind(),
                },
            );
            None
        }
    }
}

fn bound_dec(l: &mut Loader, v: Option<&Value>, path: &str, key: &str) -> Option<Decimal> {
    let v = v?;
    let d = v.as_decimal();
    if d.is_none() {
        l.err(
            &join(path, key),
            Problem::WrongType {
                expected: "decimal",
                found: v.kind(),
            },
        );
    }
    d
}
