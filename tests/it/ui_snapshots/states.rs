//! Every screen state the snapshots cover, each built from a fresh model the way a counselor gets there:
//! by keys through `update`, or by the messages the runtime sends. Builders are plain functions so the
//! same state can be drawn in any language, theme and size.

use super::{press, ts, type_text};
use crossterm::event::KeyCode;
use rumbo::app::{Model, Msg, Persistence, Screen, Workspace, update};
use rumbo::i18n::Lang;
use rumbo::session::{Listed, MarkKind, Session, StoreError};
use std::path::PathBuf;

pub type Build = fn(&mut Model);

/// Every state, with the snapshot name it is stored under.
pub const ALL: &[(&str, Build)] = &[
    ("sessions_loading", sessions_loading),
    ("sessions_empty", sessions_empty),
    ("sessions_rows", sessions_rows),
    ("sessions_filter", sessions_filter),
    ("sessions_confirm_delete", sessions_confirm_delete),
    ("sessions_notice", sessions_notice),
    ("form_empty", form_empty),
    ("form_filled", form_filled),
    ("form_alias_missing", form_alias_missing),
    ("workspace_default", workspace_default),
    ("workspace_occupations_sorted", workspace_occupations_sorted),
    ("workspace_functions_marks", workspace_functions_marks),
    ("workspace_competencies", workspace_competencies),
    ("workspace_programs", workspace_programs),
    ("header_saving", header_saving),
    ("header_unsaved", header_unsaved),
    ("header_read_only", header_read_only),
    ("header_save_failed", header_save_failed),
    ("overlay_search", overlay_search),
    ("overlay_notes", overlay_notes),
    ("overlay_gap", overlay_gap),
    ("overlay_help", overlay_help),
    ("overlay_help_scrolled", overlay_help_scrolled),
    ("overlay_gap_end", overlay_gap_end),
    ("overlay_gap_marked", overlay_gap_marked),
    ("overlay_notes_wrapped", overlay_notes_wrapped),
    ("overlay_notes_long", overlay_notes_long),
];

/// The id of the damaged file in the list; ids of real sessions are random and never drawn.
pub const CORRUPT_ID: &str = "q7hx2mkd4a3b";

fn corrupt_path() -> PathBuf {
    PathBuf::from(format!("/home/orientador/.local/share/rumbo/sessions/{CORRUPT_ID}.json"))
}

pub fn sessions_loading(_: &mut Model) {}

pub fn sessions_empty(m: &mut Model) {
    update(m, Msg::SessionsListed(Vec::new()));
}

/// Ana has marks (so a best-fitting occupation), Jorge has none, and one file is damaged.
pub fn listed(m: &Model) -> Vec<Listed> {
    let set = &m.catalog;
    let mut ana = Session::new("Ana María", "Luisa", ts("2026-02-27T14:00:00Z"), set).unwrap();
    let auxiliar = set.occupation("auxiliar-servicio-cliente").unwrap();
    for (i, f) in auxiliar.functions.iter().take(5).enumerate() {
        for _ in 0..if i < 4 { 2 } else { 1 } {
            ana.cycle_mark(MarkKind::Function, &f.id, &f.text, Some(&auxiliar.id));
        }
    }
    ana.touch(ts("2026-03-01T10:30:00Z"));
    let jorge = Session::new("Jorge Núñez", "", ts("2026-02-20T09:15:00Z"), set).unwrap();
    vec![
        Listed::Ok(Box::new(ana)),
        Listed::Ok(Box::new(jorge)),
        Listed::Corrupt {
            id: CORRUPT_ID.to_string(),
            path: corrupt_path(),
            line: 12,
            col: 5,
            message: "expected `,` or `}`".to_string(),
        },
    ]
}

pub fn sessions_rows(m: &mut Model) {
    let listed = listed(m);
    update(m, Msg::SessionsListed(listed));
}

pub fn sessions_filter(m: &mut Model) {
    sessions_rows(m);
    press(m, KeyCode::Char('/'));
    type_text(m, "ana");
}

pub fn sessions_confirm_delete(m: &mut Model) {
    sessions_rows(m);
    press(m, KeyCode::Char('d'));
}

/// Enter on the damaged file: its problem shows as a notice.
pub fn sessions_notice(m: &mut Model) {
    sessions_rows(m);
    press(m, KeyCode::End);
    press(m, KeyCode::Enter);
}

pub fn form_empty(m: &mut Model) {
    sessions_empty(m);
    press(m, KeyCode::Char('n'));
}

pub fn form_filled(m: &mut Model) {
    form_empty(m);
    type_text(m, "Ana María");
    press(m, KeyCode::Tab);
    type_text(m, "Luisa Fernanda Rojas");
    press(m, KeyCode::Tab);
    press(m, KeyCode::Char(' '));
}

pub fn form_alias_missing(m: &mut Model) {
    form_empty(m);
    press(m, KeyCode::Enter);
}

/// A new session with consent: saved, Sectores focused.
pub fn workspace_default(m: &mut Model) {
    form_filled(m);
    press(m, KeyCode::Enter);
    // The runtime writes the new session and answers.
    update(m, Msg::Saved(Ok(())));
    assert_eq!(workspace_mut(m).persistence, Persistence::Saved);
}

pub fn workspace_mut(m: &mut Model) -> &mut Workspace {
    match &mut m.screen {
        Screen::Workspace(ws) => ws,
        _ => panic!("not in the workspace"),
    }
}

/// Marks the first `count` functions of `occupation`: `steps` 1 is ◐ en desarrollo, 2 is ● la tiene.
fn mark_functions(m: &mut Model, occupation: &str, count: usize, steps: usize) {
    let set = m.catalog.clone();
    let o = set.occupation(occupation).unwrap();
    let ws = workspace_mut(m);
    for f in o.functions.iter().take(count) {
        for _ in 0..steps {
            ws.session.cycle_mark(MarkKind::Function, &f.id, &f.text, Some(&o.id));
        }
    }
}

/// Ocupaciones focused, fits above zero for three occupations, sorted by fit.
pub fn workspace_occupations_sorted(m: &mut Model) {
    workspace_default(m);
    mark_functions(m, "auxiliar-servicio-cliente", 5, 2);
    mark_functions(m, "tecnico-sistemas", 2, 2);
    mark_functions(m, "vendedor-ventas-no-tecnicas", 3, 1);
    press(m, KeyCode::Tab);
    press(m, KeyCode::Char('s'));
}

/// Funciones focused on "Auxiliares…", marked with the keys: ● ◐ ○ ●, the ◐ row selected.
pub fn workspace_functions_marks(m: &mut Model) {
    workspace_default(m);
    press(m, KeyCode::Tab);
    press(m, KeyCode::Down);
    press(m, KeyCode::Enter);
    for code in [' ', ' ', 'j', ' ', 'j', 'j', ' ', ' ', 'k', 'k'] {
        press(m, KeyCode::Char(code));
    }
}

/// The Competencias tab with Inglés, which is optional, selected.
pub fn workspace_competencies(m: &mut Model) {
    workspace_default(m);
    press(m, KeyCode::Tab);
    press(m, KeyCode::Down);
    press(m, KeyCode::Enter);
    press(m, KeyCode::Right);
    for code in [' ', ' ', 'j', ' '] {
        press(m, KeyCode::Char(code));
    }
    press(m, KeyCode::End);
}

/// Programas focused with the first program shortlisted and the second selected.
pub fn workspace_programs(m: &mut Model) {
    workspace_default(m);
    press(m, KeyCode::Tab);
    press(m, KeyCode::Down);
    press(m, KeyCode::Tab);
    press(m, KeyCode::Tab);
    press(m, KeyCode::Char(' '));
    press(m, KeyCode::Down);
}

/// A change waiting for its save: "guardando…".
pub fn header_saving(m: &mut Model) {
    workspace_functions_marks(m);
    assert_eq!(workspace_mut(m).persistence, Persistence::Pending);
}

/// No consent: "sin guardar" for the whole session.
pub fn header_unsaved(m: &mut Model) {
    form_empty(m);
    type_text(m, "Jorge Núñez");
    press(m, KeyCode::Enter);
    assert_eq!(workspace_mut(m).persistence, Persistence::Unsaved);
}

/// Opened while another rumbo holds the lock: "solo lectura", back on the occupation it was left on.
pub fn header_read_only(m: &mut Model) {
    let mut session = Session::new("Ana María", "Luisa", ts("2026-02-27T14:00:00Z"), &m.catalog).unwrap();
    session.focus.sector = Some("bpo".to_string());
    session.focus.occupation = Some("auxiliar-servicio-cliente".to_string());
    update(m, Msg::SessionOpened { session: Box::new(session), read_only: true });
}

/// The disk is full: the header says why, the changes stay in memory.
pub fn header_save_failed(m: &mut Model) {
    workspace_functions_marks(m);
    // ENOSPC, as the kernel reports a full disk: the header names the cause, "disco lleno".
    let error = StoreError::Io { path: corrupt_path(), source: std::io::Error::from_raw_os_error(28) };
    update(m, Msg::Saved(Err(rumbo::app::SaveFailure::from_store(error))));
}

pub fn overlay_search(m: &mut Model) {
    workspace_default(m);
    press(m, KeyCode::Char('/'));
    type_text(m, "cartera");
}

/// Two lines on the occupation tab of the notes editor.
pub fn overlay_notes(m: &mut Model) {
    workspace_default(m);
    press(m, KeyCode::Tab);
    press(m, KeyCode::Down);
    press(m, KeyCode::Char('n'));
    press(m, KeyCode::Tab);
    let text = match m.lang {
        Lang::Es => "Atendió público en una droguería dos años.\nPrefiere el turno de la mañana.",
        Lang::En => "Served customers at a pharmacy for two years.\nPrefers the morning shift.",
    };
    type_text(m, text);
}

/// The gap of "Auxiliares…" with two functions had and one in development.
pub fn overlay_gap(m: &mut Model) {
    workspace_functions_marks(m);
    press(m, KeyCode::Char('g'));
}

pub fn overlay_help(m: &mut Model) {
    workspace_default(m);
    press(m, KeyCode::Char('?'));
}

/// The help scrolled to its end (End): at 80×24 its last lines, "↑ más" on its border; at 120×40 it fits.
pub fn overlay_help_scrolled(m: &mut Model) {
    overlay_help(m);
    press(m, KeyCode::End);
}

/// The gap scrolled to its last row (End), a program, shortlisted in place (Space): "↑ más" and "17/17"
/// on its border, ✓ on the row, Space's word for programs in the footer.
pub fn overlay_gap_end(m: &mut Model) {
    overlay_gap(m);
    press(m, KeyCode::End);
    press(m, KeyCode::Char(' '));
}

/// The gap's third row marked "la tiene" (`2`): the mark in place, the rows where they were, the fit
/// above changed.
pub fn overlay_gap_marked(m: &mut Model) {
    overlay_gap(m);
    for code in ['j', 'j', '2'] {
        press(m, KeyCode::Char(code));
    }
}

/// A note of 150 characters in one paragraph: wrapped at the editor's width, whole in sight.
pub fn overlay_notes_wrapped(m: &mut Model) {
    workspace_default(m);
    press(m, KeyCode::Char('n'));
    let text = match m.lang {
        Lang::Es => {
            "Trabajó dos años en una droguería de barrio: atendía público, manejaba la caja y el \
             inventario. Quiere turno de mañana y estudiar los fines de semana."
        }
        Lang::En => {
            "Worked two years at a neighbourhood pharmacy: served customers, ran the till and the \
             stock. Wants the morning shift and to study at the weekends, too."
        }
    };
    type_text(m, text);
}

/// A note longer than the pane, pasted: the view scrolled to the cursor at its end.
pub fn overlay_notes_long(m: &mut Model) {
    workspace_default(m);
    press(m, KeyCode::Char('n'));
    let word = match m.lang {
        Lang::Es => "nota",
        Lang::En => "note",
    };
    let text = (1..=300).map(|i| format!("{word}{i:03}")).collect::<Vec<_>>().join(" ");
    update(m, Msg::Paste(text));
}
