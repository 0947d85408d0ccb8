//! The commands for people who write rules: `fmt --to-v2 DIR OUT` (rewrite a ruleset folder in the
//! rule language) and `pages DIR OUT` (a page per measure, for review without TOML). Kept apart
//! from `cli.rs`, which hands them over in one line.

use std::io::Write;
use std::path::Path;

const USAGE: &str = "\
    sme-check fmt --to-v2 DIR OUT   Rewrite a ruleset folder in the rule language (src/rules/REFERENCE.md)
    sme-check pages DIR OUT         Write a page per measure of a ruleset folder into OUT
";

/// Runs `command` if it is one of these; `None` if it is not.
pub fn run(command: &str, args: &[String], out: &mut dyn Write) -> Option<Result<(), String>> {
    let result = match command {
        "fmt" => fmt(args, out),
        "pages" => crate::pages::run(args, out),
        _ => return None,
    };
    Some(result)
}

/// The lines `sme-check --help` adds for these commands.
pub fn usage() -> &'static str {
    USAGE
}

fn fmt(args: &[String], out: &mut dyn Write) -> Result<(), String> {
    let [flag, from, to] = args else {
        return Err(format!("usage:\n{USAGE}"));
    };
    if flag != "--to-v2" {
        return Err(format!("fmt: unknown option “{flag}”\nusage:\n{USAGE}"));
    }
    let done = crate::compile::convert::convert_dir(Path::new(from), Path::new(to))?;
    let io = |e: std::io::Error| e.to_string();
    writeln!(out, "{} files written to {to}", done.files).map_err(io)?;
    for kept in &done.kept {
        writeln!(
            out,
            "  kept in the earlier form (no exact words for it): {kept}"
        )
        .map_err(io)?;
    }
    Ok(())
}
