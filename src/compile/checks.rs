//! Checks the engine cannot make, because they are about the authored text: a cite quotes its own
//! clause (in Chinese and in Japanese), and each part of a measure an enterprise can qualify for has
//! an example of each outcome.

/// The waivers live with the diagnostics they turn into warnings (which `lower` reads too); named
/// here as well, where the tests have always found them.
#[allow(unused_imports)] // the build script compiles this module but has no tests
pub use super::diag::WAIVED;
use super::diag::waived;
use super::lower::{CiteAt, Lower};
use super::tree::Node;
use serde_json::Value as Json;

/// The languages whose clause text is the source's own (English is ours, so is not checked).
const QUOTED: &[&str] = &["zh", "ja"];

/// The elision mark: `A……B` quotes A, then later B.
const ELISION: &str = "……";

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Where a cite stops matching the clause: `None` if every piece is found, in order; otherwise the
/// piece that is not, and the longest start of it that is (with what the clause has after it).
pub fn find_cite(clause: &str, cite: &str) -> Result<(), String> {
    let clause = squeeze(clause);
    let mut from = 0;
    for piece in cite.split(ELISION).map(squeeze).filter(|p| !p.is_empty()) {
        match clause.get(from..).and_then(|rest| rest.find(&piece)) {
            Some(i) => from += i + piece.len(),
            None => {
                // The longest start of the piece the clause has (after the previous piece).
                let rest = clause.get(from..).unwrap_or("");
                let mut best = (0, "");
                for (end, _) in piece.char_indices().skip(1).chain([(piece.len(), ' ')]) {
                    let head = &piece[..end];
                    match rest.find(head) {
                        Some(i) => best = (i, head),
                        None => break,
                    }
                }
                return Err(if best.1.is_empty() {
                    format!("“{piece}” is not in the clause")
                } else {
                    let after: String = rest[best.0 + best.1.len()..].chars().take(12).collect();
                    let want: String = piece[best.1.len()..].chars().take(12).collect();
                    format!(
                        "the clause has “{}{after}…”, the cite “{}{want}…”",
                        best.1, best.1
                    )
                });
            }
        }
    }
    Ok(())
}

/// Every cite of a measure (conditions, windows, amounts) is in its clause text.
/// `whose` names the text: “this measure's” clause, or “the amendment's” own words.
pub fn cites_in_clause(
    l: &mut Lower,
    measure: &serde_json::Map<String, Json>,
    cites: &[CiteAt],
    whose: &str,
) {
    for c in cites {
        for lang in QUOTED {
            let (Some(cite), Some(clause)) =
                (c.cite[lang].as_str(), measure["text"][lang].as_str())
            else {
                continue;
            };
            if let Err(why) = find_cite(clause, cite) {
                l.diags.span_help(
                    l.src,
                    c.at,
                    format!("the {lang} cite “{cite}” is not in {whose} {lang} text"),
                    Some(format!(
                        "{why} (whitespace is ignored; “……” marks words left out)"
                    )),
                );
            }
        }
    }
}

/// A named condition's cites are words of the clauses that use it: each must be in the text of at
/// least one measure that refers to the condition (directly or through another).
pub fn derived_cites(l: &mut Lower, id: &str, cites: &[CiteAt], texts: &[&Json]) {
    for c in cites {
        for lang in QUOTED {
            let Some(cite) = c.cite[lang].as_str() else {
                continue;
            };
            let found = texts
                .iter()
                .filter_map(|t| t[lang].as_str())
                .any(|clause| find_cite(clause, cite).is_ok());
            if !found {
                l.diags.span_help(
                    l.src,
                    c.at,
                    format!("the {lang} cite “{cite}” of “{id}” is in no {lang} clause of a measure that uses it"),
                    Some("quote the words of a clause that refers to this named condition".into()),
                );
            }
        }
    }
}

/// Each part of a benefit or support measure has an eligible, an ineligible and a needs-info
/// example: `expect.parts = { a = "eligible" }`, or `expect.status` when the measure has one part.
pub fn case_coverage(l: &mut Lower, n: &Node, measure: &Json, cases: &[Json]) {
    if !matches!(measure["kind"].as_str(), Some("benefit" | "support")) {
        return;
    }
    let parts: Vec<&str> = measure["parts"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["id"].as_str())
        .collect();
    let at = n.get("kind").map_or(n.span, |k| k.span);
    for part in &parts {
        let seen: Vec<&str> = cases
            .iter()
            .filter_map(|c| {
                let expect = &c["expect"];
                match expect["parts"][part].as_str() {
                    Some(s) => Some(s),
                    None if parts.len() == 1 => expect["status"].as_str(),
                    None => None,
                }
            })
            .collect();
        let missing: Vec<&str> = ["eligible", "ineligible", "needs_info"]
            .into_iter()
            .filter(|s| !seen.contains(s))
            .collect();
        let id = measure["id"].as_u64().unwrap_or(0);
        for status in missing {
            let message = format!("part “{part}” of measure {id} has no {status} example case");
            let help = Some(format!(
                "add a [[cases]] whose expect has parts = {{ {part} = \"{status}\" }}"
            ));
            if waived(l.ruleset_id, id, &format!("part {part} {status}")) {
                let (line, col) = l.src.line_col(at.0);
                l.diags.waived.push(super::diag::Diag {
                    file: l.src.path.clone(),
                    line,
                    col,
                    message,
                    help,
                });
            } else {
                l.diags.span_help(l.src, at, message, help);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cites_match_ignoring_whitespace_with_elisions_in_order() {
        let clause = "2023 年对月销售额 10 万元以下的增值税小规模纳税人免征增值税，对小规模纳税人适用 3%征收率";
        assert!(find_cite(clause, "月销售额 10 万元以下").is_ok());
        assert!(find_cite(clause, "月销售额10万元以下").is_ok());
        assert!(find_cite(clause, "月销售额……免征增值税").is_ok());
        assert!(find_cite(clause, "免征增值税……月销售额").is_err());
        let e = find_cite(clause, "月销售额 20 万元以下").unwrap_err();
        assert!(e.contains("月销售额1"), "{e}");
        assert!(find_cite(clause, "中小ハイテク企業").is_err());
    }
}
