//! Snapshots of every screen (insta + ratatui's `TestBackend`) at 80×24 and 120×40, in Spanish and
//! English, plus checks on cell colours, on sizes too small to draw, and on wide characters.
//!
//! Regenerate with `INSTA_UPDATE=always cargo test --test ui_snapshots`, then read every changed `.snap`
//! under `tests/snapshots/`: the snapshots are the UI review.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod cells;
mod no_programs;
mod screens;
mod sizes;
pub mod states;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use rumbo::app::{Model, Msg};
use rumbo::catalog::CatalogSet;
use rumbo::i18n::Lang;
use rumbo::search::SearchIndex;
use rumbo::ui::theme::{Theme, ThemeName};
use std::sync::{Arc, OnceLock};

/// The sizes every screen is snapshotted at: the smallest supported and a roomy one.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
pub const LANGS: [Lang; 2] = [Lang::Es, Lang::En];

/// The moment every test happens at, so dates on screen never change.
pub fn now() -> jiff::Timestamp {
    ts("2026-03-02T15:04:00Z")
}

pub fn ts(text: &str) -> jiff::Timestamp {
    text.parse().unwrap()
}

/// The built-in catalog and its index, built once for the whole test binary.
pub fn catalog() -> (Arc<CatalogSet>, Arc<SearchIndex>) {
    static CATALOG: OnceLock<(Arc<CatalogSet>, Arc<SearchIndex>)> = OnceLock::new();
    CATALOG
        .get_or_init(|| {
            let loaded = rumbo::catalog::load_files(vec![rumbo::catalog::builtin_file()]).unwrap();
            let set = Arc::new(CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()));
            let index = Arc::new(SearchIndex::new(&set));
            (set, index)
        })
        .clone()
}

/// A fresh model on the start screen (sessions not listed yet), at a fixed time, in UTC.
/// A model and the theme it is drawn in (kept beside it, as the runtime does). Derefs to the model.
pub struct Themed {
    pub model: Model,
    pub theme: Theme,
}

impl std::ops::Deref for Themed {
    type Target = Model;

    fn deref(&self) -> &Model {
        &self.model
    }
}

impl std::ops::DerefMut for Themed {
    fn deref_mut(&mut self) -> &mut Model {
        &mut self.model
    }
}

pub fn model(lang: Lang, theme: Theme) -> Themed {
    let (set, index) = catalog();
    let mut model = Themed { model: Model::new(lang, set, index), theme };
    model.now = now();
    model.tz = jiff::tz::TimeZone::UTC;
    model.size = SIZES[0];
    model
}

pub fn normal() -> Theme {
    Theme::new(ThemeName::Normal, false)
}

pub fn press(model: &mut Model, code: KeyCode) {
    rumbo::app::update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Types `text` one key at a time, as a person would.
pub fn type_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) };
        press(model, code);
    }
}

/// Draws the model on a `width`×`height` test terminal (the model's size follows, as on a resize).
pub fn render(model: &mut Themed, width: u16, height: u16) -> Terminal<TestBackend> {
    model.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| {
            rumbo::ui::view(&model.model, &model.theme, f);
        })
        .unwrap();
    terminal
}

pub fn buffer(model: &mut Themed, width: u16, height: u16) -> Buffer {
    render(model, width, height).backend().buffer().clone()
}

/// One line of a buffer as text (wide characters once, not followed by their blank second cell).
pub fn row_text(buffer: &Buffer, y: u16) -> String {
    let mut line = String::new();
    let mut skip = 0;
    for x in 0..buffer.area.width {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buffer[(x, y)].symbol();
        skip = unicode_width(symbol).saturating_sub(1);
        line.push_str(symbol);
    }
    line
}

/// The whole screen as text, one line per row.
pub fn screen_text(buffer: &Buffer) -> String {
    (0..buffer.area.height).map(|y| row_text(buffer, y)).collect::<Vec<_>>().join("\n")
}

/// Display width of a cell's symbol, as ratatui counts it.
pub fn unicode_width(symbol: &str) -> usize {
    rumbo::ui::list::width(symbol)
}

/// The cell column (not char index) where `needle` starts on row `y`, if it is there.
pub fn find_in_row(buffer: &Buffer, y: u16, needle: &str) -> Option<u16> {
    let first = needle.chars().next()?;
    (0..buffer.area.width).find(|&x| {
        let mut col = x;
        for c in needle.chars() {
            if col >= buffer.area.width || buffer[(col, y)].symbol() != c.to_string() {
                return false;
            }
            col += u16::try_from(unicode_width(&c.to_string()).max(1)).unwrap();
        }
        buffer[(x, y)].symbol() == first.to_string()
    })
}

/// The first (column, row) where `needle` is drawn.
pub fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buffer.area.height).find_map(|y| find_in_row(buffer, y, needle).map(|x| (x, y)))
}

pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Es => "es",
        Lang::En => "en",
    }
}

/// Snapshots the state `build` makes, in both languages and at both sizes, as `{name}__{lang}_{w}x{h}`.
pub fn snap(name: &str, build: states::Build) {
    for lang in LANGS {
        for (width, height) in SIZES {
            let mut model = model(lang, normal());
            build(&mut model);
            let terminal = render(&mut model, width, height);
            let lang_code = lang_code(lang);
            assert_screen(&format!("{name}__{lang_code}_{width}x{height}"), &terminal);
        }
    }
}

/// Snapshots the model `build` makes for each language and size (a model that depends on the size, as a
/// scrolled list does), as `{name}__{lang}_{w}x{h}`.
pub fn snap_sized(name: &str, build: fn(Lang, (u16, u16)) -> Model) {
    for lang in LANGS {
        for size in SIZES {
            let model = build(lang, size);
            let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
            terminal.draw(|f| drop(rumbo::ui::view(&model, &normal(), f))).unwrap();
            assert_screen(&format!("{name}__{}_{}x{}", lang_code(lang), size.0, size.1), &terminal);
        }
    }
}

/// The one place snapshots are taken, so they all land in `tests/snapshots/` as `ui_snapshots__{name}`.
pub fn assert_screen(name: &str, terminal: &Terminal<TestBackend>) {
    insta::assert_snapshot!(name, terminal.backend());
}
