//! The engine's words, in one place: every message, label and unit it writes, each as
//! `[zh, ja, en]`. A template's numbered holes (`{0}`, `{1}`…) are filled by `text::fill`; a hole
//! may come in another place, or be left out, in each language. The ruleset's own words (the
//! measures, facts, clauses) are in the ruleset, not here; the CLI's are in `src/cli.rs`.

use super::text::Tpl;

/// Two words joined as "label: value", in the explanations, the report and a field's error.
pub const LABELLED: Tpl = ["{0}：{1}", "{0}：{1}", "{0}: {1}"];

// Loading a ruleset (`load::RulesetError`): what is wrong, after the path where it sits
// ("measures[3].kind: …"). `{0}` is the key, id or value named by the problem.

pub const NOT_JSON: Tpl = [
    "不是有效的 JSON：{0}",
    "有効な JSON ではありません：{0}",
    "not valid JSON: {0}",
];
pub const NOT_A_DOCUMENT: Tpl = [
    "不是有效的规则集文件：{0}",
    "有効なルールセット文書ではありません：{0}",
    "not a valid ruleset document: {0}",
];
pub const MISSING_KEY: Tpl = ["缺少“{0}”", "「{0}」がありません", "“{0}” is missing"];
pub const UNKNOWN_KEY: Tpl = ["未知的键“{0}”", "不明なキー「{0}」", "unknown key “{0}”"];
/// `{0}` expected, `{1}` found: words of `VALUE_KINDS`.
pub const WRONG_TYPE: Tpl = [
    "类型错误：应为{0}，实为{1}",
    "型が違います：{0}が必要ですが{1}です",
    "wrong type: expected {0}, found {1}",
];
/// `{0}`: a language's code (`zh`, `ja`, `en`).
pub const MISSING_TEXT: Tpl = [
    "缺少 {0} 文本",
    "{0} のテキストがありません",
    "the {0} text is missing",
];
pub const DUPLICATE_ID: Tpl = [
    "标识“{0}”重复",
    "ID「{0}」が重複しています",
    "duplicate id “{0}”",
];
pub const UNKNOWN_FACT: Tpl = [
    "未知的事实“{0}”",
    "不明なファクト「{0}」",
    "unknown fact “{0}”",
];
pub const UNKNOWN_REF: Tpl = [
    "未知的派生条件“{0}”",
    "不明な派生条件「{0}」",
    "unknown derived condition “{0}”",
];
pub const UNKNOWN_DEPARTMENT: Tpl = [
    "未知的部门“{0}”",
    "不明な部門「{0}」",
    "unknown department “{0}”",
];
pub const UNKNOWN_SOURCE: Tpl = [
    "未知的依据文件“{0}”",
    "不明な根拠文書「{0}」",
    "unknown source “{0}”",
];
pub const UNKNOWN_CHAPTER: Tpl = ["未知的章节 {0}", "不明な章 {0}", "unknown chapter {0}"];
pub const UNKNOWN_SECTION: Tpl = [
    "未知的问卷分组“{0}”",
    "不明な質問グループ「{0}」",
    "unknown questionnaire section “{0}”",
];
/// `{0}` the value, `{1}` the fact.
pub const UNKNOWN_CHOICE: Tpl = [
    "“{0}”不是“{1}”的可选值",
    "「{0}」は「{1}」の選択肢ではありません",
    "“{0}” is not a choice of “{1}”",
];
pub const UNKNOWN_FACT_TYPE: Tpl = [
    "未知的事实类型“{0}”",
    "不明なファクト型「{0}」",
    "unknown fact type “{0}”",
];
pub const UNKNOWN_MEASURE_KIND: Tpl = [
    "未知的措施类别“{0}”",
    "不明な措置の種類「{0}」",
    "unknown measure kind “{0}”",
];
/// `{0}` the operator, `{1}` the fact's type.
pub const BAD_OP: Tpl = [
    "运算符“{0}”不适用于 {1} 类型",
    "演算子「{0}」は {1} 型に使えません",
    "operator “{0}” does not apply to a {1} fact",
];
/// `{0}` the fact, `{1}` what it needs (a word of `VALUE_KINDS`).
pub const TYPE_MISMATCH: Tpl = [
    "类型不匹配：“{0}”需要{1}",
    "型の不一致：「{0}」には{1}が必要です",
    "type mismatch: “{0}” needs {1}",
];
pub const BAD_DATE: Tpl = [
    "无效日期“{0}”（应为 YYYY-MM-DD 的真实日期）",
    "無効な日付「{0}」（実在する YYYY-MM-DD の日付が必要です）",
    "bad date “{0}” (a real YYYY-MM-DD date is needed)",
];
/// `{0}` the first day, `{1}` the last.
pub const WINDOW_ORDER: Tpl = [
    "期限起始日 {0} 晚于截止日 {1}",
    "期間の開始日 {0} が終了日 {1} より後です",
    "the window starts on {0}, after it ends on {1}",
];
/// `{0}`: one of the `FORMULA_` messages below.
pub const BAD_FORMULA: Tpl = ["公式错误：{0}", "式の誤り：{0}", "bad formula: {0}"];
pub const UNSOURCED: Tpl = [
    "数值条件须注明原文（cite）或依据文件（source）",
    "数値の条件には原文（cite）か根拠文書（source）が必要です",
    "a numeric condition needs the clause words (cite) or a source",
];
pub const CIRCULAR_REF: Tpl = [
    "派生条件“{0}”循环引用",
    "派生条件「{0}」が循環参照しています",
    "derived condition “{0}” refers to itself",
];
pub const BAD_ID: Tpl = [
    "标识“{0}”无效：只能由字母、数字、_ 和 - 组成，以字母或数字开头，最多 64 个字符",
    "ID「{0}」が無効です：英数字・_・- のみ、英数字で始まり、64 文字以内",
    "bad id “{0}”: letters, digits, _ and - only, starting with a letter or digit, at most 64",
];
pub const NOT_COMPUTED: Tpl = [
    "标记为计算所得，但没有规则计算它",
    "計算で得ると指定されていますが、計算する規則がありません",
    "marked computed, but nothing computes it",
];
/// `{0}`: the engine's limit.
pub const TOO_MANY: Tpl = [
    "条目过多，最多 {0} 项",
    "項目が多すぎます（最大 {0}）",
    "too many entries: at most {0}",
];
/// `{0}`: the engine's limit.
pub const TOO_DEEP: Tpl = [
    "嵌套过深，最多 {0} 层",
    "入れ子が深すぎます（最大 {0} 段）",
    "nested too deeply: at most {0} levels",
];
pub const UNKNOWN_PART: Tpl = [
    "本措施没有部分“{0}”",
    "この措置に部分「{0}」はありません",
    "this measure has no part “{0}”",
];
pub const UNDATED_SOURCE: Tpl = [
    "修订文件“{0}”须注明日期（date）",
    "改正文書「{0}」には日付（date）が必要です",
    "the amending document “{0}” needs a date",
];
/// `{0}` the day in force, `{1}` the document's date.
pub const BEFORE_DOCUMENT: Tpl = [
    "修订生效日 {0} 早于文件日期 {1}",
    "改正の適用開始日 {0} が文書の日付 {1} より前です",
    "the amendment is in force from {0}, before its document's date {1}",
];
/// `{0}` what is changed (a word of `VALUE_KINDS`), `{1}` the other amendment's document.
pub const OVERLAPPING: Tpl = [
    "与依“{1}”的修订在同一期间修改同一{0}",
    "「{1}」による改正と同じ期間に同じ{0}を変更しています",
    "changes the same {0} on the same days as the amendment by “{1}”",
];
pub const NOTHING_AMENDED: Tpl = [
    "修订须修改期限（window）、条件（when）或金额（amount）",
    "改正は期間（window）・条件（when）・金額（amount）のいずれかを変更する必要があります",
    "an amendment changes the window, the conditions (when) or the amount",
];

// A condition or an amount that is not well formed (`BAD_FORMULA`'s `{0}`).

pub const FORMULA_ONE_SHAPE: Tpl = [
    "条件须且只能有 all、any、not、ref、fact、count 之一（现有：{0}）",
    "条件には all・any・not・ref・fact・count のいずれか一つだけが必要です（現在：{0}）",
    "a condition has exactly one of all, any, not, ref, fact, count (found: {0})",
];
pub const FORMULA_EMPTY_GROUP: Tpl = [
    "“{0}”至少需要一个条件",
    "「{0}」には条件が一つ以上必要です",
    "“{0}” needs at least one condition",
];
pub const FORMULA_WHERE: Tpl = [
    "“where”只能与“count”一起使用",
    "「where」は「count」と一緒にのみ使えます",
    "“where” belongs to “count”",
];
pub const FORMULA_YEAR: Tpl = [
    "“{0}”既不是年份也不是 as_of_year±N",
    "「{0}」は年でも as_of_year±N でもありません",
    "“{0}” is neither a year nor as_of_year±N",
];
pub const FORMULA_RELATIVE_DATE: Tpl = [
    "“{0}”不是 as_of±N[ymd] 形式",
    "「{0}」は as_of±N[ymd] の形式ではありません",
    "“{0}” is not as_of±N[ymd]",
];
pub const FORMULA_TIER: Tpl = [
    "每个档次至少需要一个界限",
    "各区分には境界が一つ以上必要です",
    "a tier needs at least one bound",
];
pub const FORMULA_AMOUNT_SHAPE: Tpl = [
    "金额须为“exact”，或“min”加可选的“max”",
    "金額は「exact」、または「min」と任意の「max」で指定します",
    "an amount has either “exact”, or “min” with an optional “max”",
];
pub const FORMULA_MIN_ABOVE_MAX: Tpl = [
    "最低额高于最高额（{0}）",
    "最低額が最高額を上回っています（{0}）",
    "the minimum is above the maximum ({0})",
];
pub const FORMULA_NEGATIVE: Tpl = [
    "金额不能为负数（{0}）",
    "金額は負にできません（{0}）",
    "an amount cannot be negative ({0})",
];
pub const FORMULA_NOT_EXPR: Tpl = [
    "“{0}”既不是数字也不是表达式",
    "「{0}」は数値でも式でもありません",
    "“{0}” is neither a number nor an expression",
];
pub const FORMULA_ONE_OPERATOR: Tpl = [
    "表达式须且只能有 fact、mul、add、min_of、max_of、count、if 之一（现有：{0}）",
    "式には fact・mul・add・min_of・max_of・count・if のいずれか一つだけが必要です（現在：{0}）",
    "an expression has exactly one of fact, mul, add, min_of, max_of, count, if (found: {0})",
];
pub const FORMULA_TWO_TERMS: Tpl = [
    "“{0}”至少需要两项",
    "「{0}」には項が二つ以上必要です",
    "“{0}” needs at least two terms",
];

/// The words the loader uses for kinds of values and expectations, by the key the loader's code
/// names them with (an English phrase; a key not listed reads as itself).
pub const VALUE_KINDS: &[(&str, Tpl)] = &[
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

// Reading JSON (`json::JsonError`): where, then what.

/// `{0}` line, `{1}` column, `{2}` one of the `JSON_` messages below.
pub const JSON_AT: Tpl = [
    "第{0}行第{1}列：{2}",
    "{0}行{1}列目：{2}",
    "line {0}, column {1}: {2}",
];
/// `{0}`: the limit in bytes. Said alone, without `JSON_AT`: the text is refused unread.
pub const JSON_TOO_LONG: Tpl = [
    "内容超过 {0} 字节",
    "{0} バイトを超えています",
    "longer than {0} bytes",
];
pub const JSON_END: Tpl = ["内容不完整", "途中で終わっています", "unexpected end"];
pub const JSON_UNEXPECTED: Tpl = [
    "出现意外字符",
    "予期しない文字があります",
    "unexpected character",
];
pub const JSON_ESCAPE: Tpl = ["转义序列无效", "エスケープが無効です", "invalid escape"];
pub const JSON_CONTROL_CHARACTER: Tpl = [
    "字符串中有控制字符",
    "文字列に制御文字があります",
    "control character in a string",
];
pub const JSON_NUMBER: Tpl = ["数字无效", "数値が無効です", "invalid number"];
pub const JSON_TOO_DEEP: Tpl = ["嵌套过深", "入れ子が深すぎます", "nested too deeply"];
pub const JSON_TRAILING: Tpl = [
    "末尾有多余内容",
    "末尾に余分な内容があります",
    "trailing characters",
];

// A profile's field errors (`profile::FieldError`): `LABELLED` with the field's label (or one of
// the two names below), then what is wrong with it.

pub const AS_OF_DATE: Tpl = ["评估日期", "評価日", "As-of date"];
/// The profile as a whole.
pub const PROFILE: Tpl = ["企业信息", "企業情報", "Profile"];
pub const FIELD_NOT_AN_OBJECT: Tpl = [
    "应为一个对象",
    "オブジェクトである必要があります",
    "must be an object",
];
pub const FIELD_UNKNOWN: Tpl = [
    "不是本规则集的问题，已忽略",
    "このルールセットの質問ではないため無視しました",
    "is not a question of this ruleset and was ignored",
];
pub const FIELD_COMPUTED: Tpl = [
    "由系统计算，无需填写",
    "自動で計算されるため入力できません",
    "is computed, not entered",
];
/// `{0}`: one of the `EXPECTED_` words below.
pub const FIELD_WRONG_TYPE: Tpl = ["应填写{0}", "{0}を入力してください", "must be {0}"];
pub const FIELD_BAD_NUMBER: Tpl = [
    "不是有效数字（请只用数字和小数点）",
    "有効な数値ではありません（数字と小数点のみ）",
    "is not a valid number (digits and one decimal point only)",
];
pub const FIELD_NEGATIVE: Tpl = ["不能为负数", "負の値にはできません", "cannot be negative"];
pub const FIELD_TOO_SMALL: Tpl = [
    "不能小于 {0}",
    "{0} 未満にはできません",
    "cannot be less than {0}",
];
pub const FIELD_TOO_LARGE: Tpl = [
    "超过合理范围（最大 {0}）",
    "妥当な範囲を超えています（最大 {0}）",
    "is beyond any plausible value (at most {0})",
];
pub const FIELD_NOT_WHOLE: Tpl = [
    "应为整数",
    "整数で入力してください",
    "must be a whole number",
];
pub const FIELD_TOO_PRECISE: Tpl = [
    "金额最多保留两位小数（分）",
    "金額は小数第2位（分）までです",
    "money has at most two decimal places (fen)",
];
pub const FIELD_BAD_DATE: Tpl = [
    "不是有效日期（YYYY-MM-DD）",
    "有効な日付ではありません（YYYY-MM-DD）",
    "is not a real date (YYYY-MM-DD)",
];
/// `{0}` the first day allowed, `{1}` the last.
pub const FIELD_DATE_OUT_OF_RANGE: Tpl = [
    "应在 {0} 至 {1} 之间",
    "{0} から {1} までの日付にしてください",
    "must be between {0} and {1}",
];
pub const FIELD_UNKNOWN_CHOICE: Tpl = [
    "不是可选项之一",
    "選択肢にありません",
    "is not one of the choices",
];
pub const FIELD_TOO_MANY_ITEMS: Tpl = [
    "最多 {0} 项",
    "最大 {0} 件です",
    "has more than {0} entries",
];
pub const EXPECTED_YES_NO: Tpl = ["是或否", "はい／いいえ", "yes or no"];
pub const EXPECTED_NUMBER: Tpl = ["数字", "数値", "a number"];
pub const EXPECTED_DATE: Tpl = [
    "日期（YYYY-MM-DD）",
    "日付（YYYY-MM-DD）",
    "a date (YYYY-MM-DD)",
];
pub const EXPECTED_YEAR: Tpl = ["年份", "年", "a year"];
pub const EXPECTED_CHOICE: Tpl = ["选项之一", "選択肢のいずれか", "one of the choices"];
pub const EXPECTED_LIST: Tpl = ["列表", "リスト", "a list"];
pub const EXPECTED_OBJECT: Tpl = ["对象", "オブジェクト", "an object"];

// Statuses (`eval::Status::label`), and the status under the clause alone where amendments
// change it.

pub const STATUS_ELIGIBLE: Tpl = ["符合条件", "該当", "eligible"];
pub const STATUS_NEEDS_INFO: Tpl = ["需补充信息", "情報不足", "needs information"];
pub const STATUS_INELIGIBLE: Tpl = ["不符合条件", "非該当", "not eligible"];
pub const STATUS_EXPIRED: Tpl = ["已过期", "期限切れ", "expired"];
pub const STATUS_NOT_APPLICABLE: Tpl = [
    "不适用（面向政府部门）",
    "対象外（行政機関向け）",
    "not applicable (for government bodies)",
];
/// `{0}`: a status.
pub const UNDER_TEXT: Tpl = [
    "按条文原文：{0}",
    "条文のみでは：{0}",
    "Under the clause alone: {0}",
];

// Explanations (`explain`): one line per condition, window or size comparison, and the amount's
// formula with the enterprise's figures.

/// Between a label and the size class in `MUST_BE`.
pub const SEP: Tpl = ["：", "：", ": "];
/// Between the items of a list ("A, B or C").
pub const LIST_SEP: Tpl = ["、", "・", ", "];
/// Before the last item of a list.
pub const OR: Tpl = ["或", "または", " or "];
pub const ALL_OF: Tpl = [
    "满足以下全部各项",
    "次のすべてを満たすこと",
    "All of the following",
];
pub const ANY_OF: Tpl = [
    "满足以下任一项",
    "次のいずれかを満たすこと",
    "Any one of the following",
];
pub const NOT_OF: Tpl = ["以下一项不成立", "次に該当しないこと", "Not the following"];
pub const NOT_KNOWN: Tpl = ["尚不能确定", "まだ判断できません", "not known yet"];
/// `{0}` label, `{1}` the comparison's symbol, `{2}` threshold.
pub const UNANSWERED: Tpl = [
    "{0}：未填写（条件：{1} {2}）",
    "{0}：未回答（条件：{1} {2}）",
    "{0}: not answered (needs {1} {2})",
];
/// `{0}`: a list's label ("qualifying hires").
pub const QUALIFYING: Tpl = ["符合条件的{0}", "条件を満たす{0}", "qualifying {0}"];
/// An entry of a counted list, on a line of its own.
pub const ENTRY: Tpl = ["第{0}项", "{0}件目", "Entry {0}"];
/// `{0}` label, `{1}` `SEP` and the size class, `{2}` the classes required (or refused).
pub const MUST_BE: Tpl = [
    "{0}{1}（须为：{2}）",
    "{0}{1}（条件：{2}）",
    "{0}{1} (must be: {2})",
];
pub const MUST_NOT_BE: Tpl = [
    "{0}{1}（不得为：{2}）",
    "{0}{1}（対象外：{2}）",
    "{0}{1} (must not be: {2})",
];
/// `{0}`: the size classes still possible.
pub const MAYBE: Tpl = [
    "尚不能确定（可能为{0}）",
    "未確定（{0}の可能性）",
    "not known yet ({0})",
];
/// `{0}`: the industry's label.
pub const INDUSTRY_UNKNOWN: Tpl = [
    "{0}：未填写（划型标准因行业而异）",
    "{0}：未回答（規模区分の基準は業種により異なります）",
    "{0}: not answered (the size thresholds depend on it)",
];
/// `{0}` the declaring fact's label, `{1}` the class declared.
pub const DECLARED_CLASS: Tpl = [
    "{0}：{1}（该行业的规模按所填类别，不按本标准的指标计算）",
    "{0}：{1}（この業種の規模は回答された区分によるもので、本基準の指標では計算しません）",
    "{0}: {1} (this industry's size is the class given, not computed from this standard's indicators)",
];
pub const DECLARED_UNANSWERED: Tpl = [
    "{0}：未填写（该行业的规模须直接填写，不按本标准的指标计算）",
    "{0}：未回答（この業種の規模は直接回答するもので、本基準の指標では計算しません）",
    "{0}: not answered (this industry's size is given directly, not computed from this standard's indicators)",
];
// The size standard's bounds: `TIER_UNANSWERED` {0} label, {1} tier, {2} bound; `TIER_REACHED`
// and `TIER_BELOW` {0} label, {1} value, {2} tier, {3} bound.
pub const TIER_SME: Tpl = ["中小企业上限", "中小企業の上限", "SME upper bound"];
pub const TIER_MEDIUM: Tpl = ["中型下限", "中規模の下限", "medium-sized lower bound"];
pub const TIER_SMALL: Tpl = ["小型下限", "小規模の下限", "small lower bound"];
pub const TIER_UNANSWERED: Tpl = [
    "{0}：未填写（{1} {2}）",
    "{0}：未回答（{1} {2}）",
    "{0}: not answered ({1} {2})",
];
pub const TIER_REACHED: Tpl = [
    "{0} {1}，达到{2} {3}",
    "{0} {1}、{2} {3} 以上",
    "{0} {1}, reaching the {2} of {3}",
];
pub const TIER_BELOW: Tpl = [
    "{0} {1}，低于{2} {3}",
    "{0} {1}、{2} {3} 未満",
    "{0} {1}, below the {2} of {3}",
];
// A part's window: the span ({0} from, {1} to), then `WINDOW_` {0} the span, {1} the as-of date.
pub const SPAN_BOTH: Tpl = ["{0}至{1}", "{0}～{1}", "{0} to {1}"];
pub const SPAN_FROM: Tpl = ["{0}起", "{0}から", "from {0}"];
pub const SPAN_TO: Tpl = ["至{1}", "{1}まで", "until {1}"];
pub const WINDOW_CLOSED: Tpl = [
    "适用期限 {0}，已于评估日期 {1} 前结束",
    "適用期間 {0}：評価日 {1} の時点で終了しています",
    "Window {0}: it had ended by the as-of date {1}",
];
pub const WINDOW_NOT_YET: Tpl = [
    "适用期限 {0}，评估日期 {1} 尚未开始",
    "適用期間 {0}：評価日 {1} の時点ではまだ始まっていません",
    "Window {0}: not yet open on the as-of date {1}",
];
pub const WINDOW_OPEN: Tpl = [
    "适用期限 {0}，评估日期 {1} 在期限内",
    "適用期間 {0}：評価日 {1} は期間内です",
    "Window {0}: the as-of date {1} falls inside it",
];
/// An amount whose formula depends on conditions not yet settled: {0} where they hold, {1} where not.
pub const EITHER_FORMULA: Tpl = [
    "{0} 或 {1}（视条件而定）",
    "{0} または {1}（条件による）",
    "{0} or {1} (depending on the conditions)",
];
/// In a formula, `{0}`: the terms.
pub const LESSER: Tpl = ["取较小者（{0}）", "小さい方（{0}）", "the lesser of ({0})"];
pub const GREATER: Tpl = ["取较大者（{0}）", "大きい方（{0}）", "the greater of ({0})"];
// A comparison: "项目总投资 800万元，低于 1000万元": {0} label, {1} value, {2} threshold, {3} and
// {4} range bounds.
pub const GE_MET: Tpl = [
    "{0} {1}，达到 {2}",
    "{0} {1}、{2}以上",
    "{0} {1}, at least {2}",
];
pub const GE_NOT: Tpl = [
    "{0} {1}，低于 {2}",
    "{0} {1}、{2}未満",
    "{0} {1}, below {2}",
];
pub const GT_MET: Tpl = ["{0} {1}，超过 {2}", "{0} {1}、{2}超", "{0} {1}, above {2}"];
pub const GT_NOT: Tpl = [
    "{0} {1}，未超过 {2}",
    "{0} {1}、{2}以下",
    "{0} {1}, not above {2}",
];
pub const BETWEEN_MET: Tpl = [
    "{0} {1}，在 {3} 至 {4} 之间",
    "{0} {1}、{3}～{4}の範囲内",
    "{0} {1}, within {3} to {4}",
];
pub const BETWEEN_NOT: Tpl = [
    "{0} {1}，不在 {3} 至 {4} 之间",
    "{0} {1}、{3}～{4}の範囲外",
    "{0} {1}, outside {3} to {4}",
];
pub const IS: Tpl = ["{0} {1}，属于 {2}", "{0} {1}、{2}に該当", "{0} {1}, is {2}"];
pub const IS_NOT: Tpl = [
    "{0} {1}，不属于 {2}",
    "{0} {1}、{2}に該当しない",
    "{0} {1}, is not {2}",
];

// The report (`report`, `next`): amounts, why an amount is not estimated, how it is computed,
// what is within reach, the amendments in force, and the next questions.

// An amount: {0} its minimum, {1} its maximum.
pub const AMOUNT_EXACT: Tpl = ["{0}", "{0}", "{0}"];
pub const AMOUNT_FLOOR: Tpl = ["不低于{0}", "{0}以上", "at least {0}"];
pub const AMOUNT_CAP: Tpl = ["最高{1}", "最大{1}", "up to {1}"];
pub const AMOUNT_RANGE: Tpl = ["{0}至{1}", "{0}～{1}", "{0} to {1}"];
pub const AMOUNT_OVERFLOW: Tpl = [
    "金额超出可精确计算的范围，未予估算",
    "金額が正確に計算できる範囲を超えるため、見積もっていません",
    "the amount is beyond exact computation and is not estimated",
];
pub const AMOUNT_INCONSISTENT: Tpl = [
    "按所填数据，金额规则的下限高于上限，无法估算",
    "入力された数値では金額規則の下限が上限を上回るため、見積もれません",
    "for these figures the rule's minimum is above its maximum: no estimate",
];
// How an amount is computed: {0} the minimum's formula, {1} the maximum's.
pub const COMPUTED_EXACT: Tpl = ["{0}", "{0}", "{0}"];
pub const COMPUTED_UP_TO: Tpl = ["不超过 {1}", "{1} 以内", "up to {1}"];
pub const COMPUTED_RANGE: Tpl = ["{0} – {1}", "{0} – {1}", "{0} – {1}"];
pub const COMPUTED_AT_LEAST: Tpl = ["不低于 {0}", "{0} 以上", "at least {0}"];
// Within reach: the change ({0} label, {1} value), then `REACH_THEN` {0} the change, {1} the gain.
pub const REACH_AT_LEAST: Tpl = ["{0}达到 {1}", "{0}が{1}以上", "{0} of at least {1}"];
pub const REACH_AT_MOST: Tpl = ["{0}不超过 {1}", "{0}が{1}以下", "{0} of at most {1}"];
pub const REACH_THEN: Tpl = ["{0} → {1}", "{0} → {1}", "{0} → {1}"];
// An amendment: {0} the clause's day, {1} the amending document, {2} the amended day.
pub const EXTENDED_AFTER_END: Tpl = [
    "条文所定期限已于 {0} 结束；依 {1} 延续至 {2}",
    "条文の期間は {0} に終了しましたが、{1} により {2} まで延長されています",
    "the clause's period ended on {0}; {1} extends it to {2}",
];
pub const EXTENDED: Tpl = [
    "依 {1}，期限由 {0} 延续至 {2}",
    "{1} により期間が {0} から {2} まで延長されています",
    "{1} extends the period from {0} to {2}",
];
pub const ENDED_EARLIER: Tpl = [
    "依 {1}，期限于 {2} 结束（条文所定为 {0}）",
    "{1} により期間は {2} に終了します（条文では {0}）",
    "{1} ends the period on {2} (the clause says {0})",
];
pub const STARTS: Tpl = [
    "依 {1}，自 {2} 起适用",
    "{1} により {2} から適用されます",
    "{1} applies it from {2}",
];
pub const NEW_CONDITIONS: Tpl = [
    "依 {1}，适用条件按该文件（见下）",
    "{1} により適用条件が改められています（下記）",
    "{1} sets the conditions (below)",
];
pub const NEW_AMOUNT: Tpl = [
    "依 {1}，金额按该文件计算",
    "{1} により金額の規則が改められています",
    "{1} sets the amount rule",
];
/// Between an amendment's sentences.
pub const SENTENCE_SEP: Tpl = ["；", "。", "; "];
/// A question about one entry of a list, in its label ("hires › entry 2 › contract months").
pub const ENTRY_OF_LIST: Tpl = ["第{0}项", "{0}件目", "entry {0}"];

// Amounts and dates (`format`): the words around a number.

pub const YES: Tpl = ["是", "はい", "yes"];
pub const NO: Tpl = ["否", "いいえ", "no"];
/// The unit of a list's length ("3项", "3 entries").
pub const ENTRIES: Tpl = ["项", "件", "entries"];
/// Money in Chinese from 10 000 yuan on ("800万元"), the number in 万.
pub const WAN_YUAN: &str = "万元";
/// Money in Chinese below 10 000 yuan, and in Japanese ("2000元", "8,000,000元").
pub const YUAN: &str = "元";
/// Money in English, before the number ("CNY 8,000,000").
pub const CNY: &str = "CNY ";
/// Year, month and day in Chinese and Japanese ("2023年12月31日"; English writes 2023-12-31).
pub const YEAR_MARK: &str = "年";
pub const MONTH_MARK: &str = "月";
pub const DAY_MARK: &str = "日";
