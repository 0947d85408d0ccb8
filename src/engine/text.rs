//! The three languages of the product and a string in all of them.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh")]
    Zh,
    #[serde(rename = "ja")]
    Ja,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Zh, Lang::Ja, Lang::En];

    /// Accepts the codes a page or a shell would use: `zh`, `zh-CN`, `ja`, `ja-JP`, `en`, `en-GB`…
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "zh" => Some(Lang::Zh),
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// Picks the string for this language out of a `[zh, ja, en]` triple.
    pub fn pick<T>(self, of: [T; 3]) -> T {
        // Takes the array by value so callers may pass owned strings; for messages with
        // arguments use `fill`, which builds only the one language needed.
        let [zh, ja, en] = of;
        match self {
            Lang::Zh => zh,
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    /// A message of the catalogue (`messages`) without holes, in this language.
    pub fn say(self, message: &'static Tpl) -> &'static str {
        self.pick(*message)
    }
}

/// A message in the three languages, `[zh, ja, en]`, with numbered holes `{0}`, `{1}`…
pub type Tpl = [&'static str; 3];

/// Fills a message's holes for one language. One small function instead of a `format!` per
/// message and language keeps the WebAssembly small; a hole without an argument stays empty.
pub fn fill(lang: Lang, tpl: &Tpl, args: &[&str]) -> String {
    let t = lang.pick(*tpl);
    let mut out = String::with_capacity(t.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after
            .find('}')
            .and_then(|j| after[..j].parse::<usize>().ok().map(|n| (j, n)))
        {
            Some((j, n)) => {
                out.push_str(args.get(n).copied().unwrap_or(""));
                rest = &after[j + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A string of the ruleset: its place in the ruleset's per-language tables (`Texts`). The
/// tables travel apart from the rules, so a page fetches only the language it shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text(pub u32);

/// The ruleset's strings, one table per language; `Text` indexes them. A table may be missing
/// (not fetched yet) or shorter (the clause texts come last and are fetched when shown): its
/// strings then read as empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts {
    tables: [Vec<String>; 3],
    /// How many texts the ruleset has, whatever is loaded of each language.
    len: usize,
}

impl Texts {
    pub fn get(&self, t: Text, lang: Lang) -> &str {
        self.table(lang)
            .get(t.0 as usize)
            .map_or("", String::as_str)
    }

    /// Room for `len` texts, none of them loaded yet (a page's engine reading a core).
    pub fn with_len(len: usize) -> Texts {
        Texts {
            tables: Default::default(),
            len,
        }
    }

    /// A new text, in every language at once (a loader reading a ruleset document).
    pub fn push(&mut self, [zh, ja, en]: [String; 3]) -> Text {
        let index = self.len;
        for (table, s) in self.tables.iter_mut().zip([zh, ja, en]) {
            table.resize(index, String::new());
            table.push(s);
        }
        self.len += 1;
        Text(u32::try_from(index).unwrap_or(u32::MAX))
    }

    /// How many texts the ruleset has.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn table(&self, lang: Lang) -> &[String] {
        &self.tables[lang as usize]
    }

    /// Puts one language's strings in place from `start` on (a table fetched by a page, or the
    /// strings that follow it), as many as the ruleset has room for; the strings already in place
    /// before `start` stay, and so do those after the ones given.
    pub fn set(&mut self, lang: Lang, start: usize, strings: impl IntoIterator<Item = String>) {
        let len = self.len;
        let table = &mut self.tables[lang as usize];
        if table.len() < start {
            table.resize(start.min(len), String::new());
        }
        for (i, s) in (start..len).zip(strings) {
            match table.get_mut(i) {
                Some(slot) => *slot = s,
                None => table.push(s),
            }
        }
    }

    /// The languages in which text `t` is empty.
    pub fn missing(&self, t: Text) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL
            .into_iter()
            .filter(move |l| self.get(t, *l).trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_arguments_in_their_holes() {
        let t: Tpl = ["{0}：{1}", "{1}・{0}", "{0} is {1}; {2}"];
        assert_eq!(fill(Lang::Zh, &t, &["甲", "乙"]), "甲：乙");
        assert_eq!(fill(Lang::Ja, &t, &["甲", "乙"]), "乙・甲");
        assert_eq!(fill(Lang::En, &t, &["a", "b"]), "a is b; ");
        assert_eq!(fill(Lang::Zh, &["{x} {", "", ""], &[]), "{x} {");
    }
}
