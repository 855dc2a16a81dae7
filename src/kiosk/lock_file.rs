//! The PIN lock on disk: `<data dir>/kiosk-pin.ron`, readable only by the kiosk's user (0600), written
//! atomically, so that restarting the kiosk does not give a guesser three fresh tries.

use super::lock::PinLock;
use jiff::Timestamp;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "kiosk-pin.ron";

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE_NAME)
}

/// What was read, and whether the file was there but could not be read back (then the state is
/// [`PinLock::strictest`]: a damaged file never unlocks anything).
#[derive(Debug, PartialEq, Eq)]
pub struct Loaded {
    pub lock: PinLock,
    pub damaged: bool,
}

/// The lock kept in `data_dir`; none yet when there is no file.
pub fn load(data_dir: &Path, now: Timestamp) -> Loaded {
    match std::fs::read_to_string(path(data_dir)) {
        Ok(text) => match ron::from_str::<PinLock>(&text) {
            Ok(lock) => Loaded { lock: lock.checked(now), damaged: false },
            Err(_) => Loaded { lock: PinLock::strictest(now), damaged: true },
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Loaded { lock: PinLock::default(), damaged: false }
        }
        // There but unreadable (not UTF-8, permissions): as strict as a damaged file.
        Err(_) => Loaded { lock: PinLock::strictest(now), damaged: true },
    }
}

/// Writes the lock, atomically, mode 0600 whatever the umask or an older file's mode.
pub fn save(data_dir: &Path, lock: &PinLock) -> std::io::Result<()> {
    let text = ron::ser::to_string_pretty(lock, ron::ser::PrettyConfig::new().struct_names(true))
        .map_err(std::io::Error::other)?;
    std::fs::create_dir_all(data_dir)?;
    let mut options = atomic_write_file::OpenOptions::new();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt;
        options.preserve_mode(false).try_preserve_owner(false);
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    }
    let mut file = options.open(path(data_dir))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(text.as_bytes())?;
    file.commit()
}

/// `rumbo kiosk set-pin`: a new PIN starts with no wrong tries and no lock.
pub fn clear(data_dir: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path(data_dir)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + seconds).unwrap()
    }

    #[test]
    fn written_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path(), at(0)), Loaded { lock: PinLock::default(), damaged: false });
        let lock = PinLock { failures: 4, locked_until: Some(at(300)) };
        save(dir.path(), &lock).unwrap();
        assert_eq!(load(dir.path(), at(10)), Loaded { lock: lock.clone(), damaged: false });
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path(dir.path())).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        clear(dir.path()).unwrap();
        clear(dir.path()).unwrap();
        assert_eq!(load(dir.path(), at(10)).lock, PinLock::default());
    }

    #[test]
    fn a_damaged_file_locks_for_the_longest() {
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), &PinLock { failures: 1, locked_until: None }).unwrap();
        let text = std::fs::read_to_string(path(dir.path())).unwrap();
        for damaged in [&text[..text.len() / 2], "", "PinLock(failures: -1)", "\u{0}"] {
            std::fs::write(path(dir.path()), damaged).unwrap();
            let loaded = load(dir.path(), at(0));
            assert!(loaded.damaged, "{damaged:?}");
            assert_eq!(loaded.lock, PinLock::strictest(at(0)), "{damaged:?}");
        }
        std::fs::write(path(dir.path()), [0xff, 0xfe]).unwrap();
        assert_eq!(load(dir.path(), at(0)).lock, PinLock::strictest(at(0)));
    }
}
