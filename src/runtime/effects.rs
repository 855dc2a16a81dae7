//! The main loop and the effects it carries out: reading and writing sessions, holding their locks,
//! remembering the counselor, and deciding when to save.

use super::events::{Incoming, spawn_input, spawn_signals};
use super::preferences::Preferences;
use super::terminal::TerminalGuard;
use crate::app::{Effect, Model, Msg, update};
use crate::session::{SessionLock, SessionStore, StoreError};
use crate::ui::view;
use crossterm::event::Event as TermEvent;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long after a change the session is written: often enough that a closed window loses nothing
/// that matters (SIGHUP saves at once anyway), rarely enough not to write on every keystroke.
pub const SAVE_DELAY: Duration = Duration::from_millis(800);

/// Carries out effects. Separate from the loop so tests can drive `update` + effects without a terminal.
pub struct Runner {
    store: SessionStore,
    preferences: PathBuf,
    lock: Option<SessionLock>,
    save_at: Option<Instant>,
    quit: bool,
}

impl Runner {
    pub fn new(data_dir: &std::path::Path) -> Result<Runner, StoreError> {
        Ok(Runner {
            store: SessionStore::open(data_dir)?,
            preferences: data_dir.join("preferences.ron"),
            lock: None,
            save_at: None,
            quit: false,
        })
    }

    pub fn wants_quit(&self) -> bool {
        self.quit
    }

    /// When the loop must wake up to save, if anything is pending.
    pub fn save_at(&self) -> Option<Instant> {
        self.save_at
    }

    /// Messages to start with: the counselor's remembered name and the list of sessions.
    pub fn start(&mut self, model: &mut Model) {
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
                Effect::Quit => self.quit = true,
            }
        }
        replies
    }
}

/// Turns what arrived on the channel into a message for `update`.
fn to_msg(incoming: Incoming) -> Option<Msg> {
    match incoming {
        Incoming::Term(TermEvent::Key(key)) => Some(Msg::Key(key)),
        Incoming::Term(TermEvent::Mouse(mouse)) => Some(Msg::Mouse(mouse)),
        Incoming::Term(TermEvent::Paste(text)) => Some(Msg::Paste(text)),
        Incoming::Term(TermEvent::Resize(w, h)) => Some(Msg::Resize(w, h)),
        Incoming::Term(_) => None,
        Incoming::InputClosed | Incoming::Signal(_) => Some(Msg::Shutdown),
    }
}

/// Runs the app until the user quits, a signal arrives or the terminal goes away.
pub fn run_loop(mut model: Model, mut runner: Runner) -> std::io::Result<()> {
    let mut guard = TerminalGuard::enter()?;
    let (tx, rx) = mpsc::channel();
    spawn_signals(tx.clone())?;
    spawn_input(tx)?;
    let size = guard.terminal.size()?;
    model.size = (size.width, size.height);
    model.tz = jiff::tz::TimeZone::system();
    runner.start(&mut model);
    loop {
        draw(&mut guard, &model)?;
        let incoming = match runner.save_at() {
            Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(incoming) => Some(incoming),
                Err(RecvTimeoutError::Timeout) => {
                    runner.dispatch(&mut model, vec![Msg::SaveDue]);
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => None,
            },
            None => rx.recv().ok(),
        };
        let msg = incoming.map_or(Some(Msg::Shutdown), to_msg);
        if let Some(msg) = msg {
            runner.dispatch(&mut model, vec![msg]);
        }
        if runner.wants_quit() {
            return Ok(());
        }
    }
}

/// One frame, inside a synchronized update so the terminal shows it whole.
fn draw(guard: &mut TerminalGuard, model: &Model) -> std::io::Result<()> {
    crossterm::queue!(guard.terminal.backend_mut(), BeginSynchronizedUpdate)?;
    guard.terminal.draw(|frame| view(model, frame))?;
    crossterm::execute!(guard.terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}
