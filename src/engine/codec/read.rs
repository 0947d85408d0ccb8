//! Reading a core back, checking every index, nesting and circle as the loader would.

use super::write::MAGIC;
use crate::engine::date::Date;
use crate::engine::limits::{AMENDMENTS_PER_PART, CONDITION_DEPTH, FORMULA_DEPTH};
use crate::engine::model::*;
use crate::engine::text::{Lang, Text, Texts};
use rust_decimal::Decimal;

/// The core is not one this engine wrote: where reading stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Corrupt {
    pub at: usize,
}

type Read<T> = Result<T, Corrupt>;

/// Reads a core written by `encode` or `pack`, with the texts of the languages at hand (more can be
/// set later with `Texts::set`).
pub fn decode(bytes: &[u8], texts: Texts) -> Result<Ruleset, Corrupt> {
    let mut r = Reader {
        bytes,
        at: 0,
        depth: 0,
        n: Counts::default(),
        fields: Vec::new(),
        in_formula: Vec::new(),
    };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(Corrupt { at: 0 });
    }
    let id = r.str()?;
    let version = r.str()?;
    let hash = r.str()?;
    r.n.texts = usize::MAX; // the count comes after the first texts: checked below
    let [title, document, issuer, source] = [r.text()?, r.text()?, r.text()?, r.text()?];
    let issued = r.date()?;
    r.n.texts = r.uint()?;
    if [title, document, issuer, source]
        .iter()
        .any(|t| t.0 as usize >= r.n.texts)
    {
        return Err(r.corrupt());
    }
    let chapters = r.list(|r| {
        Ok(Chapter {
            id: u32::try_from(r.uint()?).map_err(|_| r.corrupt())?,
            title: r.text()?,
        })
    })?;
    let sections = r.list(|r| {
        Ok(Section {
            id: r.str()?,
            title: r.text()?,
        })
    })?;
    let departments = r.list(|r| {
        Ok(Department {
            id: r.str()?,
            name: r.text()?,
        })
    })?;
    r.n.departments = departments.len();
    let sources = r.list(|r| {
        Ok(Source {
            id: r.str()?,
            title: r.text()?,
            evidence: r.str()?,
            url: r.opt(|r| r.str())?,
            date: r.opt(|r| r.date())?,
        })
    })?;
    r.n.sources = sources.len();
    let mut facts = r.list(|r| r.fact(true))?;
    r.n.facts = facts.len();
    r.fields = facts.iter().map(|f| field_count(&f.kind)).collect();
    r.in_formula = facts
        .iter()
        .map(|f| match f.kind {
            FactKind::Int { min, .. } => min >= 0,
            FactKind::Money { min, .. } => !min.is_sign_negative(),
            _ => false,
        })
        .collect();
    r.n.derived = r.uint()?;
    for f in &mut facts {
        f.ask_if = r.opt(|r| r.cond(Scope::Top))?;
    }
    let size_standard = r.opt(|r| {
        let id = r.str()?;
        let title = r.text()?;
        let source = r.index(r.n.sources)?;
        let industry_fact = r.index(r.n.facts)?;
        let class_fact = r.index(r.n.facts)?;
        let groups = r.list(|r| {
            let industries = r.list(|r| u16::try_from(r.uint()?).map_err(|_| r.corrupt()))?;
            let mut tiers = [Vec::new(), Vec::new(), Vec::new()];
            for tier in &mut tiers {
                *tier = r.list(|r| Ok((r.index(r.n.facts)?, r.decimal()?)))?;
            }
            let [sme_below, medium, small] = tiers;
            Ok(SizeGroup {
                industries,
                sme_below,
                medium,
                small,
            })
        })?;
        let declared = r.list(|r| {
            Ok(DeclaredClass {
                industries: r.list(|r| u16::try_from(r.uint()?).map_err(|_| r.corrupt()))?,
                fact: r.index(r.n.facts)?,
            })
        })?;
        Ok(SizeStandard {
            id,
            title,
            source,
            industry_fact,
            class_fact,
            groups,
            declared,
        })
    })?;
    let mut derived = Vec::with_capacity(r.n.derived.min(bytes.len()));
    for _ in 0..r.n.derived {
        derived.push(Derived {
            id: r.str()?,
            label: r.text()?,
            when: r.cond(Scope::Top)?,
        });
    }
    if has_circle(&derived) {
        return Err(r.corrupt());
    }
    let measures = r.list(|r| r.measure())?;
    if r.at != bytes.len() {
        return Err(r.corrupt());
    }
    let given = texts;
    let mut texts = Texts::with_len(r.n.texts);
    for lang in Lang::ALL {
        texts.set(lang, 0, given.table(lang).iter().cloned());
    }
    let fact_names = Names::new(facts.iter().map(|f| f.id.clone()).collect());
    Ok(Ruleset {
        id,
        version,
        hash,
        title,
        document,
        issuer,
        issued,
        source,
        chapters,
        sections,
        departments,
        sources,
        facts,
        fact_names,
        size_standard,
        derived,
        measures,
        texts,
    })
}

fn field_count(kind: &FactKind) -> usize {
    match kind {
        FactKind::List { fields, .. } => fields.len(),
        _ => 0,
    }
}

/// Named conditions that refer to each other in a circle would make evaluation recurse for ever.
/// Depth-first, without recursion: each one is finished once all it refers to are.
fn has_circle(derived: &[Derived]) -> bool {
    fn refs(c: &Cond, out: &mut Vec<usize>) {
        let mut stack = vec![c];
        while let Some(c) = stack.pop() {
            match c {
                Cond::All(k) | Cond::Any(k) => stack.extend(k),
                Cond::Not(k) => stack.push(k),
                Cond::Derived(i) => out.push(*i),
                Cond::Leaf(_) => {}
            }
        }
    }
    // 0: not seen, 1: on the path, 2: done.
    let mut state = vec![0u8; derived.len()];
    for start in 0..derived.len() {
        if state[start] != 0 {
            continue;
        }
        let mut path: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut first = Vec::new();
        refs(&derived[start].when, &mut first);
        state[start] = 1;
        path.push((start, first));
        while let Some((node, pending)) = path.last_mut() {
            match pending.pop() {
                None => {
                    state[*node] = 2;
                    path.pop();
                }
                Some(next) => match state.get(next) {
                    Some(1) => return true,
                    Some(0) => {
                        let mut out = Vec::new();
                        refs(&derived[next].when, &mut out);
                        state[next] = 1;
                        path.push((next, out));
                    }
                    _ => {}
                },
            }
        }
    }
    false
}

/// How many of each thing the core has, to check the indices into them.
#[derive(Default)]
struct Counts {
    texts: usize,
    facts: usize,
    derived: usize,
    sources: usize,
    departments: usize,
}

/// Where a condition reads its facts: the profile's, or the fields of a list item.
#[derive(Clone, Copy)]
enum Scope {
    Top,
    Item { fields: usize },
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
    depth: u32,
    n: Counts,
    /// The number of fields of each fact (0 unless a list).
    fields: Vec<usize>,
    /// Whether a formula may use each fact: a number that cannot be negative (amounts never are).
    in_formula: Vec<bool>,
}

impl Reader<'_> {
    fn corrupt(&self) -> Corrupt {
        Corrupt { at: self.at }
    }
    fn take(&mut self, n: usize) -> Read<&[u8]> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.bytes.len());
        let end = end.ok_or(Corrupt { at: self.at })?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn byte(&mut self) -> Read<u8> {
        Ok(self.take(1)?[0])
    }
    fn u64(&mut self) -> Read<u64> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(self.corrupt())
    }
    fn uint(&mut self) -> Read<usize> {
        let n = self.u64()?;
        usize::try_from(n).map_err(|_| self.corrupt())
    }
    fn int(&mut self) -> Read<i64> {
        let z = self.u64()?;
        Ok(((z >> 1) as i64) ^ -((z & 1) as i64))
    }
    fn i32(&mut self) -> Read<i32> {
        i32::try_from(self.int()?).map_err(|_| self.corrupt())
    }
    fn bool(&mut self) -> Read<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(self.corrupt()),
        }
    }
    /// An index into something of `bound` entries.
    fn index(&mut self, bound: usize) -> Read<usize> {
        let i = self.uint()?;
        if i < bound {
            Ok(i)
        } else {
            Err(self.corrupt())
        }
    }
    fn str(&mut self) -> Read<String> {
        let n = self.uint()?;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| self.corrupt())
    }
    fn text(&mut self) -> Read<Text> {
        let i = self.index(self.n.texts)?;
        Ok(Text(u32::try_from(i).map_err(|_| self.corrupt())?))
    }
    fn date(&mut self) -> Read<Date> {
        let year = self.i32()?;
        let month = self.byte()?;
        let day = self.byte()?;
        Date::new(year, month, day).ok_or(self.corrupt())
    }
    fn decimal(&mut self) -> Read<Decimal> {
        let low = u128::from(self.u64()?);
        let high = u128::from(self.u64()?);
        let z = low | (high << 64);
        let m = ((z >> 1) as i128) ^ -((z & 1) as i128);
        let scale = u32::from(self.byte()?);
        Decimal::try_from_i128_with_scale(m, scale).map_err(|_| self.corrupt())
    }
    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Read<T>) -> Read<Vec<T>> {
        let n = self.uint()?;
        // Each entry takes at least a byte: a count beyond the bytes left is corrupt, and never
        // allocates.
        if n > self.bytes.len() - self.at {
            return Err(self.corrupt());
        }
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(each(self)?);
        }
        Ok(out)
    }
    fn opt<T>(&mut self, each: impl FnOnce(&mut Self) -> Read<T>) -> Read<Option<T>> {
        if self.bool()? {
            Ok(Some(each(self)?))
        } else {
            Ok(None)
        }
    }
    /// One level deeper into a condition or a formula, within `limit`.
    fn deeper<T>(&mut self, limit: u32, read: impl FnOnce(&mut Self) -> Read<T>) -> Read<T> {
        if self.depth >= limit {
            return Err(self.corrupt());
        }
        self.depth += 1;
        let out = read(self);
        self.depth -= 1;
        out
    }

    fn fact(&mut self, top: bool) -> Read<Fact> {
        let id = self.str()?;
        let section = self.str()?;
        let label = self.text()?;
        let help = self.opt(|r| r.text())?;
        let unit = self.opt(|r| r.text())?;
        let source = self.opt(|r| r.index(r.n.sources))?;
        let computed = self.bool()?;
        let kind = match self.uint()? {
            0 => FactKind::Bool,
            1 => FactKind::Int {
                min: self.int()?,
                max: self.int()?,
            },
            2 => FactKind::Year {
                min: self.i32()?,
                max: self.i32()?,
            },
            3 => FactKind::Money {
                min: self.decimal()?,
                max: self.decimal()?,
            },
            4 => FactKind::Date {
                min: self.date()?,
                max: self.date()?,
            },
            5 => FactKind::Enum(self.list(|r| {
                Ok(Choice {
                    id: r.str()?,
                    label: r.text()?,
                })
            })?),
            // Lists hold plain fields only: a list inside a list item is not a thing the
            // engine counts.
            6 if top => {
                let max_items = self.uint()?;
                let mut fields = self.list(|r| r.fact(false))?;
                let scope = Scope::Item {
                    fields: fields.len(),
                };
                for f in &mut fields {
                    f.ask_if = self.opt(|r| r.cond(scope))?;
                }
                FactKind::List { fields, max_items }
            }
            _ => return Err(self.corrupt()),
        };
        Ok(Fact {
            id,
            kind,
            section,
            label,
            help,
            unit,
            ask_if: None,
            source,
            computed,
        })
    }

    /// A fact as a condition in `scope` refers to it.
    fn fact_ref(&mut self, scope: Scope) -> Read<usize> {
        match scope {
            Scope::Top => self.index(self.n.facts),
            Scope::Item { fields } => self.index(fields),
        }
    }

    /// A list fact, counted: only from the profile's facts.
    fn list_ref(&mut self, scope: Scope) -> Read<(usize, Scope)> {
        if let Scope::Item { .. } = scope {
            return Err(self.corrupt());
        }
        let list = self.index(self.n.facts)?;
        let fields = self.fields.get(list).copied().unwrap_or(0);
        Ok((list, Scope::Item { fields }))
    }

    fn cond(&mut self, scope: Scope) -> Read<Cond> {
        self.deeper(CONDITION_DEPTH, |r| {
            Ok(match r.uint()? {
                0 => Cond::All(r.list(|r| r.cond(scope))?),
                1 => Cond::Any(r.list(|r| r.cond(scope))?),
                2 => Cond::Not(Box::new(r.cond(scope)?)),
                3 => Cond::Derived(r.index(r.n.derived)?),
                4 => Cond::Leaf(Box::new(r.leaf(scope)?)),
                _ => return Err(r.corrupt()),
            })
        })
    }

    fn leaf(&mut self, scope: Scope) -> Read<Leaf> {
        let subject = match self.uint()? {
            0 => Subject::Fact(self.fact_ref(scope)?),
            1 => {
                let (list, inner) = self.list_ref(scope)?;
                Subject::Count {
                    list,
                    filter: self.list(|r| r.cond(inner))?,
                }
            }
            _ => return Err(self.corrupt()),
        };
        const OPS: [Op; 9] = [
            Op::Eq,
            Op::Ne,
            Op::Lt,
            Op::Le,
            Op::Gt,
            Op::Ge,
            Op::In,
            Op::NotIn,
            Op::Between,
        ];
        let op = *OPS.get(self.uint()?).ok_or(self.corrupt())?;
        let operand = self.operand()?;
        Ok(Leaf {
            subject,
            op,
            operand,
            label: self.opt(|r| r.text())?,
            cite: self.opt(|r| r.text())?,
            source: self.opt(|r| r.index(r.n.sources))?,
        })
    }

    fn operand(&mut self) -> Read<Operand> {
        Ok(match self.uint()? {
            0 => Operand::Bool(self.bool()?),
            1 => Operand::Number(self.decimal()?),
            2 => Operand::Date(self.date_expr()?),
            3 => Operand::Year(self.year_expr()?),
            4 => {
                Operand::Choices(self.list(|r| u16::try_from(r.uint()?).map_err(|_| r.corrupt()))?)
            }
            5 => Operand::NumberRange(self.decimal()?, self.decimal()?),
            6 => Operand::DateRange(self.date_expr()?, self.date_expr()?),
            7 => Operand::YearRange(self.year_expr()?, self.year_expr()?),
            _ => return Err(self.corrupt()),
        })
    }

    fn date_expr(&mut self) -> Read<DateExpr> {
        Ok(match self.uint()? {
            0 => DateExpr::Fixed(self.date()?),
            1 => DateExpr::AsOf {
                years: self.i32()?,
                months: self.i32()?,
                days: self.i32()?,
            },
            _ => return Err(self.corrupt()),
        })
    }

    fn year_expr(&mut self) -> Read<YearExpr> {
        Ok(match self.uint()? {
            0 => YearExpr::Fixed(self.i32()?),
            1 => YearExpr::AsOfYear(self.i32()?),
            _ => return Err(self.corrupt()),
        })
    }

    fn expr(&mut self) -> Read<Expr> {
        self.deeper(FORMULA_DEPTH, |r| {
            Ok(match r.uint()? {
                // As the loader checks: no amount is negative, nor any number it is made of.
                0 => match r.decimal()? {
                    d if d.is_sign_negative() && !d.is_zero() => return Err(r.corrupt()),
                    d => Expr::Const(d),
                },
                1 => match r.index(r.n.facts)? {
                    f if r.in_formula.get(f) == Some(&true) => Expr::Fact(f),
                    _ => return Err(r.corrupt()),
                },
                2 => Expr::Mul(r.list(|r| r.expr())?),
                3 => Expr::Add(r.list(|r| r.expr())?),
                4 => Expr::MinOf(r.list(|r| r.expr())?),
                5 => Expr::MaxOf(r.list(|r| r.expr())?),
                6 => {
                    let (list, inner) = r.list_ref(Scope::Top)?;
                    Expr::Count {
                        list,
                        filter: r.list(|r| r.cond(inner))?,
                    }
                }
                7 => Expr::If {
                    when: r.list(|r| r.cond(Scope::Top))?,
                    then: Box::new(r.expr()?),
                    otherwise: Box::new(r.expr()?),
                },
                _ => return Err(r.corrupt()),
            })
        })
    }

    fn amount(&mut self) -> Read<AmountRule> {
        Ok(AmountRule {
            min: self.expr()?,
            max: self.opt(|r| r.expr())?,
            basis: self.opt(|r| r.text())?,
            cite: self.text()?,
        })
    }

    fn window(&mut self) -> Read<(Option<Date>, Option<Date>)> {
        Ok((self.opt(|r| r.date())?, self.opt(|r| r.date())?))
    }

    fn measure(&mut self) -> Read<Measure> {
        let id = u32::try_from(self.uint()?).map_err(|_| self.corrupt())?;
        let chapter = u32::try_from(self.uint()?).map_err(|_| self.corrupt())?;
        const KINDS: [Kind; 4] = [
            Kind::Benefit,
            Kind::Support,
            Kind::Programme,
            Kind::Government,
        ];
        let kind = *KINDS.get(self.uint()?).ok_or(self.corrupt())?;
        let kind_reason = self.opt(|r| r.text())?;
        let title = self.text()?;
        let text = self.text()?;
        let text_note = self.opt(|r| r.text())?;
        let note = self.opt(|r| r.text())?;
        let departments = self.list(|r| r.index(r.n.departments))?;
        let sources = self.list(|r| r.index(r.n.sources))?;
        let parts = self.list(|r| {
            let id = r.str()?;
            let title = r.text()?;
            let window = r.opt(|r| {
                let (from, to) = r.window()?;
                Ok(Window {
                    from,
                    to,
                    cite: r.text()?,
                })
            })?;
            let when = r.list(|r| r.cond(Scope::Top))?;
            let amount = r.opt(|r| r.amount())?;
            let note = r.opt(|r| r.text())?;
            let amendments = r.list(|r| {
                Ok(Amendment {
                    source: r.index(r.n.sources)?,
                    in_force: r.date()?,
                    until: r.opt(|r| r.date())?,
                    window: r.opt(|r| {
                        let (from, to) = r.window()?;
                        Ok(WindowChange { from, to })
                    })?,
                    when: r.opt(|r| r.list(|r| r.cond(Scope::Top)))?,
                    amount: r.opt(|r| r.amount())?,
                    text: r.opt(|r| r.text())?,
                    cite: r.text()?,
                    note: r.opt(|r| r.text())?,
                })
            })?;
            if amendments.len() > AMENDMENTS_PER_PART {
                return Err(r.corrupt());
            }
            Ok(Part {
                id,
                title,
                window,
                when,
                amount,
                note,
                amendments,
            })
        })?;
        Ok(Measure {
            id,
            chapter,
            kind,
            kind_reason,
            title,
            text,
            text_note,
            departments,
            sources,
            note,
            parts,
        })
    }
}
