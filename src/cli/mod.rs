//! The command line: parses arguments, resolves language and folders, and runs a subcommand or the app.

mod all_offices;
mod app;
mod args;
mod check;
// issue 13 (plan-office): rumbo sessions due
pub mod dirs;
mod due;
mod errors_es;
mod export;
mod help_es;
mod import;
mod import_cuoc;
mod kiosk;
mod office;
mod search;
mod sessions;
mod store;

pub use args::{
    CatalogCommand, Cli, Command, GlobalArgs, ImportCommand, KindArg, KioskCommand, LangArg, OfficeCommand,
    ThemeArg,
};

use crate::catalog::cache::{self, Cache};
use crate::catalog::{CatalogSet, CatalogSources, Problem};
use crate::i18n::Lang;
use crate::search::IndexFile;
use clap::{CommandFactory, FromArgMatches};
use std::io::Write;
use std::process::ExitCode;

/// Exit codes: 0 fine, 1 the data or the request failed, 2 a usage error (clap's own).
pub const EXIT_FAILURE: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

pub fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = lang_before_parsing(&args);
    let command = match lang {
        Lang::Es => help_es::localize(Cli::command()),
        Lang::En => Cli::command(),
    };
    let cli = match command.try_get_matches_from(&args).and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) => match (lang, errors_es::message(&e)) {
            (Lang::Es, Some(text)) => {
                let _ = write!(std::io::stderr(), "{text}");
                return ExitCode::from(2);
            }
            _ => e.exit(),
        },
    };
    let lang = resolve_lang(&cli.global);
    match &cli.command {
        Some(Command::Catalog(CatalogCommand::Check { paths, json })) => {
            check::run(&cli.global, lang, paths, *json)
        }
        Some(Command::Catalog(CatalogCommand::Import(ImportCommand::Cuoc {
            workbook,
            interests,
            output,
        }))) => import_cuoc::run(lang, workbook, interests.as_deref(), output.as_deref()),
        Some(Command::Search(args)) => search::run(&cli.global, lang, args),
        Some(Command::Export(args)) => export::run(&cli.global, lang, args),
        Some(Command::Sessions(command)) => sessions::run(&cli.global, lang, command),
        Some(Command::Kiosk(KioskCommand::SetPin)) => kiosk::set_pin(&cli.global, lang),
        Some(Command::Office(command)) => office::run(&cli.global, lang, command),
        None => app::run(&cli.global, lang),
    }
}

/// The language for the help and usage errors, read before clap parses (`--lang X` or `--lang=X`).
fn lang_before_parsing(args: &[std::ffi::OsString]) -> Lang {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let given = args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix("--lang=") {
        Some(value) => Some(value.to_string()),
        None if a == "--lang" => args.get(i + 1).cloned(),
        None => None,
    });
    match given.as_deref() {
        Some("en") => Lang::En,
        Some("es") => Lang::Es,
        _ => Lang::from_locale_vars(|k| std::env::var(k).ok()),
    }
}

/// `--lang` wins; otherwise the locale decides (English only for an English locale).
pub fn resolve_lang(global: &GlobalArgs) -> Lang {
    match global.lang {
        Some(LangArg::Es) => Lang::Es,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_locale_vars(|k| std::env::var(k).ok()),
    }
}

/// What the global flags say to load, plus `extra` paths (as `catalog check PATH…` gives): every
/// built-in catalog, those `--builtin` names (each once, in the order they are built in), or none
/// (`--no-builtin`).
pub fn catalog_sources(global: &GlobalArgs, extra: &[std::path::PathBuf]) -> CatalogSources {
    let builtins = crate::catalog::BUILTINS
        .iter()
        .filter(|b| {
            !global.no_builtin && (global.builtins.is_empty() || global.builtins.iter().any(|id| id == b.id))
        })
        .collect();
    CatalogSources {
        builtins,
        config_catalogs: dirs::config_dir(global).map(|d| d.join("catalogs")),
        paths: global.catalogs.iter().chain(extra).cloned().collect(),
    }
}

/// Loads the catalogs (through the cache, see [`crate::catalog::cache`]), or prints every problem to
/// stderr.
pub fn load_or_report(global: &GlobalArgs, lang: Lang) -> Result<CatalogSet, ExitCode> {
    load_indexable_or_report(global, lang).map(|(set, _)| set)
}

/// [`load_or_report`], with where the search index of these catalogs is cached, when they came
/// through the cache (see [`crate::search::IndexFile`]).
pub fn load_indexable_or_report(
    global: &GlobalArgs,
    lang: Lang,
) -> Result<(CatalogSet, Option<IndexFile>), ExitCode> {
    let cache = Cache::from_env();
    let loading = cache::load_keyed(&catalog_sources(global, &[]), cache.as_ref());
    let file = cache.zip(loading.key).map(|(cache, key)| IndexFile::new(&cache, key));
    match loading.result {
        Ok((set, _)) => Ok((set, file)),
        Err(problems) => {
            report(&problems, lang);
            Err(ExitCode::from(EXIT_FAILURE))
        }
    }
}

pub fn report(problems: &[Problem], lang: Lang) {
    let mut err = std::io::stderr().lock();
    for problem in problems {
        let _ = writeln!(err, "{}", problem.render(lang));
    }
}
