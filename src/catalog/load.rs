//! Where catalogs come from: the built-in one, every `*.ron` in `<config dir>/catalogs/`, and each
//! `--catalog PATH` (a file or a folder). All of them are parsed and validated together.

use super::model::Catalog;
use super::parse::{SourceFile, parse};
use super::problem::{Problem, ProblemKind};
use super::set::CatalogSet;
use super::validate::validate;
use std::path::{Path, PathBuf};

/// The BPO catalog of Bogotá, compiled into the binary so rumbo runs with no files at all.
pub const BUILTIN_NAME: &str = "builtin:bpo-bogota.ron";
pub const BUILTIN_TEXT: &str = include_str!("../../assets/catalog/bpo-bogota.ron");

pub fn builtin_file() -> SourceFile {
    SourceFile { name: BUILTIN_NAME.to_string(), text: BUILTIN_TEXT.to_string() }
}

#[derive(Clone, Debug, Default)]
pub struct CatalogSources {
    pub builtin: bool,
    /// `<config dir>/catalogs`, read when it exists.
    pub config_catalogs: Option<PathBuf>,
    /// `--catalog PATH` arguments and `catalog check PATH…`, in order.
    pub paths: Vec<PathBuf>,
}

/// Reads every catalog file named by `sources`. Unreadable files become problems; the rest is returned.
pub fn read_sources(sources: &CatalogSources) -> (Vec<SourceFile>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for origin in origins(sources) {
        match origin {
            Ok(Origin::Builtin) => files.push(builtin_file()),
            Ok(Origin::File(path)) => read_file(&path, &mut files, &mut problems),
            Err(problem) => problems.push(problem),
        }
    }
    (files, problems)
}

/// A catalog to read: the built-in one, or a file.
pub(super) enum Origin {
    Builtin,
    File(PathBuf),
}

/// What `sources` names, in the order it is read: each catalog, or the problem of a folder that
/// could not be listed. (The cache reads the same list without keeping the files.)
pub(super) fn origins(sources: &CatalogSources) -> Vec<Result<Origin, Problem>> {
    let mut list = Vec::new();
    if sources.builtin {
        list.push(Ok(Origin::Builtin));
    }
    if let Some(dir) = &sources.config_catalogs
        && dir.is_dir()
    {
        list_folder(dir, &mut list);
    }
    for path in &sources.paths {
        if path.is_dir() {
            list_folder(path, &mut list);
        } else {
            list.push(Ok(Origin::File(path.clone())));
        }
    }
    list
}

/// The name a file goes by in messages and in [`Loaded::file`].
pub(super) fn display(path: &Path) -> String {
    path.display().to_string()
}

fn list_folder(dir: &Path, list: &mut Vec<Result<Origin, Problem>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return list.push(Err(Problem::in_file(&display(dir), ProblemKind::Io(e.to_string())))),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    list.extend(paths.into_iter().map(|path| Ok(Origin::File(path))));
}

fn read_file(path: &Path, files: &mut Vec<SourceFile>, problems: &mut Vec<Problem>) {
    let name = display(path);
    // Before reading it: a huge file (a mistake, or hostile) must not be taken into memory whole.
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > super::limits::FILE_BYTES
    {
        problems.push(Problem::in_file(&name, ProblemKind::FileTooLarge(meta.len())));
        return;
    }
    match std::fs::read(path) {
        Ok(bytes) => match SourceFile::from_bytes(&name, bytes) {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        },
        Err(e) => problems.push(Problem::in_file(&name, ProblemKind::Io(e.to_string()))),
    }
}

/// One loaded catalog: where it came from and what it holds.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub file: String,
    pub catalog: Catalog,
}

/// Parses and validates `files` together. Every problem in every file is reported, not just the first.
/// A catalog with the same id as the built-in one replaces it, so an office can ship a newer edition.
pub fn load_files(files: Vec<SourceFile>) -> Result<Vec<Loaded>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for file in files {
        match parse(&file) {
            Ok((catalog, mut found)) => {
                problems.append(&mut found);
                parsed.push((file, catalog));
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    let replaced: Vec<String> =
        parsed.iter().filter(|(f, _)| f.name != BUILTIN_NAME).map(|(_, c)| c.id.clone()).collect();
    parsed.retain(|(f, c)| f.name != BUILTIN_NAME || !replaced.contains(&c.id));
    problems.extend(validate(&parsed));
    if parsed.is_empty() && problems.is_empty() {
        problems.push(Problem::in_file("", ProblemKind::NoCatalogs));
    }
    if problems.is_empty() {
        Ok(parsed.into_iter().map(|(f, catalog)| Loaded { file: f.name, catalog }).collect())
    } else {
        Err(problems)
    }
}

/// Reads, parses and validates everything `sources` names.
pub fn load(sources: &CatalogSources) -> Result<(CatalogSet, Vec<String>), Vec<Problem>> {
    let (files, problems) = read_sources(sources);
    finish(files, problems)
}

/// Parses and validates what [`read_sources`] returned; its problems come first.
pub(super) fn finish(
    files: Vec<SourceFile>,
    mut problems: Vec<Problem>,
) -> Result<(CatalogSet, Vec<String>), Vec<Problem>> {
    match load_files(files) {
        Ok(loaded) if problems.is_empty() => {
            let names = loaded.iter().map(|l| l.file.clone()).collect();
            Ok((CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()), names))
        }
        Ok(_) => Err(problems),
        Err(mut found) => {
            problems.append(&mut found);
            Err(problems)
        }
    }
}
