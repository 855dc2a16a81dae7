//! The last screen: the summary's code, where to take it (the office's front desk and name), and how
//! to leave it for the next visitor. A visit without consent hears that it was not saved.

use super::super::layout::centered;
use super::super::list::wrap;
use super::super::regions::Regions;
use super::super::{Ui, padded, popup};
use super::first_key;
use crate::app::Area;
use crate::app::keymap::Action;
use crate::app::kiosk_visit::Target;
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(
    model: &Ui,
    outcome: Option<&Result<String, crate::app::Failure>>,
    frame: &mut Frame,
    area: Rect,
    regions: &mut Regions,
) {
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = padded(popup(model, frame, centered(area, 64, 12), s.kiosk_done_title.to_string()));
    let room = usize::from(inner.width);
    let mut lines = Vec::new();
    match outcome {
        None => lines.push(Line::styled(s.kiosk_done_writing, t.dim)),
        Some(Ok(code)) => {
            let unsaved = model.kiosk.as_ref().is_some_and(|k| k.visit.unsaved);
            let body = if unsaved { s.kiosk_done_body_unsaved } else { s.kiosk_done_body };
            lines.extend(wrap(body, room, 3).into_iter().map(Line::raw));
            lines.push(Line::default());
            lines.push(Line::styled(format!("  {code}  "), t.selected).alignment(Alignment::Center));
            // Where the desk is, when config.ron's `office.front_desk` says (a visitor may not know).
            if let Some(desk) = model.office.front_desk.as_deref().filter(|d| !d.trim().is_empty()) {
                let said = fill(s.kiosk_done_desk, &[("desk", &desk)]);
                lines.extend(wrap(&said, room, 2).into_iter().map(|l| Line::styled(l, t.key)));
            }
            if let Some(office) = model.office.name.as_deref().filter(|n| !n.trim().is_empty()) {
                let said = fill(s.kiosk_done_office, &[("office", &office)]);
                lines.extend(wrap(&said, room, 2).into_iter().map(|l| Line::styled(l, t.key)));
            }
        }
        Some(Err(_)) => {
            lines.extend(wrap(s.kiosk_done_failed, room, 3).into_iter().map(|l| Line::styled(l, t.error)))
        }
    }
    // Enter does nothing until the summary is written (the code would be lost): no hint before.
    if outcome.is_some() {
        lines.push(Line::default());
        let again = fill(s.kiosk_done_hint, &[("tecla", &first_key(model, Action::KioskAgain))]);
        lines.push(Line::styled(again, t.key).alignment(Alignment::Center));
        let y = inner.y + u16::try_from(lines.len()).unwrap_or(0).saturating_sub(1);
        if y < inner.bottom() {
            regions.record(Area::Kiosk(Target::Again), Rect { y, height: 1, ..inner }, None);
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
