//! Shared by the `keyflow_*` tests: the app as the terminal would run it, minus the terminal — a real
//! `Runner` on a temporary data folder, fed keys, pastes and mouse events, and drawn on a `TestBackend`.
#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rumbo::app::{Model, Msg, Overlay, Pane, Screen, Workspace};
use rumbo::catalog::{self, CatalogSet};
use rumbo::i18n::Lang;
use rumbo::runtime::Runner;
use rumbo::search::SearchIndex;
use rumbo::session::{Disk, Session, SessionStore};
use rumbo::ui::theme::{Theme, ThemeName};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The built-in catalog and its index, built once per test binary.
pub fn catalog() -> (Arc<CatalogSet>, Arc<SearchIndex>) {
    static BUILT: OnceLock<(Arc<CatalogSet>, Arc<SearchIndex>)> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
            let set = Arc::new(CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()));
            let index = Arc::new(SearchIndex::new(&set));
            (set, index)
        })
        .clone()
}

pub fn new_model() -> Model {
    let (set, index) = catalog();
    Model::new(Lang::Es, set, index)
}

pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn shift_tab() -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT))
}

/// A mouse event as the terminal reports it: [`App::pointer`] looks it up in the frame's region map.
pub fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }
}

pub fn click(column: u16, row: u16) -> MouseEvent {
    mouse(MouseEventKind::Down(MouseButton::Left), column, row)
}

/// One rumbo process: a model and the runner that carries out its effects against `dir`.
pub struct App {
    pub model: Model,
    pub runner: Runner,
    pub dir: PathBuf,
}

impl App {
    /// Starts rumbo on `dir` as the binary does: remembered counselor, then the list of sessions.
    pub fn start(dir: &Path) -> App {
        let mut model = new_model();
        let mut runner = Runner::new(dir).unwrap();
        runner.start(&mut model);
        App { model, runner, dir: dir.to_path_buf() }
    }

    /// [`start`](Self::start) with the sessions written through `disk` (a `FaultyDisk`, to inject faults).
    pub fn start_with_disk(dir: &Path, disk: Arc<dyn Disk>) -> App {
        let mut model = new_model();
        let mut runner = Runner::with_disk(dir, disk).unwrap();
        runner.start(&mut model);
        App { model, runner, dir: dir.to_path_buf() }
    }

    /// As the runtime does: the message, then what the frame drawn after it tells `update` (the help's
    /// room to scroll).
    pub fn send(&mut self, msg: Msg) {
        self.runner.dispatch(&mut self.model, vec![msg]);
        let help_open = matches!(
            self.model.workspace().map(|ws| &ws.overlay),
            Some(Some(Overlay::Help(_) | Overlay::FullText(_)))
        );
        if help_open && let Some(follow) = regions(&self.model).follow_up(&self.model) {
            self.runner.dispatch(&mut self.model, vec![follow]);
        }
    }

    /// A mouse event, as the runtime takes it: the message the last frame's region map makes of it. The
    /// frame is drawn first, as the loop has always drawn before it reads the next event.
    pub fn pointer(&mut self, event: MouseEvent) {
        let msg = regions(&self.model).message(event);
        self.send(msg);
    }

    pub fn press(&mut self, code: KeyCode) {
        self.send(key(code));
    }

    pub fn char(&mut self, c: char) {
        self.press(KeyCode::Char(c));
    }

    /// Types every character as its own key press.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\n' => self.press(KeyCode::Enter),
                c => self.char(c),
            }
        }
    }

    /// From the start screen: `n`, alias, Tab, counselor, Tab, consent (Space) if given, Enter.
    pub fn new_session(&mut self, alias: &str, counselor: Option<&str>, consent: bool) {
        self.char('n');
        assert!(matches!(self.model.screen, Screen::NewSession(_)), "n opens the form");
        self.type_text(alias);
        self.press(KeyCode::Tab);
        if let Some(counselor) = counselor {
            if let Screen::NewSession(form) = &self.model.screen {
                for _ in 0..form.counselor.chars().count() {
                    self.press(KeyCode::Backspace);
                }
            }
            self.type_text(counselor);
        }
        self.press(KeyCode::Tab);
        if consent {
            self.char(' ');
        }
        self.press(KeyCode::Enter);
        assert!(self.model.workspace().is_some(), "Enter starts the session");
    }

    /// `/`, the query, Enter: jumps to the first hit.
    pub fn search_and_jump(&mut self, query: &str) {
        self.char('/');
        self.type_text(query);
        self.press(KeyCode::Enter);
        assert!(self.ws().overlay.is_none(), "Enter closes the search");
    }

    pub fn ws(&self) -> &Workspace {
        self.model.workspace().expect("the workspace is open")
    }

    pub fn ws_mut(&mut self) -> &mut Workspace {
        match &mut self.model.screen {
            Screen::Workspace(ws) => ws,
            _ => panic!("the workspace is not open"),
        }
    }

    /// The id of the occupation selected in the occupations pane.
    pub fn occupation(&self) -> Option<String> {
        let set = self.model.catalog.clone();
        self.ws().current_occupation(&set).map(|o| o.id.clone())
    }

    pub fn focus(&self) -> Pane {
        self.ws().focus
    }

    pub fn store(&self) -> SessionStore {
        SessionStore::open(&self.dir).unwrap()
    }

    /// The one session on disk.
    pub fn saved(&self) -> Session {
        let store = self.store();
        let ids = session_ids(&self.dir);
        assert_eq!(ids.len(), 1, "one session file: {ids:?}");
        store.load(&ids[0]).unwrap()
    }

    /// The screen as text, one `String` per row, at the model's size.
    pub fn screen(&self) -> Vec<String> {
        render(&self.model)
    }

    pub fn screen_text(&self) -> String {
        self.screen().join("\n")
    }
}

pub fn theme() -> Theme {
    Theme::new(ThemeName::Normal, false)
}

/// The region map of the frame `model` draws now.
pub fn regions(model: &Model) -> rumbo::ui::regions::Regions {
    let (w, h) = model.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut regions = Default::default();
    terminal.draw(|frame| regions = rumbo::ui::view(model, &theme(), frame)).unwrap();
    regions
}

pub fn render(model: &Model) -> Vec<String> {
    let (w, h) = model.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| {
            rumbo::ui::view(model, &theme(), frame);
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..h)
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..w {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            }
            line
        })
        .collect()
}

/// The ids of the session files in `dir`'s sessions folder, sorted.
pub fn session_ids(dir: &Path) -> Vec<String> {
    let mut ids: Vec<String> = fs::read_dir(dir.join("sessions"))
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_str()?.strip_suffix(".ron").map(str::to_string))
        .collect();
    ids.sort();
    ids
}

/// Every file under `dir`, at any depth.
pub fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { files.extend(all_files(&path)) } else { files.push(path) }
    }
    files
}
