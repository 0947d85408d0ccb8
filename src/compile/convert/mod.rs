//! `sme-check fmt --to-v2 DIR OUT`: rewrites a ruleset folder from the earlier form (prefix trees in
//! yuan, one long line per table) into the rule language (tests and formulas in words, 万元 and %,
//! one translation a line, clause texts a sentence a line), keeping every comment where it was.
//! Nothing changes meaning: each condition and formula is written in words only where those words
//! compile back to exactly the same JSON (checked here, one by one); elsewhere the earlier form is
//! kept. `tests/rulelang.rs` compiles the real folder both ways and compares the documents.
//!
//! `writer` holds the lines being written and how a text, a key or a value is written; `table` the
//! plain tables (ruleset.toml, facts, derived, sources); `measure` a measure's parts, amendments,
//! amounts and cases; `cond` conditions; `same` the checks that words compile back to the same JSON.

mod cond;
mod measure;
mod same;
mod table;
mod writer;

use super::comments::comments;
use super::tree::{self, Node, Source, Val};
use std::fs;
use std::path::Path;
use writer::Writer;

/// What a conversion did, for the person running it.
#[derive(Default, Debug)]
pub struct Converted {
    pub files: usize,
    /// Conditions or formulas left in the earlier form (they have no exact form in words).
    pub kept: Vec<String>,
}

/// Converts every file of a ruleset folder into `out` (created if needed).
pub fn convert_dir(from: &Path, out: &Path) -> Result<Converted, String> {
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    fs::create_dir_all(out.join("measures")).map_err(|e| io(out, e))?;
    let mut names: Vec<String> = fs::read_dir(from)
        .map_err(|e| io(from, e))?
        .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    let mut measures: Vec<String> = fs::read_dir(from.join("measures"))
        .map_err(|e| io(from, e))?
        .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
        .filter(|n| n.ends_with(".toml"))
        .map(|n| format!("measures/{n}"))
        .collect();
    measures.sort();
    names.extend(measures);

    let read = |name: &str| -> Result<(Source, Node), String> {
        let path = from.join(name);
        let text = fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        let src = Source::new(&path, text);
        let tree = tree::parse(&src).map_err(|(at, m)| {
            let (l, c) = src.line_col(at);
            format!("{}:{l}:{c}: {m}", path.display())
        })?;
        Ok((src, tree))
    };
    // The facts (for types) and named conditions (for names) first.
    let mut fact_nodes = Vec::new();
    let mut derived = Vec::new();
    for name in &names {
        let (_, t) = read(name)?;
        if let Some(Val::Arr(items)) = t.get("facts").map(|f| &f.val) {
            fact_nodes.extend(items.iter().cloned());
        }
        if let Some(Val::Arr(items)) = t.get("derived").map(|f| &f.val) {
            derived.extend(
                items
                    .iter()
                    .filter_map(|d| d.get("id")?.as_str().map(str::to_owned)),
            );
        }
    }
    let facts = super::lower::fact_defs(&fact_nodes);
    let mut report = Converted::default();
    for name in &names {
        let (src, t) = read(name)?;
        let mut w = Writer {
            lines: Vec::new(),
            comments: comments(&src.text),
            facts: &facts,
            derived: &derived,
            kept: Vec::new(),
            file: name.clone(),
        };
        report.kept.append(&mut w.kept);
        let text = if name.starts_with("size") {
            // One bound a line already, with the standard's words beside each group.
            src.text.clone()
        } else {
            if name.starts_with("measures/") {
                w.measure(&t);
            } else {
                w.plain_table(&t, "", "");
            }
            report.kept.append(&mut w.kept);
            w.finish()
        };
        let path = out.join(name);
        fs::write(&path, text).map_err(|e| io(&path, e))?;
        report.files += 1;
    }
    Ok(report)
}
