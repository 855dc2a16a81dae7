//! Slow effects (the argon2 PIN check) run on a thread of their own and answer the main loop through its
//! channel, so the loop that draws never waits for them.

use super::events::Incoming;
use crate::app::Msg;
use std::sync::mpsc::Sender;

/// Runs `work` on a thread of its own and sends its message back to the loop. If the thread cannot be
/// started the work is done all the same, on a thread of the moment's choosing — here, in place — rather
/// than never answered (the PIN prompt would stay "checking" for ever).
pub fn answer_later(answers: Sender<Incoming>, work: impl FnOnce() -> Msg + Send + 'static) {
    let (work_tx, work_rx) = std::sync::mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new().name("slow-effect".into()).spawn({
        let answers = answers.clone();
        move || {
            if let Ok(work) = work_rx.recv() {
                let work: Box<dyn FnOnce() -> Msg + Send> = work;
                // The loop may have ended meanwhile: nobody is left to tell.
                let _ = answers.send(Incoming::Answer(work()));
            }
        }
    });
    let work: Box<dyn FnOnce() -> Msg + Send> = Box::new(work);
    match spawned {
        Ok(_) => {
            let _ = work_tx.send(work);
        }
        Err(_) => {
            let _ = answers.send(Incoming::Answer(work()));
        }
    }
}
