//! `rumbo office init`: the schema, created or brought up to date by versioned migrations compiled into the
//! binary. `rumbo.schema_version` records each one applied; the missing ones are applied in order, in one
//! transaction (all or nothing), under a lock so two desks running `office init` at once do not collide. A
//! schema newer than this rumbo knows is refused: an older desk must not write rows it does not understand.

/// One step of the schema. `version`s are 1, 2, 3… in order, and a released one is never edited.
#[derive(Debug)]
pub struct Migration {
    pub version: i32,
    pub sql: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, sql: include_str!("migrations/0001_sessions.sql") },
    Migration { version: 2, sql: include_str!("migrations/0002_session_rows.sql") },
    Migration { version: 3, sql: include_str!("migrations/0003_session_holders.sql") },
    Migration { version: 4, sql: include_str!("migrations/0004_deletion_marks.sql") },
    Migration { version: 5, sql: include_str!("migrations/0005_holders_list.sql") },
];

/// The newest schema this rumbo knows.
pub fn latest() -> i32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    /// Contract (issue 15): the message says "actualice rumbo".
    #[error(
        "the office's schema is version {found}, newer than this rumbo knows ({known}): actualice rumbo on this \
         computer"
    )]
    Newer { found: i32, known: i32 },
    #[error("the office's server has no rumbo schema yet: run rumbo office init")]
    Missing,
    #[error(
        "the office's schema is version {found}, older than this rumbo ({known}): run rumbo office init once every \
         desk is upgraded"
    )]
    Older { found: i32, known: i32 },
    #[error("{0}")]
    Server(String),
}

impl From<postgres::Error> for MigrateError {
    fn from(e: postgres::Error) -> Self {
        MigrateError::Server(match e.as_db_error() {
            Some(db) => format!("{}: {}", db.severity(), db.message()),
            None => e.to_string(),
        })
    }
}

/// The advisory lock key of `office init` (per database): "rumbo" in ASCII.
const INIT_LOCK: i64 = 0x72_75_6d_62_6f;

/// What `init` did: the version found (0: a new database) and those applied.
#[derive(Debug, PartialEq, Eq)]
pub struct Applied {
    pub found: i32,
    pub applied: Vec<i32>,
}

/// The migrations to apply to a schema at `found` (pure).
pub fn pending(found: i32) -> Result<&'static [Migration], MigrateError> {
    if found > latest() {
        return Err(MigrateError::Newer { found, known: latest() });
    }
    let first = MIGRATIONS.iter().position(|m| m.version > found).unwrap_or(MIGRATIONS.len());
    Ok(&MIGRATIONS[first..])
}

/// Whether a desk may work on a schema at `found` (pure): only the one it knows. A newer schema may hold
/// fields this desk would drop; an older one lacks what it writes.
pub fn usable(found: i32) -> Result<(), MigrateError> {
    let known = latest();
    match found {
        0 => Err(MigrateError::Missing),
        f if f > known => Err(MigrateError::Newer { found: f, known }),
        f if f < known => Err(MigrateError::Older { found: f, known }),
        _ => Ok(()),
    }
}

/// A desk's check before it reads or writes sessions: the schema is there and is the one it knows.
pub fn ensure_usable(client: &mut postgres::Client) -> Result<i32, MigrateError> {
    let found = current(client)?;
    usable(found).map(|()| found)
}

/// Creates or migrates the schema.
pub fn migrate(client: &mut postgres::Client) -> Result<Applied, MigrateError> {
    let mut tx = client.transaction()?;
    // Held to the end of the transaction, before anything exists to lock: two `office init` at once on a new
    // database would otherwise both try to create the schema and one would fail.
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&INIT_LOCK])?;
    tx.batch_execute(
        "CREATE SCHEMA IF NOT EXISTS rumbo;
         CREATE TABLE IF NOT EXISTS rumbo.schema_version (
             version integer PRIMARY KEY,
             applied_at timestamptz NOT NULL DEFAULT now()
         );",
    )?;
    let found: i32 = tx.query_one("SELECT coalesce(max(version), 0) FROM rumbo.schema_version", &[])?.get(0);
    let mut applied = Vec::new();
    for migration in pending(found)? {
        tx.batch_execute(migration.sql)?;
        tx.execute("INSERT INTO rumbo.schema_version (version) VALUES ($1)", &[&migration.version])?;
        applied.push(migration.version);
    }
    tx.commit()?;
    Ok(Applied { found, applied })
}

/// The schema's version without changing anything (0: none); for `office check` and the desks' start.
pub fn current(client: &mut postgres::Client) -> Result<i32, MigrateError> {
    let exists: bool =
        client.query_one("SELECT to_regclass('rumbo.schema_version') IS NOT NULL", &[])?.get(0);
    if !exists {
        return Ok(0);
    }
    Ok(client.query_one("SELECT coalesce(max(version), 0) FROM rumbo.schema_version", &[])?.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_run_one_two_three_in_order() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i32 + 1);
        }
    }

    #[test]
    fn only_the_missing_migrations_are_pending_and_a_newer_schema_is_refused() {
        assert_eq!(pending(0).unwrap().len(), MIGRATIONS.len());
        assert!(pending(latest()).unwrap().is_empty());
        let e = pending(latest() + 1).unwrap_err();
        assert!(e.to_string().contains("actualice rumbo"), "{e}");
    }

    #[test]
    fn a_desk_works_only_on_the_schema_it_knows() {
        assert!(usable(latest()).is_ok());
        assert!(matches!(usable(0), Err(MigrateError::Missing)));
        let e = usable(latest() + 1).unwrap_err();
        assert!(e.to_string().contains("actualice rumbo"), "{e}");
        if latest() > 1 {
            assert!(matches!(usable(latest() - 1), Err(MigrateError::Older { .. })));
        }
    }
}
