//! Kiosk mode's own screens: the welcome, the code after "Terminar", the idle countdown and the
//! administrator's PIN prompt. Plain words, large and centred, nothing that names a file or another visitor.

use super::Ui;
use super::layout::centered;
use super::list::wrap;
use super::{padded, popup};
use crate::app::keymap::Action;
use crate::app::kiosk::KioskState;
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

pub fn welcome(model: &Ui, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = padded(popup(model, frame, centered(area, 76, 22), s.kiosk_welcome_title.to_string()));
    let room = usize::from(inner.width);
    let mut lines = Vec::new();
    for paragraph in s.kiosk_welcome_body.split("\n\n") {
        lines.extend(wrap(paragraph, room, 8).into_iter().map(Line::raw));
        lines.push(Line::default());
    }
    // A save failed (the last visitor's, wiped all the same): until one works again, the desk must know.
    if model.save_trouble.is_some() {
        lines.extend(wrap(s.kiosk_cannot_save, room, 2).into_iter().map(|l| Line::styled(l, t.error)));
        lines.push(Line::default());
    }
    let start = fill(s.kiosk_welcome_start, &[("tecla", &first_key(model, Action::KioskStart))]);
    lines.push(Line::styled(start, t.key).alignment(Alignment::Center));
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn done(
    model: &Ui,
    outcome: Option<&Result<String, crate::app::Failure>>,
    frame: &mut Frame,
    area: Rect,
) {
    let s = model.lang.strings();
    let t = &model.theme;
    let inner = padded(popup(model, frame, centered(area, 64, 12), s.kiosk_done_title.to_string()));
    let room = usize::from(inner.width);
    let mut lines = Vec::new();
    match outcome {
        None => lines.push(Line::styled(s.kiosk_done_writing, t.dim)),
        Some(Ok(code)) => {
            lines.extend(wrap(s.kiosk_done_body, room, 3).into_iter().map(Line::raw));
            lines.push(Line::default());
            lines.push(Line::styled(format!("  {code}  "), t.selected).alignment(Alignment::Center));
            // Where the desk is, when config.ron's `office.front_desk` says (a visitor may not know).
            if let Some(desk) = model.office.front_desk.as_deref().filter(|d| !d.trim().is_empty()) {
                let said = fill(s.kiosk_done_desk, &[("desk", &desk)]);
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
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Drawn over everything: the countdown, then the PIN prompt above it.
pub fn overlays(model: &Ui, kiosk: &KioskState, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let active = !matches!(model.screen, crate::app::Screen::Welcome);
    if active && let Some(seconds) = kiosk.countdown(model.now) {
        // Low on the screen and just as tall as its words: the code on the done screen, and what the
        // visitor was doing, stay in sight above it. No title: an emoji there is missing from the fonts of
        // a bare Linux console, where kiosks often run.
        let text = fill(s.kiosk_countdown, &[("seconds", &seconds)]);
        let width = area.width.min(64);
        let room = usize::from(width.saturating_sub(4));
        let lines: Vec<Line> = wrap(&text, room, 3).into_iter().map(|l| Line::styled(l, t.warning)).collect();
        let height = u16::try_from(lines.len()).unwrap_or(3).saturating_add(2).min(area.height);
        // Above the workspace's two footer lines, so the keys stay readable.
        let bottom = area.bottom().saturating_sub(2).max(area.y + height);
        let rect = Rect { x: area.x + (area.width - width) / 2, y: bottom - height, width, height };
        frame.render_widget(Clear, rect);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Double)
            .border_style(t.warning)
            .style(t.base);
        let inner = padded(block.inner(rect));
        frame.render_widget(block, rect);
        frame.render_widget(Paragraph::new(lines), inner);
    }
    if let Some(prompt) = &kiosk.pin {
        let inner = padded(popup(model, frame, centered(area, 44, 7), s.kiosk_pin_title.to_string()));
        let dots = "•".repeat(prompt.input.chars().count());
        let mut lines = vec![Line::from(vec![
            Span::styled(format!("{} ", s.kiosk_pin_label), t.title),
            Span::raw(dots),
            Span::styled("▏", t.key),
        ])];
        // The check (argon2, slow on purpose) runs off the drawing thread: say so until its answer comes.
        if kiosk.checking {
            lines.push(Line::styled(s.kiosk_pin_checking, t.dim));
        } else if let Some(seconds) = kiosk.locked(model.now) {
            // Seconds for the first minute's lock; whole minutes, rounded up, for the longer ones.
            let text = if seconds > 60 {
                fill(s.kiosk_pin_locked_minutes, &[("minutes", &((seconds + 59) / 60))])
            } else {
                fill(s.kiosk_pin_locked, &[("seconds", &seconds)])
            };
            lines.push(Line::styled(text, t.error));
        } else if prompt.wrong {
            lines.push(Line::styled(s.kiosk_pin_wrong, t.error));
        } else {
            lines.push(Line::default());
        }
        lines.push(Line::styled(
            super::keys::footer_within(
                &model.keymap,
                super::keys::FOOTER_PIN,
                model.lang,
                usize::from(inner.width),
            ),
            t.key,
        ));
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// The key in force for `action`, named for people (`Enter`).
fn first_key(model: &Ui, action: Action) -> String {
    super::keys::footer_keys(&model.keymap, &[action], model.lang)
}
