//! The administrator's PIN, kept only as an argon2id hash (PHC string) in config.ron.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// Fewer characters than this is too easy to guess at a public workstation.
pub const MIN_LEN: usize = 4;

#[derive(Debug, PartialEq, Eq)]
pub enum PinError {
    TooShort,
    Forbidden,
    Hash(String),
}

/// The PHC string to store (`$argon2id$v=19$…`), with a random salt.
pub fn hash(pin: &str) -> Result<String, PinError> {
    if pin.chars().count() < MIN_LEN {
        return Err(PinError::TooShort);
    }
    if pin.chars().any(|c| c.is_control() || crate::text::is_forbidden(c)) {
        return Err(PinError::Forbidden);
    }
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| PinError::Hash(e.to_string()))
}

/// Whether `pin` matches the stored hash. A missing or malformed hash matches nothing.
pub fn verify(pin: &str, stored: &str) -> bool {
    !stored.is_empty() && Argon2::default().verify_password(pin.as_bytes(), stored).is_ok()
}

/// Whether `stored` is an argon2 hash (PHC string) a PIN can be checked against. Anything else — the PIN
/// itself typed into config.ron, a hash cut short when copied — would start a kiosk no PIN can end.
pub fn is_hash(stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else { return false };
    parsed.algorithm.as_str().parse::<argon2::Algorithm>().is_ok()
        && parsed.salt.is_some()
        && parsed.hash.is_some()
        && argon2::Params::try_from(&parsed).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_pin_verifies_and_the_hash_is_not_the_pin() {
        let stored = hash("4821").unwrap();
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains("4821"));
        assert!(verify("4821", &stored));
        assert!(!verify("4822", &stored));
        assert!(!verify("4821", ""));
        assert!(!verify("4821", "no es un hash"));
        assert_ne!(hash("4821").unwrap(), stored, "salted");
    }

    #[test]
    fn only_argon2_hashes_are_hashes() {
        assert!(is_hash(&hash("4821").unwrap()));
        let stored = hash("4821").unwrap();
        for bad in
            ["", "4821", "$argon2id$", &stored[..stored.len() / 2], "$pbkdf2-sha256$i=1000$c2FsdA$aGFzaA"]
        {
            assert!(!is_hash(bad), "{bad}");
        }
    }

    #[test]
    fn short_or_strange_pins_are_refused() {
        assert_eq!(hash("123"), Err(PinError::TooShort));
        assert_eq!(hash("12\u{1b}34"), Err(PinError::Forbidden));
    }
}
