//! From the authored ruleset (a folder of TOML files a policy officer can read beside the policy)
//! to the compiled document the engine loads (one JSON object, no TOML parser in the browser).
//! Used by the build script for the built-in ruleset and by `sme-check compile` for any other.
//!
//! Layout of a ruleset folder:
//! - `ruleset.toml`: id, version, title, document, issuer, issued, chapters, sections, departments, sources
//! - `facts.toml`: `[[facts]]`, the questions an enterprise answers
//! - `size.toml`: `[size_standard]`, the size-class standard (optional)
//! - `derived.toml`: `[[derived]]`, named conditions shared by measures (optional)
//! - `measures/NN.toml`: one measure each: clause text, parts, conditions, amounts, and `[[cases]]`
//!
//! The rule language (tests and formulas in words, money in 万元, percentages) is described in
//! src/rules/REFERENCE.md; the compiled document is the same whichever form a measure is written in.
//! Every problem is reported with its file, line and column; the folder compiles only without any.

mod amount;
pub mod checks;
mod comments;
pub mod convert;
pub mod diag;
pub mod expr;
mod items;
pub mod lower;
pub mod print;
pub mod tree;

use diag::{Diag, Diags};
use lower::{Lower, Scope};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use tree::{Node, Source};

/// The example cases of one measure file, for the tests.
pub struct CaseFile {
    pub file: PathBuf,
    pub measure: u64,
    pub cases: Vec<Value>,
}

pub struct Compiled {
    pub document: Value,
    /// Known gaps of the ruleset, waived (`checks::WAIVED`): to be shown, not to stop the build.
    pub warnings: Vec<Diag>,
    pub cases: Vec<CaseFile>,
    /// Every file read, so a build script can ask to be re-run when one changes.
    pub inputs: Vec<PathBuf>,
}

/// Compiles a ruleset folder; every problem, one per line, with its file, line and column.
pub fn compile_dir(dir: &Path) -> Result<Compiled, String> {
    check_dir(dir).map_err(|diags| {
        diags
            .iter()
            .map(Diag::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// The files of a ruleset folder, each parsed (or its syntax error noted).
struct Folder {
    sources: Vec<Source>,
    trees: Vec<Option<Node>>,
}

impl Folder {
    fn read(&mut self, path: &Path, diags: &mut Diags) -> Result<usize, Diag> {
        let text = fs::read_to_string(path).map_err(|e| Diag {
            file: path.to_owned(),
            line: 0,
            col: 0,
            message: e.to_string(),
            help: None,
        })?;
        let src = Source::new(path, text);
        let tree = match tree::parse(&src) {
            Ok(t) => Some(t),
            Err((at, message)) => {
                diags.at(
                    &src,
                    at,
                    format!("not valid TOML: {}", message.trim()),
                    None,
                );
                None
            }
        };
        self.sources.push(src);
        self.trees.push(tree);
        Ok(self.sources.len() - 1)
    }
}

/// Which of the folder's files hold what.
struct Layout {
    main: usize,
    /// (file, key) for facts, size_standard, derived and sources files, in file-name order.
    parts: Vec<(usize, &'static str)>,
    measures: Vec<usize>,
}

fn one_error(e: Diag) -> Vec<Diag> {
    vec![e]
}

/// Compiles a ruleset folder, or gives every problem found.
pub fn check_dir(dir: &Path) -> Result<Compiled, Vec<Diag>> {
    let mut diags = Diags::default();
    let mut folder = Folder {
        sources: Vec::new(),
        trees: Vec::new(),
    };
    let main = folder
        .read(&dir.join("ruleset.toml"), &mut diags)
        .map_err(one_error)?;
    // `facts.toml`, then any `facts.*.toml` (likewise for derived and sources): lists are joined in
    // file-name order, so a large list can be split by topic.
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| one_error(io_diag(dir, &e)))?
        .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
        .collect();
    names.sort();
    let mut layout = Layout {
        main,
        parts: Vec::new(),
        measures: Vec::new(),
    };
    for (stem, key) in [
        ("facts", "facts"),
        ("size", "size_standard"),
        ("derived", "derived"),
        ("sources", "sources"),
    ] {
        for name in names.iter().filter(|n| {
            *n == &format!("{stem}.toml")
                || (n.starts_with(&format!("{stem}.")) && n.ends_with(".toml"))
        }) {
            let i = folder
                .read(&dir.join(name), &mut diags)
                .map_err(one_error)?;
            layout.parts.push((i, key));
        }
    }
    let mdir = dir.join("measures");
    let mut files: Vec<PathBuf> = fs::read_dir(&mdir)
        .map_err(|e| one_error(io_diag(&mdir, &e)))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for path in files {
        let i = folder.read(&path, &mut diags).map_err(one_error)?;
        layout.measures.push(i);
    }
    let mut compiled = lower_folder(&folder, &layout, &mut diags);
    if diags.list.is_empty() {
        compiled.warnings = diags.waived;
        Ok(compiled)
    } else {
        Err(diags.list)
    }
}

fn io_diag(path: &Path, e: &std::io::Error) -> Diag {
    Diag {
        file: path.to_owned(),
        line: 0,
        col: 0,
        message: e.to_string(),
        help: None,
    }
}

/// The list a file holds under `key` (facts, derived, sources), or what ruleset.toml holds.
fn lists<'a>(folder: &'a Folder, layout: &Layout, key: &str) -> Vec<(usize, &'a Node)> {
    let mut out = Vec::new();
    if let Some(v) = folder.trees[layout.main].as_ref().and_then(|t| t.get(key)) {
        out.push((layout.main, v));
    }
    for (i, k) in &layout.parts {
        if *k == key
            && let Some(v) = folder.trees[*i].as_ref().and_then(|t| t.get(key))
        {
            out.push((*i, v));
        }
    }
    out
}

fn lower_folder(folder: &Folder, layout: &Layout, diags: &mut Diags) -> Compiled {
    let fact_nodes: Vec<Node> = lists(folder, layout, "facts")
        .into_iter()
        .flat_map(|(_, v)| match &v.val {
            tree::Val::Arr(items) => items.clone(),
            _ => Vec::new(),
        })
        .collect();
    let facts = lower::fact_defs(&fact_nodes);
    let derived_ids: Vec<String> = lists(folder, layout, "derived")
        .into_iter()
        .flat_map(|(_, v)| match &v.val {
            tree::Val::Arr(items) => items
                .iter()
                .filter_map(|d| d.get("id").and_then(Node::as_str).map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let scope = Scope {
        facts: &facts,
        derived: &derived_ids,
    };
    let ruleset_id = folder.trees[layout.main]
        .as_ref()
        .and_then(|t| t.get("id"))
        .and_then(Node::as_str)
        .unwrap_or_default();
    let lower_at = |i: usize, diags: &mut Diags, f: &mut dyn FnMut(&mut Lower, &Node)| {
        let Some(tree) = folder.trees[i].as_ref() else {
            return;
        };
        let mut l = Lower {
            src: &folder.sources[i],
            diags,
            cites: Vec::new(),
            derived_cites: Vec::new(),
            legal: true,
            ruleset_id,
            measure: 0,
            amount_source: None,
        };
        f(&mut l, tree);
    };

    let mut doc = Map::new();
    lower_at(layout.main, diags, &mut |l, t| doc = l.ruleset_head(t));
    // The lists, from ruleset.toml or from their own files (joined in file-name order).
    let mut derived_cites: Vec<(usize, String, Vec<lower::CiteAt>)> = Vec::new();
    for key in ["sources", "facts", "size_standard", "derived"] {
        let mut first_file: Option<usize> = None;
        for (i, v) in lists(folder, layout, key) {
            let mut value = Value::Null;
            lower_at(i, diags, &mut |l, t| {
                if i != layout.main {
                    l.table(t, &format!("a {key} file"), &[key]);
                }
                value = match key {
                    "sources" => l.sources(v),
                    "facts" => l.facts(v, scope, true),
                    "size_standard" => l.size_standard(v),
                    _ => {
                        let out = l.derived(v, scope);
                        for (id, cites) in std::mem::take(&mut l.derived_cites) {
                            derived_cites.push((i, id, cites));
                        }
                        out
                    }
                };
            });
            match (doc.get_mut(key), value, first_file) {
                (Some(Value::Array(list)), Value::Array(more), Some(_)) => list.extend(more),
                (_, value, None) => {
                    doc.insert(key.to_owned(), value);
                    first_file = Some(i);
                }
                (_, _, Some(_)) => {
                    let src = &folder.sources[i];
                    diags.span(src, v.span, format!("“{key}” is given twice"));
                }
            }
        }
    }

    let mut measures = Vec::new();
    let mut cases = Vec::new();
    for &i in &layout.measures {
        lower_at(i, diags, &mut |l, t| {
            let (measure, file_cases) = l.measure(t, scope);
            cases.push(CaseFile {
                file: folder.sources[i].path.clone(),
                measure: measure["id"].as_u64().unwrap_or(0),
                cases: file_cases,
            });
            measures.push(measure);
        });
    }

    // A named condition's cites, against the clauses of the measures that use it.
    for (i, id, cites) in &derived_cites {
        let users = measures_using(id, &measures, doc.get("derived"));
        let texts: Vec<&Value> = users.iter().map(|m| &m["text"]).collect();
        lower_at(*i, diags, &mut |l, _| {
            checks::derived_cites(l, id, cites, &texts)
        });
    }

    doc.insert("measures".into(), Value::Array(measures));
    let mut document = Value::Object(doc);
    let strings = intern_texts(&mut document);
    if let Value::Object(doc) = &mut document {
        doc.insert("strings".into(), strings);
    }
    Compiled {
        document,
        warnings: Vec::new(),
        cases,
        inputs: folder.sources.iter().map(|s| s.path.clone()).collect(),
    }
}

/// The measures that refer to a named condition, directly or through other named conditions.
fn measures_using<'m>(id: &str, measures: &'m [Value], derived: Option<&Value>) -> Vec<&'m Value> {
    let derived: Vec<&Value> = derived
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .collect();
    // The named conditions that lead to `id`, found by walking references backwards.
    let mut leads: BTreeSet<String> = BTreeSet::from([id.to_owned()]);
    loop {
        let before = leads.len();
        for d in &derived {
            let mut refs = Vec::new();
            refs_in(&d["when"], &mut refs);
            if refs.iter().any(|r| leads.contains(*r))
                && let Some(name) = d["id"].as_str()
            {
                leads.insert(name.to_owned());
            }
        }
        if leads.len() == before {
            break;
        }
    }
    measures
        .iter()
        .filter(|m| {
            let mut refs = Vec::new();
            refs_in(&m["parts"], &mut refs);
            refs.iter().any(|r| leads.contains(*r))
        })
        .collect()
}

fn refs_in<'v>(v: &'v Value, out: &mut Vec<&'v str>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("ref") {
                out.push(r);
            }
            m.values().for_each(|x| refs_in(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| refs_in(x, out)),
        _ => {}
    }
}

/// Fields for reviewers of the ruleset, kept in the authored files but not in what the engine
/// (and the browser) loads.
const REVIEWER_ONLY: &[&str] = &["kind_reason"];

/// Moves every text `{zh, ja, en}` into one list per language and leaves its index in its place.
/// Each language's strings then sit together, which compresses markedly better than interleaved
/// (the widget carries all three languages), and the engine reads either form.
fn intern_texts(v: &mut Value) -> Value {
    fn walk(v: &mut Value, tables: &mut [Vec<Value>; 3]) {
        match v {
            Value::Object(m)
                if m.len() == 3 && ["zh", "ja", "en"].iter().all(|k| m.contains_key(*k)) =>
            {
                let index = tables[0].len();
                for (table, lang) in tables.iter_mut().zip(["zh", "ja", "en"]) {
                    table.push(m.remove(lang).unwrap_or(Value::Null));
                }
                *v = Value::from(index);
            }
            Value::Object(m) => {
                for key in REVIEWER_ONLY {
                    m.remove(*key);
                }
                m.values_mut().for_each(|x| walk(x, tables));
            }
            Value::Array(items) => items.iter_mut().for_each(|x| walk(x, tables)),
            _ => {}
        }
    }
    let mut tables: [Vec<Value>; 3] = Default::default();
    walk(v, &mut tables);
    let [zh, ja, en] = tables;
    serde_json::json!({ "zh": zh, "ja": ja, "en": en })
}
