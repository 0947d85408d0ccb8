//! What can be wrong in a ruleset document, and its message (the words are in `messages`).

use crate::engine::json::JsonError;
use crate::engine::messages;
use crate::engine::text::{Lang, Tpl, fill};

#[derive(Clone, Debug, PartialEq)]
pub struct RulesetError {
    pub path: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The document is not a JSON object or could not be parsed at all.
    NotADocument(String),
    /// The text is not JSON at all.
    NotJson(JsonError),
    MissingKey(String),
    UnknownKey(String),
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    MissingText(Lang),
    Duplicate(String),
    UnknownFact(String),
    UnknownRef(String),
    UnknownDepartment(String),
    UnknownSource(String),
    UnknownChapter(u32),
    UnknownSection(String),
    UnknownChoice {
        fact: String,
        value: String,
    },
    BadType(String),
    BadKind(String),
    BadOp {
        op: String,
        fact_type: &'static str,
    },
    TypeMismatch {
        fact: String,
        expected: &'static str,
    },
    BadDate(String),
    /// A condition or an amount that is not well formed: the message, and what it is about.
    BadFormula(&'static Tpl, String),
    WindowOrder(String, String),
    /// A number in a condition without the clause words or the document it comes from.
    Unsourced,
    CircularRef(String),
    /// An id with characters other than letters, digits, `_` and `-`.
    BadId(String),
    /// A fact marked computed that no rule computes.
    NotComputed,
    /// A list longer than the engine takes (`limits`).
    TooMany(usize),
    /// Conditions, formulas or named references nested deeper than the engine takes (`limits`).
    TooDeep(usize),
    /// An amendment names a part its measure does not have.
    UnknownPart(String),
    /// An amendment's document has no date, so when it came into force cannot be checked.
    UndatedSource(String),
    /// An amendment in force (`0`) before its document was issued (`1`).
    BeforeDocument(String, String),
    /// Two amendments of one part change the same thing (`0`: window, conditions or amount) on
    /// the same days; `1` is the other one's document.
    Overlapping(&'static str, String),
    /// An amendment that changes neither window, conditions nor amount.
    NothingAmended,
}

/// A word of `messages::VALUE_KINDS` by its key; a key not listed reads as itself.
fn word(key: &str, lang: Lang) -> &str {
    messages::VALUE_KINDS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, t)| lang.say(t))
}

impl RulesetError {
    pub fn message(&self, lang: Lang) -> String {
        let (tpl, args): (&Tpl, Vec<&str>) = match &self.problem {
            Problem::NotJson(e) => {
                let detail = e.message(lang);
                let body = fill(lang, &messages::NOT_JSON, &[&detail]);
                return if self.path.is_empty() {
                    body
                } else {
                    self.path.clone() + ": " + &body
                };
            }
            Problem::NotADocument(d) => (&messages::NOT_A_DOCUMENT, vec![d]),
            Problem::MissingKey(k) => (&messages::MISSING_KEY, vec![k]),
            Problem::UnknownKey(k) => (&messages::UNKNOWN_KEY, vec![k]),
            Problem::WrongType { expected, found } => (
                &messages::WRONG_TYPE,
                vec![word(expected, lang), word(found, lang)],
            ),
            Problem::MissingText(l) => (&messages::MISSING_TEXT, vec![l.code()]),
            Problem::Duplicate(id) => (&messages::DUPLICATE_ID, vec![id]),
            Problem::UnknownFact(f) => (&messages::UNKNOWN_FACT, vec![f]),
            Problem::UnknownRef(r) => (&messages::UNKNOWN_REF, vec![r]),
            Problem::UnknownDepartment(d) => (&messages::UNKNOWN_DEPARTMENT, vec![d]),
            Problem::UnknownSource(s) => (&messages::UNKNOWN_SOURCE, vec![s]),
            Problem::UnknownChapter(_) => (&messages::UNKNOWN_CHAPTER, vec![]),
            Problem::UnknownSection(s) => (&messages::UNKNOWN_SECTION, vec![s]),
            Problem::UnknownChoice { fact, value } => {
                (&messages::UNKNOWN_CHOICE, vec![value, fact])
            }
            Problem::BadType(t) => (&messages::UNKNOWN_FACT_TYPE, vec![t]),
            Problem::BadKind(k) => (&messages::UNKNOWN_MEASURE_KIND, vec![k]),
            Problem::BadOp { op, fact_type } => (&messages::BAD_OP, vec![op, fact_type]),
            Problem::TypeMismatch { fact, expected } => {
                (&messages::TYPE_MISMATCH, vec![fact, word(expected, lang)])
            }
            Problem::BadDate(d) => (&messages::BAD_DATE, vec![d]),
            Problem::WindowOrder(a, b) => (&messages::WINDOW_ORDER, vec![a, b]),
            Problem::BadFormula(t, d) => {
                let detail = fill(lang, t, &[d]);
                let body = fill(lang, &messages::BAD_FORMULA, &[&detail]);
                return if self.path.is_empty() {
                    body
                } else {
                    self.path.clone() + ": " + &body
                };
            }
            Problem::Unsourced => (&messages::UNSOURCED, vec![]),
            Problem::CircularRef(r) => (&messages::CIRCULAR_REF, vec![r]),
            Problem::BadId(id) => (&messages::BAD_ID, vec![id]),
            Problem::NotComputed => (&messages::NOT_COMPUTED, vec![]),
            Problem::TooMany(_) => (&messages::TOO_MANY, vec![]),
            Problem::TooDeep(_) => (&messages::TOO_DEEP, vec![]),
            Problem::UnknownPart(p) => (&messages::UNKNOWN_PART, vec![p]),
            Problem::UndatedSource(s) => (&messages::UNDATED_SOURCE, vec![s]),
            Problem::BeforeDocument(d, doc) => (&messages::BEFORE_DOCUMENT, vec![d, doc]),
            Problem::Overlapping(what, other) => {
                (&messages::OVERLAPPING, vec![word(what, lang), other])
            }
            Problem::NothingAmended => (&messages::NOTHING_AMENDED, vec![]),
        };
        let number;
        let args = match &self.problem {
            Problem::UnknownChapter(c) => {
                number = c.to_string();
                vec![number.as_str()]
            }
            Problem::TooMany(n) | Problem::TooDeep(n) => {
                number = n.to_string();
                vec![number.as_str()]
            }
            _ => args,
        };
        let body = fill(lang, tpl, &args);
        if self.path.is_empty() {
            body
        } else {
            self.path.clone() + ": " + &body
        }
    }
}

/// In English, with its path; `message` gives it in any language.
impl std::fmt::Display for RulesetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for RulesetError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ruleset_error_is_an_error_in_english_with_its_path() {
        let e = RulesetError {
            path: "measures[3].kind".into(),
            problem: Problem::BadKind("grant".into()),
        };
        assert_eq!(
            e.to_string(),
            "measures[3].kind: unknown measure kind “grant”"
        );
        assert_eq!(e.to_string(), e.message(Lang::En));
        let e: Box<dyn std::error::Error> = Box::new(RulesetError {
            path: String::new(),
            problem: Problem::TooDeep(24),
        });
        assert_eq!(e.to_string(), "nested too deeply: at most 24 levels");
    }
}
