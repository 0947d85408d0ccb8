//! The reader's tools: the `Loader`, which walks the document, takes what each place must hold
//! (an object with known keys, a string, a text in three languages, a date, a list, an id) and
//! records a problem with its path wherever that is not what it finds.

use super::problem::{Problem, RulesetError};
use crate::engine::date::Date;
use crate::engine::limits::{LIST_ITEMS, NAMED_ITEMS};
use crate::engine::model::{Fact, Names};
use crate::engine::text::{Lang, Text};
use crate::engine::value::Value;

pub(super) type Entries<'v> = &'v [(String, Value)];

/// Where the loader is, and everything it has found wrong so far.
#[derive(Default)]
pub(super) struct Loader {
    pub(super) errors: Vec<RulesetError>,
    pub(super) derived_ids: Names,
    pub(super) departments: Names,
    pub(super) sources: Names,
    pub(super) sections: Names,
    /// The per-language string tables of a compiled document (empty for a hand-written one).
    pub(super) strings: [Vec<String>; 3],
    /// How deep the condition and the formula being read are nested (bounded by `limits`).
    pub(super) cond_depth: u32,
    pub(super) formula_depth: u32,
}

/// The names and types visible to a condition: the profile's facts, or a list item's fields.
pub(super) struct Scope<'a> {
    pub(super) facts: &'a [Fact],
    pub(super) names: Names,
}

impl Scope<'_> {
    pub(super) fn new(facts: &[Fact]) -> Scope<'_> {
        Scope {
            facts,
            names: Names::new(facts.iter().map(|f| f.id.clone()).collect()),
        }
    }

    pub(super) fn position(&self, id: &str) -> Option<usize> {
        self.names.position(id)
    }
}

impl Loader {
    /// `read` one level deeper into a tree whose depth `level` counts: past `limit`, an error
    /// instead (evaluating and explaining recurse as deep as the tree, so it is bounded here).
    pub(super) fn deeper<T>(
        &mut self,
        level: fn(&mut Loader) -> &mut u32,
        limit: u32,
        path: &str,
        read: impl FnOnce(&mut Loader) -> Option<T>,
    ) -> Option<T> {
        if *level(self) >= limit {
            self.err(path, Problem::TooDeep(limit as usize));
            return None;
        }
        *level(self) += 1;
        let out = read(self);
        *level(self) -= 1;
        out
    }

    pub(super) fn err(&mut self, path: &str, problem: Problem) {
        self.errors.push(RulesetError {
            path: path.to_owned(),
            problem,
        });
    }

    /// An object with exactly these keys allowed.
    pub(super) fn object<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
        allowed: &[&str],
    ) -> Option<Entries<'v>> {
        match v {
            Value::Map(entries) => {
                for (k, _) in entries {
                    if !allowed.contains(&k.as_str()) {
                        self.err(path, Problem::UnknownKey(k.clone()));
                    }
                }
                Some(entries)
            }
            other => {
                self.err(
                    path,
                    Problem::WrongType {
                        expected: "object",
                        found: other.kind(),
                    },
                );
                None
            }
        }
    }

    pub(super) fn req<'v>(&mut self, o: Entries<'v>, key: &str, path: &str) -> Option<&'v Value> {
        let v = get(o, key);
        if v.is_none() {
            self.err(path, Problem::MissingKey(key.to_owned()));
        }
        v
    }

    pub(super) fn string(&mut self, v: &Value, path: &str) -> Option<String> {
        match v {
            Value::Str(s) => Some(s.clone()),
            other => {
                self.err(
                    path,
                    Problem::WrongType {
                        expected: "string",
                        found: other.kind(),
                    },
                );
                None
            }
        }
    }

    pub(super) fn req_str(&mut self, o: Entries, key: &str, path: &str) -> String {
        self.req(o, key, path)
            .and_then(|v| self.string(v, &join(path, key)))
            .unwrap_or_default()
    }

    /// An id other parts of the ruleset, profiles and the page refer to: letters, digits, `_` and
    /// `-`, starting with a letter or digit, at most 64. (A page keys its answers by these ids: an
    /// id such as `__proto__` or one with markup or spaces has no business there.)
    pub(super) fn req_id(&mut self, o: Entries, path: &str) -> String {
        let id = self.req_str(o, "id", path);
        let well_formed = id.len() <= 64
            && id.starts_with(|c: char| c.is_ascii_alphanumeric())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !well_formed && !id.is_empty() {
            self.err(
                &join(path, "id"),
                Problem::BadId(short(&Value::Str(id.clone()))),
            );
        }
        id
    }

    pub(super) fn opt_str(&mut self, o: Entries, key: &str, path: &str) -> Option<String> {
        get(o, key).and_then(|v| self.string(v, &join(path, key)))
    }

    pub(super) fn uint(&mut self, v: &Value, path: &str) -> Option<u32> {
        match v {
            Value::Int(i) => u32::try_from(*i).ok().or_else(|| {
                self.err(
                    path,
                    Problem::WrongType {
                        expected: "positive integer",
                        found: "number",
                    },
                );
                None
            }),
            other => {
                self.err(
                    path,
                    Problem::WrongType {
                        expected: "integer",
                        found: other.kind(),
                    },
                );
                None
            }
        }
    }

    pub(super) fn text(&mut self, v: &Value, path: &str) -> Text {
        // A compiled document keeps its texts in per-language tables and refers to them by index.
        if let Value::Int(i) = v {
            let found = usize::try_from(*i).ok().and_then(|i| {
                let pick = |t: &Vec<String>| t.get(i).cloned();
                Some(Text {
                    zh: pick(&self.strings[0])?,
                    ja: pick(&self.strings[1])?,
                    en: pick(&self.strings[2])?,
                })
            });
            return found.unwrap_or_else(|| {
                self.err(path, Problem::MissingKey(format!("strings[{i}]")));
                Text::default()
            });
        }
        let Some(o) = self.object(v, path, &["zh", "ja", "en"]) else {
            return Text::default();
        };
        let mut t = Text::default();
        for lang in Lang::ALL {
            let s = match get(o, lang.code()) {
                Some(v) => self.string(v, &join(path, lang.code())).unwrap_or_default(),
                None => String::new(),
            };
            match lang {
                Lang::Zh => t.zh = s,
                Lang::Ja => t.ja = s,
                Lang::En => t.en = s,
            }
        }
        for lang in t.missing().collect::<Vec<_>>() {
            self.err(path, Problem::MissingText(lang));
        }
        t
    }

    pub(super) fn req_text(&mut self, o: Entries, key: &str, path: &str) -> Text {
        match self.req(o, key, path) {
            Some(v) => self.text(v, &join(path, key)),
            None => Text::default(),
        }
    }

    pub(super) fn opt_text(&mut self, o: Entries, key: &str, path: &str) -> Option<Text> {
        get(o, key).map(|v| self.text(v, &join(path, key)))
    }

    pub(super) fn date(&mut self, v: &Value, path: &str) -> Option<Date> {
        let s = self.string(v, path)?;
        let d = Date::parse(&s);
        if d.is_none() {
            self.err(path, Problem::BadDate(s));
        }
        d
    }

    pub(super) fn list<'v>(&mut self, v: &'v Value, path: &str) -> &'v [Value] {
        self.list_of_at_most(v, path, LIST_ITEMS)
    }

    pub(super) fn list_of_at_most<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
        max: usize,
    ) -> &'v [Value] {
        match v {
            Value::List(items) if items.len() > max => {
                self.err(path, Problem::TooMany(max));
                &[]
            }
            Value::List(items) => items,
            other => {
                self.err(
                    path,
                    Problem::WrongType {
                        expected: "list",
                        found: other.kind(),
                    },
                );
                &[]
            }
        }
    }

    pub(super) fn opt_list<'v>(&mut self, o: Entries<'v>, key: &str, path: &str) -> &'v [Value] {
        match get(o, key) {
            Some(v) => self.list(v, &join(path, key)),
            None => &[],
        }
    }

    /// Facts, named conditions, measures: each is looked up by name, so fewer of them.
    pub(super) fn named_list<'v>(&mut self, o: Entries<'v>, key: &str) -> &'v [Value] {
        match get(o, key) {
            Some(v) => self.list_of_at_most(v, key, NAMED_ITEMS),
            None => &[],
        }
    }

    pub(super) fn source_ref(&mut self, o: Entries, key: &str, path: &str) -> Option<usize> {
        let id = self.opt_str(o, key, path)?;
        let i = self.sources.position(&id);
        if i.is_none() {
            self.err(&join(path, key), Problem::UnknownSource(id));
        }
        i
    }

    /// The names, indexed, with each one given twice named as an error.
    pub(super) fn names(&mut self, ids: Vec<String>, path: &str) -> Names {
        let names = Names::new(ids);
        for id in names.duplicates() {
            self.err(path, Problem::Duplicate(id.to_owned()));
        }
        names
    }

    pub(super) fn unique(&mut self, ids: Vec<String>, path: &str) {
        self.names(ids, path);
    }
}

pub(super) fn get<'v>(o: Entries<'v>, key: &str) -> Option<&'v Value> {
    o.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

pub(super) fn index(path: &str, i: impl std::fmt::Display) -> String {
    format!("{path}[{i}]")
}

/// A value shortened for an error message, so a hostile or huge string cannot flood it.
pub fn short(v: &Value) -> String {
    let s = match v {
        Value::Str(s) => s.clone(),
        other => other.kind().to_owned(),
    };
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}
