//! The page's engine in the browser: small, and quick to the first report. It carries no ruleset
//! and no loader: it reads a ruleset's core (checked in full when it was compiled, by
//! `sme-check pack`, or in the page by the complete module's `Engine.fromJson(…).pack()`) and the
//! strings of the language shown, fetched beside it. It decides first — statuses, amounts, windows,
//! the questions still open — and gives the reasons of one measure when a person opens it.

use crate::engine::amend::Reading;
use crate::engine::codec::{self, Corrupt};
use crate::engine::eval::Context;
use crate::engine::report::{self, Detail};
use crate::engine::text::Texts;
use crate::engine::{Date, FieldError, Lang, Profile, Ruleset, catalog::catalog};
use crate::wasm_js::{Query, to_js};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The version of this engine.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// A ruleset, and the last profile decided on (so that `why` explains that one).
#[wasm_bindgen]
pub struct Engine {
    rs: Ruleset,
    last: Option<Decided>,
}

struct Decided {
    profile: Profile,
    as_of: Date,
    reading: Reading,
}

/// A core or a string table the page cannot use: what is wrong, in the page's words.
#[derive(Serialize)]
struct PackError {
    name: &'static str,
    code: &'static str,
    /// Where reading the core stopped.
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<usize>,
}

fn pack_error(code: &'static str, at: Option<usize>) -> JsValue {
    to_js(&PackError {
        name: "RulesetLoadError",
        code,
        at,
    })
}

#[wasm_bindgen]
impl Engine {
    /// A packed ruleset: its core (bytes) and one language's strings (`StringTable`). Throws a
    /// `RulesetLoadError` (code `corrupt_core`, or `strings` for a table of another ruleset).
    #[wasm_bindgen(constructor)]
    pub fn new(
        core: &[u8],
        #[wasm_bindgen(unchecked_param_type = "StringTable")] strings: JsValue,
    ) -> Result<Engine, JsValue> {
        let rs = codec::decode(core, Texts::default())
            .map_err(|Corrupt { at }| pack_error("corrupt_core", Some(at)))?;
        let mut engine = Engine { rs, last: None };
        engine.add_strings(strings)?;
        Ok(engine)
    }

    /// More strings of the ruleset: another language, or the clause texts of one (`StringTable`).
    #[wasm_bindgen(js_name = addStrings)]
    pub fn add_strings(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "StringTable")] table: JsValue,
    ) -> Result<(), JsValue> {
        let field = |key: &str| js_sys::Reflect::get(&table, &JsValue::from_str(key)).ok();
        let lang = field("lang")
            .and_then(|v| v.as_string())
            .and_then(|l| Lang::parse(&l));
        let belongs =
            field("ruleset").and_then(|v| v.as_string()).as_deref() == Some(&self.rs.hash);
        let start = field("start")
            .and_then(|v| v.as_f64())
            .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= self.rs.texts.len() as f64);
        let strings = field("strings").filter(js_sys::Array::is_array);
        let (Some(lang), true, Some(start), Some(strings)) = (lang, belongs, start, strings) else {
            return Err(pack_error("strings", None));
        };
        let items = js_sys::Array::from(&strings);
        let room = self.rs.texts.len().saturating_sub(start as usize);
        let strings = items
            .iter()
            .take(room)
            .map(|s| s.as_string().unwrap_or_default());
        self.rs.texts.set(lang, start as usize, strings);
        Ok(())
    }

    /// The ruleset's id, version and content hash.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.rs.id.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.rs.version.clone()
    }
    #[wasm_bindgen(getter)]
    pub fn hash(&self) -> String {
        self.rs.hash.clone()
    }

    /// The ruleset described in one language: questions, chapters, measures (their clause texts
    /// once that language's clause strings are added).
    #[wasm_bindgen(unchecked_return_type = "Catalog")]
    pub fn catalog(&self, lang: Option<String>) -> JsValue {
        let lang = lang.as_deref().and_then(Lang::parse).unwrap_or_default();
        to_js(&catalog(&self.rs, lang))
    }

    /// The decisions for a profile: statuses, amounts, windows, amendments, departments and the
    /// questions to ask next, in the chosen language, without the reasons (`why` gives those).
    /// With `detail: "summary"`, the decisions alone, as data: statuses, amounts and missing
    /// facts, no words (screening many profiles). Never throws for bad answers: they come back
    /// in `errors`, named by field and translated.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn decide(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] profile: JsValue,
        #[wasm_bindgen(unchecked_param_type = "EvaluateOptions | undefined")] options: JsValue,
    ) -> JsValue {
        let query = Query::read(&options);
        let (profile, errors): (Profile, Vec<FieldError>) = query.profile(&self.rs, &profile);
        let out = {
            let mut cx = Context::new(&self.rs, &profile, query.as_of);
            cx.reading = query.reading;
            let ev = cx.evaluate();
            let detail = match query.option("detail").as_deref() {
                Some("summary") => Detail::Summary,
                _ => Detail::Page,
            };
            to_js(&report::build(&cx, &ev, &errors, query.lang, detail))
        };
        self.last = Some(Decided {
            profile,
            as_of: query.as_of,
            reading: query.reading,
        });
        out
    }

    /// Why a measure of the last decided profile stands as it does, in a language; undefined
    /// before any decision or for a measure the ruleset does not have.
    #[wasm_bindgen(unchecked_return_type = "MeasureWhy | undefined")]
    pub fn why(&self, measure: u32, lang: Option<String>) -> JsValue {
        let lang = lang.as_deref().and_then(Lang::parse).unwrap_or_default();
        let Some(last) = &self.last else {
            return JsValue::UNDEFINED;
        };
        let mut cx = Context::new(&self.rs, &last.profile, last.as_of);
        cx.reading = last.reading;
        let ev = cx.evaluate();
        report::why(&cx, &ev, measure, lang).map_or(JsValue::UNDEFINED, |w| to_js(&w))
    }
}
