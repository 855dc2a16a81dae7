//! One keymap table: every key rumbo answers to, as an [`Action`] with its keys, the places it applies
//! and its words. `update` asks it what a key means; the footers, the `?` help and the README's key tables
//! are written from it; `keys:` in config.ron changes it (checked for conflicts). A new view registers
//! its keys here.

mod actions;
mod combo;
mod resolve;
mod text;

pub use actions::{Action, KeyOverrides, Mode, Place};
pub use combo::KeyCombo;
pub use resolve::{Conflict, Keymap};
pub use text::{
    FOOTER_CLOSE, FOOTER_COMMON, FOOTER_FORM, FOOTER_KIOSK, FOOTER_QUIT, FOOTER_RETRY, FOOTER_SESSIONS, HELP,
    HELP_KIOSK, README_MORE, Row, footer_pane,
};
