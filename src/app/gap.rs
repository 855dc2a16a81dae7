//! The gap popup (`g`): its rows and cursor, shared by `update` (keys, clicks, marks) and the view, so
//! both agree on what row N is. The rows are fixed when the popup opens: a mark made in it changes the
//! row's mark (and the fit shown above) but moves no row, so what was just marked stays under the cursor;
//! reopening the popup sorts again (what the person now has leaves the list).

use super::model::Workspace;
use crate::catalog::{CatalogSet, Importance};
use crate::session::{GapItem, GapProgram, gap};

/// One row the cursor can stand on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GapRow {
    /// A function or competency the person does not have yet (missing or in development when opened).
    Item(GapItem),
    /// A program that could close the gap.
    Program(GapProgram),
}

/// The open popup: the occupation it is about, its rows (essential items, optional items, programs) and
/// the selected one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapView {
    pub occupation: String,
    pub rows: Vec<GapRow>,
    pub selected: usize,
}

impl GapView {
    /// The popup for the workspace's current occupation, or `None` when no occupation is selected.
    pub fn open(ws: &Workspace, set: &CatalogSet) -> Option<GapView> {
        let occupation = ws.current_occupation(set)?.id.clone();
        let gap = gap(&ws.session, set, &occupation)?;
        // Essential first, then optional; within each, what is missing before what is under way.
        let items = |importance: Importance| {
            gap.missing
                .iter()
                .chain(&gap.developing)
                .filter(move |i| i.importance == importance)
                .cloned()
                .map(GapRow::Item)
        };
        let mut rows: Vec<GapRow> = items(Importance::Essential).collect();
        rows.extend(items(Importance::Optional));
        rows.extend(gap.programs.into_iter().map(GapRow::Program));
        Some(GapView { occupation, rows, selected: 0 })
    }

    pub fn current(&self) -> Option<&GapRow> {
        self.rows.get(self.selected)
    }

    /// The rows of one importance, with their place in [`GapView::rows`].
    pub fn items(&self, importance: Importance) -> impl Iterator<Item = (usize, &GapItem)> {
        self.rows.iter().enumerate().filter_map(move |(i, row)| match row {
            GapRow::Item(item) if item.importance == importance => Some((i, item)),
            _ => None,
        })
    }

    pub fn programs(&self) -> impl Iterator<Item = (usize, &GapProgram)> {
        self.rows.iter().enumerate().filter_map(|(i, row)| match row {
            GapRow::Program(p) => Some((i, p)),
            GapRow::Item(_) => None,
        })
    }
}
