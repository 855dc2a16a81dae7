//! A host that accepts the connection and then never answers (a hung server, a proxy with nothing
//! behind it): `connect` gives up within the URL's `connect_timeout`, as libpq does, instead of waiting
//! for ever in the TLS handshake or the start-up — the postgres crate bounds only the TCP connect. While
//! that given-up attempt still waits, a new one to the same host fails at once rather than piling up
//! threads. A real listener, no PostgreSQL needed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rumbo::office::pgpass::Sources;
use rumbo::office::{ConnInfo, ConnectError, connect};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Accepts every connection, keeps it open, answers nothing; says on `accepted` each time it accepts.
fn hung_host() -> (u16, mpsc::Receiver<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, accepted) = mpsc::channel();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
            if tx.send(()).is_err() {
                return;
            }
        }
    });
    (port, accepted)
}

#[test]
fn a_host_that_never_answers_is_given_up_within_connect_timeout_and_counts_as_unreachable() {
    // Without TLS the start-up is where it waits; with `require`, the TLS handshake. A host each.
    for sslmode in ["disable", "require"] {
        let (port, accepted) = hung_host();
        let url = format!("postgresql://ana@127.0.0.1:{port}/rumbo?sslmode={sslmode}&connect_timeout=1");
        let info = ConnInfo::parse(&url).unwrap();
        let started = Instant::now();
        let outcome = connect(&info, &Sources::default());
        let took = started.elapsed();
        accepted.recv_timeout(Duration::from_secs(5)).expect("the attempt reached the host");
        match outcome {
            Err(ConnectError::Unreachable(text)) => {
                assert!(text.contains("did not answer within 1 s"), "{sslmode}: {text}");
                assert!(!text.contains("ana@"), "{text}");
            }
            Err(other) => panic!("{sslmode}: not unreachable: {other}"),
            Ok(_) => panic!("{sslmode}: connected to a host that never answers"),
        }
        assert!(took >= Duration::from_secs(1), "{sslmode}: gave up before the timeout: {took:?}");
        assert!(took < Duration::from_secs(8), "{sslmode}: waited {took:?}");

        // The first attempt's thread still waits on the host: a retry fails at once and opens nothing.
        let started = Instant::now();
        match connect(&info, &Sources::default()) {
            Err(ConnectError::Unreachable(text)) => assert!(text.contains("still waiting"), "{text}"),
            Err(other) => panic!("{sslmode}: {other}"),
            Ok(_) => panic!("{sslmode}: connected"),
        }
        assert!(started.elapsed() < Duration::from_millis(500), "{:?}", started.elapsed());
        assert!(accepted.try_recv().is_err(), "{sslmode}: the retry opened another connection");
    }
}

/// A server name that cannot be looked up — the office's network is down, so its DNS is too — is
/// "offline" like a server that does not answer: the desk works on with its own copies and retries,
/// rather than refusing to start. (`rumbo office check` still says what failed.)
#[test]
fn a_server_name_that_cannot_be_looked_up_counts_as_unreachable() {
    // `.invalid` never resolves (RFC 2606).
    let url = "postgresql://ana@servidor-de-la-oficina.invalid/rumbo?sslmode=require&connect_timeout=5";
    match connect(&ConnInfo::parse(url).unwrap(), &Sources::default()) {
        Err(ConnectError::Unreachable(text)) => assert!(text.contains("lookup"), "{text}"),
        Err(other) => panic!("not unreachable: {other:?}"),
        Ok(_) => panic!("connected to a name that does not exist"),
    }
}
