//! Terminal events as messages for `update`, with one correction: Esc and the key typed after it.
//!
//! A terminal sends Esc as the single byte ESC, and Alt+q as ESC followed by `q`. crossterm tells them
//! apart only by whether the two bytes come in one read. When the reader falls behind (the process was not
//! scheduled, the terminal or multiplexer wrote two keys at once), an Esc and the key typed 300 ms after it
//! are read together and reported as Alt+q — and rumbo, which binds nothing to Alt+letter, dropped the key:
//! the `q` that should leave the workspace, the Space that should mark. Since rumbo has no Alt shortcuts,
//! such a key is taken as what was typed: Esc, then the key. Only the kiosk's admin key, which may be an
//! Alt combination, is kept whole. (The notes editor's own Alt shortcuts — Alt+b, Alt+f… to move by word —
//! become Esc and a letter: they close the notes, like Esc, and lose nothing.)

use crate::app::{Model, Msg};
use crate::ui::regions::Regions;
use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};

/// The messages a terminal event stands for: none (focus changes), one, or Esc and a key. A mouse event is
/// looked up in `regions`, the map of what the last frame drew where.
pub fn to_msgs(event: TermEvent, model: &Model, regions: &Regions) -> Vec<Msg> {
    match event {
        TermEvent::Key(key) => match split_escape(key, model) {
            Some(plain) => vec![Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)), Msg::Key(plain)],
            None => vec![Msg::Key(key)],
        },
        TermEvent::Mouse(mouse) => vec![regions.message(mouse)],
        TermEvent::Paste(text) => vec![Msg::Paste(text)],
        TermEvent::Resize(w, h) => vec![Msg::Resize(w, h)],
        TermEvent::FocusGained | TermEvent::FocusLost => Vec::new(),
    }
}

/// The key typed after an Esc, when `key` is an Alt combination that is really Esc and that key.
fn split_escape(key: KeyEvent, model: &Model) -> Option<KeyEvent> {
    // Alt alone (Shift is part of the character): Ctrl+Alt is a real shortcut (the admin key) or, on
    // Windows, AltGr typing a symbol, and never comes from an Esc.
    if key.modifiers - KeyModifiers::SHIFT != KeyModifiers::ALT {
        return None;
    }
    if !matches!(key.code, KeyCode::Char(_) | KeyCode::Enter | KeyCode::Tab | KeyCode::Backspace) {
        return None;
    }
    if model.kiosk.as_ref().is_some_and(|kiosk| kiosk.admin_key.matches(&key)) {
        return None;
    }
    let mut plain = key;
    plain.modifiers -= KeyModifiers::ALT;
    Some(plain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::kiosk::{AdminKey, KioskState};
    use crate::catalog::{CatalogSet, builtin_file, load_files};
    use crate::search::SearchIndex;
    use std::sync::Arc;

    fn model() -> Model {
        let loaded = load_files(vec![builtin_file()]).unwrap();
        let set = Arc::new(CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()));
        let index = Arc::new(SearchIndex::new(&set));
        Model::new(crate::i18n::Lang::Es, set, index)
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> TermEvent {
        TermEvent::Key(KeyEvent::new(code, modifiers))
    }

    fn keys(msgs: &[Msg]) -> Vec<(KeyCode, KeyModifiers)> {
        msgs.iter()
            .map(|m| match m {
                Msg::Key(k) => (k.code, k.modifiers),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn alt_and_a_key_is_esc_then_the_key() {
        let m = model();
        let esc = (KeyCode::Esc, KeyModifiers::NONE);
        let alt = KeyModifiers::ALT;
        for (code, mods, then) in [
            (KeyCode::Char('q'), alt, (KeyCode::Char('q'), KeyModifiers::NONE)),
            (KeyCode::Char(' '), alt, (KeyCode::Char(' '), KeyModifiers::NONE)),
            (KeyCode::Char('Q'), alt | KeyModifiers::SHIFT, (KeyCode::Char('Q'), KeyModifiers::SHIFT)),
            (KeyCode::Enter, alt, (KeyCode::Enter, KeyModifiers::NONE)),
            (KeyCode::Backspace, alt, (KeyCode::Backspace, KeyModifiers::NONE)),
        ] {
            assert_eq!(keys(&to_msgs(key(code, mods), &m, &Regions::default())), [esc, then], "{code:?}");
        }
    }

    #[test]
    fn other_keys_are_kept_whole() {
        let mut m = model();
        let ctrl_alt = KeyModifiers::CONTROL | KeyModifiers::ALT;
        for (code, mods) in [
            (KeyCode::Char('q'), KeyModifiers::NONE),
            (KeyCode::Char('a'), ctrl_alt),
            (KeyCode::Char('@'), ctrl_alt),
            (KeyCode::Char('c'), KeyModifiers::CONTROL),
            (KeyCode::Up, KeyModifiers::ALT),
            (KeyCode::Esc, KeyModifiers::NONE),
        ] {
            assert_eq!(
                keys(&to_msgs(key(code, mods), &m, &Regions::default())),
                [(code, mods)],
                "{code:?} {mods:?}"
            );
        }
        // A kiosk whose admin key is Alt+K: that one stays whole, other Alt keys are split.
        let admin = AdminKey::parse("alt+k").unwrap();
        m.kiosk = Some(KioskState::new(300, admin, String::new(), jiff::Timestamp::now()));
        let alt_k = (KeyCode::Char('k'), KeyModifiers::ALT);
        assert_eq!(keys(&to_msgs(key(alt_k.0, alt_k.1), &m, &Regions::default())), [alt_k]);
        assert_eq!(to_msgs(key(KeyCode::Char('x'), KeyModifiers::ALT), &m, &Regions::default()).len(), 2);
    }
}
