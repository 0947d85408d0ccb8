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
/** The languages of the reports and catalogues. */
export type Lang = "zh" | "ja" | "en";
export type Status = "eligible" | "ineligible" | "needs_info" | "expired" | "not_applicable";
export type MeasureKind = "benefit" | "support" | "programme" | "government";
/** A condition's outcome in three-valued logic. */
export type Outcome = "met" | "not_met" | "unknown";
export type SizeClass = "large" | "medium" | "small" | "micro";
/** Yuan as exact decimal strings: exact (min = max), a floor (max null), a cap (min 0) or a range. */
export type AmountKind = "exact" | "floor" | "cap" | "range";
export type WindowState = "open" | "not_yet" | "closed";
/** How far a document's wording was checked: quoted by independent sources, or to be verified. */
export type Evidence = "cited" | "verify" | "official";
export type AmendmentChange = "window" | "conditions" | "amount";
export type FactType = "bool" | "int" | "year" | "money" | "date" | "enum" | "list";

export interface EvaluateOptions {
  /** YYYY-MM-DD; default: today in the browser's time zone. */
  as_of?: string;
  lang?: LangCode;
  /** "summary": the decisions alone, as data (statuses, amounts, missing facts; no words). Else
   * the complete module's `evaluate` gives the full report (texts, explanations, next questions)
   * and the page module's `decide` the page's report (no reasons). */
  detail?: "full" | "page" | "summary";
  /** true: the policy text alone, without the later documents that amend it (default false:
   * the policy as amended on the as-of date). */
  text_only?: boolean;
}

/** One language's strings of a packed ruleset (pkg/ruleset/LANG.json, LANG.why.json,
 * LANG.clauses.json). */
export interface StringTable {
  /** The content hash of the ruleset the strings belong to. */
  ruleset: string;
  lang: Lang;
  /** Where in the ruleset's table the strings start. */
  start: number;
  strings: string[];
}

/** Thrown by `Engine.fromJson` (the complete module) for a ruleset that cannot be used, with every
 * problem found; by `new Engine` (the page's module) for a core that is not a packed ruleset's
 * (`code` "corrupt_core", where reading stopped in `at`) or strings of another ruleset ("strings"). */
export interface RulesetLoadError {
  name: "RulesetLoadError";
  errors?: { path: string; message: { zh: string; ja: string; en: string } }[];
  code?: "corrupt_core" | "strings";
  at?: number;
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
