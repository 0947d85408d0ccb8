//! Amounts: `exact`, `floor`, `cap` or `min` and `max`, each a formula in words
//! (`min(2% × first_loan_principal, 20万元)`) or in the earlier prefix form (`{ mul = [...] }`).

use super::diag::did_you_mean;
use super::expr::{self, Formula};
use super::lower::{CiteAt, Lower, Scope, TestCx, Ty, ty_name};
use super::tree::{Node, Val};
use serde_json::{Map, Value as Json, json};

impl Lower<'_> {
    // ── Amounts ──────────────────────────────────────────────────────────────────────────────

    /// `exact`, `floor` (at least), `cap` (at most) or `min` and `max` (a range), as a formula in
    /// words or the earlier prefix form; `where` beside gives the filter of a count(…) in it.
    pub fn amount(&mut self, n: &Node, scope: Scope) -> Json {
        let Some(t) = self.table(
            n,
            "an amount",
            &[
                "exact", "floor", "cap", "min", "max", "basis", "cite", "where", "source",
            ],
        ) else {
            return n.to_json();
        };
        let where_entries = n.get("where");
        // The amount's `source` is the document behind the thresholds of its `if(…)` conditions.
        self.amount_source = n.get("source").and_then(|s| self.string(s, "source"));
        let mut used_where = false;
        let mut out = Map::new();
        let kinds: Vec<&str> = ["exact", "floor", "cap", "min", "max"]
            .into_iter()
            .filter(|k| n.get(k).is_some())
            .collect();
        if !matches!(
            kinds.as_slice(),
            ["exact"] | ["floor"] | ["cap"] | ["min"] | ["min", "max"]
        ) {
            self.error_help(
                n.span,
                format!("an amount has exact, floor, cap, or min and max (found: {})", kinds.join(", ")),
                Some("exact = the amount; floor = at least (不低于); cap = at most (最高/不超过); min and max = a range".into()),
            );
        }
        for (k, v) in t {
            match k.name.as_str() {
                "source" => {}
                "basis" | "cite" => {
                    let text = self.text(v, &k.name);
                    if k.name == "cite" {
                        self.cites.push(CiteAt {
                            cite: text.clone(),
                            at: v.span,
                        });
                    }
                    out.insert(k.name.clone(), text);
                }
                "exact" | "min" | "max" | "floor" | "cap" => {
                    let f = self.formula_value(v, scope, where_entries, &mut used_where);
                    let key = match k.name.as_str() {
                        "floor" => "min",
                        "cap" => {
                            out.insert("min".into(), json!("0"));
                            "max"
                        }
                        other => other,
                    };
                    out.insert(key.into(), f);
                }
                _ => {}
            }
        }
        if let Some(w) = where_entries
            && !used_where
        {
            self.error(
                w.span,
                "“where” gives the filter of a count(…) written without one in the formula",
            );
        }
        if !out.contains_key("cite") {
            self.error(
                n.span,
                "an amount needs the clause words it comes from (cite)",
            );
        }
        Json::Object(out)
    }

    fn formula_value(
        &mut self,
        n: &Node,
        scope: Scope,
        where_entries: Option<&Node>,
        used_where: &mut bool,
    ) -> Json {
        match &n.val {
            Val::Str(text) => match expr::parse_formula(text) {
                Ok(f) => self
                    .lower_formula(&f, n, scope, where_entries, used_where)
                    .unwrap_or(Json::Null),
                Err(e) => {
                    self.expr_error(n, &e);
                    Json::Null
                }
            },
            Val::Table(_) => self.old_formula(n, scope),
            _ => n.to_json(),
        }
    }

    fn lower_formula(
        &mut self,
        f: &Formula,
        at: &Node,
        scope: Scope,
        where_entries: Option<&Node>,
        used_where: &mut bool,
    ) -> Option<Json> {
        let mut list = |l: &mut Self, key: &str, items: &[Formula]| -> Option<Json> {
            let out: Vec<Json> = items
                .iter()
                .filter_map(|x| l.lower_formula(x, at, scope, where_entries, used_where))
                .collect();
            (out.len() == items.len()).then(|| json!({ key: out }))
        };
        match f {
            Formula::Number(n, u, _) => Some(Json::String(expr::scaled(n, *u))),
            Formula::Fact(name, range) => match scope.fact(name).map(|f| &f.ty) {
                Some(Ty::Int | Ty::Money | Ty::Unknown) => Some(json!({ "fact": name })),
                Some(other) => {
                    let what = ty_name(other);
                    self.expr_error_at(
                        at,
                        *range,
                        format!("“{name}” is {what}: a formula uses amounts and numbers"),
                        None,
                    );
                    None
                }
                None => {
                    let help = did_you_mean(
                        name,
                        scope
                            .facts
                            .iter()
                            .filter(|f| matches!(f.ty, Ty::Int | Ty::Money))
                            .map(|f| f.id.as_str()),
                    );
                    self.expr_error_at(at, *range, format!("unknown fact “{name}”"), help);
                    None
                }
            },
            Formula::Mul(items) => list(self, "mul", items),
            Formula::Add(items) => list(self, "add", items),
            Formula::Min(items) => list(self, "min_of", items),
            Formula::Max(items) => list(self, "max_of", items),
            Formula::Paren(inner) => {
                self.lower_formula(inner, at, scope, where_entries, used_where)
            }
            Formula::If {
                test,
                then,
                otherwise,
            } => {
                let mut ann = Map::new();
                if let Some(s) = &self.amount_source {
                    ann.insert("source".into(), json!(s));
                }
                let mut cx = TestCx {
                    at,
                    ann: &ann,
                    leaves: 0,
                    where_entries: None,
                    where_used: false,
                };
                let when = self.filter_with(Some(test), scope, &mut cx)?;
                let then = self.lower_formula(then, at, scope, where_entries, used_where)?;
                let otherwise =
                    self.lower_formula(otherwise, at, scope, where_entries, used_where)?;
                Some(json!({ "if": when, "then": then, "else": otherwise }))
            }
            Formula::Count {
                list: name,
                at: range,
                filter,
            } => {
                let Some(Ty::List(fields)) = scope.fact(name).map(|f| f.ty.clone()) else {
                    self.expr_error_at(
                        at,
                        *range,
                        format!("“{name}” is not a list fact: only lists are counted"),
                        None,
                    );
                    return None;
                };
                let item_scope = Scope {
                    facts: &fields,
                    derived: scope.derived,
                };
                let mut out = Map::new();
                out.insert("count".into(), json!(name));
                let mut cx = TestCx {
                    at,
                    ann: &Map::new(),
                    leaves: 0,
                    where_entries,
                    where_used: false,
                };
                if let Some(w) = self.filter(filter.as_deref(), item_scope, &mut cx) {
                    out.insert("where".into(), Json::Array(w));
                }
                *used_where |= cx.where_used;
                Some(Json::Object(out))
            }
        }
    }

    /// `{ mul = [...] }`, `{ fact = … }`, `{ count = …, where = [...] }`: the earlier form.
    fn old_formula(&mut self, n: &Node, scope: Scope) -> Json {
        let ops = ["fact", "mul", "add", "min_of", "max_of", "count"];
        let Some(op) = ops.into_iter().find(|k| n.get(k).is_some()) else {
            self.error(
                n.span,
                "a formula is written in words (\"2% × fact\") or as { mul = [...] }",
            );
            return Json::Null;
        };
        let allowed: &[&str] = if op == "count" {
            &["count", "where"]
        } else {
            &[op]
        };
        self.table(n, "a formula", allowed);
        let mut out = Map::new();
        match op {
            "fact" | "count" => {
                out.insert(op.into(), n.get(op).map_or(Json::Null, Node::to_json));
                if let Some(w) = n.get("where") {
                    let list = n.get("count").and_then(Node::as_str).unwrap_or_default();
                    let fields = self.list_fields(list, scope);
                    let filter = self.cond_list(
                        w,
                        Scope {
                            facts: &fields,
                            derived: scope.derived,
                        },
                        "where",
                    );
                    out.insert("where".into(), Json::Array(filter));
                }
            }
            _ => {
                let items = match n.get(op).map(|v| &v.val) {
                    Some(Val::Arr(items)) => items
                        .iter()
                        .map(|x| self.formula_value(x, scope, None, &mut false))
                        .collect(),
                    _ => {
                        self.error(n.span, format!("“{op}” takes a list of terms"));
                        Vec::new()
                    }
                };
                out.insert(op.into(), Json::Array(items));
            }
        }
        Json::Object(out)
    }
}
