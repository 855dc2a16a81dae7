//! Pane "Sectores".

use super::Ui;
use super::list::{clip, draw_rows};
use super::{layout, pane_block, selection};
use crate::app::{Pane, Workspace};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub fn draw(model: &Ui, ws: &Workspace, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let title = Line::from(format!(" {} ", s.pane_sectors));
    frame.render_widget(pane_block(model, title, ws.focus == Pane::Sectors), area);
    let inner = layout::inset(area);
    let rows = model
        .catalog
        .sectors()
        .map(|sector| vec![Line::from(clip(&format!(" {}", sector.name), usize::from(inner.width)))])
        .collect();
    draw_rows(frame, inner, rows, Some(ws.sector), selection(model, ws, Pane::Sectors), 1);
}
