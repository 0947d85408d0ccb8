//! A ruleset once loaded and checked: every name resolved to an index, every literal typed.
//! Nothing here knows which policy it holds.

use super::date::Date;
use super::text::{Lang, Text, Texts};
use rust_decimal::Decimal;

#[derive(Debug, PartialEq)]
pub struct Ruleset {
    pub id: String,
    pub version: String,
    /// SHA-256 of the ruleset document as loaded, so a report says exactly which rules produced it.
    pub hash: String,
    pub title: Text,
    pub document: Text,
    pub issuer: Text,
    pub issued: Date,
    pub source: Text,
    pub chapters: Vec<Chapter>,
    pub sections: Vec<Section>,
    pub departments: Vec<Department>,
    pub sources: Vec<Source>,
    pub facts: Vec<Fact>,
    /// The facts' ids, indexed: profiles name facts by id, and a screening run looks up millions.
    pub fact_names: Names,
    pub size_standard: Option<SizeStandard>,
    pub derived: Vec<Derived>,
    pub measures: Vec<Measure>,
    /// Every text the rules refer to, per language.
    pub texts: Texts,
}

#[derive(Debug, PartialEq)]
pub struct Chapter {
    pub id: u32,
    pub title: Text,
}

#[derive(Debug, PartialEq)]
/// A group of questions in the questionnaire.
pub struct Section {
    pub id: String,
    pub title: Text,
}

#[derive(Debug, PartialEq)]
pub struct Department {
    pub id: String,
    pub name: Text,
}

#[derive(Debug, PartialEq)]
/// A document a threshold comes from when the policy text does not state it.
pub struct Source {
    pub id: String,
    pub title: Text,
    /// `cited` (quoted by independent public sources) or `verify` (not checked against the official text).
    pub evidence: String,
    pub url: Option<String>,
    /// The day the document was issued: a later document amending a measure cannot be in force
    /// before it.
    pub date: Option<Date>,
}

#[derive(Debug, PartialEq)]
pub struct Fact {
    pub id: String,
    pub kind: FactKind,
    /// Questionnaire section; empty for the fields of a list item.
    pub section: String,
    pub label: Text,
    pub help: Option<Text>,
    pub unit: Option<Text>,
    /// Only worth asking once this holds (monthly VAT sales only of a small-scale taxpayer).
    pub ask_if: Option<Cond>,
    pub source: Option<usize>,
    /// Filled in by the engine (the size class), never by the user.
    pub computed: bool,
}

#[derive(Debug, PartialEq)]
pub enum FactKind {
    Bool,
    Int { min: i64, max: i64 },
    Year { min: i32, max: i32 },
    Money { min: Decimal, max: Decimal },
    Date { min: Date, max: Date },
    Enum(Vec<Choice>),
    List { fields: Vec<Fact>, max_items: usize },
}

impl FactKind {
    pub fn name(&self) -> &'static str {
        match self {
            FactKind::Bool => "bool",
            FactKind::Int { .. } => "int",
            FactKind::Year { .. } => "year",
            FactKind::Money { .. } => "money",
            FactKind::Date { .. } => "date",
            FactKind::Enum(_) => "enum",
            FactKind::List { .. } => "list",
        }
    }
}

#[derive(Debug, PartialEq)]
pub struct Choice {
    pub id: String,
    pub label: Text,
}

/// The size classes of a tiered standard, largest first. A standard names its thresholds; the
/// semantics are the engine's: large only when every SME upper bound is reached, a tier only when
/// all its lower bounds are, micro otherwise.
pub const SIZE_CLASSES: [&str; 4] = ["large", "medium", "small", "micro"];

#[derive(Debug, PartialEq)]
pub struct SizeStandard {
    pub id: String,
    pub title: Text,
    pub source: usize,
    pub industry_fact: usize,
    pub class_fact: usize,
    pub groups: Vec<SizeGroup>,
    /// Industries the standard does not size: their class is declared by a fact with the same four
    /// classes, answered by the enterprise (金融业 under its own standard, not 300号's indicators).
    pub declared: Vec<DeclaredClass>,
}

/// Industries whose size class is a fact's answer rather than computed from indicators.
#[derive(Debug, PartialEq)]
pub struct DeclaredClass {
    /// Choice indices of the industry fact.
    pub industries: Vec<u16>,
    /// An enum fact with exactly the classes of `SIZE_CLASSES`, in that order.
    pub fact: usize,
}

#[derive(Debug, PartialEq)]
pub struct SizeGroup {
    /// Choice indices of the industry fact this group covers.
    pub industries: Vec<u16>,
    /// SME if any indicator is below its bound (大型 only when every bound is reached).
    pub sme_below: Vec<(usize, Decimal)>,
    pub medium: Vec<(usize, Decimal)>,
    pub small: Vec<(usize, Decimal)>,
}

#[derive(Debug, PartialEq)]
/// A named condition used by several measures ("a Shanghai SME").
pub struct Derived {
    pub id: String,
    pub label: Text,
    pub when: Cond,
}

#[derive(Debug, PartialEq)]
pub enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    Derived(usize),
    Leaf(Box<Leaf>),
}

#[derive(Debug, PartialEq)]
pub struct Leaf {
    pub subject: Subject,
    pub op: Op,
    pub operand: Operand,
    /// Wording for the explanation when the fact's label is not enough.
    pub label: Option<Text>,
    /// The words of the clause this condition comes from.
    pub cite: Option<Text>,
    /// The document behind a threshold the clause does not state.
    pub source: Option<usize>,
}

#[derive(Debug, PartialEq)]
pub enum Subject {
    /// A fact of the profile, or of the list item being counted.
    Fact(usize),
    /// How many items of a list fact meet every condition.
    Count { list: usize, filter: Vec<Cond> },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
    Between,
}

impl Op {
    pub fn parse(s: &str) -> Option<Op> {
        Some(match s {
            "=" | "==" => Op::Eq,
            "!=" => Op::Ne,
            "<" => Op::Lt,
            "<=" => Op::Le,
            ">" => Op::Gt,
            ">=" => Op::Ge,
            "in" => Op::In,
            "not_in" => Op::NotIn,
            "between" => Op::Between,
            _ => return None,
        })
    }
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::In => "in",
            Op::NotIn => "not_in",
            Op::Between => "between",
        }
    }
}

/// A threshold, typed by the fact it is compared with.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    Bool(bool),
    Number(Decimal),
    Date(DateExpr),
    Year(YearExpr),
    Choices(Vec<u16>),
    NumberRange(Decimal, Decimal),
    DateRange(DateExpr, DateExpr),
    YearRange(YearExpr, YearExpr),
}

/// A date literal, or one relative to the evaluation's as-of date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DateExpr {
    Fixed(Date),
    AsOf { years: i32, months: i32, days: i32 },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum YearExpr {
    Fixed(i32),
    AsOfYear(i32),
}

#[derive(Debug, PartialEq)]
/// Expressions for amounts, in yuan.
pub enum Expr {
    Const(Decimal),
    Fact(usize),
    Mul(Vec<Expr>),
    Add(Vec<Expr>),
    MinOf(Vec<Expr>),
    MaxOf(Vec<Expr>),
    Count {
        list: usize,
        filter: Vec<Cond>,
    },
    /// One formula where the conditions hold, the other where they do not ("0 where every sale is
    /// exempt under (a)"): an amount that jumps at a threshold.
    If {
        when: Vec<Cond>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
}

#[derive(Debug, PartialEq)]
pub struct AmountRule {
    pub min: Expr,
    /// None: a floor ("不低于") with no cap.
    pub max: Option<Expr>,
    /// The assumption made where the text leaves the base open.
    pub basis: Option<Text>,
    pub cite: Text,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Benefit,
    Support,
    Programme,
    Government,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "benefit" => Kind::Benefit,
            "support" => Kind::Support,
            "programme" => Kind::Programme,
            "government" => Kind::Government,
            _ => return None,
        })
    }
    pub fn code(self) -> &'static str {
        match self {
            Kind::Benefit => "benefit",
            Kind::Support => "support",
            Kind::Programme => "programme",
            Kind::Government => "government",
        }
    }
}

#[derive(Debug, PartialEq)]
pub struct Window {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub cite: Text,
}

#[derive(Debug, PartialEq)]
pub struct Measure {
    pub id: u32,
    pub chapter: u32,
    pub kind: Kind,
    /// Why this kind: for reviewers; compiled documents leave it out.
    pub kind_reason: Option<Text>,
    pub title: Text,
    pub text: Text,
    pub text_note: Option<Text>,
    pub departments: Vec<usize>,
    pub sources: Vec<usize>,
    pub note: Option<Text>,
    pub parts: Vec<Part>,
}

#[derive(Debug, PartialEq)]
pub struct Part {
    pub id: String,
    pub title: Text,
    pub window: Option<Window>,
    pub when: Vec<Cond>,
    pub amount: Option<AmountRule>,
    pub note: Option<Text>,
    /// Later documents that change this part, in the order they come into force.
    pub amendments: Vec<Amendment>,
}

#[derive(Debug, PartialEq)]
/// A later document that, while it is in force, extends or ends a part's window or replaces its
/// conditions or its amount rule (财政部 税务总局公告2023年第19号 keeps a 2023 VAT relief to 2027).
/// Two amendments of one part never change the same thing on the same day (the loader checks).
pub struct Amendment {
    /// The amending document, a source with a date.
    pub source: usize,
    /// The first day the amendment applies to an evaluation: never before the document's date.
    pub in_force: Date,
    /// The last day it applies, when a still later document ends it.
    pub until: Option<Date>,
    /// The window's ends as amended; an end not given stays as the clause has it.
    pub window: Option<WindowChange>,
    /// The part's conditions as amended, replacing the clause's.
    pub when: Option<Vec<Cond>>,
    /// The part's amount rule as amended, replacing the clause's.
    pub amount: Option<AmountRule>,
    /// The words of the amending document (its cites quote them).
    pub text: Option<Text>,
    /// The words that make the change.
    pub cite: Text,
    pub note: Option<Text>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WindowChange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Amendment {
    /// In force on `day`.
    pub fn in_force_on(&self, day: Date) -> bool {
        self.in_force <= day && self.until.is_none_or(|u| day <= u)
    }
}

impl Ruleset {
    /// A text of the ruleset in a language ("" while that language's strings are not loaded).
    pub fn text(&self, t: &Text, lang: Lang) -> &str {
        self.texts.get(*t, lang)
    }

    /// A fact by its id.
    pub fn fact_index(&self, id: &str) -> Option<usize> {
        self.fact_names.position(id)
    }
}

/// Names in their order, with an index by hash: finding one among thousands is a binary search
/// over integers and one string comparison. (A hostile ruleset may refer to names hundreds of
/// thousands of times; a screening run looks up facts millions of times.)
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names {
    ids: Vec<String>,
    /// (hash of the id, position), sorted; equal hashes in order of position.
    order: Vec<(u64, usize)>,
}

impl Names {
    pub fn new(ids: Vec<String>) -> Names {
        let mut order: Vec<(u64, usize)> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id_hash(id), i))
            .collect();
        order.sort_unstable();
        Names { ids, order }
    }

    /// The first position of `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        let h = id_hash(id);
        let start = self.order.partition_point(|&(x, _)| x < h);
        self.order[start..]
            .iter()
            .take_while(|&&(x, _)| x == h)
            .map(|&(_, i)| i)
            .find(|&i| self.ids[i] == id)
    }

    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// The ids that appear more than once, each as often as it repeats.
    pub fn duplicates(&self) -> impl Iterator<Item = &str> {
        self.ids
            .iter()
            .enumerate()
            .filter(|(i, id)| self.position(id) != Some(*i))
            .map(|(_, id)| id.as_str())
    }
}

/// FNV-1a: a small, fast hash for looking up names.
fn id_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
