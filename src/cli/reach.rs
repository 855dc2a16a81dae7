//! A command on the office's server (issue 15), around what it does: a server that does not answer leaves
//! this desk's copies to read (said on stderr, exit [`EXIT_OFFLINE`]) and refuses what needs the whole
//! office; a server that answers first has its deletion marks applied to this desk, as the app does when
//! it connects ([`crate::office::marks`]), and what that removed is said on stderr.

use super::EXIT_OFFLINE;
use crate::i18n::{Lang, fill};
use crate::office::marks::Applied;
use crate::office::sessions::Sessions;
use crate::session::Removal;
use std::io::Write;
use std::process::ExitCode;

/// Said once the store is open, before the command's own output: offline, that what follows is this
/// desk's; connected, the deletion marks applied.
pub fn announce(lang: Lang, store: &mut Sessions) {
    let s = lang.strings();
    if store.is_offline() {
        let _ =
            writeln!(std::io::stderr(), "{}", fill(s.cli_offline, &[("cached", &s.sessions_cached_here)]));
        return;
    }
    match store.apply_marks() {
        Ok(applied) => report_marks(lang, &applied),
        // The command can still do its part; the marks are applied at the next connection.
        Err(e) => {
            let message = fill(s.marks_apply_failed, &[("detail", &e.message(lang))]);
            let _ = writeln!(std::io::stderr(), "{}", message);
        }
    }
}

/// What applying the marks removed: how many sessions, then each file.
pub fn report_marks(lang: Lang, applied: &Applied) {
    if applied.sessions.is_empty() {
        return;
    }
    let exports: usize = applied
        .sessions
        .iter()
        .map(|e| e.exports.iter().filter(|r| matches!(r, Removal::Removed(_))).count())
        .sum();
    let mut err = std::io::stderr().lock();
    let count = applied.sessions.len();
    let summary =
        fill(lang.strings().sessions_deleted_elsewhere, &[("count", &count), ("exports", &exports)]);
    let _ = writeln!(err, "{summary}");
    for line in applied.sessions.iter().flat_map(|erased| erased.lines(lang)) {
        let _ = writeln!(err, "{line}");
    }
}

/// Offline, a command that must not act on this desk's partial view (`what`) refuses: exit
/// [`EXIT_OFFLINE`].
pub fn refuse(lang: Lang, what: &str) -> ExitCode {
    let s = lang.strings();
    let message = fill(s.cli_offline_refused, &[("command", &what)]);
    let _ = writeln!(std::io::stderr(), "{}: {message}", s.error_prefix);
    ExitCode::from(EXIT_OFFLINE)
}

/// The command's exit: a success offline is [`EXIT_OFFLINE`], so that a script can tell it saw this desk's
/// copies only. A failure stays a failure.
pub fn finish(store: &Sessions, code: ExitCode) -> ExitCode {
    match store.is_offline() && code == ExitCode::SUCCESS {
        true => ExitCode::from(EXIT_OFFLINE),
        false => code,
    }
}
