//! What people read about keys, written from the keymap in force (`app::keymap`): the footers, the `?`
//! help, the README's key tables, and the hint of where a key works.

mod tables;

pub use tables::*;

use crate::app::keymap::{Action, KeyCombo, KeyHint, Keymap, Place};
use crate::i18n::{Lang, fill};
use crossterm::event::{KeyCode, KeyModifiers};

/// `↑↓ elegir · Enter ocupaciones`: each entry's keys (the first of each action, and arrows) and word.
pub fn footer(map: &Keymap, entries: &[Entry], lang: Lang) -> String {
    let item = |(groups, label): &Entry| {
        let keys: Vec<String> = groups.iter().map(|g| footer_keys(map, g, lang)).collect();
        // No actions: a key that is not one (Space in the form), written into the label itself.
        if keys.is_empty() {
            return lang.label(label).to_string();
        }
        format!("{} {}", keys.join("/"), lang.label(label))
    };
    entries.iter().map(item).collect::<Vec<_>>().join(" · ")
}

/// [`footer`] in at most `lines` lines of `width` cells, never cutting a hint: when they do not all fit,
/// whole hints are left out, the last of the table first (the tables list the most useful first). `Esc`
/// and `?` stay: the first closes what is open, the second shows every key.
pub fn footer_lines(map: &Keymap, entries: &[Entry], lang: Lang, width: usize, lines: usize) -> Vec<String> {
    let kept = |(groups, _): &&Entry| groups.iter().flat_map(|g| g.iter()).any(|a| KEPT.contains(a));
    let mut shown: Vec<&Entry> = entries.iter().collect();
    loop {
        let items: Vec<String> = shown.iter().map(|e| footer(map, std::slice::from_ref(*e), lang)).collect();
        let packed = pack(&items, width);
        if packed.len() <= lines && packed.iter().all(|l| super::list::width(l) <= width) {
            return packed;
        }
        // The last hint that may go; when none may, the line is cut (wider than any screen rumbo draws).
        match shown.iter().rposition(|e| !kept(e)) {
            Some(i) => {
                shown.remove(i);
            }
            None => return packed.into_iter().take(lines).map(|l| super::list::clip(&l, width)).collect(),
        }
    }
}

/// [`footer_lines`] on one line.
pub fn footer_within(map: &Keymap, entries: &[Entry], lang: Lang, width: usize) -> String {
    footer_lines(map, entries, lang, width, 1).concat()
}

/// The actions a footer never leaves out.
const KEPT: &[Action] = &[Action::Close, Action::Help];

/// Hints joined by ` · `, a new line where the next would not fit.
fn pack(items: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some(line) if super::list::width(line) + 3 + super::list::width(item) <= width => {
                line.push_str(" · ");
                line.push_str(item);
            }
            _ => lines.push(item.clone()),
        }
    }
    lines
}

/// A footer group's keys: `↑↓`, `Tab`, `Mayús+Tab`.
pub fn footer_keys(map: &Keymap, group: &[Action], lang: Lang) -> String {
    let shown: Vec<&KeyCombo> = group
        .iter()
        .flat_map(|a| {
            let keys = map.keys(*a);
            // `←→` together, but the form's `Tab` without its `↓`.
            let arrows = keys.first().is_some_and(KeyCombo::is_arrow);
            answer(keys, lang)
                .or(keys.first())
                .into_iter()
                .chain(keys.iter().skip(1).filter(move |k| arrows && k.is_arrow()))
        })
        .collect();
    let sep = if shown.iter().all(|k| k.is_arrow()) { "" } else { "/" };
    shown.iter().map(|k| name(k, lang)).collect::<Vec<_>>().join(sep)
}

/// A yes answer (`confirmar`: `s` and `y`) is shown by the initial of the language's own word, `s`í or `y`es.
fn answer(keys: &[KeyCombo], lang: Lang) -> Option<&KeyCombo> {
    let plain = |c: char| keys.iter().find(move |k| **k == KeyCombo::plain(KeyCode::Char(c)));
    plain('s').and(plain('y'))?;
    plain(if lang == Lang::Es { 's' } else { 'y' })
}

/// A row's keys as the help shows them: `Tab / Mayús+Tab`, `↑↓ j k  RePág AvPág  Inicio Fin`.
pub fn row_keys(map: &Keymap, row: &Row, lang: Lang) -> String {
    let group = |actions: &[Action]| -> String {
        let first: Vec<&KeyCombo> = actions.iter().filter_map(|a| map.keys(*a).first()).collect();
        let tight = actions.len() > 1 && first.iter().all(|k| k.is_arrow());
        let mut rest: Vec<&KeyCombo> = if row.primary {
            Vec::new()
        } else {
            actions.iter().flat_map(|a| map.keys(*a).iter().skip(1)).collect()
        };
        // `↑↓ j k`: after a pair of arrows the other keys go the way vim users know them (down, then up).
        if tight {
            rest.reverse();
        }
        let mut words =
            vec![first.iter().map(|k| name(k, lang)).collect::<Vec<_>>().join(if tight { "" } else { " " })];
        words.extend(rest.iter().map(|k| name(k, lang)));
        words.join(" ")
    };
    row.groups.iter().map(|g| group(g)).collect::<Vec<_>>().join(row.sep)
}

/// The `?` help's lines, `keys    text` (four spaces: the popup wraps the text under itself).
/// The counselor's only: a kiosk visitor's keys never reach the workspace, so never its help.
pub fn help_lines(map: &Keymap, lang: Lang) -> Vec<String> {
    let mut lines: Vec<String> =
        HELP.iter().map(|r| format!("{}    {}", row_keys(map, r, lang), lang.label(r.text))).collect();
    lines.push(lang.label("ayuda.raton").to_string());
    lines
}

/// The README's key table (Spanish) or list (English), as the default keymap makes it.
pub fn readme(lang: Lang) -> String {
    let map = Keymap::default();
    let rows = HELP.iter().chain(README_MORE);
    let cell =
        |r: &Row| (row_keys(&map, r, lang).replace('|', "\\|"), lang.label(r.text).replace('|', "\\|"));
    match lang {
        Lang::Es => {
            let mut out = String::from("| Tecla | Qué hace |\n| --- | --- |\n");
            for (keys, text) in rows.map(cell) {
                out.push_str(&format!("| `{keys}` | {text} |\n"));
            }
            out
        }
        Lang::En => rows.map(cell).map(|(keys, text)| format!("- `{keys}` — {text}\n")).collect(),
    }
}

/// "s ordena por ajuste — solo en Sectores, Ocupaciones": where a key that did nothing works.
pub fn hint(hint: &KeyHint, lang: Lang) -> String {
    let s = lang.strings();
    let places: Vec<&str> = hint
        .action
        .places()
        .iter()
        .filter_map(|p| match p {
            Place::Sectors => Some(s.pane_sectors),
            Place::Occupations => Some(s.pane_occupations),
            Place::Functions => Some(s.pane_functions),
            Place::Programs => Some(s.pane_programs),
            Place::Detail => Some(s.pane_detail),
            Place::Sessions => Some(s.sessions_title),
            _ => None,
        })
        .collect();
    let what = lang.label(hint.action.name());
    fill(s.key_elsewhere, &[("key", &name(&hint.key, lang)), ("what", &what), ("places", &places.join(", "))])
}

/// A key's name for people: `Ctrl+F`, `Mayús+Tab`, `↑`, `Espacio`, `s`.
pub fn name(key: &KeyCombo, lang: Lang) -> String {
    let es = lang == Lang::Es;
    let word = |es_word: &str, en_word: &str| (if es { es_word } else { en_word }).to_string();
    let base = match key.code {
        KeyCode::Char(' ') => word("Espacio", "Space"),
        KeyCode::Char(c) if key.modifiers.is_empty() => c.to_string(),
        KeyCode::Char(c) => c.to_uppercase().to_string(),
        KeyCode::BackTab => word("Mayús+Tab", "Shift+Tab"),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => word("RePág", "PgUp"),
        KeyCode::PageDown => word("AvPág", "PgDn"),
        KeyCode::Home => word("Inicio", "Home"),
        KeyCode::End => word("Fin", "End"),
        KeyCode::Delete => word("Supr", "Del"),
        KeyCode::Backspace => word("Retroceso", "Backspace"),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        _ => key.to_string(),
    };
    let mut out = String::new();
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        out.push_str("Ctrl+");
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        out.push_str("Alt+");
    }
    if key.modifiers.contains(KeyModifiers::SHIFT) {
        out.push_str(if es { "Mayús+" } else { "Shift+" });
    }
    out + &base
}
