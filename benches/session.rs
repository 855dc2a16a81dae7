//! Saving a session: a mark toggled (Space) and the save it schedules written at once, as the save
//! timer does, on the built-in catalog and on the ESCO-scale one (it should not grow with the
//! catalog). Each save is an atomic write with fsync, so the disk sets most of the time.
//! `cargo bench --bench session`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design
#[path = "esco/mod.rs"]
mod esco;

use crossterm::event::KeyCode;

fn main() {
    divan::main();
}

#[divan::bench(args = ["bpo", "esco"], sample_count = 50)]
fn toggle_mark_and_save(bencher: divan::Bencher, catalog: &str) {
    let scale = (catalog == "esco").then_some(esco::Scale::ESCO);
    let mut app = esco::App::start(scale, 120, 40);
    app.open_session();
    // Focus the functions pane, where Space marks the selected function.
    app.key(KeyCode::Tab);
    app.key(KeyCode::Tab);
    bencher.bench_local(|| {
        app.key(KeyCode::Char(' '));
        app.runner.save_now(&mut app.model);
    });
}
