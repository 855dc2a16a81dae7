//! The session summary the person takes home (Markdown, printable HTML) and the office's systems read
//! (JSON). Building the text is pure; `write` is the one function that touches the disk.

mod escape;
mod html;
mod json;
mod markdown;
pub mod naming;
mod summary;

pub use json::SCHEMA;
pub use summary::{NotesChoice, Summary, explored, summarize};

use crate::catalog::CatalogSet;
use crate::i18n::Lang;
use crate::session::Session;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Markdown,
    Html,
    Json,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// The export's text.
pub fn render(
    session: &Session,
    set: &CatalogSet,
    lang: Lang,
    format: Format,
    notes: NotesChoice,
    tz: &jiff::tz::TimeZone,
) -> String {
    let summary = summarize(session, set, lang, notes, tz);
    match format {
        Format::Markdown => markdown::render(&summary),
        Format::Html => html::render(&summary),
        Format::Json => json::render(session, &summary, notes),
    }
}

/// The file name an export of `session` gets.
pub fn default_name(session: &Session, format: Format, tz: &jiff::tz::TimeZone) -> String {
    let date = session.created.to_zoned(tz.clone()).strftime("%Y-%m-%d").to_string();
    naming::file_name(&date, &session.alias, &session.id, format.extension())
}

/// Writes `text` atomically into `dir` under `name` (or `name-2`, `name-3`… if taken); returns the path.
pub fn write_new(dir: &Path, name: &str, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = naming::unused_path(dir, name);
    write_to(&path, text)?;
    Ok(path)
}

/// Removes every export of session `id` from `dir` (and temporary files of interrupted ones), for the
/// person's right to deletion; returns how many went. A missing folder has none.
pub fn remove_exports(dir: &Path, id: &str) -> std::io::Result<usize> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut removed = 0;
    for entry in entries {
        let entry = entry?;
        let ours = entry.file_name().to_str().is_some_and(|name| naming::is_export_of(name, id));
        if ours && entry.file_type()?.is_file() {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Writes `text` atomically to `path` (a temporary file beside it, then a rename).
pub fn write_to(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = atomic_write_file::AtomicWriteFile::open(path)?;
    file.write_all(text.as_bytes())?;
    file.commit()
}

/// Removes the summaries rumbo wrote into `dir` (`rumbo-*` files) that are older than `days`, so exports
/// are kept no longer than the sessions they come from (the consent text promises at most that long).
/// Returns how many went; other files are never touched.
pub fn purge_old(dir: &Path, days: u32, now: std::time::SystemTime) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    let limit = std::time::Duration::from_secs(u64::from(days) * 86_400);
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("rumbo-"))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|modified| now.duration_since(modified).is_ok_and(|age| age > limit))
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}
