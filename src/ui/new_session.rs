//! The new-session form: alias, counselor, and the consent text under Ley 1581 de 2012.

use super::Ui;
use super::layout::centered;
use super::popup;
use crate::app::{FormField, NewSessionForm};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(model: &Ui, form: &NewSessionForm, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = popup(model, frame, centered(area, 76, 22), s.form_title.to_string());
    let kiosk = model.kiosk.is_some();
    let [
        alias_label,
        alias,
        alias_hint,
        counselor_label,
        counselor,
        consent_title,
        consent_text,
        consent_box,
        keys,
    ] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
        // A kiosk has no counselor: the field takes no room there.
        Constraint::Length(if kiosk { 0 } else { 1 }),
        Constraint::Length(if kiosk { 0 } else { 2 }),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(2),
        Constraint::Length(1),
    ])
    .areas(super::padded(inner));
    let focus_style = |field: FormField| if form.field == field { t.selected } else { t.selected_unfocused };
    let input = |text: &str, field: FormField| {
        let cursor = if form.field == field { "▏" } else { "" };
        Line::from(vec![Span::styled(format!(" {text}{cursor}"), focus_style(field)), Span::raw(" ")])
    };
    frame.render_widget(Paragraph::new(Line::styled(s.form_alias, t.title)), alias_label);
    frame.render_widget(Paragraph::new(input(&form.alias, FormField::Alias)), alias);
    let (hint, hint_style): (&str, Style) =
        if form.alias_missing { (s.form_alias_missing, t.error) } else { (s.form_alias_hint, t.dim) };
    frame.render_widget(Paragraph::new(Line::styled(hint, hint_style)).wrap(Wrap { trim: true }), alias_hint);
    if !kiosk {
        frame.render_widget(Paragraph::new(Line::styled(s.form_counselor, t.title)), counselor_label);
        frame.render_widget(Paragraph::new(input(&form.counselor, FormField::Counselor)), counselor);
    }
    frame.render_widget(Paragraph::new(Line::styled(s.form_consent_title, t.title)), consent_title);
    frame.render_widget(Paragraph::new(s.consent_text).wrap(Wrap { trim: true }), consent_text);
    let tick = if form.consent { "[x]" } else { "[ ]" };
    let mut lines = vec![Line::from(Span::styled(
        format!(" {tick} {} ", s.form_consent_box),
        focus_style(FormField::Consent),
    ))];
    if !form.consent {
        lines.push(Line::styled(s.form_unsaved_hint, t.dim));
    }
    frame.render_widget(Paragraph::new(lines), consent_box);
    frame.render_widget(
        Paragraph::new(Line::styled(
            super::keys::footer_within(
                &model.keymap,
                super::keys::FOOTER_FORM,
                model.lang,
                usize::from(keys.width),
            ),
            t.key,
        )),
        keys,
    );
}
