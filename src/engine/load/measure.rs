//! Measures, their parts, dated windows and the amendments of later documents.

use super::amount::load_amount;
use super::cond::load_filter;
use super::problem::Problem;
use super::reader::{Loader, Scope, get, index, join};
use crate::engine::limits::AMENDMENTS_PER_PART;
use crate::engine::model::{Amendment, Chapter, Kind, Measure, Part, Source, Window, WindowChange};
use crate::engine::value::Value;

const MEASURE_KEYS: &[&str] = &[
    "id",
    "chapter",
    "kind",
    "kind_reason",
    "title",
    "text",
    "text_note",
    "departments",
    "sources",
    "note",
    "window",
    "parts",
    "amendments",
];
const PART_KEYS: &[&str] = &["id", "title", "window", "when", "amount", "note"];

pub(super) fn load_measure(
    l: &mut Loader,
    v: &Value,
    i: usize,
    scope: &Scope,
    chapters: &[Chapter],
    sources_known: &[Source],
) -> Option<Measure> {
    let path = index("measures", i);
    let o = l.object(v, &path, MEASURE_KEYS)?;
    let id = l
        .req(o, "id", &path)
        .and_then(|v| l.uint(v, &join(&path, "id")))
        .unwrap_or(0);
    let path = format!("measures[{id}]");
    let chapter = l
        .req(o, "chapter", &path)
        .and_then(|v| l.uint(v, &join(&path, "chapter")))
        .unwrap_or(0);
    if !chapters.iter().any(|c| c.id == chapter) {
        l.err(&join(&path, "chapter"), Problem::UnknownChapter(chapter));
    }
    let kind_name = l.req_str(o, "kind", &path);
    let kind = Kind::parse(&kind_name).unwrap_or_else(|| {
        l.err(&join(&path, "kind"), Problem::BadKind(kind_name.clone()));
        Kind::Support
    });
    let kind_reason = l.opt_text(o, "kind_reason", &path);
    let title = l.req_text(o, "title", &path);
    let text = l.req_text(o, "text", &path);
    let text_note = l.opt_text(o, "text_note", &path);
    let note = l.opt_text(o, "note", &path);
    let mut departments = Vec::new();
    for d in l.opt_list(o, "departments", &path) {
        let Some(name) = l.string(d, &join(&path, "departments")) else {
            continue;
        };
        match l.departments.position(&name) {
            Some(p) => departments.push(p),
            None => l.err(
                &join(&path, "departments"),
                Problem::UnknownDepartment(name),
            ),
        }
    }
    let mut sources = Vec::new();
    for s in l.opt_list(o, "sources", &path) {
        let Some(name) = l.string(s, &join(&path, "sources")) else {
            continue;
        };
        match l.sources.position(&name) {
            Some(p) => sources.push(p),
            None => l.err(&join(&path, "sources"), Problem::UnknownSource(name)),
        }
    }
    let default_window = get(o, "window");
    let mut parts = Vec::new();
    for (pi, pv) in l.opt_list(o, "parts", &path).iter().enumerate() {
        if let Some(p) = load_part(
            l,
            pv,
            &index(&join(&path, "parts"), pi),
            scope,
            default_window,
        ) {
            parts.push(p);
        }
    }
    if parts.is_empty() {
        l.err(&path, Problem::MissingKey("parts".into()));
    }
    let part_ids: Vec<String> = parts.iter().map(|p| p.id.clone()).collect();
    l.unique(part_ids, &join(&path, "parts"));
    let amendments_path = join(&path, "amendments");
    for (ai, av) in l.opt_list(o, "amendments", &path).iter().enumerate() {
        let apath = index(&amendments_path, ai);
        if let Some((part, a)) = load_amendment(l, av, &apath, scope, &parts, sources_known) {
            parts[part].amendments.push(a);
        }
    }
    for (pi, p) in parts.iter_mut().enumerate() {
        check_amendments(l, p, &index(&join(&path, "parts"), pi), sources_known);
    }
    Some(Measure {
        id,
        chapter,
        kind,
        kind_reason,
        title,
        text,
        text_note,
        departments,
        sources,
        note,
        parts,
    })
}

fn load_part(
    l: &mut Loader,
    v: &Value,
    path: &str,
    scope: &Scope,
    default_window: Option<&Value>,
) -> Option<Part> {
    let o = l.object(v, path, PART_KEYS)?;
    let id = l.req_id(o, path);
    let title = l.req_text(o, "title", path);
    let note = l.opt_text(o, "note", path);
    let window = match get(o, "window").or(default_window) {
        Some(w) => load_window(l, w, &join(path, "window")),
        None => None,
    };
    let when = load_filter(l, get(o, "when"), &join(path, "when"), scope);
    let amount = get(o, "amount").and_then(|a| load_amount(l, a, &join(path, "amount"), scope));
    Some(Part {
        id,
        title,
        window,
        when,
        amount,
        note,
        amendments: Vec::new(),
    })
}

const AMENDMENT_KEYS: &[&str] = &[
    "part", "source", "in_force", "until", "window", "when", "amount", "text", "cite", "note",
];

/// One amendment, and the index of the part it changes.
fn load_amendment(
    l: &mut Loader,
    v: &Value,
    path: &str,
    scope: &Scope,
    parts: &[Part],
    sources: &[Source],
) -> Option<(usize, Amendment)> {
    let o = l.object(v, path, AMENDMENT_KEYS)?;
    let part_id = l.req_str(o, "part", path);
    let part = parts.iter().position(|p| p.id == part_id);
    if part.is_none() && !part_id.is_empty() {
        l.err(&join(path, "part"), Problem::UnknownPart(part_id));
    }
    let source = match l.req(o, "source", path) {
        Some(_) => l.source_ref(o, "source", path),
        None => None,
    };
    let document_date = source.and_then(|s| sources.get(s)).and_then(|s| {
        if s.date.is_none() {
            l.err(&join(path, "source"), Problem::UndatedSource(s.id.clone()));
        }
        s.date
    });
    let in_force = match get(o, "in_force") {
        Some(d) => l.date(d, &join(path, "in_force")),
        None => document_date,
    };
    if let (Some(day), Some(doc)) = (in_force, document_date)
        && day < doc
    {
        l.err(
            &join(path, "in_force"),
            Problem::BeforeDocument(day.to_string(), doc.to_string()),
        );
    }
    let until = get(o, "until").and_then(|d| l.date(d, &join(path, "until")));
    if let (Some(a), Some(b)) = (in_force, until)
        && a > b
    {
        l.err(path, Problem::WindowOrder(a.to_string(), b.to_string()));
    }
    let window = get(o, "window").and_then(|w| {
        let wpath = join(path, "window");
        let w = l.object(w, &wpath, &["from", "to"])?;
        let from = get(w, "from").and_then(|d| l.date(d, &join(&wpath, "from")));
        let to = get(w, "to").and_then(|d| l.date(d, &join(&wpath, "to")));
        if from.is_none() && to.is_none() {
            l.err(&wpath, Problem::MissingKey("from/to".into()));
        }
        Some(WindowChange { from, to })
    });
    let when = get(o, "when").map(|w| load_filter(l, Some(w), &join(path, "when"), scope));
    let amount = get(o, "amount").and_then(|a| load_amount(l, a, &join(path, "amount"), scope));
    if window.is_none() && when.is_none() && get(o, "amount").is_none() {
        l.err(path, Problem::NothingAmended);
    }
    let text = l.opt_text(o, "text", path);
    let cite = l.req_text(o, "cite", path);
    let note = l.opt_text(o, "note", path);
    Some((
        part?,
        Amendment {
            source: source?,
            in_force: in_force?,
            until,
            window,
            when,
            amount,
            text,
            cite,
            note,
        },
    ))
}

/// A part's amendments in the order they come into force; none changing what another changes on
/// the same days; the window as amended still in order; not more than an evaluation records.
fn check_amendments(l: &mut Loader, p: &mut Part, path: &str, sources: &[Source]) {
    p.amendments.sort_by_key(|a| a.in_force);
    if p.amendments.len() > AMENDMENTS_PER_PART {
        l.err(path, Problem::TooMany(AMENDMENTS_PER_PART));
    }
    let name = |a: &Amendment| {
        sources
            .get(a.source)
            .map_or(String::new(), |s| s.id.clone())
    };
    for (i, a) in p.amendments.iter().enumerate() {
        for b in &p.amendments[..i] {
            // Sorted by the first day: they overlap when the earlier one is still in force then.
            if !b.in_force_on(a.in_force) {
                continue;
            }
            let same = [
                ("window", a.window.is_some() && b.window.is_some()),
                ("conditions", a.when.is_some() && b.when.is_some()),
                ("amount", a.amount.is_some() && b.amount.is_some()),
            ];
            for (what, clash) in same {
                if clash {
                    l.err(path, Problem::Overlapping(what, name(b)));
                }
            }
        }
        if let Some(w) = a.window {
            let clause = p.window.as_ref();
            let from = w.from.or(clause.and_then(|c| c.from));
            let to = w.to.or(clause.and_then(|c| c.to));
            if let (Some(from), Some(to)) = (from, to)
                && from > to
            {
                l.err(path, Problem::WindowOrder(from.to_string(), to.to_string()));
            }
        }
    }
}

fn load_window(l: &mut Loader, v: &Value, path: &str) -> Option<Window> {
    let o = l.object(v, path, &["from", "to", "cite"])?;
    let from = get(o, "from").and_then(|d| l.date(d, &join(path, "from")));
    let to = get(o, "to").and_then(|d| l.date(d, &join(path, "to")));
    let cite = l.req_text(o, "cite", path);
    if let (Some(a), Some(b)) = (from, to)
        && a > b
    {
        l.err(path, Problem::WindowOrder(a.to_string(), b.to_string()));
    }
    if from.is_none() && to.is_none() {
        l.err(path, Problem::MissingKey("from/to".into()));
    }
    Some(Window { from, to, cite })
}
