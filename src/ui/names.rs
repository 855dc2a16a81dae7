//! Occupation names in lists too narrow for them (issue 14). A list shows the first gendered form of a
//! name; when that is still too wide it keeps the start and the end around a middle `…`, and where two
//! names would still read the same it shows, after the `…`, the words where they differ. The labels are
//! worked out over every loaded occupation at once, so no two show the same text at a width unless
//! their names are the same.

use super::list::width;
use crate::catalog::{CatalogSet, first_form};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use unicode_width::UnicodeWidthChar;

/// The label of every distinct name, at one width.
type Labels = HashMap<String, String>;

thread_local! {
    /// The labels of the last catalog drawn, by width: a frame asks for the same few widths again and
    /// again. Keyed by the catalog's address and its size, so another catalog set never reads them.
    static CACHE: RefCell<(usize, usize, HashMap<usize, Rc<Labels>>)> = RefCell::new((0, 0, HashMap::new()));
}

/// The cells the Ocupaciones pane leaves for a name, beside a percentage `percent` cells wide (` 22% `,
/// `(19%) `): one for the `+` of a complementary area, one between name and percentage.
pub fn occupations_name_width(areas: &super::layout::WorkspaceAreas, percent: usize) -> usize {
    usize::from(super::layout::inset(areas.occupations).width).saturating_sub(percent + 2)
}

/// The text a list `width` cells wide shows for the occupation named `title` among those of `set`.
pub fn occupation_label(set: &CatalogSet, title: &str, width: usize) -> String {
    let key = (std::ptr::from_ref(set) as usize, set.occupations().count());
    let labels = CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if (cache.0, cache.1) != key {
            *cache = (key.0, key.1, HashMap::new());
        }
        cache
            .2
            .entry(width)
            .or_insert_with(|| Rc::new(labels(set.occupations().map(|o| o.title.as_str()), width)))
            .clone()
    });
    labels.get(title).cloned().unwrap_or_else(|| label(first_form(title), width))
}

/// A label for each distinct name in `names` at `width` cells; two different names never get the same
/// one as long as some candidate tells them apart (on every loaded catalog one does: tests/it).
pub fn labels<'a>(names: impl IntoIterator<Item = &'a str>, width: usize) -> Labels {
    let mut seen = HashSet::new();
    let names: Vec<&str> = names.into_iter().filter(|n| seen.insert(*n)).collect();
    // Shown by its first form, unless another name has the same first form: then by the whole name.
    let mut firsts: HashMap<&str, usize> = HashMap::new();
    for name in &names {
        *firsts.entry(first_form(name)).or_default() += 1;
    }
    let text = |name: &'a str| if firsts[first_form(name)] > 1 { name } else { first_form(name) };
    let mut defaults: HashMap<String, Vec<&str>> = HashMap::new();
    for name in &names {
        defaults.entry(label(text(name), width)).or_default().push(text(name));
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut out = Labels::new();
    for name in &names {
        let shown = text(name);
        let default = label(shown, width);
        let alike = &defaults[&default];
        let chosen = if alike.len() == 1 && !taken.contains(&default) {
            default
        } else {
            let others: Vec<&str> = alike.iter().copied().filter(|o| *o != shown).collect();
            candidates(shown, &others, width).into_iter().find(|c| !taken.contains(c)).unwrap_or(default)
        };
        taken.insert(chosen.clone());
        out.insert(name.to_string(), chosen);
    }
    out
}

/// `text` in `width` cells: whole when it fits, else its first words, `…`, and its last words (about two
/// fifths of the room), so the end that often tells two names apart stays.
pub fn label(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    if width < 8 {
        return super::list::clip(text, width);
    }
    // About two fifths for the end; a last word too long for that is kept whole while five cells of the
    // start stay.
    let mut tail = last_words(text, (width - 2) * 2 / 5);
    if !tail.starts_with(' ') {
        tail = last_words(text, width - 2 - 5);
    }
    joined(text, &tail, width)
}

/// The start of `text`, `…`, then `tail` (a suffix of it), in `width` cells.
fn joined(text: &str, tail: &str, width: usize) -> String {
    let tail = tail.trim_start();
    let room = width.saturating_sub(self::width(tail) + 2);
    let head = cells(text, room).trim_end();
    format!("{head}… {tail}")
}

/// Labels for a name whose default reads like another's: first the words from where it differs from
/// each of `others` to its end, then every split between start and end, from the middle out.
fn candidates(text: &str, others: &[&str], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    if self::width(text) <= width {
        out.push(text.to_string());
    }
    for other in others {
        let same = text.chars().zip(other.chars()).take_while(|(a, b)| a == b).count();
        // From the start of the word where they part.
        let at = text.char_indices().nth(same).map_or(text.len(), |(i, _)| i);
        let head = cells(text, (width / 4).max(1)).trim_end();
        let room = width.saturating_sub(self::width(head) + 3);
        // From the start of the word where they part, or, in a word too long for the room, a little
        // before the first character that differs.
        let mut start = text[..at].rfind(' ').map_or(0, |i| i + 1);
        if self::width(&text[start..at]) + 2 > room {
            start = text[..at].char_indices().rev().nth(1).map_or(0, |(i, _)| i);
        }
        let rest = &text[start..];
        if self::width(rest) + 3 <= width {
            out.push(joined(text, rest, width));
        } else {
            // The differing words do not fit with the start: a little of the start, then as many as fit.
            out.push(format!("{head}… {}…", cells(rest, room).trim_end()));
        }
    }
    let mut splits: Vec<usize> = (1..width.saturating_sub(1)).collect();
    let middle = width * 3 / 5;
    splits.sort_by_key(|k| k.abs_diff(middle));
    for k in splits {
        let tail = last_cells(text, width - 1 - k);
        out.push(format!("{}…{tail}", cells(text, k)));
    }
    out
}

/// The longest suffix of whole words within `room` cells (led by its space), or the last `room` cells.
fn last_words(text: &str, room: usize) -> String {
    let mut start = text.len();
    for (i, _) in text.match_indices(' ').collect::<Vec<_>>().into_iter().rev() {
        if width(&text[i + 1..]) > room {
            break;
        }
        start = i;
    }
    if start == text.len() { last_cells(text, room).to_string() } else { text[start..].to_string() }
}

/// The longest prefix of `text` within `room` cells.
fn cells(text: &str, room: usize) -> &str {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used > room {
            return &text[..i];
        }
    }
    text
}

/// The longest suffix of `text` within `room` cells.
fn last_cells(text: &str, room: usize) -> &str {
    let mut used = 0;
    for (i, c) in text.char_indices().rev() {
        used += c.width().unwrap_or(0);
        if used > room {
            return &text[i + c.len_utf8()..];
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_keeps_its_start_and_end_around_a_middle_ellipsis() {
        assert_eq!(label("Vendedores de ventas técnicas", 40), "Vendedores de ventas técnicas");
        let cut = label("Vendedores de ventas técnicas", 23);
        assert_eq!(cut, "Vendedores de… técnicas");
        assert!(width(&cut) <= 23);
    }

    #[test]
    fn two_names_that_would_read_alike_show_where_they_differ() {
        let names = ["Vendedores de ventas técnicas", "Vendedores de ventas no técnicas"];
        let labels = labels(names, 23);
        assert_eq!(labels[names[0]], "Vendedores de… técnicas");
        assert_eq!(labels[names[1]], "Vendedores… no técnicas");
    }
}
