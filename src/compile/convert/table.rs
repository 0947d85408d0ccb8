//! The plain tables (ruleset.toml, facts, derived, sources): keys one a line, lists of tables as
//! tables of their own, `ask_if` and a named condition's `when` in words where they mean the same.

use super::writer::{WIDTH, Writer, fits, inline_node, is_text, join};
use crate::compile::print::{self, annotated, quoted};
use crate::compile::tree::{Key, Node, Val};

impl Writer<'_> {
    /// A table of ids, numbers, texts and lists of tables (ruleset.toml, facts, derived, sources).
    pub(super) fn plain_table(&mut self, t: &Node, header: &str, path: &str) {
        let entries = t.table().unwrap_or_default();
        let mut later: Vec<&(Key, Node)> = Vec::new();
        for e in entries {
            let (k, v) = e;
            let place = join(path, &k.name);
            match (&v.val, k.name.as_str()) {
                (_, "when") if header.ends_with("derived") => later.push(e),
                // Already in the rule language: kept as written.
                (Val::Str(_), "ask_if") => {
                    self.comments_for(&place);
                    self.simple(&k.name, v, path);
                }
                (_, "ask_if") => {
                    self.comments_for(&place);
                    let c = v.to_json();
                    match print::test(&c, self.names())
                        .filter(|t| !annotated(&c) && self.same_cond(t, &c))
                    {
                        Some(test) => self.line(format!("ask_if = {}", quoted(&test))),
                        None => later.push(e),
                    }
                }
                _ if is_text(v) => {
                    self.comments_for(&place);
                    self.text(&k.name, v);
                }
                (Val::Arr(items), _)
                    if !items.is_empty()
                        && items.iter().all(|x| x.table().is_some())
                        && !items
                            .iter()
                            .all(|x| inline_node(x).chars().count() <= WIDTH) =>
                {
                    later.push(e)
                }
                (Val::Table(_), _) if !fits(v) => later.push(e),
                _ => {
                    self.comments_for(&place);
                    self.simple(&k.name, v, path);
                }
            }
        }
        for (k, v) in later {
            let place = join(path, &k.name);
            let head = join(header, &k.name);
            match (&v.val, k.name.as_str()) {
                (_, "when") => self.derived_when(v, &head, &place),
                (_, "ask_if") => {
                    self.comments_for(&place);
                    self.cond_entry(&v.to_json(), &format!("[{head}]"), &head, &place);
                }
                (Val::Arr(items), _) => {
                    for (i, item) in items.iter().enumerate() {
                        let p = format!("{place}[{i}]");
                        self.blank();
                        self.comments_for(&p);
                        self.line(format!("[[{head}]]"));
                        self.plain_table(item, &head, &p);
                    }
                }
                _ => {
                    self.blank();
                    self.comments_for(&place);
                    self.line(format!("[{head}]"));
                    self.plain_table(v, &head, &place);
                }
            }
        }
    }
}
