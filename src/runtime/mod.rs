//! The thin runtime: owns the terminal, the threads and the files; feeds `Msg`s to `update`, carries out
//! the `Effect`s it returns, draws after each one. Blocks on a channel: no busy polling.

mod effects;
pub mod events;
mod preferences;
pub mod terminal;

pub use effects::{Runner, SAVE_DELAY, run_loop};
pub use preferences::Preferences;
