//! How many points nucleo could at most give one query word in one text, found far more cheaply than
//! nucleo's own scoring, so that texts which cannot reach the results shown are never scored.
//!
//! nucleo scores a match path by path: each matched char earns `SCORE_MATCH` (16) plus a bonus that
//! depends on the char before it in the text (a word start after whitespace 10, after a delimiter 9,
//! after other punctuation 8, a digit after a non-digit 5, ...), the first char of the word its bonus
//! twice; a char right after the previous matched one earns at least 4 and at most the bonus its run
//! started with (or its own, if 8 or more); a gap costs 3, plus 1 per char past the first, never
//! going below 0. Its optimal matcher keeps one path per cell and may miss the very best one, so the
//! score it reports is at most the best path's score. [`most`] computes that best score, a little
//! over: only over the positions where the word's chars occur, keeping per position the highest
//! score and the highest run bonus of any path ending there even if they come from two paths, and
//! letting any char start afresh from 0 points (as nucleo's gap score, floored at 0, allows).
//!
//! Everything here mirrors nucleo-matcher 0.3 with `Config::DEFAULT`; the tests check the bound
//! against nucleo itself, and the search double-checks every score it gets (see `Scan`).

/// nucleo's character classes, in its order (the order matters: "above `Delimiter`" is a word char).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    Whitespace,
    NonWord,
    Delimiter,
    Lower,
    Upper,
    Letter,
    Number,
}

/// A char of a haystack: a byte of an ASCII one, or a `char`.
pub trait Unit: Copy + PartialEq {
    fn class(self) -> Class;
}

/// [`ascii_class`] for every ASCII byte.
const ASCII_CLASSES: [Class; 128] = {
    let mut table = [Class::NonWord; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = ascii_class(b as u8);
        b += 1;
    }
    table
};

/// nucleo's class of an ASCII byte.
const fn ascii_class(b: u8) -> Class {
    match b {
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Number,
        b' ' | b'\t' | b'\n' | b'\x0C' | b'\r' => Class::Whitespace,
        // Config::DEFAULT's delimiter_chars.
        b'/' | b',' | b':' | b';' | b'|' => Class::Delimiter,
        _ => Class::NonWord,
    }
}

impl Unit for u8 {
    fn class(self) -> Class {
        ASCII_CLASSES.get(usize::from(self)).copied().unwrap_or(Class::NonWord)
    }
}

#[cfg(test)]
fn ascii_class_by_match(b: u8) -> Class {
    match b {
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Number,
        c if c.is_ascii_whitespace() => Class::Whitespace,
        b'/' | b',' | b':' | b';' | b'|' => Class::Delimiter,
        _ => Class::NonWord,
    }
}

impl Unit for char {
    fn class(self) -> Class {
        if self.is_ascii() {
            return (self as u8).class();
        }
        if self.is_lowercase() {
            Class::Lower
        } else if nucleo_matcher::chars::is_upper_case(self) {
            Class::Upper
        } else if self.is_numeric() {
            Class::Number
        } else if self.is_alphabetic() {
            Class::Letter
        } else if self.is_whitespace() {
            Class::Whitespace
        } else {
            Class::NonWord
        }
    }
}

/// [`bonus`] for every pair of classes.
const BONUSES: [[u32; 7]; 7] = {
    const CLASSES: [Class; 7] = [
        Class::Whitespace,
        Class::NonWord,
        Class::Delimiter,
        Class::Lower,
        Class::Upper,
        Class::Letter,
        Class::Number,
    ];
    let mut table = [[0; 7]; 7];
    let mut i = 0;
    while i < 7 {
        let mut j = 0;
        while j < 7 {
            table[i][j] = bonus(CLASSES[i], CLASSES[j]);
            j += 1;
        }
        i += 1;
    }
    table
};

/// `Config::bonus_for` with `Config::DEFAULT`.
const fn bonus(prev: Class, class: Class) -> u32 {
    let (p, c) = (prev as u8, class as u8);
    if c > Class::Delimiter as u8 {
        match prev {
            Class::Whitespace => return 10,
            Class::Delimiter => return 9,
            Class::NonWord => return 8,
            _ => (),
        }
    }
    let (lower, upper, number) = (Class::Lower as u8, Class::Upper as u8, Class::Number as u8);
    if p == lower && c == upper || p != number && c == number {
        5
    } else if c == Class::Whitespace as u8 {
        10
    } else if c == Class::NonWord as u8 {
        8
    } else {
        0
    }
}

/// The bonus of the char at `p`; the text's start counts as whitespace (`initial_char_class`).
fn bonus_at<T: Unit>(text: &[T], p: usize) -> u32 {
    let prev = if p == 0 { Class::Whitespace } else { text[p - 1].class() };
    BONUSES[prev as usize][text[p].class() as usize]
}

const SCORE_MATCH: u32 = 16;
const PENALTY_GAP_START: u32 = 3;
const BONUS_CONSECUTIVE: u32 = 4;
const BONUS_BOUNDARY: u32 = 8;

/// A path's end: where, with how many points, and the run bonus its next char would carry.
#[derive(Clone, Copy, Debug)]
struct Cell {
    at: u32,
    score: u32,
    run: u32,
}

/// A query word, ready for [`most`]: for each char, which positions of the word it fills.
pub struct Needle {
    len: usize,
    /// Bit `j` of `ascii[b]` is set when the word's `j`th char is the byte `b` (ASCII words only).
    ascii: Option<Box<[u64; 128]>>,
    chars: Box<[char]>,
}

impl Needle {
    /// `None` for a word of more than 64 chars (one bit per char); nobody types those.
    pub fn new(chars: &[char]) -> Option<Needle> {
        if chars.len() > 64 {
            return None;
        }
        let ascii = chars.iter().all(char::is_ascii).then(|| {
            let mut table = Box::new([0u64; 128]);
            for (j, &c) in chars.iter().enumerate() {
                table[c as usize] |= 1 << j;
            }
            table
        });
        Some(Needle { len: chars.len(), ascii, chars: chars.into() })
    }

    fn mask(&self, c: char) -> u64 {
        self.chars.iter().enumerate().filter(|&(_, &w)| w == c).fold(0, |mask, (j, _)| mask | 1 << j)
    }
}

/// Per word position: the latest path end, and the best `score + at` of the earlier ones (where a
/// gap can start from; 0 for none, which gives the same as a fresh start).
#[derive(Clone, Copy, Debug)]
struct Row {
    last: Cell,
    gap_from: u32,
}

/// No path end yet: `at` is never one char before a real one.
const NONE: Cell = Cell { at: u32::MAX - 1, score: 0, run: 0 };
const EMPTY: Row = Row { last: NONE, gap_from: 0 };

/// Buffers reused from text to text.
#[derive(Default)]
pub struct Scratch {
    rows: Vec<Row>,
}

/// At least the score nucleo gives the word of `needle` in an ASCII `text` that matches it.
pub fn most_ascii(text: &[u8], needle: &Needle, scratch: &mut Scratch) -> u32 {
    match &needle.ascii {
        Some(table) => {
            most_by(text, needle.len, |b| table.get(usize::from(b)).copied().unwrap_or(0), scratch)
        }
        // nucleo never matches a non-ASCII word in an ASCII text.
        None => 0,
    }
}

/// At least the score nucleo gives the word of `needle` in a `text` that matches it.
pub fn most_chars(text: &[char], needle: &Needle, scratch: &mut Scratch) -> u32 {
    match &needle.ascii {
        // The usual case: an ASCII word in a text with a few non-ASCII chars (a dash).
        Some(table) => most_by(text, needle.len, |c| table.get(c as usize).copied().unwrap_or(0), scratch),
        None => most_by(text, needle.len, |c| needle.mask(c), scratch),
    }
}

/// The bound in one pass over `text`: at each char of the word, the path ends there are extended
/// from the ends at earlier chars, word positions from last to first so that a char never extends
/// a path that ends on itself.
fn most_by<T: Unit>(text: &[T], len: usize, mask: impl Fn(T) -> u64, scratch: &mut Scratch) -> u32 {
    let rows = &mut scratch.rows;
    rows.clear();
    rows.resize(len, EMPTY);
    let mut best = 0;
    for (p, &c) in text.iter().enumerate() {
        let mut bits = mask(c);
        if bits == 0 {
            continue;
        }
        let at = p as u32;
        let b = bonus_at(text, p);
        while bits != 0 {
            let j = 63 - bits.leading_zeros() as usize;
            bits &= !(1u64 << j);
            let cell = if j == 0 {
                Cell { at, score: SCORE_MATCH + 2 * b, run: b }
            } else {
                let before = &mut rows[j - 1];
                if before.last.at != NONE.at && before.last.at + 2 <= at {
                    before.gap_from = before.gap_from.max(before.last.score + before.last.at);
                    before.last = NONE;
                }
                extend(before, at, b)
            };
            let row = &mut rows[j];
            if row.last.at != NONE.at {
                row.gap_from = row.gap_from.max(row.last.score + row.last.at);
            }
            row.last = cell;
            if j + 1 == len {
                best = best.max(cell.score);
            }
        }
    }
    best
}

/// The path end at `at` (bonus `b`) for the next word position, from the ends of the one before.
fn extend(before: &Row, at: u32, b: u32) -> Cell {
    // After a gap from q: score - 3 - 1 per char past the first, i.e. (score + q) - 3 - (at - 2),
    // never below 0; a fresh start from 0 is allowed too (nucleo's floor).
    let after_gap = before.gap_from.saturating_sub((PENALTY_GAP_START + at).saturating_sub(2));
    let mut cell = Cell { at, score: after_gap + b + SCORE_MATCH, run: b };
    let last = before.last;
    if last.at.wrapping_add(1) == at {
        let mut carried = last.run.max(BONUS_CONSECUTIVE);
        if b >= BONUS_BOUNDARY && b > carried {
            carried = b;
        }
        cell.score = cell.score.max(last.score + carried.max(b) + SCORE_MATCH);
        cell.run = cell.run.max(carried);
    }
    cell
}

/// The same bound, word position by word position: slower, plainer; the tests hold [`most`] to it.
#[cfg(test)]
fn most_by_rows<T: Unit>(text: &[T], word: &[T]) -> u32 {
    let Some((&first, rest)) = word.split_first() else { return 0 };
    let mut prev: Vec<Cell> = Vec::new();
    for (p, &c) in text.iter().enumerate() {
        if c == first {
            let b = bonus_at(text, p);
            prev.push(Cell { at: p as u32, score: SCORE_MATCH + 2 * b, run: b });
        }
    }
    for &c in rest {
        let mut next = Vec::new();
        let mut row = EMPTY;
        let mut k = 0;
        for (p, &h) in text.iter().enumerate() {
            if h != c {
                continue;
            }
            let at = p as u32;
            while let Some(cell) = prev.get(k).filter(|cell| cell.at + 2 <= at) {
                row.gap_from = row.gap_from.max(cell.score + cell.at);
                k += 1;
            }
            row.last = prev.get(k).copied().unwrap_or(NONE);
            next.push(extend(&row, at, bonus_at(text, p)));
        }
        prev = next;
    }
    prev.iter().map(|cell| cell.score).max().unwrap_or(0)
}

/// The highest score nucleo can give a word of `chars` chars in any text: every char at a word
/// start after whitespace or in a run that started at one (16 + 10 each), the first one's bonus
/// twice. Reached by a word typed at the start of a word of the text.
pub fn most_anywhere(chars: usize) -> u32 {
    u32::try_from(chars).unwrap_or(u32::MAX).saturating_mul(SCORE_MATCH + 10).saturating_add(10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
    use nucleo_matcher::{Config, Matcher, Utf32Str};
    use proptest::prelude::*;

    fn nucleo(text: &str, word: &str) -> Option<u32> {
        let atom = Atom::new(word, CaseMatching::Respect, Normalization::Never, AtomKind::Fuzzy, false);
        let chars: Vec<char> = text.chars().collect();
        let haystack =
            if text.is_ascii() { Utf32Str::Ascii(text.as_bytes()) } else { Utf32Str::Unicode(&chars) };
        atom.score(haystack, &mut Matcher::new(Config::DEFAULT)).map(u32::from)
    }

    fn bound(text: &str, word: &str) -> u32 {
        let mut scratch = Scratch::default();
        let word_chars: Vec<char> = word.chars().collect();
        let needle = Needle::new(&word_chars).unwrap();
        let text_chars: Vec<char> = text.chars().collect();
        let plain = most_by_rows(&text_chars, &word_chars);
        let fast = if text.is_ascii() {
            most_ascii(text.as_bytes(), &needle, &mut scratch)
        } else {
            most_chars(&text_chars, &needle, &mut scratch)
        };
        assert_eq!(fast, plain, "{word:?} in {text:?}");
        fast
    }

    fn check(text: &str, word: &str) -> Result<(), TestCaseError> {
        if let Some(score) = nucleo(text, word) {
            let most = bound(text, word);
            prop_assert!(score <= most, "{word:?} in {text:?}: nucleo {score}, bound {most}");
            prop_assert!(most <= most_anywhere(word.chars().count()), "{word:?} in {text:?}");
        }
        Ok(())
    }

    #[test]
    fn the_tables_say_what_the_rules_say() {
        for b in 0..=255u8 {
            assert_eq!(b.class(), ascii_class_by_match(b), "{b}");
            assert_eq!(char::from(b).class(), if b < 128 { b.class() } else { char::from(b).class() });
        }
    }

    #[test]
    fn the_bound_is_reached_by_a_word_start_and_is_close_otherwise() {
        for (text, word) in [
            ("mantenimiento de equipos", "mant"),
            ("el mantenimiento", "mant"),
            ("tecnicos de sistemas", "sistemas"),
            ("a", "a"),
        ] {
            assert_eq!(nucleo(text, word), Some(bound(text, word)), "{word} in {text}");
            assert_eq!(bound(text, word), most_anywhere(word.len()), "{word} in {text}");
        }
        // Letters scattered inside words score far less than the most anywhere.
        let (text, word) = ("programas de comercio internacional", "coci");
        let score = nucleo(text, word).unwrap();
        assert!(score <= bound(text, word));
        assert!(bound(text, word) + 15 < most_anywhere(4), "{}", bound(text, word));
    }

    #[test]
    fn catalog_like_texts() {
        let texts = [
            "sena — gestion comercial y telemarketing en contact center",
            "recuperar cartera en contact center bpo o inhouse, de acuerdo con normas legales.",
            "tecnico laboral en atencion en call center",
            "uniminuto — tecnica profesional en manejo de voz y datos para bpo",
            "ingles (bilinguismo)",
            "a/b:c;d|e f-g_h 1a2b3c αβγ ñandú — ok",
        ];
        let words = [
            "sena", "cc", "ca", "center", "tec", "en", "(b", "b:", "1a", "a2", "3c", "αβ", "—", "o",
            "cartera",
        ];
        for text in texts {
            for word in words {
                check(text, word).unwrap();
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn nucleo_never_scores_above_the_bound(
            text in "[abcde 0-9/,:;|()A-C\\-_.ñé—]{0,40}",
            word in "[abcde0-9/(\\-A-Cñ—]{1,6}",
        ) {
            check(&text, &word)?;
        }

        /// What lets a search start from the losses of the key before (see `Matched`).
        #[test]
        fn a_longer_word_never_loses_less(
            text in "[abcde 0-9/,(\\-A-Cñ—]{0,40}",
            word in "[abcde0-9/(\\-A-Cñ—]{1,5}",
            more in "[abcde0-9/(\\-A-Cñ—]",
        ) {
            let longer = format!("{word}{more}");
            if nucleo(&text, &longer).is_some() {
                let lost = |w: &str| most_anywhere(w.chars().count()) - bound(&text, w);
                prop_assert!(lost(&longer) >= lost(&word), "{word:?}/{longer:?} in {text:?}");
            }
        }

        #[test]
        fn long_texts_and_repeated_letters(text in "[ab ]{20,120}", word in "[ab]{1,8}") {
            check(&text, &word)?;
        }
    }
}
