//! Issue 14, the Linux console: under `TERM=linux` (or `--glyphs basico`) every character rumbo draws is
//! one Debian's console font `Lat15-Fixed16` carries, checked cell by cell against the font file's own
//! unicode table (`console-setup-linux` installs it; `.ci/run` installs that).
//!
//! To cover a new screen, add its builder to [`screens`]: a name and a function from a language to the
//! model in that state. Lists kept elsewhere (`ui_snapshots::states::ALL`, `ui_kiosk::ALL`) come in whole.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common::skip_or_fail;
use crate::ui_snapshots::{self, LANGS, lang_code, states};
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use rumbo::app::{Model, Msg, update};
use rumbo::i18n::Lang;
use rumbo::ui::glyphs::{self, Glyphs};
use rumbo::ui::theme::{Theme, ThemeName};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where Debian's `console-setup-linux` puts the console fonts.
const FONT_DIR: &str = "/usr/share/consolefonts";
/// The font the test checks against (Debian's default for Latin alphabets), and the other two the issue
/// names, which the console set must be in too.
pub const FONT: &str = "Lat15-Fixed16.psf.gz";
const OTHER_FONTS: [&str; 2] = ["Uni2-Fixed16.psf.gz", "Uni3-Fixed16.psf.gz"];

/// The sizes every screen is checked at.
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

type Builder = Box<dyn Fn(Lang) -> Model>;

/// Every screen checked: the snapshot states, the kiosk's, the best fit, the plan's parts, Experiencia,
/// and the dialogs no snapshot list holds.
fn screens() -> Vec<(String, Builder)> {
    let mut all: Vec<(String, Builder)> = Vec::new();
    for &(name, build) in states::ALL {
        all.push((name.into(), Box::new(move |lang| counselor(lang, build))));
    }
    for &(name, build) in crate::ui_kiosk::ALL {
        all.push((
            name.into(),
            Box::new(move |lang| {
                let mut m = crate::ui_kiosk::kiosk_model(lang);
                build(&mut m);
                m
            }),
        ));
    }
    let extra: [(&str, states::Build); 6] = [
        ("detail_focused", |m| keys(m, &[KeyCode::Char('a')])),
        ("export_dialog", |m| keys(m, &[KeyCode::Char('e')])),
        ("quit_question", |m| keys(m, &[KeyCode::Char('q')])),
        ("best_fit", |m| keys(m, &[KeyCode::Char('m')])),
        ("experiencia", |m| keys(m, &[KeyCode::Char('l')])),
        ("search_typed", |m| {
            keys(m, &[KeyCode::Char('/')]);
            ui_snapshots::type_text(m, "cajero");
        }),
    ];
    for (name, action) in extra {
        all.push((
            name.into(),
            Box::new(move |lang| {
                counselor(lang, |m| {
                    states::workspace_functions_marks(m);
                    action(m);
                })
            }),
        ));
    }
    for (part, tabs) in [("plan_profile", 0), ("plan_contact", 1), ("plan_goals", 2), ("plan_steps", 3)] {
        all.push((part.into(), Box::new(move |lang| crate::plan_snapshots::state(lang, tabs, None))));
    }
    all.push(("plan_follow_up".into(), Box::new(|lang| crate::plan_snapshots::state(lang, 4, None))));
    all.push(("experience_jobs".into(), Box::new(|lang| crate::experience::experience_state(lang, true))));
    all
}

fn counselor(lang: Lang, build: impl Fn(&mut Model)) -> Model {
    let mut themed = ui_snapshots::model(lang, ui_snapshots::normal());
    build(&mut themed.model);
    themed.model
}

fn keys(m: &mut Model, codes: &[KeyCode]) {
    for &code in codes {
        update(m, Msg::Key(crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE)));
    }
}

fn theme(glyphs: Glyphs) -> Theme {
    Theme::new(ThemeName::Normal, false).with_glyphs(glyphs)
}

fn draw(model: &mut Model, theme: &Theme, width: u16, height: u16) -> Terminal<TestBackend> {
    model.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| drop(rumbo::ui::view(model, theme, f))).unwrap();
    terminal
}

/// Each cell whose symbol the font cannot draw, as "(x, y) 'c' U+XXXX".
fn not_in_font(buffer: &Buffer, font: &BTreeSet<char>) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            let mut chars = symbol.chars();
            let ok = match (chars.next(), chars.next()) {
                (Some(c), None) => c == ' ' || font.contains(&c),
                _ => false,
            };
            if !ok {
                let codes: Vec<String> = symbol.chars().map(|c| format!("U+{:04X}", u32::from(c))).collect();
                out.push(format!("({x}, {y}) {symbol:?} {}", codes.join(" ")));
            }
        }
    }
    out
}

// ---- the font ------------------------------------------------------------------------------------------

/// The characters a PSF1 or PSF2 font's unicode table gives a glyph of their own. Sequences (a glyph
/// for a base character and its combining marks) are left out: their characters are not drawn alone.
fn psf_chars(data: &[u8]) -> Result<BTreeSet<char>, String> {
    let mut chars = BTreeSet::new();
    if data.starts_with(&[0x36, 0x04]) {
        let mode = data[2];
        let glyph_size = usize::from(data[3]);
        let glyphs = if mode & 1 != 0 { 512 } else { 256 };
        if mode & 6 == 0 {
            return Err("PSF1 font without a unicode table".into());
        }
        let table = data.get(4 + glyphs * glyph_size..).ok_or("PSF1 font cut short")?;
        let mut in_sequence = false;
        for unit in table.chunks_exact(2).map(|b| u16::from_le_bytes([b[0], b[1]])) {
            match unit {
                0xFFFF => in_sequence = false,
                0xFFFE => in_sequence = true,
                _ if in_sequence => {}
                u => chars.extend(char::from_u32(u32::from(u))),
            }
        }
        return Ok(chars);
    }
    if data.starts_with(&[0x72, 0xb5, 0x4a, 0x86]) {
        let word = |i: usize| u32::from_le_bytes(data[i * 4..i * 4 + 4].try_into().unwrap()) as usize;
        let (header, flags, length, glyph_size) = (word(2), word(3), word(4), word(5));
        if flags & 1 == 0 {
            return Err("PSF2 font without a unicode table".into());
        }
        let table = data.get(header + length * glyph_size..).ok_or("PSF2 font cut short")?;
        for entry in table.split(|&b| b == 0xFF) {
            // Before 0xFE: characters, each alone; after it, sequences.
            let singles = entry.split(|&b| b == 0xFE).next().unwrap_or_default();
            chars.extend(String::from_utf8_lossy(singles).chars().filter(|&c| c != '\u{FFFD}'));
        }
        return Ok(chars);
    }
    Err("not a PSF font".into())
}

/// A `.psf.gz` font's characters, or `None` (after `skip_or_fail`) when it is not installed.
pub fn font_chars(name: &str) -> Option<BTreeSet<char>> {
    let path = Path::new(FONT_DIR).join(name);
    let Ok(file) = std::fs::File::open(&path) else {
        skip_or_fail(&format!("{} is missing: apt-get install console-setup-linux", path.display()));
        return None;
    };
    let mut data = Vec::new();
    flate2::read::GzDecoder::new(file).read_to_end(&mut data).unwrap();
    Some(psf_chars(&data).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

// ---- the tests -----------------------------------------------------------------------------------------

#[test]
fn every_screen_under_term_linux_is_drawn_with_the_fonts_characters() {
    let Some(font) = font_chars(FONT) else { return };
    let mut failures = Vec::new();
    let mut blots_without_basico = 0;
    let screens = screens();
    for (name, build) in &screens {
        for lang in LANGS {
            for (width, height) in SIZES {
                let mut model = build(lang);
                let basico = draw(&mut model, &theme(Glyphs::Basico), width, height);
                for cell in not_in_font(basico.backend().buffer(), &font) {
                    failures.push(format!("{name} ({}, {width}x{height}): {cell}", lang_code(lang)));
                }
                let completo = draw(&mut model, &theme(Glyphs::Completo), width, height);
                blots_without_basico += not_in_font(completo.backend().buffer(), &font).len();
            }
        }
    }
    assert!(screens.len() > 50, "only {} screens", screens.len());
    assert!(failures.is_empty(), "not in {FONT}:\n{}", failures[..failures.len().min(40)].join("\n"));
    // The check bites: the same screens drawn with every glyph show what the console cannot.
    assert!(blots_without_basico > 0);
}

#[test]
fn a_screen_too_small_to_draw_is_drawn_with_the_fonts_characters() {
    let Some(font) = font_chars(FONT) else { return };
    for lang in LANGS {
        let mut model = counselor(lang, states::workspace_functions_marks);
        let terminal = draw(&mut model, &theme(Glyphs::Basico), 40, 10);
        assert_eq!(not_in_font(terminal.backend().buffer(), &font), Vec::<String>::new());
    }
}

/// What rumbo lets through to the console (`glyphs::on_console`) is what the fonts carry.
#[test]
fn the_console_set_is_in_the_font() {
    let Some(font) = font_chars(FONT) else { return };
    let claimed: Vec<char> = (' '..='~')
        .chain('\u{a0}'..='\u{ff}')
        .chain('\u{2500}'..='\u{257f}')
        .chain(glyphs::CONSOLE.chars())
        .chain(glyphs::FALLBACKS.iter().map(|&(_, to)| to))
        .chain([glyphs::UNKNOWN])
        .collect();
    assert!(claimed.iter().all(|&c| glyphs::on_console(c)));
    for name in std::iter::once(FONT).chain(OTHER_FONTS) {
        let Some(chars) = font_chars(name) else { return };
        let missing: String = claimed.iter().filter(|c| !chars.contains(c)).collect();
        assert_eq!(missing, "", "{name} lacks these");
    }
    // What the issue says the fonts lack, they lack.
    for c in ['◐', '○', '▏', '✓'] {
        assert!(!font.contains(&c) && !glyphs::on_console(c), "{c}");
    }
}

/// Every symbol written in `src/ui` and `src/i18n` reaches the console as itself or its stand-in, never
/// as "?": a new symbol needs an entry in `ui/glyphs.rs`.
#[test]
fn every_symbol_in_the_source_reads_on_the_console() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for dir in ["ui", "i18n"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "{files:?}");
    let mut unreadable = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("#[cfg(test)]") {
                break; // tests draw what they like (wide characters, on purpose)
            }
            let code =
                if line.trim_start().starts_with("//") { "" } else { line.split(" // ").next().unwrap() };
            for (col, c) in code.chars().enumerate() {
                if !c.is_ascii() && glyphs::console_char(c) == glyphs::UNKNOWN {
                    let shown = file.strip_prefix(&root).unwrap().display().to_string();
                    unreadable.push(format!("src/{shown}:{}:{} {c:?}", n + 1, col + 1));
                }
            }
        }
    }
    assert!(unreadable.is_empty(), "no console stand-in in ui/glyphs.rs for:\n{}", unreadable.join("\n"));
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A few screens as the console shows them: the marks and their legend, the search's cursor, chosen
/// programs, the plan's goal, the kiosk's PIN.
#[test]
fn snapshots_with_basico_glyphs() {
    let wanted = [
        "workspace_functions_marks",
        "workspace_programs",
        "overlay_search",
        "overlay_help",
        "plan_goals",
        "kiosk_pin_typing",
    ];
    let screens = screens();
    for name in wanted {
        let (_, build) = screens.iter().find(|(n, _)| n == name).unwrap();
        for lang in LANGS {
            let mut model = build(lang);
            let terminal = draw(&mut model, &theme(Glyphs::Basico), 80, 24);
            insta::assert_snapshot!(format!("{name}__{}_80x24", lang_code(lang)), terminal.backend());
        }
    }
}
