//! An authored TOML file as a tree that remembers where each key and value was written, so every
//! problem the compiler finds is reported with its file, line and column.

use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};

/// One file's text, with what is needed to turn a byte offset into a line and a column.
pub struct Source {
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(path: &Path, text: String) -> Source {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Source {
            path: path.to_owned(),
            text,
            line_starts,
        }
    }

    /// Line and column (both from 1; the column counts characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|s| *s <= offset);
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(0);
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line, col + 1)
    }

    /// The byte offset in the file of the `at`-th byte of the string value written at `span`
    /// (for pointing inside a formula). Exact for strings without escapes; close otherwise.
    pub fn offset_in_string(&self, span: Span, at: usize) -> usize {
        let raw = self.text.get(span.0..span.1).unwrap_or("");
        let skip = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
            let after = &raw[3..];
            3 + if after.starts_with("\r\n") {
                2
            } else if after.starts_with('\n') {
                1
            } else {
                0
            }
        } else if raw.starts_with('"') || raw.starts_with('\'') {
            1
        } else {
            0
        };
        (span.0 + skip + at).min(span.1)
    }
}

/// Byte range in the file.
pub type Span = (usize, usize);

#[derive(Clone, Debug)]
pub enum Val {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A TOML date or date-time, as written (`2023-01-01`).
    Date(String),
    Arr(Vec<Node>),
    Table(Vec<(Key, Node)>),
}

#[derive(Clone, Debug)]
pub struct Node {
    pub val: Val,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Key {
    pub name: String,
    pub span: Span,
}

impl Node {
    pub fn kind(&self) -> &'static str {
        match self.val {
            Val::Str(_) => "a string",
            Val::Int(_) => "an integer",
            Val::Float(_) => "a number",
            Val::Bool(_) => "true or false",
            Val::Date(_) => "a date",
            Val::Arr(_) => "a list",
            Val::Table(_) => "a table",
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match &self.val {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn table(&self) -> Option<&[(Key, Node)]> {
        match &self.val {
            Val::Table(t) => Some(t),
            _ => None,
        }
    }
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.table()?
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
    }

    /// The value as the engine's JSON: what the authored form means when nothing is rewritten.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.val {
            Val::Str(s) => J::String(s.clone()),
            Val::Int(i) => J::from(*i),
            Val::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Val::Bool(b) => J::Bool(*b),
            Val::Date(d) => J::String(d.clone()),
            Val::Arr(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Val::Table(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.name.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

/// Parses a file into a tree; a syntax error comes back with its line and column.
pub fn parse(src: &Source) -> Result<Node, (usize, String)> {
    let table = DeTable::parse(&src.text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        (at, e.message().to_owned())
    })?;
    let span = table.span();
    Ok(Node {
        val: Val::Table(convert_table(table.get_ref())),
        span: (span.start, span.end),
    })
}

fn convert_table(t: &DeTable) -> Vec<(Key, Node)> {
    let mut out: Vec<(Key, Node)> = t
        .iter()
        .map(|(k, v)| {
            let ks = k.span();
            (
                Key {
                    name: k.get_ref().to_string(),
                    span: (ks.start, ks.end),
                },
                convert(v.get_ref(), (v.span().start, v.span().end)),
            )
        })
        .collect();
    // In the order written, so problems are reported top to bottom.
    out.sort_by_key(|(k, _)| k.span.0);
    out
}

fn convert(v: &DeValue, span: Span) -> Node {
    let val = match v {
        DeValue::String(s) => Val::Str(s.to_string()),
        DeValue::Integer(i) => match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
            Ok(n) => Val::Int(n),
            Err(_) => Val::Str(i.as_str().to_owned()),
        },
        DeValue::Float(f) => Val::Float(f.as_str().replace('_', "").parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Val::Bool(*b),
        DeValue::Datetime(d) => Val::Date(d.to_string()),
        DeValue::Array(items) => Val::Arr(
            items
                .iter()
                .map(|x| convert(x.get_ref(), (x.span().start, x.span().end)))
                .collect(),
        ),
        DeValue::Table(t) => Val::Table(convert_table(t)),
    };
    Node { val, span }
}
