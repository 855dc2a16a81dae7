//! The command line: parses arguments, resolves language and folders, and runs a subcommand or the app.

mod app;
mod args;
mod check;
pub mod dirs;
mod search;

pub use args::{CatalogCommand, Cli, Command, GlobalArgs, KindArg, LangArg, ThemeArg};

use crate::catalog::{CatalogSet, CatalogSources, Problem, load};
use crate::i18n::Lang;
use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

/// Exit codes: 0 fine, 1 the data or the request failed, 2 a usage error (clap's own).
pub const EXIT_FAILURE: u8 = 1;

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let lang = resolve_lang(&cli.global);
    match &cli.command {
        Some(Command::Catalog(CatalogCommand::Check { paths, json })) => {
            check::run(&cli.global, lang, paths, *json)
        }
        Some(Command::Search(args)) => search::run(&cli.global, lang, args),
        None => app::run(&cli.global, lang),
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

/// What the global flags say to load, plus `extra` paths (as `catalog check PATH…` gives).
pub fn catalog_sources(global: &GlobalArgs, extra: &[std::path::PathBuf]) -> CatalogSources {
    CatalogSources {
        builtin: !global.no_builtin,
        config_catalogs: dirs::config_dir(global).map(|d| d.join("catalogs")),
        paths: global.catalogs.iter().chain(extra).cloned().collect(),
    }
}

/// Loads the catalogs, or prints every problem to stderr.
pub fn load_or_report(global: &GlobalArgs, lang: Lang) -> Result<CatalogSet, ExitCode> {
    load(&catalog_sources(global, &[])).map(|(set, _)| set).map_err(|problems| {
        report(&problems, lang);
        ExitCode::from(EXIT_FAILURE)
    })
}

pub fn report(problems: &[Problem], lang: Lang) {
    let mut err = std::io::stderr().lock();
    for problem in problems {
        let _ = writeln!(err, "{}", problem.render(lang));
    }
}
