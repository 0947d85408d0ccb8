//! Why and why not, in words: every condition with the fact, the value given, the threshold, the
//! outcome and the clause it comes from. Built from the same evaluation functions as the status,
//! so an explanation cannot disagree with the result it explains.

use super::eval::{Context, Scope, Tri, WindowState};
use super::format;
use super::model::*;
use super::profile::FactValue;
use super::size;
use super::text::{Lang, Text};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Reason {
    /// `met`, `not_met` or `unknown`.
    pub outcome: &'static str,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<String>,
    /// The measure (clause number) the condition belongs to.
    pub clause: u32,
    /// The words of the clause, in the chosen language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// The document behind a threshold the clause does not state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Nesting: 0 for a condition of the part, deeper for what a named condition or a count contains.
    pub depth: u8,
}

pub struct Explainer<'c, 'a> {
    pub cx: &'c Context<'a>,
    pub lang: Lang,
    pub clause: u32,
}

fn opt(t: &Option<Text>, lang: Lang) -> Option<String> {
    t.as_ref().map(|t| t.get(lang).to_owned())
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

impl Explainer<'_, '_> {
    fn reason(&self, outcome: Tri, text: String, depth: u8) -> Reason {
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

    fn source_title(&self, s: Option<usize>) -> Option<String> {
        s.and_then(|i| self.cx.rs.sources.get(i))
            .map(|s| s.title.get(self.lang).to_owned())
    }

    /// The reasons of a part, grouped per top-level condition; the groups that decide the status
    /// come first (a failed condition for `ineligible`, the open questions for `needs_info`).
    pub fn part(&self, part: &Part, conditions: Tri, window: WindowState) -> Vec<Reason> {
        let mut groups: Vec<(Tri, Vec<Reason>)> = part
            .when
            .iter()
            .map(|c| {
                let mut out = Vec::new();
                let t = self.cond(c, Scope::Top, 0, &mut out);
                (t, out)
            })
            .collect();
        let first = match conditions {
            Tri::False => Tri::False,
            Tri::Unknown => Tri::Unknown,
            Tri::True => Tri::True,
        };
        groups.sort_by_key(|(t, _)| {
            if *t == first {
                0
            } else if *t == Tri::False {
                1
            } else if *t == Tri::Unknown {
                2
            } else {
                3
            }
        });
        let mut out: Vec<Reason> = Vec::new();
        if let Some(w) = &part.window {
            out.push(self.window(w, window));
        }
        out.extend(groups.into_iter().flat_map(|(_, r)| r));
        out
    }

    pub fn window(&self, w: &Window, state: WindowState) -> Reason {
        let l = self.lang;
        let d = |x: Option<crate::engine::date::Date>| x.map(|x| format::date(x, l));
        let span = match (d(w.from), d(w.to)) {
            (Some(a), Some(b)) => l.pick([
                format!("{a}至{b}"),
                format!("{a}～{b}"),
                format!("{a} to {b}"),
            ]),
            (Some(a), None) => l.pick([format!("{a}起"), format!("{a}から"), format!("from {a}")]),
            (None, Some(b)) => l.pick([format!("至{b}"), format!("{b}まで"), format!("until {b}")]),
            (None, None) => String::new(),
        };
        let as_of = format::date(self.cx.as_of, l);
        let (outcome, text) = match state {
            WindowState::Closed => (
                Tri::False,
                l.pick([
                    format!("适用期限 {span}，已于评估日期 {as_of} 前结束"),
                    format!("適用期間 {span}：評価日 {as_of} の時点で終了しています"),
                    format!("Window {span}: it had ended by the as-of date {as_of}"),
                ]),
            ),
            WindowState::NotYet => (
                Tri::False,
                l.pick([
                    format!("适用期限 {span}，评估日期 {as_of} 尚未开始"),
                    format!("適用期間 {span}：評価日 {as_of} の時点ではまだ始まっていません"),
                    format!("Window {span}: not yet open on the as-of date {as_of}"),
                ]),
            ),
            _ => (
                Tri::True,
                l.pick([
                    format!("适用期限 {span}，评估日期 {as_of} 在期限内"),
                    format!("適用期間 {span}：評価日 {as_of} は期間内です"),
                    format!("Window {span}: the as-of date {as_of} falls inside it"),
                ]),
            ),
        };
        let mut r = self.reason(outcome, text, 0);
        r.cite = Some(w.cite.get(l).to_owned());
        r
    }

    pub fn cond(&self, c: &Cond, scope: Scope, depth: u8, out: &mut Vec<Reason>) -> Tri {
        let l = self.lang;
        match c {
            Cond::All(kids) | Cond::Any(kids) => {
                let t = self.cx.eval(c, scope);
                let any = matches!(c, Cond::Any(_));
                let head = if any {
                    l.pick([
                        "满足以下任一项",
                        "次のいずれかを満たすこと",
                        "Any one of the following",
                    ])
                } else {
                    l.pick([
                        "满足以下全部各项",
                        "次のすべてを満たすこと",
                        "All of the following",
                    ])
                };
                out.push(self.reason(t, head.to_owned(), depth));
                for k in kids {
                    self.cond(k, scope, depth.saturating_add(1), out);
                }
                t
            }
            Cond::Not(k) => {
                let t = self.cx.eval(c, scope);
                let head = l.pick(["以下一项不成立", "次に該当しないこと", "Not the following"]);
                out.push(self.reason(t, head.to_owned(), depth));
                self.cond(k, scope, depth.saturating_add(1), out);
                t
            }
            Cond::Derived(i) => {
                let d = &self.cx.rs.derived[*i];
                let t = self.cx.derived(*i);
                let answer = match t {
                    Tri::True => format::yes_no(true, l),
                    Tri::False => format::yes_no(false, l),
                    Tri::Unknown => l.pick(["尚不能确定", "まだ判断できません", "not known yet"]),
                };
                let sep = l.pick(["：", "：", ": "]);
                let mut r = self.reason(t, format!("{}{sep}{answer}", d.label.get(l)), depth);
                r.fact = Some(d.id.clone());
                out.push(r);
                // A named "all of" reads better as its items directly under the name.
                match &d.when {
                    Cond::All(kids) => {
                        for k in kids {
                            self.cond(k, Scope::Top, depth.saturating_add(1), out);
                        }
                    }
                    other => {
                        self.cond(other, Scope::Top, depth.saturating_add(1), out);
                    }
                }
                t
            }
            Cond::Leaf(leaf) => self.leaf(leaf, scope, depth, out),
        }
    }

    fn threshold(&self, fact: Option<&Fact>, operand: &Operand) -> String {
        let l = self.lang;
        let num = |d: Decimal| match fact {
            Some(f) => format::number_of(f, d, l),
            None => format::plain(d),
        };
        match operand {
            Operand::Bool(b) => format::yes_no(*b, l).to_owned(),
            Operand::Number(d) => num(*d),
            Operand::NumberRange(a, b) => format!("{}–{}", num(*a), num(*b)),
            Operand::Date(d) => self.date_expr(*d),
            Operand::DateRange(a, b) => format!("{} – {}", self.date_expr(*a), self.date_expr(*b)),
            Operand::Year(y) => format::year(self.cx.resolve_year(*y), l),
            Operand::YearRange(a, b) => {
                format!(
                    "{}–{}",
                    format::year(self.cx.resolve_year(*a), l),
                    format::year(self.cx.resolve_year(*b), l)
                )
            }
            Operand::Choices(set) => {
                let labels: Vec<String> = match fact.map(|f| &f.kind) {
                    Some(FactKind::Enum(choices)) => set
                        .iter()
                        .filter_map(|c| {
                            choices
                                .get(usize::from(*c))
                                .map(|c| c.label.get(l).to_owned())
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                labels.join(l.pick(["、", "・", ", "]))
            }
        }
    }

    fn date_expr(&self, d: DateExpr) -> String {
        match self.cx.resolve_date(d) {
            Some(x) => format::date(x, self.lang),
            None => "?".to_owned(),
        }
    }

    fn leaf(&self, leaf: &Leaf, scope: Scope, depth: u8, out: &mut Vec<Reason>) -> Tri {
        let l = self.lang;
        let t = self.cx.leaf(leaf, scope);
        let rs = self.cx.rs;
        let (fact, fact_id): (Option<&Fact>, String) = match (&leaf.subject, scope) {
            (Subject::Fact(f), Scope::Top) => (rs.facts.get(*f), rs.facts[*f].id.clone()),
            (Subject::Fact(f), Scope::Item { list, index, .. }) => {
                let fields = match &rs.facts[list].kind {
                    FactKind::List { fields, .. } => fields.as_slice(),
                    _ => &[],
                };
                (
                    fields.get(*f),
                    format!(
                        "{}[{index}].{}",
                        rs.facts[list].id,
                        fields.get(*f).map_or("", |x| x.id.as_str())
                    ),
                )
            }
            (Subject::Count { list, .. }, _) => (None, rs.facts[*list].id.clone()),
        };
        let label = match (&leaf.label, fact, &leaf.subject) {
            (Some(t), _, _) => t.get(l).to_owned(),
            (None, Some(f), _) => f.label.get(l).to_owned(),
            (None, None, Subject::Count { list, .. }) => {
                let name = rs.facts[*list].label.get(l);
                l.pick([
                    format!("符合条件的{name}"),
                    format!("条件を満たす{name}"),
                    format!("Qualifying {name}"),
                ])
            }
            _ => String::new(),
        };
        let threshold = self.threshold(fact, &leaf.operand);

        // The size class is computed: show the class, then the comparisons that decided it.
        if let (Subject::Fact(f), Scope::Top) = (&leaf.subject, scope)
            && rs.facts[*f].computed
        {
            return self.size_leaf(leaf, t, &label, &threshold, fact_id, depth, out);
        }

        let (value, count) = match &leaf.subject {
            Subject::Fact(f) => (
                self.cx
                    .value(*f, scope)
                    .map(|v| format::value(fact.unwrap_or(&rs.facts[0]), v, l)),
                None,
            ),
            Subject::Count { list, filter } => match self.cx.count(*list, filter) {
                Some((lo, hi)) if lo == hi => (
                    Some(format::count(Decimal::from(lo), None, l)),
                    Some((*list, filter)),
                ),
                Some((lo, hi)) => (Some(format!("{lo}–{hi}")), Some((*list, filter))),
                None => (None, None),
            },
        };
        let text = match (&value, t) {
            (None, _) => l.pick([
                format!("{label}：未填写（条件：{} {threshold}）", symbol(leaf.op)),
                format!("{label}：未回答（条件：{} {threshold}）", symbol(leaf.op)),
                format!(
                    "{label}: not answered (needs {} {threshold})",
                    symbol(leaf.op)
                ),
            ]),
            (Some(v), t) => sentence(
                l,
                &label,
                v,
                leaf.op,
                &threshold,
                t == Tri::True,
                &leaf.operand,
            ),
        };
        let mut r = self.reason(t, text, depth);
        r.fact = Some(fact_id);
        r.value = value;
        r.threshold = Some(threshold);
        r.cite = opt(&leaf.cite, l);
        r.source = self.source_title(leaf.source);
        out.push(r);
        if let Some((list, filter)) = count {
            self.items(list, filter, depth.saturating_add(1), out);
        }
        t
    }

    /// Each entry of a counted list, with the conditions it meets or misses.
    fn items(&self, list: usize, filter: &[Cond], depth: u8, out: &mut Vec<Reason>) {
        let l = self.lang;
        let Some(FactValue::List(items)) = &self.cx.profile.values[list] else {
            return;
        };
        for (index, item) in items.iter().enumerate() {
            let scope = Scope::Item { list, index, item };
            let t = self.cx.all(filter, scope);
            let n = index + 1;
            let head = l.pick([format!("第{n}项"), format!("{n}件目"), format!("Entry {n}")]);
            let mut r = self.reason(t, head, depth);
            r.fact = Some(format!("{}[{index}]", self.cx.rs.facts[list].id));
            out.push(r);
            for c in filter {
                self.cond(c, scope, depth.saturating_add(1), out);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn size_leaf(
        &self,
        leaf: &Leaf,
        t: Tri,
        label: &str,
        threshold: &str,
        fact_id: String,
        depth: u8,
        out: &mut Vec<Reason>,
    ) -> Tri {
        let l = self.lang;
        let rs = self.cx.rs;
        let sep = l.pick(["：", "：", ": "]);
        let class = self.size_class_text();
        let need = match leaf.op {
            Op::Ne | Op::NotIn => l.pick([
                format!("（不得为：{threshold}）"),
                format!("（対象外：{threshold}）"),
                format!(" (must not be: {threshold})"),
            ]),
            _ => l.pick([
                format!("（须为：{threshold}）"),
                format!("（条件：{threshold}）"),
                format!(" (must be: {threshold})"),
            ]),
        };
        let text = format!("{label}{sep}{class}{need}");
        let mut r = self.reason(t, text, depth);
        r.fact = Some(fact_id);
        r.value = Some(class);
        r.threshold = Some(threshold.to_owned());
        r.cite = opt(&leaf.cite, l);
        r.source = rs
            .size_standard
            .as_ref()
            .and_then(|s| self.source_title(Some(s.source)));
        out.push(r);
        out.extend(self.size_comparisons(depth.saturating_add(1)));
        t
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
            .map(|i| choices[i].label.get(l))
            .collect();
        match possible.len() {
            1 => possible[0].to_owned(),
            _ => {
                let list = possible.join(l.pick(["或", "または", " or "]));
                l.pick([
                    format!("尚不能确定（可能为{list}）"),
                    format!("未確定（{list}の可能性）"),
                    format!("not known yet ({list})"),
                ])
            }
        }
    }

    /// Each comparison of the size standard for the enterprise's industry group.
    pub fn size_comparisons(&self, depth: u8) -> Vec<Reason> {
        let l = self.lang;
        let rs = self.cx.rs;
        let mut out = Vec::new();
        let Some(std) = &rs.size_standard else {
            return out;
        };
        let Some(group) = self.cx.size.group else {
            let f = &rs.facts[std.industry_fact];
            let mut r = self.reason(
                Tri::Unknown,
                l.pick([
                    format!("{}：未填写（划型标准因行业而异）", f.label.zh),
                    format!(
                        "{}：未回答（規模区分の基準は業種により異なります）",
                        f.label.ja
                    ),
                    format!(
                        "{}: not answered (the size thresholds depend on it)",
                        f.label.en
                    ),
                ]),
                depth,
            );
            r.fact = Some(f.id.clone());
            r.source = self.source_title(Some(std.source));
            out.push(r);
            return out;
        };
        let industry = &rs.facts[std.industry_fact];
        if let Some(v) = self.cx.profile.values[std.industry_fact].as_ref() {
            let sep = l.pick(["：", "：", ": "]);
            let mut r = self.reason(
                Tri::True,
                format!(
                    "{}{sep}{}",
                    industry.label.get(l),
                    format::value(industry, v, l)
                ),
                depth,
            );
            r.fact = Some(industry.id.clone());
            r.source = self.source_title(Some(std.source));
            out.push(r);
        }
        for c in size::comparisons(rs, self.cx.profile, group) {
            let f = &rs.facts[c.fact];
            // Below the SME upper bound is what makes an SME: shown as met.
            let outcome = if c.tier == "sme_below" {
                c.reached.not()
            } else {
                c.reached
            };
            let tier = l.pick(match c.tier {
                "sme_below" => ["中小企业上限", "中小企業の上限", "SME upper bound"],
                "medium" => ["中型下限", "中規模の下限", "medium-sized lower bound"],
                _ => ["小型下限", "小規模の下限", "small lower bound"],
            });
            let bound = format::number_of(f, c.bound, l);
            let label = f.label.get(l);
            let text = match c.value {
                None => l.pick([
                    format!("{label}：未填写（{tier} {bound}）"),
                    format!("{label}：未回答（{tier} {bound}）"),
                    format!("{label}: not answered ({tier} {bound})"),
                ]),
                Some(v) => {
                    let v = format::number_of(f, v, l);
                    let reached = c.reached == Tri::True;
                    l.pick([
                        format!(
                            "{label} {v}，{}{tier} {bound}",
                            if reached { "达到" } else { "低于" }
                        ),
                        format!(
                            "{label} {v}、{tier} {bound} {}",
                            if reached { "以上" } else { "未満" }
                        ),
                        format!(
                            "{label} {v}, {} the {tier} of {bound}",
                            if reached { "reaching" } else { "below" }
                        ),
                    ])
                }
            };
            let mut r = self.reason(outcome, text, depth);
            r.fact = Some(f.id.clone());
            r.value = c.value.map(|v| format::number_of(f, v, l));
            r.threshold = Some(bound);
            r.source = self.source_title(Some(std.source));
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
            Expr::Const(d) if *d <= Decimal::from(100) && d.fract() == Decimal::ZERO => {
                format::plain(*d)
            }
            Expr::Const(d) => format::money(*d, l),
            Expr::Fact(f) => {
                let fact = &self.cx.rs.facts[*f];
                match &self.cx.profile.values[*f] {
                    Some(v) => format!("{} {}", fact.label.get(l), format::value(fact, v, l)),
                    None => fact.label.get(l).to_owned(),
                }
            }
            Expr::Count { list, filter } => {
                let name = self.cx.rs.facts[*list].label.get(l);
                let n = match self.cx.count(*list, filter) {
                    Some((lo, hi)) if lo == hi => format!(" {lo}"),
                    Some((lo, hi)) => format!(" {lo}–{hi}"),
                    None => String::new(),
                };
                l.pick([
                    format!("符合条件的{name}{n}"),
                    format!("条件を満たす{name}{n}"),
                    format!("qualifying {name}{n}"),
                ])
            }
            Expr::Mul(ts) => terms(ts, " × "),
            Expr::Add(ts) => format!("({})", terms(ts, " + ")),
            Expr::MinOf(ts) => {
                let inner = terms(ts, l.pick(["，", "、", ", "]));
                l.pick([
                    format!("取较小者（{inner}）"),
                    format!("小さい方（{inner}）"),
                    format!("the lesser of ({inner})"),
                ])
            }
            Expr::MaxOf(ts) => {
                let inner = terms(ts, l.pick(["，", "、", ", "]));
                l.pick([
                    format!("取较大者（{inner}）"),
                    format!("大きい方（{inner}）"),
                    format!("the greater of ({inner})"),
                ])
            }
        }
    }
}

/// "项目总投资 800万元，低于 1000万元" and its Japanese and English forms.
fn sentence(
    l: Lang,
    label: &str,
    v: &str,
    op: Op,
    t: &str,
    met: bool,
    operand: &Operand,
) -> String {
    if let Operand::Bool(_) = operand {
        let sep = l.pick(["：", "：", ": "]);
        return format!("{label}{sep}{v}");
    }
    let (a, b) = match operand {
        Operand::NumberRange(..) | Operand::DateRange(..) | Operand::YearRange(..) => t
            .split_once(['–', '–'])
            .map_or((t, ""), |(x, y)| (x.trim(), y.trim())),
        _ => (t, ""),
    };
    let eq_like = matches!(op, Op::Eq | Op::In);
    match l {
        Lang::Zh => {
            let rel = match (op, met) {
                (Op::Ge, true) => format!("达到 {t}"),
                (Op::Ge, false) => format!("低于 {t}"),
                (Op::Gt, true) => format!("超过 {t}"),
                (Op::Gt, false) => format!("未超过 {t}"),
                (Op::Le, true) => format!("未超过 {t}"),
                (Op::Le, false) => format!("超过 {t}"),
                (Op::Lt, true) => format!("低于 {t}"),
                (Op::Lt, false) => format!("未低于 {t}"),
                (Op::Between, true) => format!("在 {a} 至 {b} 之间"),
                (Op::Between, false) => format!("不在 {a} 至 {b} 之间"),
                (_, m) if m == eq_like => format!("属于 {t}"),
                _ => format!("不属于 {t}"),
            };
            format!("{label} {v}，{rel}")
        }
        Lang::Ja => {
            let rel = match (op, met) {
                (Op::Ge, true) | (Op::Lt, false) => format!("{t}以上"),
                (Op::Ge, false) | (Op::Lt, true) => format!("{t}未満"),
                (Op::Gt, true) | (Op::Le, false) => format!("{t}超"),
                (Op::Gt, false) | (Op::Le, true) => format!("{t}以下"),
                (Op::Between, true) => format!("{a}～{b}の範囲内"),
                (Op::Between, false) => format!("{a}～{b}の範囲外"),
                (_, m) if m == eq_like => format!("{t}に該当"),
                _ => format!("{t}に該当しない"),
            };
            format!("{label} {v}、{rel}")
        }
        Lang::En => {
            let rel = match (op, met) {
                (Op::Ge, true) => format!("at least {t}"),
                (Op::Ge, false) => format!("below {t}"),
                (Op::Gt, true) => format!("above {t}"),
                (Op::Gt, false) => format!("not above {t}"),
                (Op::Le, true) => format!("not above {t}"),
                (Op::Le, false) => format!("above {t}"),
                (Op::Lt, true) => format!("below {t}"),
                (Op::Lt, false) => format!("not below {t}"),
                (Op::Between, true) => format!("within {a} to {b}"),
                (Op::Between, false) => format!("outside {a} to {b}"),
                (_, m) if m == eq_like => format!("is {t}"),
                _ => format!("is not {t}"),
            };
            format!("{label} {v}, {rel}")
        }
    }
}
