//! The converter's writer: the lines written so far, the comments still to place, and how a text,
//! a key and a value are written.

use crate::compile::lower::{FactDef, TEXT_KEYS};
use crate::compile::print::{self, Names, inline, key, quoted, wrapped};
use crate::compile::tree::{Node, Val};

/// Lines longer than this are broken (texts) or spread over several lines (tables).
pub(super) const WIDTH: usize = 100;

pub(super) struct Writer<'a> {
    pub(super) lines: Vec<String>,
    pub(super) comments: Vec<(String, Vec<String>)>,
    pub(super) facts: &'a [FactDef],
    pub(super) derived: &'a [String],
    pub(super) kept: Vec<String>,
    pub(super) file: String,
}

/// The keys of a measure, a part or a case that hold a text in three languages.
pub(super) fn is_text(v: &Node) -> bool {
    v.table().is_some_and(|t| {
        t.len() == 3 && t.iter().all(|(k, _)| TEXT_KEYS.contains(&k.name.as_str()))
    })
}

pub(super) fn join(path: &str, k: &str) -> String {
    if path.is_empty() {
        k.to_owned()
    } else {
        format!("{path}.{k}")
    }
}

impl Writer<'_> {
    pub(super) fn names(&self) -> Names<'_> {
        Names { facts: self.facts }
    }

    pub(super) fn line(&mut self, s: impl Into<String>) {
        self.lines.push(s.into());
    }

    pub(super) fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.line("");
        }
    }

    /// The comments that stood before `place`, written here.
    pub(super) fn comments_for(&mut self, place: &str) {
        while let Some(i) = self.comments.iter().position(|(p, _)| p == place) {
            let (_, lines) = self.comments.remove(i);
            self.lines.extend(lines);
        }
    }

    pub(super) fn finish(mut self) -> String {
        // A comment whose place is gone (none should be) is kept at the end, not lost.
        let rest: Vec<(String, Vec<String>)> = std::mem::take(&mut self.comments);
        for (place, lines) in rest {
            if place != "(end)" {
                self.blank();
                self.line(format!("# (comment that stood before {place})"));
            }
            self.lines.extend(lines);
        }
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        self.lines.join("\n") + "\n"
    }

    /// `title.zh = …` / `title.ja = …` / `title.en = …`, long ones a sentence a line.
    pub(super) fn text(&mut self, prefix: &str, v: &Node) {
        for (lang, s) in v.table().into_iter().flatten() {
            let s = s.as_str().unwrap_or_default();
            let value = if print::width(s) + prefix.len() > WIDTH + 20 {
                wrapped(s, WIDTH)
            } else {
                quoted(s)
            };
            self.line(format!("{prefix}.{} = {value}", lang.name));
        }
    }

    /// `key = value`, spreading a long list over lines (one item each).
    pub(super) fn simple(&mut self, k: &str, v: &Node, path: &str) {
        let one = format!("{} = {}", key(k), inline_node(v));
        match &v.val {
            Val::Arr(items) if one.chars().count() > WIDTH && !items.is_empty() => {
                self.line(format!("{} = [", key(k)));
                for (i, item) in items.iter().enumerate() {
                    self.comments_for(&format!("{}[{i}]", join(path, k)));
                    self.line(format!("  {},", inline_node(item)));
                }
                self.line("]");
            }
            _ => self.line(one),
        }
    }
}

/// A value on one line, tables' keys in the order they were written.
pub(super) fn inline_node(v: &Node) -> String {
    match &v.val {
        Val::Arr(items) => format!(
            "[{}]",
            items.iter().map(inline_node).collect::<Vec<_>>().join(", ")
        ),
        Val::Table(t) if t.is_empty() => "{}".into(),
        Val::Table(t) => format!(
            "{{ {} }}",
            t.iter()
                .map(|(k, v)| format!("{} = {}", key(&k.name), inline_node(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => inline(&v.to_json()),
    }
}

/// Whether a table reads well inline (`{ a = 1, b = 2 }`) on one line.
pub(super) fn fits(v: &Node) -> bool {
    let json = v.to_json();
    inline(&json).chars().count() <= WIDTH
        && !json.as_object().is_some_and(|m| {
            m.values().any(|x| {
                x.is_object()
                    && x.as_object()
                        .is_some_and(|t| t.len() == 3 && t.contains_key("zh"))
            })
        })
}
