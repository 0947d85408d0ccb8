//! Which measures of a policy apply to an enterprise, how much each may bring, why, until when and
//! whom to ask: a rules engine for the browser (WebAssembly) and for the command line.
//!
//! - [`engine`]: the generic engine (rulesets, profiles, three-valued evaluation, reports).
//! - [`BUILTIN_RULESET`]: 沪企服办〔2023〕1号, compiled at build time from `src/rules/`.

pub mod engine;

#[cfg(not(target_arch = "wasm32"))]
pub mod authoring;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod compile;
#[cfg(not(target_arch = "wasm32"))]
pub mod native;
#[cfg(not(target_arch = "wasm32"))]
pub mod pages;
/// The complete browser API (wasm-bindgen exports): any ruleset checked in full, the full report.
/// Built with the feature `full` into `pkg/sme_eligibility_full.js`; public so the wasm tests can
/// call it from Rust.
#[cfg(all(target_arch = "wasm32", feature = "full"))]
pub mod wasm_api;
#[cfg(target_arch = "wasm32")]
mod wasm_js;
/// The page's browser API: a checked ruleset's core and one language's strings, decisions first
/// and the reasons of one measure when asked. Built into `pkg/sme_eligibility.js`.
#[cfg(all(target_arch = "wasm32", not(feature = "full")))]
pub mod wasm_page;

/// The built-in ruleset (沪企服办〔2023〕1号) as compiled JSON, without its example cases.
pub const BUILTIN_RULESET: &str = include_str!(concat!(env!("OUT_DIR"), "/ruleset.json"));

/// The SHA-256 of [`BUILTIN_RULESET`], taken at build time (`sha256:` and 64 hex digits).
pub const BUILTIN_RULESET_HASH: &str = include_str!(concat!(env!("OUT_DIR"), "/ruleset.sha256"));

/// The README's Rust example, compiled and run by `cargo test --doc` so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeExample;
