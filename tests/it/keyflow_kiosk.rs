//! Kiosk mode, key by key: a visitor's whole visit (welcome, alias and consent without the counselor field,
//! answers, "Terminar" and the desk code; issue 14's path in detail is keyflow_kiosk_visit.rs); every key that could be an escape, on every kiosk screen; the idle
//! countdown, its cancelling and the wipe, on a clock the tests control; the administrator's PIN and its lock.
//!
//! Clock tests drive `rumbo::app::update` directly with `model.now` set by hand (`Runner::dispatch` would
//! put the real time there); the runner is used where real time is fine, to see the files.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::keyflow_support;

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use jiff::{SignedDuration, Timestamp};
use keyflow_support::{all_files, new_model, render, session_ids};
use rumbo::app::kiosk::{AdminKey, KioskState};
use rumbo::app::kiosk_visit::{Answer, Step, Target};
use rumbo::app::{Area, Effect, FormField, Model, Msg, Overlay, Pane, Persistence, Screen, update};
use rumbo::kiosk::lock::PinLock;
use rumbo::runtime::Runner;
use rumbo::session::{Session, SessionStore};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const IDLE: u32 = 300;
const PIN: &str = "482193";
/// What the first visitor writes: none of it may be on screen or in memory once they are gone.
const ALIAS: &str = "Valentina";
/// What the visitor types at "¿En qué ha trabajado?": the built-in catalog's sales occupations.
const TITLE: &str = "vendedor";

fn t0() -> Timestamp {
    "2026-03-02T15:04:00Z".parse().unwrap()
}

/// The PIN's hash, made once per test binary: argon2 is slow on purpose.
fn pin_hash() -> String {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| rumbo::kiosk::pin::hash(PIN).unwrap()).clone()
}

/// A kiosk as `rumbo --kiosk` starts: the welcome screen, the default admin key.
fn kiosk_model(idle: u32, admin_key: &str, now: Timestamp) -> Model {
    let mut model = new_model();
    model.now = now;
    model.tz = jiff::tz::TimeZone::UTC;
    let key = AdminKey::parse(admin_key).unwrap();
    model.kiosk = Some(KioskState::new(idle, key, pin_hash(), now));
    model.screen = Screen::Welcome;
    model
}

fn key_msg(code: KeyCode, modifiers: KeyModifiers) -> Msg {
    Msg::Key(KeyEvent::new(code, modifiers))
}

fn ctrl_alt(c: char) -> Msg {
    key_msg(KeyCode::Char(c), KeyModifiers::CONTROL | KeyModifiers::ALT)
}

fn mouse_click(column: u16, row: u16) -> Msg {
    Msg::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

/// A kiosk driven through `update` alone, on a clock the test moves.
struct Kiosk {
    model: Model,
    /// The last lock `Effect::SavePinLock` asked to keep on disk.
    saved_lock: Option<PinLock>,
}

impl Kiosk {
    fn new() -> Kiosk {
        Kiosk::with(IDLE, "ctrl+alt+a")
    }

    fn with(idle: u32, admin_key: &str) -> Kiosk {
        Kiosk { model: kiosk_model(idle, admin_key, t0()), saved_lock: None }
    }

    fn send(&mut self, msg: Msg) -> Vec<Effect> {
        update(&mut self.model, msg)
    }

    fn press(&mut self, code: KeyCode) -> Vec<Effect> {
        self.send(key_msg(code, KeyModifiers::NONE))
    }

    fn char(&mut self, c: char) -> Vec<Effect> {
        self.press(KeyCode::Char(c))
    }

    fn type_text(&mut self, text: &str) -> Vec<Effect> {
        let mut effects = Vec::new();
        for c in text.chars() {
            effects.extend(if c == '\n' { self.press(KeyCode::Enter) } else { self.char(c) });
        }
        effects
    }

    fn admin_key(&mut self) -> Vec<Effect> {
        self.send(ctrl_alt('a'))
    }

    /// The PIN and Enter, the runtime's part played here: the check (`Effect::CheckPin`) answered, the
    /// lock's saves (`Effect::SavePinLock`) checked against the lock and left out of what is returned.
    fn pin(&mut self, pin: &str) -> Vec<Effect> {
        self.type_text(pin);
        let effects = self.press(KeyCode::Enter);
        self.carry_out_pin_effects(effects)
    }

    fn carry_out_pin_effects(&mut self, effects: Vec<Effect>) -> Vec<Effect> {
        let mut rest = Vec::new();
        for effect in effects {
            match effect {
                Effect::CheckPin { pin, hash } => {
                    let answer = self.send(Msg::PinChecked(rumbo::kiosk::pin::verify(&pin.0, &hash)));
                    rest.extend(self.carry_out_pin_effects(answer));
                }
                Effect::SavePinLock(lock) => {
                    assert_eq!(lock, self.kiosk().lock, "the lock saved is the lock in force");
                    self.saved_lock = Some(lock);
                }
                other => rest.push(other),
            }
        }
        rest
    }

    /// The clock at `seconds` after the start.
    fn at(&mut self, seconds: i64) {
        self.model.now = t0() + SignedDuration::from_secs(seconds);
    }

    fn tick_at(&mut self, seconds: i64) -> Vec<Effect> {
        self.at(seconds);
        self.send(Msg::Tick)
    }

    fn kiosk(&self) -> &KioskState {
        self.model.kiosk.as_ref().unwrap()
    }

    /// Enter on the welcome screen, the alias, Enter, "Sí, guardar" (`s`) or "No guardar" (`n`), Enter;
    /// the runtime's answer to the creation; then "¿En qué ha trabajado?" with a job title chosen: the
    /// first question.
    fn visitor(&mut self, alias: &str, consent: bool) {
        assert!(matches!(self.model.screen, Screen::Welcome));
        self.press(KeyCode::Enter);
        self.type_text(alias);
        self.press(KeyCode::Enter);
        self.char(if consent { 's' } else { 'n' });
        let effects = self.press(KeyCode::Enter);
        assert!(self.model.workspace().is_some(), "Enter starts the session");
        if consent {
            assert!(matches!(effects.as_slice(), [Effect::CreateSession(_)]), "{effects:?}");
            self.send(Msg::Saved(Ok(())));
        } else {
            assert!(effects.is_empty(), "{effects:?}");
        }
        self.press(KeyCode::Enter);
        self.type_text(TITLE);
        self.press(KeyCode::Enter);
        assert_eq!(self.kiosk().visit.step, Step::Questions);
    }

    /// A visitor who answered two questions ("Sí", "Estoy aprendiendo"); the last is not saved yet.
    fn busy_visitor(&mut self) {
        self.visitor(ALIAS, true);
        self.char('s');
        self.char('a');
        let ws = self.model.workspace().unwrap();
        assert_eq!(ws.session.marks.len(), 2);
        assert_eq!(ws.persistence, Persistence::Pending);
    }

    /// "Terminar" and its "Sí, terminar".
    fn finish(&mut self) -> Vec<Effect> {
        assert!(self.char('t').is_empty(), "Terminar asks first");
        self.char('s')
    }

    fn ws_overlay(&self) -> Option<&Overlay> {
        self.model.workspace().and_then(|ws| ws.overlay.as_ref())
    }

    fn text(&mut self, width: u16, height: u16) -> String {
        self.model.size = (width, height);
        render(&self.model).join("\n")
    }
}

/// The screen's words on one line, whatever wrapping and popup borders did.
fn flat(text: &str) -> String {
    text.replace(['║', '│', '┃'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_countdown(text: &str) -> bool {
    flat(text).contains("se cerrará en")
}

// ---- a whole visit, through the runner and on disk ---------------------------------------------------

/// One kiosk process: the model, the runner carrying out its effects on `dir`, summaries to `exports`.
struct KioskApp {
    model: Model,
    runner: Runner,
    dir: PathBuf,
    exports: PathBuf,
}

impl KioskApp {
    fn start(dir: &Path) -> KioskApp {
        let mut model = kiosk_model(IDLE, "ctrl+alt+a", Timestamp::now());
        let mut runner = Runner::new(dir).unwrap();
        let exports = dir.join("resumenes-quiosco");
        runner.set_export_dir(exports.clone());
        runner.start(&mut model);
        KioskApp { model, runner, dir: dir.to_path_buf(), exports }
    }

    fn send(&mut self, msg: Msg) {
        self.runner.dispatch(&mut self.model, vec![msg]);
    }

    fn press(&mut self, code: KeyCode) {
        self.send(key_msg(code, KeyModifiers::NONE));
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) });
        }
    }

    fn visitor(&mut self, alias: &str, consent: bool) {
        self.press(KeyCode::Enter);
        self.type_text(alias);
        self.press(KeyCode::Enter);
        self.press(KeyCode::Char(if consent { 's' } else { 'n' }));
        self.press(KeyCode::Enter);
        assert!(self.model.workspace().is_some());
        self.press(KeyCode::Enter);
        self.type_text(TITLE);
        self.press(KeyCode::Enter);
    }

    fn finish(&mut self) {
        self.press(KeyCode::Char('t'));
        self.press(KeyCode::Char('s'));
    }

    fn text(&mut self) -> String {
        render(&self.model).join("\n")
    }

    fn exported(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.exports)
            .map(|d| d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        names.sort();
        names
    }

    /// Every file under the data folder and the export folder, with its contents.
    fn files(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files: Vec<_> =
            all_files(&self.dir).into_iter().map(|p| (p.clone(), fs::read(&p).unwrap())).collect();
        files.sort();
        files
    }

    /// Lets the idle time run out as if the visitor had left `IDLE` seconds ago, then the runtime's tick.
    fn walk_away(&mut self) {
        let kiosk = self.model.kiosk.as_mut().unwrap();
        kiosk.last_input = Timestamp::now() - SignedDuration::from_secs(i64::from(IDLE) + 1);
        self.send(Msg::Tick);
    }
}

#[test]
fn a_visitor_answers_and_finishes_with_a_code_the_desk_can_find() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = KioskApp::start(dir.path());
    let screen = flat(&app.text());
    assert!(screen.contains("Pulse Enter para comenzar"), "{screen}");

    // The form: alias, then Enter goes straight to the consent choice — no counselor field at a kiosk.
    app.press(KeyCode::Enter);
    assert!(matches!(app.model.screen, Screen::NewSession(_)));
    assert!(!app.text().contains("Orientador"), "{}", app.text());
    app.type_text(ALIAS);
    app.press(KeyCode::Enter);
    let Screen::NewSession(form) = &app.model.screen else { panic!("the form") };
    assert_eq!(form.field, FormField::Consent);
    app.press(KeyCode::Char('s'));
    app.press(KeyCode::Enter);
    assert_eq!(app.model.workspace().unwrap().persistence, Persistence::Saved, "created and saved");

    // A job title, and the first question answered "Sí".
    app.press(KeyCode::Enter);
    app.type_text(TITLE);
    app.press(KeyCode::Enter);
    app.press(KeyCode::Char('s'));
    assert!(app.text().lines().last().unwrap().contains("[t] Terminar"), "{}", app.text());
    let id = app.model.workspace().unwrap().session.id.clone();

    // "Terminar", confirmed: the summary goes to the kiosk's folder, the code names it.
    app.finish();
    let Screen::KioskDone(Some(Ok(code))) = &app.model.screen else { panic!("the done screen with a code") };
    let code = code.clone();
    assert_eq!(code, id[..6].to_uppercase());
    assert_eq!(code.len(), 6);
    let names = app.exported();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].ends_with(".html") && names[0].contains(&code.to_lowercase()), "{names:?}");
    // The kiosk's folder is shared: the file is named by date and code, never by the visitor's alias.
    assert!(
        names[0].starts_with("rumbo-") && names[0].len() == "rumbo-2026-01-01-abcdef.html".len(),
        "{names:?}"
    );
    let html = fs::read_to_string(app.exports.join(&names[0])).unwrap();
    assert!(html.contains("Vender bienes y servicios técnicos"), "the answer is in it");
    let screen = app.text();
    assert!(screen.contains(&code), "{screen}");
    assert!(!screen.contains(&id) && !screen.contains(".html") && !screen.contains('/'), "{screen}");

    // The session is on disk with the answer, and no longer held by this kiosk.
    let store = SessionStore::open(dir.path()).unwrap();
    assert_eq!(store.load(&id).unwrap().marks.len(), 1);
    assert!(!store.is_locked(&id).unwrap(), "closed");

    // Enter: back to the welcome screen, nothing of the visitor left.
    app.press(KeyCode::Enter);
    assert!(matches!(app.model.screen, Screen::Welcome));
    let screen = app.text();
    assert!(!screen.contains(ALIAS) && !screen.contains(&code), "{screen}");
    // A kiosk writes the visitor's session and the summary: no preferences, nothing else.
    let written: Vec<PathBuf> = all_files(dir.path());
    assert!(
        written.iter().all(|p| p.starts_with(&app.exports) || p.starts_with(dir.path().join("sessions"))),
        "{written:?}"
    );
    assert!(!dir.path().join("preferences.ron").exists());
}

#[test]
fn without_consent_terminar_still_gives_a_summary_and_writes_no_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = KioskApp::start(dir.path());
    app.visitor("Jorge", false);
    assert_eq!(app.model.workspace().unwrap().persistence, Persistence::Unsaved);
    // `q` and Ctrl+C, which would ask to discard the session elsewhere, do nothing here.
    app.press(KeyCode::Char('q'));
    app.send(key_msg(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.model.workspace().unwrap().overlay.is_none());
    app.finish();
    assert!(matches!(app.model.screen, Screen::KioskDone(Some(Ok(_)))));
    assert_eq!(app.exported().len(), 1);
    assert!(session_ids(dir.path()).is_empty(), "no consent, no session file");
}

/// What a counselor left on this computer — another person's session, the counselor's name — is never
/// read, listed, shown or touched by the kiosk.
#[test]
fn the_kiosk_never_touches_other_sessions_or_the_counselors_files() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    let set = keyflow_support::catalog().0;
    let mut other = Session::new("Marisol Pérez", "Luisa", Timestamp::now(), &set).unwrap();
    other.set_notes("Historia clínica reservada");
    store.save(&other).unwrap();
    fs::write(dir.path().join("preferences.ron"), "(counselor: \"Luisa Fernanda\")").unwrap();
    let before = {
        let app = KioskApp::start(dir.path());
        app.files()
    };

    let mut app = KioskApp::start(dir.path());
    assert!(app.model.sessions.rows.is_empty() && app.model.counselor.is_empty());
    app.visitor(ALIAS, true);
    app.finish();
    for screen in [app.text(), {
        app.press(KeyCode::Enter);
        app.text()
    }] {
        assert!(!screen.contains("Marisol") && !screen.contains("Luisa"), "{screen}");
    }
    assert!(app.model.sessions.rows.is_empty() && app.model.counselor.is_empty());
    // Every file that was there is there, byte for byte; the new ones are the visitor's.
    let after = app.files();
    for file in &before {
        assert!(after.contains(file), "{} changed or went", file.0.display());
    }
    assert_eq!(session_ids(dir.path()).len(), 2, "the other session and the visitor's");
}

// ---- the form -----------------------------------------------------------------------------------------

#[test]
fn the_kiosk_form_goes_between_alias_and_consent_only() {
    let mut k = Kiosk::new();
    k.press(KeyCode::Enter);
    let field = |k: &Kiosk| match &k.model.screen {
        Screen::NewSession(form) => form.field,
        _ => panic!("the form"),
    };
    assert_eq!(field(&k), FormField::Alias);
    for code in [KeyCode::Tab, KeyCode::BackTab, KeyCode::Down, KeyCode::Up] {
        for _ in 0..3 {
            k.press(code);
            assert_ne!(field(&k), FormField::Counselor, "{code:?}");
        }
    }
    // From the alias, one Tab is the consent choice; `s` chooses there and is typed in the alias.
    while field(&k) != FormField::Alias {
        k.press(KeyCode::Tab);
    }
    k.type_text("Ana Luz");
    k.press(KeyCode::Tab);
    assert_eq!(field(&k), FormField::Consent);
    k.char('s');
    let Screen::NewSession(form) = &k.model.screen else { panic!() };
    assert!(form.consent && form.alias == "Ana Luz" && form.counselor.is_empty());
    // A pasted text goes to the field in focus, never to a counselor field.
    k.press(KeyCode::Tab);
    k.send(Msg::Paste(" Rocío".into()));
    let Screen::NewSession(form) = &k.model.screen else { panic!() };
    assert_eq!((form.alias.as_str(), form.counselor.as_str()), ("Ana Luz Rocío", ""));
    let effects = k.press(KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::CreateSession(s)] if s.counselor.is_empty()),
        "{effects:?}"
    );
}

#[test]
fn an_empty_alias_keeps_the_form_and_esc_goes_back_to_the_welcome() {
    let mut k = Kiosk::new();
    k.press(KeyCode::Enter);
    k.press(KeyCode::Enter);
    let Screen::NewSession(form) = &k.model.screen else { panic!("still the form") };
    assert!(form.alias_missing);
    k.type_text("Ana");
    k.press(KeyCode::Esc);
    assert!(matches!(k.model.screen, Screen::Welcome));
    k.press(KeyCode::Enter);
    let Screen::NewSession(form) = &k.model.screen else { panic!("the form") };
    assert!(form.alias.is_empty(), "a fresh form");
}

/// Windows terminals send a release after every press: Enter released must not act a second time.
#[test]
fn key_releases_do_not_act_twice() {
    let release = |code| Msg::Key(KeyEvent::new_with_kind(code, KeyModifiers::NONE, KeyEventKind::Release));
    let mut k = Kiosk::new();
    k.press(KeyCode::Enter);
    k.send(release(KeyCode::Enter));
    let Screen::NewSession(form) = &k.model.screen else { panic!("the form") };
    assert!(!form.alias_missing, "the release did not submit the empty form");
    k.type_text(ALIAS);
    k.send(release(KeyCode::Char('a')));
    k.press(KeyCode::Enter);
    k.send(release(KeyCode::Enter));
    k.char('s');
    k.press(KeyCode::Enter);
    k.send(release(KeyCode::Enter));
    assert_eq!(k.kiosk().visit.step, Step::Start, "the release did not choose where to start");
    k.char('t');
    k.send(release(KeyCode::Char('t')));
    k.char('s');
    k.send(release(KeyCode::Char('s')));
    k.send(Msg::KioskFinished(Ok("ABCDEF".into())));
    k.press(KeyCode::Enter);
    k.send(release(KeyCode::Enter));
    assert!(matches!(k.model.screen, Screen::Welcome), "the release did not open a form");
}

// ---- Terminar ----------------------------------------------------------------------------------------

#[test]
fn terminar_saves_writes_the_summary_and_closes_the_session() {
    let mut k = Kiosk::new();
    k.busy_visitor();
    let id = k.model.workspace().unwrap().session.id.clone();
    let effects = k.finish();
    match effects.as_slice() {
        [Effect::SaveSession(saved), Effect::KioskFinish(summary), Effect::CloseSession(closed)] => {
            assert_eq!(saved.marks.len(), 2, "what was pending is saved first");
            assert_eq!(summary.marks.len(), 2);
            assert_eq!(closed, &id);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(k.model.screen, Screen::KioskDone(None)));
    assert!(k.model.workspace().is_none(), "the session is no longer in memory");
}

#[test]
fn t_is_terminar_only_where_nothing_is_typed() {
    // In the job title, `t` is a letter.
    let mut k = Kiosk::new();
    k.press(KeyCode::Enter);
    k.type_text(ALIAS);
    k.press(KeyCode::Enter);
    k.char('s');
    k.press(KeyCode::Enter);
    k.press(KeyCode::Enter);
    k.char('t');
    assert!(matches!(&k.kiosk().visit.step, Step::Title(search) if search.query == "t"));
    assert!(!k.kiosk().visit.confirm);
    k.press(KeyCode::Esc);
    // Elsewhere it asks first; Caps Lock's `T` too. `n` (or Esc) goes on with the visit.
    k.char('T');
    assert!(k.kiosk().visit.confirm && k.model.workspace().is_some());
    k.char('n');
    assert!(!k.kiosk().visit.confirm && k.model.workspace().is_some());
    k.char('T');
    k.char('S');
    assert!(matches!(k.model.screen, Screen::KioskDone(None)));
}

#[test]
fn the_done_screen_waits_for_the_code_then_enter_wipes_everything() {
    let mut k = Kiosk::new();
    k.visitor(ALIAS, true);
    k.finish();
    // No code yet: Enter would lose it.
    assert!(k.press(KeyCode::Enter).is_empty());
    assert!(matches!(k.model.screen, Screen::KioskDone(None)));
    k.send(Msg::KioskFinished(Ok("K7M2QX".into())));
    assert!(k.text(80, 24).contains("K7M2QX"));
    let effects = k.press(KeyCode::Enter);
    assert_eq!(effects, vec![Effect::WipeScreen]);
    assert!(matches!(k.model.screen, Screen::Welcome));
    // A late answer cannot bring the code back over the welcome screen.
    k.send(Msg::KioskFinished(Ok("K7M2QX".into())));
    assert!(matches!(k.model.screen, Screen::Welcome));
    assert!(!k.text(80, 24).contains("K7M2QX"));
}

#[test]
fn a_summary_that_cannot_be_written_says_so_without_a_path() {
    let mut k = Kiosk::new();
    k.visitor(ALIAS, true);
    k.finish();
    k.send(Msg::KioskFinished(Err("/srv/rumbo/resumenes: Permission denied (os error 13)".into())));
    let screen = k.text(80, 24);
    assert!(flat(&screen).contains("avise en el mostrador"), "{screen}");
    assert!(!screen.contains("/srv") && !screen.contains("Permission"), "{screen}");
    assert_eq!(k.press(KeyCode::Enter), vec![Effect::WipeScreen]);
}

// ---- no way out --------------------------------------------------------------------------------------

/// Every key a visitor might try to leave with: the terminal's signals (raw mode turns them into keys),
/// `q`, Esc, the function keys and Alt combinations.
fn escape_keys() -> Vec<(String, KeyEvent)> {
    let mut keys = Vec::new();
    let key = KeyEvent::new;
    let ctrl = KeyModifiers::CONTROL;
    for (name, c) in [("Ctrl+C", 'c'), ("Ctrl+Z", 'z'), ("Ctrl+\\", '\\'), ("Ctrl+D", 'd'), ("Ctrl+Q", 'q')] {
        keys.push((name.to_string(), key(KeyCode::Char(c), ctrl)));
    }
    // Crossterm reports Ctrl+\ (0x1C) as Ctrl+4 on most terminals.
    keys.push(("Ctrl+4".to_string(), key(KeyCode::Char('4'), ctrl)));
    for c in ['q', 'Q'] {
        keys.push((c.to_string(), key(KeyCode::Char(c), KeyModifiers::NONE)));
    }
    keys.push(("Esc".to_string(), key(KeyCode::Esc, KeyModifiers::NONE)));
    for n in 1..=12 {
        keys.push((format!("F{n}"), key(KeyCode::F(n), KeyModifiers::NONE)));
    }
    let alt = KeyModifiers::ALT;
    keys.push(("Alt+F4".to_string(), key(KeyCode::F(4), alt)));
    keys.push(("Ctrl+Alt+F2".to_string(), key(KeyCode::F(2), ctrl | alt)));
    keys.push(("Ctrl+Alt+Supr".to_string(), key(KeyCode::Delete, ctrl | alt)));
    keys.push(("Alt+Tab".to_string(), key(KeyCode::Tab, alt)));
    keys.push(("Alt+Esc".to_string(), key(KeyCode::Esc, alt)));
    keys.push(("Alt+Enter".to_string(), key(KeyCode::Enter, alt)));
    for c in ['q', 'x', 'e', 't', 'd', 'c', 'n', 's'] {
        keys.push((format!("Alt+{c}"), key(KeyCode::Char(c), alt)));
    }
    keys
}

/// Where a kiosk screen is, coarsely: what an escape key must not change.
#[derive(Debug, PartialEq)]
enum Place {
    Welcome,
    Form,
    /// The session's id: it must be the same session, still there.
    Workspace(String),
    Done(Option<Result<String, rumbo::app::Failure>>),
}

fn place(model: &Model) -> Place {
    match &model.screen {
        Screen::Welcome => Place::Welcome,
        Screen::NewSession(_) => Place::Form,
        Screen::Workspace(ws) => Place::Workspace(ws.session.id.clone()),
        Screen::KioskDone(outcome) => Place::Done(outcome.clone()),
        Screen::Sessions => panic!("the sessions list is not for visitors"),
    }
}

type Build = fn(&mut Kiosk);

/// Every kiosk screen, each step of the visit, and with the PIN prompt open.
fn kiosk_screens() -> Vec<(&'static str, Build)> {
    vec![
        ("welcome", |_| {}),
        ("form", |k| {
            k.press(KeyCode::Enter);
            k.type_text(ALIAS);
        }),
        ("form on consent", |k| {
            k.press(KeyCode::Enter);
            k.type_text(ALIAS);
            k.press(KeyCode::Tab);
            k.char('s');
        }),
        ("where to start", |k| {
            k.visitor(ALIAS, true);
            k.press(KeyCode::Backspace);
        }),
        ("job title", |k| {
            k.visitor(ALIAS, true);
            k.press(KeyCode::Backspace);
            k.press(KeyCode::Enter);
            k.type_text("vend");
        }),
        ("sectors", |k| {
            k.visitor(ALIAS, true);
            k.press(KeyCode::Backspace);
            k.press(KeyCode::Down);
            k.press(KeyCode::Enter);
        }),
        ("questions", |k| k.busy_visitor()),
        ("questions without consent", |k| k.visitor("Jorge", false)),
        ("results", |k| {
            k.busy_visitor();
            k.char('r');
        }),
        ("done, writing", |k| {
            k.busy_visitor();
            k.finish();
        }),
        ("done with a code", |k| {
            k.busy_visitor();
            k.finish();
            k.send(Msg::KioskFinished(Ok("K7M2QX".into())));
        }),
        ("done, failed", |k| {
            k.visitor(ALIAS, true);
            k.finish();
            k.send(Msg::KioskFinished(Err("disco lleno".into())));
        }),
        ("PIN prompt on the welcome", |k| {
            k.admin_key();
        }),
        ("PIN prompt over the questions", |k| {
            k.busy_visitor();
            k.admin_key();
            k.type_text("48");
        }),
    ]
}

/// What a kiosk must never be asked to do by a visitor's key.
fn harmful(effect: &Effect) -> bool {
    matches!(
        effect,
        Effect::Quit
            | Effect::ListSessions
            | Effect::OpenSession(_)
            | Effect::DeleteSession(_)
            | Effect::Export { .. }
            | Effect::RememberCounselor(_)
            | Effect::CloseSession(_)
            | Effect::KioskFinish(_)
            | Effect::WipeScreen
            | Effect::CreateSession(_)
    )
}

#[test]
fn no_escape_key_does_anything_harmful_on_any_kiosk_screen() {
    let keys = escape_keys();
    for (screen, build) in kiosk_screens() {
        for (name, key) in &keys {
            let mut k = Kiosk::new();
            build(&mut k);
            k.at(5);
            let before = place(&k.model);
            let pin_was_open = k.kiosk().pin.is_some();
            let overlay_before = k.ws_overlay().map(std::mem::discriminant);
            let is_esc = key.code == KeyCode::Esc;
            let effects = k.send(Msg::Key(*key));
            let what = format!("{name} on {screen}");
            let after = place(&k.model);
            // Esc may take the form back to the welcome (nothing was started yet), and Alt+Enter is an
            // Enter: it may go forward from the welcome to the form, from the form into a session, and
            // from the code (already given) to the next visitor's welcome.
            let back_to_welcome = is_esc && !pin_was_open && before == Place::Form && after == Place::Welcome;
            let forward = key.code == KeyCode::Enter
                && !pin_was_open
                && matches!(
                    (&before, &after),
                    (Place::Welcome, Place::Form)
                        | (Place::Form, Place::Workspace(_))
                        | (Place::Done(Some(_)), Place::Welcome)
                );
            assert!(after == before || back_to_welcome || forward, "{what}: {before:?} → {after:?}");
            let started = |e: &Effect| forward && matches!(e, Effect::CreateSession(_) | Effect::WipeScreen);
            assert!(!effects.iter().any(|e| harmful(e) && !started(e)), "{what}: {effects:?}");
            assert!(!k.model.quitting, "{what}");
            assert!(
                !matches!(k.ws_overlay(), Some(Overlay::Export(_) | Overlay::ConfirmDiscard)),
                "{what} opened a counselor's dialog"
            );
            if pin_was_open {
                // The prompt stays until Esc closes it; no key but the PIN gets past it.
                assert_eq!(k.kiosk().pin.is_some(), !is_esc, "{what}");
                assert_eq!(k.ws_overlay().map(std::mem::discriminant), overlay_before, "{what}");
            } else {
                assert!(k.kiosk().pin.is_none(), "{what} opened the PIN prompt");
            }
            // Whatever the key, the screen still shows no path and no list of sessions.
            for (width, height) in [(80, 24), (120, 40)] {
                let text = k.text(width, height);
                assert!(!text.contains("Sesiones") && !text.contains("/tmp"), "{what}:\n{text}");
            }
        }
    }
}

/// The same keys one after another in a visitor's workspace, through the runner, with the files watched:
/// rumbo is still running, the session is still there and saved, nothing was deleted or exported.
#[test]
fn escape_keys_in_a_row_leave_the_kiosk_running_and_the_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = KioskApp::start(dir.path());
    app.visitor(ALIAS, true);
    app.press(KeyCode::Char('s'));
    let id = app.model.workspace().unwrap().session.id.clone();
    for (name, key) in escape_keys() {
        app.send(Msg::Key(key));
        assert!(!app.runner.wants_quit(), "{name}");
        let ws = app.model.workspace().unwrap_or_else(|| panic!("{name} ended the visit"));
        assert_eq!(ws.session.id, id, "{name}");
        assert!(!ws.session.marks.is_empty(), "{name}");
        // Alt+t is a `t`: it asks "¿Terminar?"; Esc goes on with the visit.
        app.press(KeyCode::Esc);
    }
    assert!(app.exported().is_empty(), "nothing exported");
    assert_eq!(session_ids(dir.path()), vec![id]);
}

#[test]
fn clicks_on_nothing_or_under_the_pin_prompt_do_nothing() {
    let mut k = Kiosk::new();
    assert!(k.send(mouse_click(40, 12)).is_empty());
    assert!(matches!(k.model.screen, Screen::Welcome));
    k.visitor(ALIAS, true);
    k.admin_key();
    k.send(mouse_click(2, 2));
    // A click the region map placed on an answer, under the prompt, goes nowhere; nor on a pane.
    k.send(Msg::Clicked { area: Area::Kiosk(Target::Answer(Answer::Yes)), row: None });
    k.send(Msg::Clicked { area: Area::Pane(Pane::Programs), row: Some(1) });
    k.send(Msg::Wheel { area: Area::Pane(Pane::Sectors), down: true });
    assert!(k.model.workspace().unwrap().session.marks.is_empty(), "the click went under the prompt");
    k.press(KeyCode::Esc);
    k.finish();
    k.send(Msg::KioskFinished(Ok("K7M2QX".into())));
    assert!(k.send(mouse_click(40, 12)).is_empty());
    assert!(matches!(k.model.screen, Screen::KioskDone(Some(_))));
}

// ---- the idle clock ----------------------------------------------------------------------------------

#[test]
fn the_countdown_shows_in_the_last_30_seconds_and_any_key_cancels_it() {
    let mut k = Kiosk::new();
    k.visitor(ALIAS, true);
    // The last key was at 0 s.
    assert!(k.tick_at(269).is_empty());
    assert_eq!(k.kiosk().countdown(k.model.now), None);
    assert!(!has_countdown(&k.text(80, 24)));
    assert!(k.tick_at(270).is_empty());
    assert!(flat(&k.text(80, 24)).contains("se cerrará en 30 s"), "{}", k.text(80, 24));
    assert!(k.tick_at(299).is_empty());
    assert!(flat(&k.text(120, 40)).contains("se cerrará en 1 s"));

    // Any key cancels it — and only cancels it: `s` does not answer.
    assert!(k.char('s').is_empty());
    assert!(k.model.workspace().unwrap().session.marks.is_empty(), "the key only cancelled");
    assert!(!has_countdown(&k.text(80, 24)));
    // The old deadline passes; the next key acts normally again.
    assert!(k.tick_at(300).is_empty());
    assert!(k.model.workspace().is_some());
    assert_eq!(k.kiosk().countdown(k.model.now), None);
    k.char('s');
    assert_eq!(k.model.workspace().unwrap().session.marks.len(), 1);
    // The new deadline is 300 s after that last key.
    k.at(300 + 269);
    assert!(!has_countdown(&k.text(80, 24)));
    k.at(300 + 270);
    assert!(has_countdown(&k.text(80, 24)));
    assert!(k.tick_at(600).contains(&Effect::WipeScreen));
}

#[test]
fn the_countdown_also_cancels_on_a_click_or_a_paste() {
    let clicks = [
        mouse_click(50, 10),
        Msg::Clicked { area: Area::Pane(Pane::Occupations), row: Some(2) },
        Msg::Wheel { area: Area::Pane(Pane::Occupations), down: true },
    ];
    for msg in clicks.into_iter().chain([Msg::Paste("hola".into())]) {
        let mut k = Kiosk::new();
        k.visitor(ALIAS, true);
        k.at(290);
        k.send(msg);
        assert!(!has_countdown(&k.text(80, 24)));
        assert!(k.tick_at(300).is_empty() && k.model.workspace().is_some());
    }
}

#[test]
fn a_short_timeout_counts_down_its_last_half() {
    let mut k = Kiosk::with(20, "ctrl+alt+a");
    k.visitor(ALIAS, true);
    k.at(9);
    assert!(!has_countdown(&k.text(80, 24)));
    k.at(10);
    assert!(flat(&k.text(80, 24)).contains("se cerrará en 10 s"));
    assert!(k.tick_at(19).is_empty());
    assert!(k.tick_at(20).contains(&Effect::WipeScreen));
}

/// The heart of kiosk privacy: at zero the session is saved, then nothing of the visitor is left on
/// screen or in the model; the next visitor finds no trace in any frame.
#[test]
fn at_zero_the_session_is_saved_then_wiped_from_screen_and_memory() {
    let mut k = Kiosk::new();
    k.busy_visitor();
    let id = k.model.workspace().unwrap().session.id.clone();
    for (width, height) in [(80, 24), (120, 40)] {
        assert!(k.text(width, height).contains(ALIAS));
    }
    k.tick_at(270);
    assert!(has_countdown(&k.text(80, 24)));
    let effects = k.tick_at(300);
    match effects.as_slice() {
        [
            Effect::SaveSession(saved),
            Effect::KioskFinish(summary),
            Effect::CloseSession(closed),
            Effect::WipeScreen,
        ] => {
            assert_eq!((saved.marks.len(), closed.as_str()), (2, id.as_str()), "saved first, then closed");
            assert_eq!(summary.id, id, "the summary is written as Terminar would");
        }
        other => panic!("{other:?}"),
    }
    assert_no_trace(&mut k);

    // The next visitor: the welcome, the form, a session of their own, its questions.
    assert!(k.text(80, 24).contains("Pulse Enter para comenzar"));
    k.at(400);
    k.press(KeyCode::Enter);
    assert_frames_clean(&mut k, "the next visitor's form");
    let Screen::NewSession(form) = &k.model.screen else { panic!("the form") };
    assert!(form.alias.is_empty() && !form.consent && !form.consent_chosen);
    k.type_text("Camilo");
    k.press(KeyCode::Enter);
    k.char('s');
    k.press(KeyCode::Enter);
    assert_frames_clean(&mut k, "the next visitor's start");
    assert_eq!(k.kiosk().visit.step, Step::Start);
    k.press(KeyCode::Enter);
    k.type_text(TITLE);
    k.press(KeyCode::Enter);
    assert_frames_clean(&mut k, "the next visitor's questions");
    let ws = k.model.workspace().unwrap();
    assert_ne!(ws.session.id, id);
    assert!(ws.session.marks.is_empty() && ws.session.answered_no.is_empty());
    k.char('r');
    assert_frames_clean(&mut k, "the next visitor's results");
}

/// No frame, at either size, shows the first visitor's alias.
fn assert_frames_clean(k: &mut Kiosk, when: &str) {
    for (width, height) in [(80, 24), (120, 40)] {
        let text = k.text(width, height);
        assert!(!text.contains(ALIAS), "{when}: {ALIAS:?} at {width}×{height}:\n{text}");
    }
}

/// The welcome screen, and a model that holds nothing of the visitor.
fn assert_no_trace(k: &mut Kiosk) {
    assert!(matches!(k.model.screen, Screen::Welcome));
    assert!(k.model.workspace().is_none());
    let sessions = &k.model.sessions;
    assert!(sessions.rows.is_empty() && sessions.filter.is_empty() && !sessions.filtering);
    assert!(sessions.notice.is_none() && sessions.follow.is_none() && sessions.confirm_delete.is_none());
    assert!(k.model.counselor.is_empty());
    assert!(k.kiosk().pin.is_none());
    assert!(!k.model.quitting);
    assert_frames_clean(k, "after the wipe");
}

#[test]
fn the_wipe_reaches_the_disk_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = KioskApp::start(dir.path());
    app.visitor(ALIAS, true);
    app.press(KeyCode::Char('s'));
    app.press(KeyCode::Char('n'));
    let id = app.model.workspace().unwrap().session.id.clone();
    app.walk_away();
    assert!(matches!(app.model.screen, Screen::Welcome));
    assert!(!app.text().contains(ALIAS));
    let store = SessionStore::open(dir.path()).unwrap();
    let saved = store.load(&id).unwrap();
    assert_eq!((saved.marks.len(), saved.answered_no.len()), (1, 1), "every answer is on disk");
    assert!(!store.is_locked(&id).unwrap(), "and the session is closed");
    assert!(!app.runner.wants_quit());
    // Issue 14: the visitor who walked away can still claim the visit at the desk.
    let names = app.exported();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].contains(&id[..6]), "{names:?}");
}

#[test]
fn a_visitor_without_consent_is_wiped_without_writing_anything() {
    let mut k = Kiosk::new();
    k.visitor(ALIAS, false);
    k.char('s');
    let effects = k.tick_at(300);
    assert_eq!(effects, vec![Effect::WipeScreen]);
    assert_no_trace(&mut k);
}

#[test]
fn the_form_and_the_done_screen_time_out_too() {
    let mut k = Kiosk::new();
    k.press(KeyCode::Enter);
    k.type_text(ALIAS);
    k.at(1);
    assert_eq!(k.tick_at(301), vec![Effect::WipeScreen]);
    assert_no_trace(&mut k);

    let mut k = Kiosk::new();
    k.visitor(ALIAS, true);
    k.finish();
    k.send(Msg::KioskFinished(Ok("K7M2QX".into())));
    k.at(280);
    let done = k.text(80, 24);
    assert!(has_countdown(&done) && done.contains("K7M2QX"), "the code stays readable:\n{done}");
    assert_eq!(k.tick_at(300), vec![Effect::WipeScreen]);
    assert_no_trace(&mut k);
    assert!(!k.text(80, 24).contains("K7M2QX"));
}

#[test]
fn the_welcome_screen_never_times_out() {
    let mut k = Kiosk::new();
    assert!(k.tick_at(100_000).is_empty());
    assert!(matches!(k.model.screen, Screen::Welcome));
    assert!(!has_countdown(&k.text(80, 24)));
    // The PIN prompt open on the welcome screen does not time out either, nor count down.
    k.admin_key();
    assert!(k.tick_at(200_000).is_empty());
    assert!(k.kiosk().pin.is_some());
}

/// The tick that ends a session can come late (the computer slept); the next key must not be the one
/// that brings the last visitor back.
#[test]
fn a_key_after_the_deadline_cannot_bring_the_last_visitor_back() {
    let mut k = Kiosk::new();
    k.busy_visitor();
    k.at(3600);
    let effects = k.char('s');
    assert!(effects.contains(&Effect::WipeScreen), "{effects:?}");
    assert!(matches!(effects.first(), Some(Effect::SaveSession(s)) if s.marks.len() == 2), "{effects:?}");
    assert_no_trace(&mut k);
}

#[test]
fn the_pin_prompt_over_a_session_does_not_stop_the_clock() {
    let mut k = Kiosk::new();
    k.busy_visitor();
    k.admin_key();
    k.type_text("48");
    let effects = k.tick_at(300);
    assert!(effects.contains(&Effect::WipeScreen));
    assert_no_trace(&mut k);
}

// ---- the administrator's PIN -------------------------------------------------------------------------

#[test]
fn ctrl_alt_a_opens_the_pin_prompt_on_every_kiosk_screen() {
    for (screen, build) in kiosk_screens() {
        let mut k = Kiosk::new();
        build(&mut k);
        if k.kiosk().pin.is_some() {
            k.press(KeyCode::Esc);
        }
        let effects = k.admin_key();
        assert!(effects.is_empty(), "{screen}: {effects:?}");
        assert!(k.kiosk().pin.is_some(), "{screen}");
        let text = k.text(80, 24);
        assert!(text.contains("Administración") && text.contains("PIN:"), "{screen}:\n{text}");
    }
}

#[test]
fn the_admin_key_is_configurable() {
    let mut k = Kiosk::with(IDLE, "ctrl+alt+k");
    k.admin_key();
    assert!(k.kiosk().pin.is_none(), "Ctrl+Alt+A is an ordinary key now");
    k.send(ctrl_alt('k'));
    assert!(k.kiosk().pin.is_some());
    assert_eq!(k.pin(PIN), vec![Effect::Quit]);
}

#[test]
fn three_wrong_pins_lock_the_prompt_for_a_minute() {
    let mut k = Kiosk::new();
    k.admin_key();
    assert!(k.pin("1111").is_empty());
    assert!(k.text(80, 24).contains("PIN incorrecto."));
    // Esc and reopening do not reset the count of wrong tries.
    k.press(KeyCode::Esc);
    assert!(k.kiosk().pin.is_none());
    k.admin_key();
    assert!(!k.text(80, 24).contains("PIN incorrecto."), "a fresh prompt");
    assert!(k.pin("2222").is_empty());
    k.press(KeyCode::Esc);
    k.admin_key();
    assert!(k.pin("3333").is_empty());
    assert_eq!(k.kiosk().locked(k.model.now), Some(60));
    assert!(k.text(80, 24).contains("bloqueado: espere 60 s"), "{}", k.text(80, 24));

    // Locked: even the right PIN does nothing, and Esc and reopening keep the lock.
    assert!(k.pin(PIN).is_empty());
    assert!(!k.model.quitting);
    k.press(KeyCode::Esc);
    k.admin_key();
    assert!(k.text(80, 24).contains("bloqueado"));
    k.at(30);
    assert!(k.text(80, 24).contains("bloqueado: espere 30 s"));
    assert!(k.pin(PIN).is_empty());
    k.at(59);
    assert!(k.pin(PIN).is_empty(), "still locked at 59 s");

    // A minute after the third wrong PIN, the right one exits.
    k.at(60);
    assert!(!k.text(80, 24).contains("bloqueado"));
    assert_eq!(k.pin(PIN), vec![Effect::Quit]);
    assert!(k.model.quitting);
}

#[test]
fn after_the_first_lock_each_wrong_pin_locks_for_5_then_15_then_60_minutes() {
    let mut k = Kiosk::new();
    k.admin_key();
    for pin in ["1111", "2222", "3333"] {
        k.pin(pin);
    }
    let mut now = 0;
    let mut locks = vec![k.kiosk().locked(k.model.now).unwrap()];
    for pin in ["4444", "5555", "6666", "7777", "8888"] {
        now += locks.last().unwrap();
        k.at(now);
        assert_eq!(k.kiosk().locked(k.model.now), None);
        assert!(k.pin(pin).is_empty());
        locks.push(k.kiosk().locked(k.model.now).unwrap());
        assert_eq!(k.saved_lock.as_ref(), Some(&k.kiosk().lock), "every wrong PIN is kept on disk");
    }
    assert_eq!(locks, [60, 300, 900, 3600, 3600, 3600]);
    assert!(k.text(80, 24).contains("bloqueado: espere 60 min"), "{}", k.text(80, 24));
    // The right PIN once the hour is over: rumbo ends, and the lock saved is cleared.
    k.at(now + 3600);
    assert_eq!(k.pin(PIN), vec![Effect::Quit]);
    assert_eq!(k.saved_lock, Some(PinLock::default()));
}

/// The check is the runtime's (argon2 is slow on purpose): `update` only asks for it, counting the PIN
/// as wrong — and asking to keep that on disk — before the answer comes.
#[test]
fn enter_asks_the_runtime_to_check_the_pin_and_keeps_the_try_on_disk_first() {
    let mut k = Kiosk::new();
    k.admin_key();
    k.type_text("999999");
    let effects = k.press(KeyCode::Enter);
    let counted = PinLock { failures: 1, locked_until: None };
    match effects.as_slice() {
        [Effect::SavePinLock(lock), Effect::CheckPin { pin, hash }] => {
            assert_eq!(lock, &counted);
            assert_eq!(pin.0, "999999");
            assert_eq!(hash, &pin_hash());
            assert!(!format!("{effects:?}").contains("999999"), "the PIN in a debug print");
        }
        other => panic!("{other:?}"),
    }
    // Enter again before the answer: not a second try.
    k.type_text("1");
    assert!(k.press(KeyCode::Enter).is_empty());
    assert!(k.send(Msg::PinChecked(false)).is_empty());
    assert_eq!(k.kiosk().lock, counted);
    assert!(k.text(80, 24).contains("PIN incorrecto."));
    // An answer nobody asked for changes nothing.
    assert!(k.send(Msg::PinChecked(true)).is_empty());
    assert!(!k.model.quitting);
}

/// A kiosk restarted after wrong PINs gets the lock it had from `kiosk-pin.ron`, not three fresh tries.
#[test]
fn the_lock_is_kept_across_a_restart_through_the_runner() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = KioskApp::start(dir.path());
    app.send(ctrl_alt('a'));
    for pin in ["111111", "222222", "333333"] {
        app.type_text(&format!("{pin}\n"));
    }
    assert!(app.model.kiosk.as_ref().unwrap().locked(Timestamp::now()).is_some());
    let file = dir.path().join(rumbo::kiosk::lock_file::FILE_NAME);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let loaded = rumbo::kiosk::lock_file::load(dir.path(), Timestamp::now());
    assert_eq!(loaded.lock.failures, 3);
    assert!(loaded.lock.locked(Timestamp::now()).is_some_and(|s| s > 50), "{loaded:?}");
    // The next start (as `rumbo` starts a kiosk: the lock read from the file) is still locked.
    let mut app = KioskApp::start(dir.path());
    app.model.kiosk.as_mut().unwrap().lock = loaded.lock;
    app.send(ctrl_alt('a'));
    app.type_text(&format!("{PIN}\n"));
    assert!(!app.runner.wants_quit(), "locked: the right PIN is not even checked");
}

/// A hash stored by an older rumbo for a 4-digit PIN, when 4 were enough, still opens the kiosk.
#[test]
fn a_short_pin_stored_before_still_opens_the_kiosk() {
    const LEGACY_4821: &str =
        "$argon2id$v=19$m=19456,t=2,p=1$pq7yiMTdF2XUpP2B+K45WQ$rLDDMwDEFq5f00ef0e/aU8xMEGLLPgxR5apjOv3k5V4";
    let mut k = Kiosk::new();
    k.model.kiosk.as_mut().unwrap().pin_hash = LEGACY_4821.to_string();
    k.admin_key();
    assert!(k.pin("4822").is_empty());
    assert_eq!(k.pin("4821"), vec![Effect::Quit]);
}

#[test]
fn enter_on_an_empty_prompt_is_not_a_wrong_try() {
    let mut k = Kiosk::new();
    k.admin_key();
    for _ in 0..5 {
        assert!(k.press(KeyCode::Enter).is_empty());
    }
    assert_eq!(k.kiosk().locked(k.model.now), None);
    assert_eq!(k.kiosk().lock.failures, 0);
    assert_eq!(k.pin(PIN), vec![Effect::Quit]);
}

#[test]
fn the_right_pin_saves_what_is_pending_then_quits() {
    let mut k = Kiosk::new();
    k.busy_visitor();
    k.admin_key();
    let effects = k.pin(PIN);
    match effects.as_slice() {
        [Effect::SaveSession(saved), Effect::Quit] => assert_eq!(saved.marks.len(), 2),
        other => panic!("{other:?}"),
    }
    assert!(k.model.quitting);
}

#[test]
fn the_right_pin_through_the_runner_leaves_the_session_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = KioskApp::start(dir.path());
    app.visitor(ALIAS, true);
    app.press(KeyCode::Char('s'));
    let id = app.model.workspace().unwrap().session.id.clone();
    app.send(ctrl_alt('a'));
    app.type_text(&format!("{PIN}\n"));
    assert!(app.runner.wants_quit());
    let store = SessionStore::open(dir.path()).unwrap();
    assert_eq!(store.load(&id).unwrap().marks.len(), 1);
}

#[test]
fn what_is_typed_into_the_pin_prompt_never_reaches_the_session() {
    let mut k = Kiosk::new();
    k.visitor(ALIAS, true);
    k.admin_key();
    for c in ['t', 'q', 'e', ' ', 's', 'n', '/', '?'] {
        assert!(k.char(c).is_empty(), "{c}");
    }
    assert!(k.send(Msg::Paste("4821\nt".into())).is_empty());
    assert!(matches!(k.model.screen, Screen::Workspace(_)), "no Terminar");
    assert!(!k.kiosk().visit.confirm);
    let ws = k.model.workspace().unwrap();
    assert!(ws.session.marks.is_empty() && ws.session.answered_no.is_empty());
    assert_eq!(k.kiosk().visit.walk.as_ref().unwrap().at, 0);
    // What was typed shows as dots, one per key (the paste went nowhere).
    let text = k.text(80, 24);
    assert!(text.contains("PIN: ••••••••▏"), "{text}");
    let effects = k.press(KeyCode::Enter);
    assert!(k.carry_out_pin_effects(effects).is_empty(), "wrong");
    assert!(!k.model.quitting);
}
