//! Before the visit starts: the alias, and the consent as a choice said in words ("Sí, guardar" /
//! "No guardar"), never a box Enter passes over. No counselor field.

use super::super::layout::centered;
use super::super::list::wrap;
use super::super::regions::Regions;
use super::super::{Ui, keys, padded, popup};
use super::bar;
use crate::app::kiosk_visit::Target;
use crate::app::{Area, FormField, NewSessionForm};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, form: &NewSessionForm, frame: &mut Frame, area: Rect, regions: &mut Regions) {
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = padded(popup(model, frame, centered(area, 76, 22), s.kiosk_alias_title.to_string()));
    let room = usize::from(inner.width);
    let line = |y: u16| Rect { y: (inner.y + y).min(inner.bottom().saturating_sub(1)), height: 1, ..inner };
    let on_alias = form.field == FormField::Alias;
    frame.render_widget(Paragraph::new(Line::styled(s.kiosk_alias_label, t.title)), line(0));
    // An ASCII cursor: the Linux console's fonts have no thin bar.
    let cursor = if on_alias { "_" } else { "" };
    let style = if on_alias { t.selected } else { t.selected_unfocused };
    frame.render_widget(Paragraph::new(Line::styled(format!(" {}{cursor} ", form.alias), style)), line(1));
    regions.record(Area::Kiosk(Target::Row), line(1), None);
    let (hint, hint_style) =
        if form.alias_missing { (s.form_alias_missing, t.error) } else { (s.form_alias_hint, t.dim) };
    let hint: Vec<Line> = wrap(hint, room, 2).into_iter().map(|l| Line::styled(l, hint_style)).collect();
    frame.render_widget(Paragraph::new(hint), Rect { height: 2, ..line(2) });
    let question_style = if on_alias { t.title } else { t.selected };
    frame.render_widget(Paragraph::new(Line::styled(s.kiosk_consent_question, question_style)), line(5));
    let text: Vec<Line> = wrap(s.kiosk_consent_text, room, 5).into_iter().map(Line::raw).collect();
    let used = u16::try_from(text.len()).unwrap_or(5);
    frame.render_widget(Paragraph::new(text), Rect { height: used, ..line(6) });
    let choices = line(7 + used);
    let mut buttons =
        bar::buttons(keys::FOOTER_KIOSK_CONSENT, &[Some(Target::ConsentYes), Some(Target::ConsentNo)]);
    for button in &mut buttons {
        button.chosen = form.consent_chosen && form.consent == (button.target == Some(Target::ConsentYes));
    }
    bar::draw(model, frame, choices, &buttons, regions);
    let said = match (form.consent_needed, form.consent_chosen, form.consent) {
        (true, _, _) => Line::styled(s.kiosk_consent_needed, t.error),
        (_, true, true) => Line::styled(s.kiosk_chosen_yes, t.ok),
        (_, true, false) => Line::styled(s.kiosk_chosen_no, t.warning),
        _ => Line::default(),
    };
    frame.render_widget(Paragraph::new(said), line(8 + used));
    let targets = [Some(Target::Continue), Some(Target::Row), Some(Target::Back)];
    let at = Rect { height: 2, ..line(10 + used) };
    bar::draw(model, frame, at, &bar::buttons(keys::FOOTER_KIOSK_FORM, &targets), regions);
}
