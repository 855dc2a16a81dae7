//! Crash bench: the release `rumbo` in tmux, a note typed into one key at a time, SIGKILL at a random
//! moment while the keys are still coming — `RUNS` times on the same session. rumbo logs when it read each
//! key (`RUMBO_KEY_LOG`); after each kill the session is read back as the next rumbo will (file plus
//! journal) and every key rumbo had read but lost is aged: kill time minus the time rumbo read it. Prints
//! the oldest loss of each run and of all runs (the goal: nothing older than 200 ms), and fails if a
//! recovered note is not exactly what was typed before it (a corrupt or reordered replay).
//! With `--long-note` the note starts 60,000 characters long (the limit is 64,000), so every save and
//! append happens against a note near the limit.
//! `cargo bench --bench crash [-- RUNS] [--long-note]` (needs tmux).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // a bench fails loudly

use rumbo::session::SessionStore;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::sleep;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const RUNS: usize = 40;
const GOAL: Duration = Duration::from_millis(200);
const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";

fn main() {
    let runs = std::env::args().filter_map(|a| a.parse().ok()).next().unwrap_or(RUNS);
    let long_note = std::env::args().any(|a| a == "--long-note");
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let mut rng = Rng((u64::from(std::process::id()) ^ now_micros() as u64) | 1);
    let socket = format!("rumbo-crash-{}", std::process::id());
    let tmux = |args: &[&str]| -> String {
        let out = Command::new("tmux").args(["-f", "/dev/null", "-L", &socket]).args(args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let mut typed_so_far = String::new();
    let mut worst = Duration::ZERO;
    let mut losses = Vec::new();
    for run in 0..runs {
        let key_log = home.path().join(format!("keys-{run}.log"));
        start(&tmux, home.path(), &key_log);
        let pid: u32 = tmux(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]).trim().parse().unwrap();
        wait_screen(&tmux, "n nueva");
        if run == 0 {
            for keys in [&["n"][..], &["-l", "Bench"], &["Tab", "Tab", "Space", "Enter"]] {
                send(&tmux, keys);
                sleep(Duration::from_millis(150));
            }
            wait_screen(&tmux, "rumbo · Bench");
        } else {
            send(&tmux, &["Enter"]);
            wait_screen(&tmux, "rumbo · Bench");
        }
        send(&tmux, &["n"]);
        wait_screen(&tmux, "De la sesión");
        if run == 0 && long_note {
            let note: String = "texto largo de una nota ñandú\n".chars().cycle().take(60_000).collect();
            let file = home.path().join("note.txt");
            std::fs::write(&file, &note).unwrap();
            tmux(&["load-buffer", file.to_str().unwrap()]);
            tmux(&["paste-buffer", "-p", "-t", "e2e"]);
            let store = SessionStore::open(&data).unwrap();
            let start = Instant::now();
            while store.load(&session_id(&data)).unwrap().notes != note {
                assert!(start.elapsed() < Duration::from_secs(10), "the long note was never saved");
                sleep(Duration::from_millis(20));
            }
            typed_so_far = note;
        }
        let logged_before = read_log(&key_log).len();

        // Keys one at a time, gaps of 0–40 ms and now and then a pause long enough for a full save.
        let stop = Arc::new(AtomicBool::new(false));
        let sent = Arc::new(Mutex::new(String::new()));
        let sender = {
            let (stop, sent, socket) = (stop.clone(), sent.clone(), socket.clone());
            let mut rng = Rng(rng.next() | 1);
            std::thread::spawn(move || {
                let mut i = 0;
                while !stop.load(Ordering::SeqCst) {
                    let c = ALPHABET[i % ALPHABET.len()] as char;
                    i += 1;
                    let key = c.to_string();
                    Command::new("tmux")
                        .args(["-f", "/dev/null", "-L", &socket, "send-keys", "-t", "e2e", "-l", &key])
                        .output()
                        .unwrap();
                    sent.lock().unwrap().push(c);
                    let pause = if rng.below(10) == 0 { 300 + rng.below(900) } else { rng.below(40) };
                    sleep(Duration::from_millis(pause));
                }
            })
        };
        sleep(Duration::from_millis(100 + rng.below(2400)));
        let killed_at = now_micros();
        Command::new("kill").args(["-KILL", &pid.to_string()]).status().unwrap();
        stop.store(true, Ordering::SeqCst);
        sender.join().unwrap();
        wait_gone(pid);
        tmux(&["kill-server"]);

        let received: Vec<u128> = read_log(&key_log)[logged_before..].to_vec();
        let id = session_id(&data);
        let notes = SessionStore::open(&data).unwrap().load(&id).unwrap().notes;
        let sent = sent.lock().unwrap().clone();
        let Some(kept) = notes.strip_prefix(typed_so_far.as_str()) else {
            panic!("run {run}: the note lost text typed in an earlier run:\n{notes:?}");
        };
        assert!(sent.starts_with(kept), "run {run}: recovered {kept:?}, typed {sent:?}");
        let k = kept.chars().count();
        let oldest = received.get(k).map(|&at| Duration::from_micros((killed_at - at) as u64));
        let age = oldest.unwrap_or(Duration::ZERO);
        worst = worst.max(age);
        losses.push(age);
        println!(
            "run {run:>2}: {} keys read, {} recovered, {} lost; oldest loss {}",
            received.len(),
            k,
            received.len().saturating_sub(k),
            oldest.map_or("—".to_string(), |d| format!("{:.0} ms", ms(d)))
        );
        typed_so_far = notes;
    }
    losses.sort_unstable();
    let p = |q: usize| losses[(losses.len() * q / 100).min(losses.len() - 1)];
    let note = if long_note { ", note of 60,000+ characters" } else { "" };
    println!(
        "{runs} SIGKILLs{note}: oldest loss per run p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms (goal: none over {} ms) — {}",
        ms(p(50)),
        ms(p(95)),
        ms(worst),
        GOAL.as_millis(),
        if worst <= GOAL { "met" } else { "NOT met" }
    );
}

/// rumbo in a fresh tmux server, 80×24, its folders under `home`, logging the keys it reads.
fn start(tmux: &impl Fn(&[&str]) -> String, home: &Path, key_log: &Path) {
    let path = std::env::var("PATH").unwrap_or_default();
    let vars = [
        format!("PATH={path}"),
        format!("HOME={}", home.display()),
        format!("RUMBO_DATA_DIR={}", home.join("data").display()),
        format!("RUMBO_CONFIG_DIR={}", home.join("config").display()),
        format!("RUMBO_KEY_LOG={}", key_log.display()),
        "LANG=es_CO.UTF-8".into(),
        "TERM=xterm-256color".into(),
    ];
    let mut args: Vec<&str> = vec!["new-session", "-d", "-x", "80", "-y", "24", "-s", "e2e", "env", "-i"];
    args.extend(vars.iter().map(String::as_str));
    args.push(env!("CARGO_BIN_EXE_rumbo"));
    tmux(&args);
}

fn send(tmux: &impl Fn(&[&str]) -> String, keys: &[&str]) {
    let mut args = vec!["send-keys", "-t", "e2e"];
    args.extend(keys);
    tmux(&args);
}

fn wait_screen(tmux: &impl Fn(&[&str]) -> String, text: &str) {
    let start = Instant::now();
    while !tmux(&["capture-pane", "-p", "-t", "e2e"]).contains(text) {
        assert!(start.elapsed() < Duration::from_secs(10), "«{text}» never showed");
        sleep(Duration::from_millis(20));
    }
}

fn wait_gone(pid: u32) {
    let stat = format!("/proc/{pid}/stat");
    while std::fs::read_to_string(&stat).is_ok_and(|s| !s.contains(") Z ")) {
        sleep(Duration::from_millis(5));
    }
}

/// The times (µs since the epoch) of the typed keys rumbo logged, in order.
fn read_log(path: &Path) -> Vec<u128> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines().filter(|l| l.contains("Char(")).filter_map(|l| l.split(' ').next()?.parse().ok()).collect()
}

fn session_id(data: &Path) -> String {
    let entries = std::fs::read_dir(data.join("sessions")).unwrap();
    let name = entries
        .filter_map(|e| e.unwrap().file_name().into_string().ok())
        .find(|n| n.ends_with(".ron"))
        .expect("the session file");
    name.trim_end_matches(".ron").to_string()
}

fn now_micros() -> u128 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_micros()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// xorshift: random enough for kill moments, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
