//! What a report is made of, serialised as it is (and, in WebAssembly, declared in TypeScript).

use crate::engine::explain::Reason;
use crate::engine::format;
use crate::engine::interval::{AmountKind, Interval};
use crate::engine::messages;
use crate::engine::model::Ruleset;
use crate::engine::next::Question;
use crate::engine::profile::FieldError;
use crate::engine::text::{Lang, Tpl, fill};
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

impl ErrorReport {
    /// A field error as a report lists it: the field, its code and the message in a language.
    pub fn of(e: &FieldError, rs: &Ruleset, lang: Lang) -> ErrorReport {
        ErrorReport {
            field: e.path.clone(),
            code: e.code(),
            message: e.message(rs, lang),
        }
    }
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
