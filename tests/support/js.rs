//! Reading the plain objects the browser APIs return, for the WebAssembly tests (tests/wasm.rs,
//! tests/wasm_page.rs).
#![allow(dead_code)] // each test file uses its own subset

use js_sys::{Array, JSON, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The value at a dotted path ("measures.0.parts.1.status"), undefined where there is none.
pub fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(v.clone(), |v, key| match key.parse::<u32>() {
            Ok(i) if Array::is_array(&v) => v.unchecked_ref::<Array>().get(i),
            _ => Reflect::get(&v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED),
        })
}

/// The string at a path, or words saying it is not one (so an assertion shows where).
pub fn text(v: &JsValue, path: &str) -> String {
    get(v, path)
        .as_string()
        .unwrap_or_else(|| format!("<{path} is not a string>"))
}

pub fn obj(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

/// The measure with this id in a report.
pub fn measure(report: &JsValue, id: u32) -> JsValue {
    let list: Array = get(report, "measures").unchecked_into();
    list.iter()
        .find(|m| get(m, "id").as_f64() == Some(f64::from(id)))
        .expect("measure in report")
}
