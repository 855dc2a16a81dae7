//! Where things go on screen. The view records in its region map (`regions`) where it drew each pane and
//! row, from these same functions, so a click lands on the row that was drawn there.

use crate::app::Pane;
use ratatui::layout::{Constraint, Layout, Rect};

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkspaceAreas {
    pub header: Rect,
    pub footer: Rect,
    pub sectors: Rect,
    pub occupations: Rect,
    pub occupation_detail: Rect,
    pub functions: Rect,
    pub programs: Rect,
}

/// Each program takes two lines: its name, then institution, level and link.
pub const PROGRAM_ROW_LINES: u16 = 2;

pub fn workspace(area: Rect, sectors: usize) -> WorkspaceAreas {
    let [header, body, footer] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0), Constraint::Length(2)]).areas(area);
    let left_width = (body.width * 2 / 5).max(32);
    let [left, right] = Layout::horizontal([Constraint::Length(left_width), Constraint::Min(0)]).areas(body);
    let sectors_height = (sectors as u16 + 2).clamp(3, 6);
    // The list and the description share what is left: a fixed detail box cut descriptions to one line at
    // 80×24 while the list above stood half empty.
    let [sectors, occupations, occupation_detail] =
        Layout::vertical([Constraint::Length(sectors_height), Constraint::Fill(1), Constraint::Fill(1)])
            .areas(left);
    let [functions, programs] =
        Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(right);
    WorkspaceAreas { header, footer, sectors, occupations, occupation_detail, functions, programs }
}

impl WorkspaceAreas {
    pub fn pane(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Sectors => self.sectors,
            Pane::Occupations => self.occupations,
            Pane::Functions => self.functions,
            Pane::Programs => self.programs,
            Pane::Detail => self.occupation_detail,
        }
    }

    /// The focused occupation detail: its first lines for the name, level and source, then a
    /// heading line, then the rows of related occupations.
    pub fn detail_head_lines(&self) -> u16 {
        (inset(self.occupation_detail).height / 2).clamp(2, 6)
    }

    /// The rows of a pane's list: inside the border, below the functions pane's tab line and above its
    /// detail lines.
    pub fn list(&self, pane: Pane) -> Rect {
        let inner = inset(self.pane(pane));
        match pane {
            Pane::Functions => Rect {
                y: inner.y + 1,
                height: inner.height.saturating_sub(1 + self.function_detail_lines() + 1),
                ..inner
            },
            Pane::Detail => {
                let skip = self.detail_head_lines() + 1;
                Rect { y: inner.y + skip, height: inner.height.saturating_sub(skip), ..inner }
            }
            _ => inner,
        }
    }

    /// Lines at the bottom of the functions pane for the full text of the selected row: three at 80×24,
    /// more when the pane is taller.
    pub fn function_detail_lines(&self) -> u16 {
        (inset(self.functions).height / 5).clamp(3, 5)
    }

    /// How many lines one row of `pane` takes.
    pub fn row_lines(pane: Pane) -> u16 {
        if pane == Pane::Programs { PROGRAM_ROW_LINES } else { 1 }
    }

    /// How many rows of `pane` fit.
    pub fn visible_rows(&self, pane: Pane) -> usize {
        usize::from(self.list(pane).height / Self::row_lines(pane))
    }
}

/// The area inside a one-cell border.
pub fn inset(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// The first row shown so that `selected` is visible in `rows` rows. Stateless on purpose: each pane and
/// the region map compute the same value from the model alone.
pub fn offset(selected: usize, rows: usize) -> usize {
    if rows == 0 { selected } else { selected.saturating_sub(rows - 1) }
}

/// A centered box of at most `width`×`height` cells inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_fit_inside_the_screen_at_the_smallest_size() {
        let area = Rect::new(0, 0, 80, 24);
        let a = workspace(area, 1);
        for pane in Pane::ALL {
            let r = a.pane(pane);
            assert!(r.right() <= 80 && r.bottom() <= 24, "{pane:?} {r:?}");
            assert!(a.visible_rows(pane) >= 1, "{pane:?} has no room");
        }
        assert!(a.visible_rows(Pane::Occupations) >= 6, "all six BPO occupations are visible at 80×24");
    }

    #[test]
    fn offset_keeps_the_selection_visible() {
        assert_eq!(offset(0, 5), 0);
        assert_eq!(offset(4, 5), 0);
        assert_eq!(offset(5, 5), 1);
        assert_eq!(offset(3, 0), 3);
    }
}
