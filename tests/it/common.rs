//! Helpers shared by the integration tests: run the real binary in an isolated environment.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // tests fail loudly by design

use std::path::Path;
use std::process::{Command, Output};

/// A small valid catalog; tests break it in one place at a time.
pub const BASE: &str = r#"Catalog(
    format: 1,
    id: "prueba",
    title: "Prueba",
    language: "es",
    sources: [Source(id: "fuente", title: "Fuente")],
    sectors: [Sector(id: "sector-a", name: "Sector A", source: "fuente")],
    competencies: [Competency(id: "comp-a", name: "Competencia A", kind: Social)],
    occupations: [
        Occupation(id: "ocup-a", sector: "sector-a", title: "Ocupación A",
            functions: [Function(id: "fa-01", text: "Hacer algo")],
            competencies: [Need(competency: "comp-a")]),
    ],
    programs: [Program(id: "prog-a", institution: "SENA", name: "Programa A", occupations: ["ocup-a"], link: Inferred)],
)
"#;

/// `rumbo ARGS…` with its config, data and cache folders inside `home`, so the user's own files
/// never count (the built-ins' search index is cached too) and no test writes outside `home`.
pub fn rumbo(home: &Path, args: &[&str]) -> Output {
    rumbo_command(home, args).output().expect("the rumbo binary runs")
}

/// [`rumbo`]'s command before it runs, for a test that adds to its environment.
pub fn rumbo_command(home: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rumbo"));
    command
        .args(args)
        .env("RUMBO_CONFIG_DIR", home.join("config"))
        .env("RUMBO_DATA_DIR", home.join("data"))
        .env("RUMBO_CACHE_DIR", home.join("cache"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "es_CO.UTF-8");
    command
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A test that needs what this machine lacks (root, `unshare`, tmux): prints `SKIPPED: <reason>` so the
/// run says so — unless `RUMBO_NO_SKIP=1` (CI), where a skip would hide a failure, so it panics.
pub fn skip_or_fail(reason: &str) {
    if std::env::var_os("RUMBO_NO_SKIP").is_some_and(|v| v == "1") {
        panic!("cannot run: {reason} (RUMBO_NO_SKIP=1 forbids skipping)");
    }
    println!("SKIPPED: {reason}");
}
