//! Everything that can wake the main loop arrives on one channel: terminal input from a dedicated reader
//! thread, and SIGHUP/SIGTERM/SIGINT from a signal thread. The loop blocks on the channel, so an idle rumbo
//! uses no CPU.
//!
//! On Unix, once the terminal is closed crossterm's `read` (like its `poll`) never returns: it spins
//! reading end-of-file. So a closed window is noticed through SIGHUP, or failing that through the main
//! loop's periodic terminal check (see `effects`); the reader thread dies with the process.

use crossterm::event::Event as TermEvent;
use std::sync::mpsc::Sender;
use std::thread;

#[derive(Debug)]
pub enum Incoming {
    Term(TermEvent),
    /// The terminal is gone (read failed; on Unix crossterm spins instead): save and leave.
    InputClosed,
    /// SIGHUP (the window was closed), SIGTERM or SIGINT: save and leave.
    Signal(i32),
    /// SIGINT: ends a counselor's rumbo like SIGTERM, but not a kiosk's (only the PIN does).
    Interrupt,
    /// The answer of an effect carried out on a worker thread (see `Runner::answer_through`).
    Answer(crate::app::Msg),
    /// What the office thread says (see `Runner::office_answered`).
    Office(super::office_thread::OfficeAnswer),
}

/// Starts the input reader. It ends by itself when reading fails or the main loop has gone.
pub fn spawn_input(tx: Sender<Incoming>) -> std::io::Result<()> {
    let mut key_log = KeyLog::from_env();
    thread::Builder::new().name("input".into()).spawn(move || {
        loop {
            let incoming = match crossterm::event::read() {
                Ok(event) => Incoming::Term(event),
                Err(_) => Incoming::InputClosed,
            };
            if let (Some(log), Incoming::Term(TermEvent::Key(key))) = (&mut key_log, &incoming) {
                log.received(key);
            }
            let closed = matches!(incoming, Incoming::InputClosed);
            if tx.send(incoming).is_err() || closed {
                return;
            }
        }
    })?;
    Ok(())
}

/// `RUMBO_KEY_LOG=<file>`: one line per key read, "<microseconds since the Unix epoch> <key>", appended
/// as it arrives (one unbuffered write, so it survives a kill). For the crash bench (`benches/crash.rs`),
/// which compares these times with the moment it killed rumbo; the bench and rumbo share the machine's
/// clock. Off unless the variable is set; an unwritable file just means no log.
struct KeyLog(std::fs::File);

impl KeyLog {
    fn from_env() -> Option<KeyLog> {
        let path = std::env::var_os("RUMBO_KEY_LOG")?;
        let file = std::fs::OpenOptions::new().create(true).append(true).open(path).ok()?;
        Some(KeyLog(file))
    }

    fn received(&mut self, key: &crossterm::event::KeyEvent) {
        let micros =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_micros());
        let line = format!("{micros} {:?}\n", key.code);
        // Losing a line of a bench's log is no reason to stop reading keys.
        let _ = std::io::Write::write_all(&mut self.0, line.as_bytes());
    }
}

/// Starts the signal thread for the signals that end a session. Only the first one matters.
#[cfg(unix)]
pub fn spawn_signals(tx: Sender<Incoming>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    thread::Builder::new().name("signals".into()).spawn(move || {
        for signal in signals.forever() {
            let incoming = if signal == SIGINT { Incoming::Interrupt } else { Incoming::Signal(signal) };
            if tx.send(incoming).is_err() {
                return;
            }
        }
    })?;
    Ok(())
}

/// Windows has no SIGHUP/SIGTERM; closing the console window ends input, which is handled as `InputClosed`.
#[cfg(not(unix))]
pub fn spawn_signals(_tx: Sender<Incoming>) -> std::io::Result<()> {
    Ok(())
}
