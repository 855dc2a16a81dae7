//! `rumbo sessions list|due --all-offices` (issue 15): every office's sessions, each with its office, for
//! the coordinator role only. Anyone else is refused in plain words: the server's row-level security would
//! otherwise quietly answer with their own office alone, which reads like "every office" and is not.

use super::sessions::fail;
use crate::i18n::Lang;
use crate::office::sessions::Sessions;
use crate::session::Listed;
use std::process::ExitCode;

/// The sessions to list: with `all`, every office's (each with `Some(office)`), else this store's.
pub fn listed(
    lang: Lang,
    store: &mut Sessions,
    all: bool,
) -> Result<Vec<(Option<String>, Listed)>, ExitCode> {
    let with_offices = match store {
        _ if !all => store.list().map(|listed| listed.into_iter().map(|l| (None, l)).collect()),
        Sessions::Local(_) => return Err(fail(lang, lang.strings().all_offices_local)),
        // Only this desk's copies: they are not every office's.
        Sessions::Offline(_) => return Err(super::reach::refuse(lang, "--all-offices")),
        Sessions::Office(office) => office
            .server
            .list_all_offices()
            .map(|listed| listed.into_iter().map(|(office, l)| (Some(office), l)).collect()),
    };
    with_offices.map_err(|e| fail(lang, &e.message(lang)))
}

/// The office column: the office padded to the widest one, then two spaces; nothing without offices.
pub fn column(office: Option<&str>, width: usize) -> String {
    office.map(|o| format!("{o:<width$}  ")).unwrap_or_default()
}

/// The widest office's width, in characters.
pub fn width(listed: &[(Option<String>, Listed)]) -> usize {
    listed.iter().filter_map(|(o, _)| o.as_ref()).map(|o| o.chars().count()).max().unwrap_or(0)
}
