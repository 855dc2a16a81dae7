//! `rumbo sessions import FILE`: brings back a session file saved elsewhere — the copy rumbo offers to
//! write when it cannot save in its data folder. The file is read, never changed or removed.
//!
//! On this computer (`store: Local`), an id already in the store: the same session, identical, is nothing
//! to do; a different one is never written over (either may hold what the other lacks), so the file comes
//! in under a new id and both stay, the counselor told which is which. On the office's server
//! (`store: Postgres`) the rules of `rumbo office import` apply: the row is written and read back; an id the
//! server has with other content is a clash, reported and not written (exit 1); a session deleted in the
//! office is never written back under its id, so it comes in as a new one.

use super::sessions::fail;
use crate::i18n::{Lang, fill};
use crate::office::import::{Outcome, put};
use crate::office::sessions::{Office, Sessions};
use crate::session::{Session, SessionStore, StoreError, is_valid_id, new_id, parse};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(lang: Lang, store: &mut Sessions, file: &Path) -> ExitCode {
    let session = match read(lang, file) {
        Ok(session) => session,
        Err(code) => return code,
    };
    match store {
        Sessions::Local(local) => into_local(lang, local, session),
        Sessions::Office(office) => into_office(lang, office, session),
        // `sessions` refuses before: no clash can be checked without the server.
        Sessions::Offline(_) => super::reach::refuse(lang, "rumbo sessions import"),
    }
}

/// The file as a session this rumbo may save: one that parses (else FILE:LINE:COL), not from a newer rumbo.
fn read(lang: Lang, file: &Path) -> Result<Session, ExitCode> {
    let s = lang.strings();
    let bytes = std::fs::read(file)
        .map_err(|e| fail(lang, &fill(s.store_io, &[("place", &file.display()), ("detail", &e)])))?;
    let mut session = match parse("import", file, &bytes) {
        Ok(session) => session,
        Err(StoreError::Corrupt { path, line, col, message, .. }) => {
            let place = format!("{}:{line}:{col}", path.display());
            return Err(fail(lang, &fill(s.import_corrupt, &[("place", &place), ("detail", &message)])));
        }
        Err(e) => return Err(fail(lang, &e.message(lang))),
    };
    // Saving it here would drop what this rumbo does not know of.
    if session.is_newer_format() {
        let values: [(&str, &dyn std::fmt::Display); 2] =
            [("place", &file.display()), ("format", &session.format)];
        return Err(fail(lang, &fill(s.import_newer, &values)));
    }
    session.sanitize_loaded();
    Ok(session)
}

fn into_local(lang: Lang, store: &SessionStore, mut session: Session) -> ExitCode {
    let s = lang.strings();
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

fn into_office(lang: Lang, office: &mut Office, mut session: Session) -> ExitCode {
    let s = lang.strings();
    let old = session.id.clone();
    let deleted = match office.server.marked(std::slice::from_ref(&old)) {
        Ok(marked) => !marked.is_empty(),
        Err(e) => return fail(lang, &e.message(lang)),
    };
    let renamed = !is_valid_id(&old) || deleted;
    if renamed {
        session.id = new_id(jiff::Timestamp::now());
    }
    let (id, alias) = (&session.id, &session.alias);
    let line = match put(&mut office.server, &session) {
        Ok(Outcome::Copied) if deleted => {
            fill(s.import_deleted_renamed, &[("old", &old), ("id", id), ("alias", alias)])
        }
        Ok(Outcome::Copied) if renamed => {
            fill(s.import_renamed, &[("old", &old), ("id", id), ("alias", alias)])
        }
        Ok(Outcome::Copied) => fill(s.import_done, &[("id", id), ("alias", alias)]),
        Ok(Outcome::Already) => fill(s.import_same, &[("id", id), ("alias", alias)]),
        Ok(Outcome::Clash) => return fail(lang, &fill(s.import_office_clash, &[("id", id)])),
        Err(e) => return fail(lang, &e.message(lang)),
    };
    let _ = writeln!(std::io::stdout(), "{line}");
    ExitCode::SUCCESS
}
