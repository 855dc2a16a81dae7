//! The thin runtime: owns the terminal, the threads and the files; feeds `Msg`s to `update`, carries out
//! the `Effect`s it returns, draws when something changed. Blocks on a channel: no busy polling. However
//! it ends — quit, SIGHUP, SIGTERM, the terminal gone — what was typed is on disk before it returns.

mod effects;
pub mod events;
mod input;
mod main_loop;
mod preferences;
pub mod terminal;

pub use effects::{PANICKED, Runner, SAVE_DELAY};
pub use main_loop::run_loop;
pub use preferences::Preferences;
