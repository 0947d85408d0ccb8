//! What each fuzz target feeds the engine and what it asserts, in one place: the fuzz targets
//! (tests/fuzz/fuzz_targets/*.rs) call these functions under libFuzzer, and the regression test
//! (tests/fuzz_regressions.rs) replays every saved input through the same functions in
//! `cargo test`. A function returns when the engine kept its promises and panics when it did not
//! (or when the engine itself panicked).
#![allow(dead_code)] // each fuzz target uses one of these entry points

use rust_decimal::Decimal;
use sme_eligibility::cli;
use sme_eligibility::engine::codec;
use sme_eligibility::engine::eval::{AmountOutcome, Context, Interval};
use sme_eligibility::engine::json::{JsonError, JsonProblem};
use sme_eligibility::engine::model::{Fact, FactKind};
use sme_eligibility::engine::report::{self, AmountReport, Detail, Report};
use sme_eligibility::engine::{Date, Lang, Profile, Ruleset, Value};
use sme_eligibility::native::{load_json, parse_json, profile_schema};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The built-in ruleset, loaded once per process.
fn builtin() -> &'static Ruleset {
    static RS: OnceLock<Ruleset> = OnceLock::new();
    RS.get_or_init(|| {
        sme_eligibility::native::builtin()
            .unwrap_or_else(|_| panic!("the built-in ruleset does not load"))
    })
}

/// A cheap hash of the input (FNV-1a), to derive a date and a language the fuzzer can vary.
fn hash(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} is a date"))
}

/// A date from the hash: mostly 2019–2028, around the policy's windows; one input in 16 anywhere
/// the engine accepts (1900–2200).
fn date_from(h: u64) -> Date {
    let (from, to) = if h.is_multiple_of(16) {
        (date(1900, 1, 1), date(2200, 12, 31))
    } else {
        (date(2019, 1, 1), date(2028, 12, 31))
    };
    let span = (to.day_number() - from.day_number() + 1).unsigned_abs();
    let offset = i64::try_from((h >> 8) % span).unwrap_or(0);
    Date::from_day_number(from.day_number() + offset)
        .unwrap_or_else(|| panic!("day {offset} after {from} is a date"))
}

fn lang_from(h: u64) -> Lang {
    Lang::ALL[usize::try_from((h >> 4) % 3).unwrap_or(0)]
}

/// Target `profile`: bytes → text (lossy UTF-8) → the engine's JSON reader → `Profile::parse`
/// against the built-in ruleset → evaluation → full and summary reports → serde_json. The date
/// is the profile's `"$as_of"` (taken out first) when it is one, else derived from the input.
pub fn profile(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(mut input) = parse_json(&text) else {
        return;
    };
    let h = hash(data);
    let as_of = take_as_of(&mut input).unwrap_or_else(|| date_from(h));
    evaluate_and_check(builtin(), &input, as_of, lang_from(h));
}

fn take_as_of(input: &mut Value) -> Option<Date> {
    let Value::Map(entries) = input else {
        return None;
    };
    let i = entries.iter().position(|(k, _)| k == "$as_of")?;
    match entries.remove(i).1 {
        Value::Str(s) => report::parse_as_of(&s).ok(),
        _ => None,
    }
}

/// Target `core`: bytes → `codec::decode`, the compact form of a checked ruleset a page reads
/// without the loader (with the built-in ruleset's strings at hand). Refused: fine, and nothing
/// more to check. Read: exercised like a loaded ruleset, and written again it reads back the same.
pub fn core(data: &[u8]) {
    let Ok(rs) = codec::decode(data, builtin().texts.clone()) else {
        return;
    };
    exercise(&rs, hash(data));
    let again = codec::decode(&codec::encode(&rs), rs.texts.clone())
        .unwrap_or_else(|e| panic!("a core read and written again is refused at {}", e.at));
    assert!(
        again == rs,
        "a core read and written again reads back different"
    );
}

/// Target `ruleset`: bytes → `load_json` (a ruleset loaded at run time). Refused: every error says
/// why in each language. Loaded: an empty profile and profiles answering every question (at the
/// low end of each range, the middle, the high end, and a mix the input picks) evaluate into
/// reports, at dates around the ruleset's own; its questionnaire schema and catalogue serialise.
pub fn ruleset(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let rs = match load_json(&text) {
        Ok(rs) => rs,
        Err(errors) => {
            assert!(!errors.is_empty(), "refused without a reason");
            for e in &errors {
                for lang in Lang::ALL {
                    assert!(!e.message(lang).is_empty(), "an empty error message");
                }
            }
            return;
        }
    };
    exercise(&rs, hash(data));
}

/// A ruleset that loaded (or read): empty and full profiles evaluated at dates around its own,
/// each report checked; its questionnaire schema and catalogue serialise.
fn exercise(rs: &Ruleset, h: u64) {
    let lang = lang_from(h);
    let at = date_from(h);
    let end = report::last_window_end(rs);
    let mut state = h | 1;
    let mut hashed = || {
        // xorshift: each answer at an end the input's hash picks.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        [End::Low, End::Mid, End::High][usize::try_from(state % 3).unwrap_or(0)]
    };
    let runs = [
        (Value::Map(Vec::new()), Some(rs.issued)),
        (answers(&rs.facts, at, &mut || End::Low), end),
        (
            answers(&rs.facts, at, &mut || End::High),
            end.and_then(|d| d.add_days(1)),
        ),
        (answers(&rs.facts, at, &mut || End::Mid), Some(at)),
        (answers(&rs.facts, at, &mut hashed), Some(at)),
    ];
    for (input, as_of) in &runs {
        evaluate_and_check(rs, input, as_of.unwrap_or(at), lang);
    }
    let schema = profile_schema(rs);
    serde_json::to_string(&schema).unwrap_or_else(|e| panic!("schema: {e}"));
    let catalog = sme_eligibility::engine::catalog::catalog(rs, lang);
    serde_json::to_string(&catalog).unwrap_or_else(|e| panic!("catalog: {e}"));
}

#[derive(Clone, Copy)]
enum End {
    Low,
    Mid,
    High,
}

/// A profile answering every question of `facts`, each at the end of its range that `end` picks;
/// a date in the middle is `at` (a ruleset's dates are mostly relative to the as-of date).
fn answers(facts: &[Fact], at: Date, end: &mut impl FnMut() -> End) -> Value {
    Value::Map(
        facts
            .iter()
            .filter(|f| !f.computed)
            .map(|f| (f.id.clone(), answer(f, at, end)))
            .collect(),
    )
}

fn answer(f: &Fact, at: Date, end: &mut impl FnMut() -> End) -> Value {
    let e = end();
    let pick = |lo: usize, mid: usize, hi: usize| match e {
        End::Low => lo,
        End::Mid => mid,
        End::High => hi,
    };
    match &f.kind {
        FactKind::Bool => Value::Bool(!matches!(e, End::Low)),
        FactKind::Int { min, max } => Value::Int(match e {
            End::Low => *min,
            End::Mid => min / 2 + max / 2,
            End::High => *max,
        }),
        FactKind::Year { min, max } => Value::Int(i64::from(match e {
            End::Low => *min,
            End::Mid => at.year().clamp(*min, (*max).max(*min)),
            End::High => *max,
        })),
        FactKind::Money { min, max } => Value::Str(
            match e {
                End::Low => *min,
                End::Mid => (*min / Decimal::TWO + *max / Decimal::TWO).round_dp(2),
                End::High => *max,
            }
            .to_string(),
        ),
        FactKind::Date { min, max } => Value::Str(
            match e {
                End::Low => *min,
                End::Mid => at.clamp(*min, (*max).max(*min)),
                End::High => *max,
            }
            .to_string(),
        ),
        FactKind::Enum(choices) => {
            let n = choices.len();
            choices
                .get(pick(0, n / 2, n.saturating_sub(1)))
                .map_or(Value::Null, |c| Value::Str(c.id.clone()))
        }
        FactKind::List { fields, max_items } => Value::List(
            (0..(*max_items).min(pick(1, 2, 3)))
                .map(|_| answers(fields, at, end))
                .collect(),
        ),
    }
}

/// One profile through the whole engine, with the report's promises checked.
fn evaluate_and_check(rs: &Ruleset, input: &Value, as_of: Date, lang: Lang) {
    let (profile, errors) = Profile::parse(rs, input);
    let cx = Context::new(rs, &profile, as_of);
    let ev = cx.evaluate();
    assert_eq!(ev.measures.len(), rs.measures.len());
    for (m, mo) in rs.measures.iter().zip(&ev.measures) {
        assert_eq!(ev.parts(mo).len(), m.parts.len(), "measure {}", m.id);
        if let Some(i) = mo.amount {
            interval_holds(i, m.id, "");
        }
        for (p, po) in m.parts.iter().zip(ev.parts(mo)) {
            if let AmountOutcome::Known(i) = po.amount {
                interval_holds(i, m.id, &p.id);
            }
        }
    }
    for detail in [Detail::Summary, Detail::Full] {
        let r = report::build(&cx, &ev, &errors, lang, detail);
        report_holds(rs, &r);
        serde_json::to_string(&r).unwrap_or_else(|e| panic!("report: {e}"));
        if detail == Detail::Full {
            assert!(!cli::render_text(rs, &r, lang).is_empty());
        }
    }
}

/// Money is never negative, and a range never ends below its start.
fn interval_holds(i: Interval, measure: u32, part: &str) {
    assert!(
        i.lo >= Decimal::ZERO,
        "measure {measure}{part}: amount from {} below zero",
        i.lo
    );
    if let Some(hi) = i.hi {
        assert!(
            i.lo <= hi,
            "measure {measure}{part}: amount from {} to {hi}",
            i.lo
        );
    }
}

fn report_holds(rs: &Ruleset, r: &Report) {
    assert_eq!(r.measures.len(), rs.measures.len());
    let s = &r.summary;
    assert_eq!(
        s.eligible + s.needs_info + s.ineligible + s.expired + s.not_applicable,
        rs.measures.len(),
        "the summary counts every measure once"
    );
    let parts = r
        .measures
        .iter()
        .flat_map(|m| m.parts.iter().filter_map(|p| p.amount.as_ref()));
    let amounts = s
        .amount
        .iter()
        .chain(r.measures.iter().filter_map(|m| m.amount.as_ref()))
        .chain(parts);
    for a in amounts {
        amount_holds(a);
    }
    for e in &r.errors {
        assert!(!e.message.is_empty(), "an empty error message");
    }
}

fn amount_holds(a: &AmountReport) {
    let number = |s: &str| -> Decimal {
        s.parse()
            .unwrap_or_else(|_| panic!("amount “{s}” is not a decimal"))
    };
    let min = number(&a.min);
    assert!(min >= Decimal::ZERO, "amount min {} below zero", a.min);
    if let Some(max) = &a.max {
        assert!(min <= number(max), "amount min {} above max {max}", a.min);
    }
}

/// The lines of an NDJSON stream as issue 6 counts them: every newline-terminated segment, and a
/// final segment when it is not empty. (A blank line is a line: it gets a record too.)
pub fn ndjson_lines(data: &[u8]) -> usize {
    let newlines = data.iter().filter(|b| **b == b'\n').count();
    newlines + usize::from(data.last().is_some_and(|b| *b != b'\n'))
}

/// Target `batch`: bytes as an NDJSON stream on the standard input of `sme-check batch`, in one of
/// its details (summary, full, status), with `--lenient` or without. The output has exactly one
/// record per input line, in order: a report (or status line), or `{"line": n, "error": …}` with
/// the right n. The run fails (exit code 1) exactly when some line gave an error record, or,
/// without `--lenient`, a record listing field errors.
pub fn batch(data: &[u8]) {
    let h = hash(data);
    let mut args: Vec<String> = ["batch", "--as-of", "2023-07-01", "--lang"]
        .map(String::from)
        .to_vec();
    args.push(lang_from(h).code().to_owned());
    match h % 4 {
        0 => args.extend(["--detail".to_owned(), "full".to_owned()]),
        1 => args.push("--detail=status".to_owned()),
        _ => {}
    }
    let lenient = (h >> 2).is_multiple_of(3);
    if lenient {
        args.push("--lenient".to_owned());
    }
    let mut out = Vec::new();
    let result = cli::run(args, &mut &data[..], &mut out);
    let text = std::str::from_utf8(&out).unwrap_or_else(|e| panic!("output not UTF-8: {e}"));
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "the last record has no newline"
    );
    let records: Vec<&str> = text.split_terminator('\n').collect();
    let (expected, got) = (ndjson_lines(data), records.len());
    assert_eq!(
        got,
        expected,
        "{expected} input line(s), {got} output record(s); the run returned {}",
        match &result {
            Ok(()) => "Ok".to_owned(),
            Err(f) => format!("exit code {}: {}", f.code, f.message),
        }
    );
    let measures = builtin().measures.len();
    let (mut unreadable, mut with_errors) = (0, 0);
    for (i, record) in records.iter().enumerate() {
        let n = i + 1;
        let v: serde_json::Value = serde_json::from_str(record)
            .unwrap_or_else(|e| panic!("record {n} is not JSON ({e}): {record}"));
        let obj = v
            .as_object()
            .unwrap_or_else(|| panic!("record {n} is not an object: {record}"));
        if let Some(error) = obj.get("error") {
            unreadable += 1;
            assert_eq!(
                obj.get("line").and_then(serde_json::Value::as_u64),
                u64::try_from(n).ok(),
                "record {n} names another line: {record}"
            );
            assert!(
                error.as_str().is_some_and(|s| !s.is_empty()),
                "record {n}: {record}"
            );
            continue;
        }
        // A report lists its measures; a status line has a letter for each.
        let got = match obj.get("status").and_then(serde_json::Value::as_str) {
            Some(letters) => {
                assert!(
                    letters.chars().all(|c| "ENIX-".contains(c)),
                    "record {n}: status “{letters}”"
                );
                Some(letters.chars().count())
            }
            None => obj
                .get("measures")
                .and_then(serde_json::Value::as_array)
                .map(Vec::len),
        };
        assert_eq!(
            got,
            Some(measures),
            "record {n} is neither a report, a status line nor an error"
        );
        if obj
            .get("errors")
            .and_then(serde_json::Value::as_array)
            .is_some_and(|e| !e.is_empty())
        {
            with_errors += 1;
        }
    }
    let should_fail = unreadable > 0 || (with_errors > 0 && !lenient);
    match result {
        Ok(()) => assert!(
            !should_fail,
            "{unreadable} error record(s), {with_errors} with field errors (lenient: {lenient}), yet the run succeeded"
        ),
        Err(f) => {
            assert_eq!(f.code, 1, "exit code {}: {}", f.code, f.message);
            assert!(
                should_fail,
                "the run failed with no error record and no refused profile: {}",
                f.message
            );
        }
    }
}

/// The repository's root, from either crate that compiles this file (the fuzz crate lives in
/// tests/fuzz).
fn repo_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    if here.ends_with("tests/fuzz") {
        here.join("../..")
    } else {
        here.to_path_buf()
    }
}

/// Stand-ins for paths in the `check` target's arguments: the fuzzer reaches the file system only
/// through these (a fuzzer that found /dev/zero would hang on it).
fn alias(arg: &str) -> Option<PathBuf> {
    let rel = match arg {
        "@ruleset" => "tests/fuzz/fixtures/ruleset.json",
        "@profile" => "tests/fuzz/fixtures/profile.json",
        "@bad" => "tests/fuzz/fixtures/bad.json",
        "@dir" => "tests/fuzz/fixtures",
        "@rules" => "src/rules/shanghai-2023-1",
        _ => return None,
    };
    Some(repo_root().join(rel))
}

/// Target `check`: any command line. The input is the arguments separated by NUL, then (after an
/// empty argument, i.e. two NULs) the standard input; an argument may be any bytes, UTF-8 or not.
/// `cli::run` returns Ok or a failure with exit code 1 or 2 and a message, never a panic, and
/// writes UTF-8; an argument that is not UTF-8 is a usage error (2); a `check` that succeeds with
/// `--format json` printed a report without field errors, unless `--lenient` was given. Inputs whose
/// arguments could name a real file other than the fixtures above are skipped.
pub fn check(data: &[u8]) {
    let (head, stdin) = match data.windows(2).position(|w| w == b"\0\0") {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &[][..]),
    };
    let mut args: Vec<OsString> = Vec::new();
    for arg in head.split(|b| *b == 0) {
        let text = String::from_utf8_lossy(arg);
        match alias(&text) {
            Some(path) => args.push(path.into_os_string()),
            None if arg.contains(&b'/') || arg.contains(&b'\\') => return,
            None => {
                let arg = os_string(arg);
                if Path::new(&arg).exists() {
                    return;
                }
                args.push(arg);
            }
        }
    }
    let not_utf8 = args.iter().any(|a| a.to_str().is_none());
    let lenient = args.iter().any(|a| a == "--lenient");
    let command = args.first().cloned();
    let mut out = Vec::new();
    match cli::run(args, &mut &stdin[..], &mut out) {
        Ok(()) => {
            assert!(!not_utf8, "an argument that is not UTF-8 was accepted");
            // The JSON report (a table or a help text never starts with a brace).
            if command.as_deref() == Some("check".as_ref()) && out.first() == Some(&b'{') {
                let report: serde_json::Value = serde_json::from_slice(&out)
                    .unwrap_or_else(|e| panic!("check --format json printed no JSON: {e}"));
                let errors = report["errors"].as_array().map_or(0, Vec::len);
                assert!(
                    errors == 0 || lenient,
                    "check succeeded with {errors} field error(s) and no --lenient"
                );
            }
        }
        Err(f) => {
            assert!(f.code == 1 || f.code == 2, "exit code {}", f.code);
            assert!(!f.message.is_empty(), "a failure without a message");
            assert!(
                !not_utf8 || f.code == 2,
                "an argument that is not UTF-8 gave exit code {}: {}",
                f.code,
                f.message
            );
        }
    }
    if let Err(e) = std::str::from_utf8(&out) {
        panic!("output not UTF-8: {e}");
    }
}

/// An argument as the operating system passes it: any bytes on Unix.
#[cfg(unix)]
fn os_string(bytes: &[u8]) -> OsString {
    std::os::unix::ffi::OsStringExt::from_vec(bytes.to_vec())
}

#[cfg(not(unix))]
fn os_string(bytes: &[u8]) -> OsString {
    OsString::from(String::from_utf8_lossy(bytes).into_owned())
}

/// Target `json`: the engine's JSON reader on any bytes never panics, and on UTF-8 text agrees with
/// serde_json on what is JSON and what it means, except for the documented limits: a number no
/// decimal can hold is read as `BadNumber` (not compared), a lone surrogate escape is refused, and
/// either side may refuse nesting past its depth limit (`limits::JSON_DEPTH` here).
pub fn json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        if let Err(e) = parse_json(&String::from_utf8_lossy(data)) {
            error_holds(&e, &String::from_utf8_lossy(data));
        }
        return;
    };
    let ours = parse_json(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    // Whether serde_json takes it for JSON: reading into a value, or, where that stops at a number
    // beyond f64 (`1e400`, which this reader keeps as `BadNumber`), reading into nothing, which
    // scans numbers without converting them (but lets a lone surrogate escape through).
    let accepted = match &theirs {
        Err(e) if e.to_string().contains("number out of range") => {
            serde_json::from_str::<serde::de::IgnoredAny>(text).map(|_| ())
        }
        Err(e) => Err(serde_json::Error::io(std::io::Error::other(e.to_string()))),
        Ok(_) => Ok(()),
    };
    match (&ours, &accepted) {
        (Ok(a), Ok(())) => {
            if let Ok(b) = &theirs
                && !has_bad_number(a)
            {
                assert!(same(a, b), "read differently:\nours   {a:?}\nserde  {b:?}");
            }
        }
        (Err(e), Err(_)) => error_holds(e, text),
        (Ok(a), Err(e)) => assert!(
            e.to_string().contains("recursion limit"),
            "we accept what serde_json refuses ({e}): {a:?}"
        ),
        (Err(e), Ok(())) => {
            error_holds(e, text);
            assert!(
                e.problem == JsonProblem::TooDeep
                    || (e.problem == JsonProblem::Escape && theirs.is_err()),
                "we refuse what serde_json accepts: {e:?}"
            );
        }
    }
}

fn error_holds(e: &JsonError, text: &str) {
    let lines = 1 + text.bytes().filter(|b| *b == b'\n').count();
    assert!(
        (1..=lines).contains(&e.line) && e.column >= 1,
        "error at line {}, column {} of {lines} line(s)",
        e.line,
        e.column
    );
    for lang in Lang::ALL {
        assert!(!e.message(lang).is_empty());
    }
}

fn has_bad_number(v: &Value) -> bool {
    match v {
        Value::BadNumber => true,
        Value::List(items) => items.iter().any(has_bad_number),
        Value::Map(entries) => entries.iter().any(|(_, v)| has_bad_number(v)),
        _ => false,
    }
}

/// The same JSON value: numbers by value (an integer written `1.0e2` is one), objects as maps
/// (the last of a repeated key wins in both).
fn same(a: &Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (a, b) {
        (Value::Null, J::Null) => true,
        (Value::Bool(x), J::Bool(y)) => x == y,
        (Value::Str(x), J::String(y)) => x == y,
        (Value::Int(x), J::Number(y)) => {
            y.as_i64() == Some(*x)
                || (y.is_f64() && y.as_f64().is_some_and(|y| close(*x as f64, y)))
        }
        (Value::Number(x), J::Number(y)) => {
            let x = x.to_string().parse::<f64>().ok();
            matches!((x, y.as_f64()), (Some(x), Some(y)) if close(x, y))
        }
        (Value::List(x), J::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Map(x), J::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

/// Equal as floats, give or take the last bit: serde_json's default float parsing (without its
/// `float_roundtrip` feature) may be one unit in the last place off for long mantissas.
fn close(x: f64, y: f64) -> bool {
    x == y || (x - y).abs() <= 4.0 * f64::EPSILON * x.abs().max(y.abs())
}
