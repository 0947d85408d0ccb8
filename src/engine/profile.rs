//! An enterprise profile: what the enterprise has said about itself, checked against the facts the
//! ruleset declares. A missing or null answer is unknown, never zero or false. A wrong answer is
//! reported with the field it belongs to and then treated as unknown, so the rest still counts.

use super::date::Date;
use super::decimal::{is_whole, parse_decimal};
use super::limits::PROFILE_FIELDS;
use super::messages;
use super::model::{Fact, FactKind, Ruleset};
use super::text::{Lang, Tpl, fill};
use super::value::Value;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq)]
pub enum FactValue {
    Bool(bool),
    /// Counts and money alike: both are compared and multiplied exactly.
    Number(Decimal),
    Year(i32),
    Date(Date),
    Choice(u16),
    List(Vec<Item>),
}

/// One entry of a list fact (a hire), its fields in the order the ruleset declares them.
pub type Item = Vec<Option<FactValue>>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    pub values: Vec<Option<FactValue>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// `headcount`, `hires[2].contract_months`, `as_of`.
    pub path: String,
    /// The fact, and the field inside a list item, whose label names the error.
    pub fact: Option<(usize, Option<usize>)>,
    pub problem: FieldProblem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FieldProblem {
    NotAnObject,
    UnknownField,
    Computed,
    WrongType(Expected),
    BadNumber,
    Negative,
    TooSmall(String),
    TooLarge(String),
    NotWhole,
    TooPrecise,
    BadDate,
    DateOutOfRange(String, String),
    UnknownChoice,
    TooManyItems(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    YesNo,
    Number,
    Date,
    Year,
    Choice,
    List,
    Object,
}

impl Expected {
    fn describe(self, lang: Lang) -> &'static str {
        lang.say(match self {
            Expected::YesNo => &messages::EXPECTED_YES_NO,
            Expected::Number => &messages::EXPECTED_NUMBER,
            Expected::Date => &messages::EXPECTED_DATE,
            Expected::Year => &messages::EXPECTED_YEAR,
            Expected::Choice => &messages::EXPECTED_CHOICE,
            Expected::List => &messages::EXPECTED_LIST,
            Expected::Object => &messages::EXPECTED_OBJECT,
        })
    }
}

impl FieldError {
    pub fn code(&self) -> &'static str {
        match self.problem {
            FieldProblem::NotAnObject => "not_an_object",
            FieldProblem::UnknownField => "unknown_field",
            FieldProblem::Computed => "computed",
            FieldProblem::WrongType(_) => "wrong_type",
            FieldProblem::BadNumber => "bad_number",
            FieldProblem::Negative => "negative",
            FieldProblem::TooSmall(_) => "too_small",
            FieldProblem::TooLarge(_) => "too_large",
            FieldProblem::NotWhole => "not_whole",
            FieldProblem::TooPrecise => "too_precise",
            FieldProblem::BadDate => "bad_date",
            FieldProblem::DateOutOfRange(..) => "date_out_of_range",
            FieldProblem::UnknownChoice => "unknown_choice",
            FieldProblem::TooManyItems(_) => "too_many_items",
        }
    }

    /// "从业人员：不能为负数" — the field's label in the chosen language, then what is wrong.
    pub fn message(&self, rs: &Ruleset, lang: Lang) -> String {
        let label = match self.fact {
            Some((f, field)) => {
                let fact = &rs.facts[f];
                let item_label = field.and_then(|i| match &fact.kind {
                    FactKind::List { fields, .. } => fields.get(i).map(|x| rs.text(&x.label, lang)),
                    _ => None,
                });
                match item_label {
                    Some(l) => rs.text(&fact.label, lang).to_owned() + " › " + l,
                    None => rs.text(&fact.label, lang).to_owned(),
                }
            }
            None => self.path_label(lang),
        };
        self.message_with_label(&label, lang)
    }

    /// The name of the field without a ruleset to read its label from: the path, the as-of date
    /// or the profile as a whole.
    fn path_label(&self, lang: Lang) -> String {
        if self.path == "as_of" {
            lang.say(&messages::AS_OF_DATE).to_owned()
        } else if self.path.is_empty() {
            lang.say(&messages::PROFILE).to_owned()
        } else {
            self.path.clone()
        }
    }

    /// `label`, then what is wrong with it.
    fn message_with_label(&self, label: &str, lang: Lang) -> String {
        let (tpl, arg): (&Tpl, &str) = match &self.problem {
            FieldProblem::NotAnObject => (&messages::FIELD_NOT_AN_OBJECT, ""),
            FieldProblem::UnknownField => (&messages::FIELD_UNKNOWN, ""),
            FieldProblem::Computed => (&messages::FIELD_COMPUTED, ""),
            FieldProblem::WrongType(e) => (&messages::FIELD_WRONG_TYPE, e.describe(lang)),
            FieldProblem::BadNumber => (&messages::FIELD_BAD_NUMBER, ""),
            FieldProblem::Negative => (&messages::FIELD_NEGATIVE, ""),
            FieldProblem::TooSmall(m) => (&messages::FIELD_TOO_SMALL, m),
            FieldProblem::TooLarge(m) => (&messages::FIELD_TOO_LARGE, m),
            FieldProblem::NotWhole => (&messages::FIELD_NOT_WHOLE, ""),
            FieldProblem::TooPrecise => (&messages::FIELD_TOO_PRECISE, ""),
            FieldProblem::BadDate => (&messages::FIELD_BAD_DATE, ""),
            FieldProblem::DateOutOfRange(a, b) => {
                let what = fill(lang, &messages::FIELD_DATE_OUT_OF_RANGE, &[a, b]);
                return fill(lang, &messages::LABELLED, &[label, &what]);
            }
            FieldProblem::UnknownChoice => (&messages::FIELD_UNKNOWN_CHOICE, ""),
            FieldProblem::TooManyItems(n) => {
                let n = n.to_string();
                let what = fill(lang, &messages::FIELD_TOO_MANY_ITEMS, &[&n]);
                return fill(lang, &messages::LABELLED, &[label, &what]);
            }
        };
        let what = fill(lang, tpl, &[arg]);
        fill(lang, &messages::LABELLED, &[label, &what])
    }
}

/// In English, the field named by its path ("headcount: cannot be negative"); `message` names it
/// by its label, in any language.
impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_with_label(&self.path_label(Lang::En), Lang::En))
    }
}

impl std::error::Error for FieldError {}

/// Field names of a profile are echoed in errors: keep a hostile or huge one short.
fn clip(name: &str) -> String {
    // An empty name would read as the profile itself: shown quoted.
    if name.is_empty() {
        return "\"\"".to_owned();
    }
    let mut s: String = name.chars().take(64).collect();
    if name.chars().count() > 64 {
        s.push('…');
    }
    s
}

impl Profile {
    pub fn parse(rs: &Ruleset, input: &Value) -> (Profile, Vec<FieldError>) {
        let mut profile = Profile {
            values: vec![None; rs.facts.len()],
        };
        let mut errors = Vec::new();
        let Value::Map(entries) = input else {
            if *input != Value::Null {
                errors.push(FieldError {
                    path: String::new(),
                    fact: None,
                    problem: FieldProblem::NotAnObject,
                });
            }
            return (profile, errors);
        };
        // Each stray key is one error line: a hostile object with millions of them is refused whole.
        if entries.len() > PROFILE_FIELDS {
            errors.push(FieldError {
                path: String::new(),
                fact: None,
                problem: FieldProblem::TooManyItems(PROFILE_FIELDS),
            });
            return (profile, errors);
        }
        // Answers mostly come in the order of the questions: the fact after the last one found is
        // tried first, before the index.
        let mut next = 0;
        for (key, value) in entries {
            let guess = rs.fact_names.ids().get(next).filter(|id| *id == key);
            let Some(i) = guess.map(|_| next).or_else(|| rs.fact_index(key)) else {
                errors.push(FieldError {
                    path: clip(key),
                    fact: None,
                    problem: FieldProblem::UnknownField,
                });
                continue;
            };
            next = i + 1;
            let fact = &rs.facts[i];
            if fact.computed {
                errors.push(FieldError {
                    path: key.clone(),
                    fact: Some((i, None)),
                    problem: FieldProblem::Computed,
                });
                continue;
            }
            let mut report = |path: String, field: Option<usize>, problem| {
                errors.push(FieldError {
                    path,
                    fact: Some((i, field)),
                    problem,
                });
            };
            profile.values[i] = match &fact.kind {
                FactKind::List { fields, max_items } => {
                    parse_list(key, value, fields, *max_items, &mut report)
                }
                _ => read(fact, value).unwrap_or_else(|p| {
                    report(key.clone(), None, p);
                    None
                }),
            };
        }
        (profile, errors)
    }
}

fn parse_list(
    key: &str,
    value: &Value,
    fields: &[Fact],
    max_items: usize,
    report: &mut impl FnMut(String, Option<usize>, FieldProblem),
) -> Option<FactValue> {
    let items = match value {
        Value::Null => return None,
        Value::List(items) => items,
        _ => {
            report(
                key.to_owned(),
                None,
                FieldProblem::WrongType(Expected::List),
            );
            return None;
        }
    };
    if items.len() > max_items {
        report(key.to_owned(), None, FieldProblem::TooManyItems(max_items));
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    for (n, item) in items.iter().enumerate() {
        let mut row: Item = vec![None; fields.len()];
        let Value::Map(entries) = item else {
            report(
                format!("{key}[{n}]"),
                None,
                FieldProblem::WrongType(Expected::Object),
            );
            out.push(row);
            continue;
        };
        for (fkey, fvalue) in entries {
            // The path is spelled out only for an error: most answers have none.
            let path = || format!("{key}[{n}].{}", clip(fkey));
            match fields.iter().position(|f| f.id == *fkey) {
                None => report(path(), None, FieldProblem::UnknownField),
                Some(fi) => match read(&fields[fi], fvalue) {
                    Ok(v) => row[fi] = v,
                    Err(p) => report(path(), Some(fi), p),
                },
            }
        }
        out.push(row);
    }
    Some(FactValue::List(out))
}

/// One answer, typed and range-checked. `Ok(None)` is an explicit "unknown" (null).
pub fn read(fact: &Fact, value: &Value) -> Result<Option<FactValue>, FieldProblem> {
    if *value == Value::Null {
        return Ok(None);
    }
    // A form sends every answer as text; "" means the field was cleared.
    if matches!(value, Value::Str(s) if s.trim().is_empty()) {
        return Ok(None);
    }
    let v = match &fact.kind {
        FactKind::Bool => match value {
            Value::Bool(b) => FactValue::Bool(*b),
            Value::Str(s) if s == "true" => FactValue::Bool(true),
            Value::Str(s) if s == "false" => FactValue::Bool(false),
            _ => return Err(FieldProblem::WrongType(Expected::YesNo)),
        },
        FactKind::Int { min, max } => {
            let d = number(value)?;
            if !is_whole(d) {
                return Err(FieldProblem::NotWhole);
            }
            check_range(d, Decimal::from(*min), Decimal::from(*max))?;
            FactValue::Number(d)
        }
        FactKind::Money { min, max } => {
            let d = number(value)?;
            if d.normalize().scale() > 2 {
                return Err(FieldProblem::TooPrecise);
            }
            check_range(d, *min, *max)?;
            FactValue::Number(d)
        }
        FactKind::Year { min, max } => {
            let d = match value {
                Value::Int(_) | Value::Str(_) | Value::Number(_) => number(value)?,
                _ => return Err(FieldProblem::WrongType(Expected::Year)),
            };
            if !is_whole(d) {
                return Err(FieldProblem::NotWhole);
            }
            check_range(d, Decimal::from(*min), Decimal::from(*max))?;
            let y = i32::try_from(d.normalize().mantissa()).map_err(|_| FieldProblem::BadNumber)?;
            FactValue::Year(y)
        }
        FactKind::Date { min, max } => {
            let Value::Str(s) = value else {
                return Err(FieldProblem::WrongType(Expected::Date));
            };
            let d = Date::parse(s.trim()).ok_or(FieldProblem::BadDate)?;
            if d < *min || d > *max {
                return Err(FieldProblem::DateOutOfRange(
                    min.to_string(),
                    max.to_string(),
                ));
            }
            FactValue::Date(d)
        }
        FactKind::Enum(choices) => {
            let Value::Str(s) = value else {
                return Err(FieldProblem::WrongType(Expected::Choice));
            };
            let i = choices
                .iter()
                .position(|c| c.id == *s)
                .ok_or(FieldProblem::UnknownChoice)?;
            FactValue::Choice(u16::try_from(i).map_err(|_| FieldProblem::UnknownChoice)?)
        }
        FactKind::List { .. } => return Err(FieldProblem::WrongType(Expected::List)),
    };
    Ok(Some(v))
}

fn number(value: &Value) -> Result<Decimal, FieldProblem> {
    match value {
        Value::Int(i) => Ok(Decimal::from(*i)),
        Value::Number(d) => Ok(*d),
        Value::Str(s) => parse_decimal(s).ok_or(FieldProblem::BadNumber),
        Value::BadNumber => Err(FieldProblem::BadNumber),
        _ => Err(FieldProblem::WrongType(Expected::Number)),
    }
}

fn check_range(d: Decimal, min: Decimal, max: Decimal) -> Result<(), FieldProblem> {
    if d < min {
        return Err(if d.is_sign_negative() && min >= Decimal::ZERO {
            FieldProblem::Negative
        } else {
            FieldProblem::TooSmall(min.to_string())
        });
    }
    if d > max {
        return Err(FieldProblem::TooLarge(max.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_error_is_an_error_that_names_its_field_in_english() {
        let e = FieldError {
            path: "hires[2].contract_months".into(),
            fact: Some((0, Some(2))),
            problem: FieldProblem::Negative,
        };
        assert_eq!(
            e.to_string(),
            "hires[2].contract_months: cannot be negative"
        );
        let e: Box<dyn std::error::Error> = Box::new(FieldError {
            path: "as_of".into(),
            fact: None,
            problem: FieldProblem::BadDate,
        });
        assert_eq!(e.to_string(), "As-of date: is not a real date (YYYY-MM-DD)");
    }
}
