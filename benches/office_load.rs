//! Office load bench (issue 15): simulated workstations sharing one PostgreSQL, as an office's desks do.
//!
//! Each workstation (benches/office_load/desk.rs) holds its own session's office lock and saves a changed
//! session every 2 s through the real path (`Office::save`'s two steps, timed apart: this desk's sessions
//! folder first, then the row), and lists the office's sessions every 10 s. Every fifth session also has a contender, another
//! desk trying to take its lock twice a second. Two runs: undisturbed, then with the server restarted
//! (fast shutdown, every connection cut) halfway through. Each prints p50/p99 save and list latency,
//! sessions lost (each session read back from the server: is its last change there?) and lock violations
//! (a workstation's write to the server while a contender held that session's lock).
//!
//! The server is its own throwaway one (tests/it/pg_support.rs, included below), durable (fsync on, unlike
//! the tests'), over TCP with TLS (`verify-full`) as a desk connects.
//!
//! `cargo bench --bench office_load [-- --workstations N --seconds S]` (defaults 50 and 60; needs
//! PostgreSQL, as the office tests do).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // a bench fails loudly

#[path = "office_load/desk.rs"]
mod desk;
#[path = "../tests/it/pg_certs.rs"]
mod pg_certs;
#[path = "../tests/it/pg_support.rs"]
mod pg_support;

/// What pg_support asks of the test binary's common.rs (only `server()` uses it; the bench does not).
mod common {
    pub fn skip_or_fail(reason: &str) {
        println!("SKIPPED: {reason}");
    }
}

use desk::{CONTENDER_TOOK, Clock, Outcome, Target, ms};
use pg_support::PgServer;
use rumbo::catalog::CatalogSet;
use rumbo::office::pgpass::Sources;
use rumbo::office::store::OfficeStore;
use rumbo::office::{ConnInfo, connect, migrate};
use rumbo::session::Session;
use std::sync::atomic::Ordering;
use std::sync::{Barrier, OnceLock};
use std::time::{Duration, Instant};

const ROLE: &str = "bench_desk";
const PASSWORD: &str = "Cl4ve-bench";
/// Every fifth session has a contender.
const CONTENDED: usize = 5;

fn main() {
    let option = |name: &str, default: u64| -> u64 {
        let args: Vec<String> = std::env::args().collect();
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)?.parse().ok()).unwrap_or(default)
    };
    let workstations = option("--workstations", 50) as usize;
    let seconds = option("--seconds", 60);
    // Each workstation has two connections (store, locks), each contender one.
    let connections = 2 * workstations + workstations.div_ceil(CONTENDED) + 20;
    let server = match pg_support::start_with(&format!("-c max_connections={connections}")) {
        Ok(server) => server,
        Err(why) => {
            println!("SKIPPED: {}", why.trim_start_matches("SKIP:"));
            return;
        }
    };
    println!("{workstations} workstations, {seconds} s, a save every 2 s and a list every 10 s each");
    for (label, restart) in [("undisturbed", false), ("server restarted halfway", true)] {
        let db = if restart { "bench_restart" } else { "bench_plain" };
        let mut admin = make_db(&server, db);
        if !restart {
            // After the first `office init`: roles are the server's, and it made rumbo_counselor.
            let role = format!("CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}' IN ROLE rumbo_counselor");
            admin.batch_execute(&role).unwrap();
        }
        admin.execute("INSERT INTO rumbo.members VALUES ($1, $2)", &[&ROLE, &desk::OFFICE]).unwrap();
        let url = format!(
            "postgresql://{ROLE}@localhost:{}/{db}?sslmode=verify-full&sslrootcert={}",
            server.port,
            server.ca_file.display()
        );
        let target = Target {
            info: ConnInfo::parse(&url).unwrap(),
            sources: Sources { password: Some(PASSWORD.into()), ..Sources::default() },
        };
        run(&server, &target, label, workstations, Duration::from_secs(seconds), restart);
    }
}

/// A database with the schema `rumbo office init` makes; its superuser connection.
fn make_db(server: &PgServer, name: &str) -> postgres::Client {
    server.admin("postgres").batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let mut admin = server.admin(name);
    migrate::migrate(&mut admin).unwrap();
    admin
}

fn run(server: &PgServer, target: &Target, label: &str, n: usize, length: Duration, restart: bool) {
    CONTENDER_TOOK.store(0, Ordering::Relaxed);
    let catalogs = CatalogSet::new(Vec::new());
    let sessions: Vec<Session> = (0..n)
        .map(|i| Session::new(&format!("Persona {i}"), "Luz", jiff::Timestamp::now(), &catalogs).unwrap())
        .collect();
    let contended: Vec<(usize, String)> =
        sessions.iter().enumerate().step_by(CONTENDED).map(|(i, s)| (i, s.id.clone())).collect();
    let clock = Clock { ready: Barrier::new(n + contended.len() + 1), start: OnceLock::new(), length };
    let (outcomes, holds, restarted) = std::thread::scope(|scope| {
        let desks: Vec<_> = sessions
            .into_iter()
            .enumerate()
            .map(|(i, session)| {
                let offset = desk::SAVE_EVERY.mul_f64(i as f64 / n as f64);
                let clock = &clock;
                scope.spawn(move || desk::workstation(target, i, session, offset, clock))
            })
            .collect();
        let others: Vec<_> = contended
            .iter()
            .map(|(i, id)| {
                let clock = &clock;
                (*i, scope.spawn(move || desk::contender(target, *i, id, clock)))
            })
            .collect();
        let (start, _) = clock.go();
        let restarted = restart.then(|| {
            std::thread::sleep((start + length / 2).saturating_duration_since(Instant::now()));
            let t = Instant::now();
            server.restart().unwrap();
            (t - start, t.elapsed())
        });
        let outcomes: Vec<Outcome> = desks.into_iter().map(|h| h.join().unwrap()).collect();
        let holds: Vec<_> = others.into_iter().map(|(i, h)| (i, h.join().unwrap())).collect();
        (outcomes, holds, restarted)
    });
    report(target, label, &outcomes, &holds, restarted);
}

fn report(
    target: &Target,
    label: &str,
    outcomes: &[Outcome],
    holds: &[(usize, Vec<(Instant, Instant)>)],
    restarted: Option<(Duration, Duration)>,
) {
    let mut save: Vec<f64> = outcomes.iter().flat_map(|o| o.save_ms.iter().copied()).collect();
    let mut list: Vec<f64> = outcomes.iter().flat_map(|o| o.list_ms.iter().copied()).collect();
    let mut local: Vec<f64> = outcomes.iter().flat_map(|o| o.local_ms.iter().copied()).collect();
    let mut row: Vec<f64> = outcomes.iter().flat_map(|o| o.server_ms.iter().copied()).collect();
    // Read back: a new connection, each session's row against the last change its desk made.
    let client = connect(&target.info, &target.sources).unwrap();
    let mut reader = OfficeStore::on(client, desk::OFFICE, "LECTOR").unwrap();
    let lost = outcomes
        .iter()
        .filter(|o| reader.load(&o.id).map(|s| s.notes != o.last_write).unwrap_or(true))
        .count();
    let violations: usize = holds
        .iter()
        .map(|(i, held)| {
            let writes = &outcomes[*i].writes;
            writes.iter().filter(|(a, b)| held.iter().any(|(c, d)| a < d && c < b)).count()
        })
        .sum();
    println!("\n{label}:");
    if let Some((at, down)) = restarted {
        println!(
            "  server restarted at {:.1} s, accepting connections again after {:.0} ms",
            at.as_secs_f64(),
            ms(down)
        );
    }
    println!(
        "  saves: {} (each: this desk's file, then the row): p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        save.len(),
        pct(&mut save, 0.50),
        pct(&mut save, 0.99),
        pct(&mut save, 1.0)
    );
    println!(
        "    of which this desk's file: p50 {:.1} ms, p99 {:.1} ms; the row: p50 {:.1} ms, p99 {:.1} ms",
        pct(&mut local, 0.50),
        pct(&mut local, 0.99),
        pct(&mut row, 0.50),
        pct(&mut row, 0.99)
    );
    println!(
        "  lists: {} ({} sessions each): p50 {:.1} ms, p99 {:.1} ms",
        list.len(),
        outcomes.len(),
        pct(&mut list, 0.50),
        pct(&mut list, 0.99)
    );
    let failed: u32 = outcomes.iter().map(|o| o.failed).sum();
    let resent: u32 = outcomes.iter().map(|o| o.resent).sum();
    let longest = outcomes.iter().map(|o| o.longest_pending).max().unwrap_or_default();
    let unsent = outcomes.iter().filter(|o| o.unsent).count();
    println!(
        "  changes not sent at once: {failed} (kept in the desk's file); sessions re-sent after reconnecting: \
         {resent}, the longest pending {:.0} ms; still unsent at the end: {unsent}",
        ms(longest)
    );
    println!("  sessions lost: {lost} of {}", outcomes.len());
    println!(
        "  lock violations: {violations} (contenders on {} sessions; given a lock {} times: a violation only if \
         its desk wrote meanwhile)",
        holds.len(),
        CONTENDER_TOOK.load(Ordering::Relaxed)
    );
}

/// The `q` quantile (nearest rank) of `values`, sorting them; 0 for none.
fn pct(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    values[((values.len() - 1) as f64 * q).round() as usize]
}
