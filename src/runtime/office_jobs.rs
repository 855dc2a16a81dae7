//! The runner's side of the office thread ([`super::office_thread`]): setting the link up, handing it
//! jobs, and turning what it answers into `Msg`s for `update` — after the runner's own bookkeeping for
//! the few answers that change what it holds (the open session switched to its copy, an open finished).

use super::effects::Runner;
use super::office::OfficeLink;
use super::office_reach::Reach;
use super::office_thread::{FINISH_WAIT, Job, Office, OfficeAnswer};
use crate::app::{Failure, Model, Msg, Screen};
use crate::session::Session;
use std::time::Instant;

impl Runner {
    /// Office mode: sessions are listed and opened from `server`, and every save goes on to it.
    pub fn set_office(&mut self, server: crate::office::store::OfficeStore) {
        self.office = Some(Office::InPlace(Box::new(OfficeLink::new(Some(server)))));
    }

    /// Office mode: sessions are held office-wide on `locks` (one writer per session; call after
    /// [`set_office`](Self::set_office), before the loop starts).
    pub fn set_office_locks(&mut self, locks: crate::office::lock::DeskLocks) {
        if let Some(link) = self.office.as_mut().and_then(Office::in_place) {
            link.set_locks(locks);
        }
    }

    /// Office mode: how to reach the server again if it goes away (call after `set_office`).
    pub fn set_office_reach(&mut self, reach: Reach) {
        if let Some(link) = self.office.as_mut().and_then(Office::in_place) {
            link.set_reach(reach);
        }
    }

    /// Office mode with the server unreachable at start: sessions cached on this desk, reconnecting.
    pub fn set_office_offline(&mut self, reach: Reach) {
        self.office = Some(Office::InPlace(Box::new(OfficeLink::offline(reach))));
        self.office_down = true;
    }

    /// When the loop must wake up to try the office's server again: only while the link is in place
    /// (tests driving the runner by hand); the office thread keeps its own timer.
    pub fn office_retry_at(&self) -> Option<Instant> {
        match &self.office {
            Some(Office::InPlace(link)) => link.retry_at(),
            _ => None,
        }
    }

    /// Whether the office's server is out of reach, as last heard (office mode only).
    pub fn office_offline(&self) -> bool {
        self.office.is_some() && self.office_down
    }

    /// The link in place: the retry timer went off, try the server (the office thread does this itself).
    pub fn reconnect_now(&mut self, model: &mut Model) {
        let Some(link) = self.office.as_mut().and_then(Office::in_place) else { return };
        let Some(msgs) = link.reconnect(&self.store) else { return };
        let msgs = self.answered(model, msgs.into_iter().map(OfficeAnswer::Msg).collect());
        self.dispatch(model, msgs);
    }

    /// From the loop: the office link goes onto its own thread, answering through `answers`.
    pub(super) fn start_office_thread(&mut self, answers: std::sync::mpsc::Sender<super::events::Incoming>) {
        if let Some(office) = self.office.take() {
            self.office = Some(office.start_thread(self.store.clone(), answers));
        }
    }

    /// Quitting or ended by a signal: the sends still queued get [`FINISH_WAIT`]; what is not sent by
    /// then stays in this desk's copies. Whether everything queued was done.
    pub fn finish_office(&mut self) -> bool {
        self.office.as_mut().is_none_or(|office| office.finish(FINISH_WAIT))
    }

    /// What the office thread answered, handed to `update` (the loop calls this for `Incoming::Office`).
    pub fn office_answered(&mut self, model: &mut Model, answer: OfficeAnswer) {
        let msgs = self.answered(model, vec![answer]);
        self.dispatch(model, msgs);
    }

    /// Runs `job` on the office link; the answers it gave at once (in place), as messages.
    pub(super) fn office_job(&mut self, model: &Model, job: Job) -> Vec<Msg> {
        let Some(office) = &mut self.office else { return Vec::new() };
        let answers = office.submit(&self.store, job);
        self.answered(model, answers)
    }

    pub(super) fn answered(&mut self, model: &Model, answers: Vec<OfficeAnswer>) -> Vec<Msg> {
        let mut msgs = Vec::new();
        let mut relist = false;
        for answer in answers {
            let msg = match answer {
                OfficeAnswer::Opened(opened) => {
                    msgs.extend(self.finish_open(*opened));
                    continue;
                }
                OfficeAnswer::Msg(msg) => msg,
            };
            match &msg {
                Msg::OfficeReach { online } => {
                    self.office_down = !online;
                    // Back: the start screen reads the office's list again (after what was sent).
                    relist |= *online && matches!(model.screen, Screen::Sessions) && model.kiosk.is_none();
                }
                Msg::SwitchedToCopy { id, copy } => self.switch_to_copy(model, id, copy),
                _ => {}
            }
            msgs.push(msg);
        }
        if relist {
            msgs.extend(self.office_job(model, list_job()));
        }
        msgs
    }

    /// The open session changed here and at another desk: the workspace goes on with the copy — its
    /// lock and journal here, the original's let go (its copy here is the row now, and goes).
    fn switch_to_copy(&mut self, model: &Model, id: &str, copy: &Session) {
        if let Ok(lock) = self.store.lock(&copy.id) {
            self.locks.insert(copy.id.clone(), lock);
        }
        self.journal = Some(super::journal::JournalWriter::created(copy, true));
        self.locks.remove(id);
        let id = id.to_string();
        let _ = self.office_job(
            model,
            Box::new(move |link, store| {
                link.closed(store, &id);
                Vec::new()
            }),
        );
    }

    /// At start (a desk): whether the server is there; online, the office's deletion marks applied to
    /// this desk and the sessions closed here while offline sent — each told on the start screen.
    pub(super) fn start_office(&mut self, model: &mut Model) {
        let lang = model.lang;
        let msgs = self.office_job(
            model,
            Box::new(move |link, store| {
                link.lang = lang;
                if link.is_offline() {
                    return vec![OfficeAnswer::Msg(Msg::OfficeReach { online: false })];
                }
                let mut said: Vec<Msg> = link.apply_marks(store).into_iter().collect();
                said.extend(link.send_closed(store));
                said.into_iter().map(OfficeAnswer::Msg).collect()
            }),
        );
        self.dispatch(model, msgs);
    }
}

/// The start screen's list: the office's sessions (this desk's copies while offline), then which of them
/// other desks hold.
pub(super) fn list_job() -> Job {
    Box::new(|link, store| {
        let listed = link.list(store);
        let held = link.held_elsewhere();
        vec![OfficeAnswer::Msg(Msg::SessionsListed(listed)), OfficeAnswer::Msg(Msg::HeldElsewhere(held))]
    })
}

/// Kiosk to desk: the sessions with kiosk code `code`.
pub(super) fn find_job(code: String) -> Job {
    Box::new(move |link, store| {
        let found = link.find_code(store, &code).map_err(Failure::from);
        vec![OfficeAnswer::Msg(Msg::CodeFound { code, found })]
    })
}

/// Deleting session `id` (held office-wide meanwhile; refused while open at another desk).
pub(super) fn erase_job(id: String) -> Job {
    Box::new(move |link, store| {
        let erased = link.erase(store, &id).map_err(Failure::from);
        vec![OfficeAnswer::Msg(Msg::Deleted(erased))]
    })
}
