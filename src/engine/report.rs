//! The report: what a page shows, the command-line tool prints and a screening run stores. Amounts
//! are decimal strings; every report names the ruleset (id, version, content hash) and the date
//! that produced it.

use super::amend::{self, Reading, Standing};
use super::date::Date;
use super::eval::{
    AmountOutcome, Context, Evaluation, Missing, PartOutcome, Status, WindowState, missing_path,
    summarise,
};
use super::explain::{Explainer, Reason};
use super::format;
use super::interval::{AmountKind, Interval};
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
    /// The status under the policy text alone, where later documents in force change it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_status: Option<&'static str>,
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
    /// The window as it stands on the as-of date (amended, unless the text alone is read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<WindowReport>,
    /// The window as the clause states it, where an amendment in force changes it (full detail).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_window: Option<WindowReport>,
    /// The later documents in force on the as-of date that change this part.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<AmendmentReport<'a>>,
    /// The status under the clause alone, where those documents change it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_status: Option<&'static str>,
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

/// A later document that changes a part on the as-of date.
#[derive(Serialize)]
pub struct AmendmentReport<'a> {
    /// The document's source id.
    pub source: &'a str,
    /// `cited`, `verify` or `official`: how far the document's wording was checked.
    pub evidence: &'a str,
    /// The first day the amendment applies.
    pub in_force: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// What it changes: `window`, `conditions`, `amount`.
    pub changes: Vec<&'static str>,
    /// The document's title (full detail).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    /// What it changes, in a sentence: "条文所定期限已于 2023年12月31日 结束；依 … 延续至 2027年12月31日" (full detail).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The words of the document that make the change (full detail).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite: Option<&'a str>,
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
    let kind = i.kind();
    let text = lang.map(|l| {
        let lo = format::money(i.lo, l);
        let hi = i.hi.map(|h| format::money(h, l)).unwrap_or_default();
        let tpl: &Tpl = match kind {
            AmountKind::Exact => &["{0}", "{0}", "{0}"],
            AmountKind::Floor => &["不低于{0}", "{0}以上", "at least {0}"],
            AmountKind::Cap => &["最高{1}", "最大{1}", "up to {1}"],
            AmountKind::Range => &["{0}至{1}", "{0}～{1}", "{0} to {1}"],
        };
        fill(l, tpl, &[&lo, &hi])
    });
    AmountReport {
        min: format::plain(i.lo),
        max: i.hi.map(format::plain),
        kind: kind.code(),
        text,
    }
}

/// The last day of any dated window, as the clauses or any amendment set it: the end of the
/// policy's period, whatever the date.
pub fn last_window_end(rs: &Ruleset) -> Option<Date> {
    let parts = rs.measures.iter().flat_map(|m| &m.parts);
    let clauses = parts.clone().filter_map(|p| p.window.as_ref()?.to);
    let amended = parts
        .flat_map(|p| &p.amendments)
        .filter_map(|a| a.window?.to);
    clauses.chain(amended).max()
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
            .then(|| amend::last_window_end(m.parts.iter(), ev.as_of, cx.reading))
            .flatten()
            .map(|d| d.to_string());
        let text_status = {
            let under_text = ev
                .parts(mo)
                .iter()
                .map(|po| po.text_status.unwrap_or(po.status));
            let s = summarise(under_text);
            (s != mo.status).then(|| s.code())
        };
        measures.push(MeasureReport {
            id: m.id,
            chapter: m.chapter,
            kind: m.kind.code(),
            status: mo.status.code(),
            status_text: full.then(|| mo.status.label(lang)),
            amount: mo.amount.map(|a| amount_report(a, full.then_some(lang))),
            amount_incomplete: mo.amount_incomplete,
            ended,
            text_status,
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
    let open_until = amend::last_window_end(
        rs.measures.iter().flat_map(|m| &m.parts),
        ev.as_of,
        cx.reading,
    );
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
            // Windows as they stand on the as-of date: a 2023 window a later document extends is open.
            windows_closed: open_until.is_some_and(|end| ev.as_of > end),
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
    let standing = ex.cx.standing(p);
    let rule = standing.amount;
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
        window: standing
            .window
            .filter(|_| full)
            .map(|w| window_report(w.from, w.to, po.window)),
        text_window: Standing::clause(p)
            .window
            .filter(|w| {
                full && standing
                    .window
                    .is_some_and(|s| (s.from, s.to) != (w.from, w.to))
            })
            .map(|w| window_report(w.from, w.to, ex.cx.window_state(Some(w)))),
        amendments: standing
            .amendments()
            .filter_map(|i| p.amendments.get(i))
            .map(|a| amendment_report(ex, p, a, full))
            .collect(),
        text_status: po.text_status.map(Status::code),
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
        explanation: full.then(|| ex.part(standing, po.conditions, po.window)),
        note: p.note.as_ref().filter(|_| full).map(|n| n.get(lang)),
    }
}

fn window_report(from: Option<Date>, to: Option<Date>, state: WindowState) -> WindowReport {
    WindowReport {
        from: from.map(|d| d.to_string()),
        to: to.map(|d| d.to_string()),
        state: match state {
            WindowState::Closed => "closed",
            WindowState::NotYet => "not_yet",
            _ => "open",
        },
    }
}

const EXTENDED_AFTER_END: Tpl = [
    "条文所定期限已于 {0} 结束；依 {1} 延续至 {2}",
    "条文の期間は {0} に終了しましたが、{1} により {2} まで延長されています",
    "the clause's period ended on {0}; {1} extends it to {2}",
];
const EXTENDED: Tpl = [
    "依 {1}，期限由 {0} 延续至 {2}",
    "{1} により期間が {0} から {2} まで延長されています",
    "{1} extends the period from {0} to {2}",
];
const ENDED_EARLIER: Tpl = [
    "依 {1}，期限于 {2} 结束（条文所定为 {0}）",
    "{1} により期間は {2} に終了します（条文では {0}）",
    "{1} ends the period on {2} (the clause says {0})",
];
const STARTS: Tpl = [
    "依 {1}，自 {2} 起适用",
    "{1} により {2} から適用されます",
    "{1} applies it from {2}",
];
const NEW_CONDITIONS: Tpl = [
    "依 {1}，适用条件按该文件（见下）",
    "{1} により適用条件が改められています（下記）",
    "{1} sets the conditions (below)",
];
const NEW_AMOUNT: Tpl = [
    "依 {1}，金额按该文件计算",
    "{1} により金額の規則が改められています",
    "{1} sets the amount rule",
];
const UNDER_TEXT: Tpl = [
    "按条文原文：{0}",
    "条文のみでは：{0}",
    "under the clause alone: {0}",
];

/// One amendment in force on the as-of date, and what it changes in words.
fn amendment_report<'a>(
    ex: &Explainer<'_, 'a, '_>,
    p: &'a Part,
    a: &'a Amendment,
    full: bool,
) -> AmendmentReport<'a> {
    let rs: &'a Ruleset = ex.cx.rs;
    let lang = ex.lang;
    let source = rs.sources.get(a.source);
    let title = source.map_or("", |s| s.title.get(lang));
    let mut changes = Vec::new();
    let mut sentences: Vec<String> = Vec::new();
    let day = |d: Option<Date>| d.map_or_else(String::new, |d| format::date(d, lang));
    if let Some(w) = a.window {
        changes.push("window");
        let clause = p.window.as_ref();
        let (clause_from, clause_to) = (clause.and_then(|c| c.from), clause.and_then(|c| c.to));
        if let Some(to) = w.to.filter(|t| Some(*t) != clause_to) {
            let tpl = match clause_to {
                Some(end) if to < end => &ENDED_EARLIER,
                Some(end) if ex.cx.as_of > end => &EXTENDED_AFTER_END,
                _ => &EXTENDED,
            };
            sentences.push(fill(lang, tpl, &[&day(clause_to), title, &day(Some(to))]));
        }
        if let Some(from) = w.from.filter(|f| Some(*f) != clause_from) {
            sentences.push(fill(
                lang,
                &STARTS,
                &[&day(clause_from), title, &day(Some(from))],
            ));
        }
    }
    if a.when.is_some() {
        changes.push("conditions");
        sentences.push(fill(lang, &NEW_CONDITIONS, &["", title]));
    }
    if a.amount.is_some() {
        changes.push("amount");
        sentences.push(fill(lang, &NEW_AMOUNT, &["", title]));
    }
    AmendmentReport {
        source: source.map_or("", |s| s.id.as_str()),
        evidence: source.map_or("", |s| s.evidence.as_str()),
        in_force: a.in_force.to_string(),
        until: a.until.map(|d| d.to_string()),
        changes,
        title: full.then_some(title),
        text: full.then(|| sentences.join(lang.pick(["；", "。", "; "]))),
        cite: full.then(|| a.cite.get(lang)),
        note: a.note.as_ref().filter(|_| full).map(|n| n.get(lang)),
    }
}

/// "按条文原文：已过期": the status under the clause alone, in words.
pub fn under_text(status: Status, lang: Lang) -> String {
    fill(lang, &UNDER_TEXT, &[status.label(lang)])
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
    evaluate_as(rs, input, as_of, Reading::Amended, lang, detail)
}

/// `evaluate` under a chosen reading: the policy as amended on the as-of date, or its text alone.
pub fn evaluate_as<'a>(
    rs: &'a Ruleset,
    input: &crate::engine::value::Value,
    as_of: Date,
    reading: Reading,
    lang: Lang,
    detail: Detail,
) -> Report<'a> {
    let (profile, errors) = Profile::parse(rs, input);
    let mut cx = Context::new(rs, &profile, as_of);
    cx.reading = reading;
    let ev = cx.evaluate();
    build(&cx, &ev, &errors, lang, detail)
}
