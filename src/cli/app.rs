//! `rumbo` with no subcommand: the counselor's app.

use super::args::ThemeArg;
use super::{EXIT_FAILURE, GlobalArgs, dirs, load_indexable_or_report};
use crate::app::kiosk::{AdminKey, KioskState};
use crate::app::{Model, Screen};
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
    let (set, index_file) = match load_indexable_or_report(global, lang) {
        Ok((set, file)) => (Arc::new(set), file),
        Err(code) => return code,
    };
    // Read from the cache or indexed on the other core meanwhile: the first frame does not need it.
    let index = Arc::new(SearchIndex::in_background_stored(set.clone(), index_file));
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
    let kiosk = if global.kiosk || config.kiosk.enabled {
        match kiosk_state(&config, &data_dir, lang) {
            Ok(state) => {
                if !config.kiosk.export_dir.trim().is_empty() {
                    runner.set_export_dir(config.kiosk.export_dir.trim().into());
                }
                Some(state)
            }
            Err(message) => {
                let _ = writeln!(std::io::stderr(), "{}: {message}", s.error_prefix);
                return ExitCode::from(EXIT_FAILURE);
            }
        }
    } else {
        None
    };
    // Retention: sessions past `retention_days` go at every start (counts only, never names, are kept).
    if let Ok(store) = SessionStore::open(&data_dir) {
        let _ = store.purge_older_than(config.retention_days, jiff::Timestamp::now());
        super::sessions::purge_exports(&config, &data_dir, config.retention_days);
    }
    let mut model = Model::new(lang, theme(global), set, index);
    if let Some(state) = kiosk {
        model.kiosk = Some(state);
        model.screen = Screen::Welcome;
    }
    match run_loop(model, runner) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.to_string() == crate::runtime::PANICKED => {
            let _ = writeln!(std::io::stderr(), "{}: {}", s.error_prefix, s.internal_error);
            ExitCode::from(EXIT_FAILURE)
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{}: {e}", s.error_prefix);
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Kiosk mode needs a way out for the administrator: without a PIN, or with an `admin_key` that cannot
/// be typed, it refuses to start rather than start with no exit or an open one.
fn kiosk_state(config: &Config, data_dir: &std::path::Path, lang: Lang) -> Result<KioskState, String> {
    let s = lang.strings();
    // No PIN, or one no PIN can match (the PIN itself written there, a hash cut short): set it again.
    if !crate::kiosk::pin::is_hash(&config.kiosk.admin_pin) {
        return Err(s.kiosk_no_pin.to_string());
    }
    let key = AdminKey::parse(&config.kiosk.admin_key)
        .ok_or_else(|| fill(s.kiosk_bad_key, &[("key", &config.kiosk.admin_key)]))?;
    let now = jiff::Timestamp::now();
    let mut state = KioskState::new(config.kiosk.idle_seconds, key, config.kiosk.admin_pin.clone(), now);
    // The lock left by wrong PINs before this start. A damaged file locks for the longest; written back
    // at once, so restarting again does not start that hour over.
    let loaded = crate::kiosk::lock_file::load(data_dir, now);
    if loaded.damaged {
        let _ = crate::kiosk::lock_file::save(data_dir, &loaded.lock);
    }
    state.lock = loaded.lock;
    Ok(state)
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
