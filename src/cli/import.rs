//! `rumbo sessions import FILE`: brings back a session file saved elsewhere — the copy rumbo offers to
//! write when it cannot save in its data folder. The file is read, never changed or removed.
//!
//! An id already in the store: the same session, identical, is nothing to do; a different one is never
//! written over (either may hold what the other lacks), so the file comes in under a new id and both
//! stay, the counselor told which is which.

use super::sessions::fail;
use crate::i18n::{Lang, fill};
use crate::session::{SessionStore, StoreError, is_valid_id, new_id, parse};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(lang: Lang, store: &SessionStore, file: &Path) -> ExitCode {
    let s = lang.strings();
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => return fail(lang, &fill(s.store_io, &[("place", &file.display()), ("detail", &e)])),
    };
    let mut session = match parse("import", file, &bytes) {
        Ok(session) => session,
        Err(StoreError::Corrupt { path, line, col, message, .. }) => {
            let place = format!("{}:{line}:{col}", path.display());
            return fail(lang, &fill(s.import_corrupt, &[("place", &place), ("detail", &message)]));
        }
        Err(e) => return fail(lang, &e.message(lang)),
    };
    // Saving it here would drop what this rumbo does not know of.
    if session.is_newer_format() {
        let values: [(&str, &dyn std::fmt::Display); 2] =
            [("place", &file.display()), ("format", &session.format)];
        return fail(lang, &fill(s.import_newer, &values));
    }
    session.sanitize_loaded();
    let old = session.id.clone();
    let clash = !is_valid_id(&old)
        || match store.load(&old) {
            Err(StoreError::NotFound { .. }) => false,
            Ok(existing) if existing == session => {
                let _ = writeln!(
                    std::io::stdout(),
                    "{}",
                    fill(s.import_same, &[("id", &old), ("alias", &session.alias)])
                );
                return ExitCode::SUCCESS;
            }
            // Different, corrupt or unreadable: left as it is.
            _ => true,
        };
    if clash {
        session.id = new_id(jiff::Timestamp::now());
    }
    // Held while writing, so a rumbo opening the session meanwhile finds it in use.
    let _lock = match store.lock(&session.id) {
        Ok(lock) => lock,
        Err(e) => return fail(lang, &e.message(lang)),
    };
    if let Err(e) = store.save(&session) {
        return fail(lang, &e.message(lang));
    }
    let (id, alias) = (&session.id, &session.alias);
    let line = if clash {
        fill(s.import_renamed, &[("old", &old), ("id", id), ("alias", alias)])
    } else {
        fill(s.import_done, &[("id", id), ("alias", alias)])
    };
    let _ = writeln!(std::io::stdout(), "{line}");
    ExitCode::SUCCESS
}
