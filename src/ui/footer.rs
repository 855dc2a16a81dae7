//! The footer: the keys that work in the focused pane, then the ones that work everywhere. Each pane
//! reports its own keys, so the footer never lists a key that does nothing there; all come from the keymap.
//! A key pressed where it means nothing puts, in place of the pane's keys, where it works.

use super::Ui;
use super::keys::{self, FOOTER_CLOSE, FOOTER_COMMON, FOOTER_HELP, FOOTER_KIOSK, FOOTER_RETRY, footer_pane};
use super::list::clip;
use crate::app::keymap::Place;
use crate::app::{GapRow, Overlay, Persistence, Workspace};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, ws: &Workspace, frame: &mut Frame, area: Rect) {
    let (s, map, lang) = (model.lang.strings(), &model.keymap, model.lang);
    let width = usize::from(area.width);
    // A kiosk shows "t Terminar" and never `q` or `e`, which do nothing there.
    // After the leading space. Hints that do not fit are left out whole (`footer_within`), never cut.
    let room = width.saturating_sub(1);
    let common = if model.kiosk.is_some() { FOOTER_KIOSK } else { FOOTER_COMMON };
    let common = keys::footer_within(map, common, lang, room);
    // While saves fail, the key that retries at once comes first.
    let failing = matches!(ws.persistence, Persistence::Failed(_)) && model.kiosk.is_none();
    let retry = if failing { FOOTER_RETRY } else { &[] };
    let with_retry =
        |entries: &[keys::Entry]| keys::footer_within(map, &[retry, entries].concat(), lang, room);
    let first = match &ws.hint {
        // The help's own keys while it is open: how to scroll it (when it does not fit) and close it.
        _ if matches!(ws.overlay, Some(Overlay::Help(_))) => {
            let scrolls = super::help::room(model, frame.area()) > 0;
            keys::footer_within(map, if scrolls { FOOTER_HELP } else { FOOTER_CLOSE }, lang, room)
        }
        // The gap's own keys: Space marks an item, or shortlists a program.
        _ if matches!(ws.overlay, Some(Overlay::Gap(_))) => {
            let program = matches!(&ws.overlay, Some(Overlay::Gap(v)) if matches!(v.current(), Some(GapRow::Program(_))));
            let entries = if program { keys::FOOTER_GAP_PROGRAM } else { keys::FOOTER_GAP_ITEM };
            keys::footer_within(map, entries, lang, room)
        }
        // The full-text popup (`v`): how to scroll it and close it.
        _ if matches!(ws.overlay, Some(Overlay::FullText(_))) => {
            keys::footer_within(map, keys::FOOTER_FULL_TEXT, lang, room)
        }
        // Sentences: cut with `…` if they must be.
        Some(hint) => with_prefix(map, retry, lang, &keys::hint(hint, lang)),
        None if ws.is_read_only() => with_prefix(map, retry, lang, s.keys_read_only),
        None => with_retry(footer_pane(Place::of_pane(ws.focus))),
    };
    let lines = vec![
        Line::from(Span::styled(clip(&format!(" {first}"), width), model.theme.key)),
        Line::from(Span::styled(clip(&format!(" {common}"), width), model.theme.dim)),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

/// `r reintentar guardar · ` before a sentence, while saves fail.
fn with_prefix(
    map: &crate::app::keymap::Keymap,
    retry: &[keys::Entry],
    lang: crate::i18n::Lang,
    text: &str,
) -> String {
    if retry.is_empty() { text.to_string() } else { format!("{} · {text}", keys::footer(map, retry, lang)) }
}
