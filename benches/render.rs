//! Drawing: a whole frame of each main screen, and a key that moves the cursor with the frame it
//! causes, on the built-in catalog and on the ESCO-scale one (none of it should grow with the
//! catalog). 120 × 40 cells on `TestBackend`. `cargo bench --bench render`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design
#[path = "esco/mod.rs"]
mod esco;

use crossterm::event::KeyCode;

fn main() {
    divan::main();
}

const CATALOGS: [&str; 2] = ["bpo", "esco"];

fn app(catalog: &str) -> esco::App {
    let scale = (catalog == "esco").then_some(esco::Scale::ESCO);
    let mut app = esco::App::start(scale, 120, 40);
    app.open_session();
    app
}

/// The workspace as it first shows: sectors, occupations, functions, programs.
#[divan::bench(args = CATALOGS)]
fn workspace(bencher: divan::Bencher, catalog: &str) {
    let mut app = app(catalog);
    bencher.bench_local(|| app.draw());
}

/// The search popup showing the results of "mantenimiento".
#[divan::bench(args = CATALOGS)]
fn search_popup(bencher: divan::Bencher, catalog: &str) {
    let mut app = app(catalog);
    app.key(KeyCode::Char('/'));
    app.type_text("mantenimiento");
    bencher.bench_local(|| app.draw());
}

/// The gap popup (`g`) of the selected occupation.
#[divan::bench(args = CATALOGS)]
fn gap_popup(bencher: divan::Bencher, catalog: &str) {
    let mut app = app(catalog);
    app.key(KeyCode::Tab);
    app.key(KeyCode::Char('g'));
    bencher.bench_local(|| app.draw());
}

/// Down in the occupations pane, and the frame that shows it (alternating with Up).
#[divan::bench(args = CATALOGS)]
fn cursor_key_and_frame(bencher: divan::Bencher, catalog: &str) {
    let mut app = app(catalog);
    app.key(KeyCode::Tab);
    let mut down = true;
    bencher.bench_local(|| {
        app.key(if down { KeyCode::Down } else { KeyCode::Up });
        down = !down;
        app.draw();
    });
}
