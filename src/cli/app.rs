//! `rumbo` with no subcommand: the counselor's app.

use super::args::ThemeArg;
use super::{EXIT_FAILURE, GlobalArgs, dirs, load_or_report};
use crate::app::Model;
use crate::config::Config;
use crate::i18n::{Lang, fill};
use crate::runtime::{Runner, run_loop};
use crate::search::SearchIndex;
use crate::session::SessionStore;
use crate::ui::theme::{Theme, ThemeName};
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

pub fn run(global: &GlobalArgs, lang: Lang) -> ExitCode {
    let set = match load_or_report(global, lang) {
        Ok(set) => set,
        Err(code) => return code,
    };
    let s = lang.strings();
    let Some(data_dir) = dirs::data_dir(global) else {
        let _ = writeln!(std::io::stderr(), "{}: {}", s.error_prefix, s.data_dir_unavailable);
        return ExitCode::from(EXIT_FAILURE);
    };
    // A config.ron that does not parse stops rumbo: better than running with settings nobody chose.
    let config = match dirs::config_dir(global).map(|d| Config::load(&d)).transpose() {
        Ok(config) => config.unwrap_or_default(),
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "{}: {}",
                s.error_prefix,
                fill(s.config_invalid, &[("detail", &e)])
            );
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let mut runner = match Runner::new(&data_dir) {
        Ok(runner) => runner,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{}: {}", s.error_prefix, e.message(lang));
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    runner.set_export_dir(config.export_dir(&data_dir));
    // Retention: sessions past `retention_days` go at every start (counts only, never names, are kept).
    if let Ok(store) = SessionStore::open(&data_dir) {
        let _ = store.purge_older_than(config.retention_days, jiff::Timestamp::now());
    }
    let index = SearchIndex::new(&set);
    let model = Model::new(lang, theme(global), Arc::new(set), Arc::new(index));
    match run_loop(model, runner) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{}: {e}", s.error_prefix);
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// `NO_COLOR` set to anything non-empty turns colour off, whatever the theme (no-color.org).
fn theme(global: &GlobalArgs) -> Theme {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let name = match global.theme {
        ThemeArg::Normal => ThemeName::Normal,
        ThemeArg::AltoContraste => ThemeName::AltoContraste,
    };
    Theme::new(name, no_color)
}
