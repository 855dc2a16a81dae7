//! What can happen to the app (`Msg`) and what the app asks the runtime to do (`Effect`). `update` turns
//! the first into the second without touching the disk or the terminal.

use crate::session::{Listed, Session};
use crossterm::event::{KeyEvent, MouseEvent};

/// Something the view draws that a click or the wheel acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Pane(super::Pane),
    /// The rows of the best-fit view (`m`).
    BestFit,
    /// A part of the Experiencia panel.
    Experience(super::ExperienceField),
    /// The rows of the plan panel's part in focus.
    Plan,
    /// A part's name on the plan panel's tab line.
    PlanPart(super::plan::PlanPart),
    /// The `?` help: the wheel scrolls it.
    Help,
    /// The gap popup (`g`): a click selects the row under it, the wheel moves the selection.
    Gap,
    /// The full-text popup (`v`): the wheel scrolls it.
    FullText,
    /// Anywhere outside the full-text popup while it is open: a click there closes it.
    FullTextOutside,
    /// Issue 14: something on a kiosk visitor's screen.
    Kiosk(super::kiosk_visit::Target),
    /// Issue 16: an answer button, a step button or the suggestions of «¿Qué le gusta hacer?».
    Interests(super::InterestsTarget),
}

#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    /// Pointer activity over nothing that takes a click (moves, other buttons): a kiosk's visitor is there.
    Mouse(MouseEvent),
    /// A left click on `area` as the last frame drew it, on list row `row` (counted from the list's first
    /// item, not the screen's) when it landed on one. The runtime finds both in the view's region map.
    Clicked {
        area: Area,
        row: Option<usize>,
    },
    /// The wheel turned over `area` (`down`: towards the end of its list).
    Wheel {
        area: Area,
        down: bool,
    },
    /// Bracketed paste: the whole pasted text at once.
    Paste(String),
    Resize(u16, u16),
    /// The last frame drew the `?` help (or the full-text popup, `v`) able to scroll this many lines (0: it
    /// shows whole). Sent by the runtime after a frame whose room differs from the model's, so `update`
    /// keeps the scroll within.
    HelpRoom(usize),
    /// The sessions folder as the runtime read it.
    SessionsListed(Vec<Listed>),
    /// The sessions whose kiosk code is `code` (`Effect::FindCode`), or why they could not be looked up.
    CodeFound {
        code: String,
        found: Result<Vec<Listed>, super::Failure>,
    },
    /// A saved session was opened; `read_only` when another rumbo holds its lock.
    SessionOpened {
        session: Box<Session>,
        read_only: bool,
    },
    /// Office mode: session `id`, just opened read-only, is held by another desk (`desk`, if it said).
    OpenElsewhere {
        id: String,
        desk: Option<String>,
    },
    /// Office mode: the lock connection died while session `id` was open for writing here.
    LockLost {
        id: String,
    },
    /// Office mode: the office's server answers again (`online`), or stopped answering: then every
    /// change is kept on this desk only, and the header and the start screen say so.
    OfficeReach {
        online: bool,
    },
    /// Office mode: sessions deleted at another desk were removed from this one (`sessions`, with the
    /// `exports` they recorded here).
    MarksApplied {
        sessions: usize,
        exports: usize,
    },
    /// Office mode: the open session `id` changed here (offline) and at another desk; the other's stays
    /// the session, and the workspace goes on with this desk's version as the new session `copy`.
    SwitchedToCopy {
        id: String,
        copy: Box<Session>,
    },
    /// Office mode: session `id` had changed here and at another desk; the other desk's version is the
    /// session (now open), this desk's was kept as a new session named `copy`.
    CopyKept {
        id: String,
        copy: String,
    },
    /// Office mode: a save that is on this desk could not go on to the server (another desk wrote the
    /// row meanwhile, a refusal): kept here, tried again like a failed save.
    SendFailed {
        id: String,
        failure: super::SaveFailure,
    },
    /// Office mode: sessions closed on this desk while the server was away were sent once it was back
    /// (`sent`); those also changed at another desk were kept as both, this desk's named `copies`.
    PendingSent {
        sent: usize,
        copies: Vec<String>,
    },
    /// Office mode: the sessions other desks hold now (id, desk), for the start screen's marker.
    HeldElsewhere(Vec<(String, String)>),
    /// Opening failed (corrupt, unreadable, vanished): why.
    OpenFailed(super::Failure),
    /// The debounce interval after a change has passed: time to write.
    SaveDue,
    /// The journal's (much shorter) interval after a change has passed: time to append the edits.
    JournalDue,
    /// The edits were appended to the session's journal (`true`) or could not be.
    Journaled(bool),
    /// A save of the open session finished; `Err` says why it failed.
    Saved(Result<(), super::SaveFailure>),
    /// A save of a session left unsaved (`Effect::SaveLeft`) finished.
    LeftSaved {
        id: String,
        result: Result<(), super::SaveFailure>,
    },
    /// The removable drives a copy can go to (`Effect::ListDrives`).
    DrivesListed(Vec<std::path::PathBuf>),
    /// The copies of the unsaved sessions were written (`Effect::SaveCopies`): the ids and the files, or
    /// why not.
    CopiesSaved(Result<Vec<(String, std::path::PathBuf)>, super::Failure>),
    /// A kiosk whose saves failed tried writing to its data folder again (`Effect::ProbeStore`).
    StoreProbed(Result<(), super::SaveFailure>),
    /// The counselor's name remembered on this computer.
    CounselorRemembered(String),
    /// An export finished: the record of the file written (the session keeps it), or why it failed.
    Exported(Result<crate::session::ExportRecord, super::Failure>),
    /// A session was deleted (what went and what could not), or why it could not be.
    Deleted(Result<crate::session::Erased, super::Failure>),
    /// SIGHUP, SIGTERM, SIGINT or the terminal going away: save now and leave.
    Shutdown,
    /// Kiosk mode: the time asked for by `Model::next_wake` has come (idle countdown).
    Tick,
    /// Kiosk mode: the visitor's summary was written (its code) or could not be.
    KioskFinished(Result<String, super::Failure>),
    /// Kiosk mode: the answer to `Effect::CheckPin`: whether the PIN typed was the administrator's.
    PinChecked(bool),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Read the sessions folder and answer with `Msg::SessionsListed`.
    ListSessions,
    /// Kiosk to desk: find the sessions whose kiosk code is this (lowercase, as `typed_code` gives it), in
    /// the office's store or this computer's; answer with `Msg::CodeFound`.
    FindCode(String),
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
    /// Ask for a save within the debounce interval (the runtime answers with `Msg::SaveDue`), and for
    /// the edits to reach the journal well before that (`Msg::JournalDue`).
    ScheduleSave,
    /// Append to the session's journal what changed since the last append or save; answer with
    /// `Msg::Journaled`.
    AppendJournal(Box<Session>),
    /// A save failed: try again a little later, without waiting for another change.
    RetrySave,
    /// Write a session left with unsaved changes, keeping its lock until it is on disk (then
    /// `ReleaseLock` releases it); answer with `Msg::LeftSaved`.
    SaveLeft(Box<Session>),
    /// Release the lock of a session left unsaved, now written (the open session, if any, stays as it is).
    ReleaseLock(String),
    /// Find the removable drives; answer with `Msg::DrivesListed`.
    ListDrives,
    /// Write each session file, as the store would, into `dir` (never over a file); answer with
    /// `Msg::CopiesSaved`.
    SaveCopies {
        dir: std::path::PathBuf,
        sessions: Vec<Session>,
    },
    /// Kiosk mode after a failed save: try writing to the data folder; answer with `Msg::StoreProbed`.
    ProbeStore,
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
