//! The office's connection against a real PostgreSQL (tests/it/pg_support.rs): the password from pgpass,
//! `sslmode=verify-full` (the CA and the host name checked), `require` (encrypted, nothing verified), and the
//! throwaway server's own guarantee: it stops when its test process dies.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use crate::pg_support::{self, TestDb};
use rumbo::office::pgpass::Sources;
use rumbo::office::{ConnInfo, ConnectError, connect};
use std::io::BufRead;
use std::path::Path;
use std::time::{Duration, Instant};

/// A counselor login with its password in a private pgpass file (the `postgres` crate reads none).
fn counselor(db: &TestDb, dir: &Path) -> (String, Sources) {
    let user = db.login_role("ana", "Cl4ve ana", None);
    // libpq's rules: the first matching line wins; the host is the name asked for (not `hostaddr`).
    let lines = format!(
        "# prueba\n*:*:otra:{user}:mala\nlocalhost:{port}:{db}:{user}:Cl4ve ana\n127.0.0.1:*:*:{user}:Cl4ve ana\n\
         servidor-equivocado:{port}:*:{user}:Cl4ve ana\n",
        port = db.server.port,
        db = db.name
    );
    let file = pg_support::pgpass_file(dir, &lines);
    (user, Sources { passfile: Some(file), ..Sources::default() })
}

/// A CA certificate that signed nothing the server has.
fn other_ca(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("otra-ca.crt");
    let key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    std::fs::write(&file, params.self_signed(&key).unwrap().pem()).unwrap();
    file
}

fn open(url: &str, sources: &Sources) -> Result<postgres::Client, ConnectError> {
    connect(&ConnInfo::parse(url).unwrap(), sources)
}

/// Why a connection that must fail failed.
fn refused(url: &str, sources: &Sources) -> String {
    match open(url, sources) {
        Ok(_) => panic!("connected, and should not have"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn verify_full_checks_the_certificate_and_the_host_name() {
    let Some(db) = pg_support::test_db() else { return };
    let home = tempfile::tempdir().unwrap();
    let (user, sources) = counselor(&db, home.path());
    let ca = db.server.ca_file.display().to_string();
    let url = db.url(&user, "localhost", &format!("sslmode=verify-full&sslrootcert={ca}"));
    let mut client = open(&url, &sources).unwrap();
    assert!(rumbo::office::connect::encrypted(&mut client).unwrap());
    // The right CA, a name the certificate does not carry: refused (hostaddr keeps the address right).
    let wrong = format!(
        "postgresql://{user}@servidor-equivocado:{}/{}?hostaddr=127.0.0.1&sslmode=verify-full&sslrootcert={ca}",
        db.server.port, db.name
    );
    let e = refused(&wrong, &sources);
    assert!(e.contains("not valid for name \"servidor-equivocado\""), "{e}");
    // verify-ca checks only the chain: the same wrong name passes.
    let ca_only = wrong.replace("verify-full", "verify-ca");
    if let Err(e) = open(&ca_only, &sources) {
        panic!("verify-ca refused: {e}");
    }
    // Another CA (the server's certificate is not its): refused; no CA file at all: refused, naming where
    // rumbo looked.
    let other_ca = other_ca(home.path());
    let url = db.url(&user, "localhost", &format!("sslmode=verify-full&sslrootcert={}", other_ca.display()));
    let e = refused(&url, &sources);
    assert!(e.contains("UnknownIssuer"), "{e}");
    let no_ca = Sources { home: Some(home.path().into()), ..sources.clone() };
    let e = refused(&db.url(&user, "localhost", "sslmode=verify-full"), &no_ca);
    assert!(e.contains(".postgresql/root.crt") && e.contains("sslrootcert"), "{e}");
}

/// libpq's order for the CA certificate: `sslrootcert=` in the URL, else `PGSSLROOTCERT`, else the default
/// file (whose absence the test above shows).
#[test]
fn pgsslrootcert_gives_the_ca_unless_the_url_names_one() {
    let Some(db) = pg_support::test_db() else { return };
    let home = tempfile::tempdir().unwrap();
    let (user, sources) = counselor(&db, home.path());
    let other = other_ca(home.path());
    let right =
        Sources { root_cert: Some(db.server.ca_file.clone()), home: Some(home.path().into()), ..sources };
    let plain = db.url(&user, "localhost", "sslmode=verify-full");
    assert!(open(&plain, &right).is_ok(), "the CA from PGSSLROOTCERT verifies the server");
    let in_url = db.url(&user, "localhost", &format!("sslmode=verify-full&sslrootcert={}", other.display()));
    assert!(refused(&in_url, &right).contains("UnknownIssuer"), "the URL's CA is the one used");
    let wrong = Sources { root_cert: Some(other), ..right.clone() };
    assert!(refused(&plain, &wrong).contains("UnknownIssuer"));
    let ca = db.server.ca_file.display();
    let in_url = db.url(&user, "localhost", &format!("sslmode=verify-full&sslrootcert={ca}"));
    assert!(open(&in_url, &wrong).is_ok(), "the URL's right CA wins over a wrong PGSSLROOTCERT");
}

#[test]
fn require_encrypts_and_accepts_a_certificate_it_cannot_verify() {
    let Some(db) = pg_support::test_db() else { return };
    let home = tempfile::tempdir().unwrap();
    let (user, sources) = counselor(&db, home.path());
    // No CA given or found: libpq's `require` still connects, encrypted; so does `prefer` to a TLS server.
    for mode in ["require", "prefer"] {
        let mut client = open(&db.url(&user, "127.0.0.1", &format!("sslmode={mode}")), &sources).unwrap();
        assert!(rumbo::office::connect::encrypted(&mut client).unwrap(), "{mode}");
    }
    // As libpq: with a CA file, `require` verifies the chain (verify-ca), so a CA that did not sign the
    // server's certificate is refused.
    let ca = db.server.ca_file.display();
    assert!(
        open(&db.url(&user, "127.0.0.1", &format!("sslmode=require&sslrootcert={ca}")), &sources).is_ok()
    );
    let other_ca = other_ca(home.path());
    let url = db.url(&user, "127.0.0.1", &format!("sslmode=require&sslrootcert={}", other_ca.display()));
    let e = refused(&url, &sources);
    assert!(e.contains("UnknownIssuer"), "{e}");
    let mut plain = open(&db.url(&user, "127.0.0.1", "sslmode=disable"), &sources).unwrap();
    assert!(!rumbo::office::connect::encrypted(&mut plain).unwrap());
}

#[test]
fn the_password_comes_from_pgpassword_or_pgpass_and_a_wrong_one_is_refused() {
    let Some(db) = pg_support::test_db() else { return };
    let home = tempfile::tempdir().unwrap();
    let (user, sources) = counselor(&db, home.path());
    let url = db.url(&user, "127.0.0.1", "sslmode=require");
    assert!(open(&url, &sources).is_ok(), "the pgpass line for 127.0.0.1");
    let wrong = Sources { password: Some("otra".into()), ..sources.clone() };
    let e = refused(&url, &wrong);
    assert!(e.contains("password authentication failed"), "{e}");
    assert!(!e.contains("otra"), "{e}");
    let right = Sources { password: Some("Cl4ve ana".into()), passfile: None, ..Sources::default() };
    assert!(open(&url, &right).is_ok(), "PGPASSWORD alone");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = sources.passfile.clone().unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let e = refused(&url, &sources);
        assert!(e.starts_with(&format!("{}: ", file.display())) && e.contains("chmod 0600"), "{e}");
    }
}

/// Run by the next test in a process of its own: starts the binary's server, says where it is, then is
/// killed (`RUMBO_PG_CHILD=kill`) or panics (`=panic`).
#[test]
#[ignore = "run by the_server_stops_when_its_test_process_is_killed_or_panics"]
fn server_for_the_lifecycle_test() {
    let mode = std::env::var("RUMBO_PG_CHILD").unwrap();
    let server = pg_support::server().expect("PostgreSQL is there: the parent test checked");
    println!("PG pid={} dir={}", server.pid, server.dir.display());
    if mode == "panic" {
        panic!("a failing office test");
    }
    // Killed by the parent while waiting here.
    std::io::stdin().lines().for_each(drop);
}

#[test]
fn the_server_stops_when_its_test_process_is_killed_or_panics() {
    if pg_support::server().is_none() {
        return;
    }
    for mode in ["kill", "panic"] {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["office_connect::server_for_the_lifecycle_test", "--exact", "--ignored", "--nocapture"])
            .env("RUMBO_PG_CHILD", mode)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let line = std::io::BufReader::new(child.stdout.take().unwrap())
            .lines()
            .map_while(Result::ok)
            .find(|l| l.starts_with("PG pid="))
            .expect("the child started its server");
        let (pid, dir) = line["PG pid=".len()..].split_once(" dir=").unwrap();
        let (pid, dir): (u32, &Path) = (pid.parse().unwrap(), Path::new(dir));
        assert!(pg_support::alive(pid) && dir.exists(), "{mode}: the child's server runs");
        if mode == "kill" {
            child.kill().unwrap(); // SIGKILL: no destructor, no atexit
        }
        let status = child.wait().unwrap();
        assert!(!status.success(), "{mode}: {status}");
        let deadline = Instant::now() + Duration::from_secs(30);
        while (pg_support::alive(pid) || dir.exists()) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(
            !pg_support::alive(pid),
            "{mode}: postgres (pid {pid}) still runs after its test process ended"
        );
        assert!(!dir.exists(), "{mode}: {} was left behind", dir.display());
    }
}
