//! Pane "Sectores".

use super::Ui;
use super::list::{clip, draw_rows};
use super::{layout, list_block, selection};
use crate::app::{Pane, Workspace};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

pub fn draw(model: &Ui, ws: &Workspace, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let inner = layout::inset(area);
    let position =
        super::list::position(ws.sector, model.catalog.sectors().count(), usize::from(inner.height));
    frame.render_widget(list_block(model, s.pane_sectors, ws.focus == Pane::Sectors, area, position), area);
    let rows = model
        .catalog
        .sectors()
        .map(|sector| vec![Line::from(clip(&format!(" {}", sector.name), usize::from(inner.width)))])
        .collect();
    draw_rows(frame, inner, rows, Some(ws.sector), selection(model, ws, Pane::Sectors), 1);
}
