//! Typed errors of the session domain and store. The messages are for logs and developers; the UI maps
//! each variant to its own words.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// A session needs an alias (a first name or a code) to be told apart from the others.
    #[error("the alias is required")]
    AliasRequired,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file does not parse as a session. It is left exactly as it is: it may be recoverable by hand,
    /// and the store refuses to save over it.
    #[error("{}:{line}:{col}: {message}", path.display())]
    Corrupt { id: String, path: PathBuf, line: usize, col: usize, message: String },
    #[error("no session {id}")]
    NotFound { id: String },
    /// Another rumbo (or another handle in this one) holds the session's lock.
    #[error("session {id} is in use")]
    Locked { id: String },
    /// Office mode: another desk holds the session's office-wide lock (`desk`: where, when it said so).
    #[error("session {id} is open at another desk")]
    OpenElsewhere { id: String, desk: Option<String> },
    /// Not something a session file can be named after (see `is_valid_id`).
    #[error("not a session id: {id:?}")]
    InvalidId { id: String },
    /// The session, or the file it would replace, comes from a newer rumbo; saving would drop what this
    /// version does not know about.
    #[error("session {id} has format {format}, newer than this rumbo's")]
    NewerFormat { id: String, format: u32 },
    #[error("cannot write session {id}: {message}")]
    Serialize { id: String, message: String },
    /// The office's server (`store: Postgres`) refused or could not be reached; its words, which may name
    /// the host and the user, never the password.
    #[error("office server: {message}")]
    Office { message: String },
    /// `--all-offices` asked by a login that is not a coordinator (row-level security would quietly show
    /// it its own office only).
    #[error("--all-offices: not a coordinator")]
    NotCoordinator,
    /// The office's server cannot be reached (down, or the network): this desk works on without it.
    #[error("office server unreachable: {message}")]
    Unreachable { message: String },
}

/// Why a save failed, in the few kinds a person can act on; the header names it ("sin guardar — disco lleno").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveCause {
    /// No space (or quota) left: freeing space fixes it, and rumbo retries by itself.
    DiskFull,
    /// The folder or file may not be written by this user.
    NoPermission,
    /// The file system is mounted read-only.
    ReadOnlyFs,
    /// Anything else (a corrupt file in the way, an I/O error): the message says what.
    Other,
}

impl SaveCause {
    /// The cause of an I/O error, from its kind.
    pub fn of_io(error: &std::io::Error) -> SaveCause {
        use std::io::ErrorKind;
        match error.kind() {
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => SaveCause::DiskFull,
            ErrorKind::PermissionDenied => SaveCause::NoPermission,
            ErrorKind::ReadOnlyFilesystem => SaveCause::ReadOnlyFs,
            _ => SaveCause::Other,
        }
    }
}

impl StoreError {
    /// Why this error stops a save, for the header.
    pub fn cause(&self) -> SaveCause {
        match self {
            StoreError::Io { source, .. } => SaveCause::of_io(source),
            _ => SaveCause::Other,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> StoreError {
        StoreError::Io { path: path.into(), source }
    }
}

impl StoreError {
    /// The error in the user's words.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::fill;
        let s = lang.strings();
        match self {
            StoreError::Io { path, source } => {
                fill(s.store_io, &[("place", &path.display()), ("detail", source)])
            }
            StoreError::Corrupt { path, line, col, message, .. } => fill(
                s.sessions_corrupt,
                &[("place", &format!("{}:{line}:{col}", path.display())), ("detail", message)],
            ),
            StoreError::NotFound { id } => fill(s.store_not_found, &[("id", id)]),
            StoreError::Locked { id } => fill(s.store_locked, &[("id", id)]),
            StoreError::OpenElsewhere { id, desk } => {
                let at = match desk {
                    Some(desk) => fill(s.session_open_elsewhere, &[("desk", desk)]),
                    None => s.session_open_elsewhere_unknown.to_string(),
                };
                fill(s.store_open_elsewhere, &[("id", id), ("where", &at)])
            }
            StoreError::InvalidId { id } => fill(s.store_invalid_id, &[("id", id)]),
            StoreError::NewerFormat { id, format } => fill(s.store_newer, &[("id", id), ("format", format)]),
            StoreError::Serialize { id, message } => {
                fill(s.store_serialize, &[("id", id), ("detail", message)])
            }
            StoreError::Office { message } | StoreError::Unreachable { message } => {
                fill(s.store_office, &[("detail", message)])
            }
            StoreError::NotCoordinator => s.store_not_coordinator.to_string(),
        }
    }
}
