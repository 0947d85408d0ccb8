//! `sme-check fmt --to-v2 DIR OUT`: rewrites a ruleset folder from the earlier form (prefix trees in
//! yuan, one long line per table) into the rule language (tests and formulas in words, 万元 and %,
//! one translation a line, clause texts a sentence a line), keeping every comment where it was.
//! Nothing changes meaning: each condition and formula is written in words only where those words
//! compile back to exactly the same JSON (checked here, one by one); elsewhere the earlier form is
//! kept. `tests/rulelang.rs` compiles the real folder both ways and compares the documents.

use super::comments::comments;
use super::diag::Diags;
use super::lower::{FactDef, Lower, Scope};
use super::print::{self, Names, annotated, inline, key, quoted, shared_annotations, wrapped};
use super::tree::{self, Key, Node, Source, Val};
use serde_json::{Map, Value as Json};
use std::fs;
use std::path::Path;

/// Lines longer than this are broken (texts) or spread over several lines (tables).
const WIDTH: usize = 100;

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

// ── Writing ──────────────────────────────────────────────────────────────────────────────────

struct Writer<'a> {
    lines: Vec<String>,
    comments: Vec<(String, Vec<String>)>,
    facts: &'a [FactDef],
    derived: &'a [String],
    kept: Vec<String>,
    file: String,
}

/// The keys of a measure, a part or a case that hold a text in three languages.
fn is_text(v: &Node) -> bool {
    v.table().is_some_and(|t| {
        t.len() == 3
            && t.iter()
                .all(|(k, _)| super::lower::TEXT_KEYS.contains(&k.name.as_str()))
    })
}

fn join(path: &str, k: &str) -> String {
    if path.is_empty() {
        k.to_owned()
    } else {
        format!("{path}.{k}")
    }
}

impl Writer<'_> {
    fn names(&self) -> Names<'_> {
        Names { facts: self.facts }
    }

    fn line(&mut self, s: impl Into<String>) {
        self.lines.push(s.into());
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.line("");
        }
    }

    /// The comments that stood before `place`, written here.
    fn comments_for(&mut self, place: &str) {
        while let Some(i) = self.comments.iter().position(|(p, _)| p == place) {
            let (_, lines) = self.comments.remove(i);
            self.lines.extend(lines);
        }
    }

    fn finish(mut self) -> String {
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
    fn text(&mut self, prefix: &str, v: &Node) {
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
    fn simple(&mut self, k: &str, v: &Node, path: &str) {
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

    /// A table of ids, numbers, texts and lists of tables (ruleset.toml, facts, derived, sources).
    fn plain_table(&mut self, t: &Node, header: &str, path: &str) {
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

    fn measure(&mut self, t: &Node) {
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

    fn window(&mut self, v: &Node) {
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
    fn part(&mut self, p: &Node, place: &str, head: &str) {
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

    /// A list of conditions: `when = ["a", "b"]` when none carries words, else one table each.
    fn cond_list(&mut self, v: &Node, head: &str, place: &str) {
        let Val::Arr(items) = &v.val else { return };
        let tests: Option<Vec<String>> = items
            .iter()
            .map(|c| {
                let j = c.to_json();
                print::test(&j, self.names()).filter(|t| !annotated(&j) && self.same_cond(t, &j))
            })
            .collect();
        let last = head.rsplit('.').next().unwrap_or(head).to_owned();
        if let Some(tests) = tests {
            let one = format!(
                "{last} = [{}]",
                tests
                    .iter()
                    .map(|t| quoted(t))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            if one.chars().count() <= WIDTH {
                self.line(one);
            } else {
                self.line(format!("{last} = ["));
                for (i, t) in tests.iter().enumerate() {
                    self.comments_for(&format!("{place}[{i}]"));
                    self.line(format!("  {},", quoted(t)));
                }
                self.line("]");
            }
            return;
        }
        for (i, c) in items.iter().enumerate() {
            let p = format!("{place}[{i}]");
            self.blank();
            self.comments_for(&p);
            self.cond_entry(&c.to_json(), &format!("[[{head}]]"), head, &p);
        }
    }

    /// One condition as a table under `header_line`: a test with its words, a group, or (where no
    /// words say exactly the same) the earlier form.
    fn cond_entry(&mut self, c: &Json, header_line: &str, head: &str, place: &str) {
        let facts = self.facts;
        self.cond_entry_in(c, header_line, head, place, facts);
    }

    /// `cond_entry` with the facts in scope (a list's fields inside a count's filter).
    fn cond_entry_in(
        &mut self,
        c: &Json,
        header_line: &str,
        head: &str,
        place: &str,
        facts: &[FactDef],
    ) {
        let names = Names { facts };
        // A count whose filter carries words: `test = "count(list) >= 1"` and its `where` tables.
        let (bare, filter) = match c.get("where") {
            Some(w) if w.as_array().is_some_and(|l| l.iter().any(annotated)) => {
                let mut b = c.clone();
                if let Some(m) = b.as_object_mut() {
                    m.remove("where");
                }
                (b, Some(w.clone()))
            }
            _ => (c.clone(), None),
        };
        let words = shared_annotations(&bare).unwrap_or_default();
        if (words.is_empty() || shared_annotations(&bare).is_some())
            && let Some(test) = print::test(&bare, names)
            && self.same_entry(&test, &words, filter.as_ref(), c, facts)
        {
            self.line(header_line);
            self.line(format!("test = {}", quoted(&test)));
            self.words(&words);
            if let (Some(Json::Array(items)), Some(list)) =
                (&filter, c.get("count").and_then(Json::as_str))
            {
                let fields = list_fields(facts, list);
                for (i, item) in items.iter().enumerate() {
                    self.blank();
                    self.cond_entry_in(
                        item,
                        &format!("[[{head}.where]]"),
                        &format!("{head}.where"),
                        &format!("{place}.where[{i}]"),
                        &fields,
                    );
                }
            }
            return;
        }
        for group in ["all", "any"] {
            if let Some(Json::Array(items)) = c.get(group)
                && c.as_object().is_some_and(|m| m.len() == 1)
            {
                // The group's table holds only its items: say which kind of group it is.
                let what = if group == "all" {
                    "all of"
                } else {
                    "any one of"
                };
                self.line(format!("{header_line}  # {what} the conditions below"));
                for (i, item) in items.iter().enumerate() {
                    self.blank();
                    self.cond_entry_in(
                        item,
                        &format!("[[{head}.{group}]]"),
                        &format!("{head}.{group}"),
                        &format!("{place}.{group}[{i}]"),
                        facts,
                    );
                }
                return;
            }
        }
        if let Some(inner) = c.get("not")
            && c.as_object().is_some_and(|m| m.len() == 1)
        {
            self.line(format!("{header_line}  # not the condition below"));
            self.cond_entry_in(
                inner,
                &format!("[{head}.not]"),
                &format!("{head}.not"),
                &format!("{place}.not"),
                facts,
            );
            return;
        }
        self.kept.push(format!("{}: {place}", self.file));
        self.line(header_line);
        for (k, v) in c.as_object().into_iter().flatten() {
            if ["cite", "label"].contains(&k.as_str()) && v.is_object() {
                for (lang, s) in v.as_object().into_iter().flatten() {
                    self.line(format!(
                        "{k}.{lang} = {}",
                        quoted(s.as_str().unwrap_or_default())
                    ));
                }
            } else {
                self.line(format!("{} = {}", key(k), inline(v)));
            }
        }
    }

    fn words(&mut self, words: &Map<String, Json>) {
        for k in ["source", "label", "cite"] {
            match words.get(k) {
                Some(Json::String(s)) => self.line(format!("{k} = {}", quoted(s))),
                Some(Json::Object(t)) => {
                    for (lang, s) in ["zh", "ja", "en"]
                        .iter()
                        .filter_map(|l| Some((*l, t.get(*l)?)))
                    {
                        let s = s.as_str().unwrap_or_default();
                        let value = if print::width(s) + 8 > WIDTH + 20 {
                            wrapped(s, WIDTH)
                        } else {
                            quoted(s)
                        };
                        self.line(format!("{k}.{lang} = {value}"));
                    }
                }
                _ => {}
            }
        }
    }

    /// A named condition's `when`: a test, a table, or a list that must all hold.
    fn derived_when(&mut self, v: &Node, head: &str, place: &str) {
        self.comments_for(place);
        let c = v.to_json();
        if let Some(test) =
            print::test(&c, self.names()).filter(|t| !annotated(&c) && self.same_cond(t, &c))
        {
            self.line(format!("when = {}", quoted(&test)));
            return;
        }
        match c.get("all").and_then(Json::as_array) {
            Some(items) if items.len() >= 2 && shared_annotations(&c).is_none() => {
                for (i, item) in items.iter().enumerate() {
                    self.blank();
                    self.cond_entry(
                        item,
                        &format!("[[{head}]]"),
                        head,
                        &format!("{place}.all[{i}]"),
                    );
                }
            }
            _ => {
                self.blank();
                self.cond_entry(&c, &format!("[{head}]"), head, place);
            }
        }
    }

    fn amount(&mut self, v: &Node, place: &str, head: &str) {
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

    fn case(&mut self, c: &Node, place: &str) {
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

    // ── Checks that the words mean exactly what the earlier form meant ─────────────────────

    fn scope(&self) -> Scope<'_> {
        Scope {
            facts: self.facts,
            derived: self.derived,
        }
    }

    /// Lowers a small table written in the new form and returns its JSON.
    fn lower_back(
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

    fn same_cond(&self, test: &str, original: &Json) -> bool {
        let node = str_node(test);
        let scope = self.scope();
        self.lower_back(&node, |l, n| l.cond(n, scope)).as_ref() == Some(original)
    }

    fn same_entry(
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

    fn same_amount(
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

/// A value on one line, tables' keys in the order they were written.
fn inline_node(v: &Node) -> String {
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
fn fits(v: &Node) -> bool {
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

fn list_fields(facts: &[FactDef], list: &str) -> Vec<FactDef> {
    match facts.iter().find(|f| f.id == list).map(|f| &f.ty) {
        Some(super::lower::Ty::List(f)) => f.clone(),
        _ => Vec::new(),
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
