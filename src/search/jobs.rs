//! Job titles for "Experiencia": the occupations a job title typed by the counselor names, by the
//! occupation's own name or one of its alternative titles (CUOC's denominaciones). Searched in the
//! index, which holds both (kinds `occupation` and `title`), so the panel costs nothing to open
//! and a key costs what a key in the search popup does; the word rules are the search's
//! ([`super::words`]).

use super::index::Index;
use super::rank::Rank;
use super::{Hit, Narrowing, SearchIndex};
use crate::catalog::ItemKind;
use std::cmp::Reverse;

/// One way to name an occupation: its own title or one of its alternative titles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobMatch {
    /// The occupation's id.
    pub occupation: String,
    /// The title as the catalog writes it.
    pub title: String,
    /// The title is the occupation's own name, not an alternative title.
    pub own: bool,
}

/// What the last title search left for the next key: one [`Narrowing`] per kind searched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JobNarrowing([Narrowing; 2]);

/// The kinds of item that name an occupation.
const NAMES: [ItemKind; 2] = [ItemKind::Occupation, ItemKind::Title];

impl SearchIndex {
    /// The titles `query` names, best first, ranked as one search over occupations and job titles
    /// would rank them. At most `limit`.
    pub fn job_titles(&self, query: &str, limit: usize) -> Vec<JobMatch> {
        self.job_titles_narrowing(query, limit, &mut JobNarrowing::default())
    }

    /// [`SearchIndex::job_titles`] for a title typed one key at a time: like
    /// [`SearchIndex::search_narrowing`], a key that only adds to the query scans only what the
    /// last one matched. The same results either way.
    pub fn job_titles_narrowing(
        &self,
        query: &str,
        limit: usize,
        narrowing: &mut JobNarrowing,
    ) -> Vec<JobMatch> {
        let index = self.built();
        let mut hits: Vec<Hit> = NAMES
            .iter()
            .zip(&mut narrowing.0)
            .flat_map(|(kind, narrowing)| {
                index.search_narrowing(query, Some(*kind), Some(limit), narrowing).hits
            })
            .collect();
        hits.sort_unstable_by_key(|hit| Reverse(index.rank_of(hit)));
        hits.into_iter()
            .take(limit)
            .map(|hit| {
                let item = index.item(hit.item);
                let own = item.kind == ItemKind::Occupation;
                let occupation = match item.occupation {
                    Some((id, _)) if !own => id,
                    _ => item.id,
                };
                JobMatch { occupation: occupation.to_string(), title: item.text.to_string(), own }
            })
            .collect()
    }

    /// How many titles name an occupation: every occupation's own and every alternative one.
    pub fn job_title_count(&self) -> usize {
        let index = self.built();
        index.records.iter().filter(|record| NAMES.contains(&record.kind)).count()
    }
}

impl Index {
    /// The rank a scan gave `hit` (see [`Rank`]): what merges the hits of searches by kind in the
    /// order one search over those kinds would give.
    fn rank_of(&self, hit: &Hit) -> Rank {
        let len =
            self.slots.get(hit.item).and_then(|slot| self.entries.get(*slot as usize)).map_or(0, |e| e.len);
        Rank {
            exact: hit.exact,
            whole: hit.whole_words,
            score: hit.score,
            shorter: Reverse(len),
            earlier: Reverse(super::to_u32(hit.item)),
        }
    }
}
