//! `sme-check`: the engine on the command line. One profile to a readable report, a stream of
//! profiles to a stream of reports (screening a register: policy finds the enterprise), the
//! profile's JSON Schema, the list of measures, and compiling a ruleset folder.

use crate::engine::catalog::catalog;
use crate::engine::eval::{Context, Status};
use crate::engine::limits::{PROFILE_BYTES, RULESET_BYTES};
use crate::engine::profile::Profile;
use crate::engine::report::{self, Detail, Report};
use crate::engine::{Date, Lang, Ruleset, Value};
use crate::native::{builtin, load_json, parse_json, profile_schema};
use std::io::{BufRead, Read, Write};

pub const USAGE: &str = "\
sme-check — which measures of 沪企服办〔2023〕1号 apply to an enterprise

USAGE:
    sme-check check [--as-of YYYY-MM-DD] [--lang zh|ja|en] [--format text|json] [--ruleset FILE] [FILE|-]
    sme-check batch [--as-of YYYY-MM-DD] [--lang zh|ja|en] [--detail summary|full] [--ruleset FILE]
    sme-check schema [--ruleset FILE]
    sme-check measures [--lang zh|ja|en] [--format text|json] [--ruleset FILE]
    sme-check compile DIR
    sme-check --help | --version

COMMANDS:
    check     Evaluate one profile (JSON object) from FILE, or from standard input for `-` or no FILE.
              Prints a table in the chosen language (default), or the full report as JSON.
    batch     Read profiles as NDJSON (one JSON object per line) from standard input and write one
              report per line (NDJSON) to standard output, in the same order. A line may carry
              \"$id\" (e.g. a unified social credit code); it is echoed as \"id\". A line that cannot
              be read (not JSON, not UTF-8, blank, over 1 MiB) gives {\"line\":N,\"error\":…} in its
              place, and the run goes on; the exit code is then 1.
    schema    Print the JSON Schema of a profile.
    measures  List the measures of the ruleset.
    compile   Compile a ruleset folder (ruleset.toml, facts.toml, measures/*.toml …) into the JSON
              document the engine and the web widget load; it is checked first.

OPTIONS:
    --as-of DATE     Evaluate as of this date (default: today, UTC).
    --lang CODE      zh (default), ja or en.
    --format FMT     text (default) or json.
    --detail LEVEL   batch only: summary (default: statuses, amounts, missing facts) or full.
    --ruleset FILE   A compiled ruleset (JSON) instead of the built-in 沪企服办〔2023〕1号.

EXIT STATUS:
    0 on success; 1 when an input could not be read or evaluated; 2 for a usage error.
";

pub struct Options {
    pub as_of: Option<Date>,
    pub lang: Lang,
    pub json: bool,
    pub full: bool,
    pub ruleset: Option<String>,
    pub positional: Vec<String>,
}

/// A failure to report on stderr, with the exit code.
pub struct Failure {
    pub code: i32,
    pub message: String,
}

fn usage(msg: impl Into<String>) -> Failure {
    Failure {
        code: 2,
        message: format!("{}\n\nRun `sme-check --help` for usage.", msg.into()),
    }
}

fn failed(msg: impl Into<String>) -> Failure {
    Failure {
        code: 1,
        message: msg.into(),
    }
}

pub fn parse_options(args: &[String]) -> Result<Options, Failure> {
    let mut o = Options {
        as_of: None,
        lang: Lang::Zh,
        json: false,
        full: false,
        ruleset: None,
        positional: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| usage(format!("{name} needs a value")))
        };
        match a.as_str() {
            "--as-of" => {
                let v = value("--as-of")?;
                o.as_of = Some(Date::parse(&v).ok_or_else(|| {
                    usage(format!("--as-of: “{v}” is not a real date (YYYY-MM-DD)"))
                })?);
            }
            "--lang" => {
                let v = value("--lang")?;
                o.lang = Lang::parse(&v)
                    .ok_or_else(|| usage(format!("--lang: “{v}” is not zh, ja or en")))?;
            }
            "--format" => match value("--format")?.as_str() {
                "text" => o.json = false,
                "json" => o.json = true,
                other => return Err(usage(format!("--format: “{other}” is not text or json"))),
            },
            "--detail" => match value("--detail")?.as_str() {
                "summary" => o.full = false,
                "full" => o.full = true,
                other => return Err(usage(format!("--detail: “{other}” is not summary or full"))),
            },
            "--ruleset" => o.ruleset = Some(value("--ruleset")?),
            "-" => o.positional.push(a.clone()),
            flag if flag.starts_with('-') => return Err(usage(format!("unknown option {flag}"))),
            _ => o.positional.push(a.clone()),
        }
    }
    Ok(o)
}

/// Today in UTC, from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    Date::from_day_number(days).unwrap_or(Date::lit(2026, 1, 1))
}

fn ruleset(o: &Options) -> Result<Ruleset, Failure> {
    let loaded = match &o.ruleset {
        None => builtin(),
        Some(path) => {
            let text = read_file(path, RULESET_BYTES, o.lang)?;
            load_json(&text)
        }
    };
    loaded.map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| format!("  {}", e.message(o.lang)))
            .collect();
        let head = o.lang.pick([
            "规则集无效：",
            "ルールセットが無効です：",
            "the ruleset is not valid:",
        ]);
        failed(format!("{head}\n{}", lines.join("\n")))
    })
}

/// Runs one command. Output goes to `out`; the caller prints a failure on stderr.
pub fn run(args: &[String], input: &mut dyn BufRead, out: &mut dyn Write) -> Result<(), Failure> {
    let Some(command) = args.first() else {
        return Err(usage("no command given"));
    };
    let io = |e: std::io::Error| failed(format!("cannot write the output: {e}"));
    match command.as_str() {
        "--help" | "-h" | "help" => out.write_all(USAGE.as_bytes()).map_err(io),
        "--version" | "-V" => writeln!(out, "sme-check {}", env!("CARGO_PKG_VERSION")).map_err(io),
        "check" => check(&parse_options(&args[1..])?, input, out),
        "batch" => batch(&parse_options(&args[1..])?, input, out),
        "schema" => {
            let o = parse_options(&args[1..])?;
            let schema = profile_schema(&ruleset(&o)?);
            let text = serde_json::to_string_pretty(&schema).map_err(|e| failed(e.to_string()))?;
            writeln!(out, "{text}").map_err(io)
        }
        "measures" => measures(&parse_options(&args[1..])?, out),
        "compile" => compile(&parse_options(&args[1..])?, out),
        other => crate::authoring::run(other, &args[1..], out)
            .unwrap_or_else(|| Err(format!("unknown command “{other}”")))
            .map_err(|e| {
                if e.starts_with("unknown command") || e.starts_with("usage") {
                    usage(e)
                } else {
                    failed(e)
                }
            }),
    }
}

fn read_input(o: &Options, stdin: &mut dyn BufRead) -> Result<String, Failure> {
    match o.positional.as_slice() {
        [] => read_text(stdin, "-", PROFILE_BYTES, o.lang),
        [p] if p == "-" => read_text(stdin, "-", PROFILE_BYTES, o.lang),
        [path] => read_file(path, PROFILE_BYTES, o.lang),
        _ => Err(usage("check takes one FILE")),
    }
}

fn read_file(path: &str, max: usize, lang: Lang) -> Result<String, Failure> {
    let mut file = std::fs::File::open(path).map_err(|e| failed(format!("{path}: {e}")))?;
    read_text(&mut file, path, max, lang)
}

/// UTF-8 text of at most `max` bytes; the next byte is never read, so a huge input costs nothing.
/// One byte more is read than allowed, so that the parser names the limit that was hit.
fn read_text(
    input: impl std::io::Read,
    name: &str,
    max: usize,
    lang: Lang,
) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    input
        .take(u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| failed(format!("{name}: {e}")))?;
    String::from_utf8(bytes).map_err(|_| {
        let what = lang.pick(NOT_UTF8);
        failed(format!("{name}: {what}"))
    })
}

fn check(o: &Options, stdin: &mut dyn BufRead, out: &mut dyn Write) -> Result<(), Failure> {
    let rs = ruleset(o)?;
    let text = read_input(o, stdin)?;
    let profile = parse_json(&text).map_err(|e| {
        failed(format!(
            "{}{}",
            o.lang.pick([
                "企业信息不是有效的 JSON：",
                "企業情報が有効な JSON ではありません：",
                "the profile is not valid JSON: "
            ]),
            e.message(o.lang)
        ))
    })?;
    let as_of = o.as_of.unwrap_or_else(today);
    let report = report::evaluate(&rs, &profile, as_of, o.lang, Detail::Full);
    let io = |e: std::io::Error| failed(format!("cannot write the output: {e}"));
    if o.json {
        let s = serde_json::to_string_pretty(&report).map_err(|e| failed(e.to_string()))?;
        writeln!(out, "{s}").map_err(io)
    } else {
        out.write_all(render_text(&rs, &report, o.lang).as_bytes())
            .map_err(io)
    }
}

fn batch(o: &Options, stdin: &mut dyn BufRead, out: &mut dyn Write) -> Result<(), Failure> {
    let rs = ruleset(o)?;
    let as_of = o.as_of.unwrap_or_else(today);
    let detail = if o.full {
        Detail::Full
    } else {
        Detail::Summary
    };
    let mut bad_lines = 0usize;
    let mut line = Vec::with_capacity(4096);
    let mut n = 0usize;
    let mut buf = Vec::with_capacity(4096);
    // Exactly one record per input line, in order: a line that cannot be read (not UTF-8, blank,
    // too long, not JSON) gets an error record with its number, and the run goes on.
    while let Some(complete) = read_line(stdin, &mut line, PROFILE_BYTES)
        .map_err(|e| failed(format!("cannot read standard input: {e}")))?
    {
        n += 1;
        buf.clear();
        let profile = if complete {
            std::str::from_utf8(&line)
                .map_err(|_| LineProblem::NotUtf8)
                .and_then(|text| match text.trim() {
                    "" => Err(LineProblem::Blank),
                    text => parse_json(text).map_err(LineProblem::NotJson),
                })
        } else {
            Err(LineProblem::TooLong)
        };
        match profile {
            Ok(mut profile) => {
                let id = take_id(&mut profile);
                let (p, errors) = Profile::parse(&rs, &profile);
                let cx = Context::new(&rs, &p, as_of);
                let ev = cx.evaluate();
                let report = report::build(&cx, &ev, &errors, o.lang, detail);
                write_line(&mut buf, id.as_ref(), &report).map_err(|e| failed(e.to_string()))?;
            }
            Err(problem) => {
                bad_lines += 1;
                let message = problem.message(o.lang);
                eprintln!("line {n}: {message}");
                serde_json::to_writer(
                    &mut buf,
                    &serde_json::json!({ "line": n, "error": message }),
                )
                .map_err(|e| failed(e.to_string()))?;
            }
        }
        buf.push(b'\n');
        out.write_all(&buf)
            .map_err(|e| failed(format!("cannot write the output: {e}")))?;
    }
    out.flush()
        .map_err(|e| failed(format!("cannot write the output: {e}")))?;
    if bad_lines > 0 {
        return Err(failed(format!("{bad_lines} line(s) could not be read")));
    }
    Ok(())
}

const NOT_UTF8: [&str; 3] = [
    "不是 UTF-8 文本",
    "UTF-8 のテキストではありません",
    "not UTF-8 text",
];

/// Why a batch line is not a profile.
enum LineProblem {
    NotUtf8,
    Blank,
    TooLong,
    NotJson(crate::engine::json::JsonError),
}

impl LineProblem {
    fn message(&self, lang: Lang) -> String {
        match self {
            LineProblem::NotJson(e) => e.message(lang),
            LineProblem::NotUtf8 => lang.pick(NOT_UTF8).to_owned(),
            LineProblem::Blank => lang.pick(["空行", "空行です", "a blank line"]).to_owned(),
            LineProblem::TooLong => crate::engine::json::JsonError {
                problem: crate::engine::json::JsonProblem::TooLong(PROFILE_BYTES),
                line: 1,
                column: 1,
            }
            .message(lang),
        }
    }
}

/// Reads one line (without its `\n`) into `line`, keeping at most `max` bytes and skipping the
/// rest, so one enormous line cannot exhaust memory. `None` at the end of the input;
/// `Some(false)` when the line was longer than `max`. A last line without `\n` still counts.
fn read_line(
    input: &mut dyn BufRead,
    line: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<Option<bool>> {
    line.clear();
    let mut started = false;
    let mut complete = true;
    loop {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(started.then_some(complete));
        }
        started = true;
        let (take, used, end) = match chunk.iter().position(|b| *b == b'\n') {
            Some(i) => (&chunk[..i], i + 1, true),
            None => (chunk, chunk.len(), false),
        };
        if complete && line.len() + take.len() <= max {
            line.extend_from_slice(take);
        } else {
            complete = false;
            line.clear();
        }
        input.consume(used);
        if end {
            return Ok(Some(complete));
        }
    }
}

/// The enterprise's own identifier on a batch line, taken out before the profile is read.
fn take_id(profile: &mut Value) -> Option<Value> {
    let Value::Map(entries) = profile else {
        return None;
    };
    let i = entries.iter().position(|(k, _)| k == "$id")?;
    Some(entries.remove(i).1)
}

fn write_line(buf: &mut Vec<u8>, id: Option<&Value>, report: &Report) -> serde_json::Result<()> {
    match id {
        None => serde_json::to_writer(buf, report),
        Some(id) => {
            #[derive(serde::Serialize)]
            struct WithId<'a> {
                id: &'a Value,
                #[serde(flatten)]
                report: &'a Report<'a>,
            }
            serde_json::to_writer(buf, &WithId { id, report })
        }
    }
}

fn measures(o: &Options, out: &mut dyn Write) -> Result<(), Failure> {
    let rs = ruleset(o)?;
    let cat = catalog(&rs, o.lang);
    let io = |e: std::io::Error| failed(format!("cannot write the output: {e}"));
    if o.json {
        let s = serde_json::to_string_pretty(&cat).map_err(|e| failed(e.to_string()))?;
        return writeln!(out, "{s}").map_err(io);
    }
    writeln!(
        out,
        "{} {} ({} {})",
        cat.document, cat.title, cat.id, cat.version
    )
    .map_err(io)?;
    for m in &cat.measures {
        let window = m
            .parts
            .iter()
            .filter_map(|p| p.to.as_deref())
            .max()
            .map(|d| format!("  → {d}"))
            .unwrap_or_default();
        writeln!(out, "{:>3}  {:<10} {}{window}", m.id, m.kind, m.title).map_err(io)?;
    }
    Ok(())
}

fn compile(o: &Options, out: &mut dyn Write) -> Result<(), Failure> {
    let [dir] = o.positional.as_slice() else {
        return Err(usage("compile takes one DIR"));
    };
    let compiled = crate::compile::compile_dir(std::path::Path::new(dir)).map_err(failed)?;
    let text = serde_json::to_string(&compiled.document).map_err(|e| failed(e.to_string()))?;
    if let Err(errors) = load_json(&text) {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| format!("  {}", e.message(o.lang)))
            .collect();
        return Err(failed(format!("{dir}:\n{}", lines.join("\n"))));
    }
    writeln!(out, "{text}").map_err(|e| failed(format!("cannot write the output: {e}")))
}

/// The report as a person reads it in a terminal.
pub fn render_text(rs: &Ruleset, r: &Report, lang: Lang) -> String {
    let mut s = String::new();
    let l = lang;
    let line = |s: &mut String, t: String| {
        s.push_str(&t);
        s.push('\n');
    };
    line(
        &mut s,
        format!("{} {}", rs.document.get(l), rs.title.get(l)),
    );
    line(
        &mut s,
        format!(
            "{} {}   {} {} {} {}",
            l.pick(["评估日期", "評価日", "As of"]),
            r.as_of,
            l.pick(["规则集", "ルールセット", "Ruleset"]),
            r.ruleset.id,
            r.ruleset.version,
            r.ruleset.hash
        ),
    );
    if let Some(t) = &r.size_class.text {
        line(
            &mut s,
            format!(
                "{}{}",
                l.pick(["企业规模：", "企業規模：", "Size class: "]),
                t
            ),
        );
    }
    let sum = &r.summary;
    line(
        &mut s,
        format!(
            "{}: {} {} · {} {} · {} {} · {} {} · {} {}",
            l.pick(["合计", "合計", "Summary"]),
            Status::Eligible.label(l),
            sum.eligible,
            Status::NeedsInfo.label(l),
            sum.needs_info,
            Status::Ineligible.label(l),
            sum.ineligible,
            Status::Expired.label(l),
            sum.expired,
            Status::NotApplicable.label(l),
            sum.not_applicable,
        ),
    );
    if let Some(a) = sum.amount.as_ref().and_then(|a| a.text.clone()) {
        line(
            &mut s,
            format!(
                "{}{a}",
                l.pick([
                    "可估算金额合计：",
                    "見積可能な金額の合計：",
                    "Estimated total: "
                ])
            ),
        );
    }
    if sum.windows_closed {
        line(
            &mut s,
            l.pick([
                format!(
                    "注意：本政策各项期限均已于 {} 前结束。",
                    sum.period.to.clone().unwrap_or_default()
                ),
                format!(
                    "注意：本政策の期限はすべて {} までに終了しています。",
                    sum.period.to.clone().unwrap_or_default()
                ),
                format!(
                    "Note: every dated window of this policy had closed by {}.",
                    sum.period.to.clone().unwrap_or_default()
                ),
            ]),
        );
    }
    for e in &r.errors {
        line(&mut s, format!("! {}", e.message));
    }
    let mark = |outcome: &str| match outcome {
        "met" => "✓",
        "not_met" => "✗",
        _ => "?",
    };
    // The named conditions once, before the measures that refer to them.
    for d in r.derived.iter().flatten() {
        line(&mut s, format!("  {} {}", mark(d.outcome), d.label));
        for reason in &d.explanation {
            let indent = "  ".repeat(usize::from(reason.depth));
            line(
                &mut s,
                format!("       {indent}{} {}", mark(reason.outcome), reason.text),
            );
        }
    }
    s.push('\n');
    for m in &r.measures {
        let amount = m
            .amount
            .as_ref()
            .and_then(|a| a.text.clone())
            .unwrap_or_default();
        let ended = m
            .ended
            .as_ref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        line(
            &mut s,
            format!(
                "{:>3}  {}{ended}  {}  {amount}",
                m.id,
                m.status_text.unwrap_or(m.status),
                m.title.unwrap_or_default()
            ),
        );
        for p in &m.parts {
            if m.parts.len() > 1 {
                let amount = p
                    .amount
                    .as_ref()
                    .and_then(|a| a.text.clone())
                    .unwrap_or_default();
                line(
                    &mut s,
                    format!(
                        "     ({}) {}  {}  {amount}",
                        p.id,
                        p.status_text.unwrap_or(p.status),
                        p.title.unwrap_or_default()
                    ),
                );
            }
            if m.status == "not_applicable" {
                continue;
            }
            for reason in p.explanation.iter().flatten() {
                let indent = "  ".repeat(usize::from(reason.depth));
                line(
                    &mut s,
                    format!("       {indent}{} {}", mark(reason.outcome), reason.text),
                );
            }
            if let Some(f) = &p.formula
                && p.amount.is_some()
            {
                line(&mut s, format!("       = {f}"));
            }
        }
    }
    if let Some(q) = &r.next_questions
        && !q.is_empty()
    {
        s.push('\n');
        line(
            &mut s,
            l.pick([
                "接下来最值得回答的问题：",
                "次に答えると結果が変わる質問：",
                "Questions that can still change the result:",
            ])
            .to_owned(),
        );
        for q in q.iter().take(8) {
            let ms: Vec<String> = q.measures.iter().map(u32::to_string).collect();
            line(&mut s, format!("  - {} ({})", q.label, ms.join(", ")));
        }
    }
    s
}
