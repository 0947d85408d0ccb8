//! From the authored tree to the engine's JSON. The rule language (tests and formulas in words,
//! money in 元/万元/亿元, percentages, `floor`/`cap`) becomes exactly the document the engine has
//! always loaded; the earlier form (`{ fact = …, op = …, value = … }`, `{ mul = [...] }`) is still
//! read, so a folder can move over measure by measure. Every table's keys are checked here, with the
//! line and column of a key nobody reads, and a suggestion.

use super::checks;
use super::diag::{Diags, did_you_mean};
use super::expr::{self, Cond, ExprError, Lit, Operand, Subject, Unit};
use super::tree::{Key, Node, Source, Span, Val};
use serde_json::{Map, Value as Json, json};

/// The type of a fact, as far as tests and formulas care.
#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    Bool,
    Int,
    Money,
    Year,
    Date,
    Enum(Vec<String>),
    List(Vec<FactDef>),
    /// Not known (the fact itself has a problem, reported where it is declared).
    Unknown,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FactDef {
    pub id: String,
    pub ty: Ty,
    pub computed: bool,
}

/// What names a test or formula can use: facts (or a list item's fields) and named conditions.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub facts: &'a [FactDef],
    pub derived: &'a [String],
}

impl Scope<'_> {
    pub(super) fn fact(&self, id: &str) -> Option<&FactDef> {
        self.facts.iter().find(|f| f.id == id)
    }
    fn suggest(&self, word: &str) -> Option<String> {
        did_you_mean(
            word,
            self.facts
                .iter()
                .map(|f| f.id.as_str())
                .chain(self.derived.iter().map(String::as_str)),
        )
    }
}

/// The facts declared in `[[facts]]` lists, read leniently: their problems are reported when the
/// facts themselves are lowered.
pub fn fact_defs(items: &[Node]) -> Vec<FactDef> {
    items.iter().filter_map(fact_def).collect()
}

fn fact_def(n: &Node) -> Option<FactDef> {
    let id = n.get("id")?.as_str()?.to_owned();
    let ty = match n.get("type").and_then(Node::as_str) {
        Some("bool") => Ty::Bool,
        Some("int") => Ty::Int,
        Some("money") => Ty::Money,
        Some("year") => Ty::Year,
        Some("date") => Ty::Date,
        Some("enum") => Ty::Enum(match n.get("values").map(|v| &v.val) {
            Some(Val::Arr(items)) => items
                .iter()
                .filter_map(|c| c.get("id").and_then(Node::as_str).map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }),
        Some("list") => Ty::List(match n.get("fields").map(|v| &v.val) {
            Some(Val::Arr(items)) => fact_defs(items),
            _ => Vec::new(),
        }),
        _ => Ty::Unknown,
    };
    let computed = matches!(n.get("computed").map(|v| &v.val), Some(Val::Bool(true)));
    Some(FactDef { id, ty, computed })
}

/// A cite written somewhere in a file, to be found in a clause text.
pub struct CiteAt {
    pub cite: Json,
    pub at: Span,
}

/// Lowers one file's tables; problems go to `diags`.
pub struct Lower<'a> {
    pub src: &'a Source,
    pub diags: &'a mut Diags,
    /// The cites met in conditions, windows and amounts of the measure being read.
    pub cites: Vec<CiteAt>,
    /// The cites of each named condition read, checked once every clause is known.
    pub derived_cites: Vec<(String, Vec<CiteAt>)>,
    /// Whether a number in a condition must say where it comes from: in a measure's or a named
    /// condition's tests, not in a question's `ask_if` (which only decides when it is asked).
    pub legal: bool,
    /// The ruleset's id and the measure being read, for the waivers of `checks::WAIVED`.
    pub ruleset_id: &'a str,
    pub measure: u64,
    /// The document behind the thresholds in the conditions of the amount being read (an
    /// `if(…)` of its formula): the amount's `source`.
    pub amount_source: Option<String>,
}

pub const TEXT_KEYS: &[&str] = &["zh", "ja", "en"];
const ANNOTATIONS: &[&str] = &["cite", "source", "label"];
const OLD_COND_KEYS: &[&str] = &[
    "all", "any", "not", "ref", "fact", "count", "where", "op", "value", "label", "cite", "source",
];

impl Lower<'_> {
    pub fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diags.span(self.src, span, message);
    }

    pub(super) fn error_help(
        &mut self,
        span: Span,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.diags.span_help(self.src, span, message, help);
    }

    /// The entries of a table whose keys must be among `allowed` (each other key is an error).
    pub fn table<'n>(
        &mut self,
        n: &'n Node,
        what: &str,
        allowed: &[&str],
    ) -> Option<&'n [(Key, Node)]> {
        let Some(t) = n.table() else {
            self.error(n.span, format!("{what} must be a table, not {}", n.kind()));
            return None;
        };
        for (k, _) in t {
            if !allowed.contains(&k.name.as_str()) {
                let help = did_you_mean(&k.name, allowed.iter().copied())
                    .or_else(|| Some(format!("{what} takes {}", allowed.join(", "))));
                self.error_help(k.span, format!("unknown key “{}” in {what}", k.name), help);
            }
        }
        Some(t)
    }

    pub fn string(&mut self, n: &Node, what: &str) -> Option<String> {
        match &n.val {
            Val::Str(s) => Some(s.clone()),
            _ => {
                self.error(n.span, format!("{what} must be a string, not {}", n.kind()));
                None
            }
        }
    }

    /// A text in three languages: `{ zh = …, ja = …, en = … }` or `x.zh = …` lines.
    pub fn text(&mut self, n: &Node, what: &str) -> Json {
        let Some(t) = self.table(n, what, TEXT_KEYS) else {
            return n.to_json();
        };
        let mut out = Map::new();
        for (k, v) in t {
            if TEXT_KEYS.contains(&k.name.as_str()) {
                out.insert(k.name.clone(), v.to_json());
                if v.as_str().is_none() {
                    self.error(
                        v.span,
                        format!("{what}.{} must be a string, not {}", k.name, v.kind()),
                    );
                }
            }
        }
        for lang in TEXT_KEYS {
            if !out.contains_key(*lang) {
                self.error(n.span, format!("{what} has no “{lang}” text"));
            }
        }
        Json::Object(out)
    }

    /// A date: `"2023-01-01"` or a TOML date.
    pub fn date(&mut self, n: &Node, what: &str) -> Json {
        match &n.val {
            Val::Str(s) | Val::Date(s) => {
                if s.len() != 10 {
                    self.error(
                        n.span,
                        format!("{what} must be a date YYYY-MM-DD, not “{s}”"),
                    );
                }
                Json::String(s.clone())
            }
            _ => {
                self.error(
                    n.span,
                    format!("{what} must be a date YYYY-MM-DD, not {}", n.kind()),
                );
                n.to_json()
            }
        }
    }

    // ── Conditions ───────────────────────────────────────────────────────────────────────────

    /// A list of conditions (`when = [...]`, `[[parts.when]]`, `where`): each a test in words or a
    /// table.
    pub fn cond_list(&mut self, n: &Node, scope: Scope, what: &str) -> Vec<Json> {
        match &n.val {
            Val::Arr(items) => items.iter().filter_map(|c| self.cond(c, scope)).collect(),
            _ => {
                self.error(
                    n.span,
                    format!("{what} must be a list of conditions, not {}", n.kind()),
                );
                Vec::new()
            }
        }
    }

    /// One condition: a test in words (`"a <= 10万元"`), a table `{ test = …, cite = …, source = …,
    /// label = …, where = [...] }`, a group `{ all = [...] }`, `{ any = [...] }`, `{ not = … }`, or
    /// the earlier `{ fact = …, op = …, value = … }` / `{ ref = … }` / `{ count = … }`.
    pub fn cond(&mut self, n: &Node, scope: Scope) -> Option<Json> {
        if let Val::Str(text) = &n.val {
            return self.test(text, n, &[], None, scope);
        }
        let Some(t) = n.table() else {
            self.error(
                n.span,
                format!(
                    "a condition is a test in words or a table, not {}",
                    n.kind()
                ),
            );
            return None;
        };
        if let Some(test) = n.get("test") {
            self.table(
                n,
                "a condition",
                &["test", "cite", "source", "label", "where"],
            );
            let text = self.string(test, "test")?;
            let annotations: Vec<&(Key, Node)> = t
                .iter()
                .filter(|(k, _)| ANNOTATIONS.contains(&k.name.as_str()))
                .collect();
            return self.test(&text, test, &annotations, n.get("where"), scope);
        }
        let groups: Vec<&str> = ["all", "any", "not"]
            .into_iter()
            .filter(|k| n.get(k).is_some())
            .collect();
        if let [group] = groups.as_slice()
            && ["fact", "count", "ref"].iter().all(|k| n.get(k).is_none())
        {
            // Words belong to a comparison: on a group the engine would never show them.
            self.table(n, &format!("an “{group}” group"), &[group]);
            let inner = n.get(group)?;
            return Some(if *group == "not" {
                json!({ "not": self.cond(inner, scope)? })
            } else {
                let items = self.cond_list(inner, scope, group);
                if items.is_empty() {
                    self.error(
                        inner.span,
                        format!("“{group}” needs at least one condition"),
                    );
                }
                json!({ *group: items })
            });
        }
        self.old_cond(n, scope)
    }

    /// The earlier form of a condition, kept as written apart from its nested lists.
    fn old_cond(&mut self, n: &Node, scope: Scope) -> Option<Json> {
        let allowed: &[&str] = if n.get("ref").is_some() {
            &["ref"]
        } else if n.get("count").is_some() {
            &["count", "where", "op", "value", "label", "cite", "source"]
        } else if n.get("fact").is_some() {
            &["fact", "op", "value", "label", "cite", "source"]
        } else {
            self.error_help(
                n.span,
                "a condition needs “test” (or fact, count, ref, all, any, not)",
                Some("write test = \"fact <= 10万元\"".into()),
            );
            return None;
        };
        let t = self.table(n, "a condition", allowed)?;
        let mut out = Map::new();
        for (k, v) in t {
            if !OLD_COND_KEYS.contains(&k.name.as_str()) {
                continue;
            }
            let value = match k.name.as_str() {
                "cite" | "label" => self.text(v, &k.name),
                "where" => {
                    let list = n.get("count").and_then(Node::as_str).unwrap_or_default();
                    let fields = self.list_fields(list, scope);
                    Json::Array(self.cond_list(
                        v,
                        Scope {
                            facts: &fields,
                            derived: scope.derived,
                        },
                        "where",
                    ))
                }
                _ => self.value(v),
            };
            out.insert(k.name.clone(), value);
        }
        let unsourced_number = match (n.get("fact").and_then(Node::as_str), n.get("value")) {
            (Some(fact), Some(v)) => scope.fact(fact).is_some_and(|f| numeric(&f.ty, v)),
            (None, Some(_)) => n.get("count").is_some(),
            _ => false,
        };
        if self.legal
            && unsourced_number
            && !out.contains_key("cite")
            && !out.contains_key("source")
        {
            let fact = n
                .get("fact")
                .or(n.get("count"))
                .and_then(Node::as_str)
                .unwrap_or_default();
            let at = n.get("value").map_or(n.span, |v| v.span);
            self.unsourced(at.0, fact);
        }
        if let Some(c) = out.get("cite") {
            self.cites.push(CiteAt {
                cite: c.clone(),
                at: n.get("cite").map_or(n.span, |c| c.span),
            });
        }
        Some(Json::Object(out))
    }

    fn value(&self, v: &Node) -> Json {
        match &v.val {
            Val::Arr(items) => Json::Array(items.iter().map(|x| self.value(x)).collect()),
            _ => v.to_json(),
        }
    }

    /// A number (a quantity, a date, an offset) in a condition that does not say where it is from.
    fn unsourced(&mut self, offset: usize, fact: &str) {
        let waiver = format!("unsourced {fact}");
        let message = format!(
            "the number compared with “{fact}” needs the clause words it comes from (cite) or the document behind it (source)"
        );
        let help = Some("add cite.zh/ja/en = the words of the clause, or source = \"<id in ruleset.toml [[sources]]>\"".into());
        if checks::waived(self.ruleset_id, self.measure, &waiver) {
            let (line, col) = self.src.line_col(offset);
            self.diags.waived.push(super::diag::Diag {
                file: self.src.path.clone(),
                line,
                col,
                message,
                help,
            });
        } else {
            self.diags.at(self.src, offset, message, help);
        }
    }

    pub(super) fn list_fields(&self, list: &str, scope: Scope) -> Vec<FactDef> {
        match scope.fact(list).map(|f| &f.ty) {
            Some(Ty::List(fields)) => fields.clone(),
            _ => Vec::new(),
        }
    }

    /// A test in words, with the words (cite, source, label) for each comparison in it.
    fn test(
        &mut self,
        text: &str,
        at: &Node,
        annotations: &[&(Key, Node)],
        where_entries: Option<&Node>,
        scope: Scope,
    ) -> Option<Json> {
        let cond = match expr::parse_test(text) {
            Ok(c) => c,
            Err(e) => {
                self.expr_error(at, &e);
                return None;
            }
        };
        let mut ann = Map::new();
        for (k, v) in annotations {
            let value = if k.name == "source" {
                self.string(v, "source").map_or(Json::Null, Json::String)
            } else {
                self.text(v, &k.name)
            };
            ann.insert(k.name.clone(), value);
        }
        let mut cx = TestCx {
            at,
            ann: &ann,
            leaves: 0,
            where_entries,
            where_used: false,
        };
        let out = self.lower_cond(&cond, scope, &mut cx);
        if !ann.is_empty() && cx.leaves == 0 && out.is_some() {
            self.error(at.span, "a named condition carries its own words: cite, source and label belong in derived.toml");
        }
        if let Some(w) = where_entries
            && !cx.where_used
        {
            self.error(
                w.span,
                "“where” gives the filter of a count(…) written without one in the test",
            );
        }
        if let Some(c) = ann.get("cite") {
            self.cites.push(CiteAt {
                cite: c.clone(),
                at: annotations
                    .iter()
                    .find(|(k, _)| k.name == "cite")
                    .map_or(at.span, |(_, v)| v.span),
            });
        }
        out
    }

    pub(super) fn expr_error(&mut self, at: &Node, e: &ExprError) {
        let offset = self.src.offset_in_string(at.span, e.at.0);
        self.diags.at(self.src, offset, e.message.clone(), None);
    }

    pub(super) fn expr_error_at(
        &mut self,
        at: &Node,
        range: expr::At,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        let offset = self.src.offset_in_string(at.span, range.0);
        self.diags.at(self.src, offset, message, help);
    }

    fn lower_cond(&mut self, c: &Cond, scope: Scope, cx: &mut TestCx) -> Option<Json> {
        match c {
            Cond::All(items) | Cond::Any(items) => {
                let key = if matches!(c, Cond::All(_)) {
                    "all"
                } else {
                    "any"
                };
                let out: Vec<Json> = items
                    .iter()
                    .filter_map(|x| self.lower_cond(x, scope, cx))
                    .collect();
                (out.len() == items.len()).then(|| json!({ key: out }))
            }
            Cond::Not(inner) => Some(json!({ "not": self.lower_cond(inner, scope, cx)? })),
            Cond::Paren(inner) => self.lower_cond(inner, scope, cx),
            Cond::Name(name, range) => {
                if let Some(f) = scope.fact(name) {
                    if f.ty != Ty::Bool && f.ty != Ty::Unknown {
                        self.expr_error_at(
                            cx.at,
                            *range,
                            format!("“{name}” is not a yes/no fact: compare it ({name} = …, >= …)"),
                            None,
                        );
                        return None;
                    }
                    cx.leaves += 1;
                    let mut leaf = Map::new();
                    leaf.insert("fact".into(), json!(name));
                    leaf.extend(cx.ann.clone());
                    Some(Json::Object(leaf))
                } else if scope.derived.iter().any(|d| d == name) {
                    Some(json!({ "ref": name }))
                } else {
                    let help = scope.suggest(name);
                    self.expr_error_at(
                        cx.at,
                        *range,
                        format!("unknown fact or named condition “{name}”"),
                        help,
                    );
                    None
                }
            }
            Cond::Compare {
                subject,
                op,
                op_at,
                operand,
            } => self.compare(subject, op, *op_at, operand, scope, cx),
        }
    }

    fn compare(
        &mut self,
        subject: &Subject,
        op: &str,
        op_at: expr::At,
        operand: &Operand,
        scope: Scope,
        cx: &mut TestCx,
    ) -> Option<Json> {
        let mut leaf = Map::new();
        let ty = match subject {
            Subject::Fact(name, range) => {
                let Some(f) = scope.fact(name) else {
                    let help = scope.suggest(name);
                    self.expr_error_at(cx.at, *range, format!("unknown fact “{name}”"), help);
                    return None;
                };
                leaf.insert("fact".into(), json!(name));
                f.ty.clone()
            }
            Subject::Count { list, at, filter } => {
                let fields = match scope.fact(list).map(|f| &f.ty) {
                    Some(Ty::List(fields)) => fields.clone(),
                    _ => {
                        let help = did_you_mean(
                            list,
                            scope
                                .facts
                                .iter()
                                .filter(|f| matches!(f.ty, Ty::List(_)))
                                .map(|f| f.id.as_str()),
                        );
                        self.expr_error_at(
                            cx.at,
                            *at,
                            format!("“{list}” is not a list fact: only lists are counted"),
                            help,
                        );
                        return None;
                    }
                };
                leaf.insert("count".into(), json!(list));
                let item_scope = Scope {
                    facts: &fields,
                    derived: scope.derived,
                };
                if let Some(w) = self.filter(filter.as_deref(), item_scope, cx) {
                    leaf.insert("where".into(), Json::Array(w));
                }
                Ty::Int
            }
        };
        let allowed = match &ty {
            Ty::Bool => matches!(op, "=" | "!="),
            Ty::Enum(_) => matches!(op, "=" | "!=" | "in" | "not_in"),
            Ty::List(_) => false,
            Ty::Unknown => true,
            _ => !matches!(op, "in" | "not_in"),
        };
        if !allowed {
            self.expr_error_at(
                cx.at,
                op_at,
                format!(
                    "“{}” does not apply to {}",
                    op.replace('_', " "),
                    ty_name(&ty)
                ),
                None,
            );
            return None;
        }
        let value = match operand {
            Operand::One(lit, at) => self.operand(lit, *at, &ty, cx)?,
            Operand::List(items, at) => {
                if !matches!(ty, Ty::Enum(_)) {
                    self.expr_error_at(
                        cx.at,
                        *at,
                        "a list of choices belongs to “in” / “not in” on a choice fact",
                        None,
                    );
                    return None;
                }
                let out: Vec<Json> = items
                    .iter()
                    .filter_map(|(l, a)| self.operand(l, *a, &ty, cx))
                    .collect();
                if out.len() != items.len() {
                    return None;
                }
                Json::Array(out)
            }
            Operand::Range((lo, lo_at), (hi, hi_at)) => {
                let lo = self.operand(lo, *lo_at, &ty, cx);
                let hi = self.operand(hi, *hi_at, &ty, cx);
                json!([lo?, hi?])
            }
        };
        if matches!(ty, Ty::Enum(_)) && matches!(op, "in" | "not_in") && !value.is_array() {
            self.expr_error_at(cx.at, op_at, "“in” takes a list: in [a, b]", None);
            return None;
        }
        leaf.insert("op".into(), json!(op));
        leaf.insert("value".into(), value);
        cx.leaves += 1;
        let has_number = operand_has_number(operand);
        leaf.extend(cx.ann.clone());
        if self.legal && has_number && !leaf.contains_key("cite") && !leaf.contains_key("source") {
            let offset = self.src.offset_in_string(cx.at.span, op_at.1);
            let fact = match subject {
                Subject::Fact(f, _) => f,
                Subject::Count { list, .. } => list,
            };
            self.unsourced(offset, fact);
        }
        Some(Json::Object(leaf))
    }

    /// The filter of a count: written inside (`count(hires where …)`), or beside it (`where`).
    /// The conditions of an `if(…)` in a formula: as a filter's, with the amount's source on them.
    pub(super) fn filter_with(
        &mut self,
        inline: Option<&Cond>,
        scope: Scope,
        cx: &mut TestCx,
    ) -> Option<Vec<Json>> {
        let c = inline?;
        let items: Vec<&Cond> = match c {
            Cond::All(items) => items.iter().collect(),
            other => vec![other],
        };
        Some(
            items
                .iter()
                .filter_map(|x| self.lower_cond(x, scope, cx))
                .collect(),
        )
    }

    pub(super) fn filter(
        &mut self,
        inline: Option<&Cond>,
        item_scope: Scope,
        cx: &mut TestCx,
    ) -> Option<Vec<Json>> {
        match inline {
            Some(c) => {
                // The top level of a filter is its list (all must hold); brackets keep a group.
                let items: Vec<&Cond> = match c {
                    Cond::All(items) => items.iter().collect(),
                    other => vec![other],
                };
                let mut inner = TestCx {
                    at: cx.at,
                    ann: &Map::new(),
                    leaves: 0,
                    where_entries: None,
                    where_used: false,
                };
                let out: Vec<Json> = items
                    .iter()
                    .filter_map(|x| self.lower_cond(x, item_scope, &mut inner))
                    .collect();
                Some(out)
            }
            None => {
                let w = cx.where_entries?;
                cx.where_used = true;
                Some(self.cond_list(w, item_scope, "where"))
            }
        }
    }

    fn operand(&mut self, lit: &Lit, at: expr::At, ty: &Ty, cx: &TestCx) -> Option<Json> {
        let bad = |l: &mut Self, message: String| {
            l.expr_error_at(cx.at, at, message, None);
            None
        };
        match (ty, lit) {
            (Ty::Unknown, _) => Some(Json::Null),
            (Ty::Bool, Lit::Word(w)) if w == "true" || w == "false" => {
                Some(Json::Bool(w == "true"))
            }
            (Ty::Bool, _) => bad(self, "a yes/no fact is compared with true or false".into()),
            (Ty::Int, Lit::Number(n, Unit::None)) if !n.contains('.') => match n.parse::<i64>() {
                Ok(i) => Some(json!(i)),
                Err(_) => bad(self, format!("{n} is too large")),
            },
            (Ty::Int, _) => bad(
                self,
                "a count or number of persons is a whole number, without a unit".into(),
            ),
            (Ty::Money, Lit::Number(n, u)) if *u != Unit::Percent => {
                Some(Json::String(expr::scaled(n, *u)))
            }
            (Ty::Money, _) => bad(
                self,
                "an amount of money: write 2000元, 10万元 or 1.5亿元".into(),
            ),
            (Ty::Year, Lit::Number(n, Unit::None)) if !n.contains('.') => match n.parse::<i64>() {
                Ok(i) => Some(json!(i)),
                Err(_) => bad(self, format!("{n} is not a year")),
            },
            (Ty::Year, Lit::Word(w)) if relative(w, "as_of_year", false) => Some(json!(w)),
            (Ty::Year, _) => bad(self, "a year: 2023, as_of_year or as_of_year-1".into()),
            (Ty::Date, Lit::Date(d)) => Some(json!(d)),
            (Ty::Date, Lit::Word(w)) if relative(w, "as_of", true) => Some(json!(w)),
            (Ty::Date, _) => bad(
                self,
                "a date: 2023-01-01, as_of, as_of-3y, as_of+30d or as_of-6m".into(),
            ),
            (Ty::Enum(choices), Lit::Word(w)) => {
                if !choices.iter().any(|c| c == w) {
                    let help = did_you_mean(w, choices.iter().map(String::as_str))
                        .or_else(|| Some(format!("the choices are {}", choices.join(", "))));
                    self.expr_error_at(
                        cx.at,
                        at,
                        format!("“{w}” is not one of the fact's choices"),
                        help,
                    );
                    return None;
                }
                Some(json!(w))
            }
            (Ty::Enum(_), _) => bad(self, "a choice fact is compared with a choice id".into()),
            (Ty::List(_), _) => bad(self, "a list is counted: count(list) >= 1".into()),
        }
    }
}

pub(super) struct TestCx<'a> {
    pub(super) at: &'a Node,
    pub(super) ann: &'a Map<String, Json>,
    pub(super) leaves: usize,
    pub(super) where_entries: Option<&'a Node>,
    pub(super) where_used: bool,
}

pub(super) fn ty_name(ty: &Ty) -> &'static str {
    match ty {
        Ty::Bool => "a yes/no fact",
        Ty::Int => "a number",
        Ty::Money => "an amount of money",
        Ty::Year => "a year",
        Ty::Date => "a date",
        Ty::Enum(_) => "a choice fact",
        Ty::List(_) => "a list",
        Ty::Unknown => "a fact",
    }
}

/// `as_of`, `as_of-3y`, `as_of+30d` (dates: y, m or d) or `as_of_year`, `as_of_year-1` (years).
fn relative(w: &str, base: &str, dated: bool) -> bool {
    let Some(rest) = w.strip_prefix(base) else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('+')) else {
        return false;
    };
    let digits = if dated {
        match rest.strip_suffix(['y', 'm', 'd']) {
            Some(d) => d,
            None => return false,
        }
    } else {
        rest
    };
    !digits.is_empty() && digits.len() <= 5 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a test's threshold is a number someone chose (a quantity, a date, an offset from the
/// as-of date), which must then say where it comes from.
fn operand_has_number(o: &Operand) -> bool {
    let lit = |l: &Lit| match l {
        Lit::Number(..) | Lit::Date(_) => true,
        Lit::Word(w) => w.starts_with("as_of") && w != "as_of" && w != "as_of_year",
    };
    match o {
        Operand::One(l, _) => lit(l),
        Operand::List(items, _) => items.iter().any(|(l, _)| lit(l)),
        Operand::Range(a, b) => lit(&a.0) || lit(&b.0),
    }
}

/// The same question for the earlier form: `value` against a fact of this type.
fn numeric(ty: &Ty, v: &Node) -> bool {
    let one = |v: &Node| match &v.val {
        Val::Int(_) | Val::Float(_) | Val::Date(_) => true,
        Val::Str(s) => s != "as_of" && s != "as_of_year",
        _ => false,
    };
    match ty {
        Ty::Int | Ty::Money | Ty::Year | Ty::Date => match &v.val {
            Val::Arr(items) => items.iter().any(one),
            _ => one(v),
        },
        _ => false,
    }
}
