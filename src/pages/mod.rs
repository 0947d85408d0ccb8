//! `sme-check pages DIR OUT`: one static page per measure of a ruleset folder (the way Publicodes
//! publishes a page per rule), so a policy officer reviews a measure without reading TOML: the
//! clause in three languages, its conditions and amounts in words, its sources with their evidence
//! level, and its example cases, which `cases.js` runs in the browser against the engine (pass or
//! fail beside each). Static HTML with no inline script or style (it works under the strict CSP the
//! widget is tested under), a `lang` on every passage, and no request off the site.

mod words;

use crate::compile::compile_dir;
use crate::engine::model::{Amendment, AmountRule, Cond, Expr, Kind, Measure, Ruleset};
use crate::engine::text::{Lang, Text, fill};
use crate::native::load_json;
use serde_json::Value as Json;
use std::fmt::Write as _;
use std::fs;
use std::io::Write;
use std::path::Path;
use words::Line;

/// The case runner and the style sheet, written beside the pages.
const RUNNER: &str = include_str!("cases.js");
const STYLE: &str = include_str!("pages.css");

pub fn run(args: &[String], out: &mut dyn Write) -> Result<(), String> {
    let [dir, to] = args else {
        return Err("usage: sme-check pages DIR OUT".into());
    };
    let n = write_pages(Path::new(dir), Path::new(to))?;
    writeln!(out, "{n} pages written to {to}").map_err(|e| e.to_string())
}

/// Writes `index.html`, one `NN.html` per measure, `cases.js` and `pages.css` into `out` (whose
/// other `.html` files are removed, so the folder is exactly the ruleset's pages).
pub fn write_pages(dir: &Path, out: &Path) -> Result<usize, String> {
    let compiled = compile_dir(dir)?;
    let text = serde_json::to_string(&compiled.document).map_err(|e| e.to_string())?;
    let rs = load_json(&text).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.message(Lang::En))
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let io = |e: std::io::Error| format!("{}: {e}", out.display());
    fs::create_dir_all(out).map_err(io)?;
    for e in fs::read_dir(out).map_err(io)?.flatten() {
        if e.path().extension().is_some_and(|x| x == "html") {
            fs::remove_file(e.path()).map_err(io)?;
        }
    }
    let mut written = 0;
    for m in &rs.measures {
        let cases = compiled
            .cases
            .iter()
            .filter(|f| f.measure == u64::from(m.id))
            .flat_map(|f| f.cases.iter())
            .collect::<Vec<_>>();
        fs::write(out.join(file_name(m.id)), measure_page(&rs, m, &cases)).map_err(io)?;
        written += 1;
    }
    fs::write(out.join("index.html"), index_page(&rs)).map_err(io)?;
    fs::write(out.join("cases.js"), RUNNER).map_err(io)?;
    fs::write(out.join("pages.css"), STYLE).map_err(io)?;
    Ok(written)
}

fn file_name(id: u32) -> String {
    format!("{id:02}.html")
}

/// Text for HTML: `<`, `&`, `"` and `'` escaped (attributes are always quoted).
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn html_lang(lang: Lang) -> &'static str {
    lang.pick(["zh-CN", "ja", "en"])
}

/// The same words in the three languages, each in its own element with its `lang`.
fn tri(tag: &str, class: &str, t: [&str; 3]) -> String {
    Lang::ALL
        .iter()
        .zip(t)
        .map(|(l, s)| {
            format!(
                "<{tag} lang=\"{}\" class=\"{class}\">{}</{tag}>",
                html_lang(*l),
                esc(s)
            )
        })
        .collect()
}

fn text3<'a>(rs: &'a Ruleset, t: &Text) -> [&'a str; 3] {
    Lang::ALL.map(|l| rs.text(t, l))
}

fn head(title: &str, runner: bool) -> String {
    let script = if runner {
        "\n<script type=\"module\" src=\"cases.js\"></script>"
    } else {
        ""
    };
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<link rel=\"icon\" href=\"../icon.svg\">\n<link rel=\"stylesheet\" href=\"pages.css\">{script}\n</head>\n<body>\n",
        esc(title)
    )
}

fn index_page(rs: &Ruleset) -> String {
    let mut h = head(
        &format!(
            "{} — {}",
            rs.text(&rs.document, Lang::Zh),
            rs.text(&rs.title, Lang::Zh)
        ),
        false,
    );
    let _ = writeln!(
        h,
        "<header>\n<h1>{}</h1>\n{}</header>\n<main>",
        tri("span", "t", text3(rs, &rs.document)),
        tri("p", "sub", text3(rs, &rs.title))
    );
    let _ = writeln!(
        h,
        "{}\n<ol class=\"measures\">",
        tri(
            "p",
            "note",
            [
                "每项措施一页：条文（中日英）、条件与金额、依据文件及其可信度、示例案例（在浏览器中运行）。",
                "措置ごとに1ページ：条文（中日英）、条件と金額、根拠文書とその確度、事例（ブラウザで実行）。",
                "A page per measure: the clause (zh, ja, en), its conditions and amounts, its sources and their evidence, its example cases (run in the browser).",
            ]
        )
    );
    for m in &rs.measures {
        let _ = writeln!(
            h,
            "<li><a href=\"{}\">{} {}</a></li>",
            file_name(m.id),
            m.id,
            tri("span", "t", text3(rs, &m.title))
        );
    }
    h.push_str("</ol>\n</main>\n</body>\n</html>\n");
    h
}

fn kind_words(k: Kind) -> [&'static str; 3] {
    match k {
        Kind::Benefit => [
            "可申请的奖补（有金额规则）",
            "申請できる支援（金額規則あり）",
            "A benefit (with an amount rule)",
        ],
        Kind::Support => [
            "可申请的支持（未定金额）",
            "申請できる支援（金額なし）",
            "Support (no amount stated)",
        ],
        Kind::Programme => [
            "面向中小企业的一般性项目",
            "中小企業一般向けの施策",
            "A programme open to SMEs in general",
        ],
        Kind::Government => [
            "面向政府部门",
            "政府部門向け",
            "Addressed to government bodies",
        ],
    }
}

fn evidence_words(e: &str) -> [&'static str; 3] {
    match e {
        "official" => [
            "已与官方原文核对",
            "公式原文で確認済み",
            "checked against the official text",
        ],
        "cited" => [
            "有独立公开来源引用",
            "独立した公開資料が引用",
            "quoted by independent public sources",
        ],
        _ => [
            "广为人知，尚未与原文核对",
            "広く知られているが原文未確認",
            "widely known, not yet checked against the official text",
        ],
    }
}

fn measure_page(rs: &Ruleset, m: &Measure, cases: &[&Json]) -> String {
    let mut h = head(
        &format!(
            "{} {} — {}",
            rs.text(&rs.document, Lang::Zh),
            m.id,
            rs.text(&m.title, Lang::Zh)
        ),
        true,
    );
    let _ = writeln!(
        h,
        "<header>\n<p class=\"crumbs\"><a href=\"index.html\">{}</a></p>\n<h1><span class=\"num\">{}</span> {}</h1>\n{}</header>\n<main>",
        tri("span", "t", text3(rs, &rs.document)),
        m.id,
        tri("span", "t", text3(rs, &m.title)),
        tri("p", "kind", kind_words(m.kind)),
    );
    if let Some(r) = &m.kind_reason {
        h.push_str(&tri("p", "reason", text3(rs, r)));
    }
    // The clause, each language a passage of its own.
    let _ = write!(
        h,
        "<section aria-labelledby=\"clause\">\n<h2 id=\"clause\">{}</h2>\n<div class=\"clause\">",
        tri("span", "t", ["条文", "条文", "The clause"])
    );
    for lang in Lang::ALL {
        let _ = write!(
            h,
            "<blockquote lang=\"{}\">{}</blockquote>",
            html_lang(lang),
            esc(rs.text(&m.text, lang))
        );
    }
    h.push_str("</div>\n");
    if let Some(n) = &m.text_note {
        h.push_str(&tri("p", "note", text3(rs, n)));
    }
    h.push_str("</section>\n");
    if !m.departments.is_empty() {
        let names: Vec<String> = Lang::ALL
            .iter()
            .map(|l| {
                m.departments
                    .iter()
                    .map(|d| rs.text(&rs.departments[*d].name, *l))
                    .collect::<Vec<_>>()
                    .join(l.pick(["、", "・", ", "]))
            })
            .collect();
        let _ = writeln!(
            h,
            "<section aria-labelledby=\"depts\">\n<h2 id=\"depts\">{}</h2>\n{}</section>",
            tri("span", "t", ["责任部门", "担当部門", "Departments"]),
            tri("p", "d", [&names[0], &names[1], &names[2]])
        );
    }
    // Parts: window, conditions, amount.
    let mut used_sources: Vec<usize> = m.sources.clone();
    for p in &m.parts {
        let _ = writeln!(
            h,
            "<section class=\"part\" aria-labelledby=\"part-{0}\">\n<h2 id=\"part-{0}\">({0}) {1}</h2>",
            esc(&p.id),
            tri("span", "t", text3(rs, &p.title))
        );
        if let Some(w) = &p.window {
            let from = w.from.map(|d| d.to_string()).unwrap_or_default();
            let to = w.to.map(|d| d.to_string()).unwrap_or_default();
            let _ = write!(
                h,
                "<h3>{}</h3>\n<p class=\"window\">{} – {}</p>\n{}",
                tri("span", "t", ["适用期限", "適用期間", "Window"]),
                esc(&from),
                esc(&to),
                tri("p", "cite", text3(rs, &w.cite))
            );
        }
        if !p.when.is_empty() {
            let _ = writeln!(
                h,
                "<h3>{}</h3>",
                tri(
                    "span",
                    "t",
                    [
                        "条件（须全部满足）",
                        "条件（すべて満たす）",
                        "Conditions (all must hold)"
                    ]
                )
            );
            conds_html(&mut h, rs, &p.when, &mut used_sources);
        }
        if let Some(a) = &p.amount {
            amount_html(&mut h, rs, a);
        }
        for a in &p.amendments {
            amendment_html(&mut h, rs, a, &mut used_sources);
        }
        if let Some(n) = &p.note {
            h.push_str(&tri("p", "note", text3(rs, n)));
        }
        h.push_str("</section>\n");
    }
    if let Some(n) = &m.note {
        let _ = writeln!(
            h,
            "<section aria-labelledby=\"notes\">\n<h2 id=\"notes\">{}</h2>\n{}</section>",
            tri("span", "t", ["说明", "注記", "Notes"]),
            tri("p", "note", text3(rs, n))
        );
    }
    used_sources.sort_unstable();
    used_sources.dedup();
    if !used_sources.is_empty() {
        let _ = write!(
            h,
            "<section aria-labelledby=\"sources\">\n<h2 id=\"sources\">{}</h2>\n<ul class=\"sources\">",
            tri("span", "t", ["依据文件", "根拠文書", "Sources"])
        );
        for s in &used_sources {
            let src = &rs.sources[*s];
            let _ = write!(
                h,
                "<li><code>{}</code> {}<span class=\"evidence ev-{}\">{}</span>",
                esc(&src.id),
                tri("span", "t", text3(rs, &src.title)),
                esc(&src.evidence),
                tri("span", "t", evidence_words(&src.evidence))
            );
            if let Some(u) = &src.url {
                let _ = write!(h, " <span class=\"url\">{}</span>", esc(u));
            }
            h.push_str("</li>");
        }
        h.push_str("</ul>\n</section>\n");
    }
    cases_section(&mut h, m, cases);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn conds_html(h: &mut String, rs: &Ruleset, when: &[Cond], used: &mut Vec<usize>) {
    h.push_str("<div class=\"conds\">");
    for lang in Lang::ALL {
        let _ = write!(h, "<ul lang=\"{}\">", html_lang(lang));
        for c in when {
            collect_sources(rs, c, used);
            list_item(h, rs, &words::cond(rs, &rs.facts, c, lang), lang);
        }
        h.push_str("</ul>");
    }
    h.push_str("</div>\n");
}

fn amount_html(h: &mut String, rs: &Ruleset, a: &AmountRule) {
    let kind = amount_kind(rs, &a.min, a.max.as_ref());
    let _ = write!(
        h,
        "<h3>{}</h3>\n<div class=\"amount\">",
        tri("span", "t", ["金额", "金額", "Amount"])
    );
    for lang in Lang::ALL {
        let min = words::formula(rs, &a.min, lang);
        let max = a
            .max
            .as_ref()
            .map(|x| words::formula(rs, x, lang))
            .unwrap_or_default();
        let line = match kind {
            "exact" => min,
            "floor" => fill(lang, &["不低于 {0}", "{0} 以上", "at least {0}"], &[&min]),
            "cap" => fill(
                lang,
                &["最高 {1}", "上限 {1}", "at most {1}"],
                &[&min, &max],
            ),
            _ => fill(
                lang,
                &["{0} 至 {1}", "{0}～{1}", "from {0} to {1}"],
                &[&min, &max],
            ),
        };
        let _ = write!(
            h,
            "<p lang=\"{}\" class=\"formula\">{}</p>",
            html_lang(lang),
            esc(&line)
        );
    }
    h.push_str("</div>\n");
    h.push_str(&tri("p", "cite", text3(rs, &a.cite)));
    if let Some(b) = &a.basis {
        h.push_str(&tri("p", "basis", text3(rs, b)));
    }
}

/// A later document that changes the part from a date: what it changes, in words, with its words.
fn amendment_html(h: &mut String, rs: &Ruleset, a: &Amendment, used: &mut Vec<usize>) {
    used.push(a.source);
    let src = &rs.sources[a.source];
    let until = a.until.map(|d| d.to_string()).unwrap_or_default();
    let _ = writeln!(
        h,
        "<div class=\"amendment\">\n<h3>{}</h3>\n{}<p class=\"window\">{} {} – {}</p>",
        tri(
            "span",
            "t",
            [
                "后续文件修订",
                "後の文書による改正",
                "Amended by a later document"
            ]
        ),
        tri("p", "d", text3(rs, &src.title)),
        tri("span", "t", ["施行", "施行", "in force"]),
        esc(&a.in_force.to_string()),
        esc(&until),
    );
    if let Some(w) = &a.window {
        let from = w.from.map(|d| d.to_string()).unwrap_or_default();
        let to = w.to.map(|d| d.to_string()).unwrap_or_default();
        let _ = writeln!(
            h,
            "<p class=\"window\">{} {} – {}</p>",
            tri(
                "span",
                "t",
                ["适用期限改为", "適用期間を変更", "window becomes"]
            ),
            esc(&from),
            esc(&to)
        );
    }
    if let Some(when) = &a.when {
        let _ = writeln!(
            h,
            "<h3>{}</h3>",
            tri(
                "span",
                "t",
                ["修订后的条件", "改正後の条件", "Conditions as amended"]
            )
        );
        conds_html(h, rs, when, used);
    }
    if let Some(amount) = &a.amount {
        amount_html(h, rs, amount);
    }
    h.push_str(&tri("p", "cite", text3(rs, &a.cite)));
    if let Some(n) = &a.note {
        h.push_str(&tri("p", "note", text3(rs, n)));
    }
    h.push_str("</div>\n");
}

fn list_item(h: &mut String, rs: &Ruleset, line: &Line, lang: Lang) {
    let _ = write!(h, "<li>{}", esc(&line.text));
    if let Some(c) = &line.cite {
        let _ = write!(h, " <q class=\"cite\">{}</q>", esc(c));
    }
    if let Some(s) = line.source {
        let _ = write!(
            h,
            " <span class=\"src\">{}{}</span>",
            lang.pick(["依据：", "根拠：", "source: "]),
            esc(&rs.sources[s].id)
        );
    }
    if !line.under.is_empty() {
        h.push_str("<ul>");
        for u in &line.under {
            list_item(h, rs, u, lang);
        }
        h.push_str("</ul>");
    }
    h.push_str("</li>");
}

fn collect_sources(rs: &Ruleset, c: &Cond, out: &mut Vec<usize>) {
    match c {
        Cond::All(items) | Cond::Any(items) => {
            items.iter().for_each(|x| collect_sources(rs, x, out))
        }
        Cond::Not(x) => collect_sources(rs, x, out),
        Cond::Derived(i) => collect_sources(rs, &rs.derived[*i].when, out),
        Cond::Leaf(l) => {
            out.extend(l.source);
            if let crate::engine::model::Subject::Count { filter, .. } = &l.subject {
                filter.iter().for_each(|x| collect_sources(rs, x, out));
            }
        }
    }
}

/// `exact`, `floor` (no maximum), `cap` (from 0) or `range`.
fn amount_kind(rs: &Ruleset, min: &Expr, max: Option<&Expr>) -> &'static str {
    match max {
        None => "floor",
        Some(max) => {
            let same = words::formula(rs, min, Lang::En) == words::formula(rs, max, Lang::En);
            match min {
                _ if same => "exact",
                Expr::Const(d) if d.is_zero() => "cap",
                _ => "range",
            }
        }
    }
}

/// The example cases, with their expectations as data for `cases.js`, which runs each one.
fn cases_section(h: &mut String, m: &Measure, cases: &[&Json]) {
    let _ = writeln!(
        h,
        "<section aria-labelledby=\"cases\">\n<h2 id=\"cases\">{}</h2>\n{}<p id=\"summary\" class=\"summary\" role=\"status\" data-measure=\"{}\" data-total=\"{}\">Running the cases…</p>\n<table class=\"cases\">\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\" lang=\"en\">Case</th><th scope=\"col\" lang=\"en\">As of</th><th scope=\"col\" lang=\"en\">Expected</th><th scope=\"col\" lang=\"en\">Result in this browser</th></tr></thead>\n<tbody>",
        tri("span", "t", ["示例案例", "事例", "Example cases"]),
        tri(
            "p",
            "note",
            [
                "每个案例：一家企业、一个评估日期和预期结果；本页在浏览器中用引擎逐一运行（状态、金额和待补信息；说明文字另由 tests/cases.rs 检查）。",
                "各事例：企業・評価日・期待される結果。このページはブラウザ上でエンジンにより実行する（状態・金額・不足情報。説明文は tests/cases.rs で確認）。",
                "Each case: an enterprise, a date, the expected result. This page runs each one with the engine in your browser (statuses, amounts, missing answers; the explanation texts are checked by tests/cases.rs).",
            ]
        ),
        m.id,
        cases.len(),
    );
    for (i, c) in cases.iter().enumerate() {
        let name = c["name"].as_str().unwrap_or_default();
        let as_of = c["as_of"].as_str().unwrap_or_default();
        let mut expect = expectation(&c["expect"]);
        if c["text_only"].as_bool() == Some(true) {
            expect.insert_str(0, "(the clause alone, without later documents) ");
        }
        let profile = serde_json::to_string_pretty(&c["profile"]).unwrap_or_default();
        let text_only = c["text_only"].as_bool() == Some(true);
        let data = serde_json::json!({ "as_of": as_of, "text_only": text_only, "profile": c["profile"], "expect": c["expect"] });
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td lang=\"en\">{}<details><summary>profile</summary><pre>{}</pre></details></td><td>{}</td><td lang=\"en\">{}</td><td class=\"result\" data-case=\"{}\">not run</td></tr>",
            i + 1,
            esc(name),
            esc(&profile),
            esc(as_of),
            esc(&expect),
            esc(&data.to_string())
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

/// What a case expects, in a line.
fn expectation(e: &Json) -> String {
    let mut out = Vec::new();
    if let Some(s) = e["status"].as_str() {
        out.push(s.to_owned());
    }
    if let Some(p) = e["parts"].as_object() {
        out.push(
            p.iter()
                .map(|(k, v)| format!("({k}) {}", v.as_str().unwrap_or_default()))
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    let amount = |a: &Json| match a {
        Json::String(s) => s.clone(),
        _ => format!(
            "{}–{}",
            a["min"].as_str().unwrap_or("?"),
            a["max"].as_str().unwrap_or("")
        ),
    };
    if !e["amount"].is_null() {
        out.push(format!("amount {}", amount(&e["amount"])));
    }
    if let Some(p) = e["part_amounts"].as_object() {
        for (k, v) in p {
            out.push(format!("({k}) amount {}", amount(v)));
        }
    }
    if let Some(p) = e["amended_by"].as_object() {
        for (k, v) in p {
            out.push(format!(
                "({k}) amended by {}",
                v.as_str().unwrap_or_default()
            ));
        }
    }
    if let Some(p) = e["text_statuses"].as_object() {
        for (k, v) in p {
            out.push(format!(
                "({k}) under the clause alone {}",
                v.as_str().unwrap_or_default()
            ));
        }
    }
    if let Some(m) = e["missing"].as_array() {
        out.push(format!(
            "missing {}",
            m.iter()
                .filter_map(Json::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if let Some(s) = e["size_class"].as_str() {
        out.push(format!("size {s}"));
    }
    out.join("; ")
}
