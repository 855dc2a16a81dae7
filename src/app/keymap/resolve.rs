//! The keymap in force: the defaults with the office's `keys:` laid over them, checked for conflicts.

use super::KeyHint;
use super::actions::{Action, KeyOverrides, Mode, Place};
use super::combo::KeyCombo;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Clone, Debug, PartialEq)]
pub struct Keymap {
    /// One entry per action, in [`Action::ALL`]'s order.
    keys: Vec<Vec<KeyCombo>>,
}

/// Why `keys:` was refused: the action whose key is at fault, and what is wrong with it (put into words
/// by `config`, where config.ron's errors are written).
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub action: Action,
    pub kind: ConflictKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ConflictKind {
    /// What is written is not a key.
    NotAKey(String),
    /// Ctrl+C: it leaves and quits everywhere, and the kiosk locks it.
    CtrlC,
    /// The kiosk's `admin_key`.
    AdminKey(KeyCombo),
    /// A plain character for an action that works where text is typed.
    PlainWhileTyping(KeyCombo),
    /// The key of another action that works in a place in common.
    Shared(KeyCombo, Action),
}

/// Keys no action may take: Ctrl+C (raw mode's interrupt: it leaves and quits everywhere).
const CTRL_C: KeyCombo = KeyCombo { modifiers: KeyModifiers::CONTROL, code: KeyCode::Char('c') };

impl Default for Keymap {
    fn default() -> Self {
        let keys = Action::ALL
            .iter()
            .map(|a| a.default_keys().iter().filter_map(|k| KeyCombo::parse(k)).collect())
            .collect();
        Keymap { keys }
    }
}

impl Keymap {
    /// The defaults with `overrides` over them. `admin_key` is the kiosk's way out: no action may take it.
    pub fn new(overrides: &KeyOverrides, admin_key: Option<KeyCombo>) -> Result<Keymap, Conflict> {
        let mut map = Keymap::default();
        let given = overrides.given();
        for (action, text) in &given {
            let Some(combo) = KeyCombo::parse(text) else {
                return Err(Conflict { action: *action, kind: ConflictKind::NotAKey(text.to_string()) });
            };
            map.keys[index(*action)] = vec![combo];
        }
        // The actions the office changed are blamed first: that is where the line to fix is.
        let mut order: Vec<Action> = given.iter().map(|(a, _)| *a).collect();
        let rest: Vec<Action> = Action::ALL.iter().copied().filter(|a| !order.contains(a)).collect();
        order.extend(rest);
        for action in order {
            map.check(action, admin_key)?;
        }
        Ok(map)
    }

    fn check(&self, action: Action, admin_key: Option<KeyCombo>) -> Result<(), Conflict> {
        let refuse = |kind: ConflictKind| Err(Conflict { action, kind });
        for combo in self.keys(action) {
            if combo.same_key(&CTRL_C) {
                return refuse(ConflictKind::CtrlC);
            }
            if admin_key.is_some_and(|admin| admin.same_key(combo)) {
                return refuse(ConflictKind::AdminKey(*combo));
            }
            if action.places().iter().any(|p| p.takes_text()) && combo.is_plain_char() {
                return refuse(ConflictKind::PlainWhileTyping(*combo));
            }
            for other in Action::ALL.iter().copied().filter(|o| *o != action) {
                if both_apply(action, other) && self.keys(other).iter().any(|k| k.same_key(combo)) {
                    return refuse(ConflictKind::Shared(*combo, other));
                }
            }
        }
        Ok(())
    }

    pub fn keys(&self, action: Action) -> &[KeyCombo] {
        &self.keys[index(action)]
    }

    /// Whether `event` is one of `action`'s keys.
    pub fn is(&self, action: Action, event: &KeyEvent) -> bool {
        self.keys(action).iter().any(|k| k.matches(event))
    }

    /// The action `event` means at `place`, in or out of kiosk mode.
    /// A key bound with its modifiers (`ctrl+up`) wins over the same key bound bare (`up`).
    pub fn action(&self, event: &KeyEvent, place: Place, kiosk: bool) -> Option<Action> {
        let here =
            || Action::ALL.iter().copied().filter(move |a| a.places().contains(&place) && active(*a, kiosk));
        here()
            .find(|a| self.keys(*a).iter().any(|k| k.exactly(event)))
            .or_else(|| here().find(|a| self.is(*a, event)))
    }

    /// The action `event` would mean somewhere else (for the hint of where it works).
    /// A kiosk has no start screen: its visitors are never sent there; popups' own keys give no hint.
    pub fn elsewhere(&self, event: &KeyEvent, kiosk: bool) -> Option<KeyHint> {
        // Only where a hint can name the place: a pane, or (not at a kiosk) the start screen.
        let named = |p: &Place| Place::PANES.contains(p) || (!kiosk && *p == Place::Sessions);
        let visible = |a: Action| a.places().iter().any(named);
        Action::ALL
            .iter()
            .copied()
            .find(|a| active(*a, kiosk) && visible(*a) && *a != Action::Close && self.is(*a, event))
            .and_then(|action| {
                let key = self.keys(action).iter().find(|k| k.matches(event))?;
                Some(KeyHint { action, key: *key })
            })
    }
}

fn index(action: Action) -> usize {
    Action::ALL.iter().position(|a| *a == action).unwrap_or(0)
}

fn active(action: Action, kiosk: bool) -> bool {
    action.mode() == Mode::Both || kiosk
}

/// Two actions that can both be asked of one key press: a place in common. A kiosk-only action counts
/// too (`terminar` against `buscar`): the kiosk runs every action of both modes.
fn both_apply(a: Action, b: Action) -> bool {
    a.places().iter().any(|p| b.places().contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_have_no_conflict() {
        let map = Keymap::new(&KeyOverrides::default(), KeyCombo::parse("ctrl+alt+a")).unwrap();
        assert_eq!(map, Keymap::default());
        for action in Action::ALL {
            assert!(!map.keys(*action).is_empty(), "{action:?}");
        }
    }

    #[test]
    fn an_override_replaces_the_default_keys() {
        let overrides = KeyOverrides { buscar: Some("ctrl+f".into()), ..KeyOverrides::default() };
        let map = Keymap::new(&overrides, None).unwrap();
        let ctrl_f = KeyEvent::new(KeyCode::Char('f'), KeyModifiers::CONTROL);
        let slash = KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE);
        assert_eq!(map.action(&ctrl_f, Place::Sectors, false), Some(Action::Search));
        assert_eq!(map.action(&slash, Place::Sectors, false), None);
        assert_eq!(map.action(&slash, Place::Sessions, false), Some(Action::Filter));
    }
}
