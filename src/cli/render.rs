//! `sme-check check`'s readable report: the table a person reads in a terminal.

use crate::engine::eval::Status;
use crate::engine::report::Report;
use crate::engine::{Lang, Ruleset};

/// The report as a person reads it in a terminal.
pub fn render_text(rs: &Ruleset, r: &Report, lang: Lang) -> String {
    let mut s = String::new();
    let l = lang;
    let line = |s: &mut String, t: String| {
        s.push_str(&t);
        s.push('\n');
    };
    line(
        &mut s,
        format!("{} {}", rs.text(&rs.document, l), rs.text(&rs.title, l)),
    );
    line(
        &mut s,
        format!(
            "{} {}   {} {} {} {}",
            l.pick(["评估日期", "評価日", "As of"]),
            r.as_of,
            l.pick(["规则集", "ルールセット", "Ruleset"]),
            r.ruleset.id,
            r.ruleset.version,
            r.ruleset.hash
        ),
    );
    if let Some(t) = &r.size_class.text {
        line(
            &mut s,
            format!(
                "{}{}",
                l.pick(["企业规模：", "企業規模：", "Size class: "]),
                t
            ),
        );
    }
    let sum = &r.summary;
    line(
        &mut s,
        format!(
            "{}: {} {} · {} {} · {} {} · {} {} · {} {}",
            l.pick(["合计", "合計", "Summary"]),
            Status::Eligible.label(l),
            sum.eligible,
            Status::NeedsInfo.label(l),
            sum.needs_info,
            Status::Ineligible.label(l),
            sum.ineligible,
            Status::Expired.label(l),
            sum.expired,
            Status::NotApplicable.label(l),
            sum.not_applicable,
        ),
    );
    if let Some(a) = sum.amount.as_ref().and_then(|a| a.text.clone()) {
        line(
            &mut s,
            format!(
                "{}{a}",
                l.pick([
                    "可估算金额合计：",
                    "見積可能な金額の合計：",
                    "Estimated total: "
                ])
            ),
        );
    }
    if sum.windows_closed {
        line(
            &mut s,
            l.pick([
                format!(
                    "注意：本政策各项期限均已于 {} 前结束。",
                    sum.period.to.clone().unwrap_or_default()
                ),
                format!(
                    "注意：本政策の期限はすべて {} までに終了しています。",
                    sum.period.to.clone().unwrap_or_default()
                ),
                format!(
                    "Note: every dated window of this policy had closed by {}.",
                    sum.period.to.clone().unwrap_or_default()
                ),
            ]),
        );
    }
    for e in &r.errors {
        line(&mut s, format!("! {}", e.message));
    }
    let mark = |outcome: &str| match outcome {
        "met" => "✓",
        "not_met" => "✗",
        _ => "?",
    };
    // The named conditions once, before the measures that refer to them.
    for d in r.derived.iter().flatten() {
        line(&mut s, format!("  {} {}", mark(d.outcome), d.label));
        for reason in &d.explanation {
            let indent = "  ".repeat(usize::from(reason.depth));
            line(
                &mut s,
                format!("       {indent}{} {}", mark(reason.outcome), reason.text),
            );
        }
    }
    s.push('\n');
    for m in &r.measures {
        let amount = m
            .amount
            .as_ref()
            .and_then(|a| a.text.clone())
            .unwrap_or_default();
        let ended = m
            .ended
            .as_ref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        line(
            &mut s,
            format!(
                "{:>3}  {}{ended}  {}  {amount}",
                m.id,
                m.status_text.unwrap_or(m.status),
                m.title.unwrap_or_default()
            ),
        );
        for p in &m.parts {
            if m.parts.len() > 1 {
                let amount = p
                    .amount
                    .as_ref()
                    .and_then(|a| a.text.clone())
                    .unwrap_or_default();
                line(
                    &mut s,
                    format!(
                        "     ({}) {}  {}  {amount}",
                        p.id,
                        p.status_text.unwrap_or(p.status),
                        p.title.unwrap_or_default()
                    ),
                );
            }
            if m.status == "not_applicable" {
                continue;
            }
            // A later document in force changes this part: which, what, and the text's own answer.
            for a in &p.amendments {
                if let Some(t) = &a.text {
                    line(&mut s, format!("       ※ {t}"));
                }
            }
            let under_text = crate::engine::eval::Status::ALL
                .into_iter()
                .find(|x| Some(x.code()) == p.text_status);
            if let Some(t) = under_text {
                line(
                    &mut s,
                    format!("       ※ {}", crate::engine::report::under_text(t, l)),
                );
            }
            for reason in p.explanation.iter().flatten() {
                let indent = "  ".repeat(usize::from(reason.depth));
                line(
                    &mut s,
                    format!("       {indent}{} {}", mark(reason.outcome), reason.text),
                );
            }
            if let Some(f) = &p.formula
                && p.amount.is_some()
            {
                line(&mut s, format!("       = {f}"));
            }
        }
    }
    if let Some(near) = &r.within_reach
        && !near.is_empty()
    {
        s.push('\n');
        line(
            &mut s,
            l.pick([
                "差一点（改变一项即可符合条件）：",
                "あと一歩（一つ変われば該当）：",
                "Within reach (one change away):",
            ])
            .to_owned(),
        );
        for n in near {
            line(&mut s, format!("  - {}({}) {}", n.measure, n.part, n.text));
        }
    }
    if let Some(q) = &r.next_questions
        && !q.is_empty()
    {
        s.push('\n');
        line(
            &mut s,
            l.pick([
                "接下来最值得回答的问题：",
                "次に答えると結果が変わる質問：",
                "Questions that can still change the result:",
            ])
            .to_owned(),
        );
        for q in q.iter().take(8) {
            let ms: Vec<String> = q.measures.iter().map(u32::to_string).collect();
            line(&mut s, format!("  - {} ({})", q.label, ms.join(", ")));
        }
    }
    s
}
