//! Reading a ruleset document (the compiled JSON, already parsed into a `Value` tree) into a checked
//! `Ruleset`. Every problem is collected with the path where it sits, so an author fixes them all
//! in one pass; a ruleset with any problem is refused as a whole.
//!
//! The order of reading: the string tables, the header (chapters, sections, departments, sources),
//! the facts (their types first, `ask_if` in a second pass, once all names are known), the names
//! of the named conditions, the size standard, the named conditions, then the measures.

mod amount;
mod cond;
mod derived;
mod fact;
mod measure;
mod problem;
mod reader;
mod size;

pub use cond::{parse_as_of, parse_as_of_year};
pub use problem::{Problem, RulesetError};
pub use reader::short;

use crate::engine::model::{Chapter, Department, Derived, Fact, Measure, Ruleset, Section, Source};
use crate::engine::text::{Lang, Texts};
use crate::engine::value::Value;
use cond::load_cond;
use derived::{check_derived_refs, load_derived};
use fact::load_fact;
use measure::load_measure;
use reader::{Entries, Loader, Scope, get, index, join};
use size::load_size;

const RULESET_KEYS: &[&str] = &[
    "strings",
    "id",
    "version",
    "title",
    "document",
    "issuer",
    "issued",
    "source",
    "chapters",
    "sections",
    "departments",
    "sources",
    "facts",
    "size_standard",
    "derived",
    "measures",
];

/// Loads a ruleset document. `hash` identifies the exact bytes it was read from.
pub fn load(doc: &Value, hash: String) -> Result<Ruleset, Vec<RulesetError>> {
    let mut l = Loader::default();
    let Value::Map(o) = doc else {
        return Err(vec![RulesetError {
            path: String::new(),
            problem: Problem::NotADocument(format!("a {} instead of an object", doc.kind())),
        }]);
    };
    for (k, _) in o {
        if !RULESET_KEYS.contains(&k.as_str()) {
            l.err("", Problem::UnknownKey(k.clone()));
        }
    }
    let o: Entries = o;
    if let Some(tables) = get(o, "strings") {
        let [zh, ja, en] = load_strings(&mut l, tables);
        l.tables = zh.len();
        l.texts = Texts::with_len(zh.len());
        for (lang, table) in Lang::ALL.into_iter().zip([zh, ja, en]) {
            l.texts.set(lang, 0, table);
        }
    }
    let id = l.req_str(o, "id", "");
    let version = l.req_str(o, "version", "");
    let title = l.req_text(o, "title", "");
    let document = l.req_text(o, "document", "");
    let issuer = l.req_text(o, "issuer", "");
    let source = l.req_text(o, "source", "");
    let issued = l.req(o, "issued", "").and_then(|v| l.date(v, "issued"));

    let chapters = load_chapters(&mut l, o);
    let sections = load_sections(&mut l, o);
    let departments = load_departments(&mut l, o);
    let sources = load_sources(&mut l, o);

    // Facts first, with their types, so conditions anywhere can be checked against them. Their
    // `ask_if` conditions need the fact table itself, so they are read in a second pass.
    let fact_values = l.named_list(o, "facts");
    let mut facts: Vec<Fact> = fact_values
        .iter()
        .enumerate()
        .map(|(i, v)| load_fact(&mut l, v, &index("facts", i), true))
        .collect();
    let fact_names = l.names(facts.iter().map(|f| f.id.clone()).collect(), "facts");

    // Derived names are known before any condition is read, so order in the file does not matter.
    let derived_values = l.named_list(o, "derived");
    let derived_ids = derived_values
        .iter()
        .map(|v| {
            v.get("id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    l.derived_ids = l.names(derived_ids, "derived");

    for (i, v) in fact_values.iter().enumerate() {
        if let Some(cond) = v.get("ask_if") {
            let path = format!("facts[{}].ask_if", facts[i].id);
            let scope = Scope::new(&facts);
            let c = load_cond(&mut l, cond, &path, &scope);
            facts[i].ask_if = c;
        }
    }

    let scope = Scope::new(&facts);
    let size_standard = get(o, "size_standard").and_then(|v| load_size(&mut l, v, &scope));
    // Only the size standard computes a fact: any other marked computed would stay unknown for
    // ever, and the measures that need it could never be decided.
    for (i, f) in facts.iter().enumerate() {
        if f.computed && size_standard.as_ref().is_none_or(|s| s.class_fact != i) {
            l.err(&format!("facts[{}].computed", f.id), Problem::NotComputed);
        }
    }
    let derived: Vec<Derived> = derived_values
        .iter()
        .enumerate()
        .map(|(i, v)| load_derived(&mut l, v, &index("derived", i), &scope))
        .collect();
    check_derived_refs(&mut l, &derived);

    let measure_values = l.named_list(o, "measures");
    let measures: Vec<Measure> = measure_values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| load_measure(&mut l, v, i, &scope, &chapters, &sources))
        .collect();
    let measure_ids: Vec<String> = measures.iter().map(|m| m.id.to_string()).collect();
    l.unique(measure_ids, "measures");

    if !l.errors.is_empty() {
        return Err(l.errors);
    }
    let Some(issued) = issued else {
        return Err(vec![RulesetError {
            path: "issued".into(),
            problem: Problem::MissingKey("issued".into()),
        }]);
    };
    Ok(Ruleset {
        fact_names,
        id,
        version,
        hash,
        title,
        document,
        issuer,
        issued,
        source,
        chapters,
        sections,
        departments,
        sources,
        facts,
        size_standard,
        derived,
        measures,
        texts: l.texts,
    })
}

fn load_strings(l: &mut Loader, v: &Value) -> [Vec<String>; 3] {
    let mut out: [Vec<String>; 3] = Default::default();
    let Some(o) = l.object(v, "strings", &["zh", "ja", "en"]) else {
        return out;
    };
    for (slot, lang) in out.iter_mut().zip(Lang::ALL) {
        let path = join("strings", lang.code());
        let items = match get(o, lang.code()) {
            Some(v) => l.list(v, &path),
            None => &[],
        };
        *slot = items
            .iter()
            .map(|x| l.string(x, &path).unwrap_or_default())
            .collect();
    }
    if out[0].len() != out[1].len() || out[0].len() != out[2].len() {
        l.err(
            "strings",
            Problem::MissingKey("zh/ja/en of equal length".into()),
        );
    }
    out
}

fn load_chapters(l: &mut Loader, o: Entries) -> Vec<Chapter> {
    let items = l.opt_list(o, "chapters", "");
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let path = index("chapters", i);
        let Some(c) = l.object(v, &path, &["id", "title"]) else {
            continue;
        };
        let id = l
            .req(c, "id", &path)
            .and_then(|v| l.uint(v, &join(&path, "id")))
            .unwrap_or(0);
        let title = l.req_text(c, "title", &path);
        out.push(Chapter { id, title });
    }
    let ids: Vec<String> = out.iter().map(|c| c.id.to_string()).collect();
    l.unique(ids, "chapters");
    out
}

fn load_sections(l: &mut Loader, o: Entries) -> Vec<Section> {
    let items = l.opt_list(o, "sections", "");
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let path = index("sections", i);
        let Some(c) = l.object(v, &path, &["id", "title"]) else {
            continue;
        };
        let id = l.req_id(c, &path);
        let title = l.req_text(c, "title", &path);
        out.push(Section { id, title });
    }
    l.sections = l.names(out.iter().map(|s| s.id.clone()).collect(), "sections");
    out
}

fn load_departments(l: &mut Loader, o: Entries) -> Vec<Department> {
    let items = l.opt_list(o, "departments", "");
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let path = index("departments", i);
        let Some(c) = l.object(v, &path, &["id", "name"]) else {
            continue;
        };
        let id = l.req_id(c, &path);
        let name = l.req_text(c, "name", &path);
        out.push(Department { id, name });
    }
    l.departments = l.names(out.iter().map(|d| d.id.clone()).collect(), "departments");
    out
}

fn load_sources(l: &mut Loader, o: Entries) -> Vec<Source> {
    let items = l.opt_list(o, "sources", "");
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let path = index("sources", i);
        let Some(c) = l.object(v, &path, &["id", "title", "evidence", "url", "date"]) else {
            continue;
        };
        let id = l.req_id(c, &path);
        let title = l.req_text(c, "title", &path);
        let evidence = l.req_str(c, "evidence", &path);
        if !matches!(evidence.as_str(), "cited" | "verify" | "official") {
            l.err(
                &join(&path, "evidence"),
                Problem::WrongType {
                    expected: "cited, verify or official",
                    found: "string",
                },
            );
        }
        let url = l.opt_str(c, "url", &path);
        let date = get(c, "date").and_then(|d| l.date(d, &join(&path, "date")));
        out.push(Source {
            id,
            title,
            evidence,
            url,
            date,
        });
    }
    l.sources = l.names(out.iter().map(|s| s.id.clone()).collect(), "sources");
    out
}
