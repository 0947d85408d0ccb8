//! Why and why not, in words: every condition with the fact, the value given, the threshold, the
//! outcome and the clause it comes from. Built from the same evaluation functions as the status,
//! so an explanation cannot disagree with the result it explains.

use super::amend::{Span, Standing};
use super::eval::{Context, Scope, WindowState};
use super::format;
use super::logic::Tri;
use super::messages;
use super::model::*;
use super::profile::FactValue;
use super::size;
use super::text::{Lang, Text, fill};
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

#[derive(Clone, Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Reason<'a> {
    /// `met`, `not_met` or `unknown`.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Outcome"))]
    pub outcome: &'static str,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<String>,
    /// The measure (clause number) the condition belongs to.
    pub clause: u32,
    /// The words of the clause, in the chosen language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite: Option<&'a str>,
    /// The document behind a threshold the clause does not state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// Nesting: 0 for a condition of the part, deeper for what a named condition or a count contains.
    pub depth: u8,
}

pub struct Explainer<'c, 'a, 'p> {
    pub cx: &'c Context<'a, 'p>,
    pub lang: Lang,
    pub clause: u32,
}

fn opt<'a>(rs: &'a Ruleset, t: &Option<Text>, lang: Lang) -> Option<&'a str> {
    t.as_ref().map(|t| rs.text(t, lang))
}

fn symbol(op: Op) -> &'static str {
    match op {
        Op::Eq | Op::In => "=",
        Op::Ne | Op::NotIn => "≠",
        Op::Lt => "<",
        Op::Le => "≤",
        Op::Gt => ">",
        Op::Ge => "≥",
        Op::Between => "∈",
    }
}

/// English labels start with a capital; inside a sentence they should not.
fn lower_first(s: &str, lang: Lang) -> String {
    let mut c = s.chars();
    match (lang, c.next()) {
        (Lang::En, Some(f)) if f.is_ascii_uppercase() => {
            f.to_ascii_lowercase().to_string() + c.as_str()
        }
        _ => s.to_owned(),
    }
}

/// "A, B or C" / "A、B或C".
fn join_choices(items: &[&str], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => {
            init.join(lang.say(&messages::LIST_SEP)) + lang.say(&messages::OR) + last
        }
    }
}

impl<'a> Explainer<'_, 'a, '_> {
    fn reason(&self, outcome: Tri, text: String, depth: u8) -> Reason<'a> {
        Reason {
            outcome: outcome.code(),
            text,
            fact: None,
            value: None,
            threshold: None,
            clause: self.clause,
            cite: None,
            source: None,
            depth,
        }
    }

    fn source_title(&self, s: Option<usize>) -> Option<&'a str> {
        let rs: &'a Ruleset = self.cx.rs;
        s.and_then(|i| rs.sources.get(i))
            .map(|s| self.cx.rs.text(&s.title, self.lang))
    }

    /// The reasons of a part, grouped per top-level condition; the groups that decide the status
    /// come first (a failed condition for `ineligible`, the open questions for `needs_info`), and
    /// the window first only when it decides (closed, or not yet open).
    pub fn part(
        &self,
        rule: Standing<'a>,
        conditions: Tri,
        window: WindowState,
    ) -> Vec<Reason<'a>> {
        let groups: Vec<(Tri, Vec<Reason>)> = rule
            .when
            .iter()
            .map(|c| {
                let mut out = Vec::new();
                let t = self.cond(c, Scope::Top, 0, &mut out);
                (t, out)
            })
            .collect();
        let mut out: Vec<Reason> = Vec::new();
        let window_reason = rule.window.map(|w| self.window(w, window));
        let decisive = matches!(window, WindowState::Closed | WindowState::NotYet);
        if decisive {
            out.extend(window_reason.clone());
        }
        // Deciding groups first, then the rest in the clause's order.
        let rank = |t: Tri| if t == conditions { 0 } else { 1 };
        for pass in 0..2 {
            for (t, reasons) in &groups {
                if rank(*t) == pass {
                    out.extend(reasons.iter().cloned());
                }
            }
        }
        if !decisive {
            out.extend(window_reason);
        }
        out
    }

    pub fn window(&self, w: Span<'a>, state: WindowState) -> Reason<'a> {
        let l = self.lang;
        let from = w.from.map(|x| format::date(x, l)).unwrap_or_default();
        let to = w.to.map(|x| format::date(x, l)).unwrap_or_default();
        let span_tpl = match (w.from, w.to) {
            (Some(_), Some(_)) => &messages::SPAN_BOTH,
            (Some(_), None) => &messages::SPAN_FROM,
            _ => &messages::SPAN_TO,
        };
        let span = fill(l, span_tpl, &[&from, &to]);
        let as_of = format::date(self.cx.as_of, l);
        let (outcome, tpl) = match state {
            WindowState::Closed => (Tri::False, &messages::WINDOW_CLOSED),
            WindowState::NotYet => (Tri::False, &messages::WINDOW_NOT_YET),
            _ => (Tri::True, &messages::WINDOW_OPEN),
        };
        let mut r = self.reason(outcome, fill(l, tpl, &[&span, &as_of]), 0);
        r.cite = Some(self.cx.rs.text(w.cite, l));
        r
    }

    pub fn cond(&self, c: &'a Cond, scope: Scope, depth: u8, out: &mut Vec<Reason<'a>>) -> Tri {
        let l = self.lang;
        let deeper = depth.saturating_add(1);
        match c {
            Cond::All(kids) | Cond::Any(kids) => {
                let t = self.cx.eval(c, scope);
                let head = if matches!(c, Cond::Any(_)) {
                    &messages::ANY_OF
                } else {
                    &messages::ALL_OF
                };
                out.push(self.reason(t, l.say(head).to_owned(), depth));
                for k in kids {
                    self.cond(k, scope, deeper, out);
                }
                t
            }
            Cond::Not(k) => {
                let t = self.cx.eval(c, scope);
                out.push(self.reason(t, l.say(&messages::NOT_OF).to_owned(), depth));
                self.cond(k, scope, deeper, out);
                t
            }
            Cond::Derived(i) => {
                let d = &self.cx.rs.derived[*i];
                let t = self.cx.derived(*i);
                let answer = match t {
                    Tri::True => format::yes_no(true, l),
                    Tri::False => format::yes_no(false, l),
                    Tri::Unknown => l.say(&messages::NOT_KNOWN),
                };
                let mut r = self.reason(
                    t,
                    fill(
                        l,
                        &messages::LABELLED,
                        &[self.cx.rs.text(&d.label, l), answer],
                    ),
                    depth,
                );
                r.fact = Some(Cow::Borrowed(&d.id));
                // One line here; what the named condition consists of is explained once per
                // report (`derived`), not again under each of the many parts that use it.
                out.push(r);
                t
            }
            Cond::Leaf(leaf) => self.leaf(leaf, scope, depth, out),
        }
    }

    /// What a named condition consists of, each of its conditions with its outcome.
    pub fn derived(&self, d: &'a Derived) -> Vec<Reason<'a>> {
        let mut out = Vec::new();
        // A named "all of" reads better as its items directly.
        match &d.when {
            Cond::All(kids) => kids.iter().for_each(|k| {
                self.cond(k, Scope::Top, 0, &mut out);
            }),
            other => {
                self.cond(other, Scope::Top, 0, &mut out);
            }
        }
        out
    }

    fn threshold(&self, fact: Option<&Fact>, operand: &Operand) -> (String, String, String) {
        let l = self.lang;
        let num = |d: Decimal| match fact {
            Some(f) => format::number_of(self.cx.rs, f, d, l),
            None => format::plain(d),
        };
        let year = |y: YearExpr| format::year(self.cx.resolve_year(y), l);
        let pair = |a: String, b: String| (format!("{a} – {b}"), a, b);
        match operand {
            Operand::Bool(b) => (
                format::yes_no(*b, l).to_owned(),
                String::new(),
                String::new(),
            ),
            Operand::Number(d) => (num(*d), String::new(), String::new()),
            Operand::NumberRange(a, b) => pair(num(*a), num(*b)),
            Operand::Date(d) => (self.date_expr(*d), String::new(), String::new()),
            Operand::DateRange(a, b) => pair(self.date_expr(*a), self.date_expr(*b)),
            Operand::Year(y) => (year(*y), String::new(), String::new()),
            Operand::YearRange(a, b) => pair(year(*a), year(*b)),
            Operand::Choices(set) => {
                let labels: Vec<&str> = match fact.map(|f| &f.kind) {
                    Some(FactKind::Enum(choices)) => set
                        .iter()
                        .filter_map(|c| {
                            choices
                                .get(usize::from(*c))
                                .map(|c| self.cx.rs.text(&c.label, l))
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                (join_choices(&labels, l), String::new(), String::new())
            }
        }
    }

    fn date_expr(&self, d: DateExpr) -> String {
        self.cx
            .resolve_date(d)
            .map_or_else(|| "?".to_owned(), |x| format::date(x, self.lang))
    }

    fn leaf(&self, leaf: &'a Leaf, scope: Scope, depth: u8, out: &mut Vec<Reason<'a>>) -> Tri {
        let l = self.lang;
        let t = self.cx.leaf(leaf, scope);
        let rs: &'a Ruleset = self.cx.rs;
        let (fact, fact_id): (Option<&'a Fact>, Cow<'a, str>) = match (&leaf.subject, scope) {
            (Subject::Fact(f), Scope::Top) => (rs.facts.get(*f), Cow::Borrowed(&rs.facts[*f].id)),
            (Subject::Fact(f), Scope::Item { list, index, .. }) => {
                let field = match &rs.facts[list].kind {
                    FactKind::List { fields, .. } => fields.get(*f),
                    _ => None,
                };
                (
                    field,
                    Cow::Owned(format!(
                        "{}[{index}].{}",
                        rs.facts[list].id,
                        field.map_or("", |x| x.id.as_str())
                    )),
                )
            }
            (Subject::Count { list, .. }, _) => (None, Cow::Borrowed(&rs.facts[*list].id)),
        };
        let label = match (&leaf.label, fact, &leaf.subject) {
            (Some(t), _, _) => self.cx.rs.text(t, l).to_owned(),
            (None, Some(f), _) => self.cx.rs.text(&f.label, l).to_owned(),
            (None, None, Subject::Count { list, .. }) => fill(
                l,
                &messages::QUALIFYING,
                &[&lower_first(self.cx.rs.text(&rs.facts[*list].label, l), l)],
            ),
            _ => String::new(),
        };
        // A question not asked because of an earlier answer ("recognised? no" → no date) is not an
        // open question: leave it out rather than show it as unanswered.
        if t == Tri::Unknown
            && let (Subject::Fact(f), Scope::Top) = (&leaf.subject, scope)
            && rs.facts[*f]
                .ask_if
                .as_ref()
                .is_some_and(|c| self.cx.eval(c, Scope::Top) == Tri::False)
        {
            return t;
        }
        let (threshold, lo, hi) = self.threshold(fact, &leaf.operand);

        // The size class is computed: show the class, and when it does not qualify, the comparisons.
        if let (Subject::Fact(f), Scope::Top) = (&leaf.subject, scope)
            && rs.facts[*f].computed
        {
            let class = self.size_class_text();
            let tpl = if matches!(leaf.op, Op::Ne | Op::NotIn) {
                &messages::MUST_NOT_BE
            } else {
                &messages::MUST_BE
            };
            let mut r = self.reason(
                t,
                fill(
                    l,
                    tpl,
                    &[
                        &label,
                        &(l.say(&messages::SEP).to_owned() + &class),
                        &threshold,
                    ],
                ),
                depth,
            );
            r.fact = Some(fact_id);
            r.value = Some(class);
            r.threshold = Some(threshold);
            r.cite = opt(self.cx.rs, &leaf.cite, l);
            r.source = self.size_source();
            out.push(r);
            // The comparisons behind a class that qualifies are in the report once (size_class);
            // under each measure they are shown only where they explain a "no" or an open question.
            if t != Tri::True {
                out.extend(self.size_comparisons(depth.saturating_add(1)));
            }
            return t;
        }

        let (value, count) = match &leaf.subject {
            Subject::Fact(f) => (
                fact.and_then(|fa| {
                    self.cx
                        .value(*f, scope)
                        .map(|v| format::value(self.cx.rs, fa, v, l))
                }),
                None,
            ),
            Subject::Count { list, filter } => match self.cx.count(*list, filter) {
                Some((lo, hi)) if lo == hi => (Some(lo.to_string()), Some((*list, filter))),
                Some((lo, hi)) => (Some(format!("{lo}–{hi}")), Some((*list, filter))),
                None => (None, None),
            },
        };
        let text = match &value {
            None => fill(
                l,
                &messages::UNANSWERED,
                &[&label, symbol(leaf.op), &threshold],
            ),
            Some(v) => {
                let met = t == Tri::True;
                let tpl = match (&leaf.operand, leaf.op, met) {
                    (Operand::Bool(_), _, _) => &messages::LABELLED,
                    (_, Op::Ge, true) | (_, Op::Lt, false) => &messages::GE_MET,
                    (_, Op::Ge, false) | (_, Op::Lt, true) => &messages::GE_NOT,
                    (_, Op::Gt, true) | (_, Op::Le, false) => &messages::GT_MET,
                    (_, Op::Gt, false) | (_, Op::Le, true) => &messages::GT_NOT,
                    (_, Op::Between, true) => &messages::BETWEEN_MET,
                    (_, Op::Between, false) => &messages::BETWEEN_NOT,
                    (_, Op::Eq | Op::In, true) | (_, Op::Ne | Op::NotIn, false) => &messages::IS,
                    _ => &messages::IS_NOT,
                };
                fill(l, tpl, &[&label, v, &threshold, &lo, &hi])
            }
        };
        let mut r = self.reason(t, text, depth);
        r.fact = Some(fact_id);
        r.value = value;
        r.threshold = Some(threshold);
        r.cite = opt(self.cx.rs, &leaf.cite, l);
        r.source = self.source_title(leaf.source);
        out.push(r);
        if let Some((list, filter)) = count {
            self.items(list, filter, depth.saturating_add(1), out);
        }
        t
    }

    /// Each entry of a counted list, with the conditions it meets or misses.
    fn items(&self, list: usize, filter: &'a [Cond], depth: u8, out: &mut Vec<Reason<'a>>) {
        let l = self.lang;
        let Some(FactValue::List(items)) = &self.cx.profile.values[list] else {
            return;
        };
        for (index, item) in items.iter().enumerate() {
            let scope = Scope::Item { list, index, item };
            let t = self.cx.all(filter, scope);
            let mut r = self.reason(
                t,
                fill(l, &messages::ENTRY, &[&(index + 1).to_string()]),
                depth,
            );
            r.fact = Some(Cow::Owned(format!(
                "{}[{index}]",
                self.cx.rs.facts[list].id
            )));
            out.push(r);
            for c in filter {
                self.cond(c, scope, depth.saturating_add(1), out);
            }
        }
    }

    /// The class, or the classes still possible.
    pub fn size_class_text(&self) -> String {
        let l = self.lang;
        let rs = self.cx.rs;
        let Some(std) = &rs.size_standard else {
            return String::new();
        };
        let FactKind::Enum(choices) = &rs.facts[std.class_fact].kind else {
            return String::new();
        };
        let possible: Vec<&str> = (0..choices.len())
            .filter(|i| self.cx.size.possible & (1 << i) != 0)
            .map(|i| self.cx.rs.text(&choices[i].label, l))
            .collect();
        match possible.as_slice() {
            [one] => (*one).to_owned(),
            _ => fill(l, &messages::MAYBE, &[&join_choices(&possible, l)]),
        }
    }

    /// The document behind the class: the standard's, or, for an industry whose class is declared,
    /// that of the fact declaring it (金融业: its own standard).
    fn size_source(&self) -> Option<&'a str> {
        let rs = self.cx.rs;
        let std = rs.size_standard.as_ref()?;
        match self.cx.size.declared.and_then(|d| std.declared.get(d)) {
            Some(d) => self.source_title(rs.facts[d.fact].source),
            None => self.source_title(Some(std.source)),
        }
    }

    /// Each comparison of the size standard for the enterprise's industry group; for an industry
    /// whose class is declared, the declared class instead.
    pub fn size_comparisons(&self, depth: u8) -> Vec<Reason<'a>> {
        let l = self.lang;
        let rs = self.cx.rs;
        let mut out = Vec::new();
        let Some(std) = &rs.size_standard else {
            return out;
        };
        let industry = &rs.facts[std.industry_fact];
        let source = self.source_title(Some(std.source));
        let declared = self.cx.size.declared.and_then(|d| std.declared.get(d));
        if declared.is_none() && self.cx.size.group.is_none() {
            let mut r = self.reason(
                Tri::Unknown,
                fill(
                    l,
                    &messages::INDUSTRY_UNKNOWN,
                    &[self.cx.rs.text(&industry.label, l)],
                ),
                depth,
            );
            r.fact = Some(Cow::Borrowed(&industry.id));
            r.source = source;
            out.push(r);
            return out;
        }
        if let Some(v) = self.cx.profile.values[std.industry_fact].as_ref() {
            let mut r = self.reason(
                Tri::True,
                fill(
                    l,
                    &messages::LABELLED,
                    &[
                        self.cx.rs.text(&industry.label, l),
                        &format::value(self.cx.rs, industry, v, l),
                    ],
                ),
                depth,
            );
            r.fact = Some(Cow::Borrowed(&industry.id));
            r.source = source;
            out.push(r);
        }
        // An industry the standard does not size: its declared class, with its own source.
        if let Some(d) = declared {
            let f = &rs.facts[d.fact];
            let value = self.cx.profile.values[d.fact]
                .as_ref()
                .map(|v| format::value(self.cx.rs, f, v, l));
            let mut r = match &value {
                Some(v) => self.reason(
                    Tri::True,
                    fill(
                        l,
                        &messages::DECLARED_CLASS,
                        &[self.cx.rs.text(&f.label, l), v],
                    ),
                    depth,
                ),
                None => self.reason(
                    Tri::Unknown,
                    fill(
                        l,
                        &messages::DECLARED_UNANSWERED,
                        &[self.cx.rs.text(&f.label, l)],
                    ),
                    depth,
                ),
            };
            r.fact = Some(Cow::Borrowed(&f.id));
            r.value = value;
            r.source = self.source_title(f.source);
            out.push(r);
            return out;
        }
        let Some(group) = self.cx.size.group else {
            return out;
        };
        for c in size::comparisons(rs, self.cx.profile, group) {
            let f = &rs.facts[c.fact];
            // Below the SME upper bound is what makes an SME: shown as met.
            let outcome = if c.tier == "sme_below" {
                !c.reached
            } else {
                c.reached
            };
            let tier = l.say(match c.tier {
                "sme_below" => &messages::TIER_SME,
                "medium" => &messages::TIER_MEDIUM,
                _ => &messages::TIER_SMALL,
            });
            let bound = format::number_of(self.cx.rs, f, c.bound, l);
            let label = self.cx.rs.text(&f.label, l);
            let value = c.value.map(|v| format::number_of(self.cx.rs, f, v, l));
            let text = match (&value, c.reached) {
                (None, _) => fill(l, &messages::TIER_UNANSWERED, &[label, tier, &bound]),
                (Some(v), Tri::True) => fill(l, &messages::TIER_REACHED, &[label, v, tier, &bound]),
                (Some(v), _) => fill(l, &messages::TIER_BELOW, &[label, v, tier, &bound]),
            };
            let mut r = self.reason(outcome, text, depth);
            r.fact = Some(Cow::Borrowed(&f.id));
            r.value = value;
            r.threshold = Some(bound);
            r.source = source;
            out.push(r);
        }
        out
    }

    /// The amount's formula with the enterprise's figures: "5% × 上一年度研发投入 300万元".
    pub fn formula(&self, e: &Expr) -> String {
        let l = self.lang;
        let terms = |ts: &[Expr], sep: &str| {
            ts.iter()
                .map(|t| self.formula(t))
                .collect::<Vec<_>>()
                .join(sep)
        };
        match e {
            Expr::Const(d) if *d < Decimal::ONE => format::percent(*d),
            Expr::Const(d) if *d <= Decimal::from(100) && super::decimal::is_whole(*d) => {
                format::plain(*d)
            }
            Expr::Const(d) => format::money(*d, l),
            Expr::Fact(f) => {
                let fact = &self.cx.rs.facts[*f];
                match &self.cx.profile.values[*f] {
                    Some(v) => {
                        self.cx.rs.text(&fact.label, l).to_owned()
                            + " "
                            + &format::value(self.cx.rs, fact, v, l)
                    }
                    None => self.cx.rs.text(&fact.label, l).to_owned(),
                }
            }
            Expr::Count { list, filter } => {
                let name = lower_first(self.cx.rs.text(&self.cx.rs.facts[*list].label, l), l);
                let n = match self.cx.count(*list, filter) {
                    Some((lo, hi)) if lo == hi => format!(" {lo}"),
                    Some((lo, hi)) => format!(" {lo}–{hi}"),
                    None => String::new(),
                };
                fill(l, &messages::QUALIFYING, &[&name]) + &n
            }
            // The formula that applies to these figures; both while the conditions are open.
            Expr::If {
                when,
                then,
                otherwise,
            } => match self.cx.all(when, Scope::Top) {
                Tri::True => self.formula(then),
                Tri::False => self.formula(otherwise),
                Tri::Unknown => fill(
                    l,
                    &messages::EITHER_FORMULA,
                    &[&self.formula(then), &self.formula(otherwise)],
                ),
            },
            Expr::Mul(ts) => terms(ts, " × "),
            Expr::Add(ts) => format!("({})", terms(ts, " + ")),
            Expr::MinOf(ts) => fill(
                l,
                &messages::LESSER,
                &[&terms(ts, l.say(&messages::LIST_SEP))],
            ),
            Expr::MaxOf(ts) => fill(
                l,
                &messages::GREATER,
                &[&terms(ts, l.say(&messages::LIST_SEP))],
            ),
        }
    }
}
