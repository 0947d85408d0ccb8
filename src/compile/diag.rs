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
    /// Problems of a known gap in the built-in ruleset (see `WAIVED`): shown, not refused.
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

/// Edit distance over characters where swapping two neighbours is one slip (optimal string
/// alignment): “excat” is one from “exact”.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// Gaps of the built-in ruleset found when these checks were written (while its measure files were
/// being amended by others): each is reported as a warning rather than refusing the folder. Remove
/// an entry once its gap is closed; `tests/rulelang.rs` fails on an entry no longer needed, so the
/// list only shrinks. (ruleset id, measure, what)
pub const WAIVED: &[(&str, u64, &str)] = &[];

pub fn waived(ruleset: &str, measure: u64, what: &str) -> bool {
    WAIVED.contains(&(ruleset, measure, what))
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
