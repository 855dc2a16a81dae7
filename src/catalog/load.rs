//! Where catalogs come from: the built-in ones ([`super::builtin`]), every `*.ron` in
//! `<config dir>/catalogs/`, and each `--catalog PATH` (a file or a folder). All of them are
//! validated together; the files are parsed, the built-ins decoded from what the build made.

use super::builtin::{BUILTINS, Builtin, builtin};
use super::model::Catalog;
use super::parse::{SourceFile, parse};
use super::problem::{Problem, ProblemKind};
use super::set::CatalogSet;
use super::validate::validate;
use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The BPO catalog of Bogotá (the first built-in): what tests and examples build their models from.
pub const BUILTIN_NAME: &str = "builtin:bpo-bogota.ron";
pub const BUILTIN_TEXT: &str = include_str!("../../assets/catalog/bpo-bogota.ron");

/// The BPO catalog's text as a source file.
pub fn builtin_file() -> SourceFile {
    SourceFile { name: BUILTIN_NAME.to_string(), text: BUILTIN_TEXT.to_string() }
}

/// Every built-in catalog's text as a source file, in the order they load.
pub fn builtin_files() -> Vec<SourceFile> {
    BUILTINS.iter().map(Builtin::file).collect()
}

#[derive(Clone, Debug, Default)]
pub struct CatalogSources {
    /// The built-in catalogs to load, in order (none for `--no-builtin`).
    pub builtins: Vec<&'static Builtin>,
    /// `<config dir>/catalogs`, read when it exists.
    pub config_catalogs: Option<PathBuf>,
    /// `--catalog PATH` arguments and `catalog check PATH…`, in order.
    pub paths: Vec<PathBuf>,
}

impl CatalogSources {
    /// Every built-in catalog and nothing else: what `rumbo` loads with no flags and no files.
    pub fn every_builtin() -> CatalogSources {
        CatalogSources { builtins: BUILTINS.iter().collect(), ..CatalogSources::default() }
    }

    /// Only the built-in catalogs with these ids (unknown ids are left out; the command line
    /// refuses them before this).
    pub fn builtins(ids: &[&str]) -> CatalogSources {
        CatalogSources {
            builtins: ids.iter().filter_map(|id| builtin(id)).collect(),
            ..CatalogSources::default()
        }
    }
}

/// One catalog to load: a file's text, to parse, or a built-in, already in binary form.
#[derive(Clone, Debug)]
pub enum Input {
    File(SourceFile),
    Builtin(&'static Builtin),
}

impl Input {
    /// The name messages give it.
    pub fn name(&self) -> &str {
        match self {
            Input::File(file) => &file.name,
            Input::Builtin(b) => b.name,
        }
    }
}

/// Reads every catalog file named by `sources`. Unreadable files become problems; the rest is
/// returned, with the built-ins, in the order they load.
pub fn read_sources(sources: &CatalogSources) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for origin in origins(sources) {
        match origin {
            Ok(Origin::Builtin(b)) => inputs.push(Input::Builtin(b)),
            Ok(Origin::File(path)) => read_file(&path, &mut inputs, &mut problems),
            Err(problem) => problems.push(problem),
        }
    }
    (inputs, problems)
}

/// A catalog to read: a built-in one, or a file.
pub(super) enum Origin {
    Builtin(&'static Builtin),
    File(PathBuf),
}

/// What `sources` names, in the order it is read: each catalog, or the problem of a folder that
/// could not be listed. (The cache reads the same list without keeping the files.)
pub(super) fn origins(sources: &CatalogSources) -> Vec<Result<Origin, Problem>> {
    let mut list = Vec::new();
    for b in &sources.builtins {
        list.push(Ok(Origin::Builtin(b)));
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

fn read_file(path: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<Problem>) {
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
            Ok(file) => inputs.push(Input::File(file)),
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

/// A catalog parsed or decoded, with the text its problems are placed in.
pub(super) struct Parsed {
    pub name: String,
    pub text: Cow<'static, str>,
    pub catalog: Catalog,
    /// A built-in catalog (or its text, named as it is): a file with its id takes its place.
    pub builtin: bool,
}

/// Parses and validates `files` together. Every problem in every file is reported, not just the first.
/// A file named as a built-in catalog (`builtin:<id>.ron`) counts as that built-in.
pub fn load_files(files: Vec<SourceFile>) -> Result<Vec<Loaded>, Vec<Problem>> {
    load_inputs(files.into_iter().map(Input::File).collect())
}

/// Parses the files, decodes the built-ins, and validates them all together. A catalog file with a
/// built-in's id replaces that built-in (an office's later edition of it); the built-in is then not
/// even decoded.
pub fn load_inputs(inputs: Vec<Input>) -> Result<Vec<Loaded>, Vec<Problem>> {
    enum Slot {
        Parsed(Box<Parsed>),
        Builtin(&'static Builtin),
    }
    let mut problems = Vec::new();
    let mut slots = Vec::with_capacity(inputs.len());
    for input in inputs {
        match input {
            Input::File(file) => {
                let builtin = BUILTINS.iter().any(|b| b.name == file.name);
                if let Some(parsed) = parse_into(file, builtin, &mut problems) {
                    slots.push(Slot::Parsed(Box::new(parsed)));
                }
            }
            Input::Builtin(b) => slots.push(Slot::Builtin(b)),
        }
    }
    let editions: HashSet<String> = slots
        .iter()
        .filter_map(|slot| match slot {
            Slot::Parsed(p) if !p.builtin => Some(p.catalog.id.clone()),
            _ => None,
        })
        .collect();
    let mut parsed = Vec::with_capacity(slots.len());
    for slot in slots {
        match slot {
            Slot::Parsed(p) if p.builtin && editions.contains(&p.catalog.id) => {}
            Slot::Parsed(p) => parsed.push(*p),
            Slot::Builtin(b) if editions.contains(b.id) => {}
            Slot::Builtin(b) => match b.decoded() {
                Some(catalog) => parsed.push(Parsed {
                    name: b.name.into(),
                    text: Cow::Borrowed(b.text),
                    catalog,
                    builtin: true,
                }),
                // The build could not read its text (see build.rs): parsed here, so its problems
                // are reported at their line and column like any file's.
                None => parsed.extend(parse_into(b.file(), true, &mut problems)),
            },
        }
    }
    problems.extend(validate(&parsed));
    if parsed.is_empty() && problems.is_empty() {
        problems.push(Problem::in_file("", ProblemKind::NoCatalogs));
    }
    if problems.is_empty() {
        Ok(parsed.into_iter().map(|p| Loaded { file: p.name, catalog: p.catalog }).collect())
    } else {
        Err(problems)
    }
}

/// `file` parsed, its problems added to `problems`; `None` when it cannot be read as a catalog.
fn parse_into(file: SourceFile, builtin: bool, problems: &mut Vec<Problem>) -> Option<Parsed> {
    match parse(&file) {
        Ok((catalog, mut found)) => {
            problems.append(&mut found);
            Some(Parsed { name: file.name, text: Cow::Owned(file.text), catalog, builtin })
        }
        Err(mut found) => {
            problems.append(&mut found);
            None
        }
    }
}

/// Reads, parses and validates everything `sources` names.
pub fn load(sources: &CatalogSources) -> Result<(CatalogSet, Vec<String>), Vec<Problem>> {
    let (inputs, problems) = read_sources(sources);
    finish(inputs, problems)
}

/// Parses and validates what [`read_sources`] returned; its problems come first.
pub(super) fn finish(
    inputs: Vec<Input>,
    mut problems: Vec<Problem>,
) -> Result<(CatalogSet, Vec<String>), Vec<Problem>> {
    match load_inputs(inputs) {
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
