//! What the model keeps when saves fail: sessions left while their changes were not on disk (kept in
//! memory and retried until they are), why the last save failed, and the question asked before quitting
//! with any of them unsaved.

use super::Failure;
use crate::session::{SaveCause, Session, StoreError};
use std::path::PathBuf;

/// A failed save: its cause (what the header names) and what went wrong (what the counselor can read,
/// in words chosen where it is shown: `ui::failure`).
#[derive(Clone, Debug, PartialEq)]
pub struct SaveFailure {
    pub cause: SaveCause,
    pub error: Failure,
}

impl SaveFailure {
    pub fn from_store(error: StoreError) -> SaveFailure {
        SaveFailure { cause: error.cause(), error: error.into() }
    }
}

/// A message alone is a failure of no known kind (tests, and errors that are not the store's).
impl From<&str> for SaveFailure {
    fn from(detail: &str) -> SaveFailure {
        SaveFailure { cause: SaveCause::Other, error: detail.into() }
    }
}

impl From<String> for SaveFailure {
    fn from(detail: String) -> SaveFailure {
        SaveFailure { cause: SaveCause::Other, error: detail.into() }
    }
}

/// A session left (to the start screen) with changes not yet on disk. Its lock stays held, so no other
/// rumbo opens the older file meanwhile, until a save succeeds.
#[derive(Clone, Debug, PartialEq)]
pub struct Unsaved {
    pub session: Session,
    /// Why the last attempt failed; `None` while the first attempt is under way.
    pub failure: Option<SaveFailure>,
    /// A copy of exactly this text was written elsewhere ("guardar una copia en otra carpeta"): quitting
    /// loses nothing, so it no longer asks.
    pub copied_to: Option<PathBuf>,
}

/// `q` on the start screen with sessions unsaved: retry, save a copy elsewhere, or stay.
#[derive(Clone, Debug, PartialEq)]
pub enum QuitPrompt {
    Ask,
    Copy(CopyDialog),
}

/// Where to write the copies: a removable drive from the list, or a folder typed by hand (the last row).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CopyDialog {
    /// The removable drives found (`/media/*`, `/run/media/*/*`, drive letters); `None` until listed.
    pub drives: Option<Vec<PathBuf>>,
    /// Index into `drives`, or `drives.len()` for the typed folder.
    pub selected: usize,
    pub typed: String,
    /// Why the last attempt to write the copies failed.
    pub error: Option<Failure>,
}

impl CopyDialog {
    /// The folder chosen: the selected drive, or the typed folder when that row is selected.
    pub fn chosen(&self) -> Option<PathBuf> {
        let drives = self.drives.as_deref().unwrap_or_default();
        match drives.get(self.selected) {
            Some(drive) => Some(drive.clone()),
            None => Some(PathBuf::from(self.typed.trim())).filter(|p| !p.as_os_str().is_empty()),
        }
    }

    pub fn on_typed_row(&self) -> bool {
        self.selected >= self.drives.as_deref().unwrap_or_default().len()
    }
}
