//! `rumbo export SESSION [--format md|html|json] [--notes all|occupations|none] [-o FILE|-]`

use super::args::{ExportArgs, FormatArg, NotesArg};
use super::sessions::{fail, load, open_store};
use super::{GlobalArgs, dirs, load_or_report};
use crate::config::Config;
use crate::export::{Format, NotesChoice, Options, SCHEMA, default_name, render_with, write_new};
use crate::i18n::{Lang, fill};
use crate::office::sessions::Sessions;
use crate::session::{ExportRecord, StoreError};
use std::io::Write;
use std::process::ExitCode;

pub fn run(global: &GlobalArgs, lang: Lang, args: &ExportArgs) -> ExitCode {
    let mut store = match open_store(global, lang) {
        Ok(store) => store,
        Err(code) => return code,
    };
    let code = export(global, lang, args, &mut store);
    super::reach::finish(&store, code)
}

fn export(global: &GlobalArgs, lang: Lang, args: &ExportArgs, store: &mut Sessions) -> ExitCode {
    let s = lang.strings();
    let session = match load(lang, store, &args.session) {
        Ok(session) => session,
        Err(code) => return code,
    };
    let set = match load_or_report(global, lang) {
        Ok(set) => set,
        Err(code) => return code,
    };
    let format = match args.format {
        FormatArg::Md => Format::Markdown,
        FormatArg::Html => Format::Html,
        FormatArg::Json => Format::Json,
    };
    let notes = match args.notes {
        NotesArg::All => NotesChoice::All,
        NotesArg::Occupations => NotesChoice::Occupations,
        NotesArg::None => NotesChoice::None,
    };
    if args.schema.is_some() && format != Format::Json {
        return fail(lang, s.export_schema_not_json);
    }
    // Read before rendering: the plan shows the office (`office:`), also on standard output.
    let config = match dirs::config_dir(global).map(|d| Config::load(&d)).transpose() {
        Ok(config) => config.unwrap_or_default(),
        Err(e) => return fail(lang, &fill(s.config_invalid, &[("detail", &e)])),
    };
    let tz = jiff::tz::TimeZone::system();
    let options = Options::new(lang, format, notes)
        .with_schema(args.schema.unwrap_or(SCHEMA))
        .with_office(&config.office);
    let text = render_with(&session, &set, &tz, &options);
    if session.is_newer_format() {
        let note = fill(s.session_newer_note, &[("id", &session.id), ("format", &session.format)]);
        let _ = writeln!(std::io::stderr(), "{note}");
    }
    if args.output.as_ref().is_some_and(|path| path.as_os_str() == "-") {
        return match std::io::stdout().lock().write_all(text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(lang, &fill(s.export_failed, &[("detail", &e)])),
        };
    }
    // A file is recorded in the session, so that deleting the session deletes it too; a session this
    // rumbo cannot write back (newer format, open elsewhere) gets no file it could not record.
    if session.is_newer_format() {
        let e = StoreError::NewerFormat { id: session.id.clone(), format: session.format };
        return fail(lang, &e.message(lang));
    }
    let lock = match store.local().lock(&session.id) {
        Ok(lock) => lock,
        Err(e) => return fail(lang, &e.message(lang)),
    };
    // Office mode: the file is recorded in the row, so no other desk may be writing it meanwhile.
    let _office_lock = match store.hold(&session.id) {
        Ok(hold) => hold,
        Err(e) => return fail(lang, &e.message(lang)),
    };
    let mode = config.export_mode();
    let written = match &args.output {
        // A folder (`-o /media/usb/`) gets the file under its usual name, not a sibling named after it.
        Some(path) if path.is_dir() => write_new(path, &default_name(&session, format, &tz), &text, mode),
        Some(path) => {
            let dir =
                path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            write_new(dir, &name, &text, mode)
        }
        None => {
            let data = dirs::data_dir(global).unwrap_or_default();
            write_new(&config.export_dir(&data), &default_name(&session, format, &tz), &text, mode)
        }
    };
    let record = match written {
        Ok(record) => record,
        Err(e) => return fail(lang, &fill(s.export_failed, &[("detail", &e)])),
    };
    let path = record.path.clone();
    if let Err(e) = record_in(store, &session.id, record) {
        // Unrecorded, the file would outlive the session's deletion: take it back.
        let _ = std::fs::remove_file(&path);
        return fail(lang, &fill(s.export_failed, &[("detail", &e.message(lang))]));
    }
    // In office mode the row has it now: this computer keeps no copy of the session (nor its lock file).
    if matches!(store, Sessions::Office(_)) {
        let _ = store.local().delete_locked(lock);
    }
    let _ = writeln!(std::io::stdout(), "{}", fill(s.export_written, &[("path", &path.display())]));
    ExitCode::SUCCESS
}

/// Adds the record to the session as it is on disk now (the caller holds its lock). Offline it goes to
/// this desk's copy only, marked changed (its time) so that the copy counts as not yet sent
/// ([`crate::office::sessions::pending_here`]) rather than be replaced by the row, record and all.
fn record_in(store: &mut Sessions, id: &str, record: ExportRecord) -> Result<(), StoreError> {
    let mut session = store.load(id)?;
    session.record_export(record);
    if store.is_offline() {
        session.touch(jiff::Timestamp::now());
    }
    store.save(&session)
}
