//! A checked ruleset in a compact binary form, "the core": what `sme-check compile` writes once it
//! has checked a ruleset in full, and what a page loads without the loader and its messages in
//! three languages (a fraction of the WebAssembly). The texts stay out: each language's strings
//! travel in their own file, and the core refers to them by index.
//!
//! Reading trusts the content, not the bytes: every index is checked against what it indexes,
//! nesting is bounded as the loader bounds it, named conditions may not refer to each other in a
//! circle, and a short or malformed file is an error. So no byte string can make reading or the
//! evaluation that follows panic or recurse without end. Integers are LEB128 varints (zigzag for
//! signed ones), strings length-prefixed UTF-8, decimals a mantissa and a scale.
//!
//! `write` writes a core (`encode`, and `pack` here with the strings reordered for a page); `read`
//! reads one back and checks it (`decode`).

mod read;
mod write;

pub use read::{Corrupt, decode};
pub use write::{MAGIC, encode};

use crate::engine::model::{Cond, Leaf, Ruleset, Subject};
use crate::engine::text::{Lang, Text};

/// A ruleset ready for a page: its core, and its strings per language in three runs: what a first
/// report and the questionnaire need, then what only the reasons need (from `why`), then the
/// clause texts (from `clauses`), each fetched when a person opens what shows it.
pub struct Pack {
    pub core: Vec<u8>,
    pub tables: [Vec<String>; 3],
    pub why: usize,
    pub clauses: usize,
}

/// The core and the reordered string tables of a ruleset.
pub fn pack(rs: &Ruleset) -> Pack {
    let n = rs.texts.len();
    // 0: a first report's, 1: the reasons' only, 2: a clause text.
    let mut run = vec![0u8; n];
    let mut mark = |t: Option<Text>, r: u8| {
        if let Some(x) = t.and_then(|t| run.get_mut(t.0 as usize)) {
            *x = (*x).max(r);
        }
    };
    let mut leaves = Vec::new();
    for d in &rs.derived {
        mark(Some(d.label), 1);
        leaves_of(&d.when, &mut leaves);
    }
    for m in &rs.measures {
        mark(Some(m.text), 2);
        mark(m.text_note, 2);
        mark(m.kind_reason, 2);
        for p in &m.parts {
            mark(p.window.as_ref().map(|w| w.cite), 1);
            mark(p.note, 1);
            p.when.iter().for_each(|c| leaves_of(c, &mut leaves));
            let amounts = p
                .amount
                .iter()
                .chain(p.amendments.iter().filter_map(|a| a.amount.as_ref()));
            for a in amounts {
                mark(Some(a.cite), 1);
                mark(a.basis, 1);
            }
            for a in &p.amendments {
                mark(a.text, 2);
                mark(Some(a.cite), 1);
                mark(a.note, 1);
                a.when
                    .iter()
                    .flatten()
                    .for_each(|c| leaves_of(c, &mut leaves));
            }
        }
    }
    for leaf in leaves {
        mark(leaf.cite, 1);
        mark(leaf.label, 1);
    }
    let run = &run;
    let order: Vec<usize> = (0..3u8)
        .flat_map(|r| (0..n).filter(move |i| run[*i] == r))
        .collect();
    let mut remap = vec![0u32; n];
    for (new, old) in order.iter().enumerate() {
        remap[*old] = u32::try_from(new).unwrap_or(u32::MAX);
    }
    let tables = Lang::ALL.map(|lang| {
        let table = rs.texts.table(lang);
        order
            .iter()
            .map(|i| table.get(*i).cloned().unwrap_or_default())
            .collect()
    });
    let count = |r: u8| run.iter().filter(|x| **x == r).count();
    Pack {
        core: write::write(rs, &remap),
        tables,
        why: count(0),
        clauses: count(0) + count(1),
    }
}

/// Every leaf of a condition, counted lists' conditions too.
fn leaves_of<'a>(c: &'a Cond, out: &mut Vec<&'a Leaf>) {
    match c {
        Cond::All(k) | Cond::Any(k) => k.iter().for_each(|k| leaves_of(k, out)),
        Cond::Not(k) => leaves_of(k, out),
        Cond::Derived(_) => {}
        Cond::Leaf(leaf) => {
            if let Subject::Count { filter, .. } = &leaf.subject {
                filter.iter().for_each(|k| leaves_of(k, out));
            }
            out.push(leaf);
        }
    }
}
