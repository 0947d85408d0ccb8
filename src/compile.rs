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

use serde_json::{Map, Value};
use std::fs;
use std::path::{Path, PathBuf};

/// The example cases of one measure file, for the tests.
pub struct CaseFile {
    pub file: PathBuf,
    pub measure: u64,
    pub cases: Vec<Value>,
}

pub struct Compiled {
    pub document: Value,
    pub cases: Vec<CaseFile>,
    /// Every file read, so a build script can ask to be re-run when one changes.
    pub inputs: Vec<PathBuf>,
}

fn read_toml(path: &Path) -> Result<Value, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let table: toml::Table =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::to_value(table).map_err(|e| format!("{}: {e}", path.display()))
}

fn into_object(v: Value, path: &Path) -> Result<Map<String, Value>, String> {
    match v {
        Value::Object(m) => Ok(m),
        _ => Err(format!("{}: not a table", path.display())),
    }
}

pub fn compile_dir(dir: &Path) -> Result<Compiled, String> {
    let mut inputs = Vec::new();
    let main = dir.join("ruleset.toml");
    let mut doc = into_object(read_toml(&main)?, &main)?;
    inputs.push(main);
    // `facts.toml`, then any `facts.*.toml` (likewise for derived and sources): lists are joined in
    // file-name order, so a large list can be split by topic.
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
        .collect();
    names.sort();
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
            let path = dir.join(name);
            let mut part = into_object(read_toml(&path)?, &path)?;
            let value = part
                .remove(key)
                .ok_or_else(|| format!("{}: no “{key}”", path.display()))?;
            if let Some(extra) = part.keys().next() {
                return Err(format!("{}: unexpected “{extra}”", path.display()));
            }
            match (doc.get_mut(key), value) {
                (Some(Value::Array(list)), Value::Array(more)) => list.extend(more),
                (Some(_), _) => return Err(format!("{}: “{key}” is given twice", path.display())),
                (None, value) => {
                    doc.insert(key.to_owned(), value);
                }
            }
            inputs.push(path);
        }
    }
    let mdir = dir.join("measures");
    let mut files: Vec<PathBuf> = fs::read_dir(&mdir)
        .map_err(|e| format!("{}: {e}", mdir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut measures = Vec::new();
    let mut cases = Vec::new();
    for path in files {
        let mut m = into_object(read_toml(&path)?, &path)?;
        let measure = m.get("id").and_then(Value::as_u64).unwrap_or(0);
        let file_cases = match m.remove("cases") {
            Some(Value::Array(c)) => c,
            Some(_) => return Err(format!("{}: “cases” must be [[cases]]", path.display())),
            None => Vec::new(),
        };
        cases.push(CaseFile {
            file: path.clone(),
            measure,
            cases: file_cases,
        });
        measures.push(Value::Object(m));
        inputs.push(path);
    }
    doc.insert("measures".into(), Value::Array(measures));
    let mut document = Value::Object(doc);
    let strings = intern_texts(&mut document);
    if let Value::Object(doc) = &mut document {
        doc.insert("strings".into(), strings);
    }
    Ok(Compiled {
        document,
        cases,
        inputs,
    })
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
