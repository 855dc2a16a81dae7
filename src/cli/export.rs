//! `rumbo export SESSION [--format md|html|json] [--notes all|occupations|none] [-o FILE|-]`

use super::args::{ExportArgs, FormatArg, NotesArg};
use super::sessions::{fail, load, open_store};
use super::{GlobalArgs, dirs, load_or_report};
use crate::config::Config;
use crate::export::{Format, NotesChoice, default_name, render, write_new};
use crate::i18n::{Lang, fill};
use std::io::Write;
use std::process::ExitCode;

pub fn run(global: &GlobalArgs, lang: Lang, args: &ExportArgs) -> ExitCode {
    let s = lang.strings();
    let store = match open_store(global, lang) {
        Ok(store) => store,
        Err(code) => return code,
    };
    let session = match load(lang, &store, &args.session) {
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
    let tz = jiff::tz::TimeZone::system();
    let text = render(&session, &set, lang, format, notes, &tz);
    let written = match &args.output {
        Some(path) if path.as_os_str() == "-" => {
            return match std::io::stdout().lock().write_all(text.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(lang, &fill(s.export_failed, &[("detail", &e)])),
            };
        }
        // A folder (`-o /media/usb/`) gets the file under its usual name, not a sibling named after it.
        Some(path) if path.is_dir() => write_new(path, &default_name(&session, format, &tz), &text),
        Some(path) => {
            let dir =
                path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            write_new(dir, &name, &text)
        }
        None => {
            let config = match dirs::config_dir(global).map(|d| Config::load(&d)).transpose() {
                Ok(config) => config.unwrap_or_default(),
                Err(e) => return fail(lang, &fill(s.config_invalid, &[("detail", &e)])),
            };
            let data = dirs::data_dir(global).unwrap_or_default();
            write_new(&config.export_dir(&data), &default_name(&session, format, &tz), &text)
        }
    };
    match written {
        Ok(path) => {
            let _ = writeln!(std::io::stdout(), "{}", fill(s.export_written, &[("path", &path.display())]));
            ExitCode::SUCCESS
        }
        Err(e) => fail(lang, &fill(s.export_failed, &[("detail", &e)])),
    }
}
