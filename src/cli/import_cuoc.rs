//! `rumbo catalog import cuoc WORKBOOK.xlsx [-o FILE.ron]`: the file I/O around the pure importer.

use super::EXIT_FAILURE;
use crate::catalog::import::{self, ImportProblem};
use crate::i18n::{Lang, fill};
use crate::private_fs::{self, Mode};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(lang: Lang, workbook: &Path, output: Option<&Path>) -> ExitCode {
    let fail = |message: String| {
        let _ = writeln!(std::io::stderr(), "{message}");
        ExitCode::from(EXIT_FAILURE)
    };
    let bytes = match std::fs::read(workbook) {
        Ok(bytes) => bytes,
        Err(e) => {
            return fail(format!(
                "{}: {}",
                workbook.display(),
                ImportProblem::Unreadable(e.to_string()).message(lang)
            ));
        }
    };
    let catalog = match import::cuoc(&bytes) {
        Ok(imported) => imported.catalog,
        Err(problem) => return fail(format!("{}: {}", workbook.display(), problem.message(lang))),
    };
    let text = match import::to_ron(&catalog) {
        Ok(text) => text,
        Err(e) => return fail(e),
    };
    let written = match output {
        Some(path) => private_fs::write_atomic(path, text.as_bytes(), Mode::Private),
        None => std::io::stdout().lock().write_all(text.as_bytes()),
    };
    if let Err(e) = written {
        let place = output.map_or("-".to_string(), |p| p.display().to_string());
        return fail(format!("{place}: {e}"));
    }
    let titles: usize = catalog.occupations.iter().map(|o| o.alt_titles.len()).sum();
    let file = output.map_or("-".to_string(), |p| p.display().to_string());
    let summary = fill(
        lang.strings().catimport_written,
        &[
            ("file", &file),
            ("occupations", &catalog.occupations.len()),
            ("functions", &catalog.function_count()),
            ("titles", &titles),
            ("competencies", &catalog.competencies.len()),
            ("sectors", &catalog.sectors.len()),
        ],
    );
    let _ = writeln!(std::io::stderr(), "{summary}");
    ExitCode::SUCCESS
}
