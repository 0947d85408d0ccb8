//! Why one measure stands as it does, asked for when a person opens it.

use super::parts::part_why;
use super::types::{DerivedReport, PartWhy};
use crate::engine::eval::{Context, Evaluation};
use crate::engine::explain::{Explainer, Reason};
use crate::engine::model::*;
use crate::engine::text::Lang;
use serde::Serialize;

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
