//! The thin runtime: owns the terminal, the threads and the files; feeds `Msg`s to `update`, carries out
//! the `Effect`s it returns, draws when something changed. Blocks on a channel: no busy polling. However
//! it ends — quit, SIGHUP, SIGTERM, the terminal gone — what was typed is on disk before it returns.

mod effects;
pub mod events;
mod input;
mod journal;
mod main_loop;
mod office;
mod office_jobs;
mod office_pending;
mod office_reach;
mod office_send;
pub mod office_thread;
pub use office_reach::Reach;
mod open;
mod preferences;
mod saving;
pub mod terminal;
mod worker;

pub use effects::{RETRY_DELAY, Runner, SAVE_DELAY};
pub use journal::JOURNAL_DELAY;
pub use main_loop::{Panicked, run_loop};
pub use preferences::Preferences;
