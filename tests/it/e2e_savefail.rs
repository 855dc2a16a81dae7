//! End-to-end tests of saves that fail, against the real binary in tmux: a data folder on a small tmpfs
//! that fills up (mounted inside a private mount namespace, `unshare -m`, so a failing test leaves no
//! mount behind; the test reaches it through `/proc/<pid>/root`), and a read-only data folder.
//!
//! They need root (to mount) and `unshare`; without them they print `SKIPPED: <why>`, or fail under
//! `RUMBO_NO_SKIP=1`. The read-only cases fall back to permission bits when not root.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // tests fail loudly by design

use crate::common::skip_or_fail;
use crate::e2e_tmux_support::{Env, Rumbo, wait_file_contains, wait_until};
use rumbo::session::{Session, SessionStore};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Once space is freed, the text is on disk within this long (retry every 5 s, plus the save).
const SAVED_AFTER_FREEING: Duration = Duration::from_secs(7);
const NOTE: &str = "nota escrita con el disco lleno 7391";

pub(super) fn is_root() -> bool {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .is_some_and(|u| u.split_whitespace().nth(1) == Some("0"))
}

/// Whether this machine lets the test mount a tmpfs in a private mount namespace; why not, if not.
pub(super) fn mount_namespaces() -> Result<(), String> {
    if !is_root() {
        return Err("mounting a tmpfs needs root".into());
    }
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new("unshare")
        .args(["-m", "sh", "-c", r#"mount -t tmpfs -o size=64k tmpfs "$1""#, "sh"])
        .arg(dir.path())
        .output();
    match out {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!("unshare -m + mount failed: {}", String::from_utf8_lossy(&out.stderr).trim())),
        Err(e) => Err(format!("unshare cannot be run: {e}")),
    }
}

/// A process left in rumbo's mount namespace (a `sleep` started before rumbo), so the tmpfs stays
/// reachable through `/proc/<pid>/root` even once rumbo has ended. Killed on drop.
pub(super) struct Keeper(u32);

impl Keeper {
    pub(super) fn find(rumbo: &Rumbo) -> Keeper {
        let pid = wait_until("the namespace keeper", || {
            fs::read_dir("/proc").ok()?.filter_map(Result::ok).find_map(|entry| {
                let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
                let status = fs::read_to_string(entry.path().join("status")).ok()?;
                let ppid =
                    status.lines().find_map(|l| l.strip_prefix("PPid:"))?.trim().parse::<u32>().ok()?;
                let comm = fs::read_to_string(entry.path().join("comm")).ok()?;
                (ppid == rumbo.pid && comm.trim() == "sleep").then_some(pid)
            })
        });
        Keeper(pid)
    }

    /// `path` as the processes in the namespace see it.
    pub(super) fn inside(&self, path: &Path) -> PathBuf {
        PathBuf::from(format!("/proc/{}/root", self.0)).join(path.strip_prefix("/").unwrap())
    }
}

impl Drop for Keeper {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg(self.0.to_string()).status();
    }
}

/// Writes into `dir` until the file system is full; the file that filled it.
pub(super) fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("relleno");
    let mut file = fs::File::create(&path).unwrap();
    let chunk = vec![0u8; 4096];
    loop {
        match file.write_all(&chunk) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::StorageFull => return path,
            Err(e) => panic!("filling {}: {e}", path.display()),
        }
    }
}

/// rumbo with its data folder on a 512 KiB tmpfs mounted in a private mount namespace, and the keeper
/// that holds that namespace.
pub(super) fn start_on_tmpfs(env: &Env) -> (Rumbo, Keeper) {
    // The keeper ignores SIGHUP: it must outlive rumbo, whose end hangs up its process group.
    let script = r#"mount -t tmpfs -o size=512k,mode=0700 tmpfs "$RUMBO_DATA_DIR" && { (trap "" HUP; exec sleep 600) & exec "$@"; }"#;
    let app = env.start_wrapped(&["unshare", "-m", "sh", "-c", script, "sh"]);
    let keeper = Keeper::find(&app);
    (app, keeper)
}

/// rumbo on a 512 KiB tmpfs in its own mount namespace, a session created, the tmpfs then filled, a
/// note typed, Esc, `q`: on the start screen with the session unsaved. `None` when it cannot run here.
fn left_on_a_full_tmpfs(env: &Env) -> Option<(Rumbo, Keeper, PathBuf, PathBuf)> {
    if let Err(why) = mount_namespaces() {
        skip_or_fail(&why);
        return None;
    }
    let (app, keeper) = start_on_tmpfs(env);
    let data = keeper.inside(&env.data());
    app.new_session("Ana", "");
    let session_file = wait_until("the session file", || {
        let files: Vec<PathBuf> = fs::read_dir(data.join("sessions"))
            .ok()?
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        (files.len() == 1).then(|| files[0].clone())
    });
    let filler = fill(&data);
    app.type_note(NOTE);
    app.escape();
    app.wait_for("sin guardar — disco lleno");
    app.keys(&["q"]);
    let screen = app.wait_screen("the start screen, the session marked", |s| {
        s.contains("n nueva") && s.contains("● sin guardar")
    });
    assert!(screen.lines().next().unwrap().contains("sin guardar — disco lleno"), "{screen}");
    assert!(!fs::read_to_string(&session_file).unwrap().contains(NOTE), "not on disk yet");
    Some((app, keeper, session_file, filler))
}

#[test]
fn a_full_disk_keeps_the_note_asks_before_quitting_and_saves_it_once_space_is_freed() {
    let Some(env) = Env::new() else { return };
    let Some((app, _keeper, session_file, filler)) = left_on_a_full_tmpfs(&env) else { return };
    // `q` again: the question, not an exit.
    app.keys(&["q"]);
    app.wait_for("Hay cambios sin guardar");
    assert!(app.is_running(), "q with text unsaved must not quit");
    // Space freed, no key pressed: the retry timer writes the note.
    let freed = Instant::now();
    fs::remove_file(&filler).unwrap();
    let took = wait_file_contains(&session_file, NOTE, freed);
    println!("on disk {took:?} after space was freed");
    assert!(took <= SAVED_AFTER_FREEING, "the note reached the disk {took:?} after space was freed");
    // The quit that was asked for goes ahead once nothing would be lost.
    assert_eq!(app.exit_status(), "0");
}

#[test]
fn ending_with_text_unsaved_exits_non_zero_and_says_so() {
    let Some(env) = Env::new() else { return };
    let Some((app, _keeper, session_file, _filler)) = left_on_a_full_tmpfs(&env) else { return };
    app.signal("TERM");
    assert_eq!(app.exit_status(), "1");
    let pane = app.screen_and_history();
    assert!(pane.contains("quedaron sin guardar (disco lleno)"), "{pane}");
    assert!(!fs::read_to_string(&session_file).unwrap().contains(NOTE));
}

/// A data folder rumbo cannot write: as root (who ignores permission bits) a read-only bind mount in
/// a private mount namespace; otherwise the folder's write bits removed (given back on drop, so the
/// temporary folder can be removed). The wrapper to start rumbo in.
fn read_only_data(env: &Env) -> Option<(Vec<&'static str>, Writable)> {
    if is_root() {
        if let Err(why) = mount_namespaces() {
            skip_or_fail(&why);
            return None;
        }
        let script = r#"mount --bind "$RUMBO_DATA_DIR" "$RUMBO_DATA_DIR" && mount -o remount,bind,ro "$RUMBO_DATA_DIR" && exec "$@""#;
        return Some((vec!["unshare", "-m", "sh", "-c", script, "sh"], Writable(Vec::new())));
    }
    let dirs = vec![env.data().join("sessions"), env.data()];
    for dir in &dirs {
        fs::create_dir_all(dir).unwrap();
        set_mode(dir, 0o500);
    }
    Some((Vec::new(), Writable(dirs)))
}

fn set_mode(dir: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(dir, fs::Permissions::from_mode(mode)).unwrap();
}

/// Folders whose write bits come back on drop.
struct Writable(Vec<PathBuf>);

impl Drop for Writable {
    fn drop(&mut self) {
        for dir in &self.0 {
            set_mode(dir, 0o700);
        }
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .flat_map(|e| {
            let path = e.unwrap().path();
            if path.is_dir() { files_under(&path) } else { vec![path] }
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_read_only_data_folder_opens_sessions_read_only_with_a_banner_and_writes_nothing() {
    let Some(env) = Env::new() else { return };
    let set = crate::keyflow_support::catalog().0;
    let mut session = Session::new("Ana", "", jiff::Timestamp::now(), &set).unwrap();
    session.notes = "lo de la semana pasada".into();
    SessionStore::open(&env.data()).unwrap().save(&session).unwrap();
    let before = files_under(&env.data());
    let Some((wrapper, _writable)) = read_only_data(&env) else { return };
    let app = env.start_wrapped(&wrapper);
    let screen = app.wait_for("solo lectura: la carpeta de datos no admite escritura");
    assert!(screen.contains("Ana"), "{screen}");
    app.keys(&["n"]);
    app.wait_for("La carpeta de datos es de solo lectura");
    app.keys(&["Enter"]);
    app.wait_screen("the session, read-only", |s| s.contains("rumbo · Ana") && s.contains("solo lectura"));
    app.keys(&["Tab", "Space"]);
    app.keys(&["q"]);
    app.wait_for("n nueva");
    app.keys(&["q"]);
    assert_eq!(app.exit_status(), "0");
    assert_eq!(files_under(&env.data()), before, "no lock file, journal, save or purge");
    assert_eq!(SessionStore::open(&env.data()).unwrap().load(&session.id).unwrap(), session);
}

#[test]
fn a_kiosk_refuses_to_start_on_a_read_only_data_folder_and_says_why() {
    let Some(env) = Env::new() else { return };
    let Some((wrapper, _writable)) = read_only_data(&env) else { return };
    let (program, args) = match wrapper.split_first() {
        Some((program, args)) => (program.to_string(), args.to_vec()),
        None => (env!("CARGO_BIN_EXE_rumbo").to_string(), Vec::new()),
    };
    let mut command = Command::new(program);
    command.args(args);
    if !wrapper.is_empty() {
        command.arg(env!("CARGO_BIN_EXE_rumbo"));
    }
    let out = command
        .arg("--kiosk")
        .env("RUMBO_DATA_DIR", env.data())
        .env("RUMBO_CONFIG_DIR", env.config())
        .env("LANG", "es_CO.UTF-8")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("es de solo lectura") && err.contains("el quiosco no arranca"), "{err}");
    assert!(err.contains(&env.data().display().to_string()), "{err}");
}
