//! Writing a core: the writer of varints, strings, decimals and each part of a checked ruleset.

use crate::engine::date::Date;
use crate::engine::model::*;
use crate::engine::text::Text;
use rust_decimal::Decimal;

/// The first bytes of a core: a name and the format's version.
pub const MAGIC: &[u8; 4] = b"SME\x01";

/// Writes a ruleset's core, with its texts in their own order.
pub fn encode(rs: &Ruleset) -> Vec<u8> {
    let same: Vec<u32> = (0..rs.texts.len())
        .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
        .collect();
    write(rs, &same)
}

/// The core, each text written as its place in `remap`.
pub(super) fn write(rs: &Ruleset, remap: &[u32]) -> Vec<u8> {
    let mut w = Writer {
        out: MAGIC.to_vec(),
        remap,
    };
    w.str(&rs.id);
    w.str(&rs.version);
    w.str(&rs.hash);
    for t in [rs.title, rs.document, rs.issuer, rs.source] {
        w.text(t);
    }
    w.date(rs.issued);
    w.uint(rs.texts.len());
    w.list(&rs.chapters, |w, c| {
        w.uint(c.id as usize);
        w.text(c.title);
    });
    w.list(&rs.sections, |w, s| {
        w.str(&s.id);
        w.text(s.title);
    });
    w.list(&rs.departments, |w, d| {
        w.str(&d.id);
        w.text(d.name);
    });
    w.list(&rs.sources, |w, s| {
        w.str(&s.id);
        w.text(s.title);
        w.str(&s.evidence);
        w.opt(s.url.as_ref(), |w, u| w.str(u));
        w.opt(s.date.as_ref(), |w, d| w.date(*d));
    });
    w.list(&rs.facts, |w, f| w.fact(f));
    w.uint(rs.derived.len());
    // Conditions come after every fact and the number of named conditions, so reading can check
    // each reference against what it refers to.
    for f in &rs.facts {
        w.opt(f.ask_if.as_ref(), |w, c| w.cond(c));
    }
    w.opt(rs.size_standard.as_ref(), |w, s| {
        w.str(&s.id);
        w.text(s.title);
        w.uint(s.source);
        w.uint(s.industry_fact);
        w.uint(s.class_fact);
        w.list(&s.groups, |w, g| {
            w.list(&g.industries, |w, i| w.uint(usize::from(*i)));
            for bounds in [&g.sme_below, &g.medium, &g.small] {
                w.list(bounds, |w, (f, d)| {
                    w.uint(*f);
                    w.decimal(*d);
                });
            }
        });
        w.list(&s.declared, |w, d| {
            w.list(&d.industries, |w, i| w.uint(usize::from(*i)));
            w.uint(d.fact);
        });
    });
    for d in &rs.derived {
        w.str(&d.id);
        w.text(d.label);
        w.cond(&d.when);
    }
    w.list(&rs.measures, |w, m| w.measure(m));
    w.out
}

struct Writer<'m> {
    out: Vec<u8>,
    /// Where each text goes in the tables written beside the core.
    remap: &'m [u32],
}

impl Writer<'_> {
    fn uint(&mut self, n: usize) {
        self.u64(n as u64);
    }
    fn u64(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.out.push(byte);
                return;
            }
            self.out.push(byte | 0x80);
        }
    }
    fn int(&mut self, n: i64) {
        self.u64(((n << 1) ^ (n >> 63)) as u64);
    }
    fn bool(&mut self, b: bool) {
        self.out.push(u8::from(b));
    }
    fn str(&mut self, s: &str) {
        self.uint(s.len());
        self.out.extend_from_slice(s.as_bytes());
    }
    fn text(&mut self, t: Text) {
        let at = self.remap.get(t.0 as usize).copied().unwrap_or(t.0);
        self.uint(at as usize);
    }
    fn date(&mut self, d: Date) {
        self.int(i64::from(d.year()));
        self.out.push(d.month());
        self.out.push(d.day());
    }
    fn decimal(&mut self, d: Decimal) {
        // Mantissa and scale: a decimal's 96-bit mantissa fits an i128 varint.
        let m = d.mantissa();
        let z = ((m << 1) ^ (m >> 127)) as u128;
        self.u64(z as u64);
        self.u64((z >> 64) as u64);
        self.out.push(d.scale() as u8);
    }
    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Writer, &T)) {
        self.uint(items.len());
        for x in items {
            each(self, x);
        }
    }
    fn opt<T>(&mut self, x: Option<&T>, each: impl FnOnce(&mut Writer, &T)) {
        self.bool(x.is_some());
        if let Some(x) = x {
            each(self, x);
        }
    }

    fn fact(&mut self, f: &Fact) {
        self.str(&f.id);
        self.str(&f.section);
        self.text(f.label);
        self.opt(f.help.as_ref(), |w, t| w.text(*t));
        self.opt(f.unit.as_ref(), |w, t| w.text(*t));
        self.opt(f.source.as_ref(), |w, s| w.uint(*s));
        self.bool(f.computed);
        match &f.kind {
            FactKind::Bool => self.uint(0),
            FactKind::Int { min, max } => {
                self.uint(1);
                self.int(*min);
                self.int(*max);
            }
            FactKind::Year { min, max } => {
                self.uint(2);
                self.int(i64::from(*min));
                self.int(i64::from(*max));
            }
            FactKind::Money { min, max } => {
                self.uint(3);
                self.decimal(*min);
                self.decimal(*max);
            }
            FactKind::Date { min, max } => {
                self.uint(4);
                self.date(*min);
                self.date(*max);
            }
            FactKind::Enum(choices) => {
                self.uint(5);
                self.list(choices, |w, c| {
                    w.str(&c.id);
                    w.text(c.label);
                });
            }
            FactKind::List { fields, max_items } => {
                self.uint(6);
                self.uint(*max_items);
                self.list(fields, |w, f| w.fact(f));
                // A field's own condition (rare) reads the item's fields.
                for f in fields {
                    w_opt_cond(self, f.ask_if.as_ref());
                }
            }
        }
    }

    fn cond(&mut self, c: &Cond) {
        match c {
            Cond::All(kids) => {
                self.uint(0);
                self.list(kids, |w, k| w.cond(k));
            }
            Cond::Any(kids) => {
                self.uint(1);
                self.list(kids, |w, k| w.cond(k));
            }
            Cond::Not(k) => {
                self.uint(2);
                self.cond(k);
            }
            Cond::Derived(i) => {
                self.uint(3);
                self.uint(*i);
            }
            Cond::Leaf(leaf) => {
                self.uint(4);
                match &leaf.subject {
                    Subject::Fact(f) => {
                        self.uint(0);
                        self.uint(*f);
                    }
                    Subject::Count { list, filter } => {
                        self.uint(1);
                        self.uint(*list);
                        self.list(filter, |w, k| w.cond(k));
                    }
                }
                self.uint(leaf.op as usize);
                self.operand(&leaf.operand);
                for t in [&leaf.label, &leaf.cite] {
                    self.opt(t.as_ref(), |w, t| w.text(*t));
                }
                self.opt(leaf.source.as_ref(), |w, s| w.uint(*s));
            }
        }
    }

    fn operand(&mut self, o: &Operand) {
        match o {
            Operand::Bool(b) => {
                self.uint(0);
                self.bool(*b);
            }
            Operand::Number(d) => {
                self.uint(1);
                self.decimal(*d);
            }
            Operand::Date(d) => {
                self.uint(2);
                self.date_expr(*d);
            }
            Operand::Year(y) => {
                self.uint(3);
                self.year_expr(*y);
            }
            Operand::Choices(set) => {
                self.uint(4);
                self.list(set, |w, c| w.uint(usize::from(*c)));
            }
            Operand::NumberRange(a, b) => {
                self.uint(5);
                self.decimal(*a);
                self.decimal(*b);
            }
            Operand::DateRange(a, b) => {
                self.uint(6);
                self.date_expr(*a);
                self.date_expr(*b);
            }
            Operand::YearRange(a, b) => {
                self.uint(7);
                self.year_expr(*a);
                self.year_expr(*b);
            }
        }
    }

    fn date_expr(&mut self, d: DateExpr) {
        match d {
            DateExpr::Fixed(d) => {
                self.uint(0);
                self.date(d);
            }
            DateExpr::AsOf {
                years,
                months,
                days,
            } => {
                self.uint(1);
                for n in [years, months, days] {
                    self.int(i64::from(n));
                }
            }
        }
    }

    fn year_expr(&mut self, y: YearExpr) {
        let (tag, n) = match y {
            YearExpr::Fixed(n) => (0, n),
            YearExpr::AsOfYear(n) => (1, n),
        };
        self.uint(tag);
        self.int(i64::from(n));
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::Const(d) => {
                self.uint(0);
                self.decimal(*d);
            }
            Expr::Fact(f) => {
                self.uint(1);
                self.uint(*f);
            }
            Expr::Mul(t) | Expr::Add(t) | Expr::MinOf(t) | Expr::MaxOf(t) => {
                self.uint(match e {
                    Expr::Mul(_) => 2,
                    Expr::Add(_) => 3,
                    Expr::MinOf(_) => 4,
                    _ => 5,
                });
                self.list(t, |w, x| w.expr(x));
            }
            Expr::Count { list, filter } => {
                self.uint(6);
                self.uint(*list);
                self.list(filter, |w, k| w.cond(k));
            }
            Expr::If {
                when,
                then,
                otherwise,
            } => {
                self.uint(7);
                self.list(when, |w, c| w.cond(c));
                self.expr(then);
                self.expr(otherwise);
            }
        }
    }

    fn amount(&mut self, a: &AmountRule) {
        self.expr(&a.min);
        self.opt(a.max.as_ref(), |w, e| w.expr(e));
        self.opt(a.basis.as_ref(), |w, t| w.text(*t));
        self.text(a.cite);
    }

    fn window(&mut self, from: Option<Date>, to: Option<Date>) {
        self.opt(from.as_ref(), |w, d| w.date(*d));
        self.opt(to.as_ref(), |w, d| w.date(*d));
    }

    fn measure(&mut self, m: &Measure) {
        self.uint(m.id as usize);
        self.uint(m.chapter as usize);
        self.uint(m.kind as usize);
        self.opt(m.kind_reason.as_ref(), |w, t| w.text(*t));
        self.text(m.title);
        self.text(m.text);
        for t in [&m.text_note, &m.note] {
            self.opt(t.as_ref(), |w, t| w.text(*t));
        }
        self.list(&m.departments, |w, d| w.uint(*d));
        self.list(&m.sources, |w, s| w.uint(*s));
        self.list(&m.parts, |w, p| {
            w.str(&p.id);
            w.text(p.title);
            w.opt(p.window.as_ref(), |w, win| {
                w.window(win.from, win.to);
                w.text(win.cite);
            });
            w.list(&p.when, |w, c| w.cond(c));
            w.opt(p.amount.as_ref(), |w, a| w.amount(a));
            w.opt(p.note.as_ref(), |w, t| w.text(*t));
            w.list(&p.amendments, |w, a| {
                w.uint(a.source);
                w.date(a.in_force);
                w.opt(a.until.as_ref(), |w, d| w.date(*d));
                w.opt(a.window.as_ref(), |w, c| w.window(c.from, c.to));
                w.opt(a.when.as_ref(), |w, when| w.list(when, |w, c| w.cond(c)));
                w.opt(a.amount.as_ref(), |w, x| w.amount(x));
                w.opt(a.text.as_ref(), |w, t| w.text(*t));
                w.text(a.cite);
                w.opt(a.note.as_ref(), |w, t| w.text(*t));
            });
        });
    }
}

fn w_opt_cond(w: &mut Writer, c: Option<&Cond>) {
    w.opt(c, |w, c| w.cond(c));
}
