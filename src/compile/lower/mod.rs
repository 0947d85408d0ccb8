//! From the authored tree to the engine's JSON. The rule language (tests and formulas in words,
//! money in 元/万元/亿元, percentages, `floor`/`cap`) becomes exactly the document the engine has
//! always loaded; the earlier form (`{ fact = …, op = …, value = … }`, `{ mul = [...] }`) is still
//! read, so a folder can move over measure by measure. Every table's keys are checked here, with the
//! line and column of a key nobody reads, and a suggestion.
//!
//! `facts` holds what tests and formulas know of the facts (types, scopes); `tables` the lowerer of
//! one file and what every table is made of (checked keys, strings, texts, dates); `cond` the
//! conditions, in words or in the earlier form. Amounts (`amount`) and the files' items (`items`)
//! are lowered beside this folder.

mod cond;
mod facts;
mod tables;

pub(crate) use cond::TestCx;
pub(crate) use facts::ty_name;
pub use facts::{FactDef, Scope, Ty, fact_defs};
pub use tables::{CiteAt, Lower, TEXT_KEYS};
