//! One simulated workstation of benches/office_load.rs, and the contender that tries to take its lock.
//!
//! A workstation does what a desk does with a session open: it holds the session's office lock
//! (`DeskLocks`), and each change is saved as `Office::save` does it (this desk's sessions folder first, then
//! the row). The store has no reconnection of its own (nor does the app yet): when a save fails the change
//! stays in the local file, and the workstation reconnects both connections, takes its lock again and
//! re-sends the session as read back from its folder. It writes to the server only while it holds the lock.

use rumbo::office::lock::{DeskLocks, SessionHold, Taken};
use rumbo::office::pgpass::Sources;
use rumbo::office::sessions::Office;
use rumbo::office::store::OfficeStore;
use rumbo::office::{ConnInfo, connect};
use rumbo::session::{Session, SessionStore};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Barrier, OnceLock};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub const OFFICE: &str = "oficina-bench";
pub const SAVE_EVERY: Duration = Duration::from_secs(2);
pub const LIST_EVERY: Duration = Duration::from_secs(10);
/// How long a desk keeps trying to send what is pending once the run is over.
const DRAIN: Duration = Duration::from_secs(60);

/// Where to connect, shared by every thread.
pub struct Target {
    pub info: ConnInfo,
    pub sources: Sources,
}

impl Target {
    fn store(&self, desk: &str) -> Option<OfficeStore> {
        OfficeStore::on(connect(&self.info, &self.sources).ok()?, OFFICE, desk).ok()
    }

    fn locks(&self, desk: &str) -> Option<DeskLocks> {
        DeskLocks::connect(&self.info, &self.sources, OFFICE, desk).ok()
    }
}

/// What one workstation did, for the report.
#[derive(Default)]
pub struct Outcome {
    pub id: String,
    /// The notes of its last change (what must be on the server at the end).
    pub last_write: String,
    pub save_ms: Vec<f64>,
    /// The save's two steps: this desk's file, then the row.
    pub local_ms: Vec<f64>,
    pub server_ms: Vec<f64>,
    pub list_ms: Vec<f64>,
    /// Saves that did not reach the server (kept in the local file, re-sent later).
    pub failed: u32,
    /// Times a pending session was sent after reconnecting, and the longest wait from the failure.
    pub resent: u32,
    pub longest_pending: Duration,
    /// Successful writes to the server, as (start, end): checked against the contender's holds.
    pub writes: Vec<(Instant, Instant)>,
    /// Still not on the server when the drain gave up.
    pub unsent: bool,
}

/// The run's clock: every thread starts when all are connected and hold what they should.
pub struct Clock {
    pub ready: Barrier,
    pub start: OnceLock<Instant>,
    pub length: Duration,
}

impl Clock {
    /// Waits for every thread; the run's start and end.
    pub fn go(&self) -> (Instant, Instant) {
        self.ready.wait();
        let start = *self.start.get_or_init(Instant::now);
        (start, start + self.length)
    }
}

/// Runs workstation `n` on `session` until the run's end (then drains what is pending). `offset`
/// staggers the desks' saves.
pub fn workstation(
    target: &Target,
    n: usize,
    mut session: Session,
    offset: Duration,
    clock: &Clock,
) -> Outcome {
    let desk = format!("ESCRITORIO-{n}");
    let data = tempfile::tempdir().unwrap();
    let local = SessionStore::open(data.path()).unwrap();
    let server = target.store(&desk).expect("a workstation could not connect");
    let mut office = Office { local, server, url: None };
    let mut locks = target.locks(&desk).expect("a lock connection");
    let mut out = Outcome { id: session.id.clone(), ..Outcome::default() };
    let mut hold = match locks.take(&session.id).unwrap() {
        Taken::Mine(hold) => Some(hold),
        Taken::Elsewhere(h) => panic!("a new session is held elsewhere: {h:?}"),
    };
    let (start, end) = clock.go();
    let mut pending_since: Option<Instant> = None;
    let (mut next_save, mut next_list) = (start + offset, start + offset + LIST_EVERY);
    let mut change = 0u32;
    loop {
        let now = Instant::now();
        let over = now >= end;
        if over && (pending_since.is_none() || now >= end + DRAIN) {
            out.unsent = pending_since.is_some();
            break;
        }
        if let Some(since) = pending_since {
            if reconnect(target, &desk, &mut office, &mut locks, &mut hold, &session.id) {
                let saved = office.local.load(&session.id).unwrap();
                let t = Instant::now();
                if office.server.save(&saved).is_ok() {
                    out.writes.push((t, Instant::now()));
                    out.resent += 1;
                    out.longest_pending = out.longest_pending.max(since.elapsed());
                    pending_since = None;
                }
            }
            if pending_since.is_some() {
                sleep(Duration::from_millis(100));
                continue;
            }
        }
        if over {
            continue;
        }
        let now = Instant::now();
        if now >= next_save {
            change += 1;
            session.notes = format!("{desk}: cambio {change}");
            session.updated = jiff::Timestamp::now();
            out.last_write = session.notes.clone();
            let t = Instant::now();
            // `Office::save`'s two steps, timed apart: this desk's file, then the row.
            let here = (pending_since.is_none() && hold.is_some() && office.local.save(&session).is_ok())
                .then(Instant::now);
            if let Some(here) = here
                && office.server.save(&session).is_ok()
            {
                let done = Instant::now();
                out.save_ms.push(ms(done - t));
                out.local_ms.push(ms(here - t));
                out.server_ms.push(ms(done - here));
                out.writes.push((t, done));
            } else {
                // Kept on this desk (Office::save writes here first; it may have failed after that).
                office.local.save(&session).unwrap();
                out.failed += 1;
                pending_since.get_or_insert(t);
            }
            next_save += SAVE_EVERY;
        } else if now >= next_list {
            let t = Instant::now();
            if pending_since.is_none() && office.server.list().is_ok() {
                out.list_ms.push(ms(t.elapsed()));
            }
            next_list += LIST_EVERY;
        } else {
            sleep(next_save.min(next_list) - now);
        }
    }
    out.last_write = session.notes;
    out
}

/// After a failed save: a new store connection, and if the lock connection died with the server (its
/// locks with it), a new one and the lock taken again. True when the desk may write again.
fn reconnect(
    target: &Target,
    desk: &str,
    office: &mut Office,
    locks: &mut DeskLocks,
    hold: &mut Option<SessionHold>,
    id: &str,
) -> bool {
    if hold.is_none() || !locks.is_alive() {
        *hold = None;
        let Some(new) = target.locks(desk) else { return false };
        *locks = new;
    }
    if hold.is_none() {
        match locks.take(id) {
            Ok(Taken::Mine(h)) => *hold = Some(h),
            // Another desk took it while ours was gone: not ours to write until it lets go.
            Ok(Taken::Elsewhere(_)) | Err(_) => return false,
        }
    }
    match target.store(desk) {
        Some(store) => {
            office.server = store;
            true
        }
        None => false,
    }
}

/// Times a contender was given a lock its workstation should have held.
pub static CONTENDER_TOOK: AtomicU64 = AtomicU64::new(0);

/// Another desk that, every `every`, tries to take session `id`'s lock; when it gets it (it should not
/// while the workstation holds it), it keeps it `keep` and records when. The intervals are checked
/// against the workstation's writes: a write inside one is a lock violation.
pub fn contender(target: &Target, n: usize, id: &str, clock: &Clock) -> Vec<(Instant, Instant)> {
    let desk = format!("OTRO-{n}");
    let (every, keep) = (Duration::from_millis(500), Duration::from_millis(100));
    let mut locks = target.locks(&desk);
    let (_, end) = clock.go();
    let mut held = Vec::new();
    while Instant::now() < end {
        match locks.as_ref().map(|l| l.take(id)) {
            Some(Ok(Taken::Mine(hold))) => {
                let t = Instant::now();
                CONTENDER_TOOK.fetch_add(1, Ordering::Relaxed);
                sleep(keep);
                // Released before the interval is closed: nothing can be written under it after `done`.
                drop(hold);
                held.push((t, Instant::now()));
            }
            Some(Ok(Taken::Elsewhere(_))) => {}
            Some(Err(_)) | None => locks = target.locks(&desk),
        }
        sleep(every);
    }
    held
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
