//! Shared by the kiosk visitor tests (issue 14): a kiosk run by a real `Runner` on a temporary folder,
//! driven by keys and by clicks found on the screen as drawn (the region map), on a clock the test sets.
#![allow(dead_code)]

use crate::keyflow_support::{catalog, regions, render, session_ids};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use jiff::{SignedDuration, Timestamp};
use rumbo::app::kiosk::{AdminKey, KioskState};
use rumbo::app::kiosk_visit::{Step, Visit};
use rumbo::app::{Model, Msg, Screen, Workspace};
use rumbo::i18n::Lang;
use rumbo::runtime::Runner;
use rumbo::session::{Session, SessionStore};
use std::fs;
use std::path::{Path, PathBuf};

pub const IDLE: u32 = 300;

/// A kiosk as `rumbo --kiosk` starts: the welcome screen, in Spanish, at 80×24.
pub fn kiosk_model(now: Timestamp) -> Model {
    let (set, index) = catalog();
    let mut model = Model::new(Lang::Es, set, index);
    model.now = now;
    model.tz = jiff::tz::TimeZone::UTC;
    let key = AdminKey::parse("ctrl+alt+a").unwrap();
    model.kiosk = Some(KioskState::new(IDLE, key, String::new(), now));
    model.screen = Screen::Welcome;
    model.office.front_desk = Some("Mostrador 2, primer piso".into());
    model.office.name = Some("Oficina Kennedy".into());
    model
}

pub struct Visitor {
    pub model: Model,
    pub runner: Runner,
    pub dir: PathBuf,
    pub exports: PathBuf,
}

impl Visitor {
    pub fn start(dir: &Path) -> Visitor {
        let mut model = kiosk_model(Timestamp::now());
        let mut runner = Runner::new(dir).unwrap();
        let exports = dir.join("resumenes");
        runner.set_export_dir(exports.clone());
        runner.start(&mut model);
        Visitor { model, runner, dir: dir.to_path_buf(), exports }
    }

    pub fn send(&mut self, msg: Msg) {
        // The runner stamps the real time; the idle clock is moved by `walk_away`.
        self.runner.dispatch(&mut self.model, vec![msg]);
    }

    pub fn press(&mut self, code: KeyCode) {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    pub fn char(&mut self, c: char) {
        self.press(KeyCode::Char(c));
    }

    pub fn type_text(&mut self, text: &str) {
        text.chars().for_each(|c| self.char(c));
    }

    /// A left click on the first cell of the screen whose row shows `text` (the first such row).
    pub fn click_on(&mut self, text: &str) {
        let screen = self.screen();
        let (row, column) = screen
            .iter()
            .enumerate()
            .find_map(|(y, line)| line.find(text).map(|byte| (y, line[..byte].chars().count())))
            .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{}", screen.join("\n")));
        let event = MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: u16::try_from(column).unwrap(),
            row: u16::try_from(row).unwrap(),
            modifiers: KeyModifiers::NONE,
        };
        let msg = regions(&self.model).message(event);
        self.send(msg);
    }

    pub fn screen(&self) -> Vec<String> {
        render(&self.model)
    }

    pub fn text(&self) -> String {
        self.screen().join("\n")
    }

    pub fn visit(&self) -> &Visit {
        &self.model.kiosk.as_ref().unwrap().visit
    }

    pub fn step(&self) -> &Step {
        &self.visit().step
    }

    pub fn ws(&self) -> &Workspace {
        self.model.workspace().expect("the visit is open")
    }

    /// Welcome → alias → a consent choice → Continuar, by keys; the visit starts on "¿Por dónde empezamos?".
    pub fn begin(&mut self, alias: &str, consent: bool) {
        self.press(KeyCode::Enter);
        self.type_text(alias);
        self.press(KeyCode::Enter);
        self.char(if consent { 's' } else { 'n' });
        self.press(KeyCode::Enter);
        assert_eq!(self.step(), &Step::Start, "{}", self.text());
    }

    /// "¿En qué ha trabajado?": `title` typed, the first match chosen; the questions begin.
    pub fn by_title(&mut self, title: &str) {
        self.press(KeyCode::Enter);
        self.type_text(title);
        self.press(KeyCode::Enter);
        assert_eq!(self.step(), &Step::Questions, "{}", self.text());
    }

    pub fn store(&self) -> SessionStore {
        SessionStore::open(&self.dir).unwrap()
    }

    /// The one session on disk.
    pub fn saved(&self) -> Session {
        let ids = session_ids(&self.dir);
        assert_eq!(ids.len(), 1, "one session file: {ids:?}");
        self.store().load(&ids[0]).unwrap()
    }

    pub fn exported(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> =
            fs::read_dir(&self.exports).map(|d| d.map(|e| e.unwrap().path()).collect()).unwrap_or_default();
        files.sort();
        files
    }

    /// The idle time runs out as if the visitor had left `IDLE` seconds ago; then the runtime's tick.
    pub fn walk_away(&mut self) {
        let kiosk = self.model.kiosk.as_mut().unwrap();
        kiosk.last_input = Timestamp::now() - SignedDuration::from_secs(i64::from(IDLE) + 1);
        self.send(Msg::Tick);
    }
}

/// The screen's words on one line, whatever wrapping and borders did.
pub fn flat(text: &str) -> String {
    text.replace(['║', '│', '┃', '═', '─'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}
