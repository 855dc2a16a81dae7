//! The export dialog (`e`) and the question before leaving a session that is not saved.

use super::Ui;
use super::keys;
use super::layout::centered;
use super::list::wrap;
use super::{padded, popup};
use crate::app::keymap::Action;
use crate::app::{ExportDialog, ExportField};
use crate::export::Format;
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, dialog: &ExportDialog, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = padded(popup(model, frame, centered(area, 76, 18), s.dialog_export_title.to_string()));
    let room = usize::from(inner.width);
    let focus = |field: ExportField| if dialog.field == field { t.selected } else { t.base };
    let mut lines = vec![Line::styled(s.dialog_export_format, t.title)];
    for (format, label) in
        [(Format::Markdown, s.format_md), (Format::Html, s.format_html), (Format::Json, s.format_json)]
    {
        let chosen = dialog.format == format;
        let style = if chosen { focus(ExportField::Format) } else { t.dim };
        lines.push(Line::from(Span::styled(
            format!(" {} {label} ", if chosen { "(•)" } else { "( )" }),
            style,
        )));
    }
    lines.push(Line::default());
    let tick = if dialog.session_notes { "[x]" } else { "[ ]" };
    lines.push(Line::from(Span::styled(
        format!(" {tick} {} ", s.dialog_export_notes),
        focus(ExportField::SessionNotes),
    )));
    for l in wrap(s.dialog_export_notes_hint, room.saturating_sub(2), 3) {
        lines.push(Line::styled(format!("  {l}"), t.dim));
    }
    lines.push(Line::default());
    match &dialog.outcome {
        Some(Ok(path)) => {
            let text = fill(s.dialog_export_done, &[("path", &path.display())]);
            lines.extend(wrap(&text, room, 3).into_iter().map(|l| Line::styled(l, t.ok)));
        }
        Some(Err(failure)) => {
            let message = super::failure::text(failure, model.lang);
            lines.extend(wrap(&message, room, 3).into_iter().map(|l| Line::styled(l, t.error)))
        }
        None => {}
    }
    let hint_y = inner.bottom().saturating_sub(1);
    frame.render_widget(Paragraph::new(lines), Rect { height: inner.height.saturating_sub(1), ..inner });
    let hint = Rect { y: hint_y, height: 1, ..inner };
    frame.render_widget(Paragraph::new(Line::styled(export_hint(model), t.key)), hint);
}

pub fn draw_discard(model: &Ui, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = padded(popup(model, frame, centered(area, 70, 8), s.discard_title.to_string()));
    let mut lines: Vec<Line> = wrap(s.discard_body, usize::from(inner.width), 3)
        .into_iter()
        .map(|l| Line::styled(l, t.warning))
        .collect();
    lines.push(Line::default());
    lines.extend(
        keys::footer_lines(&model.keymap, keys::FOOTER_DISCARD, model.lang, usize::from(inner.width), 2)
            .into_iter()
            .map(|l| Line::styled(l, t.key)),
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `↑↓ elegir · ←→ o Espacio cambiar · Enter exportar · Esc cerrar`, with the keys in force.
fn export_hint(model: &Ui) -> String {
    let keys = |group: &[Action]| keys::footer_keys(&model.keymap, group, model.lang);
    fill(
        model.lang.strings().dialog_export_hint,
        &[
            ("campo", &keys(&[Action::ExportField])),
            ("cambiar", &keys(&[Action::ExportPrevious, Action::ExportNext])),
            ("espacio", &keys(&[Action::ExportToggle])),
            ("exportar", &keys(&[Action::ExportSave])),
            ("cerrar", &keys(&[Action::Close])),
        ],
    )
}
