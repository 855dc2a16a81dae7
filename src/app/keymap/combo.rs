//! One key combination as config.ron writes it (`ctrl+f`, `shift+tab`, `s`, `?`): parsed, matched
//! against what the terminal sends, and named for people. `kiosk.admin_key` uses the same syntax.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyCombo {
    pub modifiers: KeyModifiers,
    pub code: KeyCode,
}

/// Names of keys that are not characters, as written in config.ron.
const NAMED: &[(&str, KeyCode)] = &[
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("space", KeyCode::Char(' ')),
    ("espacio", KeyCode::Char(' ')),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("supr", KeyCode::Delete),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
];

impl KeyCombo {
    pub const fn plain(code: KeyCode) -> KeyCombo {
        KeyCombo { modifiers: KeyModifiers::NONE, code }
    }

    /// Parses `ctrl+alt+a`, `shift+tab`, `f2`, `?` (modifiers in any order, names in any case). A single
    /// character keeps its case (`T` is Shift+t as the terminal sends it); `+` alone is the plus key.
    pub fn parse(text: &str) -> Option<KeyCombo> {
        let text = text.trim();
        if text.chars().count() == 1 {
            return text.chars().next().map(|c| KeyCombo::plain(KeyCode::Char(c)));
        }
        let parts: Vec<&str> = text.split('+').map(str::trim).collect();
        let (last, mods) = parts.split_last()?;
        let mut modifiers = KeyModifiers::NONE;
        for part in mods {
            modifiers |= match part.to_ascii_lowercase().as_str() {
                "ctrl" | "control" => KeyModifiers::CONTROL,
                "alt" => KeyModifiers::ALT,
                "shift" | "mayús" | "mayus" => KeyModifiers::SHIFT,
                _ => return None,
            };
        }
        let lower = last.to_lowercase();
        let code = if last.chars().count() == 1 {
            let c = last.chars().next()?;
            // With Ctrl or Alt the case of a letter does not matter; written lowercase, like admin_key.
            KeyCode::Char(if modifiers.is_empty() { c } else { c.to_ascii_lowercase() })
        } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            (1..=12).contains(&n).then_some(KeyCode::F(n))?
        } else {
            NAMED.iter().find(|(name, _)| *name == lower).map(|(_, code)| *code)?
        };
        // Shift with a letter is the capital letter, which is what terminals send.
        if let (KeyCode::Char(c), KeyModifiers::SHIFT) = (code, modifiers) {
            return Some(KeyCombo::plain(KeyCode::Char(c.to_uppercase().next().unwrap_or(c))));
        }
        // Terminals send Shift+Tab as BackTab.
        let code = if code == KeyCode::Tab && modifiers.contains(KeyModifiers::SHIFT) {
            KeyCode::BackTab
        } else {
            code
        };
        if code == KeyCode::BackTab {
            modifiers -= KeyModifiers::SHIFT;
        }
        Some(KeyCombo { modifiers, code })
    }

    /// Whether the terminal's `event` is this key. A named key written without modifiers (`enter`, `up`)
    /// takes any (Alt+Enter is still Enter, as it always was in rumbo); see [`exactly`](Self::exactly).
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let named = !matches!(self.code, KeyCode::Char(_)) && self.modifiers.is_empty();
        (named && self.code == event.code) || self.exactly(event)
    }

    /// Whether `event` is this key with these modifiers. Shift is compared loosely (terminals differ on
    /// whether it shows); a plain character compares as typed, so `t` and `T` stay two keys.
    pub fn exactly(&self, event: &KeyEvent) -> bool {
        let wanted = self.modifiers - KeyModifiers::SHIFT;
        let got = event.modifiers - KeyModifiers::SHIFT;
        match (self.code, event.code) {
            (KeyCode::Char(want), KeyCode::Char(c)) if wanted.is_empty() => {
                crate::app::update::typed(event) == Some(c) && c == want
            }
            (KeyCode::Char(want), KeyCode::Char(c)) => got == wanted && c.eq_ignore_ascii_case(&want),
            (want, code) => got == wanted && want == code,
        }
    }

    /// A character typed into a text field: no Ctrl and no Alt.
    pub fn is_plain_char(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }

    /// Whether two combinations are one key as far as [`matches`](Self::matches) can tell.
    pub fn same_key(&self, other: &KeyCombo) -> bool {
        let (a, b) = (self.modifiers - KeyModifiers::SHIFT, other.modifiers - KeyModifiers::SHIFT);
        match (self.code, other.code) {
            (KeyCode::Char(x), KeyCode::Char(y)) if !a.is_empty() => a == b && x.eq_ignore_ascii_case(&y),
            (x, y) => a == b && x == y,
        }
    }

    /// An arrow, shown run together with the next one in the footer (`↑↓`, `←→`).
    pub fn is_arrow(&self) -> bool {
        self.modifiers.is_empty()
            && matches!(self.code, KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right)
    }
}

/// The key as config.ron writes it (`ctrl+f`, `shift+tab`, `s`): for messages about config.ron.
impl std::fmt::Display for KeyCombo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (modifier, word) in
            [(KeyModifiers::CONTROL, "ctrl+"), (KeyModifiers::ALT, "alt+"), (KeyModifiers::SHIFT, "shift+")]
        {
            if self.modifiers.contains(modifier) {
                f.write_str(word)?;
            }
        }
        match self.code {
            KeyCode::BackTab => f.write_str("shift+tab"),
            KeyCode::F(n) => write!(f, "f{n}"),
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            code => match NAMED.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => f.write_str(name),
                None => write!(f, "{code:?}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_config_ron_writes() {
        let f = KeyCombo::parse("Ctrl+F").unwrap();
        assert_eq!((f.modifiers, f.code), (KeyModifiers::CONTROL, KeyCode::Char('f')));
        assert!(f.matches(&KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL)));
        assert!(!f.matches(&KeyEvent::new(KeyCode::Char('f'), KeyModifiers::NONE)));
        let back = KeyCombo::parse("shift+tab").unwrap();
        assert!(back.matches(&KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)));
        assert_eq!(KeyCombo::parse("shift+t"), KeyCombo::parse("T"));
        let t = KeyCombo::parse("T").unwrap();
        assert!(t.matches(&KeyEvent::new(KeyCode::Char('T'), KeyModifiers::SHIFT)));
        assert!(!t.matches(&KeyEvent::new(KeyCode::Char('t'), KeyModifiers::NONE)));
        assert_eq!(KeyCombo::parse("f2").map(|k| k.code), Some(KeyCode::F(2)));
        assert_eq!(KeyCombo::parse("+").map(|k| k.code), Some(KeyCode::Char('+')));
        for bad in ["", "hyper+a", "ctrl+", "f13", "ctrl+banana"] {
            assert_eq!(KeyCombo::parse(bad), None, "{bad}");
        }
        assert_eq!((f.to_string(), back.to_string()), ("ctrl+f".into(), "shift+tab".into()));
        for text in ["ctrl+alt+b", "s", "T", "f10", "pagedown", "space", "?"] {
            assert_eq!(KeyCombo::parse(text).unwrap().to_string(), text);
        }
    }
}
