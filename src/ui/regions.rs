//! The region map: where the last frame drew what a click or the wheel acts on. `view` records it as it
//! draws; the runtime keeps the last one and turns a mouse event into `Msg::Clicked` / `Msg::Wheel` with
//! it, so `update` never needs to know where anything is on screen.

use crate::app::{Area, Model, Msg, Overlay};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

/// The rows of a list as drawn: where they are, which one is first on screen, and how many lines each takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rows {
    pub rect: Rect,
    pub first: usize,
    pub lines: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Region {
    area: Area,
    rect: Rect,
    rows: Option<Rows>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Regions {
    drawn: Vec<Region>,
    /// How many lines the `?` help (or the full-text popup, `v`) could scroll, when it was drawn.
    pub help_room: Option<usize>,
}

impl Regions {
    /// `area` was drawn on `rect`, with its list's `rows` when it has one. Recorded later, drawn on top.
    pub fn record(&mut self, area: Area, rect: Rect, rows: Option<Rows>) {
        self.drawn.push(Region { area, rect, rows });
    }

    /// What is drawn at (`column`, `row`): the area on top there, and the list row, if on one.
    pub fn hit(&self, column: u16, row: u16) -> Option<(Area, Option<usize>)> {
        let at = Position::new(column, row);
        let region = self.drawn.iter().rev().find(|r| r.rect.contains(at))?;
        let line = region
            .rows
            .filter(|rows| rows.rect.contains(at) && rows.lines > 0)
            .map(|rows| rows.first + usize::from(at.y - rows.rect.y) / usize::from(rows.lines));
        Some((region.area, line))
    }

    /// What `update` must learn of this frame before the next event: the help's room to scroll, when the
    /// model's differs (the runtime sends it, then draws again).
    pub fn follow_up(&self, model: &Model) -> Option<Msg> {
        let room = self.help_room?;
        let known = match model.workspace().map(|ws| &ws.overlay) {
            Some(Some(Overlay::Help(scroll))) => scroll.max,
            Some(Some(Overlay::FullText(full))) => full.scroll.max,
            _ => return None,
        };
        (known != Some(room)).then_some(Msg::HelpRoom(room))
    }

    /// The message a mouse event stands for: a left click or the wheel over an area, or else bare pointer
    /// activity (which a kiosk counts as the visitor being there, and nothing else acts on).
    pub fn message(&self, mouse: MouseEvent) -> Msg {
        let hit = self.hit(mouse.column, mouse.row);
        match (mouse.kind, hit) {
            (MouseEventKind::Down(MouseButton::Left), Some((area, row))) => Msg::Clicked { area, row },
            (MouseEventKind::ScrollDown, Some((area, _))) => Msg::Wheel { area, down: true },
            (MouseEventKind::ScrollUp, Some((area, _))) => Msg::Wheel { area, down: false },
            _ => Msg::Mouse(mouse),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Pane;
    use crossterm::event::KeyModifiers;

    fn event(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
        MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE }
    }

    #[test]
    fn a_click_becomes_the_area_and_row_drawn_under_it() {
        let mut map = Regions::default();
        let rows = Rows { rect: Rect::new(1, 1, 10, 4), first: 3, lines: 2 };
        map.record(Area::Pane(Pane::Programs), Rect::new(0, 0, 12, 6), Some(rows));
        let click = MouseEventKind::Down(MouseButton::Left);
        let at = |c, r| map.message(event(click, c, r));
        assert!(matches!(at(2, 1), Msg::Clicked { area: Area::Pane(Pane::Programs), row: Some(3) }));
        assert!(matches!(at(2, 4), Msg::Clicked { area: Area::Pane(Pane::Programs), row: Some(4) }));
        // On the border: the area, no row.
        assert!(matches!(at(0, 0), Msg::Clicked { area: Area::Pane(Pane::Programs), row: None }));
        // Nothing drawn there: bare pointer activity.
        assert!(matches!(at(20, 20), Msg::Mouse(_)));
        let wheel = map.message(event(MouseEventKind::ScrollDown, 5, 5));
        assert!(matches!(wheel, Msg::Wheel { area: Area::Pane(Pane::Programs), down: true }));
    }

    #[test]
    fn the_area_drawn_last_is_the_one_hit() {
        let mut map = Regions::default();
        map.record(Area::Pane(Pane::Sectors), Rect::new(0, 0, 10, 10), None);
        map.record(Area::Pane(Pane::Functions), Rect::new(5, 5, 10, 10), None);
        assert_eq!(map.hit(6, 6), Some((Area::Pane(Pane::Functions), None)));
        assert_eq!(map.hit(1, 1), Some((Area::Pane(Pane::Sectors), None)));
    }
}
