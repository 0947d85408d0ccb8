//! The rules engine. It knows nothing of Shanghai: it takes a ruleset document, checks it, and
//! evaluates enterprise profiles against it in three-valued logic.

pub mod amend;
pub mod catalog;
pub mod codec;
pub mod date;
pub mod decimal;
pub mod eval;
pub mod explain;
pub mod format;
pub mod interval;
pub mod json;
pub mod limits;
pub mod load;
pub mod logic;
pub mod messages;
pub mod model;
pub mod next;
pub mod profile;
pub mod reach;
pub mod report;
pub mod sha256;
pub mod size;
pub mod text;
pub mod value;

pub use date::Date;
pub use load::RulesetError;
pub use model::Ruleset;
pub use profile::{FieldError, Profile};
pub use report::{Detail, Report};
pub use text::{Lang, Text, Texts};
pub use value::Value;

/// Loads a ruleset document given as JSON text (`text`) already parsed into `doc` by the platform's
/// JSON parser; the report's content hash is taken over the text itself.
pub fn load_document(text: &str, doc: &Value) -> Result<Ruleset, Vec<RulesetError>> {
    load::load(doc, content_hash(text.as_bytes()))
}

/// Reads and loads a ruleset document from its JSON text, within the limits an untrusted document
/// gets. `hash`: the content hash when it is already known (the built-in ruleset's is taken at
/// build time), else it is computed over the text.
pub fn load_text(text: &str, hash: Option<&str>) -> Result<Ruleset, Vec<RulesetError>> {
    let doc = json::parse_at_most(text, limits::RULESET_BYTES).map_err(|e| {
        vec![RulesetError {
            path: String::new(),
            problem: load::Problem::NotJson(e),
        }]
    })?;
    match hash {
        Some(h) => load::load(&doc, h.to_owned()),
        None => load_document(text, &doc),
    }
}

pub fn content_hash(bytes: &[u8]) -> String {
    let digest = sha256::sha256(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in digest {
        out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    out
}
