//! The ruleset described for a reader in one language: the questions (facts) with labels, units and
//! help, the chapters and the measures with their clause text and the Chinese original beside it.
//! A page builds its form and its policy view from this alone.

use super::format;
use super::model::*;
use super::report::{Period, last_window_end};
use super::text::Lang;
use serde::Serialize;

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Catalog {
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Lang"))]
    pub lang: &'static str,
    pub id: String,
    pub version: String,
    pub hash: String,
    pub title: String,
    pub document: String,
    pub issuer: String,
    pub issued: String,
    pub source: String,
    pub period: Period,
    pub chapters: Vec<Named>,
    pub sections: Vec<Named>,
    pub sources: Vec<SourceInfo>,
    pub facts: Vec<FactInfo>,
    pub measures: Vec<MeasureInfo>,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Named {
    pub id: String,
    pub title: String,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct SourceInfo {
    pub id: String,
    pub title: String,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "Evidence"))]
    pub evidence: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct FactInfo {
    pub id: String,
    #[serde(rename = "type")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "FactType"))]
    pub kind: &'static str,
    pub section: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub choices: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub fields: Vec<FactInfo>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub computed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct MeasureInfo {
    pub id: u32,
    pub chapter: u32,
    #[cfg_attr(target_arch = "wasm32", tsify(type = "MeasureKind"))]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind_reason: Option<String>,
    pub title: String,
    pub title_zh: String,
    pub text: String,
    pub text_zh: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_note: Option<String>,
    pub departments: Vec<String>,
    pub parts: Vec<PartInfo>,
    pub sources: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct PartInfo {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window_cite: Option<String>,
}

fn fact_info(rs: &Ruleset, f: &Fact, lang: Lang) -> FactInfo {
    let (min, max) = match &f.kind {
        FactKind::Int { min, max } => (Some(min.to_string()), Some(max.to_string())),
        FactKind::Year { min, max } => (Some(min.to_string()), Some(max.to_string())),
        FactKind::Money { min, max } => (Some(format::plain(*min)), Some(format::plain(*max))),
        FactKind::Date { min, max } => (Some(min.to_string()), Some(max.to_string())),
        _ => (None, None),
    };
    FactInfo {
        id: f.id.clone(),
        kind: f.kind.name(),
        section: f.section.clone(),
        label: rs.text(&f.label, lang).to_owned(),
        help: f.help.as_ref().map(|h| rs.text(h, lang).to_owned()),
        unit: f.unit.as_ref().map(|u| rs.text(u, lang).to_owned()),
        min,
        max,
        choices: match &f.kind {
            FactKind::Enum(cs) => cs
                .iter()
                .map(|c| Named {
                    id: c.id.clone(),
                    title: rs.text(&c.label, lang).to_owned(),
                })
                .collect(),
            _ => Vec::new(),
        },
        fields: match &f.kind {
            FactKind::List { fields, .. } => {
                fields.iter().map(|x| fact_info(rs, x, lang)).collect()
            }
            _ => Vec::new(),
        },
        computed: f.computed,
        source: f
            .source
            .map(|s| rs.text(&rs.sources[s].title, lang).to_owned()),
    }
}

pub fn catalog(rs: &Ruleset, lang: Lang) -> Catalog {
    let t = |x: &crate::engine::text::Text| rs.text(x, lang).to_owned();
    Catalog {
        lang: lang.code(),
        id: rs.id.clone(),
        version: rs.version.clone(),
        hash: rs.hash.clone(),
        title: t(&rs.title),
        document: t(&rs.document),
        issuer: t(&rs.issuer),
        issued: rs.issued.to_string(),
        source: t(&rs.source),
        period: Period {
            from: rs.issued.to_string(),
            to: last_window_end(rs).map(|d| d.to_string()),
        },
        chapters: rs
            .chapters
            .iter()
            .map(|c| Named {
                id: c.id.to_string(),
                title: t(&c.title),
            })
            .collect(),
        sections: rs
            .sections
            .iter()
            .map(|s| Named {
                id: s.id.clone(),
                title: t(&s.title),
            })
            .collect(),
        sources: rs
            .sources
            .iter()
            .map(|s| SourceInfo {
                id: s.id.clone(),
                title: t(&s.title),
                evidence: s.evidence.clone(),
                url: s.url.clone(),
            })
            .collect(),
        facts: rs.facts.iter().map(|f| fact_info(rs, f, lang)).collect(),
        measures: rs
            .measures
            .iter()
            .map(|m| MeasureInfo {
                id: m.id,
                chapter: m.chapter,
                kind: m.kind.code(),
                kind_reason: m.kind_reason.as_ref().map(t),
                title: t(&m.title),
                title_zh: rs.text(&m.title, Lang::Zh).to_owned(),
                text: t(&m.text),
                text_zh: rs.text(&m.text, Lang::Zh).to_owned(),
                text_note: m.text_note.as_ref().map(t),
                departments: m
                    .departments
                    .iter()
                    .map(|d| t(&rs.departments[*d].name))
                    .collect(),
                parts: m
                    .parts
                    .iter()
                    .map(|p| PartInfo {
                        id: p.id.clone(),
                        title: t(&p.title),
                        from: p
                            .window
                            .as_ref()
                            .and_then(|w| w.from)
                            .map(|d| d.to_string()),
                        to: p.window.as_ref().and_then(|w| w.to).map(|d| d.to_string()),
                        window_cite: p.window.as_ref().map(|w| t(&w.cite)),
                    })
                    .collect(),
                sources: m.sources.iter().map(|s| t(&rs.sources[*s].title)).collect(),
                note: m.note.as_ref().map(t),
            })
            .collect(),
    }
}
