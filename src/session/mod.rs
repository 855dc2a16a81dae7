//! A guidance session: the person, the marks, the shortlist, the notes; fit and gap; the store on disk.
//!
//! `model` and `fit` are pure; `store` and `lock` are the only parts that touch the file system.

mod error;
mod fit;
mod id;
mod lock;
mod model;
mod store;
mod timestamp;

#[cfg(test)]
mod fit_tests;
#[cfg(test)]
mod model_tests;

pub use error::{SaveCause, SessionError, StoreError};
pub use fit::{Fit, FitItem, Gap, GapItem, GapProgram, best_fit, fit, gap, orphans, percents, ranked};
pub use id::{is_valid_id, new_id};
pub use lock::SessionLock;
pub use model::{CatalogRef, Consent, FORMAT, Focus, Mark, MarkKind, MarkLevel, Session, ShortlistEntry};
pub use store::{Listed, SessionStore, parse, to_text};
