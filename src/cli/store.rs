//! Which sessions a command works on: config.ron's `store:`.

use super::sessions::fail;
use super::{GlobalArgs, dirs};
use crate::config::Config;
use crate::i18n::{Lang, fill};
use std::process::ExitCode;

/// config.ron, or the default where there is none; one that does not parse stops the command with its
/// FILE:LINE:COL (a mistyped `store:` must not quietly mean this computer).
pub fn config(global: &GlobalArgs, lang: Lang) -> Result<Config, ExitCode> {
    match dirs::config_dir(global).map(|d| Config::load(&d)).transpose() {
        Ok(config) => Ok(config.unwrap_or_default()),
        Err(e) => Err(fail(lang, &fill(lang.strings().config_invalid, &[("detail", &e)]))),
    }
}
