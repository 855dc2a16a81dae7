//! Which sessions a command works on: config.ron's `store:`. A path not yet wired to the office's server
//! refuses `store: Postgres` outright rather than save on this computer while the office believes its
//! sessions are on the server.

use super::sessions::fail;
use super::{GlobalArgs, dirs};
use crate::config::{Config, FILE_NAME};
use crate::i18n::{Lang, fill};
use std::process::ExitCode;

/// `Err` (the message printed) when config.ron says `store: Postgres`. A config.ron that cannot be read
/// is left to the command, which reports it as it always has.
pub fn refuse_office(global: &GlobalArgs, lang: Lang) -> Result<(), ExitCode> {
    let Some(dir) = dirs::config_dir(global) else { return Ok(()) };
    match Config::load(&dir) {
        Ok(config) if !config.store.is_local() => {
            let file = dir.join(FILE_NAME);
            Err(fail(lang, &fill(lang.strings().office_store_not_ready, &[("file", &file.display())])))
        }
        _ => Ok(()),
    }
}

/// config.ron, or the default where there is none; one that does not parse stops the command with its
/// FILE:LINE:COL (a mistyped `store:` must not quietly mean this computer).
pub fn config(global: &GlobalArgs, lang: Lang) -> Result<Config, ExitCode> {
    match dirs::config_dir(global).map(|d| Config::load(&d)).transpose() {
        Ok(config) => Ok(config.unwrap_or_default()),
        Err(e) => Err(fail(lang, &fill(lang.strings().config_invalid, &[("detail", &e)]))),
    }
}
