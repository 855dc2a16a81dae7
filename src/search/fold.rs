//! Accent and case folding of item texts into haystacks, as fast as 52,000 texts at a start need.

use super::to_u32;
use crate::text;
use std::sync::OnceLock;

/// Folds `text` onto the end of `ascii` and returns its length, if every char folds to ASCII and
/// none is a combining mark; otherwise leaves `ascii` as it was. Runs of ASCII go in whole.
pub(super) fn fold_to_ascii(ascii: &mut Vec<u8>, text: &str) -> Option<usize> {
    let start = ascii.len();
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        let run = bytes[at..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - at);
        ascii.extend(bytes[at..at + run].iter().map(u8::to_ascii_lowercase));
        at += run;
        // `at` is at a char's first byte: the end, or a non-ASCII char.
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
        let folded = fold_char(c);
        if !folded.is_ascii() || is_combining(c) {
            ascii.truncate(start);
            return None;
        }
        ascii.push(folded as u8);
        at += c.len_utf8();
    }
    Some(ascii.len() - start)
}

/// Folds a text with combining marks, which are left out, into a haystack with a position map:
/// whether it went to `ascii` (else to `unicode`), where it starts there, its length, where its
/// title starts; and the map, if it needs one.
#[allow(clippy::type_complexity)]
pub(super) fn fold_decomposed(
    ascii_buffer: &mut Vec<u8>,
    unicode: &mut Vec<char>,
    text: &str,
    title_start: usize,
) -> ((bool, usize, usize, usize), Option<Box<[u32]>>) {
    // Folded into the ASCII buffer until a folded char is not ASCII; then what was written so
    // far moves to the char buffer, and the rest goes there too.
    let mut ascii = true;
    let start_ascii = ascii_buffer.len();
    let start_unicode = unicode.len();
    let mut positions: Option<Vec<u32>> = None;
    let (mut kept, mut start) = (0, 0);
    for (i, c) in text.chars().enumerate() {
        if i == title_start {
            start = kept;
        }
        if is_combining(c) {
            // Until the first combining mark every text char had its own haystack char.
            positions.get_or_insert_with(|| (0..i).map(to_u32).collect());
            continue;
        }
        if let Some(map) = &mut positions {
            map.push(to_u32(i));
        }
        let folded = fold_char(c);
        if ascii && folded.is_ascii() {
            ascii_buffer.push(folded as u8);
        } else {
            if ascii {
                ascii = false;
                unicode.extend(ascii_buffer.drain(start_ascii..).map(char::from));
            }
            unicode.push(folded);
        }
        kept += 1;
    }
    let (start_at, end) =
        if ascii { (start_ascii, ascii_buffer.len()) } else { (start_unicode, unicode.len()) };
    ((ascii, start_at, end - start_at, start), positions.map(Vec::into_boxed_slice))
}

/// Whether `word` appears in `text` in order, not necessarily together.
pub(super) fn is_subsequence<T: PartialEq>(text: &[T], word: &[T]) -> bool {
    let mut rest = text.iter();
    word.iter().all(|w| rest.any(|c| c == w))
}

/// [`text::fold_char`], with ASCII (almost every char of a Spanish text) taken straight: nucleo's
/// tables give the same answer through two binary searches per char, which made building the index
/// for 52,000 texts several times slower.
pub(super) fn fold_char(c: char) -> char {
    /// [`text::fold_char`] of every char before U+0180 (Latin-1 and Latin Extended-A: all of
    /// Spanish, Portuguese and French), worked out once.
    static LATIN: OnceLock<Vec<char>> = OnceLock::new();
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let latin = LATIN.get_or_init(|| ('\0'..'\u{180}').map(text::fold_char).collect());
    latin.get(c as usize).copied().unwrap_or_else(|| text::fold_char(c))
}

/// Combining accents, as in decomposed (NFD) text; folding leaves them, matching must skip them.
pub(super) fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}
