//! The command-line tool; everything it does lives in `sme_eligibility::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = sme_eligibility::cli::run(&args, &mut stdin.lock(), &mut out);
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
