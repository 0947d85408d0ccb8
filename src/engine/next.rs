//! Which question to ask next: the unknown facts ranked by how much answering them can change,
//! first in statuses (how many measures still wait on them), then in money (the most those
//! measures could bring). A form asks only these, so nobody answers what cannot matter.

use super::decimal::exact_add;
use super::eval::{AmountOutcome, Context, Evaluation, Missing, Scope, Status, missing_path};
use super::format;
use super::logic::Tri;
use super::messages;
use super::model::{FactKind, Ruleset};
use super::text::{Lang, fill};
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;
use std::cmp::Reverse;

#[derive(Serialize, Clone, Debug)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Question<'a> {
    /// The fact's path in the profile: `headcount`, `hires[1].contract_months`.
    pub fact: Cow<'a, str>,
    pub label: String,
    pub section: &'a str,
    /// Measures whose status waits on this answer.
    pub measures: Vec<u32>,
    /// The most the measures waiting on it could bring, in yuan; null when that has no bound.
    pub money: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub money_text: Option<String>,
}

struct Tally {
    missing: Missing,
    measures: Vec<u32>,
    money: Option<Decimal>,
    unbounded: bool,
}

pub fn questions<'a>(cx: &Context<'a, '_>, ev: &Evaluation, lang: Lang) -> Vec<Question<'a>> {
    let rs: &'a Ruleset = cx.rs;
    let mut tallies: Vec<Tally> = Vec::new();
    let mut add = |m: Missing, measure: Option<u32>, money: Option<Decimal>| {
        let i = match tallies.iter().position(|t| t.missing == m) {
            Some(i) => i,
            None => {
                tallies.push(Tally {
                    missing: m,
                    measures: Vec::new(),
                    money: Some(Decimal::ZERO),
                    unbounded: false,
                });
                tallies.len() - 1
            }
        };
        let t = &mut tallies[i];
        if let Some(id) = measure
            && !t.measures.contains(&id)
        {
            t.measures.push(id);
        }
        match money {
            // Exact or nothing, as for amounts (`checked_add` would round a sum beyond 28 digits).
            Some(d) => t.money = t.money.and_then(|x| exact_add(x, d)),
            None => t.unbounded = true,
        }
    };
    for (m, mo) in rs.measures.iter().zip(&ev.measures) {
        for (p, po) in m.parts.iter().zip(ev.parts(mo)) {
            let potential = match cx.standing(p).amount {
                Some(rule) => cx.potential(rule),
                None => Some(Decimal::ZERO),
            };
            if po.status == Status::NeedsInfo {
                for miss in &po.missing {
                    add(*miss, Some(m.id), potential);
                }
            } else if let AmountOutcome::Unknown(ms) = &po.amount {
                // Eligible already: the answer changes only the money.
                for miss in ms {
                    add(*miss, None, potential);
                }
            }
        }
    }
    // Ask a fact only once its own precondition holds (monthly VAT sales of a small-scale taxpayer).
    tallies.retain(|t| match &rs.facts[t.missing.fact].ask_if {
        Some(c) if t.missing.item.is_none() => cx.eval(c, Scope::Top) == Tri::True,
        _ => true,
    });
    // Most measures waiting first, then the most money (unbounded first), then the ruleset's order.
    // A short list: an insertion sort keeps the order stable and the module small.
    let key = |t: &Tally| {
        (
            Reverse(t.measures.len()),
            Reverse(t.unbounded),
            Reverse(t.money),
            t.missing,
        )
    };
    for i in 1..tallies.len() {
        let mut j = i;
        while j > 0 && key(&tallies[j]) < key(&tallies[j - 1]) {
            tallies.swap(j, j - 1);
            j -= 1;
        }
    }
    tallies
        .into_iter()
        .map(|t| {
            let fact = &rs.facts[t.missing.fact];
            let label = match (t.missing.item, &fact.kind) {
                (Some((i, f)), FactKind::List { fields, .. }) => {
                    let entry = fill(lang, &messages::ENTRY_OF_LIST, &[&(i + 1).to_string()]);
                    let field = fields.get(f).map_or("", |x| rs.text(&x.label, lang));
                    [rs.text(&fact.label, lang), entry.as_str(), field].join(" › ")
                }
                _ => rs.text(&fact.label, lang).to_owned(),
            };
            let money = if t.unbounded { None } else { t.money };
            Question {
                fact: missing_path(rs, &t.missing),
                label,
                section: &fact.section,
                measures: t.measures,
                money: money.map(format::plain),
                money_text: money
                    .filter(|d| !d.is_zero())
                    .map(|d| format::money(d, lang)),
            }
        })
        .collect()
}
