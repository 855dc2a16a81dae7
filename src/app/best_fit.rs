//! The best-fit view (`m`): its state, and its rows, shared by `update` (selection, Enter, clicks) and
//! the view, so both always agree on what row N is. The rows are worked out afresh each time from the
//! session's marks (`session::best_fits`, fast enough for that), so every mark shows at once.

use super::model::Workspace;
use crate::catalog::CatalogSet;
use crate::session::{BestFilter, BestFits, best_fits};

/// The open view: which row is selected. Its filters live in the workspace ([`Workspace::best_filter`]),
/// so closing the view (to mark what an occupation holds) and opening it again keeps them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BestFitView {
    pub selected: usize,
}

/// The competency levels the filter steps through: none (every level), then 1 to 4.
pub const LEVELS: [Option<u8>; 5] = [None, Some(1), Some(2), Some(3), Some(4)];

impl Workspace {
    /// The rows of the best-fit view under its filters, best first.
    pub fn best_fits<'a>(&self, set: &'a CatalogSet) -> BestFits<'a> {
        best_fits(&self.session, set, &self.best_filter)
    }
}

/// The next competency level of the filter: every level → 1 → 2 → 3 → 4 → every level.
pub fn next_level(level: Option<u8>) -> Option<u8> {
    let at = LEVELS.iter().position(|l| *l == level).unwrap_or(0);
    LEVELS[(at + 1) % LEVELS.len()]
}

/// The next (or previous) sector of the filter, in catalog order, through "every sector" between the
/// last and the first.
pub fn step_sector(set: &CatalogSet, filter: &BestFilter, forward: bool) -> Option<String> {
    let ids: Vec<&str> = set.sectors().map(|s| s.id.as_str()).collect();
    // Place 0 is "every sector"; sector i is place i + 1.
    let places = ids.len() + 1;
    let at = filter.sector.as_deref().and_then(|id| ids.iter().position(|s| *s == id)).map_or(0, |i| i + 1);
    let next = if forward { (at + 1) % places } else { (at + places - 1) % places };
    next.checked_sub(1).map(|i| ids[i].to_string())
}
