//! Occupations ranked by how closely their interest profile follows the person's: Pearson's correlation
//! between the person's six scores and each occupation's six values. Correlation looks at the shape (which
//! types are high, which low), not the level, so a person who answers everything a little warmly is
//! compared fairly with O*NET's profiles. It runs from −1 to 1.
//!
//! Generic over what is ranked (`(item, [f64; 6])` pairs): the catalog, the kiosk and the tests feed it
//! their own items. Filters (competency level, sector) are applied to the items before they come in.

/// A ranked item and its correlation with the person's scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion<T> {
    pub item: T,
    pub correlation: f64,
}

/// Pearson's r of two six-value profiles; `None` when either is flat (all six equal): it has no shape,
/// and r would divide by zero.
pub fn pearson(a: &[f64; 6], b: &[f64; 6]) -> Option<f64> {
    let mean = |v: &[f64; 6]| v.iter().sum::<f64>() / 6.0;
    let (ma, mb) = (mean(a), mean(b));
    let (mut ab, mut aa, mut bb) = (0.0, 0.0, 0.0);
    for i in 0..6 {
        let (x, y) = (a[i] - ma, b[i] - mb);
        ab += x * y;
        aa += x * x;
        bb += y * y;
    }
    // Below this, the profile is flat but for rounding.
    const FLAT: f64 = 1e-12;
    if aa <= FLAT || bb <= FLAT {
        return None;
    }
    Some((ab / (aa.sqrt() * bb.sqrt())).clamp(-1.0, 1.0))
}

/// The items by correlation with `person`, highest first; equal correlations keep the items' order
/// (the catalog's). Items with a flat profile are left out (no correlation); so is everything when the
/// person's scores are flat — callers check [`super::read`] first and say "ask again".
pub fn rank<T>(person: &[f64; 6], items: impl IntoIterator<Item = (T, [f64; 6])>) -> Vec<Suggestion<T>> {
    let mut out: Vec<Suggestion<T>> = items
        .into_iter()
        .filter_map(|(item, profile)| {
            pearson(person, &profile).map(|correlation| Suggestion { item, correlation })
        })
        .collect();
    // Stable: ties keep the items' order.
    out.sort_by(|a, b| b.correlation.total_cmp(&a.correlation));
    out
}
