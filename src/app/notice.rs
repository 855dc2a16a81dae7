//! What the model says to the counselor outside the failures themselves, kept typed: `ui::failure` puts
//! it into words when it is drawn.

/// Why a session file in the list cannot be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum RowProblem {
    /// It does not parse: the file's name, where, and the parser's message.
    Corrupt { file: String, line: usize, col: usize, message: String },
    /// It could not be read at all.
    Unreadable { path: std::path::PathBuf, message: String },
}

/// The line under the start screen's list.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Sessions past `retention_days` were deleted at start.
    Purged { count: usize, days: u32 },
    /// The data folder is read-only: no session can be created or deleted.
    ReadOnlyRefused,
    /// The copies of the unsaved sessions were written: where.
    Copied(Vec<std::path::PathBuf>),
    /// A session could not be opened.
    OpenFailed(super::Failure),
    /// `d` deleted a session (what went, what could not), or could not.
    Deleted(Result<crate::session::Erased, super::Failure>),
    /// Enter on a session file that cannot be opened: why.
    Damaged(RowProblem),
    /// A save of the session just left failed.
    SaveFailed(super::SaveFailure),
    /// Office mode: sessions deleted at another desk, removed from this one (with their exports here).
    DeletedElsewhere { sessions: usize, exports: usize },
    /// Office mode: sessions closed here while offline were sent once the server was back (and, for
    /// those changed at another desk meanwhile, the copies kept).
    PendingSent { sent: usize, copies: Vec<String> },
    /// A key that means nothing on this screen, and where it works.
    KeyElsewhere(super::keymap::KeyHint),
    /// The kiosk code typed at `/` matches no session of this office (or this computer).
    CodeNone,
    /// The kiosk code typed at `/` matches several sessions: the list shows only them, to choose from.
    CodeSeveral(String),
    /// Enter while a session is still opening (in office mode the server answers the open): which one.
    Opening(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotesNotice {
    /// A key would take the note past its limit (of `max` characters).
    Full { max: usize },
    /// A paste was cut to fit: `left` characters left out.
    Truncated { left: usize, max: usize },
}
