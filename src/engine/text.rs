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

/// A string of the ruleset in every language the product speaks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub ja: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }

    /// The languages in which this text is empty.
    pub fn missing(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL
            .into_iter()
            .filter(|l| self.get(*l).trim().is_empty())
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
