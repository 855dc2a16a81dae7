//! Kiosk mode's pieces that are not the screen: the administrator's PIN and how it is stored.

pub mod config_edit;
pub mod pin;
