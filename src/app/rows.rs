//! The rows of the Funciones / Competencias pane, shared by `update` (selection, Space) and the view, so
//! both always agree on what row N is.

use super::model::{DetailTab, Workspace};
use crate::catalog::{CatalogSet, Importance, Link, Need};
use crate::session::MarkKind;

/// An item of the catalog, or a mark whose item is no longer in the catalog: the session keeps every
/// mark, and the pane shows the gone ones after the rest, flagged, so nothing the person had vanishes.
#[derive(Clone, Debug, PartialEq)]
pub struct DetailRow {
    pub kind: MarkKind,
    pub id: String,
    pub text: String,
    /// The longer text shown under the list for the selected row.
    pub detail: String,
    pub importance: Importance,
    pub gone: bool,
    /// The catalog infers the link (a competency need `link: Inferred`); shown like an inferred program.
    pub inferred: bool,
    /// The same competency in another loaded catalog (`same_as`): its name, and whether the
    /// equivalence is inferred. One mark counts for both.
    pub same: Option<(String, bool)>,
}

/// The first other loaded competency declared the same as the need's, with whether that is inferred.
fn same_loaded(set: &CatalogSet, need: &Need) -> Option<(String, bool)> {
    let other = need.same.iter().find_map(|id| set.competency(id))?;
    let group: Vec<&String> = std::iter::once(&need.competency).chain(&need.same).collect();
    let inferred = group
        .iter()
        .filter_map(|id| set.competency(id))
        .flat_map(|c| &c.same_as)
        .any(|s| group.contains(&&s.competency) && s.link == Link::Inferred);
    Some((other.name.clone(), inferred))
}

impl Workspace {
    pub fn detail_rows(&self, set: &CatalogSet) -> Vec<DetailRow> {
        let Some(occupation) = self.current_occupation(set) else { return Vec::new() };
        let mut rows: Vec<DetailRow> = match self.tab {
            DetailTab::Functions => occupation
                .functions
                .iter()
                .map(|f| DetailRow {
                    kind: MarkKind::Function,
                    id: f.id.clone(),
                    text: f.text.clone(),
                    detail: f.text.clone(),
                    importance: f.importance,
                    gone: false,
                    inferred: false,
                    same: None,
                })
                .collect(),
            DetailTab::Competencies => occupation
                .competencies
                .iter()
                .map(|need| {
                    let found = set.competency(&need.competency);
                    let name = found.map_or_else(|| need.competency.clone(), |c| c.name.clone());
                    let description = found.map(|c| c.description.as_str()).unwrap_or_default();
                    let detail = if description.is_empty() {
                        name.clone()
                    } else {
                        format!("{name} — {description}")
                    };
                    DetailRow {
                        kind: MarkKind::Competency,
                        // The same competency may be marked under another catalog's id: Space must
                        // change that mark, not start a second one.
                        id: std::iter::once(&need.competency)
                            .chain(&need.same)
                            .find(|id| self.session.mark_of(MarkKind::Competency, id).is_some())
                            .unwrap_or(&need.competency)
                            .clone(),
                        detail,
                        text: name,
                        importance: need.importance,
                        gone: false,
                        inferred: need.link == Link::Inferred,
                        same: same_loaded(set, need),
                    }
                })
                .collect(),
        };
        let kind = match self.tab {
            DetailTab::Functions => MarkKind::Function,
            DetailTab::Competencies => MarkKind::Competency,
        };
        for mark in &self.session.marks {
            let here = match kind {
                MarkKind::Function => mark.occupation.as_deref() == Some(occupation.id.as_str()),
                MarkKind::Competency => true,
            };
            let known = rows.iter().any(|r| r.id == mark.id)
                || (kind == MarkKind::Competency && set.competency_or_same(&mark.id).is_some());
            if mark.kind == kind && here && !known {
                rows.push(DetailRow {
                    kind,
                    id: mark.id.clone(),
                    text: mark.text.clone(),
                    detail: mark.text.clone(),
                    importance: Importance::Essential,
                    gone: true,
                    inferred: false,
                    same: None,
                });
            }
        }
        rows
    }
}
