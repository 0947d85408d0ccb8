//! The engine off the browser: JSON through serde_json, rulesets from files, the profile's JSON
//! Schema. Used by the command-line tool and the tests.

use crate::engine::json::JsonError;
use crate::engine::model::{FactKind, Ruleset};
use crate::engine::{Lang, RulesetError, Value, load_text};
use serde_json::{Map, json};

/// A profile's JSON text to the engine's `Value`, with the same reader the browser build uses
/// (at most `limits::PROFILE_BYTES`).
pub fn parse_json(text: &str) -> Result<Value, JsonError> {
    crate::engine::json::parse_at_most(text, crate::engine::limits::PROFILE_BYTES)
}

/// Loads a compiled ruleset document (JSON text).
pub fn load_json(text: &str) -> Result<Ruleset, Vec<RulesetError>> {
    load_text(text, None)
}

/// The built-in ruleset, 沪企服办〔2023〕1号.
pub fn builtin() -> Result<Ruleset, Vec<RulesetError>> {
    load_text(crate::BUILTIN_RULESET, Some(crate::BUILTIN_RULESET_HASH))
}

/// JSON Schema (draft 2020-12) of a profile for this ruleset: every fact optional, typed, bounded.
pub fn profile_schema(rs: &Ruleset) -> serde_json::Value {
    fn fact_schema(rs: &Ruleset, f: &crate::engine::model::Fact) -> serde_json::Value {
        let t = |x: crate::engine::Text, l: Lang| rs.text(&x, l).to_owned();
        let mut s = match &f.kind {
            FactKind::Bool => json!({ "type": ["boolean", "null"] }),
            FactKind::Int { min, max } => json!({
                "type": ["integer", "string", "null"],
                "pattern": "^-?[0-9]+$",
                "minimum": min, "maximum": max
            }),
            FactKind::Year { min, max } => json!({
                "type": ["integer", "null"], "minimum": min, "maximum": max
            }),
            FactKind::Money { min, max } => json!({
                "description": "yuan, as a decimal string (\"1234.56\") or a number",
                "type": ["string", "number", "null"],
                "pattern": "^-?[0-9]+(\\.[0-9]{1,2})?$",
                "minimum": min.to_string().parse::<f64>().unwrap_or(0.0),
                "maximum": max.to_string().parse::<f64>().unwrap_or(1e12)
            }),
            FactKind::Date { min, max } => json!({
                "type": ["string", "null"], "format": "date",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                "formatMinimum": min.to_string(), "formatMaximum": max.to_string()
            }),
            FactKind::Enum(choices) => {
                let mut ids: Vec<serde_json::Value> = choices.iter().map(|c| json!(c.id)).collect();
                ids.push(serde_json::Value::Null);
                json!({ "enum": ids })
            }
            FactKind::List { fields, max_items } => {
                let props: Map<String, serde_json::Value> = fields
                    .iter()
                    .map(|x| (x.id.clone(), fact_schema(rs, x)))
                    .collect();
                json!({
                    "type": ["array", "null"],
                    "maxItems": max_items,
                    "items": { "type": "object", "additionalProperties": false, "properties": props }
                })
            }
        };
        if let Some(obj) = s.as_object_mut() {
            obj.insert("title".into(), json!(t(f.label, Lang::En)));
            obj.insert(
                "x-label".into(),
                json!({ "zh": t(f.label, Lang::Zh), "ja": t(f.label, Lang::Ja), "en": t(f.label, Lang::En) }),
            );
            if let Some(h) = &f.help {
                obj.insert("description".into(), json!(t(*h, Lang::En)));
            }
        }
        s
    }
    let props: Map<String, serde_json::Value> = rs
        .facts
        .iter()
        .filter(|f| !f.computed)
        .map(|f| (f.id.clone(), fact_schema(rs, f)))
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("urn:sme-eligibility:{}:{}:profile", rs.id, rs.version),
        "title": format!("Enterprise profile for {} ({})", rs.text(&rs.title, Lang::En), rs.text(&rs.document, Lang::En)),
        "description": "Every fact is optional: a missing or null answer is unknown, never zero or false.",
        "type": "object",
        "additionalProperties": false,
        "properties": props
    })
}

/// Writes a ruleset packed for the page's engine into `dir`: `core.bin` (the checked rules, see
/// `engine::codec`), and for each language `LANG.json` (the strings a first report and the
/// questionnaire need), `LANG.why.json` (those only the reasons need) and `LANG.clauses.json` (the
/// clause texts): `StringTable`s naming the ruleset's content hash, so that a page never pairs them
/// with another ruleset's core.
pub fn write_pack(rs: &Ruleset, dir: &std::path::Path) -> std::io::Result<()> {
    let packed = crate::engine::codec::pack(rs);
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("core.bin"), &packed.core)?;
    for (lang, table) in Lang::ALL.into_iter().zip(&packed.tables) {
        let runs = [
            ("", 0, packed.why),
            (".why", packed.why, packed.clauses),
            (".clauses", packed.clauses, table.len()),
        ];
        for (suffix, start, end) in runs {
            let name = format!("{}{suffix}.json", lang.code());
            let strings = table.get(start..end).unwrap_or_default();
            let doc = json!({ "ruleset": rs.hash, "lang": lang.code(), "start": start, "strings": strings });
            std::fs::write(dir.join(name), doc.to_string())?;
        }
    }
    Ok(())
}
