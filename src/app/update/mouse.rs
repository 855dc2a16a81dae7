//! Mouse: a click focuses a pane and selects the row under it; the wheel moves the selection of the pane
//! under the pointer. Where things are on screen is the view's knowledge: the runtime finds the area and
//! row in the region map of the last frame and sends them here.

use super::selection::{pane_len, select};
use crate::app::keymap::Action;
use crate::app::model::{Model, Overlay, Screen};
use crate::app::msg::{Area, Effect};

pub fn clicked(model: &mut Model, area: Area, row: Option<usize>) -> Vec<Effect> {
    let set = model.catalog.clone();
    let now = model.now;
    let lang = model.lang;
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    let pane = match area {
        Area::BestFit => return super::best_fit::clicked(ws, &set, row, now),
        Area::Interests(target) => return super::interests::clicked(ws, &set, target, row, now),
        Area::Experience(field) => {
            super::experience::clicked(ws, &set, field, row);
            return Vec::new();
        }
        Area::Plan => {
            super::plan::clicked(ws, &set, lang, row);
            return Vec::new();
        }
        Area::Gap => return super::gap::clicked(ws, &set, row, now),
        Area::PlanPart(part) => {
            super::plan::clicked_part(ws, part);
            return Vec::new();
        }
        Area::FullTextOutside => {
            super::full_text::close(ws);
            return Vec::new();
        }
        Area::Pane(_) | Area::Help | Area::FullText if ws.overlay.is_some() => return Vec::new(),
        Area::Pane(pane) => pane,
        Area::Help | Area::FullText | Area::Kiosk(_) => return Vec::new(),
    };
    ws.focus = pane;
    match row {
        Some(row) if row < pane_len(ws, &set, pane) => select(ws, &set, pane, row, now),
        _ => Vec::new(),
    }
}

pub fn wheel(model: &mut Model, area: Area, down: bool) -> Vec<Effect> {
    let set = model.catalog.clone();
    let now = model.now;
    let lang = model.lang;
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    let pane = match area {
        Area::BestFit => {
            super::best_fit::wheel(ws, &set, down);
            return Vec::new();
        }
        Area::Experience(field) => {
            super::experience::wheel(ws, &set, field, down);
            return Vec::new();
        }
        Area::Plan => {
            super::plan::wheel(ws, &set, lang, down);
            return Vec::new();
        }
        Area::PlanPart(_) | Area::FullTextOutside | Area::Kiosk(_) => return Vec::new(),
        Area::Interests(_) => {
            super::interests::wheel(ws, &set, down);
            return Vec::new();
        }
        Area::Gap => {
            super::gap::wheel(ws, down);
            return Vec::new();
        }
        Area::FullText => {
            super::full_text::wheel(ws, down);
            return Vec::new();
        }
        Area::Help => {
            if let Some(Overlay::Help(scroll)) = &mut ws.overlay {
                let action = if down { Action::Down } else { Action::Up };
                super::overlays::scroll_help(scroll, Some(action));
            }
            return Vec::new();
        }
        Area::Pane(_) if ws.overlay.is_some() => return Vec::new(),
        Area::Pane(pane) => pane,
    };
    let len = pane_len(ws, &set, pane);
    let current = ws.selected(pane);
    match down {
        true if len > 0 => select(ws, &set, pane, (current + 1).min(len - 1), now),
        true => Vec::new(),
        false => select(ws, &set, pane, current.saturating_sub(1), now),
    }
}
