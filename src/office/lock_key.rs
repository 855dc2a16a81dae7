//! The advisory lock key of a session (pure; [`super::lock`] uses it).
//!
//! Derivation, fixed forever (every desk of an office, old and new, must compute the same key, or two desks
//! would hold "different" locks on one session): 64-bit FNV-1a (offset basis 0xcbf29ce484222325, prime
//! 0x100000001b3) over the bytes of
//!
//! ```text
//! "rumbo-session" 0x00 | len(office_id) as u64 little-endian | office_id | len(session_id) as u64 LE | session_id
//! ```
//!
//! read as an `i64` (two's complement), the argument of `pg_try_advisory_lock(bigint)`. The lengths keep
//! ("ab", "c") and ("a", "bc") apart; the office id keeps equal session ids of two offices apart on a shared
//! server. It is computed here rather than by the server's `hashtext` because that is not promised to stay
//! the same across PostgreSQL versions, and this must never change.
//!
//! Collisions: two sessions open at the same moment would need equal keys; with 64 bits and a few hundred
//! sessions open at once the chance is below 1e-14. Even then the cost is a session shown read-only
//! ("abierta en otro puesto"), never two writers. `office init`'s lock (`migrate::INIT_LOCK`) is a
//! transaction-level lock taken only while migrating; a clash with it would only delay a take by that long.

const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

/// The `pg_try_advisory_lock` key of `session_id` in `office_id` (see the module comment).
pub fn lock_key(office_id: &str, session_id: &str) -> i64 {
    let mut h = fnv1a(OFFSET_BASIS, b"rumbo-session\0");
    for part in [office_id, session_id] {
        h = fnv1a(h, &(part.len() as u64).to_le_bytes());
        h = fnv1a(h, part.as_bytes());
    }
    h as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn it_is_the_standard_fnv1a_64() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(fnv1a(OFFSET_BASIS, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(OFFSET_BASIS, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(OFFSET_BASIS, b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_key_never_changes_between_versions() {
        // Pinned: a desk computing another key than its neighbours would let two desks write one session.
        assert_eq!(lock_key("kennedy-1", "abcdefghijkl"), PINNED);
    }
    // Also computed from the module comment alone, outside Rust (Python), when it was pinned.
    const PINNED: i64 = 3_071_551_370_933_703_116;

    #[test]
    fn office_and_session_are_kept_apart() {
        assert_ne!(lock_key("ab", "c"), lock_key("a", "bc"));
        assert_ne!(lock_key("kennedy-1", "abc"), lock_key("suba-2", "abc"));
        assert_ne!(lock_key("", "abc"), lock_key("abc", ""));
        assert_eq!(lock_key("kennedy-1", "abc"), lock_key("kennedy-1", "abc"));
    }

    #[test]
    fn no_collisions_among_many_real_session_ids() {
        // 200 000 ids as rumbo makes them, in two offices: no two keys alike (a 64-bit hash expects ~1e-9
        // collisions here; a broken mix, e.g. one that ignored a part, shows up at once).
        let now = jiff::Timestamp::now();
        let mut seen = HashMap::new();
        for office in ["kennedy-1", "suba-2"] {
            for _ in 0..100_000 {
                let id = crate::session::new_id(now);
                if let Some(other) = seen.insert(lock_key(office, &id), (office, id.clone())) {
                    assert_eq!(other, (office, id), "two sessions with one key");
                }
            }
        }
        assert!(seen.len() > 199_000, "ids repeat far too often: {}", seen.len());
    }
}
