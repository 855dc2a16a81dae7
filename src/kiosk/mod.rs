//! Kiosk mode's pieces that are not the screen: the administrator's PIN, how it is stored, and the lock
//! that keeps it from being guessed.

pub mod config_edit;
pub mod lock;
pub mod lock_file;
pub mod pin;
