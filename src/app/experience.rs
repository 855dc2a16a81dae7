//! The "Experiencia" panel (`l`): the person's past jobs. A job title is typed and its occupation picked
//! from the results; the job's destrezas and conocimientos are then marked "la tiene" (each showing the
//! job it came from) and its functions are offered for marking. State and rows live here, shared by
//! `update` (keys, clicks) and the view, so both agree on what row N is.

use crate::catalog::CatalogSet;
use crate::search::{JobMatch, JobNarrowing, SearchIndex};
use crate::session::{MarkKind, MarkLevel, Session, marked_by_experience};

/// Results kept for the title search.
pub const JOB_RESULTS: usize = 50;

/// The panel's three parts, in Tab order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExperienceField {
    /// The job title typed, and the occupations it names.
    #[default]
    Search,
    /// The past jobs added.
    Jobs,
    /// The selected job's skills and knowledge (marked) and functions (offered).
    Items,
}

impl ExperienceField {
    pub const ALL: [ExperienceField; 3] =
        [ExperienceField::Search, ExperienceField::Jobs, ExperienceField::Items];
}

/// The panel's state. Nothing is worked out to open it: the titles are searched in the index.
#[derive(Default)]
pub struct ExperiencePanel {
    pub field: ExperienceField,
    pub query: String,
    pub results: Vec<JobMatch>,
    pub result: usize,
    pub job: usize,
    pub item: usize,
    /// What the last key's search left for the next (see [`SearchIndex::job_titles_narrowing`]).
    pub narrowing: JobNarrowing,
}

/// A row of the selected job's part: a competency it marked (or that the counselor marked before) or
/// one of its functions.
#[derive(Clone, Debug, PartialEq)]
pub struct ExperienceRow {
    pub kind: MarkKind,
    pub id: String,
    pub text: String,
    pub level: Option<MarkLevel>,
    /// The titles of the past jobs the mark came from, unchanged since (empty: the counselor's own).
    pub from: Vec<String>,
}

impl ExperiencePanel {
    /// Searches the titles again for the query as it is now.
    pub fn rerun(&mut self, index: &SearchIndex) {
        self.results = index.job_titles_narrowing(&self.query, JOB_RESULTS, &mut self.narrowing);
        self.result = 0;
    }

    /// The rows of the selected past job: its destrezas and conocimientos, then its functions (but the
    /// catch-all one, which tells nothing of what the person did).
    pub fn items(&self, session: &Session, set: &CatalogSet) -> Vec<ExperienceRow> {
        let Some(job) = session.past_jobs.get(self.job) else { return Vec::new() };
        let Some(occupation) = set.occupation(&job.occupation) else { return Vec::new() };
        let row = |kind: MarkKind, id: &str, text: &str| ExperienceRow {
            kind,
            id: id.to_string(),
            text: text.to_string(),
            level: session.mark_of(kind, id),
            from: session.origins(kind, id).iter().map(|j| j.title.clone()).collect(),
        };
        let competencies = occupation.competencies.iter().filter_map(|need| {
            let c = set.competency(&need.competency)?;
            marked_by_experience(c.kind).then(|| row(MarkKind::Competency, &c.id, &c.name))
        });
        let functions = occupation
            .functions
            .iter()
            .filter(|f| !f.catch_all)
            .map(|f| row(MarkKind::Function, &f.id, &f.text));
        competencies.chain(functions).collect()
    }

    /// How many rows `field` has.
    pub fn len(&self, field: ExperienceField, session: &Session, set: &CatalogSet) -> usize {
        match field {
            ExperienceField::Search => self.results.len(),
            ExperienceField::Jobs => session.past_jobs.len(),
            ExperienceField::Items => self.items(session, set).len(),
        }
    }

    /// The selected row of `field`.
    pub fn selected(&self, field: ExperienceField) -> usize {
        match field {
            ExperienceField::Search => self.result,
            ExperienceField::Jobs => self.job,
            ExperienceField::Items => self.item,
        }
    }

    pub fn select(&mut self, field: ExperienceField, row: usize) {
        match field {
            ExperienceField::Search => self.result = row,
            ExperienceField::Jobs => {
                if self.job != row {
                    self.item = 0;
                }
                self.job = row;
            }
            ExperienceField::Items => self.item = row,
        }
    }
}
