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
}

/// Starts the input reader. It ends by itself when reading fails or the main loop has gone.
pub fn spawn_input(tx: Sender<Incoming>) -> std::io::Result<()> {
    thread::Builder::new().name("input".into()).spawn(move || {
        loop {
            let incoming = match crossterm::event::read() {
                Ok(event) => Incoming::Term(event),
                Err(_) => Incoming::InputClosed,
            };
            let closed = matches!(incoming, Incoming::InputClosed);
            if tx.send(incoming).is_err() || closed {
                return;
            }
        }
    })?;
    Ok(())
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
