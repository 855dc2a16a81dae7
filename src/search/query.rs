//! A query as typed, cleaned and folded into what the scan needs.

use super::bound;
use super::fold::{fold_char, is_combining, is_subsequence};
use super::words;
use crate::text;
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Matcher, Utf32Str};

/// A prepared query: one nucleo atom per folded word, and the key that an exact title must equal.
pub(super) struct Query {
    /// The cleaned, folded query, before splitting into words (what [`Narrowing`] compares).
    pub(super) folded: String,
    /// The folded query through [`squeeze`]: its letters and digits, words split by one space.
    pub(super) key: String,
    /// `key.chars().count()`, to skip texts too short to be the title.
    pub(super) key_chars: usize,
    pub(super) atoms: Vec<Atom>,
    /// Each atom's word, for [`bound`]; same order.
    pub(super) words: Vec<Word>,
    /// The words in the order typed.
    pub(super) typed: Vec<String>,
    /// The highest score nucleo can give any text for this query ([`bound::most_anywhere`]).
    pub(super) most: u32,
    /// The words a text must hold ([`words`]): the letter-and-digit runs of the words scored.
    pub(super) terms: Vec<String>,
    /// The other chars of each word scored that has any ("(bilingüismo)", "!ventas"), which a
    /// text must hold in that order, as before words were matched as words.
    pub(super) marks: Vec<Vec<char>>,
    /// Each of `terms` against the index's vocabulary; filled by [`super::index::Index::prepare`].
    pub(super) tables: Vec<words::Term>,
}

/// A query word as [`bound`] reads it.
pub(super) struct Word {
    /// Its place among the words as typed.
    pub(super) typed: usize,
    /// `None` for a word too long to bound; then it counts for [`bound::most_anywhere`].
    pub(super) needle: Option<bound::Needle>,
    /// [`bound::most_anywhere`] for it.
    pub(super) most: u32,
}

impl Word {
    pub(super) fn of(atom: &Atom, typed: usize) -> Word {
        let chars: Vec<char> = atom.needle_text().chars().collect();
        Word { typed, most: bound::most_anywhere(chars.len()), needle: bound::Needle::new(&chars) }
    }

    /// At least what nucleo scores this word in `haystack`, which must match it.
    pub(super) fn most_in(&self, haystack: Utf32Str<'_>, scratch: &mut bound::Scratch) -> u32 {
        match (haystack, &self.needle) {
            (_, None) => self.most,
            (Utf32Str::Ascii(text), Some(needle)) => bound::most_ascii(text, needle, scratch),
            (Utf32Str::Unicode(text), Some(needle)) => bound::most_chars(text, needle, scratch),
        }
    }
}

impl Query {
    /// Cleans and folds a user's query; `None` when no word is left.
    pub(super) fn new(raw: &str, case: CaseMatching) -> Option<Query> {
        let clean = text::sanitize_line(raw);
        let folded: String = clean.chars().filter(|&c| !is_combining(c)).map(fold_char).collect();
        let all: Vec<&str> = folded.split_whitespace().collect();
        if all.is_empty() {
            return None;
        }
        // Stop words never decide a match, nor add to a score; a query of nothing else keeps them.
        let content = |word: &&str| !words::split(word).all(words::is_stop_word);
        let words: Vec<&str> =
            if all.iter().any(content) { all.into_iter().filter(content).collect() } else { all };
        let terms = words.iter().flat_map(|word| words::split(word)).map(str::to_string).collect();
        let marks = words
            .iter()
            .map(|word| word.chars().filter(|c| !c.is_alphanumeric()).collect::<Vec<char>>())
            .filter(|marks| !marks.is_empty())
            .collect();
        let mut atoms: Vec<(usize, Atom)> = words
            .iter()
            .map(|word| Atom::new(word, case, Normalization::Never, AtomKind::Fuzzy, false))
            .enumerate()
            .collect();
        // The sum of scores does not depend on the order; longer words reject more items, so
        // trying them first skips scoring the short ones ("de", "la") on most of the catalog.
        // Among words of the same length the last typed comes first: the others were typed before
        // and matched already; the new one is what narrows the results, and is the one whose
        // bound (see `scan_block`) most often rules a text out.
        atoms.reverse();
        atoms.sort_by_key(|(_, atom)| std::cmp::Reverse(atom.needle_text().len()));
        let key: String = squeeze(folded.chars()).collect();
        let words_of_atoms: Vec<Word> = atoms.iter().map(|(typed, atom)| Word::of(atom, *typed)).collect();
        let most = words_of_atoms.iter().fold(0u32, |sum, word| sum.saturating_add(word.most));
        let typed = words.iter().map(|word| word.to_string()).collect();
        let atoms = atoms.into_iter().map(|(_, atom)| atom).collect();
        Some(Query {
            key_chars: key.chars().count(),
            key,
            atoms,
            words: words_of_atoms,
            typed,
            folded,
            most,
            terms,
            marks,
            tables: Vec::new(),
        })
    }

    /// Whether `haystack` holds every word's other chars ([`Query::marks`]) in order.
    pub(super) fn holds_marks(&self, haystack: Utf32Str<'_>) -> bool {
        self.marks.iter().all(|marks| match haystack {
            Utf32Str::Ascii(text) => {
                let mut rest = text.iter();
                marks.iter().all(|&m| rest.any(|&c| char::from(c) == m))
            }
            Utf32Str::Unicode(text) => is_subsequence(text, marks),
        })
    }

    /// nucleo's score, summed over the words; a word found only as a stem or a typo ("cajeros" in
    /// "Cajera", which is no subsequence of it) adds nothing.
    pub(super) fn score(&self, haystack: Utf32Str<'_>, matcher: &mut Matcher) -> u32 {
        let mut total = 0u32;
        for atom in &self.atoms {
            total = total.saturating_add(u32::from(atom.score(haystack, matcher).unwrap_or(0)));
        }
        total
    }

    /// Whether the query is the item's whole text, or a program's own name (from `title_start`).
    pub(super) fn is_title_of(&self, whole: Utf32Str<'_>, title_start: usize) -> bool {
        if self.key.is_empty() || whole.len() < self.key_chars {
            return false; // cheap early out: squeezing only shortens
        }
        squeeze(whole.chars()).eq(self.key.chars())
            || title_start > 0
                && title_start <= whole.len()
                && squeeze(whole.slice(title_start..).chars()).eq(self.key.chars())
    }
}

/// The letters and digits of `chars`, each run of anything else (spaces, punctuation) turned into
/// one space, none at either end: "  Recuperar cartera vencida." → "recuperar cartera vencida"
/// once folded. Lazy, so comparing two texts allocates nothing.
pub(super) fn squeeze(chars: impl Iterator<Item = char>) -> impl Iterator<Item = char> {
    let mut started = false;
    let mut pending = false;
    chars
        .flat_map(move |c| {
            if !c.is_alphanumeric() {
                pending = started;
                return [None, None];
            }
            started = true;
            [std::mem::take(&mut pending).then_some(' '), Some(c)]
        })
        .flatten()
}
