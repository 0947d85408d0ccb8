//! The commands for people who write rules: `fmt --to-v2 DIR OUT` (rewrite a ruleset folder in the
//! rule language) and `pages DIR OUT` (a page per measure, for review without TOML). Kept apart
//! from `cli.rs`, which hands them over in one line.

use std::io::Write;
use std::path::Path;

const USAGE: &str = "\
    sme-check fmt --to-v2 DIR OUT   Rewrite a ruleset folder in the rule language (src/rules/REFERENCE.md)
    sme-check pages DIR OUT         Write a page per measure of a ruleset folder into OUT
    sme-check pack OUT [FILE]       Pack the built-in ruleset (or a compiled one, FILE) for the page:
                                    core.bin and LANG.json, LANG.why.json, LANG.clauses.json in OUT
";

/// Runs `command` if it is one of these; `None` if it is not.
pub fn run(command: &str, args: &[String], out: &mut dyn Write) -> Option<Result<(), String>> {
    let result = match command {
        "fmt" => fmt(args, out),
        "pages" => crate::pages::run(args, out),
        "pack" => pack(args),
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

/// `pack OUT [FILE]`: the ruleset as the page's engine loads it (see `native::write_pack`).
fn pack(args: &[String]) -> Result<(), String> {
    let rs = match args {
        [_] => {
            crate::native::builtin().map_err(|_| "the built-in ruleset does not load".to_owned())?
        }
        [_, file] => {
            let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
            crate::native::load_json(&text).map_err(|errors| {
                let lines: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
                format!("{file}:\n{}", lines.join("\n"))
            })?
        }
        _ => return Err(format!("usage:\n{USAGE}")),
    };
    crate::native::write_pack(&rs, Path::new(&args[0])).map_err(|e| format!("{}: {e}", args[0]))
}
