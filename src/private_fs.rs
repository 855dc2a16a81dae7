//! Files and folders rumbo creates are private to the user unless the configuration says otherwise
//! (`export_permissions`). Creation modes are filtered by the umask, so every mode here is set
//! explicitly after creating; files and folders that already exist are left as they are (an office may
//! have set them up on purpose). On Windows there are no such modes and all of this is a no-op.

use atomic_write_file::AtomicWriteFile;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A file mode rumbo may give what it writes. Never readable by all users: there is no `0644`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Only the user (the default for everything).
    #[default]
    Private,
    /// The user writes, the group reads (a front desk reading kiosk summaries).
    GroupRead,
    /// The user and the group read and write.
    GroupWrite,
}

impl Mode {
    /// The values `export_permissions` accepts, as written in config.ron.
    pub const ALLOWED: [&'static str; 3] = ["0600", "0640", "0660"];

    pub fn parse(text: &str) -> Option<Mode> {
        match text.trim() {
            "0600" => Some(Mode::Private),
            "0640" => Some(Mode::GroupRead),
            "0660" => Some(Mode::GroupWrite),
            _ => None,
        }
    }

    pub fn file_bits(self) -> u32 {
        match self {
            Mode::Private => 0o600,
            Mode::GroupRead => 0o640,
            Mode::GroupWrite => 0o660,
        }
    }

    /// A folder holding such files: the group may enter it only when it may read them.
    pub fn dir_bits(self) -> u32 {
        match self {
            Mode::Private => 0o700,
            Mode::GroupRead => 0o750,
            Mode::GroupWrite => 0o770,
        }
    }
}

/// Creates `dir` and any missing parents, each created one with `mode`'s folder bits; folders that
/// already exist keep theirs.
pub fn create_dir_all(dir: &Path, mode: Mode) -> std::io::Result<()> {
    let missing: Vec<PathBuf> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .map(Path::to_path_buf)
        .collect();
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, mode.dir_bits());
    builder.create(dir)?;
    #[cfg(unix)]
    for created in missing.iter().rev() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(created, std::fs::Permissions::from_mode(mode.dir_bits()))?;
    }
    #[cfg(not(unix))]
    let _ = (missing, mode);
    Ok(())
}

/// Writes `bytes` atomically to `path` (a temporary file beside it, then a rename). A new file gets
/// `mode`; a file being replaced keeps the mode it had.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: Mode) -> std::io::Result<()> {
    let mut file = open_atomic(path, mode)?;
    file.write_all(bytes)?;
    file.commit()
}

/// The atomic file [`write_atomic`] writes through, for callers that stream into it; `commit` it.
pub fn open_atomic(path: &Path, mode: Mode) -> std::io::Result<AtomicWriteFile> {
    #[cfg(unix)]
    let existing =
        std::fs::metadata(path).ok().map(|m| std::os::unix::fs::PermissionsExt::mode(&m.permissions()));
    let mut options = atomic_write_file::OpenOptions::new();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt;
        options.preserve_mode(false).try_preserve_owner(false);
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode.file_bits());
    }
    let file = options.open(path)?;
    // Before any byte is written, so no one can open the temporary file under a looser mode.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let bits = existing.map_or(mode.file_bits(), |m| m & 0o7777);
        file.set_permissions(std::fs::Permissions::from_mode(bits))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    Ok(file)
}

#[cfg(all(test, unix))]
#[allow(clippy::unwrap_used)] // tests fail loudly by design
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode_of(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn new_files_and_folders_get_the_mode_whatever_the_umask() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("a/b");
        create_dir_all(&dir, Mode::GroupRead).unwrap();
        assert_eq!((mode_of(&tmp.path().join("a")), mode_of(&dir)), (0o750, 0o750));
        let file = dir.join("f");
        write_atomic(&file, b"x", Mode::Private).unwrap();
        assert_eq!(mode_of(&file), 0o600);
    }

    #[test]
    fn existing_files_and_folders_keep_their_mode() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        create_dir_all(tmp.path(), Mode::Private).unwrap();
        assert_eq!(mode_of(tmp.path()), 0o755);
        let file = tmp.path().join("f");
        std::fs::write(&file, "old").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&file, b"new", Mode::Private).unwrap();
        assert_eq!(mode_of(&file), 0o640);
    }

    #[test]
    fn only_the_three_modes_parse() {
        assert_eq!(Mode::parse("0640"), Some(Mode::GroupRead));
        for bad in ["0644", "644", "0666", "", "0700"] {
            assert_eq!(Mode::parse(bad), None, "{bad}");
        }
    }
}
