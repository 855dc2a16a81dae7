//! Everything the screen shows, derived where it can be from the catalog and the session.

use super::notice::NotesNotice;
use crate::catalog::{CatalogSet, Occupation};
use crate::i18n::Lang;
use crate::search::{Hit, SearchIndex};
use crate::session::Session;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui_textarea::TextArea;
use std::sync::Arc;

pub use super::start_screen::{FormField, NewSessionForm, SessionRow, SessionsScreen};

/// The version of the consent text; stored with each consent so a later wording change is traceable.
pub const CONSENT_VERSION: &str = "ley-1581-2012/v1";

pub struct Model {
    pub lang: Lang,
    pub catalog: Arc<CatalogSet>,
    pub index: Arc<SearchIndex>,
    /// Set by the runtime before each `update`; tests set it by hand.
    pub now: Timestamp,
    pub tz: TimeZone,
    /// Terminal size in cells.
    pub size: (u16, u16),
    pub screen: Screen,
    /// The start screen's list, kept while a session is open so `q` returns to it at once.
    pub sessions: SessionsScreen,
    pub counselor: String,
    pub quitting: bool,
    /// Kiosk mode: self-service, private between visitors, no way out but the administrator's PIN.
    pub kiosk: Option<super::kiosk::KioskState>,
    /// Sessions left while their saves failed: kept here, retried until on disk (never at a kiosk, whose
    /// idle wipe forgets the visitor whatever happens).
    pub unsaved: Vec<super::saving::Unsaved>,
    /// The last save (or, at a kiosk, the last probe) failed, and none has succeeded since.
    pub save_trouble: Option<super::saving::SaveFailure>,
    /// The data folder cannot be written (why, in words): sessions are listed and opened read-only,
    /// none is created or deleted.
    pub data_read_only: Option<String>,
    /// The keys in force: the defaults with config.ron's `keys:` over them.
    pub keymap: super::keymap::Keymap,
    /// Issue 13: config.ron's `office:`, for the header, the start screen and every export.
    pub office: crate::config::Office,
    /// Office mode: the office's server cannot be reached; sessions are saved on this desk only.
    pub office_offline: bool,
}

pub enum Screen {
    /// Kiosk mode's first screen: what this is and "Pulse Enter para comenzar".
    Welcome,
    /// Kiosk mode after "Terminar": the code to give at the desk (`None` while writing, or if it failed).
    KioskDone(Option<Result<String, super::Failure>>),
    Sessions,
    NewSession(NewSessionForm),
    Workspace(Box<Workspace>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Sectors,
    Occupations,
    Functions,
    Programs,
    /// The focused occupation's detail under the list: its related occupations are rows.
    Detail,
}

impl Pane {
    /// Every pane, as the screen and the mouse know them.
    pub const ALL: [Pane; 5] =
        [Pane::Sectors, Pane::Occupations, Pane::Functions, Pane::Programs, Pane::Detail];
    /// The panes Tab goes through, in order; the detail is reached with its own key or a click.
    pub const CYCLE: [Pane; 4] = [Pane::Sectors, Pane::Occupations, Pane::Functions, Pane::Programs];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DetailTab {
    #[default]
    Functions,
    Competencies,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Persistence {
    /// On disk and nothing changed since.
    Saved,
    /// Changed; a save is scheduled.
    Pending,
    /// No consent: nothing is written; the header says "sin guardar" at all times.
    Unsaved,
    /// Another rumbo has this session open.
    ReadOnly,
    /// The last save failed; it says why. Changes stay in memory; retried every few seconds and on `r`.
    Failed(super::saving::SaveFailure),
}

pub struct Workspace {
    pub session: Session,
    pub persistence: Persistence,
    /// Every change is in the session's journal, if not yet in its file: on disk all the same, so the
    /// header says "guardado" while the save is pending.
    pub journaled: bool,
    pub focus: Pane,
    pub tab: DetailTab,
    pub sector: usize,
    pub occupation: usize,
    pub function: usize,
    pub competency: usize,
    pub program: usize,
    /// The selected row of the occupation detail's related occupations.
    pub related: usize,
    pub sort_by_fit: bool,
    pub overlay: Option<Overlay>,
    /// Where the last key pressed works, when it did nothing here; cleared by the next key.
    pub hint: Option<super::keymap::KeyHint>,
    /// The best-fit view's filters (competency level, sector), kept while the view is closed.
    pub best_filter: crate::session::BestFilter,
    /// The interest suggestions' filters (issue 16), kept while the screen is closed.
    pub interest_filter: crate::session::BestFilter,
    /// `c` went from an occupation to one of its CUOC equivalents: Backspace goes back.
    pub cuoc_jump: Option<CuocJump>,
    /// Office mode: read-only because of the office's lock (where it is open, or the lock was lost).
    pub office_read_only: Option<super::OfficeReadOnly>,
    /// Office mode: what the header says besides saving (both versions kept, offline).
    pub office_note: Option<super::OfficeNote>,
}

/// A jump from an occupation (`from`) to its `index`-th loaded CUOC equivalent (`to`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CuocJump {
    pub from: String,
    pub to: String,
    pub index: usize,
}

pub enum Overlay {
    Search(SearchPopup),
    /// Boxed: the editor is large and the other overlays are small.
    Notes(Box<NotesEditor>),
    /// `g`: what the person lacks for an occupation, and the programs; marked and shortlisted in place.
    Gap(super::GapView),
    /// `?`: every key, scrolled when it does not fit.
    Help(HelpScroll),
    Export(ExportDialog),
    /// `q` in a session without consent: leaving loses it, so ask (and offer to export first).
    ConfirmDiscard,
    /// `m`: the occupations that fit best across every sector.
    BestFit(super::BestFitView),
    /// `l`: the person's past jobs. Boxed: it holds the folded titles.
    Experience(Box<super::ExperiencePanel>),
    /// `p`: the plan — profile, contact, goals, steps, follow-up (issue 13).
    Plan(Box<super::plan::PlanPanel>),
    /// `v`: the selected item's whole text (issue 14).
    FullText(Box<FullText>),
    /// `u`: «¿Qué le gusta hacer?», its questions then its results (issue 16).
    Interests(super::InterestsPanel),
}

/// `v`: the whole text of what is selected where it was pressed, scrolled as the `?` help is (the view
/// reports how far it can scroll). The text is read from the selection when drawn: nothing can move the
/// selection while it is open. `under` is the view it was opened from (best fit), shown again on closing.
#[derive(Default)]
pub struct FullText {
    pub scroll: HelpScroll,
    pub under: Option<Box<Overlay>>,
}

/// How far the `?` help is scrolled. Only the view knows how many lines the help takes at the screen's
/// size, so `max` is what the last frame drew (the runtime passes it on as `Msg::HelpRoom`); `None` until
/// a frame has shown it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HelpScroll {
    pub offset: usize,
    pub max: Option<usize>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExportField {
    #[default]
    Format,
    SessionNotes,
}

/// `e`: the format, whether the session notes go in (occupation notes always do), and the outcome.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportDialog {
    pub format: crate::export::Format,
    pub session_notes: bool,
    pub field: ExportField,
    /// Where the last export went, or why it failed.
    pub outcome: Option<Result<std::path::PathBuf, super::Failure>>,
    /// The dialog was opened from the discard question: leave once the export is written.
    pub then_leave: bool,
}

pub struct SearchPopup {
    pub query: String,
    pub hits: Vec<Hit>,
    pub total: usize,
    pub selected: usize,
    /// Every item the query matched, so the next key only rescores those (same results, less work).
    pub narrowing: crate::search::Narrowing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotesTab {
    Session,
    Occupation,
}

pub struct NotesEditor {
    pub tab: NotesTab,
    pub editor: TextArea<'static>,
    /// The occupation the occupation tab writes to (the focused one when the editor opened).
    pub occupation: Option<String>,
    /// Said under the editor instead of its keys: the note is full, or a paste did not fit whole.
    pub notice: Option<NotesNotice>,
}

impl Model {
    pub fn new(lang: Lang, catalog: Arc<CatalogSet>, index: Arc<SearchIndex>) -> Model {
        Model {
            lang,
            catalog,
            index,
            now: Timestamp::UNIX_EPOCH,
            tz: TimeZone::UTC,
            size: (80, 24),
            screen: Screen::Sessions,
            sessions: SessionsScreen::default(),
            counselor: String::new(),
            quitting: false,
            kiosk: None,
            unsaved: Vec::new(),
            save_trouble: None,
            data_read_only: None,
            keymap: Default::default(),
            office: Default::default(),
            office_offline: false,
        }
    }

    /// Whether quitting now would lose text: a session unsaved and not copied elsewhere either.
    pub fn would_lose_text(&self) -> bool {
        let open = self.workspace().is_some_and(|ws| matches!(ws.persistence, Persistence::Failed(_)));
        open || self.unsaved.iter().any(|u| u.copied_to.is_none())
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        match &self.screen {
            Screen::Workspace(ws) => Some(ws),
            _ => None,
        }
    }
}

impl Workspace {
    pub fn new(session: Session, persistence: Persistence) -> Workspace {
        Workspace {
            session,
            persistence,
            journaled: false,
            focus: Pane::Sectors,
            tab: DetailTab::Functions,
            sector: 0,
            occupation: 0,
            function: 0,
            competency: 0,
            program: 0,
            related: 0,
            sort_by_fit: false,
            overlay: None,
            hint: None,
            best_filter: Default::default(),
            interest_filter: Default::default(),
            cuoc_jump: None,
            office_read_only: None,
            office_note: None,
        }
    }

    /// The occupations listed for the selected sector: its own, then those placed elsewhere that list it
    /// as a complementary area (their `sector` is another); each group best fit first when sorting by fit.
    /// An occupation is found in its own sector first, so going to one lands in its principal area.
    pub fn occupations<'a>(&self, set: &'a CatalogSet) -> Vec<&'a Occupation> {
        let Some(sector) = set.sectors().nth(self.sector) else { return Vec::new() };
        let mut list = self.sorted(set.occupations_in(&sector.id).collect());
        list.extend(self.sorted(set.occupations_also_in(&sector.id).collect()));
        list
    }

    fn sorted<'a>(&self, list: Vec<&'a Occupation>) -> Vec<&'a Occupation> {
        if !self.sort_by_fit {
            return list;
        }
        let fits = crate::session::standings(&self.session, &list);
        let mut order: Vec<usize> = (0..list.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(fits[i].rank()));
        order.into_iter().map(|i| list[i]).collect()
    }

    pub fn current_occupation<'a>(&self, set: &'a CatalogSet) -> Option<&'a Occupation> {
        self.occupations(set).get(self.occupation).copied()
    }

    /// The focused occupation's related occupations that a loaded catalog holds, in its order.
    pub fn related<'a>(&self, set: &'a CatalogSet) -> Vec<&'a Occupation> {
        let Some(occupation) = self.current_occupation(set) else { return Vec::new() };
        occupation.related.iter().filter_map(|id| set.occupation(id)).collect()
    }

    /// The selected row of `pane` (of the tab shown, in the functions pane).
    pub fn selected(&self, pane: Pane) -> usize {
        match pane {
            Pane::Sectors => self.sector,
            Pane::Occupations => self.occupation,
            Pane::Functions => match self.tab {
                DetailTab::Functions => self.function,
                DetailTab::Competencies => self.competency,
            },
            Pane::Programs => self.program,
            Pane::Detail => self.related,
        }
    }

    pub fn is_read_only(&self) -> bool {
        self.persistence == Persistence::ReadOnly
    }
}
