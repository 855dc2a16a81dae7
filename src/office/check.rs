//! `rumbo office check`: what IT needs to know about a desk's link to the office's server, one plain verdict
//! per line. [`gather`] asks the server (each question timed and failing on its own: one broken part must not
//! hide the others); [`verdicts`] turns the answers into lines (pure, tested without a server).

use super::conninfo::TlsMode;
use super::migrate;
use std::time::{Duration, Instant};

/// What was measured. `Err` holds the reason a question could not be answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    pub tls_mode: TlsMode,
    pub encrypted: Result<bool, String>,
    /// `server_version_num` (150004 = 15.4).
    pub server_version: Result<i32, String>,
    pub schema: Result<i32, String>,
    /// The rumbo group roles this login belongs to, and the office the server maps it to.
    pub roles: Result<(Vec<String>, Option<String>), String>,
    /// Server clock minus this computer's, in seconds.
    pub clock_skew: Result<f64, String>,
    /// The median of a few `SELECT 1`.
    pub round_trip: Result<Duration, String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Ok,
    Warning,
    Failure,
}

/// One line: what, how it went, and the facts to say (put into words by the caller, in its language).
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub part: Part,
    pub level: Level,
    pub detail: Detail,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Connection,
    Tls,
    ServerVersion,
    Schema,
    Permissions,
    ClockSkew,
    RoundTrip,
}

impl Part {
    pub const ALL: [Part; 7] = [
        Part::Connection,
        Part::Tls,
        Part::ServerVersion,
        Part::Schema,
        Part::Permissions,
        Part::ClockSkew,
        Part::RoundTrip,
    ];
}

#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    Millis(f64),
    NotEncrypted,
    Verified,
    NotVerified(TlsMode),
    Server {
        version: String,
        too_old: bool,
    },
    NoSchema,
    SchemaNewer {
        found: i32,
        known: i32,
    },
    SchemaOlder {
        found: i32,
        known: i32,
    },
    SchemaCurrent(i32),
    NoRole,
    Roles {
        roles: String,
        office: String,
    },
    OfficeMismatch {
        roles: String,
        server: String,
        config: String,
    },
    NoOffice {
        roles: String,
    },
    Seconds(f64),
    /// The question could not be answered: the server's or the network's words.
    Error(String),
}

/// The oldest PostgreSQL rumbo supports (row-level security as used here, `DROP DATABASE … FORCE` in tests).
pub const MIN_SERVER: i32 = 130000;
/// Beyond this, dates written by desks disagree visibly (follow-ups, retention).
pub const MAX_SKEW_SECONDS: f64 = 60.0;
/// Above this a save feels slow at the desk.
pub const SLOW_ROUND_TRIP: Duration = Duration::from_millis(50);

/// The lines, in the issue's order, for a connection that succeeded in `connect_time`.
pub fn verdicts(facts: &Facts, connect_time: Duration, office_id: &str) -> Vec<Verdict> {
    use Level::{Failure, Warning};
    let line = |part, level, detail| Verdict { part, level, detail };
    let failed = |part, why: &String| line(part, Failure, Detail::Error(why.clone()));
    let millis = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut out = vec![line(Part::Connection, Level::Ok, Detail::Millis(millis(connect_time)))];
    out.push(match (&facts.encrypted, facts.tls_mode) {
        (Err(why), _) => failed(Part::Tls, why),
        (Ok(false), _) => line(Part::Tls, Failure, Detail::NotEncrypted),
        (Ok(true), TlsMode::VerifyFull) => line(Part::Tls, Level::Ok, Detail::Verified),
        (Ok(true), mode) => line(Part::Tls, Warning, Detail::NotVerified(mode)),
    });
    out.push(match &facts.server_version {
        Err(why) => failed(Part::ServerVersion, why),
        Ok(v) => {
            let too_old = *v < MIN_SERVER;
            let version = format!("PostgreSQL {}.{}", v / 10000, v % 10000);
            line(
                Part::ServerVersion,
                if too_old { Failure } else { Level::Ok },
                Detail::Server { version, too_old },
            )
        }
    });
    let known = migrate::latest();
    out.push(match &facts.schema {
        Err(why) => failed(Part::Schema, why),
        Ok(0) => line(Part::Schema, Failure, Detail::NoSchema),
        Ok(v) if *v > known => line(Part::Schema, Failure, Detail::SchemaNewer { found: *v, known }),
        Ok(v) if *v < known => line(Part::Schema, Failure, Detail::SchemaOlder { found: *v, known }),
        Ok(v) => line(Part::Schema, Level::Ok, Detail::SchemaCurrent(*v)),
    });
    out.push(match &facts.roles {
        Err(why) => failed(Part::Permissions, why),
        Ok((roles, _)) if roles.is_empty() => line(Part::Permissions, Failure, Detail::NoRole),
        Ok((roles, office)) => {
            let roles = roles.join(", ");
            match office {
                Some(o) if o == office_id => {
                    line(Part::Permissions, Level::Ok, Detail::Roles { roles, office: o.clone() })
                }
                Some(o) => line(
                    Part::Permissions,
                    Failure,
                    Detail::OfficeMismatch { roles, server: o.clone(), config: office_id.to_string() },
                ),
                None => line(Part::Permissions, Failure, Detail::NoOffice { roles }),
            }
        }
    });
    out.push(match &facts.clock_skew {
        Err(why) => failed(Part::ClockSkew, why),
        Ok(s) => line(
            Part::ClockSkew,
            if s.abs() <= MAX_SKEW_SECONDS { Level::Ok } else { Failure },
            Detail::Seconds(*s),
        ),
    });
    out.push(match &facts.round_trip {
        Err(why) => failed(Part::RoundTrip, why),
        Ok(d) => line(
            Part::RoundTrip,
            if *d <= SLOW_ROUND_TRIP { Level::Ok } else { Warning },
            Detail::Millis(millis(*d)),
        ),
    });
    out
}

/// Asks the server every question, each on its own.
pub fn gather(client: &mut postgres::Client, tls_mode: TlsMode) -> Facts {
    let text = |e: postgres::Error| match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => e.to_string(),
    };
    let encrypted = super::connect::encrypted(client).map_err(text);
    let server_version = client
        .query_one("SELECT current_setting('server_version_num')::int", &[])
        .and_then(|r| r.try_get(0))
        .map_err(text);
    let schema = migrate::current(client).map_err(|e| e.to_string());
    let roles = client
        .query(
            "SELECT r FROM unnest(ARRAY['rumbo_counselor','rumbo_kiosk','rumbo_coordinator']) AS r \
             WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) AND pg_has_role(r, 'MEMBER') ORDER BY r",
            &[],
        )
        .map_err(text)
        .and_then(|rows| {
            let roles: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
            let office = if roles.is_empty() || schema.as_ref().is_ok_and(|v| *v == 0) {
                None
            } else {
                client.query_one("SELECT rumbo.my_office()", &[]).map_err(text)?.get(0)
            };
            Ok((roles, office))
        });
    let before = jiff::Timestamp::now();
    let clock_skew = client
        .query_one("SELECT extract(epoch FROM clock_timestamp())::float8", &[])
        .and_then(|r| r.try_get::<_, f64>(0))
        .map(|server| {
            let after = jiff::Timestamp::now();
            let local = (before.as_millisecond() + after.as_millisecond()) as f64 / 2000.0;
            server - local
        })
        .map_err(text);
    let round_trip = (0..5)
        .map(|_| {
            let start = Instant::now();
            client.simple_query("SELECT 1").map(|_| start.elapsed())
        })
        .collect::<Result<Vec<_>, _>>()
        .map(|mut times| {
            times.sort();
            times[times.len() / 2]
        })
        .map_err(text);
    Facts { tls_mode, encrypted, server_version, schema, roles, clock_skew, round_trip }
}

#[cfg(test)]
#[path = "check_tests.rs"]
mod tests;
