//! A measure's conditions and amounts in words, in each language, from the loaded ruleset: what a
//! policy officer reads on a measure's page instead of the TOML.

use crate::engine::format;
use crate::engine::model::{
    Cond, DateExpr, Expr, Fact, FactKind, Op, Operand, Ruleset, Subject, YearExpr,
};
use crate::engine::text::{Lang, fill};
use rust_decimal::Decimal;

/// A condition as a nested list of lines: the line, and the conditions under it.
pub struct Line {
    pub text: String,
    /// Where its threshold comes from (clause words or a source id), shown beside it.
    pub cite: Option<String>,
    pub source: Option<usize>,
    pub under: Vec<Line>,
}

fn leaf_line(text: String) -> Line {
    Line {
        text,
        cite: None,
        source: None,
        under: Vec::new(),
    }
}

pub fn cond(rs: &Ruleset, facts: &[Fact], c: &Cond, lang: Lang) -> Line {
    match c {
        Cond::All(items) => Line {
            under: items.iter().map(|x| cond(rs, facts, x, lang)).collect(),
            ..leaf_line(
                lang.pick([
                    "同时满足以下全部条件",
                    "次のすべてを満たす",
                    "all of these hold",
                ])
                .into(),
            )
        },
        Cond::Any(items) => Line {
            under: items.iter().map(|x| cond(rs, facts, x, lang)).collect(),
            ..leaf_line(
                lang.pick([
                    "满足以下任一条件",
                    "次のいずれかを満たす",
                    "any one of these holds",
                ])
                .into(),
            )
        },
        Cond::Not(inner) => Line {
            under: vec![cond(rs, facts, inner, lang)],
            ..leaf_line(
                lang.pick(["不满足以下条件", "次を満たさない", "this does not hold"])
                    .into(),
            )
        },
        Cond::Derived(i) => {
            let d = &rs.derived[*i];
            leaf_line(fill(
                lang,
                &[
                    "{0}（共用条件 {1}）",
                    "{0}（共通条件 {1}）",
                    "{0} (shared condition {1})",
                ],
                &[rs.text(&d.label, lang), &d.id],
            ))
        }
        Cond::Leaf(leaf) => {
            let (name, fact, under) = match &leaf.subject {
                Subject::Fact(i) => (
                    leaf.label
                        .as_ref()
                        .map_or(rs.text(&facts[*i].label, lang), |l| rs.text(l, lang))
                        .to_owned(),
                    Some(&facts[*i]),
                    Vec::new(),
                ),
                Subject::Count { list, filter } => {
                    let fields = match &facts[*list].kind {
                        FactKind::List { fields, .. } => fields.as_slice(),
                        _ => &[],
                    };
                    let name = leaf.label.as_ref().map_or_else(
                        || {
                            fill(
                                lang,
                                &[
                                    "符合以下条件的{0}数",
                                    "次の条件を満たす{0}の数",
                                    "number of {0} meeting these conditions",
                                ],
                                &[rs.text(&facts[*list].label, lang)],
                            )
                        },
                        |l| rs.text(l, lang).to_owned(),
                    );
                    (
                        name,
                        None,
                        filter.iter().map(|x| cond(rs, fields, x, lang)).collect(),
                    )
                }
            };
            Line {
                text: comparison(rs, &name, fact, leaf.op, &leaf.operand, lang),
                cite: leaf.cite.as_ref().map(|c| rs.text(c, lang).to_owned()),
                source: leaf.source,
                under,
            }
        }
    }
}

fn comparison(
    rs: &Ruleset,
    name: &str,
    fact: Option<&Fact>,
    op: Op,
    operand: &Operand,
    lang: Lang,
) -> String {
    if let (Operand::Bool(b), Op::Eq | Op::Ne) = (operand, op) {
        let yes = *b == (op == Op::Eq);
        return format!(
            "{name}{}{}",
            lang.pick(["：", "：", ": "]),
            format::yes_no(yes, lang)
        );
    }
    let value = |o: &Operand| -> String {
        match o {
            Operand::Number(d) => number(rs, fact, *d, lang),
            Operand::Date(d) => date(*d, lang),
            Operand::Year(y) => year(*y, lang),
            Operand::Choices(idx) => {
                let labels: Vec<&str> = match fact.map(|f| &f.kind) {
                    Some(FactKind::Enum(choices)) => idx
                        .iter()
                        .filter_map(|i| {
                            choices
                                .get(usize::from(*i))
                                .map(|c| rs.text(&c.label, lang))
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                labels.join(lang.pick(["、", "・", ", "]))
            }
            _ => String::new(),
        }
    };
    let (lo, hi) = match operand {
        Operand::NumberRange(a, b) => (number(rs, fact, *a, lang), number(rs, fact, *b, lang)),
        Operand::DateRange(a, b) => (date(*a, lang), date(*b, lang)),
        Operand::YearRange(a, b) => (year(*a, lang), year(*b, lang)),
        other => (value(other), String::new()),
    };
    let tpl: &[&str; 3] = match op {
        Op::Eq => &["{0}为{1}", "{0}が{1}", "{0} is {1}"],
        Op::Ne => &["{0}不为{1}", "{0}が{1}でない", "{0} is not {1}"],
        Op::Lt => &["{0}低于{1}", "{0}が{1}未満", "{0} below {1}"],
        Op::Le => &["{0}不超过{1}", "{0}が{1}以下", "{0} at most {1}"],
        Op::Gt => &["{0}超过{1}", "{0}が{1}超", "{0} above {1}"],
        Op::Ge => &["{0}不低于{1}", "{0}が{1}以上", "{0} at least {1}"],
        Op::In => &["{0}属于{1}", "{0}が{1}のいずれか", "{0} is one of {1}"],
        Op::NotIn => &[
            "{0}不属于{1}",
            "{0}が{1}のいずれでもない",
            "{0} is none of {1}",
        ],
        Op::Between => &[
            "{0}在{1}至{2}之间",
            "{0}が{1}から{2}まで",
            "{0} from {1} to {2}",
        ],
    };
    fill(lang, tpl, &[name, &lo, &hi])
}

fn number(rs: &Ruleset, fact: Option<&Fact>, d: Decimal, lang: Lang) -> String {
    match fact {
        Some(
            f @ Fact {
                kind: FactKind::Int { .. },
                ..
            },
        ) => format::number_of(rs, f, d, lang),
        Some(Fact {
            kind: FactKind::Money { .. },
            ..
        }) => format::money(d, lang),
        _ => format::plain(d),
    }
}

fn date(d: DateExpr, lang: Lang) -> String {
    match d {
        DateExpr::Fixed(d) => format::date(d, lang),
        DateExpr::AsOf {
            years: 0,
            months: 0,
            days: 0,
        } => lang.pick(["评估日期", "評価日", "the as-of date"]).into(),
        DateExpr::AsOf {
            years,
            months,
            days,
        } => {
            let (n, unit) = if years != 0 {
                (years, lang.pick(["年", "年", "year(s)"]))
            } else if months != 0 {
                (months, lang.pick(["个月", "か月", "month(s)"]))
            } else {
                (days, lang.pick(["天", "日", "day(s)"]))
            };
            let tpl: &[&str; 3] = if n < 0 {
                &[
                    "评估日期前{0}{1}",
                    "評価日の{0}{1}前",
                    "{0} {1} before the as-of date",
                ]
            } else {
                &[
                    "评估日期后{0}{1}",
                    "評価日の{0}{1}後",
                    "{0} {1} after the as-of date",
                ]
            };
            fill(lang, tpl, &[&n.abs().to_string(), unit])
        }
    }
}

fn year(y: YearExpr, lang: Lang) -> String {
    match y {
        YearExpr::Fixed(y) => format::year(y, lang),
        YearExpr::AsOfYear(0) => lang.pick(["评估年度", "評価年", "the as-of year"]).into(),
        YearExpr::AsOfYear(n) => fill(
            lang,
            &[
                "评估年度{0}{1}年",
                "評価年の{1}年{0}",
                "{1} year(s) {0} the as-of year",
            ],
            &[
                lang.pick(if n < 0 {
                    ["前", "前", "before"]
                } else {
                    ["后", "後", "after"]
                }),
                &n.abs().to_string(),
            ],
        ),
    }
}

/// A formula in words: facts by their labels, rates in %, money as the language writes it.
pub fn formula(rs: &Ruleset, e: &Expr, lang: Lang) -> String {
    formula_in(rs, e, lang, false, false)
}

fn formula_in(rs: &Ruleset, e: &Expr, lang: Lang, factor: bool, nested: bool) -> String {
    let sep = lang.pick(["，", "、", ", "]);
    match e {
        Expr::Const(d) if factor && *d < Decimal::ONE => format::percent(*d),
        Expr::Const(d) if factor => format::plain(*d),
        Expr::Const(d) => format::money(*d, lang),
        Expr::Fact(i) => rs.text(&rs.facts[*i].label, lang).to_owned(),
        Expr::Count { list, .. } => fill(
            lang,
            &[
                "符合条件的{0}数",
                "条件を満たす{0}の数",
                "the number of qualifying {0}",
            ],
            &[rs.text(&rs.facts[*list].label, lang)],
        ),
        Expr::If {
            when,
            then,
            otherwise,
        } => {
            let test = when
                .iter()
                .map(|c| cond(rs, &rs.facts, c, lang).text)
                .collect::<Vec<_>>()
                .join(lang.pick(["且", "かつ", " and "]));
            fill(
                lang,
                &[
                    "若{0}：{1}；否则：{2}",
                    "{0}なら{1}、そうでなければ{2}",
                    "if {0}: {1}; otherwise {2}",
                ],
                &[
                    &test,
                    &formula_in(rs, then, lang, false, false),
                    &formula_in(rs, otherwise, lang, false, false),
                ],
            )
        }
        Expr::Mul(items) => {
            let amount = items
                .iter()
                .any(|x| !matches!(x, Expr::Const(_) | Expr::Count { .. }));
            let text = items
                .iter()
                .map(|x| formula_in(rs, x, lang, amount, true))
                .collect::<Vec<_>>()
                .join(" × ");
            if nested && factor {
                format!("({text})")
            } else {
                text
            }
        }
        Expr::Add(items) => {
            let text = items
                .iter()
                .map(|x| formula_in(rs, x, lang, false, false))
                .collect::<Vec<_>>()
                .join(" + ");
            if nested { format!("({text})") } else { text }
        }
        Expr::MinOf(items) | Expr::MaxOf(items) => {
            let tpl: &[&str; 3] = if matches!(e, Expr::MinOf(_)) {
                &["{0}中较小者", "{0}のうち小さい方", "the lesser of {0}"]
            } else {
                &["{0}中较大者", "{0}のうち大きい方", "the greater of {0}"]
            };
            let list = items
                .iter()
                .map(|x| formula_in(rs, x, lang, false, false))
                .collect::<Vec<_>>()
                .join(sep);
            fill(
                lang,
                tpl,
                &[&lang.pick([
                    format!("（{list}）"),
                    format!("（{list}）"),
                    format!("({list})"),
                ])],
            )
        }
    }
}
