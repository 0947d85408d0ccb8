//! The lowerer of one file, and what every table is made of: its keys checked (with a suggestion
//! for a key nobody reads), strings, texts in three languages, dates; errors at their place.

use crate::compile::diag::{Diags, did_you_mean};
use crate::compile::expr::{self, ExprError};
use crate::compile::tree::{Key, Node, Source, Span, Val};
use serde_json::{Map, Value as Json};

/// A cite written somewhere in a file, to be found in a clause text.
pub struct CiteAt {
    pub cite: Json,
    pub at: Span,
}

/// Lowers one file's tables; problems go to `diags`.
pub struct Lower<'a> {
    pub src: &'a Source,
    pub diags: &'a mut Diags,
    /// The cites met in conditions, windows and amounts of the measure being read.
    pub cites: Vec<CiteAt>,
    /// The cites of each named condition read, checked once every clause is known.
    pub derived_cites: Vec<(String, Vec<CiteAt>)>,
    /// Whether a number in a condition must say where it comes from: in a measure's or a named
    /// condition's tests, not in a question's `ask_if` (which only decides when it is asked).
    pub legal: bool,
    /// The ruleset's id and the measure being read, for the waivers of `diag::WAIVED`.
    pub ruleset_id: &'a str,
    pub measure: u64,
    /// The document behind the thresholds in the conditions of the amount being read (an
    /// `if(…)` of its formula): the amount's `source`.
    pub amount_source: Option<String>,
}

pub const TEXT_KEYS: &[&str] = &["zh", "ja", "en"];

impl Lower<'_> {
    pub fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diags.span(self.src, span, message);
    }

    pub(crate) fn error_help(
        &mut self,
        span: Span,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.diags.span_help(self.src, span, message, help);
    }

    /// The entries of a table whose keys must be among `allowed` (each other key is an error).
    pub fn table<'n>(
        &mut self,
        n: &'n Node,
        what: &str,
        allowed: &[&str],
    ) -> Option<&'n [(Key, Node)]> {
        let Some(t) = n.table() else {
            self.error(n.span, format!("{what} must be a table, not {}", n.kind()));
            return None;
        };
        for (k, _) in t {
            if !allowed.contains(&k.name.as_str()) {
                let help = did_you_mean(&k.name, allowed.iter().copied())
                    .or_else(|| Some(format!("{what} takes {}", allowed.join(", "))));
                self.error_help(k.span, format!("unknown key “{}” in {what}", k.name), help);
            }
        }
        Some(t)
    }

    pub fn string(&mut self, n: &Node, what: &str) -> Option<String> {
        match &n.val {
            Val::Str(s) => Some(s.clone()),
            _ => {
                self.error(n.span, format!("{what} must be a string, not {}", n.kind()));
                None
            }
        }
    }

    /// A text in three languages: `{ zh = …, ja = …, en = … }` or `x.zh = …` lines.
    pub fn text(&mut self, n: &Node, what: &str) -> Json {
        let Some(t) = self.table(n, what, TEXT_KEYS) else {
            return n.to_json();
        };
        let mut out = Map::new();
        for (k, v) in t {
            if TEXT_KEYS.contains(&k.name.as_str()) {
                out.insert(k.name.clone(), v.to_json());
                if v.as_str().is_none() {
                    self.error(
                        v.span,
                        format!("{what}.{} must be a string, not {}", k.name, v.kind()),
                    );
                }
            }
        }
        for lang in TEXT_KEYS {
            if !out.contains_key(*lang) {
                self.error(n.span, format!("{what} has no “{lang}” text"));
            }
        }
        Json::Object(out)
    }

    /// A date: `"2023-01-01"` or a TOML date.
    pub fn date(&mut self, n: &Node, what: &str) -> Json {
        match &n.val {
            Val::Str(s) | Val::Date(s) => {
                if s.len() != 10 {
                    self.error(
                        n.span,
                        format!("{what} must be a date YYYY-MM-DD, not “{s}”"),
                    );
                }
                Json::String(s.clone())
            }
            _ => {
                self.error(
                    n.span,
                    format!("{what} must be a date YYYY-MM-DD, not {}", n.kind()),
                );
                n.to_json()
            }
        }
    }

    pub(crate) fn expr_error(&mut self, at: &Node, e: &ExprError) {
        let offset = self.src.offset_in_string(at.span, e.at.0);
        self.diags.at(self.src, offset, e.message.clone(), None);
    }

    pub(crate) fn expr_error_at(
        &mut self,
        at: &Node,
        range: expr::At,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        let offset = self.src.offset_in_string(at.span, range.0);
        self.diags.at(self.src, offset, message, help);
    }
}
