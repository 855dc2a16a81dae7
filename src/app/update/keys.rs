//! Small helpers to read keys the same way everywhere.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Windows terminals report releases too; only presses (and repeats) act.
pub fn is_press(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
}

/// A plain character typed without Ctrl or Alt (Shift is part of the character).
pub fn typed(key: &KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c) if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => Some(c),
        _ => None,
    }
}

/// Moves a selection in a list of `len` rows; `page` rows for PgUp/PgDn.
pub fn moved(current: usize, len: usize, key: &KeyEvent, page: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    let next = match (key.code, typed(key)) {
        (KeyCode::Up, _) | (_, Some('k')) => current.saturating_sub(1),
        (KeyCode::Down, _) | (_, Some('j')) => (current + 1).min(last),
        (KeyCode::PageUp, _) => current.saturating_sub(page.max(1)),
        (KeyCode::PageDown, _) => (current + page.max(1)).min(last),
        (KeyCode::Home, _) => 0,
        (KeyCode::End, _) => last,
        _ => return None,
    };
    Some(next)
}

/// Ctrl+C, which raw mode delivers as a key rather than as SIGINT.
pub fn is_ctrl_c(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char('c' | 'C')) && key.modifiers.contains(KeyModifiers::CONTROL)
}
