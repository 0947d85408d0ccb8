//! The engine for the browser: a small typed API over WebAssembly. The page hands over plain
//! objects (the profile as the user typed it) and receives plain objects (the report, the catalog);
//! it never sees the engine's insides. JSON is parsed by the browser's own JSON.parse, so the module
//! carries no parser, and a panic is unreachable: every failure is a value.

use crate::engine::catalog::catalog;
use crate::engine::json::{JsonError, JsonProblem};
use crate::engine::limits::RULESET_BYTES;
use crate::engine::load::Problem;
use crate::engine::report::{self, Detail};
use crate::engine::{Lang, Ruleset, RulesetError, load_text};
use crate::wasm_js::{Query, to_js};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct LoadErrorJs {
    name: &'static str,
    errors: Vec<LoadErrorItem>,
}

#[derive(Serialize)]
struct LoadErrorItem {
    path: String,
    message: Translations,
}

/// A message in each language.
#[derive(Serialize)]
struct Translations {
    zh: String,
    ja: String,
    en: String,
}

fn load_error(errors: &[RulesetError]) -> JsValue {
    let items = errors
        .iter()
        .map(|e| LoadErrorItem {
            path: e.path.clone(),
            message: Translations {
                zh: e.message(Lang::Zh),
                ja: e.message(Lang::Ja),
                en: e.message(Lang::En),
            },
        })
        .collect();
    to_js(&LoadErrorJs {
        name: "RulesetLoadError",
        errors: items,
    })
}

/// The version of this engine.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// A loaded, checked ruleset, ready to evaluate profiles.
#[wasm_bindgen]
pub struct Engine {
    rs: Ruleset,
}

#[wasm_bindgen]
impl Engine {
    /// The built-in ruleset, 沪企服办〔2023〕1号.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Engine, JsValue> {
        load_text(crate::BUILTIN_RULESET, Some(crate::BUILTIN_RULESET_HASH))
            .map(|rs| Engine { rs })
            .map_err(|e| load_error(&e))
    }

    /// Another ruleset (a compiled ruleset document, as JSON text), checked on load. Throws a
    /// `RulesetLoadError` listing every problem.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<Engine, JsValue> {
        let Some(text) = text.dyn_ref::<js_sys::JsString>() else {
            let found = if text.is_undefined() {
                "undefined"
            } else {
                "a non-string value"
            };
            return Err(load_error(&[RulesetError {
                path: String::new(),
                problem: Problem::NotADocument(format!("{found} instead of JSON text")),
            }]));
        };
        // Checked before the text is copied into WebAssembly memory (its UTF-8 is never shorter).
        if text.length() as usize > RULESET_BYTES {
            return Err(load_error(&[RulesetError {
                path: String::new(),
                problem: Problem::NotJson(JsonError {
                    problem: JsonProblem::TooLong(RULESET_BYTES),
                    line: 1,
                    column: 1,
                }),
            }]));
        }
        load_text(&String::from(text), None)
            .map(|rs| Engine { rs })
            .map_err(|e| load_error(&e))
    }

    /// The ruleset packed for the page's engine (`sme_eligibility.js`): its core, and each
    /// language's strings whole (`StringTable`s from 0, clause texts included).
    #[wasm_bindgen(unchecked_return_type = "{ core: Uint8Array; strings: StringTable[] }")]
    pub fn pack(&self) -> JsValue {
        let packed = crate::engine::codec::pack(&self.rs);
        let out = js_sys::Object::new();
        let set = |key: &str, v: &JsValue| js_sys::Reflect::set(&out, &JsValue::from_str(key), v);
        let tables = js_sys::Array::new();
        for (lang, strings) in Lang::ALL.into_iter().zip(&packed.tables) {
            tables.push(&to_js(&StringTable {
                ruleset: &self.rs.hash,
                lang: lang.code(),
                start: 0,
                strings,
            }));
        }
        // Setting a property of a new plain object cannot fail.
        let _ = set(
            "core",
            &js_sys::Uint8Array::from(packed.core.as_slice()).into(),
        );
        let _ = set("strings", &tables.into());
        out.into()
    }

    /// The ruleset described in one language: questions, chapters, measures with their clause text.
    #[wasm_bindgen(unchecked_return_type = "Catalog")]
    pub fn catalog(&self, lang: Option<String>) -> JsValue {
        let lang = lang.as_deref().and_then(Lang::parse).unwrap_or_default();
        to_js(&catalog(&self.rs, lang))
    }

    /// Evaluates a profile (a plain object of answers). Never throws for bad answers: they come
    /// back in `errors`, named by field and translated, and count as unknown.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn evaluate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] profile: JsValue,
        #[wasm_bindgen(unchecked_param_type = "EvaluateOptions | undefined")] options: JsValue,
    ) -> JsValue {
        let query = Query::read(&options);
        let detail = if query.option("detail").as_deref() == Some("summary") {
            Detail::Summary
        } else {
            Detail::Full
        };
        let (profile, errors) = query.profile(&self.rs, &profile);
        let mut cx = crate::engine::eval::Context::new(&self.rs, &profile, query.as_of);
        cx.reading = query.reading;
        let ev = cx.evaluate();
        let lang = query.lang;
        to_js(&report::build(&cx, &ev, &errors, lang, detail))
    }
}

#[derive(Serialize)]
struct StringTable<'a> {
    ruleset: &'a str,
    lang: &'static str,
    start: usize,
    strings: &'a [String],
}
