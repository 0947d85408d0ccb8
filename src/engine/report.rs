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
use super::messages;
use super::model::*;
use super::next::{self, Question};
use super::profile::FactValue;
use super::profile::{FieldError, Profile};
use super::reach;
use super::text::{Lang, Tpl, fill};
use serde::Serialize;
use std::borrow::Cow;

/// How much to put in a report: `Summary` for screening many enterprises (statuses, amounts,
/// missing facts), `Full` for a person reading it (texts, explanations, next questions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    Summary,
    /// What a page shows before anyone asks why: `Full` without the explanations, formulas,
    /// clause words and the named conditions (`why` gives those for one measure when asked).
    Page,
    Full,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Report<'a> {
    pub as_of: String,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Lang"))]
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
    /// Parts one answer or one number away from eligible, the most money first (words detail).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within_reach: Option<Vec<ReachReport<'a>>>,
    pub errors: Vec<ErrorReport>,
}

/// A part one change away from eligible: which answer, and what it would bring.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct ReachReport<'a> {
    pub measure: u32,
    pub part: &'a str,
    /// The fact to answer or change, and the value that makes the part eligible.
    pub fact: &'a str,
    pub value: String,
    /// The fact's present value, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub now: Option<String>,
    pub amount: Option<AmountReport>,
    /// "技术改造项目总投资达到 1000万元 → 最高100万元".
    pub text: String,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct DerivedReport<'a> {
    pub id: &'a str,
    pub label: &'a str,
    /// `met`, `not_met` or `unknown`.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Outcome"))]
    pub outcome: &'static str,
    pub explanation: Vec<Reason<'a>>,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct RulesetRef<'a> {
    pub id: &'a str,
    pub version: &'a str,
    pub hash: &'a str,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct SizeReport<'a> {
    /// `large`, `medium`, `small`, `micro`, or null while more than one is possible.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "SizeClass | null"))]
    pub class: Option<&'static str>,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "SizeClass[]"))]
    pub possible: Vec<&'static str>,
    pub missing: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Vec<Reason<'a>>>,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
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
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Period {
    pub from: String,
    pub to: Option<String>,
}

#[derive(Serialize, Clone)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct AmountReport {
    pub min: String,
    /// Absent (null) for a floor: "不低于" has no upper bound.
    pub max: Option<String>,
    /// `exact`, `floor`, `cap` or `range`.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "AmountKind"))]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct WindowReport {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// `open`, `not_yet` or `closed` on the as-of date.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "WindowState"))]
    pub state: &'static str,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct MeasureReport<'a> {
    pub id: u32,
    pub chapter: u32,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "MeasureKind"))]
    pub kind: &'static str,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Status"))]
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_text: Option<&'static str>,
    pub amount: Option<AmountReport>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub amount_incomplete: bool,
    /// For an expired measure: the day its last window closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<String>,
    /// The status under the policy text alone, where later documents in force change it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Status"))]
    pub text_status: Option<&'static str>,
    /// The same in words: "按条文原文：已过期" (words detail).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_status_text: Option<String>,
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
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct PartReport<'a> {
    pub id: &'a str,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Status"))]
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
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub amendments: Vec<AmendmentReport<'a>>,
    /// The status under the clause alone, where those documents change it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Status"))]
    pub text_status: Option<&'static str>,
    /// The same in words: "按条文原文：已过期" (words detail).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_status_text: Option<String>,
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
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct AmendmentReport<'a> {
    /// The document's source id.
    pub source: &'a str,
    /// `cited`, `verify` or `official`: how far the document's wording was checked.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Evidence"))]
    pub evidence: &'a str,
    /// The first day the amendment applies.
    pub in_force: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// What it changes: `window`, `conditions`, `amount`.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "AmendmentChange[]"))]
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
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
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
            AmountKind::Exact => &messages::AMOUNT_EXACT,
            AmountKind::Floor => &messages::AMOUNT_FLOOR,
            AmountKind::Cap => &messages::AMOUNT_CAP,
            AmountKind::Range => &messages::AMOUNT_RANGE,
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
    // Words: titles, statuses, amounts, windows, departments in the language. Why: the reasons.
    let words = detail != Detail::Summary;
    let full = detail == Detail::Full;
    let text = |t: &'a crate::engine::text::Text| words.then(|| rs.text(t, lang));
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
            .map(|(p, po)| part_report(&ex, p, po, detail, &paths))
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
            (s != mo.status).then_some(s)
        };
        measures.push(MeasureReport {
            id: m.id,
            chapter: m.chapter,
            kind: m.kind.code(),
            status: mo.status.code(),
            status_text: words.then(|| mo.status.label(lang)),
            amount: mo.amount.map(|a| amount_report(a, words.then_some(lang))),
            amount_incomplete: mo.amount_incomplete,
            ended,
            text_status: text_status.map(Status::code),
            text_status_text: text_status.filter(|_| words).map(|t| under_text(t, lang)),
            parts,
            missing: paths(&mo.missing),
            title: text(&m.title),
            departments: words.then(|| {
                m.departments
                    .iter()
                    .map(|d| rs.text(&rs.departments[*d].name, lang))
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
        text: (words && rs.size_standard.is_some()).then(|| ex.size_class_text()),
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
            amount: total.map(|t| amount_report(t, words.then_some(lang))),
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
                    label: rs.text(&d.label, lang),
                    outcome: cx.derived(i).code(),
                    explanation: ex.derived(d),
                })
                .collect()
        }),
        next_questions: words.then(|| next::questions(cx, ev, lang)),
        within_reach: words.then(|| within_reach(cx, ev, lang)),
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
    detail: Detail,
    paths: &dyn Fn(&[Missing]) -> Vec<Cow<'a, str>>,
) -> PartReport<'a> {
    let rs: &'a Ruleset = ex.cx.rs;
    let lang = ex.lang;
    let words = detail != Detail::Summary;
    let amount = match &po.amount {
        AmountOutcome::Known(i) => Some(amount_report(*i, words.then_some(lang))),
        _ => None,
    };
    let standing = ex.cx.standing(p);
    let amount_problem = match &po.amount {
        AmountOutcome::Overflow => Some(lang.say(&messages::AMOUNT_OVERFLOW)),
        AmountOutcome::Inconsistent => Some(lang.say(&messages::AMOUNT_INCONSISTENT)),
        _ => None,
    };
    let why = (detail == Detail::Full).then(|| part_why(ex, p, po));
    let (formula, basis, amount_cite, explanation, note) = match why {
        Some(w) => (
            w.formula,
            w.basis,
            w.amount_cite,
            Some(w.explanation),
            w.note,
        ),
        None => (None, None, None, None, None),
    };
    PartReport {
        id: &p.id,
        status: po.status.code(),
        status_text: words.then(|| po.status.label(lang)),
        amount,
        amount_problem: amount_problem.filter(|_| words),
        window: standing
            .window
            .filter(|_| words)
            .map(|w| window_report(w.from, w.to, po.window)),
        text_window: Standing::clause(p)
            .window
            .filter(|w| {
                words
                    && standing
                        .window
                        .is_some_and(|s| (s.from, s.to) != (w.from, w.to))
            })
            .map(|w| window_report(w.from, w.to, ex.cx.window_state(Some(w)))),
        amendments: standing
            .amendments()
            .filter_map(|i| p.amendments.get(i))
            .map(|a| amendment_report(ex, p, a, detail))
            .collect(),
        text_status: po.text_status.map(Status::code),
        text_status_text: po
            .text_status
            .filter(|_| words)
            .map(|t| under_text(t, lang)),
        missing: words.then(|| paths(&po.missing)),
        title: words.then(|| rs.text(&p.title, lang)),
        formula,
        basis,
        amount_cite,
        explanation,
        note,
    }
}

/// The parts within reach, each with the change in words, the most money first (a floor counts
/// as unbounded; parts without an amount last).
fn within_reach<'a>(cx: &Context<'a, '_>, ev: &Evaluation, lang: Lang) -> Vec<ReachReport<'a>> {
    let rs: &'a Ruleset = cx.rs;
    let found: Vec<(Option<Option<rust_decimal::Decimal>>, ReachReport<'a>)> =
        reach::within_reach(cx, ev)
            .into_iter()
            .filter_map(|r| {
                let m = rs.measures.get(r.measure)?;
                let p = m.parts.get(r.part)?;
                let fact = rs.facts.get(r.fact)?;
                let value = format::value(rs, fact, &r.value, lang);
                let label = rs.text(&fact.label, lang);
                let change = match (&r.value, r.op) {
                    (FactValue::Number(_), Op::Ge | Op::Gt) => {
                        fill(lang, &messages::REACH_AT_LEAST, &[label, &value])
                    }
                    (FactValue::Number(_), Op::Le | Op::Lt) => {
                        fill(lang, &messages::REACH_AT_MOST, &[label, &value])
                    }
                    _ => fill(lang, &messages::LABELLED, &[label, &value]),
                };
                let amount = match r.amount {
                    AmountOutcome::Known(i) => Some(amount_report(i, Some(lang))),
                    _ => None,
                };
                let gain = amount
                    .as_ref()
                    .and_then(|a| a.text.clone())
                    .unwrap_or_else(|| Status::Eligible.label(lang).to_owned());
                let rank = match r.amount {
                    AmountOutcome::Known(i) => Some(i.hi),
                    _ => None,
                };
                let now = cx
                    .profile
                    .values
                    .get(r.fact)
                    .and_then(Option::as_ref)
                    .map(|v| format::value(rs, fact, v, lang));
                Some((
                    rank,
                    ReachReport {
                        measure: m.id,
                        part: &p.id,
                        fact: &fact.id,
                        value,
                        now,
                        amount,
                        text: fill(lang, &messages::REACH_THEN, &[&change, &gain]),
                    },
                ))
            })
            .collect();
    // Unbounded (a floor) above any cap; a known amount above none; larger above smaller.
    let key = |rank: &Option<Option<rust_decimal::Decimal>>| match rank {
        Some(None) => (2, rust_decimal::Decimal::ZERO),
        Some(Some(d)) => (1, *d),
        None => (0, rust_decimal::Decimal::ZERO),
    };
    // A short list: an insertion sort, stable, keeps the module smaller than the library's sort.
    let mut sorted: Vec<(Option<Option<rust_decimal::Decimal>>, ReachReport<'a>)> =
        Vec::with_capacity(found.len());
    for item in found {
        let at = sorted
            .iter()
            .position(|x| key(&x.0) < key(&item.0))
            .unwrap_or(sorted.len());
        sorted.insert(at, item);
    }
    sorted.into_iter().map(|(_, r)| r).collect()
}

/// Why a part stands as it does: its reasons, and how its amount is computed.
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct PartWhy<'a> {
    pub id: &'a str,
    /// How the amount is computed, with the enterprise's figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
    /// The assumption made where the clause leaves the base open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_cite: Option<&'a str>,
    pub explanation: Vec<Reason<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    /// The later documents in force that change the part, with their words and notes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub amendments: Vec<AmendmentReport<'a>>,
}

fn part_why<'a>(ex: &Explainer<'_, 'a, '_>, p: &'a Part, po: &PartOutcome) -> PartWhy<'a> {
    let rs: &'a Ruleset = ex.cx.rs;
    let lang = ex.lang;
    let standing = ex.cx.standing(p);
    let rule = standing.amount;
    PartWhy {
        id: &p.id,
        formula: rule.map(|r| {
            let lo = ex.formula(&r.min);
            let hi = r.max.as_ref().map(|e| ex.formula(e));
            let tpl: &Tpl = match &hi {
                Some(h) if *h == lo => &messages::COMPUTED_EXACT,
                Some(_) if matches!(r.min, Expr::Const(z) if z.is_zero()) => {
                    &messages::COMPUTED_UP_TO
                }
                Some(_) => &messages::COMPUTED_RANGE,
                None => &messages::COMPUTED_AT_LEAST,
            };
            fill(lang, tpl, &[&lo, hi.as_deref().unwrap_or("")])
        }),
        basis: rule
            .and_then(|r| r.basis.as_ref())
            .map(|b| rs.text(b, lang)),
        amount_cite: rule.map(|r| rs.text(&r.cite, lang)),
        explanation: ex.part(standing, po.conditions, po.window),
        note: p.note.as_ref().map(|n| rs.text(n, lang)),
        amendments: standing
            .amendments()
            .filter_map(|i| p.amendments.get(i))
            .map(|a| amendment_report(ex, p, a, Detail::Full))
            .collect(),
    }
}

/// Why one measure stands as it does, asked for when a person opens it: each part's reasons and
/// amount, and what the named conditions those reasons name consist of (the size class too, when
/// one of them is the size class).
#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct MeasureWhy<'a> {
    pub id: u32,
    pub parts: Vec<PartWhy<'a>>,
    pub derived: Vec<DerivedReport<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_class: Option<Vec<Reason<'a>>>,
}

/// `MeasureWhy` of the measure with this id, or None when the ruleset has no such measure.
pub fn why<'a>(
    cx: &Context<'a, '_>,
    ev: &Evaluation,
    id: u32,
    lang: Lang,
) -> Option<MeasureWhy<'a>> {
    let rs: &'a Ruleset = cx.rs;
    let at = rs.measures.iter().position(|m| m.id == id)?;
    let (m, mo) = (&rs.measures[at], ev.measures.get(at)?);
    let ex = Explainer {
        cx,
        lang,
        clause: m.id,
    };
    let parts: Vec<PartWhy<'a>> = m
        .parts
        .iter()
        .zip(ev.parts(mo))
        .map(|(p, po)| part_why(&ex, p, po))
        .collect();
    // The named conditions the reasons name, and those their own reasons name, once each.
    let named = Explainer {
        cx,
        lang,
        clause: 0,
    };
    let mut derived: Vec<DerivedReport<'a>> = Vec::new();
    let mut pending: Vec<String> = parts
        .iter()
        .flat_map(|p| &p.explanation)
        .filter_map(|r| r.fact.as_deref().map(str::to_owned))
        .collect();
    let mut size_class = None;
    while let Some(name) = pending.pop() {
        if let Some(std) = &rs.size_standard
            && rs.facts.get(std.class_fact).is_some_and(|f| f.id == name)
        {
            size_class.get_or_insert_with(|| named.size_comparisons(0));
            continue;
        }
        let Some(i) = rs.derived.iter().position(|d| d.id == name) else {
            continue;
        };
        if derived.iter().any(|d| d.id == name) {
            continue;
        }
        let d = &rs.derived[i];
        let explanation = named.derived(d);
        pending.extend(
            explanation
                .iter()
                .filter_map(|r| r.fact.as_deref().map(str::to_owned)),
        );
        derived.push(DerivedReport {
            id: &d.id,
            label: rs.text(&d.label, lang),
            outcome: cx.derived(i).code(),
            explanation,
        });
    }
    Some(MeasureWhy {
        id,
        parts,
        derived,
        size_class,
    })
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

/// One amendment in force on the as-of date, and what it changes in words.
fn amendment_report<'a>(
    ex: &Explainer<'_, 'a, '_>,
    p: &'a Part,
    a: &'a Amendment,
    detail: Detail,
) -> AmendmentReport<'a> {
    let words = detail != Detail::Summary;
    let full = detail == Detail::Full;
    let rs: &'a Ruleset = ex.cx.rs;
    let lang = ex.lang;
    let source = rs.sources.get(a.source);
    let title = source.map_or("", |s| rs.text(&s.title, lang));
    let mut changes = Vec::new();
    let mut sentences: Vec<String> = Vec::new();
    let day = |d: Option<Date>| d.map_or_else(String::new, |d| format::date(d, lang));
    if let Some(w) = a.window {
        changes.push("window");
        let clause = p.window.as_ref();
        let (clause_from, clause_to) = (clause.and_then(|c| c.from), clause.and_then(|c| c.to));
        if let Some(to) = w.to.filter(|t| Some(*t) != clause_to) {
            let tpl = match clause_to {
                Some(end) if to < end => &messages::ENDED_EARLIER,
                Some(end) if ex.cx.as_of > end => &messages::EXTENDED_AFTER_END,
                _ => &messages::EXTENDED,
            };
            sentences.push(fill(lang, tpl, &[&day(clause_to), title, &day(Some(to))]));
        }
        if let Some(from) = w.from.filter(|f| Some(*f) != clause_from) {
            sentences.push(fill(
                lang,
                &messages::STARTS,
                &[&day(clause_from), title, &day(Some(from))],
            ));
        }
    }
    if a.when.is_some() {
        changes.push("conditions");
        sentences.push(fill(lang, &messages::NEW_CONDITIONS, &["", title]));
    }
    if a.amount.is_some() {
        changes.push("amount");
        sentences.push(fill(lang, &messages::NEW_AMOUNT, &["", title]));
    }
    AmendmentReport {
        source: source.map_or("", |s| s.id.as_str()),
        evidence: source.map_or("", |s| s.evidence.as_str()),
        in_force: a.in_force.to_string(),
        until: a.until.map(|d| d.to_string()),
        changes,
        title: words.then_some(title),
        text: words.then(|| sentences.join(lang.say(&messages::SENTENCE_SEP))),
        cite: full.then(|| rs.text(&a.cite, lang)),
        note: a.note.as_ref().filter(|_| full).map(|n| rs.text(n, lang)),
    }
}

/// "按条文原文：已过期": the status under the clause alone, in words.
pub fn under_text(status: Status, lang: Lang) -> String {
    fill(lang, &messages::UNDER_TEXT, &[status.label(lang)])
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
