//! Kiosk mode's own screens: the welcome, the visitor's path (issue 14: alias and consent, where to
//! start, the questions, the results, "Terminar"), the code after it, the idle countdown and the
//! administrator's PIN prompt. Plain words, large and centred, nothing that names a file or another
//! visitor, no codes or words of the counselor's. One file per screen.

mod alias;
mod bar;
mod done;
mod likes;
mod likes_results;
mod questions;
mod results;
mod start;
mod welcome;

pub use alias::draw as alias;
pub use done::draw as done;
pub use welcome::draw as welcome;

use super::Ui;
use super::keys;
use super::layout::centered;
use super::list::wrap;
use super::regions::Regions;
use super::{padded, popup};
use crate::app::keymap::Action;
use crate::app::kiosk::KioskState;
use crate::app::kiosk_visit::{Step, Target};
use crate::app::{Area, Workspace};
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

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

/// The visitor's screens while the session is open, by step; "¿Terminar?" over them.
pub fn visit(model: &Ui, ws: &Workspace, frame: &mut Frame, area: Rect, regions: &mut Regions) {
    let Some(kiosk) = &model.kiosk else { return };
    let visit = &kiosk.visit;
    match &visit.step {
        Step::Start | Step::Title(_) | Step::Sector(_) => start::draw(model, ws, visit, frame, area, regions),
        Step::Questions => questions::draw(model, ws, visit, frame, area, regions),
        Step::Results(_) => results::draw(model, ws, visit, frame, area, regions),
        Step::Likes => likes::draw(model, ws, visit, frame, area, regions),
        Step::LikesResults(_) => likes_results::draw(model, ws, visit, frame, area, regions),
    }
    if visit.confirm {
        confirm(model, frame, area, regions);
    }
}

/// "¿Terminar?": what happens next, and the two answers as buttons.
fn confirm(model: &Ui, frame: &mut Frame, area: Rect, regions: &mut Regions) {
    let s = model.lang.strings();
    let inner = padded(popup(model, frame, centered(area, 60, 9), s.kiosk_confirm_title.to_string()));
    // The whole popup takes the click: nothing under it may act while the question is asked.
    regions.record(Area::Kiosk(Target::Row), inner, None);
    let lines: Vec<Line> =
        wrap(s.kiosk_confirm_body, usize::from(inner.width), 4).into_iter().map(Line::raw).collect();
    let used = u16::try_from(lines.len()).unwrap_or(4);
    frame.render_widget(Paragraph::new(lines), inner);
    let at = Rect { y: inner.y + used + 1, height: inner.height.saturating_sub(used + 1), ..inner };
    let targets = [Some(Target::ConfirmYes), Some(Target::ConfirmNo)];
    bar::draw(model, frame, at, &bar::buttons(keys::FOOTER_KIOSK_CONFIRM, &targets), regions);
}

/// The key in force for `action`, named for people (`Enter`).
fn first_key(model: &Ui, action: Action) -> String {
    super::keys::footer_keys(&model.keymap, &[action], model.lang)
}
