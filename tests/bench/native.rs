//! Native timing of one evaluation of all 28 measures, over the benchmark's profiles (written by
//! `node tests/bench/gen-profiles.mjs`, default target/bench/profiles.json, or $SME_BENCH_PROFILES).
//! Each profile is timed alone with `Instant`, over several passes; the figures are the median and
//! the 90th percentile of all those timings. No timed assertion: this prints, it does not judge.
//!   cargo bench --bench native            (JSON figures also to $SME_BENCH_OUT when set)
//!
//! What is timed, per profile (already parsed from JSON into the engine's `Value`):
//!   evaluate   Profile::parse + Context::evaluate: the 28 statuses, amounts and missing facts
//!   summary    the same plus the summary report (`detail: "summary"`, what `sme-check batch` writes)
//!   full       the same plus the full report: texts, explanations, next questions (what the widget shows)
//!   full+json  the full report serialized to JSON text too (what `sme-check check --format json` prints)

use sme_eligibility::engine::eval::Context;
use sme_eligibility::engine::report::{self, Detail};
use sme_eligibility::engine::{Date, Lang, Profile, Value};
use sme_eligibility::native::{builtin, parse_json};
use std::hint::black_box;
use std::time::Instant;

const PASSES: usize = 5;

fn main() {
    let path =
        std::env::var("SME_BENCH_PROFILES").unwrap_or_else(|_| "target/bench/profiles.json".into());
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "native bench: no profiles at {path}; run .ci/bench (or node tests/bench/gen-profiles.mjs) first"
        );
        std::process::exit(2);
    };
    // The list is larger than the engine's JSON reader takes from untrusted input (limits::
    // PROFILE_BYTES), so it is split with serde_json; each profile is then read as a page's would be.
    let Ok(records) = serde_json::from_str::<Vec<serde_json::Value>>(&text) else {
        eprintln!("native bench: {path} is not a JSON list");
        std::process::exit(2);
    };
    let set: Vec<(Date, Value)> = records
        .iter()
        .filter_map(|r| {
            let as_of = Date::parse(r.get("as_of")?.as_str()?)?;
            Some((as_of, parse_json(&r.get("profile")?.to_string()).ok()?))
        })
        .collect();
    if set.len() != records.len() {
        eprintln!(
            "native bench: {} of {} records are not readable profiles",
            records.len() - set.len(),
            records.len()
        );
        std::process::exit(2);
    }
    let rs = match builtin() {
        Ok(rs) => rs,
        Err(_) => {
            eprintln!("native bench: the built-in ruleset does not load");
            std::process::exit(2);
        }
    };
    let lang = Lang::Zh;

    let mut results = Vec::new();
    // SME_BENCH_ONLY=evaluate runs one figure alone (for a profiler: valgrind --tool=callgrind).
    let only = std::env::var("SME_BENCH_ONLY").ok();
    let mut run = |name: &str, f: &dyn Fn(&(Date, Value)) -> usize| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        for p in set.iter().take(500) {
            black_box(f(p)); // warm-up
        }
        let mut ns: Vec<u64> = Vec::with_capacity(set.len() * PASSES);
        for _ in 0..PASSES {
            for p in &set {
                let t = Instant::now();
                black_box(f(black_box(p)));
                ns.push(u64::try_from(t.elapsed().as_nanos()).unwrap_or(u64::MAX));
            }
        }
        ns.sort_unstable();
        let median = ns[ns.len() / 2];
        let p90 = ns[ns.len() * 9 / 10];
        let mean = ns.iter().sum::<u64>() / ns.len() as u64;
        println!(
            "native {name:<10} median {:>8.2} µs   p90 {:>8.2} µs   mean {:>8.2} µs   ({} timings)",
            median as f64 / 1e3,
            p90 as f64 / 1e3,
            mean as f64 / 1e3,
            ns.len()
        );
        results.push(format!(
            "\"{name}\":{{\"median_ns\":{median},\"p90_ns\":{p90},\"mean_ns\":{mean},\"n\":{}}}",
            ns.len()
        ));
    };

    run("evaluate", &|(as_of, v)| {
        let (p, _errors) = Profile::parse(&rs, v);
        let cx = Context::new(&rs, &p, *as_of);
        cx.evaluate().measures.len()
    });
    run("summary", &|(as_of, v)| {
        report::evaluate(&rs, v, *as_of, lang, Detail::Summary)
            .measures
            .len()
    });
    run("full", &|(as_of, v)| {
        report::evaluate(&rs, v, *as_of, lang, Detail::Full)
            .measures
            .len()
    });
    run("full+json", &|(as_of, v)| {
        let r = report::evaluate(&rs, v, *as_of, lang, Detail::Full);
        serde_json::to_string(&r).map_or(0, |s| s.len())
    });

    if let Ok(out) = std::env::var("SME_BENCH_OUT") {
        let json = format!(
            "{{\"profiles\":{},\"passes\":{PASSES},{}}}",
            set.len(),
            results.join(",")
        );
        if let Err(e) = std::fs::write(&out, json) {
            eprintln!("native bench: cannot write {out}: {e}");
        }
    }
}
