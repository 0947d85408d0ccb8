//! `sme-check` as a user runs it: the binary, its arguments, standard input and output, exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    run_bytes(args, stdin.as_bytes())
}

fn run_bytes(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sme-check"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sme-check starts");
    // A command that takes a file may exit before reading its input: a broken pipe is no error.
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    child.wait_with_output().expect("sme-check ends")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 errors")
}

const SME: &str = r#"{"registered_in_shanghai": true, "industry": "industry", "headcount": 80, "revenue": "50000000", "renovation_investment": "8000000"}"#;

#[test]
fn help_and_version() {
    let o = run(&["--help"], "");
    assert!(o.status.success());
    for word in [
        "check", "batch", "schema", "measures", "compile", "--as-of", "--lang", "--format",
    ] {
        assert!(stdout(&o).contains(word), "--help lacks {word}");
    }
    let o = run(&["--version"], "");
    assert_eq!(
        stdout(&o).trim(),
        concat!("sme-check ", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn check_prints_a_table_in_each_language() {
    for (lang, needle) in [
        ("zh", "技术改造项目总投资 800万元，低于 1000万元"),
        (
            "ja",
            "技術改造プロジェクトの総投資額 8,000,000元、10,000,000元未満",
        ),
        (
            "en",
            "Total investment of the technical renovation project CNY 8,000,000, below CNY 10,000,000",
        ),
    ] {
        let o = run(&["check", "--as-of", "2023-07-01", "--lang", lang], SME);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        assert!(out.contains(needle), "{lang}: no “{needle}” in\n{out}");
        assert!(out.contains("2023-07-01") && out.contains("sha256:"));
    }
}

#[test]
fn check_json_has_the_documented_shape() {
    let o = run(
        &["check", "--as-of", "2023-07-01", "--format", "json", "-"],
        SME,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON report");
    assert_eq!(r["as_of"], "2023-07-01");
    assert_eq!(r["ruleset"]["id"], "shanghai-hqfb-2023-1");
    let measures = r["measures"].as_array().expect("measures");
    let ids: Vec<u64> = measures
        .iter()
        .map(|m| m["id"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(ids, (1..=28).collect::<Vec<u64>>());
    for m in measures {
        assert!(
            ["benefit", "support", "programme", "government"]
                .contains(&m["kind"].as_str().unwrap_or(""))
        );
        assert!(
            [
                "eligible",
                "ineligible",
                "needs_info",
                "expired",
                "not_applicable"
            ]
            .contains(&m["status"].as_str().unwrap_or(""))
        );
        assert!(m.get("amount").is_some() && m["parts"].as_array().is_some_and(|p| !p.is_empty()));
    }
    assert_eq!(measures[27]["status"], "not_applicable");
}

#[test]
fn check_reads_a_file_and_reports_errors_on_stderr() {
    let dir = std::env::temp_dir().join(format!("sme-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("profile.json");
    std::fs::write(&file, SME).expect("write profile");
    let o = run(
        &[
            "check",
            "--as-of",
            "2023-07-01",
            file.to_str().expect("path"),
        ],
        "",
    );
    assert!(o.status.success());

    let o = run(
        &["check", dir.join("missing.json").to_str().expect("path")],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("missing.json"));

    let o = run(&["check", "--as-of", "2023-02-30"], SME);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2023-02-30"));

    let o = run(&["check", "--lang", "fr"], SME);
    assert_eq!(o.status.code(), Some(2));

    let o = run(&["check"], "{ not json");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("不是有效的 JSON"));

    let o = run(&["frobnicate"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_bad_answer_is_reported_and_the_rest_still_counts() {
    let o = run(
        &["check", "--as-of", "2023-07-01", "--format", "json"],
        r#"{"headcount": -3, "industry": "industry", "registered_in_shanghai": true, "revenue": "50000000"}"#,
    );
    assert!(o.status.success());
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(r["errors"][0]["field"], "headcount");
    assert_eq!(r["errors"][0]["code"], "negative");
    assert_eq!(r["errors"][0]["message"], "从业人员：不能为负数");
}

#[test]
fn batch_streams_one_report_per_line_in_order() {
    let lines = [
        r#"{"$id": "91310000AAA", "registered_in_shanghai": true, "industry": "industry", "headcount": 80, "revenue": "50000000", "renovation_investment": "12000000"}"#,
        "",
        r#"{"$id": "91310000BBB", "industry": "other", "headcount": 5}"#,
        r#"{ broken"#,
        r#"{"registered_in_shanghai": false}"#,
    ];
    let input = lines.join("\n") + "\n";
    let o = run(&["batch", "--as-of", "2023-07-01"], &input);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a broken line makes the exit code 1"
    );
    assert!(stderr(&o).contains("line 4"));
    let out = records(&o);
    assert_eq!(out.len(), 5, "one record per input line, the blank one too");
    assert_eq!(out[0]["id"], "91310000AAA");
    assert_eq!(out[0]["measures"][4]["status"], "eligible");
    assert_eq!(out[0]["measures"][4]["amount"]["max"], "1200000");
    assert!(
        out[0]["measures"][4].get("title").is_none(),
        "summary detail by default"
    );
    assert_eq!(out[1]["line"], 2);
    assert_eq!(out[1]["error"], "空行");
    assert_eq!(out[2]["id"], "91310000BBB");
    assert_eq!(out[2]["size_class"]["class"], "micro");
    assert_eq!(out[3]["line"], 4);
    assert!(out[4].get("id").is_none());
}

fn records(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

#[test]
fn batch_loses_no_line_whatever_it_holds() {
    // Invalid UTF-8, a line over the 1 MiB a profile may have, a Windows line end, a last line
    // without its newline: each gets its record, in order, and the run goes on.
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"headcount\": 5}\r\n");
    input.extend_from_slice(b"{\"industry\": \"\xff\xfe\"}\n");
    input.extend_from_slice(&vec![b' '; (1 << 20) + 10]);
    input.extend_from_slice(b"{}\n");
    input.extend_from_slice(b"[1, 2]\n");
    input.extend_from_slice(b"{\"$id\": 7, \"headcount\": -1}");
    let o = run_bytes(&["batch", "--as-of", "2023-07-01", "--lang", "en"], &input);
    assert_eq!(o.status.code(), Some(1));
    let out = records(&o);
    assert_eq!(out.len(), 5, "{out:?}");
    assert_eq!(
        out[0]["size_class"]["possible"].as_array().map(Vec::len),
        Some(4)
    );
    assert_eq!(out[1]["line"], 2);
    assert_eq!(out[1]["error"], "not UTF-8 text");
    assert_eq!(out[2]["line"], 3);
    assert_eq!(out[2]["error"], "longer than 1048576 bytes");
    assert_eq!(out[3]["errors"][0]["code"], "not_an_object");
    assert_eq!(out[4]["id"], 7);
    assert_eq!(out[4]["errors"][0]["field"], "headcount");
    assert!(stderr(&o).contains("line 3"));
}

#[test]
fn schema_and_measures_and_compile() {
    let o = run(&["schema"], "");
    assert!(o.status.success());
    let s: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("schema JSON");
    assert_eq!(s["type"], "object");
    assert!(s["properties"]["headcount"].is_object());
    assert!(
        s["properties"].get("size_class").is_none(),
        "computed facts are not asked"
    );

    let o = run(&["measures", "--lang", "en"], "");
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 29);
    assert!(stdout(&o).contains("More support for technical renovation"));

    let o = run(&["compile", "src/rules/shanghai-2023-1"], "");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).trim_end(),
        sme_eligibility::BUILTIN_RULESET,
        "compile gives the embedded document"
    );

    let o = run(&["compile", "tests"], "");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn another_ruleset_from_a_file() {
    let dir = std::env::temp_dir().join(format!("sme-rs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"id": "x", "measures": 3}"#).expect("write");
    let o = run(
        &[
            "check",
            "--ruleset",
            bad.to_str().expect("path"),
            "--lang",
            "en",
        ],
        "{}",
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("the ruleset is not valid") && err.contains("wrong type"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
