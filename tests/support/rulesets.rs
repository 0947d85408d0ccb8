//! Small hand-made rulesets for the tests of untrusted input: a template with slots, and the pieces
//! that push each limit of `engine::limits` (shared by the native and the WebAssembly tests).
#![allow(dead_code)] // each test file uses its own subset

const TEMPLATE: &str = r#"{"id": "t", "version": "1", "issued": "2024-01-01", "title": {"zh": "t", "ja": "t", "en": "t"},
  "document": {"zh": "d", "ja": "d", "en": "d"}, "issuer": {"zh": "i", "ja": "i", "en": "i"}, "source": {"zh": "s", "ja": "s", "en": "s"},
  "chapters": [{"id": 1, "title": {"zh": "c", "ja": "c", "en": "c"}}], "sections": [{"id": "s", "title": {"zh": "s", "ja": "s", "en": "s"}}],
  "facts": [FACTS{"id": "n", "type": "int", "section": "s", "label": {"zh": "人数", "ja": "人数", "en": "Staff"}}],
  "derived": [DERIVED],
  "measures": [{"id": 1, "chapter": 1, "kind": "benefit", "title": {"zh": "t", "ja": "t", "en": "t"}, "text": {"zh": "t", "ja": "t", "en": "t"},
    "parts": [{"id": "a", "title": {"zh": "t", "ja": "t", "en": "t"}, "when": [WHEN], "amount": {"exact": AMOUNT, "cite": {"zh": "c", "ja": "c", "en": "c"}}}]}]}"#;

/// "Staff ≥ 10", with its clause words.
pub const LEAF: &str =
    r#"{"fact": "n", "op": ">=", "value": 10, "cite": {"zh": "c", "ja": "c", "en": "c"}}"#;
pub const LABEL: &str = r#"{"zh": "l", "ja": "l", "en": "l"}"#;

/// One measure with one part: extra facts before `n`, named conditions, the part's condition and
/// its amount formula.
pub fn build(facts: &str, derived: &str, when: &str, amount: &str) -> String {
    TEMPLATE
        .replace("FACTS", facts)
        .replace("DERIVED", derived)
        .replace("WHEN", when)
        .replace("AMOUNT", amount)
}

/// `cond` inside `n` "not"s.
pub fn nots(n: usize, cond: &str) -> String {
    "{\"not\": ".repeat(n) + cond + &"}".repeat(n)
}

/// A formula `n` additions deep.
pub fn adds(n: usize) -> String {
    "{\"add\": [\"1\", ".repeat(n) + "\"1\"" + &"]}".repeat(n)
}

/// Named conditions d0 → d1 → … → d{n-1} → LEAF, each reference wrapped by `wrap`.
pub fn chain(n: usize, wrap: impl Fn(&str) -> String) -> String {
    (0..n)
        .map(|i| {
            let next = if i + 1 < n {
                format!("{{\"ref\": \"d{}\"}}", i + 1)
            } else {
                LEAF.to_owned()
            };
            format!(
                "{{\"id\": \"d{i}\", \"label\": {LABEL}, \"when\": {}}}",
                wrap(&next)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `n` yes/no facts f0 … f{n-1}.
pub fn facts(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{{\"id\": \"f{i}\", \"type\": \"bool\", \"section\": \"s\", \"label\": {LABEL}}}, "
            )
        })
        .collect()
}

/// A list fact that takes at most `max` items.
pub fn hires(max: usize) -> String {
    format!(
        "{{\"id\": \"hires\", \"type\": \"list\", \"section\": \"s\", \"label\": {LABEL}, \"max_items\": {max}, \"fields\": [{{\"id\": \"x\", \"type\": \"bool\", \"label\": {LABEL}}}]}}, "
    )
}

/// The deepest ruleset every limit still allows: 16 named conditions in a chain, each nested 23
/// deep inside the part's condition 23 deep, and an amount formula 15 deep. Evaluating and
/// explaining it recurses as far as any accepted ruleset can make the engine go.
pub fn deepest() -> String {
    build(
        "",
        &chain(16, |next| nots(22, next)),
        &nots(22, "{\"ref\": \"d0\"}"),
        &adds(15),
    )
}
