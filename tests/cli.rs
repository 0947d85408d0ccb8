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
        "check",
        "batch",
        "schema",
        "measures",
        "compile",
        "--as-of",
        "--lang",
        "--format",
        "--detail",
        "--lenient",
        "--ruleset",
        "EXIT STATUS",
    ] {
        assert!(stdout(&o).contains(word), "--help lacks {word}");
    }
    assert_eq!(stdout(&run(&["-h"], "")), stdout(&o));
    assert_eq!(stdout(&run(&["help"], "")), stdout(&o));
    // Each command's own help: its usage, what it does, its options only.
    let check = run(&["check", "--help"], "");
    assert!(check.status.success());
    let text = stdout(&check);
    assert!(
        text.starts_with("sme-check check [--as-of YYYY-MM-DD]"),
        "{text}"
    );
    assert!(
        text.contains("--lenient") && !text.contains("--detail"),
        "{text}"
    );
    assert_eq!(stdout(&run(&["help", "check"], "")), text);
    assert_eq!(stdout(&run(&["check", "--lang", "en", "-h"], "")), text);
    let batch = stdout(&run(&["batch", "--help"], ""));
    for legend in [
        "E eligible",
        "N needs information",
        "I ineligible",
        "X expired",
        "- not applicable",
    ] {
        assert!(
            batch.contains(legend),
            "batch --help lacks the legend “{legend}”"
        );
    }
    let o = run(&["--version"], "");
    assert_eq!(
        stdout(&o).trim(),
        concat!("sme-check ", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(stdout(&run(&["-V"], "")), stdout(&o));
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

/// Within reach in the table (issue 13): under its heading, the most money first, in each language.
#[test]
fn check_prints_what_is_within_reach_in_each_language() {
    for (lang, heading, renovation) in [
        (
            "zh",
            "差一点（改变一项即可符合条件）：",
            "  - 5(a) 技术改造项目总投资达到 1000万元 → 最高100万元",
        ),
        (
            "ja",
            "あと一歩（一つ変われば該当）：",
            "  - 5(a) 技術改造プロジェクトの総投資額が10,000,000元以上 → 最大1,000,000元",
        ),
        (
            "en",
            "Within reach (one change away):",
            "  - 5(a) Total investment of the technical renovation project of at least CNY 10,000,000 → up to CNY 1,000,000",
        ),
    ] {
        let o = run(&["check", "--as-of", "2023-07-01", "--lang", lang], SME);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        let list = out
            .split_once(heading)
            .unwrap_or_else(|| panic!("{lang}: no “{heading}” in\n{out}"))
            .1;
        let lines: Vec<&str> = list
            .lines()
            .skip(1)
            .take_while(|l| l.starts_with("  - "))
            .collect();
        assert!(
            lines.contains(&renovation),
            "{lang}: no “{renovation}” in {lines:#?}"
        );
        // 6(a)'s up to 1000万 comes before 5(a)'s up to 100万: the most money first.
        assert!(lines[0].starts_with("  - 6(a) "), "{lang}: {lines:#?}");
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
fn a_bad_answer_is_reported_and_the_rest_still_counts_but_the_exit_status_says_so() {
    let profile = r#"{"headcount": -3, "industry": "industry", "registered_in_shanghai": true, "revenue": "50000000"}"#;
    let o = run(
        &["check", "--as-of", "2023-07-01", "--format", "json"],
        profile,
    );
    assert_eq!(o.status.code(), Some(1), "field errors are refused input");
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("the report still");
    assert_eq!(r["errors"][0]["field"], "headcount");
    assert_eq!(r["errors"][0]["code"], "negative");
    assert_eq!(r["errors"][0]["message"], "从业人员：不能为负数");
    assert_eq!(
        r["size_class"]["possible"][0], "medium",
        "the rest still counts"
    );
    assert!(
        stderr(&o).contains("从业人员：不能为负数"),
        "{}",
        stderr(&o)
    );

    let o = run(
        &[
            "check",
            "--as-of",
            "2023-07-01",
            "--format",
            "json",
            "--lenient",
        ],
        profile,
    );
    assert!(o.status.success(), "--lenient accepts it: {}", stderr(&o));
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(r["errors"][0]["code"], "negative", "and still lists it");
    assert!(stderr(&o).is_empty());
}

/// Issue 12: any refused input exits non-zero, with the report (errors listed) and a message.
#[test]
fn a_profile_that_is_not_an_object_or_has_an_unknown_field_exits_1() {
    for (profile, code, message) in [
        ("[]", "not_an_object", "企业信息：应为一个对象"),
        ("null", "not_an_object", "企业信息：应为一个对象"),
        ("7", "not_an_object", "企业信息：应为一个对象"),
        (
            r#"{"headcount": 5, "stauts": "x"}"#,
            "unknown_field",
            "stauts：不是本规则集的问题，已忽略",
        ),
        (
            r#"{"registered_in_shanghai": "yes"}"#,
            "wrong_type",
            "在上海市注册登记：应填写是或否",
        ),
    ] {
        let o = run(&["check", "--as-of", "2023-07-01", "-"], profile);
        assert_eq!(o.status.code(), Some(1), "{profile}");
        assert!(
            stdout(&o).contains(&format!("! {message}")),
            "{profile}: the table lists the error:\n{}",
            stdout(&o)
        );
        assert!(stderr(&o).contains(message), "{profile}: {}", stderr(&o));
        let o = run(
            &["check", "--as-of=2023-07-01", "--format=json", "-"],
            profile,
        );
        assert_eq!(o.status.code(), Some(1), "{profile}");
        let r: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON report");
        assert_eq!(r["errors"][0]["code"], code, "{profile}");
        let o = run(&["check", "--lenient", "--as-of=2023-07-01"], profile);
        assert!(o.status.success(), "{profile} with --lenient");
    }
    // The messages follow --lang.
    let o = run(&["check", "--lang", "en", "-"], "[]");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the profile has 1 error(s)")
            && stderr(&o).contains("Profile: must be an object"),
        "{}",
        stderr(&o)
    );
    let o = run(&["check", "--lang", "ja", "-"], r#"{"x": 1}"#);
    assert!(stderr(&o).contains("x：このルールセットの質問ではないため無視しました"));
}

#[test]
fn options_take_their_value_after_an_equals_sign_or_as_the_next_argument() {
    let spaced = run(
        &[
            "check",
            "--as-of",
            "2023-07-01",
            "--lang",
            "en",
            "--format",
            "json",
        ],
        SME,
    );
    let joined = run(
        &["check", "--as-of=2023-07-01", "--lang=en", "--format=json"],
        SME,
    );
    assert!(joined.status.success(), "{}", stderr(&joined));
    assert_eq!(stdout(&spaced), stdout(&joined));
    let r: serde_json::Value = serde_json::from_str(&stdout(&joined)).expect("JSON");
    assert_eq!(r["as_of"], "2023-07-01");
    assert_eq!(r["lang"], "en");

    let o = run(&["batch", "--detail=status", "--as-of=2023-07-01"], SME);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with(r#"{"status":""#), "{}", stdout(&o));
}

#[test]
fn each_command_takes_only_its_own_options() {
    for (args, named) in [
        (&["check", "--detail", "full"][..], "--detail"),
        (&["batch", "--format", "json"][..], "--format"),
        (&["schema", "--lang", "en"][..], "--lang"),
        (&["schema", "--lenient"][..], "--lenient"),
        (&["measures", "--as-of=2023-07-01"][..], "--as-of"),
        (
            &[
                "compile",
                "--ruleset",
                "x.json",
                "src/rules/shanghai-2023-1",
            ][..],
            "--ruleset",
        ),
        (&["check", "--frobnicate"][..], "--frobnicate"),
        (&["check", "-x"][..], "-x"),
    ] {
        let o = run(args, SME);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(named), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
    for (args, says) in [
        (&["check", "--as-of"][..], "--as-of"),
        (&["check", "--lenient=yes"][..], "--lenient"),
        (&["check", "--as-of=2023-02-30"][..], "2023-02-30"),
        (
            &["batch", "--detail", "some"][..],
            "summary, full or status",
        ),
        (&["check", "a.json", "b.json"][..], "2 operand(s)"),
        (&["batch", "register.ndjson"][..], "register.ndjson"),
        (&["compile"][..], "DIR"),
        (&[][..], "no command"),
        (&["--as-of", "2023-07-01", "check"][..], "before a command"),
    ] {
        let o = run(args, SME);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_a_usage_error_not_a_panic() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    for args in [
        vec![
            OsStr::from_bytes(b"check"),
            OsStr::from_bytes(b"\xff\xfe.json"),
        ],
        vec![
            OsStr::from_bytes(b"check"),
            OsStr::from_bytes(b"--lang=\xc0\x80"),
        ],
        vec![OsStr::from_bytes(b"\xff")],
        vec![OsStr::from_bytes(b"--help"), OsStr::from_bytes(b"\xff")],
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_sme-check"))
            .args(&args)
            .stdin(Stdio::null())
            .output()
            .expect("sme-check runs");
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("is not UTF-8"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(!stderr(&o).contains("panicked"));
    }
}

/// The usage lines of `--help` are the truth: every option a command's line shows, it takes; every
/// other option it refuses by name.
#[test]
fn the_usage_text_says_which_options_each_command_takes() {
    let help = stdout(&run(&["--help"], ""));
    let value = |option: &str| match option {
        "--as-of" => Some("2023-07-01"),
        "--lang" => Some("en"),
        "--format" => Some("json"),
        "--detail" => Some("status"),
        "--ruleset" => Some("tests/fuzz/fixtures/ruleset.json"),
        _ => None,
    };
    let usage_lines: Vec<&str> = help
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("sme-check ") && !l.contains('—') && !l.contains("COMMAND"))
        .collect();
    let mut all: Vec<&str> = usage_lines
        .iter()
        .flat_map(|l| l.split(['[', ']', ' ']))
        .filter(|w| w.starts_with("--"))
        .collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(
        all,
        [
            "--as-of",
            "--detail",
            "--format",
            "--lang",
            "--lenient",
            "--ruleset",
            "--text-only"
        ]
    );
    for line in &usage_lines {
        let command = line.split(' ').nth(1).expect("a command");
        let own = stdout(&run(&[command, "--help"], ""));
        assert!(
            own.starts_with(line),
            "`{command} --help` starts with its usage line"
        );
        let operand = match command {
            "check" => Some("-"),
            "compile" => Some("src/rules/shanghai-2023-1"),
            _ => None,
        };
        for option in &all {
            let mut args = vec![command.to_owned(), (*option).to_owned()];
            args.extend(value(option).map(str::to_owned));
            args.extend(operand.map(str::to_owned));
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let o = run(&args, "{}");
            if line.contains(&format!("[{option}")) {
                assert!(o.status.success(), "{args:?}: {}", stderr(&o));
            } else {
                assert_eq!(o.status.code(), Some(2), "{args:?}");
                assert!(stderr(&o).contains(&format!("does not take {option}")));
            }
        }
    }
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
fn batch_counts_a_profile_with_field_errors_as_failed_unless_lenient() {
    let input = concat!(
        r#"{"$id": "A", "headcount": 5}"#,
        "\n",
        r#"{"$id": "B", "headcount": -5}"#,
        "\n",
        "[]\n",
    );
    for detail in ["summary", "full", "status"] {
        let o = run(
            &["batch", "--as-of", "2023-07-01", "--detail", detail],
            input,
        );
        assert_eq!(o.status.code(), Some(1), "{detail}");
        let out = records(&o);
        assert_eq!(out.len(), 3, "{detail}: one record per line still");
        assert_eq!(out[1]["id"], "B");
        assert_eq!(out[1]["errors"][0]["code"], "negative", "{detail}");
        assert_eq!(out[2]["errors"][0]["code"], "not_an_object", "{detail}");
        let err = stderr(&o);
        assert!(
            err.contains("line 2: 从业人员：不能为负数"),
            "{detail}: {err}"
        );
        assert!(
            err.contains("line 3: 企业信息：应为一个对象"),
            "{detail}: {err}"
        );
        assert!(
            err.contains("0 行无法读取，2 份企业信息有错误"),
            "{detail}: {err}"
        );
        assert!(!err.contains("line 1"), "{detail}: {err}");

        let o = run(
            &[
                "batch",
                "--as-of",
                "2023-07-01",
                "--detail",
                detail,
                "--lenient",
            ],
            input,
        );
        assert!(o.status.success(), "{detail} --lenient: {}", stderr(&o));
        assert_eq!(records(&o)[1]["errors"][0]["code"], "negative");
        assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    }
    // A line that cannot be read fails the run even with --lenient.
    let o = run(&["batch", "--lenient", "--lang", "en"], "{}\n{ broken\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("1 line(s) could not be read, 0 profile(s)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn batch_status_is_one_compact_line_per_enterprise() {
    let lines = [
        r#"{"$id": "91310000AAA", "registered_in_shanghai": true, "industry": "industry", "headcount": 80, "revenue": "50000000", "renovation_investment": "12000000"}"#,
        r#"{"industry": "other", "headcount": 5}"#,
        "not json",
        r#"{"$id": 7, "registered_in_shanghai": true, "industry": "industry", "headcount": 80, "revenue": "50000000", "renovation_investment": "12000000", "hires": [{"hired_on": "2023-03-01", "group": "graduate_2023", "contract_months": 24, "social_insurance_paid": true}]}"#,
    ];
    let input = lines.join("\n");
    let o = run(
        &["batch", "--as-of", "2023-07-01", "--detail", "status"],
        &input,
    );
    assert_eq!(o.status.code(), Some(1), "line 3 is not JSON");
    let out = records(&o);
    assert_eq!(out.len(), 4);
    assert_eq!(out[0]["id"], "91310000AAA");
    let status = out[0]["status"].as_str().expect("status letters");
    assert_eq!(status.chars().count(), 28);
    // Measure 5 (技术改造): eligible, 10% of 12,000,000 capped at 1,200,000 — a cap from 0.
    assert_eq!(status.chars().nth(4), Some('E'));
    assert_eq!(out[0]["amount"]["5"], serde_json::json!(["0", "1200000"]));
    assert_eq!(
        status.chars().nth(27),
        Some('-'),
        "measure 28 is for government"
    );
    assert!(out[0].get("errors").is_none() && out[0].get("as_of").is_none());
    assert!(out[1].get("id").is_none());
    assert_eq!(
        out[2],
        serde_json::json!({"line": 3, "error": "第1行第1列：出现意外字符"})
    );
    assert_eq!(out[3]["id"], 7);
    // A compact line: a tenth of the summary's size, or less.
    let summary = run(&["batch", "--as-of", "2023-07-01"], &input);
    assert!(stdout(&o).len() * 10 < stdout(&summary).len());
}

/// The status line says what the summary report says, measure by measure, for every status and
/// several amounts: the seeded profiles of the fuzz corpus and the examples above, at dates
/// inside and after the policy's windows.
#[test]
fn batch_status_agrees_with_the_summary_report() {
    let mut input = String::new();
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/seeds/profile");
    let mut files: Vec<_> = std::fs::read_dir(&seeds)
        .expect("profile seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("seed");
        let v: serde_json::Value = serde_json::from_str(&text).expect("seed is JSON");
        input += &serde_json::to_string(&v).expect("one line");
        input.push('\n');
    }
    input += SME;
    input.push('\n');
    let mut seen = std::collections::BTreeSet::new();
    for as_of in ["2023-07-01", "2024-06-30", "2025-03-01", "2028-06-30"] {
        let args = ["batch", "--as-of", as_of, "--lenient"];
        let status = records(&run(&[&args[..], &["--detail", "status"]].concat(), &input));
        let summary = records(&run(&args, &input));
        assert_eq!(status.len(), summary.len());
        for (s, r) in status.iter().zip(&summary) {
            let letters: Vec<char> = s["status"].as_str().expect("letters").chars().collect();
            let measures = r["measures"].as_array().expect("measures");
            assert_eq!(letters.len(), measures.len());
            for (letter, m) in letters.iter().zip(measures) {
                let code = m["status"].as_str().expect("status");
                seen.insert(code.to_owned());
                let want = match code {
                    "eligible" => 'E',
                    "needs_info" => 'N',
                    "ineligible" => 'I',
                    "expired" => 'X',
                    "not_applicable" => '-',
                    other => panic!("status {other}"),
                };
                assert_eq!(*letter, want, "measure {}", m["id"]);
                let amount = &s["amount"][m["id"].to_string()];
                if code == "eligible" && !m["amount"].is_null() {
                    assert_eq!(amount[0], m["amount"]["min"], "measure {}", m["id"]);
                    assert_eq!(amount[1], m["amount"]["max"], "measure {}", m["id"]);
                } else {
                    assert!(amount.is_null(), "measure {}: {amount}", m["id"]);
                }
                let incomplete = s["amount_incomplete"]
                    .as_array()
                    .is_some_and(|ids| ids.contains(&m["id"]));
                assert_eq!(
                    incomplete,
                    m["amount_incomplete"] == true,
                    "measure {}",
                    m["id"]
                );
            }
            assert_eq!(
                s["errors"].as_array().map_or(0, Vec::len),
                r["errors"].as_array().map_or(0, Vec::len)
            );
        }
    }
    // The built-in measures no longer expire whole (later documents keep windows open, and
    // dated events are conditions): a ruleset whose one part has a closed window shows X.
    let mut fixture: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fuzz/fixtures/ruleset.json").expect("fixture"),
    )
    .expect("fixture JSON");
    if let Some(parts) = fixture["measures"][0]["parts"].as_array_mut() {
        parts.retain(|p| p.get("window").is_some());
    }
    let path = std::env::temp_dir().join(format!("sme-check-expired-{}.json", std::process::id()));
    std::fs::write(&path, fixture.to_string()).expect("temp ruleset");
    let ruleset = path.to_str().expect("utf-8 path");
    let args = [
        "batch",
        "--as-of",
        "2030-01-01",
        "--lenient",
        "--ruleset",
        ruleset,
    ];
    let status = records(&run(&[&args[..], &["--detail", "status"]].concat(), "{}\n"));
    let summary = records(&run(&args, "{}\n"));
    let _ = std::fs::remove_file(&path);
    assert_eq!(summary[0]["measures"][0]["status"], "expired");
    assert_eq!(status[0]["status"], "X");
    seen.insert("expired".to_owned());
    assert_eq!(seen.len(), 5, "every status is compared: {seen:?}");
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

/// Issue 10's example: in mid-2026 a small-scale taxpayer with 80,000 yuan of monthly sales is
/// exempt under 财政部 税务总局公告2023年第19号; the 2023 clause alone says the relief has expired.
#[test]
fn the_policy_as_amended_by_default_and_the_text_alone_on_request() {
    let profile = r#"{"registered_in_shanghai":true,"vat_taxpayer":"small_scale","vat_monthly_sales":"80000"}"#;
    let part_a = |args: &[&str]| -> serde_json::Value {
        let o = run(args, profile);
        assert!(o.status.success(), "{}", stderr(&o));
        let r: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json report");
        let m = r["measures"]
            .as_array()
            .and_then(|ms| ms.iter().find(|m| m["id"] == 22))
            .cloned()
            .expect("measure 22");
        m["parts"][0].clone()
    };
    let amended = part_a(&["check", "--as-of", "2026-06-30", "--format", "json", "-"]);
    assert_eq!(amended["status"], "eligible");
    assert_eq!(amended["amendments"][0]["source"], "cs-2023-19");
    assert!(
        amended["amendments"][0]["title"]
            .as_str()
            .is_some_and(|t| t.contains("财政部 税务总局公告2023年第19号"))
    );
    let alone = part_a(&[
        "check",
        "--as-of=2026-06-30",
        "--format=json",
        "--text-only",
        "-",
    ]);
    assert_eq!(alone["status"], "expired");
    assert!(alone.get("amendments").is_none());
    // The table names the document too, and says what the text alone would give.
    let o = run(
        &["check", "--as-of", "2026-06-30", "--lang", "en", "-"],
        profile,
    );
    let text = stdout(&o);
    assert!(
        text.contains("MOF & STA Announcement No. 19 of 2023"),
        "{text}"
    );
    assert!(text.contains("Under the clause alone: expired"), "{text}");
    // Batch takes it too; measures takes no such option.
    let o = run(
        &[
            "batch",
            "--as-of",
            "2026-06-30",
            "--detail",
            "status",
            "--text-only",
        ],
        profile,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["measures", "--text-only"], "");
    assert_eq!(o.status.code(), Some(2));
}
