//! How much untrusted input the engine takes. A ruleset loaded at run time and a profile are both
//! untrusted: these bounds keep every recursion shallow (a stack overflow in WebAssembly corrupts
//! memory instead of stopping) and every pass short, and each is refused with a message that says
//! which one was hit. The built-in ruleset uses a small part of each (noted beside it).

/// Bytes of a ruleset document (the built-in one: 167 KB).
pub const RULESET_BYTES: usize = 4 << 20;
/// Bytes of one profile: a JSON file, a batch line (a full profile is about 2 KB).
pub const PROFILE_BYTES: usize = 1 << 20;
/// Nesting of JSON arrays and objects, for any document (the built-in ruleset: 12).
pub const JSON_DEPTH: u32 = 64;
/// Conditions inside conditions (all / any / not / count … where), per tree (built-in: 4).
pub const CONDITION_DEPTH: u32 = 24;
/// Named conditions referring to named conditions, the longest chain (built-in: 2).
pub const REF_DEPTH: usize = 16;
/// Terms inside terms of an amount formula (built-in: 3).
pub const FORMULA_DEPTH: u32 = 16;
/// Entries of any one list in a ruleset (built-in: the string tables, 462).
pub const LIST_ITEMS: usize = 10_000;
/// Facts, named conditions and measures of a ruleset: each is looked up by name while loading,
/// so their number bounds the loading time (built-in: 55, 6 and 28).
pub const NAMED_ITEMS: usize = 2_000;
/// Answers in one profile (the built-in ruleset asks at most 55 questions).
pub const PROFILE_FIELDS: usize = 1_000;
/// Amendments of one part (built-in: 1): an evaluation records which applied in one 32-bit set.
pub const AMENDMENTS_PER_PART: usize = 32;
