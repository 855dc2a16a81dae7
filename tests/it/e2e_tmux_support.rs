//! Driving the real `rumbo` binary inside tmux: one private tmux server per test (its own socket, no
//! user configuration), a temporary data and config folder, the screen read with `capture-pane`.
//!
//! tmux is required. When it is missing the tests fail and say so: `.ci/run` installs it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // tests fail loudly by design

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// How long to wait for something to appear on screen or on disk before failing.
pub const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(25);

static SERVERS: AtomicUsize = AtomicUsize::new(0);

/// A temporary data folder and config folder, shared by every rumbo started from it.
pub struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    /// A fresh home for one test; `None` (after printing SKIPPED, or failing under `RUMBO_NO_SKIP=1`)
    /// where tmux is not installed.
    pub fn new() -> Option<Env> {
        if !tmux_installed() {
            crate::common::skip_or_fail(
                "tmux is not installed: the end-to-end tests run rumbo inside tmux (apt-get install tmux; \
                 .ci/run installs it)",
            );
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::create_dir_all(dir.path().join("config")).unwrap();
        Some(Env { dir })
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// rumbo at 80×24, in Spanish, in a fresh tmux server.
    pub fn start(&self) -> Rumbo {
        self.start_via(&[])
    }

    /// Like [`start`](Self::start), with `wrapper` (a command that ends by exec-ing its arguments)
    /// in front of rumbo; the pane's process must still end up being rumbo itself.
    pub fn start_via(&self, wrapper: &[&str]) -> Rumbo {
        if let Some(program) = wrapper.first() {
            let found = Command::new(program).arg("-v").output().is_ok_and(|o| o.status.success());
            assert!(found, "{program} is needed to start rumbo for this test and is not installed");
        }
        self.launch(&[], wrapper, Launch::Exec(&[]))
    }

    /// Like [`start_via`](Self::start_via), for a wrapper the caller has checked runs here (`unshare`
    /// has no `-v` to probe it with).
    pub fn start_wrapped(&self, wrapper: &[&str]) -> Rumbo {
        self.launch(&[], wrapper, Launch::Exec(&[]))
    }

    /// Like [`start`](Self::start), with `extra` variables (`NAME=value`) added to rumbo's environment and
    /// `args` after it (`kiosk set-pin`…).
    pub fn start_with(&self, extra: &[&str], args: &[&str]) -> Rumbo {
        self.launch(extra, &[], Launch::Exec(args))
    }

    /// [`start_with`](Self::start_with) and [`start_via`](Self::start_via) together: `extra` variables,
    /// `wrapper` in front of rumbo (`ip netns exec NAME`).
    pub fn start_with_via(&self, extra: &[&str], wrapper: &[&str]) -> Rumbo {
        self.launch(extra, wrapper, Launch::Exec(&[]))
    }

    /// `sh -c script` in the pane, `$RUMBO` naming the binary: rumbo runs as the shell's child, so what the
    /// shell does once it has ended (print its status, run `stty`) shows in the pane. [`Rumbo::pid`] is
    /// rumbo's, found among the shell's children once the script has started it.
    pub fn start_in_shell(&self, extra: &[&str], script: &str) -> Rumbo {
        self.launch(extra, &[], Launch::Shell(script))
    }

    /// rumbo with `extra` variables and `args`, in a terminal it is expected to leave at once (a refusal to
    /// start): what the pane showed once it ended (wrapped lines joined, scroll-back included), and how it ended
    /// ([`Rumbo::exit_status`]).
    pub fn run_briefly(&self, extra: &[&str], args: &[&str]) -> (String, String) {
        let mut rumbo = self.new_rumbo();
        let mut command = self.new_session_command(extra);
        command.push(env!("CARGO_BIN_EXE_rumbo").into());
        command.extend(args.iter().map(|s| s.to_string()));
        // In the same tmux command as the session: the pane is kept even if rumbo ends before a second
        // command could set the option.
        command.extend([";", "set-option", "-t", "e2e", "remain-on-exit", "on"].map(String::from));
        rumbo.tmux(&command.iter().map(String::as_str).collect::<Vec<_>>());
        let socket_path = rumbo.tmux(&["display-message", "-p", "#{socket_path}"]);
        rumbo.socket_path = Some(PathBuf::from(socket_path.trim()));
        // For `exit_status` to nudge the server if it missed rumbo's end.
        rumbo.pid =
            rumbo.tmux(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]).trim().parse().unwrap();
        let status = rumbo.exit_status();
        // With the scroll-back: tmux's note that the pane ended may have scrolled the top line away.
        (rumbo.tmux(&["capture-pane", "-p", "-J", "-S", "-1000", "-t", "e2e"]), status)
    }

    fn new_rumbo(&self) -> Rumbo {
        let n = SERVERS.fetch_add(1, Ordering::Relaxed);
        let socket = format!("rumbo-e2e-{}-{n}", std::process::id());
        Rumbo { socket, socket_path: None, pid: 0 }
    }

    /// `new-session` at 80×24 running `env -i` with the test's folders, Spanish, and `extra` variables.
    fn new_session_command(&self, extra: &[&str]) -> Vec<String> {
        let home = self.dir.path().to_str().unwrap();
        let mut command: Vec<String> =
            ["new-session", "-d", "-x", "80", "-y", "24", "-s", "e2e"].map(String::from).into();
        // `env -i`: nothing of the developer's environment (LC_ALL, RUMBO_*) reaches rumbo.
        command.extend([
            "env".into(),
            "-i".into(),
            format!("PATH={}", std::env::var("PATH").unwrap_or_default()),
            format!("HOME={home}"),
            format!("RUMBO_DATA_DIR={}", self.data().display()),
            format!("RUMBO_CONFIG_DIR={}", self.config().display()),
            "LANG=es_CO.UTF-8".into(),
            "TERM=xterm-256color".into(),
        ]);
        command.extend(extra.iter().map(|s| s.to_string()));
        command
    }

    fn launch(&self, extra: &[&str], wrapper: &[&str], launch: Launch) -> Rumbo {
        let mut rumbo = self.new_rumbo();
        let mut command = self.new_session_command(extra);
        let binary = env!("CARGO_BIN_EXE_rumbo");
        match launch {
            Launch::Exec(args) => {
                command.extend(wrapper.iter().map(|s| s.to_string()));
                command.push(binary.into());
                command.extend(args.iter().map(|s| s.to_string()));
            }
            Launch::Shell(script) => {
                command.extend([format!("RUMBO={binary}"), "sh".into(), "-c".into(), script.into()]);
            }
        }
        rumbo.tmux(&command.iter().map(String::as_str).collect::<Vec<_>>());
        let socket_path = rumbo.tmux(&["display-message", "-p", "#{socket_path}"]);
        rumbo.socket_path = Some(PathBuf::from(socket_path.trim()));
        // Keep the pane when rumbo exits, to read how it exited.
        rumbo.tmux(&["set-option", "-t", "e2e", "remain-on-exit", "on"]);
        rumbo.pid =
            rumbo.tmux(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]).trim().parse().unwrap();
        match launch {
            Launch::Exec(_) => rumbo.wait_for_exec(),
            Launch::Shell(_) => rumbo.pid = rumbo.wait_for_child(),
        }
        rumbo
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    /// The temporary folder everything of this test is in (data, config, exports).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The session files (`*.ron`) in the data folder.
    pub fn session_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.data().join("sessions")) else { return Vec::new() };
        let mut files: Vec<PathBuf> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        files.sort();
        files
    }

    /// The only session file, once it exists.
    pub fn session_file(&self) -> PathBuf {
        wait_until("a session file", || (self.session_files().len() == 1).then(|| self.session_files()))
            .remove(0)
    }
}

#[derive(Clone, Copy)]
enum Launch<'a> {
    /// The pane's process becomes rumbo (with these arguments).
    Exec(&'a [&'a str]),
    /// `sh -c` this script, which starts rumbo as a child.
    Shell(&'a str),
}

fn tmux_installed() -> bool {
    Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success())
}

/// One rumbo running in its own tmux server. Dropping it kills the server.
pub struct Rumbo {
    socket: String,
    /// The server's socket file, which tmux leaves behind when it exits.
    socket_path: Option<PathBuf>,
    pub pid: u32,
}

impl Rumbo {
    /// From the start screen: `n`, alias, counselor (if any), consent, Enter — into the workspace, saved.
    pub fn new_session(&self, alias: &str, counselor: &str) {
        self.wait_for("n nueva");
        self.keys(&["n"]);
        self.wait_for("Nueva sesión");
        self.type_text(alias);
        self.keys(&["Tab"]);
        if !counselor.is_empty() {
            self.type_text(counselor);
        }
        self.keys(&["Tab", "Space"]);
        self.wait_for("[x] Acepto que se guarde la sesión");
        self.keys(&["Enter"]);
        self.wait_screen("the workspace, saved", |s| {
            s.contains(&format!("rumbo · {alias}")) && s.contains("guardado")
        });
    }

    /// Runs a tmux command against this test's server; panics with tmux's message if it fails.
    pub fn tmux(&self, args: &[&str]) -> String {
        let out = self.try_tmux(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn try_tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .env("LANG", "C.UTF-8")
            .env_remove("TMUX")
            .output()
            .expect("tmux could not be run")
    }

    /// The pane's process starts as `env`, which exec-s rumbo with the same pid.
    fn wait_for_exec(&self) {
        let binary = std::fs::canonicalize(env!("CARGO_BIN_EXE_rumbo")).unwrap();
        let exe = format!("/proc/{}/exe", self.pid);
        wait_until("the pane's process to be rumbo", || {
            std::fs::read_link(&exe).ok().filter(|p| *p == binary)
        });
    }

    /// The child of the pane's process (a shell) that is rumbo, once the shell has started it.
    fn wait_for_child(&self) -> u32 {
        let binary = std::fs::canonicalize(env!("CARGO_BIN_EXE_rumbo")).unwrap();
        let shell = self.pid;
        wait_until("the shell to start rumbo", || {
            std::fs::read_dir("/proc").ok()?.filter_map(Result::ok).find_map(|entry| {
                let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
                let exe = std::fs::read_link(entry.path().join("exe")).ok()?;
                (exe == binary && parent(pid) == Some(shell)).then_some(pid)
            })
        })
    }

    /// The pane with wrapped lines joined, so a long line reads as one.
    pub fn screen_joined(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-J", "-t", "e2e"])
    }

    /// The visible screen and up to 1000 lines of scroll-back above it.
    pub fn screen_and_history(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-S", "-1000", "-t", "e2e"])
    }

    /// While rumbo is on the alternate screen: the normal screen under it, and its scroll-back.
    pub fn screen_under(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-a", "-S", "-1000", "-t", "e2e"])
    }

    /// A pane variable (`#{alternate_on}`…).
    pub fn pane_var(&self, name: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "e2e", &format!("#{{{name}}}")]).trim().to_string()
    }

    /// Raw bytes, in hex (`03`, `1a`…), as the terminal would send them.
    pub fn send_hex(&self, bytes: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e", "-H"];
        args.extend(bytes);
        self.tmux(&args);
    }

    /// Closes the terminal as [`close_terminal`](Self::close_terminal) does, and says how rumbo ended (as
    /// [`exit_status`](Self::exit_status) does) and how long after. tmux forgets a pane's status with its
    /// session, so the tmux server is stopped (SIGSTOP) the moment the terminal is closed: it cannot reap
    /// rumbo, whose wait status then stays in `/proc/<pid>/stat` (field 52) until the server continues.
    /// Only for a rumbo that is the pane's own process (its parent is the server).
    pub fn close_terminal_and_status(&self, limit: Duration) -> (String, Duration) {
        let server: u32 = self.tmux(&["display-message", "-p", "#{pid}"]).trim().parse().unwrap();
        assert_eq!(parent(self.pid), Some(server), "rumbo is not the pane's process");
        // The server stays up with no session left, to be stopped and continued.
        self.tmux(&["set-option", "-g", "exit-empty", "off"]);
        self.close_terminal();
        let start = Instant::now();
        let signal = |name: &str| {
            let status = Command::new("kill").args([name, &server.to_string()]).status().unwrap();
            assert!(status.success(), "kill {name} {server} failed");
        };
        signal("-STOP");
        let ended = loop {
            match stat_fields(self.pid) {
                Some(f) if f[0] == "Z" => break Ok(f.get(49).and_then(|w| w.parse::<i32>().ok())),
                Some(_) if start.elapsed() < limit => sleep(Duration::from_millis(5)),
                Some(_) => break Err(format!("rumbo still running {limit:?} after the terminal closed")),
                None => break Err("rumbo was gone before its status could be read".to_string()),
            }
        };
        let took = start.elapsed();
        let threads = self.threads();
        signal("-CONT");
        let status = match ended {
            Ok(Some(w)) if w & 0x7f == 0 => ((w >> 8) & 0xff).to_string(),
            Ok(Some(w)) => format!("signal {}", w & 0x7f),
            Ok(None) => panic!("this kernel does not show exit codes in /proc/<pid>/stat"),
            Err(e) => panic!("{e} (threads {threads:?})"),
        };
        (status, took)
    }

    /// What the pane shows now, one line per row.
    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Waits until the screen contains `text`; returns that screen.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_screen(&format!("«{text}» on screen"), |s| s.contains(text))
    }

    /// Waits until `ok` holds for the screen; on timeout fails showing the last screen.
    pub fn wait_screen(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_screen_within(TIMEOUT, what, ok)
    }

    /// [`wait_screen`](Self::wait_screen) for something that takes longer (a retry timer, a server).
    pub fn wait_screen_within(&self, limit: Duration, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(start.elapsed() < limit, "timed out waiting for {what}; the screen:\n{screen}");
            sleep(POLL);
        }
    }

    /// Named keys (`Tab`, `Down`, `Enter`, `Space`, `q`…), each sent as a key press.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend(keys);
        self.tmux(&args);
    }

    /// Text typed literally.
    pub fn type_text(&self, text: &str) {
        assert!(!text.ends_with(';'), "tmux takes a trailing ; as the end of its command, not as a key");
        self.tmux(&["send-keys", "-t", "e2e", "-l", text]);
    }

    /// Escape on its own: the caller waits for its effect before the next key, or the terminal would
    /// read Esc and that key together as Alt+key.
    /// Opens the session notes and types `text`; returns once it is on screen (long before the
    /// debounced save).
    pub fn type_note(&self, text: &str) {
        self.keys(&["n"]);
        self.wait_for("De la sesión");
        self.type_text(text);
        self.wait_for(text);
    }

    pub fn escape(&self) {
        self.keys(&["Escape"]);
    }

    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.tmux(&["resize-window", "-t", "e2e", "-x", &w, "-y", &h]);
    }

    /// Closes the terminal, as closing the window does: the pane's pty goes away and rumbo gets SIGHUP.
    pub fn close_terminal(&self) {
        self.tmux(&["kill-session", "-t", "e2e"]);
    }

    pub fn signal(&self, name: &str) {
        let status =
            Command::new("kill").args([&format!("-{name}"), &self.pid.to_string()]).status().unwrap();
        assert!(status.success(), "kill -{name} {} failed", self.pid);
    }

    /// CPU time used so far (user + system, all threads), in clock ticks.
    pub fn cpu_ticks(&self) -> u64 {
        let fields = stat_fields(self.pid).expect("rumbo is not running");
        // After the command name: state is field 3, utime 14, stime 15 (proc(5)).
        fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
    }

    /// CPU ticks used over `period` by rumbo while nothing is sent to it.
    pub fn idle_ticks(&self, period: Duration) -> u64 {
        let before = self.cpu_ticks();
        sleep(period);
        self.cpu_ticks() - before
    }

    /// Bytes rumbo has read so far, from the terminal and from files (`rchar` in `/proc/<pid>/io`).
    pub fn bytes_read(&self) -> u64 {
        let io = std::fs::read_to_string(format!("/proc/{}/io", self.pid)).expect("rumbo is not running");
        let line = io.lines().find_map(|l| l.strip_prefix("rchar:")).unwrap();
        line.trim().parse().unwrap()
    }

    /// Types `text` and closes the terminal the moment rumbo has read it from the terminal — while it is
    /// still taking the keys in, long before the debounced save.
    pub fn type_and_close(&self, text: &str) {
        let before = self.bytes_read();
        self.type_text(text);
        let len = u64::try_from(text.len()).unwrap();
        wait_until("rumbo to read what was typed", || (self.bytes_read() >= before + len).then_some(()));
        self.close_terminal();
    }

    /// Each thread's name, state and kernel wait channel, to say where a rumbo that will not end is stuck.
    pub fn threads(&self) -> Vec<String> {
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{}/task", self.pid)) else { return Vec::new() };
        tasks
            .filter_map(Result::ok)
            .map(|t| {
                let read = |f: &str| std::fs::read_to_string(t.path().join(f)).unwrap_or_default();
                let state = read("stat")
                    .rsplit(')')
                    .next()
                    .unwrap_or_default()
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string();
                format!(
                    "{} {} {} {}",
                    t.file_name().to_string_lossy(),
                    read("comm").trim(),
                    state,
                    read("wchan")
                )
            })
            .collect()
    }

    pub fn is_running(&self) -> bool {
        stat_fields(self.pid).is_some_and(|f| !matches!(f[0].as_str(), "Z" | "X"))
    }

    /// Waits for rumbo to end; how long it took.
    pub fn wait_exit(&self, limit: Duration) -> Duration {
        let start = Instant::now();
        while self.is_running() {
            assert!(start.elapsed() < limit, "rumbo (pid {}) still running after {limit:?}", self.pid);
            sleep(Duration::from_millis(10));
        }
        start.elapsed()
    }

    /// With the session still there (`remain-on-exit`): how rumbo ended once its pane is dead — its exit
    /// status, or `signal N` if a signal killed it.
    pub fn exit_status(&self) -> String {
        let start = Instant::now();
        loop {
            let format = "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}";
            let out = self.tmux(&["display-message", "-p", "-t", "e2e", format]);
            let fields: Vec<&str> = out.trim().split('|').collect();
            match fields.as_slice() {
                ["1", status, ""] if !status.is_empty() => return (*status).to_string(),
                ["1", _, signal] if !signal.is_empty() => return format!("signal {signal}"),
                _ => {}
            }
            // The pane is dead when its terminal closes; the status comes once tmux has reaped rumbo. Under
            // load the tmux server sometimes misses the SIGCHLD and leaves rumbo a zombie for good: repeat it.
            if !self.is_running()
                && let Some(server) = parent(self.pid)
            {
                let _ = Command::new("kill").args(["-CHLD", &server.to_string()]).status();
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "rumbo did not exit (tmux says {out:?}; threads {:?}); the screen:\n{}",
                self.threads(),
                self.screen()
            );
            sleep(Duration::from_millis(100));
        }
    }
}

/// The parent of `pid`, while `pid` exists.
fn parent(pid: u32) -> Option<u32> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find_map(|l| l.strip_prefix("PPid:")).and_then(|p| p.trim().parse().ok())
}

impl Drop for Rumbo {
    /// Kills the tmux server, which closes rumbo's terminal. A rumbo that does not end from that (the bug
    /// some of these tests look for) is killed outright, so a failed test leaves nothing spinning.
    fn drop(&mut self) {
        let _ = self.try_tmux(&["kill-server"]);
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
        let start = Instant::now();
        while self.pid != 0 && self.is_running() {
            if start.elapsed() > Duration::from_secs(3) {
                let _ = Command::new("kill").args(["-KILL", &self.pid.to_string()]).status();
                return;
            }
            sleep(POLL);
        }
    }
}

/// The fields of `/proc/<pid>/stat` after the command name, or `None` once the process is gone.
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    Some(rest.split_whitespace().map(str::to_string).collect())
}

/// Polls `f` until it gives a value; fails after [`TIMEOUT`].
pub fn wait_until<T>(what: &str, f: impl FnMut() -> Option<T>) -> T {
    wait_until_within(TIMEOUT, what, f)
}

/// [`wait_until`] with a limit of the caller's.
pub fn wait_until_within<T>(limit: Duration, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = f() {
            return value;
        }
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        sleep(POLL);
    }
}

/// Waits until `path` contains `text`; how long that took from `since`.
pub fn wait_file_contains(path: &Path, text: &str, since: Instant) -> Duration {
    wait_until(&format!("{} to contain «{text}»", path.display()), || {
        std::fs::read_to_string(path).ok().filter(|s| s.contains(text)).map(|_| since.elapsed())
    })
}
