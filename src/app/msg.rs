//! What can happen to the app (`Msg`) and what the app asks the runtime to do (`Effect`). `update` turns
//! the first into the second without touching the disk or the terminal.

use crate::session::{Listed, Session};
use crossterm::event::{KeyEvent, MouseEvent};

#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    /// Bracketed paste: the whole pasted text at once.
    Paste(String),
    Resize(u16, u16),
    /// The sessions folder as the runtime read it.
    SessionsListed(Vec<Listed>),
    /// A saved session was opened; `read_only` when another rumbo holds its lock.
    SessionOpened {
        session: Box<Session>,
        read_only: bool,
    },
    /// Opening failed (corrupt, unreadable, vanished); the text says why, in the user's language.
    OpenFailed(String),
    /// The debounce interval after a change has passed: time to write.
    SaveDue,
    /// A save finished; `Err` carries the message to show.
    Saved(Result<(), String>),
    /// The counselor's name remembered on this computer.
    CounselorRemembered(String),
    /// An export finished: where it was written, or why it failed.
    Exported(Result<std::path::PathBuf, String>),
    /// SIGHUP, SIGTERM, SIGINT or the terminal going away: save now and leave.
    Shutdown,
    /// Kiosk mode: the time asked for by `Model::next_wake` has come (idle countdown).
    Tick,
    /// Kiosk mode: the visitor's summary was written (its code) or could not be.
    KioskFinished(Result<String, String>),
    /// Kiosk mode: the answer to `Effect::CheckPin`: whether the PIN typed was the administrator's.
    PinChecked(bool),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Read the sessions folder and answer with `Msg::SessionsListed`.
    ListSessions,
    /// Lock and load a session; answer with `Msg::SessionOpened` or `Msg::OpenFailed`.
    OpenSession(String),
    /// Lock a session just created (it has consent) and write it.
    CreateSession(Box<Session>),
    /// Write the session (atomically); answer with `Msg::Saved`.
    SaveSession(Box<Session>),
    /// Release the lock of the session being left.
    CloseSession(String),
    DeleteSession(String),
    RememberCounselor(String),
    /// Ask for a save within the debounce interval (the runtime answers with `Msg::SaveDue`).
    ScheduleSave,
    /// A save failed: try again a little later, without waiting for another change.
    RetrySave,
    /// Write the session's summary to the export folder; answer with `Msg::Exported`.
    Export {
        session: Box<Session>,
        format: crate::export::Format,
        notes: crate::export::NotesChoice,
    },
    /// Kiosk mode's "Terminar": write the summary to the kiosk's export folder; answer `Msg::KioskFinished`.
    KioskFinish(Box<Session>),
    /// Kiosk mode: check a typed PIN against the stored hash (argon2: slow on purpose, so not in
    /// `update`); answer with `Msg::PinChecked`.
    CheckPin {
        pin: crate::kiosk::pin::Typed,
        hash: String,
    },
    /// Kiosk mode: keep the PIN lock in `<data>/kiosk-pin.ron`, so a restart does not reset it.
    SavePinLock(crate::kiosk::lock::PinLock),
    /// Clear the terminal, scroll-back included, so the next visitor sees nothing of the last one.
    WipeScreen,
    Quit,
}
