//! The report: what a page shows, the command-line tool prints and a screening run stores. Amounts
//! are decimal strings; every report names the ruleset (id, version, content hash) and the date
//! that produced it.
//!
//! `types` holds what a report is made of (serialised as it is); `parts` a part's words, its
//! amendments and windows; `why` one measure's reasons, asked for when a person opens it; `reach`
//! the parts one change away from eligible, in words.

mod parts;
mod reach;
mod types;
mod why;

pub use parts::under_text;
pub use types::{
    AmendmentReport, AmountReport, DerivedReport, Detail, ErrorReport, MeasureReport, PartReport,
    PartWhy, Period, ReachReport, Report, RulesetRef, SizeReport, Summary, WindowReport,
    amount_report,
};
pub use why::{MeasureWhy, why};

use crate::engine::amend::{self, Reading};
use crate::engine::date::Date;
use crate::engine::eval::{Context, Evaluation, Missing, Status, missing_path, summarise};
use crate::engine::explain::Explainer;
use crate::engine::interval::Interval;
use crate::engine::model::*;
use crate::engine::next;
use crate::engine::profile::{FieldError, Profile};
use crate::engine::text::Lang;
use parts::part_report;
use reach::within_reach;

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
            .map(|e| ErrorReport::of(e, rs, lang))
            .collect(),
    }
}

/// An as-of date from text, or the error the page shows beside the date field.
pub fn parse_as_of(text: &str) -> Result<Date, FieldError> {
    Date::parse(text.trim()).ok_or(FieldError {
        path: "as_of".into(),
        fact: None,
        problem: crate::engine::profile::FieldProblem::BadDate,
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
