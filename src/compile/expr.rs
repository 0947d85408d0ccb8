//! The rule language's two kinds of expression, written as a clause says them:
//!
//! - a **test** (a condition): `vat_monthly_sales <= 10万元`, `industry in [wholesale, retail]`,
//!   `first_inclusive_loan_on between 2022-10-01 and 2022-12-31`, `high_tech_certificate_on >
//!   as_of-3y`, `count(hires where contract_months >= 12) >= 1`, a yes/no fact or a named condition
//!   alone (`registered_in_shanghai`, `shanghai_sme`), joined by `and`, `or`, `not` and brackets;
//! - a **formula** (an amount): `min(2% × first_loan_principal, 20万元)`, `12 × vat_monthly_sales ×
//!   3%`, `2000元 × count(hires where …)`, with `×` (or `*`), `+`, `min(…)`, `max(…)`, brackets.
//!
//! Literals: numbers (`12`, `0.5`), money (`2000元`, `10万元`, `1.5亿元`: the decimal point moved,
//! so `10万元` is exactly `100000`), percentages (`3%` is exactly `0.03`, `20%` is `0.20`), dates
//! (`2023-01-01`), relative dates (`as_of`, `as_of-3y`, `as_of+30d`, `as_of-6m`) and years
//! (`as_of_year-1`), `true`, `false`, choice ids (`small_scale`) and lists of them (`[a, b]`).
//!
//! A hand-written recursive-descent parser: the grammar is small (see src/rules/REFERENCE.md), and
//! its errors point at the exact character with what was expected.

/// A byte range inside the expression's text.
pub type At = (usize, usize);

#[derive(Clone, Debug, PartialEq)]
pub struct ExprError {
    pub at: At,
    pub message: String,
}

fn err<T>(at: At, message: impl Into<String>) -> Result<T, ExprError> {
    Err(ExprError {
        at,
        message: message.into(),
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    None,
    Yuan,
    Wan,
    Yi,
    Percent,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Word(String),
    /// Digits with an optional fraction, as written, and a unit.
    Number(String, Unit),
    Date(String),
    Op(&'static str),
    Open,
    Close,
    OpenList,
    CloseList,
    Comma,
    Times,
    Plus,
    End,
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    at: At,
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::Word(w) => format!("“{w}”"),
        Tok::Number(n, _) => format!("the number {n}"),
        Tok::Date(d) => format!("the date {d}"),
        Tok::Op(o) => format!("“{o}”"),
        Tok::Open => "“(”".into(),
        Tok::Close => "“)”".into(),
        Tok::OpenList => "“[”".into(),
        Tok::CloseList => "“]”".into(),
        Tok::Comma => "“,”".into(),
        Tok::Times => "“×”".into(),
        Tok::Plus => "“+”".into(),
        Tok::End => "the end".into(),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

fn lex(text: &str) -> Result<Vec<Token>, ExprError> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let single = |tok: Tok| Token {
            tok,
            at: (start, start + c.len_utf8()),
        };
        match c {
            '(' | '（' => out.push(single(Tok::Open)),
            ')' | '）' => out.push(single(Tok::Close)),
            '[' => out.push(single(Tok::OpenList)),
            ']' => out.push(single(Tok::CloseList)),
            ',' | '，' => out.push(single(Tok::Comma)),
            '×' | '*' => out.push(single(Tok::Times)),
            '+' => out.push(single(Tok::Plus)),
            '≤' => out.push(single(Tok::Op("<="))),
            '≥' => out.push(single(Tok::Op(">="))),
            '≠' => out.push(single(Tok::Op("!="))),
            '=' | '<' | '>' | '!' => {
                let next = chars.get(i + 1).map(|(_, c)| *c);
                let (op, len) = match (c, next) {
                    ('=', Some('=')) => ("=", 2),
                    ('=', _) => ("=", 1),
                    ('<', Some('=')) => ("<=", 2),
                    ('<', _) => ("<", 1),
                    ('>', Some('=')) => (">=", 2),
                    ('>', _) => (">", 1),
                    ('!', Some('=')) => ("!=", 2),
                    _ => {
                        return err(
                            (start, start + 1),
                            "“!” alone means nothing: write “not” or “!=”",
                        );
                    }
                };
                out.push(Token {
                    tok: Tok::Op(op),
                    at: (start, end_of(i + len)),
                });
                i += len;
                continue;
            }
            d if d.is_ascii_digit() => {
                let mut j = i;
                while chars
                    .get(j)
                    .is_some_and(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == '-')
                {
                    j += 1;
                }
                let raw = &text[start..end_of(j)];
                if is_date(raw) {
                    out.push(Token {
                        tok: Tok::Date(raw.to_owned()),
                        at: (start, end_of(j)),
                    });
                    i = j;
                    continue;
                }
                if !is_decimal(raw) {
                    return err(
                        (start, end_of(j)),
                        format!("“{raw}” is neither a number (12, 0.5) nor a date (2023-01-01)"),
                    );
                }
                // A unit may follow, after optional spaces: 元, 万元, 亿元, %.
                let mut k = j;
                while chars.get(k).is_some_and(|(_, c)| *c == ' ') {
                    k += 1;
                }
                let rest: String = chars.iter().skip(k).take(2).map(|(_, c)| *c).collect();
                let (unit, len) = if rest.starts_with("万元") {
                    (Unit::Wan, 2)
                } else if rest.starts_with("亿元") {
                    (Unit::Yi, 2)
                } else if rest.starts_with('元') {
                    (Unit::Yuan, 1)
                } else if rest.starts_with('%') || rest.starts_with('％') {
                    (Unit::Percent, 1)
                } else if rest.starts_with('万') || rest.starts_with('亿') {
                    return err(
                        (start, end_of(k + 1)),
                        format!(
                            "write “{raw}{}元”: an amount ends in 元, 万元 or 亿元",
                            &rest[..rest.chars().next().map_or(0, char::len_utf8)]
                        ),
                    );
                } else {
                    (Unit::None, 0)
                };
                let stop = if unit == Unit::None { j } else { k + len };
                out.push(Token {
                    tok: Tok::Number(raw.to_owned(), unit),
                    at: (start, end_of(stop)),
                });
                i = stop;
                continue;
            }
            w if w.is_ascii_alphabetic() || w == '_' => {
                let mut j = i;
                while chars.get(j).is_some_and(|(_, c)| is_word_char(*c)) {
                    j += 1;
                }
                // `as_of+30d`: a relative date may count forward too.
                let word = &text[start..end_of(j)];
                if (word == "as_of" || word == "as_of_year")
                    && chars.get(j).is_some_and(|(_, c)| *c == '+')
                {
                    j += 1;
                    while chars.get(j).is_some_and(|(_, c)| c.is_ascii_alphanumeric()) {
                        j += 1;
                    }
                }
                out.push(Token {
                    tok: Tok::Word(text[start..end_of(j)].to_owned()),
                    at: (start, end_of(j)),
                });
                i = j;
                continue;
            }
            other => {
                return err(
                    (start, start + other.len_utf8()),
                    format!("“{other}” has no meaning here"),
                );
            }
        }
        i += 1;
    }
    out.push(Token {
        tok: Tok::End,
        at: (text.len(), text.len()),
    });
    Ok(out)
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn is_decimal(s: &str) -> bool {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && (!s.contains('.') || !frac.is_empty())
}

/// A number's value as a decimal string, the point moved by the unit (exactly: no rounding).
pub fn scaled(digits: &str, unit: Unit) -> String {
    let shift: i32 = match unit {
        Unit::None | Unit::Yuan => 0,
        Unit::Wan => 4,
        Unit::Yi => 8,
        Unit::Percent => -2,
    };
    if shift == 0 {
        return digits.to_owned();
    }
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all: String = format!("{int}{frac}");
    // The position of the point in `all`, moved.
    let point = int.len() as i32 + shift;
    let (mut whole, mut fraction) = if point <= 0 {
        (
            "0".to_owned(),
            format!("{}{all}", "0".repeat((-point) as usize)),
        )
    } else if point as usize >= all.len() {
        (
            format!("{all}{}", "0".repeat(point as usize - all.len())),
            String::new(),
        )
    } else {
        (
            all[..point as usize].to_owned(),
            all[point as usize..].to_owned(),
        )
    };
    let trimmed = whole.trim_start_matches('0');
    whole = if trimmed.is_empty() {
        "0".into()
    } else {
        trimmed.into()
    };
    // Moving the point right leaves no digit a reader did not write; moving it left keeps them
    // all (20% is 0.20, as written).
    if shift > 0 {
        while fraction.ends_with('0') {
            fraction.pop();
        }
    }
    if fraction.is_empty() {
        whole
    } else {
        format!("{whole}.{fraction}")
    }
}

// ── Tests ────────────────────────────────────────────────────────────────────────────────────

#[derive(Clone, Debug, PartialEq)]
pub enum Lit {
    Number(String, Unit),
    Date(String),
    Word(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    One(Lit, At),
    List(Vec<(Lit, At)>, At),
    Range((Lit, At), (Lit, At)),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    Fact(String, At),
    Count {
        list: String,
        at: At,
        /// `where …`, when written inside the brackets.
        filter: Option<Box<Cond>>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    /// A part written in brackets: kept as one group, never merged with its neighbours.
    Paren(Box<Cond>),
    /// A name alone: a yes/no fact, or a named condition.
    Name(String, At),
    Compare {
        subject: Subject,
        op: &'static str,
        op_at: At,
        operand: Operand,
    },
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        self.toks.get(self.pos).map_or(&Tok::End, |t| &t.tok)
    }
    fn at(&self) -> At {
        self.toks.get(self.pos).map_or((0, 0), |t| t.at)
    }
    fn next(&mut self) -> Token {
        let t = self.toks.get(self.pos).cloned().unwrap_or(Token {
            tok: Tok::End,
            at: (0, 0),
        });
        self.pos += 1;
        t
    }
    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Tok::Word(x) if x == w)
    }
    fn expect(&mut self, want: Tok, what: &str) -> Result<At, ExprError> {
        if *self.peek() == want {
            Ok(self.next().at)
        } else {
            err(
                self.at(),
                format!("expected {what}, found {}", describe(self.peek())),
            )
        }
    }
    fn end(&self, what: &str) -> Result<(), ExprError> {
        match self.peek() {
            Tok::End => Ok(()),
            t => err(self.at(), format!("{} cannot follow {what}", describe(t))),
        }
    }
}

/// Parses a test.
pub fn parse_test(text: &str) -> Result<Cond, ExprError> {
    let mut p = Parser {
        toks: lex(text)?,
        pos: 0,
    };
    if *p.peek() == Tok::End {
        return err((0, text.len()), "the test is empty");
    }
    let c = or_expr(&mut p)?;
    p.end("a complete test")?;
    Ok(c)
}

fn or_expr(p: &mut Parser) -> Result<Cond, ExprError> {
    let first = and_expr(p)?;
    if !p.is_word("or") {
        return Ok(first);
    }
    let mut items = vec![first];
    while p.is_word("or") {
        p.next();
        items.push(and_expr(p)?);
    }
    Ok(Cond::Any(items))
}

fn and_expr(p: &mut Parser) -> Result<Cond, ExprError> {
    let first = not_expr(p)?;
    if !p.is_word("and") {
        return Ok(first);
    }
    let mut items = vec![first];
    while p.is_word("and") {
        p.next();
        items.push(not_expr(p)?);
    }
    Ok(Cond::All(items))
}

fn not_expr(p: &mut Parser) -> Result<Cond, ExprError> {
    if p.is_word("not") {
        p.next();
        return Ok(Cond::Not(Box::new(not_expr(p)?)));
    }
    atom(p)
}

const KEYWORDS: &[&str] = &[
    "and", "or", "not", "in", "between", "where", "count", "min", "max", "if",
];

fn atom(p: &mut Parser) -> Result<Cond, ExprError> {
    if *p.peek() == Tok::Open {
        p.next();
        let inner = or_expr(p)?;
        p.expect(Tok::Close, "“)”")?;
        return Ok(Cond::Paren(Box::new(inner)));
    }
    let subject = match p.next() {
        Token {
            tok: Tok::Word(w),
            at,
        } if w == "count" => count_subject(p, at)?,
        Token {
            tok: Tok::Word(w),
            at,
        } if !KEYWORDS.contains(&w.as_str()) => Subject::Fact(w, at),
        Token { tok, at } => {
            return err(
                at,
                format!(
                    "expected a fact, a named condition, “count(…)”, “not” or “(”, found {}",
                    describe(&tok)
                ),
            );
        }
    };
    // An operator, or nothing: a name alone.
    let op = match p.peek() {
        Tok::Op(o) => Some(*o),
        Tok::Word(w) if w == "in" || w == "between" => {
            Some(if w == "in" { "in" } else { "between" })
        }
        Tok::Word(w) if w == "not" => {
            let after = p.toks.get(p.pos + 1).map(|t| &t.tok);
            if matches!(after, Some(Tok::Word(x)) if x == "in") {
                Some("not_in")
            } else {
                return err(p.at(), "“not” here must be “not in”");
            }
        }
        _ => None,
    };
    let Some(op) = op else {
        return match subject {
            Subject::Fact(name, at) => Ok(Cond::Name(name, at)),
            Subject::Count { at, .. } => err(at, "a count needs a comparison: count(…) >= 1"),
        };
    };
    let op_start = p.at();
    p.next();
    if op == "not_in" {
        p.next();
    }
    let op_at = (
        op_start.0,
        p.toks
            .get(p.pos.saturating_sub(1))
            .map_or(op_start.1, |t| t.at.1),
    );
    let operand = match op {
        "in" | "not_in" => {
            let open = p.expect(Tok::OpenList, "a list “[a, b]” after “in”")?;
            let mut items = vec![literal(p)?];
            while *p.peek() == Tok::Comma {
                p.next();
                items.push(literal(p)?);
            }
            let close = p.expect(Tok::CloseList, "“,” or “]”")?;
            Operand::List(items, (open.0, close.1))
        }
        "between" => {
            let lo = literal(p)?;
            if !p.is_word("and") {
                return err(
                    p.at(),
                    format!(
                        "expected “and” (between A and B), found {}",
                        describe(p.peek())
                    ),
                );
            }
            p.next();
            let hi = literal(p)?;
            Operand::Range(lo, hi)
        }
        _ => {
            let (l, at) = literal(p)?;
            Operand::One(l, at)
        }
    };
    Ok(Cond::Compare {
        subject,
        op,
        op_at,
        operand,
    })
}

fn count_subject(p: &mut Parser, at: At) -> Result<Subject, ExprError> {
    p.expect(Tok::Open, "“(” after count")?;
    let (list, list_at) = match p.next() {
        Token {
            tok: Tok::Word(w),
            at,
        } => (w, at),
        Token { tok, at } => {
            return err(
                at,
                format!("expected the list to count, found {}", describe(&tok)),
            );
        }
    };
    let filter = if p.is_word("where") {
        p.next();
        Some(Box::new(or_expr(p)?))
    } else {
        None
    };
    let close = p.expect(Tok::Close, "“where …” or “)”")?;
    Ok(Subject::Count {
        list,
        at: (at.0.min(list_at.0), close.1),
        filter,
    })
}

fn literal(p: &mut Parser) -> Result<(Lit, At), ExprError> {
    let Token { tok, at } = p.next();
    let lit = match tok {
        Tok::Number(n, u) => Lit::Number(n, u),
        Tok::Date(d) => Lit::Date(d),
        Tok::Word(w) if !KEYWORDS.contains(&w.as_str()) => Lit::Word(w),
        other => return err(at, format!("expected a value, found {}", describe(&other))),
    };
    Ok((lit, at))
}

// ── Formulas ─────────────────────────────────────────────────────────────────────────────────

#[derive(Clone, Debug, PartialEq)]
pub enum Formula {
    Number(String, Unit, At),
    Fact(String, At),
    Mul(Vec<Formula>),
    Add(Vec<Formula>),
    Min(Vec<Formula>),
    Max(Vec<Formula>),
    Count {
        list: String,
        at: At,
        filter: Option<Box<Cond>>,
    },
    /// `if(test, then, otherwise)`: an amount that depends on a condition.
    If {
        test: Box<Cond>,
        then: Box<Formula>,
        otherwise: Box<Formula>,
    },
    Paren(Box<Formula>),
}

/// Parses a formula.
pub fn parse_formula(text: &str) -> Result<Formula, ExprError> {
    let mut p = Parser {
        toks: lex(text)?,
        pos: 0,
    };
    if *p.peek() == Tok::End {
        return err((0, text.len()), "the formula is empty");
    }
    let f = sum(&mut p)?;
    p.end("a complete formula")?;
    Ok(f)
}

fn sum(p: &mut Parser) -> Result<Formula, ExprError> {
    let first = product(p)?;
    if *p.peek() != Tok::Plus {
        return Ok(first);
    }
    let mut items = vec![first];
    while *p.peek() == Tok::Plus {
        p.next();
        items.push(product(p)?);
    }
    Ok(Formula::Add(items))
}

fn product(p: &mut Parser) -> Result<Formula, ExprError> {
    let first = factor(p)?;
    if *p.peek() != Tok::Times {
        return Ok(first);
    }
    let mut items = vec![first];
    while *p.peek() == Tok::Times {
        p.next();
        items.push(factor(p)?);
    }
    Ok(Formula::Mul(items))
}

fn factor(p: &mut Parser) -> Result<Formula, ExprError> {
    let Token { tok, at } = p.next();
    match tok {
        Tok::Number(n, u) => Ok(Formula::Number(n, u, at)),
        Tok::Open => {
            let inner = sum(p)?;
            p.expect(Tok::Close, "“)”")?;
            Ok(Formula::Paren(Box::new(inner)))
        }
        Tok::Word(w) if w == "count" => match count_subject(p, at)? {
            Subject::Count { list, at, filter } => Ok(Formula::Count { list, at, filter }),
            Subject::Fact(..) => err(at, "expected count(…)"),
        },
        Tok::Word(w) if w == "if" && *p.peek() == Tok::Open => {
            p.next();
            let test = or_expr(p)?;
            p.expect(Tok::Comma, "“,” after the condition of if(…)")?;
            let then = sum(p)?;
            p.expect(
                Tok::Comma,
                "“,” before the amount where the condition does not hold",
            )?;
            let otherwise = sum(p)?;
            p.expect(Tok::Close, "“)”")?;
            Ok(Formula::If {
                test: Box::new(test),
                then: Box::new(then),
                otherwise: Box::new(otherwise),
            })
        }
        Tok::Word(w) if (w == "min" || w == "max") && *p.peek() == Tok::Open => {
            p.next();
            let mut items = vec![sum(p)?];
            while *p.peek() == Tok::Comma {
                p.next();
                items.push(sum(p)?);
            }
            p.expect(Tok::Close, "“,” or “)”")?;
            if items.len() < 2 {
                return err(at, format!("{w}(…) needs at least two terms"));
            }
            Ok(if w == "min" {
                Formula::Min(items)
            } else {
                Formula::Max(items)
            })
        }
        Tok::Word(w) if !KEYWORDS.contains(&w.as_str()) => Ok(Formula::Fact(w, at)),
        Tok::Op(o) if o == "<" || o == ">" => err(
            at,
            "a formula computes an amount: comparisons belong in a test",
        ),
        other => err(
            at,
            format!(
                "expected a number, a fact, min(…), max(…), count(…), if(…) or “(”, found {}",
                describe(&other)
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_move_the_point_exactly() {
        assert_eq!(scaled("10", Unit::Wan), "100000");
        assert_eq!(scaled("1.5", Unit::Yi), "150000000");
        assert_eq!(scaled("10.000001", Unit::Wan), "100000.01");
        assert_eq!(scaled("3", Unit::Percent), "0.03");
        assert_eq!(scaled("20", Unit::Percent), "0.20");
        assert_eq!(scaled("2.5", Unit::Percent), "0.025");
        assert_eq!(scaled("100", Unit::Percent), "1.00");
        assert_eq!(scaled("2000", Unit::Yuan), "2000");
        assert_eq!(scaled("0.5", Unit::Wan), "5000");
    }

    #[test]
    fn tests_parse_into_groups_and_comparisons() {
        let c = parse_test("vat_taxpayer = small_scale and vat_monthly_sales <= 10万元").unwrap();
        let Cond::All(items) = c else { panic!("{c:?}") };
        assert_eq!(items.len(), 2);
        assert!(
            matches!(&items[1], Cond::Compare { op: "<=", operand: Operand::One(Lit::Number(n, Unit::Wan), _), .. } if n == "10")
        );
        let c = parse_test("d between 2022-10-01 and 2022-12-31 or (a and not b)").unwrap();
        let Cond::Any(items) = c else { panic!("{c:?}") };
        assert!(matches!(
            &items[0],
            Cond::Compare {
                op: "between",
                operand: Operand::Range(..),
                ..
            }
        ));
        assert!(matches!(&items[1], Cond::Paren(_)));
        let c = parse_test("industry not in [wholesale, retail]").unwrap();
        assert!(
            matches!(c, Cond::Compare { op: "not_in", operand: Operand::List(ref l, _), .. } if l.len() == 2)
        );
        let c = parse_test("count(hires where group in [a, b] and contract_months >= 12) >= 1")
            .unwrap();
        assert!(matches!(
            c,
            Cond::Compare {
                subject: Subject::Count {
                    filter: Some(_),
                    ..
                },
                ..
            }
        ));
        let c = parse_test("since > as_of-3y and since <= as_of+30d").unwrap();
        let Cond::All(items) = c else { panic!() };
        assert!(
            matches!(&items[1], Cond::Compare { operand: Operand::One(Lit::Word(w), _), .. } if w == "as_of+30d")
        );
    }

    #[test]
    fn errors_point_at_the_character() {
        let e = parse_test("sales <= 10万").unwrap_err();
        assert!(e.message.contains("10万元"), "{e:?}");
        let e = parse_test("a and").unwrap_err();
        assert_eq!(e.at, (5, 5));
        let e = parse_test("x between 1 or 2").unwrap_err();
        assert!(e.message.contains("“and”"), "{e:?}");
        let e = parse_test("a < ").unwrap_err();
        assert!(e.message.contains("expected a value"), "{e:?}");
        let e = parse_formula("2% × ").unwrap_err();
        assert!(e.message.contains("found the end"), "{e:?}");
    }

    #[test]
    fn formulas_keep_their_grouping() {
        let f = parse_formula("min(2% × first_loan_principal, 20万元)").unwrap();
        let Formula::Min(items) = f else { panic!() };
        assert!(matches!(&items[0], Formula::Mul(m) if m.len() == 2));
        let f = parse_formula("25% × (a + b)").unwrap();
        let Formula::Mul(items) = f else { panic!() };
        assert!(matches!(&items[1], Formula::Paren(_)));
        let f = parse_formula("12 × vat_monthly_sales × 3%").unwrap();
        assert!(matches!(f, Formula::Mul(ref m) if m.len() == 3));
        let f = parse_formula("if(sales > 10万元, 12 × sales × 2%, 0元)").unwrap();
        let Formula::If {
            test,
            then,
            otherwise,
        } = f
        else {
            panic!()
        };
        assert!(matches!(*test, Cond::Compare { op: ">", .. }));
        assert!(matches!(*then, Formula::Mul(ref m) if m.len() == 3));
        assert!(matches!(*otherwise, Formula::Number(..)));
        let e = parse_formula("if(sales > 10万元, 1元)").unwrap_err();
        assert!(e.message.contains("“,”"), "{}", e.message);
    }
}
