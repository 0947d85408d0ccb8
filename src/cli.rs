//! `sme-check`: the engine on the command line. One profile to a readable report, a stream of
//! profiles to a stream of reports (screening a register: policy finds the enterprise), the
//! profile's JSON Schema, the list of measures, and compiling a ruleset folder.
//!
//! The command line is read with `lexopt`: each command takes the options it lists
//! (`Command::options`) and refuses any other by name; `--opt=value` and `--opt value` are the same.

mod batch;
mod render;

pub use render::render_text;

use crate::engine::amend::Reading;
use crate::engine::catalog::catalog;
use crate::engine::eval::Context;
use crate::engine::limits::{PROFILE_BYTES, RULESET_BYTES};
use crate::engine::profile::{FieldError, FieldProblem, Profile};
use crate::engine::report::{self, Detail};
use crate::engine::text::fill;
use crate::engine::{Date, Lang, Ruleset, Value};
use crate::native::{builtin, load_json, parse_json, profile_schema};
use lexopt::Arg;
use std::ffi::OsString;
use std::io::{BufRead, Read, Write};

/// A failure to report on stderr, with the exit code: 1 for refused input, 2 for a usage error.
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

fn write_failed(e: std::io::Error) -> Failure {
    failed(format!("cannot write the output: {e}"))
}

// ── The command line ────────────────────────────────────────────────────────────────────────────

/// Every option, once. A command takes those its `Command::options` lists. A new option (say a
/// `--text-only` flag for check and batch) is a variant here and in `ALL`, a line in each of `name`,
/// `value`, `help` and `Options::set`, a field of `Options` (with its default in `read_options`),
/// and its variant in the lists of the commands that take it; the usage texts follow by themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opt {
    AsOf,
    Lang,
    Format,
    Detail,
    Ruleset,
    Lenient,
    TextOnly,
}

impl Opt {
    const ALL: [Opt; 7] = [
        Opt::AsOf,
        Opt::Lang,
        Opt::Format,
        Opt::Detail,
        Opt::Ruleset,
        Opt::Lenient,
        Opt::TextOnly,
    ];

    fn name(self) -> &'static str {
        match self {
            Opt::AsOf => "as-of",
            Opt::Lang => "lang",
            Opt::Format => "format",
            Opt::Detail => "detail",
            Opt::Ruleset => "ruleset",
            Opt::Lenient => "lenient",
            Opt::TextOnly => "text-only",
        }
    }

    /// What the option's value looks like in the usage text; `None` for a flag.
    fn value(self) -> Option<&'static str> {
        match self {
            Opt::AsOf => Some("YYYY-MM-DD"),
            Opt::Lang => Some("zh|ja|en"),
            Opt::Format => Some("text|json"),
            Opt::Detail => Some("summary|full|status"),
            Opt::Ruleset => Some("FILE"),
            Opt::Lenient | Opt::TextOnly => None,
        }
    }

    fn help(self) -> &'static str {
        match self {
            Opt::AsOf => "Evaluate as of this date (default: today, UTC).",
            Opt::Lang => "zh (default), ja or en: the output's and the messages' language.",
            Opt::Format => "text (default: a table to read) or json.",
            Opt::Detail => {
                "summary (default: statuses, amounts, missing facts), full (the\n\
                 whole report) or status (one compact line per enterprise)."
            }
            Opt::Ruleset => {
                "A compiled ruleset (JSON) instead of the built-in 沪企服办〔2023〕1号."
            }
            Opt::Lenient => {
                "Accept a profile with field errors (a wrong type, an unknown\n\
                 field, a value out of range…, or not a JSON object): exit 0.\n\
                 Either way it is evaluated with those answers unknown and its\n\
                 errors are listed; without --lenient the exit status is 1."
            }
            Opt::TextOnly => {
                "Read the policy's text alone, as issued, without the later\n\
                 documents that amend it (default: the policy as amended on the\n\
                 as-of date, each part naming the document that changed it)."
            }
        }
    }

    /// `--as-of YYYY-MM-DD`, `--lenient`.
    fn synopsis(self) -> String {
        match self.value() {
            Some(v) => format!("--{} {v}", self.name()),
            None => format!("--{}", self.name()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Command {
    Check,
    Batch,
    Schema,
    Measures,
    Compile,
}

impl Command {
    const ALL: [Command; 5] = [
        Command::Check,
        Command::Batch,
        Command::Schema,
        Command::Measures,
        Command::Compile,
    ];

    fn name(self) -> &'static str {
        match self {
            Command::Check => "check",
            Command::Batch => "batch",
            Command::Schema => "schema",
            Command::Measures => "measures",
            Command::Compile => "compile",
        }
    }

    fn parse(name: &str) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.name() == name)
    }

    fn options(self) -> &'static [Opt] {
        use Opt::*;
        match self {
            Command::Check => &[AsOf, Lang, Format, Ruleset, Lenient, TextOnly],
            Command::Batch => &[AsOf, Lang, Detail, Ruleset, Lenient, TextOnly],
            Command::Schema => &[Ruleset],
            Command::Measures => &[Lang, Format, Ruleset],
            Command::Compile => &[],
        }
    }

    /// The operands after the options, as the usage text shows them, and how many it takes.
    fn operands(self) -> (&'static str, std::ops::RangeInclusive<usize>) {
        match self {
            Command::Check => ("[FILE|-]", 0..=1),
            Command::Compile => ("DIR", 1..=1),
            _ => ("", 0..=0),
        }
    }

    fn about(self) -> &'static str {
        match self {
            Command::Check => {
                "Evaluate one profile (a JSON object) from FILE, or from standard input for `-` or\n\
                 no FILE. Prints a table in the chosen language (default), or the full report as\n\
                 JSON. A profile that is not a JSON object, or that has field errors, is reported\n\
                 (the errors listed) and exits 1, unless --lenient."
            }
            Command::Batch => {
                "Read profiles as NDJSON (one JSON object per line) from standard input and write\n\
                 one record per line (NDJSON) to standard output, in the same order. A line may\n\
                 carry \"$id\" (e.g. a unified social credit code); it is echoed as \"id\". A line\n\
                 that cannot be read (not JSON, not UTF-8, blank, over 1 MiB) gives\n\
                 {\"line\":N,\"error\":…} in its place, and the run goes on. A profile with field\n\
                 errors (or not a JSON object) gets its record, errors listed, and counts as a\n\
                 failed line unless --lenient. The exit status is 1 when any line failed.\n\
                 \n\
                 --detail status writes one compact line per enterprise, for screening a register:\n\
                 \x20   {\"id\":…,\"status\":\"NNNNEINN…\",\"amount\":{\"5\":[\"0\",\"1200000\"]}}\n\
                 \x20 status  one letter per measure, in the ruleset's order (measure 1 first):\n\
                 \x20         E eligible, N needs information, I ineligible, X expired,\n\
                 \x20         - not applicable (for government bodies)\n\
                 \x20 amount  for eligible measures with an estimate, by measure id: [min, max] in\n\
                 \x20         yuan, max null for no upper bound\n\
                 \x20 amount_incomplete  (when any) ids of eligible measures of which a part's\n\
                 \x20         amount cannot be computed yet: their amount, if any, is a part only\n\
                 \x20 errors  (when any) the field errors, as in the report"
            }
            Command::Schema => "Print the JSON Schema of a profile.",
            Command::Measures => "List the measures of the ruleset.",
            Command::Compile => {
                "Compile a ruleset folder (ruleset.toml, facts.toml, measures/*.toml …) into the\n\
                 JSON document the engine and the web widget load; it is checked first."
            }
        }
    }

    /// `sme-check check [--as-of YYYY-MM-DD] … [FILE|-]`
    fn synopsis(self) -> String {
        let mut s = format!("sme-check {}", self.name());
        for o in self.options() {
            s += &format!(" [{}]", o.synopsis());
        }
        match self.operands().0 {
            "" => s,
            operands => s + " " + operands,
        }
    }

    fn help(self) -> String {
        let mut s = format!("{}\n\n{}", self.synopsis(), indent(self.about(), "    "));
        if !self.options().is_empty() {
            s += "\nOPTIONS (--opt VALUE or --opt=VALUE):\n";
            s += &options_help(self.options());
        }
        s + "\n" + EXIT_STATUS
    }
}

const EXIT_STATUS: &str = "\
EXIT STATUS:
    0 on success; 1 when an input was refused (unreadable, not JSON, a profile that is not a JSON
    object or has field errors unless --lenient, a batch line that failed, an invalid ruleset);
    2 for a usage error.
";

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|l| match l {
            "" => "\n".to_owned(),
            l => format!("{by}{l}\n"),
        })
        .collect()
}

fn options_help(options: &[Opt]) -> String {
    let mut s = String::new();
    for o in options {
        let mut lines = o.help().lines();
        s += &format!(
            "    {:<30} {}\n",
            o.synopsis(),
            lines.next().unwrap_or_default()
        );
        for l in lines {
            s += &format!("    {:<30} {l}\n", "");
        }
    }
    s
}

/// `sme-check --help`: every command's usage line and what it does, every option.
pub fn help() -> String {
    let mut s = String::from(
        "sme-check — which measures of 沪企服办〔2023〕1号 apply to an enterprise\n\nUSAGE:\n",
    );
    for c in Command::ALL {
        s += &format!("    {}\n", c.synopsis());
    }
    s += "    sme-check COMMAND --help | sme-check --help | sme-check --version\n\nCOMMANDS:\n";
    for c in Command::ALL {
        let mut lines = c.about().lines();
        s += &format!("    {:<9} {}\n", c.name(), lines.next().unwrap_or_default());
        for l in lines {
            s += &match l {
                "" => "\n".to_owned(),
                l => format!("    {:<9} {l}\n", ""),
            };
        }
    }
    s += "\nFOR PEOPLE WHO WRITE RULES (src/rules/REFERENCE.md):\n";
    for l in crate::authoring::usage().lines() {
        s += &format!("    {}\n", l.trim().trim_start_matches("sme-check "));
    }
    s += "\nOPTIONS (--opt VALUE or --opt=VALUE; each command takes those of its usage line):\n";
    s += &options_help(&Opt::ALL);
    s + "\n" + EXIT_STATUS
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

/// How much a batch record holds: the report in summary or in full, or the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BatchDetail {
    Report(Detail),
    Status,
}

/// The options of one command line; those its command does not take keep their defaults.
struct Options {
    as_of: Option<Date>,
    lang: Lang,
    format: Format,
    detail: BatchDetail,
    ruleset: Option<String>,
    lenient: bool,
    /// The policy as amended on the as-of date, or its text alone (`--text-only`).
    pub reading: Reading,
    operands: Vec<String>,
}

impl Options {
    /// Reads `opt`'s value, if it takes one, from the command line.
    fn set(&mut self, opt: Opt, args: &mut lexopt::Parser) -> Result<(), String> {
        // Lossless: every argument was checked to be UTF-8 before parsing began (`run`).
        let mut value = || -> Result<String, String> {
            let v = args.value().map_err(|e| e.to_string())?;
            Ok(v.to_string_lossy().into_owned())
        };
        match opt {
            Opt::AsOf => {
                let v = value()?;
                let date = Date::parse(&v)
                    .ok_or_else(|| format!("--as-of: “{v}” is not a real date (YYYY-MM-DD)"))?;
                self.as_of = Some(date);
            }
            Opt::Lang => {
                let v = value()?;
                self.lang =
                    Lang::parse(&v).ok_or_else(|| format!("--lang: “{v}” is not zh, ja or en"))?;
            }
            Opt::Format => {
                self.format = match value()?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("--format: “{other}” is not text or json")),
                }
            }
            Opt::Detail => {
                self.detail = match value()?.as_str() {
                    "summary" => BatchDetail::Report(Detail::Summary),
                    "full" => BatchDetail::Report(Detail::Full),
                    "status" => BatchDetail::Status,
                    other => {
                        return Err(format!(
                            "--detail: “{other}” is not summary, full or status"
                        ));
                    }
                }
            }
            Opt::Ruleset => self.ruleset = Some(value()?),
            Opt::Lenient => self.lenient = true,
            Opt::TextOnly => self.reading = Reading::TextOnly,
        }
        Ok(())
    }
}

/// What a command line asks for.
enum Action {
    Help(Option<Command>),
    Version,
    Run(Command, Options),
}

fn parse_command_line(args: Vec<String>) -> Result<Action, Failure> {
    let mut args = lexopt::Parser::from_args(args);
    let command = match args.next().map_err(|e| usage(e.to_string()))? {
        None => return Err(usage("no command given")),
        Some(Arg::Long("help") | Arg::Short('h')) => return Ok(Action::Help(None)),
        Some(Arg::Long("version") | Arg::Short('V')) => return Ok(Action::Version),
        Some(Arg::Value(v)) if v == "help" => {
            // `sme-check help [COMMAND]`
            return match args.next().map_err(|e| usage(e.to_string()))? {
                None => Ok(Action::Help(None)),
                Some(Arg::Value(v)) => match Command::parse(&v.to_string_lossy()) {
                    Some(c) => Ok(Action::Help(Some(c))),
                    None => Err(usage(format!("unknown command “{}”", v.display()))),
                },
                Some(other) => Err(usage(format!("help: unexpected {}", describe(&other)))),
            };
        }
        Some(Arg::Value(v)) => Command::parse(&v.to_string_lossy())
            .ok_or_else(|| usage(format!("unknown command “{}”", v.display())))?,
        Some(other) => {
            return Err(usage(format!(
                "{} before a command (check, batch, schema, measures, compile)",
                describe(&other)
            )));
        }
    };
    match read_options(command, &mut args) {
        Ok(Some(o)) => Ok(Action::Run(command, o)),
        Ok(None) => Ok(Action::Help(Some(command))),
        Err(message) => Err(Failure {
            code: 2,
            message: format!(
                "{message}\n\nRun `sme-check {} --help` for usage.",
                command.name()
            ),
        }),
    }
}

/// The options and operands of `command`; `None` when they ask for its help.
fn read_options(command: Command, args: &mut lexopt::Parser) -> Result<Option<Options>, String> {
    let mut o = Options {
        as_of: None,
        lang: Lang::Zh,
        format: Format::Text,
        detail: BatchDetail::Report(Detail::Summary),
        ruleset: None,
        lenient: false,
        reading: Reading::Amended,
        operands: Vec::new(),
    };
    while let Some(arg) = args.next().map_err(|e| e.to_string())? {
        match arg {
            Arg::Long("help") | Arg::Short('h') => return Ok(None),
            Arg::Long(name) => {
                let Some(opt) = Opt::ALL.into_iter().find(|o| o.name() == name) else {
                    return Err(format!("unknown option --{name}"));
                };
                if !command.options().contains(&opt) {
                    let takes: Vec<String> = command
                        .options()
                        .iter()
                        .map(|o| format!("--{}", o.name()))
                        .collect();
                    let takes = match takes.as_slice() {
                        [] => "no option".to_owned(),
                        _ => takes.join(", "),
                    };
                    return Err(format!(
                        "{} does not take --{name} (it takes {takes})",
                        command.name()
                    ));
                }
                o.set(opt, args)?;
            }
            Arg::Short(c) => return Err(format!("unknown option -{c}")),
            Arg::Value(v) => o.operands.push(v.to_string_lossy().into_owned()),
        }
    }
    let (shown, count) = command.operands();
    if !count.contains(&o.operands.len()) {
        return Err(match shown {
            "" => format!(
                "{} takes no operand, found “{}”",
                command.name(),
                o.operands.join(" ")
            ),
            _ => format!(
                "{} takes {shown}, found {} operand(s)",
                command.name(),
                o.operands.len()
            ),
        });
    }
    Ok(Some(o))
}

fn describe(arg: &Arg) -> String {
    match arg {
        Arg::Long(name) => format!("option --{name}"),
        Arg::Short(c) => format!("option -{c}"),
        Arg::Value(v) => format!("“{}”", v.display()),
    }
}

/// Runs one command line (without the program's name). Output goes to `out`; the caller prints a
/// failure on stderr and exits with its code. An argument that is not UTF-8 is a usage error.
pub fn run(
    args: impl IntoIterator<Item = impl Into<OsString>>,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let args = args
        .into_iter()
        .map(|a| {
            a.into()
                .into_string()
                .map_err(|a| usage(format!("the argument “{}” is not UTF-8 text", a.display())))
        })
        .collect::<Result<Vec<String>, Failure>>()?;
    // The commands for people who write rules (fmt, pages) have their own module and arguments.
    if let Some((command, rest)) = args.split_first()
        && let Some(done) = crate::authoring::run(command, rest, out)
    {
        return done.map_err(|e| {
            if e.starts_with("usage") {
                usage(e)
            } else {
                failed(e)
            }
        });
    }
    match parse_command_line(args)? {
        Action::Help(None) => out.write_all(help().as_bytes()).map_err(write_failed),
        Action::Help(Some(c)) => out.write_all(c.help().as_bytes()).map_err(write_failed),
        Action::Version => {
            writeln!(out, "sme-check {}", env!("CARGO_PKG_VERSION")).map_err(write_failed)
        }
        Action::Run(command, o) => match command {
            Command::Check => check(&o, input, out),
            Command::Batch => batch::batch(&o, input, out),
            Command::Schema => {
                let schema = profile_schema(&ruleset(&o)?);
                let text =
                    serde_json::to_string_pretty(&schema).map_err(|e| failed(e.to_string()))?;
                writeln!(out, "{text}").map_err(write_failed)
            }
            Command::Measures => measures(&o, out),
            Command::Compile => compile(&o, out),
        },
    }
}

// ── The commands ────────────────────────────────────────────────────────────────────────────────

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

/// A profile's answers, typed, and its field errors. Anything but a JSON object is refused, `null`
/// included: the engine reads `null` as "nothing answered yet" (a page's empty form), which a
/// file or a line of a register never means.
fn read_profile(rs: &Ruleset, input: &Value) -> (Profile, Vec<FieldError>) {
    let (profile, mut errors) = Profile::parse(rs, input);
    if *input == Value::Null {
        errors.push(FieldError {
            path: String::new(),
            fact: None,
            problem: FieldProblem::NotAnObject,
        });
    }
    (profile, errors)
}

fn read_input(o: &Options, stdin: &mut dyn BufRead) -> Result<String, Failure> {
    match o.operands.as_slice() {
        [path] if path != "-" => read_file(path, PROFILE_BYTES, o.lang),
        _ => read_text(stdin, "-", PROFILE_BYTES, o.lang),
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

const NOT_UTF8: [&str; 3] = [
    "不是 UTF-8 文本",
    "UTF-8 のテキストではありません",
    "not UTF-8 text",
];

fn check(o: &Options, stdin: &mut dyn BufRead, out: &mut dyn Write) -> Result<(), Failure> {
    let rs = ruleset(o)?;
    let text = read_input(o, stdin)?;
    let input = parse_json(&text).map_err(|e| {
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
    let (profile, errors) = read_profile(&rs, &input);
    let mut cx = Context::new(&rs, &profile, o.as_of.unwrap_or_else(today));
    cx.reading = o.reading;
    let ev = cx.evaluate();
    let report = report::build(&cx, &ev, &errors, o.lang, Detail::Full);
    match o.format {
        Format::Json => {
            let s = serde_json::to_string_pretty(&report).map_err(|e| failed(e.to_string()))?;
            writeln!(out, "{s}").map_err(write_failed)?;
        }
        Format::Text => out
            .write_all(render_text(&rs, &report, o.lang).as_bytes())
            .map_err(write_failed)?,
    }
    if errors.is_empty() || o.lenient {
        return Ok(());
    }
    // Refused, though reported: the caller sees the exit status, the reader the errors.
    let head = fill(
        o.lang,
        &[
            "企业信息有 {0} 处错误（已列入报告；加 --lenient 则照常接受）：",
            "企業情報に {0} 件の誤りがあります（レポートに記載。--lenient で受け入れます）：",
            "the profile has {0} error(s), listed in the report (--lenient accepts it anyway):",
        ],
        &[&errors.len().to_string()],
    );
    let lines: Vec<String> = errors
        .iter()
        .map(|e| format!("  {}", e.message(&rs, o.lang)))
        .collect();
    Err(failed(format!("{head}\n{}", lines.join("\n"))))
}

fn measures(o: &Options, out: &mut dyn Write) -> Result<(), Failure> {
    let rs = ruleset(o)?;
    let cat = catalog(&rs, o.lang);
    if o.format == Format::Json {
        let s = serde_json::to_string_pretty(&cat).map_err(|e| failed(e.to_string()))?;
        return writeln!(out, "{s}").map_err(write_failed);
    }
    writeln!(
        out,
        "{} {} ({} {})",
        cat.document, cat.title, cat.id, cat.version
    )
    .map_err(write_failed)?;
    for m in &cat.measures {
        let window = m
            .parts
            .iter()
            .filter_map(|p| p.to.as_deref())
            .max()
            .map(|d| format!("  → {d}"))
            .unwrap_or_default();
        writeln!(out, "{:>3}  {:<10} {}{window}", m.id, m.kind, m.title).map_err(write_failed)?;
    }
    Ok(())
}

fn compile(o: &Options, out: &mut dyn Write) -> Result<(), Failure> {
    let [dir] = o.operands.as_slice() else {
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
    writeln!(out, "{text}").map_err(write_failed)
}
