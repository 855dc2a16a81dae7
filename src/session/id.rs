//! Session ids: short, random-looking and safe to use as a file name.

use jiff::Timestamp;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// Length of a generated id: 12 base32 characters carry 60 bits, plenty for the sessions of one office.
pub const ID_LEN: usize = 12;

/// Ids are never longer than this, so a hand-made file name cannot blow up paths or the screen.
const MAX_LEN: usize = 64;

const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A new id from the time, the process and a counter, mixed through a randomly keyed hasher so that ids
/// reveal neither when nor in which order sessions were made, and two rumbos started together differ.
pub fn new_id(now: Timestamp) -> String {
    let mut hasher = std::hash::RandomState::new().build_hasher();
    now.as_nanosecond().hash(&mut hasher);
    std::process::id().hash(&mut hasher);
    COUNTER.fetch_add(1, Ordering::Relaxed).hash(&mut hasher);
    let mut bits = hasher.finish();
    (0..ID_LEN)
        .map(|_| {
            let c = ALPHABET[(bits & 31) as usize];
            bits >>= 5;
            char::from(c)
        })
        .collect()
}

/// True when `id` can name a session file: lowercase ASCII letters, digits and `-`, not starting with
/// `-`. This is what keeps a crafted id from reaching outside the sessions folder (`..`, `/`) and keeps
/// ids apart from the store's own temporary (`.…`) and lock (`….lock`) files.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    id.len() <= MAX_LEN
        && chars.next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_are_valid_and_distinct() {
        let now = Timestamp::UNIX_EPOCH;
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_id(now)).collect();
        assert_eq!(ids.len(), 1000);
        assert!(ids.iter().all(|id| id.len() == ID_LEN && is_valid_id(id)));
    }

    #[test]
    fn path_like_ids_are_refused() {
        for id in ["", "..", "../x", "a/b", ".hidden", "-x", "ABC", "a.lock", "a b", &"a".repeat(65)] {
            assert!(!is_valid_id(id), "{id:?}");
        }
        assert!(is_valid_id("abc234-x"));
    }
}
