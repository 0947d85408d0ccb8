//! Compiles the built-in ruleset (src/rules/shanghai-2023-1, TOML) into the JSON document the
//! library embeds, so neither the browser bundle nor the native binary carries a TOML parser for it.

#[path = "engine/sha256.rs"]
mod sha256;

#[path = "compile/mod.rs"]
#[allow(dead_code)] // the case files are for the tests, not the build
mod compile;

use std::path::Path;

fn main() {
    let dir = Path::new("src/rules/shanghai-2023-1");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed={}", dir.join("measures").display());
    let compiled = match compile::compile_dir(dir) {
        Ok(c) => c,
        Err(e) => {
            // One warning per line: cargo shows only the first line of each.
            for line in e.lines() {
                println!("cargo:warning=ruleset: {line}");
            }
            std::process::exit(1);
        }
    };
    for input in &compiled.inputs {
        println!("cargo:rerun-if-changed={}", input.display());
    }
    let out = std::env::var("OUT_DIR").unwrap_or_default();
    let json = serde_json::to_string(&compiled.document).unwrap_or_default();
    // The content hash is taken here once, so loading the built-in ruleset need not hash it.
    let hash: String = sha256::sha256(json.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    for (name, content) in [
        ("ruleset.json", json),
        ("ruleset.sha256", format!("sha256:{hash}")),
    ] {
        if let Err(e) = std::fs::write(Path::new(&out).join(name), content) {
            println!("cargo:warning=ruleset: {e}");
            std::process::exit(1);
        }
    }
}
