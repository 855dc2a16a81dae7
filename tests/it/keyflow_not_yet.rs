//! Issue 14: what a kiosk visitor answered "Todavía no" reaches the counselor. A visit claimed at the
//! desk shows it in Funciones (×, dim, named in the legend only then), in `v`, and in the summary the
//! kiosk writes for the desk. The pane's snapshots are `ui_snapshots::workspace_functions_not_yet`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::keyflow_support::App;
use crate::keyflow_support::theme;
use crate::kiosk_visit_support::Visitor;
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use rumbo::app::{Pane, Screen};
use rumbo::i18n::Lang;
use rumbo::session::MarkKind;
use std::fs;

/// The frame the app draws now.
fn drawn(app: &App) -> Buffer {
    let (w, h) = app.model.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|frame| drop(rumbo::ui::view(&app.model, &theme(), frame))).unwrap();
    terminal.backend().buffer().clone()
}

/// Text as the HTML export escapes it.
fn escaped(text: &str) -> String {
    let pairs = [
        ('&', "&amp;"),
        ('<', "&lt;"),
        ('>', "&gt;"),
        ('"', "&quot;"),
        ('\'', "&#39;"),
        ('/', "&#47;"),
        ('=', "&#61;"),
    ];
    text.chars()
        .map(|c| pairs.iter().find(|(p, _)| *p == c).map_or(c.to_string(), |(_, e)| e.to_string()))
        .collect()
}

/// A consented kiosk visit on "vendedor": "Sí" to the first question, "Todavía no" to the second; the
/// visitor walks away, so the idle summary is written. Returns the two items' texts.
fn visit(dir: &std::path::Path) -> (Visitor, String, String) {
    let mut v = Visitor::start(dir);
    v.begin("Ana", true);
    v.by_title("vendedor");
    let walk = v.visit().walk.clone().unwrap();
    let (yes, no) = (walk.items[0].clone(), walk.items[1].clone());
    assert_eq!((yes.kind, no.kind), (MarkKind::Function, MarkKind::Function));
    v.char('s');
    v.char('n');
    v.walk_away();
    (v, yes.text, no.text)
}

/// The counselor opens the claimed visit from the list and goes to its occupation's functions.
fn claim(dir: &std::path::Path, lang: Lang, no: &str) -> App {
    let mut app = App::start(dir);
    app.model.lang = lang;
    app.press(KeyCode::Enter);
    assert!(app.model.workspace().is_some(), "Enter opens the visit");
    let (occupation, _) = app
        .model
        .catalog
        .clone()
        .function(&app.ws().session.answered_no[0].id)
        .map(|(o, f)| (o.id.clone(), f.id.clone()))
        .unwrap();
    app.search_and_jump(no);
    assert_eq!(app.occupation().as_deref(), Some(occupation.as_str()));
    assert_eq!(app.focus(), Pane::Functions, "{}", app.screen_text());
    app
}

#[test]
fn a_claimed_visit_shows_todavia_no_dim_in_funciones_and_names_it_in_the_legend() {
    let dir = tempfile::tempdir().unwrap();
    let (_, yes, no) = visit(dir.path());
    for (lang, legend, bare) in [
        (Lang::Es, "2 ● la tiene · 1 ◐ en desarrollo · × aún no", "2 ● la tiene · 1 ◐ en desarrollo · 0 ○"),
        (Lang::En, "2 ● has it · 1 ◐ developing · × not yet", "2 ● has it · 1 ◐ developing · 0 ○"),
    ] {
        let mut app = claim(dir.path(), lang, &no);
        let screen = app.screen();
        let start = |text: &str| text.chars().take(30).collect::<String>();
        let row = |text: &str| screen.iter().find(|l| l.contains(&start(text))).cloned().unwrap_or_default();
        assert!(row(&no).contains(&format!("× {}", start(&no))), "{}", app.screen_text());
        assert!(row(&yes).contains(&format!("● {}", start(&yes))), "{}", app.screen_text());
        assert!(app.screen_text().contains(legend), "{}", app.screen_text());
        // Dim, as an empty mark is: an answer, not a mark (seen with the cursor off its row).
        app.press(KeyCode::Up);
        let buffer = drawn(&app);
        let (x, y) = crate::ui_snapshots::find(&buffer, &format!("× {}", start(&no))).unwrap();
        assert_eq!(buffer[(x, y)].style().fg, theme().dim.fg);
        assert_ne!(theme().dim.fg, theme().has.fg);
        app.press(KeyCode::Down);
        // A mark the counselor makes replaces the answer; with none left, the legend is as before.
        app.char('1');
        assert!(app.ws().session.answered_no.is_empty());
        assert!(
            !app.screen_text().contains('×') && app.screen_text().contains(bare),
            "{}",
            app.screen_text()
        );
    }
}

#[test]
fn v_on_an_item_answered_todavia_no_says_so_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, no) = visit(dir.path());
    for (lang, said) in
        [(Lang::Es, "Respondió en el quiosco: Todavía no"), (Lang::En, "Answered at the kiosk: Not yet")]
    {
        let mut app = claim(dir.path(), lang, &no);
        app.char('v');
        let text = crate::kiosk_visit_support::flat(&app.screen_text());
        assert!(text.contains(said), "{text}");
        // Not on an item answered otherwise.
        app.press(KeyCode::Esc);
        app.press(KeyCode::Up);
        app.char('v');
        let text = crate::kiosk_visit_support::flat(&app.screen_text());
        assert!(!text.contains(said), "{text}");
    }
}

#[test]
fn the_kiosks_summary_for_the_desk_lists_what_the_visitor_cannot_do_yet_after_what_they_can() {
    let dir = tempfile::tempdir().unwrap();
    let (v, yes, no) = visit(dir.path());
    let files = v.exported();
    assert_eq!(files.len(), 1, "{files:?}");
    let html = fs::read_to_string(&files[0]).unwrap();
    let heading = "<h2>Lo que dijo que todavía no sabe hacer</h2>\n<ul>\n";
    let at = html.find(heading).unwrap_or_else(|| panic!("{html}"));
    let section = &html[at + heading.len()..];
    let section = &section[..section.find("</ul>").unwrap()];
    assert_eq!(section, format!("<li>{}</li>\n", escaped(&no)), "{html}");
    // After what they can do: the marked item is listed before the heading, not under it.
    assert!(html.find(&escaped(&yes)).unwrap() < at, "{html}");
    assert!(matches!(v.model.screen, Screen::Welcome));
}

#[test]
fn the_markdown_and_html_summaries_list_it_too_without_control_or_bidi_characters() {
    let (set, _) = crate::keyflow_support::catalog();
    let now: jiff::Timestamp = "2026-03-02T15:04:00Z".parse().unwrap();
    let mut session = rumbo::session::Session::new("Ana", "", now, &set).unwrap();
    // An item gone from the catalog keeps the text saved with the answer, cleaned as every export is.
    session.answered_no.push(rumbo::session::AnsweredNo {
        kind: MarkKind::Function,
        id: "ya-no-esta".into(),
        text: "Manejar\u{202e} la caja\u{7} registradora".into(),
    });
    let tz = jiff::tz::TimeZone::UTC;
    let notes = rumbo::export::NotesChoice::None;
    let render = |session: &rumbo::session::Session, lang, format| {
        rumbo::export::render(session, &set, lang, format, notes, &tz)
    };
    let md = render(&session, Lang::Es, rumbo::export::Format::Markdown);
    assert!(
        md.contains("## Lo que dijo que todavía no sabe hacer\n\n- Manejar la caja registradora\n"),
        "{md}"
    );
    let html = render(&session, Lang::En, rumbo::export::Format::Html);
    assert!(
        html.contains(
            "<h2>What they said they cannot do yet</h2>\n<ul>\n<li>Manejar la caja registradora</li>"
        ),
        "{html}"
    );
    for text in [&md, &html] {
        assert!(!text.contains(['\u{202e}', '\u{7}']));
    }
    // Nothing answered "Todavía no", no heading.
    session.answered_no.clear();
    assert!(!render(&session, Lang::Es, rumbo::export::Format::Markdown).contains("todavía no sabe"));
}
