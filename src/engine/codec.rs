//! A checked ruleset in a compact binary form, "the core": what `sme-check compile` writes once it
//! has checked a ruleset in full, and what a page loads without the loader and its messages in
//! three languages (a fraction of the WebAssembly). The texts stay out: each language's strings
//! travel in their own file, and the core refers to them by index.
//!
//! Reading trusts the content, not the bytes: every index is checked against what it indexes,
//! nesting is bounded as the loader bounds it, named conditions may not refer to each other in a
//! circle, and a short or malformed file is an error. So no byte string can make reading or the
//! evaluation that follows panic or recurse without end. Integers are LEB128 varints (zigzag for
//! signed ones), strings length-prefixed UTF-8, decimals a mantissa and a scale.

use super::date::Date;
use super::limits::{AMENDMENTS_PER_PART, CONDITION_DEPTH, FORMULA_DEPTH};
use super::model::*;
use super::text::{Lang, Text, Texts};
use rust_decimal::Decimal;

/// The first bytes of a core: a name and the format's version.
pub const MAGIC: &[u8; 4] = b"SME\x01";

/// The core is not one this engine wrote: where reading stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Corrupt {
    pub at: usize,
}

type Read<T> = Result<T, Corrupt>;

/// A ruleset ready for a page: its core, and its strings per language in three runs: what a first
/// report and the questionnaire need, then what only the reasons need (from `why`), then the
/// clause texts (from `clauses`), each fetched when a person opens what shows it.
pub struct Pack {
    pub core: Vec<u8>,
    pub tables: [Vec<String>; 3],
    pub why: usize,
    pub clauses: usize,
}

/// The core and the reordered string tables of a ruleset.
pub fn pack(rs: &Ruleset) -> Pack {
    let n = rs.texts.len();
    // 0: a first report's, 1: the reasons' only, 2: a clause text.
    let mut run = vec![0u8; n];
    let mut mark = |t: Option<Text>, r: u8| {
        if let Some(x) = t.and_then(|t| run.get_mut(t.0 as usize)) {
            *x = (*x).max(r);
        }
    };
    let mut leaves = Vec::new();
    for d in &rs.derived {
        mark(Some(d.label), 1);
        leaves_of(&d.when, &mut leaves);
    }
    for m in &rs.measures {
        mark(Some(m.text), 2);
        mark(m.text_note, 2);
        mark(m.kind_reason, 2);
        for p in &m.parts {
            mark(p.window.as_ref().map(|w| w.cite), 1);
            mark(p.note, 1);
            p.when.iter().for_each(|c| leaves_of(c, &mut leaves));
            let amounts = p
                .amount
                .iter()
                .chain(p.amendments.iter().filter_map(|a| a.amount.as_ref()));
            for a in amounts {
                mark(Some(a.cite), 1);
                mark(a.basis, 1);
            }
            for a in &p.amendments {
                mark(a.text, 2);
                mark(Some(a.cite), 1);
                mark(a.note, 1);
                a.when
                    .iter()
                    .flatten()
                    .for_each(|c| leaves_of(c, &mut leaves));
            }
        }
    }
    for leaf in leaves {
        mark(leaf.cite, 1);
        mark(leaf.label, 1);
    }
    let run = &run;
    let order: Vec<usize> = (0..3u8)
        .flat_map(|r| (0..n).filter(move |i| run[*i] == r))
        .collect();
    let mut remap = vec![0u32; n];
    for (new, old) in order.iter().enumerate() {
        remap[*old] = u32::try_from(new).unwrap_or(u32::MAX);
    }
    let tables = Lang::ALL.map(|lang| {
        let table = rs.texts.table(lang);
        order
            .iter()
            .map(|i| table.get(*i).cloned().unwrap_or_default())
            .collect()
    });
    let count = |r: u8| run.iter().filter(|x| **x == r).count();
    Pack {
        core: write(rs, &remap),
        tables,
        why: count(0),
        clauses: count(0) + count(1),
    }
}

/// Every leaf of a condition, counted lists' conditions too.
fn leaves_of<'a>(c: &'a Cond, out: &mut Vec<&'a Leaf>) {
    match c {
        Cond::All(k) | Cond::Any(k) => k.iter().for_each(|k| leaves_of(k, out)),
        Cond::Not(k) => leaves_of(k, out),
        Cond::Derived(_) => {}
        Cond::Leaf(leaf) => {
            if let Subject::Count { filter, .. } = &leaf.subject {
                filter.iter().for_each(|k| leaves_of(k, out));
            }
            out.push(leaf);
        }
    }
}

/// Writes a ruleset's core, with its texts in their own order.
pub fn encode(rs: &Ruleset) -> Vec<u8> {
    let same: Vec<u32> = (0..rs.texts.len())
        .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
        .collect();
    write(rs, &same)
}

/// The core, each text written as its place in `remap`.
fn write(rs: &Ruleset, remap: &[u32]) -> Vec<u8> {
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
