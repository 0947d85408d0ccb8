//! The report: what a page shows, the command-line tool prints and a screening run stores. Amounts
//! are decimal strings; every report names the ruleset (id, version, content hash) and the date
//! that produced it.

use super::date::Date;
use super::eval::{
    AmountOutcome, Context, Evaluation, Interval, Missing, PartOutcome, Status, WindowState,
};
use super::explain::{Explainer, Reason};
use super::format;
use super::model::*;
use super::next::{self, Question};
use super::profile::{FieldError, Profile};
use super::text::{Lang, Tpl, fill};
use serde::Serialize;
use std::borrow::Cow;

/// How much to put in a report: `Summary` for screening many enterprises (statuses, amounts,
/// missing facts), `Full` for a person reading it (texts, explanations, next questions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    Summary,
    Full,
}

#[derive(Serialize)]
pub struct Report<'a> {
    pub as_of: String,
    pub lang: &'static str,
    pub engine: &'static str,
    pub ruleset: RulesetRef<'a>,
    pub size_class: SizeReport<'a>,
    pub summary: Summary,
    pub measures: Vec<MeasureReport<'a>>,
    /// The named conditions the measures share ("a Shanghai SME"…), each explained once here; a
    /// part's explanation names them in one line (its `fact` is the id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived: Option<Vec<DerivedReport<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_questions: Option<Vec<Question<'a>>>,
    pub errors: Vec<ErrorReport>,
}

#[derive(Serialize)]
pub struct DerivedReport<'a> {
    pub id: &'a str,
    pub label: &'a str,
    /// `met`, `not_met` or `unknown`.
    pub outcome: &'static str,
    pub explanation: Vec<Reason<'a>>,
}

#[derive(Serialize)]
pub struct RulesetRef<'a> {
    pub id: &'a str,
    pub version: &'a str,
    pub hash: &'a str,
}

#[derive(Serialize)]
pub struct SizeReport<'a> {
    /// `large`, `medium`, `small`, `micro`, or null while more than one is possible.
    pub class: Option<&'static str>,
    pub possible: Vec<&'static str>,
    pub missing: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Vec<Reason<'a>>>,
}

#[derive(Serialize)]
pub struct Summary {
    pub eligible: usize,
    pub needs_info: usize,
    pub ineligible: usize,
    pub expired: usize,
    pub not_applicable: usize,
    /// Sum of the amounts that can be estimated, over eligible measures.
    pub amount: Option<AmountReport>,
    /// Eligible measures whose amount is not stated or not yet computable.
    pub eligible_without_amount: usize,
    /// The policy's period: its issue date to the last dated window.
    pub period: Period,
    /// Every dated window of the policy has closed by the as-of date.
    pub windows_closed: bool,
}

#[derive(Serialize)]
pub struct Period {
    pub from: String,
    pub to: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct AmountReport {
    pub min: String,
    /// Absent (null) for a floor: "不低于" has no upper bound.
    pub max: Option<String>,
    /// `exact`, `floor`, `cap` or `range`.
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Serialize)]
pub struct WindowReport {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// `open`, `not_yet` or `closed` on the as-of date.
    pub state: &'static str,
}

#[derive(Serialize)]
pub struct MeasureReport<'a> {
    pub id: u32,
    pub chapter: u32,
    pub kind: &'static str,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_text: Option<&'static str>,
    pub amount: Option<AmountReport>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub amount_incomplete: bool,
    /// For an expired measure: the day its last window closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<String>,
    pub parts: Vec<PartReport<'a>>,
    pub missing: Vec<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub departments: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

#[derive(Serialize)]
pub struct PartReport<'a> {
    pub id: &'a str,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_text: Option<&'static str>,
    pub amount: Option<AmountReport>,
    /// Eligible, but the amount cannot be given for these figures: why (full detail).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_problem: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<WindowReport>,
    /// The part's own missing facts (full detail; the measure lists them all in either detail).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<Vec<Cow<'a, str>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// How the amount is computed, with the enterprise's figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
    /// The assumption made where the clause leaves the base open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_cite: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Vec<Reason<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ErrorReport {
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

pub fn amount_report(i: Interval, lang: Option<Lang>) -> AmountReport {
    let kind = match i.hi {
        None => "floor",
        Some(hi) if hi == i.lo => "exact",
        Some(_) if i.lo.is_zero() => "cap",
        Some(_) => "range",
    };
    let text = lang.map(|l| {
        let lo = format::money(i.lo, l);
        let hi = i.hi.map(|h| format::money(h, l)).unwrap_or_default();
        let tpl: &Tpl = match kind {
            "exact" => &["{0}", "{0}", "{0}"],
            "floor" => &["不低于{0}", "{0}以上", "at least {0}"],
            "cap" => &["最高{1}", "最大{1}", "up to {1}"],
            _ => &["{0}至{1}", "{0}～{1}", "{0} to {1}"],
        };
        fill(l, tpl, &[&lo, &hi])
    });
    AmountReport {
        min: format::plain(i.lo),
        max: i.hi.map(format::plain),
        kind,
        text,
    }
}

pub fn missing_path<'a>(rs: &'a Ruleset, m: &Missing) -> Cow<'a, str> {
    let fact = &rs.facts[m.fact];
    match (m.item, &fact.kind) {
        (Some((i, f)), FactKind::List { fields, .. }) => format!(
            "{}[{i}].{}",
            fact.id,
            fields.get(f).map_or("", |x| x.id.as_str())
        )
        .into(),
        _ => Cow::Borrowed(fact.id.as_str()),
    }
}

/// The last day of any dated window: after it, the policy has nothing left to claim.
pub fn last_window_end(rs: &Ruleset) -> Option<Date> {
    rs.measures
        .iter()
        .flat_map(|m| &m.parts)
        .filter_map(|p| p.window.as_ref()?.to)
        .max()
}

pub fn build<'a>(
    cx: &Context<'a, '_>,
    ev: &Evaluation,
    errors: &[FieldError],
    lang: Lang,
    detail: Detail,
) -> Report<'a> {
    let rs: &'a Ruleset = cx.rs;
    let full = detail == Detail::Full;
    let text = |t: &'a crate::engine::text::Text| full.then(|| t.get(lang));
    let paths = |ms: &[Missing]| ms.iter().map(|m| missing_path(rs, m)).collect::<Vec<_>>();

    let mut counts = [0usize; 5];
    let mut total: Option<Interval> = None;
    let mut eligible_without_amount = 0;
    let mut measures = Vec::with_capacity(rs.measures.len());
    for (m, mo) in rs.measures.iter().zip(&ev.measures) {
        counts[Status::ALL
            .iter()
            .position(|s| *s == mo.status)
            .unwrap_or(0)] += 1;
        if mo.status == Status::Eligible {
            match mo.amount {
                Some(a) if !mo.amount_incomplete => {
                    match total.map_or(Some(a), |t| t.checked_add(a)) {
                        Some(sum) => total = Some(sum),
                        // Beyond exact computation: said (one more measure without an amount in
                        // the total), not folded silently into a floor.
                        None => eligible_without_amount += 1,
                    }
                }
                _ => eligible_without_amount += 1,
            }
        }
        let ex = Explainer {
            cx,
            lang,
            clause: m.id,
        };
        let parts = m
            .parts
            .iter()
            .zip(ev.parts(mo))
            .map(|(p, po)| part_report(&ex, p, po, full, &paths))
            .collect();
        let ended = (mo.status == Status::Expired)
            .then(|| m.parts.iter().filter_map(|p| p.window.as_ref()?.to).max())
            .flatten()
            .map(|d| d.to_string());
        measures.push(MeasureReport {
            id: m.id,
            chapter: m.chapter,
            kind: m.kind.code(),
            status: mo.status.code(),
            status_text: full.then(|| mo.status.label(lang)),
            amount: mo.amount.map(|a| amount_report(a, full.then_some(lang))),
            amount_incomplete: mo.amount_incomplete,
            ended,
            parts,
            missing: paths(&mo.missing),
            title: text(&m.title),
            departments: full.then(|| {
                m.departments
                    .iter()
                    .map(|d| rs.departments[*d].name.get(lang))
                    .collect()
            }),
            note: m.note.as_ref().and_then(text),
        });
    }

    let period_end = last_window_end(rs);
    let ex = Explainer {
        cx,
        lang,
        clause: 0,
    };
    let size_class = SizeReport {
        class: ev.size.class().map(|c| SIZE_CLASSES[c]),
        possible: (0..4)
            .filter(|i| ev.size.possible & (1 << i) != 0)
            .map(|i| SIZE_CLASSES[i])
            .collect(),
        missing: ev
            .size
            .missing
            .iter()
            .map(|f| rs.facts[*f].id.as_str())
            .collect(),
        text: (full && rs.size_standard.is_some()).then(|| ex.size_class_text()),
        explanation: (full && rs.size_standard.is_some()).then(|| ex.size_comparisons(0)),
    };
    Report {
        as_of: ev.as_of.to_string(),
        lang: lang.code(),
        engine: concat!("sme-eligibility ", env!("CARGO_PKG_VERSION")),
        ruleset: RulesetRef {
            id: &rs.id,
            version: &rs.version,
            hash: &rs.hash,
        },
        size_class,
        summary: Summary {
            eligible: counts[0],
            needs_info: counts[1],
            ineligible: counts[2],
            expired: counts[3],
            not_applicable: counts[4],
            amount: total.map(|t| amount_report(t, full.then_some(lang))),
            eligible_without_amount,
            period: Period {
                from: rs.issued.to_string(),
                to: period_end.map(|d| d.to_string()),
            },
            windows_closed: period_end.is_some_and(|end| ev.as_of > end),
        },
        measures,
        derived: full.then(|| {
            rs.derived
                .iter()
                .enumerate()
                .map(|(i, d)| DerivedReport {
                    id: &d.id,
                    label: d.label.get(lang),
                    outcome: cx.derived(i).code(),
                    explanation: ex.derived(d),
                })
                .collect()
        }),
        next_questions: full.then(|| next::questions(cx, ev, lang)),
        errors: errors
            .iter()
            .map(|e| ErrorReport {
                field: e.path.clone(),
                code: e.code(),
                message: e.message(rs, lang),
            })
            .collect(),
    }
}

fn part_report<'a>(
    ex: &Explainer<'_, 'a, '_>,
    p: &'a Part,
    po: &PartOutcome,
    full: bool,
    paths: &dyn Fn(&[Missing]) -> Vec<Cow<'a, str>>,
) -> PartReport<'a> {
    let lang = ex.lang;
    let amount = match &po.amount {
        AmountOutcome::Known(i) => Some(amount_report(*i, full.then_some(lang))),
        _ => None,
    };
    let rule = p.amount.as_ref();
    let amount_problem = match &po.amount {
        AmountOutcome::Overflow => Some(lang.pick([
            "金额超出可精确计算的范围，未予估算",
            "金額が正確に計算できる範囲を超えるため、見積もっていません",
            "the amount is beyond exact computation and is not estimated",
        ])),
        AmountOutcome::Inconsistent => Some(lang.pick([
            "按所填数据，金额规则的下限高于上限，无法估算",
            "入力された数値では金額規則の下限が上限を上回るため、見積もれません",
            "for these figures the rule's minimum is above its maximum: no estimate",
        ])),
        _ => None,
    };
    PartReport {
        id: &p.id,
        status: po.status.code(),
        status_text: full.then(|| po.status.label(lang)),
        amount,
        amount_problem: amount_problem.filter(|_| full),
        window: p.window.as_ref().filter(|_| full).map(|w| WindowReport {
            from: w.from.map(|d| d.to_string()),
            to: w.to.map(|d| d.to_string()),
            state: match po.window {
                WindowState::Closed => "closed",
                WindowState::NotYet => "not_yet",
                _ => "open",
            },
        }),
        missing: full.then(|| paths(&po.missing)),
        title: full.then(|| p.title.get(lang)),
        formula: rule.filter(|_| full).map(|r| {
            let lo = ex.formula(&r.min);
            let hi = r.max.as_ref().map(|e| ex.formula(e));
            let tpl: &Tpl = match &hi {
                Some(h) if *h == lo => &["{0}", "{0}", "{0}"],
                Some(_) if matches!(r.min, Expr::Const(z) if z.is_zero()) => {
                    &["不超过 {1}", "{1} 以内", "up to {1}"]
                }
                Some(_) => &["{0} – {1}", "{0} – {1}", "{0} – {1}"],
                None => &["不低于 {0}", "{0} 以上", "at least {0}"],
            };
            fill(lang, tpl, &[&lo, hi.as_deref().unwrap_or("")])
        }),
        basis: rule
            .filter(|_| full)
            .and_then(|r| r.basis.as_ref())
            .map(|b| b.get(lang)),
        amount_cite: rule.filter(|_| full).map(|r| r.cite.get(lang)),
        explanation: full.then(|| ex.part(p, po.conditions, po.window)),
        note: p.note.as_ref().filter(|_| full).map(|n| n.get(lang)),
    }
}

/// An as-of date from text, or the error the page shows beside the date field.
pub fn parse_as_of(text: &str) -> Result<Date, FieldError> {
    Date::parse(text.trim()).ok_or(FieldError {
        path: "as_of".into(),
        fact: None,
        problem: super::profile::FieldProblem::BadDate,
    })
}

/// Everything in one call: a profile (already parsed into a `Value`) in, a report out.
pub fn evaluate<'a>(
    rs: &'a Ruleset,
    input: &crate::engine::value::Value,
    as_of: Date,
    lang: Lang,
    detail: Detail,
) -> Report<'a> {
    let (profile, errors) = Profile::parse(rs, input);
    let cx = Context::new(rs, &profile, as_of);
    let ev = cx.evaluate();
    build(&cx, &ev, &errors, lang, detail)
}
