//! Every input the fuzz targets (tests/fuzz, `.ci/fuzz`) ever failed on, replayed without libFuzzer
//! through the same checks (tests/fuzz/checks.rs): tests/fuzz/regressions/TARGET/* each must pass
//! the checks of TARGET. A new crash becomes a regression test by saving its input there.
#![cfg(not(target_arch = "wasm32"))]

#[path = "fuzz/checks.rs"]
mod checks;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// Runs `check` on every file of tests/fuzz/regressions/`target`/ and names those that fail. A
/// target without its folder, or with an empty one, fails too: a replay of nothing proves nothing
/// (a renamed or deleted folder would otherwise pass silently).
fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/regressions")
        .join(target);
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "{}: {e}. Every fuzz target keeps its regression inputs there.",
            dir.display()
        )
    });
    let mut files: Vec<_> = entries
        .map(|e| {
            e.unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .path()
        })
        .filter(|p| p.is_file())
        .collect();
    assert!(
        !files.is_empty(),
        "{} holds no regression input for the {target} target",
        dir.display()
    );
    files.sort();
    let failed: Vec<String> = files
        .iter()
        .filter(|path| {
            let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            catch_unwind(AssertUnwindSafe(|| check(&data))).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} {target} regression input(s) fail (messages above):\n  {}",
        failed.len(),
        files.len(),
        failed.join("\n  ")
    );
}

#[test]
fn json_regressions() {
    replay("json", checks::json);
}

#[test]
fn profile_regressions() {
    replay("profile", checks::profile);
}

#[test]
fn ruleset_regressions() {
    replay("ruleset", checks::ruleset);
}

#[test]
fn core_regressions() {
    replay("core", checks::core);
}

/// Blank lines were skipped without a record, and a line that is not UTF-8 stopped the run.
#[test]
fn batch_regressions() {
    replay("batch", checks::batch);
}

#[test]
fn check_regressions() {
    replay("check", checks::check);
}

/// The line count the batch check holds `sme-check batch` to (issue 6): a blank line is a line.
#[test]
fn ndjson_lines_are_counted_as_issue_6_says() {
    for (input, lines) in [
        ("", 0),
        ("\n", 1),
        ("{}", 1),
        ("{}\n", 1),
        ("{}\n\n", 2),
        ("{}\n{}", 2),
        ("\r\n{}\r\n", 2),
    ] {
        assert_eq!(checks::ndjson_lines(input.as_bytes()), lines, "{input:?}");
    }
}

/// Every fuzz target (tests/fuzz/fuzz_targets/*.rs) is replayed by a test above: a new target
/// needs its regressions folder and its test here.
#[test]
fn every_fuzz_target_is_replayed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/fuzz_targets");
    let mut targets: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "rs").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    targets.sort();
    assert_eq!(
        targets,
        ["batch", "check", "core", "json", "profile", "ruleset"]
    );
}
