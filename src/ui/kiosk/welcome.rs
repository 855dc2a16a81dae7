//! The welcome: what this is, the choice of language (Español / English) and how to start.

use super::super::layout::centered;
use super::super::list::wrap;
use super::super::regions::Regions;
use super::super::{Ui, keys, padded, popup};
use super::bar;
use crate::app::Area;
use crate::app::keymap::Action;
use crate::app::kiosk_visit::Target;
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, frame: &mut Frame, area: Rect, regions: &mut Regions) {
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = padded(popup(model, frame, centered(area, 76, 22), s.kiosk_welcome_title.to_string()));
    let room = usize::from(inner.width);
    let mut lines = Vec::new();
    for paragraph in s.kiosk_visit_body.split("\n\n") {
        lines.extend(wrap(paragraph, room, 8).into_iter().map(Line::raw));
        lines.push(Line::default());
    }
    // A save failed (the last visitor's, wiped all the same): until one works again, the desk must know.
    if model.save_trouble.is_some() {
        lines.extend(wrap(s.kiosk_cannot_save, room, 2).into_iter().map(|l| Line::styled(l, t.error)));
        lines.push(Line::default());
    }
    let used = u16::try_from(lines.len()).unwrap_or(inner.height);
    frame.render_widget(Paragraph::new(lines), inner);
    // The language, then how to start, at the bottom of the box.
    let bottom = inner.bottom();
    let lang = Rect { y: bottom.saturating_sub(3).max(inner.y + used), height: 1, ..inner };
    let label = format!("{} ", s.kiosk_lang_label);
    let label_width = u16::try_from(super::super::list::width(&label)).unwrap_or(0).min(lang.width);
    frame.render_widget(Paragraph::new(Line::styled(label, t.title)), lang);
    let chosen = |target: Option<Target>| match target {
        Some(Target::Spanish) => model.lang == crate::i18n::Lang::Es,
        _ => model.lang == crate::i18n::Lang::En,
    };
    let mut buttons =
        bar::buttons(&keys::FOOTER_KIOSK_WELCOME[..2], &[Some(Target::Spanish), Some(Target::English)]);
    buttons.iter_mut().for_each(|b| b.chosen = chosen(b.target));
    let after = Rect { x: lang.x + label_width, width: lang.width - label_width, ..lang };
    bar::draw(model, frame, after, &buttons, regions);
    let start_at = Rect { y: (lang.y + 2).min(bottom.saturating_sub(1)), ..lang };
    let key = keys::footer_keys(&model.keymap, &[Action::KioskStart], model.lang);
    let start = fill(s.kiosk_welcome_start, &[("tecla", &key)]);
    frame.render_widget(Paragraph::new(Line::styled(start, t.key).alignment(Alignment::Center)), start_at);
    regions.record(Area::Kiosk(Target::Begin), start_at, None);
}
