//! The JSON Schemas of the authoring format (src/rules/schema/, wired for editors by .taplo.toml):
//! every authored file validates against its schema, in the current form and rewritten in the rule
//! language, and a misspelt key is refused, so an editor flags it as it is typed.
#![cfg(not(target_arch = "wasm32"))]

use jsonschema::{Retrieve, Uri};
use serde_json::Value;
use sme_eligibility::compile::convert::convert_dir;
use sme_eligibility::compile::tree::{Source, parse};
use std::fs;
use std::path::{Path, PathBuf};

/// Reads `file://` schemas from disk (the schemas refer to common.schema.json beside them).
struct Files;

impl Retrieve for Files {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let path = uri.as_str().strip_prefix("file://").ok_or("not a file")?;
        Ok(serde_json::from_str(&fs::read_to_string(path)?)?)
    }
}

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules/schema")
}

fn validator(kind: &str) -> jsonschema::Validator {
    let path = schema_dir().join(format!("{kind}.schema.json"));
    let schema: Value =
        serde_json::from_str(&fs::read_to_string(&path).expect("schema")).expect("json");
    jsonschema::options()
        .with_base_uri(format!("file://{}", path.display()))
        .with_retriever(Files)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{kind}.schema.json is not a valid schema: {e}"))
}

/// A TOML file as the JSON an editor validates (dates as strings).
fn toml_json(path: &Path) -> Value {
    let src = Source::new(path, fs::read_to_string(path).expect("read"));
    parse(&src)
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
        .to_json()
}

fn kind_of(name: &str) -> &'static str {
    match name.split('.').next().unwrap_or_default() {
        "facts" => "facts",
        "derived" => "derived",
        "size" => "size",
        "ruleset" => "ruleset",
        _ => "measure",
    }
}

/// Validates every file of a ruleset folder; returns how many.
fn validate_folder(dir: &Path) -> usize {
    let mut files: Vec<(PathBuf, &str)> = Vec::new();
    for e in fs::read_dir(dir).expect("folder").flatten() {
        let name = e.file_name().into_string().unwrap_or_default();
        if name.ends_with(".toml") {
            files.push((e.path(), kind_of(&name)));
        }
    }
    for e in fs::read_dir(dir.join("measures"))
        .expect("measures")
        .flatten()
    {
        files.push((e.path(), "measure"));
    }
    for (path, kind) in &files {
        let v = validator(kind);
        let doc = toml_json(path);
        let errors: Vec<String> = v
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{} against {kind}.schema.json:\n{}",
            path.display(),
            errors.join("\n")
        );
    }
    files.len()
}

#[test]
fn every_authored_file_validates_against_the_schema() {
    assert!(validate_folder(Path::new("src/rules/shanghai-2023-1")) >= 32);
}

#[test]
fn every_file_rewritten_in_the_rule_language_validates_too() {
    let out = std::env::temp_dir().join(format!("sme-rulelang-schema-{}", std::process::id()));
    let _ = fs::remove_dir_all(&out);
    // The earlier form (tests/fixtures/rulelang-v1), converted; the real folder is already written
    // in the rule language and validated above.
    convert_dir(Path::new("tests/fixtures/rulelang-v1"), &out).expect("converts");
    let n = validate_folder(&out);
    let _ = fs::remove_dir_all(&out);
    assert!(n >= 11);
}

#[test]
fn a_misspelt_key_or_a_wrong_value_is_refused() {
    let v = validator("measure");
    let path = Path::new("src/rules/shanghai-2023-1/measures/15.toml");
    let good = toml_json(path);
    assert!(v.is_valid(&good));
    let mut bad = good.clone();
    bad["parts"][0]["amount"]["excat"] = Value::from("20万元");
    assert!(!v.is_valid(&bad), "an unknown key in an amount");
    let mut bad = good.clone();
    bad["kind"] = Value::from("benefits");
    assert!(!v.is_valid(&bad), "a kind that does not exist");
    let mut bad = good.clone();
    bad["parts"][0]["when"][1]["cite"] = serde_json::json!({ "zh": "首次" });
    assert!(!v.is_valid(&bad), "a cite without its ja and en");
    let mut bad = good;
    bad["cases"][0]["expect"]["status"] = Value::from("eligable");
    assert!(!v.is_valid(&bad), "a status that does not exist");
}
