//! Small helpers to read keys the same way everywhere.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Windows terminals report releases too; only presses (and repeats) act.
pub fn is_press(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
}

/// A plain character typed without Ctrl or Alt (Shift is part of the character). Windows reports AltGr
/// as Ctrl+Alt: a symbol typed that way (`@`, `€`, `#` on Spanish and Latin-American keyboards) is typed
/// text, while Ctrl+Alt with a letter or digit stays a shortcut (the kiosk's admin key).
pub fn typed(key: &KeyEvent) -> Option<char> {
    let KeyCode::Char(c) = key.code else { return None };
    let ctrl_alt = KeyModifiers::CONTROL | KeyModifiers::ALT;
    let altgr = key.modifiers.contains(ctrl_alt) && !c.is_ascii_alphanumeric() && !c.is_control();
    (altgr || !key.modifiers.intersects(ctrl_alt)).then_some(c)
}

/// Ctrl+C, which raw mode delivers as a key rather than as SIGINT.
pub fn is_ctrl_c(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char('c' | 'C')) && key.modifiers.contains(KeyModifiers::CONTROL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn altgr_symbols_are_typed_but_ctrl_alt_letters_are_not() {
        let key = |c, m| KeyEvent::new(KeyCode::Char(c), m);
        let ctrl_alt = KeyModifiers::CONTROL | KeyModifiers::ALT;
        assert_eq!(typed(&key('@', ctrl_alt)), Some('@'));
        assert_eq!(typed(&key('€', ctrl_alt)), Some('€'));
        assert_eq!(typed(&key('a', ctrl_alt)), None);
        assert_eq!(typed(&key('c', KeyModifiers::CONTROL)), None);
        assert_eq!(typed(&key('x', KeyModifiers::ALT)), None);
        assert_eq!(typed(&key('Ñ', KeyModifiers::SHIFT)), Some('Ñ'));
    }
}
