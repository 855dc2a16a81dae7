//! `rumbo catalog check [PATH…] [--json]`

use super::{EXIT_FAILURE, GlobalArgs, catalog_sources, report};
use crate::catalog::{Loaded, load_inputs, read_sources};
use crate::i18n::{Lang, fill};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(global: &GlobalArgs, lang: Lang, paths: &[PathBuf], as_json: bool) -> ExitCode {
    let (inputs, mut problems) = read_sources(&catalog_sources(global, paths));
    let loaded = match load_inputs(inputs) {
        Ok(loaded) if problems.is_empty() => loaded,
        Ok(_) => Vec::new(),
        Err(mut found) => {
            problems.append(&mut found);
            Vec::new()
        }
    };
    let mut out = std::io::stdout().lock();
    if !problems.is_empty() {
        if as_json {
            let list: Vec<_> = problems
                .iter()
                .map(|p| {
                    json!({"file": p.file, "line": p.pos.map(|p| p.line), "column": p.pos.map(|p| p.col),
                           "message": p.message(lang)})
                })
                .collect();
            let _ = writeln!(out, "{}", json!({ "problems": list }));
        }
        report(&problems, lang);
        return ExitCode::from(EXIT_FAILURE);
    }
    if as_json {
        let list: Vec<_> = loaded.iter().map(counts_json).collect();
        let _ = writeln!(out, "{}", json!({ "catalogs": list }));
    } else {
        for l in &loaded {
            let _ = writeln!(out, "{}", summary_line(l, lang));
        }
    }
    ExitCode::SUCCESS
}

fn counts_json(l: &Loaded) -> serde_json::Value {
    let c = &l.catalog;
    json!({
        "id": c.id, "file": l.file, "version": c.version,
        "sectors": c.sectors.len(), "occupations": c.occupations.len(), "functions": c.function_count(),
        "competencies": c.competencies.len(), "programs": c.programs.len(),
    })
}

fn summary_line(l: &Loaded, lang: Lang) -> String {
    let c = &l.catalog;
    fill(
        lang.strings().check_summary,
        &[
            ("id", &c.id),
            ("file", &l.file),
            ("sectors", &c.sectors.len()),
            ("occupations", &c.occupations.len()),
            ("functions", &c.function_count()),
            ("competencies", &c.competencies.len()),
            ("programs", &c.programs.len()),
        ],
    )
}
