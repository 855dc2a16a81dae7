//! Job titles for "Experiencia": the occupations a job title typed by the counselor names, by the
//! occupation's own name or one of its alternative titles (CUOC's denominaciones). A title matches by the
//! search's word rules ([`super::words`]): every query word other than a stop word is a word of the
//! title, a word of the same Snowball stem, a word's beginning, or (five letters or more) one typo away.
//!
//! Kept apart from the index, which has no titles of its own (yet): 15,000 short texts are folded once,
//! when the panel opens, and scanned in a millisecond or two per key.

use super::words::{LOOSE, NONE, WHOLE, is_stop_word, loosely, split, stemmer};
use crate::catalog::CatalogSet;
use crate::text::fold;

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

/// Every title of a catalog set, folded for matching.
#[derive(Clone, Debug, Default)]
pub struct JobTitles {
    entries: Vec<Entry>,
}

#[derive(Clone, Debug)]
struct Entry {
    occupation: u32,
    /// `None` for the occupation's own title, else the index of the alternative title.
    alt: Option<u32>,
    folded: String,
}

impl JobTitles {
    pub fn new(set: &CatalogSet) -> JobTitles {
        let mut entries = Vec::new();
        for (o, occupation) in set.occupations().enumerate() {
            let o = super::to_u32(o);
            entries.push(Entry { occupation: o, alt: None, folded: fold(&occupation.title) });
            for (t, title) in occupation.alt_titles.iter().enumerate() {
                entries.push(Entry {
                    occupation: o,
                    alt: Some(super::to_u32(t)),
                    folded: fold(&title.title),
                });
            }
        }
        JobTitles { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The titles `query` names, best first: the title itself, then more query words held whole (as
    /// themselves or by stem), then shorter titles, then catalog order. At most `limit`.
    pub fn find(&self, set: &CatalogSet, query: &str, limit: usize) -> Vec<JobMatch> {
        let folded = fold(query.trim());
        let all: Vec<&str> = split(&folded).collect();
        let mut words: Vec<&str> = all.iter().copied().filter(|w| !is_stop_word(w)).collect();
        if words.is_empty() {
            words = all;
        }
        if words.is_empty() {
            return Vec::new();
        }
        let stems: Vec<String> = words.iter().map(|w| stemmer().stem(w).into_owned()).collect();
        let squeezed = squeeze(&folded);
        // (not exact, fewer whole words, length, position): smallest first.
        let mut ranked: Vec<((bool, usize, usize), usize)> = Vec::new();
        for (at, entry) in self.entries.iter().enumerate() {
            let mut whole = 0;
            let found = words.iter().zip(&stems).all(|(word, stem)| {
                let best = split(&entry.folded).map(|candidate| strength(word, stem, candidate)).max();
                let best = best.unwrap_or(NONE);
                whole += usize::from(best == WHOLE);
                best != NONE
            });
            if found {
                let exact = squeeze(&entry.folded) == squeezed;
                ranked.push(((!exact, usize::MAX - whole, entry.folded.len()), at));
            }
        }
        ranked.sort_unstable();
        let occupations: Vec<&crate::catalog::Occupation> = set.occupations().collect();
        ranked
            .into_iter()
            .take(limit)
            .filter_map(|(_, at)| {
                let entry = &self.entries[at];
                let occupation = occupations.get(entry.occupation as usize)?;
                let title = match entry.alt {
                    None => occupation.title.clone(),
                    Some(t) => occupation.alt_titles.get(t as usize)?.title.clone(),
                };
                Some(JobMatch { occupation: occupation.id.clone(), title, own: entry.alt.is_none() })
            })
            .collect()
    }
}

/// How `candidate` (a folded word of a title) answers the query word `word` of stem `stem`.
fn strength(word: &str, stem: &str, candidate: &str) -> u8 {
    let loose = loosely(word, candidate);
    if loose == WHOLE {
        return WHOLE;
    }
    // Spanish stems are beginnings of their words: only a word that begins with the stem can share it.
    if candidate.starts_with(stem) && stemmer().stem(candidate) == stem {
        return WHOLE;
    }
    if loose == LOOSE { LOOSE } else { NONE }
}

/// The letters and digits alone: "Cajero / cajera" and "cajero cajera" are the same title.
fn squeeze(folded: &str) -> String {
    split(folded).collect::<Vec<_>>().join(" ")
}
