//! `rumbo sessions list|show|delete` and the session look-up `export` shares: an id or a unique prefix.

use super::args::SessionsCommand;
use super::{EXIT_FAILURE, GlobalArgs, dirs, load_or_report};
use crate::catalog::CatalogSet;
use crate::export::{Format, NotesChoice};
use crate::i18n::{Lang, fill};
use crate::office::sessions::Sessions;
use crate::session::{Listed, Session, best_fit};
use serde_json::json;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

pub fn run(global: &GlobalArgs, lang: Lang, command: &SessionsCommand) -> ExitCode {
    let mut store = match open_store(global, lang) {
        Ok(store) => store,
        Err(code) => return code,
    };
    if store.is_offline()
        && let Some(what) = needs_server(command)
    {
        return super::reach::refuse(lang, what);
    }
    let code = match command {
        SessionsCommand::List { json, all_offices } => list(global, lang, &mut store, *json, *all_offices),
        SessionsCommand::Show { session } => show(global, lang, &mut store, session),
        SessionsCommand::Delete { session, yes } => delete(lang, &mut store, session, *yes),
        SessionsCommand::Purge { older_than } => purge(global, lang, &mut store, *older_than),
        SessionsCommand::Import { file } => super::import::run(lang, &mut store, file),
        SessionsCommand::Due { before, json, all_offices } => {
            super::due::run(lang, &mut store, before.as_deref(), *json, *all_offices)
        }
    };
    super::reach::finish(&store, code)
}

/// What must not act on this desk's copies alone (the office's server out of reach): deleting and
/// retention (the row and every desk's copy), importing (an id clash cannot be checked) and
/// `--all-offices`.
fn needs_server(command: &SessionsCommand) -> Option<&'static str> {
    match command {
        SessionsCommand::Delete { .. } => Some("rumbo sessions delete"),
        SessionsCommand::Purge { .. } => Some("rumbo sessions purge"),
        SessionsCommand::Import { .. } => Some("rumbo sessions import"),
        SessionsCommand::List { all_offices: true, .. } | SessionsCommand::Due { all_offices: true, .. } => {
            Some("--all-offices")
        }
        _ => None,
    }
}

pub fn fail(lang: Lang, message: &str) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "{}: {message}", lang.strings().error_prefix);
    ExitCode::from(EXIT_FAILURE)
}

/// The sessions config.ron's `store:` names: this computer's, or the office's server (connected here,
/// its deletion marks applied to this desk; out of reach, this desk's copies, said on stderr).
pub fn open_store(global: &GlobalArgs, lang: Lang) -> Result<Sessions, ExitCode> {
    let Some(dir) = dirs::data_dir(global) else {
        return Err(fail(lang, lang.strings().data_dir_unavailable));
    };
    let config = super::store::config(global, lang)?;
    let mut store = Sessions::open(&config, &dir).map_err(|e| fail(lang, &e.message(lang)))?;
    super::reach::announce(lang, &mut store);
    Ok(store)
}

/// The one session whose id is `wanted` or starts with it, or whose kiosk code `wanted` is, typed as
/// people type it (any case, spaces and dashes ignored: "k7m-2qx"). On the office's server that is every
/// session of the office, whichever desk or kiosk wrote it.
pub fn resolve(lang: Lang, store: &mut Sessions, wanted: &str) -> Result<String, ExitCode> {
    let s = lang.strings();
    // Ids are lowercase; the kiosk's desk code is the same letters in capitals.
    let wanted = &wanted.to_lowercase();
    let ids: Vec<String> = store.list().unwrap_or_default().iter().map(|l| l.id().to_string()).collect();
    if ids.iter().any(|id| id == wanted) {
        return Ok(wanted.to_string());
    }
    let mut matches: Vec<&String> =
        ids.iter().filter(|id| !wanted.is_empty() && id.starts_with(wanted)).collect();
    let code = crate::session::typed_code(wanted);
    if let (true, Some(code)) = (matches.is_empty(), &code) {
        matches = ids.iter().filter(|id| crate::session::has_code(id, code)).collect();
    }
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        // Shaped like a kiosk code: the visit may never have been stored (no consent).
        [] if code.is_some() => Err(fail(lang, s.code_none)),
        [] => Err(fail(lang, &fill(s.session_unknown, &[("id", &wanted)]))),
        many => {
            let list: Vec<&str> = many.iter().map(|id| id.as_str()).collect();
            Err(fail(lang, &fill(s.session_ambiguous, &[("id", &wanted), ("matches", &list.join(", "))])))
        }
    }
}

pub fn load(lang: Lang, store: &mut Sessions, wanted: &str) -> Result<Session, ExitCode> {
    let id = resolve(lang, store, wanted)?;
    store.load(&id).map_err(|e| fail(lang, &e.message(lang)))
}

fn list(global: &GlobalArgs, lang: Lang, store: &mut Sessions, as_json: bool, all_offices: bool) -> ExitCode {
    let set = match load_or_report(global, lang) {
        Ok(set) => set,
        Err(code) => return code,
    };
    let listed = match super::all_offices::listed(lang, store, all_offices) {
        Ok(listed) => listed,
        Err(code) => return code,
    };
    let office_width = super::all_offices::width(&listed);
    let s = lang.strings();
    let mut out = std::io::stdout().lock();
    if as_json {
        let rows: Vec<_> = listed
            .iter()
            .map(|(office, entry)| {
                let mut row = list_json(entry, &set);
                if let (Some(office), Some(fields)) = (office, row.as_object_mut()) {
                    fields.insert("office".into(), json!(office));
                }
                row
            })
            .collect();
        let _ = writeln!(out, "{}", json!({ "sessions": rows }));
        return ExitCode::SUCCESS;
    }
    if listed.is_empty() {
        let _ = writeln!(out, "{}", lang.strings().sessions_none);
    }
    for (office, entry) in &listed {
        let line = match entry {
            Listed::Ok(session) => {
                let best = best_fit(session, &set).map(|(t, p)| format!("{p:>3}%  {t}")).unwrap_or_default();
                // Issue 13: the follow-up date, in a column of its own (blank when there is none).
                let follow = session.follow_up.map(|d| fill(s.list_follow_up, &[("date", &d)]));
                let follow_width = fill(s.list_follow_up, &[("date", &"0000-00-00")]).chars().count();
                format!(
                    "{}  {:<20}  {}  {}  {:<follow_width$}  {best}",
                    session.id,
                    session.alias,
                    date(&session.created),
                    date(&session.updated),
                    follow.unwrap_or_default(),
                )
            }
            Listed::Corrupt { id, path, line, col, message } => {
                let place = format!("{}:{line}:{col}", path.display());
                format!(
                    "{id}  {}",
                    fill(lang.strings().sessions_corrupt, &[("place", &place), ("detail", message)])
                )
            }
            Listed::Unreadable { id, path, message } => format!(
                "{id}  {}",
                fill(lang.strings().sessions_unreadable, &[("place", &path.display()), ("detail", message)])
            ),
        };
        let office = super::all_offices::column(office.as_deref(), office_width);
        if writeln!(out, "{office}{line}").is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}

fn list_json(entry: &Listed, set: &CatalogSet) -> serde_json::Value {
    match entry {
        Listed::Ok(session) => {
            let best =
                best_fit(session, set).map(|(title, percent)| json!({"title": title, "percent": percent}));
            json!({"id": session.id, "alias": session.alias, "created": session.created,
                   "updated": session.updated, "best_fit": best,
                   "follow_up": session.follow_up.map(|d| d.to_string())})
        }
        Listed::Corrupt { id, path, line, col, message } => {
            json!({"id": id, "error": format!("{}:{line}:{col}: {message}", path.display())})
        }
        Listed::Unreadable { id, path, message } => {
            json!({"id": id, "error": format!("{}: {message}", path.display())})
        }
    }
}

fn date(ts: &jiff::Timestamp) -> String {
    ts.to_zoned(jiff::tz::TimeZone::system()).strftime("%Y-%m-%d %H:%M").to_string()
}

fn show(global: &GlobalArgs, lang: Lang, store: &mut Sessions, wanted: &str) -> ExitCode {
    let session = match load(lang, store, wanted) {
        Ok(session) => session,
        Err(code) => return code,
    };
    let set = match load_or_report(global, lang) {
        Ok(set) => set,
        Err(code) => return code,
    };
    let s = lang.strings();
    if session.is_newer_format() {
        let note = fill(s.session_newer_note, &[("id", &session.id), ("format", &session.format)]);
        let _ = writeln!(std::io::stderr(), "{note}");
    }
    let consent = match &session.consent {
        Some(c) => fill(s.show_consent_given, &[("date", &date(&c.given_at)), ("version", &c.text_version)]),
        None => s.show_consent_missing.to_string(),
    };
    let tz = jiff::tz::TimeZone::system();
    let body = crate::export::render(&session, &set, lang, Format::Markdown, NotesChoice::All, &tz);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}: {}", s.show_id, session.id);
    let _ = writeln!(out, "{}: {}", s.show_updated, date(&session.updated));
    let _ = writeln!(out, "{}: {consent}\n", s.show_consent);
    let _ = writeln!(out, "{body}");
    ExitCode::SUCCESS
}

fn delete(lang: Lang, store: &mut Sessions, wanted: &str, yes: bool) -> ExitCode {
    let s = lang.strings();
    let id = match resolve(lang, store, wanted) {
        Ok(id) => id,
        Err(code) => return code,
    };
    if !yes {
        if !std::io::stdin().is_terminal() {
            return fail(lang, s.delete_needs_yes);
        }
        // A corrupt file has no alias to show; the id is enough to ask.
        let alias = store.load(&id).map(|session| session.alias).unwrap_or_else(|_| id.clone());
        let _ = write!(std::io::stderr(), "{}", fill(s.delete_confirm, &[("alias", &alias), ("id", &id)]));
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !matches!(answer.trim().to_lowercase().as_str(), "s" | "si" | "sí" | "y" | "yes") {
            let _ = writeln!(std::io::stdout(), "{}", s.delete_cancelled);
            return ExitCode::SUCCESS;
        }
    }
    let erased = match store.erase(&id) {
        Ok(erased) => erased,
        Err(e) => return fail(lang, &e.message(lang)),
    };
    let mut out = std::io::stdout().lock();
    for line in erased.lines(lang) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{}", fill(s.deleted, &[("id", &id)]));
    ExitCode::SUCCESS
}

fn purge(global: &GlobalArgs, lang: Lang, store: &mut Sessions, older_than: Option<u32>) -> ExitCode {
    let s = lang.strings();
    let (min, max) = (crate::session::MIN_DAYS, crate::session::MAX_DAYS);
    if let Some(days) = older_than.filter(|days| !(min..=max).contains(days)) {
        let message = fill(s.purge_days_range, &[("days", &days), ("min", &min), ("max", &max)]);
        let _ = writeln!(std::io::stderr(), "{}: {message}", s.error_prefix);
        return ExitCode::from(super::EXIT_USAGE);
    }
    let config = match dirs::config_dir(global).map(|d| crate::config::Config::load(&d)).transpose() {
        Ok(config) => config.unwrap_or_default(),
        Err(e) => return fail(lang, &fill(s.config_invalid, &[("detail", &e)])),
    };
    let days = older_than.unwrap_or(config.retention_days);
    match store.purge(days, jiff::Timestamp::now()) {
        Ok(purged) => {
            let _ = writeln!(
                std::io::stdout(),
                "{}",
                fill(s.purged, &[("count", &purged.sessions), ("exports", &purged.exports_removed())])
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(lang, &e.message(lang)),
    }
}
