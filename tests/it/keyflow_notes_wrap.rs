//! Keyflow tests of the notes editor's soft wrap and vertical scroll: a note wraps at the editor's
//! width instead of running off its right edge, and the cursor stays in sight through a note longer
//! than the pane, the view keeping still until the cursor leaves it. Drawn after every key, as the
//! runtime draws.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::{App, theme};
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use rumbo::app::{Msg, Overlay};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// 150 characters, as a counselor would type them.
const NOTE: &str = "Trabajó dos años en una droguería de barrio: atendía público, manejaba la caja y el \
                    inventario. Quiere turno de mañana y estudiar los fines de semana.";

fn notes_open(dir: &std::path::Path, (width, height): (u16, u16)) -> App {
    let mut app = App::start(dir);
    app.model.size = (width, height);
    app.new_session("Ana", None, true);
    app.char('n');
    app
}

fn frame(app: &App) -> Buffer {
    let (w, h) = app.model.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| drop(rumbo::ui::view(&app.model, &theme(), f))).unwrap();
    terminal.backend().buffer().clone()
}

fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// What is on screen between the popup's side borders, row by row, trimmed (empty off the popup).
fn inside(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            match (cells.iter().position(|c| *c == "║"), cells.iter().rposition(|c| *c == "║")) {
                (Some(a), Some(b)) if a < b => cells[a + 1..b].concat().trim().to_string(),
                _ => String::new(),
            }
        })
        .collect()
}

/// Where the editor's cursor (a reversed cell) is drawn, if it is.
fn cursor(buf: &Buffer) -> Option<(u16, u16)> {
    let area = buf.area;
    (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .find(|&(x, y)| buf[(x, y)].modifier.contains(Modifier::REVERSED))
}

fn editor_cursor(app: &App) -> (usize, usize) {
    match &app.ws().overlay {
        Some(Overlay::Notes(notes)) => {
            let c = notes.editor.cursor();
            (c.0, c.1)
        }
        _ => panic!("the notes are open"),
    }
}

#[test]
fn a_150_character_note_wraps_at_the_editor_width() {
    assert_eq!(NOTE.chars().count(), 150);
    for size in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut app = notes_open(dir.path(), size);
        app.type_text(NOTE);
        let buf = frame(&app);
        let rows = inside(&buf);
        let first = rows
            .iter()
            .position(|r| r.starts_with("Trabajó"))
            .unwrap_or_else(|| panic!("the note's start is in sight at {size:?}:\n{}", rows.join("\n")));
        // Whole words on consecutive lines, nothing cut at the right edge, the end in sight.
        let lines: Vec<&String> = rows[first..].iter().take_while(|r| !r.is_empty()).collect();
        assert!(lines.len() >= 2, "wrapped at {size:?}: {lines:?}");
        // The whole note in order, each line breaking between words (a full stop may go on alone),
        // never inside one.
        let mut rest = NOTE;
        for line in &lines {
            rest = rest.trim_start();
            assert!(rest.starts_with(line.as_str()), "{line:?} is next in the note at {size:?}");
            let (last, next) = (line.chars().last().unwrap(), rest[line.len()..].chars().next());
            assert!(
                !(last.is_alphanumeric() && next.is_some_and(char::is_alphanumeric)),
                "{line:?} cut a word"
            );
            rest = &rest[line.len()..];
        }
        assert_eq!(rest, "", "all of the note is in sight at {size:?}");
        assert!(cursor(&buf).is_some(), "the cursor is drawn at {size:?}");
    }
}

/// Words "w0001 w0002 …" in one paragraph: some 60 lines at 80×24, 45 at 120×40.
fn long_note() -> String {
    (1..=800).map(|i| format!("w{i:04}")).collect::<Vec<_>>().join(" ")
}

#[test]
fn the_cursor_stays_in_sight_through_a_note_longer_than_the_pane() {
    for size in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut app = notes_open(dir.path(), size);
        app.send(Msg::Paste(long_note()));
        // The cursor at the end: the end is in sight, the start scrolled away above.
        let buf = frame(&app);
        let text = inside(&buf).join("\n");
        assert!(text.contains("w0800") && !text.contains("w0001"), "at {size:?}:\n{text}");
        let (_, at_end) = cursor(&buf).expect("the cursor is drawn");

        // One line up: the view keeps still, the cursor one row higher.
        app.press(KeyCode::Up);
        let buf = frame(&app);
        assert!(inside(&buf).join("\n").contains("w0800"), "the view did not jump at {size:?}");
        assert_eq!(cursor(&buf).unwrap().1, at_end - 1, "↑ moves one screen line at {size:?}");

        // Up to the first line, drawn after every key: the cursor always in sight, on its word.
        let mut presses = 0;
        loop {
            let before = editor_cursor(&app);
            app.press(KeyCode::Up);
            if editor_cursor(&app) == before {
                break;
            }
            presses += 1;
            assert!(presses < 100, "↑ reaches the first line at {size:?}");
            let buf = frame(&app);
            let (_, y) =
                cursor(&buf).unwrap_or_else(|| panic!("cursor in sight after {presses} ↑ at {size:?}"));
            let word = format!("w{:04}", editor_cursor(&app).1 / 6 + 1);
            assert!(row(&buf, y).contains(&word), "{word} on the cursor's row at {size:?}");
        }
        assert!(presses > 30, "↑ moved by screen lines, {presses} of them, at {size:?}");
        assert!(editor_cursor(&app).1 < 60, "on the first line at {size:?}");
        let text = inside(&frame(&app)).join("\n");
        assert!(text.contains("w0001") && !text.contains("w0800"), "scrolled to the start at {size:?}");

        // And End (the editor's own key: the end of the line, here the note's) back to the end.
        app.press(KeyCode::End);
        let buf = frame(&app);
        assert!(inside(&buf).join("\n").contains("w0800"), "back at the end at {size:?}");
        assert!(cursor(&buf).is_some());
        assert_eq!(app.ws().session.notes, long_note(), "moving changed nothing");
    }
}
