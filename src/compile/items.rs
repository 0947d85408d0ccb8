//! The tables of a ruleset folder, key by key: `ruleset.toml`, `[[facts]]`, `[size_standard]`,
//! `[[derived]]`, one measure per file with its `[[cases]]`. Each function checks the keys it is
//! given (an unknown key is an error with a suggestion) and returns the engine's JSON.

use super::checks;
use super::diag::did_you_mean;
use super::lower::{Lower, Scope, TEXT_KEYS};
use super::tree::{Node, Val};
use serde_json::{Map, Value as Json, json};

/// Texts in three languages: a `{zh, ja, en}` table wherever one of these keys appears.
const TEXT_FIELDS: &[&str] = &[
    "title",
    "document",
    "issuer",
    "source_text",
    "name",
    "label",
    "help",
    "unit",
    "kind_reason",
    "text",
    "text_note",
    "note",
    "basis",
    "cite",
];

impl Lower<'_> {
    /// A table whose values are texts, ids, numbers and lists of plain tables, checked against
    /// `allowed` keys, nested lists' items against `item_keys`.
    fn plain(
        &mut self,
        n: &Node,
        what: &str,
        allowed: &[&str],
        item_keys: &[(&str, &[&str])],
    ) -> Json {
        let Some(t) = self.table(n, what, allowed) else {
            return n.to_json();
        };
        let mut out = Map::new();
        for (k, v) in t {
            if !allowed.contains(&k.name.as_str()) {
                continue;
            }
            let value = if let Some((_, keys)) = item_keys.iter().find(|(name, _)| *name == k.name)
            {
                match &v.val {
                    Val::Arr(items) => Json::Array(
                        items
                            .iter()
                            .map(|x| self.plain(x, &format!("an item of “{}”", k.name), keys, &[]))
                            .collect(),
                    ),
                    _ => self.plain(v, &format!("“{}”", k.name), keys, &[]),
                }
            } else if TEXT_FIELDS.contains(&k.name.as_str()) && v.table().is_some() {
                self.text(v, &k.name)
            } else {
                v.to_json()
            };
            out.insert(k.name.clone(), value);
        }
        Json::Object(out)
    }

    /// `ruleset.toml`, without the lists other files may hold (facts, derived, sources, size).
    pub fn ruleset_head(&mut self, n: &Node) -> Map<String, Json> {
        const KEYS: &[&str] = &[
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
        ];
        let mut out = Map::new();
        let Some(t) = self.table(n, "ruleset.toml", KEYS) else {
            return out;
        };
        for (k, v) in t {
            let value = match k.name.as_str() {
                "title" | "document" | "issuer" | "source" => self.text(v, &k.name),
                "issued" => self.date(v, "issued"),
                "chapters" | "sections" => self.list_of(v, &k.name, &["id", "title"]),
                "departments" => self.list_of(v, "departments", &["id", "name"]),
                // Read with their own files' rules by the caller.
                "sources" | "facts" | "size_standard" | "derived" => v.to_json(),
                _ => v.to_json(),
            };
            out.insert(k.name.clone(), value);
        }
        out
    }

    pub fn list_of(&mut self, v: &Node, what: &str, keys: &[&str]) -> Json {
        match &v.val {
            Val::Arr(items) => Json::Array(
                items
                    .iter()
                    .map(|x| self.plain(x, &format!("an item of “{what}”"), keys, &[]))
                    .collect(),
            ),
            _ => {
                self.error(v.span, format!("“{what}” must be a list ([[{what}]])"));
                v.to_json()
            }
        }
    }

    pub fn sources(&mut self, v: &Node) -> Json {
        let out = self.list_of(v, "sources", &["id", "title", "evidence", "url", "date"]);
        if let Val::Arr(items) = &v.val {
            for s in items {
                if let Some(e) = s.get("evidence")
                    && !matches!(e.as_str(), Some("cited" | "verify" | "official"))
                {
                    self.error_with(e, "evidence is “official” (checked against the official text), “cited” (quoted by independent public sources) or “verify” (widely known, not yet checked)");
                }
            }
        }
        out
    }

    fn error_with(&mut self, n: &Node, message: &str) {
        self.error(n.span, message);
    }

    /// `[[facts]]`: the questions, with their own `ask_if` conditions and list fields.
    pub fn facts(&mut self, v: &Node, scope: Scope, top: bool) -> Json {
        const KEYS: &[&str] = &[
            "id",
            "type",
            "section",
            "label",
            "help",
            "unit",
            "min",
            "max",
            "values",
            "fields",
            "max_items",
            "ask_if",
            "source",
            "computed",
        ];
        let Val::Arr(items) = &v.val else {
            self.error(v.span, "“facts” must be a list ([[facts]])");
            return v.to_json();
        };
        let mut out = Vec::new();
        for f in items {
            let Some(t) = self.table(f, "a fact", KEYS) else {
                continue;
            };
            let mut fact = Map::new();
            for (k, v) in t {
                let value = match k.name.as_str() {
                    "label" | "help" | "unit" => self.text(v, &k.name),
                    "values" => self.list_of(v, "values", &["id", "label"]),
                    "fields" if top => {
                        let fields = match scope
                            .facts
                            .iter()
                            .find(|x| Some(x.id.as_str()) == f.get("id").and_then(Node::as_str))
                        {
                            Some(super::lower::FactDef {
                                ty: super::lower::Ty::List(fields),
                                ..
                            }) => fields.clone(),
                            _ => Vec::new(),
                        };
                        self.facts(
                            v,
                            Scope {
                                facts: &fields,
                                derived: scope.derived,
                            },
                            false,
                        )
                    }
                    "ask_if" => {
                        self.legal = false;
                        let c = self.cond(v, scope).unwrap_or(Json::Null);
                        self.legal = true;
                        c
                    }
                    "type" => {
                        let ty = v.as_str().unwrap_or_default();
                        const TYPES: &[&str] =
                            &["bool", "int", "money", "year", "date", "enum", "list"];
                        if !TYPES.contains(&ty) {
                            let help = did_you_mean(ty, TYPES.iter().copied());
                            self.diags.span_help(
                                self.src,
                                v.span,
                                format!("unknown fact type “{ty}”"),
                                help,
                            );
                        }
                        v.to_json()
                    }
                    _ => v.to_json(),
                };
                fact.insert(k.name.clone(), value);
            }
            out.push(Json::Object(fact));
        }
        Json::Array(out)
    }

    /// `[size_standard]`: bounds keyed by fact names.
    pub fn size_standard(&mut self, v: &Node) -> Json {
        self.plain(
            v,
            "the size standard",
            &[
                "id",
                "title",
                "source",
                "industry_fact",
                "class_fact",
                "groups",
                "declared",
            ],
            &[
                ("groups", &["industry", "sme_below", "medium", "small"]),
                ("declared", &["industry", "fact"]),
            ],
        )
    }

    /// `[[derived]]`: named conditions. `when` is one condition, or a list that must all hold.
    pub fn derived(&mut self, v: &Node, scope: Scope) -> Json {
        let Val::Arr(items) = &v.val else {
            self.error(v.span, "“derived” must be a list ([[derived]])");
            return v.to_json();
        };
        let mut out = Vec::new();
        for d in items {
            let Some(t) = self.table(d, "a named condition", &["id", "label", "when"]) else {
                continue;
            };
            let mut item = Map::new();
            for (k, v) in t {
                let value = match k.name.as_str() {
                    "label" => self.text(v, "label"),
                    "when" => match &v.val {
                        Val::Arr(list) if list.len() != 1 => {
                            json!({ "all": self.cond_list(v, scope, "when") })
                        }
                        Val::Arr(list) => list
                            .first()
                            .and_then(|c| self.cond(c, scope))
                            .unwrap_or(Json::Null),
                        _ => self.cond(v, scope).unwrap_or(Json::Null),
                    },
                    _ => v.to_json(),
                };
                item.insert(k.name.clone(), value);
            }
            let id = d
                .get("id")
                .and_then(Node::as_str)
                .unwrap_or_default()
                .to_owned();
            let cites = std::mem::take(&mut self.cites);
            self.derived_cites.push((id, cites));
            out.push(Json::Object(item));
        }
        Json::Array(out)
    }

    /// One measure file: the measure, and its example cases apart.
    pub fn measure(&mut self, n: &Node, scope: Scope) -> (Json, Vec<Json>) {
        const KEYS: &[&str] = &[
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
            "cases",
        ];
        let mut out = Map::new();
        let mut cases = Vec::new();
        let Some(t) = self.table(n, "a measure", KEYS) else {
            return (n.to_json(), cases);
        };
        self.cites.clear();
        self.measure = n
            .get("id")
            .and_then(|v| match v.val {
                Val::Int(i) => u64::try_from(i).ok(),
                _ => None,
            })
            .unwrap_or(0);
        for (k, v) in t {
            let value = match k.name.as_str() {
                "kind_reason" | "title" | "text" | "text_note" | "note" => self.text(v, &k.name),
                "kind" => {
                    const KINDS: &[&str] = &["benefit", "support", "programme", "government"];
                    let kind = v.as_str().unwrap_or_default();
                    if !KINDS.contains(&kind) {
                        let help = did_you_mean(kind, KINDS.iter().copied());
                        self.diags.span_help(
                            self.src,
                            v.span,
                            format!("unknown measure kind “{kind}”"),
                            help,
                        );
                    }
                    v.to_json()
                }
                "window" => self.window(v),
                "parts" => match &v.val {
                    Val::Arr(parts) => {
                        Json::Array(parts.iter().map(|p| self.part(p, scope)).collect())
                    }
                    _ => {
                        self.error(v.span, "“parts” must be a list ([[parts]])");
                        continue;
                    }
                },
                "cases" | "amendments" => continue,
                _ => v.to_json(),
            };
            out.insert(k.name.clone(), value);
        }
        // Every cite must be words of this clause, in Chinese and in Japanese.
        let cites = std::mem::take(&mut self.cites);
        checks::cites_in_clause(self, &out, &cites, "this measure's");
        if let Some(a) = n.get("amendments") {
            let amended = self.amendments(a, &out, scope);
            out.insert("amendments".into(), amended);
        }
        let measure = Json::Object(out);
        if let Some(c) = n.get("cases") {
            cases = self.cases(c, &measure, scope);
            checks::case_coverage(self, n, &measure, &cases);
        }
        (measure, cases)
    }

    /// `[[amendments]]`: a later document that, from a date, changes a part's window, conditions
    /// or amount. Its cites quote its own words (`text`), not the clause.
    fn amendments(&mut self, v: &Node, measure: &Map<String, Json>, scope: Scope) -> Json {
        const KEYS: &[&str] = &[
            "part", "source", "in_force", "until", "window", "when", "amount", "text", "cite",
            "note",
        ];
        let Val::Arr(items) = &v.val else {
            self.error(v.span, "“amendments” must be a list ([[amendments]])");
            return v.to_json();
        };
        let part_ids: Vec<&str> = measure
            .get("parts")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
            .filter_map(|p| p["id"].as_str())
            .collect();
        let mut out = Vec::new();
        for a in items {
            let Some(t) = self.table(a, "an amendment", KEYS) else {
                continue;
            };
            let mut item = Map::new();
            for (k, v) in t {
                let value = match k.name.as_str() {
                    "part" => {
                        let id = v.as_str().unwrap_or_default();
                        if !part_ids.contains(&id) {
                            let help = did_you_mean(id, part_ids.iter().copied());
                            self.diags.span_help(
                                self.src,
                                v.span,
                                format!("the measure has no part “{id}”"),
                                help,
                            );
                        }
                        v.to_json()
                    }
                    "in_force" | "until" => self.date(v, &k.name),
                    "window" => self.plain(v, "an amendment's window", &["from", "to"], &[]),
                    "when" => Json::Array(self.cond_list(v, scope, "when")),
                    "amount" => self.amount(v, scope),
                    "text" | "note" => self.text(v, &k.name),
                    "cite" => {
                        let text = self.text(v, "cite");
                        self.cites.push(super::lower::CiteAt {
                            cite: text.clone(),
                            at: v.span,
                        });
                        text
                    }
                    _ => v.to_json(),
                };
                item.insert(k.name.clone(), value);
            }
            let cites = std::mem::take(&mut self.cites);
            if let Some(text) = item.get("text") {
                let words = Map::from_iter([("text".to_owned(), text.clone())]);
                checks::cites_in_clause(self, &words, &cites, "the amendment's");
            }
            out.push(Json::Object(item));
        }
        Json::Array(out)
    }

    fn part(&mut self, n: &Node, scope: Scope) -> Json {
        let Some(t) = self.table(
            n,
            "a part",
            &["id", "title", "window", "when", "amount", "note"],
        ) else {
            return n.to_json();
        };
        let mut out = Map::new();
        for (k, v) in t {
            let value = match k.name.as_str() {
                "title" | "note" => self.text(v, &k.name),
                "window" => self.window(v),
                "when" => Json::Array(self.cond_list(v, scope, "when")),
                "amount" => self.amount(v, scope),
                _ => v.to_json(),
            };
            out.insert(k.name.clone(), value);
        }
        Json::Object(out)
    }

    /// `window = { from = …, to = …, cite = … }`: the dated period a part is open.
    fn window(&mut self, n: &Node) -> Json {
        let Some(t) = self.table(n, "a window", &["from", "to", "cite"]) else {
            return n.to_json();
        };
        let mut out = Map::new();
        for (k, v) in t {
            let value = match k.name.as_str() {
                "from" | "to" => self.date(v, &k.name),
                "cite" => {
                    let text = self.text(v, "cite");
                    self.cites.push(super::lower::CiteAt {
                        cite: text.clone(),
                        at: v.span,
                    });
                    text
                }
                _ => continue,
            };
            out.insert(k.name.clone(), value);
        }
        if !out.contains_key("cite") {
            self.error(
                n.span,
                "a window needs the clause words that date it (cite)",
            );
        }
        Json::Object(out)
    }

    /// `[[cases]]`: an enterprise, a date, the expected result.
    fn cases(&mut self, v: &Node, measure: &Json, scope: Scope) -> Vec<Json> {
        const KEYS: &[&str] = &["name", "as_of", "text_only", "profile", "expect"];
        const EXPECT: &[&str] = &[
            "status",
            "amount",
            "parts",
            "part_amounts",
            "amended_by",
            "text_statuses",
            "first_failing",
            "part",
            "missing",
            "text",
            "size_class",
            "errors",
        ];
        const STATUSES: &[&str] = &[
            "eligible",
            "ineligible",
            "needs_info",
            "expired",
            "not_applicable",
        ];
        let Val::Arr(items) = &v.val else {
            self.error(v.span, "“cases” must be a list ([[cases]])");
            return Vec::new();
        };
        let part_ids: Vec<String> = measure["parts"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["id"].as_str().map(str::to_owned))
            .collect();
        let mut out = Vec::new();
        for c in items {
            let Some(t) = self.table(c, "a case", KEYS) else {
                continue;
            };
            for key in ["name", "as_of", "profile", "expect"] {
                if c.get(key).is_none() {
                    self.error(c.span, format!("a case needs “{key}”"));
                }
            }
            let mut case = Map::new();
            for (k, v) in t {
                let value = match k.name.as_str() {
                    "as_of" => self.date(v, "as_of"),
                    "profile" => self.profile(
                        v,
                        scope,
                        c.get("expect").and_then(|e| e.get("errors")).is_some(),
                    ),
                    "expect" => {
                        if let Some(e) = self.table(v, "expect", EXPECT) {
                            for (ek, ev) in e {
                                match ek.name.as_str() {
                                    "status" => self.one_of(ev, STATUSES, "a status"),
                                    "parts" | "part_amounts" | "amended_by" | "text_statuses" => {
                                        for (pk, pv) in ev.table().unwrap_or_default() {
                                            if !part_ids.contains(&pk.name) {
                                                let help = did_you_mean(
                                                    &pk.name,
                                                    part_ids.iter().map(String::as_str),
                                                );
                                                self.diags.span_help(
                                                    self.src,
                                                    pk.span,
                                                    format!(
                                                        "the measure has no part “{}”",
                                                        pk.name
                                                    ),
                                                    help,
                                                );
                                            }
                                            if ek.name == "parts" {
                                                self.one_of(pv, STATUSES, "a status");
                                            }
                                            if ek.name == "text_statuses"
                                                && pv.as_str() != Some("none")
                                            {
                                                self.one_of(pv, STATUSES, "a status");
                                            }
                                        }
                                    }
                                    "part" => {
                                        let id = ev.as_str().unwrap_or_default();
                                        if !part_ids.iter().any(|p| p == id) {
                                            let help = did_you_mean(
                                                id,
                                                part_ids.iter().map(String::as_str),
                                            );
                                            self.diags.span_help(
                                                self.src,
                                                ev.span,
                                                format!("the measure has no part “{id}”"),
                                                help,
                                            );
                                        }
                                    }
                                    "text" => {
                                        self.table(ev, "expect.text", TEXT_KEYS);
                                    }
                                    _ => {}
                                }
                            }
                        }
                        v.to_json()
                    }
                    _ => v.to_json(),
                };
                case.insert(k.name.clone(), value);
            }
            out.push(Json::Object(case));
        }
        out
    }

    fn one_of(&mut self, v: &Node, allowed: &[&str], what: &str) {
        let s = v.as_str().unwrap_or_default();
        if !allowed.contains(&s) {
            let help = did_you_mean(s, allowed.iter().copied())
                .or_else(|| Some(format!("one of {}", allowed.join(", "))));
            self.diags
                .span_help(self.src, v.span, format!("“{s}” is not {what}"), help);
        }
    }

    /// A case's profile: answers keyed by fact ids (dates may be TOML dates). An unknown fact is
    /// an error unless the case expects the profile's errors.
    fn profile(&mut self, v: &Node, scope: Scope, expects_errors: bool) -> Json {
        if !expects_errors && let Some(t) = v.table() {
            for (k, _) in t {
                if !scope.facts.iter().any(|f| f.id == k.name && !f.computed) {
                    let help = did_you_mean(
                        &k.name,
                        scope
                            .facts
                            .iter()
                            .filter(|f| !f.computed)
                            .map(|f| f.id.as_str()),
                    );
                    self.diags.span_help(
                        self.src,
                        k.span,
                        format!("the profile answers an unknown fact “{}”", k.name),
                        help,
                    );
                }
            }
        }
        v.to_json()
    }
}
