//! Issue 16's suggestions: the catalog's occupations ranked by how their interest profile (derived from
//! O*NET, `catalog::InterestProfile`) correlates with the person's six scores, under the best-fit view's
//! filters (competency level, sector), each with its fit from the marks beside it — "le gustaría" and
//! "ya sabe" on one row. Shared by the counselor's screen and the kiosk.

use super::best::BestFilter;
use super::fit::{Standing, standings};
use super::model::Session;
use crate::catalog::{CatalogSet, Occupation};
use crate::interests::{Reading, rank};

#[derive(Clone, Debug, PartialEq)]
pub struct Suggested<'a> {
    pub occupation: &'a Occupation,
    /// Pearson's r of the person's scores and the occupation's profile, −1 to 1.
    pub correlation: f64,
    /// The fit from the marks, as everywhere else.
    pub standing: Standing,
}

/// The occupations with a profile that pass `filter`, by correlation (ties in catalog order). Empty
/// when the answers cannot be read (too few, or flat: ask again, never rank).
pub fn suggestions<'a>(session: &Session, set: &'a CatalogSet, filter: &BestFilter) -> Vec<Suggested<'a>> {
    if !matches!(session.interest_reading(), Reading::Ready { .. }) {
        return Vec::new();
    }
    let person = session.interest_scores().values;
    let items = set
        .occupations()
        .filter(|o| filter.admits(o))
        .filter_map(|o| o.interests.as_ref().map(|p| (o, p.values())));
    let ranked = rank(&person, items);
    let list: Vec<&Occupation> = ranked.iter().map(|s| s.item).collect();
    let fits = standings(session, &list);
    ranked
        .into_iter()
        .zip(fits)
        .map(|(s, standing)| Suggested { occupation: s.item, correlation: s.correlation, standing })
        .collect()
}
