//! `sme-check batch`: a register of enterprises as NDJSON in, one record per line out, in order.
//! Nothing is lost: a line that cannot be read gets an error record in its place. With
//! `--detail status` each record is one compact line made from the evaluation itself, without the
//! report (statuses and amounts only), for screening a whole register (免申即享).

use super::{BatchDetail, Failure, NOT_UTF8, Options, failed, read_profile, ruleset, today};
use crate::engine::eval::{Context, Evaluation, Status};
use crate::engine::format::plain;
use crate::engine::limits::PROFILE_BYTES;
use crate::engine::report::{self, ErrorReport, Report};
use crate::engine::text::fill;
use crate::engine::{FieldError, Lang, Ruleset, Value};
use crate::native::parse_json;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::io::{BufRead, Write};

pub(super) fn batch(
    o: &Options,
    stdin: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let rs = ruleset(o)?;
    let as_of = o.as_of.unwrap_or_else(today);
    let write_failed = |e: std::io::Error| failed(format!("cannot write the output: {e}"));
    // Lines that gave an error record, and profiles with field errors (failed unless --lenient).
    let (mut unreadable, mut with_errors) = (0usize, 0usize);
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
            Ok(mut input) => {
                let id = take_id(&mut input);
                let (profile, errors) = read_profile(&rs, &input);
                let mut cx = Context::new(&rs, &profile, as_of);
                cx.reading = o.reading;
                let ev = cx.evaluate();
                let written = match o.detail {
                    BatchDetail::Status => {
                        let record = StatusLine::new(&rs, &ev, id.as_ref(), &errors, o.lang);
                        serde_json::to_writer(&mut buf, &record)
                    }
                    BatchDetail::Report(detail) => {
                        let report = report::build(&cx, &ev, &errors, o.lang, detail);
                        write_report(&mut buf, id.as_ref(), &report)
                    }
                };
                written.map_err(|e| failed(e.to_string()))?;
                if !errors.is_empty() {
                    with_errors += 1;
                    if !o.lenient {
                        let messages: Vec<String> =
                            errors.iter().map(|e| e.message(&rs, o.lang)).collect();
                        eprintln!("line {n}: {}", messages.join("; "));
                    }
                }
            }
            Err(problem) => {
                unreadable += 1;
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
        out.write_all(&buf).map_err(write_failed)?;
    }
    out.flush().map_err(write_failed)?;
    let refused = if o.lenient { 0 } else { with_errors };
    if unreadable + refused == 0 {
        return Ok(());
    }
    let (unreadable, refused) = (unreadable.to_string(), refused.to_string());
    Err(failed(fill(
        o.lang,
        &[
            "{0} 行无法读取，{1} 份企业信息有错误（加 --lenient 则接受有错误的企业信息）",
            "{0} 行を読めず、{1} 件の企業情報に誤りがあります（--lenient で誤りのある企業情報を受け入れます）",
            "{0} line(s) could not be read, {1} profile(s) have field errors (--lenient accepts those)",
        ],
        &[&unreadable, &refused],
    )))
}

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

fn write_report(buf: &mut Vec<u8>, id: Option<&Value>, report: &Report) -> serde_json::Result<()> {
    match id {
        None => serde_json::to_writer(buf, report),
        Some(id) => {
            #[derive(Serialize)]
            struct WithId<'a> {
                id: &'a Value,
                #[serde(flatten)]
                report: &'a Report<'a>,
            }
            serde_json::to_writer(buf, &WithId { id, report })
        }
    }
}

/// `--detail status`: one enterprise in one short line,
/// `{"id":…,"status":"NNNNEI…","amount":{"5":["0","1200000"]}}` (see `sme-check batch --help`).
#[derive(Serialize)]
struct StatusLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    /// One letter per measure, in the ruleset's order (`status_letter`).
    status: String,
    amount: Amounts<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    amount_incomplete: Vec<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<ErrorReport>,
}

impl<'a> StatusLine<'a> {
    fn new(
        rs: &'a Ruleset,
        ev: &'a Evaluation,
        id: Option<&'a Value>,
        errors: &[FieldError],
        lang: Lang,
    ) -> StatusLine<'a> {
        StatusLine {
            id,
            status: ev
                .measures
                .iter()
                .map(|m| status_letter(m.status))
                .collect(),
            amount: Amounts { rs, ev },
            amount_incomplete: rs
                .measures
                .iter()
                .zip(&ev.measures)
                .filter(|(_, mo)| mo.amount_incomplete)
                .map(|(m, _)| m.id)
                .collect(),
            errors: errors
                .iter()
                .map(|e| ErrorReport::of(e, rs, lang))
                .collect(),
        }
    }
}

/// The status line's letters; `-` (not a letter) for measures that address government bodies, so
/// that the enterprise's own letters stand out.
fn status_letter(s: Status) -> char {
    match s {
        Status::Eligible => 'E',
        Status::NeedsInfo => 'N',
        Status::Ineligible => 'I',
        Status::Expired => 'X',
        Status::NotApplicable => '-',
    }
}

/// The eligible measures' amounts by measure id, `[min, max]` in yuan (max null: no upper bound),
/// written straight from the evaluation.
struct Amounts<'a> {
    rs: &'a Ruleset,
    ev: &'a Evaluation,
}

impl Serialize for Amounts<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (m, mo) in self.rs.measures.iter().zip(&self.ev.measures) {
            if let (Status::Eligible, Some(i)) = (mo.status, mo.amount) {
                map.serialize_entry(&m.id, &(plain(i.lo), i.hi.map(plain)))?;
            }
        }
        map.end()
    }
}
