//! The parts within reach in words: which answer or which number, and what it would bring.

use super::types::{ReachReport, amount_report};
use crate::engine::eval::{AmountOutcome, Context, Evaluation, Status};
use crate::engine::format;
use crate::engine::messages;
use crate::engine::model::*;
use crate::engine::profile::FactValue;
use crate::engine::reach;
use crate::engine::text::{Lang, fill};

/// The parts within reach, each with the change in words, the most money first (a floor counts
/// as unbounded; parts without an amount last).
pub(super) fn within_reach<'a>(
    cx: &Context<'a, '_>,
    ev: &Evaluation,
    lang: Lang,
) -> Vec<ReachReport<'a>> {
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
