//! Deletion marks (migration 4, `rumbo.deleted_sessions`): deleting a session at one desk reaches every
//! desk. The row goes and the mark stays, in one transaction; a desk applies the marks of the sessions it
//! has copies of when it connects ([`apply`]), and no desk writes a marked session back.

use super::store::{OfficeStore, server_error};
use crate::session::{self, Erased, SessionStore, StoreError};

impl OfficeStore {
    /// Removes the session's row and marks it deleted for the office's other desks; whether there was
    /// a row.
    pub fn delete_marked(&mut self, id: &str) -> Result<bool, StoreError> {
        let (office, desk) = (self.office_id().to_string(), self.desk().to_string());
        let mut tx = self.client().transaction().map_err(|e| server_error(&e))?;
        let n = tx
            .execute("DELETE FROM rumbo.sessions WHERE id = $1 AND office_id = $2", &[&id, &office])
            .map_err(|e| server_error(&e))?;
        tx.execute(
            "INSERT INTO rumbo.deleted_sessions (office_id, session_id, desk) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
            &[&office, &id, &desk],
        )
        .map_err(|e| server_error(&e))?;
        tx.commit().map_err(|e| server_error(&e))?;
        Ok(n > 0)
    }

    /// Which of `ids` were deleted at some desk of this office.
    pub fn marked(&mut self, ids: &[String]) -> Result<Vec<String>, StoreError> {
        let office = self.office_id().to_string();
        let rows = self
            .client()
            .query(
                "SELECT session_id FROM rumbo.deleted_sessions WHERE office_id = $1 AND session_id = ANY($2)",
                &[&office, &ids],
            )
            .map_err(|e| server_error(&e))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    /// Retention for the marks: those older than `days` go (a desk away that long has purged its copies).
    pub fn purge_marks(&mut self, days: i32) -> Result<u64, StoreError> {
        let office = self.office_id().to_string();
        self.client()
            .execute(
                "DELETE FROM rumbo.deleted_sessions
                 WHERE office_id = $1 AND deleted_at < now() - make_interval(days => $2)",
                &[&office, &days],
            )
            .map_err(|e| server_error(&e))
    }
}

/// What applying the marks removed from this desk: per session, its files and recorded exports.
#[derive(Debug, Default)]
pub struct Applied {
    pub sessions: Vec<Erased>,
    /// Marked sessions open here right now (locked): applied at a later connection.
    pub skipped: usize,
}

/// Removes this desk's copy (file, journal, base) and recorded exports of every session of this office
/// deleted at another desk.
pub fn apply(local: &SessionStore, server: &mut OfficeStore) -> Result<Applied, StoreError> {
    let ids: Vec<String> = local.list()?.iter().map(|l| l.id().to_string()).collect();
    if ids.is_empty() {
        return Ok(Applied::default());
    }
    let mut applied = Applied::default();
    for id in server.marked(&ids)? {
        match session::erase(local, &id) {
            Ok(erased) => applied.sessions.push(erased),
            Err(_) => applied.skipped += 1,
        }
    }
    Ok(applied)
}
