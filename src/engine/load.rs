//! Reading a ruleset document (the compiled JSON, already parsed into a `Value` tree) into a checked
//! `Ruleset`. Every problem is collected with the path where it sits, so an author fixes them all
//! in one pass; a ruleset with any problem is refused as a whole.

use super::date::Date;
use super::limits::{
    AMENDMENTS_PER_PART, CONDITION_DEPTH, FORMULA_DEPTH, LIST_ITEMS, NAMED_ITEMS, PROFILE_FIELDS,
    REF_DEPTH,
};
use super::model::*;
use super::text::{Lang, Text, Texts, Tpl, fill};
use super::value::Value;
use rust_decimal::Decimal;

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
    NotJson(super::json::JsonError),
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

const F_ONE_SHAPE: Tpl = [
    "条件须且只能有 all、any、not、ref、fact、count 之一（现有：{0}）",
    "条件には all・any・not・ref・fact・count のいずれか一つだけが必要です（現在：{0}）",
    "a condition has exactly one of all, any, not, ref, fact, count (found: {0})",
];
const F_EMPTY_GROUP: Tpl = [
    "“{0}”至少需要一个条件",
    "「{0}」には条件が一つ以上必要です",
    "“{0}” needs at least one condition",
];
const F_WHERE: Tpl = [
    "“where”只能与“count”一起使用",
    "「where」は「count」と一緒にのみ使えます",
    "“where” belongs to “count”",
];
const F_YEAR: Tpl = [
    "“{0}”既不是年份也不是 as_of_year±N",
    "「{0}」は年でも as_of_year±N でもありません",
    "“{0}” is neither a year nor as_of_year±N",
];
const F_RELATIVE_DATE: Tpl = [
    "“{0}”不是 as_of±N[ymd] 形式",
    "「{0}」は as_of±N[ymd] の形式ではありません",
    "“{0}” is not as_of±N[ymd]",
];
const F_TIER: Tpl = [
    "每个档次至少需要一个界限",
    "各区分には境界が一つ以上必要です",
    "a tier needs at least one bound",
];
const F_AMOUNT_SHAPE: Tpl = [
    "金额须为“exact”，或“min”加可选的“max”",
    "金額は「exact」、または「min」と任意の「max」で指定します",
    "an amount has either “exact”, or “min” with an optional “max”",
];
const F_MIN_ABOVE_MAX: Tpl = [
    "最低额高于最高额（{0}）",
    "最低額が最高額を上回っています（{0}）",
    "the minimum is above the maximum ({0})",
];
const F_NEGATIVE: Tpl = [
    "金额不能为负数（{0}）",
    "金額は負にできません（{0}）",
    "an amount cannot be negative ({0})",
];
const F_NOT_EXPR: Tpl = [
    "“{0}”既不是数字也不是表达式",
    "「{0}」は数値でも式でもありません",
    "“{0}” is neither a number nor an expression",
];
const F_ONE_OPERATOR: Tpl = [
    "表达式须且只能有 fact、mul、add、min_of、max_of、count 之一（现有：{0}）",
    "式には fact・mul・add・min_of・max_of・count のいずれか一つだけが必要です（現在：{0}）",
    "an expression has exactly one of fact, mul, add, min_of, max_of, count (found: {0})",
];
const F_TWO_TERMS: Tpl = [
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

type Entries<'v> = &'v [(String, Value)];

/// Where the loader is, and everything it has found wrong so far.
struct Loader {
    errors: Vec<RulesetError>,
    derived_ids: Names,
    departments: Names,
    sources: Names,
    sections: Names,
    /// The ruleset's strings: a compiled document's per-language tables, and after them every
    /// text a hand-written document gives in place.
    texts: Texts,
    /// How many of `texts` the document's tables hold (its texts refer to them by index).
    tables: usize,
    /// How deep the condition and the formula being read are nested (bounded by `limits`).
    cond_depth: u32,
    formula_depth: u32,
}

/// The names and types visible to a condition: the profile's facts, or a list item's fields.
struct Scope<'a> {
    facts: &'a [Fact],
    names: Names,
}

impl Scope<'_> {
    fn new(facts: &[Fact]) -> Scope<'_> {
        Scope {
            facts,
            names: Names::new(facts.iter().map(|f| f.id.clone()).collect()),
        }
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.names.position(id)
    }
}

impl Loader {
    /// `read` one level deeper into a tree whose depth `level` counts: past `limit`, an error
    /// instead (evaluating and explaining recurse as deep as the tree, so it is bounded here).
    fn deeper<T>(
        &mut self,
        level: fn(&mut Loader) -> &mut u32,
        limit: u32,
        path: &str,
        read: impl FnOnce(&mut Loader) -> Option<T>,
    ) -> Option<T> {
        if *level(self) >= limit {
            self.err(path, Problem::TooDeep(limit as usize));
            return None;
        }
        *level(self) += 1;
        let out = read(self);
        *level(self) -= 1;
        out
    }

    fn err(&mut self, path: &str, problem: Problem) {
        self.errors.push(RulesetError {
            path: path.to_owned(),
            problem,
        });
    }

    /// An object with exactly these keys allowed.
    fn object<'v>(&mut self, v: &'v Value, path: &str, allowed: &[&str]) -> Option<Entries<'v>> {
        match v {
            Value::Map(entries) => {
                for (k, _) in entries {
                    if !allowed.contains(&k.as_str()) {
                        self.err(path, Problem::UnknownKey(k.clone()));
                    }
                }
                Some(entries)
            }
            other => {
                self.err(
                    path,
                    Problem::WrongType {
                        expected: "object",
                        found: other.kind(),
                    },
                );
                None
            }
        }
    }

    fn req<'v>(&mut self, o: Entries<'v>, key: &str, path: &str) -> Option<&'v Value> {
        let v = get(o, key);
        if v.is_none() {
            self.err(path, Problem::MissingKey(key.to_owned()));
        }
        v
    }

    fn string(&mut self, v: &Value, path: &str) -> Option<String> {
        match v {
            Value::Str(s) => Some(s.clone()),
            other => {
                self.err(
                    path,
                    Problem::WrongType {
                        expected: "string",
                        found: other.kind(),
                    },
                );
                None
            }
        }
    }

    fn req_str(&mut self, o: Entries, key: &str, path: &str) -> String {
        self.req(o, key, path)
            .and_then(|v| self.string(v, &join(path, key)))
            .unwrap_or_default()
    }

    /// An id other parts of the ruleset, profiles and the page refer to: letters, digits, `_` and
    /// `-`, starting with a letter or digit, at most 64. (A page keys its answers by these ids: an
    /// id such as `__proto__` or one with markup or spaces has no business there.)
    fn req_id(&mut self, o: Entries, path: &str) -> String {
        let id = self.req_str(o, "id", path);
        let well_formed = id.len() <= 64
            && id.starts_with(|c: char| c.is_ascii_alphanumeric())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !well_formed && !id.is_empty() {
            self.err(
                &join(path, "id"),
                Problem::BadId(short(&Value::Str(id.clone()))),
            );
        }
        id
    }

    fn opt_str(&mut self, o: Entries, key: &str, path: &str) -> Option<String> {
        get(o, key).and_then(|v| self.string(v, &join(path, key)))
    }

    fn uint(&mut self, v: &Value, path: &str) -> Option<u32> {
        match v {
            Value::Int(i) => u32::try_from(*i).ok().or_else(|| {
                self.err(
                    path,
                    Problem::WrongType {
                        expected: "positive integer",
                        found: "number",
                    },
                );
                None
            }),
            other => {
                self.err(
                    path,
                    Problem::WrongType {
                        expected: "integer",
                        found: other.kind(),
                    },
                );
                None
            }
        }
    }

    fn text(&mut self, v: &Value, path: &str) -> Text {
        // A compiled document keeps its texts in per-language tables and refers to them by index.
        if let Value::Int(i) = v {
            return match usize::try_from(*i) {
                Ok(n) if n < self.tables => Text(u32::try_from(n).unwrap_or(u32::MAX)),
                _ => {
                    self.err(path, Problem::MissingKey(format!("strings[{i}]")));
                    Text::default()
                }
            };
        }
        let Some(o) = self.object(v, path, &["zh", "ja", "en"]) else {
            return Text::default();
        };
        let mut words: [String; 3] = Default::default();
        for (slot, lang) in words.iter_mut().zip(Lang::ALL) {
            *slot = match get(o, lang.code()) {
                Some(v) => self.string(v, &join(path, lang.code())).unwrap_or_default(),
                None => String::new(),
            };
        }
        let t = self.texts.push(words);
        for lang in self.texts.missing(t).collect::<Vec<_>>() {
            self.err(path, Problem::MissingText(lang));
        }
        t
    }

    fn req_text(&mut self, o: Entries, key: &str, path: &str) -> Text {
        match self.req(o, key, path) {
            Some(v) => self.text(v, &join(path, key)),
            None => Text::default(),
        }
    }

    fn opt_text(&mut self, o: Entries, key: &str, path: &str) -> Option<Text> {
        get(o, key).map(|v| self.text(v, &join(path, key)))
    }

    fn date(&mut self, v: &Value, path: &str) -> Option<Date> {
        let s = self.string(v, path)?;
        let d = Date::parse(&s);
        if d.is_none() {
            self.err(path, Problem::BadDate(s));
        }
        d
    }

    fn list<'v>(&mut self, v: &'v Value, path: &str) -> &'v [Value] {
        self.list_of_at_most(v, path, LIST_ITEMS)
    }

    fn list_of_at_most<'v>(&mut self, v: &'v Value, path: &str, max: usize) -> &'v [Value] {
        match v {
            Value::List(items) if items.len() > max => {
                self.err(path, Problem::TooMany(max));
                &[]
            }
            Value::List(items) => items,
            other => {
                self.err(
                    path,
                    Problem::WrongType {
                        expected: "list",
                        found: other.kind(),
                    },
                );
                &[]
            }
        }
    }

    fn opt_list<'v>(&mut self, o: Entries<'v>, key: &str, path: &str) -> &'v [Value] {
        match get(o, key) {
            Some(v) => self.list(v, &join(path, key)),
            None => &[],
        }
    }

    /// Facts, named conditions, measures: each is looked up by name, so fewer of them.
    fn named_list<'v>(&mut self, o: Entries<'v>, key: &str) -> &'v [Value] {
        match get(o, key) {
            Some(v) => self.list_of_at_most(v, key, NAMED_ITEMS),
            None => &[],
        }
    }

    fn source_ref(&mut self, o: Entries, key: &str, path: &str) -> Option<usize> {
        let id = self.opt_str(o, key, path)?;
        let i = self.sources.position(&id);
        if i.is_none() {
            self.err(&join(path, key), Problem::UnknownSource(id));
        }
        i
    }

    /// The names, indexed, with each one given twice named as an error.
    fn names(&mut self, ids: Vec<String>, path: &str) -> Names {
        let names = Names::new(ids);
        for id in names.duplicates() {
            self.err(path, Problem::Duplicate(id.to_owned()));
        }
        names
    }

    fn unique(&mut self, ids: Vec<String>, path: &str) {
        self.names(ids, path);
    }
}

fn get<'v>(o: Entries<'v>, key: &str) -> Option<&'v Value> {
    o.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn index(path: &str, i: impl std::fmt::Display) -> String {
    format!("{path}[{i}]")
}

const RULESET_KEYS: &[&str] = &[
    "strings",
    "id",
    "version",
    "title",
    "document",
    "issuer",
    "issued",
    "source",
    "chapters",
    "sections",
    "departments",
    "sources",
    "facts",
    "size_standard",
    "derived",
    "measures",
];

/// Loads a ruleset document. `hash` identifies the exact bytes it was read from.
pub fn load(doc: &Value, hash: String) -> Result<Ruleset, Vec<RulesetError>> {
    let mut l = Loader {
        errors: Vec::new(),
        derived_ids: Names::default(),
        departments: Names::default(),
        sources: Names::default(),
        sections: Names::default(),
        texts: Texts::default(),
        tables: 0,
        cond_depth: 0,
        formula_depth: 0,
    };
    let Value::Map(o) = doc else {
        return Err(vec![RulesetError {
            path: String::new(),
            problem: Problem::NotADocument(format!("a {} instead of an object", doc.kind())),
        }]);
    };
    for (k, _) in o {
        if !RULESET_KEYS.contains(&k.as_str()) {
            l.err("", Problem::UnknownKey(k.clone()));
        }
    }
    let o: Entries = o;
    if let Some(tables) = get(o, "strings") {
        let [zh, ja, en] = load_strings(&mut l, tables);
        l.tables = zh.len();
        for (lang, table) in Lang::ALL.into_iter().zip([zh, ja, en]) {
            l.texts.set(lang, 0, table);
        }
    }
    let id = l.req_str(o, "id", "");
    let version = l.req_str(o, "version", "");
    let title = l.req_text(o, "title", "");
    let document = l.req_text(o, "document", "");
    let issuer = l.req_text(o, "issuer", "");
    let source = l.req_text(o, "source", "");
    let issued = l.req(o, "issued", "").and_then(|v| l.date(v, "issued"));

    let chapters = load_chapters(&mut l, o);
    let sections = load_sections(&mut l, o);
    let departments = load_departments(&mut l, o);
    let sources = load_sources(&mut l, o);

    // Facts first, with their types, so conditions anywhere can be checked against them. Their
    // `ask_if` conditions need the fact table itself, so they are read in a second pass.
    let fact_values = l.named_list(o, "facts");
    let mut facts: Vec<Fact> = fact_values
        .iter()
        .enumerate()
        .map(|(i, v)| load_fact(&mut l, v, &index("facts", i), true))
        .collect();
    let fact_names = l.names(facts.iter().map(|f| f.id.clone()).collect(), "facts");

    // Derived names are known before any condition is read, so order in the file does not matter.
    let derived_values = l.named_list(o, "derived");
    let derived_ids = derived_values
        .iter()
        .map(|v| {
            v.get("id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    l.derived_ids = l.names(derived_ids, "derived");

    for (i, v) in fact_values.iter().enumerate() {
        if let Some(cond) = v.get("ask_if") {
            let path = format!("facts[{}].ask_if", facts[i].id);
            let scope = Scope::new(&facts);
            let c = load_cond(&mut l, cond, &path, &scope);
            facts[i].ask_if = c;
        }
    }

    let scope = Scope::new(&facts);
    let size_standard = get(o, "size_standard").and_then(|v| load_size(&mut l, v, &scope));
    // Only the size standard computes a fact: any other marked computed would stay unknown for
    // ever, and the measures that need it could never be decided.
    for (i, f) in facts.iter().enumerate() {
        if f.computed && size_standard.as_ref().is_none_or(|s| s.class_fact != i) {
            l.err(&format!("facts[{}].computed", f.id), Problem::NotComputed);
        }
    }
    let derived: Vec<Derived> = derived_values
        .iter()
        .enumerate()
        .map(|(i, v)| load_derived(&mut l, v, &index("derived", i), &scope))
        .collect();
    check_derived_refs(&mut l, &derived);

    let measure_values = l.named_list(o, "measures");
    let measures: Vec<Measure> = measure_values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| load_measure(&mut l, v, i, &scope, &chapters, &sources))
        .collect();
    let measure_ids: Vec<String> = measures.iter().map(|m| m.id.to_string()).collect();
    l.unique(measure_ids, "measures");

    if !l.errors.is_empty() {
        return Err(l.errors);
    }
    let Some(issued) = issued else {
        return Err(vec![RulesetError {
            path: "issued".into(),
            problem: Problem::MissingKey("issued".into()),
        }]);
    };
    Ok(Ruleset {
        fact_names,
        id,
        version,
        hash,
        title,
        document,
        issuer,
        issued,
        source,
        chapters,
        sections,
        departments,
        sources,
        facts,
        size_standard,
        derived,
        measures,
        texts: l.texts,
    })
}

fn load_strings(l: &mut Loader, v: &Value) -> [Vec<String>; 3] {
    let mut out: [Vec<String>; 3] = Default::default();
    let Some(o) = l.object(v, "strings", &["zh", "ja", "en"]) else {
        return out;
    };
    for (slot, lang) in out.iter_mut().zip(Lang::ALL) {
        let path = join("strings", lang.code());
        let items = match get(o, lang.code()) {
            Some(v) => l.list(v, &path),
            None => &[],
        };
        *slot = items
            .iter()
            .map(|x| l.string(x, &path).unwrap_or_default())
            .collect();
    }
    if out[0].len() != out[1].len() || out[0].len() != out[2].len() {
        l.err(
            "strings",
            Problem::MissingKey("zh/ja/en of equal length".into()),
        );
    }
    out
}

fn load_chapters(l: &mut Loader, o: Entries) -> Vec<Chapter> {
    let items = l.opt_list(o, "chapters", "");
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let path = index("chapters", i);
        let Some(c) = l.object(v, &path, &["id", "title"]) else {
            continue;
        };
        let id = l
            .req(c, "id", &path)
            .and_then(|v| l.uint(v, &join(&path, "id")))
            .unwrap_or(0);
        let title = l.req_text(c, "title", &path);
        out.push(Chapter { id, title });
    }
    let ids: Vec<String> = out.iter().map(|c| c.id.to_string()).collect();
    l.unique(ids, "chapters");
    out
}

fn load_sections(l: &mut Loader, o: Entries) -> Vec<Section> {
    let items = l.opt_list(o, "sections", "");
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let path = index("sections", i);
        let Some(c) = l.object(v, &path, &["id", "title"]) else {
            continue;
        };
        let id = l.req_id(c, &path);
        let title = l.req_text(c, "title", &path);
        out.push(Section { id, title });
    }
    l.sections = l.names(out.iter().map(|s| s.id.clone()).collect(), "sections");
    out
}

fn load_departments(l: &mut Loader, o: Entries) -> Vec<Department> {
    let items = l.opt_list(o, "departments", "");
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let path = index("departments", i);
        let Some(c) = l.object(v, &path, &["id", "name"]) else {
            continue;
        };
        let id = l.req_id(c, &path);
        let name = l.req_text(c, "name", &path);
        out.push(Department { id, name });
    }
    l.departments = l.names(out.iter().map(|d| d.id.clone()).collect(), "departments");
    out
}

fn load_sources(l: &mut Loader, o: Entries) -> Vec<Source> {
    let items = l.opt_list(o, "sources", "");
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let path = index("sources", i);
        let Some(c) = l.object(v, &path, &["id", "title", "evidence", "url", "date"]) else {
            continue;
        };
        let id = l.req_id(c, &path);
        let title = l.req_text(c, "title", &path);
        let evidence = l.req_str(c, "evidence", &path);
        if !matches!(evidence.as_str(), "cited" | "verify" | "official") {
            l.err(
                &join(&path, "evidence"),
                Problem::WrongType {
                    expected: "cited, verify or official",
                    found: "string",
                },
            );
        }
        let url = l.opt_str(c, "url", &path);
        let date = get(c, "date").and_then(|d| l.date(d, &join(&path, "date")));
        out.push(Source {
            id,
            title,
            evidence,
            url,
            date,
        });
    }
    l.sources = l.names(out.iter().map(|s| s.id.clone()).collect(), "sources");
    out
}

const FACT_KEYS: &[&str] = &[
    "id",
    "type",
    "section",
    "label",
    "help",
    "unit",
    "min",
    "max",
    "values",
    "fields",
    "max_items",
    "ask_if",
    "source",
    "computed",
];

fn load_fact(l: &mut Loader, v: &Value, path: &str, top_level: bool) -> Fact {
    let blank = || Fact {
        id: String::new(),
        kind: FactKind::Bool,
        section: String::new(),
        label: Text::default(),
        help: None,
        unit: None,
        ask_if: None,
        source: None,
        computed: false,
    };
    let Some(o) = l.object(v, path, FACT_KEYS) else {
        return blank();
    };
    let id = l.req_id(o, path);
    let path = &if id.is_empty() {
        path.to_owned()
    } else {
        format!("{path}({id})")
    };
    let type_name = l.req_str(o, "type", path);
    let label = l.req_text(o, "label", path);
    let help = l.opt_text(o, "help", path);
    let unit = l.opt_text(o, "unit", path);
    let source = l.source_ref(o, "source", path);
    let computed = matches!(get(o, "computed"), Some(Value::Bool(true)));
    let section = if top_level && !computed {
        let s = l.req_str(o, "section", path);
        if !s.is_empty() && l.sections.position(&s).is_none() {
            l.err(&join(path, "section"), Problem::UnknownSection(s.clone()));
        }
        s
    } else {
        String::new()
    };
    let min = get(o, "min");
    let max = get(o, "max");
    let kind = match type_name.as_str() {
        "bool" => FactKind::Bool,
        "int" => {
            let lo = bound_int(l, min, path, "min").unwrap_or(0);
            let hi = bound_int(l, max, path, "max").unwrap_or(i64::from(i32::MAX));
            answerable(l, path, lo, hi);
            FactKind::Int { min: lo, max: hi }
        }
        "year" => {
            let lo = bound_int(l, min, path, "min").unwrap_or(1900);
            let hi = bound_int(l, max, path, "max").unwrap_or(2100);
            answerable(l, path, lo, hi);
            let mut to_year = |x: i64, key: &str| {
                i32::try_from(x).unwrap_or_else(|_| {
                    l.err(&join(path, key), Problem::BadDate(x.to_string()));
                    0
                })
            };
            FactKind::Year {
                min: to_year(lo, "min"),
                max: to_year(hi, "max"),
            }
        }
        "money" => {
            let lo = bound_dec(l, min, path, "min").unwrap_or(Decimal::ZERO);
            // A trillion yuan: beyond any SME and far inside Decimal's range, so sums cannot overflow.
            let hi = bound_dec(l, max, path, "max").unwrap_or(Decimal::from(1_000_000_000_000_i64));
            answerable(l, path, lo, hi);
            FactKind::Money { min: lo, max: hi }
        }
        "date" => {
            let lo = min.and_then(|v| l.date(v, &join(path, "min")));
            let hi = max.and_then(|v| l.date(v, &join(path, "max")));
            FactKind::Date {
                min: lo.unwrap_or(Date::lit(1950, 1, 1)),
                max: hi.unwrap_or(Date::lit(2100, 12, 31)),
            }
        }
        "enum" => {
            let items = l.opt_list(o, "values", path);
            let mut choices = Vec::new();
            for (i, c) in items.iter().enumerate() {
                let cp = index(&join(path, "values"), i);
                let Some(co) = l.object(c, &cp, &["id", "label"]) else {
                    continue;
                };
                let id = l.req_id(co, &cp);
                let label = l.req_text(co, "label", &cp);
                choices.push(Choice { id, label });
            }
            if choices.is_empty() {
                l.err(path, Problem::MissingKey("values".into()));
            }
            if choices.len() > usize::from(u16::MAX) {
                l.err(path, Problem::BadType("enum with too many values".into()));
            }
            let ids: Vec<String> = choices.iter().map(|c| c.id.clone()).collect();
            l.unique(ids, &join(path, "values"));
            FactKind::Enum(choices)
        }
        "list" if top_level => {
            let items = l.opt_list(o, "fields", path);
            let fields: Vec<Fact> = items
                .iter()
                .enumerate()
                .map(|(i, f)| load_fact(l, f, &index(&join(path, "fields"), i), false))
                .collect();
            let ids: Vec<String> = fields.iter().map(|f| f.id.clone()).collect();
            l.unique(ids, &join(path, "fields"));
            // A profile holds at most PROFILE_FIELDS entries of anything, lists included.
            let max_items = match get(o, "max_items") {
                Some(v) => l.uint(v, &join(path, "max_items")).unwrap_or(0) as usize,
                None => PROFILE_FIELDS,
            };
            if max_items > PROFILE_FIELDS {
                l.err(&join(path, "max_items"), Problem::TooMany(PROFILE_FIELDS));
            }
            FactKind::List { fields, max_items }
        }
        other => {
            if !other.is_empty() {
                l.err(&join(path, "type"), Problem::BadType(other.to_owned()));
            }
            FactKind::Bool
        }
    };
    Fact {
        id,
        kind,
        section,
        label,
        help,
        unit,
        ask_if: None,
        source,
        computed,
    }
}

/// Bounds that leave no valid answer make a question nobody can answer.
fn answerable<T: PartialOrd + std::fmt::Display>(l: &mut Loader, path: &str, min: T, max: T) {
    if min > max {
        l.err(
            path,
            Problem::BadFormula(&F_MIN_ABOVE_MAX, format!("{min} > {max}")),
        );
    }
}

fn bound_int(l: &mut Loader, v: Option<&Value>, path: &str, key: &str) -> Option<i64> {
    match v? {
        Value::Int(i) => Some(*i),
        other => {
            l.err(
                &join(path, key),
                Problem::WrongType {
                    expected: "integer",
                    found: other.kind(),
                },
            );
            None
        }
    }
}

fn bound_dec(l: &mut Loader, v: Option<&Value>, path: &str, key: &str) -> Option<Decimal> {
    let v = v?;
    let d = v.as_decimal();
    if d.is_none() {
        l.err(
            &join(path, key),
            Problem::WrongType {
                expected: "decimal",
                found: v.kind(),
            },
        );
    }
    d
}

const COND_KEYS: &[&str] = &[
    "all", "any", "not", "ref", "fact", "count", "where", "op", "value", "label", "cite", "source",
];

fn load_cond(l: &mut Loader, v: &Value, path: &str, scope: &Scope) -> Option<Cond> {
    l.deeper(
        |l| &mut l.cond_depth,
        CONDITION_DEPTH,
        path,
        |l| load_cond_within(l, v, path, scope),
    )
}

fn load_cond_within(l: &mut Loader, v: &Value, path: &str, scope: &Scope) -> Option<Cond> {
    let o = l.object(v, path, COND_KEYS)?;
    let shapes = ["all", "any", "not", "ref", "fact", "count"];
    let present: Vec<&str> = shapes
        .iter()
        .copied()
        .filter(|k| get(o, k).is_some())
        .collect();
    if present.len() != 1 {
        l.err(path, Problem::BadFormula(&F_ONE_SHAPE, present.join(", ")));
        return None;
    }
    match present[0] {
        "all" | "any" => {
            let key = present[0];
            let kids = load_filter(l, get(o, key), &join(path, key), scope);
            if kids.is_empty() {
                l.err(path, Problem::BadFormula(&F_EMPTY_GROUP, key.to_owned()));
            }
            Some(if key == "all" {
                Cond::All(kids)
            } else {
                Cond::Any(kids)
            })
        }
        "not" => {
            load_cond(l, get(o, "not")?, &join(path, "not"), scope).map(|c| Cond::Not(Box::new(c)))
        }
        "ref" => {
            // A reference is only a name: words or a label belong to the named condition itself.
            for (k, _) in o.iter().filter(|(k, _)| k != "ref") {
                l.err(path, Problem::UnknownKey(k.clone()));
            }
            let name = l.string(get(o, "ref")?, &join(path, "ref"))?;
            match l.derived_ids.position(&name) {
                Some(i) => Some(Cond::Derived(i)),
                None => {
                    l.err(path, Problem::UnknownRef(name));
                    None
                }
            }
        }
        _ => load_leaf(l, o, path, scope).map(|leaf| Cond::Leaf(Box::new(leaf))),
    }
}

fn load_leaf(l: &mut Loader, o: Entries, path: &str, scope: &Scope) -> Option<Leaf> {
    let label = l.opt_text(o, "label", path);
    let cite = l.opt_text(o, "cite", path);
    let source = l.source_ref(o, "source", path);
    let op_name = l.opt_str(o, "op", path);
    let value = get(o, "value");

    let (subject, fact_name, kind): (Subject, String, KindView) =
        if let Some(count) = get(o, "count") {
            let list_name = l.string(count, &join(path, "count"))?;
            let Some(list) = scope.position(&list_name) else {
                l.err(path, Problem::UnknownFact(list_name));
                return None;
            };
            let FactKind::List { fields, .. } = &scope.facts[list].kind else {
                l.err(
                    path,
                    Problem::TypeMismatch {
                        fact: list_name,
                        expected: "a list fact",
                    },
                );
                return None;
            };
            let item_scope = Scope::new(fields);
            let filter = load_filter(l, get(o, "where"), &join(path, "where"), &item_scope);
            (Subject::Count { list, filter }, list_name, KindView::Count)
        } else {
            if get(o, "where").is_some() {
                l.err(path, Problem::BadFormula(&F_WHERE, String::new()));
            }
            let name = l.string(get(o, "fact")?, &join(path, "fact"))?;
            let Some(i) = scope.position(&name) else {
                l.err(path, Problem::UnknownFact(name));
                return None;
            };
            (Subject::Fact(i), name, KindView::of(&scope.facts[i].kind))
        };

    // A bare boolean fact means "is true".
    let op = match op_name.as_deref() {
        None if kind == KindView::Bool && value.is_none() => Op::Eq,
        None => {
            l.err(path, Problem::MissingKey("op".into()));
            return None;
        }
        Some(name) => match Op::parse(name) {
            Some(op) => op,
            None => {
                l.err(
                    path,
                    Problem::BadOp {
                        op: name.to_owned(),
                        fact_type: kind.name(),
                    },
                );
                return None;
            }
        },
    };
    if !kind.allows(op) {
        l.err(
            path,
            Problem::BadOp {
                op: op.symbol().to_owned(),
                fact_type: kind.name(),
            },
        );
        return None;
    }
    let vpath = join(path, "value");
    let operand = match (kind, value) {
        (KindView::Bool, None) => Operand::Bool(true),
        (_, None) => {
            l.err(path, Problem::MissingKey("value".into()));
            return None;
        }
        (_, Some(v)) => load_operand(l, v, &vpath, op, kind, &fact_name, scope, &subject)?,
    };
    let numeric = matches!(operand, Operand::Number(_) | Operand::NumberRange(..));
    if numeric && cite.is_none() && source.is_none() {
        l.err(path, Problem::Unsourced);
    }
    Some(Leaf {
        subject,
        op,
        operand,
        label,
        cite,
        source,
    })
}

fn load_filter(l: &mut Loader, v: Option<&Value>, path: &str, scope: &Scope) -> Vec<Cond> {
    let Some(v) = v else { return Vec::new() };
    let mut out = Vec::new();
    for (i, c) in l.list(v, path).iter().enumerate() {
        if let Some(cond) = load_cond(l, c, &index(path, i), scope) {
            out.push(cond);
        }
    }
    out
}

/// The type of what a condition compares, as far as operators and operands care.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KindView {
    Bool,
    Number,
    Money,
    Year,
    Date,
    Enum,
    List,
    Count,
}

impl KindView {
    fn of(k: &FactKind) -> KindView {
        match k {
            FactKind::Bool => KindView::Bool,
            FactKind::Int { .. } => KindView::Number,
            FactKind::Money { .. } => KindView::Money,
            FactKind::Year { .. } => KindView::Year,
            FactKind::Date { .. } => KindView::Date,
            FactKind::Enum(_) => KindView::Enum,
            FactKind::List { .. } => KindView::List,
        }
    }
    fn name(self) -> &'static str {
        match self {
            KindView::Bool => "bool",
            KindView::Number => "int",
            KindView::Money => "money",
            KindView::Year => "year",
            KindView::Date => "date",
            KindView::Enum => "enum",
            KindView::List => "list",
            KindView::Count => "count",
        }
    }
    fn allows(self, op: Op) -> bool {
        match self {
            KindView::Bool => matches!(op, Op::Eq | Op::Ne),
            KindView::Enum => matches!(op, Op::Eq | Op::Ne | Op::In | Op::NotIn),
            KindView::List => false,
            KindView::Number
            | KindView::Money
            | KindView::Year
            | KindView::Date
            | KindView::Count => !matches!(op, Op::In | Op::NotIn),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn load_operand(
    l: &mut Loader,
    v: &Value,
    path: &str,
    op: Op,
    kind: KindView,
    fact: &str,
    scope: &Scope,
    subject: &Subject,
) -> Option<Operand> {
    let mismatch = |l: &mut Loader, expected: &'static str| {
        l.err(
            path,
            Problem::TypeMismatch {
                fact: fact.to_owned(),
                expected,
            },
        );
        None
    };
    if op == Op::Between {
        let pair = match v {
            Value::List(items) if items.len() == 2 => items,
            _ => return mismatch(l, "a list of two bounds [from, to]"),
        };
        let lo = load_operand(
            l,
            &pair[0],
            &index(path, 0),
            Op::Ge,
            kind,
            fact,
            scope,
            subject,
        )?;
        let hi = load_operand(
            l,
            &pair[1],
            &index(path, 1),
            Op::Le,
            kind,
            fact,
            scope,
            subject,
        )?;
        return match (lo, hi) {
            (Operand::Number(a), Operand::Number(b)) => Some(Operand::NumberRange(a, b)),
            (Operand::Date(a), Operand::Date(b)) => Some(Operand::DateRange(a, b)),
            (Operand::Year(a), Operand::Year(b)) => Some(Operand::YearRange(a, b)),
            _ => mismatch(l, "two bounds of the same type"),
        };
    }
    match kind {
        KindView::Bool => match v {
            Value::Bool(b) => Some(Operand::Bool(*b)),
            _ => mismatch(l, "true or false"),
        },
        KindView::Number | KindView::Money | KindView::Count => match v.as_decimal() {
            Some(d) if kind != KindView::Money && !super::format::is_whole(d) => {
                mismatch(l, "a whole number")
            }
            Some(d) => Some(Operand::Number(d)),
            None => mismatch(l, "a number"),
        },
        KindView::Year => match v {
            // A year no calendar holds is an error, not a condition quietly left out.
            Value::Int(y) => match i32::try_from(*y) {
                Ok(y) => Some(Operand::Year(YearExpr::Fixed(y))),
                Err(_) => mismatch(l, "a year"),
            },
            Value::Str(s) => match parse_as_of_year(s) {
                Some(y) => Some(Operand::Year(y)),
                None => {
                    l.err(path, Problem::BadFormula(&F_YEAR, s.clone()));
                    None
                }
            },
            _ => mismatch(l, "a year"),
        },
        KindView::Date => {
            let Value::Str(s) = v else {
                return mismatch(l, "a date");
            };
            if s.starts_with("as_of") {
                match parse_as_of(s) {
                    Some(d) => Some(Operand::Date(d)),
                    None => {
                        l.err(path, Problem::BadFormula(&F_RELATIVE_DATE, s.clone()));
                        None
                    }
                }
            } else {
                match Date::parse(s) {
                    Some(d) => Some(Operand::Date(DateExpr::Fixed(d))),
                    None => {
                        l.err(path, Problem::BadDate(s.clone()));
                        None
                    }
                }
            }
        }
        KindView::Enum => {
            let Subject::Fact(i) = subject else {
                return mismatch(l, "a choice");
            };
            let FactKind::Enum(choices) = &scope.facts[*i].kind else {
                return mismatch(l, "a choice");
            };
            let names: Vec<&Value> = match (op, v) {
                (Op::In | Op::NotIn, Value::List(items)) => items.iter().collect(),
                (Op::In | Op::NotIn, _) => return mismatch(l, "a list of choices"),
                (_, other) => vec![other],
            };
            let mut idx = Vec::new();
            for n in names {
                let Value::Str(name) = n else {
                    return mismatch(l, "a choice id");
                };
                match choices.iter().position(|c| c.id == *name) {
                    Some(p) => idx.push(u16::try_from(p).unwrap_or(u16::MAX)),
                    None => l.err(
                        path,
                        Problem::UnknownChoice {
                            fact: fact.to_owned(),
                            value: name.clone(),
                        },
                    ),
                }
            }
            Some(Operand::Choices(idx))
        }
        KindView::List => mismatch(l, "a count"),
    }
}

/// `as_of`, `as_of-3y`, `as_of+1d`, `as_of-6m`: a date relative to the evaluation's as-of date.
pub fn parse_as_of(s: &str) -> Option<DateExpr> {
    let rest = s.strip_prefix("as_of")?;
    if rest.is_empty() {
        return Some(DateExpr::AsOf {
            years: 0,
            months: 0,
            days: 0,
        });
    }
    let (sign, rest) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let unit = rest.chars().last()?;
    let digits = &rest[..rest.len() - unit.len_utf8()];
    if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i32 = digits.parse().ok()?;
    let n = sign * n;
    match unit {
        'y' => Some(DateExpr::AsOf {
            years: n,
            months: 0,
            days: 0,
        }),
        'm' => Some(DateExpr::AsOf {
            years: 0,
            months: n,
            days: 0,
        }),
        'd' => Some(DateExpr::AsOf {
            years: 0,
            months: 0,
            days: n,
        }),
        _ => None,
    }
}

/// `as_of_year`, `as_of_year-1`: a year relative to the as-of date's year.
pub fn parse_as_of_year(s: &str) -> Option<YearExpr> {
    let rest = s.strip_prefix("as_of_year")?;
    if rest.is_empty() {
        return Some(YearExpr::AsOfYear(0));
    }
    let (sign, digits) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits
        .parse::<i32>()
        .ok()
        .map(|n| YearExpr::AsOfYear(sign * n))
}

fn load_derived(l: &mut Loader, v: &Value, path: &str, scope: &Scope) -> Derived {
    let blank = Derived {
        id: String::new(),
        label: Text::default(),
        when: Cond::All(Vec::new()),
    };
    let Some(o) = l.object(v, path, &["id", "label", "when"]) else {
        return blank;
    };
    let id = l.req_id(o, path);
    let path = &format!("derived[{id}]");
    let label = l.req_text(o, "label", path);
    let when = l
        .req(o, "when", path)
        .and_then(|w| load_cond(l, w, &join(path, "when"), scope))
        .unwrap_or(Cond::All(Vec::new()));
    Derived { id, label, when }
}

/// Named conditions may refer to each other, but never in a circle, and never in a chain longer
/// than `REF_DEPTH` (evaluation recurses along it). One depth-first walk over all references,
/// without recursion and in time linear in their number: a hostile document may hold many.
fn check_derived_refs(l: &mut Loader, derived: &[Derived]) {
    let refs: Vec<Vec<usize>> = derived
        .iter()
        .map(|d| {
            let mut out = Vec::new();
            cond_refs(&d.when, &mut out);
            out.retain(|i| *i < derived.len());
            out
        })
        .collect();
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; derived.len()];
    // The longest chain of references from each, known once it is DONE.
    let mut depth = vec![0usize; derived.len()];
    let mut circular = vec![false; derived.len()];
    let mut circles = 0;
    // The path being walked: each node with the index of its next reference to follow.
    let mut path: Vec<(usize, usize)> = Vec::new();
    for start in 0..derived.len() {
        if state[start] != NEW {
            continue;
        }
        state[start] = ON_PATH;
        path.push((start, 0));
        while let Some((i, next)) = path.last_mut() {
            let i = *i;
            let Some(&j) = refs[i].get(*next) else {
                depth[i] = 1 + refs[i].iter().map(|j| depth[*j]).max().unwrap_or(0);
                state[i] = DONE;
                path.pop();
                continue;
            };
            *next += 1;
            match state[j] {
                NEW => {
                    state[j] = ON_PATH;
                    path.push((j, 0));
                }
                // Back to a node on the path: every node from there on is in the circle. Naming
                // the first few is enough to refuse the document.
                ON_PATH if circles < 8 => {
                    circles += 1;
                    let from = path.iter().position(|(k, _)| *k == j).unwrap_or(0);
                    path[from..].iter().for_each(|(k, _)| circular[*k] = true);
                }
                _ => {}
            }
        }
    }
    for (i, d) in derived.iter().enumerate() {
        let at = format!("derived[{}]", d.id);
        if circular[i] {
            l.err(&at, Problem::CircularRef(d.id.clone()));
        } else if circles == 0 && depth[i] > REF_DEPTH {
            l.err(&at, Problem::TooDeep(REF_DEPTH));
        }
    }
}

/// The named conditions a condition refers to directly.
fn cond_refs(c: &Cond, out: &mut Vec<usize>) {
    match c {
        Cond::All(k) | Cond::Any(k) => k.iter().for_each(|c| cond_refs(c, out)),
        Cond::Not(c) => cond_refs(c, out),
        Cond::Derived(i) => out.push(*i),
        Cond::Leaf(leaf) => {
            if let Subject::Count { filter, .. } = &leaf.subject {
                filter.iter().for_each(|c| cond_refs(c, out));
            }
        }
    }
}

fn load_size(l: &mut Loader, v: &Value, scope: &Scope) -> Option<SizeStandard> {
    let path = "size_standard";
    let o = l.object(
        v,
        path,
        &[
            "id",
            "title",
            "source",
            "industry_fact",
            "class_fact",
            "groups",
            "declared",
        ],
    )?;
    let id = l.req_id(o, path);
    let title = l.req_text(o, "title", path);
    let source = l.source_ref(o, "source", path);
    if source.is_none() && get(o, "source").is_none() {
        l.err(path, Problem::MissingKey("source".into()));
    }
    let industry_name = l.req_str(o, "industry_fact", path);
    let class_name = l.req_str(o, "class_fact", path);
    let industry_fact = scope.position(&industry_name);
    let class_fact = scope.position(&class_name);
    let choices = match industry_fact.map(|i| &scope.facts[i].kind) {
        Some(FactKind::Enum(c)) => c,
        _ => {
            l.err(
                &join(path, "industry_fact"),
                Problem::TypeMismatch {
                    fact: industry_name,
                    expected: "an enum fact",
                },
            );
            return None;
        }
    };
    match class_fact.map(|i| (&scope.facts[i].kind, scope.facts[i].computed)) {
        Some((FactKind::Enum(c), true))
            if c.len() == SIZE_CLASSES.len()
                && c.iter().zip(SIZE_CLASSES).all(|(c, s)| c.id == s) => {}
        _ => {
            l.err(
                &join(path, "class_fact"),
                Problem::TypeMismatch {
                    fact: class_name,
                    expected: "a computed enum fact with values large, medium, small, micro",
                },
            );
            return None;
        }
    }
    let mut groups = Vec::new();
    let mut covered = vec![false; choices.len()];
    // The industries of a group or of a declared class: each a choice of the industry fact, and
    // each covered once, by one group or one declared class.
    let mut industries_of = |l: &mut Loader, o: Entries, p: &str| -> Vec<u16> {
        let names: Vec<String> = match get(o, "industry") {
            Some(Value::Str(s)) => vec![s.clone()],
            Some(Value::List(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => {
                l.err(p, Problem::MissingKey("industry".into()));
                Vec::new()
            }
        };
        let mut industries = Vec::new();
        for n in names {
            match choices.iter().position(|c| c.id == n) {
                Some(i) => {
                    if covered[i] {
                        l.err(p, Problem::Duplicate(n.clone()));
                    }
                    covered[i] = true;
                    industries.push(u16::try_from(i).unwrap_or(u16::MAX));
                }
                None => l.err(
                    p,
                    Problem::UnknownChoice {
                        fact: industry_name.clone(),
                        value: n,
                    },
                ),
            }
        }
        industries
    };
    for (gi, g) in l.opt_list(o, "groups", path).iter().enumerate() {
        let gp = index(&join(path, "groups"), gi);
        let Some(go) = l.object(g, &gp, &["industry", "sme_below", "medium", "small"]) else {
            continue;
        };
        let industries = industries_of(l, go, &gp);
        let mut bounds = |key: &str| -> Vec<(usize, Decimal)> {
            let bp = join(&gp, key);
            // The keys of a tier are fact names, checked one by one below.
            let b: Entries = match l.req(go, key, &gp) {
                Some(Value::Map(b)) => b,
                Some(other) => {
                    l.err(
                        &bp,
                        Problem::WrongType {
                            expected: "object",
                            found: other.kind(),
                        },
                    );
                    return Vec::new();
                }
                None => return Vec::new(),
            };
            let mut out = Vec::new();
            for (fname, fv) in b {
                let fi = scope.position(fname);
                match (fi.map(|i| &scope.facts[i].kind), fv.as_decimal()) {
                    (None, _) => l.err(&bp, Problem::UnknownFact(fname.clone())),
                    (Some(FactKind::Int { .. } | FactKind::Money { .. }), Some(d)) => {
                        out.push((fi.unwrap_or(0), d));
                    }
                    (Some(_), Some(_)) => l.err(
                        &bp,
                        Problem::TypeMismatch {
                            fact: fname.clone(),
                            expected: "an int or money fact",
                        },
                    ),
                    (Some(_), None) => l.err(
                        &bp,
                        Problem::TypeMismatch {
                            fact: fname.clone(),
                            expected: "a number",
                        },
                    ),
                }
            }
            if out.is_empty() {
                l.err(&bp, Problem::BadFormula(&F_TIER, String::new()));
            }
            out
        };
        let sme_below = bounds("sme_below");
        let medium = bounds("medium");
        let small = bounds("small");
        groups.push(SizeGroup {
            industries,
            sme_below,
            medium,
            small,
        });
    }
    // Industries the standard does not size: the enterprise declares the class, by a fact with the
    // same four classes (a computed one would be the standard's own, and never answered).
    let mut declared = Vec::new();
    for (di, d) in l.opt_list(o, "declared", path).iter().enumerate() {
        let dp = index(&join(path, "declared"), di);
        let Some(dobj) = l.object(d, &dp, &["industry", "fact"]) else {
            continue;
        };
        let industries = industries_of(l, dobj, &dp);
        let fact_name = l.req_str(dobj, "fact", &dp);
        if fact_name.is_empty() {
            continue;
        }
        let Some(fact) = scope.position(&fact_name) else {
            l.err(&join(&dp, "fact"), Problem::UnknownFact(fact_name));
            continue;
        };
        match (&scope.facts[fact].kind, scope.facts[fact].computed) {
            (FactKind::Enum(c), false)
                if c.len() == SIZE_CLASSES.len()
                    && c.iter().zip(SIZE_CLASSES).all(|(c, s)| c.id == s) =>
            {
                declared.push(DeclaredClass { industries, fact });
            }
            _ => l.err(
                &join(&dp, "fact"),
                Problem::TypeMismatch {
                    fact: fact_name,
                    expected: "an enum fact with values large, medium, small, micro, answered by the enterprise",
                },
            ),
        }
    }
    for (i, c) in covered.iter().enumerate() {
        if !c {
            l.err(
                path,
                Problem::MissingKey(format!("groups or declared for industry {}", choices[i].id)),
            );
        }
    }
    Some(SizeStandard {
        id,
        title,
        source: source.unwrap_or(0),
        industry_fact: industry_fact.unwrap_or(0),
        class_fact: class_fact.unwrap_or(0),
        groups,
        declared,
    })
}

const MEASURE_KEYS: &[&str] = &[
    "id",
    "chapter",
    "kind",
    "kind_reason",
    "title",
    "text",
    "text_note",
    "departments",
    "sources",
    "note",
    "window",
    "parts",
    "amendments",
];
const PART_KEYS: &[&str] = &["id", "title", "window", "when", "amount", "note"];

fn load_measure(
    l: &mut Loader,
    v: &Value,
    i: usize,
    scope: &Scope,
    chapters: &[Chapter],
    sources_known: &[Source],
) -> Option<Measure> {
    let path = index("measures", i);
    let o = l.object(v, &path, MEASURE_KEYS)?;
    let id = l
        .req(o, "id", &path)
        .and_then(|v| l.uint(v, &join(&path, "id")))
        .unwrap_or(0);
    let path = format!("measures[{id}]");
    let chapter = l
        .req(o, "chapter", &path)
        .and_then(|v| l.uint(v, &join(&path, "chapter")))
        .unwrap_or(0);
    if !chapters.iter().any(|c| c.id == chapter) {
        l.err(&join(&path, "chapter"), Problem::UnknownChapter(chapter));
    }
    let kind_name = l.req_str(o, "kind", &path);
    let kind = Kind::parse(&kind_name).unwrap_or_else(|| {
        l.err(&join(&path, "kind"), Problem::BadKind(kind_name.clone()));
        Kind::Support
    });
    let kind_reason = l.opt_text(o, "kind_reason", &path);
    let title = l.req_text(o, "title", &path);
    let text = l.req_text(o, "text", &path);
    let text_note = l.opt_text(o, "text_note", &path);
    let note = l.opt_text(o, "note", &path);
    let mut departments = Vec::new();
    for d in l.opt_list(o, "departments", &path) {
        let Some(name) = l.string(d, &join(&path, "departments")) else {
            continue;
        };
        match l.departments.position(&name) {
            Some(p) => departments.push(p),
            None => l.err(
                &join(&path, "departments"),
                Problem::UnknownDepartment(name),
            ),
        }
    }
    let mut sources = Vec::new();
    for s in l.opt_list(o, "sources", &path) {
        let Some(name) = l.string(s, &join(&path, "sources")) else {
            continue;
        };
        match l.sources.position(&name) {
            Some(p) => sources.push(p),
            None => l.err(&join(&path, "sources"), Problem::UnknownSource(name)),
        }
    }
    let default_window = get(o, "window");
    let mut parts = Vec::new();
    for (pi, pv) in l.opt_list(o, "parts", &path).iter().enumerate() {
        if let Some(p) = load_part(
            l,
            pv,
            &index(&join(&path, "parts"), pi),
            scope,
            default_window,
        ) {
            parts.push(p);
        }
    }
    if parts.is_empty() {
        l.err(&path, Problem::MissingKey("parts".into()));
    }
    let part_ids: Vec<String> = parts.iter().map(|p| p.id.clone()).collect();
    l.unique(part_ids, &join(&path, "parts"));
    let amendments_path = join(&path, "amendments");
    for (ai, av) in l.opt_list(o, "amendments", &path).iter().enumerate() {
        let apath = index(&amendments_path, ai);
        if let Some((part, a)) = load_amendment(l, av, &apath, scope, &parts, sources_known) {
            parts[part].amendments.push(a);
        }
    }
    for (pi, p) in parts.iter_mut().enumerate() {
        check_amendments(l, p, &index(&join(&path, "parts"), pi), sources_known);
    }
    Some(Measure {
        id,
        chapter,
        kind,
        kind_reason,
        title,
        text,
        text_note,
        departments,
        sources,
        note,
        parts,
    })
}

fn load_part(
    l: &mut Loader,
    v: &Value,
    path: &str,
    scope: &Scope,
    default_window: Option<&Value>,
) -> Option<Part> {
    let o = l.object(v, path, PART_KEYS)?;
    let id = l.req_id(o, path);
    let title = l.req_text(o, "title", path);
    let note = l.opt_text(o, "note", path);
    let window = match get(o, "window").or(default_window) {
        Some(w) => load_window(l, w, &join(path, "window")),
        None => None,
    };
    let when = load_filter(l, get(o, "when"), &join(path, "when"), scope);
    let amount = get(o, "amount").and_then(|a| load_amount(l, a, &join(path, "amount"), scope));
    Some(Part {
        id,
        title,
        window,
        when,
        amount,
        note,
        amendments: Vec::new(),
    })
}

const AMENDMENT_KEYS: &[&str] = &[
    "part", "source", "in_force", "until", "window", "when", "amount", "text", "cite", "note",
];

/// One amendment, and the index of the part it changes.
fn load_amendment(
    l: &mut Loader,
    v: &Value,
    path: &str,
    scope: &Scope,
    parts: &[Part],
    sources: &[Source],
) -> Option<(usize, Amendment)> {
    let o = l.object(v, path, AMENDMENT_KEYS)?;
    let part_id = l.req_str(o, "part", path);
    let part = parts.iter().position(|p| p.id == part_id);
    if part.is_none() && !part_id.is_empty() {
        l.err(&join(path, "part"), Problem::UnknownPart(part_id));
    }
    let source = match l.req(o, "source", path) {
        Some(_) => l.source_ref(o, "source", path),
        None => None,
    };
    let document_date = source.and_then(|s| sources.get(s)).and_then(|s| {
        if s.date.is_none() {
            l.err(&join(path, "source"), Problem::UndatedSource(s.id.clone()));
        }
        s.date
    });
    let in_force = match get(o, "in_force") {
        Some(d) => l.date(d, &join(path, "in_force")),
        None => document_date,
    };
    if let (Some(day), Some(doc)) = (in_force, document_date)
        && day < doc
    {
        l.err(
            &join(path, "in_force"),
            Problem::BeforeDocument(day.to_string(), doc.to_string()),
        );
    }
    let until = get(o, "until").and_then(|d| l.date(d, &join(path, "until")));
    if let (Some(a), Some(b)) = (in_force, until)
        && a > b
    {
        l.err(path, Problem::WindowOrder(a.to_string(), b.to_string()));
    }
    let window = get(o, "window").and_then(|w| {
        let wpath = join(path, "window");
        let w = l.object(w, &wpath, &["from", "to"])?;
        let from = get(w, "from").and_then(|d| l.date(d, &join(&wpath, "from")));
        let to = get(w, "to").and_then(|d| l.date(d, &join(&wpath, "to")));
        if from.is_none() && to.is_none() {
            l.err(&wpath, Problem::MissingKey("from/to".into()));
        }
        Some(WindowChange { from, to })
    });
    let when = get(o, "when").map(|w| load_filter(l, Some(w), &join(path, "when"), scope));
    let amount = get(o, "amount").and_then(|a| load_amount(l, a, &join(path, "amount"), scope));
    if window.is_none() && when.is_none() && get(o, "amount").is_none() {
        l.err(path, Problem::NothingAmended);
    }
    let text = l.opt_text(o, "text", path);
    let cite = l.req_text(o, "cite", path);
    let note = l.opt_text(o, "note", path);
    Some((
        part?,
        Amendment {
            source: source?,
            in_force: in_force?,
            until,
            window,
            when,
            amount,
            text,
            cite,
            note,
        },
    ))
}

/// A part's amendments in the order they come into force; none changing what another changes on
/// the same days; the window as amended still in order; not more than an evaluation records.
fn check_amendments(l: &mut Loader, p: &mut Part, path: &str, sources: &[Source]) {
    p.amendments.sort_by_key(|a| a.in_force);
    if p.amendments.len() > AMENDMENTS_PER_PART {
        l.err(path, Problem::TooMany(AMENDMENTS_PER_PART));
    }
    let name = |a: &Amendment| {
        sources
            .get(a.source)
            .map_or(String::new(), |s| s.id.clone())
    };
    for (i, a) in p.amendments.iter().enumerate() {
        for b in &p.amendments[..i] {
            // Sorted by the first day: they overlap when the earlier one is still in force then.
            if !b.in_force_on(a.in_force) {
                continue;
            }
            let same = [
                ("window", a.window.is_some() && b.window.is_some()),
                ("conditions", a.when.is_some() && b.when.is_some()),
                ("amount", a.amount.is_some() && b.amount.is_some()),
            ];
            for (what, clash) in same {
                if clash {
                    l.err(path, Problem::Overlapping(what, name(b)));
                }
            }
        }
        if let Some(w) = a.window {
            let clause = p.window.as_ref();
            let from = w.from.or(clause.and_then(|c| c.from));
            let to = w.to.or(clause.and_then(|c| c.to));
            if let (Some(from), Some(to)) = (from, to)
                && from > to
            {
                l.err(path, Problem::WindowOrder(from.to_string(), to.to_string()));
            }
        }
    }
}

fn load_window(l: &mut Loader, v: &Value, path: &str) -> Option<Window> {
    let o = l.object(v, path, &["from", "to", "cite"])?;
    let from = get(o, "from").and_then(|d| l.date(d, &join(path, "from")));
    let to = get(o, "to").and_then(|d| l.date(d, &join(path, "to")));
    let cite = l.req_text(o, "cite", path);
    if let (Some(a), Some(b)) = (from, to)
        && a > b
    {
        l.err(path, Problem::WindowOrder(a.to_string(), b.to_string()));
    }
    if from.is_none() && to.is_none() {
        l.err(path, Problem::MissingKey("from/to".into()));
    }
    Some(Window { from, to, cite })
}

fn load_amount(l: &mut Loader, v: &Value, path: &str, scope: &Scope) -> Option<AmountRule> {
    let o = l.object(v, path, &["exact", "min", "max", "basis", "cite"])?;
    let basis = l.opt_text(o, "basis", path);
    let cite = l.req_text(o, "cite", path);
    let exact = get(o, "exact");
    let (min, max) = match (exact, get(o, "min"), get(o, "max")) {
        (Some(e), None, None) => {
            let p = join(path, "exact");
            (
                load_expr(l, e, &p, scope)?,
                Some(load_expr(l, e, &p, scope)?),
            )
        }
        (None, Some(lo), hi) => {
            let min = load_expr(l, lo, &join(path, "min"), scope)?;
            let max = match hi {
                Some(h) => Some(load_expr(l, h, &join(path, "max"), scope)?),
                None => None,
            };
            (min, max)
        }
        _ => {
            l.err(path, Problem::BadFormula(&F_AMOUNT_SHAPE, String::new()));
            return None;
        }
    };
    if let (Expr::Const(a), Some(Expr::Const(b))) = (&min, &max)
        && a > b
    {
        l.err(
            path,
            Problem::BadFormula(&F_MIN_ABOVE_MAX, format!("{a} > {b}")),
        );
    }
    Some(AmountRule {
        min,
        max,
        basis,
        cite,
    })
}

fn load_expr(l: &mut Loader, v: &Value, path: &str, scope: &Scope) -> Option<Expr> {
    l.deeper(
        |l| &mut l.formula_depth,
        FORMULA_DEPTH,
        path,
        |l| load_expr_within(l, v, path, scope),
    )
}

fn load_expr_within(l: &mut Loader, v: &Value, path: &str, scope: &Scope) -> Option<Expr> {
    if let Some(d) = v.as_decimal() {
        if d.is_sign_negative() {
            l.err(path, Problem::BadFormula(&F_NEGATIVE, d.to_string()));
            return None;
        }
        return Some(Expr::Const(d));
    }
    let Value::Map(o) = v else {
        l.err(path, Problem::BadFormula(&F_NOT_EXPR, short(v)));
        return None;
    };
    let o: Entries = o;
    let ops = ["fact", "mul", "add", "min_of", "max_of", "count"];
    let present: Vec<&str> = ops
        .iter()
        .copied()
        .filter(|k| get(o, k).is_some())
        .collect();
    if present.len() != 1 {
        l.err(
            path,
            Problem::BadFormula(&F_ONE_OPERATOR, present.join(", ")),
        );
        return None;
    }
    let key = present[0];
    let allowed: &[&str] = if key == "count" {
        &["count", "where"]
    } else {
        &[key]
    };
    l.object(v, path, allowed)?;
    let arg = get(o, key)?;
    let p = join(path, key);
    match key {
        "fact" => {
            let name = l.string(arg, &p)?;
            let Some(i) = scope.position(&name) else {
                l.err(&p, Problem::UnknownFact(name));
                return None;
            };
            match scope.facts[i].kind {
                // Amounts are never negative, and interval arithmetic relies on it.
                FactKind::Money { min, .. } if min.is_sign_negative() && !min.is_zero() => {
                    l.err(
                        &p,
                        Problem::BadFormula(&F_NEGATIVE, format!("{name} ≥ {min}")),
                    );
                    None
                }
                FactKind::Int { min, .. } if min < 0 => {
                    l.err(
                        &p,
                        Problem::BadFormula(&F_NEGATIVE, format!("{name} ≥ {min}")),
                    );
                    None
                }
                FactKind::Money { .. } | FactKind::Int { .. } => Some(Expr::Fact(i)),
                _ => {
                    l.err(
                        &p,
                        Problem::TypeMismatch {
                            fact: name,
                            expected: "an int or money fact in a formula",
                        },
                    );
                    None
                }
            }
        }
        "count" => {
            let name = l.string(arg, &p)?;
            let Some(list) = scope.position(&name) else {
                l.err(&p, Problem::UnknownFact(name));
                return None;
            };
            let FactKind::List { fields, .. } = &scope.facts[list].kind else {
                l.err(
                    &p,
                    Problem::TypeMismatch {
                        fact: name,
                        expected: "a list fact",
                    },
                );
                return None;
            };
            let filter = load_filter(
                l,
                get(o, "where"),
                &join(path, "where"),
                &Scope::new(fields),
            );
            Some(Expr::Count { list, filter })
        }
        _ => {
            let items = l.list(arg, &p);
            if items.len() < 2 {
                l.err(&p, Problem::BadFormula(&F_TWO_TERMS, key.to_owned()));
                return None;
            }
            let mut terms = Vec::new();
            for (i, t) in items.iter().enumerate() {
                terms.push(load_expr(l, t, &index(&p, i), scope)?);
            }
            Some(match key {
                "mul" => Expr::Mul(terms),
                "add" => Expr::Add(terms),
                "min_of" => Expr::MinOf(terms),
                _ => Expr::MaxOf(terms),
            })
        }
    }
}

/// A value shortened for an error message, so a hostile or huge string cannot flood it.
pub fn short(v: &Value) -> String {
    let s = match v {
        Value::Str(s) => s.clone(),
        other => other.kind().to_owned(),
    };
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_dates_parse() {
        assert_eq!(
            parse_as_of("as_of"),
            Some(DateExpr::AsOf {
                years: 0,
                months: 0,
                days: 0
            })
        );
        assert_eq!(
            parse_as_of("as_of-3y"),
            Some(DateExpr::AsOf {
                years: -3,
                months: 0,
                days: 0
            })
        );
        assert_eq!(
            parse_as_of("as_of+30d"),
            Some(DateExpr::AsOf {
                years: 0,
                months: 0,
                days: 30
            })
        );
        for bad in [
            "as_of-",
            "as_of3y",
            "as_of-3w",
            "as_of-y",
            "as_of-999999d",
            "as_of+1é",
        ] {
            assert_eq!(parse_as_of(bad), None, "{bad}");
        }
        assert_eq!(
            parse_as_of_year("as_of_year-1"),
            Some(YearExpr::AsOfYear(-1))
        );
        assert_eq!(parse_as_of_year("as_of_year*2"), None);
    }
}
