//! The facts a ruleset declares, as the generators see them: `FactSpec`, `KindSpec`, and the
//! built-in ruleset with its facts.

use rust_decimal::Decimal;
use sme_eligibility::engine::Date;
use sme_eligibility::engine::model::{Fact, FactKind, Ruleset};
use sme_eligibility::native::builtin;
use std::sync::OnceLock;

// ── The facts a ruleset declares, as the generators see them ─────────────────────────────────

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct FactSpec {
    pub(crate) id: String,
    pub(crate) kind: KindSpec,
    pub(crate) computed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum KindSpec {
    Bool,
    Int {
        min: i64,
        max: i64,
    },
    Year {
        min: i32,
        max: i32,
    },
    Money {
        min: Decimal,
        max: Decimal,
    },
    Date {
        min: Date,
        max: Date,
    },
    Enum(Vec<String>),
    List {
        fields: Vec<FactSpec>,
        max_items: usize,
    },
}

pub(crate) fn specs_of(facts: &[Fact]) -> Vec<FactSpec> {
    facts
        .iter()
        .map(|f| FactSpec {
            id: f.id.clone(),
            computed: f.computed,
            kind: match &f.kind {
                FactKind::Bool => KindSpec::Bool,
                FactKind::Int { min, max } => KindSpec::Int {
                    min: *min,
                    max: *max,
                },
                FactKind::Year { min, max } => KindSpec::Year {
                    min: *min,
                    max: *max,
                },
                FactKind::Money { min, max } => KindSpec::Money {
                    min: *min,
                    max: *max,
                },
                FactKind::Date { min, max } => KindSpec::Date {
                    min: *min,
                    max: *max,
                },
                FactKind::Enum(choices) => {
                    KindSpec::Enum(choices.iter().map(|c| c.id.clone()).collect())
                }
                FactKind::List { fields, max_items } => KindSpec::List {
                    fields: specs_of(fields),
                    max_items: *max_items,
                },
            },
        })
        .collect()
}

pub(crate) fn shanghai() -> &'static Ruleset {
    static RULESET: OnceLock<Ruleset> = OnceLock::new();
    RULESET.get_or_init(|| {
        builtin().unwrap_or_else(|e| panic!("the built-in ruleset is refused: {e:?}"))
    })
}

pub(crate) fn shanghai_facts() -> &'static [FactSpec] {
    static FACTS: OnceLock<Vec<FactSpec>> = OnceLock::new();
    FACTS.get_or_init(|| specs_of(&shanghai().facts))
}
