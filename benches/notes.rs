//! Notes at the 64,000-character limit: a key typed into the editor, from the key to the frame that
//! shows it (update, the text copied into the session, drawing the whole screen with the editor open),
//! and the journal append the runtime makes 50 ms later. A guard for later work on the editor: the
//! target is p95 ≤ 16 ms per key. The note is either many short lines or one single line.
//! `cargo bench --bench notes`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design
#[path = "esco/mod.rs"]
mod esco;

use crossterm::event::KeyCode;
use rumbo::app::Msg;
use rumbo::session::NOTE_MAX_CHARS;
use std::time::{Duration, Instant};

fn main() {
    percentiles();
    divan::main();
}

/// p50/p95/max of single keystrokes (key to frame), which divan's summary does not give; update and
/// drawing also apart.
fn percentiles() {
    for shape in ["lines", "one-line"] {
        let mut app = app_with_note(shape);
        let (mut whole, mut update, mut draw) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..KEYS {
            let code = if i % 2 == 0 { KeyCode::Char('x') } else { KeyCode::Backspace };
            let start = Instant::now();
            app.key(code);
            let updated = start.elapsed();
            app.draw();
            whole.push(start.elapsed());
            update.push(updated);
            draw.push(start.elapsed() - updated);
        }
        let show = |mut t: Vec<Duration>| {
            t.sort_unstable();
            let at = |p: usize| t[(t.len() * p / 100).min(t.len() - 1)].as_secs_f64() * 1e3;
            format!("p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms", at(50), at(95), at(100))
        };
        println!("{shape}: {KEYS} keys at the limit, key to frame: {}", show(whole));
        println!("  update {} · draw {}", show(update), show(draw));
    }
}

const KEYS: usize = 400;

/// A session open on the built-in catalog, its notes editor holding a note one character short of
/// the limit, the cursor in the middle of it.
fn app_with_note(shape: &str) -> esco::App {
    let mut app = esco::App::start(None, 120, 40);
    app.open_session();
    app.key(KeyCode::Char('n'));
    let line = if shape == "lines" {
        "una nota con ñandú y 🦆 en líneas cortas\n"
    } else {
        "sin saltos ñandú 🦆 "
    };
    let text: String = line.chars().cycle().take(NOTE_MAX_CHARS - 1).collect();
    app.runner.dispatch(&mut app.model, vec![Msg::Paste(text)]);
    app.runner.save_now(&mut app.model);
    for _ in 0..20 {
        app.key(KeyCode::Up);
    }
    app.draw();
    app
}

/// One key typed and one deleted (so the note stays at the limit), each drawn: two keystrokes.
#[divan::bench(args = ["lines", "one-line"], sample_count = 200)]
fn keystroke_to_frame(bencher: divan::Bencher, shape: &str) {
    let mut app = app_with_note(shape);
    bencher.bench_local(|| {
        app.key(KeyCode::Char('x'));
        app.draw();
        app.key(KeyCode::Backspace);
        app.draw();
    });
}

/// A key typed into the full note, then the journal append it schedules.
#[divan::bench(args = ["lines", "one-line"], sample_count = 200)]
fn keystroke_and_journal(bencher: divan::Bencher, shape: &str) {
    let mut app = app_with_note(shape);
    bencher.bench_local(|| {
        app.key(KeyCode::Char('x'));
        app.runner.journal_now(&mut app.model);
        app.key(KeyCode::Backspace);
        app.runner.journal_now(&mut app.model);
    });
}

/// The full save of a session whose note is at the limit (atomic write with fsync).
#[divan::bench(args = ["lines", "one-line"], sample_count = 30)]
fn save_full_note(bencher: divan::Bencher, shape: &str) {
    let mut app = app_with_note(shape);
    bencher.bench_local(|| {
        app.key(KeyCode::Char('x'));
        app.runner.save_now(&mut app.model);
        app.key(KeyCode::Backspace);
        app.runner.save_now(&mut app.model);
    });
}
