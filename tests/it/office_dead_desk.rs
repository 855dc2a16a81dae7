//! How long a dead workstation keeps its session (issue 15: "a dead workstation frees it within
//! minutes"), measured: desk A runs in a network namespace of its own, joined to this host by a veth pair,
//! and reaches the server over TCP; with a session open (the lock held), its end of the link goes down —
//! no FIN, no RST, as a pulled cable or a power cut would leave it. The server only learns from its TCP
//! keepalives / user timeout that rumbo sets on the lock connection (docs/office.md §7); the test waits
//! for the lock to go and prints how long that took, then desk B takes the session for writing.
//!
//! Takes about two minutes, so it is ignored by default:
//! `cargo test --test it office_dead_desk -- --ignored --nocapture`. Needs root (`ip netns`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use crate::e2e_tmux_support::Env;
use crate::office_support::{
    PASSWORD, advisory_locks, counselor, desk_env, open_first, start_desk, wait_server, write_note,
};
use crate::pg_support::{self, PgServer};
use rumbo::office::migrate;
use std::process::Command;
use std::time::{Duration, Instant};

/// A network namespace with a veth pair to this host: host end `.1`, desk end `.2` of a /30.
struct Link {
    ns: String,
    host_if: String,
    desk_if: String,
    host_ip: String,
}

fn ip(args: &[&str]) {
    let out = Command::new("ip").args(args).output().unwrap();
    assert!(out.status.success(), "ip {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

impl Link {
    fn new() -> Link {
        let id = std::process::id();
        let net = format!("10.231.{}", id % 250);
        let link = Link {
            ns: format!("rumbo-dd-{id}"),
            host_if: format!("rdd{}h", id % 100_000),
            desk_if: format!("rdd{}d", id % 100_000),
            host_ip: format!("{net}.1"),
        };
        ip(&["netns", "add", &link.ns]);
        ip(&["link", "add", &link.host_if, "type", "veth", "peer", "name", &link.desk_if]);
        ip(&["link", "set", &link.desk_if, "netns", &link.ns]);
        ip(&["addr", "add", &format!("{}/30", link.host_ip), "dev", &link.host_if]);
        ip(&["link", "set", &link.host_if, "up"]);
        let inside = |args: &[&str]| {
            let mut all = vec!["netns", "exec", &link.ns, "ip"];
            all.extend(args);
            ip(&all);
        };
        inside(&["addr", "add", &format!("{net}.2/30"), "dev", &link.desk_if]);
        inside(&["link", "set", &link.desk_if, "up"]);
        inside(&["link", "set", "lo", "up"]);
        link
    }

    /// The desk's end goes down: its packets stop, and the host's to it go nowhere, without a word.
    fn cut(&self) {
        ip(&["netns", "exec", &self.ns, "ip", "link", "set", &self.desk_if, "down"]);
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["link", "del", &self.host_if]).status();
        let _ = Command::new("ip").args(["netns", "del", &self.ns]).status();
    }
}

/// A server of this test's own that also listens on the link and lets the desk's network in.
fn server_on(link: &Link) -> Option<&'static PgServer> {
    pg_support::server()?;
    let bin = pg_support::bindir()?;
    let settings = format!("{} -c listen_addresses='localhost,{}'", pg_support::TEST_SETTINGS, link.host_ip);
    let server = pg_support::attempt(&bin, true, &settings).unwrap();
    let hba = server.dir.join("data/pg_hba.conf");
    let mut text = std::fs::read_to_string(&hba).unwrap();
    text.push_str(&format!("host all all {}/30 scram-sha-256\n", link.host_ip));
    std::fs::write(&hba, text).unwrap();
    server.admin("postgres").batch_execute("SELECT pg_reload_conf()").unwrap();
    Some(Box::leak(Box::new(server)))
}

#[test]
#[ignore = "takes about two minutes; needs root for ip netns"]
fn office_dead_desk_a_workstation_cut_off_frees_its_session_within_minutes() {
    if !pg_support::running_as_root() || Command::new("ip").arg("-V").output().is_err() {
        crate::common::skip_or_fail("needs root and ip (iproute2) for a network namespace");
        return;
    }
    let link = Link::new();
    let Some(server) = server_on(&link) else { return };
    let db = pg_support::test_db_on(server);
    migrate::migrate(&mut db.admin()).unwrap();
    let over_link = counselor(&db, "ana").replace("@127.0.0.1:", &format!("@{}:", link.host_ip));
    let env_a = desk_env(&over_link, "ESCRITORIO-A").unwrap();
    let env_b: Env = desk_env(&counselor(&db, "beto"), "ESCRITORIO-B").unwrap();
    let password = format!("PGPASSWORD={PASSWORD}");
    let a = env_a.start_with_via(&[&password], &["ip", "netns", "exec", &link.ns]);
    a.new_session("Marta", "Luz");
    write_note(&a, "de-Ana");
    wait_server("A's note on the server", || advisory_locks(&db) == 1);

    link.cut();
    let cut = Instant::now();
    let limit = Duration::from_secs(600);
    while advisory_locks(&db) != 0 {
        assert!(cut.elapsed() < limit, "the dead desk's lock still held after {limit:?}");
        std::thread::sleep(Duration::from_millis(200));
    }
    let took = cut.elapsed();
    println!("a dead desk's lock was freed {:.1} s after its link was cut", took.as_secs_f64());
    assert!(took < Duration::from_secs(300), "within minutes: {took:?}");

    let b = start_desk(&env_b);
    open_first(&b, "Marta");
    assert!(!b.screen().contains("solo lectura"), "B writes now:\n{}", b.screen());
}
