//! The session summary the person takes home (Markdown, printable HTML) and the office's systems read
//! (JSON). Building the text is pure; `write` is the one function that touches the disk.

mod dates;
mod escape;
mod experience;
mod html;
mod html_plan;
pub mod interests;
mod json;
mod markdown;
pub mod naming;
pub mod plan;
pub mod plan_data;
pub mod plan_likes;
pub mod qr;
mod style;
mod summary;

pub use dates::in_words as date_in_words;
pub use json::{SCHEMA, SCHEMAS};
pub use summary::{NotesChoice, Summary, explored, summarize};

use crate::catalog::CatalogSet;
use crate::i18n::Lang;
use crate::private_fs::Mode;
use crate::session::ExportRecord;
use crate::session::Session;
use std::path::Path;

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

/// What an export is asked for beside the session and the catalogs. The app's runtime and `rumbo export`
/// fill it from their arguments and config.ron (the office), so the renderers never read a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub lang: Lang,
    pub format: Format,
    pub notes: NotesChoice,
    /// The JSON schema (one of [`SCHEMAS`]); Markdown and HTML have none.
    pub schema: u32,
    /// `office:` of config.ron: shown on every plan.
    pub office: crate::config::Office,
}

impl Options {
    /// `format` in `lang` with `notes`, the current schema and no office.
    pub fn new(lang: Lang, format: Format, notes: NotesChoice) -> Options {
        Options { lang, format, notes, schema: SCHEMA, office: crate::config::Office::default() }
    }

    pub fn with_office(self, office: &crate::config::Office) -> Options {
        Options { office: office.clone(), ..self }
    }

    pub fn with_schema(self, schema: u32) -> Options {
        Options { schema, ..self }
    }
}

/// The export's text, as `options` ask.
pub fn render_with(
    session: &Session,
    set: &CatalogSet,
    tz: &jiff::tz::TimeZone,
    options: &Options,
) -> String {
    let mut summary = summarize(session, set, options.lang, options.notes, tz);
    summary.office = options.office.sanitized();
    match options.format {
        Format::Markdown => markdown::render(&summary),
        Format::Html => html::render(&summary),
        Format::Json => json::render(session, &summary, options.notes, options.schema),
    }
}

/// The export's text (JSON in the current [`SCHEMA`]).
pub fn render(
    session: &Session,
    set: &CatalogSet,
    lang: Lang,
    format: Format,
    notes: NotesChoice,
    tz: &jiff::tz::TimeZone,
) -> String {
    render_schema(session, set, lang, format, notes, tz, SCHEMA)
}

/// [`render`], the JSON in `schema` (one of [`SCHEMAS`]; Markdown and HTML have no schema).
pub fn render_schema(
    session: &Session,
    set: &CatalogSet,
    lang: Lang,
    format: Format,
    notes: NotesChoice,
    tz: &jiff::tz::TimeZone,
    schema: u32,
) -> String {
    render_with(session, set, tz, &Options::new(lang, format, notes).with_schema(schema))
}

/// The file name an export of `session` gets.
pub fn default_name(session: &Session, format: Format, tz: &jiff::tz::TimeZone) -> String {
    let date = session.created.to_zoned(tz.clone()).strftime("%Y-%m-%d").to_string();
    naming::file_name(&date, &session.alias, &session.id, format.extension())
}

/// Writes `text` atomically into `dir` under `name` (or `name-2`, `name-3`… if taken), creating the
/// folder if need be; the new file (and any folder made for it) gets `mode`. Returns the record the
/// session keeps of it, path included.
pub fn write_new(dir: &Path, name: &str, text: &str, mode: Mode) -> std::io::Result<ExportRecord> {
    crate::private_fs::create_dir_all(dir, mode)?;
    let path = naming::unused_path(dir, name);
    crate::private_fs::write_atomic(&path, text.as_bytes(), mode)?;
    Ok(ExportRecord::of(&path, text.as_bytes()))
}

/// An HTML summary with `notice` at the top of its body: the kiosk's word to the desk that a visit
/// without consent was not saved (issue 14), where the person handing it over reads first.
pub fn html_with_notice(html: &str, notice: &str) -> String {
    let at = html.find("<body>\n").map_or(0, |i| i + "<body>\n".len());
    format!(
        "{}<p class=\"notice\"><strong>{}</strong></p>\n{}",
        &html[..at],
        escape::html(notice),
        &html[at..]
    )
}
