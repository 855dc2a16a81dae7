//! Snapshots of kiosk mode's screens (insta + ratatui's `TestBackend`) at 80×24 and 120×40, in Spanish and
//! English, in the style of `ui_snapshots`: the welcome with its language choice, the alias and the consent
//! choice without the counselor field, and (issue 14) each step of the visitor's path — where to start, the
//! job title, the sectors, a question, the results, "¿Terminar?" — then the code after "Terminar", the idle
//! countdown and the administrator's PIN prompt. Plus what every kiosk screen must never show: a file path, a session id, the
//! administrator's key.
//!
//! Regenerate with `INSTA_UPDATE=always cargo test --test ui_kiosk`, then read every changed `.snap` under
//! `tests/snapshots/` as a visitor would: the snapshots are the UI review.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::{SignedDuration, Timestamp};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use rumbo::app::kiosk::{AdminKey, KioskState};
use rumbo::app::{Model, Msg, Persistence, Screen, update};
use rumbo::catalog::CatalogSet;
use rumbo::i18n::Lang;
use rumbo::search::SearchIndex;
use rumbo::ui::theme::{Theme, ThemeName};
use std::sync::{Arc, OnceLock};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [Lang; 2] = [Lang::Es, Lang::En];
/// The kiosk's timeout in these snapshots: the default.
const IDLE: u32 = 300;
/// The code the desk would be given; real codes come from random session ids.
const CODE: &str = "K7M2QX";

fn now() -> Timestamp {
    "2026-03-02T15:04:00Z".parse().unwrap()
}

fn catalog() -> (Arc<CatalogSet>, Arc<SearchIndex>) {
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

/// The PIN's hash, made once: argon2 is slow on purpose.
fn pin_hash() -> String {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| rumbo::kiosk::pin::hash("482193").unwrap()).clone()
}

/// A kiosk on its welcome screen, as `rumbo --kiosk` starts, at a fixed time, in UTC.
pub fn kiosk_model(lang: Lang) -> Model {
    let (set, index) = catalog();
    let mut model = Model::new(lang, set, index);
    model.now = now();
    model.tz = jiff::tz::TimeZone::UTC;
    model.size = SIZES[0];
    let key = AdminKey::parse("ctrl+alt+a").unwrap();
    model.kiosk = Some(KioskState::new(IDLE, key, pin_hash(), now()));
    model.screen = Screen::Welcome;
    model
}

/// `update`, with the runtime's part of the PIN prompt played here: the check answered.
pub fn send(model: &mut Model, msg: Msg) -> Vec<rumbo::app::Effect> {
    let mut effects = update(model, msg);
    if let Some(i) = effects.iter().position(|e| matches!(e, rumbo::app::Effect::CheckPin { .. }))
        && let rumbo::app::Effect::CheckPin { pin, hash } = effects.remove(i)
    {
        effects.extend(send(model, Msg::PinChecked(rumbo::kiosk::pin::verify(&pin.0, &hash))));
    }
    effects
}

pub fn press(model: &mut Model, code: KeyCode) {
    send(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn type_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        press(model, if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) });
    }
}

fn admin_key(model: &mut Model) {
    send(model, Msg::Key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL | KeyModifiers::ALT)));
}

/// Moves the kiosk's clock on by `seconds`, as the runtime's clock would.
fn advance(model: &mut Model, seconds: i64) {
    model.now += SignedDuration::from_secs(seconds);
}

pub fn render(model: &mut Model, width: u16, height: u16) -> Terminal<TestBackend> {
    model.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| {
            rumbo::ui::view(model, &Theme::new(ThemeName::Normal, false), f);
        })
        .unwrap();
    terminal
}

/// The whole screen as text (wide characters once, not followed by their blank second cell).
fn screen_text(buffer: &Buffer) -> String {
    let mut lines = Vec::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = rumbo::ui::list::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        lines.push(line);
    }
    lines.join("\n")
}

fn text(model: &mut Model, width: u16, height: u16) -> String {
    screen_text(render(model, width, height).backend().buffer())
}

/// The screen's words on one line, whatever wrapping did.
fn flat(text: &str) -> String {
    text.lines().map(|l| l.trim_matches(|c| c == ' ' || c == '║')).collect::<Vec<_>>().join(" ")
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Es => "es",
        Lang::En => "en",
    }
}

pub type Build = fn(&mut Model);

// ---- the states ------------------------------------------------------------------------------------

pub const ALL: &[(&str, Build)] = &[
    ("kiosk_welcome", welcome),
    ("kiosk_welcome_english", welcome_english),
    ("kiosk_form_empty", form_empty),
    ("kiosk_form_filled", form_filled),
    ("kiosk_form_alias_missing", form_alias_missing),
    ("kiosk_form_consent_needed", form_consent_needed),
    ("kiosk_start", workspace),
    ("kiosk_start_unsaved", workspace_unsaved),
    ("kiosk_title", title),
    ("kiosk_sectors", sectors),
    ("kiosk_question", question),
    ("kiosk_results", results),
    ("kiosk_confirm", confirm),
    ("kiosk_done_writing", done_writing),
    ("kiosk_done_code", done_code),
    ("kiosk_done_where", done_where),
    ("kiosk_done_unsaved", done_unsaved),
    ("kiosk_done_failed", done_failed),
    ("kiosk_countdown", countdown),
    ("kiosk_countdown_done", countdown_done),
    ("kiosk_pin_empty", pin_empty),
    ("kiosk_pin_typing", pin_typing),
    ("kiosk_pin_wrong", pin_wrong),
    ("kiosk_pin_locked", pin_locked),
];

fn welcome(_: &mut Model) {}

/// `i` on the welcome: the kiosk in English (the other language's snapshots show `e` going back).
fn welcome_english(m: &mut Model) {
    press(m, KeyCode::Char(if m.lang == Lang::Es { 'i' } else { 'e' }));
}

/// Enter on the welcome screen: the form, alias first, no counselor field.
fn form_empty(m: &mut Model) {
    press(m, KeyCode::Enter);
    assert!(matches!(m.screen, Screen::NewSession(_)));
}

/// An alias, Enter to the consent choice, `s`: "Sí, guardar" chosen.
fn form_filled(m: &mut Model) {
    form_empty(m);
    type_text(m, "Valentina");
    press(m, KeyCode::Enter);
    press(m, KeyCode::Char('s'));
}

fn form_alias_missing(m: &mut Model) {
    form_empty(m);
    press(m, KeyCode::Enter);
}

/// Enter twice after the alias: nothing chosen, so nothing starts, and the form says to choose.
fn form_consent_needed(m: &mut Model) {
    form_empty(m);
    type_text(m, "Valentina");
    press(m, KeyCode::Enter);
    press(m, KeyCode::Enter);
    assert!(matches!(m.screen, Screen::NewSession(_)));
}

/// A visitor's session with consent, saved: the header shows the code; "¿Por dónde empezamos?".
pub fn workspace(m: &mut Model) {
    form_filled(m);
    press(m, KeyCode::Enter);
    send(m, Msg::Saved(Ok(())));
    assert_eq!(m.workspace().unwrap().persistence, Persistence::Saved);
    fixed_id(m);
}

/// Session ids are random: the snapshots' is fixed, so the header's code reads the same every run.
fn fixed_id(m: &mut Model) {
    if let Screen::Workspace(ws) = &mut m.screen {
        ws.session.id = "k7m2qxabcdef".to_string();
    }
}

/// Without consent: "Esta visita no se guarda" in the header.
fn workspace_unsaved(m: &mut Model) {
    form_empty(m);
    type_text(m, "Jorge");
    press(m, KeyCode::Enter);
    press(m, KeyCode::Char('n'));
    press(m, KeyCode::Enter);
    assert_eq!(m.workspace().unwrap().persistence, Persistence::Unsaved);
    fixed_id(m);
}

/// "¿En qué ha trabajado?" with "vendedor" typed: the titles it names.
fn title(m: &mut Model) {
    workspace(m);
    press(m, KeyCode::Enter);
    type_text(m, "vendedor");
}

/// "Explorar por sector": the sectors.
fn sectors(m: &mut Model) {
    workspace(m);
    press(m, KeyCode::Down);
    press(m, KeyCode::Enter);
}

/// The fourth question, after "Sí", "Estoy aprendiendo" and "Todavía no": "4/24".
fn question(m: &mut Model) {
    title(m);
    press(m, KeyCode::Enter);
    for c in ['s', 'a', 'n'] {
        press(m, KeyCode::Char(c));
    }
}

fn results(m: &mut Model) {
    question(m);
    press(m, KeyCode::Char('r'));
}

/// `t` on the results: "¿Terminar?".
fn confirm(m: &mut Model) {
    results(m);
    press(m, KeyCode::Char('t'));
}

/// `t`: the summary is being written (the runtime has not answered yet).
fn done_writing(m: &mut Model) {
    workspace(m);
    press(m, KeyCode::Char('t'));
    let effects = send(m, Msg::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE)));
    assert!(effects.iter().any(|e| matches!(e, rumbo::app::Effect::KioskFinish(_))), "{effects:?}");
    assert!(matches!(m.screen, Screen::KioskDone(None)));
}

fn done_code(m: &mut Model) {
    done_writing(m);
    send(m, Msg::KioskFinished(Ok(CODE.to_string())));
}

/// The code with where to take it: the office's front desk and its name, as config.ron's `office` gives them.
fn done_where(m: &mut Model) {
    done_code(m);
    m.office.front_desk = Some("Mostrador 2, primer piso".to_string());
    m.office.name = Some("Agencia de Empleo Kennedy".to_string());
}

/// A visit without consent: its code only now, and the word that it was not saved.
fn done_unsaved(m: &mut Model) {
    workspace_unsaved(m);
    press(m, KeyCode::Char('t'));
    press(m, KeyCode::Char('s'));
    send(m, Msg::KioskFinished(Ok(CODE.to_string())));
}

/// The export folder could not be written: no code, no path, "avise en el mostrador".
fn done_failed(m: &mut Model) {
    done_writing(m);
    let detail = "/srv/rumbo/resumenes: Permission denied (os error 13)".to_string();
    send(m, Msg::KioskFinished(Err(detail.into())));
}

/// 290 of the 300 seconds gone: 10 left, over the workspace.
fn countdown(m: &mut Model) {
    workspace(m);
    advance(m, i64::from(IDLE) - 10);
}

/// The code stays on screen for the idle time too, then goes.
fn countdown_done(m: &mut Model) {
    done_code(m);
    advance(m, i64::from(IDLE) - 25);
}

fn pin_empty(m: &mut Model) {
    admin_key(m);
}

/// Two digits typed over a visitor's workspace: dots, never the digits.
fn pin_typing(m: &mut Model) {
    workspace(m);
    admin_key(m);
    type_text(m, "48");
}

fn pin_wrong(m: &mut Model) {
    admin_key(m);
    type_text(m, "1234\n");
}

fn pin_locked(m: &mut Model) {
    admin_key(m);
    type_text(m, "1111\n2222\n3333\n");
    advance(m, 15);
}

// ---- the tests -------------------------------------------------------------------------------------

macro_rules! snapshots {
    ($($state:ident),* $(,)?) => {
        $(
            #[test]
            fn $state() {
                snap(stringify!($state));
            }
        )*

        #[test]
        fn every_state_has_a_snapshot_test() {
            let tested = [$(stringify!($state)),*];
            let all: Vec<&str> = ALL.iter().map(|(name, _)| *name).collect();
            assert_eq!(tested.to_vec(), all);
        }
    };
}

snapshots! {
    kiosk_welcome,
    kiosk_welcome_english,
    kiosk_form_empty,
    kiosk_form_filled,
    kiosk_form_alias_missing,
    kiosk_form_consent_needed,
    kiosk_start,
    kiosk_start_unsaved,
    kiosk_title,
    kiosk_sectors,
    kiosk_question,
    kiosk_results,
    kiosk_confirm,
    kiosk_done_writing,
    kiosk_done_code,
    kiosk_done_where,
    kiosk_done_unsaved,
    kiosk_done_failed,
    kiosk_countdown,
    kiosk_countdown_done,
    kiosk_pin_empty,
    kiosk_pin_typing,
    kiosk_pin_wrong,
    kiosk_pin_locked,
}

fn build(name: &str) -> Build {
    ALL.iter().find(|(n, _)| *n == name).map(|(_, b)| *b).unwrap()
}

/// Snapshots state `name` in both languages at both sizes, as `ui_kiosk__{name}__{lang}_{w}x{h}`.
fn snap(name: &str) {
    let build = build(name);
    for lang in LANGS {
        for (width, height) in SIZES {
            let mut model = kiosk_model(lang);
            build(&mut model);
            let terminal = render(&mut model, width, height);
            insta::assert_snapshot!(
                format!("{name}__{}_{width}x{height}", lang_code(lang)),
                terminal.backend()
            );
        }
    }
}

#[test]
fn the_welcome_says_what_this_is_how_to_move_and_how_to_start() {
    for (width, height) in SIZES {
        let mut m = kiosk_model(Lang::Es);
        let screen = flat(&text(&mut m, width, height));
        for words in ["punto de orientación para el empleo", "[e] Español", "[i] English", "Enter"] {
            assert!(screen.contains(words), "{words} at {width}×{height}:\n{screen}");
        }
        assert!(screen.contains("Pulse Enter para comenzar"), "{screen}");
        let mut m = kiosk_model(Lang::En);
        assert!(text(&mut m, width, height).contains("Press Enter to start"));
    }
}

#[test]
fn the_kiosk_form_has_no_counselor_field() {
    for lang in LANGS {
        for (width, height) in SIZES {
            let mut m = kiosk_model(lang);
            form_filled(&mut m);
            let screen = text(&mut m, width, height);
            let counselor = match lang {
                Lang::Es => "Orientador",
                Lang::En => "Counselor",
            };
            assert!(!screen.contains(counselor), "{screen}");
            assert!(screen.contains("Valentina"), "{screen}");
        }
    }
}

#[test]
fn every_visit_screen_offers_terminar_and_no_way_out() {
    for (width, height) in SIZES {
        for build in [workspace, sectors, question, results] {
            let mut m = kiosk_model(Lang::Es);
            build(&mut m);
            let screen = text(&mut m, width, height);
            let footer = screen.lines().last().unwrap();
            assert!(footer.contains("[t] Terminar"), "{footer}");
            for absent in ["q ", "salir", "e exportar", "Sesiones"] {
                assert!(!footer.contains(absent), "{absent:?} in {footer}");
            }
            let mut m = kiosk_model(Lang::En);
            build(&mut m);
            let screen = text(&mut m, width, height);
            assert!(screen.lines().last().unwrap().contains("[t] Finish"), "{screen}");
        }
    }
}

/// No counselor's words on a visitor's screen: no codes, no "relación inferida", no marks' symbols.
#[test]
fn the_visit_speaks_plainly() {
    for lang in LANGS {
        for build in [workspace, title, sectors, question, results, confirm] {
            for (width, height) in SIZES {
                let mut m = kiosk_model(lang);
                build(&mut m);
                let screen = text(&mut m, width, height);
                let lower = screen.to_lowercase();
                for never in ["inferid", "inferred", "cuoc", "cno", "◐", "●", "brecha", "gap", "orientador"]
                {
                    assert!(
                        !lower.contains(never),
                        "{never:?}:
{screen}"
                    );
                }
                // No occupation or title codes (`52300`, `52300.015`): no run of four digits or more.
                let coded = screen.split(|c: char| !c.is_ascii_digit()).any(|digits| digits.len() >= 4);
                assert!(!coded, "a code:\n{screen}");
            }
        }
    }
}

#[test]
fn the_done_screen_shows_the_code_and_how_to_go_on() {
    for (width, height) in SIZES {
        let mut m = kiosk_model(Lang::Es);
        done_code(&mut m);
        let screen = flat(&text(&mut m, width, height));
        assert!(screen.contains(CODE), "{screen}");
        assert!(screen.contains("Dé este código en el mostrador"), "{screen}");
        assert!(screen.contains("Pulse Enter para terminar"), "{screen}");
        // While the summary is being written there is no code yet, and Enter does nothing.
        let mut m = kiosk_model(Lang::Es);
        done_writing(&mut m);
        let screen = flat(&text(&mut m, width, height));
        assert!(screen.contains("Guardando su resumen"), "{screen}");
        assert!(!screen.contains("Pulse Enter"), "{screen}");
    }
}

#[test]
fn the_countdown_shows_the_seconds_left_over_the_visit() {
    let mut m = kiosk_model(Lang::Es);
    workspace(&mut m);
    advance(&mut m, i64::from(IDLE) - 31);
    assert!(!text(&mut m, 80, 24).contains("se cerrará"), "not before the last 30 s");
    advance(&mut m, 1);
    assert!(flat(&text(&mut m, 80, 24)).contains("se cerrará en 30 s"));
    advance(&mut m, 29);
    assert!(flat(&text(&mut m, 80, 24)).contains("se cerrará en 1 s"));
}

#[test]
fn the_pin_prompt_shows_dots_never_the_digits() {
    for (name, digits) in [("kiosk_pin_typing", "48"), ("kiosk_pin_wrong", "1234")] {
        for (width, height) in SIZES {
            let mut m = kiosk_model(Lang::Es);
            build(name)(&mut m);
            let screen = text(&mut m, width, height);
            assert!(!screen.contains(digits), "{name}: {screen}");
        }
    }
    let mut m = kiosk_model(Lang::Es);
    pin_typing(&mut m);
    assert!(text(&mut m, 80, 24).contains("PIN: ••▏"));
    let mut m = kiosk_model(Lang::Es);
    pin_locked(&mut m);
    assert!(text(&mut m, 80, 24).contains("bloqueado: espere 45 s"));
}

/// No kiosk screen names a file, a folder, a session id, another visitor or the way out.
#[test]
fn no_kiosk_screen_shows_a_path_an_id_or_the_admin_key() {
    for lang in LANGS {
        for (name, build) in ALL {
            let mut m = kiosk_model(lang);
            build(&mut m);
            let id = m.workspace().map(|ws| ws.session.id.clone());
            for (width, height) in SIZES {
                let screen = text(&mut m, width, height);
                let lower = screen.to_lowercase();
                for never in
                    ["/srv", "/home", "\\", ".html", ".ron", "rumbo-20", "ctrl", "alt+", "admin_", "sessions"]
                {
                    assert!(!lower.contains(never), "{name} shows {never:?}:\n{screen}");
                }
                if let Some(id) = &id {
                    assert!(!lower.contains(id.as_str()), "{name} shows the session id:\n{screen}");
                }
            }
        }
    }
}

#[test]
fn every_kiosk_screen_asks_for_a_bigger_window_below_80x24() {
    for lang in LANGS {
        for (name, build) in ALL {
            let mut m = kiosk_model(lang);
            build(&mut m);
            for (width, height) in [(79, 24), (80, 23), (40, 10)] {
                let screen = text(&mut m, width, height);
                let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(flat.contains(m.lang.strings().too_small), "{name} at {width}×{height}:\n{screen}");
            }
        }
    }
}

#[test]
fn no_size_makes_any_kiosk_screen_panic() {
    for (name, build) in ALL {
        let mut m = kiosk_model(Lang::Es);
        build(&mut m);
        for width in [1, 2, 10, 40, 79, 80, 100, 130] {
            for height in [1, 2, 10, 23, 24, 40, 45] {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    render(&mut m, width, height);
                }));
                assert!(result.is_ok(), "{name} panicked at {width}×{height}");
            }
        }
    }
}

/// With `office.front_desk` in config.ron, the last screen says where to take the code, in both languages,
/// at 80×24, with the code and the hint still in sight; without it, no such line.
#[test]
fn the_last_screen_names_the_front_desk_the_office_configured() {
    for lang in LANGS {
        let mut m = kiosk_model(lang);
        done_code(&mut m);
        let before = flat(&text(&mut m, 80, 24));
        assert!(!before.contains("Mostrador 2"), "{before}");
        m.office.front_desk = Some("Mostrador 2, primer piso".to_string());
        let after = flat(&text(&mut m, 80, 24));
        let said =
            rumbo::i18n::fill(lang.strings().kiosk_done_desk, &[("desk", &"Mostrador 2, primer piso")]);
        assert!(after.contains(&flat(&said)), "{after}");
        assert!(after.contains(CODE), "{after}");
    }
}
