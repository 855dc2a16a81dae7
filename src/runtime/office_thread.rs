//! Office mode's server and lock calls run on a thread of their own, the office thread, which owns the
//! [`OfficeLink`] (both connections). A server host that vanished answers nothing: a connect waits out its
//! 10 s timeout, a half-open TCP connection waits for ever. On the loop that reads keys and draws, that
//! froze the screen; here it only delays what goes to the server. The loop hands the thread jobs (in
//! order: one thread, one queue, so a session's sends keep their order) and gets back
//! [`OfficeAnswer`]s through its channel, turned into `Msg`s for `update` by the runner
//! ([`super::office_jobs`]). Every change is on this desk first (journal, file), written on the loop
//! before the job is queued, so a job that never runs loses nothing: the copy here is sent later.
//!
//! The thread also keeps the reconnect timer of an offline desk (it waits on its queue until then), and,
//! online, looks every [`HELD_EVERY`] at which sessions other desks hold, telling the loop when that
//! changed: the start screen's «◆ abierta en …» follows a desk that opens or leaves a session while the
//! list is on screen, instead of staying as it was when the list was read.
//!
//! Tests that drive the runner by hand give it no channel: then the link stays in place and each job
//! runs at once, answering in the same call.

use super::events::Incoming;
use super::office::OfficeLink;
use crate::app::Msg;
use crate::session::{Session, SessionStore, StoreError};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// How long a quit or a signal waits for the sends still queued; what is not sent by then stays on this
/// desk (its copy), and goes with the next start or reconnect.
pub const FINISH_WAIT: Duration = Duration::from_secs(3);

/// How often an online desk looks at which sessions other desks hold (one small query).
pub const HELD_EVERY: Duration = Duration::from_secs(5);

/// Work for the office thread: what it does with the link and this desk's store, and what to say.
pub type Job = Box<dyn FnOnce(&mut OfficeLink, &SessionStore) -> Vec<OfficeAnswer> + Send>;

/// What the office thread says back.
#[derive(Debug)]
pub enum OfficeAnswer {
    /// A message for `update`, as it is (a few the runner looks at first: see `office_jobs`).
    Msg(Msg),
    /// The office's side of opening a session is done (its lock taken or not, its row fetched).
    Opened(Box<Opened>),
}

/// The office's side of `Effect::OpenSession`.
#[derive(Debug)]
pub struct Opened {
    pub id: String,
    /// `Ok(None)`: open it from this desk's store; `Ok(Some)`: open this, read-only.
    pub fetched: Result<Option<Session>, StoreError>,
    /// Why it opens read-only because of the office's lock (`OpenElsewhere`, `LockLost`).
    pub why: Option<Msg>,
    /// Copies made because it changed here and at another desk (both kept).
    pub kept: Vec<String>,
}

/// Where the link is: in place (tests driving the runner by hand), or on the office thread.
pub enum Office {
    InPlace(Box<OfficeLink>),
    Thread(OfficeThread),
}

pub struct OfficeThread {
    jobs: Option<Sender<Job>>,
    /// Closed (disconnected) when the thread has ended.
    ended: Receiver<()>,
}

impl Office {
    /// Runs `job` on the link: at once in place (its answers returned), or queued on the office thread
    /// (answered later through the loop's channel; none now).
    pub fn submit(&mut self, store: &SessionStore, job: Job) -> Vec<OfficeAnswer> {
        match self {
            Office::InPlace(link) => job(link, store),
            Office::Thread(thread) => {
                // A thread that died (a panic in a driver) takes no more jobs: their sessions stay here.
                if let Some(jobs) = &thread.jobs {
                    let _ = jobs.send(job);
                }
                Vec::new()
            }
        }
    }

    /// The link itself, when it is in place (tests' direct access; `None` on the thread).
    pub fn in_place(&mut self) -> Option<&mut OfficeLink> {
        match self {
            Office::InPlace(link) => Some(link),
            Office::Thread(_) => None,
        }
    }

    /// Moves the link onto a thread of its own, answering through `answers`. Stays in place if the thread
    /// cannot be started (the calls then run on the loop, as before this thread existed).
    pub fn start_thread(self, store: SessionStore, answers: Sender<Incoming>) -> Office {
        let Office::InPlace(link) = self else { return self };
        let (jobs, queue) = mpsc::channel::<Job>();
        let (ended_tx, ended) = mpsc::channel::<()>();
        // The link goes to the thread through a channel so that a failed spawn can give it back.
        let (link_tx, link_rx) = mpsc::channel::<Box<OfficeLink>>();
        let spawned = std::thread::Builder::new().name("office".into()).spawn(move || {
            let _ended = ended_tx; // dropped when the thread ends, however it ends
            if let Ok(link) = link_rx.recv() {
                serve(link, &store, &queue, &answers);
            }
        });
        match spawned {
            Ok(_) => {
                let _ = link_tx.send(link);
                Office::Thread(OfficeThread { jobs: Some(jobs), ended })
            }
            Err(_) => Office::InPlace(link),
        }
    }

    /// Quitting: no more jobs; the queued ones get until `wait` has passed to finish (then the thread is
    /// left behind, and the process ends with it). Whether every queued job was done.
    pub fn finish(&mut self, wait: Duration) -> bool {
        let Office::Thread(thread) = self else { return true };
        thread.jobs = None;
        matches!(thread.ended.recv_timeout(wait), Err(RecvTimeoutError::Disconnected))
    }
}

/// The office thread: runs jobs in order, and tries the server again when an offline link's time comes.
fn serve(mut link: Box<OfficeLink>, store: &SessionStore, queue: &Receiver<Job>, answers: &Sender<Incoming>) {
    let say = |said: Vec<OfficeAnswer>| {
        for answer in said {
            // The loop may have ended: nobody is left to tell, and the copies here keep everything.
            let _ = answers.send(Incoming::Office(answer));
        }
    };
    // What the loop was last told by this refresh (the list's own reading tells it too).
    let mut held_told: Option<Vec<(String, String)>> = None;
    // Kept across jobs: a desk that saves every few seconds still looks on time.
    let mut held_at = Instant::now() + HELD_EVERY;
    loop {
        let offline = link.retry_at();
        let wait_until = offline.unwrap_or(held_at);
        match queue.recv_timeout(wait_until.saturating_duration_since(Instant::now())) {
            Ok(job) => say(job(&mut link, store)),
            Err(RecvTimeoutError::Timeout) if offline.is_some() => {
                if let Some(msgs) = link.reconnect(store) {
                    say(msgs.into_iter().map(OfficeAnswer::Msg).collect());
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                held_at = Instant::now() + HELD_EVERY;
                let held = link.held_elsewhere();
                if held_told.as_ref() != Some(&held) {
                    held_told = Some(held.clone());
                    say(vec![OfficeAnswer::Msg(Msg::HeldElsewhere(held))]);
                }
            }
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}
