//! Reading a ruleset document (the compiled JSON, already parsed into a `Value` tree) into a checked
//! `Ruleset`. Every problem is collected with the path where it sits, so an author fixes them all
//! in one pass; a ruleset with any problem is refused as a whole.

use super::date::Date;
use super::model::*;
use super::text::{Lang, Text};
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
    BadFormula(String),
    /// A number in a condition without the clause words or the document it comes from.
    Unsourced,
    CircularRef(String),
}

impl RulesetError {
    pub fn message(&self, lang: Lang) -> String {
        let p = &self.path;
        let body = match &self.problem {
            Problem::NotADocument(d) => lang.pick([
                format!("不是有效的规则集文件：{d}"),
                format!("有効なルールセット文書ではありません：{d}"),
                format!("not a valid ruleset document: {d}"),
            ]),
            Problem::MissingKey(k) => lang.pick([
                format!("缺少“{k}”"),
                format!("「{k}」がありません"),
                format!("“{k}” is missing"),
            ]),
            Problem::UnknownKey(k) => lang.pick([
                format!("未知的键“{k}”"),
                format!("不明なキー「{k}」"),
                format!("unknown key “{k}”"),
            ]),
            Problem::WrongType { expected, found } => lang.pick([
                format!("类型错误：应为 {expected}，实为 {found}"),
                format!("型が違います：{expected} が必要ですが {found} です"),
                format!("wrong type: expected {expected}, found {found}"),
            ]),
            Problem::MissingText(l) => lang.pick([
                format!("缺少 {} 文本", l.code()),
                format!("{} のテキストがありません", l.code()),
                format!("the {} text is missing", l.code()),
            ]),
            Problem::Duplicate(id) => lang.pick([
                format!("标识“{id}”重复"),
                format!("ID「{id}」が重複しています"),
                format!("duplicate id “{id}”"),
            ]),
            Problem::UnknownFact(f) => lang.pick([
                format!("未知的事实“{f}”"),
                format!("不明なファクト「{f}」"),
                format!("unknown fact “{f}”"),
            ]),
            Problem::UnknownRef(r) => lang.pick([
                format!("未知的派生条件“{r}”"),
                format!("不明な派生条件「{r}」"),
                format!("unknown derived condition “{r}”"),
            ]),
            Problem::UnknownDepartment(d) => lang.pick([
                format!("未知的部门“{d}”"),
                format!("不明な部門「{d}」"),
                format!("unknown department “{d}”"),
            ]),
            Problem::UnknownSource(s) => lang.pick([
                format!("未知的依据文件“{s}”"),
                format!("不明な根拠文書「{s}」"),
                format!("unknown source “{s}”"),
            ]),
            Problem::UnknownChapter(c) => lang.pick([
                format!("未知的章节 {c}"),
                format!("不明な章 {c}"),
                format!("unknown chapter {c}"),
            ]),
            Problem::UnknownSection(s) => lang.pick([
                format!("未知的问卷分组“{s}”"),
                format!("不明な質問グループ「{s}」"),
                format!("unknown questionnaire section “{s}”"),
            ]),
            Problem::UnknownChoice { fact, value } => lang.pick([
                format!("“{value}”不是“{fact}”的可选值"),
                format!("「{value}」は「{fact}」の選択肢ではありません"),
                format!("“{value}” is not a choice of “{fact}”"),
            ]),
            Problem::BadType(t) => lang.pick([
                format!("未知的事实类型“{t}”"),
                format!("不明なファクト型「{t}」"),
                format!("unknown fact type “{t}”"),
            ]),
            Problem::BadKind(k) => lang.pick([
                format!("未知的措施类别“{k}”"),
                format!("不明な措置の種類「{k}」"),
                format!("unknown measure kind “{k}”"),
            ]),
            Problem::BadOp { op, fact_type } => lang.pick([
                format!("运算符“{op}”不适用于 {fact_type} 类型"),
                format!("演算子「{op}」は {fact_type} 型に使えません"),
                format!("operator “{op}” does not apply to a {fact_type} fact"),
            ]),
            Problem::TypeMismatch { fact, expected } => lang.pick([
                format!("类型不匹配：“{fact}”需要 {expected}"),
                format!("型の不一致：「{fact}」には {expected} が必要です"),
                format!("type mismatch: “{fact}” needs {expected}"),
            ]),
            Problem::BadDate(d) => lang.pick([
                format!("无效日期“{d}”（应为 YYYY-MM-DD 的真实日期）"),
                format!("無効な日付「{d}」（実在する YYYY-MM-DD の日付が必要です）"),
                format!("bad date “{d}” (a real YYYY-MM-DD date is needed)"),
            ]),
            Problem::BadFormula(d) => lang.pick([
                format!("公式错误：{d}"),
                format!("数式の誤り：{d}"),
                format!("bad formula: {d}"),
            ]),
            Problem::Unsourced => lang.pick([
                "数值条件须注明原文（cite）或依据文件（source）".to_owned(),
                "数値の条件には原文（cite）か根拠文書（source）が必要です".to_owned(),
                "a numeric condition needs the clause words (cite) or a source".to_owned(),
            ]),
            Problem::CircularRef(r) => lang.pick([
                format!("派生条件“{r}”循环引用"),
                format!("派生条件「{r}」が循環参照しています"),
                format!("derived condition “{r}” refers to itself"),
            ]),
        };
        if p.is_empty() {
            body
        } else {
            format!("{p}: {body}")
        }
    }
}

type Entries<'v> = &'v [(String, Value)];

/// Where the loader is, and everything it has found wrong so far.
struct Loader {
    errors: Vec<RulesetError>,
    facts: Vec<(String, &'static str)>,
    derived_ids: Vec<String>,
    departments: Vec<String>,
    sources: Vec<String>,
    sections: Vec<String>,
}

/// The names and types visible to a condition: the profile's facts, or a list item's fields.
struct Scope<'a> {
    facts: &'a [Fact],
}

impl Loader {
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
        let Some(o) = self.object(v, path, &["zh", "ja", "en"]) else {
            return Text::default();
        };
        let mut t = Text::default();
        for lang in Lang::ALL {
            let s = match get(o, lang.code()) {
                Some(v) => self.string(v, &join(path, lang.code())).unwrap_or_default(),
                None => String::new(),
            };
            match lang {
                Lang::Zh => t.zh = s,
                Lang::Ja => t.ja = s,
                Lang::En => t.en = s,
            }
        }
        for lang in t.missing().collect::<Vec<_>>() {
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
        match v {
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

    fn source_ref(&mut self, o: Entries, key: &str, path: &str) -> Option<usize> {
        let id = self.opt_str(o, key, path)?;
        let i = self.sources.iter().position(|s| *s == id);
        if i.is_none() {
            self.err(&join(path, key), Problem::UnknownSource(id));
        }
        i
    }

    fn unique(&mut self, ids: &[String], path: &str) {
        for (i, id) in ids.iter().enumerate() {
            if ids[..i].contains(id) {
                self.err(path, Problem::Duplicate(id.clone()));
            }
        }
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
        facts: Vec::new(),
        derived_ids: Vec::new(),
        departments: Vec::new(),
        sources: Vec::new(),
        sections: Vec::new(),
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
    let fact_values = l.opt_list(o, "facts", "");
    let mut facts: Vec<Fact> = fact_values
        .iter()
        .enumerate()
        .map(|(i, v)| load_fact(&mut l, v, &index("facts", i), true))
        .collect();
    let fact_ids: Vec<String> = facts.iter().map(|f| f.id.clone()).collect();
    l.unique(&fact_ids, "facts");
    l.facts = facts
        .iter()
        .map(|f| (f.id.clone(), f.kind.name()))
        .collect();

    // Derived names are known before any condition is read, so order in the file does not matter.
    let derived_values = l.opt_list(o, "derived", "");
    l.derived_ids = derived_values
        .iter()
        .map(|v| {
            v.get("id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    let derived_ids = l.derived_ids.clone();
    l.unique(&derived_ids, "derived");

    for (i, v) in fact_values.iter().enumerate() {
        if let Some(cond) = v.get("ask_if") {
            let path = format!("facts[{}].ask_if", facts[i].id);
            let scope = Scope { facts: &facts };
            let c = load_cond(&mut l, cond, &path, &scope);
            facts[i].ask_if = c;
        }
    }

    let scope = Scope { facts: &facts };
    let size_standard = get(o, "size_standard").and_then(|v| load_size(&mut l, v, &scope));
    let derived: Vec<Derived> = derived_values
        .iter()
        .enumerate()
        .map(|(i, v)| load_derived(&mut l, v, &index("derived", i), &scope))
        .collect();
    check_derived_cycles(&mut l, &derived);

    let measure_values = l.opt_list(o, "measures", "");
    let measures: Vec<Measure> = measure_values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| load_measure(&mut l, v, i, &scope, &chapters))
        .collect();
    let measure_ids: Vec<String> = measures.iter().map(|m| m.id.to_string()).collect();
    l.unique(&measure_ids, "measures");

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
    })
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
    l.unique(&ids, "chapters");
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
        let id = l.req_str(c, "id", &path);
        let title = l.req_text(c, "title", &path);
        out.push(Section { id, title });
    }
    l.sections = out.iter().map(|s| s.id.clone()).collect();
    let ids = l.sections.clone();
    l.unique(&ids, "sections");
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
        let id = l.req_str(c, "id", &path);
        let name = l.req_text(c, "name", &path);
        out.push(Department { id, name });
    }
    l.departments = out.iter().map(|d| d.id.clone()).collect();
    let ids = l.departments.clone();
    l.unique(&ids, "departments");
    out
}

fn load_sources(l: &mut Loader, o: Entries) -> Vec<Source> {
    let items = l.opt_list(o, "sources", "");
    let mut out = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let path = index("sources", i);
        let Some(c) = l.object(v, &path, &["id", "title", "evidence", "url"]) else {
            continue;
        };
        let id = l.req_str(c, "id", &path);
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
        out.push(Source {
            id,
            title,
            evidence,
            url,
        });
    }
    l.sources = out.iter().map(|s| s.id.clone()).collect();
    let ids = l.sources.clone();
    l.unique(&ids, "sources");
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
    let id = l.req_str(o, "id", path);
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
        if !s.is_empty() && !l.sections.contains(&s) {
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
            FactKind::Int { min: lo, max: hi }
        }
        "year" => {
            let lo = bound_int(l, min, path, "min").unwrap_or(1900);
            let hi = bound_int(l, max, path, "max").unwrap_or(2100);
            let to_year = |x: i64| i32::try_from(x).unwrap_or(0);
            FactKind::Year {
                min: to_year(lo),
                max: to_year(hi),
            }
        }
        "money" => {
            let lo = bound_dec(l, min, path, "min").unwrap_or(Decimal::ZERO);
            // A trillion yuan: beyond any SME and far inside Decimal's range, so sums cannot overflow.
            let hi = bound_dec(l, max, path, "max").unwrap_or(Decimal::from(1_000_000_000_000_i64));
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
                let id = l.req_str(co, "id", &cp);
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
            l.unique(&ids, &join(path, "values"));
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
            l.unique(&ids, &join(path, "fields"));
            let max_items = match get(o, "max_items") {
                Some(v) => l.uint(v, &join(path, "max_items")).unwrap_or(0) as usize,
                None => 1000,
            };
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
    let o = l.object(v, path, COND_KEYS)?;
    let shapes = ["all", "any", "not", "ref", "fact", "count"];
    let present: Vec<&str> = shapes
        .iter()
        .copied()
        .filter(|k| get(o, k).is_some())
        .collect();
    if present.len() != 1 {
        l.err(
            path,
            Problem::BadFormula(format!(
                "a condition has exactly one of all, any, not, ref, fact, count (found: {})",
                if present.is_empty() {
                    "none".to_owned()
                } else {
                    present.join(", ")
                }
            )),
        );
        return None;
    }
    match present[0] {
        "all" | "any" => {
            let key = present[0];
            let items = l.list(get(o, key)?, &join(path, key));
            let kids: Vec<Cond> = items
                .iter()
                .enumerate()
                .filter_map(|(i, c)| load_cond(l, c, &index(&join(path, key), i), scope))
                .collect();
            if kids.is_empty() {
                l.err(
                    path,
                    Problem::BadFormula(format!("“{key}” needs at least one condition")),
                );
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
            let name = l.string(get(o, "ref")?, &join(path, "ref"))?;
            match l.derived_ids.iter().position(|d| *d == name) {
                Some(i) => Some(Cond::Derived(i)),
                None => {
                    l.err(path, Problem::UnknownRef(name));
                    None
                }
            }
        }
        _ => load_leaf(l, o, path, scope).map(Cond::Leaf),
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
            let Some(list) = scope.facts.iter().position(|f| f.id == list_name) else {
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
            let item_scope = Scope { facts: fields };
            let filter = load_filter(l, get(o, "where"), &join(path, "where"), &item_scope);
            (Subject::Count { list, filter }, list_name, KindView::Count)
        } else {
            if get(o, "where").is_some() {
                l.err(
                    path,
                    Problem::BadFormula("“where” belongs to “count”".into()),
                );
            }
            let name = l.string(get(o, "fact")?, &join(path, "fact"))?;
            let Some(i) = scope.facts.iter().position(|f| f.id == name) else {
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
    let items = l.list(v, path);
    items
        .iter()
        .enumerate()
        .filter_map(|(i, c)| load_cond(l, c, &index(path, i), scope))
        .collect()
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
            Some(d) if kind != KindView::Money && d.fract() != Decimal::ZERO => {
                mismatch(l, "a whole number")
            }
            Some(d) => Some(Operand::Number(d)),
            None => mismatch(l, "a number"),
        },
        KindView::Year => match v {
            Value::Int(y) => i32::try_from(*y)
                .ok()
                .map(|y| Operand::Year(YearExpr::Fixed(y))),
            Value::Str(s) => match parse_as_of_year(s) {
                Some(y) => Some(Operand::Year(y)),
                None => {
                    l.err(
                        path,
                        Problem::BadFormula(format!("“{s}” is neither a year nor as_of_year±N")),
                    );
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
                        l.err(
                            path,
                            Problem::BadFormula(format!("“{s}” is not as_of±N[ymd]")),
                        );
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
    let id = l.req_str(o, "id", path);
    let path = &format!("derived[{id}]");
    let label = l.req_text(o, "label", path);
    let when = l
        .req(o, "when", path)
        .and_then(|w| load_cond(l, w, &join(path, "when"), scope))
        .unwrap_or(Cond::All(Vec::new()));
    Derived { id, label, when }
}

fn check_derived_cycles(l: &mut Loader, derived: &[Derived]) {
    fn refs(c: &Cond, out: &mut Vec<usize>) {
        match c {
            Cond::All(k) | Cond::Any(k) => k.iter().for_each(|c| refs(c, out)),
            Cond::Not(c) => refs(c, out),
            Cond::Derived(i) => out.push(*i),
            Cond::Leaf(leaf) => {
                if let Subject::Count { filter, .. } = &leaf.subject {
                    filter.iter().for_each(|c| refs(c, out));
                }
            }
        }
    }
    for (start, d) in derived.iter().enumerate() {
        // Depth-first over references; a derived condition reachable from itself is a cycle.
        let mut stack = Vec::new();
        refs(&d.when, &mut stack);
        let mut seen = vec![false; derived.len()];
        while let Some(i) = stack.pop() {
            if i == start {
                l.err(
                    &format!("derived[{}]", d.id),
                    Problem::CircularRef(d.id.clone()),
                );
                break;
            }
            if i < derived.len() && !seen[i] {
                seen[i] = true;
                refs(&derived[i].when, &mut stack);
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
        ],
    )?;
    let id = l.req_str(o, "id", path);
    let title = l.req_text(o, "title", path);
    let source = l.source_ref(o, "source", path);
    if source.is_none() && get(o, "source").is_none() {
        l.err(path, Problem::MissingKey("source".into()));
    }
    let industry_name = l.req_str(o, "industry_fact", path);
    let class_name = l.req_str(o, "class_fact", path);
    let industry_fact = scope.facts.iter().position(|f| f.id == industry_name);
    let class_fact = scope.facts.iter().position(|f| f.id == class_name);
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
    for (gi, g) in l.opt_list(o, "groups", path).iter().enumerate() {
        let gp = index(&join(path, "groups"), gi);
        let Some(go) = l.object(g, &gp, &["industry", "sme_below", "medium", "small"]) else {
            continue;
        };
        let names: Vec<String> = match get(go, "industry") {
            Some(Value::Str(s)) => vec![s.clone()],
            Some(Value::List(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => {
                l.err(&gp, Problem::MissingKey("industry".into()));
                Vec::new()
            }
        };
        let mut industries = Vec::new();
        for n in names {
            match choices.iter().position(|c| c.id == n) {
                Some(p) => {
                    if covered[p] {
                        l.err(&gp, Problem::Duplicate(n.clone()));
                    }
                    covered[p] = true;
                    industries.push(u16::try_from(p).unwrap_or(u16::MAX));
                }
                None => l.err(
                    &gp,
                    Problem::UnknownChoice {
                        fact: industry_name.clone(),
                        value: n,
                    },
                ),
            }
        }
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
                let fi = scope.facts.iter().position(|f| f.id == *fname);
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
                l.err(
                    &bp,
                    Problem::BadFormula("a tier needs at least one bound".into()),
                );
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
    for (i, c) in covered.iter().enumerate() {
        if !c {
            l.err(
                path,
                Problem::MissingKey(format!("groups for industry {}", choices[i].id)),
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
];
const PART_KEYS: &[&str] = &["id", "title", "window", "when", "amount", "note"];

fn load_measure(
    l: &mut Loader,
    v: &Value,
    i: usize,
    scope: &Scope,
    chapters: &[Chapter],
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
    let kind_reason = l.req_text(o, "kind_reason", &path);
    let title = l.req_text(o, "title", &path);
    let text = l.req_text(o, "text", &path);
    let text_note = l.opt_text(o, "text_note", &path);
    let note = l.opt_text(o, "note", &path);
    let mut departments = Vec::new();
    for d in l.opt_list(o, "departments", &path) {
        let Some(name) = l.string(d, &join(&path, "departments")) else {
            continue;
        };
        match l.departments.iter().position(|x| *x == name) {
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
        match l.sources.iter().position(|x| *x == name) {
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
    l.unique(&part_ids, &join(&path, "parts"));
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
    let id = l.req_str(o, "id", path);
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
    })
}

fn load_window(l: &mut Loader, v: &Value, path: &str) -> Option<Window> {
    let o = l.object(v, path, &["from", "to", "cite"])?;
    let from = get(o, "from").and_then(|d| l.date(d, &join(path, "from")));
    let to = get(o, "to").and_then(|d| l.date(d, &join(path, "to")));
    let cite = l.req_text(o, "cite", path);
    if let (Some(a), Some(b)) = (from, to)
        && a > b
    {
        l.err(path, Problem::BadDate(format!("{a} > {b}")));
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
            l.err(
                path,
                Problem::BadFormula(
                    "an amount has either “exact”, or “min” with an optional “max”".into(),
                ),
            );
            return None;
        }
    };
    if let (Expr::Const(a), Some(Expr::Const(b))) = (&min, &max)
        && a > b
    {
        l.err(
            path,
            Problem::BadFormula(format!("min {a} is above max {b}")),
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
    if let Some(d) = v.as_decimal() {
        if d.is_sign_negative() {
            l.err(path, Problem::BadFormula(format!("negative amount {d}")));
            return None;
        }
        return Some(Expr::Const(d));
    }
    let Value::Map(o) = v else {
        l.err(
            path,
            Problem::BadFormula(format!(
                "“{}” is neither a number nor an expression",
                short(v)
            )),
        );
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
            Problem::BadFormula(
                "an expression has exactly one of fact, mul, add, min_of, max_of, count".into(),
            ),
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
            let Some(i) = scope.facts.iter().position(|f| f.id == name) else {
                l.err(&p, Problem::UnknownFact(name));
                return None;
            };
            match scope.facts[i].kind {
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
            let Some(list) = scope.facts.iter().position(|f| f.id == name) else {
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
                &Scope { facts: fields },
            );
            Some(Expr::Count { list, filter })
        }
        _ => {
            let items = l.list(arg, &p);
            if items.len() < 2 {
                l.err(
                    &p,
                    Problem::BadFormula(format!("“{key}” needs at least two terms")),
                );
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
