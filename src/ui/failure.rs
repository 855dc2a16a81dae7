//! Failures and notices in the user's words: the runtime and `update` keep what happened as typed values
//! (`app::Failure`, `SaveFailure`, a `Notice`), and they are translated here, where they are shown.

use crate::app::{Failure, NotesNotice, Notice, RowProblem, SaveFailure};
use crate::i18n::{Lang, fill};
use crate::session::SaveCause;

/// The whole message.
pub fn text(failure: &Failure, lang: Lang) -> String {
    let s = lang.strings();
    match failure {
        Failure::Store(e) => e.message(lang),
        Failure::Export(e) => fill(s.export_failed, &[("detail", e)]),
        Failure::ExportReadOnly => s.export_read_only.to_string(),
        Failure::Copies { dir, error } => {
            fill(s.copy_failed, &[("detail", &format!("{}: {error}", dir.display()))])
        }
        Failure::CopyText(detail) => fill(s.copy_failed, &[("detail", detail)]),
        Failure::Other(detail) => detail.clone(),
    }
}

/// A failed save's cause in words: "disco lleno", or the whole message when it is none of the known kinds.
pub fn save_cause(failure: &SaveFailure, lang: Lang) -> String {
    let s = lang.strings();
    match failure.cause {
        SaveCause::DiskFull => s.cause_disk_full.to_string(),
        SaveCause::NoPermission => s.cause_no_permission.to_string(),
        SaveCause::ReadOnlyFs => s.cause_read_only_fs.to_string(),
        SaveCause::Other => text(&failure.error, lang),
    }
}

/// "sin guardar — disco lleno".
pub fn save_header(failure: &SaveFailure, lang: Lang) -> String {
    fill(lang.strings().header_failed, &[("cause", &save_cause(failure, lang))])
}

/// The line under the start screen's list.
pub fn notice(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::Purged { count, days } => {
            fill(lang.strings().sessions_purged_at_start, &[("count", count), ("days", days)])
        }
        Notice::ReadOnlyRefused => lang.strings().data_read_only_refused.to_string(),
        Notice::DeletedElsewhere { sessions, exports } => {
            fill(lang.strings().sessions_deleted_elsewhere, &[("count", sessions), ("exports", exports)])
        }
        Notice::PendingSent { sent, copies } => {
            let s = lang.strings();
            let sent = (*sent > 0).then(|| fill(s.sessions_pending_sent, &[("count", sent)]));
            let copies = (!copies.is_empty())
                .then(|| fill(s.sessions_pending_copies, &[("copies", &copies.join(", "))]));
            sent.into_iter().chain(copies).collect::<Vec<_>>().join(" ")
        }
        Notice::Copied(places) => {
            let places: Vec<String> = places.iter().map(|p| p.display().to_string()).collect();
            fill(lang.strings().copy_done, &[("files", &places.join(", "))])
        }
        Notice::OpenFailed(failure) | Notice::Deleted(Err(failure)) => text(failure, lang),
        // How many files went, and each recorded export that was missing or had changed since it was
        // written, by name.
        Notice::Deleted(Ok(erased)) => {
            let count = erased.removed().count();
            let mut lines = vec![fill(lang.strings().sessions_deleted_notice, &[("count", &count)])];
            lines.extend(erased.problems(lang));
            lines.join("\n")
        }
        Notice::SaveFailed(failure) => save_header(failure, lang),
        Notice::Damaged(problem) => row_problem(problem, lang),
        Notice::KeyElsewhere(hint) => super::keys::hint(hint, lang),
        Notice::CodeNone => lang.strings().code_none.to_string(),
        Notice::CodeSeveral(code) => fill(lang.strings().code_several, &[("code", code)]),
        Notice::Opening(alias) => fill(lang.strings().sessions_opening, &[("alias", alias)]),
    }
}

/// Why a listed session cannot be opened.
pub fn row_problem(problem: &RowProblem, lang: Lang) -> String {
    let s = lang.strings();
    match problem {
        RowProblem::Corrupt { file, line, col, message } => {
            fill(s.sessions_corrupt, &[("place", &format!("{file}:{line}:{col}")), ("detail", message)])
        }
        RowProblem::Unreadable { path, message } => {
            fill(s.sessions_unreadable, &[("place", &path.display()), ("detail", message)])
        }
    }
}

/// Said under the notes editor instead of its keys.
pub fn notes_notice(notice: NotesNotice, lang: Lang) -> String {
    let s = lang.strings();
    match notice {
        NotesNotice::Full { max } => fill(s.notes_full, &[("max", &max)]),
        NotesNotice::Truncated { left, max } => fill(s.notes_truncated, &[("left", &left), ("max", &max)]),
    }
}
