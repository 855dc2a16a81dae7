//! Writes the ESCO-scale test catalog: `cargo bench --bench gen-catalog -- DIR [--tenth]`.
//!
//! DIR gets `esco.ron` (format 1, about 15 MB) and `esco-texts.txt` (its 52,040 searchable texts, one
//! a line, for `fzf --filter`). A dev tool, not part of rumbo: it lives with the benchmarks so it is
//! never installed. Without DIR (as when `cargo bench` runs every bench) it says how to use it and
//! does nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design
#[path = "esco/mod.rs"]
mod esco;

fn main() -> std::process::ExitCode {
    // cargo passes `--bench`; every other flag is ours.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let scale = if args.iter().any(|a| a == "--tenth") { esco::Scale::TENTH } else { esco::Scale::ESCO };
    let Some(dir) = args.iter().find(|a| !a.starts_with("--")) else {
        println!("gen-catalog: pass a folder, e.g. `cargo bench --bench gen-catalog -- target/esco`");
        return std::process::ExitCode::SUCCESS;
    };
    match esco::write_to(std::path::Path::new(dir), scale) {
        Ok(path) => {
            println!("{} ({} texts)", path.display(), scale.texts());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-catalog: {dir}: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
