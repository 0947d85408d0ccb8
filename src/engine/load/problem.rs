//! What can be wrong in a ruleset document, and the message for each in 中文, 日本語 and English.

use crate::engine::json::JsonError;
use crate::engine::text::{Lang, Tpl, fill};

#[derive(Clone, Debug, PartialEq)]
pub struct RulesetError {
    pub path: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The document is not a JSON object or could not be parsed at all.
    NotADocument(String),
    /// The text is not JSON at all.
    NotJson(JsonError),
    MissingKey(String),
    UnknownKey(String),
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    MissingText(Lang),
    Duplicate(String),
    UnknownFact(String),
    UnknownRef(String),
    UnknownDepartment(String),
    UnknownSource(String),
    UnknownChapter(u32),
    UnknownSection(String),
    UnknownChoice {
        fact: String,
        value: String,
    },
    BadType(String),
    BadKind(String),
    BadOp {
        op: String,
        fact_type: &'static str,
    },
    TypeMismatch {
        fact: String,
        expected: &'static str,
    },
    BadDate(String),
    /// A condition or an amount that is not well formed: the message, and what it is about.
    BadFormula(&'static Tpl, String),
    WindowOrder(String, String),
    /// A number in a condition without the clause words or the document it comes from.
    Unsourced,
    CircularRef(String),
    /// An id with characters other than letters, digits, `_` and `-`.
    BadId(String),
    /// A fact marked computed that no rule computes.
    NotComputed,
    /// A list longer than the engine takes (`limits`).
    TooMany(usize),
    /// Conditions, formulas or named references nested deeper than the engine takes (`limits`).
    TooDeep(usize),
    /// An amendment names a part its measure does not have.
    UnknownPart(String),
    /// An amendment's document has no date, so when it came into force cannot be checked.
    UndatedSource(String),
    /// An amendment in force (`0`) before its document was issued (`1`).
    BeforeDocument(String, String),
    /// Two amendments of one part change the same thing (`0`: window, conditions or amount) on
    /// the same days; `1` is the other one's document.
    Overlapping(&'static str, String),
    /// An amendment that changes neither window, conditions nor amount.
    NothingAmended,
}

pub(super) const F_ONE_SHAPE: Tpl = [
    "条件须且只能有 all、any、not、ref、fact、count 之一（现有：{0}）",
    "条件には all・any・not・ref・fact・count のいずれか一つだけが必要です（現在：{0}）",
    "a condition has exactly one of all, any, not, ref, fact, count (found: {0})",
];
pub(super) const F_EMPTY_GROUP: Tpl = [
    "“{0}”至少需要一个条件",
    "「{0}」には条件が一つ以上必要です",
    "“{0}” needs at least one condition",
];
pub(super) const F_WHERE: Tpl = [
    "“where”只能与“count”一起使用",
    "「where」は「count」と一緒にのみ使えます",
    "“where” belongs to “count”",
];
pub(super) const F_YEAR: Tpl = [
    "“{0}”既不是年份也不是 as_of_year±N",
    "「{0}」は年でも as_of_year±N でもありません",
    "“{0}” is neither a year nor as_of_year±N",
];
pub(super) const F_RELATIVE_DATE: Tpl = [
    "“{0}”不是 as_of±N[ymd] 形式",
    "「{0}」は as_of±N[ymd] の形式ではありません",
    "“{0}” is not as_of±N[ymd]",
];
pub(super) const F_TIER: Tpl = [
    "每个档次至少需要一个界限",
    "各区分には境界が一つ以上必要です",
    "a tier needs at least one bound",
];
pub(super) const F_AMOUNT_SHAPE: Tpl = [
    "金额须为“exact”，或“min”加可选的“max”",
    "金額は「exact」、または「min」と任意の「max」で指定します",
    "an amount has either “exact”, or “min” with an optional “max”",
];
pub(super) const F_MIN_ABOVE_MAX: Tpl = [
    "最低额高于最高额（{0}）",
    "最低額が最高額を上回っています（{0}）",
    "the minimum is above the maximum ({0})",
];
pub(super) const F_NEGATIVE: Tpl = [
    "金额不能为负数（{0}）",
    "金額は負にできません（{0}）",
    "an amount cannot be negative ({0})",
];
pub(super) const F_NOT_EXPR: Tpl = [
    "“{0}”既不是数字也不是表达式",
    "「{0}」は数値でも式でもありません",
    "“{0}” is neither a number nor an expression",
];
pub(super) const F_ONE_OPERATOR: Tpl = [
    "表达式须且只能有 fact、mul、add、min_of、max_of、count 之一（现有：{0}）",
    "式には fact・mul・add・min_of・max_of・count のいずれか一つだけが必要です（現在：{0}）",
    "an expression has exactly one of fact, mul, add, min_of, max_of, count (found: {0})",
];
pub(super) const F_TWO_TERMS: Tpl = [
    "“{0}”至少需要两项",
    "「{0}」には項が二つ以上必要です",
    "“{0}” needs at least two terms",
];

/// The words the loader uses for kinds of values and expectations, in each language.
const WORDS: &[(&str, Tpl)] = &[
    ("object", ["对象", "オブジェクト", "an object"]),
    ("string", ["字符串", "文字列", "a string"]),
    ("list", ["列表", "リスト", "a list"]),
    ("number", ["数字", "数値", "a number"]),
    ("boolean", ["布尔值", "真偽値", "true or false"]),
    ("null", ["空值", "null", "null"]),
    ("integer", ["整数", "整数", "an integer"]),
    (
        "positive integer",
        ["非负整数", "0 以上の整数", "a non-negative integer"],
    ),
    ("decimal", ["十进制数", "10進数", "a decimal number"]),
    (
        "cited, verify or official",
        [
            "cited、verify 或 official",
            "cited・verify・official のいずれか",
            "cited, verify or official",
        ],
    ),
    ("a whole number", ["整数", "整数", "a whole number"]),
    (
        "a list of two bounds [from, to]",
        [
            "含两个界限的列表 [起, 止]",
            "二つの境界のリスト [開始, 終了]",
            "a list of two bounds [from, to]",
        ],
    ),
    (
        "two bounds of the same type",
        [
            "两个同类型的界限",
            "同じ型の二つの境界",
            "two bounds of the same type",
        ],
    ),
    (
        "true or false",
        ["true 或 false", "true または false", "true or false"],
    ),
    ("a number", ["数字", "数値", "a number"]),
    ("a year", ["年份", "年", "a year"]),
    ("a date", ["日期", "日付", "a date"]),
    ("a choice", ["选项", "選択肢", "a choice"]),
    (
        "a list of choices",
        ["选项列表", "選択肢のリスト", "a list of choices"],
    ),
    ("a choice id", ["选项标识", "選択肢の ID", "a choice id"]),
    ("a count", ["计数", "件数", "a count"]),
    ("window", ["期限", "期間", "window"]),
    ("conditions", ["条件", "条件", "conditions"]),
    ("amount", ["金额", "金額", "amount"]),
    (
        "an enum fact",
        ["枚举型事实", "列挙型のファクト", "an enum fact"],
    ),
    (
        "a computed enum fact with values large, medium, small, micro",
        [
            "取值为 large、medium、small、micro 的计算型枚举事实",
            "値が large・medium・small・micro の計算される列挙型ファクト",
            "a computed enum fact with values large, medium, small, micro",
        ],
    ),
    (
        "an enum fact with values large, medium, small, micro, answered by the enterprise",
        [
            "取值为 large、medium、small、micro 且由企业填写的枚举事实",
            "値が large・medium・small・micro で企業が回答する列挙型のファクト",
            "an enum fact with values large, medium, small, micro, answered by the enterprise",
        ],
    ),
    (
        "an int or money fact",
        [
            "整数或金额型事实",
            "整数または金額のファクト",
            "an int or money fact",
        ],
    ),
    (
        "a list fact",
        ["列表型事实", "リスト型のファクト", "a list fact"],
    ),
    (
        "an int or money fact in a formula",
        [
            "公式中须为整数或金额型事实",
            "式には整数または金額のファクトが必要です",
            "an int or money fact in a formula",
        ],
    ),
];

fn word(key: &str, lang: Lang) -> &str {
    WORDS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, t)| lang.pick(*t))
}

impl RulesetError {
    pub fn message(&self, lang: Lang) -> String {
        let (tpl, args): (&Tpl, Vec<&str>) = match &self.problem {
            Problem::NotJson(e) => {
                let detail = e.message(lang);
                let body = fill(
                    lang,
                    &[
                        "不是有效的 JSON：{0}",
                        "有効な JSON ではありません：{0}",
                        "not valid JSON: {0}",
                    ],
                    &[&detail],
                );
                return if self.path.is_empty() {
                    body
                } else {
                    self.path.clone() + ": " + &body
                };
            }
            Problem::NotADocument(d) => (
                &[
                    "不是有效的规则集文件：{0}",
                    "有効なルールセット文書ではありません：{0}",
                    "not a valid ruleset document: {0}",
                ],
                vec![d],
            ),
            Problem::MissingKey(k) => (
                &["缺少“{0}”", "「{0}」がありません", "“{0}” is missing"],
                vec![k],
            ),
            Problem::UnknownKey(k) => (
                &["未知的键“{0}”", "不明なキー「{0}」", "unknown key “{0}”"],
                vec![k],
            ),
            Problem::WrongType { expected, found } => (
                &[
                    "类型错误：应为{0}，实为{1}",
                    "型が違います：{0}が必要ですが{1}です",
                    "wrong type: expected {0}, found {1}",
                ],
                vec![word(expected, lang), word(found, lang)],
            ),
            Problem::MissingText(l) => (
                &[
                    "缺少 {0} 文本",
                    "{0} のテキストがありません",
                    "the {0} text is missing",
                ],
                vec![l.code()],
            ),
            Problem::Duplicate(id) => (
                &[
                    "标识“{0}”重复",
                    "ID「{0}」が重複しています",
                    "duplicate id “{0}”",
                ],
                vec![id],
            ),
            Problem::UnknownFact(f) => (
                &[
                    "未知的事实“{0}”",
                    "不明なファクト「{0}」",
                    "unknown fact “{0}”",
                ],
                vec![f],
            ),
            Problem::UnknownRef(r) => (
                &[
                    "未知的派生条件“{0}”",
                    "不明な派生条件「{0}」",
                    "unknown derived condition “{0}”",
                ],
                vec![r],
            ),
            Problem::UnknownDepartment(d) => (
                &[
                    "未知的部门“{0}”",
                    "不明な部門「{0}」",
                    "unknown department “{0}”",
                ],
                vec![d],
            ),
            Problem::UnknownSource(s) => (
                &[
                    "未知的依据文件“{0}”",
                    "不明な根拠文書「{0}」",
                    "unknown source “{0}”",
                ],
                vec![s],
            ),
            Problem::UnknownChapter(_) => (
                &["未知的章节 {0}", "不明な章 {0}", "unknown chapter {0}"],
                vec![],
            ),
            Problem::UnknownSection(s) => (
                &[
                    "未知的问卷分组“{0}”",
                    "不明な質問グループ「{0}」",
                    "unknown questionnaire section “{0}”",
                ],
                vec![s],
            ),
            Problem::UnknownChoice { fact, value } => (
                &[
                    "“{0}”不是“{1}”的可选值",
                    "「{0}」は「{1}」の選択肢ではありません",
                    "“{0}” is not a choice of “{1}”",
                ],
                vec![value, fact],
            ),
            Problem::BadType(t) => (
                &[
                    "未知的事实类型“{0}”",
                    "不明なファクト型「{0}」",
                    "unknown fact type “{0}”",
                ],
                vec![t],
            ),
            Problem::BadKind(k) => (
                &[
                    "未知的措施类别“{0}”",
                    "不明な措置の種類「{0}」",
                    "unknown measure kind “{0}”",
                ],
                vec![k],
            ),
            Problem::BadOp { op, fact_type } => (
                &[
                    "运算符“{0}”不适用于 {1} 类型",
                    "演算子「{0}」は {1} 型に使えません",
                    "operator “{0}” does not apply to a {1} fact",
                ],
                vec![op, fact_type],
            ),
            Problem::TypeMismatch { fact, expected } => (
                &[
                    "类型不匹配：“{0}”需要{1}",
                    "型の不一致：「{0}」には{1}が必要です",
                    "type mismatch: “{0}” needs {1}",
                ],
                vec![fact, word(expected, lang)],
            ),
            Problem::BadDate(d) => (
                &[
                    "无效日期“{0}”（应为 YYYY-MM-DD 的真实日期）",
                    "無効な日付「{0}」（実在する YYYY-MM-DD の日付が必要です）",
                    "bad date “{0}” (a real YYYY-MM-DD date is needed)",
                ],
                vec![d],
            ),
            Problem::WindowOrder(a, b) => (
                &[
                    "期限起始日 {0} 晚于截止日 {1}",
                    "期間の開始日 {0} が終了日 {1} より後です",
                    "the window starts on {0}, after it ends on {1}",
                ],
                vec![a, b],
            ),
            Problem::BadFormula(t, d) => {
                let detail = fill(lang, t, &[d]);
                let body = fill(
                    lang,
                    &["公式错误：{0}", "式の誤り：{0}", "bad formula: {0}"],
                    &[&detail],
                );
                return if self.path.is_empty() {
                    body
                } else {
                    self.path.clone() + ": " + &body
                };
            }
            Problem::Unsourced => (
                &[
                    "数值条件须注明原文（cite）或依据文件（source）",
                    "数値の条件には原文（cite）か根拠文書（source）が必要です",
                    "a numeric condition needs the clause words (cite) or a source",
                ],
                vec![],
            ),
            Problem::CircularRef(r) => (
                &[
                    "派生条件“{0}”循环引用",
                    "派生条件「{0}」が循環参照しています",
                    "derived condition “{0}” refers to itself",
                ],
                vec![r],
            ),
            Problem::BadId(id) => (
                &[
                    "标识“{0}”无效：只能由字母、数字、_ 和 - 组成，以字母或数字开头，最多 64 个字符",
                    "ID「{0}」が無効です：英数字・_・- のみ、英数字で始まり、64 文字以内",
                    "bad id “{0}”: letters, digits, _ and - only, starting with a letter or digit, at most 64",
                ],
                vec![id],
            ),
            Problem::NotComputed => (
                &[
                    "标记为计算所得，但没有规则计算它",
                    "計算で得ると指定されていますが、計算する規則がありません",
                    "marked computed, but nothing computes it",
                ],
                vec![],
            ),
            Problem::TooMany(_) => (
                &[
                    "条目过多，最多 {0} 项",
                    "項目が多すぎます（最大 {0}）",
                    "too many entries: at most {0}",
                ],
                vec![],
            ),
            Problem::TooDeep(_) => (
                &[
                    "嵌套过深，最多 {0} 层",
                    "入れ子が深すぎます（最大 {0} 段）",
                    "nested too deeply: at most {0} levels",
                ],
                vec![],
            ),
            Problem::UnknownPart(p) => (
                &[
                    "本措施没有部分“{0}”",
                    "この措置に部分「{0}」はありません",
                    "this measure has no part “{0}”",
                ],
                vec![p],
            ),
            Problem::UndatedSource(s) => (
                &[
                    "修订文件“{0}”须注明日期（date）",
                    "改正文書「{0}」には日付（date）が必要です",
                    "the amending document “{0}” needs a date",
                ],
                vec![s],
            ),
            Problem::BeforeDocument(d, doc) => (
                &[
                    "修订生效日 {0} 早于文件日期 {1}",
                    "改正の適用開始日 {0} が文書の日付 {1} より前です",
                    "the amendment is in force from {0}, before its document's date {1}",
                ],
                vec![d, doc],
            ),
            Problem::Overlapping(what, other) => (
                &[
                    "与依“{1}”的修订在同一期间修改同一{0}",
                    "「{1}」による改正と同じ期間に同じ{0}を変更しています",
                    "changes the same {0} on the same days as the amendment by “{1}”",
                ],
                vec![word(what, lang), other],
            ),
            Problem::NothingAmended => (
                &[
                    "修订须修改期限（window）、条件（when）或金额（amount）",
                    "改正は期間（window）・条件（when）・金額（amount）のいずれかを変更する必要があります",
                    "an amendment changes the window, the conditions (when) or the amount",
                ],
                vec![],
            ),
        };
        let number;
        let args = match &self.problem {
            Problem::UnknownChapter(c) => {
                number = c.to_string();
                vec![number.as_str()]
            }
            Problem::TooMany(n) | Problem::TooDeep(n) => {
                number = n.to_string();
                vec![number.as_str()]
            }
            _ => args,
        };
        let body = fill(lang, tpl, &args);
        if self.path.is_empty() {
            body
        } else {
            self.path.clone() + ": " + &body
        }
    }
}

/// In English, with its path; `message` gives it in any language.
impl std::fmt::Display for RulesetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for RulesetError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ruleset_error_is_an_error_in_english_with_its_path() {
        let e = RulesetError {
            path: "measures[3].kind".into(),
            problem: Problem::BadKind("grant".into()),
        };
        assert_eq!(
            e.to_string(),
            "measures[3].kind: unknown measure kind “grant”"
        );
        assert_eq!(e.to_string(), e.message(Lang::En));
        let e: Box<dyn std::error::Error> = Box::new(RulesetError {
            path: String::new(),
            problem: Problem::TooDeep(24),
        });
        assert_eq!(e.to_string(), "nested too deeply: at most 24 levels");
    }
}
