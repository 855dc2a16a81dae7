//! The start screen while saves fail: the state on the title line, and the question asked by `q` with
//! sessions unsaved (retry, a copy in another folder, or stay).

use super::Ui;
use super::layout::centered;
use super::list::wrap;
use super::{padded, popup};
use crate::app::{CopyDialog, QuitPrompt};
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The title line's right side: the read-only banner, or "sin guardar — disco lleno" while sessions are
/// kept unsaved.
pub fn title_state(model: &Ui) -> Option<Span<'static>> {
    let s = model.lang.strings();
    let t = &model.theme;
    if let Some(why) = &model.data_read_only {
        return Some(Span::styled(
            format!(" {} ", fill(s.data_read_only_banner, &[("detail", why)])),
            t.warning,
        ));
    }
    let failure = model.unsaved.iter().find_map(|u| u.failure.as_ref())?;
    Some(Span::styled(format!(" {} ", super::failure::save_header(failure, model.lang)), t.error))
}

pub fn draw(model: &Ui, prompt: &QuitPrompt, frame: &mut Frame, area: Rect) {
    match prompt {
        QuitPrompt::Ask => ask(model, frame, area),
        QuitPrompt::Copy(dialog) => copy(model, dialog, frame, area),
    }
}

fn ask(model: &Ui, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = padded(popup(model, frame, centered(area, 70, 10), s.quit_title.to_string()));
    let room = usize::from(inner.width);
    let cause = model
        .unsaved
        .iter()
        .find_map(|u| u.failure.as_ref())
        .map_or_else(String::new, |f| super::failure::save_cause(f, model.lang));
    let count = model.unsaved.iter().filter(|u| u.copied_to.is_none()).count();
    let body = fill(s.quit_body, &[("count", &count), ("cause", &cause)]);
    let mut lines: Vec<Line> = wrap(&body, room, 5).into_iter().map(|l| Line::styled(l, t.warning)).collect();
    lines.push(Line::default());
    let keys = super::keys::footer_lines(&model.keymap, super::keys::FOOTER_QUIT, model.lang, room, 2);
    lines.extend(keys.into_iter().map(|l| Line::styled(l, t.key)));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn copy(model: &Ui, dialog: &CopyDialog, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = padded(popup(model, frame, centered(area, 72, 16), s.copy_title.to_string()));
    let room = usize::from(inner.width);
    let mut lines = vec![Line::styled(s.copy_drives, t.title)];
    let drives = dialog.drives.as_deref().unwrap_or_default();
    if dialog.drives.is_some() && drives.is_empty() {
        lines.push(Line::styled(format!(" {}", s.copy_no_drives), t.dim));
    }
    let style = |i: usize| if dialog.selected == i { t.selected } else { t.base };
    // At most six drives fit; more is not a case a counselor's computer has.
    for (i, drive) in drives.iter().enumerate().take(6) {
        lines.push(Line::styled(format!(" {} ", drive.display()), style(i)));
    }
    let typed = fill(s.copy_typed, &[("path", &dialog.typed)]);
    let cursor = if dialog.on_typed_row() { "▏" } else { "" };
    lines.push(Line::from(vec![
        Span::styled(format!(" {typed}"), style(drives.len())),
        Span::styled(cursor, t.key),
    ]));
    lines.push(Line::default());
    if let Some(error) = &dialog.error {
        let error = super::failure::text(error, model.lang);
        lines.extend(wrap(&error, room, 3).into_iter().map(|l| Line::styled(l, t.error)));
    }
    let hint_y = inner.bottom().saturating_sub(1);
    frame.render_widget(Paragraph::new(lines), Rect { height: inner.height.saturating_sub(1), ..inner });
    let hint = Rect { y: hint_y, height: 1, ..inner };
    frame.render_widget(
        Paragraph::new(Line::styled(
            super::keys::footer_within(
                &model.keymap,
                super::keys::FOOTER_COPY,
                model.lang,
                usize::from(hint.width),
            ),
            t.key,
        )),
        hint,
    );
}
