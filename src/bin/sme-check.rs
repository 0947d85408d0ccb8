//! The command-line tool; everything it does lives in `sme_eligibility::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    // As given, not UTF-8 checked: `run` refuses an argument that is not UTF-8 with a usage error.
    let args = std::env::args_os().skip(1);
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // Larger reads than stdin's own 8 KiB buffer: fewer system calls when a register streams in.
    let mut input = std::io::BufReader::with_capacity(1 << 16, stdin.lock());
    let result = sme_eligibility::cli::run(args, &mut input, &mut out);
    if let Err(e) = std::io::Write::flush(&mut out) {
        eprintln!("sme-check: {e}");
        std::process::exit(1);
    }
    if let Err(f) = result {
        eprintln!("sme-check: {}", f.message);
        std::process::exit(f.code);
    }
}

/// The tool is native only; the WebAssembly build of the crate is its library.
#[cfg(target_arch = "wasm32")]
fn main() {}
