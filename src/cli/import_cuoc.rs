//! `rumbo catalog import cuoc WORKBOOK.xlsx [--interests DIR] [-o FILE.ron]`: the file I/O around the
//! pure importer. With `--interests`, the O*NET and BLS tables in DIR give each occupation its derived
//! interest profile (the CUOC import and not a separate command: the join starts from the workbook's
//! Equivalencias, and one command keeps the committed catalog one regeneration away from its sources).

use super::EXIT_FAILURE;
use crate::catalog::Catalog;
use crate::catalog::import::{
    self, Coverage, INTERESTS_FILE, ISCO_SOC_FILE, ImportProblem, ONET_2019_FILE, Tables,
};
use crate::i18n::{Lang, fill};
use crate::private_fs::{self, Mode};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(lang: Lang, workbook: &Path, interests: Option<&Path>, output: Option<&Path>) -> ExitCode {
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
    let mut catalog = match import::cuoc(&bytes) {
        Ok(imported) => imported.catalog,
        Err(problem) => return fail(format!("{}: {}", workbook.display(), problem.message(lang))),
    };
    let coverage = match interests.map(|dir| with_interests(lang, &mut catalog, dir)).transpose() {
        Ok(coverage) => coverage,
        Err(message) => return fail(message),
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
    if let Some(c) = coverage {
        let none = if c.none.is_empty() { "—".to_string() } else { c.none.join(", ") };
        let line = fill(
            lang.strings().catimport_interests,
            &[
                ("with", &c.with_profile()),
                ("total", &catalog.occupations.len()),
                ("complete", &c.complete),
                ("partial", &c.partial),
                ("parent", &c.parent_group),
                ("wider", &c.wider_group),
                ("none", &none),
            ],
        );
        let _ = writeln!(std::io::stderr(), "{line}");
    }
    ExitCode::SUCCESS
}

/// Reads the three tables in `dir` and attaches the profiles; a problem names its file, sheet and cell.
fn with_interests(lang: Lang, catalog: &mut Catalog, dir: &Path) -> Result<Coverage, String> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read(&path).map_err(|e| {
            format!("{}: {}", path.display(), ImportProblem::Unreadable(e.to_string()).message(lang))
        })
    };
    let [txt, xls, xlsx] = [INTERESTS_FILE, ISCO_SOC_FILE, ONET_2019_FILE];
    let tables = Tables::read(&read(txt)?, &read(xls)?, &read(xlsx)?)
        .map_err(|p| format!("{}: {}", dir.join(p.file).display(), p.problem.message(lang)))?;
    Ok(import::attach(catalog, &tables))
}
