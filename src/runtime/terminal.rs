//! Owning the terminal: raw mode, alternate screen, mouse and bracketed paste on the way in, all of it undone
//! on the way out — on a normal exit, on an error and on a panic, so a counselor is never left with a
//! broken terminal.

use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether rumbo has the terminal set up (raw mode, alternate screen) and not yet restored it.
static ENTERED: AtomicBool = AtomicBool::new(false);

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped.
pub struct TerminalGuard {
    /// Never dropped: ratatui's `Terminal` only shows the cursor on drop, which `restore` does itself, and
    /// when the terminal is gone (window closed) it reports the failure with `eprintln!`, which panics
    /// because stderr is that closed terminal too. The few buffers it holds go with the process.
    pub terminal: ManuallyDrop<Term>,
}

impl TerminalGuard {
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        enable_raw_mode()?;
        ENTERED.store(true, Ordering::SeqCst);
        let setup = || {
            let mut stdout = io::stdout();
            // Cleared with the escape sequence, not `Terminal::clear`, which asks the terminal where the
            // cursor is and waits up to two seconds for an answer a terminal may never give.
            execute!(
                stdout,
                EnterAlternateScreen,
                Clear(ClearType::All),
                EnableMouseCapture,
                EnableBracketedPaste
            )?;
            let mut terminal = Terminal::new(CrosstermBackend::new(stdout))?;
            terminal.hide_cursor()?;
            Ok(terminal)
        };
        match setup() {
            Ok(terminal) => Ok(TerminalGuard { terminal: ManuallyDrop::new(terminal) }),
            Err(e) => {
                // Half set up: undo it all, or the shell is left in raw mode on the alternate screen.
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Best effort: each step is tried even if an earlier one failed (the terminal may already be gone).
/// Only once: after a panic the hook restores and prints the message, and the guard's drop comes later.
/// Leaving the alternate screen a second time would move the cursor back to where rumbo started, and what
/// the shell prints next would overwrite the panic message.
pub fn restore() {
    if !ENTERED.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, Show);
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
