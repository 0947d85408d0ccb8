//! A problem in an authored file: where (file, line, column), what, and what was probably meant.

use super::tree::{Source, Span};
use std::fmt;
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
pub struct Diag {
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub help: Option<String>,
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.line,
            self.col,
            self.message
        )?;
        if let Some(h) = &self.help {
            write!(f, "\n    help: {h}")?;
        }
        Ok(())
    }
}

/// Collects problems; every one is reported, so an author fixes them all in one pass.
#[derive(Default)]
pub struct Diags {
    pub list: Vec<Diag>,
    /// Problems of a known gap in the built-in ruleset (see `checks::WAIVED`): shown, not refused.
    pub waived: Vec<Diag>,
}

impl Diags {
    pub fn at(
        &mut self,
        src: &Source,
        offset: usize,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        let (line, col) = src.line_col(offset);
        self.list.push(Diag {
            file: src.path.clone(),
            line,
            col,
            message: message.into(),
            help,
        });
    }
    pub fn span(&mut self, src: &Source, span: Span, message: impl Into<String>) {
        self.at(src, span.0, message, None);
    }
    pub fn span_help(
        &mut self,
        src: &Source,
        span: Span,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.at(src, span.0, message, help);
    }
}

/// “did you mean …”: the closest of `names` to `word`, if it is close enough to be a slip.
pub fn did_you_mean<'a>(word: &str, names: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let best = names
        .into_iter()
        .map(|n| (distance(word, n), n))
        .min_by_key(|(d, _)| *d)?;
    let limit = (word.chars().count().max(best.1.chars().count()) / 3).max(1);
    (best.0 <= limit).then(|| format!("did you mean “{}”?", best.1))
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("vat_montly_sales", ["vat_monthly_sales", "revenue"]),
            Some("did you mean “vat_monthly_sales”?".into())
        );
        assert_eq!(did_you_mean("catalogue", ["revenue", "headcount"]), None);
        assert_eq!(
            did_you_mean("cites", ["cite", "source"]),
            Some("did you mean “cite”?".into())
        );
    }
}
