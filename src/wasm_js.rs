//! What both browser APIs share: JavaScript values read into the engine's without a trap, plain
//! structs handed to the page, today's date in the browser.

use crate::engine::amend::Reading;
use crate::engine::limits::PROFILE_FIELDS;
use crate::engine::report::parse_as_of;
use crate::engine::{Date, FieldError, Lang, Profile, Ruleset, Value};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A language code: "zh" (default), "ja" or "en"; "zh-CN", "ja-JP", "en-GB" are accepted too. */
export type LangCode = string;
export type Status = "eligible" | "ineligible" | "needs_info" | "expired" | "not_applicable";
export type MeasureKind = "benefit" | "support" | "programme" | "government";

export interface EvaluateOptions {
  /** YYYY-MM-DD; default: today in the browser's time zone. */
  as_of?: string;
  lang?: LangCode;
  /** "full" (default): texts, explanations, next questions. "summary": statuses and amounts. */
  detail?: "full" | "summary";
  /** true: the policy text alone, without the later documents that amend it (default false:
   * the policy as amended on the as-of date). */
  text_only?: boolean;
}

/** A later document in force on the as-of date that changes a part. */
export interface AmendmentReport {
  /** The document's source id. */
  source: string;
  evidence: "cited" | "verify" | "official";
  in_force: string;
  until?: string;
  changes: ("window" | "conditions" | "amount")[];
  /** Full detail: the document's title, what it changes in a sentence, its words, a note. */
  title?: string;
  text?: string;
  cite?: string;
  note?: string;
}

/** Yuan as exact decimal strings. `max` null: a floor (不低于) with no upper bound. */
export interface Amount { min: string; max: string | null; kind: "exact" | "floor" | "cap" | "range"; text?: string; }

export interface Reason {
  outcome: "met" | "not_met" | "unknown";
  text: string;
  fact?: string;
  value?: string;
  threshold?: string;
  /** The measure (clause number) this condition comes from; 0 in a named condition (`Report.derived`), which several clauses share. */
  clause: number;
  /** The clause words, in the chosen language. */
  cite?: string;
  /** The document behind a threshold the clause does not state. */
  source?: string;
  depth: number;
}

export interface PartReport {
  id: string;
  status: Status;
  status_text?: string;
  amount: Amount | null;
  /** Full detail: why an eligible part has no amount for these figures (beyond exact computation, or a minimum above the maximum). */
  amount_problem?: string;
  /** Full detail only: the window as it stands on the as-of date (amended unless text_only). */
  window?: { from?: string; to?: string; state: "open" | "not_yet" | "closed" };
  /** Full detail only: the window as the clause states it, where an amendment changes it. */
  text_window?: { from?: string; to?: string; state: "open" | "not_yet" | "closed" };
  /** Later documents in force on the as-of date that change this part. */
  amendments?: AmendmentReport[];
  /** The status under the clause alone, where those documents change it. */
  text_status?: Status;
  /** Full detail only: the part's own missing facts (the measure lists them all). */
  missing?: string[];
  title?: string;
  formula?: string;
  basis?: string;
  amount_cite?: string;
  explanation?: Reason[];
  note?: string;
}

export interface MeasureReport {
  id: number;
  chapter: number;
  kind: MeasureKind;
  status: Status;
  status_text?: string;
  amount: Amount | null;
  amount_incomplete?: boolean;
  ended?: string;
  /** The status under the policy text alone, where later documents in force change it. */
  text_status?: Status;
  parts: PartReport[];
  missing: string[];
  title?: string;
  departments?: string[];
  note?: string;
}

export interface Question {
  fact: string;
  label: string;
  section: string;
  measures: number[];
  money: string | null;
  money_text?: string;
}

export interface FieldError { field: string; code: string; message: string; }

export interface Report {
  as_of: string;
  lang: "zh" | "ja" | "en";
  engine: string;
  ruleset: { id: string; version: string; hash: string };
  size_class: { class: "large" | "medium" | "small" | "micro" | null; possible: string[]; missing: string[]; text?: string; explanation?: Reason[] };
  summary: {
    eligible: number; needs_info: number; ineligible: number; expired: number; not_applicable: number;
    amount: Amount | null;
    eligible_without_amount: number;
    period: { from: string; to: string | null };
    windows_closed: boolean;
  };
  measures: MeasureReport[];
  /** Full detail: the named conditions the measures share, explained once; a reason whose `fact` is one of these ids refers to it. */
  derived?: { id: string; label: string; outcome: "met" | "not_met" | "unknown"; explanation: Reason[] }[];
  next_questions?: Question[];
  /** Parts one answer or one number away from eligible, the most money first. */
  within_reach?: ReachReport[];
  errors: FieldError[];
}

export interface Named { id: string; title: string; }
export interface FactInfo {
  id: string;
  type: "bool" | "int" | "year" | "money" | "date" | "enum" | "list";
  section: string;
  label: string;
  help?: string;
  unit?: string;
  min?: string;
  max?: string;
  choices?: Named[];
  fields?: FactInfo[];
  computed?: boolean;
  source?: string;
}
export interface MeasureInfo {
  id: number; chapter: number; kind: MeasureKind; kind_reason: string;
  title: string; title_zh: string; text: string; text_zh: string; text_note?: string;
  departments: string[];
  parts: { id: string; title: string; from?: string; to?: string; window_cite?: string }[];
  sources: string[];
  note?: string;
}
export interface Catalog {
  lang: "zh" | "ja" | "en";
  id: string; version: string; hash: string;
  title: string; document: string; issuer: string; issued: string; source: string;
  period: { from: string; to: string | null };
  chapters: Named[]; sections: Named[];
  sources: { id: string; title: string; evidence: string; url?: string }[];
  facts: FactInfo[];
  measures: MeasureInfo[];
}

/** A part one change away from eligible: the answer or number, and what it would bring. */
export interface ReachReport {
  measure: number;
  part: string;
  fact: string;
  /** The value that makes the part eligible, as the page shows it. */
  value: string;
  /** The present value, when there is one. */
  now?: string;
  amount: Amount | null;
  /** "技术改造项目总投资达到 1000万元 → 最高100万元". */
  text: string;
}

/** Why one measure stands as it does (`Engine.why`, asked when a person opens it). */
export interface MeasureWhy {
  id: number;
  parts: PartWhy[];
  /** What the named conditions its reasons name consist of. */
  derived: { id: string; label: string; outcome: "met" | "not_met" | "unknown"; explanation: Reason[] }[];
  /** The size class's comparisons, when a reason names the size class. */
  size_class?: Reason[];
}

export interface PartWhy {
  id: string;
  formula?: string;
  basis?: string;
  amount_cite?: string;
  explanation: Reason[];
  note?: string;
}

/** One language's strings of a packed ruleset (pkg/ruleset/LANG.json, LANG.clauses.json). */
export interface StringTable {
  /** The content hash of the ruleset the strings belong to. */
  ruleset: string;
  lang: "zh" | "ja" | "en";
  /** Where in the ruleset's table the strings start. */
  start: number;
  strings: string[];
}

/** Thrown by `Engine.fromJson` for a ruleset that cannot be used, with every problem found; by
 * `new Engine` (the page's API) for a core or strings that are not a packed ruleset's. */
export interface RulesetLoadError {
  name: "RulesetLoadError";
  errors: { path: string; message: { zh: string; ja: string; en: string } }[];
}
"#;

pub(crate) fn to_js<T: Serialize>(v: &T) -> JsValue {
    let s = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    // Serialising our own plain structs cannot fail; if it ever did, the page gets `undefined`
    // rather than a trap.
    v.serialize(&s).unwrap_or(JsValue::UNDEFINED)
}

/// A profile object from the page as the engine's `Value`, read value by value. A number the
/// engine cannot take (NaN, ±Infinity, a BigInt) or a value that is not data (a function, a
/// symbol, an object nested deeper than any answer, a getter that throws) is kept as a wrong
/// value in its place, so the field error names that field. Numbers arrive as the shortest decimal
/// text JavaScript has for them (1234.56 stays 1234.56). Nothing here can throw or trap: the
/// reflection calls are the catching ones, and sizes are bounded before anything is copied.
pub(crate) fn profile_value(v: &JsValue, depth: u32) -> Value {
    if v.is_undefined() || v.is_null() {
        return Value::Null;
    }
    if let Some(b) = v.as_bool() {
        return Value::Bool(b);
    }
    if let Some(n) = v.as_f64() {
        return number_value(n);
    }
    if v.is_string() {
        // No answer is longer than a date or a number: a longer text is kept only in part, still
        // wrong, and cannot flood memory or the error message.
        let s = js_sys::JsString::from(v.clone());
        let s = if s.length() > MAX_ANSWER_CHARS {
            s.slice(0, MAX_ANSWER_CHARS)
        } else {
            s
        };
        return Value::Str(String::from(s));
    }
    // Deeper than a list of objects of answers, or not data at all: a wrong value.
    let not_data = Value::Map(Vec::new());
    if depth >= MAX_PROFILE_DEPTH || !v.is_object() || v.is_function() {
        return if v.is_bigint() {
            Value::BadNumber
        } else {
            not_data
        };
    }
    if js_sys::Array::is_array(v) {
        let items = js_sys::Array::from(v);
        let n = items.length().min(PROFILE_FIELDS as u32 + 1);
        return Value::List(
            (0..n)
                .map(|i| {
                    js_sys::Reflect::get_u32(v, i)
                        .map_or(Value::BadNumber, |x| profile_value(&x, depth + 1))
                })
                .collect(),
        );
    }
    let Ok(keys) = js_sys::Reflect::own_keys(v) else {
        return Value::BadNumber; // a Proxy whose trap throws
    };
    let mut entries = Vec::new();
    // One more than a profile may hold, so that the engine refuses it by its size.
    for key in keys.iter().take(PROFILE_FIELDS + 1) {
        let Some(name) = key.as_string() else {
            continue; // a symbol key
        };
        let value = js_sys::Reflect::get(v, &key)
            .map_or(Value::BadNumber, |x| profile_value(&x, depth + 1));
        entries.push((name, value));
    }
    Value::Map(entries)
}

/// Answers are at most a list of objects of values: anything deeper is a wrong value.
const MAX_PROFILE_DEPTH: u32 = 3;
const MAX_ANSWER_CHARS: u32 = 1_000;

fn number_value(n: f64) -> Value {
    if !n.is_finite() {
        return Value::BadNumber;
    }
    // Whole numbers JavaScript holds exactly go straight across; others by their shortest text,
    // read by the engine's JSON reader as an exact decimal (1e21 too).
    if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
        return Value::Int(n as i64);
    }
    // JavaScript's shortest text for the number ("1234.56", "1.5e-7", "1e+21"), read exactly.
    let text = js_sys::Number::from(n)
        .to_string_with_radix(10)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    let exact = if text.contains(['e', 'E']) {
        rust_decimal::Decimal::from_scientific(&text).ok()
    } else {
        crate::engine::decimal::parse_decimal(&text)
    };
    exact.map_or(Value::BadNumber, Value::Number)
}

/// Today in the browser's time zone.
pub(crate) fn today() -> Date {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    let year = i32::try_from(y).unwrap_or(2026);
    Date::new(
        year,
        u8::try_from(m).unwrap_or(1),
        u8::try_from(d).unwrap_or(1),
    )
    .unwrap_or(Date::lit(2026, 1, 1))
}

/// The options of an evaluation (`EvaluateOptions`) and the profile's errors about them. Options
/// are read by the catching Reflect.get (a Proxy's trap may throw), and only short strings are
/// copied: anything else is as if the option were absent, but for `as_of`, which is then an error.
pub(crate) struct Query {
    options: JsValue,
    pub lang: Lang,
    pub as_of: Date,
    pub reading: Reading,
    date_error: Option<FieldError>,
}

impl Query {
    pub fn read(options: &JsValue) -> Query {
        let mut q = Query {
            options: options.clone(),
            lang: Lang::default(),
            as_of: today(),
            reading: Reading::Amended,
            date_error: None,
        };
        q.lang = q
            .option("lang")
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or_default();
        let given = q.raw("as_of");
        if !(given.is_undefined() || given.is_null()) {
            // A number, an object, a 10 000-character text: not a date, and said so.
            match parse_as_of(q.option("as_of").as_deref().unwrap_or("")) {
                Ok(d) => q.as_of = d,
                Err(e) => q.date_error = Some(e),
            }
        }
        if q.raw("text_only").as_bool() == Some(true) {
            q.reading = Reading::TextOnly;
        }
        q
    }

    fn raw(&self, key: &str) -> JsValue {
        js_sys::Reflect::get(&self.options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// A short string option.
    pub fn option(&self, key: &str) -> Option<String> {
        let v = self.raw(key);
        let short = v.dyn_ref::<js_sys::JsString>()?.length() <= 32;
        short.then(|| v.as_string()).flatten()
    }

    /// The profile read from the page's object, with the errors of its answers and of `as_of`.
    pub fn profile(&self, rs: &Ruleset, object: &JsValue) -> (Profile, Vec<FieldError>) {
        let input = profile_value(object, 0);
        let (profile, mut errors) = Profile::parse(rs, &input);
        if let Some(e) = &self.date_error {
            errors.insert(0, e.clone());
        }
        (profile, errors)
    }
}
