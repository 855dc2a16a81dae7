//! The main loop: draws, blocks on the channel of events (input thread, signal thread), hands each to
//! `update` through the [`Runner`], and ends saving whatever way it ends.

use super::effects::Runner;
use super::events::{Incoming, spawn_input, spawn_signals};
use super::input::to_msgs;
use super::terminal::TerminalGuard;
use crate::app::{Model, Msg};
use crate::ui::regions::Regions;
use crate::ui::theme::Theme;
use crate::ui::view;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// After a signal, the end of input or a failed draw, events the input thread has already read (the last
/// words typed before the window closed) are still taken in, until none has come for this long…
const GRACE: Duration = Duration::from_millis(100);
/// …or for at most this long in all.
const GRACE_MAX: Duration = Duration::from_secs(1);

/// Most events queued behind the first taken in before drawing again.
const BATCH: usize = 256;

/// How often an idle loop checks that the terminal is still there. A closed terminal normally announces
/// itself with SIGHUP; when that never comes (SIGHUP blocked by whoever started rumbo), crossterm's reader
/// spins on the dead terminal without ever returning, and this check is what ends it. One `ioctl` every
/// few seconds: still no CPU to speak of.
const TERMINAL_CHECK: Duration = Duration::from_secs(2);

/// Why the loop stopped.
enum End {
    /// The user quit: everything is already saved.
    Quit,
    /// A signal, the end of input, or the terminal gone: save and leave.
    Shutdown,
}

/// The error `run_loop` returns after a panic in the loop (the session was saved first): known by its type.
#[derive(Debug, thiserror::Error)]
#[error("panic")]
pub struct Panicked;

/// What the loop keeps of the view: the theme it draws in, and where the last frame drew what takes clicks.
struct Shown {
    theme: Theme,
    regions: Regions,
}

/// Runs the app until the user quits, a signal arrives or the terminal goes away. Whichever way it ends,
/// what was typed is saved before it returns — including when drawing fails because the window was closed.
pub fn run_loop(mut model: Model, theme: Theme, mut runner: Runner) -> std::io::Result<()> {
    let mut shown = Shown { theme, regions: Regions::default() };
    let mut guard = TerminalGuard::enter()?;
    let (tx, rx) = mpsc::channel();
    spawn_signals(tx.clone())?;
    spawn_input(tx.clone())?;
    runner.answer_through(tx);
    let size = guard.terminal.size()?;
    model.size = (size.width, size.height);
    model.tz = jiff::tz::TimeZone::system();
    runner.start(&mut model);
    // A panic inside the loop must not lose the session: the panic hook has restored the terminal; here
    // the session is saved before rumbo ends with an error.
    let served = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        serve(&mut guard, &mut shown, &mut model, &mut runner, &rx)
    }));
    // A panic is told by its type (`app::Panicked` inside the error), never by an error's text.
    let panicked = served.is_err();
    let result = served.unwrap_or_else(|_| Err(std::io::Error::other(Panicked)));
    if !matches!(result, Ok(End::Quit)) {
        if !panicked {
            take_last_input(&mut model, &shown.regions, &mut runner, &rx);
        }
        runner.dispatch(&mut model, vec![Msg::Shutdown]);
    }
    // Office mode: the sends still queued get a few seconds; what is left stays in this desk's copies.
    runner.finish_office();
    let result = match result {
        // Drawing fails once the window is closed: that is how a session ends, not an error.
        Err(_) if terminal_gone() => Ok(()),
        other => other.map(|_| ()),
    };
    // Ending with text that never reached the disk (a signal while saves failed) is a failure, said so.
    if result.is_ok() && model.would_lose_text() {
        return Err(std::io::Error::other(unsaved_message(&model)));
    }
    result
}

fn unsaved_message(model: &Model) -> String {
    let open = model.workspace().and_then(|ws| match &ws.persistence {
        crate::app::Persistence::Failed(failure) => Some(failure),
        _ => None,
    });
    let left = model.unsaved.iter().filter(|u| u.copied_to.is_none());
    let count = usize::from(open.is_some()) + left.clone().count();
    let cause = open
        .or_else(|| left.filter_map(|u| u.failure.as_ref()).next())
        .map_or_else(String::new, |f| crate::ui::failure::save_cause(f, model.lang));
    crate::i18n::fill(model.lang.strings().exit_unsaved, &[("count", &count), ("cause", &cause)])
}

/// Whether the terminal has been closed (hung up): asking its size fails.
fn terminal_gone() -> bool {
    crossterm::terminal::window_size().is_err()
}

/// Draws, waits for the next event (or the save timer), hands it to `update`; until told to stop.
fn serve(
    guard: &mut TerminalGuard,
    shown: &mut Shown,
    model: &mut Model,
    runner: &mut Runner,
    rx: &Receiver<Incoming>,
) -> std::io::Result<End> {
    let mut stale = true;
    loop {
        if std::mem::take(&mut runner.wipe) {
            wipe(guard)?;
            shown.regions = Regions::default();
            stale = true;
        }
        if stale {
            shown.regions = draw(guard, &shown.theme, model)?;
            // Only the view knows how far the help can scroll: `update` learns it, and the frame is drawn
            // again if that moved the help (a resize that made it fit better).
            if let Some(msg) = shown.regions.follow_up(model) {
                runner.dispatch(model, vec![msg]);
                shown.regions = draw(guard, &shown.theme, model)?;
            }
        }
        let kiosk_at = kiosk_wake(model);
        // Never longer than TERMINAL_CHECK: a kiosk mid-visit has nothing to do until its countdown, minutes
        // away, and a terminal closed meanwhile (SIGHUP blocked) must still be noticed within seconds.
        let check_at = Instant::now() + TERMINAL_CHECK;
        let wake = [runner.save_at(), runner.journal_at(), kiosk_at, runner.office_retry_at()]
            .into_iter()
            .flatten()
            .fold(check_at, Instant::min);
        let waited = rx.recv_timeout(wake.saturating_duration_since(Instant::now()));
        stale = match waited {
            Ok(first) => {
                // What is already queued behind it (a burst of typing, a paste) goes in before the next frame.
                let mut stale = false;
                for incoming in std::iter::once(first).chain(rx.try_iter().take(BATCH)) {
                    let event = match incoming {
                        Incoming::Term(event) => event,
                        Incoming::Answer(msg) => {
                            runner.dispatch(model, vec![msg]);
                            stale = true;
                            if runner.wants_quit() {
                                return Ok(End::Quit);
                            }
                            continue;
                        }
                        Incoming::Office(answer) => {
                            runner.office_answered(model, answer);
                            stale = true;
                            if runner.wants_quit() {
                                return Ok(End::Quit);
                            }
                            continue;
                        }
                        Incoming::Interrupt if model.kiosk.is_some() => continue,
                        _ => return Ok(End::Shutdown),
                    };
                    #[cfg(debug_assertions)]
                    test_panic(&event);
                    // Each message with what it leads to before the next (Esc, then the key after it).
                    for msg in to_msgs(event, model, &shown.regions) {
                        runner.dispatch(model, vec![msg]);
                        stale = true;
                        if runner.wants_quit() {
                            return Ok(End::Quit);
                        }
                    }
                }
                stale
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(End::Shutdown),
            Err(RecvTimeoutError::Timeout) if kiosk_at.is_some_and(|at| at <= Instant::now()) => {
                runner.dispatch(model, vec![Msg::Tick]);
                true
            }
            // The save, journal and reconnect timers: handled below.
            Err(RecvTimeoutError::Timeout)
                if [runner.save_at(), runner.journal_at(), runner.office_retry_at()]
                    .into_iter()
                    .flatten()
                    .any(|at| at <= Instant::now()) =>
            {
                false
            }
            Err(RecvTimeoutError::Timeout) if terminal_gone() => {
                return Ok(End::Shutdown);
            }
            Err(RecvTimeoutError::Timeout) => false,
        };
        // Checked after events too, so typing that never pauses still gets saved on time.
        if runner.save_at().is_some_and(|at| at <= Instant::now()) {
            runner.save_now(model);
            stale = true;
        }
        // After the save: a save that just wrote everything leaves the journal nothing to do.
        if runner.journal_at().is_some_and(|at| at <= Instant::now()) {
            runner.journal_now(model);
            stale = true;
        }
        // Office mode without the server, the link in place (no office thread): try it again.
        if runner.office_retry_at().is_some_and(|at| at <= Instant::now()) {
            runner.reconnect_now(model);
            stale = true;
        }
        // A timer can end it too: a quit that waited for the unsaved sessions, once they are written.
        if runner.wants_quit() {
            return Ok(End::Quit);
        }
    }
}

/// Takes in, without drawing, the events already on their way when the loop was told to stop: a signal
/// can overtake the keys typed just before it, and a failed draw leaves the rest of them unread.
fn take_last_input(model: &mut Model, regions: &Regions, runner: &mut Runner, rx: &Receiver<Incoming>) {
    let limit = Instant::now() + GRACE_MAX;
    let mut until = Instant::now() + GRACE;
    while let Ok(incoming) = rx.recv_timeout(until.min(limit).saturating_duration_since(Instant::now())) {
        if let Incoming::Term(event) = incoming {
            for msg in to_msgs(event, model, regions) {
                runner.dispatch(model, vec![msg]);
                if runner.wants_quit() {
                    return;
                }
            }
            until = Instant::now() + GRACE;
        }
    }
}

/// When kiosk mode's idle clock needs the loop awake next (start of the countdown, each second of it).
fn kiosk_wake(model: &Model) -> Option<Instant> {
    let kiosk = model.kiosk.as_ref()?;
    let now = jiff::Timestamp::now();
    // A locked PIN prompt counts its minute down on screen, on any screen: wake each second for it.
    if kiosk.pin.is_some() && kiosk.locked(now).is_some() {
        return Some(Instant::now() + Duration::from_secs(1));
    }
    if matches!(model.screen, crate::app::Screen::Welcome) {
        return None;
    }
    let wait = now.duration_until(kiosk.next_wake(now));
    Some(Instant::now() + Duration::try_from(wait).unwrap_or(Duration::ZERO))
}

/// Clears the whole terminal, scroll-back included (`ESC [3J`), so nothing of a visitor can be scrolled to.
///
/// Not `Terminal::clear`: that asks the terminal where its cursor is and waits for the answer through
/// crossterm's event reader, which the input thread holds while it blocks reading — the wait timed out
/// after two seconds and the kiosk ended with an error at the end of every visit. A blank frame instead:
/// ratatui then knows the screen is empty, and the next frame is drawn whole.
fn wipe(guard: &mut TerminalGuard) -> std::io::Result<()> {
    guard.terminal.draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))?;
    use crossterm::terminal::{Clear, ClearType};
    crossterm::execute!(guard.terminal.backend_mut(), Clear(ClearType::All), Clear(ClearType::Purge))?;
    Ok(())
}

/// Debug builds only: `RUMBO_TEST_PANIC=1` makes F12 panic, so the end-to-end tests can check that a
/// panic restores the terminal and saves the session first. Release builds have no such key.
#[cfg(debug_assertions)]
fn test_panic(event: &crossterm::event::Event) {
    if let crossterm::event::Event::Key(key) = event
        && key.code == crossterm::event::KeyCode::F(12)
        && std::env::var_os("RUMBO_TEST_PANIC").is_some()
    {
        panic!("prueba: pánico pedido con F12");
    }
}

/// One frame, inside a synchronized update so the terminal shows it whole.
/// Returns the frame's region map.
fn draw(guard: &mut TerminalGuard, theme: &Theme, model: &Model) -> std::io::Result<Regions> {
    crossterm::queue!(guard.terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let mut regions = Regions::default();
    guard.terminal.draw(|frame| regions = view(model, theme, frame))?;
    crossterm::execute!(guard.terminal.backend_mut(), EndSynchronizedUpdate)?;
    Ok(regions)
}
