//! Best fit across the whole catalog, with the BPO catalog and CUOC 2025 loaded (686 occupations): after
//! each mark (Space in Funciones), the time to work out the best-fit view's rows again, and the time from
//! `m` to the frame that shows the view (update + rows + drawing the whole 120×40 screen). Functions of
//! 60 occupations across the areas are marked one by one, three rounds (none → in development → has →
//! none), so the session holds from one to hundreds of marks. Prints p50, p95 and the slowest.
//! `cargo bench --bench best_fit`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rumbo::app::{DetailTab, Model, Msg, Pane, Screen, update};
use rumbo::catalog::{CatalogSet, SourceFile, builtin_file, load_files};
use rumbo::search::SearchIndex;
use rumbo::session::Session;
use std::sync::Arc;
use std::time::{Duration, Instant};

const ROUNDS: usize = 3;
const OCCUPATIONS: usize = 60;

fn press(model: &mut Model, code: KeyCode) {
    update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    let at = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[at]
}

fn report(name: &str, times: &mut [Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: {} samples, p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        times.len(),
        ms(percentile(times, 0.5)),
        ms(percentile(times, 0.95)),
        ms(*times.iter().max().unwrap())
    );
}

fn main() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/catalog/cuoc-2025.ron");
    let cuoc = SourceFile { name: "cuoc-2025.ron".into(), text: std::fs::read_to_string(path).unwrap() };
    let loaded = load_files(vec![builtin_file(), cuoc]).unwrap();
    let set = Arc::new(CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()));
    let index = Arc::new(SearchIndex::new(&set));
    let mut model = Model::new(rumbo::i18n::Lang::Es, set.clone(), index);
    model.size = (120, 40);
    let session = Session::new("Persona de prueba", "", jiff::Timestamp::now(), &set).unwrap();
    update(&mut model, Msg::SessionOpened { session: Box::new(session), read_only: false });
    let theme = rumbo::ui::theme::Theme::new(rumbo::ui::theme::ThemeName::Normal, false);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();

    // Every eleventh occupation: all areas, both catalogs' sizes of occupation.
    let step = set.occupations().count() / OCCUPATIONS;
    let targets: Vec<(usize, usize, usize)> = set
        .occupations()
        .step_by(step)
        .take(OCCUPATIONS)
        .map(|o| {
            let sector = set.sectors().position(|s| s.id == o.sector).unwrap();
            let place = set.occupations_in(&o.sector).position(|x| x.id == o.id).unwrap();
            (sector, place, o.functions.len())
        })
        .collect();

    let (mut recompute, mut shown) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        for &(sector, occupation, functions) in &targets {
            for function in 0..functions {
                if let Screen::Workspace(ws) = &mut model.screen {
                    (ws.sector, ws.occupation, ws.function) = (sector, occupation, function);
                    (ws.focus, ws.tab) = (Pane::Functions, DetailTab::Functions);
                }
                press(&mut model, KeyCode::Char(' '));
                let start = Instant::now();
                let rows = model.workspace().unwrap().best_fits(&set).rows.len();
                recompute.push(start.elapsed());
                std::hint::black_box(rows);

                let start = Instant::now();
                press(&mut model, KeyCode::Char('m'));
                terminal
                    .draw(|frame| {
                        rumbo::ui::view(&model, &theme, frame);
                    })
                    .unwrap();
                shown.push(start.elapsed());
                press(&mut model, KeyCode::Esc);
            }
        }
    }
    let marks = model.workspace().unwrap().session.marks.len();
    println!("BPO + CUOC: {} occupations, {marks} marks at the end", set.occupations().count());
    report("best-fit rows after a mark", &mut recompute);
    report("m to the frame with the view (120x40)", &mut shown);
}
