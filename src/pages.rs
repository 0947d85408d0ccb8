//! Measure pages (to come).
use std::io::Write;
pub fn run(_args: &[String], _out: &mut dyn Write) -> Result<(), String> {
    Err("pages: not yet".into())
}
