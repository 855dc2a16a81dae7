//! Best fit across every loaded catalog: the occupations that fit the person best, over all sectors,
//! each with how much of each of its parts (functions, skills, knowledge, other competencies) is marked.
//!
//! The ranking is fit's own ([`Standing::rank`]): an occupation of which the person holds a function
//! comes before every one of which they hold none ("solo competencias compartidas"), then the higher
//! percentage, then catalog order. Only occupations where something marked counts are listed: the rest
//! would be hundreds of rows at 0 %.
//!
//! Fast enough to recompute on every frame and every key (CUOC + BPO, 686 occupations: well under a
//! millisecond in a release build, `cargo bench --bench best_fit`), so nothing is cached: the view is
//! always the marks' as they are now.

use super::fit::{Levels, Standing, counted, standing_with};
use super::model::{MarkKind, Session};
use crate::catalog::{CatalogSet, CompetencyKind, Importance, Occupation};

/// Which occupations to rank: all, or those of one competency level and/or one sector.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BestFilter {
    /// Competency level 1–4 (CUOC's nivel de competencia); an occupation without one (0) never matches.
    pub level: Option<u8>,
    /// A sector's id: the occupations it holds and those it lists as a secondary sector.
    pub sector: Option<String>,
}

impl BestFilter {
    pub fn admits(&self, occupation: &Occupation) -> bool {
        self.level.is_none_or(|level| occupation.level == level)
            && self.sector.as_deref().is_none_or(|sector| {
                occupation.sector == sector || occupation.secondary_sectors.iter().any(|s| s == sector)
            })
    }
}

/// Of one part of an occupation, the essential items the person marked (at either level) and how many
/// essential items there are: what the fit percentage counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Part {
    pub held: u16,
    pub needed: u16,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    pub functions: Part,
    /// Competencies of kind `Skill` (CUOC's destrezas).
    pub skills: Part,
    /// Competencies of kind `Knowledge` (CUOC's conocimientos).
    pub knowledge: Part,
    /// Every other competency (the BPO catalog's attitudes, social skills, languages…).
    pub competencies: Part,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BestFit<'a> {
    pub occupation: &'a Occupation,
    pub standing: Standing,
    pub parts: Parts,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct BestFits<'a> {
    /// Best first; only occupations where something marked counts.
    pub rows: Vec<BestFit<'a>>,
    /// How many occupations the filter admits (the rows are some of these).
    pub admitted: usize,
}

/// The occupations `filter` admits where something the person marked counts, best first.
pub fn best_fits<'a>(session: &Session, set: &'a CatalogSet, filter: &BestFilter) -> BestFits<'a> {
    let levels = Levels::of(session);
    let mut out = BestFits::default();
    for occupation in set.occupations().filter(|o| filter.admits(o)) {
        out.admitted += 1;
        let standing = standing_with(&levels, occupation);
        if standing.counts() {
            out.rows.push(BestFit { occupation, standing, parts: parts(&levels, set, occupation) });
        }
    }
    // Stable: equal ranks keep catalog order.
    out.rows.sort_by_key(|row| std::cmp::Reverse(row.standing.rank()));
    out
}

/// The parts of one occupation's fit (what [`best_fits`] gives each row), for the views that show one.
pub fn parts_of(session: &Session, set: &CatalogSet, occupation: &Occupation) -> Parts {
    parts(&Levels::of(session), set, occupation)
}

fn parts(levels: &Levels, set: &CatalogSet, occupation: &Occupation) -> Parts {
    let mut parts = Parts::default();
    for (kind, id, level, importance) in counted(levels, occupation) {
        if importance != Importance::Essential {
            continue;
        }
        let part = match kind {
            MarkKind::Function => &mut parts.functions,
            MarkKind::Competency => match set.competency(id).map(|c| c.kind) {
                Some(CompetencyKind::Skill) => &mut parts.skills,
                Some(CompetencyKind::Knowledge) => &mut parts.knowledge,
                _ => &mut parts.competencies,
            },
        };
        part.needed += 1;
        if level.is_some() {
            part.held += 1;
        }
    }
    parts
}
