//! Checks that the words mean exactly what the earlier form meant: what the converter writes is
//! lowered back and compared with the original JSON.

use super::writer::Writer;
use crate::compile::diag::Diags;
use crate::compile::lower::{FactDef, Lower, Scope};
use crate::compile::tree::{Key, Node, Source, Val};
use serde_json::{Map, Value as Json};
use std::path::Path;

impl Writer<'_> {
    pub(super) fn scope(&self) -> Scope<'_> {
        Scope {
            facts: self.facts,
            derived: self.derived,
        }
    }

    /// Lowers a small table written in the new form and returns its JSON.
    pub(super) fn lower_back(
        &self,
        node: &Node,
        f: impl FnOnce(&mut Lower, &Node) -> Option<Json>,
    ) -> Option<Json> {
        let src = Source::new(Path::new("(check)"), String::new());
        let mut diags = Diags::default();
        let mut l = Lower {
            src: &src,
            diags: &mut diags,
            cites: Vec::new(),
            derived_cites: Vec::new(),
            legal: false,
            ruleset_id: "",
            measure: 0,
            amount_source: None,
        };
        let out = f(&mut l, node);
        diags.list.is_empty().then_some(out).flatten()
    }

    pub(super) fn same_cond(&self, test: &str, original: &Json) -> bool {
        let node = str_node(test);
        let scope = self.scope();
        self.lower_back(&node, |l, n| l.cond(n, scope)).as_ref() == Some(original)
    }

    pub(super) fn same_entry(
        &self,
        test: &str,
        words: &Map<String, Json>,
        filter: Option<&Json>,
        original: &Json,
        facts: &[FactDef],
    ) -> bool {
        let mut entries = vec![("test".to_owned(), Json::String(test.to_owned()))];
        entries.extend(words.iter().map(|(k, v)| (k.clone(), v.clone())));
        if let Some(w) = filter {
            entries.push(("where".into(), w.clone()));
        }
        let node = json_node(&Json::Object(entries.into_iter().collect()));
        let scope = Scope {
            facts,
            derived: self.derived,
        };
        self.lower_back(&node, |l, n| l.cond(n, scope)).as_ref() == Some(original)
    }

    pub(super) fn same_amount(
        &self,
        written: &[(&str, String)],
        filter: Option<&Json>,
        original: &Json,
    ) -> bool {
        let mut m: Map<String, Json> = written
            .iter()
            .map(|(k, t)| ((*k).to_owned(), Json::String(t.clone())))
            .collect();
        if let Some(w) = filter {
            m.insert("where".into(), w.clone());
        }
        m.insert(
            "cite".into(),
            original.get("cite").cloned().unwrap_or(Json::Null),
        );
        if let Some(b) = original.get("basis") {
            m.insert("basis".into(), b.clone());
        }
        let node = json_node(&Json::Object(m));
        let scope = self.scope();
        self.lower_back(&node, |l, n| Some(l.amount(n, scope)))
            .as_ref()
            == Some(original)
    }
}

fn str_node(s: &str) -> Node {
    Node {
        val: Val::Str(s.to_owned()),
        span: (0, 0),
    }
}

/// A JSON value as a tree (for lowering what the converter writes, to compare).
fn json_node(v: &Json) -> Node {
    let val = match v {
        Json::String(s) => Val::Str(s.clone()),
        Json::Bool(b) => Val::Bool(*b),
        Json::Number(n) => n
            .as_i64()
            .map_or(Val::Float(n.as_f64().unwrap_or(0.0)), Val::Int),
        Json::Array(items) => Val::Arr(items.iter().map(json_node).collect()),
        Json::Object(m) => Val::Table(
            m.iter()
                .map(|(k, v)| {
                    (
                        Key {
                            name: k.clone(),
                            span: (0, 0),
                        },
                        json_node(v),
                    )
                })
                .collect(),
        ),
        Json::Null => Val::Str(String::new()),
    };
    Node { val, span: (0, 0) }
}
