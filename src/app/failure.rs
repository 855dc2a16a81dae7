//! Why an effect failed, as the runtime found it: a typed value that travels through `Msg` into the
//! model, and is put into words only where it is shown (`ui::failure`, in the user's language).

use crate::session::{SaveCause, StoreError};
use std::path::PathBuf;
use std::sync::Arc;

/// (The errors inside are shared, not copied: the model is cloned, `io::Error` cannot be.)
#[derive(Clone, Debug)]
pub enum Failure {
    /// The session store refused: opening, deleting, saving, recording a summary in its session.
    Store(Arc<StoreError>),
    /// A summary could not be written where summaries go.
    Export(Arc<std::io::Error>),
    /// An export from a read-only session: it could not be recorded there, and would outlive its deletion.
    ExportReadOnly,
    /// The copies of unsaved sessions could not be written into `dir`.
    Copies { dir: PathBuf, error: Arc<std::io::Error> },
    /// A session could not be put into text for a copy (the serializer's own message).
    CopyText(String),
    /// Described by whoever found it, in no particular language (tests, a fault injected by hand).
    Other(String),
}

impl Failure {
    /// Why a save failed, in the kinds a person can act on.
    pub fn cause(&self) -> SaveCause {
        match self {
            Failure::Store(e) => e.cause(),
            Failure::Export(e) | Failure::Copies { error: e, .. } => SaveCause::of_io(e),
            Failure::ExportReadOnly | Failure::CopyText(_) | Failure::Other(_) => SaveCause::Other,
        }
    }
}

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Failure {
        Failure::Store(Arc::new(error))
    }
}

impl From<&str> for Failure {
    fn from(text: &str) -> Failure {
        Failure::Other(text.to_string())
    }
}

impl From<String> for Failure {
    fn from(text: String) -> Failure {
        Failure::Other(text)
    }
}

/// Two failures are the same when they say the same (the errors inside have no equality of their own).
impl PartialEq for Failure {
    fn eq(&self, other: &Failure) -> bool {
        format!("{self:?}") == format!("{other:?}")
    }
}
