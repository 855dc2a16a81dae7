//! `rumbo` with no subcommand: the counselor's app.

use super::args::{GlyphsArg, ThemeArg};
use super::{EXIT_FAILURE, GlobalArgs, dirs, load_indexable_or_report};
use crate::app::kiosk::{AdminKey, KioskState};
use crate::app::{Model, Notice, SaveFailure, Screen};
use crate::config::Config;
use crate::i18n::{Lang, fill};
use crate::office::Store;
use crate::office::store::OfficeStore;
use crate::runtime::{Runner, run_loop};
use crate::search::SearchIndex;
use crate::session::{SaveCause, SessionStore};
use crate::ui::glyphs::Glyphs;
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
    // Office mode: the server is reached before anything is shown. Out of reach, rumbo starts all the
    // same on this desk's cached sessions and reconnects by itself (issue 15); any other refusal (a
    // password, TLS, the schema) stops it, saying why.
    let mut offline = false;
    let mut office = match &config.store {
        Store::Postgres { url } => {
            let office_id = config.office.id.as_deref().unwrap_or_default();
            match OfficeStore::connect(url, office_id, &config.desk_name()) {
                Ok(store) => Some(store),
                Err(crate::session::StoreError::Unreachable { .. }) => {
                    offline = true;
                    None
                }
                Err(e) => {
                    let _ = writeln!(std::io::stderr(), "{}: {}", s.error_prefix, e.message(lang));
                    return ExitCode::from(EXIT_FAILURE);
                }
            }
        }
        Store::Local => None,
    };
    let kiosk_wanted = global.kiosk || config.kiosk.enabled;
    let (mut runner, read_only, trouble) = match open_data(&data_dir) {
        Ok(DataFolder::Writable(runner, trouble)) => (*runner, None, trouble),
        // A kiosk that cannot save would lose every visitor's session: it says so and does not start.
        Ok(DataFolder::ReadOnly(e)) if kiosk_wanted => {
            let why = crate::ui::failure::save_cause(&SaveFailure::from_store(e), lang);
            let message = fill(s.kiosk_data_read_only, &[("place", &data_dir.display()), ("detail", &why)]);
            let _ = writeln!(std::io::stderr(), "{}: {message}", s.error_prefix);
            return ExitCode::from(EXIT_FAILURE);
        }
        Ok(DataFolder::ReadOnly(e)) => (
            Runner::read_only(&data_dir),
            Some(crate::ui::failure::save_cause(&SaveFailure::from_store(e), lang)),
            None,
        ),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{}: {}", s.error_prefix, e.message(lang));
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    runner.set_export_dir(config.export_dir(&data_dir));
    runner.set_export_mode(config.export_mode());
    let kiosk = if kiosk_wanted {
        match kiosk_state(&config, &data_dir, lang) {
            Ok(state) => {
                let dir = config.kiosk.export_dir.trim();
                let dir = if dir.is_empty() { config.export_dir(&data_dir) } else { dir.into() };
                runner.set_export_dir(dir);
                runner.set_export_mode(config.kiosk_export_mode());
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
    // Retention: sessions past `retention_days` go at every start, with the exports they recorded
    // (counts only, never names, are kept — and shown on the start screen). Not from a read-only
    // folder: nothing can be removed there.
    // In office mode the server's rows go too, by one statement for the office — but not from a kiosk,
    // whose role may not delete (the desks purge).
    let now = jiff::Timestamp::now();
    let days = config.retention_days;
    let purged = match (&read_only, SessionStore::open(&data_dir), &mut office) {
        (None, Ok(store), Some(server)) if !kiosk_wanted => {
            crate::office::sessions::purge(&store, server, days, now).map_or(0, |purged| purged.sessions)
        }
        (None, Ok(store), _) => crate::session::purge(&store, days, now).map_or(0, |purged| purged.sessions),
        _ => 0,
    };
    let reach = |locks: bool| match &config.store {
        Store::Postgres { url } => Some(crate::runtime::Reach {
            url: url.clone(),
            office_id: config.office.id.clone().unwrap_or_default(),
            desk: config.desk_name(),
            locks,
        }),
        Store::Local => None,
    };
    if offline && let Some(reach) = reach(!kiosk_wanted) {
        runner.set_office_offline(reach);
    }
    if let Some(server) = office {
        // One writer per session: the desk's own lock connection (not for a kiosk, whose visits no other
        // desk opens before it is done with them).
        let locks = match &config.store {
            Store::Postgres { url } if !kiosk_wanted => {
                let locks = crate::office::sessions::desk_locks(url, server.office_id(), server.desk());
                match locks {
                    Ok(locks) => Some(locks),
                    Err(e) => {
                        let _ = writeln!(std::io::stderr(), "{}: {}", s.error_prefix, e.message(lang));
                        return ExitCode::from(EXIT_FAILURE);
                    }
                }
            }
            _ => None,
        };
        runner.set_office(server);
        if let Some(reach) = reach(!kiosk_wanted) {
            runner.set_office_reach(reach);
        }
        if let Some(locks) = locks {
            runner.set_office_locks(locks);
        }
    }
    let mut model = Model::new(lang, set, index);
    // Checked when config.ron was read: a conflict stopped rumbo there, with its line and column.
    model.keymap = config.keymap().unwrap_or_default();
    model.office = config.office.clone();
    if purged > 0 {
        let days = config.retention_days;
        model.sessions.notice = Some(Notice::Purged { count: purged, days });
    }
    model.data_read_only = read_only;
    model.save_trouble = trouble.map(SaveFailure::from_store);
    if let Some(state) = kiosk {
        model.kiosk = Some(state);
        model.screen = Screen::Welcome;
    }
    match run_loop(model, theme(global), runner) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.get_ref().is_some_and(|inner| inner.is::<crate::runtime::Panicked>()) => {
            let _ = writeln!(std::io::stderr(), "{}: {}", s.error_prefix, s.internal_error);
            ExitCode::from(EXIT_FAILURE)
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{}: {e}", s.error_prefix);
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

enum DataFolder {
    /// Sessions can be written; the error is why a test write failed all the same (a full disk), so
    /// saves will fail until space is freed.
    Writable(Box<Runner>, Option<crate::session::StoreError>),
    /// Nothing can be written there (a read-only file system, no permission): why.
    ReadOnly(crate::session::StoreError),
}

/// Opens the data folder, and finds out with a test write whether sessions can be written there.
fn open_data(data_dir: &std::path::Path) -> Result<DataFolder, crate::session::StoreError> {
    let read_only =
        |e: &crate::session::StoreError| matches!(e.cause(), SaveCause::ReadOnlyFs | SaveCause::NoPermission);
    let runner = match Runner::new(data_dir) {
        Ok(runner) => Box::new(runner),
        Err(e) if read_only(&e) => return Ok(DataFolder::ReadOnly(e)),
        Err(e) => return Err(e),
    };
    match SessionStore::at(data_dir).probe() {
        Ok(()) => Ok(DataFolder::Writable(runner, None)),
        Err(e) if read_only(&e) => Ok(DataFolder::ReadOnly(e)),
        Err(e) => Ok(DataFolder::Writable(runner, Some(e))),
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

/// `NO_COLOR` set to anything non-empty turns colour off, whatever the theme (no-color.org); `TERM=linux`
/// (the Linux console) draws with the characters its fonts carry unless `--glyphs` says otherwise.
fn theme(global: &GlobalArgs) -> Theme {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let term = std::env::var("TERM").ok();
    theme_for(global, no_color, term.as_deref())
}

/// [`theme`] with the environment read: what the arguments, `NO_COLOR` and `TERM` choose.
fn theme_for(global: &GlobalArgs, no_color: bool, term: Option<&str>) -> Theme {
    let name = match global.theme {
        ThemeArg::Normal => ThemeName::Normal,
        ThemeArg::AltoContraste => ThemeName::AltoContraste,
    };
    let flag = global.glyphs.map(|arg| match arg {
        GlyphsArg::Completo => Glyphs::Completo,
        GlyphsArg::Basico => Glyphs::Basico,
    });
    Theme::new(name, no_color).with_glyphs(Glyphs::choose(flag, term))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::Cli;
    use clap::Parser;

    fn glyphs(args: &[&str], term: Option<&str>) -> Glyphs {
        let cli = Cli::try_parse_from(args).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        theme_for(&cli.global, false, term).glyphs
    }

    #[test]
    fn term_linux_draws_basico_and_the_flag_chooses_under_any_term() {
        assert_eq!(glyphs(&["rumbo"], Some("linux")), Glyphs::Basico);
        assert_eq!(glyphs(&["rumbo", "--kiosk"], Some("linux")), Glyphs::Basico);
        assert_eq!(glyphs(&["rumbo"], Some("xterm-256color")), Glyphs::Completo);
        assert_eq!(glyphs(&["rumbo"], None), Glyphs::Completo);
        for term in [Some("xterm-256color"), Some("linux"), Some("tmux-256color"), None] {
            assert_eq!(glyphs(&["rumbo", "--glyphs", "basico"], term), Glyphs::Basico, "{term:?}");
            assert_eq!(glyphs(&["rumbo", "--glyphs", "completo"], term), Glyphs::Completo, "{term:?}");
            assert_eq!(glyphs(&["rumbo", "--glyphs", "unicode"], term), Glyphs::Completo, "{term:?}");
        }
        // With the theme, and NO_COLOR: the colours change, the characters do not.
        let cli = Cli::try_parse_from(["rumbo", "--theme", "alto-contraste", "--glyphs", "basico"]);
        let theme = theme_for(&cli.map(|c| c.global).unwrap_or_default(), true, Some("xterm"));
        assert_eq!(theme.glyphs, Glyphs::Basico);
        assert_eq!(theme, Theme::new(ThemeName::AltoContraste, true).with_glyphs(Glyphs::Basico));
    }
}
