//! One keymap table: every key rumbo answers to, as an [`Action`] with its keys, the places it applies
//! and its words. `update` asks it what a key means; the footers, the `?` help and the README's key tables
//! are written from it (`ui::keys`); `keys:` in config.ron changes it (checked for conflicts). A new view registers
//! its keys here.

mod actions;
mod combo;
mod resolve;

pub use actions::{Action, KeyOverrides, Mode, Place};
pub use combo::KeyCombo;
pub use resolve::{Conflict, ConflictKind, Keymap};

/// A key pressed where it means nothing, and the action it means elsewhere: the footer (or the start
/// screen's notice line) says where that works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyHint {
    pub action: Action,
    pub key: KeyCombo,
}
