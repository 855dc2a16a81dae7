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

mod class;
#[cfg(test)]
mod tests;

use class::Unit;
use class::bonus_at;

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
