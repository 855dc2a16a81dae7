//! The effects `update` asks for, carried out: reading and writing sessions, holding their locks,
//! remembering the counselor, writing summaries, and deciding when to save.

use super::events::Incoming;
use super::journal::{JOURNAL_DELAY, JournalWriter};
use super::office_thread::Office;
use super::preferences::Preferences;
use crate::app::{Effect, Failure, Model, Msg, SaveFailure, update};
use crate::private_fs::Mode;
use crate::session::{SessionLock, SessionStore, StoreError};
use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

/// How long after a change the session is written: often enough that a closed window loses nothing
/// that matters (SIGHUP saves at once anyway), rarely enough not to write on every keystroke.
pub const SAVE_DELAY: Duration = Duration::from_millis(800);

/// How long after a failed save the next attempt comes, when nothing else changes meanwhile.
pub const RETRY_DELAY: Duration = Duration::from_secs(5);

/// Carries out effects. Separate from the loop so tests can drive `update` + effects without a terminal.
pub struct Runner {
    pub(super) store: SessionStore,
    preferences: PathBuf,
    /// Where the kiosk keeps its PIN lock (`kiosk-pin.ron`): the data folder.
    data_dir: PathBuf,
    export_dir: PathBuf,
    export_mode: Mode,
    /// The open session's lock, and those of sessions left with unsaved changes (held until written).
    pub(super) locks: HashMap<String, SessionLock>,
    /// The data folder cannot be written: sessions open read-only and nothing is locked or saved.
    pub(super) read_only: bool,
    save_at: Option<Instant>,
    /// The open session's journal, when it may be written (locked, with consent).
    pub(super) journal: Option<JournalWriter>,
    journal_at: Option<Instant>,
    quit: bool,
    /// `Effect::WipeScreen` was asked for: the loop clears the terminal before the next frame.
    pub(super) wipe: bool,
    /// Where slow effects (the argon2 PIN check) send their answer from a worker thread; without it they
    /// run in place and answer at once (tests that drive the runner by hand).
    answers: Option<Sender<Incoming>>,
    /// `store: Postgres`: the office's server, where each save goes after `store` (see
    /// [`super::office::OfficeLink`]), on the office thread once the loop runs.
    pub(super) office: Option<Office>,
    /// Office mode: the server was out of reach when last heard from.
    pub(super) office_down: bool,
}

impl Runner {
    pub fn new(data_dir: &std::path::Path) -> Result<Runner, StoreError> {
        Runner::with_store(data_dir, SessionStore::open(data_dir)?)
    }

    /// A runner whose sessions are written through `disk`: tests pass a
    /// [`FaultyDisk`](crate::session::FaultyDisk) to make saves fail.
    pub fn with_disk(
        data_dir: &std::path::Path,
        disk: std::sync::Arc<dyn crate::session::Disk>,
    ) -> Result<Runner, StoreError> {
        Runner::with_store(data_dir, SessionStore::with_disk(data_dir, disk)?)
    }

    /// A runner on `store` (opened on `data_dir`, whose other files — preferences, exports — it keeps).
    pub fn with_store(data_dir: &std::path::Path, store: SessionStore) -> Result<Runner, StoreError> {
        Ok(Runner {
            store,
            preferences: data_dir.join("preferences.ron"),
            data_dir: data_dir.to_path_buf(),
            export_dir: data_dir.join("exports"),
            export_mode: Mode::Private,
            locks: HashMap::new(),
            read_only: false,
            save_at: None,
            journal: None,
            journal_at: None,
            quit: false,
            wipe: false,
            answers: None,
            office: None,
            office_down: false,
        })
    }

    /// A runner for a data folder that cannot be written: it lists and opens sessions, read-only, and
    /// writes nothing there — no lock file, no session, no preference.
    pub fn read_only(data_dir: &std::path::Path) -> Runner {
        Runner {
            store: SessionStore::at(data_dir),
            preferences: data_dir.join("preferences.ron"),
            data_dir: data_dir.to_path_buf(),
            export_dir: data_dir.join("exports"),
            export_mode: Mode::Private,
            locks: HashMap::new(),
            read_only: true,
            save_at: None,
            journal: None,
            journal_at: None,
            quit: false,
            wipe: false,
            answers: None,
            office: None,
            office_down: false,
        }
    }

    /// Where `e` (or the kiosk's "Terminar") writes summaries (`export_dir` of config.ron, or
    /// Documents/rumbo).
    pub fn set_export_dir(&mut self, dir: PathBuf) {
        self.export_dir = dir;
    }

    /// The file mode of the summaries written (`export_permissions`; private until set).
    pub fn set_export_mode(&mut self, mode: Mode) {
        self.export_mode = mode;
    }

    /// From now on slow effects run on a worker thread each, and answer through `answers` as
    /// `Incoming::Answer`: the loop that draws never waits for them. The loop feeds the answer back in
    /// with [`dispatch`](Self::dispatch). In office mode (set up before this), the server and lock calls
    /// move onto the office thread, answering as `Incoming::Office` (see [`Runner::office_answered`]).
    pub fn answer_through(&mut self, answers: Sender<Incoming>) {
        self.start_office_thread(answers.clone());
        self.answers = Some(answers);
    }

    pub fn wants_quit(&self) -> bool {
        self.quit
    }

    /// When the loop must wake up to save, if anything is pending.
    pub fn save_at(&self) -> Option<Instant> {
        self.save_at
    }

    /// The save timer went off. The timer is cleared first, so a `SaveDue` that finds nothing to write
    /// cannot leave it set in the past and make the loop spin.
    pub fn save_now(&mut self, model: &mut Model) {
        self.save_at = None;
        self.dispatch(model, vec![Msg::SaveDue]);
    }

    /// When the loop must wake up to append to the journal, if anything is pending.
    pub fn journal_at(&self) -> Option<Instant> {
        self.journal_at
    }

    /// The journal timer went off (cleared first, like the save timer).
    pub fn journal_now(&mut self, model: &mut Model) {
        self.journal_at = None;
        self.dispatch(model, vec![Msg::JournalDue]);
    }

    /// Messages to start with: the counselor's remembered name and the list of sessions — neither of
    /// which a kiosk shows, so a kiosk does not even read them.
    pub fn start(&mut self, model: &mut Model) {
        if model.kiosk.is_some() {
            // Started unable to save (a full disk): probe on the retry timer until it can.
            if model.save_trouble.is_some() {
                self.perform(model, vec![Effect::RetrySave]);
            }
            return;
        }
        if self.office.is_some() {
            self.start_office(model);
        }
        let name = Preferences::load(&self.preferences).counselor;
        self.dispatch(model, vec![Msg::CounselorRemembered(name)]);
        self.perform(model, vec![Effect::ListSessions]);
    }

    /// Feeds messages to `update` and carries out what it asks, until nothing is left to do.
    pub fn dispatch(&mut self, model: &mut Model, msgs: Vec<Msg>) {
        let mut queue: VecDeque<Msg> = msgs.into();
        while let Some(msg) = queue.pop_front() {
            model.now = jiff::Timestamp::now();
            let effects = update(model, msg);
            queue.extend(self.run(model, effects));
        }
    }

    fn perform(&mut self, model: &mut Model, effects: Vec<Effect>) {
        let msgs = self.run(model, effects);
        self.dispatch(model, msgs);
    }

    fn run(&mut self, model: &Model, effects: Vec<Effect>) -> Vec<Msg> {
        let lang = model.lang;
        let mut replies = Vec::new();
        for effect in effects {
            match effect {
                Effect::ListSessions if self.office.is_some() => {
                    replies.extend(self.office_job(model, super::office_jobs::list_job()));
                }
                Effect::ListSessions => {
                    replies.push(Msg::SessionsListed(self.store.list().unwrap_or_default()))
                }
                Effect::FindCode(code) if self.office.is_some() => {
                    replies.extend(self.office_job(model, super::office_jobs::find_job(code)));
                }
                Effect::FindCode(code) => {
                    let found = crate::office::sessions::local_with_code(&self.store, &code);
                    replies.push(Msg::CodeFound { code, found: found.map_err(Failure::from) });
                }
                Effect::OpenSession(id) => self.open(model, id, &mut replies),
                Effect::CreateSession(session) => {
                    if let Ok(lock) = self.store.lock(&session.id) {
                        self.locks.insert(session.id.clone(), lock);
                    }
                    // New here: nobody else can have it; a lock connection already dead shows at the send.
                    if self.office.is_some() && model.kiosk.is_none() {
                        let id = session.id.clone();
                        let _ = self.office_job(
                            model,
                            Box::new(move |link, _| {
                                let _ = link.take(&id);
                                link.open.insert(id);
                                Vec::new()
                            }),
                        );
                    }
                    let saved = self.store.save(&session);
                    self.journal = Some(JournalWriter::created(&session, saved.is_ok()));
                    let sent = self.send(model, &saved, &session);
                    replies.push(Msg::Saved(saved.map_err(SaveFailure::from_store)));
                    replies.extend(sent);
                }
                Effect::SaveSession(session) => {
                    self.save_at = None;
                    let saved = self.store.save(&session);
                    if let Some(journal) = &mut self.journal {
                        journal.saved(&self.store, &session, &saved);
                    }
                    let sent = self.send(model, &saved, &session);
                    replies.push(Msg::Saved(saved.map_err(SaveFailure::from_store)));
                    replies.extend(sent);
                }
                Effect::AppendJournal(session) => {
                    self.journal_at = None;
                    let done = self.journal.as_mut().is_some_and(|j| j.append(&self.store, &session));
                    replies.push(Msg::Journaled(done));
                }
                Effect::SaveLeft(session) => {
                    self.save_at = None;
                    // The file written also folds and removes the session's journal (see `SessionStore::save`).
                    let saved = self.store.save(&session);
                    let sent = self.send(model, &saved, &session);
                    let result = saved.map_err(SaveFailure::from_store);
                    replies.push(Msg::LeftSaved { id: session.id.clone(), result });
                    replies.extend(sent);
                }
                Effect::CloseSession(id) => {
                    self.locks.remove(&id);
                    self.release_office_lock(model, &id);
                    self.journal = None;
                    self.journal_at = None;
                    self.closed(model, &id);
                }
                Effect::ReleaseLock(id) => {
                    self.locks.remove(&id);
                    self.release_office_lock(model, &id);
                    self.closed(model, &id);
                }
                Effect::ListDrives => replies.push(Msg::DrivesListed(super::saving::removable_drives())),
                Effect::SaveCopies { dir, sessions } => {
                    let written = super::saving::write_copies(&dir, &sessions);
                    replies.push(Msg::CopiesSaved(written));
                }
                Effect::ProbeStore => {
                    self.save_at = None;
                    let probed = self.store.probe().map_err(SaveFailure::from_store);
                    replies.push(Msg::StoreProbed(probed));
                }
                Effect::DeleteSession(id) if self.office.is_some() => {
                    replies.extend(self.office_job(model, super::office_jobs::erase_job(id)));
                }
                Effect::DeleteSession(id) => {
                    let erased = crate::session::erase(&self.store, &id);
                    replies.push(Msg::Deleted(erased.map_err(Failure::from)));
                }
                Effect::RememberCounselor(name) => {
                    // Losing this preference is harmless: the counselor types the name again.
                    let _ = Preferences { counselor: name.clone() }.save(&self.preferences);
                    replies.push(Msg::CounselorRemembered(name));
                }
                Effect::ScheduleSave => {
                    self.save_at.get_or_insert_with(|| Instant::now() + SAVE_DELAY);
                    if self.journal.is_some() {
                        self.journal_at.get_or_insert_with(|| Instant::now() + JOURNAL_DELAY);
                    }
                }
                Effect::RetrySave => {
                    self.save_at.get_or_insert_with(|| Instant::now() + RETRY_DELAY);
                }
                Effect::Export { session, format, notes } => {
                    let options = crate::export::Options::new(lang, format, notes).with_office(&model.office);
                    let text = crate::export::render_with(&session, &model.catalog, &model.tz, &options);
                    let name = crate::export::default_name(&session, format, &model.tz);
                    let written = crate::export::write_new(&self.export_dir, &name, &text, self.export_mode);
                    replies.push(Msg::Exported(written.map_err(|e| Failure::Export(Arc::new(e)))));
                }
                Effect::KioskFinish(session) => {
                    let format = crate::export::Format::Html;
                    let notes = crate::export::NotesChoice::All;
                    let options = crate::export::Options::new(lang, format, notes).with_office(&model.office);
                    let mut text = crate::export::render_with(&session, &model.catalog, &model.tz, &options);
                    // A visit without consent has no session to open at the desk: its summary says so.
                    if session.consent.is_none() {
                        text = crate::export::html_with_notice(&text, lang.strings().kiosk_summary_unsaved);
                    }
                    // The code is the short id the file name carries: the desk finds the file by it. The
                    // kiosk's folder is shared, so its file names carry no alias, only date and code.
                    let code = crate::session::desk_code(&session);
                    let date = session.created.to_zoned(model.tz.clone()).strftime("%Y-%m-%d");
                    let name = format!("rumbo-{date}-{}.html", code.to_lowercase());
                    let written = crate::export::write_new(&self.export_dir, &name, &text, self.export_mode)
                        .map_err(|e| Failure::Export(Arc::new(e)))
                        .and_then(|record| self.record_kiosk_export(*session, record));
                    replies.push(Msg::KioskFinished(written.map(|()| code)));
                }
                Effect::CheckPin { pin, hash } => {
                    let check = move || Msg::PinChecked(crate::kiosk::pin::verify(&pin.0, &hash));
                    match &self.answers {
                        Some(answers) => super::worker::answer_later(answers.clone(), check),
                        None => replies.push(check()),
                    }
                }
                Effect::SavePinLock(lock) => {
                    // Not written (a full disk): the lock still holds until rumbo ends. Nothing to tell a
                    // visitor, and the administrator's PIN still works.
                    let _ = crate::kiosk::lock_file::save(&self.data_dir, &lock);
                }
                Effect::WipeScreen => self.wipe = true,
                Effect::Quit => self.quit = true,
            }
        }
        replies
    }
}
