//! rumbo: a terminal vocational-guidance assistant for public employment offices.
//!
//! The domain (`catalog`, `search`, `text`, `interests`) is pure and knows nothing of the terminal; `cli` and the
//! runtime sit on top of it.
#![forbid(unsafe_code)]

pub mod app;
pub mod catalog;
pub mod cli;
pub mod config;
pub mod export;
pub mod i18n;
pub mod interests;
pub mod kiosk;
pub mod office;
pub mod private_fs;
pub mod runtime;
pub mod search;
pub mod session;
pub mod text;
pub mod ui;
