//! How the administrator's PIN prompt locks after wrong PINs, so a visitor cannot guess it: three free
//! tries, then a lock of 1 minute, and after each further wrong PIN 5 minutes, 15 minutes, then an hour
//! each — a patient guesser gets about 30 tries a day (`a_patient_guesser_gets_few_tries_a_day`).
//!
//! Pure: the time is given, and the state is a value the runtime keeps in `<data>/kiosk-pin.ron`
//! ([`super::lock_file`]) so that restarting the kiosk does not reset it.

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

/// Wrong PINs in a row before the first lock.
pub const FREE_TRIES: u32 = 3;

/// The lock after the third wrong PIN, then after each further one; the last repeats.
pub const LOCKS: [SignedDuration; 4] = [
    SignedDuration::from_secs(60),
    SignedDuration::from_secs(5 * 60),
    SignedDuration::from_secs(15 * 60),
    SignedDuration::from_secs(60 * 60),
];

/// The longest lock, which is also what a damaged state file gives.
pub const LONGEST: SignedDuration = LOCKS[LOCKS.len() - 1];

/// Wrong PINs since the last right one (or since `rumbo kiosk set-pin`), and the lock they caused.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinLock {
    pub failures: u32,
    pub locked_until: Option<Timestamp>,
}

impl PinLock {
    /// What a state file that cannot be read gives: the strictest state there is — locked for the
    /// longest lock from `now`, and every further wrong PIN locks for that long again. Never unlocked:
    /// damaging the file must not be a way to more guesses. `rumbo kiosk set-pin` clears it.
    pub fn strictest(now: Timestamp) -> PinLock {
        PinLock { failures: FREE_TRIES + LOCKS.len() as u32 - 1, locked_until: Some(now + LONGEST) }
    }

    /// Whole seconds until the prompt takes a PIN again (at least 1), while it is locked.
    pub fn locked(&self, now: Timestamp) -> Option<i64> {
        self.locked_until.filter(|until| now < *until).map(|until| {
            let millis = now.duration_until(until).as_millis();
            i64::try_from((millis + 999) / 1000).unwrap_or(i64::MAX).max(1)
        })
    }

    /// How long the `failures`-th wrong PIN in a row locks the prompt for, if at all.
    pub fn lock_after(failures: u32) -> Option<SignedDuration> {
        let step = failures.checked_sub(FREE_TRIES)?;
        Some(LOCKS[(step as usize).min(LOCKS.len() - 1)])
    }

    /// Counts a wrong PIN typed at `now` (the prompt was not locked), locking the prompt if it is due.
    pub fn wrong(&mut self, now: Timestamp) {
        self.failures = self.failures.saturating_add(1);
        if let Some(lock) = PinLock::lock_after(self.failures) {
            self.locked_until = Some(now + lock);
        }
    }

    /// A state read back from disk, made safe against a clock set back (or a file edited by hand): no
    /// lock ends later than the longest lock from `now`.
    pub fn checked(mut self, now: Timestamp) -> PinLock {
        if let Some(until) = self.locked_until
            && until > now + LONGEST
        {
            self.locked_until = Some(now + LONGEST);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + seconds).unwrap()
    }

    #[test]
    fn three_free_tries_then_1_5_15_and_60_minutes() {
        let mut lock = PinLock::default();
        let mut now = at(0);
        for _ in 0..2 {
            lock.wrong(now);
            assert_eq!(lock.locked(now), None);
        }
        let mut waits = Vec::new();
        for _ in 0..6 {
            lock.wrong(now);
            let wait = lock.locked(now).unwrap();
            waits.push(wait);
            now += SignedDuration::from_secs(wait - 1);
            assert_eq!(lock.locked(now), Some(1), "still locked a second before the end");
            now += SignedDuration::from_secs(1);
            assert_eq!(lock.locked(now), None);
        }
        assert_eq!(waits, [60, 300, 900, 3600, 3600, 3600]);
    }

    #[test]
    fn the_strictest_state_is_locked_for_an_hour_and_stays_that_strict() {
        let mut lock = PinLock::strictest(at(0));
        assert_eq!(lock.locked(at(0)), Some(3600));
        assert_eq!(lock.locked(at(3599)), Some(1));
        lock.wrong(at(3600));
        assert_eq!(lock.locked(at(3600)), Some(3600));
    }

    #[test]
    fn a_lock_read_back_never_lasts_longer_than_the_longest() {
        let far = PinLock { failures: 9, locked_until: Some(at(10 * 86_400)) };
        assert_eq!(far.checked(at(0)).locked(at(0)), Some(3600));
        let near = PinLock { failures: 3, locked_until: Some(at(30)) };
        assert_eq!(near.clone().checked(at(0)), near);
    }

    /// Someone who tries a PIN whenever the prompt takes one, for a whole day, restarting the kiosk
    /// whenever they like (the state goes through its file format each time): fewer than 100 tries.
    #[test]
    fn a_patient_guesser_gets_few_tries_a_day() {
        let day = 86_400;
        let mut lock = PinLock::default();
        let mut tries = 0;
        let mut second = 0;
        while second < day {
            let now = at(second);
            match lock.locked(now) {
                Some(wait) => second += wait,
                None => {
                    lock.wrong(now);
                    tries += 1;
                    second += 1;
                }
            }
            // A restart: the state is read back from what was written.
            let text = ron::to_string(&lock).unwrap();
            lock = ron::from_str::<PinLock>(&text).unwrap().checked(at(second));
        }
        assert!(tries <= 100, "{tries} tries in a day");
        assert_eq!(tries, 3 + 3 + 23, "3 free, after 1, 5 and 15 minutes, then one an hour");
    }
}
