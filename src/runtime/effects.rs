//! The effects `update` asks for, carried out: reading and writing sessions, holding their locks,
//! remembering the counselor, writing summaries, and deciding when to save.

use super::preferences::Preferences;
use crate::app::{Effect, Model, Msg, update};
use crate::session::{SessionLock, SessionStore, StoreError};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long after a change the session is written: often enough that a closed window loses nothing
/// that matters (SIGHUP saves at once anyway), rarely enough not to write on every keystroke.
pub const SAVE_DELAY: Duration = Duration::from_millis(800);

/// The error `run_loop` returns after a panic in the loop (the session was saved first).
pub const PANICKED: &str = "panic";

/// How long after a failed save the next attempt comes, when nothing else changes meanwhile.
pub const RETRY_DELAY: Duration = Duration::from_secs(5);

/// Carries out effects. Separate from the loop so tests can drive `update` + effects without a terminal.
pub struct Runner {
    store: SessionStore,
    preferences: PathBuf,
    /// Where the kiosk keeps its PIN lock (`kiosk-pin.ron`): the data folder.
    data_dir: PathBuf,
    export_dir: PathBuf,
    lock: Option<SessionLock>,
    save_at: Option<Instant>,
    quit: bool,
    /// `Effect::WipeScreen` was asked for: the loop clears the terminal before the next frame.
    pub(super) wipe: bool,
}

impl Runner {
    pub fn new(data_dir: &std::path::Path) -> Result<Runner, StoreError> {
        Ok(Runner {
            store: SessionStore::open(data_dir)?,
            preferences: data_dir.join("preferences.ron"),
            data_dir: data_dir.to_path_buf(),
            export_dir: data_dir.join("exports"),
            lock: None,
            save_at: None,
            quit: false,
            wipe: false,
        })
    }

    /// Where `e` writes summaries (`export_dir` of config.ron, or Documents/rumbo).
    pub fn set_export_dir(&mut self, dir: PathBuf) {
        self.export_dir = dir;
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

    /// Messages to start with: the counselor's remembered name and the list of sessions — neither of
    /// which a kiosk shows, so a kiosk does not even read them.
    pub fn start(&mut self, model: &mut Model) {
        if model.kiosk.is_some() {
            return;
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
                Effect::ListSessions => {
                    let listed = self.store.list().unwrap_or_default();
                    replies.push(Msg::SessionsListed(listed));
                }
                Effect::OpenSession(id) => {
                    self.lock = None;
                    let (lock, read_only) = match self.store.lock(&id) {
                        Ok(lock) => (Some(lock), false),
                        Err(StoreError::Locked { .. }) => (None, true),
                        Err(e) => {
                            replies.push(Msg::OpenFailed(e.message(lang)));
                            continue;
                        }
                    };
                    match self.store.load(&id) {
                        Ok(session) => {
                            let read_only = read_only || session.is_newer_format();
                            self.lock = lock;
                            replies.push(Msg::SessionOpened { session: Box::new(session), read_only });
                        }
                        Err(e) => replies.push(Msg::OpenFailed(e.message(lang))),
                    }
                }
                Effect::CreateSession(session) => {
                    self.lock = self.store.lock(&session.id).ok();
                    replies.push(Msg::Saved(self.store.save(&session).map_err(|e| e.message(lang))));
                }
                Effect::SaveSession(session) => {
                    self.save_at = None;
                    replies.push(Msg::Saved(self.store.save(&session).map_err(|e| e.message(lang))));
                }
                Effect::CloseSession(_) => {
                    self.lock = None;
                    self.save_at = None;
                }
                Effect::DeleteSession(id) => {
                    if let Err(e) = self.store.delete(&id) {
                        replies.push(Msg::OpenFailed(e.message(lang)));
                    }
                }
                Effect::RememberCounselor(name) => {
                    // Losing this preference is harmless: the counselor types the name again.
                    let _ = Preferences { counselor: name.clone() }.save(&self.preferences);
                    replies.push(Msg::CounselorRemembered(name));
                }
                Effect::ScheduleSave => {
                    self.save_at.get_or_insert_with(|| Instant::now() + SAVE_DELAY);
                }
                Effect::RetrySave => {
                    self.save_at.get_or_insert_with(|| Instant::now() + RETRY_DELAY);
                }
                Effect::Export { session, format, notes } => {
                    let text =
                        crate::export::render(&session, &model.catalog, lang, format, notes, &model.tz);
                    let name = crate::export::default_name(&session, format, &model.tz);
                    let written = crate::export::write_new(&self.export_dir, &name, &text);
                    replies
                        .push(Msg::Exported(written.map_err(|e| {
                            crate::i18n::fill(lang.strings().export_failed, &[("detail", &e)])
                        })));
                }
                Effect::KioskFinish(session) => {
                    let format = crate::export::Format::Html;
                    let notes = crate::export::NotesChoice::All;
                    let text =
                        crate::export::render(&session, &model.catalog, lang, format, notes, &model.tz);
                    // The code is the short id the file name carries: the desk finds the file by it. The
                    // kiosk's folder is shared, so its file names carry no alias, only date and code.
                    let code: String = session.id.chars().take(6).collect::<String>().to_uppercase();
                    let date = session.created.to_zoned(model.tz.clone()).strftime("%Y-%m-%d");
                    let name = format!("rumbo-{date}-{}.html", code.to_lowercase());
                    let written = crate::export::write_new(&self.export_dir, &name, &text);
                    replies.push(Msg::KioskFinished(written.map(|_| code).map_err(|e| e.to_string())));
                }
                Effect::CheckPin { pin, hash } => {
                    replies.push(Msg::PinChecked(crate::kiosk::pin::verify(&pin.0, &hash)));
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
