//! Conditions in the rule language: tests in words where they mean exactly the same, a table
//! with its words, a group, or (where no words say the same) the earlier form.

use super::writer::{WIDTH, Writer};
use crate::compile::lower::{FactDef, Ty};
use crate::compile::print::{
    self, Names, annotated, inline, key, quoted, shared_annotations, wrapped,
};
use crate::compile::tree::{Node, Val};
use serde_json::{Map, Value as Json};

impl Writer<'_> {
    /// A list of conditions: `when = ["a", "b"]` when none carries words, else one table each.
    pub(super) fn cond_list(&mut self, v: &Node, head: &str, place: &str) {
        let Val::Arr(items) = &v.val else { return };
        let tests: Option<Vec<String>> = items
            .iter()
            .map(|c| {
                let j = c.to_json();
                print::test(&j, self.names()).filter(|t| !annotated(&j) && self.same_cond(t, &j))
            })
            .collect();
        let last = head.rsplit('.').next().unwrap_or(head).to_owned();
        if let Some(tests) = tests {
            let one = format!(
                "{last} = [{}]",
                tests
                    .iter()
                    .map(|t| quoted(t))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            if one.chars().count() <= WIDTH {
                self.line(one);
            } else {
                self.line(format!("{last} = ["));
                for (i, t) in tests.iter().enumerate() {
                    self.comments_for(&format!("{place}[{i}]"));
                    self.line(format!("  {},", quoted(t)));
                }
                self.line("]");
            }
            return;
        }
        for (i, c) in items.iter().enumerate() {
            let p = format!("{place}[{i}]");
            self.blank();
            self.comments_for(&p);
            self.cond_entry(&c.to_json(), &format!("[[{head}]]"), head, &p);
        }
    }

    /// One condition as a table under `header_line`: a test with its words, a group, or (where no
    /// words say exactly the same) the earlier form.
    pub(super) fn cond_entry(&mut self, c: &Json, header_line: &str, head: &str, place: &str) {
        let facts = self.facts;
        self.cond_entry_in(c, header_line, head, place, facts);
    }

    /// `cond_entry` with the facts in scope (a list's fields inside a count's filter).
    pub(super) fn cond_entry_in(
        &mut self,
        c: &Json,
        header_line: &str,
        head: &str,
        place: &str,
        facts: &[FactDef],
    ) {
        let names = Names { facts };
        // A count whose filter carries words: `test = "count(list) >= 1"` and its `where` tables.
        let (bare, filter) = match c.get("where") {
            Some(w) if w.as_array().is_some_and(|l| l.iter().any(annotated)) => {
                let mut b = c.clone();
                if let Some(m) = b.as_object_mut() {
                    m.remove("where");
                }
                (b, Some(w.clone()))
            }
            _ => (c.clone(), None),
        };
        let words = shared_annotations(&bare).unwrap_or_default();
        if (words.is_empty() || shared_annotations(&bare).is_some())
            && let Some(test) = print::test(&bare, names)
            && self.same_entry(&test, &words, filter.as_ref(), c, facts)
        {
            self.line(header_line);
            self.line(format!("test = {}", quoted(&test)));
            self.words(&words);
            if let (Some(Json::Array(items)), Some(list)) =
                (&filter, c.get("count").and_then(Json::as_str))
            {
                let fields = list_fields(facts, list);
                for (i, item) in items.iter().enumerate() {
                    self.blank();
                    self.cond_entry_in(
                        item,
                        &format!("[[{head}.where]]"),
                        &format!("{head}.where"),
                        &format!("{place}.where[{i}]"),
                        &fields,
                    );
                }
            }
            return;
        }
        for group in ["all", "any"] {
            if let Some(Json::Array(items)) = c.get(group)
                && c.as_object().is_some_and(|m| m.len() == 1)
            {
                // The group's table holds only its items: say which kind of group it is.
                let what = if group == "all" {
                    "all of"
                } else {
                    "any one of"
                };
                self.line(format!("{header_line}  # {what} the conditions below"));
                for (i, item) in items.iter().enumerate() {
                    self.blank();
                    self.cond_entry_in(
                        item,
                        &format!("[[{head}.{group}]]"),
                        &format!("{head}.{group}"),
                        &format!("{place}.{group}[{i}]"),
                        facts,
                    );
                }
                return;
            }
        }
        if let Some(inner) = c.get("not")
            && c.as_object().is_some_and(|m| m.len() == 1)
        {
            self.line(format!("{header_line}  # not the condition below"));
            self.cond_entry_in(
                inner,
                &format!("[{head}.not]"),
                &format!("{head}.not"),
                &format!("{place}.not"),
                facts,
            );
            return;
        }
        self.kept.push(format!("{}: {place}", self.file));
        self.line(header_line);
        for (k, v) in c.as_object().into_iter().flatten() {
            if ["cite", "label"].contains(&k.as_str()) && v.is_object() {
                for (lang, s) in v.as_object().into_iter().flatten() {
                    self.line(format!(
                        "{k}.{lang} = {}",
                        quoted(s.as_str().unwrap_or_default())
                    ));
                }
            } else {
                self.line(format!("{} = {}", key(k), inline(v)));
            }
        }
    }

    pub(super) fn words(&mut self, words: &Map<String, Json>) {
        for k in ["source", "label", "cite"] {
            match words.get(k) {
                Some(Json::String(s)) => self.line(format!("{k} = {}", quoted(s))),
                Some(Json::Object(t)) => {
                    for (lang, s) in ["zh", "ja", "en"]
                        .iter()
                        .filter_map(|l| Some((*l, t.get(*l)?)))
                    {
                        let s = s.as_str().unwrap_or_default();
                        let value = if print::width(s) + 8 > WIDTH + 20 {
                            wrapped(s, WIDTH)
                        } else {
                            quoted(s)
                        };
                        self.line(format!("{k}.{lang} = {value}"));
                    }
                }
                _ => {}
            }
        }
    }

    /// A named condition's `when`: a test, a table, or a list that must all hold.
    pub(super) fn derived_when(&mut self, v: &Node, head: &str, place: &str) {
        self.comments_for(place);
        let c = v.to_json();
        if let Some(test) =
            print::test(&c, self.names()).filter(|t| !annotated(&c) && self.same_cond(t, &c))
        {
            self.line(format!("when = {}", quoted(&test)));
            return;
        }
        match c.get("all").and_then(Json::as_array) {
            Some(items) if items.len() >= 2 && shared_annotations(&c).is_none() => {
                for (i, item) in items.iter().enumerate() {
                    self.blank();
                    self.cond_entry(
                        item,
                        &format!("[[{head}]]"),
                        head,
                        &format!("{place}.all[{i}]"),
                    );
                }
            }
            _ => {
                self.blank();
                self.cond_entry(&c, &format!("[{head}]"), head, place);
            }
        }
    }
}

pub(super) fn list_fields(facts: &[FactDef], list: &str) -> Vec<FactDef> {
    match facts.iter().find(|f| f.id == list).map(|f| &f.ty) {
        Some(Ty::List(f)) => f.clone(),
        _ => Vec::new(),
    }
}
