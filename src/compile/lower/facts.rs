//! The facts as tests and formulas see them: each one's type, and the names in scope.

use crate::compile::diag::did_you_mean;
use crate::compile::tree::{Node, Val};

/// The type of a fact, as far as tests and formulas care.
#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    Bool,
    Int,
    Money,
    Year,
    Date,
    Enum(Vec<String>),
    List(Vec<FactDef>),
    /// Not known (the fact itself has a problem, reported where it is declared).
    Unknown,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FactDef {
    pub id: String,
    pub ty: Ty,
    pub computed: bool,
}

/// What names a test or formula can use: facts (or a list item's fields) and named conditions.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub facts: &'a [FactDef],
    pub derived: &'a [String],
}

impl Scope<'_> {
    pub(crate) fn fact(&self, id: &str) -> Option<&FactDef> {
        self.facts.iter().find(|f| f.id == id)
    }
    pub(crate) fn suggest(&self, word: &str) -> Option<String> {
        did_you_mean(
            word,
            self.facts
                .iter()
                .map(|f| f.id.as_str())
                .chain(self.derived.iter().map(String::as_str)),
        )
    }
}

/// The facts declared in `[[facts]]` lists, read leniently: their problems are reported when the
/// facts themselves are lowered.
pub fn fact_defs(items: &[Node]) -> Vec<FactDef> {
    items.iter().filter_map(fact_def).collect()
}

fn fact_def(n: &Node) -> Option<FactDef> {
    let id = n.get("id")?.as_str()?.to_owned();
    let ty = match n.get("type").and_then(Node::as_str) {
        Some("bool") => Ty::Bool,
        Some("int") => Ty::Int,
        Some("money") => Ty::Money,
        Some("year") => Ty::Year,
        Some("date") => Ty::Date,
        Some("enum") => Ty::Enum(match n.get("values").map(|v| &v.val) {
            Some(Val::Arr(items)) => items
                .iter()
                .filter_map(|c| c.get("id").and_then(Node::as_str).map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }),
        Some("list") => Ty::List(match n.get("fields").map(|v| &v.val) {
            Some(Val::Arr(items)) => fact_defs(items),
            _ => Vec::new(),
        }),
        _ => Ty::Unknown,
    };
    let computed = matches!(n.get("computed").map(|v| &v.val), Some(Val::Bool(true)));
    Some(FactDef { id, ty, computed })
}

pub(crate) fn ty_name(ty: &Ty) -> &'static str {
    match ty {
        Ty::Bool => "a yes/no fact",
        Ty::Int => "a number",
        Ty::Money => "an amount of money",
        Ty::Year => "a year",
        Ty::Date => "a date",
        Ty::Enum(_) => "a choice fact",
        Ty::List(_) => "a list",
        Ty::Unknown => "a fact",
    }
}
