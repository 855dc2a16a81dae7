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
    // ratatui-textarea paints selections light blue and placeholders grey of its own accord: the theme's
    // styles instead, so NO_COLOR and the high-contrast theme hold inside the editor too.
    let mut textarea = notes.editor.clone();
    textarea.set_style(t.base);
    textarea.set_cursor_line_style(t.base);
    textarea.set_selection_style(t.selected);
    textarea.set_placeholder_style(t.dim);
    frame.render_widget(&textarea, super::padded(editor));
    let line = match &notes.notice {
        Some(notice) => {
            Line::styled(format!(" {}", super::failure::notes_notice(*notice, model.lang)), t.warning)
        }
        None if ws.is_read_only() => Line::styled(format!(" {}", s.keys_read_only), t.key),
        None => Line::styled(
            format!(" {}", super::keys::footer(&model.keymap, super::keys::FOOTER_NOTES, model.lang)),
            t.key,
        ),
    };
    frame.render_widget(Paragraph::new(line), hint);
}
