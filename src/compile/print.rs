//! The other way: a compiled condition or formula (the engine's JSON) written back in the rule
//! language, as a reader would write it (`vat_monthly_sales <= 10万元`, `min(2% × principal,
//! 20万元)`), and TOML strings and inline values. Used by the converter (old form → new) and by the
//! measure pages. Where a value cannot be written so that it compiles back to exactly the same
//! JSON, `None`: the caller keeps the earlier form.

use super::expr::{Unit, scaled};
use super::lower::{FactDef, Ty};
use serde_json::Value as Json;

/// Names and types the printer needs to choose how to write a value.
#[derive(Clone, Copy)]
pub struct Names<'a> {
    pub facts: &'a [FactDef],
}

impl Names<'_> {
    fn ty(&self, id: &str) -> Option<&Ty> {
        self.facts.iter().find(|f| f.id == id).map(|f| &f.ty)
    }
    fn fields(&self, list: &str) -> Vec<FactDef> {
        match self.ty(list) {
            Some(Ty::List(fields)) => fields.clone(),
            _ => Vec::new(),
        }
    }
}

/// The keys of a condition that are words about it, not the test itself.
pub const ANNOTATION_KEYS: &[&str] = &["cite", "source", "label"];

/// Whether a condition (leaves outside count filters) carries words: cite, source or label.
pub fn annotated(c: &Json) -> bool {
    match c {
        Json::Object(m) => {
            ANNOTATION_KEYS.iter().any(|k| m.contains_key(*k))
                || ["all", "any"]
                    .iter()
                    .filter_map(|k| m.get(*k).and_then(Json::as_array))
                    .flatten()
                    .any(annotated)
                || m.get("not").is_some_and(annotated)
        }
        _ => false,
    }
}

/// The one set of words every leaf of a group carries (refs aside), if they all carry the same.
pub fn shared_annotations(c: &Json) -> Option<serde_json::Map<String, Json>> {
    fn leaves<'v>(c: &'v Json, out: &mut Vec<&'v Json>) {
        let Json::Object(m) = c else { return };
        if let Some(items) = m.get("all").or(m.get("any")).and_then(Json::as_array) {
            items.iter().for_each(|x| leaves(x, out));
        } else if let Some(n) = m.get("not") {
            leaves(n, out);
        } else if !m.contains_key("ref") {
            out.push(c);
        }
    }
    let mut all = Vec::new();
    leaves(c, &mut all);
    let words = |c: &Json| -> serde_json::Map<String, Json> {
        c.as_object()
            .into_iter()
            .flatten()
            .filter(|(k, _)| ANNOTATION_KEYS.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    let first = words(all.first()?);
    all.iter().all(|l| words(l) == first).then_some(first)
}

/// A condition as a test, without its words (cite, source, label are written beside it).
pub fn test(c: &Json, names: Names) -> Option<String> {
    cond(c, names, Ctx::Top)
}

#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Top,
    /// An item of an `and` chain (an `or` or another `and` needs brackets).
    And,
    /// An item of an `or` chain.
    Or,
    /// After `not`: anything but a single comparison or name needs brackets.
    Not,
}

fn cond(c: &Json, names: Names, ctx: Ctx) -> Option<String> {
    let m = c.as_object()?;
    for (key, word, inner) in [("all", " and ", Ctx::And), ("any", " or ", Ctx::Or)] {
        if let Some(items) = m.get(key) {
            let items = items.as_array()?;
            if items.len() < 2 || m.len() != 1 {
                return None;
            }
            let parts: Option<Vec<String>> = items.iter().map(|x| cond(x, names, inner)).collect();
            let text = parts?.join(word);
            return Some(if ctx == Ctx::Top {
                text
            } else {
                format!("({text})")
            });
        }
    }
    if let Some(inner) = m.get("not") {
        if m.len() != 1 {
            return None;
        }
        return Some(format!("not {}", cond(inner, names, Ctx::Not)?));
    }
    if let Some(r) = m.get("ref") {
        return r.as_str().filter(|_| m.len() == 1).map(str::to_owned);
    }
    let subject = if let Some(list) = m.get("count") {
        let list = list.as_str()?;
        match m.get("where") {
            None => format!("count({list})"),
            Some(w) => format!("count({list} where {})", filter(w, list, names)?),
        }
    } else {
        m.get("fact")?.as_str()?.to_owned()
    };
    let ty = match m.get("fact").and_then(Json::as_str) {
        Some(f) => names.ty(f).cloned().unwrap_or(Ty::Unknown),
        None => Ty::Int,
    };
    let (Some(op), Some(value)) = (m.get("op"), m.get("value")) else {
        // A yes/no fact alone.
        return (m.get("op").is_none() && m.get("value").is_none() && ty == Ty::Bool)
            .then_some(subject);
    };
    let op = op.as_str()?;
    let text = match op {
        "=" | "!=" | "<" | "<=" | ">" | ">=" => {
            format!("{subject} {op} {}", value_text(value, &ty)?)
        }
        "in" | "not_in" => {
            let items: Option<Vec<String>> = value
                .as_array()?
                .iter()
                .map(|v| value_text(v, &ty))
                .collect();
            format!("{subject} {} [{}]", op.replace('_', " "), items?.join(", "))
        }
        "between" => {
            let [lo, hi] = value.as_array()?.as_slice() else {
                return None;
            };
            format!(
                "{subject} between {} and {}",
                value_text(lo, &ty)?,
                value_text(hi, &ty)?
            )
        }
        _ => return None,
    };
    Some(text)
}

/// A count's filter: its list joined by `and` (a group in it keeps its brackets).
pub fn filter(w: &Json, list: &str, names: Names) -> Option<String> {
    let fields = names.fields(list);
    let inner = Names { facts: &fields };
    let items = w.as_array()?;
    if items.is_empty() {
        return None;
    }
    let ctx = if items.len() == 1 { Ctx::Top } else { Ctx::And };
    let parts: Option<Vec<String>> = items
        .iter()
        .map(|x| {
            // A lone `and` group must stay one item: brackets, even at the top.
            if items.len() == 1 && x.get("all").is_some() {
                cond(x, inner, Ctx::And)
            } else {
                cond(x, inner, ctx)
            }
        })
        .collect();
    Some(parts?.join(" and "))
}

fn value_text(v: &Json, ty: &Ty) -> Option<String> {
    match (ty, v) {
        (Ty::Bool, Json::Bool(b)) => Some(b.to_string()),
        (Ty::Int | Ty::Year, Json::Number(n)) if n.is_i64() => Some(n.to_string()),
        (Ty::Year, Json::String(s)) if s.starts_with("as_of_year") => Some(s.clone()),
        (Ty::Money, Json::String(s)) => money(s),
        (Ty::Date, Json::String(s)) => Some(s.clone()),
        (Ty::Enum(_), Json::String(s)) => Some(s.clone()),
        _ => None,
    }
}

/// An amount in 元 as a reader writes it: 万元 or 亿元 where that is exact and whole, else 元.
pub fn money(s: &str) -> Option<String> {
    let digits = s.trim_end_matches('0');
    let whole = !s.contains('.');
    for (unit, word, zeros) in [(Unit::Yi, "亿元", 8), (Unit::Wan, "万元", 4)] {
        if whole && s.len() > zeros && s.len() - digits.len() >= zeros {
            let n = &s[..s.len() - zeros];
            if scaled(n, unit) == s {
                return Some(format!("{n}{word}"));
            }
        }
    }
    // 10.000001万元 reads worse than 100000.01元.
    (scaled(s, Unit::Yuan) == s && is_plain_decimal(s)).then(|| format!("{s}元"))
}

fn is_plain_decimal(s: &str) -> bool {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// A rate as a percentage, where that is exact (`0.03` is `3%`, `0.20` is `20%`).
fn percent(s: &str) -> Option<String> {
    let frac = s.strip_prefix("0.")?;
    if frac.len() < 2 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (int, rest) = frac.split_at(2);
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let text = if rest.is_empty() {
        int.to_owned()
    } else {
        format!("{int}.{rest}")
    };
    (scaled(&text, Unit::Percent) == s).then(|| format!("{text}%"))
}

/// A formula (`exact`, `min`, `max`) in words.
pub fn formula(f: &Json, names: Names) -> Option<String> {
    formula_in(f, names, Term::Amount, false)
}

/// What a constant is, judged by its neighbours: an amount of money, a rate or a multiplier.
#[derive(Clone, Copy, PartialEq)]
enum Term {
    Amount,
    /// A factor of a product that also has an amount in it: a rate below 1, a multiplier above.
    Factor,
}

fn formula_in(f: &Json, names: Names, term: Term, nested: bool) -> Option<String> {
    match f {
        Json::String(s) => match term {
            Term::Amount => money(s),
            Term::Factor => percent(s).or_else(|| is_plain_decimal(s).then(|| s.clone())),
        },
        Json::Object(m) if m.len() == 3 && m.contains_key("if") => {
            let when = m.get("if")?.as_array()?;
            let tests: Option<Vec<String>> = when.iter().map(|c| test(c, names)).collect();
            let tests = tests?;
            let test = if tests.len() == 1 {
                tests.into_iter().next()?
            } else {
                tests.join(" and ")
            };
            let then = formula_in(m.get("then")?, names, Term::Amount, false)?;
            let otherwise = formula_in(m.get("else")?, names, Term::Amount, false)?;
            Some(format!("if({test}, {then}, {otherwise})"))
        }
        Json::Object(m)
            if m.len() == 1
                || (m.len() == 2 && m.contains_key("count") && m.contains_key("where")) =>
        {
            if let Some(fact) = m.get("fact") {
                return fact.as_str().map(str::to_owned);
            }
            if let Some(list) = m.get("count") {
                let list = list.as_str()?;
                return Some(match m.get("where") {
                    None => format!("count({list})"),
                    Some(w) => format!("count({list} where {})", filter(w, list, names)?),
                });
            }
            let (key, items) = m.iter().next()?;
            let items = items.as_array()?;
            if items.len() < 2 {
                return None;
            }
            let text = match key.as_str() {
                "mul" => {
                    // A product with an amount in it scales that amount; without one (a count), its
                    // constant is the amount per item.
                    let has_amount = items.iter().any(|x| !x.is_string() && !is_count(x));
                    let parts: Option<Vec<String>> = items
                        .iter()
                        .map(|x| {
                            let t = if has_amount {
                                Term::Factor
                            } else {
                                Term::Amount
                            };
                            formula_in(x, names, t, true)
                        })
                        .collect();
                    let text = parts?.join(" × ");
                    return Some(if nested && term == Term::Factor {
                        format!("({text})")
                    } else {
                        text
                    });
                }
                "add" => {
                    let parts: Option<Vec<String>> = items
                        .iter()
                        .map(|x| formula_in(x, names, Term::Amount, false).map(|t| wrap_sum(x, t)))
                        .collect();
                    let text = parts?.join(" + ");
                    return Some(if nested { format!("({text})") } else { text });
                }
                "min_of" | "max_of" => {
                    let parts: Option<Vec<String>> = items
                        .iter()
                        .map(|x| formula_in(x, names, Term::Amount, false))
                        .collect();
                    format!("{}({})", &key[..3], parts?.join(", "))
                }
                _ => return None,
            };
            Some(text)
        }
        _ => None,
    }
}

/// An `add` inside an `add` keeps its brackets (so it stays a group of its own).
fn wrap_sum(x: &Json, text: String) -> String {
    if x.get("add").is_some() && !text.starts_with('(') {
        format!("({text})")
    } else {
        text
    }
}

fn is_count(x: &Json) -> bool {
    x.get("count").is_some()
}

// ── TOML ─────────────────────────────────────────────────────────────────────────────────────

/// A TOML basic string on one line.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Columns a text takes in a fixed-width editor: two for a CJK character, one otherwise.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
        .sum()
}

/// A long text as a TOML multi-line string, one sentence (or clause) a line: each line ends with
/// `\`, which TOML reads as “no line break here”, so the text is exactly the one-line original.
pub fn wrapped(s: &str, width_limit: usize) -> String {
    let one = quoted(s);
    let body = &one[1..one.len() - 1];
    let chars: Vec<char> = body.chars().collect();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut cols = 0;
    for (i, c) in chars.iter().enumerate() {
        line.push(*c);
        cols += if (*c as u32) >= 0x1100 { 2 } else { 1 };
        let next = chars.get(i + 1);
        // A break never falls before a space (TOML would drop it) nor inside an escape.
        let breakable = next.is_some_and(|n| !n.is_whitespace()) && !escape_open(&line);
        // A sentence ends at 。！？ or at “. ” before a capital (not “No. 19”, “e.g. 5%”).
        let sentence_end = matches!(c, '。' | '！' | '？')
            || (*c == ' '
                && i > 1
                && chars[i - 1] == '.'
                && chars[i - 2].is_ascii_lowercase()
                && next.is_some_and(|n| n.is_uppercase()));
        // A space breaks English text; in Chinese or Japanese it sits around numbers (“的 10%”).
        let soft = matches!(c, '，' | '、' | '；' | '：')
            || (*c == ' ' && i > 0 && chars[i - 1].is_ascii() && next.is_some_and(char::is_ascii));
        if breakable && (sentence_end && cols > 40 || soft && cols >= width_limit - 16) {
            lines.push(std::mem::take(&mut line));
            cols = 0;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() <= 1 {
        return one;
    }
    format!("\"\"\"\n{}\"\"\"", lines.join("\\\n"))
}

/// Whether a line ends inside an escape sequence (`\` not yet followed by its character).
fn escape_open(line: &str) -> bool {
    line.chars().rev().take_while(|c| *c == '\\').count() % 2 == 1
}

/// A key as TOML writes it: bare where it can be.
pub fn key(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        k.to_owned()
    } else {
        quoted(k)
    }
}

/// A value on one line (inline tables and arrays).
pub fn inline(v: &Json) -> String {
    match v {
        Json::String(s) => quoted(s),
        Json::Array(items) => format!(
            "[{}]",
            items.iter().map(inline).collect::<Vec<_>>().join(", ")
        ),
        Json::Object(m) if m.is_empty() => "{}".into(),
        Json::Object(m) => format!(
            "{{ {} }}",
            m.iter()
                .map(|(k, v)| format!("{} = {}", key(k), inline(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn money_and_rates_are_written_as_the_clause_says_them() {
        assert_eq!(money("200000").as_deref(), Some("20万元"));
        assert_eq!(money("3000000").as_deref(), Some("300万元"));
        assert_eq!(money("2000").as_deref(), Some("2000元"));
        assert_eq!(money("100000.01").as_deref(), Some("100000.01元"));
        assert_eq!(money("1200000000").as_deref(), Some("12亿元"));
        assert_eq!(money("0").as_deref(), Some("0元"));
        assert_eq!(percent("0.02").as_deref(), Some("2%"));
        assert_eq!(percent("0.20").as_deref(), Some("20%"));
        assert_eq!(percent("0.025").as_deref(), Some("2.5%"));
        assert_eq!(percent("0.5"), None);
    }

    #[test]
    fn formulas_print_in_words() {
        let facts = [FactDef {
            id: "p".into(),
            ty: Ty::Money,
            computed: false,
        }];
        let names = Names { facts: &facts };
        let f = json!({ "min_of": [{ "mul": ["0.02", { "fact": "p" }] }, "200000"] });
        assert_eq!(formula(&f, names).as_deref(), Some("min(2% × p, 20万元)"));
        let f = json!({ "mul": ["12", { "fact": "p" }, "0.03"] });
        assert_eq!(formula(&f, names).as_deref(), Some("12 × p × 3%"));
        let f = json!({ "mul": ["0.25", { "add": [{ "fact": "p" }, { "fact": "p" }] }] });
        assert_eq!(formula(&f, names).as_deref(), Some("25% × (p + p)"));
    }

    #[test]
    fn long_texts_wrap_without_changing_a_character() {
        let s = "第一句话很长很长很长很长很长很长很长很长很长很长。第二句话也很长很长很长很长很长很长很长很长很长。第三句。";
        let w = wrapped(s, 60);
        assert!(w.starts_with("\"\"\"\n"), "{w}");
        let back: toml::Table = toml::from_str(&format!("x = {w}")).unwrap();
        assert_eq!(back["x"].as_str(), Some(s));
        let en = "From 2023 to 2024, the income is counted at 25%. It is \"taxed\" at 20% enterprise income tax, at most 200,000 yuan per enterprise per year.";
        let w = wrapped(en, 40);
        let back: toml::Table = toml::from_str(&format!("x = {w}")).unwrap();
        assert_eq!(back["x"].as_str(), Some(en));
    }
}
