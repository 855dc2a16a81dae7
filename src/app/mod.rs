//! The app in Elm style: a [`Model`], the [`Msg`]s that change it, [`update`] that returns [`Effect`]s and
//! does no I/O, and `ui::view` that draws a model. The runtime (`crate::runtime`) runs the effects.

mod best_fit;
mod experience;
mod failure;
mod gap;
pub mod interests;
pub mod keymap;
pub mod kiosk;
pub mod kiosk_visit;
mod model;
mod msg;
mod notice;
mod office_hold;
pub mod plan;
mod rows;
mod saving;
mod start_screen;
mod update;

pub use best_fit::{BestFitView, LEVELS, next_level, step_sector};
pub use experience::{ExperienceField, ExperiencePanel, ExperienceRow, JOB_RESULTS};
pub use failure::Failure;
pub use gap::{GapRow, GapView};
pub use interests::{InterestsPanel, InterestsTarget, Questionnaire};
pub use model::*;
pub use msg::{Area, Effect, Msg};
pub use notice::{NotesNotice, Notice, RowProblem};
pub use office_hold::{OfficeNote, OfficeReadOnly};
pub use rows::DetailRow;
pub use saving::{CopyDialog, QuitPrompt, SaveFailure, Unsaved};
pub use update::update;
