//! The Experiencia panel (`l`) with both built-ins loaded (BPO + CUOC 2025): the time `update` takes
//! to open it, and to take each key of a job title typed letter by letter (the title search runs in
//! it), alone and with the frame that shows the results (120×40). Prints p50, p95 and the slowest.
//! `cargo bench --bench experience`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rumbo::app::{Model, Msg, update};
use rumbo::catalog::CatalogSources;
use rumbo::search::SearchIndex;
use rumbo::session::Session;
use std::sync::Arc;
use std::time::{Duration, Instant};

const ROUNDS: usize = 10;
/// Job titles counselors hear: whole words, a typo, a correction (`<` is Backspace).
const TITLES: [&str; 8] = [
    "cajera",
    "soldador",
    "auxiliar de enfermería",
    "mesero",
    "conductor de bus",
    "asesor comercial",
    "solador<<<<dador",
    "call center",
];

fn press(model: &mut Model, code: KeyCode) {
    update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn report(name: &str, times: &mut [Duration]) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "{name}: {} samples, p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        times.len(),
        ms(at(0.5)),
        ms(at(0.95)),
        ms(times[times.len() - 1])
    );
}

fn main() {
    let (set, _) = rumbo::catalog::load(&CatalogSources::every_builtin()).unwrap();
    let set = Arc::new(set);
    let index = Arc::new(SearchIndex::new(&set));
    let mut model = Model::new(rumbo::i18n::Lang::Es, set.clone(), index);
    model.size = (120, 40);
    let session = Session::new("Persona de prueba", "", jiff::Timestamp::now(), &set).unwrap();
    update(&mut model, Msg::SessionOpened { session: Box::new(session), read_only: false });
    let theme = rumbo::ui::theme::Theme::new(rumbo::ui::theme::ThemeName::Normal, false);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let mut draw = |model: &Model| {
        terminal.draw(|frame| drop(rumbo::ui::view(model, &theme, frame))).unwrap();
    };

    let (mut open, mut keys, mut shown) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        for title in TITLES {
            let start = Instant::now();
            press(&mut model, KeyCode::Char('l'));
            open.push(start.elapsed());
            draw(&model);
            for c in title.chars() {
                let code = if c == '<' { KeyCode::Backspace } else { KeyCode::Char(c) };
                let start = Instant::now();
                press(&mut model, code);
                keys.push(start.elapsed());
                draw(&model);
                shown.push(start.elapsed());
            }
            press(&mut model, KeyCode::Esc);
        }
    }
    println!("BPO + CUOC: {} occupations", set.occupations().count());
    report("l: update opening the panel", &mut open);
    report("a key of the job title: update", &mut keys);
    report("a key of the job title: update and its frame (120x40)", &mut shown);
}
