//! A part in a report: its status, amount and window in words, the amendments that change it, and
//! (in full) why it stands as it does.

use super::types::{AmendmentReport, Detail, PartReport, PartWhy, WindowReport, amount_report};
use crate::engine::amend::Standing;
use crate::engine::date::Date;
use crate::engine::eval::{AmountOutcome, Missing, PartOutcome, Status, WindowState};
use crate::engine::explain::Explainer;
use crate::engine::format;
use crate::engine::messages;
use crate::engine::model::*;
use crate::engine::text::{Lang, Tpl, fill};
use std::borrow::Cow;

pub(super) fn part_report<'a>(
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

pub(super) fn part_why<'a>(
    ex: &Explainer<'_, 'a, '_>,
    p: &'a Part,
    po: &PartOutcome,
) -> PartWhy<'a> {
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
