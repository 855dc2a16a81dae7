//! Fit and gap: how much of an occupation the person already covers, and what is left to learn.
//!
//! Only **essential** items count towards the percentage: an optional item (English, for the BPO
//! occupations) is worth having but must not make someone look less suited than they are. A mark counts
//! whole when the person has the item and half while it is in development.
//!
//! The percentage alone does not rank: competencies such as "Trabajo en equipo" are shared by many
//! occupations, so marking them gives a share of every one. An occupation of which the person holds at
//! least one function (marked at either level) ranks above every occupation of which they hold none;
//! those say "solo competencias compartidas" (see [`Standing`]).
//!
//! A catch-all function (CUOC's "Desempeñar funciones afines.", last of every occupation) is kept word for
//! word in the catalog but is no part of fit: it says nothing of what the person can do, and marking it
//! must not make an occupation "held".

use super::model::{Mark, MarkKind, MarkLevel, Session};
use crate::catalog::{CatalogSet, Importance, Link, Need, Occupation};
use std::collections::HashMap;

/// One function or competency of an occupation, as fit and gap list it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FitItem {
    pub kind: MarkKind,
    pub id: String,
    /// The function's text or the competency's name, from the catalog.
    pub text: String,
    pub importance: Importance,
}

/// Gap items are the same records as fit items; the alias names them where the gap is meant.
pub type GapItem = FitItem;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fit {
    /// Share of the essential items covered, 0..=100, rounded half up.
    pub percent: u8,
    /// Where the occupation ranks, and whether only shared competencies make its fit.
    pub standing: Standing,
    /// Items the person has, in catalog order (functions, then competencies).
    pub has: Vec<FitItem>,
    /// Items in development, in catalog order.
    pub developing: Vec<FitItem>,
    /// Items not marked: essential ones first, then optional, each in catalog order.
    pub missing: Vec<FitItem>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// The occupation's standing, so the gap can say when only shared competencies make its fit.
    pub standing: Standing,
    /// Not marked at all: essential first, then optional.
    pub missing: Vec<GapItem>,
    /// Under way: essential first, then optional.
    pub developing: Vec<GapItem>,
    /// Programs that could close the gap: shortlisted ones first, then in catalog order.
    pub programs: Vec<GapProgram>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapProgram {
    pub id: String,
    pub institution: String,
    pub name: String,
    pub level: String,
    /// The link to the occupation is rumbo's inference, not the source's; the UI must say so.
    pub inferred: bool,
    pub shortlisted: bool,
}

/// How an occupation stands for the person: its percentage and whether any of its own functions is
/// marked. [`Standing::rank`] orders them: holding a function first, then the percentage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// At least one of the occupation's functions is marked, has or in development.
    pub holds_function: bool,
    pub percent: u8,
    /// At least one of the competencies it needs is marked.
    pub holds_competency: bool,
}

impl Standing {
    /// Its fit comes only from competencies other occupations share too: "solo competencias compartidas".
    pub fn shared_only(&self) -> bool {
        !self.holds_function && self.holds_competency
    }

    /// Something the person marked counts here (a best fit worth naming).
    pub fn counts(&self) -> bool {
        self.holds_function || self.percent > 0
    }

    /// The ranking key, greater first: the percentage only breaks ties between occupations that agree on
    /// holding a function. `holds_competency` is left out so it never reorders equal fits.
    pub fn rank(&self) -> (bool, u8) {
        (self.holds_function, self.percent)
    }
}

/// The session's marks by (kind, id), built once per question rather than searched per item.
pub(super) struct Levels<'a>(HashMap<(MarkKind, &'a str), MarkLevel>);

impl<'a> Levels<'a> {
    pub(super) fn of(session: &'a Session) -> Levels<'a> {
        Levels(session.marks.iter().map(|m| ((m.kind, m.id.as_str()), m.level)).collect())
    }

    pub(super) fn get(&self, kind: MarkKind, id: &str) -> Option<MarkLevel> {
        self.0.get(&(kind, id)).copied()
    }

    /// A competency need's mark: under its own id, or under another id of the same competency
    /// (`same_as`: BPO's "Trabajo en equipo" marked counts for CUOC's too).
    fn need(&self, need: &Need) -> Option<MarkLevel> {
        let mut ids = std::iter::once(&need.competency).chain(&need.same);
        ids.find_map(|id| self.get(MarkKind::Competency, id))
    }
}

/// The occupation's functions, then its competency needs, in catalog order, each with its mark.
fn items(levels: &Levels, set: &CatalogSet, occupation: &Occupation) -> Vec<(FitItem, Option<MarkLevel>)> {
    let functions = occupation.functions.iter().filter(|f| !f.catch_all).map(|f| {
        let item = FitItem {
            kind: MarkKind::Function,
            id: f.id.clone(),
            text: f.text.clone(),
            importance: f.importance,
        };
        (item, levels.get(MarkKind::Function, &f.id))
    });
    let competencies = occupation.competencies.iter().map(|n| {
        let item = FitItem {
            kind: MarkKind::Competency,
            id: n.competency.clone(),
            // Validation guarantees the competency exists; the id is a readable fallback all the same.
            text: set.competency(&n.competency).map_or_else(|| n.competency.clone(), |c| c.name.clone()),
            importance: n.importance,
        };
        (item, levels.need(n))
    });
    functions.chain(competencies).collect()
}

/// Sort key that puts essential items before optional ones (used with a stable sort).
fn optional_last(item: &FitItem) -> bool {
    item.importance == Importance::Optional
}

/// round(100 × points / essential) with points counted in halves, in integers so there is no float
/// drift; no essential items gives 0 rather than a division by zero.
fn percent(halves: u32, essential: u32) -> u8 {
    if essential == 0 {
        return 0;
    }
    let rounded = (100 * halves + essential) / (2 * essential);
    u8::try_from(rounded.min(100)).unwrap_or(100)
}

fn fit_with(levels: &Levels, set: &CatalogSet, occupation: &Occupation) -> Fit {
    let mut fit = Fit {
        percent: 0,
        standing: standing_with(levels, occupation),
        has: Vec::new(),
        developing: Vec::new(),
        missing: Vec::new(),
    };
    for (item, level) in items(levels, set, occupation) {
        match level {
            Some(MarkLevel::Has) => fit.has.push(item),
            Some(MarkLevel::InDevelopment) => fit.developing.push(item),
            None => fit.missing.push(item),
        }
    }
    fit.missing.sort_by_key(optional_last);
    fit.percent = fit.standing.percent;
    fit
}

/// What fit counts of an occupation, by kind, id, the person's mark (a need's under any id declared the
/// same) and importance: its functions but the catch-all, then its competency needs, in catalog order.
pub(super) fn counted<'a>(
    levels: &'a Levels,
    occupation: &'a Occupation,
) -> impl Iterator<Item = (MarkKind, &'a str, Option<MarkLevel>, Importance)> + 'a {
    let functions =
        occupation.functions.iter().filter(|f| !f.catch_all).map(|f| {
            (MarkKind::Function, f.id.as_str(), levels.get(MarkKind::Function, &f.id), f.importance)
        });
    let needs = occupation
        .competencies
        .iter()
        .map(|n| (MarkKind::Competency, n.competency.as_str(), levels.need(n), n.importance));
    functions.chain(needs)
}

/// The standing alone (what [`fit`] gives as `standing`), without listing the items: the occupations
/// pane shows one per row on every frame.
pub(super) fn standing_with(levels: &Levels, occupation: &Occupation) -> Standing {
    let (mut essential, mut halves) = (0, 0);
    let mut standing = Standing::default();
    for (kind, _, level, importance) in counted(levels, occupation) {
        if level.is_some() {
            match kind {
                MarkKind::Function => standing.holds_function = true,
                MarkKind::Competency => standing.holds_competency = true,
            }
        }
        if importance == Importance::Essential {
            essential += 1;
            halves += match level {
                Some(MarkLevel::Has) => 2,
                Some(MarkLevel::InDevelopment) => 1,
                None => 0,
            };
        }
    }
    standing.percent = percent(halves, essential);
    standing
}

/// The standing of each of `occupations`, in order (as [`fit`] would give them one by one).
pub fn standings(session: &Session, occupations: &[&Occupation]) -> Vec<Standing> {
    let levels = Levels::of(session);
    occupations.iter().map(|occupation| standing_with(&levels, occupation)).collect()
}

/// How well the person fits an occupation; `None` when the occupation is not in the catalogs.
pub fn fit(session: &Session, set: &CatalogSet, occupation_id: &str) -> Option<Fit> {
    let occupation = set.occupation(occupation_id)?;
    Some(fit_with(&Levels::of(session), set, occupation))
}

/// What the person lacks for an occupation and the programs that serve it. In catalog format 1
/// programs link to occupations, not to single items, so every program of the occupation is listed.
pub fn gap(session: &Session, set: &CatalogSet, occupation_id: &str) -> Option<Gap> {
    let Fit { missing, mut developing, standing, .. } = fit(session, set, occupation_id)?;
    developing.sort_by_key(optional_last);
    let mut programs: Vec<GapProgram> = set
        .programs_for(occupation_id)
        .into_iter()
        .map(|p| GapProgram {
            id: p.id.clone(),
            institution: p.institution.clone(),
            name: p.name.clone(),
            level: p.level.clone(),
            inferred: p.link == Link::Inferred,
            shortlisted: session.is_shortlisted(&p.id),
        })
        .collect();
    programs.sort_by_key(|p| !p.shortlisted);
    Some(Gap { standing, missing, developing, programs })
}

/// Every occupation with its standing, best first by [`Standing::rank`]; equal ranks keep catalog order.
pub fn ranked(session: &Session, set: &CatalogSet) -> Vec<(String, Standing)> {
    let levels = Levels::of(session);
    let mut ranked: Vec<(String, Standing)> =
        set.occupations().map(|o| (o.id.clone(), fit_with(&levels, set, o).standing)).collect();
    ranked.sort_by_key(|(_, standing)| std::cmp::Reverse(standing.rank()));
    ranked
}

/// The best-fitting occupation's title and percentage, for the start screen; `None` while nothing the
/// person marked counts anywhere (a "best fit" of 0% would only be the first occupation in the file).
/// The same as the first of [`ranked`] when it [counts](Standing::counts), but only the occupations that
/// hold something the person marked are worked out: listing saved sessions must not take longer as the
/// catalogs grow (any other occupation ranks lowest and counts for nothing).
pub fn best_fit(session: &Session, set: &CatalogSet) -> Option<(String, u8)> {
    let levels = Levels::of(session);
    let mut candidates: Vec<((usize, usize), &Occupation)> = Vec::new();
    for mark in &session.marks {
        match mark.kind {
            MarkKind::Function => {
                if let Some((occupation, _)) = set.function(&mark.id)
                    && let Some(place) = set.occupation_place(&occupation.id)
                {
                    candidates.push((place, occupation));
                }
            }
            MarkKind::Competency => candidates.extend(set.occupations_needing(&mark.id)),
        }
    }
    // Catalog order, so that equal fits go to the first occupation, as in `ranked`.
    candidates.sort_by_key(|(place, _)| *place);
    candidates.dedup_by_key(|(place, _)| *place);
    let mut best: Option<(&Occupation, Standing)> = None;
    for (_, occupation) in candidates {
        let standing = standing_with(&levels, occupation);
        if standing.counts() && best.is_none_or(|(_, b)| standing.rank() > b.rank()) {
            best = Some((occupation, standing));
        }
    }
    best.map(|(occupation, standing)| (occupation.title.clone(), standing.percent))
}

/// Marks whose item no loaded catalog has any more. They stay in the file (the mark's own text tells
/// what it was); the UI lists them apart.
pub fn orphans<'a>(session: &'a Session, set: &CatalogSet) -> Vec<&'a Mark> {
    session
        .marks
        .iter()
        .filter(|m| match m.kind {
            MarkKind::Function => set.function(&m.id).is_none(),
            MarkKind::Competency => set.competency_or_same(&m.id).is_none(),
        })
        .collect()
}
