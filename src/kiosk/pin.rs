//! The administrator's PIN, kept only as an argon2id hash (PHC string) in config.ron.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// A PIN as typed into the kiosk's prompt, on its way to be checked. Its `Debug` shows no character of it.
#[derive(Clone, PartialEq, Eq)]
pub struct Typed(pub String);

impl std::fmt::Debug for Typed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Typed(…{} chars)", self.0.chars().count())
    }
}

/// Fewer characters than this is too easy to guess at a public workstation. Only new PINs are held to
/// it: a hash stored by an older rumbo (4 characters were enough) keeps working.
pub const MIN_LEN: usize = 6;

#[derive(Debug, PartialEq, Eq)]
pub enum PinError {
    TooShort,
    Forbidden,
    /// One character repeated, or a run up or down (`123456`, `654321`, `abcdef`): the first guesses.
    Trivial,
    Hash(String),
}

/// The PHC string to store (`$argon2id$v=19$…`), with a random salt, for a new PIN that is long enough
/// and not among the first a guesser would try.
pub fn hash(pin: &str) -> Result<String, PinError> {
    if pin.chars().count() < MIN_LEN {
        return Err(PinError::TooShort);
    }
    if pin.chars().any(|c| c.is_control() || crate::text::is_forbidden(c)) {
        return Err(PinError::Forbidden);
    }
    if is_trivial(pin) {
        return Err(PinError::Trivial);
    }
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| PinError::Hash(e.to_string()))
}

/// One character repeated (`000000`), or each character one after the last, up or down, ignoring case
/// (`123456`, `654321`, `abcdef`, `FEDCBA`).
pub fn is_trivial(pin: &str) -> bool {
    let codes: Vec<i64> = pin.chars().flat_map(char::to_lowercase).map(|c| i64::from(u32::from(c))).collect();
    let steps: Vec<i64> = codes.windows(2).map(|w| w[1] - w[0]).collect();
    match steps.first() {
        None => true,
        Some(&first) => first.abs() <= 1 && steps.iter().all(|&s| s == first),
    }
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

/// The hash `rumbo kiosk set-pin` stored for "4821" before PINs needed 6 characters.
#[cfg(test)]
pub const LEGACY_4821: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$pq7yiMTdF2XUpP2B+K45WQ$rLDDMwDEFq5f00ef0e/aU8xMEGLLPgxR5apjOv3k5V4";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_pin_verifies_and_the_hash_is_not_the_pin() {
        let stored = hash("482193").unwrap();
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains("482193"));
        assert!(verify("482193", &stored));
        assert!(!verify("482194", &stored));
        assert!(!verify("482193", ""));
        assert!(!verify("482193", "no es un hash"));
        assert_ne!(hash("482193").unwrap(), stored, "salted");
    }

    /// A hash an older rumbo stored for a 4-digit PIN, when 4 were enough: it still opens the kiosk.
    #[test]
    fn a_short_pin_stored_before_keeps_working() {
        assert!(is_hash(LEGACY_4821));
        assert!(verify("4821", LEGACY_4821));
        assert!(!verify("4822", LEGACY_4821));
    }

    #[test]
    fn repeated_characters_and_runs_are_refused() {
        for trivial in ["000000", "111111111", "123456", "654321", "abcdef", "FEDCBA", "aAaAaA", "3456789"] {
            assert_eq!(hash(trivial), Err(PinError::Trivial), "{trivial}");
        }
        for fine in ["482193", "135791", "112233", "123457", "qwerty", "ñandú1"] {
            assert!(hash(fine).is_ok(), "{fine}");
        }
    }

    #[test]
    fn only_argon2_hashes_are_hashes() {
        assert!(is_hash(&hash("482193").unwrap()));
        let stored = hash("482193").unwrap();
        for bad in
            ["", "482193", "$argon2id$", &stored[..stored.len() / 2], "$pbkdf2-sha256$i=1000$c2FsdA$aGFzaA"]
        {
            assert!(!is_hash(bad), "{bad}");
        }
    }

    #[test]
    fn short_or_strange_pins_are_refused() {
        assert_eq!(hash("123"), Err(PinError::TooShort));
        assert_eq!(hash("48219"), Err(PinError::TooShort));
        assert_eq!(hash("12\u{1b}3490"), Err(PinError::Forbidden));
    }
}
