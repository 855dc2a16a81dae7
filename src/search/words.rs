//! Spanish-aware word matching: which texts a query can find at all, and how well.
//!
//! Fuzzy (subsequence) matching alone is loose: "cartera" is a subsequence of half the functions
//! of a catalog. So a text must also hold each query word as a word of its own: the word itself,
//! a word with the same Snowball Spanish stem (cajera, cajero, cajeros), a word it begins
//! (typing "manten" finds "mantenimiento"), or, for a query word of five letters or more, a word
//! one typo away (one letter wrong, missing, extra, or two swapped: "solador" finds "soldador").
//! Spanish stop words ("de", "la", "y"…) are left out of the query, unless it has nothing else.
//!
//! All of it is worked out per distinct word, not per text: at build time every text's words are
//! numbered in one vocabulary, with their stems ([`Words`], kept in the stored index); per query
//! word, one pass over the vocabulary gives each word's strength ([`Term`]), and a text's words are
//! then looked up in that table. The vocabulary is a few thousand words even at ESCO scale.

use super::to_u32;
use nucleo_matcher::Utf32Str;
use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Words that never decide a match: articles, prepositions and conjunctions.
const STOP_WORDS: [&str; 25] = [
    "a", "al", "con", "de", "del", "e", "el", "en", "la", "las", "lo", "los", "o", "para", "por", "se", "su",
    "sus", "u", "un", "una", "unas", "unos", "y", "que",
];

/// A query word of at least this many letters forgives one typo.
const TYPO_FROM: usize = 5;

/// How a text's word answers a query word: not at all, as a prefix or one typo away, or as the
/// word itself or its stem. Texts holding more query words as themselves rank first.
pub(super) const NONE: u8 = 0;
pub(super) const LOOSE: u8 = 1;
pub(super) const WHOLE: u8 = 2;

pub(super) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

pub(super) fn stemmer() -> &'static Stemmer {
    static STEMMER: std::sync::OnceLock<Stemmer> = std::sync::OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::Spanish))
}

/// The words of a folded text: its runs of letters and digits.
pub(super) fn split(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty())
}

/// Every distinct word of the index's texts, its stem, and which words each text holds.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(super) struct Words {
    /// The words, back to back; word `w` ends at `ends[w]`.
    text: String,
    ends: Vec<u32>,
    /// Each word's stem as a number; words with the same stem have the same number.
    stems: Vec<u32>,
    /// The stems, sorted, back to back; stem `s` ends at `stem_ends[s]`.
    stem_text: String,
    stem_ends: Vec<u32>,
    /// The words of each entry (in scan order), without repeats; entry `e` ends at `held_ends[e]`.
    /// Stored as raw bytes: decoding half a million varints doubled the time to read the index.
    #[serde(with = "raw")]
    held: Vec<u32>,
    #[serde(with = "raw")]
    held_ends: Vec<u32>,
}

fn nth<'a>(text: &'a str, ends: &[u32], n: usize) -> &'a str {
    let start = if n == 0 { 0 } else { ends[n - 1] as usize };
    text.get(start..ends[n] as usize).unwrap_or("")
}

impl Words {
    /// The words of `haystacks`, one per entry in scan order.
    pub(super) fn of<'a>(haystacks: impl Iterator<Item = Utf32Str<'a>>) -> Words {
        // xxh3 rather than SipHash: hashing half a million words was most of the cost.
        let mut numbers: HashMap<String, u32, xxhash_rust::xxh3::Xxh3DefaultBuilder> = HashMap::default();
        let mut words = Words::default();
        let mut text = String::new();
        let mut held: Vec<u32> = Vec::new();
        for haystack in haystacks {
            text.clear();
            text.extend(haystack.chars());
            held.clear();
            for word in split(&text) {
                let number = match numbers.get(word) {
                    Some(&number) => number,
                    None => {
                        let number = to_u32(words.ends.len());
                        words.text.push_str(word);
                        words.ends.push(to_u32(words.text.len()));
                        numbers.insert(word.to_string(), number);
                        number
                    }
                };
                if !held.contains(&number) {
                    held.push(number);
                }
            }
            words.held.extend_from_slice(&held);
            words.held_ends.push(to_u32(words.held.len()));
        }
        let stems: Vec<String> = (0..words.ends.len())
            .map(|w| stemmer().stem(nth(&words.text, &words.ends, w)).into_owned())
            .collect();
        let mut sorted: Vec<&str> = stems.iter().map(String::as_str).collect();
        sorted.sort_unstable();
        sorted.dedup();
        for stem in &sorted {
            words.stem_text.push_str(stem);
            words.stem_ends.push(to_u32(words.stem_text.len()));
        }
        words.stems =
            stems.iter().map(|stem| to_u32(sorted.binary_search(&stem.as_str()).unwrap_or(0))).collect();
        words
    }

    fn word(&self, w: usize) -> &str {
        nth(&self.text, &self.ends, w)
    }

    /// The stem number of `stem`, if some word of the texts has it.
    fn stem_number(&self, stem: &str) -> Option<u32> {
        let (mut low, mut high) = (0, self.stem_ends.len());
        while low < high {
            let mid = (low + high) / 2;
            match nth(&self.stem_text, &self.stem_ends, mid).cmp(stem) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(to_u32(mid)),
            }
        }
        None
    }

    /// Whether every number is in range: a stored index must never make a search panic.
    pub(super) fn holds_together(&self, entries: usize) -> bool {
        let words = self.ends.len();
        let ordered =
            |ends: &[u32], len: usize| ends.is_sorted() && ends.last().is_none_or(|&end| end as usize == len);
        ordered(&self.ends, self.text.len())
            && self.ends.iter().all(|&end| self.text.is_char_boundary(end as usize))
            && ordered(&self.stem_ends, self.stem_text.len())
            && self.stem_ends.iter().all(|&end| self.stem_text.is_char_boundary(end as usize))
            && self.stems.len() == words
            && self.stems.iter().all(|&s| (s as usize) < self.stem_ends.len())
            && self.held_ends.len() == entries
            && ordered(&self.held_ends, self.held.len())
            && self.held.iter().all(|&w| (w as usize) < words)
    }

    /// The words entry `slot` holds.
    fn held(&self, slot: usize) -> &[u32] {
        let start = if slot == 0 { 0 } else { self.held_ends.get(slot - 1).copied().unwrap_or(0) as usize };
        let end = self.held_ends.get(slot).map_or(start, |&end| end as usize);
        self.held.get(start..end).unwrap_or(&[])
    }

    /// How entry `slot` answers `terms`: `None` when it lacks one of them, else how many it holds
    /// as the word itself or its stem.
    pub(super) fn answer(&self, slot: usize, terms: &[Term]) -> Option<u8> {
        let held = self.held(slot);
        let mut whole = 0u8;
        for term in terms {
            let best = held.iter().map(|&w| term.strength[w as usize]).max().unwrap_or(NONE);
            match best {
                NONE => return None,
                WHOLE => whole = whole.saturating_add(1),
                _ => {}
            }
        }
        Some(whole)
    }

    /// The strength of every word of the vocabulary for the query word `word` (folded).
    pub(super) fn term(&self, word: &str) -> Term {
        let stem = self.stem_number(&stemmer().stem(word));
        let strength = (0..self.ends.len())
            .map(|w| if stem == Some(self.stems[w]) { WHOLE } else { loosely(word, self.word(w)) })
            .collect();
        Term { strength }
    }
}

/// How `candidate` answers the query word `word`, stems aside: [`WHOLE`] when the same word,
/// [`LOOSE`] when it begins with it or with a one-typo variant of a word of five letters or more.
pub(super) fn loosely(word: &str, candidate: &str) -> u8 {
    if candidate == word {
        WHOLE
    } else if candidate.starts_with(word)
        || word.chars().count() >= TYPO_FROM && one_typo_from_a_prefix(word.as_bytes(), candidate.as_bytes())
    {
        LOOSE
    } else {
        NONE
    }
}

/// Marks, for drawing, the text words of `haystack` that answer `term` though it is no
/// subsequence of the text (a stem or a typo): as far as each begins like the term.
pub(super) fn mark_words(haystack: &[char], term: &str, found: &mut Vec<u32>) {
    let stem = stemmer().stem(term);
    let mut at = 0;
    while at < haystack.len() {
        if !haystack[at].is_alphanumeric() {
            at += 1;
            continue;
        }
        let end = haystack[at..].iter().position(|c| !c.is_alphanumeric()).map_or(haystack.len(), |n| at + n);
        let word: String = haystack[at..end].iter().collect();
        if loosely(term, &word) != NONE || stemmer().stem(&word) == stem {
            let same = word.chars().zip(term.chars()).take_while(|(a, b)| a == b).count();
            found.extend((at..at + same).map(super::to_u32));
        }
        at = end;
    }
}

impl Words {}

/// One query word's strength for every word of the vocabulary ([`NONE`], [`LOOSE`], [`WHOLE`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Term {
    pub(super) strength: Vec<u8>,
}

impl Term {
    /// Whether every word this one finds, `wider` finds too: then every text this finds, it did.
    pub(super) fn within(&self, wider: &Term) -> bool {
        self.strength.len() == wider.strength.len()
            && self.strength.iter().zip(&wider.strength).all(|(&a, &b)| a == NONE || b != NONE)
    }
}

/// Whether one edit (a letter changed, left out, added, or two neighbours swapped) turns `query`
/// into the beginning of `word`. Edits are counted in bytes: exact for folded Spanish, which is
/// ASCII; a text in another script may need one edit more.
pub(super) fn one_typo_from_a_prefix(query: &[u8], word: &[u8]) -> bool {
    let same = query.iter().zip(word).take_while(|(a, b)| a == b).count();
    if same == query.len() {
        return true; // a prefix as it is
    }
    let starts = |rest: &[u8], of: &[u8]| of.starts_with(rest);
    let (q, w) = (&query[same..], word.get(same..).unwrap_or(&[]));
    // Changed, extra, missing, swapped.
    (!w.is_empty() && starts(&q[1..], &w[1..]))
        || starts(&q[1..], w)
        || (!w.is_empty() && starts(q, &w[1..]))
        || (q.len() >= 2 && w.len() >= 2 && q[0] == w[1] && q[1] == w[0] && starts(&q[2..], &w[2..]))
}

/// A `Vec<u32>` stored as its little-endian bytes, read back in one pass.
mod raw {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(numbers: &[u32], out: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = numbers.iter().flat_map(|n| n.to_le_bytes()).collect();
        out.serialize_bytes(&bytes)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<Vec<u32>, D::Error> {
        let bytes = serde_bytes::ByteBuf::deserialize(input)?;
        if bytes.len() % 4 != 0 {
            return Err(serde::de::Error::custom("not a list of u32"));
        }
        Ok(bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
    }
}
