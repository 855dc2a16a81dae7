//! The notes editor: the session's notes, and a tab for a note on the focused occupation.

use super::Ui;
use super::layout::centered;
use super::popup;
use crate::app::{NotesEditor, NotesTab, Workspace};
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, ws: &Workspace, notes: &NotesEditor, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let width = (area.width * 4 / 5).max(76);
    let height = (area.height * 4 / 5).max(20);
    let inner = popup(model, frame, centered(area, width, height), s.notes_title.to_string());
    let [tabs, editor, hint] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let title = notes
        .occupation
        .as_ref()
        .and_then(|id| model.catalog.occupation(id))
        .map(|o| o.title.clone())
        .unwrap_or_default();
    let style = |tab: NotesTab| if notes.tab == tab { t.selected } else { t.dim };
    let mut spans = vec![Span::styled(format!(" {} ", s.notes_session_tab), style(NotesTab::Session))];
    if notes.occupation.is_some() {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            format!(
                " {} ",
                super::list::clip(
                    &fill(s.notes_occupation_tab, &[("title", &title)]),
                    usize::from(tabs.width) / 2
                )
            ),
            style(NotesTab::Occupation),
        ));
    }
    // The second line of the tab area: the Ley 1581 reminder, always in sight while typing.
    let reminder = super::list::clip(&format!(" {}", s.plan_sensitive), usize::from(tabs.width));
    frame.render_widget(Paragraph::new(vec![Line::from(spans), Line::styled(reminder, t.dim)]), tabs);
    // The model's own editor (its styles set when it opened): drawing it records its width and scroll
    // there, so the next key moves by the lines shown and the view keeps still until the cursor leaves it.
    // One column narrower than the room: the editor wraps at the width it is drawn at, and a line that
    // fills it whole would leave the cursor after its end off the right edge.
    let editor = super::padded(editor);
    frame.render_widget(&notes.editor, Rect { width: editor.width.saturating_sub(1), ..editor });
    let room = usize::from(hint.width).saturating_sub(1);
    let line = match &notes.notice {
        Some(notice) => {
            Line::styled(format!(" {}", super::failure::notes_notice(*notice, model.lang)), t.warning)
        }
        None if ws.is_read_only() => Line::styled(format!(" {}", s.keys_read_only), t.key),
        None => Line::styled(
            format!(
                " {}",
                super::keys::footer_within(&model.keymap, super::keys::FOOTER_NOTES, model.lang, room)
            ),
            t.key,
        ),
    };
    frame.render_widget(Paragraph::new(line), hint);
}
