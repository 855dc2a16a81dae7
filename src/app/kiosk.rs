//! Kiosk mode's state: the idle clock that ends a visitor's session, and the administrator's PIN prompt,
//! the only way out. Pure: the time comes from `Model::now`, so tests drive the clock.

use crate::app::keymap::KeyCombo;
use crate::kiosk::lock::PinLock;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use jiff::{SignedDuration, Timestamp};
/// The countdown shows during the last 30 seconds (or the last half, when the timeout is shorter).
const WARN_SECONDS: i64 = 30;

#[derive(Clone, Debug, PartialEq)]
pub struct KioskState {
    pub idle_seconds: u32,
    pub admin_key: AdminKey,
    /// The argon2 hash from config.ron.
    pub pin_hash: String,
    pub last_input: Timestamp,
    pub pin: Option<PinPrompt>,
    /// Wrong PINs in a row and the lock they caused; kept when the prompt closes so Esc cannot reset it,
    /// and on disk (the runtime's `Effect::SavePinLock`) so a restart cannot either.
    pub lock: PinLock,
    /// A PIN was sent to the runtime to check (`Effect::CheckPin`) and its answer has not come yet.
    pub checking: bool,
    /// Issue 14: where the visitor is on their path, once the session exists.
    pub visit: super::kiosk_visit::Visit,
    /// The kiosk's own language, while a visitor has chosen another: the next visitor gets it back.
    pub home_lang: Option<crate::i18n::Lang>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PinPrompt {
    pub input: String,
    pub wrong: bool,
}

/// A key combination such as `ctrl+alt+a`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AdminKey {
    pub modifiers: KeyModifiers,
    pub key: char,
}

impl AdminKey {
    /// Parses `ctrl+alt+a` (any order, any case; the syntax of `keys:`, see [`KeyCombo::parse`]); at least
    /// one of ctrl/alt, and one letter or digit.
    pub fn parse(text: &str) -> Option<AdminKey> {
        let combo = KeyCombo::parse(text)?;
        let KeyCode::Char(key) = combo.code else { return None };
        let modifiers = combo.modifiers;
        (key.is_ascii_alphanumeric() && modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT))
            .then_some(AdminKey { modifiers, key: key.to_ascii_lowercase() })
    }

    /// The same key as the keymap writes it, to keep every action off it.
    pub fn combo(&self) -> KeyCombo {
        KeyCombo { modifiers: self.modifiers, code: KeyCode::Char(self.key) }
    }

    pub fn matches(&self, event: &KeyEvent) -> bool {
        let KeyCode::Char(c) = event.code else { return false };
        // Terminals differ on whether Shift shows and on the case of the letter: compare loosely.
        let wanted = self.modifiers - KeyModifiers::SHIFT;
        let got = event.modifiers - KeyModifiers::SHIFT;
        got == wanted && c.eq_ignore_ascii_case(&self.key)
    }
}

impl KioskState {
    pub fn new(idle_seconds: u32, admin_key: AdminKey, pin_hash: String, now: Timestamp) -> KioskState {
        KioskState {
            idle_seconds: idle_seconds.max(10),
            admin_key,
            pin_hash,
            last_input: now,
            pin: None,
            lock: PinLock::default(),
            checking: false,
            visit: Default::default(),
            home_lang: None,
        }
    }

    fn deadline(&self) -> Timestamp {
        self.last_input + SignedDuration::from_secs(i64::from(self.idle_seconds))
    }

    fn warn_from(&self) -> Timestamp {
        let warn = WARN_SECONDS.min(i64::from(self.idle_seconds) / 2);
        self.deadline() - SignedDuration::from_secs(warn)
    }

    /// Seconds left, while the countdown is showing.
    pub fn countdown(&self, now: Timestamp) -> Option<i64> {
        // Whole seconds left, rounded up: "1 s" until the very end.
        let millis = now.duration_until(self.deadline()).as_millis().max(0);
        (now >= self.warn_from()).then(|| i64::try_from((millis + 999) / 1000).unwrap_or(0))
    }

    pub fn expired(&self, now: Timestamp) -> bool {
        now >= self.deadline()
    }

    /// When the runtime must wake up next: the start of the countdown, then every second until the end.
    pub fn next_wake(&self, now: Timestamp) -> Timestamp {
        let warn = self.warn_from();
        if now < warn { warn } else { (now + SignedDuration::from_secs(1)).min(self.deadline()) }
    }

    /// Seconds until the prompt takes a PIN again, while it is locked.
    pub fn locked(&self, now: Timestamp) -> Option<i64> {
        self.lock.locked(now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + s).unwrap()
    }

    fn state(idle: u32) -> KioskState {
        KioskState::new(idle, AdminKey::parse("ctrl+alt+a").unwrap(), String::new(), at(0))
    }

    #[test]
    fn admin_keys_parse_and_match() {
        let k = AdminKey::parse("Ctrl+Alt+A").unwrap();
        assert_eq!(k.key, 'a');
        let press = |m| KeyEvent::new(KeyCode::Char('a'), m);
        assert!(k.matches(&press(KeyModifiers::CONTROL | KeyModifiers::ALT)));
        assert!(!k.matches(&press(KeyModifiers::CONTROL)));
        assert!(!k.matches(&press(KeyModifiers::NONE)));
        for bad in ["a", "ctrl", "ctrl+alt", "ctrl+ab", "hyper+a", "ctrl+ñ", ""] {
            assert_eq!(AdminKey::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_countdown_shows_in_the_last_30_seconds_or_the_last_half() {
        let s = state(300);
        assert_eq!(s.countdown(at(269)), None);
        assert_eq!(s.countdown(at(270)), Some(30));
        assert_eq!(s.countdown(at(299)), Some(1));
        assert!(!s.expired(at(299)) && s.expired(at(300)));
        assert_eq!(s.next_wake(at(0)), at(270));
        assert_eq!(s.next_wake(at(270)), at(271));
        let short = state(20);
        assert_eq!(short.countdown(at(9)), None);
        assert_eq!(short.countdown(at(10)), Some(10));
    }
}
