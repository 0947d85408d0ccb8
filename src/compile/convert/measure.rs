//! A measure file: its keys, clause text, parts and amendments, amounts and example cases.

use super::cond::list_fields;
use super::writer::{WIDTH, Writer, fits, is_text, join};
use crate::compile::print::{self, annotated, inline, key, quoted, wrapped};
use crate::compile::tree::{Node, Val};
use serde_json::Value as Json;

impl Writer<'_> {
    pub(super) fn measure(&mut self, t: &Node) {
        let entries = t.table().unwrap_or_default();
        for (k, v) in entries {
            match k.name.as_str() {
                "text" | "parts" | "amendments" | "cases" => {}
                "window" => {
                    self.comments_for(&k.name);
                    self.window(v);
                }
                _ if is_text(v) => {
                    self.comments_for(&k.name);
                    self.text(&k.name, v);
                }
                _ => {
                    self.comments_for(&k.name);
                    self.simple(&k.name, v, "");
                }
            }
        }
        if let Some(text) = t.get("text") {
            self.blank();
            self.comments_for("text");
            self.line("[text]");
            for (lang, s) in text.table().into_iter().flatten() {
                self.line(format!(
                    "{} = {}",
                    lang.name,
                    wrapped(s.as_str().unwrap_or_default(), WIDTH)
                ));
            }
        }
        if let Some(Val::Arr(parts)) = t.get("parts").map(|p| &p.val) {
            for (i, p) in parts.iter().enumerate() {
                self.blank();
                let place = format!("parts[{i}]");
                self.comments_for(&place);
                self.line("[[parts]]");
                self.part(p, &place, "parts");
            }
        }
        if let Some(Val::Arr(amendments)) = t.get("amendments").map(|p| &p.val) {
            for (i, a) in amendments.iter().enumerate() {
                self.blank();
                let place = format!("amendments[{i}]");
                // A comment before `amendments = [` belongs before the first of them.
                if i == 0 {
                    self.comments_for("amendments");
                }
                self.comments_for(&place);
                self.line("[[amendments]]");
                self.part(a, &place, "amendments");
            }
        }
        if let Some(Val::Arr(cases)) = t.get("cases").map(|p| &p.val) {
            for (i, c) in cases.iter().enumerate() {
                self.blank();
                let place = format!("cases[{i}]");
                self.comments_for(&place);
                self.line("[[cases]]");
                self.case(c, &place);
            }
        }
    }

    pub(super) fn window(&mut self, v: &Node) {
        for (k, x) in v.table().into_iter().flatten() {
            if k.name == "cite" && is_text(x) {
                self.text("window.cite", x);
            } else {
                self.line(format!(
                    "window.{} = {}",
                    key(&k.name),
                    inline(&x.to_json())
                ));
            }
        }
    }

    /// A part (`head` = "parts") or an amendment (`head` = "amendments"): its keys, then its
    /// conditions, amount and (an amendment's) text as tables of their own.
    pub(super) fn part(&mut self, p: &Node, place: &str, head: &str) {
        let entries = p.table().unwrap_or_default();
        for (k, v) in entries {
            let at = join(place, &k.name);
            match k.name.as_str() {
                "when" | "amount" => {}
                "text" if head == "amendments" => {}
                "window" => {
                    self.comments_for(&at);
                    self.window(v);
                }
                _ if is_text(v) => {
                    self.comments_for(&at);
                    self.text(&k.name, v);
                }
                _ => {
                    self.comments_for(&at);
                    self.simple(&k.name, v, place);
                }
            }
        }
        for (k, v) in entries {
            let at = join(place, &k.name);
            match k.name.as_str() {
                "when" => {
                    self.blank();
                    self.comments_for(&at);
                    self.cond_list(v, &format!("{head}.when"), &at);
                }
                "amount" => {
                    self.blank();
                    self.comments_for(&at);
                    self.amount(v, &at, head);
                }
                "text" if head == "amendments" => {
                    self.blank();
                    self.comments_for(&at);
                    self.line(format!("[{head}.text]"));
                    for (lang, s) in v.table().into_iter().flatten() {
                        self.line(format!(
                            "{} = {}",
                            lang.name,
                            wrapped(s.as_str().unwrap_or_default(), WIDTH)
                        ));
                    }
                }
                _ => {}
            }
        }
    }

    pub(super) fn amount(&mut self, v: &Node, place: &str, head: &str) {
        self.line(format!("[{head}.amount]"));
        let mut a = v.to_json();
        // A count whose filter carries words: written `count(list)`, its filter in `where` tables.
        let filter = take_annotated_filter(&mut a);
        let original = v.to_json();
        let names = self.names();
        let write = |f: &Json| print::formula(f, names);
        let min = a.get("min");
        let max = a.get("max");
        let written: Option<Vec<(&str, String)>> = match (a.get("exact"), min, max) {
            (Some(e), None, None) => write(e).map(|t| vec![("exact", t)]),
            (None, Some(Json::String(z)), Some(m)) if z == "0" => {
                write(m).map(|t| vec![("cap", t)])
            }
            (None, Some(m), None) => write(m).map(|t| vec![("floor", t)]),
            (None, Some(lo), Some(hi)) => write(lo)
                .zip(write(hi))
                .map(|(l, h)| vec![("min", l), ("max", h)]),
            _ => None,
        };
        let written =
            written.filter(|w| self.same_amount(w, filter.as_ref().map(|f| &f.1), &original));
        match written {
            Some(w) => {
                for (k, t) in w {
                    self.line(format!("{k} = {}", quoted(&t)));
                }
            }
            None => {
                self.kept.push(format!("{}: {place}", self.file));
                for k in ["exact", "min", "max"] {
                    if let Some(f) = original.get(k) {
                        self.line(format!("{k} = {}", inline(f)));
                    }
                }
                for k in ["cite", "basis"] {
                    if let Some(t) = v.get(k) {
                        self.text(k, t);
                    }
                }
                return;
            }
        }
        for k in ["cite", "basis"] {
            if let Some(t) = v.get(k) {
                self.text(k, t);
            }
        }
        if let Some((list, Json::Array(items))) = filter {
            let fields = list_fields(self.facts, &list);
            for (i, item) in items.iter().enumerate() {
                self.blank();
                self.cond_entry_in(
                    item,
                    &format!("[[{head}.amount.where]]"),
                    &format!("{head}.amount.where"),
                    &format!("{place}.where[{i}]"),
                    &fields,
                );
            }
        }
    }

    pub(super) fn case(&mut self, c: &Node, place: &str) {
        let mut later = Vec::new();
        for (k, v) in c.table().into_iter().flatten() {
            let at = join(place, &k.name);
            if v.table().is_some() && !fits(v) {
                later.push((k, v, at));
            } else {
                self.comments_for(&at);
                self.simple(&k.name, v, place);
            }
        }
        for (k, v, at) in later {
            self.comments_for(&at);
            self.line(format!("[cases.{}]", k.name));
            for (fk, fv) in v.table().into_iter().flatten() {
                if is_text(fv) || (fk.name == "text" && fv.table().is_some()) {
                    for (lang, s) in fv.table().into_iter().flatten() {
                        self.line(format!(
                            "{}.{} = {}",
                            fk.name,
                            lang.name,
                            quoted(s.as_str().unwrap_or_default())
                        ));
                    }
                } else {
                    self.simple(&fk.name, fv, &at);
                }
            }
        }
    }
}

/// Takes the filter of the one count in an amount's formulas whose filter carries words (the
/// same filter in `exact`, or in `min` and `max`), leaving `count(list)` in its place.
fn take_annotated_filter(a: &mut Json) -> Option<(String, Json)> {
    fn find(v: &mut Json, found: &mut Vec<(String, Json)>) {
        match v {
            Json::Object(m) => {
                if let (Some(Json::String(list)), Some(w)) = (m.get("count"), m.get("where"))
                    && w.as_array().is_some_and(|l| l.iter().any(annotated))
                {
                    let list = list.clone();
                    if let Some(w) = m.remove("where") {
                        found.push((list, w));
                    }
                    return;
                }
                m.values_mut().for_each(|x| find(x, found));
            }
            Json::Array(items) => items.iter_mut().for_each(|x| find(x, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for k in ["exact", "min", "max"] {
        if let Some(f) = a.get_mut(k) {
            find(f, &mut found);
        }
    }
    let first = found.first()?.clone();
    found.iter().all(|f| *f == first).then_some(first)
}
