//! A guidance session: the person, the marks, the shortlist, the notes; fit and gap; the store on disk.
//!
//! `model` and `fit` are pure; `store`, `lock` and `disk` are the only parts that touch the file system.

mod best;
mod code;
mod disk;
mod erase;
mod error;
mod experience;
mod exported;
mod faulty;
mod fit;
// issue 13 (plan-office): follow-ups due
mod follow_up;
mod id;
// issue 16: the answers to «¿Qué le gusta hacer?»
mod interests;
pub mod journal;
mod lock;
mod model;
pub mod plan;
mod store;
// issue 16: occupations by interest
mod likes;
mod suggest;
mod timestamp;

#[cfg(test)]
mod experience_tests;
#[cfg(test)]
mod fit_tests;
#[cfg(test)]
mod journal_tests;
#[cfg(test)]
mod model_tests;
#[cfg(test)]
mod plan_tests;
#[cfg(test)]
mod rank_tests;

pub use best::{BestFilter, BestFit, BestFits, Part, Parts, best_fits, parts_of};
pub use code::{CODE_LEN, has_code, typed_code};
pub use disk::{Disk, RealDisk};
pub use erase::{Erased, MAX_DAYS, MIN_DAYS, Purged, erase, purge};
pub use error::{SaveCause, SessionError, StoreError};
pub use experience::{PastJob, marked_by_experience};
pub use exported::{ExportRecord, Removal, remove_recorded};
pub use faulty::{DiskOp, Fault, FaultyDisk, Logged};
pub use fit::{
    Fit, FitItem, Gap, GapItem, GapProgram, Standing, best_fit, fit, gap, orphans, ranked, standings,
};
pub use follow_up::{desk_code, due_by, is_due, pending_steps};
pub use id::{is_valid_id, new_id};
pub use interests::INTERESTS_FORMAT;
pub use likes::{Closeness, Liked, SUGGESTED, suggest, top_types};
pub use lock::SessionLock;
pub use model::{
    ANSWERED_NO_FORMAT, AnsweredNo, CatalogRef, Consent, FORMAT, Focus, Mark, MarkKind, MarkLevel,
    NOTE_MAX_CHARS, Session, ShortlistEntry,
};
pub use plan::{
    Contact, Education, Jornada, LanguageLevel, LanguageSkill, MAX_GOALS, PLAN_FORMAT, PlanError, Profile,
    Step, StepKind, StepStatus, Who, parse_date,
};
pub use store::{Listed, SessionStore, parse, to_text};
pub use suggest::{Suggested, suggestions};
