//! Sessions as rows of `rumbo.sessions` (migrations 0001 and 0002): one row per session, scoped to this
//! desk's `office.id`, its body the very RON text a session file holds. Keeping the body in rumbo's own
//! versioned format means docs/versions.md's rule holds for rows as for files: a row from a newer rumbo
//! (its `format` above [`FORMAT`](crate::session::FORMAT)) opens read-only here and is never written over.
//!
//! All SQL of the sessions lives here; what a desk does with the rows (the local journal first, then the
//! server) is [`super::sessions`]'s.

use super::pgpass::Sources;
use super::{ConnInfo, migrate};
use crate::session::{Listed, Session, StoreError, desk_code, parse, to_text};
use std::path::PathBuf;

/// What a conditional write ([`OfficeStore::save_from`]) did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    /// Written; the row's revision now.
    Written(i64),
    /// Not written: another desk wrote the row since this desk's copy was based on it.
    Changed,
}

/// A desk's connection to the office's sessions.
pub struct OfficeStore {
    client: postgres::Client,
    office_id: String,
    desk: String,
}

impl std::fmt::Debug for OfficeStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OfficeStore").field("office_id", &self.office_id).field("desk", &self.desk).finish()
    }
}

/// The server's words for an error (its message, not the SQL): a [`StoreError::Office`].
pub fn server_error(e: &postgres::Error) -> StoreError {
    if super::connect::is_unreachable(e) {
        return StoreError::Unreachable { message: e.to_string() };
    }
    let message = match e.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => e.to_string(),
    };
    StoreError::Office { message }
}

impl OfficeStore {
    /// Connects as config.ron says (password from `PGPASSWORD` or pgpass) and checks the schema is the one
    /// this rumbo knows (a newer one: "actualice rumbo").
    pub fn connect(url: &super::DbUrl, office_id: &str, desk: &str) -> Result<OfficeStore, StoreError> {
        let office = |message: String| StoreError::Office { message };
        let info = ConnInfo::parse(url.expose()).map_err(|e| office(e.to_string()))?;
        let client = super::connect(&info, &Sources::from_env()).map_err(|e| match e {
            super::ConnectError::Unreachable(message) => StoreError::Unreachable { message },
            e => office(e.to_string()),
        })?;
        OfficeStore::on(client, office_id, desk)
    }

    /// The store on a connection already open (tests, and desks that connect their own way).
    pub fn on(mut client: postgres::Client, office_id: &str, desk: &str) -> Result<OfficeStore, StoreError> {
        migrate::ensure_usable(&mut client).map_err(|e| StoreError::Office { message: e.to_string() })?;
        Ok(OfficeStore { client, office_id: office_id.to_string(), desk: desk.to_string() })
    }

    /// Whether the server still answers on this connection.
    pub fn reachable(&mut self) -> bool {
        self.client.simple_query("SELECT 1").is_ok()
    }

    /// The connection, for the SQL of [`super::marks`].
    pub(super) fn client(&mut self) -> &mut postgres::Client {
        &mut self.client
    }

    pub fn office_id(&self) -> &str {
        &self.office_id
    }

    pub fn desk(&self) -> &str {
        &self.desk
    }

    /// Writes the session's row, created or replaced, as this desk's. A session from a newer rumbo is
    /// refused, and so is replacing a row a newer rumbo wrote (the `WHERE` on the conflict: one statement,
    /// no window between the check and the write).
    pub fn save(&mut self, session: &Session) -> Result<(), StoreError> {
        let id = &session.id;
        if session.is_newer_format() {
            return Err(StoreError::NewerFormat { id: id.clone(), format: session.format });
        }
        let body = to_text(session)?;
        let format = format_column(session.format);
        let written = self
            .client
            .execute(
                "INSERT INTO rumbo.sessions (id, office_id, desk, body, format, code)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (id) DO UPDATE SET desk = EXCLUDED.desk, body = EXCLUDED.body,
                     format = EXCLUDED.format, code = EXCLUDED.code, updated_at = now(),
                     revision = rumbo.sessions.revision + 1
                 WHERE rumbo.sessions.format <= EXCLUDED.format AND rumbo.sessions.office_id = EXCLUDED.office_id",
                &[id, &self.office_id, &self.desk, &body, &format, &desk_code(session)],
            )
            .map_err(|e| server_error(&e))?;
        if written == 0 {
            return Err(self.why_not_written(id));
        }
        Ok(())
    }

    /// Writes the session's row only if it is still the one this desk's copy is based on: revision `base`
    /// (`None`: a session new here, so no row may exist yet). Another desk having written it since is
    /// [`Sent::Changed`], and nothing is written: the caller keeps both (see [`super::conflict`]).
    pub fn save_from(&mut self, session: &Session, base: Option<i64>) -> Result<Sent, StoreError> {
        let id = &session.id;
        if session.is_newer_format() {
            return Err(StoreError::NewerFormat { id: id.clone(), format: session.format });
        }
        let body = to_text(session)?;
        let format = format_column(session.format);
        let code = desk_code(session);
        let rows = match base {
            Some(base) => self.client.query(
                "UPDATE rumbo.sessions SET desk = $3, body = $4, format = $5, code = $6, updated_at = now(),
                     revision = revision + 1
                 WHERE id = $1 AND office_id = $2 AND revision = $7 AND format <= $5
                 RETURNING revision",
                &[id, &self.office_id, &self.desk, &body, &format, &code, &base],
            ),
            None => self.client.query(
                "INSERT INTO rumbo.sessions (id, office_id, desk, body, format, code)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING revision",
                &[id, &self.office_id, &self.desk, &body, &format, &code],
            ),
        }
        .map_err(|e| server_error(&e))?;
        if let Some(row) = rows.first() {
            return Ok(Sent::Written(row.get(0)));
        }
        let now = self
            .client
            .query_opt("SELECT format, office_id FROM rumbo.sessions WHERE id = $1", &[id])
            .map_err(|e| server_error(&e))?;
        match now {
            // The row went meanwhile: deleted at another desk (marked) stays deleted; else (retention, an
            // older rumbo's delete) this desk's copy makes it again.
            None if base.is_some() => match self.marked(std::slice::from_ref(id))?.is_empty() {
                true => self.save_from(session, None),
                false => Err(StoreError::NotFound { id: id.clone() }),
            },
            None => Err(StoreError::Office { message: format!("session {id} could not be written") }),
            Some(row) if row.get::<_, String>(1) != self.office_id => {
                Err(StoreError::Office { message: format!("session {id} belongs to another office") })
            }
            Some(row) if row.get::<_, i32>(0) > format => Err(StoreError::NewerFormat {
                id: id.clone(),
                format: u32::try_from(row.get::<_, i32>(0)).unwrap_or(0),
            }),
            Some(_) => Ok(Sent::Changed),
        }
    }

    /// The row of session `id` and its revision (each write adds one), as [`load`](Self::load) reads it.
    pub fn load_at(&mut self, id: &str) -> Result<(Session, i64), StoreError> {
        let row = self
            .client
            .query_opt(
                "SELECT body, revision FROM rumbo.sessions WHERE id = $1 AND office_id = $2",
                &[&id, &self.office_id],
            )
            .map_err(|e| server_error(&e))?;
        let Some(row) = row else { return Err(StoreError::NotFound { id: id.to_string() }) };
        Ok((from_row(id, &row.get::<_, String>(0))?, row.get(1)))
    }

    /// A kiosk's visit, written once: the kiosk role may insert and nothing else (it reads none, and
    /// `ON CONFLICT` would need it to), so a visit already sent (Terminar, then the idle timeout) is told
    /// by the unique violation and left as it is.
    pub fn insert_visit(&mut self, session: &Session) -> Result<(), StoreError> {
        let body = to_text(session)?;
        let format = format_column(session.format);
        let inserted = self.client.execute(
            "INSERT INTO rumbo.sessions (id, office_id, desk, body, format, code) VALUES ($1, $2, $3, $4, $5, $6)",
            &[&session.id, &self.office_id, &self.desk, &body, &format, &desk_code(session)],
        );
        match inserted {
            Ok(_) => Ok(()),
            Err(e) if e.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION) => Ok(()),
            Err(e) => Err(server_error(&e)),
        }
    }

    /// Why the conditional upsert changed nothing: the row is newer than this rumbo, or it belongs to
    /// another office (an id clash, which only a coordinator could even see).
    fn why_not_written(&mut self, id: &str) -> StoreError {
        let row = self.client.query_opt("SELECT format, office_id FROM rumbo.sessions WHERE id = $1", &[&id]);
        match row {
            Ok(Some(row)) if row.get::<_, String>(1) == self.office_id => {
                let format: i32 = row.get(0);
                StoreError::NewerFormat { id: id.to_string(), format: u32::try_from(format).unwrap_or(0) }
            }
            Ok(_) => StoreError::Office { message: format!("session {id} belongs to another office") },
            Err(e) => server_error(&e),
        }
    }

    /// The session as last written by any desk of this office; `NotFound` if there is no such row (or it
    /// is another office's). A body that does not parse is `Corrupt`, placed at `rumbo.sessions/<id>`.
    pub fn load(&mut self, id: &str) -> Result<Session, StoreError> {
        let row = self
            .client
            .query_opt(
                "SELECT body FROM rumbo.sessions WHERE id = $1 AND office_id = $2",
                &[&id, &self.office_id],
            )
            .map_err(|e| server_error(&e))?;
        let Some(row) = row else { return Err(StoreError::NotFound { id: id.to_string() }) };
        from_row(id, &row.get::<_, String>(0))
    }

    /// Every session of this office, most recently updated first (as [`SessionStore::list`]
    /// (crate::session::SessionStore::list) orders files); rows that do not parse after them, by id.
    pub fn list(&mut self) -> Result<Vec<Listed>, StoreError> {
        let rows = self
            .client
            .query("SELECT id, body FROM rumbo.sessions WHERE office_id = $1", &[&self.office_id])
            .map_err(|e| server_error(&e))?;
        Ok(listed(&rows))
    }

    /// Kiosk to desk: this office's sessions whose kiosk code is `code` (any case), through the
    /// `(office_id, code)` index. Usually one; a code shared by several sessions gives them all.
    pub fn find_code(&mut self, code: &str) -> Result<Vec<Listed>, StoreError> {
        let sql = "SELECT id, body FROM rumbo.sessions WHERE office_id = $1 AND code = $2";
        let rows =
            self.client.query(sql, &[&self.office_id, &code.to_uppercase()]).map_err(|e| server_error(&e))?;
        Ok(listed(&rows))
    }

    /// `--all-offices`: every office's sessions, each with its office. Only a coordinator may: row-level
    /// security would quietly narrow anyone else's answer to their own office, so the role is asked first
    /// and anyone else is refused ([`StoreError::NotCoordinator`]) rather than shown a partial list.
    pub fn list_all_offices(&mut self) -> Result<Vec<(String, Listed)>, StoreError> {
        let coordinator = self
            .client
            .query_one("SELECT pg_has_role(current_user, 'rumbo_coordinator', 'MEMBER')", &[])
            .map_err(|e| server_error(&e))?;
        if !coordinator.get::<_, bool>(0) {
            return Err(StoreError::NotCoordinator);
        }
        let rows = self
            .client
            .query("SELECT id, body, office_id FROM rumbo.sessions ORDER BY office_id", &[])
            .map_err(|e| server_error(&e))?;
        let mut offices: std::collections::BTreeMap<String, Vec<postgres::Row>> = Default::default();
        for row in rows {
            offices.entry(row.get(2)).or_default().push(row);
        }
        Ok(offices
            .into_iter()
            .flat_map(|(office, rows)| listed(&rows).into_iter().map(move |l| (office.clone(), l)))
            .collect())
    }

    /// Removes the session's row; whether there was one.
    pub fn delete(&mut self, id: &str) -> Result<bool, StoreError> {
        let sql = "DELETE FROM rumbo.sessions WHERE id = $1 AND office_id = $2";
        let n = self.client.execute(sql, &[&id, &self.office_id]).map_err(|e| server_error(&e))?;
        Ok(n > 0)
    }

    /// Retention: one statement, scoped to this office, removing every row not written in the last `days`
    /// days (at least [`MIN_DAYS`](crate::session::MIN_DAYS)). Idempotent, so every desk runs it at start.
    /// Returns the sessions removed, for the exports this desk recorded in them.
    pub fn purge(&mut self, days: u32) -> Result<Vec<Session>, StoreError> {
        let days = i32::try_from(days.max(crate::session::MIN_DAYS)).unwrap_or(i32::MAX);
        let rows = self
            .client
            .query(
                "DELETE FROM rumbo.sessions
                 WHERE office_id = $1 AND updated_at < now() - make_interval(days => $2)
                 RETURNING id, body",
                &[&self.office_id, &days],
            )
            .map_err(|e| server_error(&e))?;
        Ok(rows
            .iter()
            .filter_map(|row| from_row(&row.get::<_, String>(0), &row.get::<_, String>(1)).ok())
            .collect())
    }
}

/// The `format` column's value (a session's format is small; a nonsense one saturates rather than wraps).
fn format_column(format: u32) -> i32 {
    i32::try_from(format).unwrap_or(i32::MAX)
}

/// Where a row is, for messages: not a file, but shown as one would be.
fn row_place(id: &str) -> PathBuf {
    PathBuf::from(format!("rumbo.sessions/{id}"))
}

/// Rows of `(id, body, ..)` as listed sessions, most recently updated first (as [`SessionStore::list`]
/// (crate::session::SessionStore::list) orders files); rows that do not parse after them, by id.
fn listed(rows: &[postgres::Row]) -> Vec<Listed> {
    let mut listed: Vec<Listed> = rows
        .iter()
        .map(|row| {
            let id: String = row.get(0);
            match from_row(&id, &row.get::<_, String>(1)) {
                Ok(session) => Listed::Ok(Box::new(session)),
                Err(StoreError::Corrupt { id, path, line, col, message }) => {
                    Listed::Corrupt { id, path, line, col, message }
                }
                Err(e) => Listed::Unreadable { path: row_place(&id), id, message: e.to_string() },
            }
        })
        .collect();
    listed.sort_by(|a, b| match (a, b) {
        (Listed::Ok(a), Listed::Ok(b)) => b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)),
        (Listed::Ok(_), _) => std::cmp::Ordering::Less,
        (_, Listed::Ok(_)) => std::cmp::Ordering::Greater,
        _ => a.id().cmp(b.id()),
    });
    listed
}

/// A row's body as a session, cleaned as a file's is; the row's id is authoritative.
fn from_row(id: &str, body: &str) -> Result<Session, StoreError> {
    let mut session = parse(id, &row_place(id), body.as_bytes())?;
    session.id = id.to_string();
    session.sanitize_loaded();
    Ok(session)
}
